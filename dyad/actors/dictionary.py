"""The actor dictionary: countries, institutions, office holders, titles and bodies.

Loaded once from the data files shipped in ``dyad/actors/data`` (found through
``importlib.resources``) plus any user files, validated at load time, then shared
read-only by every document. A broken bundled file is refused with a ConfigError naming
file, line and fix; a bad row in a user file is reported (``ActorDictionary.problems``,
and a logged warning) and skipped.
"""

from __future__ import annotations

import functools
import importlib.resources
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from dyad.actors.records import (
    Ambiguity, Body, Country, Entry, Holder, Problem, Title, UserPlace, date_ceiling, date_floor,
    date_point, fold, normalise,
)
from dyad.actors.tables import (
    Known, Row, RowError, parse_actor, parse_alias, parse_ambiguity, parse_body, parse_country,
    parse_holder, parse_place, parse_title, read_tsv,
)
from dyad.actors.userfiles import read_user_file
from dyad.errors import ConfigError
from dyad.nlp.parsed import Token

log = logging.getLogger(__name__)

# Labels the entity ruler gives each form of a country's name.
FORM_LABELS = {"name": "GPE", "demonym": "NORP", "capital": "GPE", "metonym": "FAC"}
_FORM_RANK = {"name": 0, "demonym": 1, "capital": 2, "metonym": 3}
MAX_PHRASE_TOKENS = 8
# Terms of office: current and recent holders, then the 1990-2015 layer archives need.
HOLDER_FILES = ("office_holders.tsv", "office_holders_historical.tsv")
# Countries whose names English news writes surname first ("Xi Jinping", "Kim Jong Un").
SURNAME_FIRST = frozenset({"CHN", "TWN", "HKG", "KOR", "PRK", "KHM", "SGP"})
# How long a former office holder is still recognised by surname alone.
FORMER_SURNAME_YEARS = 8


def surnames_of(name: str, country: str | None) -> tuple[str, ...]:
    """The forms a later short reference to ``name`` can take: the last word ("Vieira"),
    and for names written surname first the first word ("Xi Jinping" -> "Xi")."""
    words = normalise(name).split(" ")
    found = [words[-1]] if len(words) > 1 and len(words[-1]) >= 3 else []
    last = normalise(name.split()[-1]) if name.split() else ""
    if " " in last and len(name.split()) > 1:  # "al-Mahdi", "García-Margallo": the whole word
        found.append(last)
    if country in SURNAME_FIRST and len(words) > 1 and len(words[0]) >= 2:
        found.append(words[0])
    return tuple(found)


def _given_names(holders: Sequence[Holder]) -> frozenset[str]:
    """First words that are given names rather than surnames: those that open more names
    of office holders from countries that write the given name first ("George Bush",
    "George Osborne") than names from countries that write the surname first ("Kim Jong
    Un", "Lee Hsien Loong"). "George Yeo" of Singapore is then known as "Yeo", not "George"."""
    western: dict[str, set[str]] = {}
    eastern: dict[str, set[str]] = {}
    for h in holders:
        first = normalise(h.name).split(" ")[0]
        if " " in normalise(h.name):
            (eastern if h.country in SURNAME_FIRST else western).setdefault(first, set()).add(h.key)
    return frozenset(w for w, keys in western.items() if len(keys) > len(eastern.get(w, ())))


def _same_person_spellings(h: Holder) -> tuple[str, ...]:
    """The name and the aliases that spell the same name another way ("Moshe Ya'alon",
    "Moshe Yaalon"): same first word, so titles and nicknames ("King Abdullah", "Bibi
    Netanyahu") do not add surnames."""
    first = normalise(h.name).split(" ")[0]
    return (h.name,) + tuple(a for a in h.aliases
                             if " " in a.strip() and normalise(a).split(" ")[0] == first)


def demonym_plurals(demonym: str) -> tuple[str, ...]:
    """"Israeli" -> "Israelis"; "Chinese", "French", "Swiss" have no plural form."""
    if demonym.endswith(("s", "x", "z", "sh", "ch", "ese")) or " " in demonym:
        return ()
    return (demonym + "s",)


def pattern_variants(surface: str, *, upper: bool = True) -> list[str]:
    """The forms a name is matched in: as written, without diacritics, with a curly
    apostrophe, capitalised (sentence start) and in capitals (headlines)."""
    s = surface.strip()
    if s.lower().startswith("the ") and len(s) > 4 and s[4:5].isupper():
        s = s[4:]
    forms = {s, fold(s)}
    forms |= {f.replace("'", "\u2019") for f in forms if "'" in f}
    forms |= {f[0].upper() + f[1:] for f in forms if f[0].islower()}
    if upper and len(s) >= 4 and any(c.islower() for c in s):
        forms |= {f.upper() for f in list(forms)}
    return sorted(forms)


