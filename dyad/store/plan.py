"""What a write adds to a store: a pure function shared by every backend.

A stored document is final. Writing an extraction again skips each document already
stored together with every record that comes only from such documents, so a rerun or a
retried batch changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from dyad.model import Extraction, Record
from dyad.store import schema


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
