"""Agreement stages, session 10: a step that "cannot" happen until, unless or without
another act is conditioned, not denied (``stage_modality.barred_until``); "can" is a
possibility in an unparsed sentence too (``stage_word_order``); a renewal the parties "can"
or "could" still make is a hypothetical stage as well as a term (``stages``); a coming
act told by unnamed officials is reported (``stage_attribution.officials_said``); the
exchange of instruments of ratification brings a treaty into force (``lexicon.yaml``, with
the parties or their leaders as its subject in ``stage_other_targets``/``stage_strict``); a
bare anaphoric trigger passes over the agreement a new one replaces
(``stage_anaphora.previous``); "until either side gives notice" is a term (``stages``).
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract

pytestmark = pytest.mark.slow


def rows(text: str, date: str = "2024-03-10") -> set[tuple]:
    """(stage, party, modality) of the stages of every agreement of ``text``."""
    return {(s.stage, (s.party.country or s.party.actor_id) if s.party else None, s.modality)
            for a in extract(text, date) for s in a.stages}


def stages_of(text: str, name_part: str, date: str = "2024-03-10") -> set[tuple]:
    """(stage, party, modality) of the agreement whose name holds ``name_part``."""
    return {(s.stage, (s.party.country or s.party.actor_id) if s.party else None, s.modality)
            for a in extract(text, date) if name_part in a.name.lower() for s in a.stages}


@pytest.mark.parametrize("text", [
    "Chile and Peru signed a fisheries treaty in May, but it cannot enter into force until "
    "both parliaments have approved it.",
    "Ghana and Togo signed a border treaty last year. The treaty cannot take effect unless "
    "every signatory ratifies it.",
    "Kenya and Ethiopia signed a border treaty in 2022. The treaty can't take effect without "
    "Ethiopia's ratification.",
])
def test_barred_until_is_hypothetical(text):
    got = rows(text)
    assert ("in_force", None, "hypothetical") in got
    assert ("in_force", None, "negated") not in got


def test_no_longer_without_condition_stays_negated():
    got = rows("Chile and Peru signed a fisheries treaty in May. The treaty can no longer take "
               "effect on January 1 as planned.")
    assert ("in_force", None, "negated") in got


def test_termination_that_either_side_can_make_is_hypothetical():
    got = rows("Norway and Iceland extended their fisheries agreement on Monday. Either side "
               "can now terminate it with three months' notice.")
    assert ("terminated", None, "asserted") not in got


@pytest.mark.parametrize("text, expected", [
    ("Ghana and Togo signed a ten-year power supply contract on Monday, and it can be "
     "extended by five years.", True),
    ("Ghana and Togo signed a ten-year power supply contract on Monday. The contract could "
     "be extended by another five years.", True),
    # an adjective states a term only
    ("Ghana and Togo signed a ten-year power supply contract on Monday, renewable for five "
     "years.", False),
])
def test_possible_renewal_is_a_hypothetical_stage(text, expected):
    assert (("renewed", None, "hypothetical") in rows(text)) is expected


def test_act_expected_by_unnamed_officials_is_reported():
    got = rows("Kenya and Ethiopia signed a border treaty on Monday. Both parliaments are "
               "expected to ratify the treaty next month, officials said.")
    assert ("ratified", "KEN", "reported") in got
    assert ("ratified", "ETH", "reported") in got
    assert not any(r[0] == "ratified" and r[2] == "expected" for r in got)


def test_named_speaker_keeps_expected():
    got = rows("Kenya and Ethiopia signed a border treaty on Monday. Both parliaments are "
               "expected to ratify the treaty next month, Foreign Minister Alfred Mutua said.")
    assert not any(r[0] == "ratified" and r[2] == "reported" for r in got)


@pytest.mark.parametrize("text, modality", [
    ("Ghana and Togo signed a border treaty in March. Officials said the two presidents "
     "would exchange the instruments of ratification in Accra on Friday.", "reported"),
    ("Ghana and Togo signed a border treaty in March. The two foreign ministers exchanged "
     "instruments of ratification in Accra on Friday.", "asserted"),
])
def test_exchange_of_instruments_brings_into_force(text, modality):
    got = rows(text)
    assert ("in_force", None, modality) in got
    assert not any(r[0] == "ratified" for r in got)


def test_anaphora_passes_over_the_replaced_agreement():
    text = ("The new fisheries treaty between Chile and Peru, signed in March, replaces the 1988 "
            "fisheries accord and opens the southern waters to both fleets. Peru's Congress "
            "approved it on Tuesday, and Chile's Senate gave its consent on Wednesday.")
    got = stages_of(text, "fisheries treaty")
    assert ("ratified", "PER", "asserted") in got
    assert ("ratified", "CHL", "asserted") in got


def test_notice_after_until_is_a_term():
    got = rows("Chile and Peru signed a fisheries treaty in 2010. It runs for ten years and then "
               "stays in force until either side gives a year's notice to end it.")
    assert not any(r[0] == "terminated" and r[2] == "asserted" for r in got)


def test_pronoun_of_relative_clause_climbs_to_the_speaker():
    got = rows("Iran said on Monday that it would stay in the Nuclear Non-Proliferation Treaty, "
               "which it joined in 1970.")
    assert ("in_force", "IRN", "asserted") in got


def test_them_takes_up_the_plural_agreement():
    got = rows("The accords were signed in Rome in 2019 by Italy and Greece, and Malta joined "
               "them in May 2021.")
    assert ("in_force", "MLT", "asserted") in got


@pytest.mark.parametrize("text, party, modality", [
    # a party's own ministry announces the act: its aim
    ("Ghana's foreign ministry said the two countries would sign a border treaty next month.",
     "GHA", "intended"),
    # another state forecasts it
    ("Togo said Ghana would sign the new border treaty next month.", "GHA", "expected"),
])
def test_act_announced_by_its_party_is_intended(text, party, modality):
    assert ("signed", party, modality) in rows(text)


@pytest.mark.parametrize("text", [
    "A pact letting Danish and Polish troops train on each other's soil entered into force on "
    "Monday, the first such agreement Warsaw has concluded with a Nordic state.",
    "The 2008 deal between China and Chile took effect that October and was the first such "
    "agreement the two countries had concluded.",
])
def test_such_agreement_relative_clause_is_no_stage(text):
    assert not any(r[0] == "negotiated" for r in rows(text))


def test_such_agreement_signed_and_ratified_keeps_its_stages():
    got = rows("Peru signed such an agreement in 2019 and ratified it in 2020.")
    assert ("ratified", "PER", "asserted") in got


@pytest.mark.parametrize("text", [
    "Russia and the United States extended the arms treaty on Wednesday. The treaty will now "
    "remain in force until February 2026.",
    "Britain and Iraq signed a defence treaty in 1930, which remains in force until 2057.",
])
def test_remaining_in_force_until_dates_the_expiry(text):
    assert ("expired", None, "expected") in rows(text)


def test_remaining_in_force_for_a_term_is_no_expiry():
    assert not any(r[0] == "expired" for r in rows(
        "Chile and Peru signed a fisheries treaty in 2010, which remains in force for 20 years."))
