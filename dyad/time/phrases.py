"""The date phrases ``find_dates`` looks for, one pattern and one small handler each.

A handler turns a match into hits (start, end, value, rule, kind), or into none when
the match turns out not to be a date ("2000 troops"). The context it gets says what
kind of mention the preposition before it makes ("by June" is a deadline) and so which
way a year-less date should be resolved.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, NamedTuple

from dyad.time.names import (
    DAY, MONTH_ANY, MONTH_FULL, NUMBER, UNIT, WEEKDAY_FULL, YEAR, count, day_number,
    month_number, unit_length, weekday_number,
)
from dyad.time.partial import PartialDate, shift_days, shift_months, shift_years, valid_day
from dyad.time.resolve import (
    Anchor, Direction, infer_year_from_weekday, resolve_month, resolve_month_day,
    resolve_weekday, week_span,
)

DateKind = Literal["point", "deadline", "range_start", "range_end"]

# How far back (characters, within the clause) a cue word may stand from the phrase.
CUE_WINDOW = 60
# How far back a context word for a bare month name ("in June") may stand.
MONTH_CONTEXT_WINDOW = 20


class Hit(NamedTuple):
    start: int
    end: int
    value: str | None
    rule: str
    kind: DateKind


@dataclass(frozen=True)
class Context:
    text: str
    anchor: Anchor
    ref: PartialDate | None
    kind: DateKind = "point"
    direction: Direction = "nearest"


Handler = Callable[[re.Match[str], Context], list[Hit]]

_Q = r"(?i:early|mid|late)"
# Cue words count only inside the clause of the phrase.
_CLAUSE_END = re.compile(r"[,.;:!?\n()](?=\s)")
# Before a weekday: the clause talks about the future ("will meet on Friday").
_FUTURE_CUE = re.compile(r"\b(?:will|shall|is\s+to|are\s+to|(?:is|are)\s+(?:due|expected|"
                         r"scheduled|set)\s+to|scheduled\s+for|plans?\s+to|planned\s+for)\b"
                         r"|\w'll\b", re.IGNORECASE)
# Before a year-less month or month-day: a past-tense verb right before the phrase
# ("signed in September", "was ratified on March 3") puts it on or before the reference
# day. Adjectival participles ("the planned summit in June") say nothing about tense.
_PAST_CUE = re.compile(
    r"\b(?:(?:was|were|had|did)\b(?:\s+\w+){0,3}"
    r"|(?!(?:planned|proposed|expected|scheduled|intended|anticipated|needed|related|based|"
    r"limited|armed|united|advanced|detailed|delayed|postponed)\b)\w{3,}ed"
    r"|met|held|took|began|came|made|won|lost|fell|rose|sent|struck|gave|left|went|broke|"
    r"told|said|saw|spoke|fought|paid|flew|led|oversaw)"
    r"(?:\s+\w+){0,3}\s+(?:in|on|during|last)?\s*(?:early|mid|late|the\s+end\s+of)?[\s-]*$",
    re.IGNORECASE)
# Before "in two years": a superlative makes it a duration ("the first visit in two years").
_DURATION_CUE = re.compile(r"\b(?:first|last|highest|lowest|worst|best|biggest|largest|"
                           r"longest|deadliest|most|least|only|since)\b", re.IGNORECASE)
_HOLIDAY = re.compile(r"\b(?:Good|Black|Bloody|Ash|Holy|Easter|Palm|Maundy|Shrove|Cyber|"
                      r"Super)\s+$")
_MONTH_CONTEXT = re.compile(r"\b(?i:in|since|by|until|till|through|from|before|after|during|"
                            r"of|and|or|to|between|early|late|mid)[\s-]+$")
# A four-digit number is a count, not a year, after these words or before these units.
_COUNT_BEFORE = re.compile(
    r"\b(?i:about|around|some|nearly|almost|over|under|than|least|roughly|approximately|"
    r"estimated|another|additional|resolution|no\.|number|flight|article|route|highway|"
    r"page|paragraph|section|rule|model|room|bus|line|gate|killed)\s+$")
_COUNT_AFTER = re.compile(
    r"^\s+(?i:people|persons|troops|soldiers|civilians|refugees|migrants|casualties|deaths|"
    r"dead|wounded|fighters|tonnes|tons|barrels|km|kilometres|kilometers|miles|metres|meters|"
    r"feet|dollars|euros|pounds|yuan|rubles|units|vehicles|tanks|missiles|rockets|drones|"
    r"shells|homes|houses|households|families|members|votes|workers|jobs|children|women|men|"
    r"prisoners|detainees|cases|hectares|acres|mw|megawatts|times|hours|hrs|minutes|gmt|utc|"
    r"points|percent|per\s+cent)\b")


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - CUE_WINDOW):start]
    ends = list(_CLAUSE_END.finditer(window))
    return window[ends[-1].end():] if ends else window


def _tense_direction(ctx: Context, start: int) -> Direction:
    """The side of the reference day a year-less date lies on: the prefix's direction
    ("by June"), else the clause's tense, else the nearest occurrence."""
    if ctx.direction != "nearest":
        return ctx.direction
    clause = _clause_before(ctx.text, start)
    if _FUTURE_CUE.search(clause):
        return "future"
    if _PAST_CUE.search(clause):
        return "past"
    return "nearest"