@dataclass(slots=True)
class _Parts:
    """What an ActorDictionary is built from; user files add to a copy."""

    known: Known
    entries: list[tuple[Entry, tuple[str, ...]]] = field(default_factory=list)
    holders: list[Holder] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    ambiguities: list[Ambiguity] = field(default_factory=list)
    nonactors: list[tuple[str, str]] = field(default_factory=list)
    descriptions: dict[str, str] = field(default_factory=dict)
    user_entries: list[tuple[Entry, tuple[str, ...]]] = field(default_factory=list)
    places: list[UserPlace] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def copy(self) -> "_Parts":
        return _Parts(Known(dict(self.known.countries), set(self.known.sectors)),
                      list(self.entries), list(self.holders), list(self.titles),
                      list(self.bodies), list(self.ambiguities), list(self.nonactors),
                      dict(self.descriptions), list(self.user_entries), list(self.places),
                      list(self.problems))


class ActorDictionary:
    """Read-only lookups over the actor tables. Build it with ``load_dictionary``."""

    def __init__(self, parts: _Parts) -> None:
        self._parts = parts
        self._by_key: dict[str, list[Entry]] = {}
        self._surfaces: dict[str, list[Entry]] = {}
        self._user_surfaces: dict[str, list[Entry]] = {}
        for table, pairs in ((self._surfaces, parts.entries), (self._user_surfaces, parts.user_entries)):
            for entry, surfaces in pairs:
                self._by_key.setdefault(entry.key, []).append(entry)
                for s in surfaces:
                    bucket = table.setdefault(normalise(s), [])
                    if entry not in bucket:
                        bucket.append(entry)
        self._holders: dict[str, list[Holder]] = {}
        self._surnames: dict[str, list[Holder]] = {}
        given = _given_names(parts.holders)
        for h in parts.holders:
            for s in dict.fromkeys(normalise(a) for a in (h.name,) + h.aliases):
                self._holders.setdefault(s, []).append(h)  # "J.D. Vance" is "JD Vance": once
            for n in _same_person_spellings(h):
                forms = surnames_of(n, h.country)
                if h.country in SURNAME_FIRST and normalise(n).split(" ")[0] in given:
                    forms = surnames_of(n, None)  # "George Yeo" is written given name first
                for last in forms:
                    if h not in self._surnames.setdefault(last, []):
                        self._surnames[last].append(h)
        self._titles = {normalise(p): t for t in parts.titles for p in t.phrases}
        self._bodies = {normalise(p): b for b in parts.bodies for p in b.phrases}
        self._first_words = {p.split(" ")[0] for p in list(self._titles) + list(self._bodies)}
        self._ambiguities = {normalise(a.surface): a for a in parts.ambiguities}

    # -- lookups ---------------------------------------------------------------------------
    @property
    def problems(self) -> tuple[Problem, ...]:
        """Bad rows of user files, skipped."""
        return tuple(self._parts.problems)

    @property
    def places(self) -> tuple[UserPlace, ...]:
        """Places added by user files, for the gazetteer."""
        return tuple(self._parts.places)

    @property
    def titles(self) -> tuple[Title, ...]:
        return tuple(self._parts.titles)

    @property
    def bodies(self) -> tuple[Body, ...]:
        return tuple(self._parts.bodies)

    @property
    def sectors(self) -> Mapping[str, str]:
        """PLOVER sector code -> description."""
        return dict(self._parts.descriptions)

    @property
    def countries(self) -> Mapping[str, Country]:
        return dict(self._parts.known.countries)

    def country(self, iso3: str) -> Country:
        try:
            return self._parts.known.countries[iso3.upper()]
        except KeyError:
            raise KeyError(f"unknown country code {iso3!r}") from None

    def cameo_codes(self) -> dict[str, str]:
        """CAMEO country code -> ISO3, for the codes that differ (ITL -> ITA, JAP -> JPN)."""
        return {c.cameo: c.iso3 for c in self._parts.known.countries.values() if c.cameo}

    def lookup(self, surface: str) -> list[Entry]:
        """Entries a surface form can stand for; user entries replace bundled ones."""
        key = normalise(surface)
        return list(self._user_surfaces.get(key) or self._surfaces.get(key) or [])

    def entry(self, key: str, date: str | None = None) -> Entry | None:
        """The entry with this key; for dated rows, the one valid on ``date``."""
        entries = self._by_key.get(key)
        if not entries:
            return None
        return next((e for e in entries if e.valid_on(date)), entries[-1])

    def at_date(self, entry: Entry, date: str | None) -> Entry:
        return self.entry(entry.key, date) or entry

    def ambiguity(self, surface: str) -> Ambiguity | None:
        key = normalise(surface)
        found = self._ambiguities.get(key)
        if found is None and key.endswith("s"):
            found = self._ambiguities.get(key[:-1])  # "Koreans" is as ambiguous as "Korean"
        return found

    def office_holders(self, name: str, date: str | None = None) -> list[Holder]:
        """Terms of office held by ``name`` on ``date`` (all its terms when date is None),
        most recent first."""
        terms = self._holders.get(normalise(name), [])
        if date is not None:
            terms = [h for h in terms if h.covers(date)]
        return sorted(terms, key=lambda h: h.start, reverse=True)

    def office_terms(self, name: str) -> list[Holder]:
        return self.office_holders(name, None)

    def holders_by_surname(self, surname: str, date: str | None) -> list[Holder]:
        """Terms of the one office holder with this surname in office on ``date``; empty
        when none or several people match (a surname alone must not guess)."""
        terms = self._surnames.get(normalise(surname), [])
        if date is not None:
            terms = [h for h in terms if h.covers(date)]
        people = {h.key for h in terms}
        return sorted(terms, key=lambda h: h.start, reverse=True) if len(people) == 1 else []

    def former_by_surname(self, surname: str, date: str) -> Holder | None:
        """The last term of the one office holder ever known by this surname, when it
        ended before ``date`` and not more than FORMER_SURNAME_YEARS earlier ("Netanyahu"
        in 2021 is the former prime minister); None when several people share the name."""
        terms = self._surnames.get(normalise(surname), [])
        if len({h.key for h in terms}) != 1 or len(normalise(surname)) < 5:
            return None
        day = date_point(date)
        terms = [h for h in terms if date_floor(h.start) <= day]  # later terms do not count
        if not terms or any(h.end is None or date_ceiling(h.end) >= day for h in terms):
            return None
        last = max(terms, key=lambda h: h.end or "")
        horizon = f"{int(day[:4]) - FORMER_SURNAME_YEARS:04d}{day[4:]}"
        return last if (last.end or "") >= horizon else None

    def match_phrase(self, table: str, text: str, tokens: Sequence[Token], i: int,
                     end: int) -> tuple[Title | Body, int] | None:
        """The longest title (table="title") or body (table="body") starting at token
        ``i`` (and ending before ``end``), with its length in tokens."""
        if normalise(tokens[i].text) not in self._first_words:
            return None
        index: Mapping[str, Title | Body] = self._titles if table == "title" else self._bodies
        best = None
        for j in range(i, min(end, i + MAX_PHRASE_TOKENS)):
            if not any(ch.isalnum() for ch in tokens[j].text):
                continue  # a phrase never ends on punctuation ("officials." is "officials")
            found = index.get(normalise(text[tokens[i].start:tokens[j].end]))
            if found is not None:
                best = (found, j - i + 1)
        return best

    def title_for(self, phrase: str) -> Title | None:
        return self._titles.get(normalise(phrase))

    def body_for(self, phrase: str) -> Body | None:
        return self._bodies.get(normalise(phrase))

    # -- consistency -----------------------------------------------------------------------
    def conflicts(self) -> list[tuple[str, tuple[str, ...]]]:
        """Surfaces that name entries of several countries or keys and are not documented
        in ambiguous.tsv (should be empty)."""
        out = []
        for surface, entries in sorted(self._surfaces.items()):
            entries = [e for e in entries if e.kind != "person"]  # people: chosen by date
            owners = sorted({e.code or e.key for e in entries} if all(e.kind == "state" and
                            e.form in _FORM_RANK for e in entries) else {e.key for e in entries})
            if len(owners) > 1 and self.ambiguity(surface) is None:
                out.append((surface, tuple(owners)))
        return out

    # -- the entity ruler ------------------------------------------------------------------
    def ruler_patterns(self) -> list[dict]:
        """spaCy EntityRuler patterns (phrase patterns; case-sensitive ORTH forms plus
        diacritic-free, capitalised and upper-case variants), each with the entry key as
        ``id``. Ambiguous surfaces go in only with a default. Non-actor names that contain
        an actor's name ("South China Sea") go in without an id so the longer match wins."""
        seen: set[str] = set()
        patterns: list[dict] = []
        user_keys = set(self._user_surfaces)
        pairs = [(s, e) for e, ss in self._parts.user_entries for s in ss]
        pairs += [(s, e) for e, ss in self._parts.entries for s in ss
                  if normalise(s) not in user_keys]
        for surface, entry in pairs:
            amb = self.ambiguity(surface)
            if amb is not None and normalise(amb.surface) == normalise(surface):
                if amb.default is None:
                    continue
                entry = self.default_entry(amb, surface) or entry
            for variant in pattern_variants(surface, upper=entry.kind != "person"):
                if variant not in seen and len(variant) > 1:
                    seen.add(variant)
                    patterns.append({"label": entry.label, "pattern": variant, "id": entry.key})
        for phrase, label in self._parts.nonactors:
            if phrase not in seen:
                seen.add(phrase)
                patterns.append({"label": label, "pattern": phrase})
        return patterns

    def default_entry(self, amb: Ambiguity, surface: str) -> Entry | None:
        if amb.default is None:
            return None
        matches = [e for e in self.lookup(surface) if (e.code or e.key) == amb.default
                   or e.key == amb.default]
        return matches[0] if matches else self.entry(amb.default)

    def candidates(self, amb: Ambiguity, surface: str) -> list[Entry]:
        """The entries an ambiguous surface may stand for, in the file's order."""
        found = self.lookup(surface)
        out = []
        for cand in amb.candidates:
            match = [e for e in found if e.code == cand or e.key == cand]
            entry = match[0] if match else self.entry(cand)
            if entry is not None:
                out.append(entry)
        return out

    def with_user_rows(self, rows: Iterable[tuple[str, Row]]) -> "ActorDictionary":
        """A new dictionary with user rows added; bad rows become ``problems``."""
        parts = self._parts.copy()
        for kind, row in rows:
            try:
                if row.error:
                    raise RowError(row.error)
                _add_user_row(parts, self, kind, row)
            except RowError as exc:
                problem = Problem(row.source, str(exc))
                parts.problems.append(problem)
                log.warning("%s (row skipped)", problem)
        return ActorDictionary(parts)


