"""Leaving an organisation told with the organisation only (``agreement_exits``): a stage
of its founding treaty, with the leavers and the organisation as parties, on the real
pipeline. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


def _treaty(text: str, date: str = "2024-03-10"):
    # a founding treaty is a general treaty, or of the kind the dictionary gives it (the
    # Collective Security Treaty is a defence pact); never an accession
    found = [a for a in extract(text, date) if any(p.actor_id.startswith("IGO.") for p in a.parties)
             and a.kind != "accession"]
    return found[0] if found else None


@pytest.mark.parametrize("text, name, stage", [
    # verbs of leaving, every tense; the organisation by name or acronym
    ("Nicaragua quit the Organization of American States in 2023, accusing it of meddling.",
     "Charter of the Organization of American States", ("withdrawn", "NIC", "asserted")),
    ("Gabon pulled out of the African Union last year.", "Constitutive Act of the African Union",
     ("withdrawn", "GAB", "asserted")),
    ("Qatar left OPEC in January 2019 to focus on gas.", "OPEC Statute", ("withdrawn", "QAT", "asserted")),
    ("Venezuela is set to withdraw from the Organization of American States next year.",
     "Charter of the Organization of American States", ("withdrawn", "VEN", "expected")),
    # freezing one's own part is a suspension
    ("Belarus has suspended its participation in the Collective Security Treaty Organization.",
     "Collective Security Treaty", ("suspended", "BLR", "asserted")),
    # a noun of leaving with a predicate of taking effect
    ("The withdrawal of Chad and Sudan from the World Health Organization became effective on Monday.",
     "Constitution of the World Health Organization", ("withdrawn", "TCD", "asserted")),
])
def test_leaving_an_organisation_is_a_stage_of_its_treaty(text, name, stage):
    treaty = _treaty(text)
    assert treaty is not None and treaty.name == name
    assert stage in keys([treaty])
    assert any(p.actor_id.startswith("IGO.") for p in treaty.parties)


@pytest.mark.parametrize("text, modality", [
    ("Peru will leave the Organization of American States, its foreign minister said on Monday.", "intended"),
    ("Peru will leave the Organization of American States, Chile's foreign minister said on Monday.",
     "expected"),
])
def test_an_exit_its_own_government_announces_is_intended(text, modality):
    assert ("withdrawn", "PER", modality) in keys([_treaty(text)])


def test_a_state_taken_out_by_a_signed_act_and_its_exit_taking_effect():
    text = ("Chile will leave the World Health Organization, its health minister said. The move "
            "follows a decree that Bolivia's president signed in May to take Bolivia out of the "
            "organisation. Bolivia's exit is due to take effect in June 2026.")
    got = keys([_treaty(text)])
    assert {("withdrawn", "CHL", "intended"), ("withdrawn", "BOL", "asserted"),
            ("withdrawn", "BOL", "expected")} <= got


def test_a_plan_to_leave_is_intended_without_a_signed_act():
    text = "Peru plans to withdraw from the Organization of American States."
    assert ("withdrawn", "PER", "intended") in keys([_treaty(text)])


def test_every_leaver_of_a_noun_of_leaving():
    treaty = _treaty("The withdrawal of Chad and Sudan from the World Health Organization "
                     "became effective on Monday.")
    assert {("withdrawn", "TCD", "asserted"), ("withdrawn", "SDN", "asserted")} <= keys([treaty])


def test_the_bloc_is_the_organisation_named_before():
    text = ("Leaders of the European Union met in Brussels on Monday. Hungary will leave the bloc "
            "unless the dispute is settled, its foreign minister warned.")
    treaty = _treaty(text)
    assert treaty is not None and treaty.name == "Treaty on European Union"


def test_a_withdrawal_from_an_organisation_is_not_one_from_the_deal_beside_it():
    text = ("Greece and the European Union signed a trade deal in May. Greece is due to leave the "
            "European Union in June and could go without a deal.")
    got = extract(text)
    deal = next(a for a in got if a.kind != "treaty" or not a.name.startswith("Treaty on"))
    assert ("withdrawn", "GRC", "expected") not in keys([deal])
    assert ("withdrawn", "GRC", "expected") in keys([_treaty(text)])


def test_the_treaty_the_document_names_takes_the_stage():
    text = ("Burundi withdrew from the International Criminal Court in 2017, the first state to "
            "leave. Under the Rome Statute, an exit takes effect a year after notice.")
    got = extract(text)
    assert [a.name for a in got if "Rome Statute" in a.name or "Criminal" in a.name] == ["Rome Statute"]


@pytest.mark.parametrize("text", [
    "Delegates left the NATO summit early on Tuesday.",          # the object is a meeting
    "Fiji's envoy walked out of the United Nations building.",  # a building
    "Ghana left the European Union delegation waiting.",          # not the organisation
    "Kenya has never left the African Union and will not do so.",  # not an exit of its own
    "The minister left Brussels for the European Union talks.",
    "Argentina declined to join BRICS and will not quit the G20.",  # groupings: no treaty
])
def test_no_exit_record(text):
    assert all(not (a.kind == "treaty" and any(p.actor_id.startswith("IGO.") for p in a.parties)
                    and any(s.stage == "withdrawn" and s.modality == "asserted" for s in a.stages))
               for a in extract(text))
