"""Agreement stages by class (session 5), on the real pipeline: the speaker's own announced
act is its aim, a place after "signed by X" is a venue, an organisation that classes
members is not the member acting, a verb with its own object does not reach the
agreement a relative clause hangs on, talks named by or about an agreement are not it,
"it" is the agreement told before (and not a plural), each parliament of many parties,
and signing and entry into force by other words. Sentences are written for these tests;
each class has cases where it must not fire."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    # the speaker's own act, announced in reported speech: intended
    ("Ghana said it would quit the cocoa pact with Ivory Coast.", ("withdrawn", "GHA", "intended")),
    ("Chile, Peru and Bolivia announced that they would leave the Andean water treaty.",
     ("withdrawn", "PER", "intended")),
    ("Beijing said on Friday it would suspend the customs accord with Manila from July.",
     ("suspended", "CHN", "intended")),
    # a venue after the agent is no signer: the agreement signed jointly
    ("The fisheries accord was first signed by 12 countries in Dakar in 2019.",
     ("signed", None, "asserted")),
    # "each parliament" of a many-party agreement: each party's
    ("Kenya, Uganda and Rwanda signed a customs convention on Monday. Each parliament is "
     "expected to ratify it next year.", ("ratified", "RWA", "expected")),
    # talks on renewing: the renewal is their aim
    ("Kenya and Uganda opened negotiations to extend the water treaty.",
     ("renewed", "KEN", "intended")),
    # "it", passive, is the agreement told before, not the one named after the verb
    ("The Chile-Peru trade pact entered into force in May. It was signed in Lima in 2023 "
     "alongside a broader investment agreement.", ("signed", "CHL", "asserted")),
    # a treaty becoming law is its entry into force
    ("The Arms Trade Treaty became international law on Monday.", ("in_force", None, "asserted")),
    # a relative pronoun tagged as the object still is the agreement's
    ("The fisheries accords that Ghana and Togo signed in 2012 were never ratified by either "
     "parliament.", ("signed", "GHA", "asserted")),
])
def test_stage_class_s5(text, expected):
    got = keys(extract(text))
    assert expected in got, got


@pytest.mark.parametrize("text, absent", [
    # the agreement's own future told by a speaker stays expected (not the speaker's aim)
    ("Officials said the customs accord with Manila would take effect in July.",
     ("in_force", None, "intended")),
    # the venue after "signed by ... in" is not a party
    ("The fisheries accord was first signed by 12 countries in Dakar in 2019.",
     ("signed", "SEN", "asserted")),
    ("The charter, signed by the leaders of all 15 member states in Accra last May, took effect "
     "in June.", ("signed", "GHA", "asserted")),
    # "the first European Union member to leave": the member left, not the EU
    ("Parliament voted to quit the Rome Statute, making Hungary the first European Union member "
     "to leave the court's founding treaty.", ("withdrawn", "EU", "intended")),
    # the relative clause's verb acts on its own object ("scrap tariffs"), not the accord
    ("The fisheries accord, which commits members to scrap tariffs on fish, was signed in 2019.",
     ("terminated", None, "intended")),
    # leaving the talks named by the treaty is not leaving the treaty
    ("Moscow said it was pulling out of peace treaty talks with Tokyo.",
     ("withdrawn", "RUS", "asserted")),
    # talks on amending a treaty are not its negotiation
    # (not "agreed on a new price": that agreement is negotiated, see test_agreement_detection_s5)
    ("Chile and Peru set a new price for gas on Monday, clearing the way for talks on "
     "amending the 1999 border treaty.", ("negotiated", None, "asserted")),
    # "leaving the quotas to later deals" hands them over: no exit from the deals
    ("Kenya and Uganda signed a lake convention, leaving the fishing quotas to later deals.",
     ("withdrawn", "KEN", "asserted")),
    # "it" is no plural: the convention, not "later deals"
    ("Kenya, Uganda and Rwanda signed a convention on the lake in Kampala, leaving the fishing "
     "quotas to later deals. Each parliament is expected to ratify it next year.",
     ("ratified", None, "expected")),
])
def test_stage_class_s5_absent(text, absent):
    got = keys(extract(text))
    assert absent not in got, got


def test_plural_mention_is_not_it():
    """"ratify it" after "later deals": the convention is ratified, the deals are not."""
    ags = extract("Kenya, Uganda and Rwanda signed a convention on the lake in Kampala, leaving "
                  "the fishing quotas to later deals. Each parliament is expected to ratify it "
                  "next year.")
    ratified = {a.name: {s.party.country for s in a.stages if s.stage == "ratified" and s.party}
                for a in ags}
    assert {"KEN", "UGA", "RWA"} <= set().union(*ratified.values())
    assert not any(v for k, v in ratified.items() if "deals" in k)


# Round 2: putting off an act is not doing it; a past schedule that a "but" clause
# contradicts did not happen; a pronoun subject of a relative or adverbial clause is the
# subject of the clause above it.
@pytest.mark.parametrize("text, expected", [
    ("Ghana has put off signing the cocoa pact with Ivory Coast.", ("signed", "GHA", "negated")),
    ("Senegal held off on ratifying the fisheries accord with Gambia.", ("ratified", "SEN", "negated")),
    ("The fisheries pact between Chile and Peru was to be signed in March, but the ceremony was "
     "cancelled.", ("signed", None, "negated")),
    ("The water accord was due to be signed in April, but talks broke down.", ("signed", None, "negated")),
    ("Chile left the fisheries treaty, which it had ratified in 2009.", ("ratified", "CHL", "asserted")),
    ("Estonia told the UN of its decision to leave the fisheries treaty, which it ratified in 2011.",
     ("ratified", "EST", "asserted")),
    ("Peru quit the Andean customs accord after it signed a new pact with Brazil.",
     ("signed", "PER", "asserted")),
])
def test_stage_class_s5_round2(text, expected):
    got = keys(extract(text))
    assert expected in got, got


@pytest.mark.parametrize("text, absent", [
    # the partner after "with" did not put anything off
    ("Ghana has put off signing the cocoa pact with Ivory Coast.", ("signed", "CIV", "negated")),
    # the act of a noun object of "postponed" is still to come, not refused
    ("Parliament postponed the signing of the fisheries pact with Peru.", ("signed", None, "negated")),
    # a pluperfect expectation, or a schedule not contradicted, stays expected
    ("The customs pact had been expected to be signed this week.", ("signed", None, "negated")),
    ("The customs pact was due to be signed in May and officials said preparations were complete.",
     ("signed", None, "negated")),
    # a named subject of the relative clause is its own party
    ("Lithuania criticised the fisheries treaty, which Poland ratified in 2011.",
     ("ratified", "LTU", "asserted")),
])
def test_stage_class_s5_round2_absent(text, absent):
    got = keys(extract(text))
    assert absent not in got, got


# Round 3: a future awaiting another act is conditioned ("will take effect once both
# parliaments have ratified it"), a forecast is not ("is expected to take effect once");
# a simple present with a date is scheduled ("the lease, which expires in March"); "the
# three states ... they" is each state of the last list of three named before.
@pytest.mark.parametrize("text, expected", [
    ("Kenya and Uganda signed a fisheries pact. The pact will take effect as soon as both sides "
     "ratify it.", ("in_force", None, "hypothetical")),
    ("Chile and Peru signed a water treaty. It will enter into force when both legislatures have "
     "approved it.", ("in_force", None, "hypothetical")),
    ("The port lease between Peru and Chile, which expires in March, will not be renewed.",
     ("expired", None, "expected")),
    ("Chile, Peru and Bolivia shut their border posts on Monday. The three countries told Argentina "
     "last year that they would not renew the Andean water accord.", ("renewed", "BOL", "negated")),
    ("Chile, Peru and Bolivia signed the Andean water accord in 2001. The three states ratified it "
     "in 2003.", ("ratified", "PER", "asserted")),
])
def test_stage_class_s5_round3(text, expected):
    got = keys(extract(text, date="2014-06-04"))
    assert expected in got, got


@pytest.mark.parametrize("text, absent", [
    # a forecast stays expected; a plain dated future is no condition
    ("Kenya and Uganda signed a fisheries pact. The pact is expected to take effect once both "
     "sides ratify it.", ("in_force", None, "hypothetical")),
    ("Kenya and Uganda signed a fisheries pact. The pact will take effect on July 1.",
     ("in_force", None, "hypothetical")),
    # the awaited act itself keeps its own reading
    ("Chile and Peru signed a water treaty. It will enter into force once both parliaments have "
     "ratified it.", ("ratified", "CHL", "hypothetical")),
    # a past tense with a date happened
    ("The port lease between Peru and Chile expired in March after talks failed.",
     ("expired", None, "expected")),
    # the partner told after the list is not one of the three
    ("Chile, Peru and Bolivia shut their border posts on Monday. The three countries told Argentina "
     "last year that they would not renew the Andean water accord.", ("renewed", "ARG", "negated")),
    # a list of four is not "the three states"
    ("Chile, Peru, Bolivia and Ecuador signed the Andean water accord in 2001. The three states "
     "ratified it in 2003.", ("ratified", "ECU", "asserted")),
])
def test_stage_class_s5_round3_absent(text, absent):
    got = keys(extract(text, date="2014-06-04"))
    assert absent not in got, got


def test_scheduled_present_date_moves_forward():
    """"expires in March", written in June 2014, is March 2015, not March 2014."""
    dates = {s.date for a in extract("The port lease between Peru and Chile, which expires in "
                                     "March, will not be renewed.", date="2014-06-04")
             for s in a.stages if s.stage == "expired"}
    assert dates == {"2015-03"}, dates
