"""The records the actor dictionary is made of, and the text normalisation they share.

Plain frozen dataclasses: they are loaded once, shared between documents and never
mutated. ``Entry`` is what a surface form ("Brazilian", "the Kremlin", "Sejm") stands for.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# PLOVER's country-slot codes for actors that are not states (manual, table 5.1).
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
# Sectors that are organs of the state: "French troops" is the state's MIL, an actor of kind
# "state"; other sectors ("Ivorian rebels") are groups inside the country.
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
KINDS = ("state", "organisation", "igo", "person", "group")
STATUSES = ("member", "observer", "partial", "territory")
LABELS = ("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC", "EVENT", "LAW")
# What a country's surface form is: its name (or alias), demonym, capital or seat of power.
FORMS = ("name", "demonym", "capital", "metonym")
# Titles that give way to the office-holder dictionary ("Mr", "official", "leader").
WEAK_ROLES = frozenset({"honorific", "leader", "official"})

_SPACES = re.compile(r"\s+")
_SLUG = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bb": "'", "\u00b4": "'", "`": "'"})


def fold(text: str) -> str:
    """Remove diacritics: "Élysée" -> "Elysee", "Chișinău" -> "Chisinau"."""
    if text.isascii():
        return text  # nothing to decompose: the common case, and the fast one
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1 << 13)
def normalise(surface: str) -> str:
    """The lookup key of a surface form: case, diacritics, dots, hyphens and a leading
    "the" do not matter ("The U.S." == "US", "Côte d'Ivoire" == "cote d'ivoire").
    Cached: resolution asks for the same words and phrases again and again. The cache
    is small on purpose: rare phrases keep arriving in a long ingest, and a larger one
    filled with them for tens of thousands of documents (memory creep, bench/RESULTS.md)."""
    s = fold(surface).translate(_APOSTROPHES).casefold()
    s = s.replace(".", "").replace("-", " ")
    s = _SPACES.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def slugify(text: str) -> str:
    """The readable part of an identifier: "Mauro Vieira" -> "mauro-vieira"."""
    return _SLUG.sub("-", fold(text).translate(_APOSTROPHES).casefold().replace("'", "")).strip("-")


def date_floor(value: str) -> str:
    """First day a partial ISO date can mean: "2019" -> "2019-01-01"."""
    return (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]


def date_ceiling(value: str) -> str:
    """Last day a partial ISO date can mean: "2019" -> "2019-12-31" (months end at 31:
    the comparison is between strings, and no day sorts after 31)."""
    return (value + "-12-31")[:10] if len(value) == 4 else (value + "-31")[:10]


def date_point(value: str) -> str:
    """A document date as one day: a partial date is taken at its middle."""
    value = value[:10]
    if len(value) == 4:
        return value + "-07-01"
    if len(value) == 7:
        return value + "-15"
    return value


@dataclass(frozen=True, slots=True)
class Country:
    """A row of countries.tsv: a state or an entity that acts as one."""

    iso3: str
    name: str
    status: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[str, ...]
    cameo: str | None
    recognised_under: str | None
    note: str
    source: str

    @property
    def actor_country(self) -> str:
        """The country its actors carry: the recognised state for folded entities."""
        return self.recognised_under or self.iso3

    @property
    def pre(self) -> bool:
        """A partially recognised entity PLOVER codes under another state, with sector PRE."""
        return self.status == "partial" and self.recognised_under is not None


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface form stands for. ``source`` is "file:line" of the row it came from."""

    key: str  # unique: "FRA", "FRA:demonym", "IGO.NATO", "group.hamas", "person.mauro-vieira"
    name: str  # canonical name: "France", "NATO", "Sejm"
    kind: str  # state | organisation | igo | person | group
    country: str | None  # ISO3 carried by actors (folded entities carry their recognised state)
    sector: str | None
    label: str  # entity-ruler label: GPE, NORP, ORG, PERSON, FAC
    source: str
    form: str = "name"  # name | demonym | capital | metonym | institution | person
    code: str | None = None  # its own code: "XAB" for Abkhazia, "IGO"/"NGO"/"IMG" when non-state
    start: str | None = None  # validity of dated rows (the Taliban before and after 2021)
    end: str | None = None

    def valid_on(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        day = date_point(date)
        return ((self.start is None or date_floor(self.start) <= day)
                and (self.end is None or day <= date_ceiling(self.end)))


@dataclass(frozen=True, slots=True)
class Holder:
    """One term of office (office_holders.tsv); a person with several offices has several."""

    name: str
    aliases: tuple[str, ...]
    country: str | None  # ISO3, or None for an IGO official
    code: str  # the country column as written: ISO3 or IGO/NGO/...
    sector: str
    role: str
    start: str
    end: str | None
    note: str
    source: str

    @property
    def key(self) -> str:
        return "person." + slugify(self.name)

    def covers(self, date: str) -> bool:
        day = date_point(date)
        return date_floor(self.start) <= day and (self.end is None or day <= date_ceiling(self.end))


@dataclass(frozen=True, slots=True)
class Title:
    """A row of titles.tsv: "Foreign Minister" -> GOV, role foreign_minister."""

    phrases: tuple[str, ...]
    sector: str | None
    role: str
    inherit: bool  # takes the sector of a named body or group ("Hamas spokesman" -> REB)
    country: str | None  # set where the title implies the country (Taoiseach)
    source: str

    @property
    def weak(self) -> bool:
        return self.role in WEAK_ROLES


@dataclass(frozen=True, slots=True)
class Body:
    """A row of bodies.tsv: a generic body that takes its country from context."""

    phrases: tuple[str, ...]
    sector: str
    head: bool  # may end an unknown organisation's name ("Montenegro Assembly")
    source: str


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """A row of ambiguous.tsv: a surface several entries (or a non-actor) share."""

    surface: str
    candidates: tuple[str, ...]  # entry keys
    default: str | None
    source: str


@dataclass(frozen=True, slots=True)
class UserPlace:
    """A place a user file adds; the gazetteer (dyad.geo) consumes these."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    lat: float
    lon: float
    feature: str
    source: str


@dataclass(frozen=True, slots=True)
class Problem:
    """A bad row of a user file: reported and skipped."""

    source: str  # "file:line"
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
