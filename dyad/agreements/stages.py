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
from dyad.agreements.spans import token_at
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
# Documents that are signed, passed or issued without being agreements between states.
OTHER_DOCUMENTS = frozenset({"letter", "decree", "law", "bill", "order", "petition",
                             "communique", "communiqué", "resolution", "book", "ordinance",
                             "proclamation", "budget", "legislation", "motion", "note",
                             "guestbook", "directive", "executive", "waiver", "memo"})
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
_COORDINATED = re.compile(r"\s*,?\s*(?:and|but)\s+(?:[\w-]+\s+){0,3}", re.IGNORECASE)
# "within 14 months", "for five years": a span of time, not the date of a stage
_SPAN_DATE = re.compile(r"(?:within|for|over|during|in\s+the\s+(?:next|coming))\b", re.IGNORECASE)
# Between an ``object: after`` trigger and a mention of another clause.
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|but|while|whereas)\b", re.IGNORECASE)
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
                or _relative_object(parsed.text, h, pairs) is not None]
        hits = [h for h in hits if not h.trigger.before_only
                or _subject_mention(parsed, h, pairs) is not None]
        sent_actors = [a for a in actors if sent.start <= a.start and a.end <= sent.end]
        # an actor overlapping a mention is its title read as a name ("The Reciprocal
        # Access Agreement" as an organisation), or one of its parties
        free_actors = [a for a in sent_actors
                       if not any(a.start < m.end and m.start < a.end for m, _ in pairs)]
        for k, hit in enumerate(hits):
            target = _target(parsed, hit, hits, pairs, by_sent, sent)
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
            if stage == "proposed":
                mod = refine_proposal(parsed, tok, mod, getattr(reading, "cue", None))
            if stage in JOINT_STAGES and not hit.trigger.joins:  # the joiner is the party
                parties = joint_parties(parsed, sent, hit, free_actors, actors)
            else:
                parties = stage_parties(parsed, sent, hit, mention, body, free_actors, actors, stage,
                                        shared=mod not in {"intended", "negated"}, tok=tok)
            # "the 2018 military agreement": a year inside a mention dates the agreement
            free_dates = [d for d in dates
                          if not any(m.start <= d.start < m.end for m, _ in pairs)]
            date = _date(free_dates, sent, hit,
                         hits[k + 1].start if k + 1 < len(hits) else sent.end,
                         hits[k - 1].end if k else sent.start, parsed.text)
            if mod == "asserted" and date is not None and _after_publication(date, doc_date) \
                    and (tok is None or tok.tag != "VBD"):  # a past tense says it happened
                mod = "expected"  # "the treaty expires in February 2026", written in 2025
            evidence = Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end,
                                text=parsed.text[sent.start:sent.end])
            for party in parties or [None]:
                out.append((clust, Stage(
                    stage=stage, party=party, body=body[0] if body else None,
                    date=date.value if date else None, date_text=date.text if date else None,
                    modality=mod, evidence=evidence)))
    return _dedupe(out)


def _anchor(parsed: ParsedDoc, hit: Hit):
    """The word whose modality and subject count: the match's first word for ``anchor:
    first`` triggers ("bid" in "bid to join"), else its first verb."""
    if hit.trigger.anchor_first:
        return token_at(parsed, hit.start, hit.start + 1)
    return token_at(parsed, hit.start, hit.end)


