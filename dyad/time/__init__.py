"""Dates in news text, as ISO 8601 strings at the precision known.

'2010-12-21', '2011-01', '2020', or '--11-17' when only the month and day are known.
Pure functions: no spaCy, no I/O.
"""

from dyad.time.dateline import parse_dateline_date
from dyad.time.find import DateMention, find_dates, mentioned_years
from dyad.time.partial import PartialDate, date_key, weekday_of
from dyad.time.phrases import DateKind
from dyad.time.resolve import Anchor, Direction, reference, resolve_year_less

__all__ = [
    "Anchor",
    "DateKind",
    "DateMention",
    "Direction",
    "PartialDate",
    "date_key",
    "find_dates",
    "mentioned_years",
    "parse_dateline_date",
    "reference",
    "resolve_year_less",
    "weekday_of",
]
