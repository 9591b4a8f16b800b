"""Training examples for the learned relation reader, from texts annotated in the format of
``bench/gold/agreements/`` (README there).

Each pair of sides a sentence names, read both ways (``dyad.relations.pairs.readings``),
is an example. Its labels are the relation types annotated from its source to its target
(either way for a symmetric type); a pair with no annotated relation gives two negative
examples. The annotation says which relations a text states, not in which sentence: a pair named in two sentences gets its labels in both (the model learns which
words matter from the many texts where that is not so). Pairs an annotation marks as
optional are left out: they are neither right nor wrong.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from dyad.relations.learned import SYMMETRIC, Example
from dyad.relations.lexicon import load_patterns
from dyad.relations.pairs import Reading, readings

__all__ = ["examples_for", "gold_labels"]


def gold_labels(relations: Iterable[dict], source: str, target: str) -> tuple[frozenset[str], bool]:
    """(labels, optional) of the ordered pair (source, target) under a text's annotated
    relations: the types of the firm rows from one to the other (either way for a symmetric
    type), and whether an optional row names the two."""
    from dyad.eval.agreements import is_optional

    labels: set[str] = set()
    optional = False
    for rel in relations:
        s, t, rtype = rel.get("source"), rel.get("target"), rel["relation_type"]
        if rtype == "mediation" or t is None or {s, t} != {source, target}:
            continue
        if is_optional(rel.get("note")):
            optional = True
        elif s == source or rtype in SYMMETRIC:
            labels.add(rtype)
    return frozenset(labels), optional


def examples_for(ctx: Any, relations: Sequence[dict]) -> list[tuple[Reading, Example]]:
    """Each candidate of one parsed document (a ``dyad.pipeline.DocContext``), read both
    ways, with its example under the document's annotated ``relations``."""
    from dyad.eval.report import ref_code  # the gold sets' codes are defined with the scorer

    out = []
    for r in readings(ctx.parsed, ctx.actors, load_patterns()):
        labels, optional = gold_labels(relations, ref_code(r.source), ref_code(r.target))
        if labels or not optional:
            out.append((r, Example(r.features, labels)))
    return out
