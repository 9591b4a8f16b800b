"""Implied domestic recipients: acts a state does to its own people, and acts of a
country's people directed at their own state.

PLOVER codes an entity by the country it is associated with and a sector (manual 5.1,
5.2: CVL is "civilians, protesters, activists and other unarmed domestic entities"). So
when a government lifts a curfew, declares a state of emergency, arrests or releases
people and names no one else, the recipient is that country's population (``KEN.CVL``);
when a country's people protest or call off a strike with no one named, it is that
country's government (``BRA.GOV``). Which types and modes this holds for is lexicon data
(``domestic`` in ``data/lexicon.yaml``), not code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from dyad.model import Actor

POPULATION, GOVERNMENT = "CVL", "GOV"


@dataclass(frozen=True)
class ImpliedMention:
    """Stands where a resolved mention would: an actor the sentence implies, not names."""

    actor: Actor


def domestic_recipient(source, event_type: str, mode: str | None, cameo: str | None,
                       lexicon) -> ImpliedMention | None:
    """The implied recipient of an act by ``source`` (a resolved mention), or None.

    A state organ (a sector in ``state_sectors``) acts on its population when the type
    and mode (or CAMEO code) are listed under ``domestic.state``; anyone else acts on the
    government when listed under ``domestic.society``. A state named alone ("Pakistan
    imposed a curfew", "Brazilians protested") is tried as a state first, then as its people.
    """
    actor = getattr(source, "actor", None)
    country = getattr(actor, "country", None)
    if actor is None or not country or actor.kind == "igo":
        return None
    keys = {"*", mode or "", cameo or ""} - {""}
    state_organ = actor.sector in lexicon.state_sectors
    bare_state = actor.kind == "state" and not actor.sector
    sides = []
    if state_organ or bare_state:
        sides.append((lexicon.domestic_state, POPULATION))
    if not state_organ:
        sides.append((lexicon.domestic_society, GOVERNMENT))
    for table, sector in sides:
        if keys & table.get(event_type, frozenset()):
            if actor.sector == sector:
                return None  # a population acting on itself is no dyad
            return ImpliedMention(_implied_actor(country, sector))
    return None


@functools.lru_cache(maxsize=512)
def _implied_actor(country: str, sector: str) -> Actor:
    name = country_name(country)
    what = "population" if sector == POPULATION else "government"
    return Actor(actor_id=f"{country}.{sector}", name=f"{name} ({what})",
                 kind="group" if sector == POPULATION else "state", country=country,
                 sector=sector)


def population_actor(iso3: str) -> Actor:
    """A country's population (``<ISO3>.CVL``), the recipient of an act done at home."""
    return _implied_actor(iso3, POPULATION)


@functools.lru_cache(maxsize=256)
def country_actor(iso3: str) -> Actor:
    """A state the sentence implies (the country of a place), by its ISO3 id."""
    return Actor(actor_id=iso3, name=country_name(iso3), kind="state", country=iso3)


def country_name(iso3: str) -> str:
    """The country's common name (pycountry), else the code itself."""
    try:
        import pycountry

        found = pycountry.countries.get(alpha_3=iso3)
    except (ImportError, LookupError, KeyError):
        found = None
    if found is None:
        return iso3
    return getattr(found, "common_name", None) or found.name
