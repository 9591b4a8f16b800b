"""Agreements that name fewer than two parties, by class, on the real pipeline: the
partner of a relative "signed with X", the agreement a sibling or successor goes with,
the pair or group in focus, an "of" list in a generic name, the purpose read first from
the agreement's own sentence, and accessions stated by a verb. Sentences are written for
these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract

pytestmark = pytest.mark.slow


def sides(agreement) -> set[str]:
    return {p.country or p.actor_id for p in agreement.parties}


def by_name(agreements, word: str):
    return next(a for a in agreements if word in a.name)


# -- (a) the partner of the verb of a relative clause -----------------------------------------

@pytest.mark.parametrize("text, word, expected", [
    ("Japan suspended the defence accord that it concluded with Australia in 2019.", "accord", {"JPN", "AUS"}),
    ("Britain scrapped the trade deal signed with India last year.", "deal", {"GBR", "IND"}),
    ("Peru praised the fisheries pact Chile has struck with Argentina.", "pact", {"CHL", "ARG"}),
    ("Vietnam quit the treaty of friendship and cooperation it had signed with Laos in 1977.",
     "treaty", {"VNM", "LAO"}),
])
def test_relative_clause_partner(text, word, expected):
    assert sides(by_name(extract(text), word)) == expected


def test_a_helper_after_with_is_no_partner():
    (ag,) = extract("The pact, which was signed in Rome with the help of Italy, collapsed.")
    assert "ITA" not in sides(ag)


def test_an_of_list_is_part_of_the_generic_name():
    (ag,) = extract("Hanoi and Moscow signed a treaty of friendship and cooperation in 1978.")
    assert ag.name == "treaty of friendship and cooperation"


# -- (b) a sibling or successor shares the sides of the agreement in focus -------------------------

@pytest.mark.parametrize("text, word", [
    ("Canada and Chile signed a free trade agreement in May. A separate investment agreement "
     "signed on the same day must still be ratified.", "investment"),
    # (of another kind: the merge step makes one record of two generic ones of one kind)
    ("Kenya and Ethiopia ended their customs agreement on Monday. Officials drafted a broader "
     "investment accord to replace it.", "investment accord"),
])
def test_sibling_or_successor_inherits_parties(text, word):
    agreements = extract(text)
    assert len(sides(by_name(agreements, word))) == 2


def test_a_sibling_with_a_foreign_party_inherits_nothing():
    agreements = extract("Canada and Chile signed a free trade agreement in May. Peru is "
                         "negotiating a separate investment agreement.")
    assert {"CAN", "CHL"} - sides(by_name(agreements, "investment"))


# -- (c) the pair or group in focus ------------------------------------------------------------

@pytest.mark.parametrize("text, word, expected", [
    ("Indian and Chinese diplomats met in Geneva on Monday. Prime Minister Narendra Modi proposed "
     "a new border deal in a letter last week.", "deal", {"IND", "CHN"}),
    ("Senegal, Gambia and Guinea left the bloc last year. Their leaders signed a treaty in Dakar "
     "in May forming a new union.", "treaty", {"SEN", "GMB", "GIN"}),
])
def test_group_in_focus_completes_the_agreement(text, word, expected):
    assert sides(by_name(extract(text), word)) == expected


def test_the_two_leaders_are_the_coordinated_pair_not_a_guest():
    agreements = extract("Kenyan President William Ruto and Ugandan President Yoweri Museveni signed a "
                         "trade deal in Nairobi on Monday, in a ceremony attended by King Charles. "
                         "The two leaders had already signed a joint declaration in Kampala in May "
                         "ending a border dispute.")
    declaration = by_name(agreements, "declaration")
    assert sides(declaration) == {"KEN", "UGA"}


def test_one_side_with_no_pair_in_focus_stays_one_sided():
    (ag,) = extract("Brazil proposed a new trade deal on Monday.")
    assert sides(ag) == {"BRA"}


# -- accessions stated by a verb ------------------------------------------------------------------

@pytest.mark.parametrize("text, expected, modality", [
    ("Croatia was admitted to the European Union as its 28th member on Monday.", {"HRV", "IGO.EU"}, "asserted"),
    ("Montenegro will become the 30th member of NATO next month.", {"MNE", "IGO.NATO"}, "expected"),
    ("North Macedonia became the newest member of NATO on Friday.", {"MKD", "IGO.NATO"}, "asserted"),
])
def test_entry_as_member_is_an_accession(text, expected, modality):
    (ag,) = [a for a in extract(text) if a.kind == "accession"]
    assert sides(ag) == expected
    assert any(s.stage == "in_force" and s.modality == modality for s in ag.stages)


def test_entry_completes_the_accession_already_named():
    agreements = extract("Albania became the 27th member of NATO on Monday after Spain ratified "
                         "the accession protocol.")
    (ag,) = [a for a in agreements if a.kind == "accession"]
    assert sides(ag) == {"ALB", "IGO.NATO"}


def test_background_joining_is_the_candidates_accession():
    # session 11: the gold sets code a past joining as an accession in force
    agreements = extract("Estonia joined NATO in 2004 and has hosted allied troops since.")
    assert [sides(a) for a in agreements if a.kind == "accession"] == [{"EST", "IGO.NATO"}]
