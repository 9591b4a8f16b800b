"""What the words around an agreement's mention say of it: the sides of the act a deal
performs (``clause_parties``), a normalisation stated by its verb alone, with no agreement
noun (``normalisations``), and the parties read from the verb the mention hangs on
(``object_parties``), from the sentence a definite first mention refers back to
(``antecedent_parties``), and the brokers a passive "negotiated by" names
(``broker_stage``).

News names the two sides of a deal in the clause saying what it does more often than
next to the deal: "Washington agreed to sell 24 jets to the UAE in a $23 billion deal"
(supplier and recipient), "Morocco became the fourth Arab state to normalise ties with
Israel, in a deal brokered by the US" (the two states restoring relations). And it reports
a normalisation with a verb as often as with a noun: "Bahrain and Qatar agreed to restore
diplomatic ties", "Israel and Sudan normalised relations in 2020" are agreements between
them although no "deal" is written.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from dyad.agreements.linking import Cluster
from dyad.agreements.stage_modality import refine
from dyad.agreements.spans import (dedupe_refs, group_after, groups, party_ref, span_root,
                                   subject_actors, token_at)
from dyad.model import ActorRef, Agreement, Evidence, Stage, make_id
from dyad.nlp.parsed import ParsedDoc, Sentence

# "sell 24 jets to the UAE", "deliveries of gas to Hungary", "a pipeline to carry Iranian gas
# to Pakistan"; "buy 250 tanks from the US"
_SUPPLY_TO = re.compile(r"\b(?:sell|sells|sold|selling|sales?|suppl(?:y|ies|ied|ying)|deliver\w*|"
                        r"export\w*|transfer\w*|provid(?:e|es|ed|ing)|pump(?:s|ed|ing)?|"
                        r"ship(?:s|ped|ping)?|send(?:s|ing)?|sent|pip(?:e|es|ed|ing)|carr(?:y|ies|ied|ying))\b(?P<what>[^,;:.]{0,60}?)"
                        r"\bto\s+(?:the\s+)?", re.IGNORECASE)
_BUY_FROM = re.compile(r"\b(?:buy|buys|bought|buying|purchas\w*|acquir\w*|import\w*|order\w*)\b"
                       r"(?P<what>[^,;:.]{0,60}?)\bfrom\s+(?:the\s+)?", re.IGNORECASE)
# "normalise ties with Israel", "establish diplomatic relations with Sudan"
_TIES_WITH = re.compile(r"\b(?:normali[sz]\w*|re-?establish\w*|establish\w*|restor\w*|resum\w*|"
                        r"upgrad\w*)(?P<what>\s+(?:full\s+|formal\s+)?(?:diplomatic\s+|economic\s+)?"
                        r"(?:relations|ties)\s+)with\s+(?:the\s+)?", re.IGNORECASE)
# "made peace with Israel", "signed a peace treaty with Jordan"
_PEACE_WITH = re.compile(r"\b(?:make|makes|made|making|sign\w*|seal\w*)(?P<what>\s+(?:a\s+)?peace"
                         r"(?:\s+(?:treaty|deal|agreement|accord))?\s+)with\s+(?:the\s+)?", re.IGNORECASE)
# "to buy Russian gas", "imports of Qatari LNG": the maker named by its demonym supplies it
_BUY_MADE = re.compile(r"\b(?:buy|buys|bought|buying|purchas\w*|import\w*|order\w*)\b(?P<what>(?:\s+of)?"
                       r"(?:\s+[\w$.,-]+){0,3}?\s+)(?=(?-i:[A-Z])[\w-]+\s+(?:natural\s+|liquefied\s+natural\s+|"
                       r"crude\s+|piped\s+)?(?:gas|oil|crude|LNG|electricity|power|coal|fuel|uranium|"
                       r"weapons|arms|fighters?|jets|tanks|missiles|helicopters|drones|warships|submarines)\b)",
                       re.IGNORECASE)
CLAUSE_PATTERNS = {"arms_deal": (_SUPPLY_TO, _BUY_FROM, _BUY_MADE), "energy": (_SUPPLY_TO, _BUY_FROM, _BUY_MADE),
                   "normalisation": (_TIES_WITH,), "peace": (_PEACE_WITH,)}
CLAUSE_KINDS = frozenset(CLAUSE_PATTERNS) | {"basing"}
# A basing deal binds the state whose forces use the bases and the host: "US troops",
# "a Chinese naval base" (the user, right before); "bases in Kenya", "Kenyan military
# facilities", "Philippine bases" (the host)
# ("an American listening post near Peshawar": the state whose post it is uses it)
_USER_AFTER = re.compile(r"\s+(?:(?:naval|navy|military|army|air)\s+)?(?:troops|forces|soldiers|"
                         r"marines|personnel|warships|military|navy|bases?|base|(?:listening|tracking|radar|"
                         r"monitoring|communications|eavesdropping)\s+(?:posts?|stations?))\b", re.IGNORECASE)
_HOST_AFTER = re.compile(r"\s+(?:(?:naval|military|air|army|four|\w+)\s+){0,2}?(?:bases|ports|"
                         r"facilities|airfields|soil|territory)\b", re.IGNORECASE)
_IN_HOST = re.compile(r"\b(?:bases?|ports?|facilit(?:y|ies)|airfields?|soil|territory|stationed|"
                      r"deployed|based)\s+(?:in|on|at)\s+(?:the\s+)?"
                      # "keeps 2,900 troops in Djibouti", "has sent troops and drones to Tripoli"
                      r"|\b(?:keeps?|kept|maintain(?:s|ed)?|deploy(?:s|ed)?|station(?:s|ed)?|sen[dt]s?|has)\s+"
                      r"(?:about\s+|some\s+|around\s+|nearly\s+|more\s+than\s+)?(?:[\d,]+\s+)?"
                      r"(?:troops|forces|soldiers)\b[^,;.]{0,40}?\s(?:in|to)\s+(?:the\s+)?"
                      r"|\bleas(?:e|es|ed|ing)\b[^,;.]{0,50}?\bfrom\s+(?:the\s+)?", re.IGNORECASE)
# "Turkey has sent troops", "France, which keeps 2,900 troops": the subject's forces
_KEEPS_FORCES = re.compile(r"\s*(?:,\s*which\s+)?(?:has\s+|have\s+|had\s+)?(?:keeps?|kept|maintain(?:s|ed)?|"
                           r"deploy(?:s|ed)?|station(?:s|ed)?|sen[dt]s?)\s+(?:about\s+|some\s+|around\s+|"
                           r"nearly\s+|more\s+than\s+)?(?:[\d,]+\s+)?(?:troops|forces|soldiers)\b", re.IGNORECASE)
# "The Philippines hosts US troops", "Djibouti, which hosts a Chinese base"
_HOSTS = re.compile(r"\s*(?:,\s*which\s+)?\s*(?:hosts|hosted|hosting|host|will\s+host)\b", re.IGNORECASE)
# "China opened its base", "China opened its first overseas military base", "Russia has
# leased the naval base": the subject uses it
_OWN_BASE = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,3}?bases?\b|\bleas(?:e|es|ed|ing)\b", re.IGNORECASE)


def basing_parties(parsed: ParsedDoc, sentences: Sequence[int], actors: Sequence[Any]) -> list[ActorRef]:
    """The user and the host a basing deal's sentences name: an actor right before
    "troops / forces / base", or a military ("US troops" read as the US military), uses the
    bases; one right before "bases / facilities / soil"
    or after "bases / stationed in" hosts them. A demonym before "bases" is the host
    ("Kenyan bases"), before "base" the user ("a Chinese naval base")."""
    text, found = parsed.text, []
    for i in sorted(set(sentences)):
        sent = parsed.sentences[i]
        inside = [a for a in actors if sent.start <= a.start and a.end <= sent.end
                  and a.actor.kind in PARTY_KINDS]
        for a in inside:
            if _HOST_AFTER.match(text, a.end, sent.end) or _USER_AFTER.match(text, a.end, sent.end) \
                    or _HOSTS.match(text, a.end, sent.end) or _KEEPS_FORCES.match(text, a.end, sent.end) \
                    or getattr(a.actor, "sector", None) == "MIL":
                found.append(a)
        for cue in _IN_HOST.finditer(text, sent.start, sent.end):
            found += group_after(text, actors, cue.end(), ceiling=sent.end, max_gap=0)
        if found and _OWN_BASE.search(text, sent.start, sent.end):
            found += opening_list(parsed, sent, actors, sent.end)
    return [party_ref(a.actor, actors) for a in found if a.actor.kind in PARTY_KINDS]
PARTY_KINDS = frozenset({"state", "igo", "group"})


def clause_parties(parsed: ParsedDoc, sentences: Sequence[int], kind: str,
                   actors: Sequence[Any]) -> list[ActorRef]:
    """The two sides of the clause saying what a deal of ``kind`` does, in its
    ``sentences``: the actors after "sell/supply/deliver ... to", "buy/order ... from",
    "normalise ties with", "make peace with", and the subject of that verb
    (``subject_actors``, else a list opening the sentence)."""
    text, out = parsed.text, []
    for i in sorted(set(sentences)):
        sent = parsed.sentences[i]
        for pattern in CLAUSE_PATTERNS.get(kind, ()):
            for cue in pattern.finditer(text, sent.start, sent.end):
                if pattern is _SUPPLY_TO and re.search(r"\bto\s+\w+\s*$", cue.group("what")):
                    continue  # "sold jets to help Ukraine": no recipient
                other = group_after(text, actors, cue.end(), ceiling=sent.end, max_gap=0)
                if not other:
                    continue
                verb = token_at(parsed, cue.start(), cue.start() + 1)
                noun = verb is not None and verb.pos in {"NOUN", "PROPN"}
                if noun and verb.dep == "dobj":
                    verb = parsed.tokens[verb.head]  # "Poland placed an order for tanks from"
                if verb is not None and verb.lemma.lower() in OUTSIDER_VERBS:
                    subject = []  # "Russia and China condemned the sale of arms to Taiwan"
                else:
                    subject = subject_actors(parsed, verb, actors) or (
                        [] if noun else opening_list(parsed, sent, actors, cue.start()))
                # "the sale of US weapons to Taiwan": the maker of what is sold supplies it
                inside = [a for a in actors if cue.start("what") <= a.start and a.end <= cue.end("what")]
                out += [party_ref(a.actor, actors) for a in other + subject + inside
                        if a.actor.kind in PARTY_KINDS or a.actor.country]
    return out


def opening_list(parsed: ParsedDoc, sent: Sentence, actors: Sequence[Any], before: int) -> list[Any]:
    """The actor list opening a sentence, before offset ``before`` ("Morocco became the
    fourth state to normalise ties with Israel": Morocco); none when words precede it."""
    found = groups(parsed.text, [a for a in actors if sent.start <= a.start and a.end <= before])
    if not found or re.search(r"\w", re.sub(r"^\s*The\b", "", parsed.text[sent.start:found[0][0].start])):
        return []
    return found[0]


# A normalisation stated by its verb: "agreed to restore diplomatic ties", "normalised
# relations", "re-established diplomatic relations"; not "cut ties", "ties are strained".
# "relations", "their full diplomatic and economic ties"
_TIES = r"(?:(?:their|its|bilateral|full|formal|normal|diplomatic|economic|and)\s+){0,4}(?:relations|ties)\b"
_NORMALISE = re.compile(r"\b(?P<verb>normali[sz](?:e|es|ed|ing)|re-?establish(?:es|ed|ing)?|"
                        r"establish(?:es|ed|ing)?|restor(?:e|es|ed|ing)|resum(?:e|es|ed|ing))"
                        r"\s+" + _TIES +
                        # "Israel and Chad renewed diplomatic relations": renewed after a break
                        # (only diplomatic ones: "renewed ties" may be anything)
                        r"|\b(?P<renewed>renew(?:s|ed|ing)?)\s+(?:(?:their|its|full)\s+)?diplomatic\s+(?:relations|ties)\b"
                        # "agreed to reopen their embassies", "exchanged ambassadors", "agreed to
                        # return their ambassadors"
                        r"|\b(?P<embassy>re-?open(?:s|ed|ing)?\s+(?:their\s+|its\s+)?embass(?:y|ies)|"
                        r"exchang(?:e|es|ed|ing)\s+ambassadors|"
                        r"return(?:s|ed|ing)?\s+(?:their|its)\s+ambassadors)\b" +
                        # "announced the normalisation of relations", "agreed on the
                        # restoration of diplomatic ties": the noun is the act
                        r"|\b(?P<noun>normali[sz]ation|re-?establishment|restoration|resumption)"
                        r"\s+of\s+" + _TIES, re.IGNORECASE)
_WITH = re.compile(r"\s+(?:with|between)\s+(?:the\s+)?")
ASSERTED = frozenset({"asserted", "reported"})


def normalisations(parsed: ParsedDoc, records: Sequence[Agreement], actors: Sequence[Any],
                   mention_sents: set[int], modality: Callable, *,
                   dates: Sequence[Any] = ()) -> list[Agreement]:
    """Normalisations stated by a verb in a sentence without an agreement mention: two or
    more states joined as its subject ("Bahrain and Qatar agreed to restore ties"), or its
    subject and the state after "with" ("Sudan normalised relations with Israel"), when
    the act is asserted or reported (agreeing to it counts: "agreed to restore ties" is
    the agreement, negotiated by each side) and no normalisation of the document already
    binds the same states. A joint communique signed there or in the next two sentences
    is the normalisation's own text, signed jointly (``_communique_signing``)."""
    return [_communique_signing(parsed, r, dates, modality)
            for r in _normalisations(parsed, records, actors, mention_sents, modality)]


def _normalisations(parsed: ParsedDoc, records: Sequence[Agreement], actors: Sequence[Any],
                    mention_sents: set[int], modality: Callable) -> list[Agreement]:
    out: list[Agreement] = []
    known = [frozenset(p.country or p.actor_id for p in r.parties) for r in records
             if r.kind == "normalisation"]
    partner_of: dict[int, list[ActorRef]] = {}  # sentence -> the side after "with" there
    for sent in parsed.sentences:
        if sent.i in mention_sents:
            continue
        out += _passive_normalisations(parsed, sent, actors, known)
        if sent.i - 1 in partner_of:  # "Bahrain followed a month later": with the same partner
            follower = opening_list(parsed, sent, actors, sent.end)
            if follower and _FOLLOWED.match(parsed.text, follower[-1].end, sent.end):
                parties = dedupe_refs([*(party_ref(a.actor, actors) for a in follower
                                         if a.actor.kind in PARTY_KINDS), *partner_of[sent.i - 1]])
                ids = frozenset(p.country or p.actor_id for p in parties)
                if len(ids) >= 2 and not any(ids <= k for k in known):
                    known.append(ids)
                    out.append(_normalisation(parsed, sent, parties, [], sent.start))
        for cue in _NORMALISE.finditer(parsed.text, sent.start, sent.end):
            if sent.parsed:
                verb = token_at(parsed, cue.start(), cue.start() + 1)
                if cue.group("noun") and verb is not None and verb.dep == "pobj":
                    verb = parsed.tokens[verb.head]  # "agreed on the restoration of ties"
                if cue.group("noun") and verb is not None and verb.dep in {"dobj", "prep"}:
                    verb = parsed.tokens[verb.head]  # "announced the normalisation of relations"
                if verb is None or verb.pos != "VERB":
                    continue
                agree = _agreeing(parsed, verb)
                reading = modality(parsed, agree or verb).modality
                subject = subject_actors(parsed, verb, actors, passive=False)
            else:  # a sentence the selector did not parse: word order and modal words
                before = parsed.text[sent.start:cue.start()]
                if cue.group("noun") and not _ANNOUNCED.search(before):
                    continue  # "The restoration of relations ... seems distant": no act
                reading = "intended" if _NOT_DONE.search(before) else "asserted"
                agree = True if re.search(r"\bagree[ds]?\b", before, re.IGNORECASE) else None
                subject = opening_list(parsed, sent, actors, cue.start())
            if _RANKED.search(parsed.text, max(sent.start, cue.start() - 80), cue.start()):
                # "The UAE became the first Gulf state to normalise ties with Israel": done
                reading = "asserted"
                subject = subject or opening_list(parsed, sent, actors, cue.start())
            if reading not in ASSERTED:
                continue
            sides = [a for a in subject if a.actor.kind in PARTY_KINDS]
            with_ = _WITH.match(parsed.text, cue.end())
            if with_ is not None:
                partners = [a for a in group_after(parsed.text, actors, with_.end(), ceiling=sent.end,
                                                   max_gap=0) if a.actor.kind in PARTY_KINDS]
                sides += partners
                if partners and sides != partners:
                    partner_of[sent.i] = [party_ref(a.actor, actors) for a in partners]
            parties = list({r.actor_id: r for r in (party_ref(a.actor, actors) for a in sides)}.values())
            ids = frozenset(p.country or p.actor_id for p in parties)
            if len(ids) < 2 or any(ids <= k for k in known):
                continue
            known.append(ids)
            out.append(_normalisation(parsed, sent, parties, ["negotiated"] if agree is not None
                                      else [], cue.start(), reading))
    return out


# "signed a joint communique", "signing a communique", "a joint communique signed in
# Beijing", "the communique was signed": how states write down a normalisation
_COMMUNIQUE_SIGNED = re.compile(r"\b(?P<verb>sign(?:s|ed|ing)?)\s+(?:a|the|their)\s+(?:[\w-]+\s+){0,2}?"
                                r"communiqu[eé]\b|\bcommuniqu[eé]\s+(?:(?:was|has\s+been)\s+)?"
                                r"(?P<participle>signed)\b", re.IGNORECASE)
COMMUNIQUE_REACH = 2  # sentences after the normalisation's own where its communique may be told


def _communique_signing(parsed: ParsedDoc, record: Agreement, dates: Sequence[Any],
                        modality: Callable) -> Agreement:
    """``record`` with a joint ``signed`` stage when its sentence or one of the next
    ``COMMUNIQUE_REACH`` sentences tells a joint communique signed ("Kiribati and China
    restored relations on Friday with a joint communique signed in Beijing", "The two
    foreign ministers signed a joint communique"), before any other normalisation is told.
    The communique records the act: in the act's sentence its date is the nearest before the
    signing ("restored relations on Friday with a communique signed in Beijing"); in a later
    sentence the one its own words give, else the act's."""
    first = next((s for s in parsed.sentences if s.start == record.evidence[0].start), None)
    if first is None:
        return record
    for sent in parsed.sentences[first.i:first.i + COMMUNIQUE_REACH + 1]:
        if sent.i > first.i and _NORMALISE.search(parsed.text, sent.start, sent.end):
            break  # another normalisation is told: the communique is its
        cue = _COMMUNIQUE_SIGNED.search(parsed.text, sent.start, sent.end)
        if cue is None:
            continue
        name = "verb" if cue.group("verb") else "participle"
        verb = token_at(parsed, cue.start(name), cue.start(name) + 1)
        reading = "asserted" if verb is None else refine(parsed, verb, modality(parsed, verb).modality,
                                                         stage="signed")
        if cue.group("participle") or verb is not None and verb.tag == "VBG" and verb.dep not in {"ROOT", ""}:
            reading = "asserted"  # "with a communique signed in Beijing", "..., signing a communique"
        own = _dates_in(dates, sent)
        before = [d for d in own if d.end <= cue.start()]
        after = [d for d in own if d.start >= cue.end()]
        if sent.i == first.i:
            date = before[-1] if before else (after or [None])[0]
        else:
            date = (after or before or _dates_in(dates, first) or [None])[0]
        evidence = Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end, text=sent.text)
        stage = Stage(stage="signed", modality=reading, evidence=evidence,
                      date=date.value if date else None, date_text=date.text if date else None)
        return record.model_copy(update={"stages": [*record.stages, stage]})
    return record


