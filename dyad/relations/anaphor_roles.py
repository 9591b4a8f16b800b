"""Side roles for a side the sentence leaves to the reader, for ``dyad.relations.sides``.

- ``counterpart``: the other state of the story, for a noun whose possessor is the source
  ("Moscow would respond to aggression against its ally", "Athens lifted its veto on its
  neighbour's bid"): the state named last before the trigger, in this sentence or the two
  before, that is not the source's own;
- ``np_after``: the actor heading the noun phrase right after the trigger, past an article
  and up to two lower-case modifiers ("the invasion of neighbouring Ukraine", "strikes on
  the northern Syrian town").
"""

from __future__ import annotations

import re
from typing import Any, Callable

from dyad.relations.context import SentenceEnv, sentence_start

_NP_OPENING = re.compile(r"\s+(?:(?:the|a|an)\s+)?(?:(?-i:[a-z][\w-]*)\s+){0,2}")


def _counterpart(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    kept = {id(a) for a in actors}
    # the source, found first and excluded by the caller, names the state to look past
    own = {a.actor.country for a in env.actors if id(a) not in kept and a.actor.country}
    if not own:
        return [], ""
    floor = sentence_start(env, back=2)
    states = [a for a in env.pool if floor <= a.start and a.end <= m.start() and a.actor.kind == "state"
              and a.actor.country and a.actor.country not in own]
    return states[-1:], ""


def _np_after(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    text = env.parsed.text
    gap = _NP_OPENING.match(text, m.end(), env.sent.end)
    if gap is None:
        return [], ""
    return [a for a in actors if a.start == gap.end()][:1], ""


ANAPHOR_ROLES: dict[str, Callable] = {"counterpart": _counterpart, "np_after": _np_after}
