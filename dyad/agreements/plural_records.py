"""Plural agreements that are several records: "security agreements with Germany and
France" (one per partner), "Canada and Italy signed security agreements with Ukraine" (one
per acting state), and "similar accords with A and B" (like the one told just before, with
its side). Pure functions of the coder's records and linked mentions.
"""

from __future__ import annotations

import re

from dyad.agreements.linking import Cluster
from dyad.agreements.spans import dedupe_refs, ref_key
from dyad.model import ActorRef, Agreement, make_id

__all__ = ["SIMILAR", "one_per_partner", "similar_side"]

# ("Uganda signed its own accord with Congo": one like the deal just told)
SIMILAR = re.compile(r"\b(?:similar|identical|comparable|parallel|same|own)\b", re.IGNORECASE)


def one_per_partner(record: Agreement, c: Cluster) -> list[Agreement]:
    """"Ukraine signed bilateral security agreements with Germany and France": a plural
    agreement with two or more partners after "with" is one agreement with each, between
    that partner and the other side; a stage goes to each agreement its party belongs to."""
    m = c.first
    partners = dedupe_refs(p.actor.ref() for p in m.partners)
    ids = {ref_key(p) for p in partners}
    # later mentions in the plural ("the accords", "the deals") speak of them all
    if not m.plural or any(not x.plural for x in c.mentions[1:]):
        return [record]
    if len(ids) == 1:
        return _one_per_acting_side(record, partners[0])
    if len(ids) < 2:
        return [record]
    common = [p for p in record.parties if ref_key(p) not in ids]
    if not common:
        return [record]
    out = []
    for partner in partners:
        key = ref_key(partner)
        own = [p for p in record.parties if ref_key(p) in ids - {key}]
        parties = [p for p in record.parties if p not in own]
        stages = [s for s in record.stages if s.party is None or s.party not in own]
        out.append(record.model_copy(update={
            "agreement_id": make_id(record.agreement_id, key), "parties": parties,
            "stages": stages}))
    return out


def similar_side(record: Agreement, c: Cluster, before: Agreement, partners_before: set[str]) -> Agreement:
    """"Its deal with Russia ... also struck down similar accords with the United States and
    South Korea": plural agreements like the one before, whose only parties are their
    "with" partners, share that one's own side (its one party that was not its partner)."""
    partners = {p.actor.country or p.actor.actor_id for m in c.mentions for p in m.partners}
    if len(partners) < 2 or {ref_key(p) for p in record.parties} - partners:
        return record
    own = [p for p in before.parties if ref_key(p) not in partners_before | partners]
    if len(own) != 1 or not partners_before:
        return record
    return record.model_copy(update={"parties": [*own, *record.parties]})


def _one_per_acting_side(record: Agreement, partner: ActorRef) -> list[Agreement]:
    """"Canada and Italy signed security agreements with Ukraine", "Hungary and Poland
    scrapped their friendship treaties with Belgrade": a plural agreement with one partner
    after "with" that two or more states act on is one agreement between each of them and
    the partner (each keeps its own stages and the joint ones)."""
    acting = {ref_key(s.party) for s in record.stages if s.party is not None}
    sides = [p for p in record.parties if ref_key(p) != ref_key(partner)]
    if len(sides) < 2 or not all(ref_key(p) in acting for p in sides):
        return [record]
    out = []
    for side in sides:
        pair = {ref_key(side), ref_key(partner)}
        stages = [s for s in record.stages if s.party is None or ref_key(s.party) in pair]
        parties = [p for p in record.parties if ref_key(p) in pair]
        out.append(record.model_copy(update={
            "agreement_id": make_id(record.agreement_id, ref_key(side)), "parties": parties, "stages": stages}))
    return out
