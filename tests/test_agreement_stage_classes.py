"""Agreement stages by class of phrasing, on the real pipeline (``dyad.extract``): approval
pending or given by votes and cabinets, a vote that is the act, bodies of both sides,
talks told after the fact, an agreement that ceased to be in force or is dead, signing
by "putting pen to" a deal, and a future known only from a source. Sentences are written
for these tests; each class has cases where it must not fire."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    # a vote that is the approval (or rejection) itself: asserted, not a plan
    ("Poland's Sejm voted 400-12 on Friday to approve the defence treaty with Norway.",
     ("ratified", "POL", "asserted")),
    ("Chile's Senate voted overwhelmingly last week to ratify the fisheries pact with Peru.",
     ("ratified", "CHL", "asserted")),
    ("Lawmakers in Lima voted on Friday to reject the gas treaty with Chile.",
     ("rejected", "PER", "asserted")),
    # "the last/first state to complete ratification" did ratify
    ("Kenya was the last member state to complete ratification of the trade pact.",
     ("ratified", "KEN", "asserted")),
    # a cabinet's approval of a deal; the owner read past a modifier
    ("Kenya's security cabinet endorsed the water accord with Uganda by nine votes to two.",
     ("ratified", "KEN", "asserted")),
    ("Ghana's new cabinet is expected to approve the cocoa deal with Ivory Coast on Monday.",
     ("ratified", "GHA", "expected")),
    # the approval won from a body named after "of"/"from"
    ("The trade pact between Chile and the EU won the approval of Chile's Senate in May.",
     ("ratified", "CHL", "asserted")),
    ("Mexico's tax treaty with Canada received final approval from the Mexican Senate.",
     ("ratified", "MEX", "asserted")),
    # a vote set for a coming day or week
    ("The Riksdag votes next week on the border treaty with Norway.", ("ratified", "SWE", "expected")),
    # approval still needed from both sides' parliaments: each side's
    ("Chile and Peru signed a fishing agreement on Monday. The agreement needs to be approved "
     "by both countries' parliaments.", ("ratified", "PER", "expected")),
    ("Oman and Qatar signed a gas accord. The accord still has to be approved by the two "
     "legislatures.", ("ratified", "OMN", "expected")),
    # talks told after the fact: the agreement was negotiated
    ("A trade pact between Chile and Japan took effect on Monday, after negotiations that "
     "began in 2015.", ("negotiated", "JPN", "asserted")),
    ("Vietnam and Laos signed a border treaty on Friday after lengthy talks.",
     ("negotiated", "VNM", "asserted")),
    ("Mexico and Canada restored direct flights on Monday. The aviation pact they signed "
     "in 2022 took effect in March, after protracted talks.", ("negotiated", None, "asserted")),
    # a relative clause without "that": the agreement is still the subject
    ("Ghana is Togo's largest market, and the customs accord the two countries signed in 2019 "
     "has been in force since 2020.", ("in_force", None, "asserted")),
    # a past tense in a "when"/"after" clause is done, whatever the infinitive above it wants
    ("Jordan became the second Arab state to make peace with Israel when the two signed a "
     "treaty in 1994.", ("signed", "JOR", "asserted")),
    # a negation under a condition is a condition
    ("The deal will collapse if Peru's Congress fails to ratify the treaty.",
     ("ratified", "PER", "hypothetical")),
    ("Ghana could walk away unless Togo's parliament approves the border pact.",
     ("ratified", "TGO", "hypothetical")),
    # an agreement that ceased to be in force expired; it did not enter into force
    ("The tax treaty between Chile and Japan ceased to be in force on Monday.",
     ("expired", None, "asserted")),
    ("The water accord between India and Nepal is no longer in effect.", ("expired", None, "asserted")),
    # said dead or void: ended
    ("The gas accord between Chile and Peru is now null and void, Lima said.",
     ("terminated", None, "asserted")),
    ("Bolivia and Paraguay signed a river pact in 2010. The pact no longer exists.",
     ("terminated", None, "asserted")),
    # bound by a treaty: in force for the party
    ("Chile and Peru signed a fishing treaty in 2001. Both states remain bound by the treaty.",
     ("in_force", None, "asserted")),
    # "put pen to" a deal, with or without "paper"
    ("New Delhi put pen to a free trade deal with Oman in July.", ("signed", "IND", "asserted")),
    ("Jakarta put pen to paper on a defence pact with Tokyo.", ("signed", "IDN", "asserted")),
    # a future known from a source after it: reported
    ("Spain will withdraw from the fisheries accord with Morocco in June, according to a "
     "government decree.", ("withdrawn", "ESP", "reported")),
    ("Vietnam will quit the rice pact next year, diplomatic sources said.",
     ("withdrawn", "VNM", "reported")),
    ("Talks went on all night, with Chile and Peru agreeing on a new border treaty at dawn.",
     ("negotiated", "CHL", "asserted")),
])
def test_stage_class(text, expected):
    assert expected in keys(extract(text))


@pytest.mark.parametrize("text, absent", [
    # a vote refused or to come is no ratification done
    ("Peru's Congress voted not to ratify the gas treaty with Chile.", ("ratified", "PER", "asserted")),
    ("Chile's Senate will vote to ratify the fisheries pact next month.", ("ratified", "CHL", "asserted")),
    # a speaker's own announcement in front stays a future
    ("Vietnam said it will quit the rice pact next year.", ("withdrawn", "VNM", "reported")),
    # ceased to be in force: never an entry into force
    ("The tax treaty between Chile and Japan ceased to be in force on Monday.",
     ("in_force", None, "asserted")),
    # failed talks produced nothing
    ("Chile signed a trade pact with Peru in 2020, after talks collapsed with Bolivia.",
     ("negotiated", "CHL", "asserted")),
    # a failure told as done stays negated
    ("Peru's Congress failed to ratify the treaty, so the deal collapsed.",
     ("ratified", "PER", "hypothetical")),
    # a past in a "when" clause under "would" is a future in the past
    ("Chile said it would sign the pact when Peru ratified it.", ("ratified", "PER", "asserted")),
    # "dead" said of something else than the agreement
    ("Two soldiers were dead after the clashes, a day before the ceasefire took effect.",
     ("terminated", None, "asserted")),
])
def test_no_stage_class(text, absent):
    assert absent not in keys(extract(text))


def test_ceased_to_be_in_force_is_not_in_force():
    stages = {s.stage for a in extract("The 1995 border treaty between Peru and Ecuador ceased "
                                       "to be in force on Monday.") for s in a.stages}
    assert "expired" in stages and "in_force" not in stages
