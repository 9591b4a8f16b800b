"""Agreement mentions, round six, on the real pipeline: weak heads that found relations
("a declaration of principles"), a lease a state ends, a title word the resolver took for
an unknown person, a determiner plus a weak head standing for the agreement called so
before ("the compacts"), and one agreement under two interchangeable heads ("the Oslo
Accords ... the Oslo agreement"). Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract

pytestmark = pytest.mark.slow


def names(text: str) -> list[str]:
    return sorted(a.name for a in extract(text))


@pytest.mark.parametrize("text, name", [
    ("Chile and Peru signed a declaration of principles on fisheries in Lima on Monday.",
     "declaration of principles"),
    ("Laos and Cambodia adopted a declaration of friendship and cooperation in Hanoi.",
     "declaration of friendship and cooperation"),
    ("Morocco and Mauritania adopted a charter of solidarity at their summit last year.",
     "charter of solidarity"),
])
def test_weak_head_with_what_it_founds(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "Mongolia's cabinet decided to terminate the lease, which runs until 2030.",
    "Kazakhstan will extend the lease on the cosmodrome until 2050, Russia said.",
])
def test_lease_a_state_ends_or_extends(text):
    assert [a.name for a in extract(text)] == ["lease"]


@pytest.mark.parametrize("text", [
    "The company signed a lease for new offices.",
    "The retailer extended the lease on its flagship store.",
    "The two philosophers wrote a declaration of principles for their club.",
])
def test_no_state_no_agreement(text):
    assert extract(text) == []


@pytest.mark.parametrize("text, name", [
    ("Under the Sorensen declaration, Chile and Bolivia pledged to settle the dispute.",
     "Sorensen declaration"),
    ("Bolivia and Chile signed the Halvorsen accord in 1929.", "Halvorsen accord"),
])
def test_unknown_person_word_is_part_of_the_title(text, name):
    assert name in names(text)


def test_determiner_and_weak_head_refer_back():
    text = ("Fiji and Tonga renewed their Compacts of Maritime Cooperation on Monday. The "
            "compacts, first signed in 1998, let each navy patrol the other's waters.")
    found = extract(text)
    assert [a.name for a in found] == ["Compacts of Maritime Cooperation"]


@pytest.mark.parametrize("text, count", [
    ("Ghana suspended the 1991 Volta Agreement on Monday. The Volta pact, signed after "
     "the border war, sets the river as the frontier with Togo.", 1),
    ("Laos and Vietnam signed the Mekong accords in 1977. The Mekong treaty was amended in "
     "2009.", 1),
])
def test_one_agreement_under_interchangeable_heads(text, count):
    assert len(extract(text)) == count


def _parties(agreement) -> set[str]:
    return {p.country or p.actor_id for p in agreement.parties}


@pytest.mark.parametrize("text, party", [
    ("Brazil remains a party to the Treaty on the Non-Proliferation of Nuclear Weapons.", "BRA"),
    ("Ukraine, a signatory of the Ottawa Convention, said it would review its stockpile.", "UKR"),
])
def test_one_state_party_to_a_treaty(text, party):
    assert any(party in _parties(a) for a in extract(text))


@pytest.mark.parametrize("text", [
    "India is not a party to the Treaty on the Non-Proliferation of Nuclear Weapons.",
    "Israel has never been a party to the Treaty on the Non-Proliferation of Nuclear Weapons.",
])
def test_a_denied_party_is_none(text):
    assert all(not _parties(a) & {"IND", "ISR"} for a in extract(text))


@pytest.mark.parametrize("text, seller", [
    ("Algeria cancelled a 2019 order for 14 Russian Su-57 jets last year.", "RUS"),
    ("Qatar signed a deal for 24 French Rafale fighters in 2017.", "FRA"),
    ("Morocco signed a contract to buy American F-16 jets.", "USA"),
])
def test_the_makers_nationality_names_the_seller(text, seller):
    deals = [a for a in extract(text) if a.kind == "arms_deal"]
    assert deals and seller in _parties(deals[0])


def test_a_nationality_not_before_the_weapons_is_no_seller():
    deals = [a for a in extract("Qatar signed an arms deal for its navy, a French official said.")
             if a.kind == "arms_deal"]
    assert all("FRA" not in _parties(a) for a in deals)


@pytest.mark.parametrize("text, name", [
    ("Sudan and South Sudan signed a Qatari-brokered ceasefire plan on Friday.", "ceasefire plan"),
    ("Ethiopia and Eritrea signed the truce roadmap in Nairobi on Monday.", "truce roadmap"),
])
def test_a_plan_noun_stays_in_the_name(text, name):
    assert name in names(text)
