"""Rows of the actor tables, parsed and validated one at a time.

Every parser takes a row (column -> text) and the codes known so far, and returns a record
or raises ``RowError`` with a message that names the bad value and the fix. The bundled
files turn a RowError into a ConfigError (a broken data file is refused); user files
report the row with its file and line and skip it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterator

from dyad.actors.records import (
    FORMS, KINDS, LABELS, NON_STATE_CODES, STATUSES, Ambiguity, Body, Country, Entry,
    Holder, Title, UserPlace, slugify,
)

_CODE = re.compile(r"^[A-Z]{3}$")
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")
_ROLE = re.compile(r"^[a-z][a-z_]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
KEY_PREFIX = {"igo": "IGO.", "group": "group.", "organisation": "org.", "state": "inst.",
              "person": "person."}


class RowError(ValueError):
    """A row that cannot be used; the message says what to fix."""


@dataclass(frozen=True, slots=True)
class Row:
    source: str  # "file:line"
    values: dict[str, str]
    error: str | None = None  # set when the row could not even be split into columns

    def get(self, column: str) -> str:
        return (self.values.get(column) or "").strip()

    def items(self, column: str) -> tuple[str, ...]:
        return tuple(p.strip() for p in self.get(column).split("|") if p.strip())


@dataclass(slots=True)
class Known:
    """The codes rows are checked against."""

    countries: dict[str, Country] = field(default_factory=dict)
    sectors: set[str] = field(default_factory=set)


def read_tsv(text: str, name: str) -> Iterator[Row]:
    """Rows of a tab-separated table with a header line; "#" lines are comments."""
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip().lower() for c in cells]
            continue
        source = f"{name}:{lineno}"
        if len(cells) > len(header):
            yield Row(source, {}, error=f"{len(cells)} columns where the header has "
                                        f"{len(header)}; fix: remove stray tabs")
            continue
        yield Row(source, dict(zip(header, cells)))


def require(row: Row, *columns: str) -> None:
    missing = [c for c in columns if not row.get(c)]
    if missing:
        raise RowError(f"missing {', '.join(missing)}; fix: fill in the column")


def parse_date(value: str, column: str) -> str:
    if not _DATE.match(value):
        raise RowError(f"{column} date {value!r} is not a date; fix: write YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        raise RowError(f"{column} date {value!r} does not exist; fix: write a real YYYY-MM-DD date") from None
    return value


def check_range(start: str | None, end: str | None) -> None:
    if start and end and end < start[:len(end)]:
        raise RowError(f"end date {end} is before start date {start}; "
                       "fix: correct the dates, or leave end empty while the term lasts")


def parse_sector(value: str, known: Known, *, required: bool = False) -> str | None:
    value = value.strip().upper()
    if not value:
        if required:
            raise RowError("missing sector; fix: give a PLOVER sector code such as GOV")
        return None
    if value not in known.sectors:
        raise RowError(f"unknown sector {value!r}; fix: use a PLOVER sector code: "
                       f"{', '.join(sorted(known.sectors))}")
    return value


def parse_country_code(value: str, known: Known, *, non_state: bool) -> tuple[str | None, str]:
    """(country carried by actors, the code as written) for a country column."""
    value = value.strip().upper()
    if value in known.countries:
        return known.countries[value].actor_country, value
    if non_state and value in NON_STATE_CODES:
        return None, value
    extra = f" or a non-state code ({', '.join(sorted(NON_STATE_CODES))})" if non_state else ""
    raise RowError(f"unknown country code {value!r}; fix: use an ISO 3166-1 alpha-3 code "
                   f"listed in countries.tsv (FRA, USA, ...){extra}")


def parse_country(row: Row) -> Country:
    require(row, "iso3", "name", "status")
    iso3 = row.get("iso3").upper()
    if not _CODE.match(iso3):
        raise RowError(f"iso3 {iso3!r} is not three letters; fix: use the ISO 3166-1 alpha-3 code")
    status = row.get("status")
    if status not in STATUSES:
        raise RowError(f"unknown status {status!r}; fix: use one of {', '.join(STATUSES)}")
    cameo = row.get("cameo").upper() or None
    under = row.get("recognised_under").upper() or None
    for col, value in (("cameo", cameo), ("recognised_under", under)):
        if value and not _CODE.match(value):
            raise RowError(f"{col} {value!r} is not a three-letter code; fix: correct it or leave it empty")
    return Country(
        iso3=iso3, name=row.get("name"), status=status, aliases=row.items("aliases"),
        demonyms=row.items("demonyms"), capitals=row.items("capitals"),
        metonyms=row.items("metonyms"), cameo=cameo, recognised_under=under,
        note=row.get("note"), source=row.source,
    )


def parse_actor(row: Row, known: Known) -> tuple[Entry, tuple[str, ...]]:
    """An institution (institutions.tsv) or a user's actor row: the entry and its surfaces."""
    require(row, "name", "kind")
    kind = row.get("kind").lower()
    if kind not in KINDS:
        raise RowError(f"unknown kind {kind!r}; fix: use one of {', '.join(KINDS)}")
    country, code = (None, None)
    if row.get("country"):
        country, code = parse_country_code(row.get("country"), known, non_state=True)
    sector = parse_sector(row.get("sector"), known)
    if kind == "state" and (country is None or sector is None):
        raise RowError("a state body needs a country and a sector; fix: fill both (e.g. POL, LEG)")
    key = row.get("key") or row.get("name")
    key = key.upper().replace(" ", "") if kind == "igo" else key
    if not _KEY.match(key):
        key = slugify(key).upper() if kind == "igo" else slugify(key)
    label = (row.get("label") or ("PERSON" if kind == "person" else "ORG")).upper()
    if label not in LABELS:
        raise RowError(f"unknown label {label!r}; fix: use one of {', '.join(LABELS)}")
    start = parse_date(row.get("start"), "start") if row.get("start") else None
    end = parse_date(row.get("end"), "end") if row.get("end") else None
    check_range(start, end)
    if code and code in known.countries and known.countries[code].pre:
        sector = "PRE"  # PLOVER: actors of a partially recognised entity carry PRE
    entry = Entry(key=KEY_PREFIX[kind] + key, name=row.get("name"), kind=kind, country=country,
                  sector=sector, label=label, source=row.source,
                  form="person" if kind == "person" else "institution", code=code,
                  start=start, end=end)
    return entry, (row.get("name"),) + row.items("aliases")