def _hit(m: re.Match[str], ctx: Context, value: str | None, rule: str,
         kind: DateKind | None = None) -> list[Hit]:
    return [Hit(m.start(), m.end(), value, rule, kind or ctx.kind)]


def _unresolved(ref: PartialDate | None, rule: str) -> str:
    """Why a relative phrase got no value: no anchor, no year, or too coarse an anchor."""
    if ref is None:
        return f"{rule}-no-anchor"
    return f"{rule}-no-year" if ref.year is None else f"{rule}-imprecise-anchor"


def _valued(m: re.Match[str], ctx: Context, date: PartialDate | None, rule: str,
            kind: DateKind | None = None) -> list[Hit]:
    if date is None:
        return _hit(m, ctx, None, _unresolved(ctx.ref, rule), kind)
    return _hit(m, ctx, date.iso, rule, kind)


# --- explicit dates ----------------------------------------------------------------

ISO_DATE = re.compile(r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?![\w-])")
MONTH_FIRST = re.compile(rf"\b(?:(?P<weekday>{WEEKDAY_FULL}),?\s+)?(?P<month>{MONTH_ANY})\s+"
                         rf"(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?")
DAY_FIRST = re.compile(rf"(?<![\d,.])\b(?:(?P<weekday>{WEEKDAY_FULL}),?\s+)?"
                       r"(?:the\s+(?=\d+(?:st|nd|rd|th)))?"
                       rf"(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH_ANY})"
                       rf"(?:,?\s+(?P<year>{YEAR}))?")
MONTH_YEAR = re.compile(rf"\b(?:{_Q}(?:-|\s+))?(?P<month>{MONTH_ANY}),?\s+(?:of\s+)?"
                        rf"(?P<year>{YEAR})")
YEAR_RANGE = re.compile(r"(?<![\w$€£.,/-])(?P<y1>(?:18|19|20)\d\d)\s*[-–—]\s*"
                        r"(?P<y2>(?:18|19|20)\d\d|\d\d)(?![\w%-]|[.,]\d)")
DECADE = re.compile(rf"(?:\b(?i:the)\s+)?(?:\b{_Q}(?:-|\s+))?(?:\b(?:18|19|20)\d0|'\d0)s\b")
YEAR_ALONE = re.compile(rf"(?<![\w$€£.,/-])(?:(?P<qual>{_Q})(?:-|\s+))?(?P<year>{YEAR})")


def iso_date(m: re.Match[str], ctx: Context) -> list[Hit]:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not valid_day(year, month, day):
        return []
    return _hit(m, ctx, PartialDate(year, month, day).iso, "iso-date")


