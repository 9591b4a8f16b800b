"""bench/annotator_agreement.py: a second annotation scored with dyad's own scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "agreements" / "dev2.jsonl"


@pytest.fixture(scope="module")
def iaa():
    spec = importlib.util.spec_from_file_location("annotator_agreement",
                                                  ROOT / "bench" / "annotator_agreement.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_annotation_agrees_fully_with_itself(iaa):
    # every party, kind, stage and relation must survive the trip to dyad records and back
    rep = iaa.compare(GOLD, GOLD)
    for prf in (rep.agreements, rep.stages, rep.relations):
        assert prf.fp == 0 and prf.fn == 0 and prf.tp > 40


def test_a_changed_party_or_kind_is_a_disagreement(iaa, tmp_path):
    rows = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    changed = 0
    for row in rows:
        for a in row["agreements"]:
            # a different party set, kind and name: nothing left to match it by
            if len(a["parties"]) >= 2 and not changed:
                a["parties"], a["kind"], a["name"], a["aliases"] = a["parties"][:1], "other", "x", []
                changed += 1
        for r in row["relations"][:1]:
            r["relation_type"] = "trade" if r["relation_type"] != "trade" else "alliance"
    second = tmp_path / "second.jsonl"
    second.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    rep = iaa.compare(GOLD, second)
    assert rep.agreements.fn == 1 and rep.agreements.fp == 1
    assert rep.relations.fn >= 30 and rep.relations.fp >= 30


def test_codes_map_back_to_themselves(iaa):
    from dyad.eval.report import is_state_or_igo, ref_code

    assert ref_code(iaa.ref("FRA")) == "FRA" and is_state_or_igo(iaa.ref("FRA"))
    assert ref_code(iaa.ref("NATO")) == "NATO" and is_state_or_igo(iaa.ref("NATO"))
    assert ref_code(iaa.ref("M23")) == "M23" and not is_state_or_igo(iaa.ref("M23"))
    # a code the annotator listed among non-state parties is never counted as a party
    assert not is_state_or_igo(iaa.ref("LTTE", non_state=True))


def test_a_text_left_unannotated_is_an_error(iaa, tmp_path):
    second = tmp_path / "second.jsonl"
    second.write_text(GOLD.read_text("utf-8").splitlines()[0] + "\n", "utf-8")
    with pytest.raises(SystemExit, match="no annotation for"):
        iaa.compare(GOLD, second)
