"""Agreement stages, session 8 round 2: a term that "runs until" a date tells the expiry,
a replacement by another agreement ends the old one jointly, renouncing a bilateral
treaty ends it, a year after an adjective ("a separate 2007 accord") and an agreement
known by what it provides ("a 2006 deal under which X sells Y gas") tell the signing,
and a passive relative clause hung on the name closing an agreement's phrase ("a pact
with Norway, which was renewed") tells of the agreement. Sentences are written for these
tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


def stage_rows(text: str, date: str = "2024-03-10") -> set[tuple]:
    """(stage, party, modality, date) of every stage the text gives."""
    return {(s.stage, (s.party.country or s.party.actor_id) if s.party else None, s.modality, s.date)
            for a in extract(text, date) for s in a.stages}


# -- "which runs until September 2031": the end of the term --------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Bolivia and Chile signed a gas supply contract in 2019 that runs until September 2031.",
     ("expired", None, "expected", "2031-09")),
    ("Kenya and Uganda renewed their power export contract, now running to the end of 2030.",
     ("expired", None, "expected", "2030")),
    # a past run is the expiry done
    ("Peru sold copper to Japan under a ten-year supply agreement with Tokyo that ran until "
     "2015.", ("expired", None, "asserted", "2015")),
])
def test_a_term_running_until_a_date_expires(text, expected):
    assert expected in stage_rows(text)


@pytest.mark.parametrize("text", [
    # a duration is a term, not an end
    "Chile and Bolivia signed a gas supply contract that runs for 20 years.",
    # a term cut short: no expiry comes
    "Vietnam and Laos terminated their power supply contract, which was due to run until 2040.",
    # a length in pages is no date
    "The trade agreement between Peru and Korea ran to 300 pages.",
])
def test_no_expiry_without_an_end_date(text):
    assert not any(stage == "expired" for stage, *_ in stage_rows(text))


# -- "replacing the 1957 agreement": who ended it ------------------------------------------

def test_an_agreement_replacing_another_ends_it_jointly():
    rows = stage_rows("The new defence arrangements linking Norway, Denmark, Iceland and Sweden "
                      "took effect on Monday, replacing the 1962 defence agreement between Norway "
                      "and Denmark.")
    ended = {(party, modality) for stage, party, modality, _ in rows if stage == "terminated"}
    assert ended == {(None, "asserted")}


def test_states_replacing_an_agreement_are_its_parties():
    rows = stage_rows("Kenya and Tanzania signed a new border treaty on Thursday, replacing the "
                      "old border treaty of 1967.")
    assert {party for stage, party, _, _ in rows if stage == "terminated"} == {"KEN", "TZA"}


# -- renouncing: a bilateral treaty ends, a multilateral one is left ------------------------

@pytest.mark.parametrize("text, expected", [
    ("Egypt renounced its 1971 friendship treaty with the Soviet Union on Monday.", ("terminated", "EGY")),
    ("Peru renounced the Rio Treaty in 2010.", ("withdrawn", "PER")),
    ("Ghana denounced its 1970 trade treaty with Togo in 1983.", ("terminated", "GHA")),
    ("Chile denounced the Rome Statute on Monday.", ("withdrawn", "CHL")),
    # what is abrogated is ended, whoever its parties are
    ("Chile abrogated the Rome Statute on Monday.", ("terminated", "CHL")),
])
def test_renouncing_a_treaty(text, expected):
    got = {(s, party) for s, party, _ in keys(extract(text)) if s in {"terminated", "withdrawn"}}
    assert got == {expected}


# -- "along with Bolivia and Ecuador": co-agents of the act ---------------------------------

@pytest.mark.parametrize("text, stage, parties", [
    ("Britain signed the Ottawa Convention in 1997 together with France and Germany.", "signed",
     {"GBR", "FRA", "DEU"}),
    ("Peru left the Rio Treaty in 2012, along with Bolivia, Chile and Ecuador.", "withdrawn",
     {"PER", "BOL", "CHL", "ECU"}),
    # a clause break ends the list's reach; a partner named "with" is no co-agent
    ("Peru left the Rio Treaty in 2012; Chile stayed, along with Brazil.", "withdrawn", {"PER"}),
    ("Peru signed a trade pact with Chile on Monday.", "signed", {"PER", "CHL"}),
])
def test_states_along_with_the_subject_act_too(text, stage, parties):
    assert {party for s, party, _ in keys(extract(text)) if s == stage} == parties


# -- a year after an adjective; an agreement told by what it provides -------------------------

@pytest.mark.parametrize("text, year", [
    ("Ghana and Togo signed a maritime pact in 1988. A separate 2007 agreement on fishing "
     "rights, valid for five years at a time, was extended in 2012.", "2007"),
    ("Nepal said on Monday that it would honour the landmark 1996 water treaty with India.", "1996"),
    ("The new line fulfils a 2011 agreement under which Kazakhstan is to sell China ten "
     "billion cubic metres of gas a year.", "2011"),
])
def test_a_year_tells_the_signing(text, year):
    assert ("signed", None, "asserted", year) in stage_rows(text)


def test_a_conclusion_without_a_date_leaves_the_year_to_the_signing():
    rows = stage_rows("Libya refused to extend the 1980 defence agreement with Italy. The 1980 "
                      "accord, reached after months of hard bargaining, gave Italy the use of "
                      "two ports.")
    assert ("signed", None, "asserted", "1980") in rows


def test_a_loan_between_companies_is_no_agreement_of_states():
    agreements = extract("The new pipeline fulfils a 2012 deal under which a state bank lent "
                         "five billion dollars to two oil companies in exchange for crude.")
    assert not any(s.stage == "signed" for a in agreements for s in a.stages)


# -- "a pact with Norway, which was renewed in 2005" -----------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("British ships first used the harbour under a 1950 agreement with Norway, which was "
     "renewed for ten years in 1960.", ("renewed", "1960")),
    ("Chile and Peru signed a fisheries pact with Ecuador, which was ratified in 2001.",
     ("ratified", "2001")),
])
def test_a_passive_relative_on_the_name_ending_the_phrase(text, expected):
    assert expected in {(stage, date) for stage, _, _, date in stage_rows(text)}


def test_talks_between_the_governments_are_the_negotiation():
    got = keys(extract("Malaysia cancelled its defence pact with Brunei. The pact was signed in "
                       "2003 after lengthy negotiations between the two governments."))
    assert any(stage == "negotiated" for stage, _, _ in got)


# -- "the EU and 22 of its member states followed", "said it would follow" ------------------

@pytest.mark.parametrize("text, expected", [
    ("Chile ratified the pact with Peru in March, and Bolivia and most of its neighbours "
     "followed in May.", ("ratified", "BOL", "asserted")),
    ("Germany and France have already left the energy treaty, while Austria said in February "
     "that it would follow.", ("withdrawn", "AUT", "intended")),
])
def test_followers(text, expected):
    assert expected in keys(extract(text))


def test_following_another_act_is_no_copy():
    # "followed the vote with a protest": an object of its own
    got = keys(extract("Germany and France have already left the energy treaty, while Austria "
                       "said that it would follow the debate closely."))
    assert not any(party == "AUT" for _, party, _ in got)


# -- "had set off the bombing": a phrasal verb, no schedule ----------------------------------

@pytest.mark.parametrize("text, modality", [
    ("Kenya's rejection of the Nairobi accord set off months of protests.", "asserted"),
    ("Serbia's rejection of the Ohrid accord in March had set off the crisis.", "asserted"),
    # "set to" is a schedule
    ("Serbia is set to reject the Ohrid accord next week.", "expected"),
])
def test_set_off_is_no_expectation(text, modality):
    assert {m for stage, _, m in keys(extract(text)) if stage == "rejected"} == {modality}
