"""Evidence lists that grow with the corpus live in the ``evidence`` table, not in their
record's row.

A relation that hundreds of documents report has hundreds of evidence spans; an event
reported again and again collects ``other_evidence``; a generic agreement ("the trade
deal" between two countries) gains a mention span and a stage report from every article
about it. Were the lists kept inside the row, each new report would read the whole list
back, merge it and write it again: every write would cost more time and memory as the
store grows. So the row holds these lists empty and the spans are rows of ``evidence``:
a write appends the new spans, a read fills the lists from the table.

The evidence table's rows of kind ``relations``/``events``/``agreements`` list every span
a record cites (documents and the web view find records through them). A relation's and
an event's lists are read from those rows. An agreement's rows mix mention and stage
spans, so its lists have rows of their own kinds as well: ``agreements.evidence`` (its
mentions) and ``agreements.stage/<id of the stage's merge key>`` (each stage's reports),
all under the agreement's id, so that they move with it.

Stores written before kept the lists in the row. Reading takes the union of the row's
list and the table's, so such a store reads the same and is compacted record by record
as new reports are merged into it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from dyad.merge.records import stage_key
from dyad.model import Agreement, Evidence, Record, Stage, make_id
from dyad.store import schema

# tables with growing lists -> the field of the record that holds one
GROWING: dict[str, str] = {"relations": "evidence", "events": "other_evidence",
                           "agreements": "evidence"}
MENTIONS = "agreements.evidence"
STAGE = "agreements.stage/"

# Keys asked for in one statement; each is a placeholder.
CHUNK = 1000

Dicts = Callable[[str, list[Any]], list[dict[str, Any]]]
Spans = dict[tuple[str, str], list[Evidence]]  # (record_kind, record_id) -> spans


def _key(e: Evidence) -> tuple[str, int, int]:
    return (e.doc_id, e.start, e.end)


def stage_kind(stage: Stage) -> str:
    return STAGE + make_id("st", *stage_key(stage))


def own_kinds(table: schema.Table) -> tuple[str, list[str]]:
    """SQL (and its parameters) selecting every evidence row of a record of ``table``:
    what is deleted or moved with it."""
    if table.name == "agreements":
        return '("record_kind" = ? OR "record_kind" LIKE ?)', [table.name, f"{table.name}.%"]
    return '"record_kind" = ?', [table.name]


def _list_kinds(table: schema.Table) -> tuple[str, list[str]]:
    """SQL selecting the rows the growing lists of a record of ``table`` are read from."""
    if table.name == "agreements":
        return '"record_kind" LIKE ?', [f"{table.name}.%"]
    return '"record_kind" = ?', [table.name]


def as_stored(table: schema.Table, record: Record) -> Record:
    """The record as its row holds it: the growing lists left empty."""
    name = GROWING.get(table.name)
    if name is None:
        return record
    update: dict[str, Any] = {name: []}
    if isinstance(record, Agreement):
        update["stages"] = [s.model_copy(update={"other_evidence": ()}) for s in record.stages]
    return record.model_copy(update=update)


def list_rows(table: schema.Table, record: Record) -> list[tuple[Any, ...]]:
    """Rows of the evidence table for the lists that its every-span rows cannot tell
    apart: an agreement's mentions and each of its stages' reports."""
    if not isinstance(record, Agreement):
        return []
    key = table.key_of(record)
    rows = [(MENTIONS, key, e.doc_id, e.start, e.end, e.text) for e in record.evidence]
    for s in record.stages:
        kind = stage_kind(s)
        rows += [(kind, key, e.doc_id, e.start, e.end, e.text)
                 for e in (s.evidence, *s.other_evidence)]
    return rows


def fill(table: schema.Table, records: list[Record], spans: Spans) -> list[Record]:
    """Records read from rows with their growing lists filled from ``spans``: the union
    with what the row holds, sorted as the merge sorts it."""
    name = GROWING.get(table.name)
    if name is None:
        return records
    out = []
    for record in records:
        key = table.key_of(record)
        if isinstance(record, Agreement):
            update: dict[str, Any] = {
                "evidence": _union(spans.get((MENTIONS, key), []), record.evidence),
                "stages": [_fill_stage(s, spans.get((stage_kind(s), key), []))
                           for s in record.stages]}
        elif name == "other_evidence":
            update = {name: _union(spans.get((table.name, key), []), record.other_evidence,
                                   own=record.evidence)}
        else:
            update = {name: _union(spans.get((table.name, key), []), getattr(record, name))}
        out.append(record.model_copy(update=update))
    return out


def _fill_stage(stage: Stage, found: list[Evidence]) -> Stage:
    return stage.model_copy(update={"other_evidence": tuple(
        _union(found, list(stage.other_evidence), own=stage.evidence))})


def _union(found: list[Evidence], held: list[Evidence],
           own: Evidence | None = None) -> list[Evidence]:
    skip = {_key(own)} if own is not None else set()
    merged = {_key(e): e for e in found if _key(e) not in skip}
    merged.update((_key(e), e) for e in held)
    return sorted(merged.values(), key=_key)


def read_spans(dicts: Dicts, table: schema.Table, keys: Iterable[str] | None) -> Spans:
    """Every span of the growing lists of these records of ``table`` (None: all)."""
    if table.name not in GROWING:
        return {}
    kinds, params = _list_kinds(table)
    sql = f'SELECT "record_kind", "record_id", "doc_id", "start", "end", "text" FROM "evidence" WHERE {kinds}'
    if keys is None:
        return _group(dicts(sql, params))
    wanted = sorted(set(keys))
    rows: list[dict[str, Any]] = []
    for i in range(0, len(wanted), CHUNK):
        part = wanted[i:i + CHUNK]
        rows += dicts(f'{sql} AND "record_id" IN ({", ".join("?" for _ in part)})',
                      [*params, *part])
    return _group(rows)


def read_first_spans(dicts: Dicts, table: schema.Table, keys: list[str]) -> Spans:
    """The earliest span (by document and offset) of each record's ``evidence`` list: all
    a merge needs of a stored list to order the records it meets, not the whole list.
    Stages and events are ordered by their own ``evidence``, which their row holds. Text
    columns compare byte by byte in every backend (PostgreSQL's are ``COLLATE "C"``), as
    in Python."""
    if GROWING.get(table.name) != "evidence" or not keys:
        return {}
    kind = MENTIONS if table.name == "agreements" else table.name
    wanted = sorted(set(keys))
    rows: list[dict[str, Any]] = []
    for i in range(0, len(wanted), CHUNK):
        part = wanted[i:i + CHUNK]
        rows += dicts('SELECT DISTINCT ON ("record_id") "record_kind", "record_id", "doc_id", '
                      '"start", "end", "text" FROM "evidence" WHERE "record_kind" = ? AND '
                      f'"record_id" IN ({", ".join("?" for _ in part)}) '
                      'ORDER BY "record_id", "doc_id", "start", "end"', [kind, *part])
    return _group(rows)


def _group(rows: list[dict[str, Any]]) -> Spans:
    grouped: Spans = defaultdict(list)
    for r in rows:
        grouped[r["record_kind"], r["record_id"]].append(
            Evidence(doc_id=r["doc_id"], start=r["start"], end=r["end"], text=r["text"]))
    return grouped


def moves(table: schema.Table, absorbed: list[Record], result: list[Record]) -> dict[str, str]:
    """For stored records a merge folded into a record with another key: old key -> new
    key, found by a span the absorbed record brought into the merge. Their spans in the
    evidence table move with them."""
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
    return [e for e in schema.walk(record) if isinstance(e, Evidence)]
