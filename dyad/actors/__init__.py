"""Actors: dictionaries (states, bodies, titles, office holders) and mention resolution."""

from dyad.actors.dictionary import ActorDictionary, load_dictionary
from dyad.actors.resolve import (ResolvedMention, collect_actors, resolve_actors,
                                 resolve_country_surface, without_places)

__all__ = ["ActorDictionary", "ResolvedMention", "collect_actors", "load_dictionary",
           "resolve_actors", "resolve_country_surface", "without_places"]
