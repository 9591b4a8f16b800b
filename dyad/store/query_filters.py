"""The pieces the store's queries build their SQL from: filters and pages.

``Where`` collects conditions with their bound parameters; ``side``, ``pair``, ``around``
and ``party`` are the conditions on a record's actors; ``EventFilter`` is the event list's
filter as the API receives it; ``Page`` is what every list query returns. Kept apart from
``queries`` so the API can import the request types without the query mixin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dyad.store import schema
from dyad.store.schema import quote

@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    total: int


@dataclass
class Where:
    """A conjunction of SQL conditions and the parameters they bind, in order."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> Where:
        self.clauses.append(clause)
        self.params.extend(params)
        return self

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


COUNTRY_CODE = re.compile(r"[A-Z]{3}")


def side(prefix: str, value: str) -> tuple[str, list[str]]:
    """``prefix`` (source/target) is the actor ``value`` or any actor of country ``value``."""
    return f'("{prefix}_actor_id" = ? OR "{prefix}_country" = ?)', [value, value]


def pair(a: str, b: str) -> tuple[str, list[str]]:
    """Records between ``a`` and ``b``, in either direction. Two country codes use the
    ``pair_countries`` column: the same rows, since an actor whose id is a country code
    has that country."""
    if COUNTRY_CODE.fullmatch(a) and COUNTRY_CODE.fullmatch(b):
        return '"pair_countries" = ?', [schema.pair_key(a, b)]
    sa, pa = side("source", a)
    tb, pb = side("target", b)
    sb, qb = side("source", b)
    ta, qa = side("target", a)
    return f"(({sa} AND {tb}) OR ({sb} AND {ta}))", [*pa, *pb, *qb, *qa]


def around(value: str) -> tuple[str, list[str]]:
    s, ps = side("source", value)
    t, pt = side("target", value)
    return f"({s} OR {t})", [*ps, *pt]


def contains(text: str) -> str:
    """A LIKE pattern matching ``text`` literally anywhere (wildcards escaped)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def party(value: str) -> tuple[str, list[str]]:
    pattern = contains(f"|{value}|")
    return ("(\"party_ids\" LIKE ? ESCAPE '\\' OR \"party_countries\" LIKE ? ESCAPE '\\')",
            [pattern, pattern])


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    event_type: str | None = None
    quad_class: int | None = None
    modality: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None

    def where(self) -> Where:
        w = Where()
        if self.actor:
            w.add('("source_actor_id" = ? OR "target_actor_id" = ?)', self.actor, self.actor)
        for prefix, value in (("source", self.source), ("target", self.target)):
            if value:
                w.add(*unpack(side(prefix, value)))
        if self.country:
            w.add('("source_country" = ? OR "target_country" = ?)', self.country, self.country)
        if self.dyad:
            w.add(*unpack(pair(*self.dyad)))
        for column in ("event_type", "quad_class", "modality"):
            if getattr(self, column) is not None:
                w.add(f"{quote(column)} = ?", getattr(self, column))
        if self.date_from or self.date_to:
            # ISO dates compare as text; '--MM-DD' (year unknown) sorts below every year.
            w.add('"date" >= ?', self.date_from or "0000")
            if self.date_to:  # inclusive at the given precision: 2021-09 takes 2021-09-30
                w.add('"date" < ?', self.date_to + "~")
        if self.q:
            w.add("EXISTS (SELECT 1 FROM \"evidence\" e WHERE e.\"record_kind\" = 'events' "
                  "AND e.\"record_id\" = \"events\".\"event_id\" AND e.\"text\" ILIKE ? "
                  "ESCAPE '\\')", contains(self.q))
        return w


def unpack(clause: tuple[str, list[str]]) -> tuple[Any, ...]:
    """A (clause, params) pair as ``Where.add``'s arguments."""
    return (clause[0], *clause[1])


def in_list(values: list[str]) -> str:
    """The placeholders of an ``IN (...)`` list for ``values``."""
    return "(" + ", ".join("?" for _ in values) + ")"

