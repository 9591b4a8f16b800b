"""The learned relation reader: candidates and their features (``dyad.relations.pairs``),
the logistic regression (``dyad.relations.learned``), training labels
(``dyad.relations.training``) and the records it adds to the rules' (``pair_reader``,
``rules.code_v2``). Texts were written for these tests."""

from __future__ import annotations

import json

import pytest

from dyad.model import ActorRef
from dyad.relations.learned import Example, PairModel, load_model, train
from dyad.relations.pair_reader import allowed
from dyad.relations.training import gold_labels


def _ref(actor_id: str, country: str | None = None) -> ActorRef:
    return ActorRef(actor_id=actor_id, name=actor_id, country=country)


# -- the model ----------------------------------------------------------------------------
TOY = [Example(("m:supply", "s:jet"), frozenset({"arms_supply"})),
       Example(("m:supply", "s:gas"), frozenset({"energy_supply"})),
       Example(("m:meet", "s:jet"), frozenset()),
       Example(("m:meet", "s:gas"), frozenset())] * 5


def test_train_separates_labels_from_their_features():
    model = train(TOY, epochs=200)
    jets = model.scores(["m:supply", "s:jet"])
    assert jets["arms_supply"] > 0.8 and jets["energy_supply"] < 0.2
    assert model.scores(["m:meet", "s:gas"])["energy_supply"] < 0.2
    assert model.labels == ["arms_supply", "energy_supply"]


def test_train_is_deterministic_and_drops_rare_features():
    once, again = train(TOY + [Example(("rare",), frozenset())]), train(TOY + [Example(("rare",), frozenset())])
    assert once.to_json() == again.to_json()
    assert "rare" not in once.weights  # seen once: below min_count


def test_thresholds_decide_what_is_accepted():
    model = PairModel(labels=["trade"], bias={"trade": 0.0}, weights={"m:trade": {"trade": 2.0}})
    assert model.accepted(["m:trade"]) == pytest.approx({"trade": 0.8808}, abs=1e-3)
    model.thresholds["trade"] = 0.9
    assert model.accepted(["m:trade"]) == {}
    assert model.accepted(["m:other"]) == {}  # 0.5 is not enough with the threshold at 0.9


def test_save_and_load_round_trip(tmp_path):
    model = train(TOY)
    model.threshold = 0.7
    path = tmp_path / "m.json"
    model.save(path)
    back = load_model(path)
    assert back is not None and back.to_json() == json.loads(path.read_text())
    assert back.scores(["m:supply", "s:jet"]) == model.scores(["m:supply", "s:jet"])
    assert load_model(tmp_path / "missing.json") is None


def test_shipped_model_is_readable():
    model = load_model()
    assert model is not None, "dyad/relations/data/pair_model.json is missing"
    assert {"arms_supply", "military_presence", "trade"} <= set(model.labels)
    assert 0.0 < model.threshold < 1.0
    assert model.meta.get("sets") and not {"dev6.jsonl", "heldout.jsonl"} & set(model.meta["sets"])


# -- training labels ----------------------------------------------------------------------
GOLD = [{"relation_type": "arms_supply", "source": "FRA", "target": "IND", "modality": "asserted"},
        {"relation_type": "trade", "source": "IND", "target": "FRA", "modality": "asserted"},
        {"relation_type": "military_presence", "source": "USA", "target": "JPN", "modality": "asserted",
         "note": "a scorer may treat this row as optional"},
        {"relation_type": "mediation", "source": "QAT", "target": None, "modality": "asserted"}]


@pytest.mark.parametrize("source, target, labels, optional", [
    ("FRA", "IND", {"arms_supply", "trade"}, False),  # directed one way, symmetric either way
    ("IND", "FRA", {"trade"}, False),
    ("USA", "JPN", set(), True),
    ("QAT", "IND", set(), False),  # a mediator is in no pair relation
])
def test_gold_labels_follow_direction(source, target, labels, optional):
    got, opt = gold_labels(GOLD, source, target)
    assert got == labels and opt is optional


