"""Standing relations stated across sentences or beside another relation (third round of
the coder): plural and unparsed anaphoric subjects, "the alliance" and "the union" read as
an IGO of their kind, pacts that are IGOs, memberships that follow from an accession in
force, bases kept beside another relation, land "occupied by". Each text was written for
these tests; cases are compared gold-style (``tests.test_relations.gold_style``).
"""

from __future__ import annotations

import pytest

from dyad.model import ActorRef, Agreement, Evidence, Stage
from dyad.relations.accession import accession_memberships
from tests.test_relations import gold_style
from tests.test_relations import extractor  # noqa: F401 - the rules alone


def _members(igo: str, *codes: str) -> set[tuple]:
    return {("membership", c, igo) for c in codes}


# (text, expected (type, source, target) set)
CASES = [
    # plural subjects stand for the list named before, of the size they give
    ("Estonia and Latvia border Russia. The two countries joined NATO in 2004.", _members("NATO", "EST", "LVA")),
    ("Finland and Sweden applied in May 2022. They joined NATO within two years.", _members("NATO", "FIN", "SWE")),
    ("Lithuania, Latvia and Estonia regained independence in 1991. The three Baltic states joined the EU "
     "and NATO in 2004.", _members("NATO", "LTU", "LVA", "EST") | _members("EU", "LTU", "LVA", "EST")),
    # a count that fits no list named before is no antecedent
    ("Estonia and Latvia border Russia. The three countries joined NATO in 2004.", set()),
    # an unparsed sentence opening with an anaphor: the state named before
    ("Comoros signed its WTO accession package in February. The island nation formally joined the "
     "organisation in August.", _members("WTO", "COM")),
    # "the alliance" is NATO, not the EU named after it; no alliance named, no membership
    ("NATO said Finland would take part in the exercise. The EU also sent observers. Finland joined the "
     "alliance in 2023.", _members("NATO", "FIN")),
    ("Finland and Sweden ended decades of military non-alignment. Both joined the alliance in 2024.", set()),
    # the IGO's possessive and its members
    ("The WTO General Council approved the terms. Comoros will become the organisation's 165th member "
     "next year.", _members("WTO", "COM")),
    ("The CPTPP groups 11 Pacific Rim economies. Britain became the first new member since it took effect.",
     _members("CPTPP", "GBR")),
    ("The European Union agreed the sanctions package. France and Germany, the bloc's two largest "
     "economies, backed it.", _members("EU", "FRA", "DEU")),
    ("The OSCE monitors the ceasefire. Its 57 participating states include Russia and Ukraine.",
     _members("OSCE", "RUS", "UKR")),
    ("The EU approved the deal. All 27 member states, including Hungary, signed off.", _members("EU", "HUN")),
    ("The Quad held a summit. India, Japan, Australia and the United States make up the group.",
     _members("QUAD", "IND", "JPN", "AUS", "USA")),
    ("BRICS leaders met in Rio. The group expanded last year to include Egypt and Iran.",
     _members("BRICS", "EGY", "IRN")),
    # a pact names an IGO only when the IGO is a pact
    ("The CPTPP took effect in 2018. Britain acceded to the pact in December 2024.", _members("CPTPP", "GBR")),
    ("RCEP took effect on January 1. The pact includes the ten ASEAN countries plus China and Japan.",
     _members("RCEP", "CHN", "JPN")),
    ("NATO leaders met in Vilnius. Ukraine signed the pact with Poland.", set()),
    # joining an IGO's list or programme is no membership (the attack is a war)
    ("Russia attacked Ukraine in 2022. The country has since joined the Council of Europe's list.",
     {("armed_conflict", "RUS", "UKR")}),
    # a base kept beside another relation
    ("Russia supplies Armenia with weapons and keeps a military base in Gyumri.",
     {("arms_supply", "RUS", "ARM"), ("military_presence", "RUS", "ARM")}),
    ("Russia signed a deal with Syria to keep its naval base at Tartus for 49 years.",
     {("military_presence", "RUS", "SYR")}),
    ("The treaty lets Russia keep its Black Sea Fleet in Sevastopol until 2042.",
     {("military_presence", "RUS", "UKR")}),
    ("France signed a defence treaty with the UAE, where it has maintained a naval base since 2009.",
     {("military_presence", "FRA", "ARE")}),
    ("The United States has closed its base in Uzbekistan.", {("military_presence", "USA", "UZB")}),  # negated
    # land occupied by another: the state named before owns it
    ("Ukraine demands the return of all territories occupied by Russia.",
     {("occupation", "RUS", "UKR"), ("territorial_claim", "UKR", "RUS")}),
    ("Kyiv wants back the land occupied by Russian forces since 2014.", {("occupation", "RUS", "UKR")}),
    # the recipient as first object; the buyer after "by"
    ("The United States agreed to sell Saudi Arabia $110 billion of weapons.", {("arms_supply", "USA", "SAU")}),
    ("The deal covers the purchase of 36 Rafale jets from France by India.", {("arms_supply", "FRA", "IND")}),
    ("The United States sold Boeing shares to investors.", set()),
    # fire exchanged over a span of time is a conflict; one exchange is an event
    ("Israel and Hezbollah exchanged fire across the border for months before the truce.",
     {("armed_conflict", "HEZBOLLAH", "ISR")}),
    ("Indian and Pakistani troops exchanged fire on Tuesday.", set()),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", CASES)
def test_relations_across_sentences(extractor, text, expected):
    rels = extractor.extract_text(text, date="2024-03-10").relations
    assert gold_style(rels) == expected


@pytest.mark.slow
def test_a_treaty_igo_in_force_for_a_state_is_a_membership(extractor):
    rels = extractor.extract_text("The CPTPP entered into force for Britain on December 15, 2024.",
                                  date="2024-12-20").relations
    assert ("membership", "GBR", "CPTPP") in gold_style(rels)


def _ref(actor_id: str) -> ActorRef:
    return ActorRef(actor_id=actor_id, name=actor_id)


def _agreement(kind: str, parties: list[str], stages: list[tuple[str, str | None, str]], name: str = "protocol"
               ) -> Agreement:
    ev = Evidence(doc_id="d", start=0, end=10, text="x")
    return Agreement(agreement_id="a", name=name, kind=kind, parties=[_ref(p) for p in parties],
                     stages=[Stage(stage=s, party=_ref(p) if p else None, modality=mod, evidence=ev,
                                   date="2024-03-07" if s == "in_force" else None)
                             for s, p, mod in stages])


@pytest.mark.parametrize("agreement, expected", [
    # a joint entry into force of an accession: its one state party joins
    (_agreement("accession", ["SWE", "IGO.NATO"], [("signed", None, "asserted"), ("in_force", None, "asserted")]),
     {("SWE", "IGO.NATO")}),
    # the acceding party named by the stage
    (_agreement("accession", ["IGO.WTO"], [("in_force", "COM", "asserted")]), {("COM", "IGO.WTO")}),
    # expected, not yet in force; ratified only; two IGOs; no accession
    (_agreement("accession", ["SWE", "IGO.NATO"], [("in_force", None, "expected")]), set()),
    (_agreement("accession", ["SWE", "IGO.NATO"], [("ratified", "HUN", "asserted")]), set()),
    (_agreement("accession", ["IGO.EU", "IGO.MERCOSUR"], [("in_force", None, "asserted")]), set()),
    (_agreement("trade", ["IGO.EU", "VNM"], [("in_force", "VNM", "asserted")]), set()),
    # a treaty that is an IGO, in force for a state
    (_agreement("trade", ["GBR"], [("in_force", "GBR", "asserted")],
                name="Comprehensive and Progressive Agreement for Trans-Pacific Partnership"),
     {("GBR", "IGO.CPTPP")}),
    # a treaty that is an IGO entering into force for all: each state party is a member
    (_agreement("trade", ["CHN", "JPN", "IGO.ASEAN"], [("signed", None, "asserted"),
                                                       ("in_force", None, "asserted")], name="RCEP"),
     {("CHN", "IGO.RCEP"), ("JPN", "IGO.RCEP")}),
    # ... but not while its entry into force is only expected
    (_agreement("trade", ["CHN", "JPN"], [("in_force", None, "expected")], name="RCEP"), set()),
])
def test_accession_memberships(agreement, expected):
    rels = accession_memberships([agreement], lambda member, igo: False, "d")
    assert {(r.source.actor_id, r.target.actor_id) for r in rels} == expected
    assert all(r.attributes["inferred_from"] == "agreement" and r.attributes["since"] == "2024-03-07" for r in rels)


def test_accession_memberships_skip_what_the_text_states():
    agreement = _agreement("accession", ["SWE", "IGO.NATO"], [("in_force", None, "asserted")])
    assert accession_memberships([agreement], lambda member, igo: True, "d") == []
