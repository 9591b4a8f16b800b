"""Parties an agreement's own words name by a combining form ("the Anglo-Iraqi treaty").

News names a bilateral agreement by two joined national forms; the second is a demonym the
resolver reads ("Iraqi"), the first a Latin combining form it does not ("Anglo", "Franco",
"Sino"). The form counts only when a state follows its hyphen: "Indo-Pacific" is a region.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.spans import ref_for_id
from dyad.model import ActorRef

__all__ = ["combining_form_parties"]

COMBINING_FORMS = {"anglo": "GBR", "franco": "FRA", "sino": "CHN", "indo": "IND", "russo": "RUS",
                   "italo": "ITA", "austro": "AUT", "greco": "GRC", "turco": "TUR", "luso": "PRT",
                   "hispano": "ESP", "nippo": "JPN"}

_FORM = re.compile(r"\b(?P<form>" + "|".join(COMBINING_FORMS) + r")-(?=[A-Z])", re.IGNORECASE)


def combining_form_parties(text: str, mentions: Sequence[Any], actors: Sequence[Any]) -> list[ActorRef]:
    """The states of the combining forms inside the mentions, each followed by a state."""
    out = []
    for m in mentions:
        for form in _FORM.finditer(text, m.start, m.end):
            if any(a.start == form.end() and a.actor.kind == "state" for a in actors):
                out.append(ref_for_id(COMBINING_FORMS[form.group("form").lower()], actors))
    return out
