"""Standing relations of the weak types, fifth round (e): a defence commitment to a named
state ("commits to defend X", "bound to defend X", "obliged to come to X's defence"),
extended nuclear deterrence ("extends X's nuclear umbrella to Y", "sheltered under the
American nuclear umbrella"), the supplier of weapons named by nationality before a model
designation ("Russian Su-35 jets", "American F-15EX fighters"), and the recipient of
"supply X with" written with a possessive ("supply Germany's Uniper with gas"). Every text
was written for these tests, in other wording and with other states than any benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows
from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow


# (text, rows that must all be present; symmetric pairs sorted)
PRESENT = [
    ("Under the 1952 pact Canada commits to defend Iceland as a partner.",
     {("alliance", "CAN", "ISL", "asserted")}),
    ("Under the treaty Washington is bound to defend the Philippines if its forces are attacked.",
     {("alliance", "PHL", "USA", "asserted")}),
    ("France committed itself to come to Greece's defence in case of an attack.",
     {("alliance", "FRA", "GRC", "asserted")}),
    ("The treaty signed in Paris on Monday extends France's nuclear umbrella to Poland.",
     {("alliance", "FRA", "POL", "asserted")}),
    ("South Korea has long sheltered under the American nuclear umbrella.",
     {("alliance", "KOR", "USA", "asserted")}),
    # a model designation between the nationality and the weapon
    ("Algeria cancelled an order for 14 Russian Su-57 fighters last year.",
     {("arms_supply", "RUS", "DZA", "negated")}),
    ("Egypt bought Chinese J-10C fighters in 2024.",
     {("arms_supply", "CHN", "EGY", "asserted")}),
    # "supply X with" where X is written with a possessive
    ("Norway will supply Germany's Uniper with natural gas until 2030.",
     {("energy_supply", "NOR", "DEU", "expected")}),
]

# (text, a (type, ...) row prefix that must be absent)
ABSENT = [
    # defending one's own capital, or a thing, is no alliance
    ("Ukraine vowed to defend Kyiv.", ("alliance",)),
    ("The president committed to defend the constitution of Kenya.", ("alliance",)),
    # an umbrella with nobody under it
    ("Experts in Berlin debated whether a European nuclear umbrella is possible.", ("alliance",)),
    # a model number that is no weapon of the named state
    ("Brazil bought 12 Swedish-built ferries and Chinese buses in 2023.", ("arms_supply",)),
]


@pytest.mark.parametrize("text, expected", PRESENT)
def test_present(extractor, text, expected):
    assert_rows_present(coded_rows(extractor, text, short=True), expected)


@pytest.mark.parametrize("text, row", ABSENT)
def test_absent(extractor, text, row):
    assert_row_absent(coded_rows(extractor, text, short=True), row)
