"""The DuckDB store: schema derived from the records, atomic idempotent writes, exports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, Literal

import duckdb
import pytest

from dyad import model
from dyad.errors import StoreError
from dyad.model import (Actor, ActorRef, Agreement, Conflict, ConflictValue, Dateline, Document, Event, Evidence,
                        Extraction, Failure, Location, LocationRef, Mention, Quantity, Relation,
                        Renewal, Stage)
from dyad.store import DuckDBStore, WriteReport, open_store, schema
from dyad.store.plan import plan_write

GRC = ActorRef(actor_id="GRC", name="Greece", country="GRC", sector="GOV")
FRA = ActorRef(actor_id="FRA", name="France", country="FRA")
TUR = ActorRef(actor_id="TUR", name="Turkey", country="TUR")


def doc(doc_id: str) -> Document:
    return Document(doc_id=doc_id, text=f"ATHENS, Sept 28 (AFP) - story {doc_id}", source="AFP",
                    title=f"Title {doc_id}", date="2021-09-28", path=f"in/{doc_id}.txt",
                    input_format="text", language="en", words=7,
                    dateline=Dateline(place="ATHENS", agency="AFP", date="2021-09-28",
                                      date_text="Sept 28", start=0, end=24))


def ev(doc_id: str, start: int, text: str) -> Evidence:
    return Evidence(doc_id=doc_id, start=start, end=start + len(text), text=text)


def extraction(*doc_ids: str, aliases: tuple[str, ...] = ("Hellenic Republic",)) -> Extraction:
    """Records for documents among d1, d2, d3, each tied to the documents it cites."""
    docs = [doc(d) for d in doc_ids]
    greece_mentions = [Mention(doc_id=d, start=0, end=6, text="ATHENS", reason="capital")
                       for d in doc_ids]
    actors = [Actor(actor_id="GRC", name="Greece", kind="state", country="GRC", sector="GOV",
                    aliases=list(aliases), mentions=greece_mentions)]
    locations, events, agreements, relations, failures, conflicts = [], [], [], [], [], []
    if "d1" in doc_ids:
        actors.append(Actor(actor_id="FRA", name="France", kind="state", country="FRA",
                            mentions=[Mention(doc_id="d1", start=30, end=36, text="France")]))
        locations.append(Location(location_id="loc-athens", name="Athens", country="GRC",
                                  lat=37.98, lon=23.73, feature="city", precision="city",
                                  mentions=[Mention(doc_id="d1", start=0, end=6, text="ATHENS")]))
        events.append(Event(
            event_id="ev-1", doc_id="d1", event_type="AGREE", mode="sign", context=["military"],
            cameo="057", quad_class=1, intensity=8.0, source=GRC, target=FRA,
            date="2021-09-28", date_text="Tuesday", date_rule="weekday", modality="asserted",
            location=LocationRef(location_id="loc-athens", name="Athens", country="GRC",
                                 lat=37.98, lon=23.73),
            quantities=[Quantity(value=3.0, unit="item", text="three frigates", doc_id="d1",
                                 start=40, end=54)],
            trigger="signed", reason="rule agree.sign", evidence=ev("d1", 24, "Greece and France signed")))
        agreements.append(Agreement(
            agreement_id="agr-1", name="Greece-France defence pact", kind="treaty",
            parties=[GRC, FRA], term_years=5.0, provisions=["mutual assistance"],
            renewal=Renewal(automatic=True, term_years=5.0),
            value=Quantity(value=3.0e9, unit="USD", text="3 billion euros"),
            stages=[Stage(stage="signed", party=GRC, date="2021-09-28",
                          evidence=ev("d1", 24, "Greece and France signed"))],
            evidence=[ev("d1", 24, "Greece and France signed")]))
        failures.append(Failure(path="in/bad.bin", stage="ingest", code="D102",
                                message="binary file"))
    if "d2" in doc_ids:
        events.append(Event(event_id="ev-2", doc_id="d2", event_type="ACCUSE", source=GRC,
                            target=TUR, modality="reported", quad_class=3,
                            evidence=ev("d2", 10, "Greece accused Turkey")))
        relations.append(Relation(relation_id="rel-1", relation_type="territorial_claim",
                                  source=GRC, target=TUR, modality="reported",
                                  attributes={"area": "Aegean", "islands": ["Imia", "Kardak"]},
                                  evidence=[ev("d2", 10, "Greece accused Turkey")]))
        failures.append(Failure(doc_id="d2", stage="events", code="D500", message="boom"))
        conflicts.append(Conflict(
            conflict_id="conf-1", record_kind="relations", record_id="rel-1",
            field="modality", description="reported in one source, denied in another",
            values=[ConflictValue(value="reported", evidence=[ev("d2", 10, "Greece accused Turkey")])]))
    return Extraction(documents=docs, actors=actors, locations=locations, events=events,
                      agreements=agreements, relations=relations, failures=failures,
                      conflicts=conflicts)


def normal(ex: Extraction) -> dict[str, list[Any]]:
    """An extraction as comparable data, ignoring the order of records and mentions."""
    out = {}
    for name in model.TABLES:
        rows = []
        for record in getattr(ex, name):
            data = record.model_dump(mode="json")
            if "mentions" in data:
                data["mentions"] = sorted(data["mentions"], key=repr)
            rows.append(data)
        out[name] = sorted(rows, key=repr)
    return out


def snapshot(store: DuckDBStore) -> dict[str, list[dict]]:
    return {name: store.query(f'SELECT * FROM "{name}" ORDER BY ALL') for name in schema.TABLES}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "dyad.duckdb"


@pytest.fixture
def store(db: Path):
    with open_store(db) as s:
        yield s


# -- schema ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(model.TABLES))
def test_every_model_field_is_a_column(name: str, store: DuckDBStore) -> None:
    fields = set(model.TABLES[name].model_fields)
    table = schema.TABLES[name]
    derived = {d.name for d in table.derived}
    assert set(table.column_names) == (fields - {"mentions"}) | set(table.primary_key) | derived
    stored = {r["column_name"] for r in store.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [name])}
    assert stored == set(table.column_names)


@pytest.mark.parametrize("name, owner", [("actor_mentions", "actor_id"),
                                         ("location_mentions", "location_id")])
def test_mentions_live_in_link_tables(name: str, owner: str) -> None:
    assert schema.TABLES[name].column_names == (owner, *Mention.model_fields)
    assert schema.TABLES[name].primary_key == (owner, "doc_id", "start", "end")


def test_a_new_model_field_becomes_a_column() -> None:
    class Wider(Document):
        topic: Literal["war", "trade"] | None = None
        score: float = 0.0

    columns = {c.name: c for c in schema.columns_of(Wider)}
    assert set(columns) == set(Document.model_fields) | {"topic", "score"}
    assert (columns["topic"].type, columns["topic"].nullable) == ("VARCHAR", True)
    assert (columns["score"].type, columns["score"].nullable) == ("DOUBLE", False)


@pytest.mark.parametrize("annotation, expected", [
    (str, ("VARCHAR", False)), (int, ("BIGINT", False)), (float | None, ("DOUBLE", True)),
    (bool, ("BOOLEAN", False)), (model.Modality, ("VARCHAR", False)),
    (list[str], ("JSON", False)), (dict[str, Any], ("JSON", False)),
    (ActorRef | None, ("JSON", True)), (Any, ("JSON", False)), (int | str, ("JSON", False)),
])
def test_column_types(annotation: Any, expected: tuple[str, bool]) -> None:
    assert schema.column_type(annotation) == expected


def test_new_store_records_its_schema_version(store: DuckDBStore) -> None:
    (meta,) = store.query('SELECT * FROM "meta"')
    assert (meta["schema"], meta["schema_version"]) == ("dyad/1", 1)


# -- writing and reading -----------------------------------------------------------------

def test_write_then_read_gives_back_the_extraction(store: DuckDBStore) -> None:
    ex = extraction("d1", "d2")
    report = store.write(ex)
    assert report.documents_written == 2 and report.documents_skipped == 0
    assert report.rows["events"] == 2 and report.rows["actor_mentions"] == 3
    # ev-1, ev-2, agr-1 (stage and list share a span), rel-1, conf-1; and agr-1's
    # mention list and its stage's reports (dyad.store.spans)
    assert report.rows["evidence"] == 7
    assert normal(store.read_extraction()) == normal(ex)


def test_rewriting_changes_nothing(store: DuckDBStore) -> None:
    store.write(extraction("d1", "d2"))
    before = snapshot(store)
    again = store.write(extraction("d1", "d2"))
    assert again == WriteReport(documents_written=0, documents_skipped=2,
                                rows={name: 0 for name in again.rows})
    assert snapshot(store) == before


def test_rewriting_with_a_new_document_adds_only_its_records(store: DuckDBStore) -> None:
    store.write(extraction("d1"))
    report = store.write(extraction("d1", "d2"))
    assert (report.documents_written, report.documents_skipped) == (1, 1)
    assert report.rows["events"] == 1 and report.rows["agreements"] == 0
    assert report.rows["actor_mentions"] == 1 and report.rows["actors"] == 0
    assert normal(store.read_extraction()) == normal(extraction("d1", "d2"))


def test_rows_of_new_documents_are_written_without_a_lookup(store: DuckDBStore,
                                                            monkeypatch) -> None:
    """A lookup scans key columns that grow with the store; rows of a document this write
    adds cannot be stored yet, so only rows of older documents are looked up."""
    looked: list[tuple[str, set[str]]] = []
    lookup = DuckDBStore._unstored

    def spy(self, table, rows):
        at = table.column_names.index("doc_id") if "doc_id" in table.column_names else None
        looked.append((table.name, {r[at] for r in rows} if at is not None else set()))
        return lookup(self, table, rows)

    monkeypatch.setattr(DuckDBStore, "_unstored", spy)
    store.write(extraction("d1"))
    assert not [name for name, _ in looked if name in ("evidence", "actor_mentions")]
    store.write(extraction("d1", "d2"))  # d2's records merge with d1's stored ones
    assert all(docs <= {"d1"} for _, docs in looked)
    assert normal(store.read_extraction()) == normal(extraction("d1", "d2"))


def test_actor_mentioned_in_two_documents_keeps_both(store: DuckDBStore) -> None:
    store.write(extraction("d1"))
    store.write(extraction("d2", aliases=("Hellas", "Hellenic Republic")))
    (greece,) = [a for a in store.read_extraction().actors if a.actor_id == "GRC"]
    assert sorted(m.doc_id for m in greece.mentions) == ["d1", "d2"]
    assert greece.aliases == ["Hellenic Republic", "Hellas"]


def test_read_only_some_documents(store: DuckDBStore) -> None:
    store.write(extraction("d1", "d2"))
    ex = store.read_extraction(["d2"])
    assert [d.doc_id for d in ex.documents] == ["d2"]
    assert [a.actor_id for a in ex.actors] == ["GRC"]
    assert [m.doc_id for m in ex.actors[0].mentions] == ["d2"]
    assert [e.event_id for e in ex.events] == ["ev-2"]
    assert ex.agreements == [] and ex.locations == []
    assert [r.relation_id for r in ex.relations] == ["rel-1"]
    assert [f.code for f in ex.failures] == ["D500"]


def test_known_doc_ids(store: DuckDBStore) -> None:
    store.write(extraction("d1"))
    assert store.known_doc_ids(["d1", "d2", "d1"]) == {"d1"}
    assert store.known_doc_ids([]) == set()
    assert store.has_document("d1") and not store.has_document("d2")


def test_duplicates_within_one_extraction_are_combined() -> None:
    a = extraction("d1")
    twice = a.model_copy(update={"actors": [*a.actors, a.actors[0].model_copy(
        update={"aliases": ["Hellas"], "mentions": [Mention(doc_id="d1", start=50, end=56,
                                                            text="Athens")]})]})
    (greece, _) = plan_write(twice, set()).records["actors"]
    assert greece.aliases == ["Hellenic Republic", "Hellas"] and len(greece.mentions) == 2


def _fail_on_events(original):
    def insert(self, table, rows, **options):
        if table.name == "events":
            raise duckdb.ConstraintException("injected failure")
        return original(self, table, rows, **options)
    return insert


def _null_event_type(ex: Extraction) -> Extraction:
    bad = Event.model_construct(**{**dict(ex.events[0]), "event_type": None})
    return ex.model_copy(update={"events": [bad]})


@pytest.mark.filterwarnings("ignore::UserWarning")  # pydantic warns when dumping the bad event
@pytest.mark.parametrize("how", ["insert raises", "constraint violated"])
def test_failed_write_leaves_the_store_as_it_was(how: str, store: DuckDBStore,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    store.write(extraction("d2"))
    before = snapshot(store)
    new = extraction("d1", "d2")
    if how == "insert raises":
        monkeypatch.setattr(DuckDBStore, "_insert", _fail_on_events(DuckDBStore._insert))
    else:
        new = _null_event_type(new)
    with pytest.raises(StoreError, match="nothing was written"):
        store.write(new)
    assert snapshot(store) == before
    monkeypatch.undo()
    assert store.write(extraction("d1", "d2")).documents_written == 1


def test_read_only_store_refuses_writes(db: Path) -> None:
    open_store(db).close()
    with open_store(db, read_only=True) as ro, pytest.raises(StoreError, match="read-only"):
        ro.write(extraction("d1"))


# -- summary, query, export --------------------------------------------------------------

def test_summary(store: DuckDBStore) -> None:
    store.write(extraction("d1", "d2"))
    assert store.summary() == {
        "documents": 2, "actors": 2, "actors_by_kind": {"state": 2}, "locations": 1,
        "events": 2, "events_by_type": {"ACCUSE": 1, "AGREE": 1},
        "events_by_modality": {"asserted": 1, "reported": 1}, "agreements": 1,
        "relations": 1, "relations_by_type": {"territorial_claim": 1},
        "failures": 2, "failures_by_code": {"D102": 1, "D500": 1}, "conflicts": 1}


def test_query_is_parameterised_and_read_only(store: DuckDBStore) -> None:
    store.write(extraction("d1", "d2"))
    rows = store.query('SELECT "event_id", "modality" FROM "events" WHERE "doc_id" = ?', ["d2"])
    assert rows == [{"event_id": "ev-2", "modality": "reported"}]
    for sql in ['DELETE FROM "events"', 'SELECT 1; DROP TABLE "events"']:
        with pytest.raises(StoreError, match="one SELECT"):
            store.query(sql)
    assert store.summary()["events"] == 2


@pytest.mark.parametrize("fmt, reader", [("parquet", "read_parquet"), ("jsonl", "read_json")])
def test_export_writes_every_table(fmt: str, reader: str, store: DuckDBStore,
                                   tmp_path: Path) -> None:
    store.write(extraction("d1", "d2"))
    files = store.export(tmp_path / "out" / "nested", fmt=fmt)  # type: ignore[arg-type]
    assert [f.name for f in files] == [f"{name}.{fmt}" for name in schema.TABLES]
    reader_db = duckdb.connect()
    for name, path in zip(schema.TABLES, files):
        [(exported,)] = reader_db.execute(f"SELECT count(*) FROM {reader}('{path}')").fetchall()
        assert exported == store.query(f'SELECT count(*) AS n FROM "{name}"')[0]["n"] > 0


def test_export_refuses_to_write_outside_the_folder(store: DuckDBStore, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(StoreError, match="outside"):
        store.export(out, fmt="jsonl", tables=["../evil"])
    assert not (tmp_path / "evil.jsonl").exists()
    (out / "documents.jsonl").symlink_to(tmp_path / "elsewhere.jsonl")
    with pytest.raises(StoreError, match="outside"):
        store.export(out, fmt="jsonl")
    assert list(out.iterdir()) == [out / "documents.jsonl"]
    with pytest.raises(StoreError, match="unknown table"):
        store.export(out, fmt="jsonl", tables=["secrets"])


# -- opening -----------------------------------------------------------------------------

def test_a_second_writer_gets_a_store_error(db: Path) -> None:
    open_store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, sys; c = duckdb.connect({str(db)!r}); print('ready', flush=True); "
         "sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match=f"in use by another dyad process \\(pid {holder.pid}"):
            open_store(db)
    finally:
        holder.communicate("", timeout=10)


@pytest.mark.parametrize("setup, read_only, message", [
    (lambda p: p.write_bytes(b"not a database\n" * 100), False, "not a DuckDB database"),
    (lambda p: p.write_bytes(b""), False, "not a DuckDB database"),
    (lambda p: p.mkdir(), False, "is a directory"),
    (lambda p: None, True, "there is no store"),
    (lambda p: duckdb.connect(str(p)).execute("CREATE TABLE t (x INT)").close(), False,
     "not a dyad store"),
])
def test_unusable_paths_raise_store_error(setup, read_only: bool, message: str,
                                          db: Path) -> None:
    setup(db)
    with pytest.raises(StoreError, match=message) as info:
        open_store(db, read_only=read_only)
    assert str(db) in str(info.value)


def test_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist") as info:
        open_store(tmp_path / "nope" / "dyad.duckdb")
    assert str(tmp_path / "nope") in str(info.value)


def test_postgres_urls_go_to_the_postgres_backend() -> None:
    with pytest.raises(StoreError, match="cannot connect to the PostgreSQL store"):
        open_store("postgresql://nobody@127.0.0.1:1/dyad")


def test_reopening_keeps_the_records(db: Path, tmp_path: Path) -> None:
    with open_store(db) as s:
        s.write(extraction("d1"))
    with open_store(db, read_only=True) as s:
        assert normal(s.read_extraction()) == normal(extraction("d1"))
        assert len(s.export(tmp_path / "ro", fmt="parquet")) == len(schema.TABLES)


# -- keys without an index (DuckDB keeps a key's index in memory whole) -----------------

def test_duckdb_tables_carry_no_key_index(store: DuckDBStore) -> None:
    store.write(extraction("d1", "d2"))
    assert store.query("SELECT count(*) AS n FROM duckdb_indexes()")[0]["n"] == 0
    kinds = {r["constraint_type"] for r in store.query(
        "SELECT constraint_type FROM duckdb_constraints()")}
    assert not kinds & {"PRIMARY KEY", "UNIQUE"}


def test_insert_skips_stored_keys_and_repeats_by_key(store: DuckDBStore) -> None:
    table = schema.TABLES["actor_mentions"]
    first = ("GRC", "d1", 0, 6, "Greece", "dictionary")
    store._insert(table, [first])
    # same key as stored (other text), a repeat within the call, and one new row
    store._insert(table, [("GRC", "d1", 0, 6, "GREECE", "model"),
                          ("GRC", "d2", 0, 6, "Greece", "dictionary"),
                          ("GRC", "d2", 0, 6, "Hellas", "model")])
    rows = store.query('SELECT "doc_id", "text" FROM "actor_mentions" ORDER BY ALL')
    assert rows == [{"doc_id": "d1", "text": "Greece"}, {"doc_id": "d2", "text": "Greece"}]


def test_a_store_made_with_key_constraints_still_takes_writes(db: Path) -> None:
    """Stores written before keys lost their constraint keep working unchanged."""
    with duckdb.connect(str(db)) as con:
        for table in schema.TABLES.values():
            con.execute(table.ddl())
        con.execute('INSERT INTO "meta" VALUES (?, ?, ?)',
                    [model.SCHEMA, schema.SCHEMA_VERSION, "2026-01-01T00:00:00+00:00"])
    with open_store(db) as s:
        s.write(extraction("d1"))
        s.write(extraction("d1", "d2"))
        before = snapshot(s)
        s.write(extraction("d1", "d2"))
        assert snapshot(s) == before
        assert normal(s.read_extraction()) == normal(extraction("d1", "d2"))


@pytest.mark.parametrize("change, message", [
    ('UPDATE "meta" SET "schema_version" = 2', "schema version 2"),
    ('ALTER TABLE "documents" DROP COLUMN "words"', "lacks documents columns words"),
])
def test_a_store_from_another_version_is_refused(change: str, message: str, db: Path) -> None:
    open_store(db).close()
    with duckdb.connect(str(db)) as con:
        con.execute(change)
    with pytest.raises(StoreError, match=message):
        open_store(db)


def test_a_write_beyond_the_memory_cap_gets_more_memory(db: Path, monkeypatch) -> None:
    """The writer's small cap (which keeps a long ingest flat) never fails a write."""
    import dyad.store.duckdb as backend

    monkeypatch.setattr(backend, "WRITE_MEMORY_LIMIT", "4MB")
    big = [doc(f"big{i}").model_copy(update={"text": f"{i} " + "x" * 2_000_000})
           for i in range(8)]
    with open_store(db) as s:
        report = s.write(Extraction(documents=big))
        (limit,) = s.query("SELECT current_setting('memory_limit') AS m")
        assert report.documents_written == 8
        assert backend._megabytes(limit["m"]) > 4
        assert len(s.read_extraction().documents) == 8


