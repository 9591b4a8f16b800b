"""Standing relations, ninth round, third pass (the rules alone,
``dyad.relations.rules.code_v1``): mediators said by shuttle diplomacy, by the rounds of
talks they host, by chairing the sides' talks, by a signing under their auspices or
mediation, and by a name joined to the verb ("AU-led talks", "the US-mediated accord",
"co-sponsored by"); the pair named before "the two NATO allies" (allies and members of the
body), states kept outside a body (negated membership), "has belonged to"; ties said to end
after their pair, a state that "broke with" another; a share of a side's exports sent to
the other, a side's share of the other's trade. Every text was written for these tests, in
other wording and with other states than any benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows

pytestmark = pytest.mark.slow


READINGS = [
    # shuttle diplomacy: the go-between after "by", or its possessor
    ("The truce came after weeks of shuttle diplomacy by the American secretary of state.",
     {("mediation", "USA", None, "asserted")}),
    ("Blinken's shuttle diplomacy produced a truce that Israel and Lebanon accepted in May.",
     {("mediation", "USA", None, "asserted")}),
    # the host of rounds of talks
    ("Norway has hosted three rounds of talks between Colombia and Venezuela in Oslo.",
     {("mediation", "NOR", None, "asserted")}),
    # the chair of the sides' talks, or of the conference that produced their accord
    ("Kenyan President Daniel arap Moi, who chaired the talks, said Uganda and Sudan would sign "
     "next week.",
     {("mediation", "KEN", None, "asserted")}),
    ("Brazil and Norway co-chaired the conference that produced the accord between Colombia and "
     "Venezuela.",
     {("mediation", "BRA", None, "asserted"), ("mediation", "NOR", None, "asserted")}),
    ("Israel and Syria opened peace talks in Madrid, co-sponsored by the United States and Russia.",
     {("mediation", "USA", None, "asserted"), ("mediation", "RUS", None, "asserted")}),
    # a signing under a third party's auspices
    ("The two foreign ministers signed the accord in Geneva under the auspices of the United Nations.",
     {("mediation", "UN", None, "asserted")}),
    # a name joined to the verb
    ("Ethiopia and Eritrea agreed at AU-led talks in Nairobi to a ceasefire.",
     {("mediation", "AU", None, "asserted")}),
    ("Israel and Hamas agreed to a Qatari-brokered truce on Sunday.",
     {("mediation", "QAT", None, "asserted")}),
    # "the two NATO allies": the pair named before, allies and members of the body
    ("Greece and Turkey met in Athens. The two NATO allies have quarrelled over airspace for decades.",
     {("alliance", "GRC", "TUR", "asserted"), ("membership", "GRC", "NATO", "asserted"),
      ("membership", "TUR", "NATO", "asserted")}),
    ("Vietnam and Laos signed a border pact. Troops of the two ASEAN members patrol the line.",
     {("membership", "VNM", "ASEAN", "asserted"), ("membership", "LAO", "ASEAN", "asserted")}),
    # states kept outside a body
    ("Neighbouring Serbia and Bosnia remain outside the EU.",
     {("membership", "SRB", "EU", "negated"), ("membership", "BIH", "EU", "negated")}),
    ("Norway, which joined NATO in 1949, stays outside the European Union.",
     {("membership", "NOR", "EU", "negated"), ("membership", "NOR", "NATO", "asserted")}),
    ("Iceland has belonged to the OECD since 1961.",
     {("membership", "ISL", "OECD", "asserted")}),
    # ties that ended, a state that broke with another
    ("South Africa and China established relations in 1998. Pretoria's ties with Taiwan ended the "
     "same day.",
     {("diplomatic_relations", "TWN", "ZAF", "negated")}),
    ("Malawi established diplomatic relations with China, two days after Lilongwe broke with Taiwan.",
     {("diplomatic_relations", "CHN", "MWI", "asserted"), ("diplomatic_relations", "MWI", "TWN", "negated")}),
    # a share of one side's exports, or of its trade
    ("Canada, which sends three-quarters of its exports to the United States, declined to join.",
     {("trade", "CAN", "USA", "asserted")}),
    ("China accounts for about 90 percent of North Korea's trade.",
     {("trade", "CHN", "PRK", "asserted")}),
]


@pytest.mark.parametrize("text, expected", READINGS)
def test_readings(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


def test_a_side_before_a_hyphened_mediator_is_no_mediator(rules_only):
    got = coded_rows(rules_only, "Lebanon cancelled the 1983 agreement with Israel, the US-mediated accord "
                                 "meant to end the war.")
    assert_rows_present(got, {("mediation", "USA", None, "asserted")})
    assert_row_absent(got, ("mediation", "ISR"))


def test_a_body_chaired_is_no_mediation(rules_only):
    got = coded_rows(rules_only, "Sweden holds the rotating EU presidency and chaired the EU summit in Brussels.")
    assert_row_absent(got, ("mediation",))


def test_troops_outside_a_city_are_no_membership(rules_only):
    got = coded_rows(rules_only, "Russian troops remained outside Kyiv for weeks.")
    assert_row_absent(got, ("membership",))


def test_a_good_s_share_of_exports_is_no_trade(rules_only):
    got = coded_rows(rules_only, "Oil accounts for 90 percent of Nigeria's exports.")
    assert_row_absent(got, ("trade",))


@pytest.mark.parametrize("text", [
    "UN Secretary-General Kofi Annan brokered the truce between Iran and Iraq.",
    "UN envoy Cyrus Vance mediated between Serbia and Croatia in 1991.",
])
def test_an_igo_official_mediates_for_the_igo(rules_only, text):
    # a person who acts for an IGO and for no state stands for the IGO, as a minister
    # stands for his state
    got = coded_rows(rules_only, text)
    assert ("mediation", "UN", None, "asserted") in got, got


def test_an_igo_official_s_visit_is_no_relation(rules_only):
    got = coded_rows(rules_only, "UN Secretary-General Antonio Guterres visited Kyiv on Monday.")
    assert_row_absent(got, ("mediation",))
