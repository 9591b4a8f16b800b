"""Where records are kept: an embedded DuckDB file now, PostgreSQL later, one schema.

    with open_store("dyad.duckdb") as store:
        store.write(extraction)
        store.summary()
"""

from __future__ import annotations

from pathlib import Path

from dyad.errors import StoreError
from dyad.store.duckdb import DuckDBStore
from dyad.store.plan import WriteReport

_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def open_store(path: str | Path, *, read_only: bool = False) -> DuckDBStore:
    """Open (creating if needed) the store at ``path``: a DuckDB file name."""
    if str(path).startswith(_POSTGRES_SCHEMES):
        raise StoreError("PostgreSQL backend not available yet; pass the path of a DuckDB "
                         "file to --db, e.g. --db dyad.duckdb")
    return DuckDBStore.open(path, read_only=read_only)


__all__ = ["DuckDBStore", "WriteReport", "open_store"]
