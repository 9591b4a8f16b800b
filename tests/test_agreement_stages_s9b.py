"""Agreement stages, session 9 (second pass): a supply deal comes into force when its
deliveries start (``lexicon.yaml``, triggers kept by ``kinds`` to energy deals in
``stages``; "deliveries" as the trigger's own subject is no other subject in
``stage_strict``/``stage_other_targets``); a legislature that shelves a treaty rejects it
(``stages``); "the accord, which George Bush and Boris Yeltsin put their signatures to":
the relative pronoun is the object past a subject of up to six words (``stage_targets``).
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract

pytestmark = pytest.mark.slow


def rows(text: str, kind: str, date: str = "2024-03-10") -> set[tuple]:
    """(stage, party, modality, date) of the stages of the agreements of ``kind``."""
    return {(s.stage, (s.party.country or s.party.actor_id) if s.party else None, s.modality, s.date)
            for a in extract(text, date) if a.kind == kind for s in a.stages}


@pytest.mark.parametrize("text, expected", [
    # deliveries that started: the deal is in force, from the day they started
    ("Azerbaijan signed a 20-year gas supply contract with Hungary in 2015. Deliveries began "
     "in March 2018.", ("in_force", None, "asserted", "2018-03")),
    ("Norway agreed a ten-year gas supply deal with Poland in 2019. Shipments of gas started "
     "in 2022.", ("in_force", None, "asserted", "2022")),
    # deliveries told in the deal's own sentence: "deliveries" is the trigger's own subject
    ("Oman signed a gas supply deal with India in 2004, and deliveries began in June 2006.",
     ("in_force", None, "asserted", "2006-06")),
    # supplies started "under" the deal named after them
    ("Turkmenistan began pumping gas to China on Monday under a 30-year supply deal signed "
     "in 2007.", ("in_force", None, "asserted", "2024-03-04")),
    ("Algeria will start supplying gas to Italy next year under a deal signed on Monday.",
     ("in_force", None, "expected", "2025")),
    # deliveries still to come: an expected entry into force
    ("QatarEnergy signed a 20-year deal to supply Poland with LNG on Monday. Deliveries are "
     "due to start in 2027.", ("in_force", None, "expected", "2027")),
])
def test_deliveries_starting_put_a_supply_deal_in_force(text, expected):
    assert expected in rows(text, "energy")


@pytest.mark.parametrize("text", [
    # deliveries of weapons under an arms sale are no entry into force
    "Poland signed a deal with the United States to buy 32 F-35 jets in 2020. Deliveries "
    "began in 2024.",
    "Egypt signed a contract with France on Monday to buy 30 Rafale jets. Deliveries are due "
    "to start in 2026.",
    "Russia began supplying S-400 missiles to India in 2021 under a deal signed in 2018.",
])
def test_deliveries_under_an_arms_deal_are_no_entry_into_force(text):
    stages = {s[0] for s in rows(text, "arms_deal")}
    assert "signed" in stages and "in_force" not in stages


# -- a legislature that shelves a treaty rejects it -----------------------------------------

@pytest.mark.parametrize("text, kind, expected", [
    ("Colombia's Senate shelved the free trade agreement with South Korea on Tuesday.", "trade",
     ("rejected", "COL", "asserted", "2024-03-05")),
    ("Chile signed the Escazu Agreement in 2018. Peru's Congress shelved it in 2020.", None,
     ("rejected", "PER", "asserted", "2020")),
])
def test_a_legislature_shelving_a_treaty_rejects_it(text, kind, expected):
    got = {r for a in extract(text) if kind in {None, a.kind} for r in [
        (s.stage, (s.party.country or s.party.actor_id) if s.party else None, s.modality, s.date)
        for s in a.stages]}
    assert expected in got and not any(stage == "suspended" for stage, *_ in got)


def test_a_government_shelving_a_deal_only_suspends_it():
    got = {s[0] for s in rows("The Colombian government shelved the free trade agreement with "
                              "South Korea on Tuesday.", "trade")}
    assert got == {"suspended"}


# -- a relative clause with a long subject before a verb whose object comes after it -------

@pytest.mark.parametrize("text, expected", [
    ("The treaty, which the presidents of Kyrgyzstan and Tajikistan put their signatures to in "
     "2025, settled the border.", {("signed", "KGZ", "asserted", "2025"), ("signed", "TJK", "asserted", "2025")}),
    ("The truce, which the leaders of Armenia and Azerbaijan turned down in May, was brokered "
     "by Russia.", {("rejected", "ARM", "asserted", "2023-05"), ("rejected", "AZE", "asserted", "2023-05")}),
])
def test_the_relative_pronoun_is_the_object_past_a_long_subject(text, expected):
    got = {r for a in extract(text) for r in [
        (s.stage, (s.party.country or s.party.actor_id) if s.party else None, s.modality, s.date)
        for s in a.stages]}
    assert expected <= got
