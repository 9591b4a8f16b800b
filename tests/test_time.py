"""dyad.time: dates in news text, resolved against a dateline or publication date."""

from __future__ import annotations

import pytest

from dyad.errors import InputError
from dyad.time import (
    Anchor, PartialDate, date_key, find_dates, mentioned_years, parse_dateline_date,
    resolve_year_less, weekday_of,
)

FRI = Anchor(date="2023-03-03", published="2023-03-03")  # Friday 3 March 2023
WED = Anchor(date="2023-03-01")
MID_MARCH = Anchor(date="2023-03-15")
AUGUST = Anchor(date="2023-08-01")
NEW_YEAR = Anchor(date="2023-01-02")
YEARLESS = Anchor(date="--03-03")
NONE = Anchor()
# 3 March fell on a Friday in 2023 only among 2021-2024, but also in 2017 (2010-2024).
NARROW = Anchor(date="--03-03", year_range=(2021, 2024))
WIDE = Anchor(date="--03-03", year_range=(2010, 2024))
NO_FRIDAY = Anchor(date="--03-03", year_range=(2021, 2022))

CASES = [
    # explicit
    ("signed on 4 April 1949", NONE, "4 April 1949", "1949-04-04", "explicit-date", "point"),
    ("signed April 4, 1949", NONE, "April 4, 1949", "1949-04-04", "explicit-date", "point"),
    ("on the 4th of April, 1949", NONE, "the 4th of April, 1949", "1949-04-04", "explicit-date", "point"),
    ("on 21 December 2010", FRI, "21 December 2010", "2010-12-21", "explicit-date", "point"),
    ("Wednesday, March 1, 2023", NONE, "Wednesday, March 1, 2023", "2023-03-01", "explicit-date", "point"),
    ("in April 2021", FRI, "April 2021", "2021-04", "explicit-month", "point"),
    ("since Sept. 2022", FRI, "since Sept. 2022", "2022-09", "explicit-month", "range_start"),
    ("in 2019", FRI, "2019", "2019", "explicit-year", "point"),
    ("in mid-2022", FRI, "mid-2022", "2022", "explicit-year", "point"),
    ("dated 2021-09-28", NONE, "2021-09-28", "2021-09-28", "iso-date", "point"),
    ("in the 1990s", FRI, "the 1990s", None, "decade", "point"),
    # month and day, year from the anchor
    ("on March 3", FRI, "March 3", "2023-03-03", "month-day+anchor-year", "point"),
    ("on March 3rd", FRI, "March 3rd", "2023-03-03", "month-day+anchor-year", "point"),
    ("on the 3rd of March", FRI, "the 3rd of March", "2023-03-03", "month-day+anchor-year", "point"),
    ("on Dec. 30", NEW_YEAR, "Dec. 30", "2022-12-30", "month-day+adjacent-year", "point"),
    ("on Jan. 5", Anchor(date="2022-12-28"), "Jan. 5", "2023-01-05", "month-day+adjacent-year", "point"),
    ("on Sept 28", FRI, "Sept 28", "2022-09-28", "month-day+adjacent-year", "point"),
    ("on Oct 7", Anchor(date="2023-10-09"), "Oct 7", "2023-10-07", "month-day+anchor-year", "point"),
    ("on 17 November", YEARLESS, "17 November", "--11-17", "month-day-no-year", "point"),
    ("on 17 November", NONE, "17 November", "--11-17", "month-day-no-year", "point"),
    ("on Jan. 12", Anchor(date="--01-14", published="2023-01-15"), "Jan. 12", "2023-01-12",
     "month-day+anchor-year", "point"),
    # weekdays
    ("the minister said on Friday", FRI, "Friday", "2023-03-03", "weekday-on-or-before-anchor", "point"),
    ("talks on Tuesday", FRI, "Tuesday", "2023-02-28", "weekday-on-or-before-anchor", "point"),
    ("next Tuesday", FRI, "next Tuesday", "2023-03-07", "next-weekday", "point"),
    ("next Friday", FRI, "next Friday", "2023-03-10", "next-weekday", "point"),
    ("last Monday", FRI, "last Monday", "2023-02-27", "last-weekday", "point"),
    ("last Friday", FRI, "last Friday", "2023-02-24", "last-weekday", "point"),
    ("this Sunday", FRI, "this Sunday", "2023-03-05", "this-weekday", "point"),
    ("they will meet on Monday", FRI, "Monday", "2023-03-06", "weekday-on-or-after-anchor", "point"),
    ("officials, who will attend, said on Friday", FRI, "Friday", "2023-03-03",
     "weekday-on-or-before-anchor", "point"),
    ("a deal by Friday", WED, "by Friday", "2023-03-03", "weekday-on-or-after-anchor", "deadline"),
    ("on Friday", YEARLESS, "Friday", None, "weekday-on-or-before-anchor-no-year", "point"),
    ("on Friday", NONE, "Friday", None, "weekday-on-or-before-anchor-no-anchor", "point"),
    ("Friday, March 3", NARROW, "Friday, March 3", "2023-03-03", "weekday-infers-year", "point"),
    ("Friday 3 March", NARROW, "Friday 3 March", "2023-03-03", "weekday-infers-year", "point"),
    ("Friday, March 3", WIDE, "Friday, March 3", "--03-03", "weekday-ambiguous-year", "point"),
    ("Friday, March 3", YEARLESS, "Friday, March 3", "--03-03", "weekday-ambiguous-year", "point"),
    ("Friday, March 3", NO_FRIDAY, "Friday, March 3", "--03-03", "weekday-no-year-in-range", "point"),
    ("Friday, March 3", FRI, "Friday, March 3", "2023-03-03", "month-day+anchor-year", "point"),
    ("Tuesday, March 3", FRI, "Tuesday, March 3", "2023-03-03", "weekday-mismatch", "point"),
    # relative to the anchor
    ("today", FRI, "today", "2023-03-03", "today", "point"),
    ("yesterday", FRI, "yesterday", "2023-03-02", "yesterday", "point"),
    ("yesterday", Anchor(published="2023-03-03T08:00:00Z"), "yesterday", "2023-03-02", "yesterday", "point"),
    ("Tomorrow", FRI, "Tomorrow", "2023-03-04", "tomorrow", "point"),
    ("yesterday", YEARLESS, "yesterday", "--03-02", "yesterday", "point"),
    ("yesterday", Anchor(date="--03-01"), "yesterday", None, "yesterday-no-year", "point"),
    ("last week", MID_MARCH, "last week", "2023-03", "last-week", "point"),
    ("last week", FRI, "last week", "2023", "last-week", "point"),
    ("last week", Anchor(date="2023-01-03"), "last week", None, "last-week-spans-years", "point"),
    ("next week", MID_MARCH, "next week", "2023-03", "next-week", "point"),
    ("last month", FRI, "last month", "2023-02", "last-month", "point"),
    ("next month", Anchor(date="2023-12-10"), "next month", "2024-01", "next-month", "point"),
    ("last month", YEARLESS, "last month", "--02", "last-month", "point"),
    ("last year", FRI, "last year", "2022", "last-year", "point"),
    ("next year", FRI, "next year", "2024", "next-year", "point"),
    ("This year", FRI, "This year", "2023", "this-year", "point"),
    ("last year", YEARLESS, "last year", None, "last-year-no-year", "point"),
    ("earlier this month", FRI, "earlier this month", "2023-03", "this-month", "point"),
    ("later this year", FRI, "later this year", "2023", "this-year", "point"),
    ("two years ago", FRI, "two years ago", "2021", "ago", "point"),
    ("10 days ago", FRI, "10 days ago", "2023-02-21", "ago", "point"),
    ("a few weeks ago", FRI, "a few weeks ago", None, "ago-vague", "point"),
    ("in three weeks", FRI, "in three weeks", "2023-03-24", "in-n", "point"),
    ("over the past three years", FRI, "the past three years", "2020", "past-n", "range_start"),
    ("the next day", FRI, "the next day", None, "narrative-relative", "point"),
    ("in June", AUGUST, "June", "2023-06", "month+anchor-year", "point"),
    ("in January", Anchor(date="2023-11-20"), "January", "2024-01", "month+adjacent-year", "point"),
    ("last June", Anchor(date="2023-06-15"), "last June", "2022-06", "last-month-name", "point"),
    ("next June", Anchor(date="2023-06-15"), "next June", "2024-06", "next-month-name", "point"),
    ("since June", FRI, "since June", "2022-06", "month+adjacent-year", "range_start"),
    # deadlines
    ("by the end of June", FRI, "by the end of June", "2023-06", "month+anchor-year", "deadline"),
    ("by the end of June", AUGUST, "by the end of June", "2024-06", "month+adjacent-year", "deadline"),
    ("by March 10", MID_MARCH, "by March 10", "2024-03-10", "month-day+adjacent-year", "deadline"),
    ("by 2025", FRI, "by 2025", "2025", "explicit-year", "deadline"),
    ("before the end of the year", FRI, "before the end of the year", "2023", "end-of-year", "deadline"),
    ("by the end of next year", FRI, "by the end of next year", "2024", "end-of-year", "deadline"),
    ("within six months", FRI, "within six months", "2023-09", "within", "deadline"),
    ("within a year", Anchor(date="2023-11-20"), "within a year", "2024-11", "within", "deadline"),
    ("until 2025", FRI, "until 2025", "2025", "explicit-year", "range_end"),
]


