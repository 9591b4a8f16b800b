"""The geo stage: place-like entities of a parsed document resolved to places.

A pure function of the parsed document, the gazetteer and the document's countries (from
the actor stage). Entities labelled GPE, LOC or FAC get the full resolution; other labels
(an ORG "Camp Lemonnier", an entity-ruler match) are accepted only when they name a site
in dyad's table, so that "Paris said" (an actor) or a firm never becomes a city here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Collection, Iterable, Sequence

from dyad.geo.gazetteer import Gazetteer, load_gazetteer
from dyad.geo.places import Place, normalize_name
from dyad.model import Location, LocationRef, Mention
from dyad.nlp.parsed import Entity, ParsedDoc

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Seats of power named by an ORG entity ("the Kremlin said") are actors, not places.
SEAT_OF_POWER_SITES = frozenset({
    "site:white-house", "site:kremlin", "site:downing-street", "site:elysee",
    "site:quai-dorsay", "site:pentagon", "site:capitol", "site:zhongnanhai",
    "site:great-hall", "site:blue-house",
})
# Names that are a country and a US state; the state reading needs a state-level cue.
COUNTRY_OR_US_STATE = frozenset({"georgia"})
_STATE_WORD_BEFORE = re.compile(r"\b(?:state|U\.?S\.? state) of\s*$", re.IGNORECASE)
_STATE_WORD_AFTER = re.compile(r"^\s+state\b", re.IGNORECASE)
_COMMA = re.compile(r"^\s*,\s*$")
# A name the model labelled PERSON, ORG or NORP is still a place after these words ("fighting
# near Gao", "the port of Tartus", "in Mombasa and Kisumu") when it resolves to a city,
# region or site: the small model often mislabels towns in war news.
LOCATIVE_CUE = re.compile(
    r"(?:\b(?:in|near|at|outside|around|inside|into|across|toward|towards)"
    r"|\b(?:city|town|village|port|outskirts|province|region|district|suburbs?|streets|"
    r"centre|center|heart) of)\s+(?:the\s+)?$"
    r"|\b(?:in|near|at|outside|around) [A-Z][\w'-]+(?: [A-Z][\w'-]+)?(?:,| and| or) $")
MISLABELLED = frozenset({"PERSON", "ORG", "NORP"})
# A one-word PERSON entity is read as a city without a locative cue only above this size.
LONE_NAME_MIN_POPULATION = 50_000
# Verbs whose object is usually a person: their object is never read as a lone place name.
PERSON_VERBS = frozenset({
    "meet", "tell", "ask", "call", "thank", "urge", "invite", "accuse", "blame", "name",
    "appoint", "elect", "replace", "praise", "criticise", "criticize", "congratulate", "phone",
    "telephone", "warn", "host", "receive", "welcome", "interview", "quote", "cite", "sack",
    "fire", "dismiss", "nominate", "succeed", "defeat", "beat", "support", "endorse", "join"})
LOCATIVE_FEATURES = frozenset({"city", "region", "site"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A resolved place mention: the place, the character span and the rule that decided."""

    place: Place
    start: int
    end: int
    text: str
    reason: str


def resolve_locations(parsed: ParsedDoc, gazetteer: Gazetteer, *,
                      context_countries: Collection[str]) -> list[PlaceMention]:
    """Every place mention of the document that the gazetteer can resolve, in text order.

    The document's countries are ``context_countries`` plus the countries the document
    names itself ("Tripoli" next to "Lebanon" is in Lebanon).
    """
    entities = sorted(parsed.entities, key=lambda e: (e.start, -e.end))
    ctx = set(context_countries) | _named_countries(entities, gazetteer)
    us_states = _us_states_named(entities, gazetteer)
    out: list[PlaceMention] = []
    last_end = -1
    for i, ent in enumerate(entities):
        if ent.start < last_end:  # nested or overlapping span: the outer one was taken
            continue
        found = _resolve_entity(parsed, entities, i, gazetteer, frozenset(ctx), us_states)
        if found is not None:
            place, reason = found
            out.append(PlaceMention(place, ent.start, ent.end, ent.text, reason))
            last_end = ent.end
    return out


