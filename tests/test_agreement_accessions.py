"""Accessions, one agreement per candidate state and organisation, on the real pipeline:
the candidate of each act (subject, owner of a bid, "it" for the candidate in focus, "X and
Y applied"), members ratifying a candidate's accession, what is no joining, and the
membership the whole story gives. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract

pytestmark = pytest.mark.slow


def accessions(text: str, date: str = "2024-03-08") -> dict[str, set[tuple]]:
    """Candidate -> {(stage, party country, modality)} of the accession records."""
    out: dict[str, set[tuple]] = {}
    for a in extract(text, date=date):
        if a.kind != "accession":
            continue
        states = [p.country or p.actor_id for p in a.parties if not p.actor_id.startswith("IGO.")]
        assert len(states) <= 1, f"one candidate per accession: {a.parties}"
        key = states[0] if states else "-"
        assert key not in out, f"two records for {key}"
        out[key] = {(s.stage, s.party.country or s.party.actor_id if s.party else None, s.modality)
                    for s in a.stages}
    return out


@pytest.mark.parametrize("text, candidate, stage", [
    # subject lists, "it", "the Nordic country", "together with"
    ("Montenegro became the 29th member of NATO on Monday. Podgorica and Skopje had applied to join "
     "the alliance years earlier.", "MNE", ("proposed", "MNE", "asserted")),
    ("Montenegro became the 29th member of NATO on Monday. Podgorica and Skopje had applied to join "
     "the alliance years earlier.", "MNE", ("in_force", "MNE", "asserted")),
    ("Croatia entered the European Union as its 28th member in 2013, a decade after it applied for "
     "EU membership. Croatia was admitted to the bloc on 1 July.", "HRV", ("proposed", "HRV", "asserted")),
    ("Iceland withdrew its EU membership application in 2015 after years of stalled talks.",
     "ISL", ("withdrawn", "ISL", "asserted")),
    ("Iceland withdrew its EU membership application in 2015 after years of stalled talks.",
     "ISL", ("proposed", "ISL", "asserted")),
    ("Swiss voters rejected membership of the European Union in a referendum in 2001.",
     "CHE", ("rejected", "CHE", "asserted")),
    ("Moldova's bid to join the EU advanced on Friday when Romania's parliament ratified its accession "
     "treaty, though neither Vienna nor Budapest has done so. Moldova joined the bloc's single market "
     "on Friday.", "MDA", ("ratified", "ROU", "asserted")),
    ("Albania and Serbia are due to join the European Union on 1 January together with Montenegro.",
     "MNE", ("in_force", "MNE", "expected")),
])
def test_each_act_goes_to_its_candidate(text, candidate, stage):
    got = accessions(text)
    assert stage in got.get(candidate, set()), got


def test_members_ratifying_go_to_the_candidate_owning_the_bid():
    text = ("Bosnia became the 33rd member of NATO on Tuesday. Kosovo, which applied at the same time, "
            "is still waiting: neither Ankara nor Athens has ratified its bid.")
    got = accessions(text)
    assert ("in_force", "BIH", "asserted") in got["BIH"]
    assert {("proposed", "XKX", "asserted"), ("ratified", "TUR", "negated"),
            ("ratified", "GRC", "negated")} <= got["XKX"]
    assert not any(p in {"TUR", "GRC"} for _, p, _ in got["BIH"])


@pytest.mark.parametrize("text", [
    "Lithuania applied to join the euro area in 2006.",
    "Brazil, Russia, India and China formed BRICS; Egypt and Ethiopia are set to join the group in January.",
    # not joining: an IGO's airspace, an act done alongside an IGO, a transitive "applied"
    "Belarusian drones entered NATO airspace on Saturday. Minsk joined the CSTO decades ago.",
    "Norway joined the EU in condemning the coup on Tuesday.",
    "Serbia applied pressure on Bosnia over the EU talks. Serbia applied tariffs to NATO members on Friday.",
])
def test_informal_membership_or_no_joining_makes_no_accession(text):
    assert accessions(text) == {}


@pytest.mark.parametrize("text, member, modality", [
    # "became a member" outweighs the earlier "applied" of the same text
    ("Oslo and Reykjavik applied to join the alliance in 1949. Norway became a member of NATO that "
     "April.", "NOR", "asserted"),
    # an applicant whose accession others have yet to approve
    ("Ukraine became the 30th member of the Council of Europe in 1995. Belarus, which applied at the "
     "same time, is still waiting: neither Paris nor Rome has ratified its bid.", "BLR", "intended"),
])
def test_membership_follows_the_accession(text, member, modality):
    import dyad

    rels = dyad.extract(text, date="2024-03-08").relations
    got = {(r.source.country or r.source.actor_id, r.modality) for r in rels if r.relation_type == "membership"}
    assert (member, modality) in got, got


def test_a_follower_repeats_the_act_for_itself():
    # "followed" this week: Bosnia's own accession, beside Montenegro's (a past joining is one
    # too since session 11)
    got = accessions("Montenegro joined the World Trade Organization in 2012, and Bosnia followed this week.")
    assert got.get("BIH") == {("in_force", "BIH", "asserted")}, got
    assert got.get("MNE") == {("in_force", "MNE", "asserted")}, got
