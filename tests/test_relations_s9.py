"""Standing relations, ninth round (the rules alone, ``dyad.relations.rules.code_v1``):
forces abroad told as border guards, as a withdrawal still to come with a split verb ("to
pull its troops out of"), as the troops a relative clause keeps ("the troops it keeps in
the country", the host of "the country" being the land of a war named before), with a
second host that has its own count ("1,500 in Djibouti and 900 in Gabon") or a second keeper
whose verb is left out, or sent by a list of states; the subject of "under sanctions" past
an apposition; members in a relative clause on the body ("to which ... belong", "of which
... are members") and the partners of its founders; no OPEC membership in "OPEC+"; arms
as the passive "armed by" and as fighter-bombers; "it" in a clause of time standing for
the subject of the clause it hangs on; and a claim of two states each against a third that
holds the place; a share of a state's goods naming the recipient past a later "to";
"diplomatic allies" as diplomatic relations; one state bound to others by defence treaties;
lands taken from states paired "respectively"; a step another state repeats ("followed
suit", "took the same step"); troops taking part in exercises, or kept "on the island" after
"the government in Taipei"; and "Both countries" past a sentence that names no state.
Every text was written for these tests, in other wording and with other
states than any benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows
from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow


FORCES_ABROAD = [
    # border guards are forces abroad
    ("Moscow keeps several hundred border guards in Armenia.",
     {("military_presence", "RUS", "ARM", "asserted")}),
    # a withdrawal still to come, the verb split around its object: they are there now
    ("Uganda has agreed to pull its soldiers out of eastern Congo by June.",
     {("military_presence", "UGA", "COD", "asserted")}),
    # the troops a relative clause keeps: the keeper is the clause's subject
    ("Paris said it would withdraw the troops it still keeps in Chad.",
     {("military_presence", "FRA", "TCD", "asserted")}),
    # "the country" after "the war in Libya" is Libya (a war's land is no venue)
    ("The two leaders agreed to end the civil war in Libya, under which Turkey is to withdraw "
     "the troops it keeps in the country.",
     {("military_presence", "TUR", "LBY", "asserted")}),
    # a second host with its own count
    ("France keeps about 1,500 soldiers in Djibouti and 900 in Gabon.",
     {("military_presence", "FRA", "DJI", "asserted"), ("military_presence", "FRA", "GAB", "asserted")}),
    # senders listed after "from", the list passing the role window
    ("Troops from Kenya, Uganda, Burundi, Djibouti and Ethiopia arrived in Mogadishu on Monday.",
     {("military_presence", "KEN", "SOM", "asserted"), ("military_presence", "UGA", "SOM", "asserted"),
      ("military_presence", "BDI", "SOM", "asserted"), ("military_presence", "ETH", "SOM", "asserted")}),
]


@pytest.mark.parametrize("text, expected", FORCES_ABROAD)
def test_forces_abroad(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


def test_a_keeper_whose_verb_is_left_out_is_no_host(rules_only):
    # "and Spain about 600": Spain keeps troops there too, it hosts none of Italy's
    got = coded_rows(rules_only, "Italy keeps 800 troops in Lebanon and Spain about 600.")
    assert_rows_present(got, {("military_presence", "ITA", "LBN", "asserted")})
    assert_row_absent(got, ("military_presence", "ITA", "ESP"))


def test_under_sanctions_takes_the_subject_past_an_apposition(rules_only):
    got = coded_rows(rules_only, "Belarus, a close partner that buys Ukrainian grain, has been under "
                                 "British financial sanctions since 2020.")
    assert_rows_present(got, {("sanctions", "GBR", "BLR", "asserted")})
    assert_row_absent(got, ("sanctions", "GBR", "UKR"))


MEMBERS = [
    ("Critics say the deal weakens NATO, to which both Norway and Denmark belong.",
     {("membership", "NOR", "NATO", "asserted"), ("membership", "DNK", "NATO", "asserted")}),
    ("The summit was held by the African Union, of which Kenya and Ghana are founding members.",
     {("membership", "KEN", "AU", "asserted"), ("membership", "GHA", "AU", "asserted")}),
    # the partners of the founders are founders too
    ("Manila hosted ASEAN, which Thailand founded with Indonesia, Malaysia and Singapore.",
     {("membership", "THA", "ASEAN", "asserted"), ("membership", "IDN", "ASEAN", "asserted"),
      ("membership", "MYS", "ASEAN", "asserted"), ("membership", "SGP", "ASEAN", "asserted")}),
]


@pytest.mark.parametrize("text, expected", MEMBERS)
def test_members_in_a_relative_clause_on_the_body(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


def test_a_body_with_a_plus_is_not_the_body(rules_only):
    got = coded_rows(rules_only, "Kazakhstan and the other members of the OPEC+ alliance agreed to extend the cuts.")
    assert_row_absent(got, ("membership", "KAZ"))


ARMS = [
    ("Venezuela is buying Russian fighter-bombers.", {("arms_supply", "RUS", "VEN", "asserted")}),
    ("Angola's army, armed mostly by China, is short of spare parts.", {("arms_supply", "CHN", "AGO", "asserted")}),
]


@pytest.mark.parametrize("text, expected", ARMS)
def test_arms_in_other_words(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


def test_it_in_a_clause_of_time_is_the_governing_subject(rules_only):
    got = coded_rows(rules_only, "British forces are based in Oman, which India has courted since it "
                                 "established diplomatic relations with Muscat in 1971.")
    assert_rows_present(got, {("diplomatic_relations", "IND", "OMN", "asserted")})
    assert_row_absent(got, ("diplomatic_relations", "GBR"))


def test_two_claims_against_a_third_holder(rules_only):
    got = coded_rows(rules_only, "Fishermen work near the Chinese-administered Paracel Islands, "
                                 "which both Vietnam and Taiwan claim.")
    assert_rows_present(got, {("territorial_claim", "VNM", "CHN", "asserted"),
                              ("territorial_claim", "TWN", "CHN", "asserted")})
    assert_row_absent(got, ("territorial_claim", "VNM", "TWN"))
    assert_row_absent(got, ("territorial_claim", "TWN", "VNM"))


def test_a_share_of_a_states_goods_names_the_recipient(rules_only):
    got = coded_rows(rules_only, "Kazakhstan supplies a growing share of Italy's crude through the "
                                 "pipeline to the Russian port of Novorossiysk.")
    assert_rows_present(got, {("energy_supply", "KAZ", "ITA", "asserted")})
    assert_row_absent(got, ("energy_supply", "KAZ", "RUS"))


def test_diplomatic_allies_are_diplomatic_relations(rules_only):
    got = coded_rows(rules_only, "Belize remains one of Taiwan's diplomatic allies.")
    assert_rows_present(got, {("diplomatic_relations", "BLZ", "TWN", "asserted")})
    assert_row_absent(got, ("alliance",))


def test_lands_taken_from_states_respectively(rules_only):
    got = coded_rows(rules_only, "Vietnam seized the islets and the reefs from China and the Philippines respectively.")
    assert_rows_present(got, {("occupation", "VNM", "CHN", "asserted"), ("occupation", "VNM", "PHL", "asserted")})


def test_bound_to_others_by_defence_treaties(rules_only):
    got = coded_rows(rules_only, "France, which is bound to both Djibouti and Senegal by defence treaties, "
                                 "trains their officers.")
    pairs = {(t, frozenset({a, b})) for t, a, b, _ in got}  # alliance is symmetric
    assert {("alliance", frozenset({"FRA", "DJI"})), ("alliance", frozenset({"FRA", "SEN"}))} <= pairs


ECHOES = [
    ("Bolivia cut diplomatic ties with Israel on Tuesday. Belize followed suit a day later.",
     {("diplomatic_relations", "BLZ", "ISR", "negated")}),
    ("Chad recalled its envoy and broke off diplomatic relations with Qatar, a week after neighbouring "
     "Niger took the same step.",
     {("diplomatic_relations", "NER", "QAT", "negated")}),
    ("Norway imposed sanctions on Belarus in June, and Iceland did the same in July.",
     {("sanctions", "ISL", "BLR", "asserted")}),
]


@pytest.mark.parametrize("text, expected", ECHOES)
def test_a_step_another_state_repeats(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


@pytest.mark.parametrize("text, absent", [
    # only planned, or denied: nothing repeated yet
    ("Norway imposed sanctions on Belarus in June, and Iceland said it would follow suit.", ("sanctions", "ISL")),
    ("Norway imposed sanctions on Belarus in June, but Iceland did not follow suit.", ("sanctions", "ISL")),
    # an approval of another's accession makes the approver no member
    ("Latvia's parliament approved Moldova's membership of the WTO, days after lawmakers in Vilnius did the same.",
     ("membership", "LTU")),
])
def test_an_echo_not_done_or_not_the_echoers_own_writes_nothing(rules_only, text, absent):
    assert_row_absent(coded_rows(rules_only, text), absent)


MORE_FORCES = [
    ("Hundreds of British marines are taking part in joint exercises in Norway.",
     {("military_presence", "GBR", "NOR", "asserted")}),
    # the seat of a government is no venue; a name joined by "and" is no modifier of the troops
    ("Paris, which backs the government in Bamako and keeps soldiers in the country, wants a deal.",
     {("military_presence", "FRA", "MLI", "asserted")}),
]


@pytest.mark.parametrize("text, expected", MORE_FORCES)
def test_more_forces_abroad(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


def test_both_countries_past_a_sentence_naming_no_state(rules_only):
    text = ("Oman and Qatar signed a border accord on Monday. The talks had dragged on for a decade. "
            "Both countries belong to the Arab League.")
    assert_rows_present(coded_rows(rules_only, text), {("membership", "OMN", "LAS", "asserted"),
                                                        ("membership", "QAT", "LAS", "asserted")})


def test_the_few_states_that_point_back_to_nobody(rules_only):
    text = ("Peru and Chile renewed their fisheries deal. It was first signed in 2009. Belize is one of the "
            "few states that still recognise Taiwan.")
    assert_row_absent(coded_rows(rules_only, text), ("diplomatic_relations", "PER"))
    assert_row_absent(coded_rows(rules_only, text), ("diplomatic_relations", "CHL"))
