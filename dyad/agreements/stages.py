"""Lifecycle stages of an agreement, one per trigger and party.

For each stage trigger of a sentence (``lexicon.yaml`` ``stages``; the longest match wins
where triggers overlap, and triggers inside a named agreement's title are ignored):

- agreement: the mention whose modifiers hold the trigger ("the recently signed accord"),
  else the first mention after it (within ``OBJECT_WINDOW`` characters, no other trigger
  between), else the last one before it; else, for triggers marked ``anaphoric``
  ("ratification", "entered into force"), the agreement mentioned last in the previous
  ``ANAPHORA_SENTENCES`` sentences;
- party and body: ``stage_parties`` (who acted; a party is the country-level, IGO,
  LEG or armed-group actor);
- date: the nearest date mention after the trigger and before the next trigger, else
  the nearest before it (deadlines count: "by the end of June");
- modality: ``dyad.modality.modality_of`` on the trigger's verb (on its first word for
  ``anchor: first`` triggers: "bid" in "bid to join"), refined by ``stage_modality``.
  "join" is an accession: ``in_force`` for the joiner when asserted ("Britain joined the
  CPTPP"), ``proposed`` otherwise ("wants to join": intended).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from dyad.agreements.lexicon import Hit, Lexicon
from dyad.agreements.linking import Cluster
from dyad.agreements.mentions import AgreementMention
from dyad.agreements.stage_modality import refine, refine_proposal
from dyad.agreements.stage_parties import body_of, joint_parties, stage_parties
from dyad.agreements.terms import term_spans
from dyad.agreements.spans import party_ref, subject_actors, token_at
from dyad.model import Evidence, Stage
from dyad.nlp.parsed import ParsedDoc, Sentence

OBJECT_WINDOW = 80
OBJECT_NEAR = 30  # an ``object: after`` trigger's agreement starts this close after it
SUBJECT_WINDOW = 60  # how far before a "reach/agree" trigger its agreement may stand
ANAPHORA_SENTENCES = 2
_ONLY_AFTER = frozenset({"withdrawn"})
# What a part of an agreement is called: "its provisions took effect", "the term expired".
PART_WORDS = frozenset({"text", "document", "provision", "clause", "term", "phase", "stage",
                        "part", "extension", "article", "chapter", "protocol", "amendment"})
# Nouns of a stage or a relation to an agreement, objects that still point at it
# ("approved the ratification", "suspended its participation in the pact").
STAGE_NOUNS = frozenset({"ratification", "extension", "renewal", "accession", "membership",
                         "participation", "implementation", "compliance", "involvement",
                         "obligation", "commitment", "signature", "signing"})
# A party's own part in an agreement: "Britain's accession to the CPTPP took effect".
MEMBERSHIP_NOUNS = frozenset({"accession", "membership"})
# Documents that are signed, passed or issued without being agreements between states.
OTHER_DOCUMENTS = frozenset({"letter", "decree", "law", "bill", "order", "petition",
                             "communique", "communiqué", "resolution", "book", "ordinance",
                             "proclamation", "budget", "legislation", "motion", "note",
                             "guestbook", "directive", "executive", "waiver", "memo"})
# "the withdrawal took effect", "its exit became effective": an exit completed
_EXIT_TOOK_EFFECT = re.compile(r"(?:withdrawal|exit|departure|pull-?out)\s+(?:(?:formally|finally|"
                               r"officially)\s+)?(?:took\s+effect|takes\s+effect|became\s+(?:effective|"
                               r"official|final)|was\s+(?:completed|finali[sz]ed))\b", re.IGNORECASE)
_REJOIN = re.compile(r"re-?(?:join|enter)", re.IGNORECASE)
_BROKERING = re.compile(r"broker|mediat", re.IGNORECASE)
_ANNOUNCING = re.compile(r"announc|unveil", re.IGNORECASE)
_BETWEEN = re.compile(r"\s+between\b", re.IGNORECASE)
# "years of negotiations", "a decade of talks": a negotiation told as a span of time
_LONG_TALKS = re.compile(r"\bof\s+(?:\w+\s+)?(?:negotiations?|talks)$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
_COORDINATED = re.compile(r"\s*,?\s*(?:and|but)\s+(?:[\w-]+\s+){0,3}", re.IGNORECASE)
# "within 14 months", "for five years": a span of time, not the date of a stage
_SPAN_DATE = re.compile(r"(?:within|for|over|during|in\s+the\s+(?:next|coming))\b", re.IGNORECASE)
# Between an ``object: after`` trigger and a mention of another clause.
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|but|while|whereas)\b", re.IGNORECASE)
# Two objects of one verb: "left the WHO and the Paris accord" (no comma, a short name).
_OBJECT_LIST = re.compile(r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w.'’-]+\s+){1,3}(?:and|as\s+well\s+as)\s+"
                          r"(?:the\s+|its\s+|their\s+)?", re.IGNORECASE)
# A trigger whose own words negate ("no longer party to"): the negation is the stage.
_OWN_NEGATION = re.compile(r"\bno\s+longer\b", re.IGNORECASE)
# Stages of the agreement as a whole: no party unless "for X" names one.
JOINT_STAGES = frozenset({"in_force", "expired"})


def find_stages(parsed: ParsedDoc, clusters: Sequence[Cluster], actors: Sequence[Any],
                dates: Sequence[Any], lexicon: Lexicon, modality: Callable,
                doc_date: str | None = None) -> list[tuple[Cluster, Stage]]:
    """(agreement, stage) pairs of the document, in text order; ``doc_date`` (ISO) is
    the publication date, after which an asserted stage with a dated year is expected."""
    by_sent: dict[int, list[tuple[AgreementMention, Cluster]]] = {}
    for c in clusters:
        for m in c.mentions:
            by_sent.setdefault(m.sent, []).append((m, c))
    out: list[tuple[Cluster, Stage]] = []
    for sent in parsed.sentences:
        if sent.end <= parsed.body_start:
            continue
        pairs = sorted(by_sent.get(sent.i, []), key=lambda p: p[0].start)
        hits = _hits(parsed, sent, lexicon, [m for m, _ in pairs if m.named])
        # "by the end of June": a word that is a trigger only before an agreement
        # neither blocks nor dates the triggers around it elsewhere
        hits = [h for h in hits if not h.trigger.after_only
                or any(0 <= m.start - h.end <= OBJECT_NEAR for m, _ in pairs)
                or _pronoun_ref(parsed.text, h, sent)
                or _relative_object(parsed.text, h, pairs) is not None
                or _passive_subject(parsed, h, pairs) is not None]
        hits = [h for h in hits if not h.trigger.before_only
                or _subject_mention(parsed, h, pairs) is not None]
        sent_actors = [a for a in actors if sent.start <= a.start and a.end <= sent.end]
        # an actor overlapping a mention is its title read as a name ("The Reciprocal
        # Access Agreement" as an organisation), or one of its parties
        free_actors = [a for a in sent_actors
                       if not any(a.start < m.end and m.start < a.end for m, _ in pairs)]
        for k, hit in enumerate(hits):
            target = _target(parsed, hit, hits, pairs, by_sent, sent)
            via_accession = target is None
            if via_accession:
                target = _accession_target(parsed, hit, sent, sent_actors, clusters)
            if target is None:
                continue
            mention, clust = target
            # entry into force and expiry are the agreement's own, never a body's act
            next_start = hits[k + 1].start if k + 1 < len(hits) else sent.end
            body = None if hit.trigger.stage in JOINT_STAGES else \
                body_of(parsed, sent, hit, lexicon, sent_actors, next_start)
            if hit.trigger.needs_body and body is None:
                continue
            tok = _anchor(parsed, hit)
            reading = modality(parsed, tok) if tok is not None else None
            mod = refine(parsed, tok, getattr(reading, "modality", "asserted"),
                         stage=hit.trigger.stage)
            if mod == "negated" and _OWN_NEGATION.search(parsed.text, hit.start, hit.end):
                mod = "asserted"  # "is no longer party to the accord" says it left
            stage = hit.trigger.stage
            if hit.trigger.joins:
                stage = "in_force" if mod in {"asserted", "reported"} else "proposed"
                if stage == "proposed" and _REJOIN.match(parsed.text, hit.start, hit.end):
                    continue  # "the US would rejoin the deal": a term of its revival, no bid
            if stage == "proposed":
                mod = refine_proposal(parsed, tok, mod, getattr(reading, "cue", None))
            if stage in JOINT_STAGES and not hit.trigger.joins:  # the joiner is the party
                parties = joint_parties(parsed, sent, hit, free_actors, actors) or \
                    (_joiner(parsed, tok, free_actors, actors) if stage == "in_force" else [])
            else:
                parties = stage_parties(parsed, sent, hit, mention, body, free_actors, actors, stage,
                                        shared=mod not in {"intended", "negated"}, tok=tok)
            if _BROKERING.match(parsed.text, hit.start, hit.end) or (
                    _ANNOUNCING.match(parsed.text, hit.start, hit.end)
                    and _BETWEEN.match(parsed.text, mention.end)):
                # "Qatar brokered the truce", "Trump announced a ceasefire between Israel
                # and Iran": the sides reached it, jointly; the broker is no party
                parties = []
            if not parties and _LONG_TALKS.search(parsed.text, hit.start, hit.end):
                parties = _clause_subject(parsed, tok, free_actors, actors)
            if stage == "withdrawn" and _EXIT_TOOK_EFFECT.match(parsed.text, hit.start, sent.end):
                # "the withdrawal took effect": the withdrawal told before, by whoever
                # announced it (a troop withdrawal completed is none of the agreement's)
                told = {s.party.actor_id: s.party for c, s in out if c is clust
                        and s.stage == "withdrawn" and s.party}
                if not told:
                    continue
                parties = parties or list(told.values())
            if via_accession:  # "Finland joined NATO" is not Sweden's accession
                parties = _candidates(clust, parties)
                if not parties:
                    continue
            # "the 2018 military agreement": a year inside a mention dates the agreement
            free_dates = [d for d in dates
                          if not any(m.start <= d.start < m.end for m, _ in pairs)]
            date = _date(free_dates, sent, hit,
                         hits[k + 1].start if k + 1 < len(hits) else sent.end,
                         hits[k - 1].end if k else sent.start, parsed.text)
            if mod == "asserted" and date is not None and _after_publication(date, doc_date) \
                    and not _past_form(parsed, tok):  # a past tense says it happened
                mod = "expected"  # "the treaty expires in February 2026", written in 2025
            evidence = Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end,
                                text=parsed.text[sent.start:sent.end])
            for party in parties or [None]:
                out.append((clust, Stage(
                    stage=stage, party=party, body=body[0] if body else None,
                    date=date.value if date else None, date_text=date.text if date else None,
                    modality=mod, evidence=evidence)))
        out += _followers(parsed, sent, out, free_actors, actors, dates)
    return _dedupe(out)


# "Russia followed suit in 2021", "Hungary followed in February", "as did Hungary": the
# stage just told, done again by another party.
_FOLLOWED = re.compile(r"\s+(?:(?:later|soon|quickly|then|also)\s+)?(?:followed(?:\s+suit)?|did\s+"
                       r"(?:the\s+same|so))\b", re.IGNORECASE)
_AS_DID = re.compile(r"\bas\s+did\s+(?:the\s+)?", re.IGNORECASE)
FOLLOWED_STAGES = frozenset({"signed", "ratified", "withdrawn", "suspended", "in_force", "rejected"})


def _followers(parsed: ParsedDoc, sent: Sentence, staged: list[tuple[Cluster, Stage]],
               free_actors: Sequence[Any], pool: Sequence[Any],
               dates: Sequence[Any]) -> list[tuple[Cluster, Stage]]:
    """Copies of the last asserted stage of this or the previous sentence for the actors
    that "followed suit" or "did the same" ("Turkey ratified the protocol in January, and
    Hungary followed in February"; "... , as did Hungary")."""
    text = parsed.text
    floor = parsed.sentences[max(0, sent.i - 1)].start
    out = []
    for a in free_actors:
        after = _FOLLOWED.match(text, a.end, sent.end)
        before = _AS_DID.search(text, max(sent.start, a.start - 12), a.start)
        if not (after or before and before.end() == a.start):
            continue
        if any(a.start < b.end and b.start < a.end for b in free_actors if b is not a and b.end == a.start):
            continue
        prior = [(c, s) for c, s in staged if s.evidence.start >= floor and s.evidence.start <= a.start
                 and s.stage in FOLLOWED_STAGES and s.modality == "asserted" and s.party is not None]
        if not prior:
            continue
        c, s = prior[-1]
        ref = party_ref(a.actor, pool)
        if ref.actor_id == s.party.actor_id:
            continue
        end = sent.end if after is None else min(sent.end, after.end() + 40)
        date = next((d for d in dates if d.value and (after.end() if after else a.end) <= d.start
                     and d.end <= end and not _SPAN_DATE.match(d.text)), None)
        evidence = Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end,
                            text=text[sent.start:sent.end])
        out.append((c, s.model_copy(update={
            "party": ref, "body": None, "date": date.value if date else None,
            "date_text": date.text if date else None, "evidence": evidence})))
    return out


