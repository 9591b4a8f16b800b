"""Acts of accession stated by verbs and owned nouns, each for one candidate state and one
organisation: "Stockholm and Helsinki applied to join", "it applied to join the regional
bloc", "Norwegian voters rejected membership of the EU", "neither Ankara nor Budapest has
ratified its bid", "whose membership Turkey and Hungary have yet to ratify", "are set to
join the bloc on January 1 together with Austria".

An accession is one agreement per candidate (``docs/agreements.md``); the candidate is
the subject of joining or applying, the owner of "its/Sweden's bid, accession,
application, membership", or, for "it", "which", "the Nordic country", the candidate in
focus (the one named last in an act of accession). The organisation is the IGO named
after the verb, "the alliance/bloc/union" the IGO named last. Members admitting a
candidate ("agreed to admit Morocco to ECOWAS", "NATO admitted Albania") act on the
object. ``creates`` tells whether the act makes a record on its own: a joining does,
background or news ("Cyprus joined the EU in 2004", "Bulgaria's accession to the EU in
2007"), as the organisation suspending a member does ("the AU suspended Guinea from all its
activities"), and an application to a named organisation ("Moldova applied to join the EU",
"Iceland, which applied to join the bloc" with the EU named before in that sentence); a
wish ("wants to join") or an application to a bloc named far before only
completes an accession told otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from dyad.agreements.spans import (group_after, group_before, party_ref, ref_for_id, ref_key, subject_actors,
                                   token_at)
from dyad.model import ActorRef
from dyad.nlp.parsed import ParsedDoc, Sentence

__all__ = ["AccessionAct", "NOT_ACCEDED", "accession_acts"]

# IGOs one does not accede to by treaty (informal groupings: membership is a relation
# only). Treaties that are IGOs (the CPTPP, RCEP) are acceded to: the gold sets code
# "Uruguay applied to join the CPTPP" as Uruguay's accession.
NOT_ACCEDED = frozenset({"IGO.BRICS", "IGO.G7", "IGO.G8", "IGO.G20", "IGO.QUAD",
                         "IGO.AUKUS"})

_IGO_NOUN = r"(?:alliance|bloc|union|organi[sz]ation|grouping|club|community|league)"
_MEMBER = r"(?:(?:full|formal|\w+(?:st|nd|rd|th)|newest|latest)\s+)?members?(?:hip)?(?:\s+(?:state|country|nation))?"
# "to join", "for EU membership", "for full membership of", "to become a member"
_JOINING = rf"(?:to\s+(?:join|become\s+(?:a|an|the)\s+{_MEMBER})|for\s+(?:[A-Z][\w-]*\s+|fast-track\s+|early\s+)?{_MEMBER})"

# Acts whose candidate is the subject: (stage, pattern). Each pattern's ``v`` group is the
# verb read for modality.
_SUBJECT_ACTS: list[tuple[str, re.Pattern[str]]] = [
    # "applied to join", "applied for EU membership", "which applied at the same time" (no
    # object: "applied sanctions" is another act)
    ("proposed", re.compile(rf"\b(?P<v>appl(?:y|ies|ied|ying))\b(?:\s+(?:\w+\s+){{0,3}}?{_JOINING}|(?=\s*[,.;:]|\s+(?:at|in|on|"
                            rf"last|this|years?|months?|\d+|together|along|first|too|again|back|formally|officially)\b))", re.I)),
    ("proposed", re.compile(rf"\b(?:s(?:ought|eeks?|eeking)|(?P<v>wants?|wanted|hop(?:es|ed|ing)|aim(?:s|ed|ing)?|"
                            rf"plan(?:s|ned|ning)?|intends?|intended|vow(?:s|ed))\s+to\s+(?:join|become\s+(?:a|an|the)\s+{_MEMBER}))\b"
                            rf"|\b(?P<v2>s(?:ought|eeks?|eeking))\s+{_MEMBER}", re.I)),
    ("in_force", re.compile(rf"\b(?P<v>bec(?:ame|omes?|oming))\s+(?:(?:a|an|the|its)\s+{_MEMBER}\b"
                            rf"|[A-Z][\w-]*['’]s\s+{_MEMBER}\b)", re.I)),
    ("in_force", re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|will\s+be|to\s+be)\s+(?:\w+ly\s+)?"
                            r"(?P<v>admitted)\b(?:\s+(?:in)?to)?", re.I)),
    ("in_force", re.compile(r"\b(?P<v>(?:re)?join(?:ed|s|ing)?|acced(?:ed|es|ing)|accede|enter(?:ed|s|ing)?)\b(?:\s+to)?(?=\s+(?:the\s+)?[A-Z]|\s+the\s+"
                            rf"(?:[\w-]+\s+)?{_IGO_NOUN}\b)", re.I)),
    ("rejected", re.compile(r"\b(?P<v>rejected|reject(?:s|ing)?|voted\s+(?:against|no\s+to))\s+(?:\w+\s+)?"
                            r"(?:membership|joining|accession)\b", re.I)),
    ("ratified", re.compile(r"\b(?:voters?|referendums?)\b[^.;:]{0,30}?\b(?P<v>approved|backed|endorsed|voted\s+for)\s+"
                            r"(?:\w+\s+)?(?:membership|joining|accession)\b", re.I)),
    ("suspended", re.compile(r"\b(?P<v>suspend(?:ed|s|ing)?|froze|freez(?:es|ing)|halt(?:ed|s|ing)?|paus(?:ed|es|ing))\s+"
                             r"(?:\w+\s+)?(?:talks|negotiations|process)\s+(?:on|of|for)\s+(?:joining|membership|accession)\b", re.I)),
    # "put its talks on joining the EU on hold"
    ("suspended", re.compile(r"\b(?P<v>put|placed)\s+(?:its\s+|their\s+|the\s+)?(?:accession\s+|membership\s+)?(?:talks|negotiations)\s+"
                             r"(?:on\s+(?:joining|membership\s+(?:of|in)|accession\s+to)\s+(?:[\w-]+\s+){0,4}?)?on\s+hold\b", re.I)),
]

# Acts whose candidate owns a noun: "withdraw Norway's application", "ratified its bid",
# "approved Finland's accession", "whose membership Turkey and Hungary have yet to ratify".
_OWNER = r"(?P<own>its|their|the\s+(?:country|nation|kingdom|republic|island)['’]s|" \
    r"(?-i:(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w-]*)?))['’]s?)\s+(?:[\w-]+\s+){0,2}?"
_OWNED = _OWNER + r"(?P<noun>bids?|applications?|candidacy|accession(?:\s+protocol)?|membership(?:\s+(?:bid|application))?)\b"
# "Croatia's bid to join the EU", "its membership application": owning a bid is applying.
_OWNED_BID = _OWNER + r"(?P<noun>bids?|applications?|candidacy|membership\s+(?:bid|application))\b" \
    r"(?:\s+(?:to\s+join|for\s+(?:[\w-]+\s+)?membership(?:\s+of|\s+in)?))?"
_OWNED_ACTS: list[tuple[str, re.Pattern[str]]] = [
    ("withdrawn", re.compile(rf"\b(?P<v>withdr(?:aw|awn|ew|awing|aws))\s+{_OWNED}", re.I)),
    ("ratified", re.compile(rf"\b(?P<v>ratif(?:y|ied|ies|ying)|approv(?:e|ed|es|ing)|endors(?:e|ed|es|ing))\s+{_OWNED}", re.I)),
    ("proposed", re.compile(_OWNED_BID, re.I)),
]
_WHOSE = re.compile(r",\s+whose\s+(?:\w+\s+)?(?:membership|accession|bid|application)\s+(?P<rest>[^.;:]{0,80}?)"
                    r"\b(?P<v>ratif(?:y|ied)|approv(?:e|ed)|endors(?:e|ed))\b", re.I)

# Members acting on a candidate named as the object: "agreed to admit Morocco to the bloc",
# "NATO admitted Albania and Croatia in 2009", "agreed in principle to admit it".
_ADMIT = re.compile(r"\b(?P<v>admit(?:s|ted|ting)?)\s+(?=(?:it|them)\b|(?:the\s+)?[A-Z])")
_AGREED_TO = re.compile(r"\bagree(?:s|d)?\s+(?:\w+\s+){0,4}?to\s+$", re.I)

# "it", "which", "the Nordic country": the candidate in focus.
_ANAPHOR = re.compile(r"(?:\b(?:it|which|who|she)|\bthe\s+(?:[\w-]+\s+){0,2}(?-i:country|nation|state|kingdom|republic|emirate|sheikhdom))\s+"
                      r"(?:\w+ly\s+|has\s+|had\s+|have\s+|also\s+|both\s+|then\s+|first\s+|later\s+)*$", re.I)
_ALONG = re.compile(r"[^.;:]{0,60}?\b(?:together|along)\s+with\s+", re.I)
_IGO_ANAPHOR = re.compile(rf"\s*(?:to\s+)?the\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{_IGO_NOUN})\b", re.I)
_NOUN_IGOS = {"alliance": {"IGO.NATO", "IGO.CSTO"}, "union": {"IGO.EU", "IGO.AU", "IGO.EAEU"}}
# ... and those a noun never stands for: NATO is "the alliance" and the UN "the world body",
# never "the bloc"
_NOT_NOUN_IGOS = {"bloc": {"IGO.NATO", "IGO.UN"}}

# A joining governed by a wish, a plan or talks is not yet done: "aspire to join",
# "negotiating to join", "opened talks on joining", "a plan for joining". (Done joins are
# finite, "joined the EU", or a relative infinitive after a rank: "the 28th to join".)
_UNREALISED_JOIN = re.compile(r"\b(?:aspir\w*|negotiat\w*|hop\w*|seek\w*|sought|want\w*|wish\w*|aim\w*|"
                              r"plan\w*|prepar\w*|intend\w*|push\w*|bid|bids|effort\w*|ambitions?|"
                              r"talks|negotiations|process|path|road|steps?)\s+(?:[\w-]+\s+){0,2}?(?:to|on|of|for|towards?)\s+$",
                              re.I)
_NEGATED = re.compile(r"\b(?:neither|nor|not|never|yet\s+to|n['’]t|refused|failed)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|is\s+to|are\s+to|(?:is|are|was|were)\s+(?:set|due|expected|scheduled|slated|poised)\s+to)\b", re.I)
_INTENT = re.compile(r"\b(?:would|wants?|hop(?:es|ed)|aims?|plans?|intends?|vow(?:s|ed)|seeks?)\b", re.I)
# A speaker announcing its own side's act: "said it would", "said her government would".
_OWN_WORD = re.compile(r"\b(?:said|says|announced|told\s+\w+)\s+(?:that\s+)?(?:it|he|she|they|we|"
                       r"(?:her|his|its|their|the)\s+(?:government|country|cabinet))\s+would\s+(?:\w+\s+){0,6}$", re.I)
# Where a past join is news, not background: "formally joined", "joined on Thursday".
_NEWS = re.compile(r"\b(?:formally|officially)\b|\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                   r"|\b(?:today|yesterday|this\s+(?:week|month))\b", re.I)


@dataclass(frozen=True)
class AccessionAct:
    candidate: ActorRef
    igo: ActorRef
    stage: str
    party: ActorRef | None  # who acted: the candidate, or a member ratifying its accession
    modality: str
    sent: Sentence
    start: int
    end: int
    creates: bool  # whether this act alone makes an accession record


def accession_acts(parsed: ParsedDoc, actors: Sequence[Any], modality: Callable | None = None,
                   focus_igos: Sequence[ActorRef] = ()) -> list[AccessionAct]:
    """The acts of accession of a document, in text order."""
    text = parsed.text
    states = [a for a in actors if a.actor.kind != "igo" and a.actor.country]
    igos = [a for a in actors if a.actor.kind == "igo"]
    if not igos and not focus_igos:
        return []  # every act needs an organisation to accede to (most documents have none)
    out: list[AccessionAct] = []
    focus: list[ActorRef] = []  # the candidates named last
    for sent in parsed.sentences:
        found: list[tuple[int, int, str, list[ActorRef], list[ActorRef] | None, re.Match[str]]] = []
        for stage, pat in _SUBJECT_ACTS:
            for m in pat.finditer(text, sent.start, sent.end):
                found.append((m.start(), m.end(), stage, [], None, m))
        for stage, pat in _OWNED_ACTS:
            for m in pat.finditer(text, sent.start, sent.end):
                found.append((m.start(), m.end(), stage, [], [], m))
        for m in _WHOSE.finditer(text, sent.start, sent.end):
            found.append((m.start(), m.end(), "ratified", [], [], m))
        for m in _ADMIT.finditer(text, sent.start, sent.end):
            out += _admitted(parsed, text, states, actors, igos, m, sent, focus, focus_igos, modality)
        for m in _SUSPEND.finditer(text, sent.start, sent.end):
            out += _suspended_member(parsed, text, states, actors, igos, m, sent, modality)
        for m in _DATED.finditer(text, sent.start, sent.end):
            out += _dated_accessions(parsed, text, states, actors, igos, m, sent, modality)
        found.sort(key=lambda f: (f[0], -f[1]))
        taken: list[tuple[int, int]] = []
        for start, end, stage, _, owned, m in found:
            if any(s <= start < e for s, e in taken):
                continue
            verb = m.group("v") if m.groupdict().get("v") else (m.groupdict().get("v2") or m.group(0))
            if stage == "in_force" and re.match(r"join|acced", verb, re.I) and re.match(
                    r"\s+(?:\w+\s+){0,2}?(?:allies|members|partners|leaders|talks|in\s+\w+ing)\b", text[m.end():]):
                continue  # "joined NATO allies in condemning"
            igo = _igo(text, igos, m, sent, focus_igos)
            if igo is None or igo.actor_id in NOT_ACCEDED:
                continue
            if stage == "in_force" and re.match(r"(?:re)?join|acced|enter", verb, re.I) and not _closes(text, igos, m, sent):
                continue  # "entered NATO airspace", "joined the EU's talks"
            if stage == "in_force" and re.search(r"\bcandidates?\s+to\s+$", text[max(sent.start, start - 15):start]):
                stage = "proposed"  # "a candidate to join the EU": a bid, not an entry
            more = _more_igos(text, igos, m, sent) if owned is None else []
            if owned is None:  # the subject's act
                cands = _subjects(parsed, text, states, actors, start, sent,
                                  focus or _last_state(states, actors, start, parsed, sent))
                cands += [party_ref(a.actor, actors) for a in _along(text, states, m.end(), sent)]
                party_of = None
            else:
                cands, party_of = _owner(text, states, actors, m, sent, focus or _last_state(states, actors, start, parsed, sent), stage)
            cands = [c for c in _dedupe(cands) if c.actor_id != igo.actor_id]
            if not cands:
                continue
            taken.append((start, end))
            mod = _modality(parsed, text, m, sent, modality, stage)
            if owned is not None and stage == "proposed":
                mod = "asserted"  # "Croatia's bid to join": the bid is a fact whatever befell it
            if stage == "in_force" and mod == "asserted" and "join" in verb.lower() \
                    and _UNREALISED_JOIN.search(text, max(sent.start, start - 60), start):
                mod = "intended"  # "aspire to join", "negotiating to join", "talks on joining": not joined
            if stage == "in_force" and mod in {"intended", "hypothetical"} and "join" in verb.lower():
                stage = "proposed"  # "wants to join": a bid
            creates = _creates(stage, verb, mod)
            if stage in {"proposed", "in_force"} and not _named_igo(text, igos, m, sent) and \
                    not _near_noun_igo(text, igos, igo, m, sent):
                # "applied to join the bloc", "Iraq later joined the organisation" far from
                # any named one: which body is a guess (the last named may be another)
                creates = False
            for cand in cands:
                parties = party_of if party_of else [cand]
                for party in parties:
                    out.append(AccessionAct(candidate=cand, igo=igo, stage=stage, party=party, modality=mod,
                                            sent=sent, start=start, end=end, creates=creates))
                out += [AccessionAct(candidate=cand, igo=other.actor.ref(), stage=stage, party=cand, modality=mod,
                                     sent=sent, start=other.start, end=other.end, creates=creates) for other in more]
                if stage != "proposed" and re.search(r"bid|appl|candid", m.groupdict().get("noun") or "", re.I):
                    # "withdraw Norway's application", "ratified its bid": it applied
                    out.append(AccessionAct(candidate=cand, igo=igo, stage="proposed", party=cand,
                                            modality="asserted", sent=sent, start=start, end=end, creates=False))
            if owned is None or m.groupdict().get("name"):
                focus = cands
            focus_igos = [igo]
        out += _followers(text, states, actors, sent, out, parsed)
    return out


def _admitted(parsed: ParsedDoc, text: str, states: list[Any], actors: Sequence[Any], igos: list[Any],
              m: re.Match[str], sent: Sentence, focus: list[ActorRef], focus_igos: Sequence[ActorRef],
              modality: Callable | None) -> list[AccessionAct]:
    """"agreed to admit Morocco to ECOWAS": the members' agreement (negotiated, by the
    organisation) or, said of a done admission, the candidate's entry (in force)."""
    obj = group_after(text, states, m.end(), ceiling=sent.end, max_gap=4)
    if obj:
        cands = [_country(party_ref(a.actor, actors), actors) for a in obj]
        rest = obj[-1].end
    elif re.match(r"(?:it|them)\b", text[m.end():]):
        cands, rest = list(focus) or _last_state(states, actors, m.start(), parsed, sent), m.end() + 4
    else:
        return []
    into = re.match(r"\s+(?:in\s+principle\s+)?(?:in)?to\s+", text[rest:sent.end])
    after = group_after(text, igos, rest + into.end(), ceiling=sent.end, max_gap=4) if into else []
    # else the organisation acting, named before the verb ("ASEAN leaders agreed to admit it")
    before = [a for a in igos if sent.start <= a.start and a.end <= m.start()]
    # "AU leaders" (IGO.AU.GOV) stand for the organisation itself
    pick = after[:1] or before[-1:]
    igo = ref_for_id(".".join(pick[0].actor.actor_id.split(".")[:2]), actors) if pick else \
        (focus_igos[-1] if focus_igos else None)
    cands = [c for c in _dedupe(cands) if igo is not None and c.actor_id != igo.actor_id]
    if igo is None or igo.actor_id in NOT_ACCEDED or not cands:
        return []
    agreed = _AGREED_TO.search(text, max(sent.start, m.start() - 40), m.start())
    mod = _modality(parsed, text, m, sent, modality, "in_force")
    if agreed:  # the members' agreement to admit is done though the admission is not
        mod = "negated" if _NEGATED.search(text, max(sent.start, agreed.start() - 30), agreed.start()) \
            else "asserted"
    stage = "negotiated" if agreed else "in_force"
    return [AccessionAct(candidate=c, igo=igo, stage=stage, party=igo if agreed else c, modality=mod,
                         sent=sent, start=m.start(), end=m.end(), creates=mod in {"asserted", "reported"})
            for c in cands]


