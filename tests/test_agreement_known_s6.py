"""The gazetteer of well-known agreements (``dyad/agreements/data/known.yaml``), session six:
a short name or an acronym gives the canonical name and kind, an alias never fires inside a
longer word, a large multilateral treaty takes no parties from the gazetteer (the text names
the ones it means), and the Trans-Pacific Partnership (2016, with the United States) is not
the CPTPP (2018, without it). Sentences are written for these tests."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml
from importlib import resources

from dyad.agreements.lexicon import KINDS, canonical_name, load_lexicon
from tests.agreement_helpers import extract

CPTPP = "Comprehensive and Progressive Agreement for Trans-Pacific Partnership"


def _raw() -> list[dict]:
    path = resources.files("dyad.agreements").joinpath("data", "known.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_every_alias_names_one_agreement():
    # a shared alias would silently point to whichever entry the loader read last
    counts = Counter(a for entry in _raw() for a in entry["aliases"])
    assert [a for a, n in counts.items() if n > 1] == []
    assert len({e["name"] for e in _raw()}) == len(_raw())


def test_entries_are_well_formed():
    known = load_lexicon().known
    assert len(known) >= 300
    for k in known:
        assert k.kind in KINDS, k.name
        assert k.aliases, k.name
        assert len(k.parties) <= 5, k.name  # parties only for bilateral or small agreements
        assert all(re.fullmatch(r"[A-Z]{3}|IGO\.[A-Z]+", p) for p in k.parties), k.name
        assert all(a == a.strip() and a for a in k.aliases), k.name


def _place_names() -> set[str]:
    """Every country name, alias, demonym, capital and metonym of the actor dictionary."""
    path = resources.files("dyad.actors").joinpath("data", "countries.tsv")
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith(("#", "iso3\t"))]
    return {n for row in rows for cell in row[1:7] for n in cell.split("|") if n}


def test_no_alias_is_a_bare_place_name():
    # "Australia" split off "Australia, New Zealand and United States Security Treaty" by a
    # yaml comma would turn every mention of the country into the treaty
    places = _place_names()
    assert "Australia" in places and "Kabul" in places
    assert [a for k in load_lexicon().known for a in k.aliases if a in places] == []


@pytest.mark.slow
@pytest.mark.parametrize("text, name, kind", [
    ("Officials in Canberra insist ANZUS still obliges Washington to come to Australia's aid.",
     "ANZUS Treaty", "defence"),
    ("Farm groups in Seoul want KORUS reopened before the election.", "KORUS FTA", "trade"),
    ("Hanoi and Brussels reviewed how the EVFTA has changed garment exports.",
     "EU-Vietnam Free Trade Agreement", "trade"),
    ("The Kremlin said SALT II had never been ratified by the US Senate.", "SALT II", "arms_control"),
    ("Ghana's trade minister urged faster tariff cuts under the AfCFTA.",
     "African Continental Free Trade Area", "trade"),
    ("Islamabad accused New Delhi of ignoring the Karachi Agreement along the ceasefire line.",
     "Karachi Agreement", "ceasefire"),
    ("Guyana and Venezuela pledged in the Argyle Declaration not to use force.",
     "Argyle Declaration", "memorandum"),
    ("Jakarta said the Lombok Treaty bars either side from backing separatists.", "Lombok Treaty", "defence"),
    # handing over a colony or leased territory is a treaty, not a boundary settlement
    ("Lisbon recalled that the Sino-Portuguese Joint Declaration promised Macau fifty years of autonomy.",
     "Sino-Portuguese Joint Declaration", "treaty"),
    ("Tokyo marked fifty years of the Okinawa Reversion Agreement with a ceremony in Naha.",
     "Okinawa Reversion Agreement", "treaty"),
    # a communique that prepared, but did not establish, diplomatic relations
    ("Historians still argue over what the Shanghai Communique conceded on Taiwan.",
     "Shanghai Communiqué", "memorandum"),
    ("Mauritius and Britain finally signed the Chagos deal in London.", "Chagos agreement", "boundary"),
    # entries restored once the coder let a known name link back to a description
    ("Moscow said START I had cut both arsenals by a third.", "Strategic Arms Reduction Treaty", "arms_control"),
    ("Pyongyang said the September 19 military agreement was dead.", "Comprehensive Military Agreement",
     "arms_control"),
    ("Beijing said the Sino-British Joint Declaration was a historical document.",
     "Sino-British Joint Declaration", "treaty"),
    ("Cairo rejected the Turkish-Libyan maritime deal as void.", "Turkey-Libya maritime memorandum", "boundary"),
    ("Nicaragua cited the UNCLOS provisions on the continental shelf.",
     "United Nations Convention on the Law of the Sea", "treaty"),
])
def test_short_name_gives_canonical_name_and_kind(text, name, kind):
    assert (name, kind) in {(a.name, a.kind) for a in extract(text)}


@pytest.mark.slow
@pytest.mark.parametrize("text, not_name", [
    # "SALT I" and "START I" must not fire inside "SALT Institute", "START Initiative"
    ("The SALT Institute in Virginia published a survey on road de-icing.", "SALT I"),
    ("The START Initiative trains young founders in Lagos.", "Strategic Arms Reduction Treaty"),
    ("Trade ministers of the TPP11 met in Tokyo to admit new members.", "Trans-Pacific Partnership"),
    ("Exporters recalled the pre-NAFTA tariff schedules of the 1980s.", "North American Free Trade Agreement"),
])
def test_alias_does_not_fire_inside_a_longer_word(text, not_name):
    assert not_name not in {a.name for a in extract(text)}


@pytest.mark.slow
@pytest.mark.parametrize("text, name, allowed", [
    ("Colombia and Ecuador both invoked the Refugee Convention at the meeting.",
     "Refugee Convention", {"COL", "ECU"}),
    ("Kenya's delegate said the Geneva Conventions bind every armed group.", "Geneva Conventions", {"KEN"}),
    ("Senegal's trade minister praised the AfCFTA on Monday.", "African Continental Free Trade Area", {"SEN"}),
])
def test_multilateral_treaty_gets_no_parties_from_the_gazetteer(text, name, allowed):
    (ag,) = [a for a in extract(text) if a.name == name]
    # only states the text names, never the treaty's membership list
    assert {p.country or p.actor_id for p in ag.parties} <= allowed


@pytest.mark.slow
@pytest.mark.parametrize("text, name", [
    ("Washington pulled out of the TPP in January 2017.", "Trans-Pacific Partnership"),
    ("Chile said the Trans-Pacific Partnership would have opened Japan to its fruit.",
     "Trans-Pacific Partnership"),
    ("Chile ratified the CPTPP in December 2022.", CPTPP),
    ("Uruguay hopes to join the Comprehensive and Progressive Agreement for the Trans-Pacific Partnership.",
     CPTPP),
])
def test_tpp_and_cptpp_are_two_agreements(text, name):
    assert name in {a.name for a in extract(text)}
    other = CPTPP if name == "Trans-Pacific Partnership" else "Trans-Pacific Partnership"
    assert other not in {a.name for a in extract(text)}


@pytest.mark.slow
@pytest.mark.parametrize("text, parties", [
    ("Jakarta said the Lombok Treaty bars either side from backing separatists.", {"AUS", "IDN"}),
    ("Critics in Lima say the Brasilia Presidential Act left the border question closed.", {"PER", "ECU"}),
])
def test_bilateral_agreement_takes_its_parties(text, parties):
    assert any({p.country or p.actor_id for p in a.parties} >= parties for a in extract(text))



@pytest.mark.parametrize("phrase", [
    # names that several agreements share: left to the title reader, which takes the
    # parties and kind from the text
    "Safe Third Country Agreement",    # Canada-US, and the 2019 US deals with Central America
    "Phase One agreement",             # the US-China trade deal, and first phases of ceasefires
    "Doha Agreement",                  # US-Taliban 2020, and Lebanon 2008
    "Geneva Accords",                  # Indochina 1954, and Afghanistan 1988
    "Arusha Accords",                  # Rwanda 1993, and Burundi 2000
    "Paris Peace Accords",             # Vietnam 1973, and Cambodia 1991
    "Riyadh Agreement",                # Yemen 2019, and the Gulf 2013-14
    "Libreville Agreement",            # Central African Republic 2008, and 2013
])
def test_shared_name_is_no_alias(phrase):
    assert canonical_name(phrase) is None


@pytest.mark.slow
def test_shared_name_takes_no_parties_from_the_gazetteer():
    text = "Guatemala signed a Safe Third Country Agreement with the United States in July."
    assert all("CAN" not in {p.country or p.actor_id for p in a.parties} for a in extract(text))
