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
from dyad.nlp.parsed import ParsedDoc, Token
from dyad.relations.attributes import attributes
from dyad.relations.context import SentenceEnv
from dyad.relations.learned import SYMMETRIC, PairModel
from dyad.relations.lexicon import RelationLexicon
from dyad.relations.pairs import (Candidate, ancestors, candidates, features, side_key, trigger_hits,
                                  vetoed_types)
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
               *, taken: set[tuple[str, frozenset[str]]], places: Sequence[Any] = (),
               dates: Sequence[Any] = (), quantities: Sequence[Any] = (),
               place_ref: Callable | None = None, modality: Callable = modality_of) -> list[Relation]:
    """The model's relations of one document that the rules did not read. ``taken`` holds
    (type, {side, side}) of the rules' relations (``side_key`` of each side)."""
    out: dict[tuple, Relation] = {}
    hits: dict[int, list] = {}
    for cand in candidates(parsed, actors):
        sent = cand.sentence
        if sent.i not in hits:
            hits[sent.i] = trigger_hits(parsed, sent, lexicon)
        vetoed = vetoed_types(hits[sent.i])
        for reverse in (False, True):
            source, target = (cand.second_ref, cand.first_ref) if reverse else (cand.first_ref, cand.second_ref)
            accepted = model.accepted(features(parsed, cand, actors, reverse=reverse, hits=hits[sent.i]))
            for rtype, p in accepted.items():
                pair = frozenset({side_key(source), side_key(target)})
                if (rtype, pair) in taken or rtype in vetoed or not allowed(rtype, source, target):
                    continue
                if rtype in SYMMETRIC and reverse:
                    source, target = target, source  # one record per symmetric pair, in text order
                key = (rtype, side_key(source), side_key(target), sent.start)
                seen = out.get(key)
                if seen is not None and seen.attributes["confidence"] >= round(p, 3):
                    continue
                env = SentenceEnv(parsed, sent, [], [], actors, lexicon, place_ref or _geo_ref, place_pool=places)
                out[key] = _relation(env, cand, rtype, source, target, p, dates, quantities, modality)
    return list(out.values())


def _relation(env: SentenceEnv, cand: Candidate, rtype: str, source: ActorRef, target: ActorRef,
              p: float, dates: Sequence[Any], quantities: Sequence[Any], modality: Callable) -> Relation:
    parsed, sent = env.parsed, env.sent
    word = _joining_word(parsed, cand)
    m = re.compile(re.escape(word.text)).match(parsed.text, word.start) if word is not None else None
    mod = relation_modality(env, rtype, m, modality) if m is not None else "asserted"
    attrs = attributes(env, m, dates, quantities, None, None, target=target.actor_id) if m is not None else {}
    attrs.update(reader="learned", confidence=round(p, 3))
    rid = make_id("rel", rtype, source.actor_id, target.actor_id, parsed.doc_id, sent.start, "learned")
    return Relation(relation_id=rid, relation_type=rtype, source=source, target=target,  # type: ignore[arg-type]
                    attributes=attrs, modality=mod,  # type: ignore[arg-type]
                    evidence=[Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end, text=sent.text)])


def _joining_word(parsed: ParsedDoc, cand: Candidate) -> Token | None:
    """The word whose subtree holds both sides (the verb or noun that relates them), or,
    in a sentence without a parse, the first verb between them."""
    a = parsed.tokens[cand.first.token_start]
    b = parsed.tokens[cand.second.token_start]
    if cand.sentence.parsed:
        chain_a = ancestors(parsed, a)
        ids_b = {t.i for t in ancestors(parsed, b)}
        join = next((t for t in chain_a if t.i in ids_b), None)
        if join is not None and join.i not in range(cand.first.token_start, cand.first.token_end) \
                and join.i not in range(cand.second.token_start, cand.second.token_end):
            return join
    between = parsed.tokens[cand.first.token_end:cand.second.token_start]
    return next((t for t in between if t.pos in {"VERB", "AUX"}), between[0] if between else None)


def _geo_ref(place: Any) -> Any:
    from dyad.geo import to_ref

    return to_ref(place)
