"""Agreement identity, parties and kinds by class, on the real pipeline: who stands for a
state (a leader of another era, a company cut short), the buyer of a supply or sale deal,
weapons material as arms control, and a "so-called" name given to what was just
described. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract

pytestmark = pytest.mark.slow


def party_ids(agreement) -> set[str]:
    return {p.country or p.actor_id for p in agreement.parties}


# -- persons and companies with no country are no parties ----------------------------------

@pytest.mark.parametrize("text, parties", [
    # two signers of another era stand for the two states in focus
    ("India and Pakistan on Sunday marked 50 years since Indira Gandhi and Zulfikar Ali Bhutto "
     "signed their peace agreement at Simla.", {"IND", "PAK"}),
    ("Peru and Ecuador celebrated 25 years since Alberto Fujimori and Jamil Mahuad signed "
     "their border treaty in Brasilia.", {"PER", "ECU"}),
])
def test_stateless_signers_stand_for_the_states_in_focus(text, parties):
    (ag,) = [a for a in extract(text) if a.stages]
    assert party_ids(ag) == parties


def test_no_party_or_stage_party_without_a_country():
    text = ("Japan's Jera LNG signed a contract with QatarEnergy on Tuesday to extend its gas "
            "supply deal by ten years.")
    for ag in extract(text):
        assert all(p.country or p.actor_id.startswith("IGO.") for p in ag.parties)
        assert all(s.party is None or s.party.country or s.party.actor_id.startswith("IGO.")
                   for s in ag.stages)


# -- the buyer of a supply or sale deal is a party ----------------------------------------

@pytest.mark.parametrize("text, parties", [
    ("QatarEnergy signed a 15-year deal to supply Germany with liquefied natural gas.",
     {"QAT", "DEU"}),
    ("The United States signed a contract to sell 20 fighter jets to Egypt on Friday.",
     {"USA", "EGY"}),
    ("Russia concluded an agreement to deliver two nuclear reactors to Hungary.", {"RUS", "HUN"}),
])
def test_buyer_of_a_supply_or_sale(text, parties):
    ags = extract(text)
    assert any(party_ids(a) == parties for a in ags)


# -- weapons material is arms control, not an arms sale ------------------------------------

@pytest.mark.parametrize("text", [
    "Moscow and Washington signed an accord on destroying surplus weapons-grade plutonium.",
    "The two powers agreed a pact on the disposal of fissile material from old warheads.",
    "Britain and France signed a treaty on plutonium stockpiles in 2012.",
])
def test_weapons_material_is_arms_control(text):
    assert [a.kind for a in extract(text)] == ["arms_control"]


# -- a "so-called" name names what was just described --------------------------------------

def test_so_called_name_joins_the_agreements_just_described():
    text = ("Kenya's parliament voted on Monday to cancel the 2015 agreements on British troops "
            "training in the country. The so-called Nanyuki accords were signed by both "
            "governments in 2015.")
    ags = extract(text)
    assert len(ags) == 1 and ags[0].name == "Nanyuki accords"


def test_such_an_accord_is_the_treaty_signed_by_leaders_of_another_era():
    text = ("India and Pakistan on Sunday marked 50 years since Indira Gandhi and Zulfikar Ali "
            "Bhutto signed their peace agreement at Simla, the first such accord between the "
            "two countries.")
    assert len(extract(text)) == 1
