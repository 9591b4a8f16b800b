"""The holder of a claimed place when the claim's own sentence names none.

A territorial claim is a claim on land against the state that holds it: "Azerbaijan
claims the districts" says nothing of the holder, but the story usually does, in another
sentence ("Armenian forces still control the districts"), through the place ("a region of
neighbouring Guyana") or by naming the two states of the dispute together ("India and
Pakistan signed ..., Pakistan continues to claim Kashmir"). ``with_holders`` gives each
claim with no target the holder the document names, nearest first:

1. a state the document says holds, took or was handed land ("X controls", "held by X",
   "handed the peninsula to X"), in the claim's sentence, then the nearest other one;
2. the country of the place claimed, when it is not the claimant's;
3. the one other state named beside the claimant in the nearest sentence naming both.

A claim whose story names no second state keeps no target.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from dyad.agreements.spans import ref_for_id
from dyad.model import ActorRef, Relation, make_id
from dyad.nlp.parsed import ParsedDoc

__all__ = ["HELD_BY", "HOLDS", "HANDED_TO", "with_holders"]

# the holder after a passive: "held by Russia", "under Indian control" is read by the roles
HELD_BY = re.compile(r"\b(?:held|administered|controlled|occupied|governed|ruled|seized|captured|annexed|taken|"
                     r"retained|kept)\s+by\s+(?:the\s+)?$", re.IGNORECASE)

# the holder before a verb of holding or taking, in any tense and number ("Chinese troops
# hold the plateau", "Armenian forces still control the districts", "Iran took control of"),
# never a meeting held ("India and China hold talks")
HOLDS = re.compile(r"(?:\s+(?:troops|forces|soldiers|army|armies|navy|coast\s+guard))?\s+"
                   r"(?:(?:now|still|already|also|effectively|largely|de\s+facto|has\s+long|have\s+long)\s+)*"
                   r"(?:(?:has|have|had)\s+(?:long\s+|since\s+)?)?"
                   r"(?:holds?|held|administers?|administered|controls?|controlled|occupies|occupy|occupied|"
                   r"governs?|governed|rules?|ruled|seized|captured|annexed|took\s+control\s+of|took\s+over|"
                   r"taken\s+control\s+of|detached|excised|wrested|retains?|retained|patrols?|patrolled)\b"
                   r"(?!\s+(?:talks|elections?|meetings?|a\s+(?:meeting|summit|vote|referendum|session)|"
                   r"the\s+(?:presidency|chair|talks|summit)|sway|power\s+in))", re.IGNORECASE)

# land given to a state: "handed the peninsula to Cameroon", "awarded it to Yaounde",
# "ceded the islands to Japan" (the receiver holds it)
HANDED_TO = re.compile(r"\b(?:hand(?:s|ed|ing)?(?:\s+over)?|cede[sd]?|ceding|award(?:s|ed|ing)?|transferr(?:ed|ing)|"
                       r"transfers?|gave|give[sn]?|return(?:s|ed|ing)?)\s+(?:[\w,'’-]+\s+){0,6}?to\s+(?:the\s+)?$",
                       re.IGNORECASE)


def with_holders(rels: list[Relation], pool: Sequence[Any], parsed: ParsedDoc,
                 side_key: Callable[[ActorRef | None], str], side_ref: Callable[[Any], ActorRef]
                 ) -> list[Relation]:
    """``rels`` with each territorial claim that has no target given the holder the
    document names (module doc), the claim dropped where its sentence already holds the
    same claim against that holder."""
    states = [a for a in pool if a.actor.kind == "state" or (a.actor.country and a.actor.kind != "igo"
                                                             and a.actor.kind != "group")]
    held = {(r.evidence[0].start, side_key(r.source), side_key(r.target)) for r in rels
            if r.relation_type == "territorial_claim" and r.target is not None}
    out: list[Relation] = []
    for r in rels:
        if r.relation_type != "territorial_claim" or r.target is not None:
            out.append(r)
            continue
        claimant = side_key(r.source)
        holder = _named_holder(r, states, parsed, claimant, side_key, side_ref) \
            or _place_country(r, claimant, pool) or _counterpart(r, states, parsed, claimant, side_key, side_ref)
        if holder is None:
            out.append(r)
            continue
        at = r.evidence[0].start
        if (at, claimant, side_key(holder)) in held:
            continue
        held.add((at, claimant, side_key(holder)))
        rid = make_id("rel", r.relation_type, r.source.actor_id, holder.actor_id, r.evidence[0].doc_id, at, "")
        out.append(r.model_copy(update={"relation_id": rid, "target": holder}))
    return out


def _sentences_by_distance(parsed: ParsedDoc, at: int) -> list[Any]:
    """The document's sentences, the one starting at ``at`` first, then by distance."""
    sents = [s for s in parsed.sentences if s.end > parsed.body_start]
    here = next((i for i, s in enumerate(sents) if s.start == at), 0)
    return sorted(sents, key=lambda s: (abs(sents.index(s) - here), sents.index(s) > here))


def _named_holder(r: Relation, states: Sequence[Any], parsed: ParsedDoc, claimant: str,
                  side_key: Callable, side_ref: Callable) -> ActorRef | None:
    text = parsed.text
    for sent in _sentences_by_distance(parsed, r.evidence[0].start):
        inside = [a for a in states if sent.start <= a.start and a.end <= sent.end]
        for a in inside:
            ref = side_ref(a)
            if side_key(ref) == claimant:
                continue
            before = text[max(sent.start, a.start - 60):a.start]
            if HOLDS.match(text, a.end) or HELD_BY.search(before) or HANDED_TO.search(before):
                return ref
    return None


def _place_country(r: Relation, claimant: str, pool: Sequence[Any]) -> ActorRef | None:
    """The country the gazetteer gives the claimed place, when another than the claimant's."""
    country = (r.attributes.get("location") or {}).get("country")
    if not country or country == claimant:
        return None
    return ref_for_id(country, pool)


def _counterpart(r: Relation, states: Sequence[Any], parsed: ParsedDoc, claimant: str,
                 side_key: Callable, side_ref: Callable) -> ActorRef | None:
    """The one other state named with the claimant in the nearest sentence naming both."""
    for sent in _sentences_by_distance(parsed, r.evidence[0].start):
        refs = [side_ref(a) for a in states if sent.start <= a.start and a.end <= sent.end]
        keys = {side_key(x) for x in refs}
        if claimant in keys and len(keys) == 2:
            return next(x for x in refs if side_key(x) != claimant)
    return None
