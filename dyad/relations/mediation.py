"""The sides of a mediation the sentence leaves unnamed.

"The deal was mediated by Qatar" names the mediator only; the sides are those the story is
about. When a document names a mediator but never the sides it mediates between, the sides
of the armed conflict the document states (the first one without the mediator), else the
two sides (states or armed groups, not the mediators, not IGOs) it names most often, are
taken, as inferred records (``inferred: true``, ``inferred_from: "document"``); a mediator
with sides of its own anywhere in the document is left as it is.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Sequence

from dyad.model import Relation, make_id

__all__ = ["infer_mediated_sides"]

MIN_MENTIONS = 1  # mentions the second side needs (the mediated sides are often named once)


def infer_mediated_sides(relations: list[Relation], actors: Sequence[Any], side_key: Callable,
                         ref: Callable, body_start: int = 0) -> list[Relation]:
    """``relations`` with one inferred record per side for each mediator that has none;
    ``side_key`` gives the country-level key of an ActorRef, ``ref`` the ActorRef of a
    mention."""
    mediations = [r for r in relations if r.relation_type == "mediation"]
    sided = {side_key(r.source) for r in mediations if r.target is not None}
    bare = [r for r in mediations if r.target is None and side_key(r.source) not in sided]
    if not bare:
        return relations
    mediators = {side_key(r.source) for r in mediations}
    conflict = next(((r.source, r.target) for r in relations if r.relation_type == "armed_conflict"
                     and r.target is not None and not {side_key(r.source), side_key(r.target)} & mediators), None)
    counts: Counter[str] = Counter()
    first: dict[str, Any] = {}
    for mention in actors:
        if mention.start < body_start or mention.actor.kind not in {"state", "group"} and not mention.actor.country:
            continue
        side = ref(mention)
        key = side_key(side)
        if not key or key in mediators or side.actor_id.startswith("IGO."):
            continue
        counts[key] += 1
        first.setdefault(key, side)
    top = sorted(counts, key=lambda k: (-counts[k], list(first).index(k)))[:2]
    if conflict is not None:  # the war the mediation is about
        top = [side_key(side) for side in conflict]
        first.update({side_key(side): side for side in conflict})
    elif len(top) < 2 or counts[top[1]] < MIN_MENTIONS:
        return relations
    out = list(relations)
    done: set[str] = set()
    for rel in bare:
        key = side_key(rel.source)
        if key in done:
            continue
        done.add(key)
        for side in top:
            out.append(rel.model_copy(update={
                "relation_id": make_id("rel", rel.relation_id, side, "inferred"), "target": first[side],
                "attributes": {**rel.attributes, "inferred": True, "inferred_from": "document"}}))
    return out
