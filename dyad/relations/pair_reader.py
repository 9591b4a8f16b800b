"""Relations the learned model reads between two sides of a sentence, as ``Relation`` records.

``code_v2`` of ``dyad.relations.rules`` runs the rules first and then this reader: the
model (``dyad.relations.learned``) scores every pair of sides in every sentence, both
ways, and a relation is added where its probability reaches the model's threshold and the
rules have no relation of that type between the same two sides anywhere in the document,
nor a trigger of that type in the sentence that their lexicon vetoes ("Slovakia blocked
new sanctions against Russia"). The rules keep the last word where they read something:
the model only fills their gaps.

A learned relation says so: ``attributes.reader`` is ``"learned"`` and
``attributes.confidence`` its probability. Its modality is read at the word that joins the
two sides in the parse (the verb of "Egypt imports most of its wheat from Russia"), with
the same reading as the rules' triggers (``dyad.relations.reading``).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from dyad.model import ActorRef, Evidence, Relation, make_id
from dyad.modality import modality_of
from dyad.nlp.parsed import ParsedDoc
from dyad.relations.attributes import attributes
from dyad.relations.context import SentenceEnv
from dyad.relations.learned import SYMMETRIC, PairModel
from dyad.relations.lexicon import RelationLexicon
from dyad.relations.pairs import Candidate, joining_word, readings
from dyad.relations.rules import side_key
from dyad.relations.reading import relation_modality

__all__ = ["read_pairs", "allowed"]

# The only relations an IGO stands in: a state's membership of it, its sanctions, its
# trade (the EU trades as one), its presence (a UN or AU mission).
_IGO_SOURCE = frozenset({"sanctions", "trade", "military_presence"})
_IGO_TARGET = frozenset({"membership", "sanctions", "trade"})


def allowed(rtype: str, source: ActorRef, target: ActorRef) -> bool:
    """Whether a relation of ``rtype`` can run from ``source`` to ``target``: a membership
    is of an IGO, never of a state; other types take an IGO only where it acts as one."""
    s_igo, t_igo = source.actor_id.startswith("IGO."), target.actor_id.startswith("IGO.")
    if rtype == "membership":
        return t_igo and not s_igo
    if s_igo and rtype not in _IGO_SOURCE:
        return False
    return not t_igo or rtype in _IGO_TARGET


def read_pairs(parsed: ParsedDoc, actors: Sequence[Any], model: PairModel, lexicon: RelationLexicon,
               *, taken: set[tuple[str, frozenset[str]]], dates: Sequence[Any] = (),
               quantities: Sequence[Any] = (), modality: Callable = modality_of) -> list[Relation]:
    """The model's relations of one document that the rules did not read. ``taken`` holds
    (type, {side, side}) of the rules' relations (``side_key`` of each side)."""
    out: dict[tuple, Relation] = {}
    for r in readings(parsed, actors, lexicon):
        pair = frozenset({side_key(r.source), side_key(r.target)})
        for rtype, p in model.accepted(r.features).items():
            if (rtype, pair) in taken or rtype in r.vetoed or not allowed(rtype, r.source, r.target):
                continue
            # one record per symmetric pair, in text order
            source, target = (r.target, r.source) if rtype in SYMMETRIC and r.reverse else (r.source, r.target)
            key = (rtype, side_key(source), side_key(target), r.candidate.sentence.start)
            seen = out.get(key)
            if seen is None or seen.attributes["confidence"] < round(p, 3):
                out[key] = _relation(parsed, actors, lexicon, r.candidate, rtype, source, target, p,
                                     dates, quantities, modality)
    return list(out.values())


def _relation(parsed: ParsedDoc, actors: Sequence[Any], lexicon: RelationLexicon, cand: Candidate,
              rtype: str, source: ActorRef, target: ActorRef, p: float, dates: Sequence[Any],
              quantities: Sequence[Any], modality: Callable) -> Relation:
    """The record, its modality and attributes read at the word that joins the two sides
    as the rules read them at a trigger (the reader reads no place: ``place_ref`` is never
    called with one)."""
    sent = cand.sentence
    env = SentenceEnv(parsed, sent, [], [], actors, lexicon, place_ref=lambda place: None)
    word = joining_word(parsed, cand)
    m = re.compile(re.escape(word.text)).match(parsed.text, word.start) if word is not None else None
    mod = relation_modality(env, rtype, m, modality) if m is not None else "asserted"
    attrs = attributes(env, m, dates, quantities, None, None, target=target.actor_id) if m is not None else {}
    attrs.update(reader="learned", confidence=round(p, 3))
    rid = make_id("rel", rtype, source.actor_id, target.actor_id, parsed.doc_id, sent.start, "learned")
    return Relation(relation_id=rid, relation_type=rtype, source=source, target=target,  # type: ignore[arg-type]
                    attributes=attrs, modality=mod,  # type: ignore[arg-type]
                    evidence=[Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end, text=sent.text)])