# The organisation suspending a member: "The African Union suspended Guinea from all its
# activities", "Southern African leaders suspended Madagascar from the SADC", "voted to
# suspend Syria's membership". A state suspending its own membership ("suspended its
# membership of the CSTO") is no act of the organisation, and "suspended Damascus" with
# neither "from" nor "membership" may be anything (aid, talks).
_SUSPEND = re.compile(r"\b(?P<v>suspend(?:s|ed|ing)?)\s+(?=(?:the\s+)?[A-Z])")
_SUSPENDED_FROM = re.compile(r"(?:(?P<own>['’]s?\s+membership)(?:\s+(?:of|in))?|\s+from)\s+", re.I)
_ITS_BODIES = re.compile(rf"(?:all\s+)?(?:its|the\s+(?:[\w-]+\s+){{0,2}}?{_IGO_NOUN}['’]s)\s+(?:[\w-]+\s+)?"
                         r"(?:activities|institutions|bodies|meetings|organs|decision-making)\b"
                         rf"|the\s+(?:[\w-]+\s+){{0,3}}?{_IGO_NOUN}\b", re.I)


def _suspended_member(parsed: ParsedDoc, text: str, states: list[Any], actors: Sequence[Any], igos: list[Any],
                      m: re.Match[str], sent: Sentence, modality: Callable | None) -> list[AccessionAct]:
    """The organisation's suspension of a member: a stage ``suspended`` of the member's
    accession, performed by the organisation."""
    obj = group_after(text, states, m.end(), ceiling=sent.end, max_gap=4)
    link = _SUSPENDED_FROM.match(text, obj[-1].end, sent.end) if obj else None
    if link is None:
        return []
    named = group_after(text, igos, link.end(), ceiling=sent.end, max_gap=4)
    if not named and not link.group("own") and not _ITS_BODIES.match(text, link.end(), sent.end):
        return []  # "suspended Guinea from the talks"
    # else the organisation acting, named before the verb ("The African Union suspended")
    pick = named[:1] or [a for a in igos if sent.start <= a.start and a.end <= m.start()][-1:]
    if not pick:
        return []
    igo = ref_for_id(".".join(pick[0].actor.actor_id.split(".")[:2]), actors)
    cands = [c for c in _dedupe([_country(party_ref(a.actor, actors), actors) for a in obj])
             if c.actor_id != igo.actor_id]
    if igo.actor_id in NOT_ACCEDED or not cands:
        return []
    mod = _modality(parsed, text, m, sent, modality, "suspended")
    return [AccessionAct(candidate=c, igo=igo, stage="suspended", party=igo, modality=mod, sent=sent,
                         start=m.start(), end=link.end(), creates=True) for c in cands]


