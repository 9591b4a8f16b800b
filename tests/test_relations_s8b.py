"""Standing relations, eighth round, second part (the rules alone, ``dyad.relations.rules.
code_v1``): a side told by a pronoun ("its main arms supplier", "supplied it with tanks"),
the supplier of goods in a passive participle ("jets donated by Norway"), aid in arms given
as a sum ("gives Jordan $1.3 billion in military aid"), an embargo on the sale of goods to a
state and a halt of its shipments as sanctions, an ending only weighed or refused
("weighs lifting its embargo") that leaves the relation standing, and forces abroad told
as divisions, warplanes or a list of adjectives, or with an aside before their staying.
Every text was written for these tests, in other wording and with other states than any
benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows
from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow


PRONOUN_SIDES = [
    # "its" before a supplier noun whose source is the clause's subject: the other state
    ("Peru is short of money. China is its main supplier of weapons.",
     {("arms_supply", "CHN", "PER", "asserted")}),
    ("Kazakhstan buys much Russian grain, and Russia remains its biggest arms supplier.",
     {("arms_supply", "RUS", "KAZ", "asserted")}),
    ("Laos is poor. China is its main source of military aid.",
     {("arms_supply", "CHN", "LAO", "asserted")}),
    ("Chile exports copper. China is its largest trading partner.",
     {("trade", "CHL", "CHN", "asserted")}),
    # a possessor named before "its" is what it echoes, not the subject of the first clause
    ("Brazil remains Bolivia's largest source of imports, while Russia is its main supplier of weapons.",
     {("arms_supply", "RUS", "BOL", "asserted")}),
    # "it"/"them" as the first object of a supply verb: the sentence's subject, else the
    # previous sentence's
    ("Tbilisi has turned to the West for arms, and Israel is selling it drones.",
     {("arms_supply", "ISR", "GEO", "asserted")}),
    ("Honduras counts Cuba among its friends. Belarus supplied it with rifles in 2019.",
     {("arms_supply", "BLR", "HND", "asserted")}),
]


@pytest.mark.parametrize("text, expected", PRONOUN_SIDES)
def test_a_side_named_by_a_pronoun(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


def test_its_names_no_supplier_of_its_own_possessor(rules_only):
    # "its" is Laos's, named as a possessor just before: no reading of the other state
    got = coded_rows(rules_only, "Vietnam said so. China remains Laos's closest partner and its main supplier of oil.")
    assert_row_absent(got, ("energy_supply", "LAO", "VNM"))
    assert_row_absent(got, ("energy_supply", "LAO", "CHN"))


def test_it_object_takes_the_verbs_subject_as_supplier(rules_only):
    # "it" is Armenia here; the supplier is the subject of "supply", not the state before "it"
    got = coded_rows(rules_only, "Russia promises to defend Armenia and to help supply it with modern weapons.")
    assert_row_absent(got, ("arms_supply", "ARM", "RUS"))


def test_it_needs_goods(rules_only):
    got = coded_rows(rules_only, "Japan admired the plan. China gave it a warm welcome.")
    assert not any(r[0] in {"arms_supply", "energy_supply"} for r in got), got


PARTICIPLES = [
    ("Chile already flies F-16s donated by the Netherlands and Belgium.",
     {("arms_supply", "NLD", "CHL", "asserted"), ("arms_supply", "BEL", "CHL", "asserted")}),
    ("Peru bought tanks and helicopters supplied by Russia in 2015.",
     {("arms_supply", "RUS", "PER", "asserted")}),
    ("Kenya's army is equipped with rifles sold by Israel.",
     {("arms_supply", "ISR", "KEN", "asserted")}),
]


@pytest.mark.parametrize("text, expected", PARTICIPLES)
def test_the_supplier_in_a_passive_participle(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


def test_a_participle_on_a_subject_names_no_user(rules_only):
    # the goods are the subject: their user is not the clause's subject
    got = coded_rows(rules_only, "The report given by Canada pleased Mexico.")
    assert_row_absent(got, ("arms_supply",))
    assert_row_absent(got, ("energy_supply",))


@pytest.mark.parametrize("text, expected", [
    ("Germany gives Jordan 1.3 billion euros in military aid a year.",
     {("arms_supply", "DEU", "JOR", "asserted")}),
    ("Japan, which gives the Philippines 2.5 million dollars in military assistance, said so.",
     {("arms_supply", "JPN", "PHL", "asserted")}),
])
def test_military_aid_given_as_a_sum(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


SALES_EMBARGOES = [
    # an embargo on the sale of goods to a state is a sanction on it, not an ended supply
    ("Australia will keep its embargo on arms sales to Fiji.",
     {("sanctions", "AUS", "FJI", "asserted")}, ("arms_supply", "AUS", "FJI")),
    ("Kuwait announced a ban on oil sales to Denmark a day earlier.",
     {("sanctions", "KWT", "DNK", "asserted")}, ("energy_supply", "KWT", "DNK")),
    ("Qatar ended its five-month embargo on oil shipments to Canada.",
     {("sanctions", "QAT", "CAN", "negated")}, ("energy_supply", "QAT", "CAN")),
    # a halt of goods to a state: a sanction too (the supply itself is ended as well)
    ("Norway halted all gas shipments to Latvia in retaliation for the expulsions.",
     {("sanctions", "NOR", "LVA", "asserted"), ("energy_supply", "NOR", "LVA", "negated")}, None),
    ("Egypt halted the sale of 10 million tonnes of wheat to Sudan in response to the coup.",
     {("sanctions", "EGY", "SDN", "asserted")}, None),
    ("Oman froze all new trade and investment with Kenya after the row.",
     {("sanctions", "OMN", "KEN", "asserted")}, None),
]


@pytest.mark.parametrize("text, expected, absent", SALES_EMBARGOES)
def test_an_embargo_on_sales_is_a_sanction(rules_only, text, expected, absent):
    got = coded_rows(rules_only, text)
    assert_rows_present(got, expected)
    if absent:
        assert_row_absent(got, absent)


@pytest.mark.parametrize("text", [
    "France halted the sale of its embassy building to Japan in response to the row.",
    # a supplier's halt with no punitive motive ends the supply only
    "Sonatrach halted gas deliveries to Tunisia on Wednesday, citing unpaid bills.",
])
def test_a_halt_without_goods_or_motive_is_no_sanction(rules_only, text):
    assert_row_absent(coded_rows(rules_only, text), ("sanctions",))


@pytest.mark.parametrize("text, expected", [
    # an ending weighed, refused or asked for leaves the relation standing
    ("Washington weighs lifting its embargo on arms sales to Laos.",
     ("sanctions", "USA", "LAO", "asserted")),
    ("Canada refused on Monday to lift its sanctions on Cuba.",
     ("sanctions", "CAN", "CUB", "asserted")),
    ("Seoul urged Tokyo to end its export curbs on South Korea.",
     ("sanctions", "JPN", "KOR", "asserted")),
    ("Oman has no plans to lift its sanctions on Iran.",
     ("sanctions", "OMN", "IRN", "asserted")),
    ("Norway has given no sign that it will stop pumping gas to Latvia.",
     ("energy_supply", "NOR", "LVA", "asserted")),
    # a decision taken still ends it
    ("Canada agreed to lift its sanctions on Cuba.",
     ("sanctions", "CAN", "CUB", "negated")),
    ("Norway stopped pumping gas to Latvia in May.",
     ("energy_supply", "NOR", "LVA", "negated")),
])
def test_an_ending_only_weighed_leaves_the_relation(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), {expected})


def test_pump_is_a_supply_verb(rules_only):
    got = coded_rows(rules_only, "Algeria continues to pump natural gas to Italy through the pipeline.")
    assert_rows_present(got, {("energy_supply", "DZA", "ITA", "asserted")})


PRESENCE = [
    # "divisions" among the troops
    ("Bulgaria, a member of the pact, hosts two Soviet divisions.",
     {("military_presence", "RUS", "BGR", "asserted")}),
    ("The United States, which keeps several divisions in Italy, said so.",
     {("military_presence", "USA", "ITA", "asserted")}),
    # an expulsion of a number of troops ends their presence
    ("Kenya expelled hundreds of Chinese military instructors in May.",
     {("military_presence", "CHN", "KEN", "negated")}),
    # an aside between the troops and their staying
    ("Canadian troops, which arrived last year, remain in Latvia.",
     {("military_presence", "CAN", "LVA", "asserted")}),
    # a list of adjectives before the troops: each state
    ("A joint force of Dutch, Belgian and Danish troops will remain in Estonia.",
     {("military_presence", "NLD", "EST", "expected"), ("military_presence", "BEL", "EST", "expected"),
      ("military_presence", "DNK", "EST", "expected")}),
    # warplanes and squadrons are forces too
    ("French and Spanish warplanes based in Chad and Niger patrol the border.",
     {("military_presence", "FRA", "TCD", "asserted"), ("military_presence", "ESP", "NER", "asserted")}),
    ("Two Canadian squadrons are stationed at an air base in Romania.",
     {("military_presence", "CAN", "ROU", "asserted")}),
]


@pytest.mark.parametrize("text, expected", PRESENCE)
def test_forces_abroad(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


@pytest.mark.parametrize("text", [
    "Russian warplanes bombed Aleppo in 2016.",  # a strike, no stationing
    "Chinese troops, which fought in Korea, left years ago; Vietnam remains wary.",
])
def test_forces_that_are_not_stationed(rules_only, text):
    assert_row_absent(coded_rows(rules_only, text), ("military_presence",))
