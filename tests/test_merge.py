"""Cross-document merging: one record per real thing, contradictions kept."""

from __future__ import annotations

import itertools

import pytest

from dyad.agreements.rules import named_id
from dyad.merge import merge_records
from dyad.model import ActorRef, Agreement, Event, Evidence, Relation, Renewal, Stage

GRC = ActorRef(actor_id="GRC", name="Greece", country="GRC")
FRA = ActorRef(actor_id="FRA", name="France", country="FRA")
USA = ActorRef(actor_id="USA", name="United States", country="USA")
DJI = ActorRef(actor_id="DJI", name="Djibouti", country="DJI")
PACT = "Strategic Partnership for Cooperation in Defence and Security"


def ev(doc: str, start: int, text: str = "sentence") -> Evidence:
    return Evidence(doc_id=doc, start=start, end=start + len(text), text=text)


def stage(name, party, doc, start, date=None, modality="asserted") -> Stage:
    return Stage(stage=name, party=party, date=date, modality=modality, evidence=ev(doc, start))


def named(doc, *stages, term=None, kind="defence") -> Agreement:
    return Agreement(agreement_id=named_id(PACT), name=PACT, kind=kind, parties=[GRC, FRA],
                     stages=list(stages), term_years=term, evidence=[ev(doc, 0)])


def generic(doc, *stages, parties=(GRC, FRA), kind="defence", term=None) -> Agreement:
    return Agreement(agreement_id=f"ag-{doc}-generic", name="the defence pact", kind=kind,
                     parties=list(parties), stages=list(stages), term_years=term,
                     evidence=[ev(doc, 5)])


def test_generic_reference_folds_into_the_named_agreement():
    m = merge_records([named("d1", stage("signed", GRC, "d1", 0, "2021-09-28")),
                       generic("d2", stage("ratified", GRC, "d2", 5, "2021-10-07"))])
    assert len(m.agreements) == 1
    ag = m.agreements[0]
    assert ag.agreement_id == named_id(PACT) and ag.name == PACT
    assert [s.stage for s in ag.stages] == ["signed", "ratified"]
    assert {e.doc_id for e in ag.evidence} == {"d1", "d2"}
    assert not m.conflicts


def test_generic_agreements_of_one_kind_between_the_same_parties_merge():
    m = merge_records([generic("d1", stage("signed", GRC, "d1", 5)),
                       generic("d2", stage("ratified", FRA, "d2", 5))])
    assert len(m.agreements) == 1
    other_kind = merge_records([generic("d1"), generic("d2", kind="trade")])
    assert len(other_kind.agreements) == 2


def test_generic_agreement_without_parties_is_not_merged():
    m = merge_records([generic("d1", parties=()), generic("d2", parties=())])
    assert len(m.agreements) == 2


def test_agreements_the_coder_kept_apart_in_one_document_stay_apart():
    """A pact and the declaration before it, with the same kind and parties: the coder read
    the text and made two records; only another document's report merges into them."""
    declaration = generic("d1", stage("signed", None, "d1", 5)).model_copy(
        update={"agreement_id": "ag-d1-declaration", "name": "joint declaration",
                "evidence": [ev("d1", 40)]})
    pact = named("d1", stage("signed", None, "d1", 0))
    one_doc = merge_records([pact, declaration])
    assert len(one_doc.agreements) == 2
    later = merge_records([pact, declaration, generic("d2", stage("ratified", GRC, "d2", 5))])
    assert len(later.agreements) == 2
    (merged,) = [a for a in later.agreements if a.agreement_id == named_id(PACT)]
    assert {e.doc_id for e in merged.evidence} == {"d1", "d2"}
    two_generic = merge_records([generic("d1"), declaration])
    assert len(two_generic.agreements) == 2


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1), (1, 2, 0)])
def test_the_same_stage_reported_again_is_one_stage_with_every_report(order):
    reports = [named("d3", stage("ratified", GRC, "d3", 0, "2021-10-07")),
               named("d1", stage("ratified", GRC, "d1", 0, "2021-10-07")),
               named("d2", stage("ratified", GRC, "d2", 0, "2021-10-07"),
                     stage("ratified", GRC, "d2", 50, "2021"))]
    (ag,) = merge_records([reports[i] for i in order]).agreements
    exact, year = sorted(ag.stages, key=lambda s: len(s.date or ""), reverse=True)
    assert exact.evidence.doc_id == "d1"  # the earliest report, whatever the input order
    assert [e.doc_id for e in exact.other_evidence] == ["d2", "d3"]
    assert year.date == "2021" and year.other_evidence == ()  # another date: another stage


