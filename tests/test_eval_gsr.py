"""The PLOVER GSR scorer: reading the gold format, choosing the primary event, scoring."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SHARED
from dyad.errors import InputError
from dyad.eval.plover_gsr import (GsrItem, GsrPrediction, evaluate_gsr, primary_prediction,
                                  read_gsr, score_gsr)
from dyad.model import ActorRef, Event, Evidence, Extraction

RECORDS = [
    {"id": "DOC", "event": "DOCUMENT", "comment": "header record, skipped"},
    {"id": "R1", "event": "DEMAND", "text": "Chile urged Peru to free the fishermen.",
     "source": [{"actorText": "Chile", "code": "CHL"}], "target": [{"actorText": "Peru", "code": "PER"}]},
    {"id": "R2", "event": "FIGHT", "text": "Italian troops clashed with rebels.",
     "source": [{"actorText": "Italian", "code": "ITL"}], "target": ""},
    {"id": "R3", "event": "AGREE", "text": "The UN agreed to send monitors to Japan.",
     "source": [{"actorText": "UN", "code": "IGO"}], "target": [{"actorText": "Japan", "code": "JAP"}]},
    {"id": "R4", "event": "DISAPPROVE", "text": "Norway criticised the vote.",
     "source": [{"actorText": "Norway", "code": "NOR"}], "target": None},
]


@pytest.fixture()
def gold_file(tmp_path):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(RECORDS))
    return path


def test_read_gsr_maps_labels_and_codes(gold_file) -> None:
    items = read_gsr(gold_file)
    assert [i.item_id for i in items] == ["R1", "R2", "R3", "R4"]
    assert [i.event_type for i in items] == ["REQUEST", "ASSAULT", "AGREE", "ACCUSE"]
    assert items[1].sources == ("ITA",) and items[1].targets == ()
    assert items[2].sources == ("IGO",) and items[2].targets == ("JPN",)


@pytest.mark.parametrize("content", ["{not json", '{"a": 1}'])
def test_read_gsr_rejects_other_files(tmp_path, content: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content)
    with pytest.raises(InputError, match="fix"):
        read_gsr(path)


def _event(doc_id: str, event_type: str, trigger: str, src: str | None, tgt: str | None) -> Event:
    ref = lambda c: ActorRef(actor_id=c, name=c, country=None if c.startswith("IGO") else c)  # noqa: E731
    return Event(event_id=f"{doc_id}-{trigger}-{src}-{tgt}", doc_id=doc_id, event_type=event_type,
                 source=ref(src) if src else None, target=ref(tgt) if tgt else None,
                 trigger=trigger, evidence=Evidence(doc_id=doc_id, start=0, end=1, text="x"))


def test_primary_prediction_groups_the_first_trigger() -> None:
    events = [_event("d", "CONSULT", "talks", "CHL", "PER"), _event("d", "CONSULT", "talks", "PER", "CHL"),
              _event("d", "ASSAULT", "attack", "ARG", "PER")]
    p = primary_prediction(events)
    assert p == GsrPrediction("CONSULT", frozenset({"CHL", "PER"}), frozenset({"CHL", "PER"}))
    assert primary_prediction([]).event_type == "NONE"
    assert primary_prediction([_event("d", "AID", "aid", "IGO.UN", None)]).sources == {"IGO"}


def test_score_gsr_counts_what_it_should() -> None:
    a = GsrItem("1", "t", "REQUEST", "DEMAND", ("CHL",), ("PER",))
    b = GsrItem("2", "t", "ASSAULT", "FIGHT", ("ITA",), ())
    c = GsrItem("3", "t", "AGREE", "AGREE", ("IGO",), ("JPN",))
    rows = [(a, GsrPrediction("REQUEST", frozenset({"CHL"}), frozenset({"BOL"}))),
            (b, GsrPrediction("ASSAULT", frozenset({"FRA"}), frozenset())),
            (c, GsrPrediction())]
    report = score_gsr(rows)
    assert report.n == 3 and report.type_accuracy == pytest.approx(2 / 3)
    assert (report.source_accuracy, report.source_n) == (pytest.approx(1 / 3), 3)
    assert (report.target_accuracy, report.target_n) == (0.0, 2)
    assert report.per_type["AGREE"].recall == 0.0 and report.per_type["REQUEST"].f1 == 1.0
    assert report.macro_f1 == pytest.approx(2 / 3)
    assert report.confusion["AGREE"] == {"NONE": 1}
    md = report.to_markdown()
    assert "event-type accuracy" in md and "| AGREE |" in md
    assert report.to_dict()["per_type"]["REQUEST"]["support"] == 1


class FakeExtractor:
    """Stands in for dyad.pipeline.Extractor: returns fixed events per document id."""

    def extract_documents(self, docs):
        docs = list(docs)
        events = [_event("R1", "REQUEST", "urged", "CHL", "PER"),
                  _event("R3", "AGREE", "agreed", "IGO.UN", "JPN"),
                  _event("R4", "SUPPORT", "praised", "NOR", None)]
        return Extraction(documents=docs, events=events)


def test_evaluate_gsr_with_a_stand_in_extractor(gold_file) -> None:
    report = evaluate_gsr(gold_file, extractor=FakeExtractor())
    assert report.n == 4 and report.type_accuracy == 0.5
    assert report.source_accuracy == 0.75 and report.target_accuracy == 1.0


@pytest.mark.slow
def test_evaluate_gsr_real_pipeline_small(gold_file, extractor) -> None:
    report = evaluate_gsr(gold_file, extractor=extractor)
    assert report.n == 4
    assert report.rows[0][1].event_type == "REQUEST"  # "urged ... to free"


GOLD = SHARED / "benchmarks" / "plover-gsr"


@pytest.mark.slow
@pytest.mark.skipif(not GOLD.exists(), reason="the shared PLOVER GSR is not checked out")
def test_evaluate_gsr_real_gold_file(extractor) -> None:
    report = evaluate_gsr(GOLD, extractor=extractor)
    assert report.n == 322
    for value in (report.type_accuracy, report.macro_f1, report.source_accuracy,
                  report.target_accuracy):
        assert 0.0 <= value <= 1.0
    assert sum(sum(row.values()) for row in report.confusion.values()) == 322


def test_actor_share_counts_gold_codes_among_resolved_actors():
    from dyad.eval.plover_gsr import GsrItem, GsrPrediction, score_gsr

    gold = GsrItem("g1", "text", "AGREE", "AGREE", sources=("FRA", "DEU"), targets=("GRC",))
    found = GsrPrediction("AGREE", resolved=frozenset({"FRA", "GRC", "USA"}))
    report = score_gsr([(gold, found)])
    assert report.actor_n == 3
    assert report.actor_share == pytest.approx(2 / 3)