def _named_countries(entities: Iterable[Entity], gazetteer: Gazetteer) -> set[str]:
    out: set[str] = set()
    for ent in entities:
        if ent.label in PLACE_LABELS and normalize_name(ent.text) not in COUNTRY_OR_US_STATE:
            country = gazetteer.country_for_name(ent.text)
            if country is not None and country.country:
                out.add(country.country)
    return out


def _us_states_named(entities: Iterable[Entity], gazetteer: Gazetteer) -> bool:
    """Whether the document names a US state and no other place in Georgia the country."""
    state = False
    for ent in entities:
        if ent.label in PLACE_LABELS and normalize_name(ent.text) not in COUNTRY_OR_US_STATE:
            place = gazetteer.resolve(ent.text)
            if place is not None and place.country == "GEO":  # Tbilisi, Abkhazia, ...
                return False
            state = state or (place is not None and place.feature == "region"
                              and bool(place.admin1))
    return state


def _resolve_entity(parsed: ParsedDoc, entities: Sequence[Entity], i: int,
                    gazetteer: Gazetteer, ctx: frozenset[str],
                    us_states: bool) -> tuple[Place, str] | None:
    ent = entities[i]
    if ent.label not in PLACE_LABELS:
        found = gazetteer.resolve_with_reason(ent.text, prefer_feature="site")
        if (found is not None and found[0].feature == "site"
                and found[0].place_id not in SEAT_OF_POWER_SITES):
            return found[0], f"{ent.label} entity naming a site; {found[1]}"
        return _mislabelled_place(parsed, ent, gazetteer, ctx)
    text, within = _split_qualifier(ent.text, gazetteer)
    if within is None:
        within = _qualifier_after(parsed, entities, i, gazetteer)
    if within is not None:
        found = gazetteer.resolve_with_reason(text, context_countries=ctx, within=within)
        if found is not None:
            return found[0], f"{found[1]}; qualified by {within.name!r}"
    key = normalize_name(text)
    if key in COUNTRY_OR_US_STATE and _us_state_cue(parsed, entities, i, gazetteer, ctx,
                                                     us_states):
        found = gazetteer.resolve_with_reason(text, context_countries=ctx,
                                              prefer_feature="region", within=_usa(gazetteer))
        if found is not None:
            return found[0], f"US state: state-level cue in a US story; {found[1]}"
    return gazetteer.resolve_with_reason(text, context_countries=ctx)


def _mislabelled_place(parsed: ParsedDoc, ent: Entity, gazetteer: Gazetteer,
                       ctx: frozenset[str]) -> tuple[Place, str] | None:
    """A PERSON/ORG/NORP entity of the model after a locative cue that names a place."""
    if ent.label not in MISLABELLED or ent.entry:  # a dictionary actor stays an actor
        return None
    if parsed.text[ent.end:ent.end + 2] in ("'s", "\u2019s"):
        return None
    found = gazetteer.resolve_with_reason(ent.text, context_countries=ctx)
    if found is None or found[0].feature not in LOCATIVE_FEATURES:
        return None
    if LOCATIVE_CUE.search(parsed.text[max(0, ent.start - 40):ent.start]):
        return found[0], f"{ent.label} entity after a locative cue; {found[1]}"
    if _lone_place_name(parsed, ent, found[0]):
        return found[0], f"one-word {ent.label} entity naming a large place; {found[1]}"
    return None


def _lone_place_name(parsed: ParsedDoc, ent: Entity, place: Place) -> bool:
    """"Russian forces shelled Kherson": a one-word name the model took for a person that
    names a region or a large city, is acted upon (the object of a verb that is not one of
    dealing with people: "met Austin", "Gao said" stay people) and is nobody's surname in
    the document."""
    if ent.label != "PERSON" or " " in ent.text.strip():
        return False
    if ent.token_start >= len(parsed.tokens):
        return False
    tok = parsed.tokens[ent.token_start]
    head = parsed.tokens[tok.head]
    if tok.dep not in ("dobj", "nsubjpass") or head.lemma.lower() in PERSON_VERBS:
        return False
    if place.feature != "region" and (place.population or 0) < LONE_NAME_MIN_POPULATION:
        return False
    name = ent.text.strip()
    return not any(e.label == "PERSON" and e is not ent
                   and name in (w.removesuffix("'s").removesuffix("\u2019s")
                                for w in e.text.split()[1:])
                   for e in parsed.entities)


