"""Sides named by office, old name or period word, tenth round (b): leaders and foreign
ministers of the 1920s-1940s and filled gaps in some countries' series of presidents, old
names of states and their bodies ("the German Reich", "Transjordan", "the Ottoman government",
"the Supreme Soviet", the World Bank's formal name), a country before a
modified title ("US Assistant Secretary of State ..."), a period adjective that is no actor
("Soviet-era jets"), and a given name that is no surname ("George Yeo" is "Yeo", so "the
carrier George Washington" is nobody).

The cases run the real pipeline (parse, dictionary); every sentence was written for these
tests.
"""

from __future__ import annotations

import pytest

from dyad.actors import resolve_actors


def found(extractor, text: str, date: str) -> list[tuple[str, str | None]]:
    parsed = extractor.nlp.parse("t", text)
    return [(m.text, m.actor.country)
            for m in resolve_actors(parsed, extractor.dictionary, doc_date=date)]


def ids(extractor, text: str, date: str) -> list[tuple[str, str]]:
    parsed = extractor.nlp.parse("t", text)
    return [(m.text, m.actor.actor_id)
            for m in resolve_actors(parsed, extractor.dictionary, doc_date=date)]


@pytest.mark.parametrize("text, date, expected", [
    ("Chancellor Adolf Hitler told deputies that the pact no longer held.", "1936-03-08",
     ("Chancellor Adolf Hitler", "DEU")),
    ("Prime Minister Neville Chamberlain flew home with a signed note.", "1938-10-01",
     ("Prime Minister Neville Chamberlain", "GBR")),
    ("Secretary of State Cordell Hull received the envoy on Monday.", "1935-01-02",
     ("Secretary of State Cordell Hull", "USA")),
    ("Foreign Minister Maxim Litvinov argued for collective security at Geneva.", "1935-05-01",
     ("Foreign Minister Maxim Litvinov", "RUS")),
    # gaps in a country's series of presidents
    ("President Fernando Lugo said the bloc's decision was unfair.", "2010-05-01",
     ("President Fernando Lugo", "PRY")),
    ("President Jorge Serrano met the envoy from Belize.", "1992-02-01",
     ("President Jorge Serrano", "GTM")),
    ("Their foreign ministers, Walid al-Muallem and his guest, spoke to reporters.",
     "2012-01-01", ("foreign ministers, Walid al-Muallem", "SYR")),
])
def test_office_holders_filled_in(extractor, text, date, expected):
    assert expected in found(extractor, text, date)


@pytest.mark.parametrize("text, date, expected", [
    ("The treaty no longer binds the German Reich, the government in Berlin said.",
     "1936-03-08", ("German Reich", "DEU")),
    ("Deputies in the Reichstag cheered the speech.", "1939-04-28", ("Reichstag", "DEU")),
    ("Israel signed armistice talks with Transjordan on the island.", "1949-04-03",
     ("Transjordan", "JOR")),
    ("The Ottoman government never ratified the peace treaty.", "1923-07-24",
     ("Ottoman government", "TUR")),
    ("The Supreme Soviet is expected to approve the pact.", "1939-08-24",
     ("Supreme Soviet", "RUS")),
])
def test_old_names_of_states_and_their_bodies(extractor, text, date, expected):
    assert expected in found(extractor, text, date)


def test_a_surname_reich_is_no_state(extractor):
    # the bare word stays a surname: only "German Reich" and "Third Reich" name the state
    text = "Otto Reich, the American envoy for the region, met Venezuelan officials."
    assert not [t for t, c in found(extractor, text, "2002-05-01") if c == "DEU"]


def test_formal_name_of_the_world_bank(extractor):
    text = "Ghana borrowed from the International Bank for Reconstruction and Development."
    assert ("International Bank for Reconstruction and Development", "IGO.WORLDBANK") in ids(
        extractor, text, "1960-01-01")


def test_country_before_an_assistant_title(extractor):
    text = ("The deal was brokered by US Assistant Secretary of State Anna Pohl, while Manila "
            "and Beijing kept silent.")
    assert ("US Assistant Secretary of State Anna Pohl", "USA") in found(extractor, text, "2012-06-18")


@pytest.mark.parametrize("text", [
    "Kazakhstan still flies Soviet-era jets along the border.",
    "Sudan let Qatar restore an Ottoman-era port on the coast.",
])
def test_period_adjective_is_no_actor(extractor, text):
    assert not [t for t, c in found(extractor, text, "2018-01-06") if c in ("RUS", "TUR")]


def test_a_given_name_is_no_surname(extractor):
    # George Yeo (Singapore, surname-first country) is known as "Yeo", not as "George"
    text = ("The United States will send the carrier George Washington to exercises with "
            "its ally.")
    assert not [t for t, c in found(extractor, text, "2010-11-24") if c == "SGP"]
    assert ("Yeo", "SGP") in found(extractor, "Yeo said the talks went well.", "2010-11-24")
