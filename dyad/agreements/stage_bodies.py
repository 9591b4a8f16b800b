"""Whose a deciding body is when its name does not say: the parties a body's act stands for.

- **an organisation's own body** (``organisation_party``): "the European Parliament
  approved the deal" is the EU's ratification, as the Commission's signature is the EU's;
  the organisation, not its chamber, is the party;
- **a body without a state** (``focus_state``): "must still be approved by the National
  Assembly", "lawmakers backed the treaty" name no country. A legislature's title shared by
  several states ("National Assembly", "Congress") is the one of those states that is a
  party of the agreement; a common noun ("parliament", "lawmakers", "voters") is the
  only state the text names up to the trigger's sentence, or the one it names most
  often. A tie names none: a guess between two parties is no reading.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Sequence

from dyad.agreements.linking import Cluster
from dyad.agreements.spans import ref_for_id
from dyad.model import ActorRef

__all__ = ["ORGANISATION_BODIES", "SHARED_TITLES", "focus_state", "organisation_party", "stateless_voters"]

# "each parliament", "both legislatures", "parliaments": every party's body, not one state's
_DISTRIBUTIVE = re.compile(r"\b(?:each|every|both|all|either|neither|the\s+two|their)\s+(?:[\w'’-]+\s+){0,2}$",
                           re.IGNORECASE)
_PLURAL_NOUN = re.compile(r"(?:parliaments|legislatures|assemblies|houses|chambers)$", re.IGNORECASE)

# A body of an organisation -> the organisation whose act its decision is.
ORGANISATION_BODIES = {
    "IGO.EP": "IGO.EU",
    "IGO.EUCOM": "IGO.EU",
    "IGO.EUCOUNCIL": "IGO.EU",
    "IGO.AUC": "IGO.AU",
}

# Titles of national legislatures used by more than one state (dictionary facts): the
# agreement's parties pick the one meant.
SHARED_TITLES = {
    "national assembly": frozenset({"KOR", "FRA", "VNM", "PAK", "KEN", "NGA", "ZAF", "ARM",
                                    "SRB", "BGR", "SVN", "HUN", "AZE", "BLR", "EGY", "KWT",
                                    "AGO", "SEN", "CIV", "THA", "ECU", "VEN", "TZA", "ZMB",
                                    "ZWE", "LAO", "KHM", "MLI", "NER", "BFA", "TGO", "GAB",
                                    "CMR", "MDG", "QAT", "BHR", "AFG", "BTN", "PAN", "NIC"}),
    "congress": frozenset({"USA", "PHL", "COL", "BRA", "PER", "MEX", "CHL", "ARG", "GTM",
                           "HND", "PRY", "BOL", "DOM", "SLV", "FSM"}),
    "senate": frozenset({"USA", "PHL", "COL", "BRA", "MEX", "CHL", "ARG", "AUS", "CAN", "ITA",
                         "FRA", "POL", "CZE", "ROU", "ESP", "NLD", "BEL", "IRL", "NGA",
                         "KEN", "ZAF", "PAK", "URY", "PRY", "BOL", "DOM", "HTI", "JAM", "MYS",
                         "THA", "KHM", "KAZ", "JOR", "PLW", "LBR", "RWA", "BDI", "COD", "MAR",
                         "DZA", "EGY"}),
    "house of commons": frozenset({"GBR", "CAN"}),
    "house of representatives": frozenset({"USA", "AUS", "NZL", "JPN", "PHL", "NGA", "COL",
                                           "LBY", "BEL", "NLD", "IDN", "MYS", "THA", "CYP",
                                           "MLT", "URY", "FJI", "LBR", "JAM", "EGY", "MHL",
                                           "PLW", "FSM"}),
}


def organisation_party(party: ActorRef, pool: Sequence[Any]) -> ActorRef:
    """The organisation a body's act stands for ("the European Parliament approved" is
    the EU's); any other party unchanged."""
    owner = ORGANISATION_BODIES.get(party.actor_id)
    return ref_for_id(owner, pool) if owner else party


def _party_states(clust: Cluster) -> set[str]:
    """The states the agreement's own words name as its parties: the actors of its
    mentions, its "with X" partners, its "between X and Y" sides, a known agreement's
    listed parties."""
    out: set[str] = set()
    for m in clust.mentions:
        for a in [*m.actors, *m.partners, *m.sides]:
            if getattr(a.actor, "kind", None) == "state" and a.actor.country:
                out.add(a.actor.country)
        if m.known is not None:
            out.update(p for p in m.known.parties if len(p) == 3 and p.isupper())
    return out


def focus_state(text: str, body_name: str, clust: Cluster, actors: Sequence[Any],
                sent_start: int, until: int) -> ActorRef | None:
    """The state a body named without one stands for (see the module notes); ``actors``
    are the document's, ``until`` the end of the trigger's sentence. Each of several
    bodies ("each parliament", "both parliaments") is no one state's."""
    at = text.find(body_name, sent_start, until)
    if _PLURAL_NOUN.search(body_name) or at >= 0 and _DISTRIBUTIVE.search(text, max(sent_start, at - 30), at):
        return None
    named = Counter(a.actor.country for a in actors if a.end <= until and a.actor.country
                    and getattr(a.actor, "kind", None) == "state")
    parties = _party_states(clust)
    title = " ".join(body_name.lower().split())
    title = next((t for t in SHARED_TITLES if title.endswith(t)), None)
    if title is not None:
        pool = (parties or set(named)) & SHARED_TITLES[title]
        return ref_for_id(pool.pop(), actors) if len(pool) == 1 else None
    # the parties read from the mentions are often only the "with X" partner ("Kenya
    # signed a treaty with Somalia"): the states named in the text decide, not they
    ranked = sorted(((n, c) for c, n in named.items()), reverse=True)
    if len(ranked) == 1:
        return ref_for_id(ranked[0][1], actors)
    if len(ranked) >= 2 and ranked[0][0] > ranked[1][0]:
        return ref_for_id(ranked[0][1], actors)
    return None


_VOTERS = re.compile(r"\b(?:voters|electorate)$", re.IGNORECASE)


_REFERENDUM = re.compile(r"\b(?:referendum|plebiscite)s?\b", re.IGNORECASE)
_WHOSE = re.compile(r"\bwhose\s+(?:[\w-]+\s+)?(?:voters|electorate)\b", re.IGNORECASE)


def stateless_voters(body_name: str, parties: Sequence[ActorRef], sentence: str) -> bool:
    """Voters of no state read ("whose voters approved membership"): no stage, since a
    referendum is only ever one state's. A referendum the sentence names is the act
    whoever held it ("Voters approved the agreement in a referendum"), unless the voters
    belong to states the reading missed ("X and Y, whose voters approved it in
    referendums": better no stage than one without its parties)."""
    return (not parties and _VOTERS.search(body_name) is not None
            and (_REFERENDUM.search(sentence) is None or _WHOSE.search(sentence) is not None))