def _clause_subject(parsed: ParsedDoc, tok: Any, free_actors: Sequence[Any],
                    pool: Sequence[Any]) -> list:
    """"After years of negotiations, India and the EU signed a trade deal": the talks
    were held by the subject of the verb the phrase hangs on."""
    node = tok
    for _ in range(4):
        if node is None or node.head == node.i:
            break
        node = parsed.tokens[node.head]
        if node.pos in {"VERB", "AUX"}:
            return [party_ref(a.actor, pool)
                    for a in subject_actors(parsed, node, free_actors, passive=False)]
    return []


def _anchor(parsed: ParsedDoc, hit: Hit):
    """The word whose modality and subject count: the match's first word for ``anchor:
    first`` triggers ("bid" in "bid to join"), else its first verb."""
    if hit.trigger.anchor_first:
        return token_at(parsed, hit.start, hit.start + 1)
    return token_at(parsed, hit.start, hit.end)


def _dedupe(staged: list[tuple[Cluster, Stage]]) -> list[tuple[Cluster, Stage]]:
    """One stage per (agreement, stage, party, modality) and sentence ("concluded talks on
    a trade agreement" has two negotiation triggers), no exact repeats in the document, and no
    undated repeat of a dated stage of the same party and modality."""
    seen: set[tuple] = set()
    out = []
    for c, s in staged:
        party = s.party.actor_id if s.party else None
        # (a sentence may tell two readings: "it would withdraw, and the withdrawal took
        # effect in 2002")
        keys = {(id(c), s.stage, party, s.modality, s.evidence.start),
                (id(c), s.stage, party, s.modality, s.date)}
        if keys & seen:
            continue
        seen |= keys
        out.append((c, s))
    # "a proposal put forward by Egypt": the party-less reading of a stage its sentence
    # gives with a party says nothing more
    with_party = {(id(c), s.stage, s.evidence.start) for c, s in out if s.party}
    out = [(c, s) for c, s in out if s.party or (id(c), s.stage, s.evidence.start) not in with_party]
    # "X signed the deal in October 2022 ... X signed it in Beirut": the undated repeat
    dated = {(id(c), s.stage, s.party.actor_id if s.party else None, s.modality)
             for c, s in out if s.date}
    return [(c, s) for c, s in out if s.date or
            (id(c), s.stage, s.party.actor_id if s.party else None, s.modality) not in dated]


