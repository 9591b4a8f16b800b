"""Side roles that read a pair or a list at once, for ``dyad.relations.sides``.

- ``pair`` (source only): a list of two or more actors before the trigger, or after
  "between"/"binds", relates its first member to each other member; "the two countries"
  stands for the last two states named before it;
- ``hyphen_pair`` (source only): "the US-Japan alliance", "the Israel-Hamas war";
- ``last_two`` (source only): "the two allies": the last two states named before;
  ``last_two_named``: the same within this sentence or the one before ("bilateral trade");
- ``lead`` (source only): the pair opening the sentence as its subject ("Israel and Hamas
  agreed ... after 15 months of war"); ``two_sides``: "both countries", "the two sides"
  after the trigger ("hosted the leaders of both countries");
- ``member_list`` (source only): the last list of three or more states before the trigger
  in this sentence or the one before (a bloc's members); ``apposed``: the actor an
  apposition describes; ``opening``: the actor that opens the sentence;
- ``list_after``/``listed``/``inside``: a list right after the trigger ("The Quad groups
  the United States, Japan, ..."), after "such as"/"including", or inside the trigger
  ("NATO, which Finland joined").
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.spans import group_after, group_before, groups
from dyad.relations.context import (TWO_SIDES, SentenceEnv, last_two_states, leading_list, sentence_start,
                                    two_sides_igos)

# Words that put a pair after the trigger: "a mutual defence pact binds Japan and ...".
_PAIR_AFTER = re.compile(r"\b(?:between|among|binds|binding|bound|links|linking|unites|uniting)\s+",
                         re.IGNORECASE)

# Before a list that names examples: "EU countries such as France", "NATO members, including".
_LISTED = re.compile(r"\s*,?\s*(?:such\s+as|including|like|notably|namely|among\s+them)\s+(?:the\s+)?")


_VENUE_OPENING = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


def _hyphen(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    # "the US-Japan alliance", "the Israel-Hamas war"
    return hyphen_pair(env.parsed.text, actors, m.start(), env.sent.start), "pair"


def _last_two(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    return last_two_states(env, m.start()), "pair"  # "the two allies"


def _last_two_named(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """"The India-UAE pact took effect; bilateral trade rose": "bilateral" stands for the
    two sides (states or IGOs: "the EU and New Zealand") named last before it, in this
    sentence or the two before."""
    found = last_two_states(env, m.start(), igos=True)
    return (found if found and found[0].start >= sentence_start(env, back=2) else []), "pair"


def _lead(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The pair that opens the sentence as its subject, when the trigger comes later
    ("Israel and Hamas agreed to a ceasefire in Gaza after 15 months of war", "... in a
    deal brokered by Qatar")."""
    ids = {id(a) for a in actors}
    found = [a for a in leading_list(env) if id(a) in ids and a.end <= m.start()]
    return (found if len(found) >= 2 else []), "pair"


