"""Partial ISO 8601 dates: '2010-12-21', '2011-01', '2020', '--11-17' and '--11'.

A news date is often known only to the month or year, or without its year (a dateline
says "Nov. 17"). ``PartialDate`` keeps exactly what is known; the year-less forms are the
ISO 8601:2000 ``--MM-DD`` and ``--MM``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dyad.errors import InputError

_ISO = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?)?(?:[T ][\d:.+\-Z]*)?")
_YEARLESS = re.compile(r"--(?P<m>\d\d)(?:-(?P<d>\d\d))?")

# Year-less dates are checked and shifted in a leap year (so "--02-29" is valid) and
# in a common year; a shift whose result differs between the two has no year-less answer.
LEAP_YEAR = 2000
COMMON_YEAR = 2001


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, month or year, with or without its year."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise InputError(f"a day without a month is not a date (day={self.day}); "
                             "give the month too")
        if self.year is None and self.month is None:
            raise InputError("an empty date has neither year nor month; use None instead")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InputError(f"month {self.month} is out of range; use 1-12")
        if self.day is not None:
            year = LEAP_YEAR if self.year is None else self.year
            if not 1 <= self.day <= calendar.monthrange(year, self.month)[1]:  # type: ignore[arg-type]
                raise InputError(f"{year if self.year else '--'}-{self.month:02d}-{self.day:02d} "
                                 "is not a calendar date; check the day of the month")

    @classmethod
    def parse(cls, iso: str) -> PartialDate:
        """'2010-12-21', '2011-01', '2020', '--11-17' or '--11'; a time part is dropped."""
        text = iso.strip()
        m = _ISO.fullmatch(text) or _YEARLESS.fullmatch(text)
        if m is None:
            raise InputError(f"date {iso!r} is not ISO 8601; write YYYY-MM-DD, YYYY-MM, "
                             "YYYY, --MM-DD or --MM")
        groups = m.groupdict()
        return cls(*(int(groups[k]) if groups.get(k) else None for k in ("y", "m", "d")))

    @classmethod
    def of(cls, date: dt.date) -> PartialDate:
        return cls(date.year, date.month, date.day)

    @property
    def iso(self) -> str:
        head = "-" if self.year is None else f"{self.year:04d}"
        parts = [head] + [f"{p:02d}" for p in (self.month, self.day) if p is not None]
        return "-".join(parts)

    @property
    def precision(self) -> str:
        """'day', 'month' or 'year' (a year-less date has day or month precision)."""
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    def as_date(self) -> dt.date | None:
        """The calendar day, when year, month and day are all known."""
        if self.year is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)  # type: ignore[arg-type]

    def truncate(self, precision: str) -> PartialDate | None:
        """The same date at a coarser precision; None if that drops everything known."""
        if precision == "day":
            return self if self.day is not None else None
        if precision == "month":
            return PartialDate(self.year, self.month) if self.month is not None else None
        return PartialDate(self.year) if self.year is not None else None


def date_key(iso: str) -> tuple[int, int, int]:
    """A sort key for partial dates: a coarser date sorts before the finer ones it holds
    ('2020' < '2020-01' < '2020-01-01'), and year-less dates sort before all dated ones."""
    d = PartialDate.parse(iso)
    return (d.year or 0, d.month or 0, d.day or 0)


def weekday_of(iso: str) -> int | None:
    """Monday=0 ... Sunday=6 for a full date; None when the year or day is unknown."""
    day = PartialDate.parse(iso).as_date()
    return None if day is None else day.weekday()


def valid_day(year: int | None, month: int, day: int) -> bool:
    """True if month/day exists in ``year`` (any leap year when the year is unknown)."""
    if not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(LEAP_YEAR if year is None else year, month)[1]


def shift_days(ref: PartialDate, days: int) -> PartialDate | None:
    """``ref`` moved by ``days``; year-less only when the answer does not need the year."""
    full = ref.as_date()
    if full is not None:
        return PartialDate.of(full + dt.timedelta(days=days))
    if ref.day is None:
        return None
    answers = {
        (d.month, d.day)
        for y in (LEAP_YEAR, COMMON_YEAR) if valid_day(y, ref.month, ref.day)  # type: ignore[arg-type]
        for d in [dt.date(y, ref.month, ref.day) + dt.timedelta(days=days)]  # type: ignore[arg-type]
    }
    if len(answers) != 1:
        return None
    (month, day), = answers
    return PartialDate(None, month, day)


def shift_months(ref: PartialDate, months: int) -> PartialDate | None:
    """The month ``months`` away from ``ref``'s month, at month precision."""
    if ref.month is None:
        return None
    index = (ref.year or 0) * 12 + ref.month - 1 + months
    return PartialDate(None if ref.year is None else index // 12, index % 12 + 1)


def shift_years(ref: PartialDate, years: int) -> PartialDate | None:
    """The year ``years`` away, at year precision."""
    return None if ref.year is None else PartialDate(ref.year + years)


def common_part(first: dt.date, last: dt.date) -> PartialDate | None:
    """The finest partial date holding every day from ``first`` to ``last``.

    Used for phrases that name a span rather than a day ("last week"): the answer is the
    month if the span stays in one month, else the year, else None.
    """
    if first == last:
        return PartialDate.of(first)
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(first.year, first.month)
    if first.year == last.year:
        return PartialDate(first.year)
    return None
