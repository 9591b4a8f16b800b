"""Standing relations by error class: relations that held and ended (``dyad.relations.
ending``: negated), and the vocabulary families of the third round (energy, arms by their
maker, sanctions as tariffs and export curbs, claims "as its province", exits from IGOs).
Every text was written for these tests, in other wording, states and tenses than any
benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow


def _coded(extractor, text: str) -> set[tuple]:
    from tests.test_relations import gold_style_with_modality

    return gold_style_with_modality(extractor, text)


# (text, expected (type, source, target, modality) rows, all present)
ENDED = [
    # troops gone: the subject of a verb of leaving, active or passive, with or without "in"
    ("Russian troops in Georgia withdrew in 2007.", {("military_presence", "RUS", "GEO", "negated")}),
    ("British forces have been driven out of Iraq and Afghanistan.",
     {("military_presence", "GBR", "IRQ", "negated"), ("military_presence", "GBR", "AFG", "negated")}),
    ("Russia withdrew its troops from Georgia in 2008.", {("military_presence", "RUS", "GEO", "negated")}),
    # a base closed, and a presence bounded in the past by "until"
    ("Russia closed its naval base in Vietnam in 2002.", {("military_presence", "RUS", "VNM", "negated")}),
    ("The United States ran an air base in Ecuador until 2009.", {("military_presence", "USA", "ECU", "negated")}),
    # sanctions lifted, scrapped, agreed to be lifted; a lifting denied leaves them standing
    ("China lifted its sanctions on Australia on Friday.", {("sanctions", "CHN", "AUS", "negated")}),
    ("Washington scrapped the punitive duties on Vietnamese shrimp.", {("sanctions", "USA", "VNM", "negated")}),
    ("Seoul agreed to remove curbs on exports to Japan.", {("sanctions", "KOR", "JPN", "negated")}),
    ("The United States has not lifted its sanctions on Cuba.", {("sanctions", "USA", "CUB", "asserted")}),
    # supply and trade halted; the halt itself is a sanction
    ("Russia halted gas deliveries to Poland in April.", {("energy_supply", "RUS", "POL", "negated")}),
    ("China suspended trade with Lithuania.", {("trade", "CHN", "LTU", "negated"), ("sanctions", "CHN", "LTU", "asserted")}),
    # a ban on one good is a sanction, not the end of the trade
    ("Beijing banned imports of wine from Chile.", {("sanctions", "CHN", "CHL", "asserted")}),
    # membership: an exit that took effect, an exit still to come
    ("The withdrawal of Burundi and Gambia from the African Union took effect last year.",
     {("membership", "BDI", "AU", "negated"), ("membership", "GMB", "AU", "negated")}),
    ("Argentina will quit the WTO next year.", {("membership", "ARG", "WTO", "asserted")}),
]

FAMILIES = [
    ("Algeria has piped gas to Spain since 2011.", {("energy_supply", "DZA", "ESP", "asserted")}),
    ("Vietnam's air force flies Russian-built Su-30 fighters.", {("arms_supply", "RUS", "VNM", "asserted")}),
    ("Iran has sent advisers and armed drones to help Syria.", {("arms_supply", "IRN", "SYR", "asserted")}),
    ("Germany sent troops to support Lithuania.", {("military_presence", "DEU", "LTU", "asserted")}),
    ("The EU imposed retaliatory tariffs on American steel.", {("sanctions", "EU", "USA", "asserted")}),
    ("Beijing regards Taiwan as its renegade province.", {("territorial_claim", "CHN", "TWN", "asserted")}),
    ("The Qatari envoy shuttled messages between the Israeli and Hamas negotiators.",
     {("mediation", "QAT", None, "asserted")}),
]


@pytest.mark.parametrize("text, expected", ENDED + FAMILIES)
def test_relation_classes(extractor, text, expected):
    got = _coded(extractor, text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text, absent", [
    # an exit under way or remembered is no ended membership
    ("Britain joined the CPTPP on Sunday, its biggest trade deal since leaving the European Union.",
     ("membership", "GBR", "EU")),
])
def test_no_relation_from_an_ending_that_is_not_one(extractor, text, absent):
    got = {row[:3] for row in _coded(extractor, text)}
    assert absent not in got


def test_an_ending_verb_across_a_clause_boundary_ends_nothing(extractor):
    """"lifted the ban and ... imposed curbs on exports to Japan": the curbs stand."""
    got = _coded(extractor, "Tokyo lifted its ban on rice, and Seoul imposed curbs on exports to Japan.")
    assert ("sanctions", "KOR", "JPN", "asserted") in got
