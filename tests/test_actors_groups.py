"""Non-state actors: armed groups, militias, parties, firms, NGOs, civilians, refugees and
protesters get the country they act in or belong to and a PLOVER sector. Sentences are
hand-built parses (see ``tests.test_actors.make_doc``)."""

from __future__ import annotations

import pytest

from dyad.actors.dictionary import load_dictionary
from dyad.actors.resolve import resolve_actors
from tests.test_actors import make_doc


@pytest.fixture(scope="module")
def d():
    return load_dictionary()


def resolved(d, marked: str, date: str | None = "2024-03-01") -> list[tuple]:
    return [(m.text, m.actor.actor_id, m.actor.country, m.actor.sector)
            for m in resolve_actors(make_doc(marked), d, doc_date=date)]


@pytest.mark.parametrize("marked, expected", [
    # named groups: the country they act in, PLOVER's sector
    ("[Houthi](NORP) rebels fired missiles.", ("YEM", "REB")),
    ("[Sudan](GPE)'s [Rapid Support Forces](ORG) seized the town.", ("SDN", "REB")),
    ("The [Kurdish](NORP) [PKK](ORG) declared a ceasefire.", ("TUR", "REB")),
    ("[Kataib Hezbollah](ORG) attacked a base.", ("IRQ", "PRM")),
    ("[Asaib Ahl al-Haq](ORG) attacked a base.", ("IRQ", "PRM")),
    ("The [Baloch Liberation Army](ORG) attacked a base.", ("PAK", "REB")),
    ("The [Oromo Liberation Army](ORG) attacked a town.", ("ETH", "REB")),
    ("The [Sinaloa Cartel](ORG) smuggled drugs.", ("MEX", "CRM")),
    ("The [Awami League](ORG) was banned.", ("BGD", "PTY")),
    ("[ExxonMobil](ORG) signed a deal.", ("USA", "BUS")),
    ("[Rheinmetall](ORG) sold tanks.", ("DEU", "BUS")),
    # regional demonyms are coded under the state
    ("[Baloch](NORP) separatists attacked a base.", ("PAK", "REB")),
    ("[Tuareg](NORP) rebels attacked a base.", ("MLI", "REB")),
])
def test_named_groups(d, marked, expected):
    (got,) = resolved(d, marked)
    assert got[2:] == expected


def test_a_dated_group_follows_the_document_date(d):
    (before,) = resolved(d, "The [Haqqani network](ORG) attacked.", "2015-01-01")
    (after,) = resolved(d, "The [Haqqani network](ORG) attacked.", "2023-01-01")
    assert (before[3], after[3]) == ("REB", "GOV")


@pytest.mark.parametrize("marked", [
    "The [Norwegian Refugee Council](ORG) warned.",
    "[Amnesty International](ORG) said.",
    "[Doctors Without Borders](ORG) said its clinic was looted.",
    "The [Red Cross](ORG) visited the detainees.",
])
def test_international_ngos_have_no_country_and_sector_ngo(d, marked):
    assert resolved(d, marked)[0][2:] == (None, "NGO")


@pytest.mark.parametrize("marked, expected", [
    # demonym + group noun compose to country + sector
    ("[Ukrainian](NORP) soldiers advanced.", ("UKR.MIL", "UKR", "MIL")),
    ("[Afghan](NORP) refugees crossed.", ("AFG.REF", "AFG", "REF")),
    ("[Iranian](NORP) protesters marched.", ("IRN.CVL", "IRN", "CVL")),
    ("[Chinese](NORP) firms invested.", ("CHN.BUS", "CHN", "BUS")),
    ("[Syrian](NORP) opposition walked out.", ("SYR.OPP", "SYR", "OPP")),
    ("[Ukrainian](NORP) refugees arrived.", ("UKR.REF", "UKR", "REF")),
])
def test_demonym_and_group_noun(d, marked, expected):
    (got,) = resolved(d, marked)
    assert got[1:] == expected


@pytest.mark.parametrize("marked, expected", [
    # a domestic group takes the country it is in, when nothing else names one
    ("Rebels in [Mali](GPE) attacked.", [("Rebels", "MLI.REB", "MLI", "REB"),
                                         ("Mali", "MLI", "MLI", None)]),
    ("Protesters in [Tehran](GPE) marched.", [("Protesters", "IRN.CVL", "IRN", "CVL"),
                                              ("Tehran", "IRN", "IRN", None)]),
    ("Anti-government protesters in [Serbia](GPE) marched.",
     [("Anti-government protesters", "SRB.OPP", "SRB", "OPP"), ("Serbia", "SRB", "SRB", None)]),
    # not people who are often foreigners where they are, nor a state's forces
    ("Tourists in [Egypt](GPE) fled.", [("Egypt", "EGY", "EGY", None)]),
    ("Refugees in [Lebanon](GPE) waited.", [("Lebanon", "LBN", "LBN", None)]),
    ("Troops in [Iraq](GPE) withdrew.", [("Iraq", "IRQ", "IRQ", None)]),
    # a demonym still wins: Syrian refugees in Turkey are Syrian
    ("[Syrian](NORP) rebels in [Turkey](GPE) met.", [("Syrian rebels", "SYR.REB", "SYR", "REB"),
                                                    ("Turkey", "TUR", "TUR", None)]),
])
def test_a_group_in_a_country(d, marked, expected):
    assert resolved(d, marked) == expected


@pytest.mark.parametrize("marked, sector", [
    ("The [Karen National Liberation Army](ORG) attacked.", "REB"),
    ("The [Southern Resistance Front](ORG) attacked.", "REB"),
    ("The [Zarland Army](ORG) attacked.", "MIL"),  # a state's army by its name
])
def test_an_unknown_armed_group_is_read_from_its_name(d, marked, sector):
    (got,) = resolved(d, marked)
    assert got[3] == sector
