"""Growing evidence lists live in the evidence table (dyad.store.spans): a write appends
new spans instead of reading back and rewriting a record's whole list, and reading gives
the same records as before, in DuckDB and PostgreSQL."""

from __future__ import annotations

import json

import duckdb
import pytest

from dyad.merge import merge_records
from dyad.model import (ActorRef, Agreement, Document, Event, Evidence, Extraction, Relation,
                        Stage, make_id)
from dyad.store import open_store, schema, spans
from tests.pg import pg_server, pg_url  # noqa: F401 - fixtures

USA = ActorRef(actor_id="USA", name="United States", country="USA")
DJI = ActorRef(actor_id="DJI", name="Djibouti", country="DJI")
REPORTS = 12


def _doc(n: int) -> Document:
    return Document(doc_id=f"d{n:02d}", text="x" * 400)


def _span(n: int, start: int = 10) -> Evidence:
    return Evidence(doc_id=f"d{n:02d}", start=start, end=start + 20,
                    text=f"the base, report {n}")


def _relation(n: int) -> Relation:
    rel = Relation(relation_id=f"rel-raw-{n}", relation_type="military_presence", source=USA,
                   target=DJI, attributes={"year": 2020} if n == 3 else {},
                   evidence=[_span(n)])
    # the pipeline gives a relation the id of its merge key (as merge_records does)
    return rel.model_copy(update={"relation_id": merge_records(relations=[rel]).relations[0]
                                  .relation_id})


def _event(n: int) -> Event:
    event = Event(event_id=f"ev-raw-{n}", doc_id=f"d{n:02d}", event_type="ASSAULT",
                  source=USA, target=DJI, date="2023-03-03", evidence=_span(n, start=50))
    return event.model_copy(update={"event_id": merge_records(events=[event]).events[0]
                                    .event_id})


def _report(n: int) -> Extraction:
    return Extraction(documents=[_doc(n)], relations=[_relation(n)], events=[_event(n)])


def _all_at_once(ns: list[int]) -> Extraction:
    reports = [_report(n) for n in ns]
    merged = merge_records(relations=[r for x in reports for r in x.relations],
                           events=[e for x in reports for e in x.events])
    return Extraction(documents=[d for x in reports for d in x.documents],
                      relations=merged.relations, events=merged.events,
                      conflicts=merged.conflicts)


@pytest.fixture(params=["duckdb", "postgres"])
def target(request, tmp_path):
    if request.param == "duckdb":
        return str(tmp_path / "s.duckdb")
    return request.getfixturevalue("pg_url")


ORDER = [5, 1, 9, 3, 12, 2, 7, 11, 4, 8, 6, 10]  # not in document order


def _one_by_one_and_together(target, together_path, report, all_at_once):
    """What a store reads after the reports are written one by one in ``ORDER`` (a rerun
    of one changing nothing), and after they are written at once, merged beforehand."""
    with open_store(target) as store:
        for n in ORDER:
            store.write(report(n))
        one_by_one = store.read_extraction()
        store.write(report(9))  # a rerun changes nothing
        assert store.read_extraction() == one_by_one
    with open_store(together_path) as store:
        store.write(all_at_once(ORDER))
        return one_by_one, store.read_extraction()


def test_reports_written_one_by_one_read_as_if_written_together(target, tmp_path):
    one_by_one, together = _one_by_one_and_together(target, tmp_path / "together.duckdb",
                                                    _report, _all_at_once)
    (rel,) = one_by_one.relations
    assert [e.doc_id for e in rel.evidence] == [f"d{n:02d}" for n in range(1, REPORTS + 1)]
    (event,) = one_by_one.events
    assert event.evidence.doc_id == "d01" and len(event.other_evidence) == REPORTS - 1
    assert one_by_one.relations == together.relations
    assert one_by_one.events == together.events


