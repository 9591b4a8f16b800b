"""The team store: the tables of ``dyad.store.schema`` in a PostgreSQL database.

Same schema, same write plan and same queries as the DuckDB file. Text columns use the
"C" collation so ISO dates and ids compare byte by byte, as in DuckDB, whatever the
database's locale. Writers take a transaction-level advisory lock, so two ingests into
one database serialise instead of racing; readers are never blocked.
"""

from __future__ import annotations

import queue
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg.types.string import TextLoader

from dyad import model
from dyad.errors import StoreError
from dyad.store import schema
from dyad.store.queries import Queries
from dyad.store.schema import Table, quote
from dyad.store.rows import RecordRows

TYPE_NAMES = {schema.VARCHAR: 'TEXT COLLATE "C"', schema.JSON: "JSONB",
              schema.DOUBLE: "DOUBLE PRECISION", schema.BIGINT: "BIGINT",
              schema.BOOLEAN: "BOOLEAN"}
_ARRAY_TYPE = {schema.VARCHAR: "text[]", schema.JSON: "text[]", schema.BIGINT: "bigint[]",
               schema.DOUBLE: "float8[]", schema.BOOLEAN: "boolean[]"}
WRITE_LOCK = 0x6479616431  # "dyad1": the advisory lock every writer holds
POOL_SIZE = 8
"""Connections kept open for concurrent readers (one per API worker thread at a time)."""


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://..."
    host = parts.get("host", "localhost")
    return f"postgresql://{parts.get('user', '')}@{host}:{parts.get('port', 5432)}/" \
           f"{parts.get('dbname', '')}".replace("//@", "//")


def _connect(url: str, *, read_only: bool) -> psycopg.Connection:
    options = "-c default_transaction_read_only=on" if read_only else None
    try:
        con = psycopg.connect(url, autocommit=True, options=options, connect_timeout=10)
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to the PostgreSQL store {redact(url)}: "
                         f"{str(exc).strip()}; check that the server runs and the URL "
                         "(user, password, database) is right") from exc
    # JSON comes back as text, as from DuckDB, so one row reader serves both backends.
    for name in ("json", "jsonb"):
        con.adapters.register_loader(name, TextLoader)
    return con


