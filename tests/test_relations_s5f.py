"""Standing relations, fifth round (f): a bloc's charter binding its members to one another
(every pair of the members listed), a partner said in apposition not to be an ally, a
name that claims ("islands that X calls its Y"), land said to remain one's own under
another's occupation, claims merely contained in a document (no claim by the speaker),
access to a state's land, sea and airspace (no presence), a relative clause after a
list's first member (its own, not the list's), and energy sold as a plant's or
dam's output. Every text was
written for these tests, in other wording and with other states than any benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows
from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow


# (text, rows that must all be present; symmetric pairs sorted)
PRESENT = [
    ("The Gulf states of Oman, Qatar and Kuwait formed a council whose charter commits its members "
     "to defend one another.",
     {("alliance", "KWT", "OMN", "asserted"), ("alliance", "KWT", "QAT", "asserted"),
      ("alliance", "OMN", "QAT", "asserted")}),
    ("Chad, Sudan and Libya set up a security union last year. Its founding treaty obliges all "
     "member states to come to one another's aid.",
     {("alliance", "LBY", "TCD", "asserted"), ("alliance", "SDN", "TCD", "asserted"),
      ("alliance", "LBY", "SDN", "asserted")}),
    ("Ghana, Togo and Benin launched a defence league in 2022, whose member states pledged to "
     "defend each other against any aggression.",
     {("alliance", "BEN", "GHA", "asserted"), ("alliance", "GHA", "TGO", "asserted"),
      ("alliance", "BEN", "TGO", "asserted")}),
    ("Washington imposed tariffs on Vietnam, a close partner but not a formal ally, last year.",
     {("alliance", "USA", "VNM", "negated")}),
    # the denial holds whatever the clause's own reading ("whether to")
    ("Tokyo has yet to decide whether to fine Indonesia, a key partner but not a treaty ally.",
     {("alliance", "IDN", "JPN", "negated")}),
    # the ally denied is the opening subject's, not a state named in a relative clause
    ("Canberra, which fined Malaysia last year for buying jets from Beijing, has yet to decide whether "
     "to penalise Thailand, a key partner but not a treaty ally.",
     {("alliance", "AUS", "THA", "negated")}),
    ("The dispute is over four islands that Iranian troops seized in 1971 and that the UAE calls "
     "its own territory.",
     {("territorial_claim", "ARE", "IRN", "asserted")}),
    ("Tbilisi, which says Abkhazia remains Georgian territory under Russian occupation, did not comment.",
     {("territorial_claim", "GEO", "RUS", "asserted")}),
    ("Norway allows US troops to use three bases near Trondheim.", {("military_presence", "USA", "NOR", "asserted")}),
    # a relative clause after a list's first member is that member's own
    ("Fiji, which hosts an Australian naval base, and Tonga both recognise China.",
     {("military_presence", "AUS", "FJI", "asserted")}),
    ("Fiji and Tonga, which host Australian troops, both recognise China.",
     {("military_presence", "AUS", "FJI", "asserted"), ("military_presence", "AUS", "TON", "asserted")}),
    ("Under the treaty Bolivia must sell the unused part of its share of the dam's output to Peru.",
     {("energy_supply", "BOL", "PER", "asserted")}),
]


@pytest.mark.parametrize("text, expected", PRESENT)
def test_relation_present(extractor, text, expected):
    assert_rows_present(coded_rows(extractor, text, short=True), expected)


# (text, a type that must not be read, or a row that must not be read)
ABSENT = [
    # two states named, not a bloc's list of members
    ("Peru and Chile signed a pact that commits its members to assist one another.", ("alliance", "CHL", "PER")),
    # an ally, not denied
    ("Washington has yet to decide whether to penalise Vietnam, a key partner and a treaty ally.",
     ("alliance", "USA", "VNM", "negated")),
    ("Canberra, which fined Malaysia last year for buying jets from Beijing, has yet to decide whether "
     "to penalise Thailand, a key partner but not a treaty ally.", ("alliance", "CHN", "THA")),
    # claims the speaker says a document contains are no claim by the speaker
    ("Baku said Yerevan must amend its constitution, which Azerbaijan says contains claims to its territory.",
     ("territorial_claim", "AZE", None)),
    ("The island remains Greek territory and is under no foreign control.", ("territorial_claim",)),
    # a right of access to land, sea and airspace is no presence; access to bases is
    ("The pacts, which the two island states signed with Washington, give the US military exclusive "
     "access to their land, sea and airspace.", ("military_presence",)),
    ("Fiji, which hosts an Australian naval base, and Tonga both recognise China.",
     ("military_presence", "AUS", "TON")),
    # a nickname that is no possession
    ("Fans in Brazil call Argentina their greatest rival.", ("territorial_claim", "BRA", "ARG")),
]


@pytest.mark.parametrize("text, row", ABSENT)
def test_relation_absent(extractor, text, row):
    assert_row_absent(coded_rows(extractor, text, short=True), row)
