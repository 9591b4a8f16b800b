"""Pairs of sides in one sentence, and the words around them, for the learned relation reader.

The rules of ``dyad.relations.rules`` read a relation from a trigger they know. The learned
reader (``dyad.relations.learned``) starts from the other end: every two sides named in one
sentence (two states, a state and an IGO, a state and an armed group) are a candidate, and a
model trained on annotated texts says which relation, if any, the sentence states between
them. This module makes the candidates and describes each one as a bag of string features:
the sentence's words, the words between and around the two sides, the rules' triggers in the sentence, and,
when the sentence was parsed, the dependency path that joins them. It is a pure function of the parse and the
resolved actors; nothing here is learned.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Any, Iterator, Sequence

from dyad.model import ActorRef
from dyad.nlp.parsed import ParsedDoc, Sentence, Token
from dyad.relations.lexicon import ROLE_WINDOW
from dyad.relations.rules import REBELS, can_take_side, side_key, side_ref

__all__ = ["Candidate", "Reading", "candidates", "readings", "features", "trigger_hits", "vetoed_types",
           "joining_word", "MAX_SIDES"]

# A sentence naming more sides than this is a list ("Estonia, Latvia, Lithuania, Poland,
# ...") whose pairs would swamp the rest; the rules read lists.
MAX_SIDES = 6
# Words around each side that describe it ("the host of", "troops in").
WINDOW = 3
# Farther apart than this (in tokens), two sides are rarely in one relation the sentence states.
MAX_GAP = 40


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two sides named in one sentence: ``first`` is the one named first."""

    sentence: Sentence
    first: Any  # dyad.actors.items.ResolvedMention
    second: Any
    first_ref: ActorRef
    second_ref: ActorRef


def candidates(parsed: ParsedDoc, actors: Sequence[Any]) -> list[Candidate]:
    """Every pair of different sides named in one sentence of the body, each side at its
    first mention in the sentence, in text order."""
    pool = [a for a in actors if can_take_side(a.actor)]
    out: list[Candidate] = []
    for sent in parsed.sentences:
        if sent.end <= parsed.body_start:
            continue
        firsts: dict[str, tuple[Any, ActorRef]] = {}
        for m in sorted((a for a in pool if sent.start <= a.start and a.end <= sent.end),
                        key=lambda a: a.start):
            ref = side_ref(m, pool)
            firsts.setdefault(side_key(ref), (m, ref))
        if not 2 <= len(firsts) <= MAX_SIDES:
            continue
        for (a, ra), (b, rb) in combinations(firsts.values(), 2):
            out.append(Candidate(sent, a, b, ra, rb))
    return out


@dataclass(frozen=True, slots=True)
class Reading:
    """A candidate read one way: ``source`` -> ``target``, with its features and the types
    the sentence's triggers veto (``vetoed_types``)."""

    candidate: Candidate
    reverse: bool  # the source is the side named second
    source: ActorRef
    target: ActorRef
    features: tuple[str, ...]
    vetoed: frozenset[str]


def readings(parsed: ParsedDoc, actors: Sequence[Any], lexicon: Any) -> Iterator[Reading]:
    """Every candidate of the document read both ways: what the model is trained on
    (``dyad.relations.training``) and what it scores (``dyad.relations.pair_reader``)."""
    hits: dict[int, tuple[list, frozenset[str]]] = {}
    for cand in candidates(parsed, actors):
        if cand.sentence.i not in hits:
            found = trigger_hits(parsed, cand.sentence, lexicon)
            hits[cand.sentence.i] = (found, frozenset(vetoed_types(found)))
        found, vetoed = hits[cand.sentence.i]
        for reverse in (False, True):
            source, target = (cand.second_ref, cand.first_ref) if reverse else (cand.first_ref, cand.second_ref)
            feats = features(parsed, cand, actors, reverse=reverse, hits=found)
            yield Reading(cand, reverse, source, target, tuple(feats), vetoed)


def _word(tok: Token) -> str:
    if tok.like_num:
        return "<num>"
    return (tok.lemma or tok.text).lower()