def _hits(parsed: ParsedDoc, sent: Sentence, lexicon: Lexicon,
          titles: Sequence[AgreementMention]) -> list[Hit]:
    lowered = parsed.text[sent.start:sent.end].lower()
    raw = [Hit(m.start(), m.end(), t)
           for t in (lexicon.triggers[i] for i in lexicon.trigger_filter.candidates(lowered))
           for m in t.pattern.finditer(parsed.text, sent.start, sent.end)]
    raw = [h for h in raw if not any(t.start <= h.start < t.end for t in titles)]
    clauses = term_spans(parsed.text, sent.start, sent.end)
    raw = [h for h in raw if not any(a <= h.start < b for a, b in clauses)]
    chosen: list[Hit] = []
    for h in sorted(raw, key=lambda h: (-(h.end - h.start), h.start)):
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    return sorted(chosen, key=lambda h: h.start)


def _target(parsed: ParsedDoc, hit: Hit, hits: Sequence[Hit],
            pairs: Sequence[tuple[AgreementMention, Cluster]], by_sent: dict, sent: Sentence):
    for m, c in pairs:
        if m.start <= hit.start and hit.end <= m.head_start:
            return m, c
    if hit.trigger.before_only:
        return _subject_mention(parsed, hit, pairs)
    nxt = min((h.start for h in hits if h.start > hit.start), default=sent.end)
    window = OBJECT_NEAR if hit.trigger.after_only else OBJECT_WINDOW
    if _LONG_TALKS.search(parsed.text, hit.start, hit.end):
        # "After years of negotiations, India and the EU signed a trade deal": the talks
        # led to the agreement the sentence goes on to name, past its other triggers
        nxt, window = sent.end, sent.end - hit.end
    if _other_object(parsed, hit, pairs, only=OTHER_DOCUMENTS):
        return None  # "signed an executive order implementing the agreement"
    if hit.trigger.stage == "withdrawn" and _left_elsewhere(parsed, hit, pairs):
        return None  # "Israeli forces withdrew from Sinai": a place was left, not a treaty
    passive = _passive_subject(parsed, hit, pairs)
    if passive is not None:
        return passive  # "the treaty was abandoned by Washington", "The agreement, signed in
        # 2015, was a step toward a peace treaty": not the mention after it
    for m, c in pairs:  # a mention inside the match is its object too ("put the deal on hold")
        if m.start > hit.start and m.start - hit.end <= window and m.start < nxt:
            if hit.trigger.after_only and m.start > hit.end and \
                    _CLAUSE_BREAK.search(parsed.text, hit.end, m.start) and \
                    not _OBJECT_LIST.fullmatch(parsed.text, hit.end, m.start):
                break  # "dissolves the Minsk Group, and a transit deal": not its object
            return m, c
    if not pairs and (_pronoun_ref(parsed.text, hit, sent) or _bare_exit(parsed, hit, sent)
                      or _proposal_ref(parsed.text, hit, sent)):
        return _previous(by_sent, sent)
    relative = _relative_object(parsed.text, hit, pairs)
    if relative is not None:
        return relative  # "the agreement, which Washington abandoned in 2018"
    if hit.trigger.stage == "withdrawn" and _EXIT_TOOK_EFFECT.match(parsed.text, hit.start, sent.end):
        # "..., and the withdrawal took effect in June 2002": the exit told before
        before = [(m, c) for m, c in pairs if m.end <= hit.start]
        return before[-1] if before else (None if pairs else _previous(by_sent, sent))
    if hit.trigger.stage in _ONLY_AFTER or hit.trigger.joins or hit.trigger.after_only:
        return None
    if hit.trigger.stage == "in_force" and _other_subject(parsed, hit, pairs):
        return None  # "the new tariffs took effect": something else came into force
    before = [(m, c) for m, c in pairs if m.end <= hit.start]
    if before and _other_object(parsed, hit, pairs):
        return None  # "Iran has rejected direct negotiations": the verb acts on something else
    if before:
        m, c = before[-1]
        if hit.trigger.stage == "negotiated" and _agreed_to_act(parsed, hit):
            return None  # "Under the deal, Israel agreed to release prisoners": a commitment
        if hit.trigger.stage != "negotiated" or hit.start - m.end <= SUBJECT_WINDOW:
            return m, c
    if not pairs and hit.trigger.anaphoric and not _other_object(parsed, hit, pairs):
        return _previous(by_sent, sent)
    return None