def _dates_in(dates: Sequence[Any], sent: Sentence) -> list[Any]:
    return [d for d in dates if sent.start <= d.start and d.end <= sent.end and d.value]


# "Bahrain followed a month later", "Morocco did the same", "Sudan followed suit"
_FOLLOWED = re.compile(r"\s*(?:,\s*)?(?:(?:soon|quickly|later|then)\s+)?(?:followed|did\s+the\s+same|"
                       r"did\s+so)\b", re.IGNORECASE)


def _normalisation(parsed: ParsedDoc, sent: Sentence, parties: list[ActorRef], stages: list[str],
                   at: int, reading: str = "asserted") -> Agreement:
    """A normalisation record read from sentence ``sent``, with a stage per party for each
    of ``stages``."""
    evidence = Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end, text=sent.text)
    return Agreement(
        agreement_id=make_id("ag", "normalisation", "+".join(sorted(p.actor_id for p in parties)),
                             parsed.doc_id, at),
        name="normalisation of relations", kind="normalisation", parties=parties,
        stages=[Stage(stage=st, party=p, modality=reading, evidence=evidence)
                for st in stages for p in parties], evidence=[evidence])


# "Relations between Israel and Sudan were normalised in 2020": the sides before a passive
_BETWEEN = re.compile(r"\b(?:diplomatic\s+)?(?:relations|ties)\s+between\s+(?:the\s+)?", re.IGNORECASE)
_PASSIVE_DONE = re.compile(r"\s+(?:were|was|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:normali[sz]ed|"
                           r"restored|re-?established|resumed)\b", re.IGNORECASE)


