"""Parties named by the relation an agreement founds: "Manila, a treaty ally of the
United States under a 1951 mutual defence pact", "Japan is an ally of the US under the
1960 treaty", "Greece and France, partners under the 2021 pact". The state described and
the state it is the ally or partner of are the agreement's two sides.

For ``rules``, beside the other readers of an agreement's sentences (``agreement_parties``).
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.linking import Cluster
from dyad.agreements.spans import group_before, party_ref
from dyad.model import ActorRef
from dyad.nlp.parsed import ParsedDoc

# Right before a mention: "(an) ally / allies / partner(s) (of Y) under (a|the) ".
_RELATION = re.compile(r"\b(?:all(?:y|ies)|partners?)(?P<of>\s+of\s+[^,;.()]{1,60}?)?"
                       r"\s+(?:under|through|via|by\s+virtue\s+of)\s+(?:a|an|the|its|their)\s+$",
                       re.IGNORECASE)

# Between the state described and the relation noun: an apposition ("Manila, a treaty
# ally") or a copula ("Japan is a close ally", "the two remain partners").
_DESCRIBED = re.compile(r"\s*,\s*(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,2}$|"
                        r"\s+(?:is|are|was|were|remains?|remained|became|has\s+been|have\s+been)\s+"
                        r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def ally_parties(parsed: ParsedDoc, c: Cluster, actors: Sequence[Any]) -> list[ActorRef]:
    """The state described as an ally or partner "under" the agreement, with the state(s)
    after "of" (none after "of": the described group alone, "X and Y, allies under ...")."""
    text, out = parsed.text, []
    for m in c.mentions:
        rel = _RELATION.search(text, m.sent_start, m.start)
        if rel is None:
            continue
        of = [a for a in actors if rel.group("of") and rel.start("of") <= a.start and a.end <= rel.end("of")]
        described = group_before(text, actors, rel.start(), floor=m.sent_start)
        if not described or not _DESCRIBED.fullmatch(text, described[-1].end, rel.start()):
            continue
        found = [*described, *of]
        if len({a.actor.country or a.actor.actor_id for a in found}) >= 2:
            out += [party_ref(a.actor, actors) for a in found]
    return out