def test_rows_hold_the_growing_lists_empty(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        for n in range(1, REPORTS + 1):
            store.write(_report(n))
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    assert con.sql('SELECT "evidence" FROM "relations"').fetchall() == [("[]",)]
    assert con.sql('SELECT "other_evidence" FROM "events"').fetchall() == [("[]",)]
    kinds = dict(con.sql('SELECT "record_kind", count(*) FROM "evidence" GROUP BY 1').fetchall())
    assert kinds == {"relations": REPORTS, "events": REPORTS}


def test_a_merge_reads_only_the_first_span_of_a_stored_list(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        for n in (4, 2, 8):
            store.write(_report(n))
        rel_id = store.read_extraction().relations[0].relation_id
        (fetched,) = store._fetch_records("relations", "relation_id", [rel_id])
        assert fetched.evidence == [_span(2)]
        (event,) = store._fetch_records("events", "event_id", [_event(1).event_id])
        assert event.other_evidence == []


def test_a_store_with_the_lists_in_its_rows_reads_the_same_and_is_compacted(tmp_path):
    """Stores written before kept the lists in the row; the row is made so by hand."""
    path = tmp_path / "old.duckdb"
    with open_store(path) as store:
        store.write(_all_at_once([1, 2, 3]))
        before = store.read_extraction()
    full = json.dumps([e.model_dump(mode="json") for e in before.relations[0].evidence])
    con = duckdb.connect(str(path))
    con.execute('UPDATE "relations" SET "evidence" = ?', [full])
    con.execute('DELETE FROM "evidence" WHERE "record_kind" = \'relations\' AND "doc_id" <> \'d01\'')
    con.close()
    with open_store(path) as store:
        assert store.read_extraction() == before
        store.write(_report(4))
        (rel,) = store.read_extraction().relations
    assert [e.doc_id for e in rel.evidence] == ["d01", "d02", "d03", "d04"]
    con = duckdb.connect(str(path), read_only=True)
    assert con.sql('SELECT "evidence" FROM "relations"').fetchall() == [("[]",)]


def test_spans_move_with_a_record_a_merge_folds_into_another():
    table = schema.TABLES["relations"]
    absorbed = _relation(2).model_copy(update={"relation_id": "rel-old"})
    result = [_relation(1).model_copy(update={"evidence": [_span(1), _span(2)]}),
              _relation(5)]
    assert spans.moves(table, [absorbed], result) == {"rel-old": result[0].relation_id}
    assert spans.moves(table, [result[1]], result) == {}  # kept its key: nothing moves


# -- agreements: mentions and each stage's reports --------------------------------------

def _agreement(n: int, *, doc: int | None = None, start: int = 100) -> Agreement:
    """A generic pact as one document codes it: a mention and one signature by the US."""
    doc = n if doc is None else doc
    mention = Evidence(doc_id=f"d{doc:02d}", start=start, end=start + 11, text="defence pact")
    signed = Stage(stage="signed", party=USA, date="2020-05-01",
                   evidence=Evidence(doc_id=f"d{doc:02d}", start=start - 40, end=start + 30,
                                     text=f"the US signed the defence pact, report {n}"))
    return Agreement(agreement_id=make_id("ag", "defence", "DJI+USA", f"d{doc:02d}", start),
                     name="defence pact", kind="defence", parties=[USA, DJI],
                     stages=[signed], evidence=[mention])


def _agreement_report(n: int) -> Extraction:
    return Extraction(documents=[_doc(n)], agreements=[_agreement(n)])


def _agreements_at_once(ns: list[int]) -> Extraction:
    merged = merge_records([_agreement(n) for n in ns])
    return Extraction(documents=[_doc(n) for n in ns], agreements=merged.agreements)


def test_an_agreement_reported_one_by_one_reads_as_if_written_together(target, tmp_path):
    one_by_one, together = _one_by_one_and_together(target, tmp_path / "together.duckdb",
                                                    _agreement_report, _agreements_at_once)
    (pact,) = one_by_one.agreements
    assert [e.doc_id for e in pact.evidence] == [f"d{n:02d}" for n in range(1, REPORTS + 1)]
    (signed,) = pact.stages  # one stage, every report of it
    assert signed.evidence.doc_id == "d01"
    assert [e.doc_id for e in signed.other_evidence] == [f"d{n:02d}" for n in range(2, REPORTS + 1)]
    assert one_by_one.agreements == together.agreements


def test_an_agreement_row_holds_its_lists_empty_and_a_merge_reads_one_span(tmp_path):
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        for n in (6, 2, 9):
            store.write(_agreement_report(n))
        (pact,) = store.read_extraction().agreements
        (fetched,) = store._fetch_records("agreements", "agreement_id", [pact.agreement_id])
    assert [e.doc_id for e in fetched.evidence] == ["d02"]
    assert [s.evidence.doc_id for s in fetched.stages] == ["d02"]
    assert fetched.stages[0].other_evidence == ()
    con = duckdb.connect(str(path), read_only=True)
    (evidence, stages), = con.sql('SELECT "evidence", "stages" FROM "agreements"').fetchall()
    assert evidence == "[]" and [s["other_evidence"] for s in json.loads(stages)] == [[]]


def test_two_stored_agreements_kept_apart_stay_apart(tmp_path):
    """One document told of two pacts of one kind between the same pair; the store gives
    them back with partial lists, which no longer show that they share a document."""
    first = Extraction(documents=[_doc(1), _doc(2)],
                       agreements=[_agreement(1), _agreement(2, doc=1, start=300),
                                   _agreement(2)])
    with open_store(tmp_path / "s.duckdb") as store:
        store.write(Extraction(documents=first.documents,
                               agreements=merge_records(first.agreements).agreements))
        assert len(store.read_extraction().agreements) == 2
        for n in range(3, 8):
            store.write(_agreement_report(n))
        pacts = store.read_extraction().agreements
    assert len(pacts) == 2
    assert sorted(len(p.evidence) for p in pacts) == [1, 7]  # d01 twice, d02..d07