def _passive_normalisations(parsed: ParsedDoc, sent: Sentence, actors: Sequence[Any],
                            known: list[frozenset[str]]) -> list[Agreement]:
    """"Relations between Israel and Sudan were normalised in 2020", "Ties between Riyadh
    and Tehran have been restored": a normalisation done, with no party acting alone."""
    out: list[Agreement] = []
    for cue in _BETWEEN.finditer(parsed.text, sent.start, sent.end):
        sides = [a for a in group_after(parsed.text, actors, cue.end(), ceiling=sent.end, max_gap=0)
                 if a.actor.kind in PARTY_KINDS]
        if len(sides) < 2 or not _PASSIVE_DONE.match(parsed.text, sides[-1].end, sent.end):
            continue
        parties = list({r.actor_id: r for r in (party_ref(a.actor, actors) for a in sides)}.values())
        ids = frozenset(p.country or p.actor_id for p in parties)
        if len(ids) < 2 or any(ids <= k for k in known):
            continue
        known.append(ids)
        out.append(_normalisation(parsed, sent, parties, [], cue.start()))
    return out


# "became the first Arab state to", "was the fourth country to": a rank among those
# who did it, so the act is done
_RANKED = re.compile(r"\b(?:became|was|were|has\s+become|had\s+become)\s+(?:the\s+)?(?:first|second|"
                     r"third|fourth|fifth|sixth|last|latest|only|\d+(?:st|nd|rd|th))\s+"
                     r"(?:[\w-]+\s+){0,3}?to\s+$", re.IGNORECASE)
