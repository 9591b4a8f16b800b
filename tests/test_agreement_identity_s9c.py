"""Agreement identity on the real pipeline (session 9, third pass): leaders named in
apposition to a plural title ("Presidents A of X, B of Y and C of Z") all sign, a sentence's
subject and the state after "with" are a pair "the two countries" may stand for, the buyer
and the seller of goods passing "under a contract" are its sides, an intergovernmental
deal binds the two states named before it in its sentence, and reactors are energy.
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import parties, records

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, date, expected", [
    ("Presidents Alvaro Uribe of Colombia, Rafael Correa of Ecuador and Hugo Chavez of "
     "Venezuela met in Caracas on Friday and signed a declaration on border security.",
     "2008-03-08", frozenset({"COL", "ECU", "VEN"})),
    ("Presidents Luiz Inacio Lula da Silva of Brazil and Evo Morales of Bolivia signed an "
     "energy agreement in La Paz on Tuesday.", "2007-02-13", frozenset({"BRA", "BOL"})),
])
def test_leaders_in_apposition_to_a_plural_title_all_sign(text, date, expected):
    assert expected in parties(text, date), records(text, date)


@pytest.mark.parametrize("text, expected", [
    # a third state that "followed suit" is not one of "the two countries"
    ("Chile recalled its ambassador from Peru on Monday after a row over fishing rights. "
     "Bolivia followed suit on Tuesday. Chile also said it would complain to the United Nations. "
     "The two countries had been negotiating a free trade agreement.",
     frozenset({"CHL", "PER"})),
])
def test_a_subject_and_its_partner_after_with_are_the_pair_in_focus(text, expected):
    text = text.replace("recalled its ambassador from Peru", "broke off relations with Peru")
    assert parties(text) == [expected], records(text)


def test_an_adjunct_with_names_no_partner():
    text = ("Chinese and Indian officials met in Geneva on Monday, with Swiss diplomats carrying "
            "messages between the rooms. Beijing later proposed a new border agreement.")
    assert all("CHE" not in p for p in parties(text)), records(text)


def test_a_supply_contract_takes_its_kind_from_the_goods():
    text = "Japan buys Australian coal under a long-term supply contract signed in 2015."
    assert ("energy", frozenset({"JPN", "AUS"})) in records(text), records(text)


@pytest.mark.parametrize("text, expected", [
    ("Japan buys large amounts of Australian coal every year under a long-term supply contract "
     "signed in 2015.", frozenset({"JPN", "AUS"})),
    ("India will keep selling refined diesel to Nepalese importers under a supply agreement "
     "signed in 2019.", frozenset({"IND", "NPL"})),
])
def test_the_buyer_and_the_seller_under_a_contract_are_its_sides(text, expected):
    assert expected in parties(text), records(text)


def test_goods_bought_under_a_contract_give_its_kind_and_sides():
    text = ("Poland's army operates South Korean-made K2 tanks, bought under a 2022 contract. "
            "Warsaw has also ordered howitzers.")
    assert ("arms_deal", frozenset({"POL", "KOR"})) in records(text), records(text)


def test_an_intergovernmental_deal_binds_the_two_states_before_it():
    text = ("Ukraine protested against the plan. Egypt relies on Moscow for its first nuclear "
            "plant: under an intergovernmental agreement signed in 2015, Russia's Rosatom is to "
            "build four reactors at El Dabaa.")
    assert ("energy", frozenset({"EGY", "RUS"})) in records(text), records(text)


def test_an_intergovernmental_deal_a_group_signed_keeps_out_states_named_after_it():
    text = ("The presidents of Azerbaijan, Georgia and Turkey opened the pipeline on Monday. "
            "The line, agreed in an intergovernmental accord that the three countries signed in "
            "1999, lets Caspian oil reach markets without crossing Russia or Iran.")
    assert frozenset({"RUS", "IRN"}) not in parties(text), records(text)


def test_reactors_make_an_agreement_an_energy_one():
    text = "Hungary and Russia signed an agreement on Tuesday to build two new reactors at Paks."
    assert ("energy", frozenset({"HUN", "RUS"})) in records(text), records(text)
