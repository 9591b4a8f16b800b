"""Agreement stages, session 8: a signing told by the year in an agreement's own phrase
(``stage_dated``), clauses of time whose act is not under the main clause's negation,
participles joined to a done participle, bodies named after the pair ("lawmakers in both
countries"), the acceding state as the signer of its own protocol, and a relative clause
whose object is no agreement. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


def stage_rows(text: str, date: str = "2024-03-10") -> set[tuple]:
    """(stage, party, modality, date) of every stage the text gives."""
    return {(s.stage, (s.party.country or s.party.actor_id) if s.party else None, s.modality, s.date)
            for a in extract(text, date) for s in a.stages}


# -- "the 1953 defence agreement": the year tells a joint signature -------------------------

@pytest.mark.parametrize("text, year", [
    ("Greece still relies on its 1953 defence agreement with the United States.", "1953"),
    ("Chile and Argentina still honour the Treaty of Peace and Friendship of 1984.", "1984"),
    ("Norway and Iceland marked the anniversary of their 1961 fisheries pact on Monday.", "1961"),
    # a ratification told by a verb leaves the signature to the year
    ("Oman and Yemen ratified the 1992 border treaty in 1993.", "1992"),
])
def test_a_year_in_the_phrase_tells_the_signing(text, year):
    assert ("signed", None, "asserted", year) in stage_rows(text)


@pytest.mark.parametrize("text", [
    # an accession's year is no signature
    "Croatia marked ten years since its 2013 accession treaty with the EU took effect.",
    # a draft is not signed, a year after publication has not come
    "Serbia rejected the 2019 draft accord with Kosovo.",
    "Kenya and Japan hope to conclude a 2026 trade deal.",
])
def test_a_year_that_tells_no_signing(text):
    assert not any(stage == "signed" for stage, *_ in stage_rows(text))


def test_a_signing_told_by_a_verb_keeps_its_own_date():
    rows = stage_rows("Oman and Yemen signed the 1992 border treaty in October 1992.")
    assert {date for stage, _, _, date in rows if stage == "signed"} == {"1992-10"}


# -- a clause of time or concession has its own act -----------------------------------------

@pytest.mark.parametrize("text, expected, kept", [
    ("Two decades after it was signed, the border treaty between Georgia and Armenia has still "
     "not been ratified.", ("signed", "asserted"), ("ratified", "negated")),
    ("Kenya has not ratified the pact with Uganda, although it was signed in 2019.",
     ("signed", "asserted"), ("ratified", "negated")),
    # a participle joined to a done participle is as done as it
    ("The accord between Hungary and Slovakia, signed in 2001 and ratified by Hungary's "
     "parliament in 2002, never took effect.", ("ratified", "asserted"), ("in_force", "negated")),
])
def test_a_time_clause_is_not_under_the_main_negation(text, expected, kept):
    got = {(stage, modality) for stage, _, modality in keys(extract(text))}
    assert expected in got and kept in got, got
    assert (expected[0], "negated") not in got


# -- "lawmakers in both countries": each side's body ---------------------------------------

@pytest.mark.parametrize("text, ratifiers", [
    ("The pact between Chile and Mexico took effect in 2012 after legislators in both countries "
     "approved it.", {"CHL", "MEX"}),
    # one side's lawmakers are that side's only
    ("The pact between Chile and Mexico took effect in 2012 after Chilean lawmakers approved it.",
     {"CHL"}),
])
def test_bodies_of_both_countries(text, ratifiers):
    got = {party for stage, party, _ in keys(extract(text)) if stage == "ratified"}
    assert got == ratifiers


# -- "its accession protocol was signed": the candidate's act -------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Mongolia became the 170th member of the World Trade Organization on Friday. Its accession "
     "protocol was signed in Geneva in March.", ("signed", "MNG", "asserted")),
    ("Laos joined the World Customs Organization on Monday. Its accession protocol was ratified in "
     "January.", ("ratified", "LAO", "asserted")),
])
def test_the_acceding_state_signs_its_protocol(text, expected):
    assert expected in keys(extract(text))


# -- "a charge Lima rejects": a relative clause on another noun ------------------------------

@pytest.mark.parametrize("text, expected, absent", [
    ("Chile and Peru signed a free trade pact on Monday. US officials say Peru is building a "
     "naval facility for China at its port of Callao, a charge Lima strongly rejects.",
     ("signed", "PER", "asserted"), ("rejected", "PER", "asserted")),
    # the agreement's own relative clause, and a pronoun, still act on it
    ("Chile and Peru signed a free trade pact on Monday. The treaty, which Lima ratified in May, "
     "cuts tariffs.", ("ratified", "PER", "asserted"), ("rejected", "PER", "asserted")),
    ("Chile and Peru signed a free trade pact on Monday. Lima later rejected it.",
     ("rejected", "PER", "asserted"), ("ratified", "PER", "asserted")),
])
def test_a_relative_clause_on_another_noun(text, expected, absent):
    got = keys(extract(text))
    assert expected in got and absent not in got, got


# -- the formal acts: instruments deposited, a state taken out, a stage noun owned by "its" --

@pytest.mark.parametrize("text, expected", [
    ("Angola joined the arms trade treaty in June. Luanda lodged its instrument of acceptance "
     "with the UN on Friday.", ("ratified", "AGO", "asserted")),
    ("Syria became a full member of the Chemical Weapons Convention on Monday, a month after "
     "Damascus deposited its instrument of accession with the United Nations.",
     ("ratified", "SYR", "asserted")),
    ("Bolivia signed the investment convention in 1995. President Evo Morales pulled the country "
     "out in 2007.", ("withdrawn", "BOL", "asserted")),
    # the pronoun's owner is the subject above, not the organisation named just before it
    ("Chile joined the UN's fisheries body on Monday by completing its ratification of the Lima "
     "Convention.", ("ratified", "CHL", "asserted")),
])
def test_formal_acts(text, expected):
    assert expected in keys(extract(text))


@pytest.mark.parametrize("text, absent", [
    # a state pulled out of a recession leaves no treaty
    ("Bolivia signed the investment convention in 1995. The president pulled the country out of "
     "recession in 2007.", "withdrawn"),
    # savings deposited are no instrument of consent
    ("Angola signed the fisheries convention in 2020. Luanda deposited its savings with a bank.",
     "ratified"),
])
def test_formal_acts_that_are_not(text, absent):
    assert absent not in {stage for stage, _, _ in keys(extract(text))}


# -- "the line, agreed in an accord": what the participle reduces was agreed ---------------

@pytest.mark.parametrize("text, expected, absent", [
    ("The presidents of Kazakhstan, Russia and China opened the gas pipeline on Thursday. The "
     "2,000-km line, agreed in an intergovernmental accord that the three countries signed in "
     "Astana in May 2005, carries gas to China.", "signed", "negotiated"),
    # the agreement's own participle is its stage
    ("The accord, agreed in Vienna in May, was signed by Chile and Peru in June.", "negotiated", None),
])
def test_a_participle_on_another_noun(text, expected, absent):
    got = {stage for stage, _, _ in keys(extract(text))}
    assert expected in got and absent not in got, got


# -- acts under an older treaty; talks and their broker --------------------------------------

@pytest.mark.parametrize("text, expected, absent", [
    # agreeing to act under a dated treaty concludes nothing; the year tells its signing
    ("Peru agreed on Monday to release water to Chile under a 1929 treaty after weeks of "
     "pressure.", ("signed", None, "asserted"), ("negotiated", "PER", "asserted")),
    # a new deal is the frame of the acts agreed
    ("Chile and Peru agreed on Monday to cut tariffs under a new trade deal.",
     ("negotiated", "PER", "asserted"), None),
    # the broker of the talks is no side of them
    ("The presidents of Sudan and Chad signed the peace accord in Paris on Thursday. The accord "
     "was initialled in Doha on 2 May after three weeks of talks brokered by the Qatari envoy "
     "Ahmed bin Ali.", ("negotiated", None, "asserted"), ("negotiated", "QAT", "asserted")),
])
def test_acts_under_and_brokered_talks(text, expected, absent):
    got = keys(extract(text))
    assert expected in got and absent not in got, got


# -- a standing rule since a year: in force from it ------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Egypt and Sudan agreed on Thursday to update the Nile Waters Agreement, which has governed "
     "the sharing of the river since 1959.", ("in_force", None, "asserted", "1959")),
    ("Britain has kept troops on the island since 1960 under a treaty that Nicosia wants revised.",
     ("in_force", None, "asserted", "1960")),
])
def test_in_force_since_a_year(text, expected):
    assert expected in stage_rows(text)


@pytest.mark.parametrize("text", [
    # no year, no start told; "under pressure" is no agreement
    "Egypt and Sudan agreed on Thursday to update the Nile Waters Agreement, which has governed "
    "the sharing of the river for decades.",
    "Spain and Morocco signed a fisheries pact in 2019. Spain has kept troops in the enclave "
    "since 1960, under pressure from Madrid.",
])
def test_no_in_force_without_a_start(text):
    assert "in_force" not in {stage for stage, *_ in stage_rows(text)}
