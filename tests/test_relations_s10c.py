"""Standing relations, tenth round, a pass on train17-20 (the rules alone,
``dyad.relations.rules.code_v1``): attacks on a place a demonym or a compass word qualifies
("the southern Georgian town of", "two Georgian patrol boats", "jets bombed Kabul airport",
"hit targets inside Iraq"; not "hit Cuba with sanctions", not a campaign "at the request of"
the host); two armies that fought over a place named or described; trade bans with "most"
or "almost all" and goods of a demonym ("banned imports of Moldovan wine", "cut almost all
trade with"); sanctions "under tightened American sanctions"; land overrun, or a "narrow
strip of southern" land held; "the occupied" land names no occupier; troops "backed by"
others that remain; land a state "regards as its own"; an
ally "bound to" another by a treaty of mutual assistance, or "pledged ... to come to" its
aid. Every text was written for these tests, in other wording and with other states than
any benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows

pytestmark = pytest.mark.slow


READINGS = [
    # an attack on a place qualified by the other side's demonym, after a compass word
    ("Azerbaijani drones struck the northern Armenian town of Jermuk on Monday.",
     {("armed_conflict", "ARM", "AZE", "asserted")}),
    # fire opened on vessels counted before their demonym
    ("Chinese coast guard cutters fired on two Philippine supply boats near the reef.",
     {("armed_conflict", "CHN", "PHL", "asserted")}),
    # "hit" a place qualified as the other side's, or targets inside a named state
    ("Turkish jets hit targets inside Iraq for a third night.",
     {("armed_conflict", "IRQ", "TUR", "asserted")}),
    ("Pakistani jets bombed Kabul airport before dawn.",
     {("armed_conflict", "AFG", "PAK", "asserted")}),
    # two armies, or two countries, that fought over a place described, not named
    ("Peru and Ecuador signed a treaty in 1998. The two armies fought repeatedly over the "
     "border in the 1990s.",
     {("armed_conflict", "ECU", "PER", "asserted")}),
    # trade bans: "most" imports of a state's goods, its food, or almost all trade
    ("Canada has banned most imports of Iranian oil.",
     {("sanctions", "CAN", "IRN", "asserted")}),
    ("Russia banned imports of Moldovan wine and fruit.",
     {("sanctions", "RUS", "MDA", "asserted")}),
    ("Tokyo cut almost all trade with Pyongyang in 2006.",
     {("sanctions", "JPN", "PRK", "asserted")}),
    # sanctions "tightened" before the sender's adjective
    ("Belarus, under tightened American sanctions since the election, turned to Beijing.",
     {("sanctions", "USA", "BLR", "asserted")}),
    # land overrun; a strip of a state's southern land held
    ("The talks collapsed after Syrian troops overran Lebanon.",
     {("occupation", "SYR", "LBN", "asserted")}),
    ("Greek troops held a narrow strip of southern Albania until the spring.",
     {("occupation", "GRC", "ALB", "asserted")}),
    # troops that remain, a phrase with their backers set off by commas
    ("About 900 French troops, backed by Rafale jets, remain in Chad.",
     {("military_presence", "FRA", "TCD", "asserted")}),
    # land a state regards as its own, held by another
    ("Japan controls the Senkaku Islands, and China regards the islands as its own.",
     {("territorial_claim", "CHN", "JPN", "asserted")}),
    # a state bound to another by a treaty of mutual assistance
    ("Belgium is bound to the Netherlands by a treaty of mutual assistance signed in 1948.",
     {("alliance", "BEL", "NLD", "asserted")}),
    # a pledge, dated, to come to another state's aid
    ("France, which pledged in April to come to Romania's aid, is sending ministers to Bucharest.",
     {("alliance", "FRA", "ROU", "asserted")}),
]


@pytest.mark.parametrize("text, expected", READINGS)
def test_readings(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


@pytest.mark.parametrize("text", [
    "The slump hit Germany hard in 2009.",          # "hit" a bare name: no attack
    "Australia hit Myanmar with new sanctions in May.",  # "hit" with sanctions: no attack
])
def test_hit_without_a_military_object_is_no_war(rules_only, text):
    assert_row_absent(coded_rows(rules_only, text), ("armed_conflict",))


def test_an_air_campaign_at_the_hosts_request_is_no_war_with_it(rules_only):
    got = coded_rows(rules_only, "Iranian drones have been bombing targets in Iraq since May at the "
                                 "request of the government in Baghdad.")
    assert_row_absent(got, ("armed_conflict",))


def test_a_pledge_to_defend_a_states_sovereignty_is_no_alliance(rules_only):
    got = coded_rows(rules_only, "Norway pledged to defend Georgia's sovereignty at the summit.")
    assert_row_absent(got, ("alliance",))


def test_the_occupied_land_names_no_occupier(rules_only):
    # the participle after an article: the state named before is no occupier, nor are the
    # states listed after the land
    got = coded_rows(rules_only, "Canada fined two firms in the occupied Crimea, Moldova and Georgia.")
    assert_row_absent(got, ("occupation",))
    # the occupier joined to the participle still is
    got = coded_rows(rules_only, "Farmers in the Israeli-occupied Golan Heights protested on Monday.")
    assert ("occupation", "ISR", "SYR", "asserted") in got, got
