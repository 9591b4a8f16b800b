"""Agreement stages, session 10 (second round): a simple present that waits on a time clause
of its own ("takes effect once both parliaments approve it") is a coming step
(``stage_pending.awaits_time_clause``); an entry into force told of the noun a relative clause
describes ("sanctions that are still in force") is not the agreement's
(``stage_strict.foreign_subject``); "no longer regards itself as bound by" is a withdrawal
(``lexicon.yaml``); "in force since July 2020" keeps its own tense when "since" is parsed as
the noun's modifier (``stage_modality``); a time adverbial may stand between "approved" and the
sale it approves (``stages._OBJECT_GAP``); a "have" of possession is no requirement
(``stage_pending.required``); leaving talks ("pulled out of talks on the treaty") ends them
without an agreement, as breaking them off does (``stage_strict.talks_broken_off``); "has
had a trade agreement with Chile since 2004" tells it in force since then (``lexicon.yaml``).
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract

pytestmark = pytest.mark.slow


def rows(text: str, date: str = "2024-03-10") -> set[tuple]:
    """(stage, party, modality) of the stages of every agreement of ``text``."""
    return {(s.stage, (s.party.country or s.party.actor_id) if s.party else None, s.modality)
            for a in extract(text, date) for s in a.stages}


@pytest.mark.parametrize("text", [
    "Chile and Peru signed a fisheries treaty on Monday. The treaty takes effect once both "
    "parliaments approve it.",
    "Chile and Peru signed a fisheries treaty on Monday. It enters into force when instruments "
    "of ratification are exchanged in Lima.",
])
def test_present_waiting_on_a_time_clause_is_expected(text):
    got = rows(text)
    assert ("in_force", None, "expected") in got
    assert ("in_force", None, "asserted") not in got


def test_past_entry_after_a_time_clause_stays_asserted():
    got = rows("Chile and Peru signed a fisheries treaty in 2019. The treaty took effect when both "
               "parliaments had approved it.")
    assert ("in_force", None, "asserted") in got


def test_entry_into_force_of_the_noun_a_relative_clause_describes():
    got = rows("Moldova and Romania signed a border treaty in 2010. Russia annexed Crimea in 2014, "
               "a move that drew Western sanctions that are still in force.")
    assert not any(r[0] == "in_force" for r in got)


@pytest.mark.parametrize("text", [
    "Chile and Peru signed a trade deal in 2019. The deal, which is still in force, cut tariffs.",
    # the relative clause describes a noun set beside the agreement's name
    "New Zealand and Britain signed a trade deal on Monday. Wellington also belongs to the "
    "Regional Comprehensive Economic Partnership, the Asia-Pacific trade bloc that took effect "
    "in January and includes China.",
])
def test_agreement_described_by_the_relative_clause_keeps_its_entry(text):
    assert ("in_force", None, "asserted") in rows(text)


def test_no_longer_regards_itself_as_bound_is_a_withdrawal():
    got = rows("The chancellor said on Friday that Germany no longer regards itself as bound by the "
               "border treaty it signed with Poland in 1970.", "1990-05-04")
    assert ("withdrawn", "DEU", "asserted") in got


def test_in_force_since_keeps_its_tense_beside_a_conditional():
    got = rows("The trade pact between Chile and Peru, in force since March 2019, faces a review "
               "next year; without an extension it would expire in 2034.")
    assert ("in_force", None, "asserted") in got
    assert ("in_force", None, "hypothetical") not in got


def test_sale_approved_past_a_time_adverbial_is_proposed():
    got = rows("The US State Department approved on Tuesday the sale of 30 new fighter jets to "
               "Greece, worth about $9 billion.")
    assert ("proposed", "USA", "asserted") in got


def test_have_of_possession_is_no_requirement():
    got = rows("Armenia and Turkey signed two protocols in 2009. The two neighbours have no "
               "diplomatic relations, and the protocols were never ratified: Armenia froze the "
               "process in 2010 and annulled them in 2018.", "2022-07-02")
    assert ("terminated", "ARM", "asserted") in got
    assert ("terminated", "ARM", "expected") not in got


def test_has_to_be_approved_stays_expected():
    got = rows("Chile and Peru signed a trade deal on Monday. The deal still has to be approved by "
               "Chile's Senate and ratified by Peru's Congress.")
    assert ("ratified", "PER", "expected") in got
    assert ("ratified", "PER", "asserted") not in got


@pytest.mark.parametrize("text", [
    "Russia suspended a fisheries agreement with Japan on Tuesday. Moscow had already pulled out "
    "of talks on a peace treaty in March.",
    "Russia suspended a fisheries agreement with Japan on Tuesday. Moscow had already withdrawn "
    "from talks on a peace treaty in March.",
])
def test_leaving_talks_negates_the_negotiation(text):
    got = rows(text, "2022-04-01")
    assert ("negotiated", "RUS", "negated") in got
    assert ("negotiated", "RUS", "asserted") not in got


@pytest.mark.parametrize("text, expected", [
    ("Japan is the largest buyer of Peruvian zinc, while Canada has had a free trade agreement "
     "with Peru since August 2009.", True),
    # a dispute had since a year is no agreement held
    ("Peru has had a dispute over the 1929 treaty with Chile since 1999.", False),
])
def test_agreement_had_since_a_date_is_in_force(text, expected):
    assert (("in_force", None, "asserted") in rows(text)) is expected
