"""The place record, name normalisation, and the readers of dyad's own place tables.

Two tables ship in ``dyad/geo/data``: ``countries_geo.tsv`` (one row per country or
territory) and ``regions.tsv`` (regions, contested areas, seas, straits, sites). A bad row
is refused at load time with the file, the line and the fix (``ConfigError``), so a typo
in a data file never turns into a silently wrong coordinate.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from dyad.errors import ConfigError

FEATURES = frozenset({"country", "region", "city", "site", "sea", "strait"})
STATUSES = frozenset({"", "contested", "disputed"})
# Precision says how exactly the point locates the event: a site is as exact as a city.
PRECISION = {"country": "country", "region": "region", "sea": "region", "strait": "region",
             "city": "city", "site": "city"}
# Codes outside ISO 3166-1 that dyad accepts, with why (docs/places.md).
DYAD_CODES = {"XKX": "Kosovo (user-assigned code used by the EU, the IMF and GeoNames)"}

COUNTRY_COLUMNS = ("iso3", "iso2", "name", "lat", "lon", "aliases")
REGION_COLUMNS = ("id", "name", "aliases", "country", "lat", "lon", "feature", "status",
                  "claimants")

_ISO3 = re.compile(r"^[A-Z]{3}$")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_REGION_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: a country, region, sea, strait, site or city with a point."""

    place_id: str  # "country:FRA", "geonames:2988507", "region:crimea", "site:hmeimim"
    name: str
    country: str | None  # ISO3 of the internationally recognised state; None at sea
    lat: float
    lon: float
    feature: str  # one of FEATURES
    population: int | None = None
    precision: str = "city"  # country, region or city
    status: str = ""  # "", "contested" or "disputed"
    claimants: tuple[str, ...] = ()  # other states that claim or hold it
    admin1: str = ""  # first-level division code (GeoNames), e.g. "TX" for US cities


# Characters NFKD does not decompose to ASCII letters, and apostrophe-like marks to drop.
_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae",
                       "œ": "oe", "ı": "i", "ə": "a", "’": "", "'": "", "‘": "", "ʼ": "",
                       "ʻ": "", "ʿ": "", "ʾ": "", "`": "", "´": "", ".": ""})
_SEPARATORS = re.compile(r"[\s,;:/()\[\]\"“”\-–—_]+")
_POSSESSIVE = re.compile(r"['’]s$")
_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")  # most names: the fast path


def normalize_name(name: str) -> str:
    """The lookup key of a name: case, accents, punctuation and a leading "the" removed.

    "Côte d'Ivoire" -> "cote divoire", "U.S." -> "us", "the Gaza Strip" -> "gaza strip",
    "St. Petersburg" -> "saint petersburg", "Ukraine's" -> "ukraine".
    """
    if _PLAIN.fullmatch(name):
        text = name.lower()
    else:
        text = _POSSESSIVE.sub("", name.strip()).casefold().translate(_FOLD)
        if not text.isascii():  # accents off; letters of other scripts are dropped
            text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        text = _SEPARATORS.sub(" ", text.replace("&", " and ")).strip()
    if text.startswith("the "):
        text = text[4:]
    if text.startswith("st "):
        text = "saint " + text[3:]
    return text


def split_aliases(field: str) -> list[str]:
    return [a.strip() for a in field.split("|") if a.strip()]


