"""Who decided a stage when it is not a government's own act, and whose state they are:

- **a legislature** (``body_of``): a legislative body of ``lexicon.yaml`` before the
  trigger or after "by" ("the Greek parliament" -> GRC, body "Greek parliament"; "lawmakers
  in Kyiv" -> UKR; "Russia's lower house of parliament" -> RUS);
- **voters** (``voters_state``): "voters rejected the deal in a referendum" is the
  electorate of the state the sentence names;
- **a court** (``court_state``): "the Supreme Court annulled the accord", "a court ruling
  that had voided the deal", "judges struck it down". A court's annulment does not end the
  agreement for its parties (the government may still ratify it, parliament may approve it
  anyway): it is that state's ``rejected``, not ``terminated``.

Voters read the parse; the court reads it when there is one, word order otherwise.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.lexicon import Hit, Lexicon
from dyad.agreements.spans import ref_for_id
from dyad.model import ActorRef
from dyad.nlp.parsed import ParsedDoc, Sentence

__all__ = ["BODY_WINDOW", "COURT_NOUNS", "VOTER_NOUNS", "body_of", "court_state", "voters_state"]

BODY_WINDOW = 60

# "Israel's security cabinet", "Lebanon's caretaker cabinet", "Turkey's parliament": the
# state owning the body, past one lower-case modifier
_OWNER_GAP = re.compile(r"(?:['’]s)?\s*(?:(?!(?:and|or|but|to|of|in)\b)[a-z][\w-]*\s+)?")
_OF_BODY = re.compile(r"[^.;]*\b(?:of|from)\s+(?:the\s+)?(?:\S+\s+){0,2}", re.IGNORECASE)


# "Cyprus's parliament rejected it, while Ireland has yet to hold a vote": a body before
# a clause of another subject acts in its own clause only
_NEW_CLAUSE = re.compile(r";|,?\s+(?:while|whereas)\b|,\s+(?:but|and)\s+(?!(?:the\s+)?(?:then|later|"
                         r"also|finally|formally)\b)(?:[\w'’-]+\s+){0,3}?(?:has|have|had|is|are|was|were|will|"
                         r"would|did|does)\b", re.IGNORECASE)


def body_of(parsed: ParsedDoc, sent: Sentence, hit: Hit, lexicon: Lexicon,
            sent_actors: Sequence[Any], next_start: int) -> tuple[str, ActorRef | None] | None:
    """The legislative body acting: before the trigger, or after "by" (before the next
    trigger: "signed in 2021, was ratified by the parliament" is the ratifier)."""
    found = []
    for m in lexicon.body_pattern.finditer(parsed.text, sent.start, sent.end):
        before = m.end() <= hit.start and hit.start - m.end() <= BODY_WINDOW \
            and not _NEW_CLAUSE.search(parsed.text, m.end(), hit.start)
        after_by = hit.end <= m.start() < next_start and (re.fullmatch(
            r"[^.;]{0,40}?\bby\s+(?:the\s+)?(?:\S+\s+){0,2}", parsed.text[hit.end:m.start()])
            # "won the approval of the Senate": the trigger ends in its "of"/"from"
            or _OF_BODY.fullmatch(parsed.text, hit.start, m.start()))
        if before or after_by:
            found.append(m)
    if not found:
        return None
    m = min(found, key=lambda m: abs(m.start() - hit.start))
    start, country, leg = m.start(), lexicon.bodies.get(m.group(0)), None
    for a in sent_actors:
        if a.start <= m.start() < a.end and a.actor.sector == "LEG":
            leg = a.actor.ref()
        elif a.start <= m.start() < a.end and country is None and a.actor.country:
            start, country = a.start, a.actor.country  # "South Korea's cabinet" read as one actor
        gap = parsed.text[a.end:m.start()]
        if a.end <= m.start() and a.actor.sector == "LEG" and re.fullmatch(r"\s+of\s+(?:the\s+)?", gap):
            leg = a.actor.ref()  # "Russia's lower house of parliament": the chamber named first
        elif a.end <= m.start() and _OWNER_GAP.fullmatch(gap):
            start, country = a.start, a.actor.country or country
    end = m.end()
    if country is None and leg is None:  # "lawmakers in Kyiv", "the parliament of Greece"
        after = next((a for a in sent_actors if a.start >= m.end() and re.fullmatch(
            r"\s+(?:in|of)\s+(?:the\s+)?", parsed.text[m.end():a.start])), None)
        if after is not None and after.actor.country:
            end, country = after.end, after.actor.country
    name = parsed.text[start:end]
    if leg is not None:
        return name, leg
    return name, ref_for_id(country, sent_actors) if country else None


# "voters rejected the deal in a referendum": the electorate of the state the sentence names
VOTER_NOUNS = frozenset({"voter", "voters", "electorate", "electors"})


def voters_state(parsed: ParsedDoc, sent: Sentence, tok: Any, actors: Sequence[Any],
                 pool: Sequence[Any]) -> list[ActorRef]:
    """The states whose voters approved or rejected the agreement in a referendum, when
    the trigger's subject is "voters": those its own words name ("Irish and Danish voters
    approved it": each), else, for a bare "voters", the one state its sentence names before
    it ("Colombia's Congress approved a revised deal after voters rejected the first")."""
    if tok is None or not parsed.sentences[tok.sent].parsed:
        return []
    subj = next((c for c in parsed.children(tok) if c.dep == "nsubj"), None)
    if subj is None or subj.text.lower() not in VOTER_NOUNS:
        return []
    start = parsed.subtree_span(subj)[0]
    own = dict.fromkeys(a.actor.country for a in actors if a.actor.country  # "Danish voters" is
                        and start <= a.start and a.end <= subj.end)  # read as a group of Denmark
    if own:
        return [ref_for_id(country, pool) for country in own]
    states = {a.actor.country for a in actors if a.actor.country and a.actor.kind == "state"
              and a.end <= tok.start}  # named before the verb: not "with Denmark watching"
    if len(states) != 1:
        return []
    return [ref_for_id(states.pop(), pool)]


COURT_NOUNS = frozenset({"court", "courts", "tribunal", "judge", "judges", "justices", "judiciary"})
# Unparsed: the court noun ends the words before the trigger in its clause ("the court
# had annulled", "a court ruling that voided")
_COURT_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(COURT_NOUNS)) +
                           r")(?:\s+ruling)?(?:\s+(?:that|which|has|had|have|also|later|then|\w+ly)){0,3}\s+$",
                           re.IGNORECASE)
# "Egypt's Supreme Administrative Court": the state owning the court, past its titles
_OWNER = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,3}$")
MAX_HOPS = 3


def court_state(parsed: ParsedDoc, sent: Sentence, tok: Any, sent_actors: Sequence[Any],
                pool: Sequence[Any]) -> list[ActorRef] | None:
    """``None`` when no court is the trigger's subject; else the court's state: the one
    owning it ("Egypt's highest court", "the Egyptian court"), else the first state named
    in the sentence before it (the government or parliament acting on the same
    agreement), else none."""
    court = _court_subject(parsed, tok)
    if court is None:
        return None
    for a in sent_actors:
        if a.actor.country and (a.start <= court < a.end or a.end <= court and
                                _OWNER.fullmatch(parsed.text, a.end, court)):
            return [ref_for_id(a.actor.country, pool)]
    first = next((a for a in sent_actors if a.actor.kind == "state" and a.actor.country
                  and a.end <= court), None)
    return [ref_for_id(first.actor.country, pool)] if first else []


def _court_subject(parsed: ParsedDoc, tok: Any) -> int | None:
    """The offset of the court noun that is the subject of trigger verb ``tok`` (through a
    relative pronoun, "a court ruling that annulled", and a conjunct, "the court ruled that
    ... and voided the agreement"), or that ends the words before it when unparsed."""
    if tok is None:
        return None
    sent = parsed.sentences[tok.sent]
    if not sent.parsed:
        m = _COURT_BEFORE.search(parsed.text, max(sent.start, tok.start - 50), tok.start)
        return m.start() if m else None
    node = tok
    for _ in range(MAX_HOPS + 1):
        subj = next((c for c in parsed.children(node) if c.dep == "nsubj"), None)
        if subj is not None and subj.lemma.lower() in {"that", "which"} and node.dep == "relcl":
            subj = parsed.tokens[node.head]
        if subj is not None:
            words = [subj] + [c for c in parsed.children(subj) if c.dep in {"compound", "amod"}]
            hit = next((w for w in words if w.text.lower() in COURT_NOUNS), None)
            return hit.start if hit is not None else None
        if node.dep != "conj" or node.head == node.i:
            return None
        node = parsed.tokens[node.head]
        if node.lemma.lower() == "be" and node.dep == "ccomp" and node.head != node.i:
            # "the court ruled that the islands were Egyptian and voided the deal": an act
            # joined to a copular clause is the ruling verb's conjunct, misattached
            node = parsed.tokens[node.head]
    return None