class PostgresStore(RecordRows, Queries):
    """Records in a PostgreSQL database. Open with ``PostgresStore.open(url)``."""

    def __init__(self, connection: psycopg.Connection, url: str, *, read_only: bool,
                 pool: queue.LifoQueue | None = None) -> None:
        self._con = connection
        self.url = url
        self.path = redact(url)  # what messages and the CLI show, as for a DuckDB file
        self.read_only = read_only
        self._pool = pool

    @classmethod
    def open(cls, url: str, *, read_only: bool = False) -> PostgresStore:
        store = cls(_connect(url, read_only=read_only), url, read_only=read_only,
                    pool=queue.LifoQueue(maxsize=POOL_SIZE))
        try:
            store._prepare()
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        self._con.close()
        while self._pool is not None and not self._pool.empty():
            self._pool.get_nowait().close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"PostgresStore({self.path!r}, {mode})"

    @contextmanager
    def session(self) -> Iterator[PostgresStore]:
        """The same store on a pooled connection of its own, for one thread."""
        assert self._pool is not None, "session() is called on the opened store"
        try:
            con = self._pool.get_nowait()
        except queue.Empty:
            con = _connect(self.url, read_only=self.read_only)
        try:
            yield PostgresStore(con, self.url, read_only=self.read_only)
        finally:
            if con.closed or con.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                con.close()
            else:
                try:
                    self._pool.put_nowait(con)
                except queue.Full:
                    con.close()

    # -- reading ------------------------------------------------------------------------

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Run one read-only statement with ``?`` parameters; rows as dicts.

        The extended protocol refuses several statements in one call, and the statement
        runs in a READ ONLY transaction, so nothing can be written through here.
        """
        try:
            with self._con.transaction():
                self._con.execute("SET TRANSACTION READ ONLY")
                cursor = self._con.execute(_placeholders(sql), params or [], prepare=False)
                names = [d.name for d in cursor.description or []]
                return [dict(zip(names, row)) for row in cursor.fetchall()]
        except psycopg.Error as exc:
            raise StoreError(f"query() runs exactly one read-only SELECT with values passed "
                             f"as parameters; the server said: {str(exc).strip()}") from exc

    def export(self, directory: str | Path, *, fmt: Literal["parquet", "jsonl"],
               tables: Iterable[str] | None = None) -> list[Path]:
        """Write each table to DIRECTORY/<table>.<fmt>, through DuckDB's writers, one
        table at a time, so both backends export byte-compatible files."""
        import duckdb

        from dyad.store.duckdb import DuckDBStore

        names = list(schema.TABLES) if tables is None else list(tables)
        unknown = [n for n in names if n not in schema.TABLES]
        if unknown:
            raise StoreError(f"unknown table {unknown[0]!r}; export one of "
                             f"{', '.join(schema.TABLES)}")
        files = []
        with DuckDBStore(duckdb.connect(":memory:"), Path(":memory:"), read_only=False) as mem:
            mem._create()
            for name in names:
                table = schema.TABLES[name]
                columns = ", ".join(quote(c) for c in table.column_names)
                rows = [tuple(r.values()) for r in self._dicts(
                    f"SELECT {columns} FROM {quote(name)}")]
                mem._run(f"DELETE FROM {quote(name)}")
                if table.primary_key:
                    mem._insert(table, rows)
                else:  # meta: one row, no key for ON CONFLICT
                    for row in rows:
                        mem._run(f"INSERT INTO {quote(name)} VALUES "
                                 f"({', '.join('?' for _ in row)})", list(row))
                files += mem.export(directory, fmt=fmt, tables=[name])
                mem._run(f"DELETE FROM {quote(name)}")
        return files

    # -- writing (the shared path is dyad.store.rows) --------------------------------

    IN_ARRAY = "= ANY(?::text[])"
    JSON_PARAM = "?::jsonb"

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            with self._con.transaction():
                self._run("SELECT pg_advisory_xact_lock(?)", [WRITE_LOCK])  # one writer
                yield
        except psycopg.Error as exc:
            raise StoreError(f"writing to the store {self.path} failed and nothing was "
                             f"written: {str(exc).strip()}") from exc

    def _insert(self, table: Table, rows: list[tuple[Any, ...]], *,
                unstored: bool = False, new_docs: frozenset[str] = frozenset()) -> None:
        """Insert-or-ignore ``rows``, bound as one array per column (one statement); the
        key constraint ignores stored rows, so ``new_docs`` needs no special path."""
        if not rows:
            return
        rows = list(dict.fromkeys(rows))
        names = [f"c{i}" for i in range(len(table.columns))]
        values = ", ".join(f"{n}::jsonb" if c.type == schema.JSON else n
                           for n, c in zip(names, table.columns))
        arrays = ", ".join(f"?::{_ARRAY_TYPE[c.type]}" for c in table.columns)
        self._run(f"INSERT INTO {quote(table.name)} "
                  f"({', '.join(quote(c) for c in table.column_names)}) "
                  f"SELECT {values} FROM unnest({arrays}) AS u({', '.join(names)}) "
                  "ON CONFLICT DO NOTHING", [list(col) for col in zip(*rows)])

    # -- set-up -------------------------------------------------------------------------

    def _prepare(self) -> None:
        existing = {r["table_name"] for r in self._dicts(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema()")}
        if schema.META.name not in existing:
            if existing or self.read_only:
                what = "has other tables" if existing else "has no dyad tables"
                raise StoreError(f"the database {self.path} is not a dyad store (it {what}); "
                                 "give --db an empty database")
            self._create()
            return
        version = self._dicts('SELECT max("schema_version") AS v FROM "meta"')[0]["v"]
        if version != schema.SCHEMA_VERSION:
            raise StoreError(f"the store {self.path} has schema version {version}; this dyad "
                             f"reads version {schema.SCHEMA_VERSION}: use a matching dyad or "
                             "a new database")
        found: dict[str, set[str]] = defaultdict(set)
        for r in self._dicts("SELECT table_name, column_name FROM information_schema.columns "
                             "WHERE table_schema = current_schema()"):
            found[r["table_name"]].add(r["column_name"])
        for table in schema.TABLES.values():
            missing = set(table.column_names) - found[table.name]
            if missing:
                raise StoreError(f"the store {self.path} lacks {table.name} columns "
                                 f"{', '.join(sorted(missing))}: it was made by another dyad "
                                 "version; export it with that version or use a new database")

    def _create(self) -> None:
        with self._con.transaction():
            self._run("SELECT pg_advisory_xact_lock(?)", [WRITE_LOCK])
            for table in schema.TABLES.values():
                self._run(table.ddl(TYPE_NAMES))
                for ddl in table.index_ddl():
                    self._run(ddl)
            if not self._dicts('SELECT 1 FROM "meta"'):  # a racing process may have won
                self._run('INSERT INTO "meta" VALUES (?, ?, ?)',
                          [model.SCHEMA, schema.SCHEMA_VERSION,
                           datetime.now(timezone.utc).isoformat(timespec="seconds")])

    # -- helpers ------------------------------------------------------------------------

    def _run(self, sql: str, params: Any = None) -> psycopg.Cursor:
        return self._con.execute(_placeholders(sql), params)

    def _dicts(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        try:
            cursor = self._run(sql, params if params is not None else [])
            names = [d.name for d in cursor.description or []]
            return [dict(zip(names, row)) for row in cursor.fetchall()]
        except psycopg.Error as exc:
            raise StoreError(f"query on the store {self.path} failed: "
                             f"{str(exc).strip()}") from exc


def _placeholders(sql: str) -> str:
    """``?`` (DuckDB's style, used by the shared SQL) to psycopg's ``%s``."""
    return sql.replace("%", "%%").replace("?", "%s")
