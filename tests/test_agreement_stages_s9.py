"""Agreement stages, session 9: the joint communique a normalisation is signed with
(``clauses``), a treaty ended by notice (``stage_notices``), the states named in "Irish and
Danish voters" (``stage_deciders``), a done participle under an "only once" condition
(``stage_modality``) and talks brokered by an outsider (``lexicon.yaml``). Sentences are
written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract

pytestmark = pytest.mark.slow


def stage_rows(text: str, date: str = "2024-03-10") -> set[tuple]:
    """(stage, party, modality, date) of every stage the text gives."""
    return {(s.stage, (s.party.country or s.party.actor_id) if s.party else None, s.modality, s.date)
            for a in extract(text, date) for s in a.stages}


def normalisation_rows(text: str, date: str) -> set[tuple]:
    return {(s.stage, s.party, s.modality, s.date) for a in extract(text, date)
            if a.kind == "normalisation" for s in a.stages}


# -- a normalisation written down in a joint communique ------------------------------------

@pytest.mark.parametrize("text, day", [
    # the communique in the act's own sentence: the act's day
    ("Vanuatu and China restored diplomatic relations on Thursday with a joint communique "
     "signed in Beijing.", "2024-03-07"),
    ("Gabon and China established diplomatic relations on Monday, signing a communique in "
     "Beijing days after the country cut its ties with Taiwan.", "2024-03-04"),
    # the signing told in the next sentence, without a date of its own
    ("Tonga established diplomatic relations with China on Tuesday. Its foreign minister and "
     "his Chinese counterpart signed a joint communique in Beijing.", "2024-03-05"),
])
def test_a_communique_signed_with_a_normalisation_is_its_joint_signing(text, day):
    assert ("signed", None, "asserted", day) in normalisation_rows(text, "2024-03-10")


def test_a_communique_still_to_be_signed_is_expected():
    rows = normalisation_rows("Relations between Laos and Chile were normalised on Tuesday. The two "
                              "sides are expected to sign a joint communique next week.", "2024-03-10")
    assert {(stage, modality) for stage, _, modality, _ in rows} == {("signed", "expected")}


@pytest.mark.parametrize("text", [
    # no communique; a communique told after another normalisation is that one's
    "Vanuatu and China restored diplomatic relations on Thursday.",
    "Vanuatu and China restored diplomatic relations on Thursday. A week later Fiji "
    "re-established diplomatic ties with Cuba. The two foreign ministers signed a joint "
    "communique in Havana.",
])
def test_no_communique_or_another_normalisations_gives_no_signing_to_the_first(text):
    for a in extract(text, "2024-03-10"):
        if a.kind == "normalisation" and {p.country for p in a.parties} == {"VUT", "CHN"}:
            assert not a.stages


# -- a treaty ended by notice ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Canada gave Mexico notice on Monday that it is ending the 1988 fisheries treaty between "
    "the two countries. The treaty will lapse six months after the notice.",
    "Canada was terminating a 1988 fisheries treaty with Mexico, its foreign minister said on "
    "Monday. The treaty will lapse six months after notice is given.",
    "Canada has given notice to end the 1988 fisheries treaty with Mexico, which will lapse "
    "in September.",
])
def test_a_notice_is_a_withdrawal_and_the_lapse_a_joint_termination(text):
    rows = {(stage, party, modality) for stage, party, modality, _ in stage_rows(text)}
    assert ("withdrawn", "CAN", "asserted") in rows
    assert ("terminated", None, "expected") in rows
    assert not any(stage == "expired" or stage == "terminated" and party for stage, party, _ in rows)


@pytest.mark.parametrize("text, row", [
    # the notice is of something else, the termination told outright
    ("Uruguay gave Chile 90 days' notice in May to vacate the port, terminating the 2009 "
     "agreement that allowed Chilean ships to use it.", ("terminated", "URY")),
    # a lapse by its own term stays an expiry
    ("The 1988 fisheries treaty between Canada and Mexico will lapse in September.",
     ("expired", None)),
])
def test_an_end_with_no_notice_of_it_stays_as_it_is(text, row):
    rows = {(stage, party) for stage, party, _, _ in stage_rows(text)}
    assert row in rows
    assert not any(stage == "withdrawn" for stage, *_ in rows)


# -- voters named by their demonyms ---------------------------------------------------------

def test_demonym_voters_ratify_for_each_of_their_states():
    rows = stage_rows("The EU leaders signed the treaty in the Belgian capital in June 2001, and "
                      "Swedish and Finnish voters approved it in referendums in May 2002.")
    ratified = {party for stage, party, modality, _ in rows if stage == "ratified"}
    assert ratified == {"SWE", "FIN"}


# -- a done participle is not under the main clause's condition ------------------------------

def test_a_participle_signing_under_an_only_once_condition_is_asserted():
    rows = stage_rows("A separate customs agreement, signed on the same day, can take effect only "
                      "once the parliaments of both Chile and Peru have approved it.")
    assert ("signed", None, "asserted") in {(s, p, m) for s, p, m, _ in rows}
    assert not any(s == "signed" and m != "asserted" for s, _, m, _ in rows)


# -- talks brokered by an outsider tell no negotiation of the signers ------------------------

@pytest.mark.parametrize("text, negotiated", [
    ("Chad and Sudan signed a non-aggression pact in Tripoli on Friday, after talks brokered "
     "by Libya.", False),
    ("Chad and Sudan signed a non-aggression pact in Tripoli on Friday, after lengthy talks.", True),
])
def test_talks_brokered_by_an_outsider_are_no_negotiation(text, negotiated):
    assert any(stage == "negotiated" for stage, *_ in stage_rows(text)) is negotiated


# -- a pronoun reporter stands for the clause above it ----------------------------------------

def test_a_pronoun_reporting_a_pronoun_act_is_the_main_subject():
    rows = stage_rows("Canada stopped its payments on Friday, months after it told the UN that it "
                      "was withdrawing from the Ottawa Treaty.")
    assert {(stage, party) for stage, party, _, _ in rows} == {("withdrawn", "CAN")}


# -- "no longer considers itself bound": a withdrawal told as it stands ------------------------

@pytest.mark.parametrize("text", [
    "Belarus said on Tuesday that it no longer considers itself bound by the Vienna Document.",
    "Belarus said on Tuesday that it is no longer bound by the Vienna Document.",
])
def test_no_longer_bound_is_an_asserted_withdrawal(text):
    rows = {(stage, party, modality) for stage, party, modality, _ in stage_rows(text)}
    assert ("withdrawn", "BLR", "asserted") in rows


# -- an approval still needed is still to come ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "The gas accord still needs the approval of Hungary's parliament.",
    "The border treaty requires ratification by the Croatian parliament.",
])
def test_a_needed_approval_is_expected(text):
    rows = {(stage, modality) for stage, _, modality, _ in stage_rows(text)}
    assert ("ratified", "expected") in rows
    assert ("ratified", "asserted") not in rows


# -- an agreement that took effect is the subject's, not a later one's --------------------------

def test_taking_effect_belongs_to_its_subject_not_to_a_later_deal():
    by_name = {a.name: {(s.stage, s.modality) for s in a.stages} for a in extract(
        "A truce between Chad and Sudan brokered by Qatar took effect in May but broke down in "
        "the autumn, and Qatari officials said a new ceasefire could be signed next month.",
        "2024-03-10")}
    assert ("in_force", "asserted") in by_name.get("truce", set())
    assert ("in_force", "asserted") not in by_name.get("ceasefire", set())


# -- denouncing a deal "as" something judges it -------------------------------------------------

@pytest.mark.parametrize("text, withdrawn", [
    ("Opposition leader Kemal Ozdil denounced the Cyprus agreement on Friday as a betrayal.", False),
    ("Venezuela denounced the Inter-American Convention on Human Rights in 2012.", True),
])
def test_denouncing_a_deal_as_something_is_no_withdrawal(text, withdrawn):
    assert any(stage in {"withdrawn", "terminated"} for stage, *_ in stage_rows(text)) is withdrawn


# -- "X has said it will not sign": a bare signing reported by a named state ---------------------

@pytest.mark.parametrize("text, refusers", [
    ("Chile and Peru signed a fisheries treaty on Monday. Ecuador has said it will not sign.", {"ECU"}),
    ("Chile and Peru signed a fisheries treaty on Monday. Ecuador and Colombia have both said "
     "they will not sign.", {"ECU", "COL"}),
])
def test_a_reported_pronoun_refusing_to_sign_is_the_speakers(text, refusers):
    rows = stage_rows(text)
    assert {party for stage, party, modality, _ in rows if stage == "signed" and modality == "negated"} == refusers


# -- a renewal clause of the terms ends at the next clause --------------------------------------

@pytest.mark.parametrize("text, row", [
    ("Chile and Peru signed the fisheries pact in 2010. It renews itself every year, but Peru "
     "said on Monday it would terminate it.", ("terminated", "PER")),
    ("The 1980 fisheries pact between Chile and Peru renewed itself automatically every five years "
     "until Peru declined to extend it in 2020.", ("renewed", "PER")),
])
def test_a_stage_after_a_renewal_clause_is_read(text, row):
    assert row in {(stage, party) for stage, party, _, _ in stage_rows(text)}


def test_a_notice_clause_after_a_renewal_term_is_still_no_stage():
    rows = stage_rows("Chile and Peru signed the fisheries pact in 2010. The pact is renewed "
                      "automatically every five years unless either side terminates it.")
    assert {stage for stage, *_ in rows} == {"signed"}
