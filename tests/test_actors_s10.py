"""Sides named by description or by another name, tenth round: a description opening an
"as" clause ("as the Gulf state prepares to ..."), a description that is neither of two
states named alike as conjuncts ("American and French forces ..., and the country") nor the
state qualifying the noun it is in ("American military presence in the country"), "the
Emirates" for the United Arab Emirates, "the Federal Republic" for Germany, Kenya's cabinet
secretaries, and office holders of past decades (Cold War leaders, ministers and envoys)
whose "his country" and whose own actions belong to their state.

The cases run the real pipeline (parse, dictionary); every sentence was written for these
tests.
"""

from __future__ import annotations

import pytest

from dyad.actors import resolve_actors


def resolved(extractor, text: str, date: str = "2024-05-01") -> list[tuple[str, str]]:
    """(mention text, actor id) of every resolved mention."""
    parsed = extractor.nlp.parse("t", text)
    return [(m.text, m.actor.actor_id)
            for m in resolve_actors(parsed, extractor.dictionary, doc_date=date)]


def by_country(extractor, text: str, date: str) -> list[tuple[str, str | None]]:
    """(mention text, country) of every resolved mention."""
    parsed = extractor.nlp.parse("t", text)
    return [(m.text, m.actor.country)
            for m in resolve_actors(parsed, extractor.dictionary, doc_date=date)]


@pytest.mark.parametrize("text, expected", [
    # "as" opening a clause is a subordinating conjunction: the description is its subject
    ("Ghana signed a loan with the IMF on Monday, as the West African country tries to "
     "restructure its debt.", ("West African country", "GHA")),
    ("Qatar agreed to buy 24 jets from France, as the Gulf state expands its air force.",
     ("Gulf state", "QAT")),
])
def test_description_in_an_as_clause(extractor, text, expected):
    assert expected in resolved(extractor, text)


@pytest.mark.parametrize("text", [
    # "as" before the description is a predicate ("served as"): no description
    "Norway hosted the talks. Its envoy served as the first country representative.",
    "Chile was elected as the first country in the region to chair the body.",
])
def test_as_before_a_predicate_is_no_description(extractor, text):
    assert not [a for t, a in resolved(extractor, text) if t.endswith("country")]


@pytest.mark.parametrize("text, expected", [
    ("Britain and France both keep warships in the Emirates, a big buyer of their jets.",
     ("Emirates", "ARE")),
    ("The Emirates denied sending drones to the militia.", ("Emirates", "ARE")),
])
def test_the_emirates_is_the_uae(extractor, text, expected):
    assert expected in resolved(extractor, text)


@pytest.mark.parametrize("text, date, expected", [
    ("Prime Minister David Lange said his country would keep its nuclear ban.", "1987-03-01",
     ("Prime Minister David Lange", "NZL")),
    ("Prime Minister David Lange said his country would keep its nuclear ban.", "1987-03-01",
     ("his country", "NZL")),
    ("Foreign Secretary Ernest Bevin met the French ambassador in London.", "1948-02-01",
     ("Foreign Secretary Ernest Bevin", "GBR")),
    ("President Sukarno told the crowd that foreign bases must go.", "1962-05-01",
     ("President Sukarno", "IDN")),
    ("Prime Minister Shigeru Yoshida signed the treaty in San Francisco.", "1951-09-08",
     ("Prime Minister Shigeru Yoshida", "JPN")),
    ("Janos Kadar asked Moscow to keep its troops in the country.", "1960-01-10",
     ("Janos Kadar", "HUN")),
    # one name, two presidents: the date decides
    ("President Ferdinand Marcos welcomed the American envoy.", "1979-01-07",
     ("President Ferdinand Marcos", "PHL")),
    ("President Ferdinand Marcos welcomed the American envoy.", "2024-01-07",
     ("President Ferdinand Marcos", "PHL")),
    # a leader known by his given name
    ("Mahathir said the court would not try Malaysians.", "1990-06-01", ("Mahathir", "MYS")),
])
def test_office_holders_of_past_decades(extractor, text, date, expected):
    assert expected in by_country(extractor, text, date)


@pytest.mark.parametrize("text, expected, not_expected", [
    # two states named alike as conjuncts: "the country" is neither, but the host named after
    ("British and Italian troops are stationed in Kosovo, and the country still depends "
     "on their patrols.", ("country", "XKX"), ("country", "ITA")),
    ("German and Dutch forces train in Lithuania under the plan, and the country will pay "
     "for their barracks.", ("country", "LTU"), ("country", "NLD")),
])
def test_description_skips_tied_conjuncts(extractor, text, expected, not_expected):
    found = resolved(extractor, text)
    assert expected in found and not_expected not in found


def test_description_still_takes_a_lone_subject(extractor):
    assert ("country", "NLD") in resolved(
        extractor, "Dutch forces train in the desert, and the country will pay for their barracks.")


@pytest.mark.parametrize("text, date, expected", [
    # "the Federal Republic" is (West) Germany, as "the Islamic Republic" is Iran; a longer
    # name keeps its own state
    ("Bonn's allies ended the occupation of the Federal Republic on Thursday.", "1955-05-07",
     ("Federal Republic", "DEU")),
    ("Lagos said the Federal Republic of Nigeria would repay the loan.", "1985-01-01",
     ("Federal Republic of Nigeria", "NGA")),
    # Kenya's ministers are cabinet secretaries
    ("Kenya's Defence Cabinet Secretary Aden Duale met the American envoy.", "2023-09-25",
     ("Kenya's Defence Cabinet Secretary Aden Duale", "KEN")),
])
def test_other_names_and_titles(extractor, text, date, expected):
    assert expected in by_country(extractor, text, date)


@pytest.mark.parametrize("text, expected, not_expected", [
    # the state that owns the presence is not the place it is in
    ("The United States handed the air base over to Morocco on Friday, ending years of "
     "American military presence in the country.", ("country", "MAR"), ("country", "USA")),
    ("Russia agreed to leave Moldova, ending decades of Russian military presence in the "
     "country.", ("country", "MDA"), ("country", "RUS")),
])
def test_description_inside_a_qualified_noun(extractor, text, expected, not_expected):
    found = resolved(extractor, text)
    assert expected in found and not_expected not in found