def iter_rows(text: str, source: str,
              columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a tab-separated table with a header; '#' lines are comments."""
    header: tuple[str, ...] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\r\n").split("\t")
        if header is None:
            header = tuple(c.strip() for c in cells)
            if header != columns:
                raise ConfigError(f"{source}:{lineno}: header is {'/'.join(header)!r}; "
                                  f"expected the columns {'/'.join(columns)!r} separated by tabs")
            continue
        if len(cells) != len(columns):
            raise ConfigError(f"{source}:{lineno}: {len(cells)} tab-separated cells, expected "
                              f"{len(columns)} ({', '.join(columns)}); use an empty cell, not a "
                              "missing one")
        yield lineno, {k: v.strip() for k, v in zip(columns, cells)}


def _coordinate(value: str, limit: float, what: str, where: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ConfigError(f"{where}: {what} {value!r} is not a number; write decimal degrees "
                          "such as 48.38") from None
    if not -limit <= number <= limit:
        raise ConfigError(f"{where}: {what} {number} is outside [-{limit:g}, {limit:g}]; "
                          "check the sign and the order (lat before lon)")
    return number


def parse_countries(text: str, source: str) -> list[tuple[Place, str, list[str]]]:
    """Rows of countries_geo.tsv as (place, iso2, aliases)."""
    out: list[tuple[Place, str, list[str]]] = []
    seen: set[str] = set()
    for lineno, row in iter_rows(text, source, COUNTRY_COLUMNS):
        where = f"{source}:{lineno}"
        iso3, iso2 = row["iso3"], row["iso2"]
        if not _ISO3.match(iso3) or not _ISO2.match(iso2):
            raise ConfigError(f"{where}: codes {iso3!r}/{iso2!r} are not ISO 3166-1 alpha-3/"
                              "alpha-2; write upper-case codes such as FRA and FR")
        if iso3 in seen:
            raise ConfigError(f"{where}: {iso3} appears twice; keep one row per country")
        seen.add(iso3)
        place = Place(place_id=f"country:{iso3}", name=row["name"], country=iso3,
                      lat=_coordinate(row["lat"], 90, "lat", where),
                      lon=_coordinate(row["lon"], 180, "lon", where),
                      feature="country", precision="country")
        out.append((place, iso2, split_aliases(row["aliases"])))
    return out


def parse_regions(text: str, source: str, known_countries: Iterable[str], *,
                  on_error: Callable[[str], None] | None = None) -> list[tuple[Place, list[str]]]:
    """Rows of a regions table as (place, aliases).

    Without ``on_error`` the first bad row raises ``ConfigError`` (dyad's own data); with it,
    the message is passed on and the row skipped (user files: report, do not drop silently).
    """
    known = set(known_countries)
    out: list[tuple[Place, list[str]]] = []
    seen: set[str] = set()
    for lineno, row in iter_rows(text, source, REGION_COLUMNS):
        try:
            out.append(_region(row, f"{source}:{lineno}", known, seen))
        except ConfigError as exc:
            if on_error is None:
                raise
            on_error(exc.args[0])
    return out


def _region(row: dict[str, str], where: str, known: set[str],
            seen: set[str]) -> tuple[Place, list[str]]:
    rid, feature, status = row["id"], row["feature"], row["status"]
    if not _REGION_ID.match(rid) or rid in seen:
        raise ConfigError(f"{where}: id {rid!r} is empty, repeated or not lower-case "
                          "letters, digits and hyphens; give each row its own id like 'crimea'")
    if feature not in FEATURES - {"country"}:
        raise ConfigError(f"{where}: feature {feature!r} is not one of "
                          f"{', '.join(sorted(FEATURES - {'country'}))}")
    if status not in STATUSES:
        raise ConfigError(f"{where}: status {status!r} must be empty, 'contested' or 'disputed'")
    codes = ([row["country"]] if row["country"] else []) + split_aliases(row["claimants"])
    for code in codes:
        if code not in known:
            raise ConfigError(f"{where}: country code {code!r} is not in countries_geo.tsv; "
                              "use the ISO 3166-1 alpha-3 code of the state (e.g. UKR)")
    seen.add(rid)
    admin1 = rid[3:].upper() if rid.startswith("us-") else ""
    place = Place(place_id=f"{feature}:{rid}", name=row["name"], country=row["country"] or None,
                  lat=_coordinate(row["lat"], 90, "lat", where),
                  lon=_coordinate(row["lon"], 180, "lon", where),
                  feature=feature, precision=PRECISION[feature], status=status,
                  claimants=tuple(split_aliases(row["claimants"])), admin1=admin1)
    return place, split_aliases(row["aliases"])


def read_places(path: Path, known_countries: Iterable[str], *,
                on_error: Callable[[str], None] | None = None) -> list[tuple[Place, list[str]]]:
    """A user's places file, in the regions.tsv format (I/O at the edge)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read places file {str(path)!r}: {exc.strerror}; "
                          "check the path") from None
    return parse_regions(text, str(path), known_countries, on_error=on_error)
