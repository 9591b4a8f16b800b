"""Side roles for a side the sentence leaves to the reader, for ``dyad.relations.sides``.

- ``counterpart``: the other state of the story, for a noun whose possessor is the source
  ("Moscow would respond to aggression against its ally", "Athens lifted its veto on its
  neighbour's bid"): the state named last before the trigger, in this sentence or the two
  before, that is not the source's own;
- ``lister``: the subject of a verb putting a state on a list or taking it off, read
  without a parse ("Washington took Cuba off its list of state sponsors of terrorism");
- ``listed_before``: the state named last before the trigger in its sentence, the source
  aside ("Washington took Cuba off its list of state sponsors of terrorism");
- ``its_other``: the state a possessive "its"/"their" right before the trigger stands for
  when the source is the clause's own subject ("Russia remains its main arms supplier",
  "Washington, Israel's closest ally and its main arms supplier"): the state named last
  before "its", in this sentence or the two before, that is not the source's own;
- ``it_object``: the state "it" stands for as the first object of the trigger ("later
  sided with London and supplied it with missiles", "Managua counts Cuba as an ally.
  Russia sold it tanks"): the state named last before the trigger in its sentence, else
  the one named first in the sentence before (its subject), the source's own aside;
- ``on_them``: the states "them"/"their" after the trigger's "on" stand for, the first list
  of two or more states named before the trigger ("the sanctions imposed on them");
- ``np_after``: the actor heading the noun phrase right after the trigger, past an article
  and up to two lower-case modifiers ("the invasion of neighbouring Ukraine", "strikes on
  the northern Syrian town").
"""

from __future__ import annotations

import re
from typing import Any, Callable

from dyad.agreements.spans import groups
from dyad.relations.context import SentenceEnv, focus_pair, possessive_gap_to, sentence_start

# A state described by its tie to another: "its neighbour's bid", "their ally's bases".
_DESCRIBED = re.compile(r"\b(?:its|their)\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}?(?:neighbou?r|ally|partner|rival|arch-?rival|"
                        r"foe|enemy|adversary|former\s+colony|colony|former\s+ruler|protector|patron|creditor|"
                        r"counterpart)(?=['’])", re.IGNORECASE)

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


# "its"/"their" opening the noun phrase of the trigger, past up to three modifiers ("its
# biggest arms", "their main"; not "its list of trusted trading partners").
_POSSESSIVE = re.compile(r"['’]s?\s")
_ITS_BEFORE = re.compile(r"\b(?:its|their)\s+(?:(?!(?:of|in|for|to|with|from|on|and|or)\b)[\w-]+\s+){0,3}$", re.IGNORECASE)


