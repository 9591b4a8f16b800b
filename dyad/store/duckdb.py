"""The embedded store: one DuckDB file holding the tables of ``dyad.store.schema``.

DuckDB lets one process write a file at a time; a second dyad process gets a StoreError
saying so. A store object is meant for one thread.
"""

from __future__ import annotations

import os
import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

import duckdb

from dyad import model
from dyad.errors import StoreError
from dyad.store import schema
from dyad.store.plan import WriteReport
from dyad.store.queries import Queries
from dyad.store.schema import Table, quote
from dyad.store.rows import RecordRows

EXPORT_SUFFIX = {"parquet": "parquet", "jsonl": "jsonl"}
_COPY_FORMAT = {"parquet": "parquet", "jsonl": "json"}  # DuckDB writes JSON one row a line
# Lists bound as one typed array per column: far faster than one INSERT per row.
_ARRAY_TYPE = {schema.VARCHAR: "VARCHAR[]", schema.JSON: "VARCHAR[]", schema.BIGINT: "BIGINT[]",
               schema.DOUBLE: "DOUBLE[]", schema.BOOLEAN: "BOOLEAN[]"}
_CURSOR_LOCK = threading.Lock()  # cursor() itself is not safe to call from two threads
# Caps on DuckDB's own memory, mostly its cache of the file's blocks, which otherwise grows
# with the store: a merge fetches stored records spread over the whole table, and each
# one brings its blocks into the cache. A writer reads little, so a small cap keeps a
# long ingest flat (24 MB: 15 MB less at the peak than 64 MB on a 51,000-article store,
# as fast; bench/RESULTS.md); a write or read that needs more gets the cap doubled, up to
# 1 GB. DYAD_DUCKDB_MEMORY sets both starting caps, e.g. "4GB" for large interactive queries.
WRITE_MEMORY_LIMIT = os.environ.get("DYAD_DUCKDB_MEMORY", "24MB")
READ_MEMORY_LIMIT = os.environ.get("DYAD_DUCKDB_MEMORY", "256MB")
# A writer that stays in its process (a store with open sessions, as under dyad serve)
# reopens its connection after this many writes: a fresh database instance hands back part
# of the native memory a long run of writes leaves behind. Not all of it, so an ingest
# hands its writes to a child that is replaced instead (dyad.store.writer; measured in
# bench/RESULTS.md, "Peak memory", sessions 5 and 7).
REOPEN_AFTER_WRITES = 64
_MEMORY_LIMIT_MAX_MB = 1024
_READ_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