# A verb that makes the noun an act: "announced the full normalisation of relations".
_ANNOUNCED = re.compile(r"\b(?:agreed|announced|reached|sealed|completed|finali[sz]ed)\s+(?:on\s+|to\s+)?"
                        r"(?:the\s+|a\s+)?(?:full\s+|formal\s+)?$", re.IGNORECASE)
# Before the act in an unparsed sentence: it is not (yet) done ("hopes to normalise ties").
_NOT_DONE = re.compile(r"\b(?:not|never|n't|no|would|could|should|may|might|will|shall|must|"
                       r"if|unless|hopes?|hoped|hoping|wants?|wanted|seeks?|sought|plans?|"
                       r"planned|aims?|intends?|expected|likely|ready|willing|refused?|"
                       r"talks|negotiations|whether|yet)\b", re.IGNORECASE)


def _agreeing(parsed: ParsedDoc, verb: Any) -> Any:
    """The verb "agree" the act depends on ("agreed to restore ties", "agreed on the
    restoration of ties"), if any."""
    if verb.lemma == "agree":
        return verb
    head = parsed.tokens[verb.head]
    if verb.dep == "xcomp" and head.lemma == "agree":
        return head
    # "agreed in Madrid on Thursday to restore relations": past a long adjunct the parser
    # may hang the infinitive on "agreed" as an adverbial clause
    if verb.dep == "advcl" and head.lemma == "agree" and any(
            c.dep == "aux" and c.text.lower() == "to" for c in parsed.children(verb)):
        return head
    return None


