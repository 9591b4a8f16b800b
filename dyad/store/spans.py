"""Evidence lists that grow with the corpus live in the ``evidence`` table, not in their
record's row.

A relation that hundreds of documents report has hundreds of evidence spans, and an
event reported again and again collects ``other_evidence``. Were the list kept inside
the row, each new report would read the whole list back, merge it and write it again:
every write would cost more time and memory as the store grows. So the row holds these
lists empty and the spans are rows of ``evidence`` (which lists every span of every
record anyway): a write appends the new spans, a read fills the list from the table.

Stores written before kept the lists in the row. Reading takes the union of the row's
list and the table's, so such a store reads the same and is compacted record by record
as new reports are merged into it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from dyad.model import Evidence, Record
from dyad.store import schema

# table -> the field whose spans live in the evidence table only
GROWING: dict[str, str] = {"relations": "evidence", "events": "other_evidence"}

# Keys asked for in one statement; each is a placeholder.
CHUNK = 1000

Dicts = Callable[[str, list[Any]], list[dict[str, Any]]]


def _key(e: Evidence) -> tuple[str, int, int]:
    return (e.doc_id, e.start, e.end)


def as_stored(table: schema.Table, record: Record) -> Record:
    """The record as its row holds it: the growing list left empty."""
    name = GROWING.get(table.name)
    if name is None or not getattr(record, name):
        return record
    return record.model_copy(update={name: []})


def fill(table: schema.Table, records: list[Record],
         spans: dict[str, list[Evidence]]) -> list[Record]:
    """Records read from rows with their growing list filled from ``spans`` (per key):
    the union with what the row holds, sorted as the merge sorts it."""
    name = GROWING.get(table.name)
    if name is None:
        return records
    out = []
    for record in records:
        found = spans.get(table.key_of(record), [])
        own = {_key(record.evidence)} if name == "other_evidence" else set()
        merged = {_key(e): e for e in found if _key(e) not in own}
        merged.update((_key(e), e) for e in getattr(record, name))
        out.append(record.model_copy(update={name: sorted(merged.values(), key=_key)}))
    return out


def read_spans(dicts: Dicts, table: schema.Table,
               keys: Iterable[str] | None) -> dict[str, list[Evidence]]:
    """Every span the evidence table holds for these records of ``table`` (None: all)."""
    if table.name not in GROWING:
        return {}
    sql = ('SELECT "record_id", "doc_id", "start", "end", "text" FROM "evidence" '
           'WHERE "record_kind" = ?')
    if keys is None:
        return _group(dicts(sql, [table.name]))
    wanted = sorted(set(keys))
    rows: list[dict[str, Any]] = []
    for i in range(0, len(wanted), CHUNK):
        part = wanted[i:i + CHUNK]
        rows += dicts(f'{sql} AND "record_id" IN ({", ".join("?" for _ in part)})',
                      [table.name, *part])
    return _group(rows)


def read_first_spans(dicts: Dicts, table: schema.Table,
                     keys: list[str]) -> dict[str, list[Evidence]]:
    """The earliest span (by document and offset) of each record: all a merge needs of a
    stored list to order the records it meets, not the whole list. Text columns compare
    byte by byte in every backend (PostgreSQL's are ``COLLATE "C"``), as in Python."""
    if GROWING.get(table.name) != "evidence" or not keys:
        return {}  # an event is ordered by its own evidence, which its row holds
    wanted = sorted(set(keys))
    rows: list[dict[str, Any]] = []
    for i in range(0, len(wanted), CHUNK):
        part = wanted[i:i + CHUNK]
        rows += dicts('SELECT DISTINCT ON ("record_id") "record_id", "doc_id", "start", "end", '
                      '"text" FROM "evidence" WHERE "record_kind" = ? AND "record_id" IN '
                      f'({", ".join("?" for _ in part)}) '
                      'ORDER BY "record_id", "doc_id", "start", "end"', [table.name, *part])
    return _group(rows)


def _group(rows: list[dict[str, Any]]) -> dict[str, list[Evidence]]:
    grouped: dict[str, list[Evidence]] = defaultdict(list)
    for r in rows:
        grouped[r["record_id"]].append(Evidence(doc_id=r["doc_id"], start=r["start"],
                                                end=r["end"], text=r["text"]))
    return grouped


def moves(table: schema.Table, absorbed: list[Record], result: list[Record]) -> dict[str, str]:
    """For stored records a merge folded into a record with another key: old key -> new
    key, found by the span the absorbed record brought into the merge. Their spans in
    the evidence table move with them."""
    owner: dict[tuple[str, int, int], str] = {}
    for record in result:
        for e in _spans_of(record):
            owner.setdefault(_key(e), table.key_of(record))
    out = {}
    for record in absorbed:
        new = next((owner[_key(e)] for e in _spans_of(record) if _key(e) in owner), None)
        if new is not None and new != table.key_of(record):
            out[table.key_of(record)] = new
    return out


def _spans_of(record: Record) -> list[Evidence]:
    if hasattr(record, "other_evidence"):
        return [record.evidence, *record.other_evidence]
    return list(record.evidence)