@pytest.mark.parametrize("setting, mb", [("61.0 MiB", 61), ("1.5 GiB", 1536), ("512.0 KiB", 0),
                                         ("unlimited", None)])
def test_duckdb_memory_settings_read_as_megabytes(setting: str, mb: int | None) -> None:
    import dyad.store.duckdb as backend

    assert backend._megabytes(setting) == mb


def test_a_writer_reopens_its_connection_and_keeps_everything(db: Path, monkeypatch) -> None:
    """Every REOPEN_AFTER_WRITES writes the writer gets a fresh database instance (it gives
    the allocator's memory back); records, the raised memory cap and open sessions survive."""
    import dyad.store.duckdb as backend

    def cap(store: DuckDBStore) -> str:
        return store.query("SELECT current_setting('memory_limit') AS m")[0]["m"]

    monkeypatch.setattr(backend, "REOPEN_AFTER_WRITES", 2)
    with open_store(db) as s:
        first = s._con
        assert s._raise_memory_limit()  # as a write that needs more memory does
        raised = cap(s)
        s.write(extraction("d1"))
        assert s._con is first
        s.write(extraction("d2"))
        assert s._con is not first and s._writes == 0 and cap(s) == raised
        with s.session() as reader:  # a reopen would close the session's cursor
            connection = s._con
            s.write(extraction("d3"))
            s.write(extraction("d1", "d3"))
            assert s._con is connection and len(reader.read_extraction().documents) == 3
        s.write(extraction("d2"))
        assert s._con is not connection
        assert normal(s.read_extraction()) == normal(extraction("d1", "d2", "d3"))
