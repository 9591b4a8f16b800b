"""Training examples for the learned relation reader, from texts annotated in the format of
``bench/gold/agreements/`` (README there).

Each pair of sides a sentence names (``dyad.relations.pairs.candidates``) becomes two
examples, one for each side as the source. An example's labels are the relation types
annotated from its source to its target (either way for a symmetric type); a pair with no
annotated relation gives two negative examples. The annotation says which relations a text states, not in which
sentence: a pair named in two sentences gets its labels in both (the model learns which
words matter from the many texts where that is not so). Pairs an annotation marks as
optional are left out: they are neither right nor wrong.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from dyad.relations.learned import SYMMETRIC, Example
from dyad.relations.lexicon import load_patterns
from dyad.relations.pairs import Candidate, candidates, features, trigger_hits

__all__ = ["examples_for", "gold_labels", "candidate_codes"]


def candidate_codes(cand: Candidate) -> tuple[str, str]:
    """The annotation codes (ISO3, IGO acronym, group key) of a candidate's two sides."""
    from dyad.eval.report import ref_code  # the gold sets' codes are defined with the scorer

    return ref_code(cand.first_ref), ref_code(cand.second_ref)


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


def examples_for(ctx: Any, relations: Sequence[dict]) -> list[tuple[Candidate, bool, Example]]:
    """(candidate, reverse, example) for each candidate of one parsed document (a
    ``dyad.pipeline.DocContext``) read both ways, under the document's annotated
    ``relations``."""
    lexicon = load_patterns()
    hits: dict[int, list] = {}
    out = []
    for cand in candidates(ctx.parsed, ctx.actors):
        first, second = candidate_codes(cand)
        if cand.sentence.i not in hits:
            hits[cand.sentence.i] = trigger_hits(ctx.parsed, cand.sentence, lexicon)
        for reverse in (False, True):
            source, target = (second, first) if reverse else (first, second)
            labels, optional = gold_labels(relations, source, target)
            if optional and not labels:
                continue
            feats = features(ctx.parsed, cand, ctx.actors, reverse=reverse, hits=hits[cand.sentence.i])
            out.append((cand, reverse, Example(tuple(feats), labels)))
    return out
