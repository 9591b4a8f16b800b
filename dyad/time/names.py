"""Calendar words and the regex fragments built from them.

Fragments are source strings, not compiled patterns, so ``find`` and ``dateline`` can
put them in larger patterns with their own flags. Month and weekday names are matched
capitalised ("March", not "march"), which keeps the verb "may" and the noun "march" out.
"""

from __future__ import annotations

import re

_MONTH_FORMS: dict[int, tuple[str, ...]] = {
    1: ("January", "Jan"), 2: ("February", "Feb"), 3: ("March", "Mar"),
    4: ("April", "Apr"), 5: ("May",), 6: ("June", "Jun"), 7: ("July", "Jul"),
    8: ("August", "Aug"), 9: ("September", "Sept", "Sep"), 10: ("October", "Oct"),
    11: ("November", "Nov"), 12: ("December", "Dec"),
}
_WEEKDAY_FORMS: tuple[tuple[str, ...], ...] = (
    ("Monday", "Mon"), ("Tuesday", "Tues", "Tue"), ("Wednesday", "Wed"),
    ("Thursday", "Thurs", "Thur", "Thu"), ("Friday", "Fri"), ("Saturday", "Sat"),
    ("Sunday", "Sun"),
)

MONTH_NUMBERS: dict[str, int] = {
    form.lower(): number for number, forms in _MONTH_FORMS.items() for form in forms
}
WEEKDAY_NUMBERS: dict[str, int] = {
    form.lower(): number for number, forms in enumerate(_WEEKDAY_FORMS) for form in forms
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "eighteen": 18, "twenty": 20, "thirty": 30, "a couple of": 2,
}
# Counts a reader understands but that have no value: "a few weeks ago".
VAGUE_NUMBERS = ("a few", "few", "several", "many")


def _alternation(words: list[str]) -> str:
    # Longest first, so "September" is tried before "Sept" and "Sep".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_FULL_MONTHS = [forms[0] for forms in _MONTH_FORMS.values()]
_ABBR_MONTHS = [f for forms in _MONTH_FORMS.values() for f in forms[1:]]

MONTH_FULL = rf"(?:{_alternation(_FULL_MONTHS)})(?![A-Za-z])"
MONTH_ANY = rf"(?:{_alternation(_FULL_MONTHS)}|(?:{_alternation(_ABBR_MONTHS)})\.?)(?![A-Za-z])"
WEEKDAY_FULL = rf"(?:{_alternation([f[0] for f in _WEEKDAY_FORMS])})(?![A-Za-z])"
WEEKDAY_ANY = (rf"(?:{_alternation([f[0] for f in _WEEKDAY_FORMS])}|"
               rf"(?:{_alternation([a for f in _WEEKDAY_FORMS for a in f[1:]])})\.?)(?![A-Za-z])")
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:18|19|20)\d\d(?![\w%]|[.,]\d)"
_NUMBER_WORDS_RE = _alternation([*NUMBER_WORDS, *VAGUE_NUMBERS]).replace(r"\ ", r"\s+")
NUMBER = rf"(?:\d{{1,3}}|{_NUMBER_WORDS_RE})(?!\w)"
UNIT = r"(?:day|week|month|year|decade)s?"

_UNIT_DAYS = {"day": 1, "week": 7}
_UNIT_MONTHS = {"month": 1, "year": 12, "decade": 120}


def month_number(token: str) -> int:
    """'Sept.' -> 9. The token must come from a month fragment."""
    return MONTH_NUMBERS[token.rstrip(".").lower()]


def weekday_number(token: str) -> int:
    """'Friday' -> 4 (Monday is 0, as in ``datetime``)."""
    return WEEKDAY_NUMBERS[token.rstrip(".").lower()]


def day_number(token: str) -> int:
    """'3rd' -> 3."""
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def count(token: str) -> int | None:
    """'two' -> 2, '18' -> 18, 'a few' -> None (vague)."""
    word = " ".join(token.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def unit_length(unit: str) -> tuple[int, int]:
    """A unit as (days, months): 'weeks' -> (7, 0), 'years' -> (0, 12)."""
    base = unit.lower().rstrip("s")
    return _UNIT_DAYS.get(base, 0), _UNIT_MONTHS.get(base, 0)
