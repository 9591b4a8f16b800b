"""Standing relations, tenth round (the rules alone, ``dyad.relations.rules.code_v1``), read
from the misses of train17-20 on diplomatic relations, membership, mediation and supply:
ties cut with no other side named repeat the cut stated before them (each subject cuts its
ties with that side, no pair of the two subjects); a cut denied keeps the ties; ties kept
or none at all with plain "relations"; ambassadors sent back; a body stayed out of; talks
"between" two sides hosted by a third; a named accord a state brokered ("the US-brokered
Oslo Accords"); a state that overtook another "as" a third's biggest supplier or partner
(the subject takes the role). Every text was written for these tests, in other wording and
with other states than any benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows

pytestmark = pytest.mark.slow


def _ties(a: str, b: str, modality: str) -> tuple:
    """A diplomatic_relations row: the type is symmetric, its sides come in code order."""
    return ("diplomatic_relations", *sorted((a, b)), modality)


READINGS = [
    # ties cut with no other side: the side of the cut stated before
    ("Morocco severed diplomatic relations with Iran on Tuesday, and Jordan and Kuwait cut ties "
     "on Wednesday.",
     {_ties("MAR", "IRN", "negated"), _ties("JOR", "IRN", "negated"),
      _ties("KWT", "IRN", "negated")}),
    ("Chile has kept its embassy open. Chile has not broken off relations with Nicaragua, unlike "
     "Peru and Ecuador, which broke off ties last month.",
     {_ties("PER", "NIC", "negated"), _ties("ECU", "NIC", "negated")}),
    # a cut denied keeps the ties
    ("Chile has not broken off relations with Nicaragua despite the expulsions.",
     {_ties("CHL", "NIC", "asserted")}),
    # ties kept, or none, with plain "relations"
    ("Peru and Bolivia, whose governments have kept relations with Cuba, called for talks.",
     {_ties("PER", "CUB", "asserted"), _ties("BOL", "CUB", "asserted")}),
    ("Argentina has had no relations with Nicaragua since last year.",
     {_ties("ARG", "NIC", "negated")}),
    # envoys sent back
    ("Kenya and Somalia agreed on Friday to return their ambassadors after a year-long row.",
     {_ties("KEN", "SOM", "asserted")}),
    ("India and Nepal agreed that their ambassadors would return to their posts within a week.",
     {_ties("IND", "NPL", "asserted")}),
    # a body stayed out of
    ("Iceland and Liechtenstein have long stayed out of the European Union.",
     {("membership", "ISL", "EU", "negated"), ("membership", "LIE", "EU", "negated")}),
    # talks between two sides hosted by a third
    ("Serbia and Kosovo agreed on a truce after talks between their prime ministers hosted by Norway.",
     {("mediation", "NOR", None, "asserted")}),
    # a named accord a state brokered
    ("Jordan and Syria reopened their border under the Egyptian-brokered Cairo Accords.",
     {("mediation", "EGY", None, "asserted")}),
    # the subject of "overtook ... as" takes the role
    ("Qatar overtook Norway last year as Poland's biggest gas supplier.",
     {("energy_supply", "QAT", "POL", "asserted")}),
    ("Vietnam overtook Japan in 2022 as the largest trading partner of South Korea.",
     {("trade", "KOR", "VNM", "asserted")}),
]


@pytest.mark.parametrize("text, expected", READINGS)
def test_readings(rules_only, text, expected):
    assert_rows_present(coded_rows(rules_only, text), expected)


def test_two_subjects_cutting_ties_after_a_cut_are_no_pair(rules_only):
    got = coded_rows(rules_only, "Morocco severed diplomatic relations with Iran on Tuesday, and Jordan "
                                 "and Kuwait cut ties on Wednesday.")
    assert_row_absent(got, ("diplomatic_relations", "JOR", "KWT"))


def test_a_pair_cutting_ties_with_no_cut_before_is_their_own(rules_only):
    got = coded_rows(rules_only, "Jordan and Kuwait cut ties in 2016.")
    assert_row_absent(got, ("diplomatic_relations", "IRN", "JOR"))
    assert any(r[0] == "diplomatic_relations" and {r[1], r[2]} == {"JOR", "KWT"} for r in got), got


def test_the_state_overtaken_is_no_longer_the_biggest_supplier(rules_only):
    got = coded_rows(rules_only, "Qatar overtook Norway last year as Poland's biggest gas supplier.")
    assert_row_absent(got, ("energy_supply", "NOR", "POL", "asserted"))


def test_a_planned_cut_with_no_side_writes_no_echo(rules_only):
    got = coded_rows(rules_only, "Morocco severed diplomatic relations with Iran on Tuesday, and Jordan "
                                 "said it would cut ties too.")
    assert_row_absent(got, ("diplomatic_relations", "IRN", "JOR"))
