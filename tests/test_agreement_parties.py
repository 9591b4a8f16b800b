"""Agreement parties, kinds and stages, round three, on the real pipeline (``dyad.extract``):
who is and is not a party (the agreement's own IGO, venues in titles, witnesses, brokers,
the states an agreement binds), joining as entry into force, exits, signatories, and the
kind cues that compete. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


def party_ids(agreement) -> set[str]:
    return {p.actor_id for p in agreement.parties}


# -- joining is entry into force for the new party ------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The United Kingdom formally joined the CPTPP in December 2024.", ("in_force", "GBR", "asserted")),
    ("Britain became the 12th member of the CPTPP in December 2024.", ("in_force", "GBR", "asserted")),
    ("Costa Rica wants to become a member of the CPTPP.", ("proposed", "CRI", "intended")),
    ("The agreement became operational in 2021.", ("in_force", None, "asserted")),
    ("The pact, in effect since 2019, allows joint patrols.", ("in_force", None, "asserted")),
])
def test_joining_and_taking_effect(text, expected):
    assert expected in keys(extract(text))


def test_a_would_be_member_is_no_party():
    (ag,) = extract("Costa Rica wants to become a member of the CPTPP.")
    assert "CRI" not in party_ids(ag)


# -- the agreement's own IGO, venues and founders in titles ---------------------------------

def test_the_igo_named_after_the_agreement_is_neither_party_nor_signer():
    (ag,) = extract("Fifteen countries signed the RCEP in November 2020.")
    assert "IGO.RCEP" not in party_ids(ag)
    assert {(s.stage, s.party) for s in ag.stages} == {("signed", None)}


@pytest.mark.parametrize("text, parties", [
    ("Mali quit the Algiers peace agreement in January.", {"MLI"}),
    ("Trump said the US would leave the Paris climate accord.", {"USA"}),
    ("Russia and China signed a Moscow-Beijing friendship treaty.", {"RUS", "CHN"}),
    ("Hungary announced it would exit the Rome Statute of the ICC.", {"HUN"}),
    # "Sweden's NATO" is one actor mention of the resolver: both are parties
    ("Turkey ratified Sweden's NATO accession protocol in January 2024.", {"IGO.NATO", "SWE"}),
])
def test_title_actors(text, parties):
    (ag,) = extract(text)
    assert party_ids(ag) == parties


def test_a_capital_hyphened_in_a_title_signs_once_as_its_state():
    (ag,) = extract("Russia and China signed a Moscow-Beijing friendship treaty.")
    assert sorted(s.party.actor_id for s in ag.stages) == ["CHN", "RUS"]


# -- who acted --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected, absent", [
    # an origin names the subject's sides
    ("Negotiators from Armenia and Azerbaijan agreed on the text of a peace treaty in March.",
     {("negotiated", "ARM", "asserted"), ("negotiated", "AZE", "asserted")}, set()),
    ("Leaders from Rwanda and the Democratic Republic of Congo signed a peace deal.",
     {("signed", "RWA", "asserted"), ("signed", "COD", "asserted")}, set()),
    # a list opened by a preposition is no subject
    ("Under pressure from Washington, Serbia and Kosovo signed a deal.",
     {("signed", "SRB", "asserted"), ("signed", "XKX", "asserted")}, {("signed", "USA", "asserted")}),
    # a witness or guarantor vouches, it is not bound
    ("Egypt, Qatar and the US signed the ceasefire deal as guarantors.",
     {("signed", None, "asserted")}, {("signed", "EGY", "asserted")}),
    ("Israel and Hamas signed the deal, with Egypt as mediator.",
     {("signed", "ISR", "asserted")}, {("signed", "EGY", "asserted")}),
    # "between" after the object is the deal's sides, not who pushed for it
    ("The US has been pushing for a normalisation agreement between Israel and Saudi Arabia.",
     {("proposed", "USA", "asserted")}, {("proposed", "ISR", "asserted")}),
])
def test_stage_parties(text, expected, absent):
    got = keys(extract(text))
    assert expected <= got and not absent & got


@pytest.mark.parametrize("text, parties", [
    ("The US has been pushing for a normalisation agreement between Israel and Saudi Arabia.",
     {"ISR", "SAU"}),
    # the broker of a plan others agreed to is no party, nor the owner of a proposal noun
    ("Ukraine agreed to a 30-day ceasefire proposed by the US.", {"UKR"}),
    # (accepting it is the acceptor's part in concluding it, as Ukraine's agreeing is: session 11)
    ("Hamas accepted a truce proposal from Egypt and Qatar.", {"group.hamas"}),
    ("Russia proposed a security treaty to NATO in December 2021.", {"RUS"}),
    ("The defence agreement was signed on Monday. It binds Greece and France to come to each "
     "other's aid.", {"GRC", "FRA"}),
    ("The treaty commits both Japan and Australia to consult in a crisis.", {"JPN", "AUS"}),
    ("A new trade deal was announced on Tuesday. Under the agreement, Britain will cut tariffs "
     "on Indian whisky, and India will cut tariffs on British cars.", {"GBR", "IND"}),
])
def test_agreement_parties(text, parties):
    (ag,) = extract(text)
    assert party_ids(ag) == parties


# -- stage phrasings ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The pact was the result of years of negotiations between Tokyo and Manila.",
     ("negotiated", "JPN", "asserted")),
    ("Pakistan said it would hold the Simla Agreement in abeyance.", ("suspended", "PAK", "intended")),
    ("New START replaced the Moscow Treaty in 2011.", ("terminated", None, "asserted")),
    ("Moscow formally ended its participation in the CFE Treaty in 2023.", ("withdrawn", "RUS", "asserted")),
    ("Nicaragua announced its departure from the treaty.", ("withdrawn", "NIC", "asserted")),
    ("Russia withdrew its signature from the Rome Statute.", ("withdrawn", "RUS", "asserted")),
    ("In 2018 Trump took the United States out of the nuclear deal.", ("withdrawn", "USA", "asserted")),
    ("Iran walked out of the deal.", ("withdrawn", "IRN", "asserted")),
    ("The United States is no longer a party to the treaty.", ("withdrawn", "USA", "asserted")),
    ("Washington renounced the treaty in 2019.", ("withdrawn", "USA", "asserted")),
    ("Iran and six powers signed a nuclear deal in 2015. The US pulled out in 2018.",
     ("withdrawn", "USA", "asserted")),
    ("Japan became a signatory to the treaty in 2017.", ("signed", "JPN", "asserted")),
    ("The United States is not a signatory to the treaty.", ("signed", "USA", "negated")),
    ("The leaders of Armenia and Azerbaijan put pen to paper on the deal in Washington.",
     ("signed", "ARM", "asserted")),
    ("Ukraine agreed to a 30-day ceasefire proposed by the US.", ("proposed", "USA", "asserted")),
    # agreeing to extend is the extension; agreeing to sign is not the signature
    ("Russia and the US agreed in 2021 to extend New START for five years.",
     ("renewed", "USA", "asserted")),
    ("Russia and the US agreed to sign the treaty.", ("signed", "USA", "intended")),
    # ratification by a head of state's assent, a referendum, a ranked doer
    ("Putin signed into law a bill ratifying the treaty.", ("ratified", "RUS", "asserted")),
    ("Voters approved the agreement in a referendum in 2018.", ("ratified", None, "asserted")),
    ("Greece became the first country to ratify the pact.", ("ratified", "GRC", "asserted")),
    # rejections, and a proposal that was made although it was turned down
    # a body of an organisation acts for the organisation (stage_bodies.py)
    ("The European Parliament threw out the agreement.", ("rejected", "IGO.EU", "asserted")),
    ("Hamas said no to the truce.", ("rejected", "PSE", "asserted")),  # keys() gives a group its country
    ("Iran dismissed the US proposal for a new deal.", ("proposed", "USA", "asserted")),
    ("Egypt made no proposal for a truce.", ("proposed", "EGY", "negated")),
    ("Hamas accepted a truce proposal from Egypt and Qatar.", ("proposed", "QAT", "asserted")),
])
def test_stage_phrasings(text, expected):
    assert expected in keys(extract(text))


@pytest.mark.parametrize("text", [
    "The minister took the papers out of the folder on the deal.",
    "Russia and Ukraine agreed a truce. Russian troops withdrew in November.",
    "Not all signatories of the treaty have ratified it.",
])
def test_no_withdrawal_or_signature(text):
    assert not {k for k in keys(extract(text)) if k[0] in {"withdrawn", "signed"}}


# -- kinds and linking -------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("India and the US signed a civil nuclear cooperation agreement in 2008.", "energy"),
    ("Australia signed a nuclear submarine deal with the US.", "arms_deal"),
    ("Australia signed a deal to buy nuclear-powered submarines from the United States.", "arms_deal"),
    ("Iran and the world powers reached a nuclear deal in 2015.", "arms_control"),
    # a ceasefire's modifiers say what it covers, not its kind
    ("Ukraine proposed an energy ceasefire.", "ceasefire"),
])
def test_kind_cues(text, kind):
    (ag,) = extract(text)
    assert ag.kind == kind


def test_the_next_sentence_gives_no_kind_when_it_names_another_agreement():
    ags = extract("The US and Ukraine signed a minerals deal in April. Kyiv hopes to sign a "
                  "security agreement with Washington next.")
    assert {a.name: a.kind for a in ags} == {"minerals deal": "other", "security agreement": "defence"}


def test_a_name_holding_both_sides_names_the_recent_generic_agreement():
    (ag,) = extract("Egypt and Israel signed a peace treaty in 1979. The Egypt-Israel Treaty "
                    "has held since.")
    assert ag.kind == "peace" and party_ids(ag) == {"EGY", "ISR"}


def test_a_mention_dated_by_another_year_is_another_agreement():
    ags = extract("Japan and Korea signed a fisheries deal in 2018. The 2018 deal will replace "
                  "the 1994 accord.")
    accord = next(a for a in ags if a.name == "accord")
    # the replacement ends it; its own year tells when it was signed (stage_dated)
    assert sorted((s.stage, s.date) for s in accord.stages if s.stage != "terminated") == [("signed", "1994")]
    assert "terminated" in {s.stage for s in accord.stages}


# -- two agreements in one sentence or pair of sentences ----------------------------------------

def test_a_memorandum_between_named_states_is_its_own_agreement():
    ags = extract("Greece and Egypt signed a maritime deal in 2020, a response to the Turkey-Libya "
                  "memorandum signed in 2019.")
    by_name = {a.name: a for a in ags}
    assert party_ids(by_name["maritime deal"]) == {"GRC", "EGY"}
    memo = by_name["Turkey-Libya memorandum"]
    # a participle right after its agreement has no subject: Greece and Egypt did not sign it
    assert party_ids(memo) == {"TUR", "LBY"}
    assert {s.party.actor_id for s in memo.stages} == {"TUR", "LBY"}


def test_an_object_trigger_stops_at_a_clause_break():
    ags = extract("Armenia and Azerbaijan initialled a peace treaty. The deal also dissolves the "
                  "Minsk Group, and a transit route deal with the US was signed.")
    assert not any(s.stage == "terminated" for a in ags for s in a.stages)


@pytest.mark.parametrize("text, name, parties", [
    ("The agreement, between Israel and Hezbollah, took effect at dawn.", "agreement", {"ISR", "group.hezbollah"}),
    ("The deal, between Israel and Hamas, with Qatar as guarantor, took effect.", "deal", {"ISR", "group.hamas"}),
    ("India and the UAE signed a free trade agreement in February. They also signed an "
     "investment treaty in 2024.", "investment treaty", {"IND", "ARE"}),
])
def test_partners_in_apposition_and_pairs(text, name, parties):
    ag = next(a for a in extract(text) if a.name == name)
    assert party_ids(ag) == parties
