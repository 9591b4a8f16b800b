"""What a write adds to a store: a pure function shared by every backend.

A stored document is final. Writing an extraction again skips each document already
stored together with every record that comes only from such documents, so a rerun or a
retried batch changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from dyad.model import Extraction, Record
from dyad.store import schema, spans


@dataclass(frozen=True)
class WriteReport:
    """What one ``write`` did; ``rows`` counts new rows per table (link tables included)."""

    documents_written: int = 0
    documents_skipped: int = 0
    rows: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class WritePlan:
    records: dict[str, list[Record]]  # per record table, one record per key, in TABLES order
    documents_skipped: int
    # per table, stored keys a merge folded into a record with another key: old -> new
    moves: dict[str, dict[str, str]] = field(default_factory=dict)


def referenced_doc_ids(extraction: Extraction) -> set[str]:
    """Every document id an extraction mentions, to ask the store which are stored."""
    ids: set[str] = set()
    for table in schema.RECORD_TABLES:
        for record in getattr(extraction, table.name):
            ids |= schema.doc_refs(record)
    return ids


def plan_write(extraction: Extraction, stored: Iterable[str]) -> WritePlan:
    """The records to write, given the ids of the documents the store already holds."""
    stale = frozenset(stored)
    records: dict[str, list[Record]] = {}
    for table in schema.RECORD_TABLES:
        copies: dict[str, list[Record]] = {}
        for record in getattr(extraction, table.name):
            fresh = _without_stale(table, record, stale)
            if fresh is not None:
                copies.setdefault(table.key_of(fresh), []).append(fresh)
        records[table.name] = [_combine(group) for group in copies.values()]
    skipped = {d.doc_id for d in extraction.documents if d.doc_id in stale}
    return WritePlan(records=records, documents_skipped=len(skipped))


def _without_stale(table: schema.Table, record: Record, stale: frozenset[str]) -> Record | None:
    """The part of a record that stored documents do not already account for, or None."""
    if table.mentions:
        mentions = getattr(record, schema.MENTIONS_FIELD)
        fresh = [m for m in mentions if m.doc_id not in stale]
        if mentions and not fresh:
            return None
        if len(fresh) < len(mentions):
            record = record.model_copy(update={schema.MENTIONS_FIELD: fresh})
        return record
    refs = schema.doc_refs(record)
    if refs and refs <= stale:
        return None
    return record


def _combine(copies: list[Record]) -> Record:
    """One record listed several times in an extraction: keep the first, with the union
    of all copies' mentions and aliases (for actors and locations)."""
    first = copies[0]
    if len(copies) == 1:
        return first
    update = {}
    for name in (schema.MENTIONS_FIELD, "aliases"):
        if name in type(first).model_fields:
            update[name] = list(dict.fromkeys(v for c in copies for v in getattr(c, name)))
    return first.model_copy(update=update) if update else first


# -- merging with what the store holds ---------------------------------------------------

# fetch(table, column, values) -> stored records of ``table`` whose ``column`` is in values
Fetch = Callable[[str, str, list[str]], list[Record]]
MERGED_TABLES = ("agreements", "relations", "events")