def _head_of(parsed: ParsedDoc, mention: Any) -> Token:
    """The token of a mention whose head lies outside it."""
    toks = parsed.tokens[mention.token_start:mention.token_end] or \
        parsed.tokens[mention.token_start:mention.token_start + 1]
    inside = range(mention.token_start, mention.token_end)
    return next((t for t in toks if t.head not in inside or t.head == t.i), toks[0])


def ancestors(parsed: ParsedDoc, tok: Token) -> list[Token]:
    """``tok`` and its heads up to the root of its sentence."""
    chain = [tok]
    while chain[-1].head != chain[-1].i and len(chain) < 30:
        chain.append(parsed.tokens[chain[-1].head])
    return chain


def _role(parsed: ParsedDoc, tok: Token) -> str:
    """A side's grammatical role: its relation to its head, with the preposition that
    governs it ("pobj:to", "pobj:from")."""
    if tok.dep == "pobj" and tok.head != tok.i:
        return f"pobj:{parsed.tokens[tok.head].lemma.lower()}"
    if tok.dep == "poss" or parsed.text[tok.end:tok.end + 2] in {"'s", "’s"}:
        return "poss"
    return tok.dep or "?"


def trigger_hits(parsed: ParsedDoc, sent: Sentence, lexicon: Any) -> list[tuple[int, int, str, bool]]:
    """(start, end, type, vetoed) of every trigger of the rules' lexicon in the sentence:
    what the rules would start from, whether or not they then found both sides. A trigger
    is vetoed where its pattern's own conditions say the words do not state the relation
    ("blocked new sanctions": the blocker imposes none)."""
    text = parsed.text
    lowered = text[sent.start:sent.end].lower()
    hits = []
    for i in lexicon.anchor_filter.candidates(lowered):
        pat = lexicon.patterns[i]
        for m in pat.trigger.finditer(text, sent.start, sent.end):
            after = text[m.end():min(sent.end, m.end() + ROLE_WINDOW)]
            before = text[max(sent.start, m.start() - ROLE_WINDOW):m.start()]
            vetoed = bool((pat.requires and not pat.requires.search(after))
                          or (pat.forbid and pat.forbid.search(after))
                          or (pat.forbid_before and pat.forbid_before.search(before)))
            hits.append((m.start(), m.end(), pat.type, vetoed))
    return hits


def vetoed_types(hits: Sequence[tuple[int, int, str, bool]]) -> set[str]:
    """The types whose every trigger in the sentence is vetoed: the lexicon knows these
    words and says they do not state the relation here."""
    seen: dict[str, bool] = {}
    for _, _, rtype, vetoed in hits:
        seen[rtype] = seen.get(rtype, True) and vetoed
    return {t for t, all_vetoed in seen.items() if all_vetoed}