# A bid to join or a joining: its words ("applied to join", "membership bid", "joined").
_JOINING = re.compile(r"\b(?:re-?)?join|\bmember|\baccession|\baccede|\badmission", re.IGNORECASE)
# "joined the alliance": an organisation named by a common noun after the trigger.
_ORGANISATION_NOUN = re.compile(r"\s+the\s+(?:(?:western|military|defen[cs]e|trade|economic)\s+)?"
                                r"(?:alliance|bloc|union|organi[sz]ation|grouping)\b", re.IGNORECASE)


def _accession_target(parsed: ParsedDoc, hit: Hit, sent: Sentence, sent_actors: Sequence[Any],
                      clusters: Sequence[Cluster]):
    """"Sweden applied to join NATO", "Finland became NATO's 31st member", "Sweden joined
    the alliance": a bid to join, or joining, an organisation is a stage of the document's
    accession agreement with it (its accession protocol), though the organisation, not an
    agreement, is the object. The accession agreement whose words or sentences name the
    organisation; for a joining, else the only one when it names its candidate state
    (``_candidates`` then keeps that state only): "applied to join the EU" is no stage
    of a NATO protocol."""
    if not (hit.trigger.joins or hit.trigger.stage == "proposed"
            and _JOINING.search(parsed.text, hit.start, hit.end)):
        return None
    accessions = [c for c in clusters if c.kind == "accession"]
    if not accessions:
        return None
    text = parsed.text
    igo = next((a for a in sent_actors if a.actor.kind == "igo" and (
        hit.start <= a.start < hit.end or hit.end <= a.start and
        re.fullmatch(r"\s+(?:the\s+)?", text[hit.end:a.start]))), None)
    if igo is None:
        if not _ORGANISATION_NOUN.match(text, hit.end, sent.end):
            return None
        return (accessions[0].first, accessions[0]) if len(accessions) == 1 else None
    named = [c for c in accessions if any(
        igo.text.lower() in text[m.start:m.end].lower() or igo.text.lower() in
        text[parsed.sentences[m.sent].start:parsed.sentences[m.sent].end].lower()
        for m in c.mentions)]
    if not named and hit.trigger.joins and len(accessions) == 1 and _candidate_states(accessions[0]):
        named = accessions  # "Sweden's accession protocol ... Sweden joined NATO"
    return (named[0].first, named[0]) if named else None