@pytest.mark.parametrize(("text", "anchor", "surface", "value", "rule", "kind"), CASES,
                         ids=[f"{c[0]}@{c[1].date}" for c in CASES])
def test_find_dates_table(text, anchor, surface, value, rule, kind):
    [mention] = find_dates(text, anchor=anchor)
    assert (mention.text, mention.value, mention.rule, mention.kind) == (surface, value, rule, kind)
    assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize("text", [
    "2000 troops crossed the border",
    "nearly 1950 people were killed",
    "Security Council Resolution 2231",
    "the strike began at 2100 GMT",
    "He may go, and the march went on.",
    "Good Friday prayers",
    "markets close on Fridays",
    "the first such visit in two years",
])
def test_not_a_date(text):
    assert find_dates(text, anchor=FRI) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("from 2019 to 2021", [("from 2019", "2019", "range_start"), ("2021", "2021", "range_end")]),
    ("in 2019-2021", [("2019", "2019", "range_start"), ("2021", "2021", "range_end")]),
    ("the 2019–20 season", [("2019", "2019", "range_start"), ("20", "2020", "range_end")]),
    ("between May and June", [("between May", "2023-05", "range_start"),
                              ("June", "2023-06", "range_end")]),
    ("in 2019 and 2020", [("2019", "2019", "point"), ("2020", "2020", "point")]),
])
def test_ranges_and_lists(text, expected):
    got = [(m.text, m.value, m.kind) for m in find_dates(text, anchor=NEW_YEAR)]
    assert got == expected


