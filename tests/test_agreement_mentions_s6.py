"""Agreement mentions, session six, on the real pipeline: a count word or the verb that
acts on a plural is no part of its description ("ending several defence agreements"), a
member's exit from an organisation is no accession ("froze its membership in the CSTO"),
and "of intent" makes a declaration a memorandum, its own document rather than a bare
"a deal" referring back, and "the sale of four drones" (counted goods) is a sale told for
the first time, not the agreement before it. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract

pytestmark = pytest.mark.slow


def records(text: str) -> list[tuple[str, str]]:
    return sorted((a.name, a.kind) for a in extract(text))


@pytest.mark.parametrize("text, name", [
    ("Mali announced on Friday that it was ending several defence agreements with Germany.",
     "defence agreements"),
    ("Chad is terminating numerous military accords with Belgium, the minister said.",
     "military accords"),
])
def test_count_word_and_governing_verb_end_the_description(text, name):
    found = extract(text)
    assert [a.name for a in found] == [name]
    assert [s.stage for s in found[0].stages] == ["terminated"]  # the verb is read as a stage


@pytest.mark.parametrize("text, name", [
    ("Chad and Sudan said the existing border agreement would remain in force.",
     "existing border agreement"),
    ("Peru and Chile signed a binding fisheries agreement in Lima.", "binding fisheries agreement"),
])
def test_describing_participle_stays(text, name):
    assert [a.name for a in extract(text)] == [name]


@pytest.mark.parametrize("text, party", [
    ("Kyrgyzstan froze its membership in the Collective Security Treaty Organisation on Monday.", "KGZ"),
    ("Belarus has suspended its membership of the Collective Security Treaty Organization.", "BLR"),
])
def test_member_exit_is_no_accession(text, party):
    found = extract(text)
    assert all(a.kind != "accession" for a in found)
    # the exit stays a stage of the organisation's founding treaty
    assert [(s.stage, s.party.country) for a in found for s in a.stages] == [("suspended", party)]


@pytest.mark.parametrize("text, party", [
    ("The summit endorsed Montenegro's membership of NATO on Tuesday.", "MNE"),
    ("Norwegian voters rejected membership of the European Union in a referendum on Monday.", "NOR"),
])
def test_candidate_membership_is_still_an_accession(text, party):
    found = extract(text)
    assert [a.kind for a in found] == ["accession"]
    assert party in {p.country for p in found[0].parties}


def test_declaration_of_intent_is_a_memorandum():
    text = "Chile and Argentina signed a declaration of intent on lithium cooperation in Santiago on Monday."
    assert records(text) == [("declaration of intent", "memorandum")]


def test_declaration_of_intent_is_not_the_deal_before_it():
    text = ("Ghana will not sign a deal to export cocoa to Togo, its foreign minister said. The two "
            "countries signed a declaration of intent in Accra in 2022 under which Ghana would sell "
            "cocoa to Togo.")
    assert [name for name, _ in records(text)] == ["deal", "declaration of intent"]


@pytest.mark.parametrize("text, first", [
    ("Israel and Morocco signed a joint declaration in Rabat on Tuesday re-establishing diplomatic "
     "relations. The US is also reported to be preparing the sale of four large drones to Rabat.",
     ("joint declaration", "normalisation")),
    ("Greece and Cyprus signed a defence cooperation pact on Monday. Washington also approved the "
     "sale of 40 F-16 jets to Athens.", ("defence cooperation pact", "defence")),
])
def test_sale_of_counted_goods_is_told_for_the_first_time(text, first):
    found = [(a.name, a.kind) for a in extract(text)]
    assert found == [first, ("sale", "arms_deal")]


def test_sale_of_the_goods_goes_back_to_the_deal():
    text = ("Egypt signed a deal with France for 30 Rafale jets on Monday. The sale of the jets "
            "will be financed by French banks.")
    assert records(text) == [("deal", "arms_deal")]