def _usa(gazetteer: Gazetteer) -> Place | None:
    return gazetteer.country("USA")


def _qualifier(name: str, gazetteer: Gazetteer) -> Place | None:
    """A country, US state or other region that can qualify a city ("Texas" in "Paris,
    Texas", "Scotland" in "Perth, Scotland")."""
    country = gazetteer.country_for_name(name)
    if country is not None:
        return country
    place = gazetteer.resolve(name, prefer_feature="region", within=_usa(gazetteer))
    if place is not None and place.admin1:
        return place
    # Any other region of one country narrows the city to that country (a region without
    # an admin1 code cannot narrow further); a disputed region has no country to give.
    place = gazetteer.resolve(name, prefer_feature="region")
    if place is not None and place.feature == "region" and place.country:
        return gazetteer.country(place.country)
    return None


def _split_qualifier(text: str, gazetteer: Gazetteer) -> tuple[str, Place | None]:
    """"Paris, Texas" as one entity -> ("Paris", Texas)."""
    head, comma, tail = text.rpartition(",")
    if comma and head.strip() and tail.strip():
        within = _qualifier(tail.strip(), gazetteer)
        if within is not None:
            return head.strip(), within
    return text, None


def _qualifier_after(parsed: ParsedDoc, entities: Sequence[Entity], i: int,
                     gazetteer: Gazetteer) -> Place | None:
    """"Paris, Texas" as two entities: the second qualifies the first."""
    if i + 1 >= len(entities):
        return None
    ent, nxt = entities[i], entities[i + 1]
    if nxt.label not in PLACE_LABELS or not _COMMA.match(parsed.text[ent.end:nxt.start]):
        return None
    within = _qualifier(nxt.text, gazetteer)
    # "Georgia, Armenia and Azerbaijan" is a list, not a qualifier: a country qualifies
    # only a name that is not itself a country.
    if within is None or gazetteer.country_for_name(ent.text) is not None:
        return None
    return within


def _us_state_cue(parsed: ParsedDoc, entities: Sequence[Entity], i: int,
                  gazetteer: Gazetteer, ctx: frozenset[str], us_states: bool) -> bool:
    """Evidence that "Georgia" is the US state (see docs/places.md)."""
    ent = entities[i]
    before = parsed.text[max(0, ent.start - 30):ent.start]
    after = parsed.text[ent.end:ent.end + 12]
    prev = entities[i - 1] if i > 0 else None
    if prev is not None and _COMMA.match(parsed.text[prev.end:ent.start]):  # "Atlanta, Georgia"
        city = gazetteer.resolve(prev.text, prefer_feature="city", within=_usa(gazetteer))
        if city is not None and city.feature == "city":
            return True  # decisive on its own
    if "USA" not in ctx:
        return False
    return bool(_STATE_WORD_BEFORE.search(before) or _STATE_WORD_AFTER.match(after)
                or us_states)


def country_of_place(name: str, *, context_countries: Collection[str] = (),
                     gazetteer: Gazetteer | None = None) -> str | None:
    """ISO3 of the state a place name lies in, or None (unknown name, international waters)."""
    place = (gazetteer or load_gazetteer()).resolve(name, context_countries=context_countries)
    return place.country if place is not None else None


def to_ref(place: Place) -> LocationRef:
    return LocationRef(location_id=place.place_id, name=place.name, country=place.country,
                       lat=place.lat, lon=place.lon)


def to_location(place: Place, *, mentions: Sequence[Mention] = ()) -> Location:
    return Location(location_id=place.place_id, name=place.name, country=place.country,
                    lat=place.lat, lon=place.lon, feature=place.feature,
                    precision=place.precision, mentions=list(mentions))


def locations_of(doc_id: str, mentions: Iterable[PlaceMention]) -> list[Location]:
    """One ``Location`` per place, carrying its mentions, in order of first mention."""
    grouped: dict[str, tuple[Place, list[Mention]]] = {}
    for m in mentions:
        entry = grouped.setdefault(m.place.place_id, (m.place, []))
        entry[1].append(Mention(doc_id=doc_id, start=m.start, end=m.end, text=m.text,
                                reason=m.reason))
    return [to_location(place, mentions=ms) for place, ms in grouped.values()]
