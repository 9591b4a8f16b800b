"""The command line end to end, on the real pipeline, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import jsonschema
import pytest

from dyad.model import json_schema
from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow
DYAD = [sys.executable, "-m", "dyad.cli"]


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([*DYAD, *args], capture_output=True, text=True, cwd=cwd or ROOT,
                          timeout=300)


def example_files():
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".jsonl", ".html"})


@pytest.fixture(scope="module")
def all_examples_json():
    proc = run("extract", str(EXAMPLES), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_extract_prints_valid_dyad1(all_examples_json):
    out = all_examples_json
    jsonschema.validate(out, json_schema())
    assert out["schema"] == "dyad/1"
    assert len(out["documents"]) >= 8
    assert not out["failures"], out["failures"]


def test_extract_offsets_are_evidence(all_examples_json):
    texts = {d["doc_id"]: d["text"] for d in all_examples_json["documents"]}
    for actor in all_examples_json["actors"]:
        for m in actor["mentions"]:
            assert texts[m["doc_id"]][m["start"]:m["end"]] == m["text"]
    for ev in all_examples_json["events"]:
        e = ev["evidence"]
        assert texts[e["doc_id"]][e["start"]:e["end"]] == e["text"]


def test_extract_finds_countries_with_iso_codes(all_examples_json):
    countries = {a["country"] for a in all_examples_json["actors"] if a["kind"] == "state"}
    assert {"GRC", "FRA", "DJI", "USA", "CHN"} <= countries


def test_datelines_are_parsed(all_examples_json):
    datelines = [d["dateline"] for d in all_examples_json["documents"] if d["dateline"]]
    assert len(datelines) >= 6
    for dl in datelines:
        assert dl["place"] and dl["place"][0].isupper()


@pytest.mark.parametrize("content, code", [
    (b"", "D101"),
    (b"\x00\x01\x02\xff\xfe binary \x00", "D102"),
])
def test_bad_single_file_is_one_line_exit_1(tmp_path, content, code):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    proc = run("extract", str(bad), "--format", "json")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and code in lines[0] and "bad.txt" in lines[0]
    assert "Traceback" not in proc.stderr


def test_unreadable_path_is_one_line_exit_1(tmp_path):
    proc = run("extract", str(tmp_path / "missing.txt"))
    assert proc.returncode == 1
    assert "missing.txt" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_multi_file_run_keeps_good_files_and_lists_bad(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("PARIS, May 2 (AFP) - France and Greece signed a defence pact.")
    broken = tmp_path / "feed.jsonl"
    broken.write_text('{"id": "a1", "text": "Japan and South Korea held talks in Seoul."}\n'
                      '{"id": "a2", "text": \n')
    proc = run("extract", str(good), str(broken), "--format", "json")
    assert proc.returncode == 1
    out = json.loads(proc.stdout)
    assert {d["doc_id"] for d in out["documents"]} >= {"a1"}
    assert len(out["documents"]) == 2
    assert any("feed.jsonl" in f["message"] and "2" in f["message"] for f in out["failures"])


def test_ingest_twice_stores_once_and_exports(tmp_path):
    db = tmp_path / "t.duckdb"
    first = run("ingest", str(EXAMPLES), "--db", str(db), "--format", "json")
    assert first.returncode == 0, first.stderr
    second = run("ingest", str(EXAMPLES), "--db", str(db), "--format", "json")
    assert second.returncode == 0, second.stderr
    one, two = json.loads(first.stdout), json.loads(second.stdout)
    assert one["ingest"]["documents_written"] >= 8
    assert two["ingest"]["documents_written"] == 0
    assert two["store"] == one["store"]
    with duckdb.connect(str(db), read_only=True) as con:
        n = con.execute("select count(*), count(distinct doc_id) from documents").fetchone()
    assert n[0] == n[1] == one["ingest"]["documents_written"]
    out = tmp_path / "export"
    proc = run("export", str(out), "--db", str(db), "--format", "parquet")
    assert proc.returncode == 0, proc.stderr
    with duckdb.connect() as con:
        rows = con.execute(f"select count(*) from '{out}/documents.parquet'").fetchone()[0]
    assert rows == one["ingest"]["documents_written"]


def test_summary_is_readable(tmp_path):
    db = tmp_path / "s.duckdb"
    run("ingest", str(EXAMPLES / "djibouti_foreign_bases.txt"), "--db", str(db), "--quiet")
    proc = run("summary", "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    assert "documents" in proc.stdout and "actors" in proc.stdout