def _candidates(clust: Cluster, parties: list) -> list:
    """The parties of a bid or joining that are the accession agreement's candidate: all
    of them when its mentions name no state ("the accession protocols")."""
    states = _candidate_states(clust)
    return [p for p in parties if p.country in states] if states else parties


def _candidate_states(clust: Cluster) -> set[str]:
    """The states an accession agreement's mentions name ("Sweden's NATO" too)."""
    return {a.actor.country for m in clust.mentions for a in m.actors
            if a.actor.kind in {"state", "igo"} and a.actor.country}


def _subject_mention(parsed: ParsedDoc, hit: Hit, pairs: Sequence[tuple[AgreementMention, Cluster]]):
    """The agreement that is the subject of an intransitive trigger ("The ceasefire began
    at midnight"): the parse's subject when the sentence was parsed, else a mention
    ending at most a few words before it."""
    tok = token_at(parsed, hit.start, hit.end)
    if tok is not None and parsed.sentences[tok.sent].parsed:
        subj = next((c for c in parsed.children(tok) if c.dep == "nsubj"), None)
        if subj is not None and subj.lemma.lower() in {"which", "that"} and tok.dep == "relcl":
            subj = parsed.tokens[tok.head]  # "the ceasefire, which began on Sunday,"
        if subj is None and tok.tag == "VBN" and tok.dep == "acl" and tok.head != tok.i:
            head = parsed.tokens[tok.head]  # "the deal struck in 2015": the noun it reduces
            return next(((m, c) for m, c in pairs if m.start <= head.start < m.end
                         and m.end <= hit.start), None)
        if subj is None:  # "the pact, in place since 1953,": set off right after it
            return next(((m, c) for m, c in pairs if m.end <= hit.start and
                         re.fullmatch(r"\s*,\s*", parsed.text[m.end:hit.start])), None)
        return next(((m, c) for m, c in pairs if m.start <= subj.start < m.end), None)
    before = [(m, c) for m, c in pairs if m.end <= hit.start and hit.start - m.end <= 12]
    return before[-1] if before else None


def _relative_object(text: str, hit: Hit, pairs: Sequence[tuple[AgreementMention, Cluster]]):
    """The mention a relative clause hangs on when the trigger is that clause's verb and
    the relative pronoun its object: "the accord, which Washington abandoned", "the pact
    that Moscow quit"."""
    before = [(m, c) for m, c in pairs if m.end <= hit.start]
    if not before:
        return None
    m, c = before[-1]
    gap = text[m.end:hit.start]
    if re.fullmatch(r"\s*,?\s*(?:which|that)\s+(?:[\w'’.-]+\s+){1,4}", gap, re.IGNORECASE):
        return m, c
    return None


# An agreement, then a passive auxiliary, then the trigger: "the deal was scrapped".
_PASSIVE_GAP = re.compile(r"\s*,?\s*(?:(?:has|have|had)\s+been|was|were|is|are|been)\s+"
                          r"(?:(?:\w+ly|also|then|later|since|finally|never|not)\s+)?", re.IGNORECASE)


