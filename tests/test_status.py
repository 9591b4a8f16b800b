"""agreement_status: the as-of reasoning over stages and terms (pure, hand-built records)."""

from __future__ import annotations

import pytest

from dyad.agreements.status import agreement_status
from dyad.errors import InputError
from dyad.model import ActorRef, Agreement, Evidence, Renewal, Stage

EV = Evidence(doc_id="d1", start=0, end=10, text="0123456789")
FRA = ActorRef(actor_id="FRA", name="France", country="FRA")


def stage(name: str, date: str | None = None, modality: str = "asserted", doc: str = "d1") -> Stage:
    return Stage(stage=name, party=FRA, date=date, modality=modality,
                 evidence=EV.model_copy(update={"doc_id": doc}))


def agreement(*stages: Stage, term: float | None = None, renewal: Renewal | None = None) -> Agreement:
    return Agreement(agreement_id="ag-1", name="defence pact", kind="defence", stages=list(stages),
                     term_years=term, renewal=renewal)


@pytest.mark.parametrize("stages, as_of, status", [
    ((), "2024-01-01", "unknown"),
    ((stage("negotiated", "2020-05"),), "2021-01-01", "pending"),
    ((stage("signed", "2021-09-28"),), "2021-10-01", "signed"),
    ((stage("signed", "2021-09-28"),), "2021-09-01", "unknown"),
    ((stage("signed", "2021-09-28"), stage("ratified", "2021-10-07")), "2022-01-01", "signed"),
    ((stage("signed", "2010"), stage("in_force", "2011-02-05")), "2015-01-01", "in_force"),
    ((stage("in_force", "2011-02-05"), stage("suspended", "2023-02-21")), "2024-01-01", "suspended"),
    ((stage("in_force", "2011"), stage("withdrawn", "2019-08-02")), "2020-01-01", "withdrawn"),
    ((stage("in_force", "2011"), stage("terminated", "2019")), "2020-06-01", "terminated"),
    ((stage("signed", "2019"), stage("rejected", "2020-03")), "2021-01-01", "rejected"),
    ((stage("in_force", "2011"), stage("expired", "2026-02-05")), "2026-03-01", "expired"),
    ((stage("in_force", "2011"), stage("renewed", "2021-02-03")), "2022-01-01", "renewed"),
])
def test_status_from_stages(stages, as_of, status):
    assert agreement_status(agreement(*stages), as_of=as_of).status == status


@pytest.mark.parametrize("modality", ["intended", "expected", "negated", "hypothetical"])
def test_only_asserted_and_reported_stages_count(modality):
    report = agreement_status(agreement(stage("signed", "2020"), stage("ratified", "2021", modality),
                                        stage("in_force", "2021", modality)), as_of="2022-01-01")
    assert report.status == "signed"
    assert any(line.startswith(f"not counted: in_force by France is {modality}")
               for line in report.reasoning)


def test_reported_stage_counts_with_a_caveat():
    report = agreement_status(agreement(stage("in_force", "2020", "reported")), as_of="2021-01-01")
    assert report.status == "in_force"
    assert any("reported, not confirmed" in line for line in report.reasoning)


TERMED = (stage("in_force", "2021-10-07"),)


@pytest.mark.parametrize("as_of, renewal, status, until", [
    ("2030-01-01", None, "in_force", "2041-10-07"),
    ("2042-01-01", None, "expired", None),
    ("2042-01-01", Renewal(automatic=False), "expired", None),
    ("2042-01-01", Renewal(automatic=True, term_years=5), "renewed", "2046-10-07"),
    ("2052-01-01", Renewal(automatic=True, term_years=5), "renewed", "2056-10-07"),
    ("2042-01-01", Renewal(automatic=True), "renewed", None),
])
def test_term_and_automatic_renewal(as_of, renewal, status, until):
    report = agreement_status(agreement(*TERMED, term=20, renewal=renewal), as_of=as_of)
    assert (report.status, report.until) == (status, until)


def test_renewal_reasoning_names_each_renewal_date():
    report = agreement_status(agreement(*TERMED, term=20, renewal=Renewal(automatic=True, term_years=5)),
                              as_of="2052-01-01")
    assert any("renewed on 2041-10-07, 2046-10-07, 2051-10-07" in line for line in report.reasoning)
    assert len(report.reasoning) == len(report.evidence)


@pytest.mark.parametrize("date, as_of, status", [
    ("2021", "2021-06-30", "unknown"),  # the year holds the date: uncertain, not counted
    ("2021", "2022-01-01", "signed"),
    ("--09-28", "2030-01-01", "unknown"),  # no year: never counted
])
def test_partial_dates_are_handled_conservatively(date, as_of, status):
    assert agreement_status(agreement(stage("signed", date)), as_of=as_of).status == status


def test_undated_stage_counts_from_its_document_date():
    ag = agreement(stage("signed", None, doc="d7"))
    assert agreement_status(ag, as_of="2024-01-01").status == "unknown"
    assert agreement_status(ag, as_of="2024-01-01", doc_dates={"d7": "2023-05-02"}).status == "signed"
    assert agreement_status(ag, as_of="2023-01-01", doc_dates={"d7": "2023-05-02"}).status == "unknown"


def test_year_precision_term_arithmetic():
    report = agreement_status(agreement(stage("in_force", "2011"), term=10), as_of="2022-01-01")
    assert report.status == "expired" and report.since == "2021"


@pytest.mark.parametrize("bad", ["yesterday", "--06-30"])
def test_bad_as_of_is_an_input_error(bad):
    with pytest.raises(InputError):
        agreement_status(agreement(), as_of=bad)


@pytest.mark.slow
def test_status_from_text_on_real_parse():
    from dyad.agreements.rules import code
    from dyad.nlp.pipeline import NlpLayer
    from dyad.quantities import find_quantities
    from dyad.time import Anchor, find_dates
    from tests.test_agreements import fake_actors

    text = ("France and Greece signed a defence pact in September 2021. The pact entered into "
            "force on 7 October 2021. It is valid for five years and will be renewed automatically "
            "for successive two-year periods unless either party gives notice.")
    parsed = NlpLayer().parse("d1", text)
    ag = code(parsed, actors=fake_actors(text), dates=find_dates(text, anchor=Anchor(date="2024-03-10")),
              quantities=find_quantities(text, doc_id="d1"))[0]
    assert agreement_status(ag, as_of="2025-01-01").status == "in_force"
    report = agreement_status(ag, as_of="2027-01-01")
    assert (report.status, report.until) == ("renewed", "2028-10-07")
    assert agreement_status(ag, as_of="2021-09-01").status == "unknown"