def test_a_conflict_cites_every_report_of_a_merged_stage():
    m = merge_records([named("d1", stage("ratified", GRC, "d1", 0, "2021-10-07")),
                       named("d2", stage("ratified", GRC, "d2", 0, "2021-10-07")),
                       named("d3", stage("ratified", GRC, "d3", 0, "2021-10-08"))])
    (conflict,) = m.conflicts
    cited = {v.value: [e.doc_id for e in v.evidence] for v in conflict.values}
    assert cited == {"2021-10-07": ["d1", "d2"], "2021-10-08": ["d3"]}


def test_two_ratification_dates_are_a_conflict():
    m = merge_records([named("d1", stage("ratified", GRC, "d1", 0, "2021-10-07")),
                       named("d2", stage("ratified", GRC, "d2", 0, "2021-10-08"))])
    (conflict,) = m.conflicts
    assert conflict.field == "stages.ratified.date"
    assert {v.value for v in conflict.values} == {"2021-10-07", "2021-10-08"}
    assert {v.evidence[0].doc_id for v in conflict.values} == {"d1", "d2"}


def test_less_precise_date_is_not_a_conflict():
    m = merge_records([named("d1", stage("ratified", GRC, "d1", 0, "2021")),
                       named("d2", stage("ratified", GRC, "d2", 0, "2021-10-07"))])
    assert not m.conflicts


def test_stage_affirmed_and_denied_is_a_conflict():
    m = merge_records([named("d1", stage("signed", FRA, "d1", 0)),
                       named("d2", stage("signed", FRA, "d2", 0, modality="negated"))])
    assert [c.field for c in m.conflicts] == ["stages.signed.modality"]


def test_different_terms_are_a_conflict_and_the_earliest_source_wins():
    m = merge_records([named("d2", term=20), named("d1", term=5)])
    assert m.agreements[0].term_years == 5
    assert [c.field for c in m.conflicts] == ["term_years"]


def rel(doc, start, attributes=None, modality="asserted", source=USA) -> Relation:
    return Relation(relation_id=f"rel-{doc}-{start}", relation_type="military_presence",
                    source=source, target=DJI, attributes=attributes or {},
                    modality=modality, evidence=[ev(doc, start)])


def test_relation_reported_twice_is_one_record_with_both_evidence():
    m = merge_records(relations=[rel("d1", 0), rel("d2", 10)])
    (r,) = m.relations
    assert [(e.doc_id, e.start) for e in r.evidence] == [("d1", 0), ("d2", 10)]
    other_side = merge_records(relations=[rel("d1", 0), rel("d2", 10, source=FRA)])
    assert len(other_side.relations) == 2


def test_relation_values_conflict_unless_they_are_for_other_years():
    m = merge_records(relations=[rel("d1", 0, {"value_usd": 1e9}), rel("d2", 0, {"value_usd": 2e9})])
    assert [c.field for c in m.conflicts] == ["attributes.value_usd"]
    series = merge_records(relations=[rel("d1", 0, {"value_usd": 1e9, "year": 2020}),
                                      rel("d2", 0, {"value_usd": 2e9, "year": 2021})])
    assert not series.conflicts


def test_relation_denied_elsewhere_is_a_conflict():
    m = merge_records(relations=[rel("d1", 0), rel("d2", 0, modality="negated")])
    assert [c.field for c in m.conflicts] == ["modality"]


def event(doc, start, date="2023-03-03", modality="asserted", etype="ASSAULT") -> Event:
    return Event(event_id=f"ev-{doc}-{start}", doc_id=doc, event_type=etype, source=USA,
                 target=DJI, date=date, modality=modality, evidence=ev(doc, start))


def test_same_event_from_two_documents_is_one_record():
    m = merge_records(events=[event("d2", 4), event("d1", 9)])
    (e,) = m.events
    assert e.evidence.doc_id == "d1" and [o.doc_id for o in e.other_evidence] == ["d2"]