@pytest.mark.parametrize("rtype, source, target, ok", [
    ("membership", _ref("POL", "POL"), _ref("IGO.NATO"), True),
    ("membership", _ref("IGO.NATO"), _ref("POL", "POL"), False),
    ("membership", _ref("POL", "POL"), _ref("DEU", "DEU"), False),
    ("sanctions", _ref("IGO.EU"), _ref("RUS", "RUS"), True),
    ("alliance", _ref("IGO.NATO"), _ref("SWE", "SWE"), False),
    ("arms_supply", _ref("USA", "USA"), _ref("TWN", "TWN"), True),
])
def test_allowed_pairs(rtype, source, target, ok):
    assert allowed(rtype, source, target) is ok


# -- candidates and features on the real parse ---------------------------------------------
def _context(extractor, text: str):
    from dyad.ingest import read_text

    doc = read_text(text, doc_id="t", date="2024-05-01")
    parsed = extractor.nlp.parse(doc.doc_id, doc.text, body_start=doc.dateline.end if doc.dateline else 0)
    return extractor.context(doc, parsed)


@pytest.mark.slow
def test_candidates_pair_the_sides_of_each_sentence(extractor):
    from dyad.relations.pairs import candidates
    from dyad.relations.rules import side_key

    ctx = _context(extractor, "Italian frigates escorted the convoy. Greece buys most of its gas from "
                              "Azerbaijan, and Turkey objects.")
    pairs = [(side_key(c.first_ref), side_key(c.second_ref)) for c in candidates(ctx.parsed, ctx.actors)]
    assert ("GRC", "AZE") in pairs and ("GRC", "TUR") in pairs and ("AZE", "TUR") in pairs
    assert not any("ITA" in p for p in pairs)  # alone in its sentence


@pytest.mark.slow
def test_features_read_the_pair_both_ways(extractor):
    from dyad.relations.lexicon import load_patterns
    from dyad.relations.pairs import candidates, features, trigger_hits

    ctx = _context(extractor, "Norway exports natural gas to Poland through the Baltic Pipe.")
    cand = candidates(ctx.parsed, ctx.actors)[0]
    hits = trigger_hits(ctx.parsed, cand.sentence, load_patterns())
    forward = features(ctx.parsed, cand, ctx.actors, hits=hits)
    backward = features(ctx.parsed, cand, ctx.actors, reverse=True, hits=hits)
    assert "ord:st" in forward and "ord:ts" in backward
    assert "m:export" in forward and "m:export" in backward  # words between, either way
    assert "srole:nsubj" in forward and "trole:nsubj" in backward  # roles follow the reading
    assert any(f.startswith("trig:") for f in forward)


# -- records ------------------------------------------------------------------------------
def _supply_model() -> PairModel:
    """Stands in for a trained model: "export" between a source named first and its
    target means energy supply; nothing else does."""
    return PairModel(labels=["energy_supply"], bias={"energy_supply": -4.0},
                     weights={"mo:st_export": {"energy_supply": 6.0}}, threshold=0.5)


@pytest.mark.slow
@pytest.mark.parametrize("text, modality", [
    ("Norway exports natural gas to Poland through the Baltic Pipe.", "asserted"),
    ("Norway will not export natural gas to Poland, the ministry said.", "negated"),
])
def test_read_pairs_writes_directed_records_with_evidence(extractor, text, modality):
    from dyad.relations.lexicon import load_patterns
    from dyad.relations.pair_reader import read_pairs

    ctx = _context(extractor, text)
    rels = read_pairs(ctx.parsed, ctx.actors, _supply_model(), load_patterns(), taken=set())
    assert [(r.relation_type, r.source.country, r.target.country) for r in rels] == \
        [("energy_supply", "NOR", "POL")]
    rel = rels[0]
    assert rel.modality == modality
    assert rel.attributes["reader"] == "learned" and 0.5 < rel.attributes["confidence"] <= 1.0
    ev = rel.evidence[0]
    assert text[ev.start:ev.end] == ev.text and "Poland" in ev.text