def merge_with_stored(plan: WritePlan, fetch: Fetch) -> tuple[WritePlan, dict[str, list[str]]]:
    """Fold the plan's agreements, relations and events into the stored records they are
    the same thing as (rules: ``dyad.merge``), and their contradictions into the stored
    conflicts. Returns the new plan and, per table, the stored keys to delete before the
    merged records are inserted (the merged record replaces them).

    ``fetch`` may give stored relations and events with only part of their growing
    evidence lists (``dyad.store.spans``): the merge needs their first span, and the
    rest stays in the evidence table, where the writer appends the new spans."""
    from dyad.merge import merge_records

    new = {name: plan.records.get(name, []) for name in MERGED_TABLES}
    if not any(new.values()):
        return plan, {}
    stored: dict[str, list[Record]] = {
        "agreements": _unique([
            *fetch("agreements", "agreement_id", [a.agreement_id for a in new["agreements"]]),
            *fetch("agreements", "party_countries", _keys(new["agreements"], "country")),
            *fetch("agreements", "party_ids", _keys(new["agreements"], "actor_id"))],
            "agreement_id"),
        "relations": fetch("relations", "relation_id", [r.relation_id for r in new["relations"]]),
        "events": fetch("events", "event_id", [e.event_id for e in new["events"]]),
    }
    # Tables with nothing stored to meet are written as they come: records from the
    # pipeline are merged among themselves already (``combine``).
    touched = [n for n in MERGED_TABLES if stored[n]]
    if not touched:
        return plan, {}
    both = {n: stored[n] + new[n] if n in touched else [] for n in MERGED_TABLES}
    merged = merge_records(new["agreements"] if "agreements" in touched else [],
                           both["relations"], both["events"],
                           stored_agreements=stored["agreements"])
    records = dict(plan.records)
    deletes: dict[str, list[str]] = {}
    moved: dict[str, dict[str, str]] = {}
    affected: set[str] = set()
    for n in touched:
        table = schema.TABLES[n]
        records[n], deletes[n] = _changes(n, stored[n], getattr(merged, n))
        affected |= set(deletes[n]) | {table.key_of(r) for r in records[n]}
        gone = set(deletes[n]) - {table.key_of(r) for r in records[n]}
        if n in spans.GROWING and gone:
            moved[n] = spans.moves(table, [r for r in stored[n] if table.key_of(r) in gone],
                                   getattr(merged, n))
    old_conflicts = fetch("conflicts", "record_id", sorted(affected))
    conflicts = _merge_conflicts([*old_conflicts, *plan.records.get("conflicts", []),
                                  *merged.conflicts])
    records["conflicts"], deletes["conflicts"] = _changes("conflicts", old_conflicts, conflicts)
    return WritePlan(records=records, documents_skipped=plan.documents_skipped,
                     moves=moved), deletes


def _changes(table_name: str, stored: list[Record],
             result: list[Record]) -> tuple[list[Record], list[str]]:
    """What to write and which stored keys to delete so that ``stored`` becomes ``result``.

    A stored record that comes out of the merge unchanged stays where it is: a pair of
    countries with hundreds of stored agreements would otherwise have every one of them
    rewritten, with its evidence, each time a document mentions the pair.
    """
    key_of = schema.TABLES[table_name].key_of
    before = {key_of(r): r for r in stored}
    write = [r for r in result if before.get(key_of(r)) != r]
    kept = {key_of(r) for r in result} - {key_of(r) for r in write}
    return write, [k for k in before if k not in kept]


def _keys(agreements: list[Record], attr: str) -> list[str]:
    return sorted({schema.party_key(a, attr) for a in agreements} - {""})


def _unique(records: list[Record], key: str) -> list[Record]:
    return list({getattr(r, key): r for r in records}.values())


def _merge_conflicts(conflicts: list[Record]) -> list[Record]:
    """One conflict per id, with the union of the values (and of each value's evidence)."""
    from dyad.model import ConflictValue

    by_id: dict[str, Record] = {}
    for c in conflicts:
        prev = by_id.get(c.conflict_id)
        if prev is None:
            by_id[c.conflict_id] = c
            continue
        values: dict[str, ConflictValue] = {}
        for v in [*prev.values, *c.values]:
            key = repr(v.value)
            old = values.get(key)
            evidence = [*(old.evidence if old else []), *v.evidence]
            unique = {(e.doc_id, e.start, e.end): e for e in evidence}
            values[key] = ConflictValue(value=v.value, evidence=sorted(
                unique.values(), key=lambda e: (e.doc_id, e.start, e.end)))
        by_id[c.conflict_id] = prev.model_copy(update={"values": list(values.values())})
    return list(by_id.values())
