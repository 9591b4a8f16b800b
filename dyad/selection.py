"""Which sentences are worth the full statistical parse.

A sentence can only yield a record when one of the coders has a cue in it: an event
trigger (in any inflected form: there are no lemmas before tagging), an agreement word
or stage verb, or a standing-relation cue. Sentences with none of these are tokenised,
split and matched against the dictionaries (so their actor and place names are still
found), but not tagged, parsed or run through the statistical NER: on wire copy that is
most background sentences, and the parse is most of dyad's time.
"""

from __future__ import annotations

import re
from typing import Sequence

from dyad.nlp.pipeline import SentenceSelector


def build_selector() -> SentenceSelector:
    """A selector from the coders' own lexicons (so a new trigger is never skipped)."""
    from dyad.agreements.lexicon import load_lexicon as agreement_lexicon
    from dyad.events.lexicon import default_lexicon
    from dyad.events.prefilter import trigger_forms
    from dyad.relations.rules import load_patterns

    events = default_lexicon()
    agreements = agreement_lexicon()
    words = frozenset(trigger_forms(events) | events.deontic_aux
                      | {h.lower() for h in agreements.heads} | {"deal", "deals"})
    patterns = ([t.pattern for t in agreements.triggers]
                + [p.trigger for p in load_patterns().patterns] + [agreements.alias_pattern])
    combined = re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)

    def select(lowered: Sequence[str], has_entity: bool) -> bool:
        if any(w in words for w in lowered):
            return True
        return combined.search(" ".join(lowered)) is not None

    return select
