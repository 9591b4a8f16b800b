"""Writes handed to a child process (``dyad.store.writer``): the same store as writing in
process, errors that come back as they were raised, and a dead child reported."""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

import pytest

from dyad.errors import StoreError
from dyad.store import open_store
from dyad.store.writer import WriterProcess
from tests.test_store import _null_event_type, extraction
from tests.test_store import snapshot as _snapshot

BATCHES = [("d2",), ("d1", "d2"), ("d3",), ("d1",)]


def snapshot(store) -> dict[str, list[dict]]:
    """Every table but ``meta``, which holds the store's creation time."""
    return {name: rows for name, rows in _snapshot(store).items() if name != "meta"}


@pytest.mark.parametrize("writes_per_process", [1, 2, 64])
def test_child_writes_store_what_writing_in_process_stores(tmp_path: Path,
                                                           writes_per_process: int) -> None:
    with open_store(tmp_path / "here.duckdb") as here:
        reports = [here.write(extraction(*docs)) for docs in BATCHES]
        expected = snapshot(here)
    with open_store(tmp_path / "child.duckdb") as store:
        with WriterProcess(store, writes_per_process) as writer:
            got = [writer.write(extraction(*docs)) for docs in BATCHES]
            known = writer.known_doc_ids(["d1", "d3", "d9"])
        # the store's own connection is open again, and sees what the children wrote
        assert snapshot(store) == expected
    assert got == reports and known == {"d1", "d3"}


def test_a_refused_write_comes_back_as_the_same_error(tmp_path: Path) -> None:
    with open_store(tmp_path / "dyad.duckdb") as store:
        with WriterProcess(store) as writer:
            writer.write(extraction("d2"))
            with pytest.raises(StoreError, match="nothing was written") as caught:
                writer.write(_null_event_type(extraction("d1", "d2")))
            assert caught.value.code == "D400"
            assert writer.write(extraction("d1", "d2")).documents_written == 1  # still serves
        assert len(snapshot(store)["documents"]) == 2


def test_a_killed_writer_is_reported_and_its_last_write_is_whole(tmp_path: Path) -> None:
    with open_store(tmp_path / "dyad.duckdb") as store:
        with WriterProcess(store) as writer:
            writer.write(extraction("d2"))
            for child in multiprocessing.active_children():
                if child.name == "dyad-writer":
                    os.kill(child.pid, signal.SIGKILL)
            with pytest.raises(StoreError, match="died.*rerun"):
                writer.write(extraction("d1"))
        assert [r["doc_id"] for r in snapshot(store)["documents"]] == ["d2"]


def test_a_store_with_open_sessions_is_not_handed_over(tmp_path: Path) -> None:
    with open_store(tmp_path / "dyad.duckdb") as store, store.session():
        assert not store.can_release
        with pytest.raises(StoreError, match="sessions"):
            WriterProcess(store).__enter__()


def test_an_ingest_beside_an_open_session_writes_in_process(tmp_path: Path) -> None:
    """A store serving readers (``dyad serve``) cannot hand its file to a child."""
    from dyad.corpus import ingest_files

    text = tmp_path / "a.txt"
    text.write_text("Greece and France signed a defence pact on Tuesday.", "utf-8")
    with open_store(tmp_path / "dyad.duckdb") as store, store.session() as reader:
        report = ingest_files([str(text)], store=store)
        assert report.documents_written == 1 and len(reader.read_extraction().documents) == 1


def test_release_and_resume_keep_the_memory_cap(tmp_path: Path) -> None:
    """DuckDB reads a cap back rounded down ("22.8 MiB" for 24 MB): reopening with what it
    reads would shrink the cap a little each time."""
    with open_store(tmp_path / "dyad.duckdb") as store:
        cap = "SELECT current_setting('memory_limit') AS cap"
        first = store.query(cap)[0]["cap"]
        for _ in range(4):
            store.release()
            store.resume()
        assert store.query(cap)[0]["cap"] == first
