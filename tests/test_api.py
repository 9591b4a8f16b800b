"""The HTTP API over a real DuckDB file of hand-built records (tests/api_data.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dyad.api import create_app
from dyad.api.auth import MAX_BODY_BYTES
from dyad.pipeline import DocRecords
from dyad.store import open_store
from dyad.store.queries import MAX_PAGE
from tests import api_data

TOKEN = "s3cret-token"
HOSTILE = ["' OR '1'='1", "1; DROP TABLE events; --", '" OR 1=1 --', "%", "_", "\\",
           "FRA') UNION SELECT * FROM documents --", "GRC,FRA'--", "\x00", "é" * 150]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("api") / "dyad.duckdb"
    with open_store(path) as store:
        store.write(api_data.build())
    return path


@pytest.fixture(scope="module")
def client(db: Path):
    with TestClient(create_app(str(db))) as c:
        yield c


def ids(response, key: str) -> list[str]:
    assert response.status_code == 200, response.text
    return [item[key] for item in response.json()["items"]]


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == (code or str(status))
    assert body["error"]["message"]
    return body["error"]


# -- endpoints ---------------------------------------------------------------------------

def test_health(client: TestClient) -> None:
    assert client.get("/api/health").json() == {"status": "ok", "schema": "dyad/1",
                                                 "documents": 3, "writable": False}


@pytest.mark.parametrize("params, expected", [
    ({}, ["d3", "d2", "d1"]),  # newest first
    ({"q": "frigates"}, ["d1"]),
    ({"q": "REUTERS"}, ["d2"]),  # case-insensitive
    ({"q": "nothing like this"}, []),
    ({"limit": 1, "offset": 1}, ["d2"]),
])
def test_documents_list(client: TestClient, params: dict, expected: list[str]) -> None:
    response = client.get("/api/documents", params=params)
    assert ids(response, "doc_id") == expected
    assert "text" not in response.json()["items"][0] if expected else True


def test_document_has_text_and_spans_of_every_kind(client: TestClient) -> None:
    body = client.get("/api/documents/d1").json()
    assert body["text"] == api_data.TEXTS["d1"]
    spans = body["spans"]
    assert {s["kind"] for s in spans} == {"actor", "location", "event", "agreement",
                                          "relation", "quantity"}
    for s in spans:
        assert 0 <= s["start"] < s["end"] <= len(body["text"]) and s["id"] and s["label"]
    e1 = next(s for s in spans if s["kind"] == "event" and s["id"] == "e1")
    assert body["text"][e1["start"]:e1["end"]] == "Greece and France signed"
    qty = next(s for s in spans if s["kind"] == "quantity")
    assert body["text"][qty["start"]:qty["end"]] == "three frigates"
    assert [s["start"] for s in spans] == sorted(s["start"] for s in spans)


@pytest.mark.parametrize("params, expected", [
    ({}, ["FRA", "GRC", "TUR", "USA", "FRA.GOV"]),  # most mentioned first
    ({"country": "FRA"}, ["FRA", "FRA.GOV"]),
    ({"kind": "organisation"}, ["FRA.GOV"]),
    ({"q": "united"}, ["USA"]),
    ({"sector": "GOV"}, ["FRA.GOV"]),
])
def test_actors_list(client: TestClient, params: dict, expected: list[str]) -> None:
    assert ids(client.get("/api/actors", params=params), "actor_id") == expected


def test_actor_detail_counts_months_and_network(client: TestClient) -> None:
    body = client.get("/api/actors/GRC").json()
    assert body["counts"] == {"mentions": 3, "documents": 3, "events_as_source": 4,
                              "events_as_target": 3, "relations": 2, "agreements": 2}
    assert [m["month"] for m in body["months"]] == ["2021-09", "2021-10"]
    edges = {(e["source"], e["target"], e["kind"]): e["weight"] for e in body["network"]["edges"]}
    assert edges[("GRC", "FRA", "q1")] == 2 and edges[("FRA", "GRC", "arms_supply")] == 1
    assert ("FRA", "GRC", "q4") not in edges  # negated: not counted
    assert ("USA", "TUR", "arms_supply") not in edges
    labels = {n["id"]: n["label"] for n in body["network"]["nodes"]}
    assert labels["FRA.GOV"] == "French government"


@pytest.mark.parametrize("params, expected", [
    ({}, ["e4", "e8", "e3", "e5", "e2", "e1", "e7", "e6"]),  # -date, undated last, then id
    ({"sort": "date"}, ["e7", "e1", "e2", "e3", "e5", "e4", "e8", "e6"]),
    ({"dyad": "GRC,FRA", "sort": "date"}, ["e7", "e1", "e2", "e3", "e4", "e6"]),
    ({"dyad": "FRA,GRC", "sort": "date"}, ["e7", "e1", "e2", "e3", "e4", "e6"]),
    ({"dyad": "FRA.GOV,GRC"}, ["e2"]),
    ({"actor": "TUR"}, ["e8", "e5"]),
    ({"source": "FRA", "sort": "date"}, ["e2", "e4", "e6"]),  # FRA.GOV is of FRA
    ({"target": "TUR"}, ["e8", "e5"]),
    ({"country": "USA"}, ["e8"]),
    ({"event_type": "AGREE", "sort": "date"}, ["e7", "e1"]),
    ({"quad_class": 4}, ["e4"]),
    ({"modality": "reported"}, ["e2"]),
    ({"date_from": "2021-10", "sort": "date"}, ["e3", "e5", "e4", "e8"]),
    ({"date_to": "2021-09", "sort": "date"}, ["e7", "e1", "e2"]),
    ({"date_from": "2021-09-29", "date_to": "2021-10-05", "sort": "date"}, ["e2", "e3", "e5"]),
    ({"q": "accused", "sort": "date"}, ["e3", "e5"]),
    ({"sort": "event_type", "limit": 2}, ["e3", "e5"]),
    ({"limit": 2, "offset": 6}, ["e7", "e6"]),
])
def test_event_filters(client: TestClient, params: dict, expected: list[str]) -> None:
    response = client.get("/api/events", params=params)
    assert ids(response, "event_id") == expected
    page = response.json()
    assert page["offset"] == params.get("offset", 0)
    if "limit" not in params:
        assert page["total"] == len(expected)


def test_events_are_full_records_without_derived_columns(client: TestClient) -> None:
    params = {"event_type": "AID", "country": "USA"}
    item = client.get("/api/events", params=params).json()["items"][0]
    assert item["source"] == api_data.USA.model_dump() and "source_country" not in item
    assert item["evidence"]["text"] == "the United States sold arms to Turkey"


@pytest.mark.parametrize("params, expected", [
    ({}, ["agr-2", "agr-1"]),  # by name
    ({"party": "FRA"}, ["agr-1"]),
    ({"party": "TUR"}, ["agr-2"]),
    ({"kind": "treaty"}, ["agr-1"]),
    ({"q": "hotline"}, ["agr-2"]),
])
def test_agreements_list(client: TestClient, params: dict, expected: list[str]) -> None:
    assert ids(client.get("/api/agreements", params=params), "agreement_id") == expected


@pytest.mark.parametrize("as_of, status", [("2021-09-01", "unknown"), ("2022-01-01", "signed")])
def test_agreement_status_as_of(client: TestClient, as_of: str, status: str) -> None:
    body = client.get("/api/agreements/agr-1", params={"as_of": as_of}).json()
    assert body["name"] == "Greece-France defence pact" and body["as_of"] == as_of
    assert body["status"]["status"] == status and body["status"]["reasoning"]


@pytest.mark.parametrize("params, expected", [
    ({}, ["rel-1", "rel-3", "rel-2"]),
    ({"source": "FRA"}, ["rel-1"]),
    ({"target": "TUR"}, ["rel-3", "rel-2"]),
    ({"country": "GRC"}, ["rel-1", "rel-2"]),
    ({"relation_type": "territorial_claim"}, ["rel-2"]),
    ({"modality": "reported"}, ["rel-2"]),
])
def test_relations_list(client: TestClient, params: dict, expected: list[str]) -> None:
    assert ids(client.get("/api/relations", params=params), "relation_id") == expected


def test_conflicts_is_an_empty_page(client: TestClient) -> None:
    assert client.get("/api/conflicts").json() == {"items": [], "total": 0, "limit": 50,
                                                   "offset": 0}


def test_dyad_summary_numbers(client: TestClient) -> None:
    body = client.get("/api/dyad/GRC/FRA", params={"as_of": "2022-01-01"}).json()
    for key, expected in api_data.DYAD_GRC_FRA.items():
        assert body[key] == expected, key
    assert body["a"]["label"] == "Greece" and body["b"]["label"] == "France"
    assert [a["agreement_id"] for a in body["agreements"]] == ["agr-1"]
    assert body["agreements"][0]["status"]["status"] == "signed"
    assert [r["relation_id"] for r in body["relations_between"]] == ["rel-1"]
    assert [r["relation_id"] for r in body["relations_around"]] == ["rel-2"]


def test_dyad_summary_is_symmetric_and_modality_can_widen(client: TestClient) -> None:
    ab = client.get("/api/dyad/GRC/FRA").json()["totals"]
    ba = client.get("/api/dyad/FRA/GRC").json()["totals"]
    assert ab["events"] == ba["events"] and ab["a_to_b"] == ba["b_to_a"]
    wide = client.get("/api/dyad/GRC/FRA", params={"modality": "asserted,reported,negated"})
    assert wide.json()["totals"]["q4"] == 1


# -- errors and hostile requests ---------------------------------------------------------

@pytest.mark.parametrize("path", [
    "/api/documents/nope", "/api/documents/..%2F..%2Fetc%2Fpasswd",
    "/api/documents/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/api/actors/..%2F..%2Fetc%2Fpasswd",
    "/api/agreements/nope", "/api/dyad/GRC/XXX", "/api/dyad/..%2F..%2F/FRA",
    "/api/no-such-endpoint", "/no/such/page", "/..%2F..%2Fetc%2Fpasswd",
])
def test_not_found_in_the_error_shape(client: TestClient, path: str) -> None:
    assert_error(client.get(path), 404)


@pytest.mark.parametrize("path, params", [
    ("/api/events", {"quad_class": 9}),
    ("/api/events", {"modality": "rumoured"}),
    ("/api/events", {"date_from": "yesterday"}),
    ("/api/events", {"sort": "event_id; DROP TABLE events"}),
    ("/api/events", {"dyad": "GRC"}),
    ("/api/events", {"offset": -1}),
    ("/api/events", {"limit": 0}),
    ("/api/events", {"offset": 10**12}),
    ("/api/events", {"actor": "x" * 201}),
    ("/api/relations", {"relation_type": "friendship"}),
    ("/api/agreements/agr-1", {"as_of": "2021-13"}),
    ("/api/dyad/GRC/FRA", {"modality": "rumoured"}),
])
def test_invalid_parameters_get_422(client: TestClient, path: str, params: dict) -> None:
    assert_error(client.get(path, params=params), 422)


def test_page_size_is_capped(client: TestClient) -> None:
    body = client.get("/api/events", params={"limit": 10**9}).json()
    assert body["limit"] == MAX_PAGE and len(body["items"]) == 8


FILTERS = [("/api/documents", "q"), ("/api/actors", "q"), ("/api/actors", "country"),
           ("/api/actors", "sector"), ("/api/agreements", "party"), ("/api/agreements", "kind"),
           ("/api/agreements", "q"), ("/api/relations", "source"), ("/api/relations", "target"),
           ("/api/relations", "country"),
           *[("/api/events", f) for f in ("actor", "source", "target", "country", "dyad",
                                          "event_type", "q")]]


@pytest.mark.parametrize("path, name", FILTERS)
def test_injection_strings_in_every_filter_match_nothing(client: TestClient, path: str,
                                                         name: str) -> None:
    for value in HOSTILE:
        response = client.get(path, params={name: value})
        assert response.status_code in (200, 422), (value, response.text)
        if response.status_code == 200:
            assert response.json()["items"] == [], value
        else:
            assert_error(response, 422)


@pytest.mark.parametrize("value", HOSTILE)
def test_injection_strings_in_ids_are_not_found(client: TestClient, value: str) -> None:
    from urllib.parse import quote

    for path in (f"/api/documents/{quote(value, safe='')}", f"/api/actors/{quote(value, safe='')}",
                 f"/api/agreements/{quote(value, safe='')}",
                 f"/api/dyad/GRC/{quote(value, safe='')}"):
        assert client.get(path).status_code in (404, 422), path


def test_tables_are_intact_after_hostile_requests(client: TestClient, db: Path) -> None:
    for path, name in FILTERS:
        for value in HOSTILE:
            client.get(path, params={name: value})
    assert client.get("/api/health").json()["documents"] == 3
    assert client.get("/api/events").json()["total"] == len(api_data.EVENTS)


def test_no_cors_headers_for_other_origins(client: TestClient) -> None:
    response = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/api/documents", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


def test_unexpected_host_is_refused(db: Path) -> None:
    app = create_app(str(db), allowed_hosts=frozenset({"127.0.0.1", "localhost"}))
    with TestClient(app, base_url="http://localhost:8000") as c:
        assert c.get("/api/health").status_code == 200
        assert_error(c.get("/api/health", headers={"Host": "evil.example"}), 400)


def test_openapi_and_offline_assets(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/dyad/{a}/{b}", "/api/documents"} <= set(spec["paths"])
    assert client.get("/api/docs").status_code == 404  # Swagger UI would load from a CDN
    plotly = client.get("/vendor/plotly.min.js")
    assert plotly.status_code == 200 and "plotly" in plotly.text[:200].lower()
    assert client.get("/").status_code == 200


# -- writes ------------------------------------------------------------------------------

class FakeExtractor:
    """Codes every document as one AGREE event between Greece and France."""

    def iter_records(self, docs):
        for d in docs:
            quote = d.text[:10]
            yield DocRecords(document=d, events=[api_data.Event(
                event_id=f"ev-{d.doc_id}", doc_id=d.doc_id, event_type="AGREE", quad_class=1,
                source=api_data.GRC, target=api_data.FRA, date=d.date,
                evidence=api_data.Evidence(doc_id=d.doc_id, start=0, end=len(quote),
                                           text=quote))])


@pytest.fixture
def writable(db: Path, tmp_path: Path):
    copy = tmp_path / "w.duckdb"
    copy.write_bytes(db.read_bytes())
    with TestClient(create_app(str(copy), token=TOKEN, extractor=FakeExtractor())) as c:
        yield c


def test_reads_only_store_refuses_posts(client: TestClient) -> None:
    assert_error(client.post("/api/documents", json={"text": "x"}), 403)


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_posts_need_the_token(writable: TestClient, headers: dict) -> None:
    response = writable.post("/api/documents", json={"text": "Greece and France met."},
                             headers=headers)
    assert_error(response, 401)
    assert writable.get("/api/health").json()["documents"] == 3


def test_post_ingests_then_skips_a_repeat(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    doc = {"id": "posted-1", "text": "Greece and France met in Paris.", "date": "2022-03-01"}
    first = writable.post("/api/documents", json=[doc], headers=auth).json()
    assert first["doc_ids"] == ["posted-1"] and first["documents_written"] == 1
    assert first["rows"]["events"] == 1
    again = writable.post("/api/documents", json=doc, headers=auth).json()
    assert again["documents_written"] == 0 and again["documents_skipped"] == 1
    assert writable.get("/api/documents/posted-1").json()["date"] == "2022-03-01"
    assert ids(writable.get("/api/events", params={"date_from": "2022"}), "doc_id") == \
        ["posted-1"]


@pytest.mark.parametrize("body", [b"not json", b"{}", b'{"text": ""}', b'{"text": "x", "evil": 1}',
                                  b"[]", b'[{"text": 1}]'])
def test_bad_post_bodies_get_422(writable: TestClient, body: bytes) -> None:
    response = writable.post("/api/documents", content=body, headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert_error(response, 422)


def test_oversized_bodies_get_413(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = b'{"text": "' + b"a" * MAX_BODY_BYTES + b'"}'
    assert_error(writable.post("/api/documents", content=big, headers=auth), 413)

    def chunks():  # no Content-Length: the stream is counted as it arrives
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"a" * 65536
    assert_error(writable.post("/api/documents", content=chunks(), headers=auth), 413)


# -- DuckDB and a concurrent ingest ------------------------------------------------------

def test_an_ingest_while_serving_a_duckdb_file_gets_a_clear_error(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "busy.duckdb"
    copy.write_bytes(db.read_bytes())
    code = ("import sys\nfrom dyad.store import open_store\nfrom dyad.errors import StoreError\n"
            "try:\n    open_store(sys.argv[1])\nexcept StoreError as e:\n    print(e); sys.exit(3)")
    with TestClient(create_app(str(copy))) as c:
        done = subprocess.run([sys.executable, "-c", code, str(copy)], capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 3 and "in use by another dyad process" in done.stdout
        assert c.get("/api/health").json()["documents"] == 3  # readers keep working
    done = subprocess.run([sys.executable, "-c", code, str(copy)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stdout  # the server closed the file on shutdown


@pytest.mark.slow
def test_post_with_the_real_pipeline(db: Path, tmp_path: Path, extractor) -> None:
    copy = tmp_path / "real.duckdb"
    copy.write_bytes(db.read_bytes())
    text = ("ATHENS, Sept 28 (AFP) - Greece and France signed a defence agreement on Tuesday, "
            "Greek Prime Minister Kyriakos Mitsotakis said.")
    with TestClient(create_app(str(copy), token=TOKEN, extractor=extractor)) as c:
        body = c.post("/api/documents", json={"text": text, "date": "2021-09-28"},
                      headers={"Authorization": f"Bearer {TOKEN}"}).json()
        assert body["documents_written"] == 1
        doc = c.get(f"/api/documents/{body['doc_ids'][0]}").json()
        assert doc["text"] == text and any(s["kind"] == "actor" for s in doc["spans"])


def test_responses_are_cached_only_for_a_read_only_duckdb_file(db: Path, tmp_path: Path) -> None:
    cached = create_app(str(db))
    with TestClient(cached) as c:
        first = c.get("/api/dyad/GRC/FRA").json()
        assert c.get("/api/dyad/GRC/FRA").json() == first
        assert len(cached.state.cache._items) == 1
        assert_error(c.get("/api/dyad/GRC/XXX"), 404)  # errors are not kept
        assert len(cached.state.cache._items) == 1
    copy = tmp_path / "w.duckdb"
    copy.write_bytes(db.read_bytes())
    for app in (create_app(str(db), cache_size=0),
                create_app(str(copy), token=TOKEN)):  # writes would make it stale
        assert app.state.cache is None
        app.state.store.close()


@pytest.mark.slow
def test_serve_with_several_worker_processes(db: Path) -> None:
    """``dyad serve --workers 2`` on a read-only DuckDB file: both processes answer."""
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "dyad.cli", "serve", "--db", str(db),
                             "--port", str(port), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)
        assert r.status_code == 200 and r.json()["documents"] > 0
        answers = [httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1").status_code
                   for _ in range(10)]
        assert answers == [200] * 10
    finally:
        proc.terminate()
        proc.wait(timeout=30)