# -- parties named around the agreement's mention ---------------------------------------

# "a truce negotiated by Qatar and Egypt", "a deal brokered and negotiated by the US": the
# agent of a passive negotiation is mostly a mediator
_NEGOTIATED_BY = re.compile(r"\b(?:negotiated|mediated|brokered|hammered\s+out|worked\s+out)\s+"
                            r"(?:\w+\s+){0,2}?by\b", re.IGNORECASE)


def broker_stage(stage: Stage, acted: list[Stage]) -> bool:
    """A negotiation whose party is the agent of a passive "negotiated by", when two other
    states act on the agreement in that sentence ("Israel and Hamas agreed to a ceasefire
    negotiated by Qatar and Egypt"): the agent brokered it, it is no party."""
    if stage.stage != "negotiated":
        return False
    text = stage.evidence.text
    by = [m.end() for m in _NEGOTIATED_BY.finditer(text)]

    def agent(s: Stage) -> bool:
        pos = text.find(s.party.name) if s.party.name else -1
        return pos >= 0 and any(0 <= pos - b <= 60 for b in by)

    sides = {s.party.country or s.party.actor_id for s in acted
             if s.evidence == stage.evidence and not agent(s)}
    return bool(by) and agent(stage) and len(sides) >= 2

# Verbs whose joined subjects judge, help or watch an agreement of others ("the US and the
# EU welcomed the deal", "Egypt and Qatar brokered the truce"): not its parties.
OUTSIDER_VERBS = frozenset({
    "welcome", "praise", "hail", "applaud", "laud", "salute", "congratulate", "criticise",
    "criticize", "condemn", "denounce", "slam", "blast", "question", "discuss", "debate",
    "study", "review", "examine", "assess", "monitor", "observe", "witness", "guarantee",
    "broker", "mediate", "facilitate", "back", "support", "endorse", "oppose", "urge",
    "push", "want", "seek", "demand", "propose", "reject", "host", "fund", "finance",
    "cite", "invoke", "mention", "describe", "call", "see", "view", "fear", "warn",
})


