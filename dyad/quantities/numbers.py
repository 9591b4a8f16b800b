"""Numbers as English news writes them: digits, spelled-out words and scale words.

``parse_number`` is the one place that turns a number's surface into a value; the
quantity finder and the agreement coder ("valid for twenty years") both use it. The
regex fragments below match the same grammar, so what the finder matches, this parses.

Grammar: commas separate thousands and a dot is the decimal point ("1,500.5"; "1.500" is
one and a half); words run from "zero" to "ninety-nine" with "hundred", "dozen" and the
scales; "a"/"an" is one only before a multiplier ("a million", "a dozen"); the short
scales "k", "m", "b" count only when glued to digits ("$300m").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

SMALL: dict[str, int] = {w: i for i, w in enumerate(_UNITS)} | {
    w: 20 + 10 * i for i, w in enumerate(_TENS)}
MULTIPLIERS: dict[str, int] = {"hundred": 100, "dozen": 12}
SCALES: dict[str, int] = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7,
}
# Written only after digits ("$12bn", "1.2 mln").
ABBREVIATIONS: dict[str, int] = {"bn": 10**9, "mn": 10**6, "mln": 10**6, "tn": 10**12,
                                 "trn": 10**12}
# Glued to digits only: "$300m" is money, "300 m" is not parsed.
GLUED: dict[str, int] = {"k": 10**3, "m": 10**6, "b": 10**9}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first; spaces match any whitespace."""
    phrases = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_ALT = alternation([*SCALES, *ABBREVIATIONS])
_REST = alternation([*SMALL, *MULTIPLIERS, *SCALES])
# "and" joins words only after "hundred" ("two hundred and fifty"), so "two and three"
# stays a range of two numbers.
SPELLED = (rf"(?:(?:{alternation(SMALL)})\b"
           rf"|an?(?=\s+(?:hundred|dozen|{alternation(SCALES)})\b))"
           rf"(?:(?:[\s-]+|(?<=hundred)\s+and\s+)(?:{_REST})\b)*")
NUMBER = rf"(?:(?:{DIGITS})(?:(?:\s+|-)?(?:{_SCALE_ALT})\b)*|{SPELLED})"
# A number as money writes it: also "$300m", "€5b", "$800k".
MONEY_NUMBER = rf"{NUMBER}(?:(?<=\d)[kmb]\b)?"
# Zero-width: the text just matched ends in a scale word ("3 billion", "$3bn").
ENDS_IN_SCALE = "(?:" + "|".join(
    [f"(?<={re.escape(w)})" for w in [*SCALES, *ABBREVIATIONS]]
    + [f"(?<=\\d{w})" for w in GLUED]) + ")"

_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<glued>[a-z]+)?"
    r"|(?P<word>[a-z]+)|(?P<sep>[\s-]+)|(?P<bad>.)")


def _tokens(words: str) -> list[tuple[str, Decimal]] | None:
    """(kind, value) pairs: kind is digits, small, a, mult or scale; None if not a number."""
    out: list[tuple[str, Decimal]] = []
    for m in _TOKEN.finditer(words.strip().lower()):
        if m["num"] is not None:
            out.append(("digits", Decimal(m["num"].replace(",", ""))))
            if m["glued"] is not None:
                scale = {**SCALES, **ABBREVIATIONS, **GLUED}.get(m["glued"])
                if scale is None:
                    return None
                out.append(("scale", Decimal(scale)))
        elif m["word"] is not None:
            w = m["word"]
            if w == "and":
                continue
            if w in ("a", "an"):
                out.append(("a", Decimal(1)))
            elif w in SMALL:
                out.append(("small", Decimal(SMALL[w])))
            elif w in MULTIPLIERS:
                out.append(("mult", Decimal(MULTIPLIERS[w])))
            elif w in SCALES or w in ABBREVIATIONS:
                out.append(("scale", Decimal({**SCALES, **ABBREVIATIONS}[w])))
            else:
                return None
        elif m["bad"] is not None:
            return None
    return out or None


def parse_parts(words: str) -> tuple[float, float] | None:
    """The value of a number and the multiplier of its trailing scale words.

    ``"3 billion"`` gives ``(3e9, 1e9)``, ``"2"`` gives ``(2.0, 1.0)``; the finder uses
    the multiplier to share a scale across a range ("$2-3 billion").
    """
    tokens = _tokens(words)
    if tokens is None:
        return None
    total = current = Decimal(0)
    last_scale = Decimal(1)
    prev: str | None = None
    for kind, v in tokens:
        if kind == "a" and prev is not None:
            return None
        if kind == "digits":
            if prev not in (None, "scale"):
                return None  # "5 5", "five 5"
            current = v
        elif kind in ("small", "a"):
            rem = current % 100
            if prev == "digits" or not (rem == 0 or (rem >= 20 and rem % 10 == 0 and v < 10)):
                return None  # "two three", "5 five"
            current += v
        elif kind == "mult":
            current = (current or 1) * v
        else:  # a scale word
            if prev == "scale" and current == 0:
                total *= v  # "2 lakh crore" is 2e12
            else:
                total += (current or 1) * v
                current = Decimal(0)
        last_scale = (last_scale * v if prev == "scale" else v) if kind == "scale" else Decimal(1)
        prev = kind
    if prev == "a":
        return None
    return float(total + current), float(last_scale)


def parse_number(words: str) -> float | None:
    """The value of a number written in digits or words, with scales; None if it is not one.

    >>> parse_number("7.5 billion"), parse_number("twenty-five"), parse_number("$12")
    (7500000000.0, 25.0, None)
    """
    parts = parse_parts(words)
    return None if parts is None else parts[0]
