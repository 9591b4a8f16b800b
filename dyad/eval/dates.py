"""Scoring dyad's date resolution against ``bench/gold/dates.tsv``.

The anchor is built as the pipeline builds it (``dyad.pipeline._anchor_date``): the
dateline's day resolved with ``parse_dateline_date`` against the publication date, else
the publication date. ``find_dates`` runs on the text; the mention that overlaps
``date_text`` most is dyad's answer, compared to ``expected`` as a string. Kinds are
compared separately, after folding dyad's four kinds onto the gold's two: a range end
("until March") is a deadline, a range start ("since 2019") a point.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from dyad.errors import InputError
from dyad.eval.report import (MAX_MISSES, Accuracy, accuracy, accuracy_table, by_group,
                              category, find_span, md_table, overlap, read_tsv)
from dyad.time import Anchor, DateMention, find_dates, parse_dateline_date

COLUMNS = ["id", "text", "date_text", "published", "dateline_date", "expected", "kind", "note"]
GOLD_KIND = {"point": "point", "range_start": "point", "deadline": "deadline",
             "range_end": "deadline"}


@dataclass(frozen=True)
class DateRow:
    row_id: str
    text: str
    date_text: str
    start: int
    end: int
    published: str | None
    dateline_date: str | None
    expected: str
    kind: str

    @property
    def category(self) -> str:
        return category(self.row_id)


@dataclass(frozen=True)
class DateResult:
    row: DateRow
    anchor: str | None
    predicted: DateMention | None

    @property
    def value_ok(self) -> bool:
        return self.predicted is not None and self.predicted.value == self.row.expected

    @property
    def kind_ok(self) -> bool:
        return self.predicted is not None and GOLD_KIND.get(self.predicted.kind) == self.row.kind

    def to_dict(self) -> dict:
        p = self.predicted
        return {"id": self.row.row_id, "date_text": self.row.date_text,
                "expected": self.row.expected, "kind": self.row.kind, "anchor": self.anchor,
                "dyad": None if p is None else {"text": p.text, "value": p.value,
                                                "kind": p.kind, "rule": p.rule}}


@dataclass(frozen=True)
class DatesReport:
    n: int
    found: Accuracy  # rows where dyad found a mention overlapping date_text
    value: Accuracy
    kind: Accuracy
    per_kind: dict[str, Accuracy]
    per_category: dict[str, Accuracy]
    misses: list[DateResult]
    results: list[DateResult] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict:
        return {"set": "dates", "n": self.n, "found": self.found.to_dict(),
                "value": self.value.to_dict(), "kind": self.kind.to_dict(),
                "per_kind": {k: v.to_dict() for k, v in self.per_kind.items()},
                "per_category": {k: v.to_dict() for k, v in self.per_category.items()},
                "misses": [m.to_dict() for m in self.misses]}

    def to_markdown(self) -> str:
        rows = [[m.row.row_id, m.row.date_text, m.anchor or "-", m.row.expected,
                 f"{m.predicted.value} {m.predicted.kind} ({m.predicted.rule}, "
                 f"'{m.predicted.text}')" if m.predicted else "not found"]
                for m in self.misses]
        return "\n".join([
            f"## Dates: {self.n} expressions", "", md_table(["measure", "value"], [
                ["found (a mention overlaps date_text)", self.found.cell()],
                ["value accuracy (exact ISO string)", self.value.cell()],
                ["kind accuracy (point / deadline)", self.kind.cell()]]), "",
            "### Value accuracy per gold kind", "", accuracy_table("kind", self.per_kind), "",
            "### Value accuracy per category", "",
            accuracy_table("category", self.per_category), "",
            f"### Misses (first {len(self.misses)})", "",
            md_table(["id", "date_text", "anchor", "expected", "dyad"], rows)]) + "\n"


def read_dates_gold(path: str | Path) -> list[DateRow]:
    rows = []
    for r in read_tsv(path, COLUMNS):
        span = find_span(r["text"], r["date_text"])
        if span is None:
            raise InputError(f"{path}: row {r['id']}: date_text '{r['date_text']}' is not in "
                             "its text; fix the row (see bench/gold/validate.py)")
        rows.append(DateRow(row_id=r["id"], text=r["text"], date_text=r["date_text"],
                            start=span[0], end=span[1], published=r["published"] or None,
                            dateline_date=r["dateline_date"] or None, expected=r["expected"],
                            kind=r["kind"]))
    return rows


def anchor_for(row: DateRow) -> Anchor:
    """The anchor the pipeline would use for a story with this dateline and date."""
    date = None
    if row.dateline_date:
        date, _rule = parse_dateline_date(row.dateline_date, published=row.published)
    return Anchor(date=date or row.published, published=row.published)


def score_date(row: DateRow, find: Callable[..., list[DateMention]] = find_dates) -> DateResult:
    anchor = anchor_for(row)
    span = (row.start, row.end)
    mentions = [m for m in find(row.text, anchor=anchor) if overlap((m.start, m.end), span)]
    best = max(mentions, key=lambda m: overlap((m.start, m.end), span), default=None)
    return DateResult(row, anchor.date, best)


def summarise(results: list[DateResult]) -> DatesReport:
    misses = [r for r in results if not r.value_ok or not r.kind_ok]
    return DatesReport(
        n=len(results), found=accuracy(r.predicted is not None for r in results),
        value=accuracy(r.value_ok for r in results), kind=accuracy(r.kind_ok for r in results),
        per_kind=by_group((r.row.kind, r.value_ok) for r in results),
        per_category=by_group((r.row.category, r.value_ok) for r in results),
        misses=misses[:MAX_MISSES], results=results)


def evaluate_dates(path: str | Path, *, limit: int | None = None) -> DatesReport:
    """Resolve every gold date expression with ``dyad.time.find_dates`` and score it."""
    return summarise([score_date(row) for row in read_dates_gold(path)[:limit]])