# An owned accession with its own date is the joining itself: "Bulgaria's accession to the
# European Union in 2007", and the one told after it without its noun, "... was followed
# by Croatia's in 2013". ("entry" may be into anything, force or a market: not read here.)
_DATED = re.compile(r"(?-i:(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w-]*)?))['’]s?\s+(?P<v>accession|admission)\s+(?:to|into|in)\s+")
_ON_DATE = re.compile(r"\s+(?:in|on)\s+(?=\d|(?:January|February|March|April|May|June|July|August|September|October|"
                      r"November|December)\b)")
_ELLIPSIS = re.compile(r"[^.;:]{0,40}?\b(?:followed\s+by|and|then|before|after)\s+(?:that\s+of\s+)?(?:the\s+)?"
                       r"(?-i:(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w-]*)?))['’]s?(?=\s+(?:in|on)\s+(?:\d|[A-Z]))", re.I)


def _dated_accessions(parsed: ParsedDoc, text: str, states: list[Any], actors: Sequence[Any], igos: list[Any],
                      m: re.Match[str], sent: Sentence, modality: Callable | None) -> list[AccessionAct]:
    owner = [a for a in states if a.start == m.start("name") and a.end <= m.end("name") + 1]
    named = group_after(text, igos, m.end(), ceiling=sent.end, max_gap=4)
    dated = _ON_DATE.match(text, named[-1].end, sent.end) if named and owner else None
    if dated is None:
        return []
    igo = named[0].actor.ref()
    if igo.actor_id in NOT_ACCEDED:
        return []
    mod = _modality(parsed, text, m, sent, modality, "in_force")
    spans = [(owner[0], m.start(), named[-1].end)]
    other = _ELLIPSIS.match(text, dated.end(), sent.end)
    if other:
        spans += [(a, a.start, other.end()) for a in states if a.start == other.start("name")][:1]
    return [AccessionAct(candidate=_country(party_ref(a.actor, actors), actors), igo=igo, stage="in_force",
                         party=_country(party_ref(a.actor, actors), actors), modality=mod, sent=sent,
                         start=start, end=end, creates=True) for a, start, end in spans]


