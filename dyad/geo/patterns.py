"""Entity-ruler patterns for well-known places, so the geo stage finds them everywhere.

The small spaCy model tags many towns in war news as PERSON ("Gao", "Goma", "Kherson"),
ORG ("Tartus", "Kisumu") or NORP ("Aleppo"), or not at all ("Rafah"); and in sentences the
selective parser skips only dictionary-ruler entities exist. Adding the gazetteer's
well-known names to the ruler (label GPE, LOC or FAC, id ``geo:<place id>``) makes them
found in every sentence at the cost of a phrase match.

Which names go in (docs/places.md, "Ruler patterns"):

- every row of dyad's regions table (regions, seas, straits, sites; user rows too), except
  seats of power, which are actors' metonyms ("the Kremlin said");
- GeoNames cities with at least ``MIN_PATTERN_POPULATION`` inhabitants, by their main name;
- only capitalised forms as written, plus the diacritic-free spelling ("Lodz");
- not a name the actor dictionary already matches, nor one that contains an actor name
  ("Port Sudan" holds "Sudan"): the actor stage reads those as it does today;
- not a name in ``data/pattern_stoplist.txt``: English words ("Split", "Nice", "Mobile",
  "Reading", "Bath"), common given names and surnames ("Austin", "Florence", "Victoria"),
  firms named like a town ("Toyota");
- not a name the gazetteer would leave unresolved without context.
"""

from __future__ import annotations

import unicodedata
from importlib import resources
from typing import Collection, Iterable

from dyad.geo.gazetteer import Gazetteer
from dyad.geo.locate import SEAT_OF_POWER_SITES
from dyad.geo.places import Place

# Cities at least this large are matched by name everywhere (about 6,000 names).
MIN_PATTERN_POPULATION = 100_000
# The entity id prefix of a place pattern; the geo stage reads such entities as places.
PATTERN_ID_PREFIX = "geo:"
LABELS = {"city": "GPE", "region": "GPE", "country": "GPE", "sea": "LOC", "strait": "LOC",
          "site": "FAC"}
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ı": "i",
                       "ə": "a", "æ": "ae", "œ": "oe", "ß": "ss"})


def stoplist() -> frozenset[str]:
    """The names never added as patterns (``data/pattern_stoplist.txt``)."""
    text = resources.files("dyad.geo").joinpath("data", "pattern_stoplist.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def ascii_form(name: str) -> str:
    """The spelling without diacritics: "Łódź" -> "Lodz", "Zaporizhzhia" unchanged."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def place_ruler_patterns(gazetteer: Gazetteer, *, taken: Iterable[str] = (),
                         min_population: int = MIN_PATTERN_POPULATION,
                         stop: Collection[str] | None = None) -> list[dict]:
    """EntityRuler patterns (``{"label", "pattern", "id"}``) for well-known places.

    ``taken``: the surfaces the ruler already has (the actor dictionary's patterns); a
    place name equal to one, or containing one as whole words, is left out.
    """
    stop = stoplist() if stop is None else frozenset(stop)
    taken_set = frozenset(taken)
    out: list[dict] = []
    seen: set[str] = set()
    rows: list[tuple[Place, Iterable[str]]] = [
        (place, names) for place, names in gazetteer.region_names()
        if place.place_id not in SEAT_OF_POWER_SITES]
    cities = sorted(gazetteer.cities(min_population=min_population),
                    key=lambda p: -(p.population or 0))
    rows += [(place, (place.name,)) for place in cities]
    for place, names in rows:
        for name in names:
            for surface in dict.fromkeys((name, ascii_form(name))):
                if surface in seen or not _acceptable(surface, stop, taken_set):
                    continue
                seen.add(surface)
                if gazetteer.resolve(surface) is None:
                    continue
                out.append({"label": LABELS.get(place.feature, "GPE"), "pattern": surface,
                            "id": PATTERN_ID_PREFIX + place.place_id})
    return out


def _acceptable(surface: str, stop: Collection[str], taken: Collection[str]) -> bool:
    if len(surface) < 3 or not surface[:1].isupper() or surface in stop:
        return False
    if ascii_form(surface) in stop:
        return False
    words = surface.split()
    return not any(" ".join(words[i:j]) in taken
                   for i in range(len(words)) for j in range(i + 1, len(words) + 1))


def is_place_pattern(entry: str) -> bool:
    """Whether an entity's ``entry`` came from a place pattern."""
    return entry.startswith(PATTERN_ID_PREFIX)