@pytest.mark.parametrize("a, b", [
    ({"date": "2023-03"}, {"date": "2023-03"}),  # month precision: not merged
    ({}, {"etype": "ACCUSE"}),
    ({}, {"date": "2023-03-04"}),
])
def test_events_that_differ_stay_apart(a, b):
    assert len(merge_records(events=[event("d1", 0, **a), event("d2", 0, **b)]).events) == 2


def test_event_asserted_and_denied_is_a_conflict():
    m = merge_records(events=[event("d1", 0), event("d2", 0, modality="negated")])
    (c,) = m.conflicts
    assert c.record_kind == "events" and c.field == "modality"
    assert {v.value for v in c.values} == {"asserted", "negated"}


def test_merge_does_not_depend_on_input_order_and_is_idempotent():
    records = [named("d1", stage("ratified", GRC, "d1", 0, "2021-10-07")),
               generic("d2", stage("ratified", GRC, "d2", 5, "2021-10-08")),
               named("d3", stage("signed", FRA, "d3", 0), term=20)]
    results = {tuple(a.model_dump_json() for a in merge_records(list(p)).agreements)
               for p in itertools.permutations(records)}
    assert len(results) == 1
    once = merge_records(records)
    twice = merge_records(once.agreements)
    assert [a.model_dump() for a in twice.agreements] == [a.model_dump() for a in once.agreements]


# -- the store merges incrementally ---------------------------------------------------------

def _doc(doc_id: str):
    from dyad.model import Document

    return Document(doc_id=doc_id, text="x" * 200)


def test_store_merges_a_later_document_into_the_stored_records(tmp_path):
    from dyad.model import Extraction
    from dyad.store import open_store

    first = Extraction(documents=[_doc("d1")],
                       agreements=[named("d1", stage("ratified", GRC, "d1", 0, "2021-10-07"))],
                       relations=[rel("d1", 0)])
    first_rel_id = merge_records(relations=first.relations).relations[0].relation_id
    first = first.model_copy(update={"relations": [
        r.model_copy(update={"relation_id": first_rel_id}) for r in first.relations]})
    second = Extraction(documents=[_doc("d2")],
                        agreements=[generic("d2", stage("ratified", GRC, "d2", 5, "2021-10-08"))],
                        relations=[first.relations[0].model_copy(
                            update={"evidence": [ev("d2", 10)]})])
    with open_store(tmp_path / "m.duckdb") as store:
        store.write(first)
        store.write(second)
        snapshot = store.read_extraction()
        store.write(second)  # a rerun changes nothing
        assert store.read_extraction() == snapshot
    (ag,) = snapshot.agreements
    assert ag.agreement_id == named_id(PACT)
    assert {s.evidence.doc_id for s in ag.stages} == {"d1", "d2"}
    (r,) = snapshot.relations
    assert {e.doc_id for e in r.evidence} == {"d1", "d2"}
    (c,) = snapshot.conflicts
    assert c.field == "stages.ratified.date" and len(c.values) == 2


# -- merging new records into a store (dyad.store.plan) ------------------------------------

def test_stored_records_the_merge_leaves_unchanged_are_not_rewritten():
    from dyad.store import schema
    from dyad.store.plan import WritePlan, merge_with_stored

    stored = merge_records([named("d1", stage("signed", GRC, "d1", 0)),
                            generic("d1", kind="trade")]).agreements
    assert len(stored) == 2

    def fetch(table, column, values):
        """Stands in for the store's query: stored agreements whose column is in values."""
        if table != "agreements":
            return []
        key = {"agreement_id": lambda a: a.agreement_id,
               "party_countries": lambda a: schema.party_key(a, "country"),
               "party_ids": lambda a: schema.party_key(a, "actor_id")}[column]
        return [a for a in stored if key(a) in values]

    new = generic("d2", stage("ratified", GRC, "d2", 5))
    plan = WritePlan(records={"agreements": [new], "relations": [], "events": []},
                     documents_skipped=0)
    merged, deletes = merge_with_stored(plan, fetch)
    (written,) = merged.records["agreements"]
    assert written.agreement_id == named_id(PACT)
    assert [s.stage for s in written.stages] == ["signed", "ratified"]
    assert deletes["agreements"] == [named_id(PACT)]  # the trade accord stays as stored
