"""Standing relations, tenth round, first pass on armed conflict, occupation, sanctions and
territorial claims (the rules alone, ``dyad.relations.rules.code_v1``): "it" and "its" in
one clause ("which it used as a springboard for its invasion", "after it invaded"); two
armies that stopped fighting (negated); an offensive in a state's land; "invaded" a
peninsula or a region; a thing opposed is no enemy ("fought the Saudi sale"); land occupied
by a list after a comma; land taken "from" a state in a relative clause, or held there by a
state named in the clause; land "under American administration"; a place declared part of
another state or "a Russian city"; "under United Nations sanctions" (a name of several
words) and that condition set off by commas, whose sentence's negation is not its own.
Every text was written for these tests, in other wording and with other states than any
benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows

pytestmark = pytest.mark.slow


READINGS = [
    # "it" the subject of the clause "its" stands in: the state named first, not last
    ("Ethiopia keeps a garrison in Somalia, which it used as a springboard for its invasion of "
     "Eritrea in 1998.",
     {("armed_conflict", "ERI", "ETH", "asserted")}),
    # "it" as the subject of a clause of time: the state named first
    ("Iraq, whose oil exports collapsed after it invaded Kuwait in 1990, still owes reparations.",
     {("armed_conflict", "IRQ", "KWT", "asserted")}),
    # two armies, each qualified by its state, stopped fighting: a fight that ended
    ("Thai and Cambodian troops stopped fighting near the temple on Sunday.",
     {("armed_conflict", "KHM", "THA", "negated")}),
    # an offensive in another state's land, halted
    ("Armenia's army halted its offensive in Azerbaijan after three days.",
     {("armed_conflict", "ARM", "AZE", "negated")}),
    # "invaded" a peninsula: the place's country
    ("Russian troops invaded the Crimea peninsula in February.",
     {("armed_conflict", "RUS", "UKR", "asserted")}),
    # land occupied by a list, set off by a comma after the land
    ("The northern districts of Austria, occupied by Britain, France and the Soviet Union, "
     "voted on Sunday.",
     {("occupation", "GBR", "AUT", "asserted"), ("occupation", "FRA", "AUT", "asserted"),
      ("occupation", "RUS", "AUT", "asserted")}),
    # land taken from a state in a relative clause: the state after "from"
    ("Hanoi still protests over the Paracel Islands, which China seized from South Vietnam in 1974.",
     {("occupation", "CHN", "VNM", "asserted")}),
    # land held by a state named in a relative clause
    ("Damascus wants back the Golan Heights, which Israel has held since 1967.",
     {("occupation", "ISR", "SYR", "asserted")}),
    # land under another state's administration
    ("Okinawa stayed under American administration until the reversion treaty.",
     {("occupation", "USA", "JPN", "asserted")}),
    # a place declared part of another state: that state claims it from its holder
    ("Guatemala's congress declared Belize an integral part of Guatemala in 1945.",
     {("territorial_claim", "GTM", "BLZ", "asserted")}),
    ("Tensions grew over Mariupol, which Russia's parliament declared a Russian city last year.",
     {("territorial_claim", "RUS", "UKR", "asserted")}),
    # a sender of several words
    ("Libya has been under United Nations sanctions since the airliner bombing.",
     {("sanctions", "UN", "LBY", "asserted")}),
    # the condition set off by commas after the state keeps its own modality
    ("Syria, under European Union sanctions since 2011, did not attend the summit.",
     {("sanctions", "EU", "SYR", "asserted")}),
]


@pytest.mark.parametrize("text, expected", READINGS)
def test_readings(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


def test_its_after_it_is_not_the_state_named_last(rules_only):
    got = coded_rows(rules_only, "Ethiopia keeps a garrison in Somalia, which it used as a springboard for "
                                 "its invasion of Eritrea in 1998.")
    assert_row_absent(got, ("armed_conflict", "ERI", "SOM"))


def test_its_without_it_is_the_state_named_last(rules_only):
    # "North Korea sent troops to fight for Russia in its war": "its" is Russia's
    got = coded_rows(rules_only, "Belarus sent engineers to help Russia in its war against Ukraine.")
    assert_rows_present(got, {("armed_conflict", "RUS", "UKR", "asserted")})
    assert_row_absent(got, ("armed_conflict", "BLR", "UKR"))


def test_a_thing_opposed_is_no_enemy(rules_only):
    got = coded_rows(rules_only, "Greece's friends in Congress fought the Turkish sale for months.")
    assert_row_absent(got, ("armed_conflict",))


@pytest.mark.parametrize("text", [
    "Iran's economy suffered under Trump administration pressure.",
    "Cuba fared better under the Obama administration.",
])
def test_an_administration_of_a_person_is_no_occupation(rules_only, text):
    assert_row_absent(coded_rows(rules_only, text), ("occupation",))


def test_a_place_held_by_a_pronoun_is_not_given_to_the_state_named_before(rules_only):
    # "they" is not the state named last before the clause
    got = coded_rows(rules_only, "Greek and British officers met in Cairo after Turkish forces entered the "
                                 "Kyrenia district, which they now hold.")
    assert_row_absent(got, ("occupation", "GBR"))
    assert_row_absent(got, ("occupation", "GRC"))


def test_a_declaration_of_no_state_is_no_claim(rules_only):
    got = coded_rows(rules_only, "The Egyptian president declared the summit in Cairo a success.")
    assert_row_absent(got, ("territorial_claim",))
