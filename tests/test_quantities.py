"""Finding and normalising quantities: money, distances, durations, percentages, counts."""

from __future__ import annotations

import doctest

import pytest

from dyad.quantities import UNITS, find_quantities, parse_number
from dyad.quantities import find as find_module
from dyad.quantities import numbers as numbers_module

# surface -> (value, unit): the whole surface must be found as one quantity.
SINGLE = [
    # money, US dollars
    ("$7.5 billion", 7_500_000_000, "USD"),
    ("US$2 bn", 2_000_000_000, "USD"),
    ("USD 300 million", 300_000_000, "USD"),
    ("7.5 billion dollars", 7_500_000_000, "USD"),
    ("$12bn", 12_000_000_000, "USD"),
    ("$1.2 trillion", 1_200_000_000_000, "USD"),
    ("$800,000", 800_000, "USD"),
    ("300 million US dollars", 300_000_000, "USD"),
    ("$300m", 300_000_000, "USD"),
    ("$1.2-billion", 1_200_000_000, "USD"),
    ("a billion dollars", 1_000_000_000, "USD"),
    ("five billion dollars", 5_000_000_000, "USD"),
    ("300 million USD", 300_000_000, "USD"),
    ("$5 billion dollars", 5_000_000_000, "USD"),
    # money, other currencies keep their code
    ("€5 billion", 5_000_000_000, "EUR"),
    ("5 billion euros", 5_000_000_000, "EUR"),
    ("€300m", 300_000_000, "EUR"),
    ("£3m", 3_000_000, "GBP"),
    ("10 million pounds sterling", 10_000_000, "GBP"),
    ("2 million pounds", 2_000_000, "GBP"),
    ("500 billion yen", 500_000_000_000, "JPY"),
    ("Rs 500 crore", 5_000_000_000, "INR"),
    ("₹5,000 crore", 50_000_000_000, "INR"),
    ("5 lakh rupees", 500_000, "INR"),
    ("Rs 2 lakh crore", 2_000_000_000_000, "INR"),
    ("10 billion yuan", 10_000_000_000, "CNY"),
    ("2 trillion renminbi", 2_000_000_000_000, "CNY"),
    ("RMB 5 billion", 5_000_000_000, "CNY"),
    ("300 billion roubles", 300_000_000_000, "RUB"),
    ("5 billion rubles", 5_000_000_000, "RUB"),
    ("HK$3 billion", 3_000_000_000, "HKD"),
    # distances
    ("25 kilometres", 25, "km"),
    ("25 kilometers", 25, "km"),
    ("25 km", 25, "km"),
    ("25km", 25, "km"),
    ("60-kilometre", 60, "km"),
    ("10 miles", 16.093, "km"),
    ("200 nautical miles", 370.4, "km"),
    ("500 metres", 0.5, "km"),
    ("1,000 square kilometres", 1000, "km2"),
    ("10,000 square miles", 25_899.88, "km2"),
    # durations
    ("five years", 5, "year"),
    ("20-year", 20, "year"),
    ("twenty-five years", 25, "year"),
    ("a decade", 10, "year"),
    ("two decades", 20, "year"),
    ("six months", 6, "month"),
    ("90 days", 90, "day"),
    ("two weeks", 2, "week"),
    ("72-hour", 72, "hour"),
    # counts
    ("36 fighter jets", 36, "item"),
    ("3,000 troops", 3000, "person"),
    ("36 Rafale fighter jets", 36, "item"),
    ("24 F-16 fighter jets", 24, "item"),
    ("two dozen anti-ship missiles", 24, "item"),
    ("one hundred and fifty tanks", 150, "item"),
    ("a dozen drones", 12, "item"),
    ("four frigates", 4, "item"),
    ("two submarines", 2, "item"),
    ("12 attack helicopters", 12, "item"),
    ("500 personnel", 500, "person"),
    ("2,500 U.S. Marines", 2500, "person"),
    ("1.2 million refugees", 1_200_000, "person"),
    ("3,000 of its troops", 3000, "person"),
    ("200 soldiers", 200, "person"),
    # percentages
    ("12 percent", 12, "percent"),
    ("12%", 12, "percent"),
    ("12 per cent", 12, "percent"),
    ("5.5 pct", 5.5, "percent"),
    ("0.5 percentage point", 0.5, "percentage_point"),
]


@pytest.mark.parametrize(("surface", "value", "unit"), SINGLE, ids=[c[0] for c in SINGLE])
def test_single_quantity_is_normalised(surface, value, unit):
    sentence = f"Officials mentioned {surface} on Tuesday."
    found = find_quantities(sentence)
    assert [(q.text, q.value, q.unit) for q in found] == [(surface, pytest.approx(value), unit)]
    assert found[0].unit in UNITS


