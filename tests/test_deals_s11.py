"""Agreement identity for deals, contracts and bases on the real pipeline (session 11):
weapons purchases and packages are arms deals, a sale may name its buyer before its goods,
the seller and the buyer are read past where and when a deal was signed, a contract is an
agreement when a participle or a relative clause signs it or when one side holds it with
another, what is done under a contract gives its kind, weapons named by designation give
an arms deal, and a lease paid for by a state, a foreign radar hosted or a port a navy uses
make a basing deal. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import records

pytestmark = pytest.mark.slow


# -- weapons purchases, packages and sales ------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Ministers in Oslo approved Norway's purchase of 52 F-35 fighter jets from the United States "
     "on Tuesday.", ("arms_deal", frozenset({"NOR", "USA"}))),
    ("Analysts in Madrid said Morocco's purchase of 24 attack helicopters from the United States "
     "would strengthen its air force.", ("arms_deal", frozenset({"MAR", "USA"}))),
    ("Washington signed two weapons packages with Taipei worth $1.8 billion on Friday.",
     ("arms_deal", frozenset({"USA", "TWN"}))),
])
def test_a_weapons_purchase_or_package_is_an_arms_deal(text, expected):
    assert expected in records(text), records(text)


@pytest.mark.parametrize("text", [
    "India's purchases of Russian oil rose sharply in 2023, officials in New Delhi said.",
    "EU governments adopted a new package of sanctions against Iran on Monday.",
    "Analysts said Brazil's purchase of farmland in Paraguay had angered Asuncion.",
])
def test_purchases_of_goods_and_packages_of_sanctions_are_no_deal(text):
    assert records(text) == [], records(text)


def test_a_hyphened_value_is_one_modifier_of_a_definite_deal():
    # "the 12-billion-Norwegian-krone deal" refers back to the purchase: one agreement
    text = ("Oslo ordered a review of Norway's purchase of 52 F-35 fighter jets from the United "
            "States on Friday. Norway finalised the 12-billion-Norwegian-krone deal in 2008.")
    assert records(text) == [("arms_deal", frozenset({"NOR", "USA"}))], records(text)


def test_a_purchase_a_deal_covers_is_no_second_deal():
    text = "Greece signed a deal with France on Monday that covers the purchase of 18 Rafale jets."
    assert records(text) == [("arms_deal", frozenset({"GRC", "FRA"}))], records(text)


def test_a_sale_may_name_its_buyer_before_its_goods():
    text = ("The State Department approved the sale to Poland of 96 Apache attack helicopters "
            "on Monday.")
    assert ("arms_deal", frozenset({"USA", "POL"})) in records(text), records(text)


@pytest.mark.parametrize("text, expected", [
    # the seller after "from", past the day it was signed
    ("Romania signed a $2 billion contract on Tuesday for 54 tanks from South Korea's Hanwha.",
     frozenset({"ROU", "KOR"})),
    # the buyer after "to supply", past the day; "up to" is a quantity, not the buyer's "to"
    ("Algeria's Sonatrach signed a 15-year agreement on Monday to supply Germany's Uniper with up "
     "to 2 billion cubic metres of gas a year.", frozenset({"DZA", "DEU"})),
    # "of" the goods of a purchase, then the seller
    ("Critics in Kathmandu questioned Nepal's purchase of artillery from China last year.",
     frozenset({"NPL", "CHN"})),
])
def test_the_seller_and_the_buyer_past_where_and_when(text, expected):
    assert expected in [p for _, p in records(text)], records(text)


def test_a_settlement_of_a_frontier_names_no_seller():
    text = ("Kazakhstan and Uzbekistan signed an agreement on the demarcation of their border, "
            "completing the settlement of a frontier inherited from the Soviet Union.")
    assert all("RUS" not in p for _, p in records(text)), records(text)


def test_a_definite_sale_after_its_weapons_is_their_deal():
    text = ("Ten A-29 light attack aircraft that Kenya bought from the United States arrived in "
            "Nairobi on Friday. The $400 million sale was approved in 2021.")
    assert ("arms_deal", frozenset({"KEN", "USA"})) in records(text), records(text)


@pytest.mark.parametrize("text", [
    "The company sold its shares in March. The sale was approved by regulators.",
    "Moscow pledged on Monday to go ahead with the sale of rocket engines to India.",
])
def test_a_definite_sale_of_other_goods_is_no_arms_deal(text):
    assert all(kind != "arms_deal" for kind, _ in records(text)), records(text)


# -- contracts ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a participle signs it
    ("Cement for the new port was delivered to Qatar by Turkish firms under a contract signed in "
     "2019 after Turkey sold it 20 corvettes.", "arms_deal"),
    # a relative clause whose object it is
    ("Shipments of the Russian S-400 system to Egypt began in March under a $2 billion contract "
     "that Cairo signed in 2019.", "arms_deal"),
    # the parse hangs the participle on the value
    ("Rosatom took over the reactor project in Iran under a contract worth about $900 million "
     "signed in January 1996.", "energy"),
])
def test_a_contract_signed_by_a_participle_or_a_relative_clause(text, expected):
    assert expected in [kind for kind, _ in records(text)], records(text)


@pytest.mark.parametrize("text", [
    "The firm has a contract that renews every year.",
    "The striker's contract with the club expires in June.",
])
def test_a_contract_nobody_signs_or_of_no_state_is_no_agreement(text):
    assert records(text) == [], records(text)


def test_a_contract_a_state_holds_with_a_company_of_another():
    text = ("Gazprom halted deliveries to Serbia on Monday. Serbia's contract with the Russian "
            "company, which covers most of its gas needs, expires at the end of the year.")
    assert ("energy", frozenset({"SRB", "RUS"})) in records(text), records(text)


@pytest.mark.parametrize("text, expected", [
    ("A new pipeline will carry Azerbaijani gas to Serbia under a ten-year contract.",
     ("energy", frozenset({"AZE", "SRB"}))),
    ("Kazakh oil comes from fields run by foreign firms under a production-sharing contract "
     "Kazakhstan signed with Italy in 1997.", ("energy", frozenset({"KAZ", "ITA"}))),
])
def test_what_is_done_under_a_contract_gives_its_kind(text, expected):
    assert expected in records(text), records(text)


def test_a_contract_for_troops_takes_no_goods_kind():
    text = "Private guards from Peru protect the embassy in Baghdad under a contract."
    assert all(kind not in {"energy", "arms_deal"} for kind, _ in records(text)), records(text)


# -- kinds ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Ankara took delivery of the first S-400 batteries in July under a deal signed with Moscow "
     "in 2017.", "arms_deal"),
    ("Spain delivered 400 laser-guided bombs to the kingdom under an agreement signed in 2015.",
     "arms_deal"),
    ("Armenia signed an agreement with France in October for three air-defence radars.",
     "arms_deal"),
    ("Egypt signed a deal with Russia for coastal defence systems on Monday.", "arms_deal"),
    ("Spain signed a contract with Saudi Arabia for laser-guided bombs.", "arms_deal"),
])
def test_weapons_named_by_designation_or_kind_give_an_arms_deal(text, expected):
    assert expected in [kind for kind, _ in records(text)], records(text)


@pytest.mark.parametrize("text", [
    "Syria signed a deal in 2017 that lets the Russian navy use the harbour of Tartus for 49 years.",
    "Ethiopia ended a 1953 agreement that gave Washington the use of its Kagnew communications "
    "station.",
])
def test_ports_used_by_a_navy_and_communications_stations_give_a_basing_deal(text):
    assert "basing" in [kind for kind, _ in records(text)], records(text)


def test_a_deal_to_host_a_foreign_radar_is_a_basing_deal():
    text = ("Poland and the United States signed an agreement in Warsaw on Tuesday to host an "
            "American missile-defence radar on Polish soil.")
    assert [kind for kind, _ in records(text)] == ["basing"], records(text)


# -- leases ---------------------------------------------------------------------------------

def test_a_lease_a_state_pays_for_is_a_basing_deal():
    text = ("Russia pays Kazakhstan $115 million a year to rent the Baikonur Cosmodrome under a "
            "1994 lease.")
    assert ("basing", frozenset({"RUS", "KAZ"})) in records(text), records(text)


def test_the_sentence_before_a_lease_may_tell_its_base():
    text = ("Turkey opened its first overseas military base in Somalia on Saturday. Ankara pays "
            "about $10 million a year for the site under a ten-year lease.")
    assert ("basing", frozenset({"TUR", "SOM"})) in records(text), records(text)


def test_a_company_paying_rent_under_a_lease_is_no_agreement():
    text = "The company pays rent under a lease for its offices in London."
    assert records(text) == [], records(text)


# -- parties and made weak heads ------------------------------------------------------------

def test_a_partner_named_by_kinship_after_between():
    text = ("Okinawa approved the move of the air station under a 2006 agreement between Japan and "
            "its ally the United States.")
    assert ("basing", frozenset({"JPN", "USA"})) in records(text), records(text)


def test_a_listening_post_names_the_state_that_uses_it():
    text = ("Turkey let a 1962 agreement allowing an American listening post near Sinop lapse in "
            "1972, refusing to renew it.")
    assert ("basing", frozenset({"TUR", "USA"})) in records(text), records(text)


def test_an_arrangement_agreed_is_an_agreement():
    text = ("Kyrgyzstan ordered Russian forces to leave the Kant air base, ending an arrangement "
            "agreed with Moscow in 2003.")
    assert frozenset({"KGZ", "RUS"}) in [p for _, p in records(text)], records(text)


@pytest.mark.parametrize("text", [
    "The partnership agreed in 2019 gave the two companies a share of the market.",
])
def test_a_participle_of_no_state_makes_no_agreement(text):
    assert records(text) == [], records(text)


# -- boundaries -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Eritrea relies on a boundary fixed by a 1908 treaty between Ethiopia and Italy.",
     ("boundary", frozenset({"ETH", "ITA"}))),
    ("The court held that the border follows the river under the 1886 treaty in which France and "
     "Portugal divided their spheres of influence in the region.",
     ("boundary", frozenset({"FRA", "PRT"}))),
])
def test_a_boundary_fixed_by_a_treaty_and_spheres_divided_in_it(text, expected):
    assert expected in records(text), records(text)


def test_a_treaty_that_fixes_nothing_stays_a_treaty():
    text = "Eritrea relies on a 1908 treaty between Ethiopia and Italy for its claims to the port."
    assert all(kind != "boundary" for kind, _ in records(text)), records(text)
