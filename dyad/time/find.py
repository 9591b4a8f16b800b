"""Finding and resolving the dates in a text: ``find_dates``.

Every phrase pattern in ``phrases`` is run; where matches overlap the longest wins.
A preposition just before a date sets its kind and the side a year-less date is
resolved to ("by June" is a deadline in the coming June). The span of a mention holds
every word that changes its value or kind: "by the end of June", "last Friday",
"in three weeks", but "2019" (not "in 2019") and "Friday" (not "on Friday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.time.phrases import PHRASES, Context, DateKind, Hit
from dyad.time.resolve import Anchor, Direction, reference

# How far back (characters) a preposition setting a mention's kind is looked for.
PREFIX_WINDOW = 40

_PREFIX = re.compile(
    r"\b(?P<prep>(?i:by|before|no\s+later\s+than|not\s+later\s+than|until|till|through|"
    r"up\s+to|since|from|starting(?:\s+from)?|beginning|as\s+of|between))"
    r"(?:\s+the\s+(?i:end|start|beginning|middle|close)\s+of)?\s+$")
_KINDS: dict[str, tuple[DateKind, Direction]] = {
    "by": ("deadline", "future"), "before": ("deadline", "future"),
    "no later than": ("deadline", "future"), "not later than": ("deadline", "future"),
    "until": ("range_end", "nearest"), "till": ("range_end", "nearest"),
    "through": ("range_end", "nearest"), "up to": ("range_end", "nearest"),
    "since": ("range_start", "past"), "from": ("range_start", "nearest"),
    "starting": ("range_start", "nearest"), "starting from": ("range_start", "nearest"),
    "beginning": ("range_start", "nearest"), "as of": ("range_start", "nearest"),
    "between": ("range_start", "nearest"),
}
# Between a range start and the next date: "from 2019 to 2021", "between May and June".
_RANGE_LINK = re.compile(r"\s*(?:to|and|until|till|through|[-–—])\s*")
_YEAR_RULES = ("explicit-date", "explicit-month", "explicit-year", "iso-date", "year-range")


@dataclass(frozen=True)
class DateMention:
    """A date phrase in a text, with its ISO value (None when it cannot be resolved,
    and then ``rule`` says why) and what kind of time reference it is."""

    start: int
    end: int
    text: str
    value: str | None
    rule: str
    kind: DateKind = "point"


def find_dates(text: str, *, anchor: Anchor, offset: int = 0) -> list[DateMention]:
    """The date mentions of ``text`` in order, resolved against ``anchor``.

    ``offset`` is added to every start and end, for a text cut from a larger document.
    """
    ref = reference(anchor)
    groups: list[tuple[list[Hit], int]] = []
    for order, (pattern, handler) in enumerate(PHRASES):
        for m in pattern.finditer(text):
            prefix = _PREFIX.search(text, max(0, m.start() - PREFIX_WINDOW), m.start())
            kind, direction = (_KINDS[" ".join(prefix["prep"].lower().split())]
                               if prefix else ("point", "nearest"))
            hits = handler(m, Context(text, anchor, ref, kind, direction))
            if hits and prefix and hits[0].kind == kind != "point":
                hits[0] = hits[0]._replace(start=prefix.start())
            if hits:
                groups.append((hits, order))
    mentions = [DateMention(h.start + offset, h.end + offset, text[h.start:h.end],
                            h.value, h.rule, h.kind)
                for h in _longest_first(groups)]
    return _link_ranges(mentions, text, offset)


def _longest_first(groups: list[tuple[list[Hit], int]]) -> list[Hit]:
    """Non-overlapping hits, taking longer matches first (ties: earlier, then pattern
    order), returned in text order."""
    def span(group: tuple[list[Hit], int]) -> tuple[int, int]:
        return group[0][0].start, group[0][-1].end

    taken: list[tuple[int, int]] = []
    kept: list[Hit] = []
    for group in sorted(groups, key=lambda g: (span(g)[0] - span(g)[1], span(g)[0], g[1])):
        start, end = span(group)
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            kept.extend(group[0])
    return sorted(kept, key=lambda h: h.start)


def _link_ranges(mentions: list[DateMention], text: str, offset: int) -> list[DateMention]:
    """A point right after a range start, joined by 'to'/'and'/a dash, is its end."""
    out = list(mentions)
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        gap = text[first.end - offset:second.start - offset]
        if first.kind == "range_start" and second.kind == "point" and _RANGE_LINK.fullmatch(gap):
            out[i] = DateMention(second.start, second.end, second.text, second.value,
                                 second.rule, "range_end")
    return out


def mentioned_years(text: str) -> tuple[int, int] | None:
    """The first and last year written out in ``text``: a ``year_range`` for an
    ``Anchor`` when the dateline has no year."""
    years = [int(m.value[:4]) for m in find_dates(text, anchor=Anchor())
             if m.value and m.rule in _YEAR_RULES]
    return (min(years), max(years)) if years else None