# "Sweden followed this month", "Hungary did the same", "as did Budapest": the act just told,
# done again by another state.
_FOLLOWED = re.compile(r"\s+(?:(?:later|soon|then|also|quickly)\s+)?(?:followed(?:\s+suit)?|did\s+(?:the\s+same|so))\b"
                       r"(?!\s+(?:the|its|their|an?|[A-Z])\b)", re.I)
_AS_DID = re.compile(r"\bas\s+did\s+(?:the\s+)?$", re.I)


def _followers(text: str, states: list[Any], actors: Sequence[Any], sent: Sentence,
               acts: list[AccessionAct], parsed: ParsedDoc) -> list[AccessionAct]:
    floor = parsed.sentences[max(0, sent.i - 1)].start
    out = []
    for a in states:
        if not sent.start <= a.start < sent.end:
            continue
        after = _FOLLOWED.match(text, a.end, sent.end)
        if not (after or _AS_DID.search(text, max(sent.start, a.start - 12), a.start)):
            continue
        prior = [x for x in acts if floor <= x.start <= a.start and x.modality == "asserted"]
        if not prior:
            continue
        last = prior[-1]
        ref = _country(party_ref(a.actor, actors), actors)
        own = last.party is not None and ref_key(last.party) == ref_key(last.candidate)
        if ref_key(ref) in {ref_key(last.candidate), ref_key(last.party) if last.party else ""}:
            continue
        end = after.end() if after else a.end
        news = bool(_NEWS.search(text, end, min(sent.end, end + 30)))
        out.append(AccessionAct(candidate=ref if own else last.candidate, igo=last.igo, stage=last.stage,
                                party=ref, modality="asserted", sent=sent, start=a.start, end=end,
                                creates=last.creates or (last.stage == "in_force" and news)))
    return out


