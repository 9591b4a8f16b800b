"""Stage vocabulary written from the language (session 6): the verbs, particles and
frames English news uses for each stage, and the same words about something that is not
the agreement. Sentences are written for these tests, about states and agreements of
their own; each construction has a case where it must not fire."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    # negotiated: phrasal verbs of working a text out, and verbs of making a deal
    ("Argentina and Chile thrashed out a fisheries agreement on Monday.", ("negotiated", "CHL", "asserted")),
    ("Ghana and Togo ironed out a border accord in May.", ("negotiated", "GHA", "asserted")),
    ("Kenya and Uganda nailed down a rail deal on Friday.", ("negotiated", "UGA", "asserted")),
    ("Argentina and Chile cut a trade deal on Monday.", ("negotiated", "ARG", "asserted")),
    ("Peru and Bolivia landed a gas deal last week.", ("negotiated", "BOL", "asserted")),
    ("Argentina and Chile forged a new defence pact on Monday.", ("negotiated", "CHL", "asserted")),
    # signed: the second signature
    ("Chile countersigned the trade deal with Argentina on Monday.", ("signed", "CHL", "asserted")),
    # ratified: a legislature clears or okays it, or votes to approve it
    ("Chile's Congress cleared the trade deal with Argentina on Monday.", ("ratified", "CHL", "asserted")),
    ("The Polish Sejm okayed the defence pact with Lithuania in May.", ("ratified", "POL", "asserted")),
    ("Argentina's Senate voted unanimously to ratify the fisheries accord with Chile.",
     ("ratified", "ARG", "asserted")),
    # in_force: effective since, went live, still valid, currently in effect
    ("The trade deal between Argentina and Chile, effective since 2019, cut tariffs.", ("in_force", None, "asserted")),
    ("The trade deal between Argentina and Chile went live in 2019.", ("in_force", None, "asserted")),
    ("The trade deal between Argentina and Chile is still valid.", ("in_force", None, "asserted")),
    ("The fisheries accord between Argentina and Chile is currently in effect.", ("in_force", None, "asserted")),
    # expired: an end by its own term
    ("The trade deal between Argentina and Chile ended as scheduled on Monday.", ("expired", None, "asserted")),
    ("Ghana and Togo signed a two-year truce in 2009. It came to an end in 2011.", ("expired", None, "asserted")),
    ("The trade deal between Argentina and Chile ran its course in 2019.", ("expired", None, "asserted")),
    ("The ten-year trade deal between Peru and Ecuador reached the end of its term in 2019.",
     ("expired", None, "asserted")),
    # suspended: on ice (words between), mothballed
    ("Chile put the trade deal with Argentina on ice on Monday.", ("suspended", "CHL", "asserted")),
    ("Kenya mothballed the rail deal with Uganda in March.", ("suspended", "KEN", "asserted")),
    # terminated: pulled the plug, killed, axed, junked
    ("Chile pulled the plug on the trade deal with Argentina in 2019.", ("terminated", "CHL", "asserted")),
    ("Chile killed the trade deal with Argentina in 2019.", ("terminated", "CHL", "asserted")),
    ("Ecuador axed the fisheries accord with Peru in 2019.", ("terminated", "ECU", "asserted")),
    # proposed: mooted
    ("Chile mooted a trade deal with Argentina on Monday.", ("proposed", "CHL", "asserted")),
])
def test_stage_construction(text, expected):
    got = keys(extract(text))
    assert expected in got, got


@pytest.mark.parametrize("text, stage", [
    # the same words about something else
    ("Chile's Senate cleared the way for talks a week after the trade deal with Argentina was signed.",
     "ratified"),
    ("Chilean forces killed two soldiers despite the ceasefire with Argentina.", "terminated"),
    ("Chile axed its foreign minister a week after the trade deal with Argentina was signed.", "terminated"),
    ("Argentina cut tariffs under the trade deal with Chile in 2019.", "negotiated"),
    ("Argentina forged closer ties with Chile after the trade deal was signed.", "negotiated"),
    ("Chile landed troops near the border despite the ceasefire with Argentina.", "negotiated"),
    ("Chile countersigned the decree implementing the trade deal with Argentina.", "signed"),
    ("Visas issued under the trade deal between Argentina and Chile are valid for five years.", "in_force"),
    ("The new website of the trade deal between Argentina and Chile went live on Monday.", "in_force"),
    ("Argentina and Chile signed a trade deal in 2009. The tariff cuts ended as scheduled in 2015.",
     "expired"),
    ("Chile put its ambassador's visit on ice after the trade deal with Argentina stalled.", "suspended"),
    # an infinitive acting on an agreement already named is the act, not its negotiation
    ("Argentina and Chile agreed to expand the fisheries accord signed in 2019.", "negotiated"),
    ("Ghana and Togo agreed to revise their border accord in May.", "negotiated"),
])
def test_stage_word_about_something_else(text, stage):
    got = keys(extract(text))
    assert not any(k[0] == stage for k in got), got


@pytest.mark.parametrize("text, stage", [
    # an intransitive entry into force or expiry told of another subject, with or without
    # a parse: the agreement of the sentence or of the one before did not take effect
    ("New sanctions on Russia took effect on Monday, a week after the trade deal between "
     "Argentina and Chile was signed.", "in_force"),
    ("Argentina and Chile signed a trade deal in 2009. A deadline for talks expired on Monday.", "expired"),
    ("Argentina and Chile signed a trade deal in 2009. The new rules took effect in 2010.", "in_force"),
])
def test_state_verb_of_another_subject(text, stage):
    got = keys(extract(text))
    assert not any(k[0] == stage for k in got), got


@pytest.mark.parametrize("text, stage", [
    # ... while the agreement, a pronoun for it, or a party bound by it keeps the stage
    ("Argentina and Chile signed a trade deal in 2009. It expired in 2019.", "expired"),
    ("Argentina and Chile signed a trade deal in 2009. The deal lapsed in 2019.", "expired"),
    ("Argentina and Chile signed a trade deal in 2009, which entered into force in 2010.", "in_force"),
    ("Both states remain bound by the trade deal between Argentina and Chile.", "in_force"),
    ("The term of the trade deal between Argentina and Chile expired on Monday.", "expired"),
])
def test_state_verb_of_the_agreement(text, stage):
    got = keys(extract(text))
    assert any(k[0] == stage for k in got), got


@pytest.mark.parametrize("text, expected", [
    # joining: acceding is becoming a party; a standing membership since a date
    ("Chile acceded to the fisheries pact in May.", ("in_force", "CHL", "asserted")),
    ("Namibia wants to accede to the fisheries pact.", ("proposed", "NAM", "intended")),
    ("Chile has been a party to the fisheries pact since 2019.", ("in_force", "CHL", "asserted")),
    ("Peru, a member of the fisheries accord since 2015, cut its catch.", ("in_force", "PER", "asserted")),
    # the relative clause hung on the last noun of the agreement's phrase
    ("The fisheries pact between Chile and Peru, which has been in place since 2019, cut quotas.",
     ("in_force", None, "asserted")),
    # a demand for talks on a deal, and an eager wish for a new deal, propose it
    ("Chile has called for talks on a trade deal with Peru.", ("proposed", "CHL", "asserted")),
    ("Ghana is eager to sign a trade deal with Togo.", ("proposed", "GHA", "intended")),
    ("Kenya is seeking to negotiate a rail deal with Uganda.", ("proposed", "KEN", "intended")),
])
def test_joining_and_proposing(text, expected):
    got = keys(extract(text))
    assert expected in got, got


@pytest.mark.parametrize("text, absent", [
    ("Chile has been a party to talks on the fisheries pact since 2019.", ("in_force", "CHL", "asserted")),
    ("Chile, a party to the fisheries pact, said on Monday that it would cut its catch.",
     ("in_force", "CHL", "asserted")),
    # talks demanded are not talks held; a deal already drafted, signed as planned, is no wish
    ("Chile has called for talks on a trade deal with Peru.", ("negotiated", "PER", "asserted")),
    ("Argentina and Chile plan to sign the fisheries accord in June.", ("proposed", "ARG", "intended")),
])
def test_joining_and_proposing_absent(text, absent):
    assert absent not in keys(extract(text))


def _dated(agreements) -> set[tuple]:
    return {(s.stage, s.date) for a in agreements for s in a.stages}


@pytest.mark.parametrize("text, expected, absent", [
    # a semicolon closes the first clause: its date is not the second clause's
    ("Chile and Peru signed a fisheries pact in 2009; it lapsed a decade later.",
     ("signed", "2009"), ("expired", "2009")),
    ("Ghana and Togo signed a border accord; it entered into force in 2020.",
     ("in_force", "2020"), ("signed", "2020")),
])
def test_semicolon_clause_dates(text, expected, absent):
    got = _dated(extract(text))
    assert expected in got and absent not in got, got
