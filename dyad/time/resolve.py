"""Resolving year-less and relative dates against a document's reference date.

Every function returns an ISO string (or None) and the rule that produced it, so a coded
event can say *why* it carries a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from dyad.errors import InputError
from dyad.time.partial import PartialDate, common_part, valid_day

# "nearest": the occurrence closest to the reference date; "past"/"future": on or
# before/after it; "before"/"after": strictly before/after it.
Direction = Literal["nearest", "past", "future", "before", "after"]

# Wire stories carry the local date of the dateline city while the feed stamps the
# publication time in UTC, so a dateline may be one day after the publication date.
TIMEZONE_SLACK_DAYS = 1
# How far back to look for a year with February 29 in it (leap years are <= 8 apart).
MAX_LEAP_GAP_YEARS = 8


@dataclass(frozen=True)
class Anchor:
    """What a document's dates are counted from.

    ``date`` is the dateline date if known, else the publication date, and may be
    year-less ('--03-03'). ``year_range`` (inclusive) is the span of years the document
    can be about; it lets a weekday name pick the year of a year-less date.
    """

    date: str | None = None
    published: str | None = None
    year_range: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        for value in (self.date, self.published):
            if value is not None:
                PartialDate.parse(value)
        if self.year_range is not None and self.year_range[0] > self.year_range[1]:
            raise InputError(f"year_range {self.year_range} runs backwards; "
                             "give (first_year, last_year)")


def reference(anchor: Anchor) -> PartialDate | None:
    """The anchor's reference date, with its year filled in when the anchor allows it."""
    base = anchor.date or anchor.published
    single_year = (anchor.year_range[0] if anchor.year_range
                   and anchor.year_range[0] == anchor.year_range[1] else None)
    if base is None:
        return PartialDate(single_year) if single_year is not None else None
    ref = PartialDate.parse(base)
    if ref.year is not None or ref.day is None:
        return ref
    year = None
    if anchor.published is not None:
        published = PartialDate.parse(anchor.published)
        if published.year is not None:
            year = year_on_or_before(ref.month, ref.day, published)  # type: ignore[arg-type]
    elif single_year is not None and valid_day(single_year, ref.month, ref.day):  # type: ignore[arg-type]
        year = single_year
    return ref if year is None else PartialDate(year, ref.month, ref.day)


def bounds(ref: PartialDate) -> tuple[dt.date, dt.date]:
    """First and last day a dated reference can stand for ('2023-03' -> Mar 1, Mar 31)."""
    year = ref.year or 0
    if ref.day is not None:
        day = dt.date(year, ref.month, ref.day)  # type: ignore[arg-type]
        return day, day
    first = dt.date(year, ref.month or 1, 1)
    last_month = ref.month or 12
    last = (dt.date(year + 1, 1, 1) if last_month == 12
            else dt.date(year, last_month + 1, 1)) - dt.timedelta(days=1)
    return first, last


def year_on_or_before(month: int, day: int, limit: PartialDate) -> int | None:
    """The latest year in which month/day falls on or before ``limit`` (plus the
    time-zone slack); None when no such year is near."""
    last = bounds(limit)[1] + dt.timedelta(days=TIMEZONE_SLACK_DAYS)
    for year in range(last.year, last.year - MAX_LEAP_GAP_YEARS - 1, -1):
        if valid_day(year, month, day) and dt.date(year, month, day) <= last:
            return year
    return None


def _choose_year(candidates: dict[int, tuple[int, int]], ref_year: int,
                 direction: Direction) -> int | None:
    """Pick a year from {year: (position, reference position)} by direction; ties in
    "nearest" go to the reference year."""
    if direction == "nearest":
        return min(candidates, key=lambda y: (abs(candidates[y][0] - candidates[y][1]),
                                              y != ref_year), default=None)
    keep = {
        "past": lambda p, r: p <= r, "before": lambda p, r: p < r,
        "future": lambda p, r: p >= r, "after": lambda p, r: p > r,
    }[direction]
    fits = [y for y, (pos, ref_pos) in candidates.items() if keep(pos, ref_pos)]
    if not fits:
        return None
    return max(fits) if direction in ("past", "before") else min(fits)


def _reference_day(ref: PartialDate, direction: Direction) -> dt.date:
    first, last = bounds(ref)
    if direction in ("past", "after"):
        return last
    if direction in ("future", "before"):
        return first
    return first + (last - first) / 2


