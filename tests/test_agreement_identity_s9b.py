"""Agreement identity on the real pipeline (session 9, second pass): a memorandum or a
declaration told after a deal of another form is its own agreement, a joint statement or
communique the sides issue is one (what they "said in a joint statement" is not), a state
that refused to sign stays out of a deal others made, and a "similar" accord with a new
partner shares the first side of the one before. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import records

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    # a memorandum after an arms contract: two documents, not one
    ("Qatar has signed a contract to buy 24 Rafale jets from France, officials in Paris said on "
     "Tuesday. The order comes after a memorandum of understanding the two governments signed "
     "in 2019.", ("memorandum", frozenset({"QAT", "FRA"}))),
    # a memorandum signed beside a named declaration is its own text
    ("Kenya and Ethiopia signed the Nairobi Declaration on Monday, and in a memorandum of "
     "understanding signed by their energy ministers the two sides agreed to share grid data.",
     ("memorandum", frozenset({"KEN", "ETH"}))),
])
def test_an_indefinite_text_of_another_form_is_another_agreement(text, expected):
    assert expected in records(text), records(text)


@pytest.mark.parametrize("text, expected", [
    ("France and Germany issued a joint statement in Paris on Friday pledging closer "
     "cooperation on defence procurement.", [("memorandum", frozenset({"FRA", "DEU"}))]),
    ("Brazil and Argentina signed a joint statement on Friday in which both committed to a "
     "common currency study.", [("memorandum", frozenset({"BRA", "ARG"}))]),
    ("India and Japan issued a joint communique in Tokyo on Tuesday after two days of talks.",
     [("memorandum", frozenset({"IND", "JPN"}))]),
    # what the sides said in a statement is the news, not a text they agreed
    ("France withdrew its last soldiers from Chad on Friday, the two countries said in a joint "
     "statement.", []),
    ("Egypt said in a statement on Monday that talks on the dam had failed.", []),
])
def test_a_joint_statement_the_sides_issue_is_a_memorandum(text, expected):
    assert [r for r in records(text) if r[0] == "memorandum"] == expected, records(text)


def test_a_state_that_refused_to_sign_is_no_party():
    text = ("Spain, Portugal and France signed an agreement in Madrid on Thursday to build a new "
            "power line across the Pyrenees. Italy, which had been invited to join, refused to sign.")
    assert [p for _, p in records(text)] == [frozenset({"ESP", "PRT", "FRA"})], records(text)


def test_one_side_of_a_pair_refusing_to_sign_is_still_a_side():
    text = ("Iraq refused to sign the security agreement with the United States on Monday, "
            "officials in Baghdad said.")
    assert [p for _, p in records(text)] == [frozenset({"IRQ", "USA"})], records(text)


def test_a_similar_accord_with_a_new_partner_shares_the_first_side():
    text = ("The trade agreement between the European Union and Chile took effect on Friday. It "
            "was signed in 2023, a year after a similar accord with New Zealand.")
    assert ("trade", frozenset({"IGO.EU", "NZL"})) in records(text), records(text)
