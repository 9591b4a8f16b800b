"""Reading and writing records, shared by every backend: plan, merge with what is
stored, replace, insert; and the records back, by document.

A backend provides a transaction (``_transaction``), bulk insert-or-ignore
(``_insert``), row reading (``_dicts``), statements (``_run``) and two spellings:
``IN_ARRAY`` (a column tested against one array parameter) and ``JSON_PARAM`` (a JSON
value passed as a parameter). Everything else about writing is written once here.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Any

import pydantic

from dyad import model
from dyad.errors import StoreError
from dyad.store import schema, spans
from dyad.store.plan import (WritePlan, WriteReport, merge_with_stored, plan_write,
                             referenced_doc_ids)
from dyad.store.schema import Table, quote


class RecordRows:
    IN_ARRAY = "IN (SELECT unnest(?::VARCHAR[]))"
    JSON_PARAM = "?"
    read_only: bool
    path: object

    # -- backend hooks -------------------------------------------------------------------
    def _transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _insert(self, table: Table, rows: list[tuple[Any, ...]], *,
                unstored: bool = False, new_docs: frozenset[str] = frozenset()) -> None:
        """Insert-or-ignore; ``unstored``: the caller has already left out stored keys;
        ``new_docs``: documents this transaction writes, whose rows cannot be stored yet."""
        raise NotImplementedError

    def _dicts(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _run(self, sql: str, params: Any = None) -> Any:
        raise NotImplementedError

    # -- shared --------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return bool(self.known_doc_ids([doc_id]))

    def known_doc_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored, checked in one query."""
        wanted = sorted(set(ids))
        if not wanted:
            return set()
        rows = self._dicts(f'SELECT "doc_id" FROM "documents" WHERE "doc_id" {self.IN_ARRAY}',
                           [wanted])
        return {r["doc_id"] for r in rows}

    def read_extraction(self, doc_ids: Iterable[str] | None = None) -> model.Extraction:
        """The stored records as a ``dyad/1`` object: all, or those of ``doc_ids``.

        With ``doc_ids``, actors and locations carry only their mentions in those
        documents, and agreements and relations are those with evidence in them.
        """
        ids = None if doc_ids is None else sorted(set(doc_ids))
        found: dict[str, list[model.Record]] = {}
        for table in schema.RECORD_TABLES:
            where, params = ("", []) if ids is None else (
                f" WHERE {self._doc_filter(table)}", [ids])
            order = ", ".join(quote(k) for k in table.primary_key)
            rows = self._dicts(f"SELECT * FROM {quote(table.name)}{where} ORDER BY {order}",
                               params)
            mentions = self._mentions(table, ids) if table.mentions else {}
            try:
                records = [schema.record_from_row(table, row, mentions.get(row[table.key], []))
                           for row in rows]
                found[table.name] = spans.fill(table, records, spans.read_spans(
                    self._dicts, table, None if ids is None else [r[table.key] for r in rows]))
            except (pydantic.ValidationError, json.JSONDecodeError) as exc:
                raise StoreError(f"a stored row of {table.name} in {self.path} is not a valid "
                                 f"record ({exc}); was it edited by hand?") from exc
        return model.Extraction(**found)

    def _mentions(self, table: Table, ids: list[str] | None) -> dict[str, list[dict]]:
        link = schema.TABLES[table.mentions or ""]
        where, params = ("", []) if ids is None else (f' WHERE "doc_id" {self.IN_ARRAY}', [ids])
        rows = self._dicts(f"SELECT * FROM {quote(link.name)}{where} ORDER BY "
                           f"{', '.join(quote(k) for k in link.primary_key)}", params)
        grouped: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            grouped[row.pop(table.key)].append(row)
        return grouped

    def _doc_filter(self, table: Table) -> str:
        """SQL selecting the rows of a record table that come from the documents given
        as the one array parameter."""
        if "doc_id" in table.column_names:
            return f'"doc_id" {self.IN_ARRAY}'
        if table.mentions:
            return (f"{quote(table.key)} IN (SELECT {quote(table.key)} FROM "
                    f'{quote(table.mentions)} WHERE "doc_id" {self.IN_ARRAY})')
        return (f'{quote(table.key)} IN (SELECT "record_id" FROM "evidence" '
                f"WHERE \"record_kind\" = '{table.name}' AND \"doc_id\" {self.IN_ARRAY})")

    def write(self, extraction: model.Extraction) -> WriteReport:
        """Add an extraction in one transaction: all of it is written, or nothing.

        Documents already stored are skipped with their records (a rerun changes
        nothing); agreements, relations and events that are the same as stored ones are
        merged into them (``dyad.merge``), and their contradictions kept.
        """
        if self.read_only:
            raise StoreError(f"the store {self.path} is open read-only; open it with "
                             "read_only=False to write")
        with self._transaction():
            plan = plan_write(extraction, self.known_doc_ids(referenced_doc_ids(extraction)))
            plan, deletes = merge_with_stored(plan, self._fetch_records)
            for name, keys in deletes.items():
                self._delete(name, keys, plan)
            before = self._counts()
            new_docs = frozenset(d.doc_id for d in plan.records["documents"])
            for table in schema.RECORD_TABLES:
                self._write_table(table, plan.records[table.name], new_docs)
            after = self._counts()
        return WriteReport(documents_written=len(plan.records["documents"]),
                           documents_skipped=plan.documents_skipped,
                           rows={name: after[name] - before[name] for name in after})

    def _write_table(self, table: Table, records: list[model.Record],
                     new_docs: frozenset[str] = frozenset()) -> None:
        stored = self._stored_keys(table, [table.key_of(r) for r in records])
        new = [r for r in records if table.key_of(r) not in stored]
        self._insert(table, [schema.record_row(table, spans.as_stored(table, r)) for r in new],
                     unstored=True)
        self._insert(schema.EVIDENCE, [row for r in new for row in
                                       (*schema.evidence_rows(table, r), *spans.list_rows(table, r))],
                     new_docs=new_docs)
        if table.mentions:
            link = schema.TABLES[table.mentions]
            self._insert(link, [row for r in records for row in schema.mention_rows(table, r)],
                         new_docs=new_docs)
        if table.name == "actors":
            self._merge_aliases([r for r in records if table.key_of(r) in stored])

    def _merge_aliases(self, actors: list[model.Record]) -> None:
        """Actors seen again gain the aliases the new documents use."""
        if not actors:
            return
        stored = {r["actor_id"]: json.loads(r["aliases"]) for r in self._dicts(
            f'SELECT "actor_id", "aliases" FROM "actors" WHERE "actor_id" {self.IN_ARRAY}',
            [[a.actor_id for a in actors]])}
        for actor in actors:
            aliases = stored[actor.actor_id]
            extra = [a for a in actor.aliases if a not in aliases]
            if extra:
                self._run(f'UPDATE "actors" SET "aliases" = {self.JSON_PARAM} '
                          'WHERE "actor_id" = ?',
                          [json.dumps(aliases + extra, ensure_ascii=False), actor.actor_id])

    def _fetch_records(self, table_name: str, column: str, values: list[str]) -> list[model.Record]:
        """Stored records of a table whose ``column`` is one of ``values``, for merging:
        of a growing evidence list only the first span (``dyad.store.spans``)."""
        if not values:
            return []
        table = schema.TABLES[table_name]
        rows = self._dicts(f"SELECT * FROM {quote(table_name)} WHERE {quote(column)} "
                           f"{self.IN_ARRAY}", [list(values)])
        records = [schema.record_from_row(table, row) for row in rows]
        return spans.fill(table, records, spans.read_first_spans(
            self._dicts, table, [r[table.key] for r in rows]))

    def _delete(self, table_name: str, keys: list[str], plan: WritePlan) -> None:
        """Remove stored records that a merged record replaces, with their evidence rows;
        the spans of a growing list stay (rewritten in place) or move to the record that
        absorbed theirs, and the writer appends the merged record's new spans."""
        if not keys:
            return
        table = schema.TABLES[table_name]
        self._run(f"DELETE FROM {quote(table_name)} WHERE {quote(table.key)} {self.IN_ARRAY}",
                  [list(keys)])
        gone = list(keys)
        kinds, params = spans.own_kinds(table)
        if table_name in spans.GROWING:
            moves = plan.moves.get(table_name, {})
            for old, new in moves.items():
                rows = self._dicts(f'SELECT * FROM "evidence" WHERE {kinds} '
                                   'AND "record_id" = ?', [*params, old])
                self._insert(schema.EVIDENCE, [
                    tuple(new if c == "record_id" else r[c] for c in schema.EVIDENCE.column_names)
                    for r in rows])
            rewritten = {table.key_of(r) for r in plan.records[table_name]}
            gone = [k for k in keys if k in moves or k not in rewritten]
        if gone:
            self._run(f'DELETE FROM "evidence" WHERE {kinds} AND "record_id" '
                      f"{self.IN_ARRAY}", [*params, gone])

    def _stored_keys(self, table: Table, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        rows = self._dicts(f"SELECT {quote(table.key)} AS k FROM {quote(table.name)} "
                           f"WHERE {quote(table.key)} {self.IN_ARRAY}", [keys])
        return {r["k"] for r in rows}

    def _counts(self) -> dict[str, int]:
        names = [t.name for t in schema.TABLES.values() if t is not schema.META]
        sql = " UNION ALL ".join(f"SELECT '{n}' AS t, count(*) AS n FROM {quote(n)}"
                                 for n in names)
        return {r["t"]: r["n"] for r in self._dicts(sql)}