# -- building -------------------------------------------------------------------------------
def country_entries(c: Country) -> list[tuple[Entry, tuple[str, ...]]]:
    """One entry per form of a country's name, each with its surfaces."""
    forms = {"name": (c.name,) + c.aliases,
             "demonym": tuple(x for d in c.demonyms for x in (d,) + demonym_plurals(d)),
             "capital": c.capitals, "metonym": c.metonyms}
    taken: set[str] = set()
    out = []
    for form, surfaces in forms.items():
        # a surface keeps its strongest form: Djibouti the country before Djibouti the city
        kept = tuple(s for s in surfaces if normalise(s) not in taken)
        taken |= {normalise(s) for s in kept}
        if not kept:
            continue
        sector = "PRE" if c.pre else ("GOV" if form == "metonym" else None)
        key = c.iso3 if form == "name" else f"{c.iso3}:{form}"
        out.append((Entry(key=key, name=c.name, kind="state", country=c.actor_country,
                          sector=sector, label=FORM_LABELS[form], source=c.source, form=form,
                          code=c.iso3), kept))
    return out


def _person_entries(holders: Sequence[Holder]) -> list[tuple[Entry, tuple[str, ...]]]:
    people: dict[str, list[Holder]] = {}
    for h in holders:
        people.setdefault(h.key, []).append(h)
    out = []
    for key, terms in people.items():
        latest = max(terms, key=lambda h: h.start)
        surfaces = tuple(dict.fromkeys(s for h in terms for s in (h.name,) + h.aliases
                                       if " " in s or len(s) >= 4))
        out.append((Entry(key=key, name=terms[0].name, kind="person", country=latest.country,
                          sector=None, label="PERSON", source=terms[0].source, form="person",
                          code=latest.code), surfaces))
    return out