def month_day(m: re.Match[str], ctx: Context) -> list[Hit]:
    """'March 3', '3rd of March', 'Friday, March 3', '4 April 1949'."""
    month, day = month_number(m["month"]), day_number(m["day"])
    year = int(m["year"]) if m["year"] else None
    if not valid_day(year, month, day):
        return []
    if year is not None:
        return _hit(m, ctx, PartialDate(year, month, day).iso, "explicit-date")
    weekday = weekday_number(m["weekday"]) if m["weekday"] else None
    if weekday is not None and (ctx.ref is None or ctx.ref.year is None):
        return _hit(m, ctx, *infer_year_from_weekday(month, day, weekday, ctx.anchor.year_range))
    direction = _tense_direction(ctx, m.start())
    value, rule = resolve_month_day(month, day, ctx.ref, direction=direction)
    if value is None and direction != ctx.direction:  # a stale reference: fall back
        value, rule = resolve_month_day(month, day, ctx.ref, direction=ctx.direction)
    if weekday is not None and value is not None:
        if PartialDate.parse(value).as_date().weekday() != weekday:  # type: ignore[union-attr]
            rule = "weekday-mismatch"
    return _hit(m, ctx, value, rule)


def month_year(m: re.Match[str], ctx: Context) -> list[Hit]:
    return _hit(m, ctx, PartialDate(int(m["year"]), month_number(m["month"])).iso,
                "explicit-month")


def year_range(m: re.Match[str], ctx: Context) -> list[Hit]:
    """'2019-2021', '2019–20': a start and an end."""
    first, tail = int(m["y1"]), m["y2"]
    last = first // 100 * 100 + int(tail) if len(tail) == 2 else int(tail)
    if last <= first:
        return []
    return [Hit(m.start("y1"), m.end("y1"), str(first), "year-range", "range_start"),
            Hit(m.start("y2"), m.end("y2"), str(last), "year-range", "range_end")]


def decade(m: re.Match[str], ctx: Context) -> list[Hit]:
    # Clearly a date but no ISO value fits a decade; kept so coders can see it.
    return _hit(m, ctx, None, "decade")


def year_alone(m: re.Match[str], ctx: Context) -> list[Hit]:
    """'2020', 'mid-2022'; a bare number is a year only outside count contexts."""
    if not m["qual"] and (_COUNT_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
                          or _COUNT_AFTER.match(ctx.text[m.end():m.end() + 30])):
        return []
    return _hit(m, ctx, m["year"], "explicit-year")


# --- month and weekday names ---------------------------------------------------------

MONTH_ALONE = re.compile(rf"\b(?:(?P<rel>(?i:last|next|this))\s+|(?P<qual>{_Q})(?:-|\s+))?"
                         rf"(?P<month>{MONTH_FULL})")
WEEKDAY = re.compile(rf"\b(?:(?P<rel>(?i:last|next|this))\s+)?(?P<weekday>{WEEKDAY_FULL})")

# "last June", "next Tuesday": strictly before or after the reference date.
_REL_DIRECTION: dict[str, Direction] = {"last": "before", "next": "after"}


def month_alone(m: re.Match[str], ctx: Context) -> list[Hit]:
    """'in June', 'by the end of June', 'last June', 'mid-June'."""
    rel = (m["rel"] or "").lower()
    start = m.start()
    if not (rel or m["qual"] or _MONTH_CONTEXT.search(
            ctx.text, max(0, start - MONTH_CONTEXT_WINDOW), start)):
        return []
    month = month_number(m["month"])
    if rel == "this":
        ref = ctx.ref
        if ref is None or ref.year is None:
            return _hit(m, ctx, PartialDate(None, month).iso, "month-no-year")
        return _hit(m, ctx, PartialDate(ref.year, month).iso, "this-month-name")
    if rel:
        value, rule = resolve_month(month, ctx.ref, direction=_REL_DIRECTION[rel])
        return _hit(m, ctx, value, f"{rel}-month-name" if rule.startswith("month+") else rule)
    direction = _tense_direction(ctx, start)
    value, rule = resolve_month(month, ctx.ref, direction=direction)
    if value is None and direction != ctx.direction:
        value, rule = resolve_month(month, ctx.ref, direction=ctx.direction)
    return _hit(m, ctx, value, rule)


