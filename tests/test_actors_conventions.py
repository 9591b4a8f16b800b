"""The project's actor conventions on sentences of the kinds news reports use: diplomats act
for the sending state, names right after a title are people, coordinated countries share
a title, domestic bodies take the country they sit in, refugees the country they fled, and
titles and bodies give the sectors docs/actors.md lists. Hand-built parses (see
``tests.test_actors.make_doc``)."""

from __future__ import annotations

import pytest

from dyad.actors.dictionary import load_dictionary
from dyad.actors.resolve import resolve_actors
from tests.test_actors import make_doc


@pytest.fixture(scope="module")
def d():
    return load_dictionary()


def resolved(d, marked: str, date: str | None = "2024-03-01") -> dict[str, tuple]:
    return {m.text: (m.actor.kind, m.actor.country, m.actor.sector)
            for m in resolve_actors(make_doc(marked), d, doc_date=date)}


@pytest.mark.parametrize("marked, text, expected", [
    # the place a diplomat is posted to is a place, not the government there
    ("The [Chinese](NORP) ambassador to [Washington](GPE) said [Beijing](GPE) wanted calm.",
     "Washington", ("state", "USA", None)),
    ("The [Chinese](NORP) ambassador to [Washington](GPE) said [Beijing](GPE) wanted calm.",
     "Chinese ambassador", ("state", "CHN", "GOV")),
    ("[Britain](GPE)'s envoy to [Kyiv](GPE) met officials.", "Kyiv", ("state", "UKR", None)),
    # the name after the posting is the diplomat, of the sending state
    ("[US](GPE) Ambassador to [Japan](GPE) Rahm Emanuel visited [Osaka](GPE).",
     "US Ambassador to Japan Rahm Emanuel", ("person", "USA", "GOV")),
    ("[Israel](GPE)'s ambassador to the [UN](ORG), Gilad Erdan, tore up the report.",
     "Israel's ambassador to the UN, Gilad Erdan", ("person", "ISR", "GOV")),
])
def test_a_diplomat_acts_for_the_sending_state(d, marked, text, expected):
    assert resolved(d, marked)[text] == expected


@pytest.mark.parametrize("marked, text, expected", [
    ("[Indian](NORP) lawmaker [Shashi Tharoor](ORG) said the bill was flawed.",
     "Indian lawmaker Shashi Tharoor", ("person", "IND", "LEG")),
    ("[Kenyan](NORP) Senator Okiya Omtatah filed a petition.",
     "Kenyan Senator Okiya Omtatah", ("person", "KEN", "LEG")),
])
def test_a_name_the_model_missed_after_a_title_is_a_person(d, marked, text, expected):
    assert resolved(d, marked)[text] == expected


@pytest.mark.parametrize("marked", [
    "[Kenyan](NORP) lawmakers [Orange Democratic Movement](ORG) walked out.",
    "[Kenyan](NORP) Senator said nothing. He left.",
])
def test_organisation_names_and_single_words_after_a_title_are_not_people(d, marked):
    assert all(kind != "person" for kind, _, _ in resolved(d, marked).values())


@pytest.mark.parametrize("marked, expected", [
    ("The foreign ministers of [India](GPE) and [Pakistan](GPE) met in [Goa](GPE).",
     {"foreign ministers of India": ("state", "IND", "GOV"),
      "Pakistan": ("state", "PAK", "GOV")}),
    ("The defence ministers of [Japan](GPE), [Australia](GPE) and the [Philippines](GPE) met.",
     {"defence ministers of Japan": ("state", "JPN", "GOV"), "Australia": ("state", "AUS", "GOV"),
      "Philippines": ("state", "PHL", "GOV")}),
])
def test_countries_coordinated_after_of_share_the_title(d, marked, expected):
    got = resolved(d, marked)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize("marked, text, expected", [
    # courts, police and legislatures sit at home: the country they are in is theirs
    ("A court in [Moscow](GPE) jailed the journalist.", "court", ("state", "RUS", "JUD")),
    ("Police in [Nairobi](GPE) fired tear gas.", "Police", ("state", "KEN", "COP")),
    # refugees and migrants are coded with the country they fled
    ("Refugees from [Sudan](GPE) arrived in [Chad](GPE).", "Refugees", ("group", "SDN", "REF")),
    ("Thousands of migrants from [Tunisia](GPE) reached [Lampedusa](GPE).", "migrants",
     ("group", "TUN", "REF")),
])
def test_a_group_takes_the_country_it_sits_in_or_fled(d, marked, text, expected):
    assert resolved(d, marked)[text] == expected