def _dedupe(staged: list[tuple[Cluster, Stage]]) -> list[tuple[Cluster, Stage]]:
    """One stage per (agreement, stage, party) and sentence ("concluded talks on a trade
    agreement" has two negotiation triggers), no exact repeats in the document, and no
    undated repeat of a dated stage of the same party and modality."""
    seen: set[tuple] = set()
    out = []
    for c, s in staged:
        party = s.party.actor_id if s.party else None
        keys = {(id(c), s.stage, party, s.evidence.start),
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
    if _other_object(parsed, hit, pairs, only=OTHER_DOCUMENTS):
        return None  # "signed an executive order implementing the agreement"
    if hit.trigger.stage == "withdrawn" and _left_elsewhere(parsed, hit, pairs):
        return None  # "Israeli forces withdrew from Sinai": a place was left, not a treaty
    for m, c in pairs:  # a mention inside the match is its object too ("put the deal on hold")
        if m.start > hit.start and m.start - hit.end <= window and m.start < nxt:
            if hit.trigger.after_only and m.start > hit.end and \
                    _CLAUSE_BREAK.search(parsed.text, hit.end, m.start):
                break  # "dissolves the Minsk Group, and a transit deal": not its object
            return m, c
    if not pairs and (_pronoun_ref(parsed.text, hit, sent) or _bare_exit(parsed, hit, sent)):
        return _previous(by_sent, sent)
    relative = _relative_object(parsed.text, hit, pairs)
    if relative is not None:
        return relative  # "the agreement, which Washington abandoned in 2018"
    if hit.trigger.stage in _ONLY_AFTER or hit.trigger.joins or hit.trigger.after_only:
        return None
    if hit.trigger.stage == "in_force" and _other_subject(parsed, hit, pairs):
        return None  # "the new tariffs took effect": something else came into force
    before = [(m, c) for m, c in pairs if m.end <= hit.start]
    if before and _other_object(parsed, hit, pairs):
        return None  # "Iran has rejected direct negotiations": the verb acts on something else
    if before:
        m, c = before[-1]
        if hit.trigger.stage != "negotiated" or hit.start - m.end <= SUBJECT_WINDOW:
            return m, c
    if not pairs and hit.trigger.anaphoric and not _other_object(parsed, hit, pairs):
        return _previous(by_sent, sent)
    return None


def _subject_mention(parsed: ParsedDoc, hit: Hit, pairs: Sequence[tuple[AgreementMention, Cluster]]):
    """The agreement that is the subject of an intransitive trigger ("The ceasefire began
    at midnight"): the parse's subject when the sentence was parsed, else a mention
    ending at most a few words before it."""
    tok = token_at(parsed, hit.start, hit.end)
    if tok is not None and parsed.sentences[tok.sent].parsed:
        subj = next((c for c in parsed.children(tok) if c.dep == "nsubj"), None)
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
    after = re.match(r"\s+(?:(?:from|to|out\s+of|on)\s+)?(?:it|the\s+(?:text|document))\b",
                     text[hit.end:sent.end], re.IGNORECASE)
    before = re.search(r"(?:^|[,;]\s*|\band\s+)(?:it|the\s+(?:text|document))\s+(?:[a-z]+\s+){0,3}$",
                       text[sent.start:hit.start], re.IGNORECASE)
    return bool(after or before)


# After an exit verb with nothing left of what was left: "pulled out in 2018", "quit."
_NOTHING_LEFT = re.compile(r"\s*(?:[,.;]|(?:in|on|last|this|after|earlier|later|soon|too|"
                           r"altogether|unilaterally)\b|$)", re.IGNORECASE)


def _bare_exit(parsed: ParsedDoc, hit: Hit, sent: Sentence) -> bool:
    """"The US pulled out in 2018": a withdrawal verb with no object and a named subject
    (a state, not "the troops") leaves the agreement of the previous sentences."""
    if hit.trigger.stage != "withdrawn" or not _NOTHING_LEFT.match(parsed.text, hit.end, sent.end):
        return False
    tok = token_at(parsed, hit.start, hit.end)
    if tok is None or not parsed.sentences[tok.sent].parsed or tok.pos != "VERB":
        return False
    subj = next((c for c in parsed.children(tok) if c.dep == "nsubj"), None)
    return subj is not None and subj.pos == "PROPN" and \
        not any(c.dep in {"dobj", "prep"} and c.text.lower() in {"from", "of"} or c.dep == "dobj"
                for c in parsed.children(tok))


def _left_elsewhere(parsed: ParsedDoc, hit: Hit,
                    pairs: Sequence[tuple[AgreementMention, Cluster]]) -> bool:
    """A parsed withdrawal verb whose "from" / "out of" object is no agreement mention
    ("troops withdrew from Sinai and security arrangements were set"): what was left is a
    place or a force, and the agreement after it was not left."""
    after = next((m.start for m, _ in pairs if m.start >= hit.end), None)
    if after is not None and re.match(r"\s+(?:from|out\s+of)\s+[^,;]*?(?:,|\band\b|\bor\b)",
                                      parsed.text[hit.end:after], re.IGNORECASE):
        return True  # "withdrew from Sinai and security arrangements": coordinated after
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
    return not any(m.start <= subj.start < m.end for m, _ in pairs)


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
