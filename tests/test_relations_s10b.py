"""Standing relations, tenth round (the rules alone, ``dyad.relations.rules.code_v1``), read
from the misses of train13-16 on alliance, presence, arms, membership and mediation: "the two
US allies" (each the ally of the state named inside, not of the other), treaties of
alliance (each pair of the signers, or the partner after "with"); "Both countries belong to"
(the verb right after the pair) and a body's members in a clause ending on its preposition
("which India also belongs to"), a state holding the rotating presidency of the body named
last, an invitation to join declined (negated); a sum of military aid before the aid; troops massed in a
host, an army or a unit said to be stationed, a withdrawal awaited as a condition ("until
Russia pulls its troops out of A and B": each host); talks led by a third party, mediators
"from" their states. Every text was written for these tests, in other wording and with
other states than any benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows

pytestmark = pytest.mark.slow


READINGS = [
    # "the two US allies": each an ally of the state inside
    ("Poland and Romania held joint drills on Tuesday, the latest sign of trust between the two "
     "US allies.",
     {("alliance", "POL", "USA", "asserted"), ("alliance", "ROU", "USA", "asserted")}),
    # a treaty of alliance: the signers pair by pair, or the partner after "with"
    ("Peru, Chile and Bolivia signed a treaty of alliance in Lima in 1866.",
     {("alliance", "CHL", "PER", "asserted"), ("alliance", "BOL", "PER", "asserted"),
      ("alliance", "BOL", "CHL", "asserted")}),
    ("Egypt says its treaty of alliance with Syria remains in force.",
     {("alliance", "EGY", "SYR", "asserted")}),
    # the pair as the subject right before the verb
    ("Kenya exports tea to Uganda. Both countries belong to the East African Community.",
     {("membership", "KEN", "EAC", "asserted"), ("membership", "UGA", "EAC", "asserted")}),
    # the member in a relative clause that ends on its preposition
    ("Ghana hosted the summit of the African Union, which Morocco also belongs to.",
     {("membership", "MAR", "AU", "asserted")}),
    # a rotating office of the body named last; an invitation to join it declined
    ("Laos joined ASEAN in 1997. Thailand, which holds the bloc's rotating chairmanship, hosted "
     "the summit.",
     {("membership", "THA", "ASEAN", "asserted")}),
    ("The OECD invited Peru and Brazil in January. Brazil turned down its invitation in March.",
     {("membership", "BRA", "OECD", "negated")}),
    # a sum of military aid before the aid
    ("Washington gives Jordan about $400 million in military aid each year.",
     {("arms_supply", "USA", "JOR", "asserted")}),
    # troops massed in a host; an army or a unit said to be stationed
    ("Some 40,000 Russian troops are massed in Belarus.",
     {("military_presence", "RUS", "BLR", "asserted")}),
    ("The junta turned to the French army, stationed in Chad since independence, for help.",
     {("military_presence", "FRA", "TCD", "asserted")}),
    ("A Turkish commando unit has been based in Qatar since 2016.",
     {("military_presence", "TUR", "QAT", "asserted")}),
    # a withdrawal awaited as a condition: the troops are there now, in each host named
    ("Tbilisi will not talk until Russia pulls its last soldiers out of Transnistria and Abkhazia.",
     {("military_presence", "RUS", "MDA", "asserted"), ("military_presence", "RUS", "GEO", "asserted")}),
    # talks led by a third party; mediators named by their states
    ("The rebels and the government met in Addis Ababa for talks led by the African Union.",
     {("mediation", "AU", None, "asserted")}),
    ("Mediators from Norway and Cuba have worked for years to end the conflict in Colombia.",
     {("mediation", "NOR", None, "asserted"), ("mediation", "CUB", None, "asserted")}),
]


@pytest.mark.parametrize("text, expected", READINGS)
def test_readings(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


def test_the_two_us_allies_are_no_allies_of_each_other(rules_only):
    got = coded_rows(rules_only, "Japan and Australia signed a logistics pact, a step closer between "
                                 "the two US allies.")
    assert_rows_present(got, {("alliance", "JPN", "USA", "asserted"), ("alliance", "AUS", "USA", "asserted")})
    assert_row_absent(got, ("alliance", "JPN", "AUS"))
    assert_row_absent(got, ("alliance", "AUS", "JPN"))


def test_the_two_nato_allies_are_still_allies_of_each_other(rules_only):
    got = coded_rows(rules_only, "Spain and Portugal met in Madrid. The two NATO allies agreed on fishing quotas.")
    assert any(r[0] == "alliance" and {r[1], r[2]} == {"ESP", "PRT"} for r in got), got


def test_a_treaty_of_alliance_with_one_side_named_writes_no_half_pair(rules_only):
    got = coded_rows(rules_only, "The old treaty of alliance was signed by Nepal in 1950.")
    assert not any(r[0] == "alliance" and r[2] is None for r in got), got


def test_an_awaited_withdrawal_is_asserted_and_a_past_one_negated(rules_only):
    awaited = coded_rows(rules_only, "Georgia will not sign unless Russia withdraws its troops from Abkhazia.")
    assert ("military_presence", "RUS", "GEO", "asserted") in awaited, awaited
    done = coded_rows(rules_only, "Russia withdrew its troops from Moldova in 2005.")
    assert ("military_presence", "RUS", "MDA", "negated") in done, done


def test_an_army_at_home_is_no_presence(rules_only):
    got = coded_rows(rules_only, "Egypt's army is based in Cairo.")
    assert_row_absent(got, ("military_presence",))


def test_an_army_moving_within_its_own_land_is_no_presence(rules_only):
    # "deployed" as the army's own movement, with no comma or "be" before it, is no stay
    got = coded_rows(rules_only, "Turkish troops were to leave the north as the Syrian army deployed there.")
    assert_row_absent(got, ("military_presence", "SYR"))
