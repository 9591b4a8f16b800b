"""The modality of a stage trigger in a sentence the parse selector left unparsed ("It
was never ratified", "It still needs to be ratified"): read from the words of the
trigger's clause before it, and a few words after ("The formal signing is scheduled for
May")."""

from __future__ import annotations

import re

from dyad.nlp.parsed import ParsedDoc, Token

__all__ = ["word_order_modality"]


# Word order's reading of a sentence the selector left unparsed ("It was never ratified",
# "It still needs to be ratified"): the words of the trigger's clause before it.
_CLAUSE_START = re.compile(r".*(?:[,;:(]|\b(?:and|but|which|that|while|whereas|because|as)\b)",
                           re.IGNORECASE | re.DOTALL)
_WORD_CUES = (
    ("negated", re.compile(r"\b(?:not|never|n't|neither|nor|yet\s+to)\b(?:\s+\S+){0,3}\s*$", re.IGNORECASE)),
    ("expected", re.compile(r"\b(?:must|needs?\s+to|ha(?:s|ve)\s+to|(?:is|are)\s+(?:required|due|set|"
                            r"expected|scheduled|slated|likely|poised|to\s+be)\s+to|will|shall|['’]ll|"
                            r"awaits?|awaiting|pending)\b(?:\s+\S+){0,3}\s*$", re.IGNORECASE)),
    ("intended", re.compile(r"\b(?:wants?|plans?|intends?|hopes?|seeks?|aims?|vow(?:s|ed)|"
                            r"threaten(?:s|ed)|pledg(?:es|ed)|promis(?:es|ed)|wanted|planned|"
                            r"intended|hoped|sought|aimed)\s+to\b(?:\s+\S+){0,2}\s*$", re.IGNORECASE)),
    # "either side can terminate it": a possibility, as in a parsed sentence (not "can no
    # longer", a denial)
    ("hypothetical", re.compile(r"\b(?:would|could|might|may|can(?!\s+no\s+longer\b))\b(?:\s+\S+){0,3}\s*$",
                                re.IGNORECASE)),
)


# A condition opening the trigger's clause: "If ratified,", "unless it is renewed"
_CONDITION_OPENS = re.compile(r"\b(?:if|unless|provided(?:\s+that)?)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)

# A stage noun, then a present verb of scheduling or a future: "signing is expected"
_SCHEDULED_AFTER = re.compile(r"(?:\s+ceremony)?\s+(?:(?:is|are)\s+(?:now\s+|also\s+)?(?:scheduled|expected|due|set|"
                              r"planned|slated|likely)|will|shall)\b", re.IGNORECASE)
# A time clause: "once ratified", "until it is signed", "when it expires", "before the pact
# can take effect" (a coming event, as in a parsed sentence).
_TIME_CLAUSE = re.compile(r"\b(?P<mark>once|until|till|before|when)\s+(?:(?:it|they|the(?:\s+[\w-]+){1,3}?)\s+)?"
                          r"(?P<aux>(?:is|are|can(?:\s+be)?)\s+)?$", re.IGNORECASE)


def word_order_modality(parsed: ParsedDoc, tok: Token, modality: str) -> str:
    """The modality the words before the trigger give in its clause of an unparsed
    sentence; "would" after a verb of saying is a reported future (``expected``), and a
    time clause in the present is ``expected`` ("once ratified", "when it expires"; not
    "when it was signed", "after it expired")."""
    sent = parsed.sentences[tok.sent]
    before = parsed.text[sent.start:tok.start]
    opening = _CLAUSE_START.match(before)
    clause = before[opening.end():] if opening else before
    time = _TIME_CLAUSE.search(before)
    if time and (time.group("aux") or not tok.text.lower().endswith("ed")
                 or time.group("mark").lower() in {"once", "until", "till"} and time.end() - time.start()
                 == len(time.group("mark")) + 1):
        return "expected"
    if _SCHEDULED_AFTER.match(parsed.text, tok.end, sent.end):
        return "expected"  # "The formal signing is scheduled for May"
    if _CONDITION_OPENS.search(clause):
        return "hypothetical"  # "If ratified, it would create ...", "unless renewed"
    for reading, cue in _WORD_CUES:
        if cue.search(clause):
            if reading == "hypothetical" and re.search(r"\b(?:said|says|told|announced)\b", before,
                                                       re.IGNORECASE):
                return "expected"
            return reading
    return modality
