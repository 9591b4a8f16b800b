"""The PostgreSQL store on a real server (tests/pg.py): the DuckDB store's contract, and
the API answering the same as over a DuckDB file."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient

from dyad.api import create_app
from dyad.errors import StoreError
from dyad.store import PostgresStore, open_store, schema
from dyad.store.postgres import redact
from tests import api_data
from tests.pg import pg_server, pg_url  # noqa: F401 - fixtures
from tests.test_store import extraction, normal

pytestmark = pytest.mark.slow  # a real server starts once per session (about a second)


def test_open_store_dispatches_postgres_urls(pg_url: str) -> None:
    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore) and not store.read_only
        assert store.summary()["documents"] == 0


def test_write_then_read_gives_back_the_extraction(pg_url: str) -> None:
    with open_store(pg_url) as store:
        report = store.write(extraction("d1", "d2"))
        assert report.documents_written == 2 and report.rows["events"] == 2
        assert normal(store.read_extraction()) == normal(extraction("d1", "d2"))
        assert normal(store.read_extraction(["d2"])) == normal(
            open_duck_read(extraction("d1", "d2"), ["d2"]))


def open_duck_read(ext, doc_ids):
    import tempfile

    with tempfile.TemporaryDirectory() as d, open_store(Path(d) / "x.duckdb") as duck:
        duck.write(ext)
        return duck.read_extraction(doc_ids)


def test_rewriting_changes_nothing_and_new_documents_add_only_theirs(pg_url: str) -> None:
    with open_store(pg_url) as store:
        store.write(extraction("d1"))
        again = store.write(extraction("d1"))
        assert again.documents_written == 0 and again.documents_skipped == 1
        assert set(again.rows.values()) == {0}
        more = store.write(extraction("d1", "d2", aliases=("Hellas",)))
        assert more.documents_written == 1 and more.rows["events"] == 1
        actors = {a.actor_id: a for a in store.read_extraction().actors}
        assert actors["GRC"].aliases == ["Hellenic Republic", "Hellas"]
        assert len(actors["GRC"].mentions) == 2


def test_summary_equals_duckdbs(pg_url: str, tmp_path: Path) -> None:
    data = api_data.build()
    with open_store(pg_url) as pg, open_store(tmp_path / "d.duckdb") as duck:
        pg.write(data)
        duck.write(data)
        assert pg.summary() == duck.summary()
        assert pg.dyad_summary("GRC", "FRA") == duck.dyad_summary("GRC", "FRA")
        assert pg.actor("FRA") == duck.actor("FRA")
        assert pg.document("d1") == duck.document("d1")


def test_failed_write_leaves_nothing(pg_url: str) -> None:
    with open_store(pg_url) as store:
        store.write(extraction("d1"))
        with psycopg.connect(pg_url, autocommit=True) as con:
            con.execute('ALTER TABLE "relations" ADD CONSTRAINT no_claims '
                        "CHECK (relation_type <> 'territorial_claim')")
        with pytest.raises(StoreError, match="nothing was written"):
            store.write(extraction("d1", "d2"))
        assert store.known_doc_ids(["d1", "d2"]) == {"d1"}
        assert store.summary()["events"] == 1


def test_read_only_store_refuses_writes(pg_url: str) -> None:
    open_store(pg_url).close()  # creates the tables
    with open_store(pg_url, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.write(extraction("d1"))
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):  # the session refuses too
            store._run('DELETE FROM "documents"')


def test_query_is_parameterised_and_read_only(pg_url: str) -> None:
    with open_store(pg_url) as store:
        store.write(extraction("d1"))
        assert store.query('SELECT "event_id" FROM "events" WHERE "event_type" = ?',
                           ["AGREE"]) == [{"event_id": "ev-1"}]
        for sql in ('DELETE FROM "events"', 'SELECT 1; DELETE FROM "events"'):
            with pytest.raises(StoreError):
                store.query(sql)
        assert store.summary()["events"] == 1


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_export_matches_duckdbs(fmt: str, pg_url: str, tmp_path: Path) -> None:
    import duckdb

    data = extraction("d1", "d2")
    with open_store(pg_url) as pg, open_store(tmp_path / "d.duckdb") as duck:
        pg.write(data)
        duck.write(data)
        ours = pg.export(tmp_path / "pg", fmt=fmt)
        theirs = duck.export(tmp_path / "duck", fmt=fmt)
    assert [p.name for p in ours] == [p.name for p in theirs]
    reader = "read_json_auto" if fmt == "jsonl" else "read_parquet"
    for a, b in zip(ours, theirs):
        if a.stem in ("meta",):
            continue
        rows = [duckdb.sql(f"SELECT * FROM {reader}('{p}') ORDER BY ALL").fetchall()
                for p in (a, b)]
        assert _canon(rows[0]) == _canon(rows[1]), a.name


def _canon(rows):
    """JSONB reorders keys and respaces text: compare JSON cells by value."""
    def cell(v):
        if isinstance(v, str) and v[:1] in "[{":
            try:
                return json.dumps(json.loads(v), sort_keys=True)
            except ValueError:
                return v
        return v
    return [tuple(cell(v) for v in r) for r in rows]


def test_export_refuses_unknown_tables(pg_url: str, tmp_path: Path) -> None:
    with open_store(pg_url) as store:
        with pytest.raises(StoreError, match="unknown table"):
            store.export(tmp_path, fmt="jsonl", tables=["../../etc/passwd"])
    assert not list(tmp_path.iterdir())


def test_concurrent_writers_serialise(pg_url: str) -> None:
    open_store(pg_url).close()
    reports = []

    def write(ids):
        with open_store(pg_url) as s:
            reports.append(s.write(extraction(*ids)))

    threads = [threading.Thread(target=write, args=(ids,)) for ids in (("d1", "d2"), ("d2", "d3"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open_store(pg_url) as s:
        assert s.summary()["documents"] == 3
        assert normal(s.read_extraction()) == normal(extraction("d1", "d2", "d3"))
    assert sum(r.documents_written for r in reports) == 3


def test_bad_urls_name_the_server_without_the_password(pg_server) -> None:  # noqa: F811
    url = f"postgresql://dyad:hunter2@127.0.0.1:{pg_server.port}/no_such_db"
    with pytest.raises(StoreError, match="cannot connect") as info:
        open_store(url)
    assert "hunter2" not in str(info.value) and "no_such_db" in str(info.value)
    assert "hunter2" not in redact(url)


def test_a_database_with_other_tables_is_refused(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute("CREATE TABLE payroll (id int)")
    with pytest.raises(StoreError, match="not a dyad store"):
        open_store(pg_url)


def test_the_schema_uses_byte_order_text_and_indexes(pg_url: str) -> None:
    open_store(pg_url).close()
    with psycopg.connect(pg_url) as con:
        collations = {r[0] for r in con.execute(
            "SELECT collation_name FROM information_schema.columns "
            "WHERE table_name = 'events' AND data_type = 'text'")}
        indexes = {r[0] for r in con.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'events'")}
    assert collations == {"C"}
    assert {"ix_events_source_country", "ix_events_month"} <= indexes
    assert set(schema.INDEXES) <= set(schema.TABLES)


# -- the API over PostgreSQL -------------------------------------------------------------

@pytest.fixture
def client(pg_url: str):
    with open_store(pg_url) as store:
        store.write(api_data.build())
    with TestClient(create_app(pg_url)) as c:
        yield c


def test_api_dyad_summary_over_postgres(client: TestClient) -> None:
    body = client.get("/api/dyad/GRC/FRA", params={"as_of": "2022-01-01"}).json()
    for key, expected in api_data.DYAD_GRC_FRA.items():
        assert body[key] == expected, key
    assert body["agreements"][0]["status"]["status"] == "signed"


@pytest.mark.parametrize("params, expected", [
    ({"dyad": "GRC,FRA", "sort": "date"}, ["e7", "e1", "e2", "e3", "e4", "e6"]),
    ({"date_to": "2021-09", "sort": "date"}, ["e7", "e1", "e2"]),
    ({"q": "accused", "sort": "date"}, ["e3", "e5"]),
    ({"country": "USA"}, ["e8"]),
])
def test_api_event_filters_over_postgres(client: TestClient, params, expected) -> None:
    assert [e["event_id"] for e in client.get("/api/events", params=params).json()["items"]] \
        == expected


@pytest.mark.parametrize("name", ["actor", "dyad", "q", "event_type"])
def test_api_hostile_filters_over_postgres(client: TestClient, name: str) -> None:
    for value in ("' OR '1'='1", "1; DROP TABLE events; --", "%", "\\", "\x00", "50%_off"):
        response = client.get("/api/events", params={name: value})
        assert response.status_code in (200, 422), (value, response.text)
        if response.status_code == 200:
            assert response.json()["items"] == []
    assert client.get("/api/events").json()["total"] == len(api_data.EVENTS)
    assert client.get("/api/documents/%00").status_code == 404
