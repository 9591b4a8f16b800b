"""The modality of a standing relation: ``dyad.modality`` reads it from the trigger's
clause; two readings proper to relations adjust it.

- A definite noun phrase presupposes the relation: "North Korea sent troops to fight for
  Russia in its war against Ukraine" asserts the war though the clause is a purpose;
  "Russia may keep warships at its naval facility in Tartus" asserts the facility.
- A membership applied for, sought, negotiated or offered has not happened: "a candidate
  for EU membership", "Serbia seeks EU membership", "accession talks with Ukraine",
  "invited to join BRICS" are intended; an offer turned down ("declined an invitation to
  join BRICS") is negated.
- A membership noun whose coming is awaited is expected: "Sweden's accession is expected
  in July", "whose membership awaits ratification".
- A past participle after its noun states a fact whatever the clause around it: "Israel
  and Hamas agreed to a ceasefire, in a deal brokered by Qatar" asserts the mediation though
  the agreeing is read as intended.
- A pattern may fix the modality of what its trigger asserts (``fixed_modality``).
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
                       r"applications?|applied|apply|applying|(?:accession|membership)\s+(?:talks|negotiations|"
                       r"process|bids?|requests?)|bids?\s+to\s+(?:join|become)|aspir(?:e|es|ed|ing)\s+to\s+(?:join|become)|(?:seeks?|seeking|sought|wants?|wanted|pursu(?:e|es|ed|ing))\s+"
                       r"(?:full\s+)?(?:[\w.-]+\s+){0,3}?membership|negotiat(?:e|es|ed|ing|ions?)\s+(?:its\s+|their\s+)?(?:\w+\s+)?"
                       r"(?:accession|membership)|invit(?:ed|ation|es|e|ing)\s+(?:[\w.-]+\s+){0,4}?to\s+join|path\s+to|road\s+to|"
                       r"way\s+for)\b", re.IGNORECASE)
# An offer of membership turned down: "declined an invitation to join BRICS".
_TURNED_DOWN = re.compile(r"\b(?:declin|reject|refus|spurn|snubb?)\w*\s+(?:an?\s+|the\s+|its\s+)?"
                          r"(?:[\w-]+\s+)?(?:invitation|offer)\s+to\s+(?:join|become)", re.IGNORECASE)
# A membership noun whose coming is awaited: "Sweden's accession is expected in July",
# "Sweden, whose membership awaits ratification", "its entry, due next year".
_AWAITED = re.compile(r"\s*,?\s*(?:(?:is|was|are|were)\s+(?:now\s+|still\s+|also\s+)?(?:expected|due|set|scheduled|"
                      r"slated|likely|poised)\b|(?:still\s+)?(?:awaits|awaited|awaiting|pending|needs|requires|"
                      r"hinges\s+on)\b|(?:expected|due|scheduled|slated)\s+(?:in|by|next|later|to)\b)", re.IGNORECASE)
# "no" determining the trigger noun: "have no diplomatic relations".
_NONE_OF = re.compile(r"\bno\s+(?:(?:formal|official|full|direct|diplomatic)\s+)?$", re.IGNORECASE)
_MEMBER_NOUN = re.compile(r"\b(?:accession|membership|entry)\s*$", re.IGNORECASE)
_WINDOW = 40  # characters before the trigger read for a determiner or a prospect word


def relation_modality(env: SentenceEnv, rtype: str, m: re.Match[str], modality: Callable) -> str:
    """The modality of the relation whose trigger is ``m`` (``modality`` is
    ``dyad.modality.modality_of`` or a stand-in)."""
    text, sent, parsed = env.parsed.text, env.sent, env.parsed
    tok = token_at(parsed, m.start(), m.end())
    reading = modality(parsed, tok) if tok is not None else None
    mod = getattr(reading, "modality", "asserted")
    if _NONE_OF.search(text, max(sent.start, m.start() - 20), m.start()):
        return "negated"  # "have no diplomatic relations", "no formal ties"
    if mod in PROSPECTIVE and tok is not None and tok.dep == "acl" and tok.tag == "VBN":
        return "asserted"  # "a deal brokered by Qatar", "the base operated by France"
    if mod in PROSPECTIVE and rtype in PRESUPPOSED \
            and _DEFINITE.search(text, max(sent.start, m.start() - _WINDOW), m.start()) \
            and any(t.pos in {"NOUN", "PROPN"} for t in parsed.tokens[sent.token_start:sent.token_end]
                    if m.start() <= t.start < m.end()):
        return "asserted"
    if rtype == "membership" and mod == "asserted":
        # the trigger's clause only: "invited to join BRICS; the UAE joined in January"
        before = text[max(sent.start, m.start() - _WINDOW):m.start()].split(";")[-1]
        after = text[m.start():min(sent.end, m.end() + 30)].split(";")[0]
        if _TURNED_DOWN.search(before + after):
            return "negated"
        if _PROSPECT.search(before + after):
            return "intended"
        if _MEMBER_NOUN.search(m.group(0)) and _AWAITED.match(text, m.end()):
            return "expected"
    return mod


def fixed_modality(fixed: str, mod: str) -> str | None:
    """The modality of a relation whose pattern fixes it, given the trigger's own ``mod``;
    None when the relation is not to be written. A leaving ("Britain left the EU",
    ``fixed`` negated) says the membership no longer holds only when the leaving is stated
    or reported: a leaving planned or denied says nothing certain of the membership. An
    invitation (``fixed`` intended) keeps a stronger reading of its own ("did not invite")."""
    if fixed == "negated":
        return "negated" if mod in {"asserted", "reported"} else None
    if fixed == "asserted":  # "agreed to withdraw its troops": they are there, whatever comes
        return "asserted" if mod in {"asserted", "intended", "expected"} else mod
    return fixed if mod == "asserted" else mod
