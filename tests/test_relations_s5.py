"""Standing relations by error class, fifth round: the subject of a predicate noun ("X, a
member of Y, is Z's largest trading partner"), reciprocal possessives ("each other's
allies"), a possessor that binds only its own noun phrase, the noun "annex", hosts that are
states, "have" as an auxiliary, a presence ended by the host in the active voice, energy
pipelines and lines, and radars hosted.
Every text was written for these tests, in other wording, states and tenses than any
benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows
from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow


# (text, rows that must all be present)
PRESENT = [
    # a predicate noun takes the copula's subject, past an apposition or a relative clause
    ("Chile, a member of the Pacific Alliance, is China's biggest trading partner in South America.",
     {("trade", "CHL", "CHN", "asserted")}),
    ("Vietnam, which borders Laos, remains Cambodia's largest export market.",
     {("trade", "KHM", "VNM", "asserted")}),
    # reciprocal possessives: the pair of the clause, or the two states named before
    ("Peru and Chile are one another's main trading partners.", {("trade", "CHL", "PER", "asserted")}),
    ("Brazil and Argentina held talks. The neighbours have long been each other's largest markets.",
     {("trade", "ARG", "BRA", "asserted")}),
    ("South Korea and the United States have become each other's closest allies.",
     {("alliance", "KOR", "USA", "asserted")}),
    # the host ends the presence, active voice
    ("Burkina Faso's junta expelled French soldiers last year.", {("military_presence", "FRA", "BFA", "negated")}),
    ("Chad ousted the remaining French troops in January.", {("military_presence", "FRA", "TCD", "negated")}),
    # "have" with its own object still keeps troops
    ("Turkey has had soldiers in northern Iraq for years.", {("military_presence", "TUR", "IRQ", "asserted")}),
    ("The United States has roughly 900 troops in Syria.", {("military_presence", "USA", "SYR", "asserted")}),
    # energy carried by a line from one state to another; a radar as a hosted installation
    ("The oil pipeline from Uganda to Tanzania carries crude to the coast.",
     {("energy_supply", "UGA", "TZA", "asserted")}),
    ("An electricity interconnector from Norway to Britain opened in 2021.",
     {("energy_supply", "NOR", "GBR", "asserted")}),
    ("Japan hosts two American radars that track missiles.", {("military_presence", "USA", "JPN", "asserted")}),
    # the verb "annex" still reads
    ("Moscow plans to annex two provinces of Georgia.", {("territorial_claim", "RUS", "GEO", "intended")}),
]

# (text, a (type, source, target) row that must be absent)
ABSENT = [
    # the apposition's IGO is not the subject of the copula
    ("Chile, a member of the Pacific Alliance, is China's biggest trading partner in South America.",
     ("trade", "CHN", "PA")),
    # a possessor does not reach past a preposition into another noun phrase
    ("Canberra's protests over the occupation of Timor were ignored.", ("occupation", "AUS", "TLS")),
    # the noun "annex" is no annexation
    ("Ghana wants a revised annex that would let Accra sell more cocoa to Togo.", ("territorial_claim", "GHA", None)),
    ("The ministers amended Annex B of the treaty between Chile and Bolivia.", ("occupation", "CHL", "BOL")),
    # an agent set off in an apposition after the trigger is no annexer
    ("Morocco annexed the territory in 1979, a step backed only by France.", ("territorial_claim", "FRA", None)),
    # a host is a state, never a body; "have" as an auxiliary keeps no troops
    ("The two juntas, which quit the African Union, have also expelled Danish soldiers.",
     ("military_presence", "AU", "DNK")),
    ("The juntas, which quit the African Union, have since welcomed Russian instructors.",
     ("military_presence", "AU", "RUS")),
]


@pytest.mark.parametrize("text, expected", PRESENT)
def test_relation_classes_s5(extractor, text, expected):
    assert_rows_present(coded_rows(extractor, text), expected)


@pytest.mark.parametrize("text, absent", ABSENT)
def test_no_relation_s5(extractor, text, absent):
    assert_row_absent(coded_rows(extractor, text), absent)
