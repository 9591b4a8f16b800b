"""Standing relations, eighth round (the rules alone, ``dyad.relations.rules.code_v1``): the
holder of a claimed place named outside the claim's clause (a verb of holding in any tense
or number, a passive "held by", land handed to a state, the place's own country, the one
other state of the dispute), and the host of troops named by a part of it ("in the north",
"on the island", "in the region"), and a court's seat that is no claimed land. Every text was written for these tests, in other
wording and with other states than any benchmark text."""

from __future__ import annotations

import pytest

from dyad.relations.claim_holders import HANDED_TO, HELD_BY, HOLDS
from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows
from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow


CLAIMS = [
    # the holder in the same sentence, with a plural subject's verb
    ("Sudanese forces control the Halaib Triangle, which Egypt has long claimed.",
     {("territorial_claim", "EGY", "SDN", "asserted")}),
    # the holder in another sentence of the story
    ("Japan took control of the Senkaku Islands in 1895. China still claims the islands.",
     {("territorial_claim", "CHN", "JPN", "asserted")}),
    # land handed to a state: the claim is against the receiver
    ("Peru handed the Cenepa valley to Ecuador in 1998, ending its claim to the area.",
     {("territorial_claim", "PER", "ECU", "negated")}),
    # no holder named: the one other state of the dispute
    ("Belize and Guatemala took their border dispute to The Hague in 2019. Guatemala "
     "continues to claim much of Belize.",
     {("territorial_claim", "GTM", "BLZ", "asserted")}),
]


@pytest.mark.parametrize("text, expected", CLAIMS)
def test_a_claim_is_against_the_holder_the_story_names(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


@pytest.mark.parametrize("text", [
    "Chile says it claims a wedge of Antarctica.",
    "Norway claims a large sector of the Antarctic ice.",
])
def test_a_claim_with_no_second_state_keeps_no_holder(rules_only, text):
    rows = coded_rows(rules_only, text)
    assert not any(r[0] == "territorial_claim" and r[2] is not None for r in rows), rows


@pytest.mark.parametrize("text, holds", [
    (" still hold the plateau", True),
    (" troops control the strait", True),
    (" has long administered the islands", True),
    (" took control of the atoll", True),
    (" hold talks on the border", False),
    (" held elections in May", False),
    (" signed the accord", False),
])
def test_verbs_of_holding_in_any_tense(text, holds):
    assert bool(HOLDS.match(text)) is holds


@pytest.mark.parametrize("before, found", [
    ("the islands, administered by ", True),
    ("the shoal was seized by the ", True),
    ("handed the enclave to ", True),
    ("the court awarded the peninsula to ", True),
    ("the delegation travelled to ", False),
    ("a visit by ", False),
])
def test_holder_cues_before_a_state(before, found):
    assert bool(HELD_BY.search(before) or HANDED_TO.search(before)) is found


HOSTS = [
    ("Cyprus has been divided since 1974. Greece keeps about 900 troops on the island.",
     {("military_presence", "GRC", "CYP", "asserted")}),
    ("Mozambique has fought insurgents since 2017. Rwanda has deployed 2,000 soldiers in the north.",
     {("military_presence", "RWA", "MOZ", "asserted")}),
    ("Georgia lost control of its breakaway provinces in 2008. Russia still keeps thousands "
     "of troops in the region.",
     {("military_presence", "RUS", "GEO", "asserted")}),
]


@pytest.mark.parametrize("text, expected", HOSTS)
def test_troops_in_a_part_of_the_host(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


def test_a_part_of_the_land_is_no_mediator_s(rules_only):
    rows = coded_rows(rules_only, "Chad and Sudan extended their truce on Sunday. The truce, brokered by "
                      "the United States and Qatar, took effect in May. Sudanese troops remain in the east.")
    assert_row_absent(rows, ("military_presence", "SDN", "QAT"))
    assert_row_absent(rows, ("military_presence", "SDN", "USA"))


def test_the_wider_region_is_no_host(rules_only):
    rows = coded_rows(rules_only, "Oman signed a port deal. Britain keeps warships in the wider region.")
    assert_row_absent(rows, ("military_presence", "GBR", "OMN"))


@pytest.mark.parametrize("text", [
    "A court in The Hague ruled that Venezuela's claim to the Essequibo region had no basis.",
    "An arbitration panel in Geneva rejected Bolivia's claim to the coast, which Chile holds.",
    "An arbitral tribunal in The Hague ruled in 2012 that Colombia's sweeping claim had no legal basis.",
])
def test_a_court_s_seat_is_no_claimed_land(rules_only, text):
    rows = coded_rows(rules_only, text)
    assert not any(r[0] == "territorial_claim" and r[2] in {"NLD", "CHE"} for r in rows), rows