def _two_sides(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """"hosted the leaders of both countries": the two sides named last before."""
    two = TWO_SIDES.search(env.parsed.text, m.end(), min(env.sent.end, m.end() + 40))
    return (last_two_states(env, env.sent.start, igos=two_sides_igos(two)) if two else []), ""


def _pair(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    text, sent = env.parsed.text, env.sent
    # a venue opening the list is no side: "In Beijing, Saudi Arabia and Iran signed a deal"
    before = [a for a in group_before(text, actors, m.start(), floor=sent.start)
              if not _VENUE_OPENING.search(text, max(sent.start, a.start - 12), a.start)]
    if len(before) >= 2:
        return before, ""
    two = TWO_SIDES.search(text[sent.start:m.start()])
    if two:
        return last_two_states(env, sent.start, igos=two_sides_igos(two)), ""
    cue = _PAIR_AFTER.search(text[m.start():min(sent.end, m.end() + 20)])
    if cue:
        two = TWO_SIDES.match(text, m.start() + cue.end())
        if two:  # "trade between the two countries", "between the two blocs"
            return last_two_states(env, sent.start, igos=two_sides_igos(two)), ""
        after = group_after(text, actors, m.start() + cue.end(), ceiling=sent.end, max_gap=6)
        return (after if len(after) >= 2 else []), ""
    two = TWO_SIDES.match(text, m.end() + len(text[m.end():sent.end]) - len(text[m.end():sent.end].lstrip()))
    if two:  # "the Mutual Defense Treaty the two countries signed in 1951"
        return last_two_states(env, sent.start, igos=two_sides_igos(two)), ""
    return [], ""


# The members of another IGO, unnamed, before the named ones: "RCEP groups the ten ASEAN
# states with China, Japan, ...".
_IGO_MEMBERS_WITH = re.compile(r"\s+(?:member\s+)?(?:states|countries|nations|members|economies)\s+(?:with|and|plus|"
                               r"as\s+well\s+as|along\s+with|together\s+with)\s+(?:the\s+)?")


def _list_after(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The list right after the trigger ("The Quad groups the United States, Japan, ..."),
    after another IGO's unnamed members ("groups the ten ASEAN states with China, ...")."""
    text = env.parsed.text
    igo = next((a for a in actors if a.start >= m.end() and a.actor.kind == "igo"
                and re.fullmatch(r"\s*(?:the\s+)?(?:[\w-]+\s+)?", text[m.end():a.start])), None)
    cue = _IGO_MEMBERS_WITH.match(text, igo.end) if igo is not None else None
    if cue:
        found = group_after(text, actors, cue.end(), ceiling=env.sent.end, max_gap=2)
        return (found if found and found[0].start == cue.end() else []), ""
    found = group_after(text, actors, m.end(), ceiling=env.sent.end, max_gap=9)
    # "the GCC states of Saudi Arabia, Kuwait and Qatar"
    return (found if found and re.fullmatch(r"\s*(?:of\s+)?(?:the\s+)?", text[m.end():found[0].start]) else []), ""


def _listed(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The examples after "such as"/"including" right after the trigger ("EU countries such
    as France and Germany", "NATO members, including Turkey")."""
    cue = _LISTED.match(env.parsed.text, m.end())
    if cue is None:
        return [], ""
    return group_after(env.parsed.text, actors, cue.end(), ceiling=env.sent.end, max_gap=2), ""


def _inside(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """Actors inside the trigger's span ("NATO, which Finland joined")."""
    return [a for a in actors if m.start() <= a.start and a.end <= m.end()], ""


def hyphen_pair(text: str, actors: Sequence[Any], before: int, floor: int) -> list[Any]:
    """Two actors joined by a hyphen or slash right before ``before``, with at most a few
    lower-case words between ("the US-Japan security alliance")."""
    cands = [a for a in actors if floor <= a.start and a.end <= before]
    if len(cands) >= 2:
        a, b = cands[-2], cands[-1]
        if re.fullmatch(r"\s*[-–/]\s*", text[a.end:b.start]) and \
                re.fullmatch(r"(?:\s+[a-z][\w-]*){0,3}\s*", text[b.end:before]):
            return [a, b]
    return []


def _member_list(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The members of a bloc just formed or described: the last list of three or more
    distinct states before the trigger, in this sentence or the one before ("Mali, Burkina
    Faso and Niger formed the alliance, whose charter commits its members to ...")."""
    floor = sentence_start(env, back=1)
    ids = {id(a) for a in actors}  # the pool reaches the sentence before; this one's exclusions hold
    states = [a for a in env.pool if floor <= a.start and a.end <= m.start()
              and (id(a) in ids or a.start < env.sent.start)
              and a.actor.kind not in {"igo", "group"} and a.actor.country]
    for group in reversed(groups(env.parsed.text, states)):
        if len({a.actor.country for a in group}) >= 3:
            return group, "pair"
    return [], ""


def _apposed(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The actor an apposition right after it describes ("Vietnam, a partner but ...")."""
    return [a for a in actors if re.fullmatch(r"\s*,\s*", env.parsed.text[a.end:m.start()])][-1:], ""


def _opening(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The actor that opens the sentence, its main subject ("Washington, which ..., has yet
    to decide whether to fine Vietnam, a partner but not an ally")."""
    first = min((a for a in actors if a.end <= m.start()), key=lambda a: a.start, default=None)
    text = env.parsed.text
    return ([first] if first is not None and re.fullmatch(r"\s*(?:the\s+)?", text[env.sent.start:first.start],
                                                          re.IGNORECASE) else []), ""


LIST_ROLES = {"hyphen_pair": _hyphen, "member_list": _member_list, "apposed": _apposed, "opening": _opening, "last_two": _last_two, "last_two_named": _last_two_named, "pair": _pair,
              "lead": _lead, "two_sides": _two_sides,
              "list_after": _list_after, "listed": _listed, "inside": _inside}
