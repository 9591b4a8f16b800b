"""Standing relations by error class, fifth round (c): a leaving of an international body
that is done ends the membership (past tense and perfect, "left", "quit", "withdrew
from", "pulled out of"), and a plural description with a count ("the three Andean
countries") stands for the list of that size named up to three sentences before, also when
a hyphenated modifier ("military-ruled") splits it in the parse. Every text was written
for these tests, in other wording and with other states than any benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows
from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow


# (text, rows that must all be present)
PRESENT = [
    ("Britain left the European Union in 2020.", {("membership", "GBR", "EU", "negated")}),
    ("Washington has quit the World Health Organization.", {("membership", "USA", "WHO", "negated")}),
    ("Qatar withdrew from OPEC in 2019.",
     {("membership", "QAT", "OPEC", "negated")}),
    ("Chile, Peru and Bolivia signed the accord in Lima. Officials said talks had lasted a year. "
     "The three Andean countries, which left the Arab League in 2001, have also expelled Russian troops.",
     {("membership", "CHL", "LAS", "negated"), ("membership", "BOL", "LAS", "negated"),
      ("military_presence", "RUS", "PER", "negated")}),
    ("Ghana, Togo and Benin met in Accra. Their ministers spoke for hours. "
     "The three coastal-fringe states have also pulled out of the Arab League.",
     {("membership", "GHA", "LAS", "negated"), ("membership", "TGO", "LAS", "negated")}),
]

# (text, a (type, source, target) row that must be absent)
ABSENT = [
    # a meeting of the body, or a part of it, is no membership left
    ("Poland left the EU summit early on Friday.", ("membership", "POL", "EU")),
    ("France quit NATO's integrated command in 1966.", ("membership", "FRA", "NATO")),
    # a leaving still to come: the state is a member now, not an ex-member
    ("Hungary will leave the European Union next year, officials said.", ("membership", "HUN", "EU", "negated")),
]


@pytest.mark.parametrize("text, expected", PRESENT)
def test_present(extractor, text, expected):
    assert_rows_present(coded_rows(extractor, text, short=True), expected)


@pytest.mark.parametrize("text, row", ABSENT)
def test_absent(extractor, text, row):
    assert_row_absent(coded_rows(extractor, text), row)