# What may follow the IGO one joins: the clause goes on ("joined NATO on Monday", "entered
# the EU in 1995 together with Austria"), not a noun of the IGO's ("NATO airspace").
_CLOSES = re.compile(r"\s*(?:[.,;:)]|$|(?:on|in|as|at|last|this|next|from|with|together|alongside|and|or|after|"
                     r"before|when|since|until|by|following|nearly|almost|only|just|itself|\d+)\b)", re.I)


def _closes(text: str, igos: list[Any], m: re.Match[str], sent: Sentence) -> bool:
    after = group_after(text, igos, m.end(), ceiling=sent.end, max_gap=30)
    if after:
        return bool(_CLOSES.match(text, after[-1].end))
    noun = _IGO_ANAPHOR.match(text, m.end())
    return noun is not None and bool(_CLOSES.match(text, noun.end()))


def _creates(stage: str, verb: str, mod: str) -> bool:
    """Whether the act makes an accession record on its own."""
    if stage == "proposed":
        # a state's own asserted application is an act of the accession, as "applied for
        # membership of the EU" is, and so is a declared plan to apply ("will apply to join
        # the UN", "plans to apply"); a wish ("wants to join") or a bid named in passing is not
        return mod in {"asserted", "intended", "expected"} and bool(re.match(r"appl(?:y|ies|ied|ying)\b", verb, re.I))
    return True


