"""Agreement stages by class (session 6), on the real pipeline: a threat to leave is
hypothetical and "it" after the trigger is the agreement named earlier in the sentence; a
vote still to be held is a ratification not done, by the state of its own clause; voting or
deciding against an act negates it and rejects the agreement; a past schedule contradicted
by "but" did not happen; a halting verb with its own object over a stretch of time does not
reach the agreement after it; a year in the agreement's name or in a closed relative clause
dates no other stage. Sentences are written for these tests; each class has cases where it
must not fire."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


def _dated(agreements) -> set[tuple]:
    return {(s.stage, s.modality, s.date) for a in agreements for s in a.stages}


@pytest.mark.parametrize("text, expected", [
    # a threat to leave: held out, not done nor planned
    ("Ecuador signed the fisheries accord with Peru in 2010. Quito has threatened to quit it.",
     ("withdrawn", "ECU", "hypothetical")),
    # "it" after the trigger, the agreement named before it in the same sentence
    ("Ankara, which signed the grain accord with Kyiv in 2022, has threatened to pull out of it.",
     ("withdrawn", "TUR", "hypothetical")),
    ("Japan, whose parliament approved the trade pact with Chile in December, said it would "
     "never leave it.", ("withdrawn", "JPN", "negated")),
    # a vote still to be held: the ratification not done, by the state of its own clause
    ("Mexico and Chile signed a trade accord in May. Chile's senate approved it in June, "
     "while Mexico has yet to hold a vote.", ("ratified", "MEX", "negated")),
    ("Norway will hold a referendum on the fisheries accord with Iceland next year.",
     ("ratified", "NOR", "expected")),
    # voting or deciding against an act
    ("The Polish Senate voted on Friday against ratifying the trade accord with Mexico.",
     ("ratified", "POL", "negated")),
    ("The Polish Senate voted on Friday against ratifying the trade accord with Mexico.",
     ("rejected", "POL", "asserted")),
    ("Chile's senate decided against extending the fisheries accord with Peru.",
     ("renewed", "CHL", "negated")),
    # a past schedule that "but" contradicts
    ("Chile and Peru signed a fisheries accord in 2010. The old accord was originally due to "
     "expire in February 2020 but was extended several times.", ("expired", None, "negated")),
    # a halting verb on the agreement itself, over a stretch of time
    ("Chile suspended the trade accord with Peru for six months in May.",
     ("suspended", "CHL", "asserted")),
])
def test_stage_class_s6(text, expected):
    got = keys(extract(text))
    assert expected in got, got


def test_reported_bare_exit_on_condition():
    """A bare exit whose "it" people report, on a condition, is of the agreement named in
    the clause before (its party is left to the agreement's: the speakers are no state)."""
    got = keys(extract("Ghana remains a party to the cocoa treaty, but lawmakers have warned "
                       "that it could withdraw if prices fall."))
    assert any(k[0] == "withdrawn" and k[2] == "hypothetical" for k in got), got


@pytest.mark.parametrize("text, absent", [
    # "it" that the trigger's own subject phrase holds is not that agreement
    ("Turkey will end its pipeline agreement with Iraq in July. Officials have put forward "
     "a draft of a broader energy agreement to replace it.", ("terminated", None, "asserted")),
    # the body of the clause before acts in its own clause only
    ("Mexico and Chile signed a trade accord in May. Chile's senate approved it in June, "
     "while Mexico has yet to hold a vote.", ("ratified", "CHL", "negated")),
    # a referendum held is told by its outcome, not as a ratification
    ("Chile signed the trade accord with Peru in May. Chile held a referendum in June in "
     "which voters rejected it.", ("ratified", "CHL", "asserted")),
    # a schedule not contradicted stays expected
    ("Chile and Peru signed a fisheries accord in 2010. The accord was due to expire in 2030.",
     ("expired", None, "negated")),
    # a halting verb with its own object over a stretch of time after the agreement
    ("Washington signed an energy accord with Caracas in October. Washington suspended the "
     "oil restrictions for six months after the accord.", ("suspended", "USA", "asserted")),
    ("Mali suspended imports for three weeks after the trade accord with Algeria.",
     ("suspended", "MLI", "asserted")),
])
def test_stage_class_s6_not(text, absent):
    got = keys(extract(text))
    assert absent not in got, got


@pytest.mark.parametrize("text, date, expected", [
    # a relative clause closed before the trigger dates its own verb
    ("Pyongyang, which joined the arms treaty in 1985, has threatened to pull out of it.",
     "2002-10-17", ("withdrawn", "hypothetical", None)),
    # "the X of 2000" dates the agreement, not the stage after it
    ("Brussels and the Pacific states signed a new partnership pact on Wednesday, replacing "
     "the Lome Convention of 2000.", "2023-11-16", ("terminated", "asserted", "2023-11-15")),
    # a date inside the trigger's own words
    ("The Polish Senate voted on Friday against the trade accord with Mexico.", "2024-03-10",
     ("rejected", "asserted", "2024-03-08")),
])
def test_stage_dates_s6(text, date, expected):
    got = _dated(extract(text, date=date))
    assert expected in got, got