def _add_user_row(parts: _Parts, base: ActorDictionary, kind: str, row: Row) -> None:
    known = parts.known
    if kind == "actor":
        entry, surfaces = parse_actor(row, known)
        parts.user_entries.append((replace(entry, source=row.source), surfaces))
    elif kind == "alias":
        surface, target, form = parse_alias(row, known)
        if target in known.countries:
            entries = [e for e, _ in country_entries(known.countries[target]) if e.form == form]
            entry = entries[0] if entries else replace(
                country_entries(known.countries[target])[0][0], key=f"{target}:{form}",
                form=form, label=FORM_LABELS[form], sector="GOV" if form == "metonym" else None)
        else:
            found = base.entry(target) or next(
                (e for e, _ in parts.user_entries if e.key == target), None)
            if found is None:
                raise RowError(f"unknown key {target!r}; fix: use an entry key such as "
                               "IGO.NATO or group.hamas, or a country code")
            entry = found
        parts.user_entries.append((replace(entry, source=row.source), (surface,)))
    elif kind == "holder":
        holder = parse_holder(row, known)
        parts.holders.append(holder)
        parts.user_entries.extend(_person_entries([holder]))
    elif kind == "place":
        parts.places.append(parse_place(row, known))
    else:
        raise RowError(f"unknown row type {kind!r}; fix: use actor, alias, holder or place")