@pytest.mark.slow
def test_read_pairs_leaves_what_the_rules_read(extractor):
    from dyad.relations.lexicon import load_patterns
    from dyad.relations.pair_reader import read_pairs

    ctx = _context(extractor, "Norway exports natural gas to Poland through the Baltic Pipe.")
    taken = {("energy_supply", frozenset({"NOR", "POL"}))}
    assert read_pairs(ctx.parsed, ctx.actors, _supply_model(), load_patterns(), taken=taken) == []


@pytest.mark.slow
def test_code_v2_is_v1_without_a_model(extractor, monkeypatch):
    import dyad.relations.learned as learned
    from dyad.relations import rules

    ctx = _context(extractor, "Japan hosts about 54,000 American troops. Seoul and Tokyo trade heavily.")
    monkeypatch.setattr(learned, "load_model", lambda *a, **k: None)
    assert rules.code_v2(ctx) == rules.code_v1(ctx)


@pytest.mark.slow
def test_shipped_model_is_what_its_training_sets_give():
    """The model file is what ``bench/train_relations.py`` writes from the committed sets
    with the current pipeline: a change to the parse, the actors or the relation lexicon
    that changes the examples fails here (run the script to retrain)."""
    import importlib.util
    from pathlib import Path

    from dyad.relations.learned import examples_digest

    path = Path(__file__).resolve().parent.parent / "bench" / "train_relations.py"
    spec = importlib.util.spec_from_file_location("train_relations", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    shipped = load_model()
    data = script.collect(shipped.meta["sets"])
    examples = script.all_examples(data)
    assert examples_digest(examples) == shipped.meta["examples_sha256"], \
        "the pipeline's examples changed: rerun .venv/bin/python bench/train_relations.py"
    again = train(examples, **shipped.meta.get("training", {}))
    assert again.labels == shipped.labels
    for feature in list(shipped.weights)[::50]:  # every 50th feature, all its labels
        for label, w in shipped.weights[feature].items():
            assert again.weights.get(feature, {}).get(label, 0.0) == pytest.approx(w, abs=2e-3)


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # the lexicon's sanction triggers after a verb of obstruction state no sanction
    ("Hungary vetoed new sanctions against Belarus at the summit.", []),
    ("Austria has resisted further sanctions on Iran for months.", []),
    # the same model where no trigger of the type is vetoed
    ("Canada imposed new sanctions on Belarus at the summit.", [("sanctions", "CAN", "BLR")]),
])
def test_read_pairs_respects_the_lexicons_vetoes(extractor, text, expected):
    from dyad.relations.lexicon import load_patterns
    from dyad.relations.pair_reader import read_pairs

    # stands in for a trained model: any pair read forward is a sanction
    model = PairModel(labels=["sanctions"], bias={"sanctions": -3.0}, weights={"ord:st": {"sanctions": 6.0}})
    ctx = _context(extractor, text)
    rels = read_pairs(ctx.parsed, ctx.actors, model, load_patterns(), taken=set())
    assert [(r.relation_type, r.source.country, r.target.country) for r in rels] == expected


@pytest.mark.parametrize("content", ["{not json", '{"format": "other/1"}', '{"format": "dyad-pair-model/1"}', "[]"])
def test_a_broken_model_file_is_a_clear_error(tmp_path, content):
    from dyad.errors import ConfigError

    path = tmp_path / f"bad{abs(hash(content))}.json"
    path.write_text(content)
    with pytest.raises(ConfigError, match="not a relation model file.*train_relations"):
        load_model(path)


@pytest.mark.slow
def test_with_coder_leaves_the_shared_extractor_alone(extractor):
    from dyad.errors import ConfigError
    from dyad.relations.rules import code_v1, code_v2

    rules = extractor.with_coder("relations", code_v1)
    assert rules.coders["relations"] is code_v1 and extractor.coders["relations"] is code_v2
    assert rules.nlp is extractor.nlp  # resources shared, not reloaded
    with pytest.raises(ConfigError, match="no coder named"):
        extractor.with_coder("treaties", code_v1)
