from __future__ import annotations

import pytest

from dyad.nlp.dateline import find_dateline


@pytest.mark.parametrize("text, place, agency, date_text", [
    ("NAIROBI, March 3 (Reuters) - Kenya said", "Nairobi", "Reuters", "March 3"),
    ("SEOUL, Jan. 12 (Yonhap) — South Korea and", "Seoul", "Yonhap", "Jan. 12"),
    ("UNITED NATIONS, Nov 29 (Reuters) - The council", "United Nations", "Reuters", "Nov 29"),
    ("KYIV, Ukraine, Feb 24 (AP) - Russian forces", "Kyiv, Ukraine", "AP", "Feb 24"),
    ("WASHINGTON (AP) — The Senate voted", "Washington", "AP", None),
    ("PARIS, 3 March (AFP) - France", "Paris", "AFP", "3 March"),
    ("ATHENS, Sept 28 - Greece", "Athens", None, "Sept 28"),
])
def test_dateline_parts(text, place, agency, date_text):
    dl = find_dateline(text)
    assert dl is not None
    assert (dl.place, dl.agency, dl.date_text) == (place, agency, date_text)
    # the body starts right after the dash and its space
    assert text[dl.end:][0].isalpha()


@pytest.mark.parametrize("text", [
    "UPDATE - Greece and France signed a pact.",  # no date, no agency: a headline word
    "Greece and France signed a pact on Tuesday - officials said.",
    "The NATO summit - held in Vilnius - ended.",
    "",
])
def test_not_a_dateline(text):
    assert find_dateline(text) is None


def test_dateline_year_from_publication_date():
    dl = find_dateline("SEOUL, Dec. 31 (Yonhap) - text", published="2023-01-02")
    assert dl.date == "2022-12-31"
    dl = find_dateline("SEOUL, Jan. 12 (Yonhap) - text", published="2023-01-12")
    assert dl.date == "2023-01-12"


def test_dateline_without_publication_date_keeps_month_day():
    assert find_dateline("NAIROBI, March 3 (Reuters) - text").date == "--03-03"
