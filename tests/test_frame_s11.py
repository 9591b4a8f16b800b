"""Agreement identity for frameworks, memoranda, declarations, plans and normalisations on
the real pipeline (session 11): memoranda, declarations and statements the sides made,
arrangements between governments, peace plans and proposals, letters of
intent, normalisations told by "agreed ... to restore", "renewed diplomatic relations" and
"return their ambassadors", and the stages of accepting a plan ("accepted", "followed by").
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys, records

pytestmark = pytest.mark.slow


def _by_kind(text: str, date: str = "2024-03-10") -> dict[str, list[frozenset[str]]]:
    out: dict[str, list[frozenset[str]]] = {}
    for kind, parties in records(text, date):
        out.setdefault(kind, []).append(parties)
    return out


# -- normalisations told by a verb ---------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # the parser hangs "to restore" on "agreed" as an adverbial clause past the adjuncts
    ("Ghana and Togo agreed in Lome on Tuesday to restore full diplomatic relations, which "
     "were broken off in 1994.", frozenset({"GHA", "TGO"})),
    ("Peru and Bolivia renewed diplomatic relations on Sunday after a six-year break.",
     frozenset({"PER", "BOL"})),
    # the states listed after a plural title's "of" are all its subjects
    ("The presidents of Chile and Peru agreed in Lima on Monday to return their ambassadors.",
     frozenset({"CHL", "PER"})),
])
def test_a_normalisation_told_by_its_verb(text, expected):
    assert expected in _by_kind(text).get("normalisation", []), records(text)


@pytest.mark.parametrize("text", [
    "Peru and Bolivia renewed their trade agreement on Sunday for five years.",
    "Ghana and Togo said they wanted to restore full diplomatic relations one day.",
])
def test_no_normalisation_without_diplomatic_ties_or_an_act(text):
    assert "normalisation" not in _by_kind(text), records(text)


# -- memoranda the sides made ----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Presidents Emmanuel Macron and Cyril Ramaphosa signed a memorandum in Pretoria under "
     "which French engineers will help rebuild the port of Durban.", frozenset({"FRA", "ZAF"})),
    ("The aid package resembles a memorandum the European Union signed with Morocco last year.",
     frozenset({"IGO.EU", "MAR"})),
    ("Norway and Iceland renewed a 2006 memorandum that lets Norwegian patrol aircraft use "
     "Keflavik, extending it to 2030.", frozenset({"NOR", "ISL"})),
])
def test_a_memorandum_signed_or_renewed_by_its_sides(text, expected):
    assert expected in _by_kind(text).get("memorandum", []), records(text)


@pytest.mark.parametrize("text", [
    "President Biden signed a memorandum on Friday ordering a review of Chinese investments.",
    "The president signed a national security memorandum on Tuesday.",
    # a candidate's memorandum of obligations is its accession's text
    "Belarus signed a memorandum of obligations for membership of the Shanghai Cooperation "
    "Organisation in Astana.",
])
def test_no_memorandum_for_an_internal_note_or_a_membership_text(text):
    assert "memorandum" not in _by_kind(text), records(text)


# -- declarations, statements, communiques ----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The foreign ministers of Ghana, Togo and Benin put their signatures to a declaration in "
     "Accra on Monday on the free movement of traders.", frozenset({"GHA", "TGO", "BEN"})),
    ("Presidents Kassym-Jomart Tokayev of Kazakhstan and Sadyr Japarov of Kyrgyzstan signed "
     "a treaty on their border on Friday, along with a declaration of lasting friendship.",
     frozenset({"KAZ", "KGZ"})),
    ("The presidents of Chile, Peru and Bolivia signed a statement in Lima on Friday under "
     "which their navies will share data on fishing fleets.", frozenset({"CHL", "PER", "BOL"})),
])
def test_a_declaration_or_statement_the_sides_signed(text, expected):
    assert expected in _by_kind(text).get("memorandum", []), records(text)


def test_a_signed_statement_that_ends_fighting_is_a_ceasefire():
    text = ("Ethiopia and Eritrea signed a statement in Nairobi on Monday halting the fighting "
            "along their border.")
    assert frozenset({"ETH", "ERI"}) in _by_kind(text).get("ceasefire", []), records(text)


def test_a_dated_declaration_of_an_organisation():
    text = ("Manila said the incursion broke the 1992 ASEAN declaration on the Spratly Islands, "
            "signed in Manila in July of that year.")
    assert any(a.kind == "memorandum" and "ASEAN" in a.name for a in extract(text)), records(text)


@pytest.mark.parametrize("text", [
    "Kosovo's 2008 declaration of independence still divides the European Union.",
    "Ghana and Togo said in a joint statement that the border would reopen on Monday.",
    "The ministry said in a statement that talks would continue.",
])
def test_no_agreement_in_a_unilateral_declaration_or_a_statement_said(text):
    assert extract(text) == [], records(text)


def test_a_mention_with_another_kind_is_not_the_declaration_told_before():
    text = ("Ecuador and Peru renewed their 1998 border agreement on Monday. The two foreign "
            "ministers also signed a joint declaration on fisheries, stopping short of the "
            "mutual defence treaty Quito had sought.")
    got = records(text)
    assert ("memorandum", frozenset({"ECU", "PER"})) in got, got
    assert not any(a.kind == "defence" and any(s.stage == "signed" for s in a.stages)
                   for a in extract(text)), got


# -- arrangements, letters of intent --------------------------------------------

def test_an_arrangement_reached_between_governments():
    text = ("Vietnam and Malaysia have reached a provisional arrangement on fishing rights around "
            "the disputed shoals, the Vietnamese foreign ministry said on Sunday.")
    assert frozenset({"VNM", "MYS"}) in [p for _, p in records(text)], records(text)


def test_general_arrangements_are_no_agreement():
    text = "Police reviewed security arrangements for the summit in Lima on Monday."
    assert extract(text) == [], records(text)


def test_a_memorandum_of_understanding_is_one_agreement():
    text = "India and Japan signed a memorandum of understanding on port security on Monday."
    assert len(extract(text)) == 1, records(text)


def test_a_letter_of_intent_is_a_memorandum():
    text = ("Poland signed a letter of intent with South Korea on Tuesday to buy 48 FA-50 light "
            "combat aircraft.")
    assert ("memorandum", frozenset({"POL", "KOR"})) in records(text), records(text)


def test_a_letter_is_no_agreement():
    text = "Moscow sent a letter to the United Nations on Friday protesting at the strikes."
    assert extract(text) == [], records(text)


# -- plans and proposals -----------------------------------------------------------------------

def test_a_peace_plan_rejected_and_drawn_up():
    text = "In 2003 Baghdad rejected a UN peace plan drawn up by the former Swedish premier."
    agreements = extract(text)
    assert any(a.kind == "framework" and a.name == "UN peace plan" for a in agreements), records(text)
    assert ("rejected", "IRQ", "asserted") in keys(agreements), keys(agreements)


def test_a_peace_plan_accepted_is_negotiated_by_its_acceptor():
    text = "Khartoum accepted an African peace plan on November 2 that required it to free detainees."
    assert ("negotiated", "SDN", "asserted") in keys(extract(text)), keys(extract(text))


def test_an_acceptance_refused_or_wished_is_no_negotiation():
    text = "Iraq refused to accept the new treaty of alliance with Britain."
    assert not any(k[0] == "negotiated" for k in keys(extract(text))), keys(extract(text))


def test_a_state_followed_by_another_in_accepting():
    text = ("A ceasefire along the border took effect at midnight on Friday. Quito accepted it in "
            "July, followed by Lima days later.")
    got = keys(extract(text))
    assert {("negotiated", "ECU", "asserted"), ("negotiated", "PER", "asserted")} <= got, got


def test_followed_by_a_noun_copies_no_stage():
    text = "Egypt ratified the treaty in March, followed by Israeli ratification in April."
    assert ("ratified", "ISR", "asserted") not in keys(extract(text)), keys(extract(text))


def test_a_numbered_proposal_is_proposed_by_its_owner():
    text = "New Delhi rejected a Chinese three-point proposal for talks made on October 24."
    agreements = extract(text, "1962-11-21")
    assert any(a.name == "Chinese three-point proposal" for a in agreements), records(text)
    assert ("rejected", "IND", "asserted") in keys(agreements), keys(agreements)


@pytest.mark.parametrize("text", [
    "Singapore plans to buy eight more F-35 jets from the United States.",
    "Washington rejected a Dutch proposal to extend the talks.",
])
def test_plans_and_proposals_of_anything_else_are_no_agreement(text):
    assert not any(a.name.endswith(("plan", "plans", "proposal")) for a in extract(text)), records(text)


def test_a_numbered_plan_goes_back_to_the_ceasefire_plan():
    text = ("Russia signed a French-brokered ceasefire plan on Saturday. The six-point plan "
            "requires Russian forces to pull back to their positions of August 7.")
    assert len(extract(text)) == 1, records(text)


# -- identity ----------------------------------------------------------------------------------

def test_the_agreement_an_amendment_amends_is_another():
    text = ("A ceasefire agreed by Turkey and Russia took effect in Idlib on Friday. The additional "
            "protocol amends the memorandum the two leaders signed in Sochi in September 2018.")
    got = records(text)
    assert ("memorandum", frozenset({"TUR", "RUS"})) in got, got
    assert ("ceasefire", frozenset({"TUR", "RUS"})) in got, got


def test_a_declaration_on_allied_relations_is_an_alliance():
    text = ("Presidents Ilham Aliyev and Recep Tayyip Erdogan signed a declaration on allied "
            "relations in Shusha on Tuesday.")
    assert ("defence", frozenset({"AZE", "TUR"})) in records(text, "2021-06-16"), records(text, "2021-06-16")


def test_the_ceasefire_a_signed_statement_tells_is_that_statement():
    text = ("Ethiopia and Eritrea signed a statement in Nairobi on Monday halting the fighting "
            "along their border, with the ceasefire taking effect at midnight.")
    agreements = extract(text)
    assert len(agreements) == 1 and agreements[0].kind == "ceasefire", records(text)


def test_a_bare_arrangement_goes_back_to_the_agreement_just_told():
    text = ("Kenya will end its railway agreement with Uganda in July, according to a government "
            "decree, closing an arrangement that dates back to 1977.")
    assert len(extract(text)) == 1, records(text)