def _dedupe(refs: list[ActorRef]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for r in refs:
        seen.setdefault(r.country or r.actor_id, r)
    return list(seen.values())


def _country(ref: ActorRef, actors: Sequence[Any]) -> ActorRef:
    return ref_for_id(ref.country, actors) if ref.country and ref.actor_id != ref.country else ref


def _subjects(parsed: ParsedDoc, text: str, states: list[Any], actors: Sequence[Any], start: int, sent: Sentence,
              focus: list[ActorRef]) -> list[ActorRef]:
    """The states right before the verb ("Stockholm and Helsinki applied", "Sweden, which
    applied", "Norwegian voters have rejected"), else the candidate in focus for "it"."""
    if _ANAPHOR.search(text[max(sent.start, start - 60):start]) and not re.search(
            r"[A-Z][\w-]*,\s+which\s+(?:\w+\s+)?$", text[max(sent.start, start - 60):start]):
        return list(focus)
    group = subject_actors(parsed, token_at(parsed, start, start + 1), states) if sent.parsed else []
    # a subject stands before its verb: "Britain, which joined the EC in 1973, and Kenya"
    # is no joining of Kenya's
    group = [a for a in group if a.end <= start]
    if not group:
        group = group_before(text, states, start, floor=sent.start, max_gap=40)
        if group and re.search(r"\b(?:and|or|but|after|before|when|while|that)\s+(?:\w+\s+)?$|[.!?]",
                               text[group[-1].end:start]):
            group = []  # the verb belongs to another clause
    return [_country(party_ref(a.actor, actors), actors) for a in with_neither(text, states, group)]


def with_neither(text: str, states: list[Any], group: list[Any]) -> list[Any]:
    """"neither Ankara nor Budapest": the state before "nor" too."""
    if not group:
        return group
    first = group[0]
    before = [a for a in states if a.end <= first.start
              and re.fullmatch(r"\s+nor\s+", text[a.end:first.start])]
    if before and re.search(r"\bneither\s+$", text[max(0, before[-1].start - 9):before[-1].start]):
        return [before[-1], *group]
    return group


def _last_state(states: list[Any], actors: Sequence[Any], before: int, parsed: ParsedDoc,
                sent: Sentence) -> list[ActorRef]:
    """With no candidate in focus yet, "it" stands for the state named last in this or the
    previous sentence ("Croatia entered the EU a decade after it applied")."""
    floor = parsed.sentences[max(0, sent.i - 1)].start
    last = [a for a in states if floor <= a.start and a.end <= before][-1:]
    return [_country(party_ref(a.actor, actors), actors) for a in last]


def _along(text: str, states: list[Any], after: int, sent: Sentence) -> list[Any]:
    m = _ALONG.match(text, after, sent.end)
    return group_after(text, states, m.end(), ceiling=sent.end, max_gap=4) if m else []


def _owner(text: str, states: list[Any], actors: Sequence[Any], m: re.Match[str], sent: Sentence,
           focus: list[ActorRef], stage: str) -> tuple[list[ActorRef], list[ActorRef]]:
    """(the candidate owning the noun, the members acting on it)."""
    groups = m.groupdict()
    if "rest" in groups and groups["rest"] is not None:  # ", whose membership X and Y ratify"
        owner = group_before(text, states, m.start(), floor=sent.start, max_gap=2)
        members = group_after(text, states, m.start("rest"), ceiling=m.start("v"), max_gap=4)
        cands = [_country(party_ref(a.actor, actors), actors) for a in owner]
    else:
        if groups.get("name"):
            cands = [_country(party_ref(a.actor, actors), actors) for a in states
                     if a.start >= m.start("own") and a.end <= m.end("name") + 2][:1]
        elif stage in {"withdrawn", "proposed"}:  # "Iceland withdrew its application": the subject's own
            cands = [_country(party_ref(a.actor, actors), actors)
                     for a in group_before(text, states, m.start(), floor=sent.start, max_gap=40)] or list(focus)
            return cands, []
        else:
            cands = list(focus)
        members = [] if "v" not in groups or groups.get("v") is None else \
            with_neither(text, states, group_before(text, states, m.start(), floor=sent.start, max_gap=40))
        if members and re.search(r"[.!?]|\b(?:and|but|after|when|while)\s+(?:\w+\s+)?$", text[members[-1].end:m.start()]):
            members = []
    member_refs = [party_ref(a.actor, actors) for a in members]
    member_refs = [r for r in member_refs if (r.country or r.actor_id) not in {c.country or c.actor_id for c in cands}]
    return cands, member_refs


def _near_noun_igo(text: str, igos: list[Any], igo: ActorRef, m: re.Match[str], sent: Sentence) -> bool:
    """Whether "the bloc" the act names stands for an organisation named earlier in its own
    sentence ("the European Union membership bid of Iceland, which applied to join the bloc
    in 2009"), not one named before ("Britain joined the trade pact, years after leaving the
    EU. Peru applied to join the bloc": the pact)."""
    noun = _IGO_ANAPHOR.match(text, m.end())
    return noun is not None and any(a.actor.actor_id == igo.actor_id and sent.start <= a.start < m.start() for a in igos)


def _named_igo(text: str, igos: list[Any], m: re.Match[str], sent: Sentence) -> bool:
    """Whether the act names its organisation (inside it or right after), not "the bloc"."""
    return any(m.start() <= a.start and a.end <= m.end() for a in igos) or \
        bool(group_after(text, igos, m.end(), ceiling=sent.end, max_gap=30))


def _igo(text: str, igos: list[Any], m: re.Match[str], sent: Sentence,
         focus_igos: Sequence[ActorRef]) -> ActorRef | None:
    """The IGO named right after the act, inside the act ("NATO's 31st member"), or "the
    alliance/bloc" for the IGO named last; else the IGO in focus."""
    inside = [a for a in igos if m.start() <= a.start and a.end <= m.end()]
    if inside:
        return inside[0].actor.ref()
    after = group_after(text, igos, m.end(), ceiling=sent.end, max_gap=30)
    if after:
        return after[0].actor.ref()
    noun = _IGO_ANAPHOR.match(text, m.end())
    earlier = [a for a in igos if a.end <= m.start()]
    if noun is not None:
        allowed = _NOUN_IGOS.get(noun.group("noun").lower())
        denied = _NOT_NOUN_IGOS.get(noun.group("noun").lower(), set())
        earlier = [a for a in earlier if (allowed is None or a.actor.actor_id in allowed) and a.actor.actor_id not in denied]
        return earlier[-1].actor.ref() if earlier else None
    return focus_igos[-1] if focus_igos else None


def _modality(parsed: ParsedDoc, text: str, m: re.Match[str], sent: Sentence, modality: Callable | None,
              stage: str) -> str:
    vstart = m.start("v") if m.groupdict().get("v") else m.start()
    before = text[max(sent.start, vstart - 40):vstart]
    if _NEGATED.search(before) or _NEGATED.search(text[m.start():vstart]):
        return "negated"
    if re.search(r"\byet\s+to\b", text[vstart - 12:vstart + 12]) or re.search(r"\bhave\s+yet\s+to\b", m.group(0)):
        return "negated"
    tok = token_at(parsed, vstart, vstart + 1)
    reading = None
    if modality is not None and tok is not None and sent.parsed:
        reading = getattr(modality(parsed, tok), "modality", None)
    if reading == "hypothetical" and _OWN_WORD.search(text[sent.start:vstart]):
        return "intended"  # "said her government would withdraw the application": its own plan
    if reading and reading != "asserted":
        return reading
    if _FUTURE.search(before):
        return "expected"
    if _INTENT.search(before) or _INTENT.search(m.group(0).split(" to ")[0]):
        return "intended"
    return reading or "asserted"


# "joined NATO in 2009 and the European Union in 2013": a second organisation after a time
_AND_LATER = re.compile(r"\s+(?:in|on|at)\s+[^,;:.]{1,25}?,?\s+and\s+(?:then\s+|later\s+)?(?:to\s+)?(?=(?:the\s+)?[A-Z])")


def _more_igos(text: str, igos: list[Any], m: re.Match[str], sent: Sentence) -> list[Any]:
    """The other organisations one act joins or applies to: "to join the United Nations and
    the Arab League", "joined NATO in 2009 and the European Union in 2013"."""
    inside = [a for a in igos if m.start() <= a.start and a.end <= m.end()]
    after = [] if inside else group_after(text, igos, m.end(), ceiling=sent.end, max_gap=30)
    if not after:
        return []
    more = list(after[1:])
    later = _AND_LATER.match(text, after[-1].end, sent.end)
    if later:
        more += group_after(text, igos, later.end(), ceiling=sent.end, max_gap=4)
    return [a for a in more if a.actor.actor_id not in NOT_ACCEDED and a.actor.actor_id != after[0].actor.actor_id]
