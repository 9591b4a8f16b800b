"""A cheap test, before parsing, of whether a sentence can hold a codable event.

The NLP layer may skip the dependency parse of a sentence with no actor mention and no
trigger word. Before tagging there are no lemmas, so the trigger lemmas are expanded to
their inflected forms ("withdrew", "talks", "sanctioned"); a word list or a lemma list
both work. The test errs on the side of parsing: any trigger form or any part of a
multiword trigger's head counts.
"""

from __future__ import annotations

import functools
from typing import Iterable

from dyad.events.lexicon import Lexicon, default_lexicon

# Irregular past forms of trigger verbs (regular ones are generated).
IRREGULAR: dict[str, tuple[str, ...]] = {
    "meet": ("met",), "hold": ("held",), "strike": ("struck", "stricken"),
    "fight": ("fought",), "shoot": ("shot",), "give": ("gave", "given"), "send": ("sent",),
    "take": ("took", "taken"), "beat": ("beaten",), "blow": ("blew", "blown"),
    "lend": ("lent",), "withdraw": ("withdrew", "withdrawn"), "break": ("broke", "broken"),
    "freeze": ("froze", "frozen"), "forgive": ("forgave", "forgiven"), "seek": ("sought",),
    "undertake": ("undertook", "undertaken"), "overrun": ("overran",), "swear": ("swore", "sworn"),
    "bring": ("brought",), "lay": ("laid",), "go": ("went", "gone"), "have": ("had", "has"),
    "fly": ("flew", "flown"), "draw": ("drew", "drawn"), "shut": ("shut",), "cut": ("cut",),
    "hit": ("hit",), "set": ("set",), "quit": ("quit",), "put": ("put",), "win": ("won",),
    "rebuild": ("rebuilt",), "sell": ("sold",), "tell": ("told",), "leave": ("left",),
    "stand": ("stood",), "flee": ("fled",), "lead": ("led",), "deal": ("dealt",),
    "speak": ("spoke", "spoken"), "begin": ("began", "begun"), "throw": ("threw", "thrown"),
    "make": ("made",), "pay": ("paid",), "arise": ("arose",),
}


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb or noun lemma, plus known irregular ones."""
    forms = {lemma, *IRREGULAR.get(lemma, ())}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" \
                and lemma[-3] not in "aeiou":  # "ban" -> "banned", "rob" -> "robbed"
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@functools.lru_cache(maxsize=4)
def _tables(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    lemmas = frozenset(w for w in lexicon.lemmas if " " not in w)
    forms = frozenset(f for lemma in lemmas for f in inflections(lemma))
    return lemmas, forms


def trigger_lemmas(lexicon: Lexicon | None = None) -> frozenset[str]:
    """Head lemmas of every trigger entry (verbs and event nouns)."""
    return _tables(lexicon or default_lexicon())[0]


def trigger_forms(lexicon: Lexicon | None = None) -> frozenset[str]:
    """The trigger lemmas and their inflected forms, for matching words before tagging."""
    return _tables(lexicon or default_lexicon())[1]


def sentence_may_have_event(words: Iterable[str], lexicon: Lexicon | None = None) -> bool:
    """True when any word (or lemma) of a sentence can be an event trigger.

    A sentence also needs an actor to give an event; the caller checks that with the
    actor dictionary. "Modal clause under a verb of saying" demands (deontic REQUEST) are
    triggered by "must"/"should", which are in the forms too.
    """
    lex = lexicon or default_lexicon()
    forms = trigger_forms(lex) | lex.deontic_aux
    return any(w.lower() in forms for w in words)
