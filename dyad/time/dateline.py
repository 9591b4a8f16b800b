"""The date of a wire-story dateline: "March 3", "Jan. 12", "Sept 28", "3 March".

A dateline has no year; the publication date supplies it. Case is ignored because some
feeds print datelines in capitals ("JAN. 12").
"""

from __future__ import annotations

import re

from dyad.time.names import DAY, MONTH_ANY, WEEKDAY_ANY, YEAR, day_number, month_number, weekday_number
from dyad.time.partial import PartialDate, valid_day
from dyad.time.resolve import resolve_weekday, year_on_or_before

_MONTH_DAY = re.compile(
    rf"\b(?:(?P<m1>{MONTH_ANY})\s+(?P<d1>{DAY})|(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH_ANY}))"
    rf"(?:,?\s+(?P<year>{YEAR}))?", re.IGNORECASE)
_WEEKDAY = re.compile(rf"\b(?P<weekday>{WEEKDAY_ANY})", re.IGNORECASE)


def parse_dateline_date(text: str, *, published: str | None) -> tuple[str | None, str]:
    """The ISO date of a dateline's date part, and the rule used.

    With ``published`` the year is the one that puts the dateline on or before the
    publication date (one day of time-zone slack allowed) and closest to it: a story
    published 2023-01-02 datelined "Dec. 31" is 2022-12-31. Without it the date stays
    year-less ('--12-31').
    """
    pub = PartialDate.parse(published) if published else None
    m = _MONTH_DAY.search(text)
    if m is None:
        return _weekday_dateline(text, pub)
    month = month_number(m["m1"] or m["m2"])
    day = day_number(m["d1"] or m["d2"])
    if m["year"]:
        year = int(m["year"])
        if not valid_day(year, month, day):
            return None, "dateline-invalid-date"
        return PartialDate(year, month, day).iso, "dateline-explicit"
    if not valid_day(None, month, day):
        return None, "dateline-invalid-date"
    if pub is not None and pub.year is not None:
        year = year_on_or_before(month, day, pub)
        if year is not None:
            return PartialDate(year, month, day).iso, "dateline+published"
    return PartialDate(None, month, day).iso, "dateline-no-year"


def _weekday_dateline(text: str, pub: PartialDate | None) -> tuple[str | None, str]:
    """'Friday' alone: the last such day on or before publication, if known."""
    m = _WEEKDAY.search(text)
    if m is None:
        return None, "dateline-no-date"
    value = resolve_weekday(weekday_number(m["weekday"]), pub, direction="past")
    if value is None:
        return None, "dateline-weekday-no-date"
    return value, "dateline-weekday+published"
