"""What the side roles share: the sentence being coded, a place found for a side, and the
list and anaphora helpers ("the two countries", "Egypt, Ethiopia, Iran and the UAE")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from dyad.agreements.spans import groups, token_at
from dyad.nlp.parsed import ParsedDoc, Sentence
from dyad.relations.lexicon import RelationLexicon

TWO_SIDES = re.compile(r"\b(?:the\s+two|both)\s+(?:[A-Z][a-z]+\s+)?(?:countries|nations|states|sides|neighbou?rs|"
                       r"governments|capitals|rivals)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PlaceHit:
    """What an ``in``/``place`` role found: the host or holder (None when the place has no
    known country), the place, and the place as written ("Tartus" for "Ţarţūs")."""

    ref: Any
    location: Any
    text: str


@dataclass
class SentenceEnv:
    """One sentence being coded: its actors and places, and the document's actors (``pool``)."""

    parsed: ParsedDoc
    sent: Sentence
    actors: list[Any]
    places: list[Any]
    pool: Sequence[Any]
    lexicon: RelationLexicon
    place_ref: Callable
    place_pool: Sequence[Any] = ()  # the document's places ("The base" names one before)


def clause_list(env: SentenceEnv, group: Sequence[Any], found: Sequence[Any]) -> list[Any]:
    """The part of a list that belongs to one clause: "Poland hosts US troops, and Germany
    agreed to ..." is no list of "US troops" and Germany, since Germany is the subject of
    another verb. Without a parse the list is kept."""
    if not env.sent.parsed or len(group) < 2:
        return list(group)
    parts: list[list[Any]] = [[]]
    for a in group:
        tok = token_at(env.parsed, a.start, a.end)
        if parts[-1] and tok is not None and tok.dep in {"nsubj", "nsubjpass"}:
            parts.append([])
        parts[-1].append(a)
    ids = {id(a) for a in found}
    return next((p for p in parts if any(id(a) in ids for a in p)), list(group))


def whole_lists(text: str, actors: Sequence[Any], found: Sequence[Any]) -> list[Any]:
    """The lists ("Egypt, Ethiopia, Iran and the United Arab Emirates") holding ``found``."""
    ids = {id(a) for a in found}
    return [a for g in groups(text, actors) if any(id(x) in ids for x in g) for a in g]


def possessive(text: str, actor: Any, offset: int) -> bool:
    """"Sweden's bid to join", "Japan's closest ally", "the Philippines' ally"."""
    return re.fullmatch(r"['’]s?\s+(?:[\w-]+\s+){0,3}", text[actor.end:offset]) is not None


def sentence_start(env: SentenceEnv, back: int) -> int:
    """The start of the sentence ``back`` sentences before this one."""
    return env.parsed.sentences[max(0, env.sent.i - back)].start


def last_two_states(env: SentenceEnv, before: int) -> list[Any]:
    """"The two countries": the last two distinct states named before ``before``."""
    out: list[Any] = []
    for a in sorted(env.pool, key=lambda a: a.start, reverse=True):
        if a.end > before or a.actor.kind != "state" or not a.actor.country:
            continue
        if all(o.actor.country != a.actor.country for o in out):
            out.append(a)
        if len(out) == 2:
            return out[::-1]
    return []
