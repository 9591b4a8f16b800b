"""Standing relations by error class, fifth round (d): the pair a story is about ("the two
countries", "the two neighbours", "the neighbours" late in a story: the pair its first
sentence names together, else the two it names most often), a state described by its tie
to another ("its neighbour's bid to join": the story's other state, not the one "its"
names), and mediators joined to the one found ("X, together with Y, mediated", "mediated
the talks jointly with Y") or backers set off before the verb ("X, with backing from Y,
mediated": X only). Every text was written for these tests, in other wording and with
other states than any benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows
from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow


# (text, rows that must all be present)
PRESENT = [
    # the story's pair, named together first, against two states named later
    ("Ecuador and Colombia resumed direct flights on Monday. The announcement came after talks in Lima, "
     "where Peru hosted ministers from Venezuela and Brazil. The two countries restored diplomatic relations in 2010.",
     {("diplomatic_relations", "COL", "ECU", "asserted")}),
    # "the neighbours" with no count
    ("Kenya and Somalia signed a maritime accord in Nairobi on Monday. Diplomats from Uganda attended. "
     "Since then the neighbours have restored diplomatic relations.",
     {("diplomatic_relations", "KEN", "SOM", "asserted")}),
    # the pair named most often, with a third state named together with one of them late
    ("Serbia has dropped a border protocol it signed with Croatia in 2015, Belgrade said on Monday. "
     "Zagreb called the move unhelpful, and Croatia said it would appeal. Talks on a dispute between Serbia and Hungary "
     "were also put off. Hungary reopened a crossing in 2019, and the two neighbours still have no diplomatic relations.",
     {("diplomatic_relations", "HRV", "SRB", "negated")}),
    # a description possessive: the other state of the story
    ("Serbia and Croatia settled a dispute over their river border on Friday. "
     "Zagreb has withdrawn its objections to its neighbour's bid to join the European Union.",
     {("membership", "SRB", "EU", "intended")}),
    # co-mediators before and after the verb
    ("Kenya, together with Ethiopia, mediated talks between Sudan and South Sudan.",
     {("mediation", "KEN", None, "asserted"), ("mediation", "ETH", None, "asserted")}),
    ("Egypt, which brokered the talks jointly with Qatar, said Israel and Hamas had agreed to a truce.",
     {("mediation", "QAT", None, "asserted")}),
    # a backer set off before the verb: the subject mediates
    ("Oman, with the support of Britain, brokered a truce between Iran and Iraq.",
     {("mediation", "OMN", None, "asserted")}),
]

# (text, a (type, source, target) row that must be absent)
ABSENT = [
    ("Ecuador and Colombia resumed direct flights on Monday. The announcement came after talks in Lima, "
     "where Peru hosted ministers from Venezuela and Brazil. The two countries restored diplomatic relations in 2010.",
     ("diplomatic_relations", "BRA", "VEN")),
    # "its" names the owner, who is no candidate
    ("Serbia and Croatia settled a dispute over their river border on Friday. "
     "Zagreb has withdrawn its objections to its neighbour's bid to join the European Union.",
     ("membership", "HRV", "EU", "intended")),
    # "the two countries" in the very sentence that names a pair together stays with it
    ("Chile and Peru signed a fisheries pact on Monday. Bolivia was not invited. "
     "Argentina and Brazil said the two countries would restore diplomatic relations.",
     ("diplomatic_relations", "CHL", "PER")),
    # a backer is no mediator
    ("Oman, with the support of Britain, brokered a truce between Iran and Iraq.", ("mediation", "GBR")),
    # a side is no co-mediator
    ("Norway mediated talks between Colombia and Venezuela.", ("mediation", "COL")),
]


@pytest.mark.parametrize("text, expected", PRESENT)
def test_present(extractor, text, expected):
    assert_rows_present(coded_rows(extractor, text, short=True), expected)


@pytest.mark.parametrize("text, row", ABSENT)
def test_absent(extractor, text, row):
    assert_row_absent(coded_rows(extractor, text, short=True), row)
