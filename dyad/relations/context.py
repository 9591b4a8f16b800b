"""What the side roles share: the sentence being coded, a place found for a side, and the
list and anaphora helpers ("the two countries", "Egypt, Ethiopia, Iran and the UAE")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from dyad.agreements.spans import group_after, groups, token_at
from dyad.nlp.parsed import ParsedDoc, Sentence
from dyad.relations.lexicon import RelationLexicon

TWO_SIDES = re.compile(r"\b(?:the\s+neighbou?rs\b|(?:the\s+two|both)\s+(?:[A-Z][a-z]+\s+|[a-z]+-[a-z]+\s+)?(?:countries|nations|states|sides|neighbou?rs|blocs|economies|partners|"
                       r"governments|capitals|rivals|armies|militaries)\b)", re.IGNORECASE)


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
    return [a for g in groups(text, actors) if any(id(x) in ids for x in g) for a in g
            if id(a) in ids or not _apposed_possessor(text, g, a)]


def _apposed_possessor(text: str, group: Sequence[Any], actor: Any) -> bool:
    """The possessor opening an apposition, no member of the list before it: "The United
    States, Seoul's treaty ally, keeps troops" (a joint possessive, "Finland and Sweden's
    bids", covers the list)."""
    return (len(group) > 1 and actor is group[-1] and re.fullmatch(r"\s*,\s*", text[group[-2].end:actor.start])
            is not None and re.match(r"['’]s?\s", text[actor.end:actor.end + 3]) is not None)


def possessive(text: str, actor: Any, offset: int) -> bool:
    """"Sweden's bid to join", "Japan's closest ally", "the Philippines' ally"; a possessor
    binds its own noun phrase, which no preposition or article crosses ("Tokyo's sanctions
    over the invasion of Ukraine" is no invasion of Tokyo's)."""
    return _POSSESSIVE_GAP.fullmatch(text[actor.end:offset]) is not None


def possessive_gap_to(text: str, end: int, offset: int) -> bool:
    """Whether a possessor ending at ``end`` binds the noun phrase reaching ``offset``."""
    return _POSSESSIVE_GAP.fullmatch(text[end:offset]) is not None


_POSSESSIVE_GAP = re.compile(r"['’]s?\s+(?:(?!(?:of|over|for|in|on|with|by|from|at|against|after|since|during|"
                             r"the|a|an)\s)[\w-]+\s+){0,3}", re.IGNORECASE)


# Between a sentence's start and its subject: "On Monday,", "The", "After talks in Doha,".
_LEAD = re.compile(r"\s*(?:(?:On|In|After|Late|Early|Last)\b[^,]{0,40},\s*)?(?:the\s+)?", re.IGNORECASE)


def leading_list(env: SentenceEnv) -> list[Any]:
    """The list of two or more actors that opens the sentence as its subject ("Israel and
    Hamas agreed on Wednesday to a ceasefire ... in a deal brokered by Qatar")."""
    text, sent = env.parsed.text, env.sent
    found = group_after(text, env.actors, sent.start, ceiling=sent.end, max_gap=60)
    if len(found) < 2 or not _LEAD.fullmatch(text, sent.start, found[0].start):
        return []
    return found


def sentence_start(env: SentenceEnv, back: int) -> int:
    """The start of the sentence ``back`` sentences before this one."""
    return env.parsed.sentences[max(0, env.sent.i - back)].start


# "The two countries" (and "the two armies") are states; "the two blocs", "the two sides" may
# be IGOs ("the EU and Mercosur").
_STATE_WORDS = re.compile(r"countries|nations|states|neighbou?rs|armies|militaries", re.IGNORECASE)


def two_sides_igos(phrase: re.Match[str] | None) -> bool:
    """Whether a ``TWO_SIDES`` phrase may stand for IGOs ("the two blocs": yes)."""
    return phrase is not None and not _STATE_WORDS.search(phrase.group(0))


# A venue, not a side: "initialled a treaty at the White House", "talks in Washington".
_VENUE = re.compile(r"\b(?:at|in|from)\s+(?:the\s+)?$", re.IGNORECASE)


def focus_pair(env: SentenceEnv, before: int, side: Callable[[Any], bool], key: Callable[[Any], str]) -> list[Any]:
    """The pair a story is about: two states named together in its first sentence ("Egypt
    and Israel marked 40 years ..."), else the two named most often in it (the first named
    on a tie: "Armenia ... Turkey ... Ankara ... Armenia and Azerbaijan ... Turkey"); the
    last mention of each before ``before``, else its first."""
    text, body = env.parsed.text, env.parsed.body_start
    named = [a for a in env.pool if a.start >= body and side(a)]
    first = next((s for s in env.parsed.sentences if s.end > body), None)
    pair: list[str] = []
    if first is not None:
        lead = [a for a in named if a.end <= first.end]
        pair = next(([key(g[0]), key(g[1])] for g in groups(text, lead)
                     if len(g) == 2 and key(g[0]) != key(g[1])), [])
    if not pair:
        counts: dict[str, int] = {}
        for a in named:
            counts[key(a)] = counts.get(key(a), 0) + 1
        ranked = sorted(counts, key=lambda k: -counts[k])  # stable: the first named wins a tie
        if len(ranked) < 2 or counts[ranked[1]] < 2:
            return []
        pair = ranked[:2]
    mention = {}
    for a in named:
        if a.end <= before or key(a) not in mention:
            mention[key(a)] = a
    return sorted((mention[k] for k in pair), key=lambda a: a.start)


def last_two_states(env: SentenceEnv, before: int, *, igos: bool = False) -> list[Any]:
    """"The two countries": the last two distinct states named before ``before`` (with
    ``igos``, states or IGOs: "the two blocs"). A pair named together ("Armenia and
    Azerbaijan initialled a treaty at the White House") in this sentence or the one before
    wins over two names that merely come last; a venue ("at the White House") is no side."""
    def side(a: Any) -> bool:  # a state, or a person or organ standing for one ("Macron")
        return (a.actor.kind not in {"igo", "group"} and bool(a.actor.country) or igos and a.actor.kind == "igo") \
            and not _VENUE.search(env.parsed.text, max(0, a.start - 12), a.start)

    def key(a: Any) -> str:
        return a.actor.country or a.actor.actor_id

    floor = sentence_start(env, back=1)
    recent = [a for a in env.pool if floor <= a.start and a.end <= before and side(a)]
    together = [g for g in groups(env.parsed.text, recent) if len(g) == 2 and key(g[0]) != key(g[1])]
    if together and together[-1][0].start >= env.sent.start:
        return list(together[-1])  # named together in this very sentence
    focus = focus_pair(env, before, side, key) if env.sent.i >= 2 and not igos else []
    if focus:  # late in a story, the pair it is about ("the two neighbours still have no ties")
        return focus
    if together:
        return list(together[-1])
    out: list[Any] = []
    for a in sorted(env.pool, key=lambda a: a.start, reverse=True):
        if a.end > before or not side(a):
            continue
        if all(key(o) != key(a) for o in out):
            out.append(a)
        if len(out) == 2:
            return out[::-1]
    return []