def resolve_month_day(month: int, day: int, ref: PartialDate | None, *,
                      direction: Direction = "nearest") -> tuple[str | None, str]:
    """A year-less month/day placed in the year (the reference's, or one either side)
    that fits ``direction``."""
    if not valid_day(None, month, day):
        return None, "invalid-date"
    if ref is None or ref.year is None:
        return PartialDate(None, month, day).iso, "month-day-no-year"
    ref_day = _reference_day(ref, direction).toordinal()
    candidates = {y: (dt.date(y, month, day).toordinal(), ref_day)
                  for y in (ref.year - 1, ref.year, ref.year + 1) if valid_day(y, month, day)}
    year = _choose_year(candidates, ref.year, direction)
    if year is None:
        return None, "month-day-no-fit"
    rule = "month-day+anchor-year" if year == ref.year else "month-day+adjacent-year"
    return PartialDate(year, month, day).iso, rule


def resolve_year_less(month: int, day: int, anchor: Anchor, *,
                      direction: Direction = "nearest") -> tuple[str | None, str]:
    """'on March 3' with the year taken from ``anchor``: the occurrence nearest the
    reference date (or the one on the side ``direction`` asks for)."""
    return resolve_month_day(month, day, reference(anchor), direction=direction)


def resolve_month(month: int, ref: PartialDate | None, *,
                  direction: Direction = "nearest") -> tuple[str | None, str]:
    """'in June' placed in the reference year or one either side."""
    if ref is None or ref.year is None:
        return PartialDate(None, month).iso, "month-no-year"
    ref_month = ref.year * 12 + (ref.month or 7) - 1
    candidates = {y: (y * 12 + month - 1, ref_month) for y in (ref.year - 1, ref.year, ref.year + 1)}
    year = _choose_year(candidates, ref.year, direction)
    if year is None:
        return None, "month-no-fit"
    rule = "month+anchor-year" if year == ref.year else "month+adjacent-year"
    return PartialDate(year, month).iso, rule


def resolve_weekday(weekday: int, ref: PartialDate | None, *,
                    direction: Direction = "past") -> str | None:
    """The day named ``weekday`` (Monday=0) on the ``direction`` side of the reference
    day; "past" and "future" include the reference day itself."""
    day = ref.as_date() if ref is not None else None
    if day is None:
        return None
    back = (day.weekday() - weekday) % 7
    ahead = (weekday - day.weekday()) % 7
    delta = {"past": -back, "before": -(back or 7), "nearest": -back,
             "future": ahead, "after": ahead or 7}[direction]
    return PartialDate.of(day + dt.timedelta(days=delta)).iso


def infer_year_from_weekday(month: int, day: int, weekday: int,
                            year_range: tuple[int, int] | None) -> tuple[str | None, str]:
    """'Friday, March 3' with no year: the year is known only if exactly one year in
    ``year_range`` has March 3 on a Friday."""
    if not valid_day(None, month, day):
        return None, "invalid-date"
    yearless = PartialDate(None, month, day).iso
    if year_range is None:
        return yearless, "weekday-ambiguous-year"
    years = [y for y in range(year_range[0], year_range[1] + 1)
             if valid_day(y, month, day) and dt.date(y, month, day).weekday() == weekday]
    if len(years) == 1:
        return PartialDate(years[0], month, day).iso, "weekday-infers-year"
    return yearless, "weekday-ambiguous-year" if years else "weekday-no-year-in-range"


def week_span(ref: PartialDate, which: str) -> PartialDate | None:
    """'last', 'this', 'next', 'earlier this' or 'later this' week as the finest
    partial date covering it (weeks run Monday to Sunday).

    "last week" covers both readings, the previous calendar week and the seven days
    before the reference day, so it runs from the previous Monday to yesterday.
    """
    day = ref.as_date()
    if day is None:
        return None
    monday = day - dt.timedelta(days=day.weekday())
    sunday = monday + dt.timedelta(days=6)
    one, week = dt.timedelta(days=1), dt.timedelta(days=7)
    first, last = {
        "last": (monday - week, day - one), "next": (day + one, sunday + week),
        "this": (monday, sunday), "earlier this": (monday, day), "later this": (day, sunday),
    }[which]
    return common_part(first, last)