class DuckDBStore(RecordRows, Queries):
    """Records of many documents in one DuckDB file. Open with ``DuckDBStore.open``."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path, *,
                 read_only: bool) -> None:
        self._con = connection
        self.path = path
        self._writing = False  # inside write(): a failed statement aborts the transaction
        self.read_only = read_only
        self._writes = 0  # since the connection was opened
        self._sessions = 0  # open session() cursors, which a reopen would close
        self._root = True  # False for a session's cursor: it never reopens the connection
        self._reopens = True  # False in a writer process (dyad.store.writer), replaced instead
        self._limit: str | None = None  # the memory cap as set (DuckDB reads it back rounded)

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False,
             memory_limit: str | None = None, reopen: bool = True) -> DuckDBStore:
        """``memory_limit``: DuckDB's starting cap instead of the default; ``reopen=False``
        keeps one connection however many writes (for a process that is replaced)."""
        path = Path(path).expanduser()
        if path.is_dir():
            raise StoreError(f"the store path {path} is a directory; pass a file name, "
                             f"e.g. --db {path / 'dyad.duckdb'}")
        if not path.parent.is_dir():
            raise StoreError(f"the folder {path.parent} of the store {path} does not exist; "
                             "create it first or choose another --db")
        if read_only and not path.exists():
            raise StoreError(f"there is no store at {path}; ingest documents into it first "
                             "or check the --db path")
        try:
            # DuckDB's buffer cache defaults to 80% of RAM and grows with the store over
            # a long ingest; a cap keeps a days-long run flat (DuckDB spills past it).
            limit = memory_limit or (READ_MEMORY_LIMIT if read_only else WRITE_MEMORY_LIMIT)
            connection = duckdb.connect(str(path), read_only=read_only,
                                        config={"memory_limit": limit})
        except duckdb.Error as exc:
            raise _open_error(path, exc) from exc
        store = cls(connection, path, read_only=read_only)
        store._reopens, store._limit = reopen, limit
        try:
            store._prepare()
        except BaseException:
            connection.close()
            raise
        return store

    def _reopen(self) -> None:
        """Close the connection and open the file again with the same memory cap."""
        self.release()
        self.resume()

    def close(self) -> None:
        self._con.close()

    @property
    def can_release(self) -> bool:
        """Whether ``release`` may hand the file to another process: writable, no sessions."""
        return not self.read_only and self._root and not self._sessions

    def release(self) -> str:
        """Close the connection so that another process can write the file
        (``dyad.store.writer``); returns the memory cap, for that process. ``resume``
        opens the file again."""
        if not self.can_release:
            raise StoreError(f"the store {self.path} is read-only or has open sessions; open "
                             "it writable and close its sessions before handing its writes "
                             "to another process")
        self._con.close()
        return self._limit

    def resume(self) -> None:
        """Open the file again after ``release``."""
        try:
            self._con = duckdb.connect(str(self.path), read_only=self.read_only,
                                       config={"memory_limit": self._limit})
        except duckdb.Error as exc:
            raise _open_error(self.path, exc) from exc
        self._writes = 0

    @contextmanager
    def session(self) -> Iterator[DuckDBStore]:
        """The same store on its own cursor, for one thread (one API request)."""
        with _CURSOR_LOCK:
            cursor = self._con.cursor()
            self._sessions += 1
        session = DuckDBStore(cursor, self.path, read_only=self.read_only)
        session._root = False
        try:
            yield session
        finally:
            cursor.close()
            with _CURSOR_LOCK:
                self._sessions -= 1

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"DuckDBStore({str(self.path)!r}, {mode})"

    # -- reading ------------------------------------------------------------------------

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Run one read-only statement with ``?`` parameters; rows as dicts."""
        try:
            statements = self._con.extract_statements(sql)
        except duckdb.Error as exc:
            raise StoreError(f"cannot parse the query: {exc}") from exc
        if len(statements) != 1 or statements[0].type not in _READ_STATEMENTS:
            raise StoreError("query() runs exactly one SELECT statement; pass values as "
                             "parameters and write through write()")
        return self._dicts(sql, params or [])

    def export(self, directory: str | Path, *, fmt: Literal["parquet", "jsonl"],
               tables: Iterable[str] | None = None) -> list[Path]:
        """Write each table (default: all) to DIRECTORY/<table>.<fmt> with DuckDB's COPY."""
        if fmt not in EXPORT_SUFFIX:
            raise StoreError(f"unknown export format {fmt!r}; use one of "
                             f"{', '.join(EXPORT_SUFFIX)}")
        root = Path(directory).expanduser()
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the export folder {root}: {exc.strerror}; "
                             "choose another folder") from exc
        root = root.resolve()
        names = list(schema.TABLES) if tables is None else list(tables)
        targets = []
        for name in names:  # check every target before writing any
            target = (root / f"{name}.{EXPORT_SUFFIX[fmt]}").resolve()
            if not target.is_relative_to(root):
                raise StoreError(f"exporting {name!r} would write {target}, outside {root}; "
                                 "refusing (remove the link or rename the table)")
            if name not in schema.TABLES:
                raise StoreError(f"unknown table {name!r}; export one of "
                                 f"{', '.join(schema.TABLES)}")
            targets.append((schema.TABLES[name], target))
        for table, target in targets:
            order = ", ".join(quote(k) for k in table.primary_key) or "1"
            literal = "'" + str(target).replace("'", "''") + "'"
            self._run(f"COPY (SELECT * FROM {quote(table.name)} ORDER BY {order}) "
                      f"TO {literal} (FORMAT {_COPY_FORMAT[fmt]})")
        return [t for _, t in targets]

    # -- writing (the shared path is dyad.store.rows) --------------------------------

    def write(self, extraction: model.Extraction) -> WriteReport:
        """``RecordRows.write``; a write that DuckDB's memory cap refuses (it rolled back
        whole) is tried again with the cap doubled."""
        while True:
            self._writing = True
            try:
                report = super().write(extraction)
                break
            except StoreError as exc:
                if not _out_of_memory(exc.__cause__) or not self._raise_memory_limit():
                    raise
            finally:
                self._writing = False
        self._writes += 1
        if (self._writes >= REOPEN_AFTER_WRITES and self._reopens and self._root
                and not self._sessions):
            self._reopen()
        return report

    def _raise_memory_limit(self) -> bool:
        """Double DuckDB's memory cap (up to 1 GB); False when it cannot grow."""
        (current,) = self._fetch("SELECT current_setting('memory_limit')")[0]
        mb = _megabytes(current)
        if mb is None or mb >= _MEMORY_LIMIT_MAX_MB:
            return False
        self._limit = f"{min(2 * mb, _MEMORY_LIMIT_MAX_MB)}MB"
        self._run(f"SET memory_limit = '{self._limit}'")
        return True

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            self._con.begin()
            try:
                yield
                self._con.commit()
            except BaseException:
                try:
                    self._con.rollback()
                except duckdb.TransactionException:
                    pass  # a failed commit has ended the transaction already
                raise
        except duckdb.Error as exc:
            raise StoreError(f"writing to the store {self.path} failed and nothing was "
                             f"written: {exc}") from exc

    def _insert(self, table: Table, rows: list[tuple[Any, ...]], *,
                unstored: bool = False, new_docs: frozenset[str] = frozenset()) -> None:
        """Insert-or-ignore ``rows`` (in column order), bound as one array per column.

        Tables have no key constraint here: DuckDB keeps a key's index in memory whole,
        so a store's memory would grow with its size. The rows whose key is stored
        already are found by a semi-join on this batch's key values instead. Rows keyed
        by one of ``new_docs`` (documents this transaction writes) cannot be stored yet:
        looking them up would scan, and hold in DuckDB's cache, key columns that grow
        with the store.
        """
        if not rows:
            return
        # ``unstored``: the writer has just looked the keys up; a second scan would repeat it
        if table.primary_key and not unstored:
            fresh, old = _by_document(table, rows, new_docs)
            fresh += self._unstored(table, old) if old else []
        else:
            fresh = rows
        if not fresh:
            return
        columns = ", ".join(quote(c.name) for c in table.columns)
        arrays = ", ".join(f"unnest(?::{_ARRAY_TYPE[c.type]})" for c in table.columns)
        self._run(f"INSERT INTO {quote(table.name)} ({columns}) SELECT {arrays}",
                  [list(col) for col in zip(*fresh)])

    def _unstored(self, table: Table, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """The first row of each key that the table does not hold yet, in input order."""
        positions = [table.column_names.index(k) for k in table.primary_key]
        by_key = {tuple(row[i] for i in positions): row for row in reversed(rows)}
        for key in self._stored_key_tuples(table, list(by_key)):
            del by_key[key]
        return list(reversed(by_key.values()))

    def _stored_key_tuples(self, table: Table, keys: list[tuple[Any, ...]]) -> set[tuple]:
        """Which of ``keys`` (tuples of the primary-key columns) the table holds."""
        types = {c.name: c.type for c in table.columns}
        text = [(i, k) for i, k in enumerate(table.primary_key) if types[k] == schema.VARCHAR]
        where = " AND ".join(f"{quote(k)} IN (SELECT unnest(?::VARCHAR[]))" for _, k in text)
        params = [sorted({key[i] for key in keys}) for i, _ in text]
        found = self._fetch(f"SELECT {', '.join(quote(k) for k in table.primary_key)} "
                            f"FROM {quote(table.name)} WHERE {where}", params)
        return set(found) & set(keys)

    # -- set-up -------------------------------------------------------------------------

    def _prepare(self) -> None:
        """Create the tables of a new store, or check that an existing one matches."""
        existing = {n for (n,) in self._fetch(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")}
        if schema.META.name not in existing:
            if existing or self.read_only:
                what = "has other tables" if existing else "is empty"
                raise StoreError(f"{self.path} is a DuckDB database but not a dyad store "
                                 f"(it {what}); give --db a new file name")
            self._create()
            return
        version = self._fetch('SELECT max("schema_version") FROM "meta"')[0][0]
        if version != schema.SCHEMA_VERSION:
            raise StoreError(f"the store {self.path} has schema version {version}; this dyad "
                             f"reads version {schema.SCHEMA_VERSION}: use a matching dyad or a "
                             "new --db")
        self._check_columns()

    def _create(self) -> None:
        self._con.begin()
        try:
            for table in schema.TABLES.values():
                self._run(table.ddl(key_constraint=False))
            self._run('INSERT INTO "meta" VALUES (?, ?, ?)',
                      [model.SCHEMA, schema.SCHEMA_VERSION,
                       datetime.now(timezone.utc).isoformat(timespec="seconds")])
            self._con.commit()
        except BaseException:
            self._con.rollback()
            raise

    def _check_columns(self) -> None:
        found: dict[str, set[str]] = defaultdict(set)
        for table_name, column in self._fetch(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = 'main'"):
            found[table_name].add(column)
        for table in schema.TABLES.values():
            missing = set(table.column_names) - found[table.name]
            if missing:
                raise StoreError(f"the store {self.path} lacks {table.name} columns "
                                 f"{', '.join(sorted(missing))}: it was made by another dyad "
                                 "version; export it with that version or use a new --db")

    # -- helpers ------------------------------------------------------------------------

    def _run(self, sql: str, params: Any = None) -> duckdb.DuckDBPyConnection:
        return self._con.execute(sql, params) if params is not None else self._con.execute(sql)

    def _fetch(self, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
        return self._run(sql, params).fetchall()

    def _dicts(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        """Rows as dicts; a read that the memory cap refuses is run again with it doubled."""
        while True:
            try:
                cursor = self._run(sql, params)
                names = [d[0] for d in cursor.description]
                return [dict(zip(names, row)) for row in cursor.fetchall()]
            except duckdb.Error as exc:
                if self._writing or not _out_of_memory(exc) or not self._raise_memory_limit():
                    raise StoreError(f"query on the store {self.path} failed: {exc}") from exc



def _out_of_memory(exc: BaseException | None) -> bool:
    """DuckDB ran out of its memory cap: in a statement, or when a commit pins blocks."""
    text = str(exc).lower()
    return isinstance(exc, duckdb.OutOfMemoryException) or (
        isinstance(exc, duckdb.Error) and any(
            words in text for words in ("out of memory", "failed to pin", "could not allocate",
                                        "failed to allocate")))


def _megabytes(setting: str) -> int | None:
    """DuckDB's spelling of a memory setting ("61.0 MiB", "1.2 GiB") in MB, or None."""
    found = re.fullmatch(r"\s*([\d.]+)\s*([KMGT]i?B)\s*", setting)
    if not found:
        return None
    scale = {"K": 1 / 1024, "M": 1, "G": 1024, "T": 1024 ** 2}[found.group(2)[0]]
    return int(float(found.group(1)) * scale)


def _by_document(table: Table, rows: list[tuple[Any, ...]],
                 new_docs: frozenset[str]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """``rows`` split into those of ``new_docs`` (one per key, in input order) and the rest."""
    if not new_docs or "doc_id" not in table.primary_key:
        return [], rows
    at = table.column_names.index("doc_id")
    keys = [table.column_names.index(k) for k in table.primary_key]
    fresh: dict[tuple, tuple[Any, ...]] = {}
    old = []
    for row in rows:
        if row[at] in new_docs:
            fresh.setdefault(tuple(row[i] for i in keys), row)
        else:
            old.append(row)
    return list(fresh.values()), old


def _open_error(path: Path, exc: duckdb.Error) -> StoreError:
    text = str(exc)
    if "lock" in text.lower():
        pid = re.search(r"PID (\d+)", text)
        who = f" (pid {pid.group(1)})" if pid else ""
        return StoreError(f"the store {path} is in use by another dyad process{who}; wait for "
                          "it to finish or use another --db")
    if "not a valid DuckDB database" in text:
        return StoreError(f"{path} is not a DuckDB database; give --db a new file name or the "
                          "path of an existing dyad store")
    if "different configuration" in text:
        return StoreError(f"the store {path} is already open in this process in another mode; "
                          "close that store before opening it again")
    return StoreError(f"cannot open the store {path}: {text}; check the path or use another --db")
