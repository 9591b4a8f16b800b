"""Agreement identity on the real pipeline (session 10): the state that "has" an agreement
with a partner is its other side; plural agreements with one partner that several states
act on, or "similar" ones with several partners, are one agreement per pair; "the
government signed with X"; the seller whose goods are bought ("to buy Israel's ..."); "with
the agency" for the organisation named before; titles listing their words ("Treaty of
Friendship, Cooperation and Mutual Assistance"); combining forms ("Anglo-Iraqi"); the kind
an "of" complement gives ("treaty of alliance"), that of nuclear cooperation (energy) and
of safeguards (arms control); the NPT under its news name. Sentences are written for
these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, parties, records

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    ("Brazil has similar accords with Chile and Peru.",
     [frozenset({"BRA", "CHL"}), frozenset({"BRA", "PER"})]),
    ("Tokyo, which has a defence pact with Washington, protested on Monday.",
     [frozenset({"JPN", "USA"})]),
    ("Egypt has had a peace treaty with Israel since 1979.", [frozenset({"EGY", "ISR"})]),
])
def test_the_state_that_has_an_agreement_with_a_partner_is_its_side(text, expected):
    got = parties(text)
    assert all(e in got for e in expected), records(text)


def test_a_state_with_no_agreement_is_no_side():
    text = "Vietnam has no defence agreement with Russia, officials said."
    assert frozenset({"VNM", "RUS"}) not in parties(text), records(text)


@pytest.mark.parametrize("text, expected", [
    ("Spain and Portugal signed water-sharing agreements with Morocco on Friday.",
     {frozenset({"ESP", "MAR"}), frozenset({"PRT", "MAR"})}),
    ("Latvia and Estonia will scrap their old trade treaties with Minsk next month.",
     {frozenset({"LVA", "BLR"}), frozenset({"EST", "BLR"})}),
])
def test_plural_agreements_with_one_partner_are_one_per_acting_state(text, expected):
    assert expected <= set(parties(text)), records(text)


def test_similar_agreements_share_the_side_of_the_one_before():
    text = ("A Kenyan court annulled the energy agreement the government signed with China in "
            "2019. The judges also voided similar accords with India and Japan.")
    got = parties(text, "2023-05-10")
    assert frozenset({"KEN", "CHN"}) in got, records(text, "2023-05-10")
    assert {frozenset({"KEN", "IND"}), frozenset({"KEN", "JPN"})} <= set(got), records(text, "2023-05-10")


@pytest.mark.parametrize("text, kind", [
    ("Argentina and Brazil signed a nuclear cooperation agreement on Tuesday.", "energy"),
    ("Egypt signed a safeguards agreement with the IAEA on Monday.", "arms_control"),
    ("The 1936 Anglo-Egyptian treaty of alliance remained in force until 1954.", "defence"),
])
def test_kinds_read_from_the_agreement_words(text, kind):
    assert kind in {k for k, _ in records(text, "2010-06-01")}, records(text, "2010-06-01")


def test_the_agency_after_with_is_the_organisation_named_before():
    text = ("Algeria joined the treaty on Monday and will admit inspectors of the International "
            "Atomic Energy Agency. Algiers must sign a safeguards agreement with the agency within a year.")
    assert ("arms_control", frozenset({"DZA", "IGO.IAEA"})) in records(text, "1995-01-15"), \
        records(text, "1995-01-15")


@pytest.mark.parametrize("text, expected", [
    ("Romania signed a contract on Monday to buy Germany's Leopard tanks.", frozenset({"ROU", "DEU"})),
    ("Finland signed a deal to buy Sweden's Gripen jets on Friday.", frozenset({"FIN", "SWE"})),
])
def test_the_owner_of_goods_bought_is_the_seller(text, expected):
    assert expected in parties(text), records(text)


def test_a_title_may_list_its_words():
    text = ("Bulgaria and the Soviet Union renewed the Treaty of Friendship, Cooperation and Mutual "
            "Assistance on Thursday.")
    names = [a.name for a in extract(text, "1967-05-12")]
    assert "Treaty of Friendship, Cooperation and Mutual Assistance" in names, names


def test_a_title_list_stops_before_states():
    text = "Turkey signed the Treaty of Lausanne, and Britain and France welcomed it."
    names = [a.name for a in extract(text, "1923-07-25")]
    assert "Treaty of Lausanne" in names, names


@pytest.mark.parametrize("text, expected", [
    ("The Franco-Moroccan accord of 1956 ended the protectorate.", frozenset({"FRA", "MAR"})),
    ("The Anglo-Egyptian treaty was signed in London.", frozenset({"GBR", "EGY"})),
])
def test_a_combining_form_names_a_party(text, expected):
    assert expected in parties(text, "1957-01-01"), records(text, "1957-01-01")


def test_a_combining_form_before_a_region_names_none():
    text = "The Indo-Pacific Economic Framework was launched in Tokyo by the United States."
    assert not any("IND" in p for p in parties(text, "2022-05-23")), records(text, "2022-05-23")


def test_the_npt_goes_by_its_news_name():
    text = "South Africa joined the Treaty on the Non-Proliferation of Nuclear Weapons on Wednesday."
    names = [a.name for a in extract(text, "1991-07-10")]
    assert "Nuclear Non-Proliferation Treaty" in names, names
