"""The sides of a mediation the sentence leaves unnamed.

"The deal was mediated by Qatar" names the mediator only; the sides are those the story is
about. When a document names a mediator but never the sides it mediates between, the sides
of the armed conflict the document states (the first one without the mediator), else the
two sides (states or armed groups, not the mediators, not IGOs) it names most often, are
taken, as inferred records (``inferred: true``, ``inferred_from: "document"``); a mediator
with sides of its own anywhere in the document is left as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Callable, Sequence

from dyad.model import Relation, make_id

__all__ = ["co_mediators", "infer_mediated_sides"]

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


# Two mediators joined: "Kenya, together with Ethiopia, mediated", "mediated the talks
# jointly with the World Bank", "the US- and French-brokered deal".
_JOINED = re.compile(r"\s*,?\s*(?:(?:together|jointly|along)\s+with|alongside|in\s+tandem\s+with)\s+(?:the\s+)?|-\s+(?:and|or)\s+(?:the\s+)?",
                     re.IGNORECASE)
# A backer set off before the verb is no mediator: "Kuwait, with backing from Washington,
# mediated", "Oman, with the support of Britain, brokered".
_BACKED = re.compile(r",\s*(?:with\s+(?:the\s+)?(?:backing|support|help|blessing|encouragement|assistance)\s+(?:of|from)|"
                     r"(?:backed|supported|encouraged|helped|pressed)\s+by)\s+(?:the\s+)?$", re.IGNORECASE)


# A co-mediator after the verb: "which mediated the talks together with the World Bank".
_WITH_AFTER_VERB = re.compile(r"\b(?:mediat|broker|facilitat|host|co-?chair)\w*\b[^.;,]{0,40}?\b(?:(?:together|jointly|along)\s+with|"
                              r"alongside|in\s+tandem\s+with)\s+(?:the\s+)?$", re.IGNORECASE)


def co_mediators(relations: list[Relation], actors: Sequence[Any], side_key: Callable, ref: Callable,
                 text: str) -> list[Relation]:
    """Mediation records with the mediators a sentence joins to the one found ("Kenya,
    together with Ethiopia, mediated": both), and with a backer set off between the
    mediator and its verb replaced by the mediator ("Kuwait, with backing from Washington,
    mediated": Kuwait)."""
    out = list(relations)
    by_sentence: dict[int, list[Relation]] = {}
    for r in relations:
        if r.relation_type == "mediation":
            by_sentence.setdefault(r.evidence[0].start, []).append(r)
    for start, rels in by_sentence.items():
        end = rels[0].evidence[0].end
        inside = [a for a in actors if start <= a.start and a.end <= end and a.actor.kind != "group"]
        mediators = {side_key(r.source) for r in rels}
        sides = {side_key(r.target) for r in rels if r.target is not None}
        for i, a in enumerate(inside):
            key = side_key(ref(a))
            if key not in mediators:
                if key not in sides and _WITH_AFTER_VERB.search(text, max(start, a.start - 80), a.start):
                    first = next(iter(mediators))
                    mediators.add(key)
                    out += [r.model_copy(update={"source": ref(a), "relation_id": make_id("rel", r.relation_id, key)})
                            for r in rels if side_key(r.source) == first]
                continue
            backed = _BACKED.search(text, max(start, a.start - 40), a.start)
            subject = [b for b in inside[:i] if b.end <= backed.start()] if backed else []
            if subject:  # the backer found in the mediator's place
                new = ref(subject[-1])
                out = [r.model_copy(update={"source": new, "relation_id": make_id("rel", r.relation_id, "mediator")})
                       if r in rels and side_key(r.source) == key else r for r in out]
                continue
            for b in (inside[i - 1] if i else None, inside[i + 1] if i + 1 < len(inside) else None):
                if b is None:
                    continue
                left, right = (b, a) if b.start < a.start else (a, b)
                other = side_key(ref(b))
                if other in mediators or other in sides or not _JOINED.fullmatch(text, left.end, right.start):
                    continue
                mediators.add(other)
                out += [r.model_copy(update={"source": ref(b), "relation_id": make_id("rel", r.relation_id, other)})
                        for r in rels if side_key(r.source) == key]
    return out
