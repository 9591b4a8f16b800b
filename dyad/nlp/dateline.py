"""Wire-story datelines: "NAIROBI, March 3 (Reuters) -", "SEOUL, Jan. 12 (Yonhap) —".

The dateline is cut off before parsing because the small model otherwise takes the
place as the subject of the first verb. Its date is the anchor for relative dates.
"""

from __future__ import annotations

import re

from dyad.model import Dateline

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
# An all-caps place ("UNITED NATIONS", "KYIV"), optionally followed by a region or
# country in title case ("KYIV, Ukraine,").
_PLACE = r"[A-Z][A-Z'’.\-]+(?:[ \-/][A-Z][A-Z'’.\-]+){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?(?=,))?"
_DATE = (rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH})(?:,?\s+(?:19|20)\d\d)?")
_AGENCY = r"\((?P<agency>[A-Za-z][\w.&’' \-]{0,40})\)"
_DASH = r"(?:-{1,2}|—|–|:)"

_DATELINE = re.compile(
    rf"^\s*(?P<place>{_PLACE})"
    rf"(?:\s*,\s*(?P<date>{_DATE}))?"
    rf"\s*(?:{_AGENCY})?"
    rf"\s*{_DASH}\s+"
)

# Longest prefix a dateline can have; a longer match is a sentence, not a dateline.
MAX_DATELINE_CHARS = 90


def find_dateline(text: str, *, published: str | None = None) -> Dateline | None:
    """The dateline at the start of ``text``, or None.

    A bare all-caps word followed by a dash counts only with a date or an agency, so
    an upper-case headline word ("UPDATE -") is not taken for a place.
    """
    m = _DATELINE.match(text[:MAX_DATELINE_CHARS + 10])
    if not m or m.end() > MAX_DATELINE_CHARS:
        return None
    if not (m.group("date") or m.group("agency")):
        return None
    place = m.group("place").strip().rstrip(",")
    date_text = m.group("date")
    date = None
    if date_text:
        from dyad.time import parse_dateline_date

        date, _rule = parse_dateline_date(date_text, published=published)
    return Dateline(
        place=_title_case(place),
        agency=(m.group("agency") or None),
        date=date,
        date_text=date_text,
        start=m.start("place"),
        end=m.end(),
    )


def _title_case(place: str) -> str:
    """'UNITED NATIONS' -> 'United Nations'; keeps the region part as written."""
    head, _, tail = place.partition(",")
    words = [w.capitalize() if w.isupper() else w for w in re.split(r"(\s+|-)", head)]
    out = "".join(words)
    return f"{out},{tail}" if tail else out
