"""Agreement identity on the real pipeline (session 10, second round): the kind a
"strategic partnership" gives (framework), a joint statement that founds relations
(normalisation), ambassadors sent back (normalisation), disengagement (ceasefire), a
"frontier" treaty and a territory to be ceded (boundary), a memorandum on security
cooperation (defence); "their" with exactly two states named before it; a bloc named only
as a label ("the two NATO allies") is no party; "agreed" in an agreement's relative clause
is that agreement's content; a declared plan to apply to join an organisation; an
organisation's name in an accession's name. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, records

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    # a strategic partnership frames relations, whatever else the sentence tells
    ("Peru and Japan signed a comprehensive strategic partnership agreement in Lima on "
     "Monday, as firms from both countries announced new investments.",
     ("framework", frozenset({"PER", "JPN"}))),
    ("The leaders of Chile and Spain also signed a strategic partnership on Tuesday.",
     ("framework", frozenset({"CHL", "ESP"}))),
    # a joint statement that founds relations
    ("Bhutan and Canada established diplomatic relations on Friday, when their envoys "
     "signed a joint statement in New York.", ("normalisation", frozenset({"BTN", "CAN"}))),
    # envoys sent back
    ("Peru and Mexico agreed on Sunday that their ambassadors would return to their posts "
     "next week.", ("normalisation", frozenset({"PER", "MEX"}))),
    ("Chile and Bolivia agreed on Monday to return their ambassadors.",
     ("normalisation", frozenset({"CHL", "BOL"}))),
    # disengagement stops fighting
    ("Syria and Israel signed a disengagement agreement in Geneva on Friday.",
     ("ceasefire", frozenset({"SYR", "ISR"}))),
    ("Armenia and Azerbaijan agreed on Friday to disengage their forces along the line.",
     ("ceasefire", frozenset({"ARM", "AZE"}))),
    # a frontier treaty, a territory ceded
    ("Peru said on Monday that it regards the 1929 frontier treaty with Chile as binding.",
     ("boundary", frozenset({"PER", "CHL"}))),
    ("Chile and Argentina signed an agreement on Friday under which Chile will cede two "
     "small islands to Argentina.", ("boundary", frozenset({"CHL", "ARG"}))),
    # a memorandum that sets up security cooperation
    ("Kenya and Japan signed a memorandum of understanding on security cooperation on "
     "Monday.", ("defence", frozenset({"KEN", "JPN"}))),
])
def test_the_kind_a_general_wording_gives(text, expected):
    assert expected in records(text), records(text)


def test_a_memorandum_on_aid_stays_a_memorandum():
    got = records("Israel and the United States signed a memorandum of understanding on "
                  "military aid on Wednesday.")
    assert ("memorandum", frozenset({"ISR", "USA"})) in got, got


@pytest.mark.parametrize("text, expected", [
    # "their" after exactly two states named in its sentence
    ("Chile is Peru's largest trading partner, and commerce has grown since their free "
     "trade agreement took effect in 2009.", frozenset({"CHL", "PER"})),
    # "the two NATO allies": NATO names what they are, it signs nothing
    ("Norway has paused talks with Canada. The two countries, close NATO allies, began "
     "negotiating a fisheries deal in March.", frozenset({"NOR", "CAN"})),
])
def test_parties(text, expected):
    got = [p for _, p in records(text)]
    assert expected in got, records(text)


def test_agreed_in_an_agreements_relative_clause_is_no_new_agreement():
    got = records("Nepal and India signed a new treaty on Thursday that replaces their 1950 "
                  "treaty, under which the kingdom agreed to consult India on arms imports.")
    assert all(kind != "other" for kind, _ in got), got


def test_a_declared_plan_to_apply_to_join_is_a_proposed_accession():
    agreements = extract("Austria said on Monday that it will apply to join the United Nations "
                         "once the occupation ends.", "1955-05-16")
    found = [a for a in agreements if a.kind == "accession"]
    assert found and {p.country or p.actor_id for p in found[0].parties} >= {"AUT"}, found
    assert any(s.stage == "proposed" for s in found[0].stages), found


def test_an_accession_is_named_after_the_organisation_not_its_id():
    agreements = extract("Leaders of the Mercosur trade bloc suspended Paraguay on Friday and "
                         "agreed to admit Venezuela to the bloc from July.")
    names = [a.name for a in agreements if a.kind == "accession"]
    assert names and all("IGO." not in n for n in names), names


@pytest.mark.parametrize("text, expected", [
    # the state whose forces are kept or sent under a defence pact, and their host
    ("Spain, which keeps about 600 troops in Mauritania under a 1990 defence protocol, said "
     "on Monday it would stay.", frozenset({"ESP", "MRT"})),
    ("Egypt has deployed troops in Sudan under a security agreement signed in 2021.",
     frozenset({"EGY", "SDN"})),
])
def test_forces_kept_under_a_defence_pact_give_its_sides(text, expected):
    got = [p for _, p in records(text)]
    assert expected in got, records(text)