def parse_holder(row: Row, known: Known) -> Holder:
    require(row, "name", "country", "sector", "role", "start")
    country, code = parse_country_code(row.get("country"), known, non_state=True)
    role = row.get("role").lower()
    if not _ROLE.match(role):
        raise RowError(f"role {role!r} is not a lower-case word; fix: use e.g. head_of_state")
    start = parse_date(row.get("start"), "start")
    end = parse_date(row.get("end"), "end") if row.get("end") else None
    check_range(start, end)
    return Holder(name=row.get("name"), aliases=row.items("aliases"), country=country, code=code,
                  sector=parse_sector(row.get("sector"), known, required=True) or "",
                  role=role, start=start, end=end, note=row.get("note"), source=row.source)


def parse_title(row: Row, known: Known) -> Title:
    require(row, "titles", "role")
    country = None
    if row.get("country"):
        country, _ = parse_country_code(row.get("country"), known, non_state=False)
    inherit = row.get("inherit").lower()
    if inherit not in ("yes", "no", ""):
        raise RowError(f"inherit {inherit!r} must be yes or no; fix: write yes or no")
    return Title(phrases=row.items("titles"), sector=parse_sector(row.get("sector"), known),
                 role=row.get("role").lower(), inherit=inherit == "yes", country=country,
                 source=row.source)


def parse_body(row: Row, known: Known) -> Body:
    require(row, "phrases", "sector")
    head = row.get("head").lower()
    if head not in ("yes", "no", ""):
        raise RowError(f"head {head!r} must be yes or no; fix: write yes or no")
    return Body(phrases=row.items("phrases"),
                sector=parse_sector(row.get("sector"), known, required=True) or "",
                head=head == "yes", source=row.source)


def parse_ambiguity(row: Row) -> Ambiguity:
    require(row, "surface", "candidates")
    candidates = row.items("candidates")
    default = row.get("default") or None
    if default and default not in candidates:
        raise RowError(f"default {default!r} is not among the candidates; fix: add it or clear it")
    return Ambiguity(surface=row.get("surface"), candidates=candidates, default=default,
                     source=row.source)


def parse_alias(row: Row, known: Known) -> tuple[str, str, str]:
    """A user's alias row: (surface, target, form). The target is an ISO3 code or an
    entry key (IGO.NATO, group.hamas); the dictionary checks that the key exists."""
    require(row, "alias")
    target = row.get("country").upper() or row.get("key")
    if not target:
        raise RowError("an alias needs a country or a key; fix: give country (ISO3) or key (e.g. IGO.NATO)")
    if row.get("country"):
        parse_country_code(target, known, non_state=False)
    form = (row.get("form") or "name").lower()
    if form not in FORMS:
        raise RowError(f"unknown form {form!r}; fix: use one of {', '.join(FORMS)}")
    return row.get("alias"), target, form


def parse_place(row: Row, known: Known) -> UserPlace:
    require(row, "name", "lat", "lon")
    try:
        lat, lon = float(row.get("lat")), float(row.get("lon"))
    except ValueError:
        raise RowError(f"lat/lon {row.get('lat')!r}, {row.get('lon')!r} are not numbers; "
                       "fix: write decimal degrees such as 48.85, 2.35") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise RowError(f"lat/lon {lat}, {lon} out of range; fix: latitude within ±90, longitude within ±180")
    country = None
    if row.get("country"):
        country, _ = parse_country_code(row.get("country"), known, non_state=False)
    return UserPlace(name=row.get("name"), aliases=row.items("aliases"), country=country,
                     lat=lat, lon=lon, feature=(row.get("feature") or "city").lower(),
                     source=row.source)