def test_offsets_are_shifted_and_spans_match_the_text():
    doc = "HEADLINE\nThe two sides met on Friday and will sign by the end of June."
    body_start = doc.index("The")
    mentions = find_dates(doc[body_start:], anchor=FRI, offset=body_start)
    assert [m.text for m in mentions] == ["Friday", "by the end of June"]
    for m in mentions:
        assert doc[m.start:m.end] == m.text


@pytest.mark.parametrize(("text", "expected"), [
    # March 2024: September is six months either way; the tense decides.
    ("The treaty was signed in September.", "2023-09"),
    ("Greece ratified the pact in September.", "2023-09"),
    ("The accord, which they signed on March 12, is in force.", "2023-03-12"),
    ("The parliament will vote in September.", "2024-09"),
    ("The planned summit in September drew interest.", "2024-09"),  # adjective, no tense
    ("Talks on the deal continue in September.", "2024-09"),
])
def test_past_tense_puts_a_year_less_month_before_the_anchor(text, expected):
    [found] = find_dates(text, anchor=Anchor(date="2024-03-10"))
    assert found.value == expected


def test_past_tense_keeps_the_current_month():
    [found] = find_dates("Talks took place in March.", anchor=Anchor(date="2024-03-10"))
    assert found.value == "2024-03"


