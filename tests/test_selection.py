"""Which sentences get the full parse: cue tables, actor candidates, and records kept."""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.nlp.selective import SentenceCues
from dyad.selection import build_selector, cue_tables, forms, has_actor_candidate


@pytest.fixture(scope="module")
def tables():
    return cue_tables()


def cues(text: str, *, named: bool = False, capitalised: tuple[str, ...] = ()) -> SentenceCues:
    words = tuple(text.lower().replace(".", " .").replace("-", " - ").split())
    return SentenceCues(text=text, words=words, named=named, capitalised=capitalised)


@pytest.mark.parametrize("text, expected", [
    ("troops took over the town", True),  # "take over" + a territory object
    ("they took the decision late", False),  # "take" without its particle and object
    ("the rebels took hostages", True),  # "take hostage", plural
    ("they made a cake", False),  # "make" only codes as part of a phrase
    ("officials voiced concern", True),  # "voice" + one of its objects
    ("she voiced a song", False),
    ("the army violated the cease-fire", True),  # hyphenated object, joined back
    ("they met on the island", True),  # an unconstrained trigger, irregular past
    ("the state of emergency was declared", True),
    ("heavy rain was forecast for the weekend", False),
    ("the ministers signed it", True),  # the agreement coder's own pattern
    ("the government said it must comply", True),  # deontic modal
])
def test_cues_follow_the_coders_lexicons(tables, text, expected):
    c = cues(text)
    assert tables.has_cue(c.words, c.text) is expected


@pytest.mark.parametrize("c, expected", [
    (cues("France met Kenya", named=True), True),
    (cues("Analysts met on Monday", capitalised=("monday",)), False),  # a weekday is no name
    (cues("They met Vieira", capitalised=("vieira",)), True),  # a name only the NER knows
    (cues("They met officials"), False),
])
def test_actor_candidates(c, expected):
    assert has_actor_candidate(c) is expected


def test_a_record_needs_a_cue_and_an_actor():
    select = build_selector()
    assert select(cues("France met Kenya.", named=True))
    assert not select(cues("Markets in France were little changed.", named=True))
    assert not select(cues("The ministers met on Monday.", capitalised=("monday",)))
    # an agreement named earlier can get a stage from a sentence without an actor
    assert select(cues("The treaty was ratified on Monday.", capitalised=("monday",)))
    assert not select(cues("The treaty is long."))
    loose = build_selector(require_actor=False)
    assert loose(cues("The ministers met on Monday."))


@pytest.mark.parametrize("lemma, form", [("troop", "troops"), ("woman", "women"),
                                          ("withdraw", "withdrew"), ("embassy", "embassies")])
def test_forms_cover_inflections(lemma, form):
    assert form in forms(lemma)


# -- on the real model ------------------------------------------------------------------

STATES = ["France", "Kenya", "Brazil", "Japan", "Egypt", "Poland", "Turkey", "India"]
FILLER = ["on Monday", "in a statement", "last week", "after talks", "officials said",
          "according to the ministry", "for the first time"]


@functools.cache
def _trigger_phrases() -> list[str]:
    """One surface phrase per event trigger entry: its head form, the other words, and an
    object it accepts."""
    from dyad.events.lexicon import default_lexicon

    out = []
    for t in default_lexicon().triggers:
        if t.pos != "verb":
            continue
        head = sorted(forms(t.head))[0]
        obj = sorted(t.object)[0] if t.object else ""
        out.append(" ".join(w for w in [head, *t.others, "the", obj] if w).strip())
    return sorted(set(out))


@pytest.fixture(scope="module")
def layers():
    from dyad.actors import load_dictionary
    from dyad.nlp.pipeline import NlpLayer, load_spacy

    nlp = load_spacy(load_dictionary().ruler_patterns())
    return NlpLayer(nlp=nlp, selector=build_selector()), NlpLayer(nlp=nlp)


@pytest.mark.slow
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_sentences_with_a_cue_and_an_actor_are_always_parsed(layers, data):
    selective, _ = layers
    phrase = data.draw(st.sampled_from(_trigger_phrases()))
    a, b = data.draw(st.sampled_from(STATES)), data.draw(st.sampled_from(STATES))
    filler = data.draw(st.sampled_from(FILLER))
    text = f"Markets were calm. {a} {phrase} of {b} {filler}. Rain fell."
    parsed = selective.parse("d", text)
    middle = [s for s in parsed.sentences if a in s.text and phrase.split()[0] in s.text]
    assert middle and all(s.parsed for s in middle), text
    assert not parsed.sentences[0].parsed  # no actor, no cue: skipped


EVENTS = [  # clear events, one or two per text, written for this test
    "PARIS, May 2 (AFP) - France and Greece signed a defence cooperation agreement on "
    "Tuesday. The weather in Athens was warm. Markets were little changed.",
    "Kenya accused Ethiopia of violating the ceasefire along their shared border. "
    "Analysts said the outcome would depend on negotiations later in the year.",
    "Japan imposed sanctions on Russia over the invasion, officials said. "
    "Unemployment edged down to 6.1 percent in the third quarter.",
    "Brazil recalled its ambassador from Israel in protest. The statement gave no "
    "further details. Poland pledged $50 million in humanitarian aid to Turkey.",
    "Egypt deployed troops near the border with Sudan, according to the defence ministry. "
    "Heavy rain was forecast for the weekend.",
    "India and Pakistan agreed to resume direct flights. The talks were described by both "
    "sides as constructive.",
]


@pytest.fixture(scope="module")
def both_modes():
    from dyad.pipeline import Extractor

    return Extractor(selective=True), Extractor(selective=False)


def _records(result):
    ref = lambda r: r.actor_id if r else None  # noqa: E731
    events = {(e.event_type, ref(e.source), ref(e.target), e.evidence.start)
              for e in result.events}
    agreements = {(a.agreement_id,) for a in result.agreements}
    relations = {(r.relation_id,) for r in result.relations}
    return events, agreements, relations


@pytest.mark.slow
@pytest.mark.parametrize("text", EVENTS)
def test_selective_and_full_mode_give_the_same_records(both_modes, text):
    selective, full = both_modes
    got, want = _records(selective.extract_text(text)), _records(full.extract_text(text))
    assert want[0], "the full parse codes an event here"
    assert got == want
