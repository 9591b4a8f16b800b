"""Corpus scale: the batch engines, resumability, loading, and parallel ingest.

Integration tests on the real pipeline over a small synthetic corpus (12 articles from
bench/gen_corpus.py in 3 partitions: plain JSONL, gzipped JSONL with a bad line, and
Parquet). Dask and Spark run for real in local mode; Spark needs Java 17
(scripts/system.sh installs it).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from dyad.batch import io, run_batch
from dyad.batch.partition import OUTPUT_TABLES
from dyad.corpus import date_filter, ingest_files
from dyad.errors import ConfigError
from dyad.ingest import read_paths
from dyad.model import Document
from dyad.store import open_store
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
SIZE = 5  # documents per partition


def _gen():
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """a.jsonl: 5 articles; b.jsonl.gz: 4 articles and a bad line; c.parquet: 3 articles."""
    docs = list(_gen().articles(12, seed=7))
    root = tmp_path_factory.mktemp("corpus")
    (root / "a.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs[:5]))
    with gzip.open(root / "b.jsonl.gz", "wt") as f:
        f.write("".join(json.dumps(d) + "\n" for d in docs[5:9]) + "{not json\n")
    staging = root / "_c.jsonl"  # folders starting with _ or . are not input
    staging.write_text("".join(json.dumps(d) + "\n" for d in docs[9:]))
    duckdb.execute(f"COPY (SELECT * FROM read_json('{staging}')) TO '{root / 'c.parquet'}' "
                   "(FORMAT parquet)")
    return root


def table_rows(output: Path) -> dict[str, list[tuple]]:
    """Every row of every table under a batch output, sorted."""
    found = {}
    for name in OUTPUT_TABLES:
        rows = duckdb.execute(f"SELECT * FROM read_parquet('{output / name}/*.parquet')").fetchall()
        found[name] = sorted(rows, key=repr)
    return found


@pytest.fixture(scope="module")
def spark_session():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[2]").appName("dyad-tests")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def local_output(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local") / "out"
    report = run_batch(str(corpus), out, engine="local", partition_size=SIZE, workers=2)
    assert (report.partitions, report.written, report.documents) == (3, 3, 12)
    return out


def test_partitions_cover_the_input_in_order(corpus):
    parts = io.plan_partitions(str(corpus), SIZE)
    assert [(Path(p.path).name, p.start, p.stop) for p in parts] == [
        ("a.jsonl", 0, 5), ("b.jsonl.gz", 0, 5), ("c.parquet", 0, 3)]
    assert parts == io.plan_partitions(str(corpus), SIZE)  # deterministic keys
    jsonl = [i for p in parts[:2] for i in io.read_partition(p)]
    direct = list(read_paths([str(corpus / "a.jsonl"), str(corpus / "b.jsonl.gz")]))
    assert jsonl == direct  # batch reads JSONL exactly as dyad ingest does


def test_local_output_has_the_store_tables(local_output):
    rows = table_rows(local_output)
    assert len(rows["documents"]) == 12
    assert [r[-1] for r in rows["failures"]][0].find("line 5") > 0
    assert rows["actors"] and rows["actor_mentions"]
    assert not list((local_output / io.TMP).glob("*"))


@pytest.mark.parametrize("engine", ["dask", "spark"])
def test_engines_give_identical_rows(engine, corpus, local_output, tmp_path, request):
    if engine == "spark":
        request.getfixturevalue("spark_session")
    report = run_batch(str(corpus), tmp_path / "out", engine=engine, partition_size=SIZE,
                       workers=2)
    assert (report.written, report.documents, report.failures) == (3, 12, 1)
    assert table_rows(tmp_path / "out") == table_rows(local_output)


def test_rerun_skips_written_partitions(corpus, local_output):
    files = sorted(local_output.glob("*/part-*.parquet"))
    stamps = [f.stat().st_mtime_ns for f in files]
    report = run_batch(str(corpus), local_output, engine="local", partition_size=SIZE,
                       workers=1)
    assert (report.written, report.skipped) == (0, 3)
    assert [f.stat().st_mtime_ns for f in files] == stamps


def test_another_partition_size_is_refused(corpus, local_output):
    with pytest.raises(ConfigError, match="partition-size 5"):
        run_batch(str(corpus), local_output, engine="local", partition_size=4)


def test_killed_run_then_rerun_gives_the_same_rows(corpus, local_output, tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "dyad.cli", "batch", str(corpus), str(out), "--engine",
           "local", "--workers", "1", "--partition-size", str(SIZE), "--quiet"]
    proc = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while not list(out.glob("documents/part-*.parquet")):
        assert proc.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline, "no partition written in time"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its worker process, mid-run
    proc.wait()
    assert 1 <= len(io.written_keys(out)) < 3
    report = run_batch(str(corpus), out, engine="local", partition_size=SIZE, workers=1)
    assert report.written == 3 - report.skipped and report.skipped >= 1
    assert table_rows(out) == table_rows(local_output)
    assert not list(out.glob("*/*.tmp")) and not list((out / io.TMP).glob("*"))


def test_load_is_idempotent(local_output, tmp_path):
    from dyad.batch.load import load

    with open_store(tmp_path / "dyad.duckdb") as store:
        first = load(local_output, store=store)
        counts = store.summary()
        again = load(local_output, store=store)
        assert store.summary() == counts
        stored = store.read_extraction()
    assert (first.loaded, first.documents_written) == (3, 12)
    assert (again.loaded, again.skipped) == (0, 3)
    assert len(stored.documents) == 12 and len(stored.failures) == 1
    rows = table_rows(local_output)
    assert {a.actor_id for a in stored.actors} == {r[0] for r in rows["actors"]}
    assert sum(len(a.mentions) for a in stored.actors) == len(rows["actor_mentions"])


def test_load_cli_refuses_a_folder_not_written_by_batch(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "dyad.cli", "load", str(tmp_path),
                           "--db", str(tmp_path / "x.duckdb")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1 and "not the output of dyad batch" in proc.stderr


def _store_tables(path: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
                for t in OUTPUT_TABLES}


def test_ingest_with_two_workers_stores_the_same(corpus, tmp_path):
    inputs = [str(corpus / "a.jsonl"), str(corpus / "b.jsonl.gz")]
    reports = []
    for workers in (1, 2):
        with open_store(tmp_path / f"w{workers}.duckdb") as store:
            reports.append(ingest_files(inputs, store=store, workers=workers, batch_documents=2))
    assert [r.documents_written for r in reports] == [9, 9]
    assert [len(r.failures) for r in reports] == [1, 1]
    assert _store_tables(tmp_path / "w1.duckdb") == _store_tables(tmp_path / "w2.duckdb")


def test_ingest_workers_replaced_midway_store_the_same(corpus, tmp_path, monkeypatch):
    """Each worker is replaced after WORKER_BATCHES batches (it takes the native memory a
    long run leaves behind with it); the replacement loses and repeats nothing."""
    import dyad.corpus as corpus_module

    monkeypatch.setattr(corpus_module, "WORKER_BATCHES", 1)
    inputs = [str(corpus / "a.jsonl"), str(corpus / "b.jsonl.gz")]
    for workers in (1, 2):
        with open_store(tmp_path / f"w{workers}.duckdb") as store:
            report = ingest_files(inputs, store=store, workers=workers, batch_documents=4)
        assert (report.documents_written, len(report.failures)) == (9, 1)
    assert _store_tables(tmp_path / "w1.duckdb") == _store_tables(tmp_path / "w2.duckdb")


def test_ingest_rerun_skips_what_is_stored(corpus, tmp_path):
    with open_store(tmp_path / "dyad.duckdb") as store:
        first = ingest_files([str(corpus / "a.jsonl")], store=store, limit=3)
        second = ingest_files([str(corpus / "a.jsonl")], store=store)
    assert (first.documents_written, second.documents_written,
            second.documents_skipped) == (3, 2, 3)


@pytest.mark.parametrize("since, until", [("2024-03-01", "2024-08-31"), ("2024-06", None),
                                          (None, "2024-04-15"), ("2024", "2024")])
def test_ingest_since_until_keeps_the_dated_range(corpus, tmp_path, since, until):
    docs = [d for d in read_paths([str(corpus / "a.jsonl")]) if isinstance(d, Document)]
    expected = {d.doc_id for d in docs if (since is None or d.date >= since[:7])
                and (until is None or d.date[:len(until)] <= until)}
    with open_store(tmp_path / "dyad.duckdb") as store:
        report = ingest_files([str(corpus / "a.jsonl")], store=store, since=since, until=until)
        stored = {d.doc_id for d in store.read_extraction().documents}
    assert stored == expected
    assert report.documents_out_of_range == len(docs) - len(expected)


@pytest.mark.parametrize("date, kept", [
    ("2024-05-02", False), ("2024-05-03", True), ("2024-05", True), ("2024", True),
    ("2024-06-01", False), (None, False), ("", False)])
def test_date_filter_overlaps_partial_dates(date, kept):
    assert date_filter("2024-05-03", "2024-05")(date) is kept


@pytest.mark.parametrize("since, until", [("May 2024", None), (None, "2024/05/01"),
                                          ("2024-13", None), (None, "2024-02-30"),
                                          ("2024-06", "2024-05")])
def test_bad_date_options_say_how_to_write_them(since, until):
    with pytest.raises(ConfigError, match="--since|--until"):
        date_filter(since, until)


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_skips_repeats_near_and_far_with_a_small_window(tmp_path, monkeypatch, workers):
    """The repeat check remembers only a window of recent ids (so the parent stays flat);
    a repeat inside it is caught there, an older one by the store, and none is written twice."""
    import dyad.corpus as corpus_module

    monkeypatch.setattr(corpus_module, "CHECK_CHUNK", 8)
    window = corpus_module.recent_window(workers, 4)
    distances = [1, 7, window // 2, window - 1, window + 5, 3 * window]
    lines = [{"id": f"n{i}", "text": f"Nothing was reported on day {i}.", "date": "2024-01-02"}
             for i in range(120)]
    for k, d in enumerate(distances):  # document k*10 comes back d lines later
        lines.insert(min(k * 10 + d, len(lines)), dict(lines[k * 10]))
    path = tmp_path / "repeats.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    with open_store(tmp_path / "dyad.duckdb") as store:
        report = ingest_files([str(path)], store=store, workers=workers, batch_documents=4)
        stored = [d.doc_id for d in store.read_extraction().documents]
    assert report.documents_written == 120 and report.documents_skipped == len(distances)
    assert sorted(stored) == sorted(f"n{i}" for i in range(120))
