"""Places: an offline gazetteer and the geo stage (see docs/places.md)."""

from dyad.geo.gazetteer import Gazetteer, build_gazetteer, load_gazetteer
from dyad.geo.locate import (PlaceMention, country_of_place, locations_of, resolve_locations,
                             to_location, to_ref)
from dyad.geo.patterns import place_ruler_patterns
from dyad.geo.places import Place, normalize_name, read_places

__all__ = [
    "Gazetteer",
    "Place",
    "PlaceMention",
    "build_gazetteer",
    "country_of_place",
    "load_gazetteer",
    "locations_of",
    "normalize_name",
    "place_ruler_patterns",
    "read_places",
    "resolve_locations",
    "to_location",
    "to_ref",
]
