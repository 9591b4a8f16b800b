"""Agreement stages, round two, on the real pipeline (``dyad.extract``): how news reports a
proposal or an accession bid, what is not an agreement or not a stage of one, and
signatures and ratifications with their agents after the verb. Sentences are written for
these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


# -- proposals and accession bids ----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a wish to join is an intended proposal
    ("Ukraine hopes to join the trade pact.", ("proposed", "UKR", "intended")),
    ("Thailand has expressed interest in joining the trade pact.", ("proposed", "THA", "intended")),
    ("Thailand plans to apply to join the trade pact.", ("proposed", "THA", "intended")),
    ("Britain sought membership of the trade pact in 2021.", ("proposed", "GBR", "intended")),
    # an application or bid made is an asserted proposal, the noun being the act
    ("China applied to join the trade pact in September.", ("proposed", "CHN", "asserted")),
    ("Taiwan's bid to join the CPTPP has stalled.", ("proposed", "TWN", "asserted")),
    ("Uruguay submitted its application to join the trade agreement in December.",
     ("proposed", "URY", "asserted")),
    ("Ecuador formally requested accession to the trade agreement in 2022.",
     ("proposed", "ECU", "asserted")),
    ("Costa Rica applied for membership in the trade pact.", ("proposed", "CRI", "asserted")),
    # an invitation to join is an offer made: the invitee's accession is proposed
    ("Japan invited South Korea to join the pact.", ("proposed", "KOR", "asserted")),
    # proposing a new agreement
    ("Russia proposed a security treaty to NATO in December 2021.", ("proposed", "RUS", "asserted")),
    ("Russia published a draft security treaty in December 2021.", ("proposed", "RUS", "asserted")),
    ("Brazil called for a new treaty on plastic pollution.", ("proposed", "BRA", "asserted")),
    ("Israel wants a normalisation deal with Saudi Arabia.", ("proposed", "ISR", "intended")),
    ("Moscow offered Kyiv a ceasefire over Easter.", ("proposed", "RUS", "asserted")),
    # a proposal noun belongs to its owner, not to whoever accepts or welcomes it
    ("Egypt's proposal for a truce in Gaza was welcomed by Israel.", ("proposed", "EGY", "asserted")),
    ("The United States presented a new ceasefire proposal on Friday.",
     ("proposed", "USA", "asserted")),
    ("Hamas accepted a ceasefire proposal put forward by Egypt and Qatar.",
     ("proposed", "QAT", "asserted")),
    ("The US-proposed ceasefire took effect on Monday.", ("proposed", "USA", "asserted")),
])
def test_proposal_phrasings(text, expected):
    got = keys(extract(text))
    assert expected in got, got


@pytest.mark.parametrize("text, absent", [
    # the one who accepts or welcomes a proposal did not make it
    ("Hamas accepted a ceasefire proposal put forward by Egypt and Qatar.",
     ("proposed", "group.hamas", "asserted")),
    ("Egypt's proposal for a truce in Gaza was welcomed by Israel.",
     ("proposed", "ISR", "asserted")),
    # the party-less reading of a proposal its sentence gives a proposer for
    ("Hamas accepted a ceasefire proposal put forward by Egypt and Qatar.",
     ("proposed", None, "asserted")),
])
def test_who_did_not_propose(text, absent):
    assert absent not in keys(extract(text))


def test_a_call_for_a_ceasefire_is_no_agreement():
    assert extract("The UN called for a ceasefire in Gaza.") == []


@pytest.mark.parametrize("text, parties", [
    # the candidate of an accession bid is not bound by the pact it wants to join
    ("Chile wants to join the trade pact.", set()),
    # the proposer of a new agreement, and its addressee, are its would-be parties
    ("France proposed a new defence pact with Germany.", {"FRA", "DEU"}),
])
def test_parties_of_proposed_agreements(text, parties):
    (ag,) = extract(text)
    assert {p.actor_id for p in ag.parties} == parties


def test_who_proposed_and_how_is_not_the_name():
    (ag,) = extract("The US-proposed ceasefire took effect on Monday.")
    assert ag.name == "ceasefire"


# -- not an agreement, not a stage ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Putin signed a decree on Monday ordering a partial mobilisation.",
    "More than 100 lawmakers signed a letter urging the president to act.",
    "Erdogan signed off on Sweden's NATO bid in January.",
    "The two countries reached an understanding on the border dispute.",
    "Diplomatic protocol requires the president to greet the visitor.",
    "Germany's coalition agreement promises to raise defence spending.",
    "The governing parties struck a deal on the budget.",
    "The EU must deal with the migration crisis.",
    "The Prime Minister signed a memorandum ordering an inquiry.",
    "The two presidents had a good understanding of each other's positions.",
    "There is no sign of a ceasefire deal.",
])
def test_not_an_agreement(text):
    assert extract(text) == []


@pytest.mark.parametrize("text, absent", [
    # an executive order is what was signed, not the agreement it implements
    ("Biden signed an executive order implementing the trade agreement with Japan.", "signed"),
    # "sealed a new era" seals no agreement named before it
    ("Greece and France signed a defence pact in 2021. The visit sealed a new era in ties.",
     ("signed", "GRC", "asserted", None)),
])
def test_a_document_or_figure_of_speech_is_no_stage(text, absent):
    ags = extract(text)
    if isinstance(absent, str):
        assert not any(s.stage == absent for a in ags for s in a.stages)
    else:
        got = {(s.stage, s.party.country if s.party else None, s.modality, s.date)
               for a in ags for s in a.stages}
        assert absent not in got, got


def test_a_memorandum_of_understanding_is_an_agreement():
    (ag,) = extract("Kenya and Uganda signed a memorandum of understanding on oil.")
    assert ag.kind == "memorandum" and {p.actor_id for p in ag.parties} == {"KEN", "UGA"}


def test_suspending_participation_in_a_treaty_suspends_it():
    got = keys(extract("Russia suspended its participation in the New START treaty in "
                       "February 2023."))
    assert ("suspended", "RUS", "asserted") in got


# -- signatures and ratifications ----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # agents after the verb, as officials of their states
    ("The agreement was signed by Greece's prime minister and France's president in Paris.",
     {("signed", "GRC", "asserted"), ("signed", "FRA", "asserted")}),
    ("The deal was inked by the foreign ministers of Armenia and Azerbaijan.",
     {("signed", "ARM", "asserted"), ("signed", "AZE", "asserted")}),
    # "signed between X and Y"
    ("Under the agreement signed between Egypt and Greece in 2020, the two countries "
     "delimited their zones.", {("signed", "EGY", "asserted"), ("signed", "GRC", "asserted")}),
    # a relative clause whose object is the agreement
    ("The accord that Israel and the UAE signed in 2020 has survived the war.",
     {("signed", "ISR", "asserted"), ("signed", "ARE", "asserted")}),
    # signed but never ratified
    ("The treaty, which the United States signed in 1996 but never ratified, bans nuclear tests.",
     {("signed", "USA", "asserted"), ("ratified", "USA", "negated")}),
    ("Sweden became the 31st country to ratify the agreement.", {("ratified", "SWE", "asserted")}),
    ("Hungary's parliament voted by 188 to 6 to ratify the accession protocol.",
     {("ratified", "HUN", "asserted")}),
    ("Turkey's parliament voted 287 to 55 in favour of the accession protocol.",
     {("ratified", "TUR", "asserted")}),
    # the signing as a noun, with its agents after "by"
    ("The signing of the peace deal by Armenia and Azerbaijan took place at the White House.",
     {("signed", "ARM", "asserted"), ("signed", "AZE", "asserted")}),
    # a venue opening the sentence did not sign
    ("In Beijing, Saudi Arabia and Iran signed a deal to restore ties.",
     {("signed", "SAU", "asserted"), ("signed", "IRN", "asserted")}),
    ("The treaty awaits signature.", {("signed", None, "expected")}),
])
def test_signatures_and_ratifications(text, expected):
    got = keys(extract(text))
    assert expected <= got, got
    if "Beijing" in text:
        assert not any(k[1] == "CHN" for k in got), got


@pytest.mark.parametrize("text, dates", [
    # the date closing the first clause is the signing's, not the ratification's
    ("The treaty was signed in 1951 and ratified by the Senate a year later.",
     {"signed": "1951", "ratified": None}),
    ("The treaty, which the United States signed in 1996 but never ratified, bans nuclear tests.",
     {"signed": "1996", "ratified": None}),
    # "since 2000" dates no signature
    ("Greece signed the pact with France, the first such deal since 2000.", {"signed": None}),
])
def test_stage_dates_of_coordinated_clauses(text, dates):
    (ag,) = extract(text)
    got = {s.stage: s.date for s in ag.stages}
    assert {k: got.get(k) for k in dates} == dates


def test_an_actor_read_from_a_title_is_no_signer():
    (ag,) = extract("The Reciprocal Access Agreement signed by the two countries in 2022 took "
                    "effect in 2023.")
    assert not any(p.actor_id.startswith("org.") for p in ag.parties)
    assert not any(s.party and s.party.actor_id.startswith("org.") for s in ag.stages)