def test_same_day_friday_in_a_longer_story():
    text = "On Friday, March 3, the ministers said on Friday that talks held last Friday failed."
    values = [(m.text, m.value) for m in find_dates(text, anchor=FRI)]
    assert values == [("Friday, March 3", "2023-03-03"), ("Friday", "2023-03-03"),
                      ("last Friday", "2023-02-24")]


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("March 3", "2023-03-05", ("2023-03-03", "dateline+published")),
    ("Dec. 31", "2023-01-02", ("2022-12-31", "dateline+published")),
    ("Jan. 2", "2023-12-31", ("2023-01-02", "dateline+published")),
    # A dateline one day after publication is the local date of a UTC-stamped feed.
    ("Jan. 1", "2023-12-31", ("2024-01-01", "dateline+published")),
    ("Jan 3", "2023-01-02", ("2023-01-03", "dateline+published")),
    ("Jan 4", "2023-01-02", ("2022-01-04", "dateline+published")),
    ("Dec. 31", "2023-01", ("2022-12-31", "dateline+published")),
    ("Sept 28", "2023-10-01T06:00:00Z", ("2023-09-28", "dateline+published")),
    ("Feb. 29", "2023-03-01", ("2020-02-29", "dateline+published")),
    ("3 March", None, ("--03-03", "dateline-no-year")),
    ("SEPT. 28", None, ("--09-28", "dateline-no-year")),
    ("Fri, Oct 7", None, ("--10-07", "dateline-no-year")),
    ("March 3, 2022", "2023-03-05", ("2022-03-03", "dateline-explicit")),
    ("Friday", "2023-03-05", ("2023-03-03", "dateline-weekday+published")),
    ("Friday", None, (None, "dateline-weekday-no-date")),
    ("Feb. 30", "2023-03-05", (None, "dateline-invalid-date")),
    ("(Reuters)", "2023-03-05", (None, "dateline-no-date")),
])
def test_parse_dateline_date(text, published, expected):
    assert parse_dateline_date(text, published=published) == expected


@pytest.mark.parametrize(("month", "day", "anchor", "expected"), [
    (12, 31, NEW_YEAR, ("2022-12-31", "month-day+adjacent-year")),
    (6, 1, FRI, ("2023-06-01", "month-day+anchor-year")),
    (6, 1, NONE, ("--06-01", "month-day-no-year")),
    (2, 30, FRI, (None, "invalid-date")),
])
def test_resolve_year_less(month, day, anchor, expected):
    assert resolve_year_less(month, day, anchor) == expected


def test_resolve_year_less_direction():
    assert resolve_year_less(3, 1, MID_MARCH, direction="future") == (
        "2024-03-01", "month-day+adjacent-year")
    assert resolve_year_less(3, 20, MID_MARCH, direction="past") == (
        "2022-03-20", "month-day+adjacent-year")


def test_date_key_orders_partial_dates():
    dates = ["2020-01-01", "2019-12", "2020", "--11-17", "2020-01", "2019-12-31"]
    assert sorted(dates, key=date_key) == [
        "--11-17", "2019-12", "2019-12-31", "2020", "2020-01", "2020-01-01"]


@pytest.mark.parametrize(("iso", "weekday"), [
    ("2023-03-03", 4), ("2000-02-29", 1), ("2023-03", None), ("--03-03", None), ("2023", None),
])
def test_weekday_of(iso, weekday):
    assert weekday_of(iso) == weekday


@pytest.mark.parametrize("iso", ["2023-03-03", "2023-03", "2023", "--11-17", "--02-29", "--11"])
def test_partial_date_round_trip(iso):
    assert PartialDate.parse(iso).iso == iso


@pytest.mark.parametrize("bad", ["March 3", "2023-13-01", "2023-02-29", "--02-30", "23-03-03"])
def test_bad_iso_is_an_input_error(bad):
    with pytest.raises(InputError) as err:
        PartialDate.parse(bad)
    assert err.value.code == "D100"


def test_anchor_validates_its_fields():
    with pytest.raises(InputError, match="not ISO 8601"):
        Anchor(date="3 March 2023")
    with pytest.raises(InputError, match="runs backwards"):
        Anchor(date="--03-03", year_range=(2024, 2021))


def test_mentioned_years_feed_weekday_inference():
    text = "The accord of 2021 was reviewed in 2023. On Friday, March 3, talks resumed."
    years = mentioned_years(text)
    assert years == (2021, 2023)
    anchor = Anchor(date="--03-03", year_range=years)
    [_, _, friday] = find_dates(text, anchor=anchor)
    assert (friday.value, friday.rule) == ("2023-03-03", "weekday-infers-year")
