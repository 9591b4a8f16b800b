"""The status of an agreement on a date, with the reasoning and its evidence.

``agreement_status(agreement, as_of="2024-06-30")`` replays the agreement's stages in date
order and then applies its terms. Rules (``docs/agreements.md`` has the full table):

- Only ``asserted`` and ``reported`` stages change the status; a reported stage says so in
  the reasoning. Intended, expected, negated and hypothetical stages are listed as "not
  counted" and change nothing.
- A stage counts when its date is surely on or before ``as_of`` (the last day of a
  partial date: "2021" counts from 2021-12-31). A date whose period holds ``as_of`` is
  uncertain and is not counted (said in the reasoning); a year-less date is not counted.
  An undated stage counts only when ``doc_dates`` gives its document's date and that date
  is on or before ``as_of`` (a stage is reported by then at the latest).
- proposed/negotiated -> pending; signed/ratified -> signed; in_force -> in_force;
  renewed -> renewed; suspended, withdrawn, terminated, expired, rejected -> themselves.
  A rejection after entry into force is kept in the reasoning but does not end it.
- Terms: in force since D (its in_force date, at its precision) with ``term_years`` N
  ends on D + N years. If that is on or before ``as_of``: with an automatic renewal of M
  years it is ``renewed`` (periods counted until the one holding ``as_of``), otherwise
  ``expired`` (the reasoning says when no renewal clause was found).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping

from dyad.errors import InputError
from dyad.model import Agreement, Evidence, Stage
from dyad.time.partial import PartialDate

STATUSES = ("unknown", "pending", "signed", "in_force", "renewed", "suspended", "withdrawn",
            "terminated", "expired", "rejected")
COUNTED = frozenset({"asserted", "reported"})
_STATUS_OF = {"proposed": "pending", "negotiated": "pending", "signed": "signed",
              "ratified": "signed", "in_force": "in_force", "renewed": "renewed",
              "suspended": "suspended", "withdrawn": "withdrawn", "terminated": "terminated",
              "expired": "expired", "rejected": "rejected"}
_ENDED = frozenset({"withdrawn", "terminated", "expired"})


@dataclass(frozen=True)
class StatusReport:
    agreement_id: str
    name: str
    as_of: str
    status: str  # one of STATUSES
    since: str | None = None  # when the current status began, at the known precision
    until: str | None = None  # when the current period ends (term or renewal), if known
    reasoning: list[str] = field(default_factory=list)
    evidence: list[list[Evidence]] = field(default_factory=list)  # one list per reasoning step


def _bounds(iso: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a partial date; None when the year is unknown."""
    d = PartialDate.parse(iso)
    if d.year is None:
        return None
    if d.month is None:
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
    if d.day is None:
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return dt.date(d.year, d.month, 1), nxt - dt.timedelta(days=1)
    day = dt.date(d.year, d.month, d.day)
    return day, day


def _add_years(iso: str, years: float) -> str:
    """``iso`` moved by ``years`` at the same precision (fractions of a year in months)."""
    d = PartialDate.parse(iso)
    months = round(years * 12)
    if d.month is None:
        return f"{d.year + months // 12:04d}" if months % 12 == 0 else f"{d.year + round(years):04d}"
    index = d.year * 12 + d.month - 1 + months  # type: ignore[operator]
    y, m = divmod(index, 12)
    if d.day is None:
        return f"{y:04d}-{m + 1:02d}"
    import calendar

    day = min(d.day, calendar.monthrange(y, m + 1)[1])
    return f"{y:04d}-{m + 1:02d}-{day:02d}"


def _as_of_day(as_of: str) -> dt.date:
    try:
        bounds = _bounds(as_of)
    except InputError as exc:
        raise InputError(f"as-of date {as_of!r} is not a date; write YYYY-MM-DD") from exc
    if bounds is None:
        raise InputError(f"as-of date {as_of!r} has no year; write YYYY-MM-DD")
    return bounds[1]