def weekday(m: re.Match[str], ctx: Context) -> list[Hit]:
    """'on Friday' (the latest Friday on or before the reference day), 'next Tuesday',
    'last Monday'; 'will meet on Friday' looks forward."""
    if _HOLIDAY.search(ctx.text, max(0, m.start() - 12), m.start()):
        return []
    rel = (m["rel"] or "").lower()
    if rel in ("last", "next"):
        direction, rule = _REL_DIRECTION[rel], f"{rel}-weekday"
    elif rel == "this":
        direction, rule = "future", "this-weekday"
    elif ctx.direction == "future" or _FUTURE_CUE.search(
            _clause_before(ctx.text, m.start())):
        direction, rule = "future", "weekday-on-or-after-anchor"
    else:
        direction, rule = "past", "weekday-on-or-before-anchor"
    value = resolve_weekday(weekday_number(m["weekday"]), ctx.ref, direction=direction)
    return _hit(m, ctx, value, rule if value else _unresolved(ctx.ref, rule))


# --- relative phrases ----------------------------------------------------------------

TODAY = re.compile(r"(?i)\b(?P<word>today|yesterday|tomorrow|tonight|last\s+night|"
                   r"this\s+(?:morning|afternoon|evening))\b")
REL_UNIT = re.compile(r"(?i)\b(?P<which>(?:earlier|later)\s+this|last|next|this)\s+"
                      r"(?P<unit>week|month|year)\b")
END_OF = re.compile(r"(?i)\b(?:the\s+)?(?:end|close)\s+of\s+(?P<which>the|this|next|last)\s+"
                    r"(?P<unit>year|month)\b|\b(?P<unit2>year|month)[- ]end\b")
AGO = re.compile(rf"(?i)\b(?P<num>{NUMBER})\s+(?P<unit>{UNIT})\s+ago\b")
IN_N = re.compile(rf"(?i)\bin\s+(?P<num>{NUMBER})\s+(?P<unit>{UNIT})(?:'s?\s+time|\s+time)?"
                  r"(?![\w'])")
WITHIN = re.compile(rf"(?i)\b(?P<lead>within(?:\s+the\s+next)?|in\s+the\s+(?:next|coming)|"
                    rf"(?:over|during|for)\s+the\s+(?:next|coming))\s+(?:(?P<num>{NUMBER})\s+)?"
                    rf"(?P<unit>{UNIT})(?![\w'])")
PAST_N = re.compile(rf"(?i)\bthe\s+(?:past|last)\s+(?:(?P<num>{NUMBER})\s+)?(?P<unit>{UNIT})"
                    r"(?![\w'])")
NARRATIVE = re.compile(rf"(?i)\bthe\s+(?:previous|following|next|preceding)\s+"
                       rf"(?:day|week|month|year)\b|\bthe\s+day\s+(?:before|after)\b|"
                       rf"\b(?:{NUMBER})\s+(?:{UNIT})\s+(?:later|earlier)\b")

_DAY_WORDS = {"today": (0, "today"), "tonight": (0, "today"), "yesterday": (-1, "yesterday"),
              "tomorrow": (1, "tomorrow"), "last night": (-1, "yesterday")}
_STEP = {"last": -1, "next": 1, "this": 0, "earlier this": 0, "later this": 0,
         "the": 0}


def today(m: re.Match[str], ctx: Context) -> list[Hit]:
    word = " ".join(m["word"].lower().split())
    days, rule = _DAY_WORDS.get(word, (0, "today"))
    return _valued(m, ctx, shift_days(ctx.ref, days) if ctx.ref else None, rule)


