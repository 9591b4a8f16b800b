"""The extraction pipeline as a library user calls it (real model and resources)."""

from __future__ import annotations

import pytest

import dyad
from dyad.pipeline import _kind_of

pytestmark = pytest.mark.slow

TEXT = ("ATHENS, Oct 7 (AFP) - Greece's parliament on Thursday ratified a defence pact with "
        "France. The government imposed a curfew in Athens after the riots.")


def _refs(result):
    for e in result.events:
        yield from (r for r in (e.source, e.target) if r)
    for a in result.agreements:
        yield from a.parties
        yield from (s.party for s in a.stages if s.party)
    for r in result.relations:
        yield from (x for x in (r.source, r.target) if x)


def test_every_reference_resolves_to_a_listed_actor():
    result = dyad.extract(TEXT, date="2021-10-07")
    ids = {a.actor_id for a in result.actors}
    refs = list(_refs(result))
    assert refs, "the text has coded records"
    assert {r.actor_id for r in refs} <= ids


def test_a_failing_stage_becomes_a_failure_and_the_rest_is_kept(extractor, monkeypatch):
    def broken(ctx):
        raise RuntimeError("coder bug")

    monkeypatch.setitem(extractor.coders, "relations", broken)
    result = extractor.extract_text(TEXT, date="2021-10-07")
    (failure,) = result.failures
    assert (failure.stage, failure.code) == ("relations", "D500")
    assert "coder bug" in failure.message
    assert result.actors and result.documents


def test_dateline_anchors_dates():
    result = dyad.extract(TEXT, date="2021-10-08")
    (doc,) = result.documents
    assert (doc.dateline.place, doc.dateline.date) == ("Athens", "2021-10-07")
    # "on Thursday" in a story datelined Thursday 7 October is that day
    dated = [s.date for a in result.agreements for s in a.stages if s.stage == "ratified"]
    assert "2021-10-07" in dated


@pytest.mark.parametrize("actor_id, country, sector, kind", [
    ("FRA", "FRA", None, "state"), ("KEN.GOV", "KEN", "GOV", "state"),
    ("KEN.CVL", "KEN", "CVL", "group"), ("SYR.REB", "SYR", "REB", "group"),
    ("IGO.NATO", None, "IGO", "igo"), ("person.mauro-vieira", "BRA", "GOV", "person"),
    ("group.hamas", "PSE", "REB", "group"), ("org.naval-group", None, "BUS", "organisation"),
])
def test_kind_of_structured_ids(actor_id, country, sector, kind):
    assert _kind_of(actor_id, country, sector) == kind