def agreement_status(agreement: Agreement, *, as_of: str,
                     doc_dates: Mapping[str, str] | None = None) -> StatusReport:
    """What the text says the agreement's status was on ``as_of`` (ISO date; a month or
    year means its last day), and why. ``doc_dates`` maps doc_id to publication date."""
    day = _as_of_day(as_of)
    steps: list[tuple[str, list[Evidence]]] = []
    counted: list[tuple[dt.date, str, Stage]] = []  # (sort day, effective date, stage)
    for s in agreement.stages:
        who = f" by {s.party.name}" if s.party else ""
        body = f" ({s.body})" if s.body else ""
        label = f"{s.stage}{who}{body}"
        if s.modality not in COUNTED:
            steps.append((f"not counted: {label} is {s.modality}"
                          + (f" ({s.date_text})" if s.date_text else ""), [s.evidence]))
            continue
        date, note = _effective_date(s, doc_dates)
        if date is None:
            steps.append((f"not counted: {label} {note}", [s.evidence]))
            continue
        first, last = _bounds(date)  # type: ignore[misc]
        if first > day:
            steps.append((f"not yet: {label} on {date} is after {as_of}", [s.evidence]))
            continue
        if last > day:
            steps.append((f"uncertain: {label} on {date} may fall after {as_of}; not counted",
                          [s.evidence]))
            continue
        counted.append((first, date, s))
    counted.sort(key=lambda x: x[0])

    status, since = "unknown", None
    in_force_since: str | None = None
    for _, date, s in counted:
        caveat = " (reported, not confirmed)" if s.modality == "reported" else ""
        who = f" by {s.party.name}" if s.party else ""
        new = _STATUS_OF[s.stage]
        if s.stage == "rejected" and status in {"in_force", "renewed"}:
            steps.append((f"{date}: rejected{who}, after entry into force; status unchanged"
                          + caveat, [s.evidence]))
            continue
        if status in _ENDED and new in {"pending", "signed"}:
            steps.append((f"{date}: {s.stage}{who} after the agreement ended; status unchanged",
                          [s.evidence]))
            continue
        if s.stage == "ratified" and status in {"in_force", "renewed"}:
            new = status
        if new != status:
            since = date
        status = new
        if s.stage == "in_force" or s.stage == "renewed":
            in_force_since = date
        steps.append((f"{date}: {s.stage}{who}{(' (' + s.body + ')') if s.body else ''} -> "
                      f"{status}{caveat}", [s.evidence]))

    until = None
    if status in {"in_force", "renewed"} and in_force_since and agreement.term_years:
        status, since, until = _apply_term(agreement, status, since, in_force_since, day,
                                           as_of, steps)
    elif status in {"in_force", "renewed"} and agreement.term_years is None:
        steps.append(("no term stated: in force until a stage says otherwise", []))
    if status == "unknown":
        steps.append(("no counted stage on or before the date: status unknown", []))
    return StatusReport(agreement_id=agreement.agreement_id, name=agreement.name, as_of=as_of,
                        status=status, since=since, until=until,
                        reasoning=[t for t, _ in steps], evidence=[e for _, e in steps])


def _effective_date(s: Stage, doc_dates: Mapping[str, str] | None) -> tuple[str | None, str]:
    if s.date:
        try:
            if _bounds(s.date) is None:
                return None, f"has a date without a year ({s.date})"
        except InputError:
            return None, f"has an unreadable date ({s.date})"
        return s.date, ""
    published = (doc_dates or {}).get(s.evidence.doc_id)
    if published:
        return published[:10], ""
    return None, "has no date (and its document's date is unknown)"


def _apply_term(agreement: Agreement, status: str, since: str | None, start: str,
                day: dt.date, as_of: str, steps: list) -> tuple[str, str | None, str | None]:
    n = agreement.term_years
    end = _add_years(start, n)  # type: ignore[arg-type]
    first, last = _bounds(end)  # type: ignore[misc]
    if first > day:
        steps.append((f"in force since {start}, term {n:g} years: runs until {end}", []))
        return status, since, end
    if last > day:
        steps.append((f"in force since {start}, term {n:g} years: ends in {end}, which holds "
                      f"{as_of}; status kept", []))
        return status, since, end
    renewal = agreement.renewal
    if renewal and renewal.automatic and renewal.term_years:
        m, period_start = renewal.term_years, end
        renewals = [period_start]
        while True:
            period_end = _add_years(period_start, m)
            if _bounds(period_end)[0] > day:  # type: ignore[index]
                break
            period_start = period_end
            renewals.append(period_start)
        steps.append((f"in force since {start}, term {n:g} years, automatic renewal for "
                      f"{m:g}-year periods: renewed on {', '.join(renewals)}; current period "
                      f"{period_start} to {_add_years(period_start, m)} (unless a party gave "
                      "notice, which the text does not say)", []))
        return "renewed", period_start, _add_years(period_start, m)
    if renewal and renewal.automatic:
        steps.append((f"in force since {start}, term {n:g} years, ended {end}; renewal is "
                      "automatic but its period is not stated: presumed renewed", []))
        return "renewed", end, None
    why = ("renewal only by agreement of the parties, none found" if renewal
           else "no renewal clause found")
    steps.append((f"in force since {start}, term {n:g} years: expired on {end} ({why})", []))
    return "expired", end, None