def object_parties(parsed: ParsedDoc, c: Cluster, parties: list[ActorRef],
                    actors: Sequence[Any]) -> list[ActorRef]:
    """"Russia and Iran have a military pact", "Washington and Hanoi unveiled a deal": two
    or more states, IGOs or armed groups joined as the subject of a verb whose object is
    the agreement are its parties, when it has fewer than two of its own and the verb is
    not an outsider's (``OUTSIDER_VERBS``: "the US and the EU welcomed the deal")."""
    if len({p.country or p.actor_id for p in parties}) >= 2:
        return []
    for m in c.mentions:
        sent = parsed.sentences[m.sent]
        head = span_root(parsed, m.start, m.end)
        if not sent.parsed or head is None or head.dep != "dobj":
            continue
        verb = parsed.tokens[head.head]
        if verb.lemma.lower() in OUTSIDER_VERBS or verb.pos not in {"VERB", "AUX"}:
            continue
        subjects = [t for t in parsed.children(verb) if t.dep == "nsubj"]
        subjects += [k for t in subjects for k in parsed.children(t) if k.dep == "conj"]
        found = [a for a in actors if a.actor.kind in {"state", "igo", "group"}
                 and any(a.start <= t.start < a.end for t in subjects)]
        if len({a.actor.country or a.actor.actor_id for a in found}) >= 2:
            return [party_ref(a.actor, actors) for a in found]
    return []