def rel_unit(m: re.Match[str], ctx: Context) -> list[Hit]:
    """'last week', 'next month', 'earlier this year'."""
    which, unit = " ".join(m["which"].lower().split()), m["unit"].lower()
    rule = f"{which.split()[-1]}-{unit}"
    ref = ctx.ref
    if unit == "week":
        date = week_span(ref, which) if ref else None
        if ref and ref.as_date() and date is None:
            return _hit(m, ctx, None, f"{rule}-spans-years")
    elif unit == "month":
        date = shift_months(ref, _STEP[which]) if ref else None
    else:
        date = shift_years(ref, _STEP[which]) if ref else None
    return _valued(m, ctx, date, rule)


def end_of(m: re.Match[str], ctx: Context) -> list[Hit]:
    """'the end of the year', 'year-end': with 'by' or 'before' in front, a deadline."""
    unit = (m["unit"] or m["unit2"]).lower()
    step = _STEP[(m["which"] or "the").lower()]
    ref = ctx.ref
    if unit == "year":
        date = shift_years(ref, step) if ref else None
    else:
        date = shift_months(ref, step) if ref else None
    return _valued(m, ctx, date, f"end-of-{unit}")


def _moved(ref: PartialDate | None, n: int, unit: str, *, keep_month: bool) -> PartialDate | None:
    """``ref`` moved by n units: day precision for days and weeks, month for months,
    year for years (month when ``keep_month``, as a deadline's month matters)."""
    if ref is None:
        return None
    days, months = unit_length(unit)
    if days:
        return shift_days(ref, n * days)
    moved = shift_months(ref, n * months)
    if moved is not None and months >= 12 and not keep_month:
        return moved.truncate("year")
    return moved


def _counted(m: re.Match[str], ctx: Context, sign: int, rule: str, kind: DateKind,
             *, keep_month: bool = False) -> list[Hit]:
    n = count(m["num"]) if m["num"] else 1
    if n is None:
        return _hit(m, ctx, None, f"{rule}-vague", kind)
    return _valued(m, ctx, _moved(ctx.ref, sign * n, m["unit"], keep_month=keep_month),
                   rule, kind)


def ago(m: re.Match[str], ctx: Context) -> list[Hit]:
    return _counted(m, ctx, -1, "ago", ctx.kind)


def in_n(m: re.Match[str], ctx: Context) -> list[Hit]:
    """'in three weeks' - but not 'the first visit in two years' or 'in two years of war'."""
    if (_DURATION_CUE.search(_clause_before(ctx.text, m.start()))
            or re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4])):
        return []
    return _counted(m, ctx, 1, "in-n", ctx.kind)


def within(m: re.Match[str], ctx: Context) -> list[Hit]:
    """'within six months' (a deadline), 'over the next five years' (a range end)."""
    lead = m["lead"].lower()
    if lead.startswith(("within", "in")):
        return _counted(m, ctx, 1, "within", "deadline", keep_month=True)
    return _counted(m, ctx, 1, "next-n", "range_end", keep_month=True)


def past_n(m: re.Match[str], ctx: Context) -> list[Hit]:
    """'over the past three years': the range starts that far back."""
    return _counted(m, ctx, -1, "past-n", "range_start")


def narrative(m: re.Match[str], ctx: Context) -> list[Hit]:
    # Counted from a date in the story, not from the anchor: not resolvable here.
    return _hit(m, ctx, None, "narrative-relative")


# Order breaks ties between equally long matches: the earlier entry wins.
PHRASES: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (ISO_DATE, iso_date), (MONTH_FIRST, month_day), (DAY_FIRST, month_day),
    (MONTH_YEAR, month_year), (YEAR_RANGE, year_range), (DECADE, decade),
    (YEAR_ALONE, year_alone), (MONTH_ALONE, month_alone), (WEEKDAY, weekday),
    (TODAY, today), (END_OF, end_of), (REL_UNIT, rel_unit), (AGO, ago), (IN_N, in_n),
    (WITHIN, within), (PAST_N, past_n), (NARRATIVE, narrative),
)
