"""PLOVER event coding: the lexicon, the rule coder ``dyad.events.rules.v1`` and the
pre-parse filter the NLP layer can use to skip sentences with no possible event."""

from __future__ import annotations

from dyad.events.lexicon import EVENT_TYPES, Lexicon, Trigger, TypeInfo, load_lexicon
from dyad.events.prefilter import sentence_may_have_event, trigger_forms, trigger_lemmas

__all__ = ["EVENT_TYPES", "Lexicon", "TRIGGER_LEMMAS", "Trigger", "TypeInfo", "load_lexicon",
           "sentence_may_have_event", "trigger_forms", "trigger_lemmas"]


def __getattr__(name: str):  # the constant is built on first use, not on import
    if name == "TRIGGER_LEMMAS":
        return trigger_lemmas()
    raise AttributeError(f"module 'dyad.events' has no attribute {name!r}")