def _passive_subject(parsed: ParsedDoc, hit: Hit,
                     pairs: Sequence[tuple[AgreementMention, Cluster]]):
    """The agreement a passive trigger acts on, standing before it as its subject ("the
    treaty was abandoned by Washington", "the pact was joined by Morocco") or as the noun
    its participle reduces ("the accord, hammered out in Vienna, ..."): the object an
    ``object: after`` trigger looks for, moved before it."""
    before = [(m, c) for m, c in pairs if m.end <= hit.start]
    if not before:
        return None
    tok = token_at(parsed, hit.start, hit.end)
    if tok is not None and parsed.sentences[tok.sent].parsed:
        if tok.tag != "VBN":
            return None
        subj = next((c for c in parsed.children(tok) if c.dep == "nsubjpass"), None)
        if subj is not None:
            return next(((m, c) for m, c in before if m.start <= subj.start < m.end), None)
        if tok.dep == "acl" and tok.head != tok.i:
            head = parsed.tokens[tok.head]
            m, c = before[-1]
            if m.start <= head.start < m.end and re.fullmatch(r"\s*,?\s*", parsed.text[m.end:hit.start]):
                return m, c
        return None
    m, c = before[-1]  # no parse: word order ("the deal was scrapped")
    return (m, c) if _PASSIVE_GAP.fullmatch(parsed.text, m.end, hit.start) else None


_TO_VERB = re.compile(r"\s+to\s+(?!(?:the|a|an|its|their|this|that|it|them|which|what)\b)([a-z]+)\b")


def _agreed_to_act(parsed: ParsedDoc, hit: Hit) -> bool:
    """"agreed to release prisoners": agreeing to do something under an agreement named
    before is a commitment it holds, not its negotiation ("agreed to the deal" is one)."""
    if not parsed.text[hit.start:hit.end].lower().startswith("agree"):
        return False
    to = _TO_VERB.match(parsed.text, hit.end)
    if to is None:
        return False
    verb = token_at(parsed, to.start(1), to.end(1))
    return verb is None or not parsed.sentences[verb.sent].parsed or verb.tag == "VB"


# "the plan", "this proposal": a definite proposal noun standing for the agreement proposed
_PROPOSAL_REF = re.compile(r"\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,2}?(?:proposal|plan|draft|"
                           r"framework|offer|idea|blueprint|initiative)\b", re.IGNORECASE)


def _proposal_ref(text: str, hit: Hit, sent: Sentence) -> bool:
    """"Egypt put forward the plan in May", "The proposal was first floated by Qatar": a
    proposal trigger on a definite proposal noun, in a sentence naming no agreement, is
    the proposal of the agreement of the sentences before."""
    if hit.trigger.stage != "proposed":
        return False
    near = [m for m in _PROPOSAL_REF.finditer(text, sent.start, sent.end)
            if -40 <= m.start() - hit.end <= 25 or 0 <= hit.start - m.end() <= 40]
    return bool(near)


def _previous(by_sent: dict, sent: Sentence):
    """The agreement mentioned last in the previous ``ANAPHORA_SENTENCES`` sentences."""
    for back in range(1, ANAPHORA_SENTENCES + 1):
        prev = by_sent.get(sent.i - back)
        if prev:
            return max(prev, key=lambda p: p[0].start)
    return None


def _pronoun_ref(text: str, hit: Hit, sent: Sentence) -> bool:
    """"withdrew from it", "signed it", "It was signed": a pronoun next to the trigger
    stands for the agreement of the previous sentences."""
    after = re.match(r"\s+(?:(?:from|to|out\s+of|on)\s+)?(?:it|the\s+(?:text|documents?|papers))\b",
                     text[hit.end:sent.end], re.IGNORECASE) or (  # "withdrew them" are troops
        hit.trigger.stage in {"signed", "ratified"} and re.match(r"\s+them\b", text[hit.end:sent.end]))
    before = re.search(r"(?:^|[,;]\s*|\band\s+)(?:it|the\s+(?:text|documents?))\s+(?:[a-z]+\s+){0,3}$"
                       # "They were signed in Cairo": a passive "they" is the agreements
                       r"|(?:^|[,;]\s*|\band\s+)they\s+(?:were|have\s+been|had\s+been)\s+(?:\w+ly\s+)?$",
                       text[sent.start:hit.start], re.IGNORECASE)
    return bool(after or before)


# After a verb with nothing said of its object: "pulled out in 2018", "quit.", "signed in
# Athens on Friday", "withdrew three years later"
_NOTHING_LEFT = re.compile(r"\s*(?:[,.;]|(?:in|on|at|last|this|after|earlier|later|soon|too|"
                           r"altogether|unilaterally|formally|officially|jointly)\b|"
                           r"(?:[\w-]+\s+){1,2}(?:later|earlier|afterwards|ago)\b|$)", re.IGNORECASE)
_SHORT_SUBJECT = re.compile(r"(?:The|Their|Both|Its|[A-Z][\w'’-]*)(?:\s+(?!(?:troops|forces|soldiers|it|they)\b)"
                            r"[\w'’-]+){0,4}\s+", )
# Stages whose verb alone, with no object, still acts on the agreement just named.
_BARE_STAGES = frozenset({"withdrawn", "signed"})


