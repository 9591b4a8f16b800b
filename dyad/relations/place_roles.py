"""Side roles that read a place: the host of a base, the holder of a claimed territory,
and the place itself, which becomes the relation's ``location``.

``in``: the country of what follows "in"/"at"/"on" (or "to" at once): an actor, or a place
whose country is the target ("a naval base at Tartus"); ``place``: a place right after the
trigger ("claims the Falklands", "claim to the Essequibo region"); ``base_owner``: the state
qualifying the bases after the trigger ("use Philippine military bases").
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.spans import country_ref, ref_for_id
from dyad.relations.context import PlaceHit, SentenceEnv
from dyad.relations.lexicon import ROLE_WINDOW

# Between a claim or occupation and its object: "claims the British-held", "claim to the".
_OBJECT_GAP = re.compile(r"\s*(?:(?:sovereignty\s+)?(?:to|over|on)\s+)?(?:the\s+)?(?:[A-Za-z]+-[a-z]+\s+)?")

_BASES = re.compile(r"\b(?:bases?|airbases?|facilit(?:y|ies)|sites?|ports?|airfields?|installations?|"
                    r"(?:military\s+)?(?:areas|locations))\b",
                    re.IGNORECASE)


def _place(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    text = env.parsed.text
    place = next((p for p in env.places if 0 <= p.start - m.end() <= 12  # "claim to the Essequibo"
                  and re.fullmatch(r"\s*(?:(?:to|over|on)\s+)?(?:the\s+)?", text[m.end():p.start])), None)
    if place is None:
        return [], ""
    loc = env.place_ref(place.place)
    ref = ref_for_id(loc.country, env.pool) if loc.country else None
    return [PlaceHit(ref, loc, place.text)], "in"


def _in(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    hit = in_target(env, m, actors)
    return ([hit] if hit is not None else []), "in"


def _base_owner(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The state qualifying the bases after the trigger ("lets US forces use Philippine
    military bases")."""
    text, sent = env.parsed.text, env.sent
    hit = _BASES.search(text, m.end(), min(sent.end, m.end() + ROLE_WINDOW))
    if hit is None:
        return [], ""
    return [a for a in actors if m.end() <= a.start < hit.start() and (
        a.end > hit.start()  # "Swedish military" read as one mention
        or re.fullmatch(r"\s+(?:[a-z][\w-]*\s+){0,2}", text[a.end:hit.start()]))][-1:], ""


def in_target(env: SentenceEnv, m: re.Match[str], actors: Sequence[Any]) -> PlaceHit | None:
    """The host (country ref or None) and place (or None) of what follows "in"/"at"/"on": the first
    cue whose name is a known place or actor ("bases at Akrotiri and Dhekelia in Cyprus"
    reads past the unknown Akrotiri)."""
    text, sent = env.parsed.text, env.sent
    # "to" takes its host at once ("deployed to Estonia"), not "sent troops to fight for Russia"
    for cue in re.finditer(r"\b(?:(?:in|at|on|near|inside)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?|to\s+(?:the\s+)?)(?=[A-Z])",
                           text[m.end():min(sent.end, m.end() + ROLE_WINDOW)]):
        at = m.end() + cue.end()
        place = next((p for p in env.places if p.start == at or at <= p.start <= at + 4), None)
        actor = next((a for a in actors if at <= a.start <= at + 4), None)
        if place is not None:
            loc = env.place_ref(place.place)
            country = actor.actor if actor is not None and actor.start == place.start \
                and actor.actor.kind in {"state", "igo"} else None
            ref = country_ref(country, env.pool) if country is not None else \
                ref_for_id(loc.country, env.pool) if loc.country else None
            return PlaceHit(ref, loc, place.text)
        if actor is not None and (actor.actor.kind in {"state", "igo"} or actor.actor.country):
            return PlaceHit(country_ref(actor.actor, env.pool), None, actor.text)
        if actor is not None:
            return None  # "at Tartus" read as a company: no host rather than a wrong one
    return None


def place_after(env: SentenceEnv, m: re.Match[str], taken: Sequence[Any] = ()) -> PlaceHit | None:
    """The first place named in the role window after the trigger, else the last one before
    it, not in the ``taken`` mentions of the sides: what a claim or an occupation is about ("claims the British-held Falkland Islands", "occupies the Golan
    Heights")."""
    places = [p for p in env.places  # the claimant's own name is no place at stake
              if not any(a.start < p.end and p.start < a.end for a in taken)]
    for p in places:
        if m.end() <= p.start <= m.end() + ROLE_WINDOW and p.end <= env.sent.end:
            loc = env.place_ref(p.place)
            if is_country(loc) and not _OBJECT_GAP.fullmatch(env.parsed.text, m.end(), p.start):
                continue  # "occupied the West Bank since the 1967 war with Jordan"
            return PlaceHit(None, loc, p.text)
    # passive voice: "The Essequibo region is claimed by Venezuela"
    before = [p for p in places if env.sent.start <= p.start and p.end <= m.start()]
    return PlaceHit(None, env.place_ref(before[-1].place), before[-1].text) if before else None


def is_country(location: Any) -> bool:
    return str(getattr(location, "location_id", "")).startswith("country:")


PLACE_ROLES = {"place": _place, "in": _in, "base_owner": _base_owner}
