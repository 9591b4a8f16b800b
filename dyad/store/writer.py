"""A DuckDB store's writes in a child process, replaced every ``WRITES_PER_PROCESS`` writes.

A process that writes a growing DuckDB file for hours keeps native memory that neither
DuckDB nor Python accounts for, even across reopened connections: an ingest parent that
wrote the store itself held 116 MB after its first reopen and 179 MB after one at 86,000
articles, while the same parent with its writes left out stayed at 110 MB
(``bench/RESULTS.md``, session 7).
A long ingest therefore hands its writes to a child; when a child has written its share
it exits, taking that memory with it, and the next one opens the file. The parent's own
connection is closed meanwhile, since DuckDB lets one process at a time open a file for
writing.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Iterable
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from dyad import errors
from dyad.errors import StoreError

if TYPE_CHECKING:
    from dyad.store.duckdb import DuckDBStore

# About 2,000 articles a child at 32 a batch, which 2 workers extract in half a minute;
# starting a child costs a quarter of a second. (A spare started ahead of time would hide
# that, but holds 46 MB of imports all the time.)
WRITES_PER_PROCESS = 64


class WriterProcess:
    """``write`` and ``known_doc_ids`` of a DuckDB store, served by child processes.

    Use as a context manager around the writes; the store's own connection is closed
    inside it and reopened on exit.

    Example:
        >>> with open_store("dyad.duckdb") as store, WriterProcess(store) as writer:
        ...     writer.write(extraction)
    """

    def __init__(self, store: DuckDBStore,
                 writes_per_process: int = WRITES_PER_PROCESS) -> None:
        self._store = store
        self._writes_per_process = max(1, writes_per_process)
        self._context = multiprocessing.get_context("spawn")  # the parent runs DuckDB threads
        self._child: tuple[Any, Connection] | None = None
        self._writes = 0

    def __enter__(self) -> WriterProcess:
        self._limit = self._store.release()
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            if self._child is not None:
                _stop(self._child)
        finally:
            self._child = None
            self._store.resume()

    def write(self, extraction: Any) -> Any:
        report = self._call("write", extraction)
        self._writes += 1
        if self._writes >= self._writes_per_process and self._child is not None:
            _stop(self._child)  # the next call starts a fresh one
            self._child, self._writes = None, 0
        return report

    def known_doc_ids(self, ids: Iterable[str]) -> set[str]:
        return self._call("known", list(ids))

    def _call(self, verb: str, payload: Any) -> Any:
        if self._child is None:
            self._child = self._start()
            self._ask(self._child, "open", (str(self._store.path), self._limit))
        return self._ask(self._child, verb, payload)

    def _start(self) -> tuple[Any, Connection]:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(child_end,), daemon=True,
                                        name="dyad-writer")
        process.start()
        child_end.close()
        return process, parent_end

    def _ask(self, child: tuple[Any, Connection], verb: str, payload: Any) -> Any:
        process, conn = child
        try:
            conn.send((verb, payload))
            status, value = conn.recv()
        except (EOFError, OSError) as exc:  # a broken pipe is an OSError
            raise StoreError(f"the process writing the store {self._store.path} died (exit "
                             f"code {process.exitcode}; out of memory?); what it wrote is "
                             "whole: rerun and stored documents are skipped") from exc
        if status == "error":
            kind, message, code = value
            raise getattr(errors, kind, errors.DyadError)(message, code=code)
        return value


def _stop(child: tuple[Any, Connection]) -> None:
    process, conn = child
    try:
        conn.send(("stop", None))
        conn.recv()
    except (EOFError, OSError):
        pass  # already gone: its last write committed or rolled back whole
    conn.close()
    process.join()


def _serve(conn: Connection) -> None:
    """The child: opens the store when told to, then serves until told to stop."""
    from dyad.store.duckdb import DuckDBStore

    store = None
    try:
        while True:
            verb, payload = conn.recv()
            try:
                if verb == "open":
                    path, limit = payload
                    store = DuckDBStore.open(path, memory_limit=limit, reopen=False)
                    value: Any = None
                elif verb == "write":
                    value = store.write(payload)
                elif verb == "known":
                    value = store.known_doc_ids(payload)
                else:  # stop
                    if store is not None:
                        store, closing = None, store
                        closing.close()
                    conn.send(("ok", None))
                    return
            except errors.DyadError as exc:
                conn.send(("error", (type(exc).__name__, exc.args[0], exc.code)))
                continue
            except Exception as exc:  # a bug: its traceback goes with the message
                conn.send(("error", ("StoreError", "the store's writer process failed: "
                                     + "".join(traceback.format_exception(exc)), None)))
                continue
            conn.send(("ok", value))
    except (EOFError, KeyboardInterrupt):
        pass  # the parent is gone or interrupted: an open transaction rolls back
    finally:
        if store is not None:
            store.close()
