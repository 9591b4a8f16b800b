"""Agreement kinds, round four, on the real pipeline (``dyad.extract``): normalisation and
basing as wire copy words them, purposes read from the sentence for a bare "treaty",
well-known names, states acting together "in a deal", and places left that are no
treaty. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract

pytestmark = pytest.mark.slow


def party_ids(agreement) -> set[str]:
    return {p.actor_id for p in agreement.parties}


@pytest.mark.parametrize("text, kind", [
    # a defence cooperation pact that opens bases (one or several) to foreign forces
    ("Papua New Guinea and the United States signed a defence cooperation agreement giving "
     "US forces access to Lombrum naval base.", "basing"),
    ("Russia and Sudan signed an agreement allowing Russian warships to dock at Port Sudan.",
     "basing"),
    ("Djibouti and China signed an agreement to lease the naval port for ten years.", "basing"),
    # troops in the sentence do not make a pact a defence one when the fighting ends
    ("Israel and Lebanon agreed to a deal under which Israeli troops will pull back and the "
     "Lebanese army will deploy in the south, ending the fighting.", "ceasefire"),
    # a bare treaty takes a strong purpose from its sentence, not a weak one
    ("Japan and South Korea signed a 1965 treaty that normalised relations.", "normalisation"),
    ("Japan and Australia signed a treaty that lets their troops train together.", "treaty"),
])
def test_kind_from_the_sentence(text, kind):
    (ag,) = extract(text)
    assert ag.kind == kind


@pytest.mark.parametrize("text, kind, parties", [
    ("Morocco joined the Abraham Accords in December 2020.", "normalisation", {"MAR", "ISR"}),
    ("India and Pakistan signed the Simla Agreement in 1972.", "peace", {"IND", "PAK"}),
    ("Pakistan said it would hold the Indus Waters Treaty in abeyance.", "treaty", {"IND", "PAK"}),
    ("Japan invoked the US-Japan Security Treaty.", "defence", {"USA", "JPN"}),
])
def test_well_known_names(text, kind, parties):
    (ag,) = extract(text)
    assert (ag.kind, party_ids(ag)) == (kind, parties)


@pytest.mark.parametrize("text, parties", [
    ("Saudi Arabia and Iran restored diplomatic ties in a China-brokered deal signed in "
     "Beijing in March.", {"SAU", "IRN"}),
    ("Israel and Hamas exchanged prisoners under a deal mediated by Qatar.", {"ISR", "group.hamas"}),
])
def test_states_acting_together_in_a_deal_are_its_parties(text, parties):
    (ag,) = extract(text)
    assert party_ids(ag) == parties


def test_one_state_acting_under_a_deal_is_not_made_its_party_alone():
    assert not any(party_ids(a) == {"TUR"} for a in extract(
        "Turkey resumed grain exports under a deal brokered by the United Nations."))


@pytest.mark.parametrize("text, withdrawn", [
    ("Egypt and Israel signed a peace treaty in 1979 under which Israeli forces withdrew from "
     "Sinai and security arrangements were set.", False),
    ("Russia withdrew from the CFE Treaty in 2023.", True),
])
def test_a_place_left_is_no_treaty_left(text, withdrawn):
    stages = {s.stage for a in extract(text) for s in a.stages}
    assert ("withdrawn" in stages) is withdrawn
