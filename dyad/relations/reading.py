"""The modality of a standing relation: ``dyad.modality`` reads it from the trigger's
clause; two readings proper to relations adjust it.

- A definite noun phrase presupposes the relation: "North Korea sent troops to fight for
  Russia in its war against Ukraine" asserts the war though the clause is a purpose;
  "Russia may keep warships at its naval facility in Tartus" asserts the facility.
- A membership applied for, negotiated or offered has not happened: "a candidate for EU
  membership", "accession talks with Ukraine", "invited to join BRICS" are intended.
"""

from __future__ import annotations

import re
from typing import Callable

from dyad.agreements.spans import token_at
from dyad.relations.context import SentenceEnv

PROSPECTIVE = frozenset({"intended", "expected", "hypothetical"})
# Types whose definite noun phrase ("its war", "the US base") presupposes the relation.
PRESUPPOSED = frozenset({"armed_conflict", "alliance", "military_presence", "occupation",
                         "sanctions", "territorial_claim"})
_DEFINITE = re.compile(r"(?:\b(?:the|its|their|his|her|our)|['’]s?)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# Words that make a membership a prospect, not a fact.
_PROSPECT = re.compile(r"\b(?:candidate|candidacy|candidates|aspirants?|aspiring|applicants?|"
                       r"applications?|applied|apply|applying|accession\s+(?:talks|negotiations|process|"
                       r"bid|request)|negotiat(?:e|es|ed|ing|ions?)\s+(?:its\s+|their\s+)?(?:\w+\s+)?"
                       r"(?:accession|membership)|invit(?:ed|ation|es|e)\s+to\s+join|path\s+to|road\s+to|"
                       r"way\s+for)\b", re.IGNORECASE)
_WINDOW = 40  # characters before the trigger read for a determiner or a prospect word


def relation_modality(env: SentenceEnv, rtype: str, m: re.Match[str], modality: Callable) -> str:
    """The modality of the relation whose trigger is ``m`` (``modality`` is
    ``dyad.modality.modality_of`` or a stand-in)."""
    text, sent, parsed = env.parsed.text, env.sent, env.parsed
    tok = token_at(parsed, m.start(), m.end())
    reading = modality(parsed, tok) if tok is not None else None
    mod = getattr(reading, "modality", "asserted")
    if mod in PROSPECTIVE and rtype in PRESUPPOSED \
            and _DEFINITE.search(text, max(sent.start, m.start() - _WINDOW), m.start()) \
            and any(t.pos in {"NOUN", "PROPN"} for t in parsed.tokens[sent.token_start:sent.token_end]
                    if m.start() <= t.start < m.end()):
        return "asserted"
    if rtype == "membership" and mod == "asserted":
        # the trigger's clause only: "invited to join BRICS; the UAE joined in January"
        before = text[max(sent.start, m.start() - _WINDOW):m.start()].split(";")[-1]
        after = text[m.start():min(sent.end, m.end() + 30)].split(";")[0]
        if _PROSPECT.search(before + after):
            return "intended"
    return mod
