"""Memberships read through "the bloc", "the organisation", "the alliance": the IGO such a
noun stands for is the one the story is about, not one named in an adjunct ("since leaving
the EU", "unlike Mexico, a member of the OECD"). Memberships that follow from a treaty IGO in
force leave out a party that pulled out. Each text was written for these tests; cases are
compared gold-style (``tests.test_relations.gold_style``). Also: guarantors of talks are
mediators, talks on joining are an intended membership, and "the ten ASEAN states" is one
item of a list of parties.
"""
from __future__ import annotations

import pytest

from dyad.model import ActorRef, Agreement, Evidence, Stage
from dyad.relations.accession import accession_memberships
from tests.test_relations import gold_style
from tests.test_relations import extractor  # noqa: F401 - the rules alone


def _members(igo: str, *codes: str) -> set[tuple]:
    return {("membership", c, igo) for c in codes}


# (text, memberships expected, memberships that must not be read)
FOCUS = [
    # the IGO named last stands in an adjunct: the one the main clause is about wins
    ("Indonesia became a full member of BRICS in January, a decade after leaving OPEC. Malaysia has "
     "also applied to join the bloc.", _members("BRICS", "IDN", "MYS"), _members("OPEC", "MYS")),
    ("Comoros joined the WTO in 2016, long after entering the African Union. Ethiopia has applied to "
     "join the organisation.", _members("WTO", "COM", "ETH"), _members("AU", "ETH")),
    ("Argentina was invited to join BRICS in 2023, unlike Mexico, a member of the OECD. Ethiopia "
     "joined the bloc in January.", _members("BRICS", "ARG", "ETH"), _members("OECD", "ETH")),
    ("Sweden became a member of the OECD in 1961, long before its accession to the EU. Brazil is "
     "seeking to join the organisation.", _members("OECD", "SWE", "BRA"), _members("EU", "BRA")),
    # an adjunct IGO with no other IGO in focus is still the one named last
    ("Norway has stayed outside the EU for decades. Iceland also applied to join the bloc in 2009.",
     _members("EU", "ISL"), set()),
    # the IGO named last in a main clause wins over one named before it
    ("Finland joined NATO in 2023. Months later, Bosnia applied to join the EU, and Kosovo hopes to "
     "join the bloc too.", _members("EU", "BIH", "XKX"), _members("NATO", "XKX")),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected, wrong", FOCUS)
def test_the_bloc_is_the_igo_in_focus(extractor, text, expected, wrong):
    got = {r for r in gold_style(extractor.extract_text(text, date="2024-03-10").relations)
           if r[0] == "membership"}
    assert expected <= got
    assert not wrong & got


@pytest.mark.slow
@pytest.mark.parametrize("text, igo, modality", [
    ("Indonesia became a full member of BRICS in January, a decade after leaving OPEC. Malaysia has "
     "also applied to join the bloc.", "IGO.BRICS", "intended"),
    ("Qatar joined the WTO in 1996, years before its exit from OPEC. Iraq later joined the "
     "organisation as well.", "IGO.WTO", "asserted"),
])
def test_the_member_read_through_the_bloc_keeps_its_modality(extractor, text, igo, modality):
    second = [r for r in extractor.extract_text(text, date="2024-03-10").relations
              if r.relation_type == "membership" and r.evidence[0].start > text.index(". ")]
    assert [(r.target.actor_id, r.modality) for r in second] == [(igo, modality)]


def _agreement(name: str, parties: list[str], stages: list[tuple[str, str | None]]) -> Agreement:
    ev = Evidence(doc_id="d", start=0, end=10, text="x")
    return Agreement(agreement_id="a", name=name, kind="trade",
                     parties=[ActorRef(actor_id=p, name=p) for p in parties],
                     stages=[Stage(stage=s, party=ActorRef(actor_id=p, name=p) if p else None,
                                   modality="asserted", evidence=ev) for s, p in stages])


@pytest.mark.parametrize("agreement, expected", [
    # "the CPTPP took effect; Peru had pulled out of the talks": no membership for Peru
    (_agreement("CPTPP", ["JPN", "MEX", "PER"], [("withdrawn", "PER"), ("in_force", None)]),
     {"JPN", "MEX"}),
    # "RCEP took effect; the Philippine Senate had voted it down": the Philippines stays out
    (_agreement("RCEP", ["IGO.ASEAN", "CHN", "PHL", "NZL"], [("rejected", "PHL"), ("signed", None),
                                                          ("in_force", None)]), {"CHN", "NZL"}),
    # a party that only signed is a member once the treaty takes effect for all
    (_agreement("RCEP", ["CHN", "PHL"], [("signed", "PHL"), ("in_force", None)]), {"CHN", "PHL"}),
])
def test_a_party_that_left_joins_nothing_by_a_joint_entry_into_force(agreement, expected):
    rels = accession_memberships([agreement], lambda member, igo: False, "d")
    assert {r.source.actor_id for r in rels} == expected




@pytest.mark.parametrize("text, mediators", [
    ("Sweden and Switzerland act as guarantors for the long-running peace negotiations between Seoul "
     "and Pyongyang.", {"SWE", "CHE"}),
    ("Turkey served as a guarantor of the two years of talks between Armenia and Azerbaijan.", {"TUR"}),
    ("Egypt is a guarantor of Gaza's security.", set()),
])
def test_guarantors_of_talks_are_mediators(extractor, text, mediators):
    got = gold_style(extractor.extract_text(text, date="2024-03-10").relations)
    assert {s for t, s, _ in got if t == "mediation"} == mediators


@pytest.mark.parametrize("text", [
    "Ethiopia is still negotiating to join the WTO.",
    "Bosnia's government opened talks on joining NATO last year.",
])
def test_talks_on_joining_are_an_intended_membership(extractor, text):
    rels = [r for r in extractor.extract_text(text, date="2024-03-10").relations
            if r.relation_type == "membership"]
    assert [r.modality for r in rels] == ["intended"]


@pytest.mark.parametrize("text, parties", [
    ("A maritime security pact was signed in Riyadh on Monday by the six GCC states, Egypt and Jordan.",
     {"IGO.GCC", "EGY", "JOR"}),
    ("The declaration was signed by the EU member states, Canada and Norway.", {"IGO.EU", "CAN", "NOR"}),
])
def test_an_igos_members_are_one_item_of_a_list_of_parties(extractor, text, parties):
    agreements = extractor.extract_text(text, date="2024-03-10").agreements
    assert {p.actor_id for p in agreements[0].parties} == parties
