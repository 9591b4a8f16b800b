"""Find quantities in news text and normalise them to the ``dyad/1`` units.

Units (``Quantity.unit``):

- money: the ISO 4217 code of the currency as written (``USD``, ``EUR``, ``GBP``, ``JPY``,
  ``INR``, ``CNY``, ``RUB``, ...). Amounts are never converted between currencies: there
  are no exchange rates offline. "crore" (1e7) and "lakh" (1e5) are scales.
- ``km``: distances; miles (x 1.609344), nautical miles (x 1.852) and metres (/ 1000)
  are converted and rounded to 3 decimals. ``km2``: areas (square miles converted).
- ``year``, ``month``, ``week``, ``day``, ``hour``: durations; a decade is 10 years, a
  century 100.
- ``percent`` and ``percentage_point``.
- ``item``: counted military hardware; ``person``: counted people (see ``COUNT_NOUNS``).
  A count is a number, then optionally "of its/their/the" and up to three modifiers
  (capitalised names such as "Rafale" or "F-16", hyphenated words, ``COUNT_MODIFIERS``),
  then a listed noun: "36 Rafale fighter jets", "3,000 of its troops".

Rules:

- A quantity is a number with a unit: bare numbers ("1,500", "two million") are not.
- A number glued to a letter, hyphen, dot or comma before it is part of a name or of
  another number: "G7", "F-35", "COVID-19" give nothing.
- A plain four-digit number from 1800 to 2099 is a year, never a count or duration
  ("In 2014 Russian troops ..." is not 2014 persons); other families keep it.
- "a"/"an" is one year, month, ... only where it is clearly a duration: after a cue word
  ("for a year", "within a month", "more than a decade"), before "-long" ("a year-long
  truce"), or for "a decade"/"a century" anywhere; "twice a year" and "$5bn a year" are
  rates, not durations. "five years ago" and "a 20-year-old" are not durations.
- "pounds", "won" and "rand" are money only after a scale ("5 million pounds") or with
  a qualifier ("pounds sterling"), since "500 pounds" may be a weight.
- A range gives two quantities: "between $2 billion and $3 billion", "$2-3 billion",
  "10 to 15 km". The first takes the second's unit, and its scale when it has none and
  is smaller ("2" in "$2-3 billion" is 2e9).
- Where candidates overlap, the longest wins.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from dyad.model import Quantity
from dyad.quantities.numbers import (ENDS_IN_SCALE, MONEY_NUMBER, NUMBER, alternation,
                                     parse_parts)

# --- data ---------------------------------------------------------------------------

# Written before the amount, case-sensitive.
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "US$": "USD", "C$": "CAD", "A$": "AUD", "HK$": "HKD", "S$": "SGD",
    "NZ$": "NZD", "NT$": "TWD", "R$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY",
    "₹": "INR", "Rs": "INR", "Rs.": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₴": "UAH",
}
# Written before or after the amount, case-sensitive; RMB is the usual press name of CNY.
CURRENCY_CODES: dict[str, str] = {c: c for c in (
    "USD", "EUR", "GBP", "JPY", "INR", "CNY", "RUB", "CAD", "AUD", "CHF", "HKD", "SGD",
    "NZD", "KRW", "TRY", "UAH", "SAR", "AED", "ILS", "IRR", "BRL", "ZAR", "PKR", "EGP")} | {
    "RMB": "CNY"}
# Written after the amount, any case.
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "american dollars": "USD", "canadian dollars": "CAD", "australian dollars": "AUD",
    "hong kong dollars": "HKD", "singapore dollars": "SGD", "new zealand dollars": "NZD",
    "taiwan dollars": "TWD", "euro": "EUR", "euros": "EUR", "pounds sterling": "GBP",
    "sterling": "GBP", "british pounds": "GBP", "pounds": "GBP", "yen": "JPY",
    "japanese yen": "JPY", "rupee": "INR", "rupees": "INR", "indian rupees": "INR",
    "pakistani rupees": "PKR", "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB",
    "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "swiss francs": "CHF",
    "won": "KRW", "south korean won": "KRW", "lira": "TRY", "turkish lira": "TRY",
    "hryvnia": "UAH", "hryvnias": "UAH", "riyals": "SAR", "saudi riyals": "SAR",
    "rials": "IRR", "iranian rials": "IRR", "dirhams": "AED", "shekels": "ILS",
    "rand": "ZAR", "egyptian pounds": "EGP",
}
AMBIGUOUS_CURRENCY_WORDS = frozenset({"pounds", "won", "rand"})

# surface -> (unit, factor to that unit)
DISTANCE_UNITS: dict[str, tuple[str, float]] = {
    **{w: ("km", 1.0) for w in ("km", "kms", "kilometre", "kilometres", "kilometer",
                                "kilometers")},
    **{w: ("km", 1.609344) for w in ("mile", "miles")},
    **{w: ("km", 1.852) for w in ("nautical mile", "nautical miles")},
    **{w: ("km", 0.001) for w in ("metre", "metres", "meter", "meters")},
    **{w: ("km2", 1.0) for w in ("km2", "km²", "sq km", "sq. km", "square kilometre",
                                 "square kilometres", "square kilometer",
                                 "square kilometers")},
    **{w: ("km2", 2.589988) for w in ("square mile", "square miles")},
}
DURATION_UNITS: dict[str, tuple[str, float]] = {
    "year": ("year", 1), "years": ("year", 1), "decade": ("year", 10),
    "decades": ("year", 10), "century": ("year", 100), "centuries": ("year", 100),
    "month": ("month", 1), "months": ("month", 1), "week": ("week", 1),
    "weeks": ("week", 1), "day": ("day", 1), "days": ("day", 1), "hour": ("hour", 1),
    "hours": ("hour", 1),
}
# Words before "a year", "a month" ... that make it a duration.
DURATION_CUES = ("for", "of", "within", "after", "over", "lasting", "than", "nearly",
                 "almost", "about", "around", "another", "up to", "at least")
PERCENT_WORDS: dict[str, str] = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pct": "percent",
    "percentage point": "percentage_point", "percentage points": "percentage_point",
}
# Singular (or invariable) nouns; a plural "s" is optional in the pattern.
COUNT_NOUNS: dict[str, str] = {
    **{w: "item" for w in (
        "jet", "fighter jet", "warplane", "aircraft", "plane", "helicopter", "tank",
        "frigate", "submarine", "missile", "drone", "warship", "destroyer", "corvette",
        "aircraft carrier", "howitzer", "rocket", "rocket launcher", "armoured vehicle",
        "armored vehicle")},
    **{w: "person" for w in (
        "troop", "soldier", "personnel", "refugee", "people", "civilian", "peacekeeper",
        "sailor", "marine", "service member", "servicemen", "prisoner", "hostage",
        "migrant", "military adviser", "military advisor")},
}
# Words allowed between a number and a counted noun, besides capitalised names
# ("36 Rafale fighter jets", "3,000 US troops") and hyphenated words ("anti-ship").
COUNT_MODIFIERS = ("new", "more", "additional", "extra", "advanced", "modern", "combat",
                   "attack", "armed", "unmanned", "ballistic", "cruise", "nuclear",
                   "main", "battle", "military", "foreign", "active", "armoured",
                   "armored", "naval", "stealth", "american", "russian", "chinese")

UNITS: frozenset[str] = frozenset(
    [*CURRENCY_SYMBOLS.values(), *CURRENCY_CODES.values(), *CURRENCY_WORDS.values(),
     *(u for u, _ in DISTANCE_UNITS.values()), *(u for u, _ in DURATION_UNITS.values()),
     *PERCENT_WORDS.values(), *COUNT_NOUNS.values()])

# --- patterns -----------------------------------------------------------------------

_PREFIX_UNITS = CURRENCY_SYMBOLS | CURRENCY_CODES
_START = r"(?<![\w$€£¥₹.,/+-])"  # not inside a name or another number
# A hyphen makes a range only before digits or a symbol, so "twenty-five" stays one number.
_RANGE = r"(?:\s*[-–—]\s*(?=\d|[^\w\s]|[A-Z]{1,3}\$)|\s+(?:to|and|or)\s+)"
_PREFIX = rf"(?-i:{alternation([*CURRENCY_SYMBOLS, *CURRENCY_CODES])})"
_SUFFIX = rf"(?:(?-i:{alternation(CURRENCY_CODES)})|{alternation(CURRENCY_WORDS)})"

# "$2 billion", "$2-3 billion", "$2 billion to $3 billion"; a range's second number
# must carry a scale, so "$5 million and 300 troops" stays one amount.
_MONEY_PREFIXED = re.compile(
    rf"{_START}(?P<c1>{_PREFIX})\s?"
    rf"(?:(?P<n1>{MONEY_NUMBER}){_RANGE}(?:(?P<c2>{_PREFIX})\s?)?)?"
    rf"(?P<n2>{MONEY_NUMBER})(?(n1){ENDS_IN_SCALE})", re.I)
_MONEY_WORDED = re.compile(
    rf"{_START}(?:{_PREFIX}\s?)?(?:(?P<n1>{MONEY_NUMBER}){_RANGE})??"
    rf"(?P<n2>{MONEY_NUMBER})(?:\s+|-)?(?P<unit>{_SUFFIX})\b", re.I)
_DISTANCE = re.compile(
    rf"{_START}(?:(?P<n1>{NUMBER}){_RANGE})??(?P<n2>{NUMBER})(?:\s+|-)?"
    rf"(?P<unit>{alternation(DISTANCE_UNITS)})(?!\w)(?!/h|\s+(?:per|an|a)\s+hour)", re.I)
_DURATION = re.compile(
    rf"{_START}(?:(?P<n1>{NUMBER}){_RANGE})??(?P<n2>{NUMBER})(?:\s+|-)"
    rf"(?P<unit>{alternation(DURATION_UNITS)})\b"
    rf"(?!-old|\s+old\b|\s+ago\b|[\s-]+of\s+age\b)", re.I)
_A_DURATION = re.compile(
    rf"(?:\b(?P<cue>{alternation(DURATION_CUES)})\s+)?\b(?P<q>an?\s+"
    rf"(?P<unit>{alternation(DURATION_UNITS)}))\b(?!\s+ago\b)(?P<long>-long\b)?", re.I)
_PERCENT = re.compile(
    rf"{_START}(?:(?P<n1>{NUMBER}){_RANGE})??(?P<n2>{NUMBER})\s*"
    rf"(?P<unit>%|(?:{alternation(w for w in PERCENT_WORDS if w != '%')})\b)", re.I)
_MODIFIER = rf"(?-i:[A-Z][\w.'’-]*)|(?:{alternation(COUNT_MODIFIERS)})\b|[a-z]+(?:-[a-z]+)+"
_COUNT = re.compile(
    rf"{_START}(?:(?P<n1>{NUMBER}){_RANGE})??(?P<n2>{NUMBER})\s+"
    rf"(?:of\s+(?:its|their|the|our)\s+)?(?:(?:{_MODIFIER})\s+){{0,3}}"
    rf"(?P<unit>(?:{alternation(COUNT_NOUNS)})s?)\b", re.I)
_YEAR = re.compile(r"(?:18|19|20)\d\d")


class _Hit(NamedTuple):
    start: int
    end: int
    value: float
    unit: str


def _key(surface: str) -> str:
    return " ".join(surface.lower().split())


def _numbers(m: re.Match[str], *, years: bool = True) -> list[tuple[int, int, float, float]]:
    """(start, end, value, trailing scale) of the one or two numbers of a match.

    The first number of a range ends where it does; the second runs to the match's end.
    With ``years=False`` a number that reads as a year is dropped.
    """
    second = parse_parts(m["n2"])
    if second is None or (not years and _YEAR.fullmatch(m["n2"])):
        return []
    if m["n1"] is None:
        return [(m.start(), m.end(), *second)]
    first = parse_parts(m["n1"])
    groups = m.re.groupindex
    start2 = m.start("c2") if "c2" in groups and m["c2"] else m.start("n2")
    out = [(start2, m.end(), *second)]
    if first is not None and (years or not _YEAR.fullmatch(m["n1"])):
        value, scale = first
        if scale == 1 and second[1] > 1 and value <= second[0] / second[1]:
            value *= second[1]  # "$2-3 billion": the 2 is billions too
        out.insert(0, (m.start(), m.end("n1"), value, scale))
    return out


def _money(text: str) -> list[_Hit]:
    hits = []
    for m in _MONEY_PREFIXED.finditer(text):
        unit = _PREFIX_UNITS[m["c1"]]
        hits += [_Hit(s, e, v, unit) for s, e, v, _ in _numbers(m)]
    for m in _MONEY_WORDED.finditer(text):
        word = m["unit"] if m["unit"] in CURRENCY_CODES else _key(m["unit"])
        numbers = _numbers(m)
        if word in AMBIGUOUS_CURRENCY_WORDS and numbers and numbers[-1][3] == 1:
            continue  # "500 pounds" may be a weight
        unit = CURRENCY_CODES.get(word) or CURRENCY_WORDS[word]
        hits += [_Hit(s, e, v, unit) for s, e, v, _ in numbers]
    return hits


def _distances(text: str) -> list[_Hit]:
    hits = []
    for m in _DISTANCE.finditer(text):
        unit, factor = DISTANCE_UNITS[_key(m["unit"])]
        hits += [_Hit(s, e, v if factor == 1 else round(v * factor, 3), unit)
                 for s, e, v, _ in _numbers(m)]
    return hits


def _durations(text: str) -> list[_Hit]:
    hits = []
    for m in _DURATION.finditer(text):
        unit, factor = DURATION_UNITS[_key(m["unit"])]
        hits += [_Hit(s, e, v * factor, unit) for s, e, v, _ in _numbers(m, years=False)]
    for m in _A_DURATION.finditer(text):
        unit, factor = DURATION_UNITS[_key(m["unit"])]
        if m["cue"] or m["long"] or factor > 1:
            hits.append(_Hit(m.start("q"), m.end("q"), float(factor), unit))
    return hits


def _percents(text: str) -> list[_Hit]:
    return [_Hit(s, e, v, PERCENT_WORDS[_key(m["unit"])])
            for m in _PERCENT.finditer(text) for s, e, v, _ in _numbers(m)]


def _counts(text: str) -> list[_Hit]:
    hits = []
    for m in _COUNT.finditer(text):
        noun = _key(m["unit"])
        unit = COUNT_NOUNS.get(noun) or COUNT_NOUNS[noun[:-1]]
        hits += [_Hit(s, e, v, unit) for s, e, v, _ in _numbers(m, years=False)]
    return hits


def _longest_first(hits: list[_Hit]) -> list[_Hit]:
    """Non-overlapping hits, longer ones chosen first, in text order."""
    chosen: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen)


def find_quantities(text: str, *, doc_id: str | None = None, offset: int = 0) -> list[Quantity]:
    """Every quantity in ``text``, in text order, without overlaps.

    ``start``/``end`` index ``text`` plus ``offset`` (pass a sentence's offset in its
    document); ``text`` of each quantity is the exact matched surface.

    >>> [(q.value, q.unit, q.text) for q in find_quantities("a $7.5 billion deal")]
    [(7500000000.0, 'USD', '$7.5 billion')]
    """
    hits = [*_money(text), *_distances(text), *_durations(text), *_percents(text),
            *_counts(text)]
    return [Quantity(value=h.value, unit=h.unit, text=text[h.start:h.end], doc_id=doc_id,
                     start=h.start + offset, end=h.end + offset)
            for h in _longest_first(hits)]