def features(parsed: ParsedDoc, cand: Candidate, actors: Sequence[Any], *, reverse: bool = False,
             hits: Sequence[tuple[int, int, str, bool]] = ()) -> list[str]:
    """The candidate read as a relation from a source side "S" to a target side "T": S is
    the side named first, or the second one when ``reverse``. Other sides named in the
    sentence are "X". ``hits`` are the sentence's ``trigger_hits``."""
    sent = cand.sentence
    toks = parsed.sentence_tokens(sent)
    src, tgt = (cand.second, cand.first) if reverse else (cand.first, cand.second)
    src_ref, tgt_ref = (cand.second_ref, cand.first_ref) if reverse else (cand.first_ref, cand.second_ref)
    a, b = cand.first, cand.second
    inside: dict[int, str] = {}
    for m in actors:
        if sent.start <= m.start and m.end <= sent.end:
            for i in range(m.token_start, m.token_end):
                inside.setdefault(i, "X")
    for m, mark in ((src, "S"), (tgt, "T")):
        for i in range(m.token_start, m.token_end):
            inside[i] = mark
    words: list[tuple[int, str]] = []
    last = ""
    for t in toks:
        w = inside.get(t.i) or ("" if t.is_punct else _word(t))
        if w and not (w in {"S", "T", "X"} and w == last):
            words.append((t.i, w))
        last = w
    order = "ts" if reverse else "st"
    feats = {f"ord:{order}"}
    feats.update(f"s:{w}" for _, w in words if w not in {"S", "T", "X"})
    between = [w for i, w in words if a.token_end <= i < b.token_start]
    gap = b.token_start - a.token_end
    feats.add(f"gap:{min(gap // 4, 6)}")
    if gap <= MAX_GAP:
        feats.update(f"m:{w}" for w in between)
        feats.update(f"mo:{order}_{w}" for w in between)
        feats.update(f"mb:{x}_{y}" for x, y in zip(between, between[1:]))
        if len(between) <= 4:
            feats.add(f"mm:{order}_" + "_".join(between))
    for m, mark in ((src, "s"), (tgt, "t")):
        before = [w for i, w in words if i < m.token_start][-WINDOW:]
        after = [w for i, w in words if i >= m.token_end][:WINDOW]
        feats.update(f"{mark}l:{w}" for w in before)
        feats.update(f"{mark}r:{w}" for w in after)
        if before:
            feats.add(f"{mark}l1:{before[-1]}")
        if after:
            feats.add(f"{mark}r1:{after[0]}")
    sk, tk = _kind(src_ref), _kind(tgt_ref)
    feats.update({f"sk:{sk}", f"tk:{tk}", f"stk:{sk}_{tk}"})
    for start, end, rtype, vetoed in hits:
        mark = "trigx" if vetoed else "trig"
        feats.add(f"{mark}:{rtype}")
        if a.end <= start and end <= b.start:
            feats.add(f"{mark}m:{rtype}")
            feats.add(f"{mark}mo:{order}_{rtype}")
    if sent.parsed:
        feats.update(_path_features(parsed, _head_of(parsed, src), _head_of(parsed, tgt)))
    return sorted(feats)


def _kind(ref: ActorRef) -> str:
    if ref.actor_id.startswith("IGO."):
        return "igo"
    if ref.actor_id.startswith("group.") or ref.sector in REBELS:
        return "group"
    return "state"


def _join(parsed: ParsedDoc, ha: Token, hb: Token) -> tuple[list[Token], list[Token], Token] | None:
    """(path up from ``ha``, path up from ``hb``, the word that joins them): the lowest
    token whose subtree holds both, each path without it."""
    up_a, up_b = ancestors(parsed, ha), ancestors(parsed, hb)
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    na = next((n for n, t in enumerate(up_a) if t.i in ids_b), None)
    if na is None:
        return None
    return up_a[:na], up_b[:ids_b[up_a[na].i]], up_a[na]


def joining_word(parsed: ParsedDoc, cand: Candidate) -> Token | None:
    """The word that relates the two sides: in a parsed sentence the one whose subtree
    holds both (outside either mention), else the first verb between them."""
    if cand.sentence.parsed:
        join = _join(parsed, _head_of(parsed, cand.first), _head_of(parsed, cand.second))
        if join is not None and not any(m.token_start <= join[2].i < m.token_end
                                        for m in (cand.first, cand.second)):
            return join[2]
    between = parsed.tokens[cand.first.token_end:cand.second.token_start]
    return next((t for t in between if t.pos in {"VERB", "AUX"}), between[0] if between else None)


def _path_features(parsed: ParsedDoc, ha: Token, hb: Token) -> set[str]:
    """The dependency path from the source up to the word that joins the two sides and
    down to the target: its labels, its words, the joining word, and each side's role."""
    ra, rb = _role(parsed, ha), _role(parsed, hb)
    out = {f"srole:{ra}", f"trole:{rb}", f"roles:{ra}_{rb}"}
    join = _join(parsed, ha, hb)
    if join is None:
        return out
    path_a, path_b, top = join
    labels = [t.dep for t in path_a] + ["^"] + [t.dep for t in reversed(path_b)]
    if len(labels) <= 7:
        out.add("p:" + "/".join(labels))
    out.add(f"j:{_word(top)}")
    out.add(f"jp:{top.pos}")
    for t in path_a[1:] + path_b[1:]:
        out.add(f"pw:{_word(t)}")
    return out
