"""Whose a deciding body is when its name does not say (``stage_bodies``): an
organisation's chamber acts for the organisation, a legislature's title shared by several
states is the one of the agreement's parties, a bare "lawmakers" or "voters" is the state
the text is about, and each of several bodies stays every party's. Sentences are written
for these tests; each class has cases where it must not fire."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    # an organisation's chamber or executive acts for the organisation
    ("The European Parliament approved the trade agreement with Mexico on Tuesday.",
     ("ratified", "IGO.EU", "asserted")),
    # a title several states use: the one among the agreement's parties
    ("Manila and Tokyo concluded a visiting forces deal on Monday. The deal must still be "
     "ratified by the Senate.", ("ratified", "PHL", "expected")),
    ("Seoul and Tokyo signed an intelligence-sharing pact. The pact has yet to be approved by "
     "the National Assembly.", ("ratified", "KOR", "negated")),
    # a bare common noun: the state the text is about
    ("Ghana signed the cocoa treaty with Togo on Monday. Ghana's cabinet welcomed it, and "
     "lawmakers approved the treaty on Friday.", ("ratified", "GHA", "asserted")),
    # voters decide as a parliament does, their state before them
    ("Ireland held a referendum on the fiscal pact. Irish voters approved the pact by a wide "
     "margin.", ("ratified", "IRL", "asserted")),
    ("Denmark signed the defence treaty in 2021. Danish voters rejected the treaty a year later.",
     ("rejected", "DNK", "asserted")),
])
def test_body_party(text, expected):
    got = keys(extract(text))
    assert expected in got, got


@pytest.mark.parametrize("text, absent", [
    # the chamber itself is no party
    ("The European Parliament approved the trade agreement with Mexico on Tuesday.",
     ("ratified", "IGO.EP", "asserted")),
    # a shared title fitting both parties names neither
    ("Manila and Washington concluded a visiting forces deal on Monday. The deal must still be "
     "ratified by the Senate.", ("ratified", "USA", "expected")),
    ("Paris and Hanoi signed a defence pact in May. The pact must still be ratified by the "
     "National Assembly.", ("ratified", "FRA", "expected")),
    # two states named as often: no guess
    ("Kenya signed a border treaty with Somalia on Monday. Lawmakers approved the treaty on "
     "Friday.", ("ratified", "SOM", "asserted")),
    ("Kenya signed a border treaty with Somalia on Monday. Lawmakers approved the treaty on "
     "Friday.", ("ratified", "KEN", "asserted")),
    # voters of no state read: no stage at all
    ("Lisbon and Madrid signed the fisheries treaty in May. Spain and Portugal, whose voters approved "
     "the treaty in referendums, will apply it from June.", ("ratified", None, "asserted")),
    # each of several parliaments is every party's, not the state named most
    ("Ghana signed the cocoa treaty with Togo on Monday, and Ghana hailed it. Both parliaments are "
     "expected to ratify it.", ("ratified", None, "expected")),
])
def test_body_party_absent(text, absent):
    got = keys(extract(text))
    assert absent not in got, got


def test_each_parliament_is_every_party():
    got = keys(extract("Ghana signed the cocoa treaty with Togo on Monday, and Ghana hailed it. "
                       "Both parliaments are expected to ratify it."))
    assert {("ratified", "GHA", "expected"), ("ratified", "TGO", "expected")} <= got, got