def _its_other(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """"Russia remains its biggest arms supplier": a state that is its own possessor's
    supplier is no reading, so "its" stands for the other state of the story (the
    source, found first and excluded by the caller, is looked past)."""
    text = env.parsed.text
    its = _ITS_BEFORE.search(text, max(env.sent.start, m.start() - 40), m.start())
    if its is None:
        return [], ""
    kept = {id(a) for a in actors}
    if any(id(a) not in kept and _POSSESSIVE.match(text, a.end) for a in env.actors):
        return [], ""  # "China remains North Korea's ally and its main supplier": "its" is the possessor
    own = {a.actor.country for a in env.actors if id(a) not in kept and a.actor.country}

    def other(a: Any) -> bool:
        return a.actor.kind == "state" and bool(a.actor.country) and a.actor.country not in own

    here = [a for a in env.pool if env.sent.start <= a.start and a.end <= its.start() and other(a)]
    # a possessor named before echoes "its" ("India is Nepal's largest source of imports,
    # while China is its main supplier"); else the clause's subject, named first
    owners = [a for a in here if _POSSESSIVE.match(text, a.end)]
    if owners or here:
        return (owners[-1:] or here[:1]), ""
    return _counterpart(env, its, actors)


def _its_owner(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """"its" closing the trigger, as the recipient of the source's goods: "buys much of Cuba's
    sugar and supplies most of its crude oil" (the possessor named last before, not the
    source), "North Korea's ally, China, supplies most of its fuel"; else the sentence's
    first other state."""
    text = env.parsed.text
    if not re.search(r"\b(?:its|their)$", m.group(0), re.IGNORECASE):
        return [], ""
    kept = {id(a) for a in actors}
    if any(id(a) not in kept and _POSSESSIVE.match(text, a.end) for a in env.actors):
        return [], ""  # a source read as a possessor ("North Korea's ally, China") is doubtful
    own = {a.actor.country for a in env.actors if id(a) not in kept and a.actor.country}
    here = [a for a in env.pool if env.sent.start <= a.start and a.end <= m.start()
            and a.actor.kind == "state" and a.actor.country and a.actor.country not in own]
    owners = [a for a in here if _POSSESSIVE.match(text, a.end)]
    return (owners[-1:] or here[:1]), ""


_IT_OBJECT = re.compile(r"\s+(?:it|them)\b", re.IGNORECASE)


def _it_object(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    if not _IT_OBJECT.match(env.parsed.text, m.end()):
        return [], ""
    kept = {id(a) for a in actors}
    own = {a.actor.country for a in env.actors if id(a) not in kept and a.actor.country}

    def other(a: Any) -> bool:
        return a.actor.kind == "state" and bool(a.actor.country) and a.actor.country not in own

    here = [a for a in env.pool if env.sent.start <= a.start and a.end <= m.start() and other(a)]
    if here:  # the clause's subject more often than its last name ("Managua counts Cuba as ...")
        return here[:1], ""
    if env.sent.i == 0:
        return [], ""
    prev = env.parsed.sentences[env.sent.i - 1]
    return [a for a in env.pool if prev.start <= a.start and a.end <= prev.end and other(a)][:1], ""


def described_other(env: SentenceEnv, at: int) -> list[Any] | None:
    """The state a description possessive stands for ("Athens lifted its veto on its
    neighbour's bid to join NATO": not Greece, whom "its" names, but the other state of
    the story), or None when no such possessive binds the noun at ``at``. The other state
    is the one of the story's pair (``focus_pair``) that "its" does not name, else the last
    state named in this sentence or the two before that is not the owner's."""
    text, sent = env.parsed.text, env.sent
    hit = next((h for h in _DESCRIBED.finditer(text, sent.start, at) if possessive_gap_to(text, h.end(), at)), None)
    if hit is None:
        return None
    owners = [a for a in env.pool if sent.start <= a.start and a.end <= hit.start() and a.actor.kind != "igo"
              and a.actor.country]
    if not owners:
        return []
    own = owners[-1].actor.country

    def side(a: Any) -> bool:
        return a.actor.kind not in {"igo", "group"} and bool(a.actor.country)

    pair = focus_pair(env, hit.start(), side, lambda a: a.actor.country or a.actor.actor_id)
    others = [a for a in pair if a.actor.country != own] if any(a.actor.country == own for a in pair) else []
    if not others:
        floor = sentence_start(env, back=2)
        others = [a for a in env.pool if floor <= a.start and a.end <= hit.start() and side(a)
                  and a.actor.country != own][-1:]
    return others[:1]


def _np_after(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    text = env.parsed.text
    gap = _NP_OPENING.match(text, m.end(), env.sent.end)
    if gap is None:
        return [], ""
    return [a for a in actors if a.start == gap.end()][:1], ""


# A verb of putting on or taking off a list, after its subject and a few auxiliaries.
_LISTING_VERB = re.compile(r"\s+(?:(?:has|have|had|will|would|could|may|might|to|also|formally|officially|again|"
                           r"first|later|then|already)\s+)*(?:(?:re-?)?(?:put|puts|putting|plac(?:e|es|ed|ing)|add(?:s|ed|ing)?|"
                           r"remov(?:e|es|ed|ing)|t(?:ake|akes|ook|aking)|keeps?|kept|keeping|return(?:s|ed|ing)?|restor(?:e|es|ed|ing)|"
                           r"drop(?:s|ped|ping)?|designat(?:e|es|ed|ing)|list(?:s|ed|ing)?|delist(?:s|ed|ing)?))\b", re.IGNORECASE)


def _lister(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The subject of a verb that puts a state on its list or takes it off, told without a
    parse: "Washington took Cuba off its list of state sponsors of terrorism"."""
    text = env.parsed.text
    found = [a for a in actors if env.sent.start <= a.start and a.end <= m.start()
             and _LISTING_VERB.match(text, a.end, m.start())]
    return found[-1:], ""


# A plural pronoun after the trigger's preposition: "the sanctions imposed on them",
# "tariffs on most of their goods".
_ON_THEM = re.compile(r"\b(?:on|against)\s+(?:(?:most|all|some|many|much)\s+of\s+)?(?:them|their)\b", re.IGNORECASE)


def _on_them(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The states "them"/"their" after the trigger's "on" stand for: the first list of two
    or more states named before the trigger in its sentence ("India and Pakistan ... have
    not signed it, and the American sanctions imposed on them remain"; "a pause that Mexico
    and Canada won expired, and the United States imposed tariffs on most of their goods")."""
    text, sent = env.parsed.text, env.sent
    cue = _ON_THEM.search(text, m.end(), min(sent.end, m.end() + 40))
    if cue is None or re.search(r"[,;:]", text[m.end():cue.start()]):
        return [], ""
    states = [a for a in actors if sent.start <= a.start and a.end <= m.start() and a.actor.kind == "state"]
    return next((g for g in groups(text, states) if len(g) >= 2), []), ""


def _listed_before(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The state named last before the trigger in its sentence, the lister (found first and
    excluded) aside: "Washington took Cuba off its list of state sponsors of terrorism"."""
    states = [a for a in actors if env.sent.start <= a.start and a.end <= m.start() and a.actor.kind == "state"]
    return states[-1:], ""


ANAPHOR_ROLES: dict[str, Callable] = {"counterpart": _counterpart, "lister": _lister, "listed_before": _listed_before,
                                      "np_after": _np_after, "its_other": _its_other, "it_object": _it_object,
                                      "its_owner": _its_owner, "on_them": _on_them}
