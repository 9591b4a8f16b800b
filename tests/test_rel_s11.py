"""Standing relations, session 11 (the rules alone, ``dyad.relations.rules.code_v1``), read
from the misses of train13-23 where both sides are named in one sentence: joining or leaving
"the United Nations" (no longer taken for "X nations"); arming verbs with the state as object
("to arm", "equips", "resupplying"); more verbs of sending goods ("rushed", "airlifted",
"handing"); a maker's adjective on arms a state owns or bought ("Egypt's Soviet-built jets",
"Chinese-built frigates bought by Pakistan"); a tax on a state's imports; a count before
the people a preposition names ("sanctions on dozens of Nicaraguan officials"); a trade
balance given with its amount; troops a relative clause places ("the French troops who have
been in Rwanda"); a side fending off another's attack ("as it fights off Russia's
invasion"); the obligations of a defence pact owed to a partner ("American commitments to
Australia under the 1951 pact", suspended: negated); hosts after "to" with a describing word ("sent to neighbouring
Thailand"), after "through" ("rotating through central Norway"), past a body's possessive
("in NATO's battlegroup in Estonia") and not before a state's border ("near Ukraine's
borders"); troops massed or landed; "them"/"their" after "on" for the list of states named
before ("the American sanctions imposed on them"); the members of a body a sanction
targets, who make the sanctioner no member; a base "leased to" a state as a participle
after the base. Every text was written for these tests, in
other wording and with other states than any benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows

pytestmark = pytest.mark.slow


READINGS = [
    # joining or leaving the United Nations
    ("Bhutan, which joined the United Nations in 1971, keeps few embassies abroad.",
     {("membership", "BTN", "UN", "asserted")}),
    ("Tuvalu joined the United Nations in 2000.", {("membership", "TUV", "UN", "asserted")}),
    # arming verbs with the state (or its army) as object
    ("Cuba's decision came a year after Moscow began to arm Angola.",
     {("arms_supply", "RUS", "AGO", "asserted")}),
    ("France trains and equips Chad's army under a 1976 accord.",
     {("arms_supply", "FRA", "TCD", "asserted")}),
    ("Iranian transport planes kept resupplying Syria throughout the summer.",
     {("arms_supply", "IRN", "SYR", "asserted")}),
    ("Beijing equipped the Cambodian army in the 1970s.", {("arms_supply", "CHN", "KHM", "asserted")}),
    # more verbs of sending goods
    ("Britain rushed anti-aircraft guns to Kenya after the raid.",
     {("arms_supply", "GBR", "KEN", "asserted")}),
    ("The United States airlifted ammunition to Jordan in September.",
     {("arms_supply", "USA", "JOR", "asserted")}),
    ("The patrol boats that Japan is handing to Vietnam arrived in Haiphong.",
     {("arms_supply", "JPN", "VNM", "asserted")}),
    # the maker's adjective on arms a state owns or bought
    ("Spare parts for Syria's Soviet-built fighters have run short.",
     {("arms_supply", "RUS", "SYR", "asserted")}),
    ("The harbour holds Chinese-built corvettes bought by Bangladesh in 2016.",
     {("arms_supply", "CHN", "BGD", "asserted")}),
    # a tax on a state's imports is a sanction on it
    ("Ghana has imposed a 20 percent tax on imports from Togo since the dispute began.",
     {("sanctions", "GHA", "TGO", "asserted")}),
    # a count before the people a preposition names
    ("Canada has frozen the assets of dozens of Venezuelan officials and imposed sanctions on "
     "hundreds of Belarusian officials.",
     {("sanctions", "CAN", "BLR", "asserted")}),
    # a trade balance with its amount
    ("Mexico runs a trade surplus of about 150 billion dollars a year with the United States.",
     {("trade", "MEX", "USA", "asserted")}),
    # troops a relative clause places
    ("A UN force will replace the Nigerian troops who have been in Liberia since 1990.",
     {("military_presence", "NGA", "LBR", "asserted")}),
    ("The Turkish soldiers that remain in Qatar will stay, officials said.",
     {("military_presence", "TUR", "QAT", "asserted")}),
    # a side fending off another's attack
    ("Chad signed the pact as it fights off Libya's invasion of the north.",
     {("armed_conflict", "LBY", "TCD", "asserted")}),
    ("Honduran forces repelled an offensive by El Salvador in July.",
     {("armed_conflict", "HND", "SLV", "asserted")}),
    # the obligations of a defence pact owed to a partner
    ("France suspended its defence obligations to Chad under the 1976 treaty.",
     {("alliance", "FRA", "TCD", "negated")}),
    ("British commitments to Oman under the 1958 pact remain in force.",
     {("alliance", "GBR", "OMN", "asserted")}),
    # hosts after "to" with a describing word, after "through", past a body's possessive
    ("About 3,000 French troops sent to neighbouring Niger in March will stay.",
     {("military_presence", "FRA", "NER", "asserted")}),
    ("Dutch marines have been rotating through northern Norway since 2019.",
     {("military_presence", "NLD", "NOR", "asserted")}),
    ("Danish and Dutch troops serve together in NATO's battlegroup in Lithuania.",
     {("military_presence", "DNK", "LTU", "asserted"), ("military_presence", "NLD", "LTU", "asserted")}),
    # troops massed or landed
    ("Turkey has massed some 20,000 troops near Syria's border and in Iraq.",
     {("military_presence", "TUR", "IRQ", "asserted")}),
    # "them"/"their" after "on": the list of states named before
    ("Iran and Syria have not signed the treaty, and the British sanctions imposed on them in 2012 "
     "remain in force.",
     {("sanctions", "GBR", "IRN", "asserted"), ("sanctions", "GBR", "SYR", "asserted")}),
    ("A truce that Peru and Ecuador agreed lapsed, and Chile imposed 30 percent tariffs on most of "
     "their goods.",
     {("sanctions", "CHL", "PER", "asserted"), ("sanctions", "CHL", "ECU", "asserted")}),
    # the members of a body a sanction targets
    ("Moscow keeps its sanctions on members of the European Parliament.",
     {("sanctions", "RUS", "EU", "asserted")}),
    # a base leased to a state, as a participle after the base
    ("The Kamran Bay naval base, leased to Russia by Vietnam, reopened in 2014.",
     {("military_presence", "RUS", "VNM", "asserted")}),
    ("France still uses an air base leased to it by Senegal.",
     {("military_presence", "FRA", "SEN", "asserted")}),
]


@pytest.mark.parametrize("text, expected", READINGS)
def test_readings(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


# What the new readings must not read: (why, text, rows that must be absent).
ABSENT = [
    # "nations" after a name still forbids a joining: "joined Arab nations in condemning" is
    # no membership of anything
    ('Iran joined Arab nations in condemning the strike on Doha.',
     [('membership',)]),
    # to arm oneself is no supply
    ("Poland plans to rearm Poland's army within five years, Warsaw said.",
     [('arms_supply',)]),
    # equipping a port is no arms supply
    ("India will equip and operate a terminal at Iran's Chabahar port.",
     [('arms_supply',)]),
    # a designer's adjective names no supplier: who designed the jets says nothing of who sold them
    ("The new jets will replace Peru's ageing French-designed Mirages.",
     [('arms_supply', 'FRA', 'PER')]),
    # a maker's adjective on a power plant is no arms supply
    ("Armenia runs Armenia's Soviet-built nuclear power plant at Metsamor.",
     [('arms_supply',)]),
    # handing a base over is no supply
    ('Britain is handing the airfield to Oman next year.',
     [('arms_supply',), ('energy_supply',)]),
    # military missions in a capital are no presence: delegations sent for talks, not troops
    ('The talks stunned the Dutch military missions that have been in Ankara since May.',
     [('military_presence',)]),
    # commitments under a trade treaty are no alliance
    ("Chile's commitments to Peru under the trade treaty remain in force.",
     [('alliance',)]),
    # fending off criticism is no war
    ("Brazil fought off Argentina's criticism of the deal.",
     [('armed_conflict',)]),
    # a count after "on" names no side: "sanctions on several settlers in the West Bank"
    # names no sanctioned state after the count
    ('Norway imposed sanctions on several settlers in the occupied West Bank.',
     [('sanctions', 'NOR', 'PSE')]),
    # troops near a states border are not in it
    ("Turkey has massed some 20,000 troops near Syria's border and in Iraq.",
     [('military_presence', 'TUR', 'SYR')]),
    # a body named with its possessive is no host
    ("Danish troops serve in NATO's battlegroup in Lithuania.",
     [('military_presence', 'DNK', 'NATO')]),
    # tariffs cut on their goods are no sanction
    ('Chile and Peru signed a deal that cuts tariffs on most of their goods.',
     [('sanctions',)]),
    # sanctions on the members of a body make no member
    ('Moscow keeps its sanctions on members of the European Parliament.',
     [('membership', 'RUS')]),
    # land leased to a state is no base
    ('The farmland, leased to Egypt by Sudan, grows wheat.',
     [('military_presence',)]),
]


@pytest.mark.parametrize("text, absent", ABSENT)
def test_not_read(rules_only, text, absent):
    got = coded_rows(rules_only, text)
    for row in absent:
        assert_row_absent(got, row)