def refers_back(c: Cluster, others: set[int]) -> bool:
    """"Russia and Sudan agreed to set up a naval base. The deal, signed in 2020, ...": an
    agreement first met as a definite description ("the deal") names what the sentence
    before it reported, when that sentence mentions no other agreement."""
    first = c.first
    return first.definite and not first.named and first.sent > 0 and first.sent - 1 not in others


# "Russia and Sudan agreed to ...", "Egypt and Israel signed ...": two sides reaching or
# signing something, right after the list opening the sentence
_AGREED = re.compile(r"\s*(?:,\s*)?(?:(?:have|has|had|also|finally|formally|on\s+\w+)\s+)*"
                     r"(?:agreed|signed|reached|struck|concluded|sealed|inked|finali[sz]ed)\b", re.IGNORECASE)


def antecedent_parties(parsed: ParsedDoc, c: Cluster, parties: list[ActorRef],
                        actors: Sequence[Any], others: set[int]) -> list[ActorRef]:
    """The two or more sides that agreed or signed in the sentence an agreement's first,
    definite mention refers back to (``refers_back``), when it has fewer than two."""
    if len({p.country or p.actor_id for p in parties}) >= 2 or not refers_back(c, others):
        return []
    sent = parsed.sentences[c.first.sent - 1]
    sides = opening_list(parsed, sent, actors, sent.end)
    if len({a.actor.country or a.actor.actor_id for a in sides}) < 2 \
            or not _AGREED.match(parsed.text, sides[-1].end, sent.end):
        return []
    return [party_ref(a.actor, actors) for a in sides if a.actor.kind in PARTY_KINDS]