def _read_data(name: str) -> str | None:
    resource = importlib.resources.files("dyad.actors").joinpath("data", name)
    return resource.read_text(encoding="utf-8") if resource.is_file() else None


def _rows(name: str, errors: list[str], *, optional: bool = False) -> list[Row]:
    text = _read_data(name)
    if text is None:
        if not optional:
            errors.append(f"{name}: missing from dyad/actors/data; fix: reinstall dyad")
        return []
    rows = list(read_tsv(text, name))
    errors.extend(f"{r.source}: {r.error}" for r in rows if r.error)
    return [r for r in rows if not r.error]


def _parse_all(rows: list[Row], parse, errors: list[str]) -> list:
    out = []
    for row in rows:
        try:
            out.append(parse(row))
        except RowError as exc:
            errors.append(f"{row.source}: {exc}")
    return out


def build_bundled() -> ActorDictionary:
    """Read and validate the bundled tables (uncached: use ``load_dictionary``)."""
    errors: list[str] = []
    parts = _Parts(Known())
    for row in _rows("sectors.tsv", errors):
        parts.descriptions[row.get("code").upper()] = row.get("description")
    parts.known.sectors = set(parts.descriptions)
    for c in _parse_all(_rows("countries.tsv", errors), parse_country, errors):
        if c.iso3 in parts.known.countries:
            errors.append(f"{c.source}: duplicate iso3 {c.iso3}; fix: keep one row per entity")
        parts.known.countries[c.iso3] = c
    for c in parts.known.countries.values():
        under = parts.known.countries.get(c.recognised_under or c.iso3)
        if under is None or under.recognised_under:
            errors.append(f"{c.source}: recognised_under {c.recognised_under!r} is not a state "
                          "of countries.tsv; fix: name the recognised state's ISO3 code")
        parts.entries.extend(country_entries(c))
    known = parts.known
    institutions = _parse_all(_rows("institutions.tsv", errors),
                              lambda r: parse_actor(r, known), errors)
    first: dict[str, Entry] = {}
    for entry, surfaces in institutions:
        other = first.setdefault(entry.key, entry)
        if other is not entry and (other.name != entry.name or not (entry.start or entry.end)):
            errors.append(f"{entry.source}: duplicate key {entry.key} (also {other.source}); "
                          "fix: give each institution its own key (dated rows share one name)")
        parts.entries.append((entry, surfaces))
    parts.holders = [h for name in HOLDER_FILES for h in _parse_all(
        _rows(name, errors, optional=True), lambda r: parse_holder(r, known), errors)]
    parts.entries.extend(_person_entries(parts.holders))
    parts.titles = _parse_all(_rows("titles.tsv", errors), lambda r: parse_title(r, known), errors)
    parts.bodies = _parse_all(_rows("bodies.tsv", errors), lambda r: parse_body(r, known), errors)
    parts.ambiguities = _parse_all(_rows("ambiguous.tsv", errors), parse_ambiguity, errors)
    keys = {e.key for e, _ in parts.entries} | set(known.countries)
    for amb in parts.ambiguities:
        errors.extend(f"{amb.source}: unknown candidate {c!r}; fix: use an ISO3 code or an "
                      "entry key" for c in amb.candidates if c not in keys)
    parts.nonactors = [(r.get("phrase"), r.get("label").upper())
                       for r in _rows("nonactors.tsv", errors)]
    if errors:
        more = f" (and {len(errors) - 20} more)" if len(errors) > 20 else ""
        raise ConfigError("bundled actor data is invalid: " + "; ".join(errors[:20]) + more)
    return ActorDictionary(parts)


@functools.lru_cache(maxsize=1)
def _bundled() -> ActorDictionary:
    return build_bundled()


def load_dictionary(extra_files: Sequence[str | Path] = ()) -> ActorDictionary:
    """The bundled dictionary (built once per process), extended by user files.

    A user file that cannot be read as a whole raises ConfigError; its bad rows are
    skipped and listed in ``problems`` with file and line.
    """
    base = _bundled()
    if not extra_files:
        return base
    rows: list[tuple[str, Row]] = []
    for path in extra_files:
        rows.extend(read_user_file(path))
    return base.with_user_rows(rows)
