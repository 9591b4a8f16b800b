"""Lifecycle stages of an agreement, one per trigger and party.

For each stage trigger of a sentence (``lexicon.yaml`` ``stages``; the longest match wins
where triggers overlap, and triggers inside a named agreement's title are ignored):

- agreement: the mention whose modifiers hold the trigger ("the recently signed accord"),
  else the first mention after it (within ``OBJECT_WINDOW`` characters, no other trigger
  between), else the last one before it; else, for triggers marked ``anaphoric``
  ("ratification", "entered into force"), the agreement mentioned last in the previous
  ``ANAPHORA_SENTENCES`` sentences;
- party: the actors of a "by X" phrase after it, else the legislative body before it
  ("the Greek parliament" -> GRC, body "Greek parliament"), else the parse's subject of
  the trigger verb (``spans.subject_actors``), else the list of actors just before it;
  signing and negotiating also count the agreement's "with X" /
  "between X and Y" actors; a party is the country-level (or IGO, or LEG) actor;
- date: the nearest date mention after the trigger and before the next trigger, else
  the nearest before it (deadlines count: "by the end of June");
- modality: ``dyad.modality.modality_of`` on the trigger's verb. "join" is an accession:
  ``ratified`` when asserted, ``proposed`` otherwise ("wants to join": intended).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from dyad.agreements.lexicon import Lexicon, Trigger
from dyad.agreements.mentions import AgreementMention, Cluster
from dyad.agreements.terms import term_spans
from dyad.agreements.spans import (country_ref, group_after, group_before, ref_for_id,
                                   subject_actors, token_at)
from dyad.model import ActorRef, Evidence, Stage
from dyad.nlp.parsed import ParsedDoc, Sentence

OBJECT_WINDOW = 80
SUBJECT_WINDOW = 60  # how far before a "reach/agree" trigger its agreement may stand
ANAPHORA_SENTENCES = 2
BODY_WINDOW = 60
# Stages whose "with X" partners acted too ("India signed a deal with France").
SHARED_STAGES = frozenset({"signed", "negotiated", "renewed"})
_BY = re.compile(r"\s*(?:(?:the|this|that|it|its)\s+\w+\s+)?by\s+", re.IGNORECASE)
_ONLY_AFTER = frozenset({"withdrawn"})
# A trigger used as a noun after a determiner: its sentence's subject is not its party.
_NOMINAL = re.compile(r"\bthe\s+$", re.IGNORECASE)
# Stages of the agreement as a whole: no party unless "for X" names one.
JOINT_STAGES = frozenset({"in_force", "expired"})


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    trigger: Trigger


def find_stages(parsed: ParsedDoc, clusters: Sequence[Cluster], actors: Sequence[Any],
                dates: Sequence[Any], lexicon: Lexicon,
                modality: Callable) -> list[tuple[Cluster, Stage]]:
    """(agreement, stage) pairs of the document, in text order."""
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
        sent_actors = [a for a in actors if sent.start <= a.start and a.end <= sent.end]
        free_actors = [a for a in sent_actors
                       if not any(m.start <= a.start and a.end <= m.end for m, _ in pairs)]
        for k, hit in enumerate(hits):
            target = _target(parsed, hit, hits, pairs, by_sent, sent)
            if target is None:
                continue
            mention, clust = target
            body = _body(parsed, sent, hit, lexicon, sent_actors)
            if hit.trigger.needs_body and body is None:
                continue
            tok = token_at(parsed, hit.start, hit.end)
            reading = modality(parsed, tok) if tok is not None else None
            mod = getattr(reading, "modality", "asserted")
            stage = hit.trigger.stage
            if hit.trigger.joins:
                stage = "ratified" if mod in {"asserted", "reported"} else "proposed"
            if stage in JOINT_STAGES:
                parties = _for_parties(parsed, sent, hit, free_actors, actors)
            else:
                parties = _parties(parsed, sent, hit, mention, body, free_actors, actors, stage)
            date = _date(dates, sent, hit, hits[k + 1].start if k + 1 < len(hits) else sent.end,
                         hits[k - 1].end if k else sent.start)
            evidence = Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end,
                                text=parsed.text[sent.start:sent.end])
            for party in parties or [None]:
                out.append((clust, Stage(
                    stage=stage, party=party, body=body[0] if body else None,
                    date=date.value if date else None, date_text=date.text if date else None,
                    modality=mod, evidence=evidence)))
    return out


def _hits(parsed: ParsedDoc, sent: Sentence, lexicon: Lexicon,
          titles: Sequence[AgreementMention]) -> list[Hit]:
    raw = [Hit(m.start(), m.end(), t) for t in lexicon.triggers
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
    nxt = min((h.start for h in hits if h.start > hit.start), default=sent.end)
    for m, c in pairs:
        if m.start >= hit.end and m.start - hit.end <= OBJECT_WINDOW and m.start < nxt:
            return m, c
    if not pairs and _pronoun_ref(parsed.text, hit, sent):
        return _previous(by_sent, sent)
    if hit.trigger.stage in _ONLY_AFTER or hit.trigger.joins:
        return None
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


def _other_object(parsed: ParsedDoc, hit: Hit,
                  pairs: Sequence[tuple[AgreementMention, Cluster]]) -> bool:
    """The trigger is a parsed verb whose direct object is neither an agreement mention
    nor a pronoun ("the text" counts as one): an agreement named before it, or in an
    earlier sentence, is not what it acts on ("Iran has rejected direct negotiations")."""
    tok = token_at(parsed, hit.start, hit.end)
    if tok is None or tok.pos != "VERB" or not parsed.sentences[tok.sent].parsed:
        return False
    obj = next((c for c in parsed.children(tok) if c.dep == "dobj"), None)
    if obj is None or obj.pos == "PRON" or obj.lemma.lower() in {"text", "document"}:
        return False
    return not any(m.start <= obj.start < m.end for m, _ in pairs)


def _body(parsed: ParsedDoc, sent: Sentence, hit: Hit, lexicon: Lexicon,
          sent_actors: Sequence[Any]) -> tuple[str, ActorRef | None] | None:
    """The legislative body acting: before the trigger, or after "by"."""
    found = []
    for m in lexicon.body_pattern.finditer(parsed.text, sent.start, sent.end):
        before = m.end() <= hit.start and hit.start - m.end() <= BODY_WINDOW
        after_by = m.start() >= hit.end and re.fullmatch(
            r"[^.;]{0,40}?\bby\s+(?:the\s+)?(?:\S+\s+){0,2}", parsed.text[hit.end:m.start()])
        if before or after_by:
            found.append(m)
    if not found:
        return None
    m = min(found, key=lambda m: abs(m.start() - hit.start))
    start, country, leg = m.start(), lexicon.bodies.get(m.group(0)), None
    for a in sent_actors:
        if a.start <= m.start() < a.end and a.actor.sector == "LEG":
            leg = a.actor.ref()
        gap = parsed.text[a.end:m.start()]
        if a.end <= m.start() and re.fullmatch(r"(?:['’]s)?\s*", gap):
            start, country = a.start, a.actor.country or country
    name = parsed.text[start:m.end()]
    if leg is not None:
        return name, leg
    return name, ref_for_id(country, sent_actors) if country else None


def _parties(parsed: ParsedDoc, sent: Sentence, hit: Hit, mention: AgreementMention,
             body: tuple[str, ActorRef | None] | None, free_actors: Sequence[Any],
             pool: Sequence[Any], stage: str) -> list[ActorRef]:
    text = parsed.text
    after = max(hit.end, mention.end if mention.start >= hit.end else hit.end)
    by = _BY.match(text, after)
    found: list[Any] = []
    if by:
        found = group_after(text, free_actors, by.end(), ceiling=sent.end)
    if not found and body is not None:
        return [body[1]] if body[1] is not None else []
    if not found and _NOMINAL.search(text, max(sent.start, hit.start - 12), hit.start):
        found = []  # "Trump hosted the signing": the subject of "hosted" did not sign
    elif not found:
        # the parse's subject, unless the list before the trigger holds it and more (a
        # coordination the parse split: "France and Greece's leaders signed")
        subject = subject_actors(parsed, token_at(parsed, hit.start, hit.end), free_actors,
                                 passive=False)
        listed = group_before(text, [a for a in free_actors if not _after_with(text, a)],
                              hit.start, floor=sent.start)
        found = listed if not subject or {id(a) for a in subject} <= {id(a) for a in listed} \
            else subject
    refs = [country_ref(a.actor, pool) for a in found]
    if stage in SHARED_STAGES:
        refs += [country_ref(a.actor, pool) for a in mention.actors]
    seen: dict[str, ActorRef] = {}
    for r in refs:
        seen.setdefault(r.actor_id, r)
    return list(seen.values())


def _for_parties(parsed: ParsedDoc, sent: Sentence, hit: Hit, free_actors: Sequence[Any],
                 pool: Sequence[Any]) -> list[ActorRef]:
    """Entry into force and expiry bind the agreement as a whole: a party only when the
    text says for whom ("entered into force for Norway")."""
    cue = re.match(r"\s*(?:on\s+[^,;.]{0,25}\s)?for\s+", parsed.text[hit.end:sent.end], re.IGNORECASE)
    if cue is None:
        return []
    found = group_after(parsed.text, free_actors, hit.end + cue.end(), ceiling=sent.end, max_gap=6)
    return [country_ref(a.actor, pool) for a in found]


def _after_with(text: str, actor: Any) -> bool:
    """An actor in a "with X (and Y)" / "between X and Y" phrase is a partner, not a subject."""
    return re.search(r"\b(?:with|between)\s+(?:the\s+)?(?:[^,;.]{0,30}\s(?:and|,)\s+(?:the\s+)?)?$",
                     text[max(0, actor.start - 50):actor.start], re.IGNORECASE) is not None


def _date(dates: Sequence[Any], sent: Sentence, hit: Hit, next_start: int, prev_end: int):
    inside = [d for d in dates if sent.start <= d.start and d.end <= sent.end and d.value]
    after = [d for d in inside if d.start >= hit.end and d.start < next_start]
    if after:
        return after[0]
    before = [d for d in inside if d.end <= hit.start and d.start >= prev_end]
    return before[-1] if before else None
