"""Cross-document merging and contradictions; see ``dyad.merge.records`` for the rules."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from dyad.merge.records import (agreement_groups, event_key, merge_agreement, merge_event,
                                merge_relation, relation_key)
from dyad.model import Agreement, Conflict, Event, Extraction, Relation


@dataclass
class Merged:
    agreements: list[Agreement] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def merge_records(agreements: Sequence[Agreement] = (), relations: Sequence[Relation] = (),
                  events: Sequence[Event] = (), *,
                  stored_agreements: Sequence[Agreement] = ()) -> Merged:
    """Merge records that are the same thing; a pure function of the records given.

    The store calls it with the stored records that the new ones may merge with plus the
    new ones (stored agreements apart in ``stored_agreements``: they are never folded
    into each other), and replaces the former by the result.
    """
    out = Merged()
    for ag_id, group in agreement_groups(agreements, stored_agreements).items():
        merged, conflicts = merge_agreement(ag_id, group)
        out.agreements.append(merged)
        out.conflicts += conflicts
    by_rel: dict[tuple, list[Relation]] = defaultdict(list)
    for rel in relations:
        by_rel[relation_key(rel)].append(rel)
    for group in by_rel.values():
        merged, conflicts = merge_relation(group)
        out.relations.append(merged)
        out.conflicts += conflicts
    by_event: dict[object, list[Event]] = defaultdict(list)
    for ev in events:
        by_event[event_key(ev) or ("id", ev.event_id)].append(ev)
    for group in by_event.values():
        merged, conflicts = merge_event(group)
        out.events.append(merged)
        out.conflicts += conflicts
    return out


def merge_extraction(extraction: Extraction) -> Extraction:
    """The same extraction with its agreements, relations and events merged."""
    m = merge_records(extraction.agreements, extraction.relations, extraction.events)
    conflicts = {c.conflict_id: c for c in [*extraction.conflicts, *m.conflicts]}
    return extraction.model_copy(update={
        "agreements": m.agreements, "relations": m.relations, "events": m.events,
        "conflicts": list(conflicts.values())})


__all__ = ["Merged", "merge_extraction", "merge_records"]
