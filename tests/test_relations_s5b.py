"""Standing relations by error class, fifth round (b): strikes and offensives "on"/"against"
a state or "the country", an invasion of a state past a lower-case modifier, claims each
against the other ("both countries claim"), a holder that took the land in a relative
clause, tariffs on a state's goods, "its ally" as the other state of the story, passive
backing by another state's troops, troops moved "into" a state, and "the country" past a
venue. Every text was written for these tests, in other wording, states and tenses than
any benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows
from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow


# (text, rows that must all be present)
PRESENT = [
    ("Yemen's leaders met in Aden after Saudi and Emirati air strikes on the country's ports.",
     {("armed_conflict", "SAU", "YEM", "asserted"), ("armed_conflict", "ARE", "YEM", "asserted")}),
    ("Ethiopia's drone attacks against Eritrean positions continued.",
     {("armed_conflict", "ERI", "ETH", "asserted")}),
    ("Prices rose after Iraq's invasion of neighbouring Kuwait.", {("armed_conflict", "IRQ", "KWT", "asserted")}),
    ("Chile and Bolivia broke off talks in 1978. The two countries both claim the coastal strip.",
     {("territorial_claim", "BOL", "CHL", "asserted"), ("territorial_claim", "CHL", "BOL", "asserted")}),
    ("Guatemala and Belize have competing claims to the Sapodilla Cays.",
     {("territorial_claim", "GTM", "BLZ", "asserted"), ("territorial_claim", "BLZ", "GTM", "asserted")}),
    ("Argentina still claims the islands, which Britain took in 1833.", {("territorial_claim", "ARG", "GBR", "asserted")}),
    ("Canadian duties on American steel were raised in June.", {("sanctions", "CAN", "USA", "asserted")}),
    ("Brussels imposed tariffs on imports from Turkey.", {("sanctions", "EU", "TUR", "asserted")}),
    ("Washington signed a compact with Manila last week. The United States has long stood by its treaty ally.",
     {("alliance", "PHL", "USA", "asserted")}),
    ("Sudan and the RSF met in Jeddah. The paramilitaries, which diplomats say are supported by Chadian soldiers, hold Darfur.",
     {("military_presence", "TCD", "SDN", "reported")}),
    ("Turkey has sent troops into Iraq for an offensive.", {("military_presence", "TUR", "IRQ", "asserted")}),
    ("Mali's junta met the envoys. The talks were held in Dakar. French soldiers remain stationed across the country.",
     {("military_presence", "FRA", "MLI", "asserted")}),
]

# (text, a (type, source, target) row that must be absent)
ABSENT = [
    # a tariff cut is a trade concession, not a sanction
    ("Japan lowered tariffs on Australian beef under the deal.", ("sanctions", "JPN", "AUS")),
    ("Canada cut duties on Mexican goods last year.", ("sanctions", "CAN", "MEX")),
    # a claim of victory is no territorial claim
    ("Peru and Ecuador signed a truce. Both countries claim victory.", ("territorial_claim", "PER", "ECU")),
    # cyber attacks are no armed conflict
    ("Seoul blamed cyber attacks on North Korea's hackers.", ("armed_conflict", "KOR", "PRK")),
    # both sides named: the claim with the holder replaces the claim on the place alone
    ("Chile and Bolivia broke off talks in 1978. The two countries both claim the coastal strip.",
     ("territorial_claim", "CHL", None)),
]


@pytest.mark.parametrize("text, expected", PRESENT)
def test_relation_classes_s5b(extractor, text, expected):
    assert_rows_present(coded_rows(extractor, text), expected)


@pytest.mark.parametrize("text, absent", ABSENT)
def test_no_relation_s5b(extractor, text, absent):
    assert_row_absent(coded_rows(extractor, text), absent)
