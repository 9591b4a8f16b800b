"""Agreement identity on the real pipeline (session 8): accessions told by an application
or by members admitting a candidate, the sides named by the clause saying what a deal does
(supplying, letting forces stay, helping, repaying), the forces and host of a defence deal,
and the boundary kind of a deal that divides a sea or settles a quarrel over islands.
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, records

pytestmark = pytest.mark.slow


def accessions(text: str) -> dict[str, set[tuple]]:
    """Candidate -> {(stage, party, modality)} of the accession records."""
    out: dict[str, set[tuple]] = {}
    for a in extract(text, "2024-03-10"):
        if a.kind != "accession":
            continue
        cand = next(p.country for p in a.parties if not p.actor_id.startswith("IGO."))
        out[cand] = {(s.stage, s.party.country or s.party.actor_id if s.party else None, s.modality)
                     for s in a.stages}
    return out


@pytest.mark.parametrize("text, candidate, stage", [
    # an asserted application is an act of the accession, as "applied for membership" is
    ("Moldova applied to join the European Union in March 2022.", "MDA",
     ("proposed", "MDA", "asserted")),
    ("Bosnia applied on Tuesday for fast-track membership of NATO.", "BIH",
     ("proposed", "BIH", "asserted")),
    # "the country's application": the owner is the state whose government speaks
    ("Norway's government said on Friday it had withdrawn the country's application to join "
     "the European Union.", "NOR", ("withdrawn", "NOR", "asserted")),
    # members admitting a candidate: agreeing to admit is the organisation's, admitting done
    ("African leaders agreed on Sunday to admit Mauritania to the Economic Community of West "
     "African States.", "MRT", ("negotiated", "IGO.ECOWAS", "asserted")),
    ("Comoros has applied to join the African Union. AU leaders agreed in 2023 to admit it.",
     "COM", ("negotiated", "IGO.AU", "asserted")),
    ("NATO admitted Albania and Croatia in 2009.", "HRV", ("in_force", "HRV", "asserted")),
])
def test_an_application_or_admission_makes_an_accession(text, candidate, stage):
    got = accessions(text)
    assert stage in got.get(candidate, set()), got


@pytest.mark.parametrize("text", [
    # a wish, a negated or refused act, an application to an unnamed "bloc", no IGO
    "Georgia wants to join NATO, its president said on Monday.",
    "Serbia does not seek to join the alliance, and it has never applied.",
    "The bloc refused to admit Turkey to the European Union.",
    "Britain joined the trade pact on Sunday, years after leaving the European Union. "
    "Peru and Chile applied to join the bloc in 2021.",
    "The court admitted France's evidence on Monday.",
])
def test_no_accession_without_a_stated_act(text):
    assert accessions(text) == {}


@pytest.mark.parametrize("text, kind, parties", [
    # the clause of supplying: a pump verb, a demonym naming who makes what is bought
    ("Egypt began pumping natural gas to Lebanon on Wednesday under a $2 billion deal.",
     "energy", {"EGY", "LBN"}),
    ("Slovakia's long-term contract to buy Russian gas expired on Saturday.",
     "energy", {"SVK", "RUS"}),
    ("Greece signed a contract to buy 20 American fighter jets on Monday.",
     "arms_deal", {"GRC", "USA"}),
    # what the deal lets or helps a state do, and who turned it down
    ("The Ecuadorian Senate voted on Monday to reject a treaty that would have let the United "
     "States keep its air base at Manta for another ten years.", "basing", {"ECU", "USA"}),
    ("The 1952 Bases Agreement, which allowed British forces to stay in Malta after "
     "independence, expired on the same day.", "basing", {"GBR", "MLT"}),
    ("A 1994 agreement under which Germany helped Ukraine dismantle Soviet missiles expired "
     "on Monday.", "arms_control", {"DEU", "UKR"}),
    ("Under a $5 billion agreement signed in April, the Qatari company was to supply Pakistan "
     "with fuel for ten years.", "energy", {"QAT", "PAK"}),
    ("Danish voters rejected a deal to repay Britain and the Netherlands for the bank's debts.",
     "other", {"DNK", "GBR", "NLD"}),
    # a defence deal under which forces are kept abroad binds their state and the host
    ("Thousands of US troops are based in Qatar under a ten-year defence cooperation "
     "agreement signed in 1992.", "defence", {"USA", "QAT"}),
    ("French forces have been stationed at the base since 1977 under a defence agreement "
     "with Djibouti.", "defence", {"FRA", "DJI"}),
])
def test_the_clause_of_what_a_deal_does_names_its_sides(text, kind, parties):
    assert (kind, frozenset(parties)) in records(text), records(text)


@pytest.mark.parametrize("text, parties", [
    # a third state objecting is no side; a wish names no host; one side alone stays alone
    ("Turkey rejected a deal to let Russia use the port.", frozenset()),
    ("Poland wants a defence pact like the one US troops have in Germany.", frozenset({"POL"})),
    ("Kenya signed an agreement to end the war on Monday.", frozenset({"KEN"})),
])
def test_no_side_without_a_clause_naming_it(text, parties):
    assert [p for _k, p in records(text)] == [parties], records(text)


@pytest.mark.parametrize("text, kind", [
    ("A treaty dividing the Caspian Sea between Kazakhstan and Azerbaijan took effect on "
     "Monday, ending a boundary dispute.", "boundary"),
    ("Mauritius and France signed an agreement on Friday that splits Tromelin Island, ending "
     "a quarrel of decades.", "boundary"),
    ("Ghana and Togo signed an agreement on Friday settling their dispute over the waters off "
     "the Volta delta.", "boundary"),
    # a fleet or costs divided are no boundary
    ("Russia and Ukraine signed agreements in 1997 that divided the Black Sea Fleet.", "other"),
    ("Brazil and Argentina signed an agreement on Friday to divide the costs of the bridge.",
     "other"),
])
def test_sharing_out_a_place_is_a_boundary_deal(text, kind):
    assert [k for k, _p in records(text)] == [kind], records(text)