@pytest.mark.parametrize("marked", [
    "Refugees in [Chad](GPE) waited for food.",  # often foreigners where they are
    "Troops in [Iraq](GPE) were put on alert.",  # anyone's troops
])
def test_refugees_and_troops_do_not_take_the_country_they_are_in(d, marked):
    assert all(kind == "state" and sector is None for kind, _, sector in resolved(d, marked).values())


@pytest.mark.parametrize("marked, text, expected", [
    ("[Polish](NORP) border guards stopped the migrants.", "Polish border guards", ("POL", "MIL")),
    ("The [Iranian](NORP) intelligence minister said spies were held.",
     "Iranian intelligence minister", ("IRN", "SPY")),
    ("[Iran](GPE)'s judiciary chief warned the protesters.", "Iran's judiciary chief", ("IRN", "JUD")),
    ("[Brazil](GPE)'s top electoral court barred him.", "Brazil's top electoral court", ("BRA", "JUD")),
    ("The [Japanese](NORP) chief cabinet secretary said [Tokyo](GPE) would protest.",
     "Japanese chief cabinet secretary", ("JPN", "GOV")),
    ("The [Hamas](ORG) political chief said talks had stalled.", "Hamas political chief",
     ("PSE", "REB")),
    ("[Nigerien](NORP) coup leaders closed the airspace.", "Nigerien coup leaders", ("NER", "GOV")),
])
def test_titles_and_bodies_give_the_conventional_sector(d, marked, text, expected):
    assert resolved(d, marked)[text][1:] == expected


@pytest.mark.parametrize("marked, text, expected", [
    ("[Beijing](GPE)'s airport was closed by the storm.", "Beijing", ("CHN", None)),
    ("Jets bombed [Beirut](GPE)'s southern suburbs.", "Beirut", ("LBN", None)),
    ("Thousands marched through [Tbilisi](GPE) on Sunday.", "Tbilisi", ("GEO", None)),
    ("Flights between [Moscow](GPE) and [Kyiv](GPE) stopped.", "Kyiv", ("UKR", None)),
    # a capital that acts stays its government
    ("[Beijing](GPE)'s decision angered [Tokyo](GPE).", "Beijing", ("CHN", "GOV")),
    ("Talks between [Moscow](GPE) and [Kyiv](GPE) stalled.", "Kyiv", ("UKR", "GOV")),
])
def test_a_capital_that_is_a_place_is_not_its_government(d, marked, text, expected):
    assert resolved(d, marked)[text][1:] == expected


@pytest.mark.parametrize("marked, text, expected", [
    # leaders of partially recognised entities: the recognised state, sector PRE
    ("[Denis Pushilin](PERSON) said the town was taken.", "Denis Pushilin", ("UKR", "PRE")),
    ("[Ersin Tatar](PERSON) rejected the plan.", "Ersin Tatar", ("CYP", "PRE")),
    ("The de facto authorities in [Abkhazia](GPE) banned the vote.", "authorities", ("GEO", "PRE")),
    ("Separatists in eastern [Ukraine](GPE) shelled the town.", "Separatists", ("UKR", "REB")),
])
def test_partially_recognised_entities_and_regions(d, marked, text, expected):
    assert resolved(d, marked, "2023-05-01")[text][1:] == expected


@pytest.mark.parametrize("marked, text, expected", [
    # prosecutors are JUD, attorneys general too (the chief prosecutor in most states)
    ("The [Israeli](NORP) attorney general warned the cabinet.", "Israeli attorney general",
     ("ISR", "JUD")),
    ("[Guatemala](GPE)'s attorney general sought to suspend the party.",
     "Guatemala's attorney general", ("GTM", "JUD")),
    ("[Ukrainian](NORP) human rights ombudsman [Dmytro Lubinets](PERSON) spoke.",
     "Ukrainian human rights ombudsman Dmytro Lubinets", ("UKR", "GOV")),
])
def test_legal_officers(d, marked, text, expected):
    assert resolved(d, marked)[text][1:] == expected


@pytest.mark.parametrize("marked, date, expected", [
    # a junta leader who heads the state is GOV even under his military title ...
    ("[Sudanese](NORP) army chief [Abdel Fattah al-Burhan](PERSON) met envoys. [Burhan](PERSON) "
     "said the war would end.", "2023-05-01", {("SDN", "GOV")}),
    # ... but a commander who does not is MIL
    ("[Ukrainian](NORP) army chief [Valerii Zaluzhnyi](PERSON) visited the front. "
     "[Zaluzhnyi](PERSON) said the attack failed.", "2023-05-01", {("UKR", "MIL")}),
])
def test_a_military_title_yields_to_headship_of_state(d, marked, date, expected):
    people = {v[1:] for v in resolved(d, marked, date).values() if v[0] == "person"}
    assert people == expected