def _bare_exit(parsed: ParsedDoc, hit: Hit, sent: Sentence) -> bool:
    """"The US pulled out in 2018", "Their ministers signed in Athens on Friday": a
    withdrawal or signing verb with no object and a named subject (a state or its
    envoys, not "the troops" leaving nor "it") acts on the agreement of the previous
    sentences; so does "Seoul threatened to quit" through the verb it completes."""
    if hit.trigger.stage not in _BARE_STAGES or not _NOTHING_LEFT.match(parsed.text, hit.end, sent.end):
        return False
    tok = token_at(parsed, hit.start, hit.end)
    if tok is not None and not parsed.sentences[tok.sent].parsed:
        # no parse: a short subject opening the sentence ("The two ministers signed on
        # Friday.")
        return _SHORT_SUBJECT.fullmatch(parsed.text, sent.start, hit.start) is not None
    if tok is None or tok.pos != "VERB":
        return False
    head = parsed.tokens[tok.head]
    if tok.tag == "VBN" and not (tok.dep == "acl" and head.dep == "ROOT" and head.pos in {"NOUN", "PROPN"}):
        return False  # "signed in 2019" as a participle; but "The two ministers signed on
        # Friday", parsed as a noun phrase, is a clause
    if any(c.dep in {"dobj", "nsubjpass", "auxpass"} or c.dep == "prep" and c.text.lower() in {"from", "of", "up"}
           or c.dep == "prt" and not hit.start <= c.start < hit.end for c in parsed.children(tok)):
        return False  # "signed up", "withdrew from Gaza", "signed a decree"
    verb = tok
    if tok.dep == "xcomp" and tok.head != tok.i:
        verb = parsed.tokens[tok.head]
    subj = next((c for c in parsed.children(verb) if c.dep == "nsubj"), None)
    if tok.tag == "VBN":
        subj = head
    if subj is None:
        return False
    if hit.trigger.stage == "withdrawn":
        return subj.pos == "PROPN"
    return subj.pos in {"PROPN", "NOUN"} and subj.lemma.lower() not in {"troop", "force", "soldier"}


def _left_elsewhere(parsed: ParsedDoc, hit: Hit,
                    pairs: Sequence[tuple[AgreementMention, Cluster]]) -> bool:
    """A parsed withdrawal verb whose "from" / "out of" object is no agreement mention
    ("troops withdrew from Sinai and security arrangements were set"): what was left is a
    place or a force, and the agreement after it was not left."""
    after = next((m.start for m, _ in pairs if m.start >= hit.end), None)
    if after is not None and re.match(r"\s+(?:from|out\s+of)\s+[^,;]*?(?:,|\band\b|\bor\b)",
                                      parsed.text[hit.end:after], re.IGNORECASE):
        return True  # "withdrew from Sinai and security arrangements": coordinated after
    gap = re.match(r"\s+(?:from|out\s+of)\s+(?P<rest>.*)$", parsed.text[hit.end:after], re.IGNORECASE | re.DOTALL) \
        if after is not None else None
    if gap and not re.fullmatch(r"(?:(?:the|its|their|this|that|a|an)\s+)?(?:[\w.-]+['’]s\s+)?(?:[\w-]+\s+){0,2}",
                                gap.group("rest"), re.IGNORECASE):
        return True  # "a withdrawal from southern Lebanon under the ceasefire": a place left
    tok = token_at(parsed, hit.start, hit.end)
    if tok is None or tok.pos != "VERB" or not parsed.sentences[tok.sent].parsed:
        return False
    for prep in parsed.children(tok):
        if prep.dep != "prep" or prep.text.lower() not in {"from", "of"}:
            continue
        for obj in parsed.children(prep):
            if obj.dep == "pobj" and obj.pos != "PRON" and \
                    not any(m.start <= obj.start < m.end for m, _ in pairs):
                return True
    return False


def _other_object(parsed: ParsedDoc, hit: Hit, pairs: Sequence[tuple[AgreementMention, Cluster]],
                  *, only: frozenset[str] | None = None) -> bool:
    """The trigger is a parsed verb whose direct object is neither an agreement mention
    nor a pronoun ("the text" counts as one): an agreement named before it, or in an
    earlier sentence, is not what it acts on ("Iran has rejected direct negotiations").
    With ``only``, the object must be one of those nouns: a document signed that is no
    agreement keeps the trigger off the agreement after it too ("signed a decree
    suspending the treaty")."""
    tok = token_at(parsed, hit.start, hit.end)
    if tok is None or tok.pos != "VERB" or not parsed.sentences[tok.sent].parsed:
        return False
    obj = next((c for c in parsed.children(tok) if c.dep == "dobj"), None)
    if obj is not None and only is not None and obj.lemma.lower() not in only:
        return False
    if obj is None or obj.pos == "PRON" or obj.lemma.lower() in PART_WORDS | STAGE_NOUNS:
        return False
    if hit.start <= obj.start < hit.end:
        return False  # "took effect", "held talks": the object is part of the trigger
    if any(m.start <= obj.start < m.end for m, _ in pairs):
        return False
    # "its participation in the treaty", "the terms of the deal": an aspect of the agreement
    for prep in parsed.children(obj):
        if prep.dep == "prep" and any(g.dep == "pobj" and any(m.start <= g.start < m.end for m, _ in pairs)
                                      for g in parsed.children(prep)):
            return False
    return True


