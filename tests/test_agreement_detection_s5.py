"""Agreement terms and detection, round seven: a provision the text denies ("contains no
mutual defence clause") is no provision, and so does not make a partnership treaty a
defence pact. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from dyad.agreements.terms import provision_denied
from tests.agreement_helpers import extract


def _denied(sentence: str, phrase: str) -> bool:
    i = sentence.index(phrase)
    return provision_denied(sentence, i, i + len(phrase))


@pytest.mark.parametrize("sentence, phrase", [
    ("The accord contains no mutual defence clause.", "mutual defence"),
    ("The pact does not provide for joint exercises.", "joint exercises"),
    ("It stops short of a mutual assistance commitment.", "mutual assistance"),
    ("The deal fell short of a collective defence guarantee.", "collective defence"),
    ("They signed it without any provision for intelligence sharing.", "intelligence sharing"),
    ("A mutual defence clause was left out of the final text.", "mutual defence"),
    ("A clause on mutual assistance is not included in the text.", "mutual assistance"),
])
def test_denied_provision(sentence, phrase):
    assert _denied(sentence, phrase)


@pytest.mark.parametrize("sentence, phrase", [
    ("The two states signed a mutual defence treaty.", "mutual defence"),
    ("The treaty has no end date and provides for mutual defence.", "mutual defence"),
    ("The pact not only allows joint exercises but also arms sales.", "joint exercises"),
    ("It has no expiry date, and a mutual assistance clause binds both.", "mutual assistance"),
    ("Nothing changed: the mutual defence clause remains in force.", "mutual defence"),
    ("Its mutual defence clause is not yet in force, officials said.", "mutual defence"),
])
def test_affirmed_provision(sentence, phrase):
    assert not _denied(sentence, phrase)


@pytest.mark.slow
@pytest.mark.parametrize("text, denied, kept", [
    ("Kazakhstan and Uzbekistan signed a strategic partnership treaty in Tashkent on Monday. "
     "The treaty covers trade and transport but, unlike the bloc's charter, has no mutual "
     "defence clause.", "mutual_defense", None),
    ("Vietnam and Laos signed a cooperation treaty on Monday. It does not include any "
     "mutual assistance obligation, but it provides for joint exercises.",
     "mutual_defense", "joint_exercises"),
])
def test_denied_provision_on_the_pipeline(text, denied, kept):
    ags = [a for a in extract(text) if "treaty" in a.name]
    assert ags and all(denied not in a.provisions and a.kind != "defence" for a in ags)
    if kept:
        assert any(kept in a.provisions for a in ags)


@pytest.mark.slow
def test_affirmed_mutual_defence_still_makes_a_defence_pact():
    text = ("Kazakhstan and Uzbekistan signed a treaty in Tashkent on Monday. "
            "It obliges each side to come to the other's aid and contains a mutual defence clause.")
    ags = [a for a in extract(text) if "treaty" in a.name]
    assert ags and "mutual_defense" in ags[0].provisions and ags[0].kind == "defence"


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Chile and Peru signed a fisheries accord in Lima. The accord was signed last March together "
    "with a defence cooperation pact, officials said.",
    "Ghana and Togo concluded a boundary treaty on Friday. It was signed along with a "
    "protocol on customs cooperation.",
])
def test_companion_agreement_shares_the_pair(text):
    companion = [a for a in extract(text) if a.name in {"defence cooperation pact", "protocol"}]
    assert companion
    assert sorted(p.country or p.actor_id for p in companion[0].parties) in (["CHL", "PER"], ["GHA", "TGO"])


@pytest.mark.slow
def test_companion_cue_needs_an_agreement_with_two_sides():
    text = "Officials said trade had grown, along with a defence cooperation pact under discussion."
    assert all(len(a.parties) < 2 for a in extract(text))


def _verb_records(text: str) -> list:
    return [a for a in extract(text) if a.name == "agreement"
            and [s.stage for s in a.stages] == ["negotiated"]]


def _sides(a) -> list[str]:
    return sorted(p.country or p.actor_id for p in a.parties)


@pytest.mark.slow
@pytest.mark.parametrize("text, sides", [
    ("Chile and Peru agreed on Monday on a new quota for anchovy fishing in their waters.",
     ["CHL", "PER"]),
    ("Ghana and Togo agreed in March that their customs posts would be merged by June.",
     ["GHA", "TGO"]),
    ("The presidents of Bolivia and Paraguay agreed not to deploy troops along the border.",
     ["BOL", "PRY"]),
    ("Vietnam and Cambodia held talks in Hanoi this week. The two sides agreed that "
     "fishing boats would be released within a month.", ["KHM", "VNM"]),
])
def test_agreement_stated_by_the_verb(text, sides):
    found = _verb_records(text)
    assert len(found) == 1 and _sides(found[0]) == sides


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Chile and Peru agreed on Monday to begin talks on a fisheries accord.",
    "Chile and Peru agreed to hold further negotiations next month.",
    "Chile and Peru agreed to extend the 1998 fisheries treaty for five years.",
    "Chile and Peru could agree on a new quota next year, officials said.",
    "Peru agreed on Monday to lift its ban on Chilean fruit.",
    "Chile and Peru did not agree on a new quota.",
])
def test_no_agreement_from_the_verb(text):
    assert _verb_records(text) == []


@pytest.mark.slow
def test_verb_agreement_is_not_a_second_normalisation():
    text = "Qatar and Bahrain agreed on Monday to restore diplomatic relations."
    ags = extract(text)
    assert [a.kind for a in ags] == ["normalisation"]


@pytest.mark.slow
def test_verb_agreement_leaves_the_treaty_it_clears_the_way_for():
    text = ("Chile and Peru agreed on Monday on a new price for gas, clearing the way for talks on "
            "amending the 1999 border treaty.")
    ags = extract(text)
    assert [s.stage for a in ags if "treaty" in a.name for s in a.stages] == []
    assert [(a.kind, _sides(a)) for a in _verb_records(text)] == [("energy", ["CHL", "PER"])]


@pytest.mark.slow
def test_verb_agreement_named_in_the_next_sentence_is_that_agreement():
    text = ("The leaders of Chile and Peru agreed on Friday not to use force in their dispute over "
            "the gas-rich bay. Under the Arica declaration, both sides pledged to settle it in court.")
    assert _verb_records(text) == []
