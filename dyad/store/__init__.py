"""Where records are kept: an embedded DuckDB file (default) or a PostgreSQL database.

    with open_store("dyad.duckdb") as store:
        store.write(extraction)
        store.summary()

Both backends share the schema, the write plan and the read queries.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Union

from dyad.store.duckdb import DuckDBStore
from dyad.store.plan import WriteReport

if TYPE_CHECKING:
    from dyad.store.postgres import PostgresStore

POSTGRES_SCHEMES = ("postgresql://", "postgres://")

Store = Union[DuckDBStore, "PostgresStore"]


def is_postgres_url(path: str | Path) -> bool:
    return str(path).startswith(POSTGRES_SCHEMES)


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    """Open (creating if needed) the store at ``path``: a DuckDB file name or a
    ``postgresql://user:password@host:port/database`` URL."""
    if is_postgres_url(path):
        from dyad.store.postgres import PostgresStore  # psycopg loads only when used

        return PostgresStore.open(str(path), read_only=read_only)
    return DuckDBStore.open(path, read_only=read_only)


def __getattr__(name: str):
    if name == "PostgresStore":
        from dyad.store.postgres import PostgresStore

        return PostgresStore
    raise AttributeError(f"module 'dyad.store' has no attribute {name!r}")


__all__ = ["DuckDBStore", "PostgresStore", "Store", "WriteReport", "is_postgres_url",
           "open_store"]