def _other_subject(parsed: ParsedDoc, hit: Hit,
                   pairs: Sequence[tuple[AgreementMention, Cluster]]) -> bool:
    """An entry into force or expiry whose parsed subject is a noun that is not an
    agreement mention ("The tariffs took effect", "His visa expired")."""
    tok = token_at(parsed, hit.start, hit.end)
    if tok is not None and not parsed.sentences[tok.sent].parsed:
        return not any(m.end <= hit.start for m, _ in pairs) and \
            _other_subject_words(parsed.text, parsed.sentences[tok.sent], hit)
    if tok is None or tok.pos not in {"VERB", "AUX"}:
        return False
    subj = next((c for c in parsed.children(tok) if c.dep in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.pos not in {"NOUN", "PROPN"} or subj.lemma.lower() in PART_WORDS:
        return False
    if subj.lemma.lower() in MEMBERSHIP_NOUNS and any(
            g.dep == "pobj" and any(m.start <= g.start < m.end for m, _ in pairs)
            for c in parsed.children(subj) if c.dep == "prep" for g in parsed.children(c)):
        return False  # "Britain's accession to the CPTPP took effect": the pact, for Britain
    return not any(m.start <= subj.start < m.end for m, _ in pairs)


def _joiner(parsed: ParsedDoc, tok: Any, actors: Sequence[Any], pool: Sequence[Any]) -> list:
    """The owner of an accession or membership that took effect ("Britain's accession to
    the CPTPP took effect" is the pact's entry into force for Britain)."""
    if tok is None or not parsed.sentences[tok.sent].parsed or tok.pos not in {"VERB", "AUX"}:
        return []
    subj = next((c for c in parsed.children(tok) if c.dep == "nsubj"), None)
    if subj is None or subj.lemma.lower() not in MEMBERSHIP_NOUNS:
        return []
    mods = [c for c in parsed.children(subj) if c.dep in {"poss", "compound", "amod"}]
    return [party_ref(a.actor, pool) for a in actors
            if any(a.start <= m.start < a.end for m in mods)]


def _other_subject_words(text: str, sent: Sentence, hit: Hit) -> bool:
    """Word order's reading of ``_other_subject`` for a sentence without a parse: the
    words before the verb, past an opening adverbial ("In 2018, ..."), are neither a
    pronoun, nor a part of an agreement, nor empty ("Entry into force followed")."""
    before = re.sub(r"^(?:(?:On|In|By|From|Since|After|Then|Later)\b[^,]{0,40},\s*)", "",
                    text[sent.start:hit.start].strip())
    if not before or text[hit.start:hit.end].lower().startswith("entry"):
        return False
    return not re.match(r"(?:it|this|that|they|these|the\s+(?:\w+\s+)?(?:text|document|"
                        r"provisions?|clauses?|terms?|protocol|amendments?))\b", before,
                        re.IGNORECASE)


def _past_form(parsed: ParsedDoc, tok: Any) -> bool:
    """The trigger tells of the past: a past tense, a past or perfect auxiliary ("was
    extended", "has been signed"), or a noun under a verb in the past ("completed
    negotiations on")."""
    if tok is None:
        return False
    if tok.tag == "VBD":
        return True
    if not parsed.sentences[tok.sent].parsed:
        return False
    if tok.pos == "NOUN" and tok.head != tok.i:
        tok = parsed.tokens[tok.head]
        if tok.tag == "VBD":
            return True
    verbs = [tok] + ([parsed.tokens[tok.head]] if tok.dep == "conj" and tok.head != tok.i else [])
    return any(c.dep in {"aux", "auxpass"} and (c.tag == "VBD" or c.lemma == "have")
               for v in verbs for c in parsed.children(v))  # "was concluded and signed"


def _after_publication(date: Any, doc_date: str | None) -> bool:
    """A stage date written with its year ("in February 2026") wholly after the
    publication date. Year-less dates are left alone: their year is a guess."""
    if not doc_date or not date.value or not re.search(r"\b\d{4}\b", date.text or ""):
        return False
    return date.value[:len(doc_date)] > doc_date[:len(date.value)]


def _date(dates: Sequence[Any], sent: Sentence, hit: Hit, next_start: int, prev_end: int,
          text: str = ""):
    inside = [d for d in dates if sent.start <= d.start and d.end <= sent.end and d.value
              and not _SPAN_DATE.match(d.text)
              # "the first such deal since 2000" dates nothing but a state that lasts
              and (hit.trigger.stage == "in_force" or not (_SINCE.search(text, max(0, d.start - 8), d.start)
                                                       or d.text.lower().startswith("since")))]
    after = [d for d in inside if d.start >= hit.end and d.start < next_start]
    if after:
        return after[0]
    before = [d for d in inside if d.end <= hit.start and d.start >= prev_end]
    if before and prev_end > sent.start and _COORDINATED.fullmatch(text, before[-1].end, hit.start):
        # a date closing the previous trigger's clause is that trigger's: "signed in 1951
        # and ratified a year later", "signed in 1996 but never ratified"
        return None
    return before[-1] if before else None