@pytest.mark.parametrize(("sentence", "expected"), [
    ("a deal valid for a year", [("a year", 1, "year")]),
    ("the talks lasted more than a decade", [("a decade", 10, "year")]),
    ("within a month of the vote", [("a month", 1, "month")]),
    ("a year-long truce", [("a year", 1, "year")]),
    ("a five-year term", [("five-year", 5, "year")]),
    ("between $2 billion and $3 billion", [("$2 billion", 2e9, "USD"), ("$3 billion", 3e9, "USD")]),
    ("$2-3 billion", [("$2", 2e9, "USD"), ("3 billion", 3e9, "USD")]),
    ("€5bn-€6bn", [("€5bn", 5e9, "EUR"), ("€6bn", 6e9, "EUR")]),
    ("between 2 and 3 billion dollars", [("2", 2e9, "USD"), ("3 billion dollars", 3e9, "USD")]),
    ("between 10 and 15 km", [("10", 10, "km"), ("15 km", 15, "km")]),
    ("three to five years", [("three", 3, "year"), ("five years", 5, "year")]),
    ("5-10%", [("5", 5, "percent"), ("10%", 10, "percent")]),
    ("$5 million and 300 troops", [("$5 million", 5e6, "USD"), ("300 troops", 300, "person")]),
])
def test_durations_with_a_and_ranges(sentence, expected):
    found = find_quantities(sentence)
    assert [(q.text, q.value, q.unit) for q in found] == [
        (t, pytest.approx(v), u) for t, v, u in expected]


@pytest.mark.parametrize("sentence", [
    "The treaty was signed in 1949 and renewed in 2023.",
    "In 2014 Russian troops entered Crimea.",
    "G7 and G20 leaders met; the F-35 jets and S-400 missiles were discussed.",
    "MiG-29 fighters and COVID-19 cases",
    "The Boeing 737 crashed near Resolution 2231 talks under Article 5.",
    "On 5 May 2023, and again on March 5, 2023, in the 1990s and the 5th Fleet.",
    "Call +1 202 555 0143 or 555-0143, open 24/7.",
    "The plan for 2019-2020 cost 1,500 and two million.",
    "He visited a year ago, twice a year; five years ago a 20-year-old man, 20 years old.",
    "300m and 500 pounds of explosives; the party won 5 seats.",
    "cars drove at 100 km/h and 50 miles per hour",
])
def test_non_quantities_give_nothing(sentence):
    assert find_quantities(sentence) == []


def test_offsets_and_doc_id_on_a_sentence_with_several_quantities():
    sentence = ("Greece will buy 24 Rafale fighter jets and 3 frigates for €5.5 billion under "
                "a 20-year deal, and 1,500 troops will deploy 60 km from the border.")
    found = find_quantities(sentence, doc_id="d1", offset=100)
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("24 Rafale fighter jets", 24, "item"), ("3 frigates", 3, "item"),
        ("€5.5 billion", 5_500_000_000, "EUR"), ("20-year", 20, "year"),
        ("1,500 troops", 1500, "person"), ("60 km", 60, "km")]
    for q in found:
        assert sentence[q.start - 100:q.end - 100] == q.text
        assert q.doc_id == "d1"
    assert [q.start for q in found] == sorted(q.start for q in found)


@pytest.mark.parametrize(("sentence", "text"), [
    ("$5 billion dollars", "$5 billion dollars"),            # prefix and worded money
    ("200 nautical miles", "200 nautical miles"),            # not "200 ... miles"
    ("10 million pounds sterling", "10 million pounds sterling"),
    ("US$2 bn", "US$2 bn"),                                  # not "$2 bn"
])
def test_overlapping_candidates_resolve_to_the_longest(sentence, text):
    assert [q.text for q in find_quantities(sentence)] == [text]


def test_longest_first_drops_shorter_overlapping_hits():
    hit = find_module._Hit
    hits = [hit(0, 5, 1.0, "USD"), hit(3, 12, 2.0, "USD"), hit(12, 15, 3.0, "km"),
            hit(20, 22, 4.0, "day")]
    assert find_module._longest_first(hits) == [hits[1], hits[2], hits[3]]


@pytest.mark.parametrize(("words", "value"), [
    ("7.5 billion", 7.5e9), ("1.2 bn", 1.2e9), ("12bn", 12e9), ("300m", 3e8),
    ("two million", 2e6), ("1,500", 1500), ("1.500", 1.5), ("twenty", 20),
    ("twenty-five", 25), ("one hundred and fifty", 150), ("a hundred", 100),
    ("two dozen", 24), ("five thousand two hundred", 5200), ("2 lakh crore", 2e12),
    ("1,000,000", 1e6), ("zero", 0),
    ("a", None), ("two three", None), ("$5", None), ("1,50", None), ("years", None),
    ("5 five", None), ("", None),
])
def test_parse_number(words, value):
    assert parse_number(words) == (None if value is None else pytest.approx(value))


def test_offset_defaults_to_text_positions():
    (q,) = find_quantities("up 12%")
    assert (q.start, q.end, q.doc_id) == (3, 6, None)


@pytest.mark.parametrize("module", [find_module, numbers_module])
def test_docstring_examples(module):
    assert doctest.testmod(module).failed == 0
