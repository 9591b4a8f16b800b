"""The store's tables, derived from the records in ``dyad.model``.

Nothing here talks to a database: the table definitions, the DDL and the conversion of
records to rows and back are shared by every backend (DuckDB now, PostgreSQL later).
A field added to a record class becomes a column without touching this module.
"""

from __future__ import annotations

import json
import re
import types
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from dyad import model
from dyad.model import Evidence, Failure, Mention, Record

SCHEMA_VERSION = 1

# Logical column types; a backend may rename them in its DDL (PostgreSQL: JSONB, ...).
VARCHAR, BIGINT, DOUBLE, BOOLEAN, JSON = "VARCHAR", "BIGINT", "DOUBLE", "BOOLEAN", "JSON"
_SCALARS: dict[Any, str] = {str: VARCHAR, int: BIGINT, float: DOUBLE, bool: BOOLEAN}

PRIMARY_KEYS: dict[str, str] = {
    "documents": "doc_id",
    "actors": "actor_id",
    "locations": "location_id",
    "events": "event_id",
    "agreements": "agreement_id",
    "relations": "relation_id",
    "failures": "failure_id",
    "conflicts": "conflict_id",
}

# Record fields kept out of the record's own row: mentions grow as documents arrive, so
# they live in a link table keyed by (owner, doc_id, start, end) instead of a JSON array.
MENTIONS_FIELD = "mentions"


@dataclass(frozen=True)
class Derived:
    """A column computed from the record at write time, so queries filter on plain
    indexed values instead of reaching into JSON (which each backend spells differently).
    Not part of the record: reading a row back ignores it."""

    name: str
    type: str
    compute: Callable[[Any], Any]


def _ref(field_name: str, attr: str) -> Callable[[Any], Any]:
    def compute(record: Any) -> Any:
        ref = getattr(record, field_name)
        return getattr(ref, attr) if ref is not None else None
    return compute


def _month(record: Any) -> str | None:
    """``YYYY-MM`` of a date known at least to the month; None otherwise."""
    date = record.date or ""
    return date[:7] if re.match(r"\d{4}-\d{2}", date) else None


def party_key(record: Any, attr: str) -> str:
    """Party ids (or countries) as ``|FRA|GRC|``: a neutral form for "is X a party"."""
    values = sorted({v for p in record.parties if (v := getattr(p, attr))})
    return "|" + "|".join(values) + "|" if values else ""


def _keys(attr: str) -> Callable[[Any], str]:
    return lambda record: party_key(record, attr)


_SIDES = tuple(Derived(f"{side}_{attr}", VARCHAR, _ref(side, attr))
               for side in ("source", "target") for attr in ("actor_id", "country"))

def pair_key(a: str | None, b: str | None) -> str | None:
    """The two countries of a record in one sorted value (``CHN|USA``), or None."""
    return "|".join(sorted((a, b))) if a and b else None


def _pair(record: Any) -> str | None:
    """One equality then finds a country pair's records in either direction, which is
    several times cheaper than the OR of both directions."""
    return pair_key(record.source.country if record.source else None,
                    record.target.country if record.target else None)


_PAIR = Derived("pair_countries", VARCHAR, _pair)

DERIVED: dict[str, tuple[Derived, ...]] = {
    "events": (*_SIDES, Derived("month", VARCHAR, _month), _PAIR),
    "relations": (*_SIDES, _PAIR),
    "agreements": (Derived("party_ids", VARCHAR, _keys("actor_id")),
                   Derived("party_countries", VARCHAR, _keys("country"))),
}

# Secondary indexes, for backends that benefit (PostgreSQL; DuckDB scans its columns).
INDEXES: dict[str, tuple[tuple[str, ...], ...]] = {
    "events": (("doc_id",), ("source_actor_id",), ("target_actor_id",), ("source_country",),
               ("target_country",), ("month",), ("date",), ("pair_countries",)),
    "relations": (("source_actor_id",), ("target_actor_id",), ("source_country",),
                  ("target_country",)),
    "actors": (("country",), ("name",)),
    "actor_mentions": (("doc_id",),),
    "location_mentions": (("doc_id",),),
    "evidence": (("doc_id",),),
}


def failure_id(failure: Failure) -> str:
    """Failures have no natural key; this one makes a rerun write the same row."""
    return model.make_id("fail", failure.doc_id, failure.path, failure.stage, failure.code,
                         failure.message)


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool

    def ddl(self, type_names: Mapping[str, str]) -> str:
        null = "" if self.nullable else " NOT NULL"
        return f"{quote(self.name)} {type_names.get(self.type, self.type)}{null}"


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    record: type[Record] | None = None  # None for link and meta tables
    mentions: str | None = None  # name of the link table holding this record's mentions
    surrogate: Callable[[Any], str] | None = field(default=None, compare=False)
    derived: tuple[Derived, ...] = field(default=(), compare=False)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def key(self) -> str:
        """The single key column of a record table."""
        return self.primary_key[0]

    def key_of(self, record: Record) -> str:
        return self.surrogate(record) if self.surrogate else getattr(record, self.key)

    def ddl(self, type_names: Mapping[str, str] | None = None, *,
            key_constraint: bool = True) -> str:
        """``CREATE TABLE``; without ``key_constraint`` the key is left to the writer
        (DuckDB, whose key indexes must stay in memory whole)."""
        names = type_names or {}
        parts = [c.ddl(names) for c in self.columns]
        if self.primary_key and key_constraint:
            parts.append(f"PRIMARY KEY ({', '.join(quote(k) for k in self.primary_key)})")
        body = ",\n  ".join(parts)
        return f"CREATE TABLE IF NOT EXISTS {quote(self.name)} (\n  {body}\n)"

    def index_ddl(self) -> list[str]:
        return [f"CREATE INDEX IF NOT EXISTS {quote('_'.join(('ix', self.name, *cols)))} "
                f"ON {quote(self.name)} ({', '.join(quote(c) for c in cols)})"
                for cols in INDEXES.get(self.name, ())]


def quote(identifier: str) -> str:
    """Quote every identifier: fields such as ``end``, ``date`` and ``text`` are SQL words."""
    return '"' + identifier.replace('"', '""') + '"'


def column_type(annotation: Any) -> tuple[str, bool]:
    """The logical SQL type of a field annotation and whether it admits None."""
    nullable = False
    if get_origin(annotation) in (Union, types.UnionType):
        args = get_args(annotation)
        rest = [a for a in args if a is not type(None)]
        nullable = len(rest) < len(args)
        if len(rest) != 1:
            return JSON, nullable
        annotation = rest[0]
    if get_origin(annotation) is Literal:
        kinds = {type(a) for a in get_args(annotation)}
        sql_type = _SCALARS.get(kinds.pop()) if len(kinds) == 1 else None
        return sql_type or JSON, nullable
    return _SCALARS.get(annotation, JSON), nullable


def _has_mentions(record: type[BaseModel]) -> bool:
    info = record.model_fields.get(MENTIONS_FIELD)
    return info is not None and info.annotation == list[Mention]


def columns_of(record: type[BaseModel], *, skip: frozenset[str] = frozenset()) -> list[Column]:
    cols = []
    for name, info in record.model_fields.items():
        if name in skip:
            continue
        sql_type, nullable = column_type(info.annotation)
        cols.append(Column(name, sql_type, nullable))
    return cols


def _record_table(name: str, record: type[Record]) -> tuple[Table, Table | None]:
    key = PRIMARY_KEYS[name]
    fields = record.model_fields
    has_mentions = _has_mentions(record)
    cols = columns_of(record, skip=frozenset({MENTIONS_FIELD}) if has_mentions else frozenset())
    surrogate = None
    if key not in fields:
        cols.insert(0, Column(key, VARCHAR, False))
        surrogate = failure_id if record is Failure else None
        if surrogate is None:
            raise TypeError(f"no key rule for table {name!r}")
    derived = DERIVED.get(name, ())
    clash = {d.name for d in derived} & {c.name for c in cols}
    if clash:
        raise TypeError(f"derived columns {sorted(clash)} of {name!r} clash with record fields")
    cols += [Column(d.name, d.type, True) for d in derived]
    link = None
    if has_mentions:
        owner = Column(key, VARCHAR, False)
        link = Table(name=f"{key.removesuffix('_id')}_mentions",
                     columns=(owner, *columns_of(Mention)),
                     primary_key=(key, "doc_id", "start", "end"))
    table = Table(name=name, columns=tuple(cols), primary_key=(key,), record=record,
                  mentions=link.name if link else None, surrogate=surrogate, derived=derived)
    return table, link


def _build() -> tuple[tuple[Table, ...], tuple[Table, ...]]:
    records, links = [], []
    for name, record in model.TABLES.items():
        table, link = _record_table(name, record)
        records.append(table)
        if link:
            links.append(link)
    evidence = Table(
        name="evidence",
        columns=(Column("record_kind", VARCHAR, False), Column("record_id", VARCHAR, False),
                 *columns_of(Evidence)),
        primary_key=("record_kind", "record_id", "doc_id", "start", "end"))
    meta = Table(name="meta", primary_key=(),
                 columns=(Column("schema", VARCHAR, False),
                          Column("schema_version", BIGINT, False),
                          Column("created_at", VARCHAR, False)))
    return tuple(records), (*links, evidence, meta)


RECORD_TABLES, LINK_TABLES = _build()
TABLES: dict[str, Table] = {t.name: t for t in (*RECORD_TABLES, *LINK_TABLES)}
EVIDENCE = TABLES["evidence"]
META = TABLES["meta"]


# -- records <-> rows ---------------------------------------------------------------

def record_row(table: Table, record: Record) -> tuple[Any, ...]:
    """One row of ``table`` in column order; nested values become JSON text."""
    data = record.model_dump(mode="json")
    if table.surrogate:
        data[table.key] = table.surrogate(record)
    for d in table.derived:
        data[d.name] = d.compute(record)
    return tuple(_cell(c, data[c.name]) for c in table.columns)


def _cell(column: Column, value: Any) -> Any:
    if column.type == JSON and value is not None:
        return json.dumps(value, ensure_ascii=False)
    return value


def mention_rows(table: Table, record: Record) -> list[tuple[Any, ...]]:
    if not table.mentions:
        return []
    owner = table.key_of(record)
    return [(owner, m.doc_id, m.start, m.end, m.text, m.reason)
            for m in getattr(record, MENTIONS_FIELD)]


def evidence_rows(table: Table, record: Record) -> list[tuple[Any, ...]]:
    """Every span a record cites, wherever it sits (evidence lists, stages, ...)."""
    key = table.key_of(record)
    return [(table.name, key, e.doc_id, e.start, e.end, e.text) for e in walk(record)
            if isinstance(e, Evidence)]


def doc_refs(record: Record) -> set[str]:
    """The documents a record comes from: its own doc_id and those of nested spans."""
    return {m.doc_id for m in walk(record) if getattr(m, "doc_id", None) is not None}


def walk(value: Any) -> Iterator[BaseModel]:
    if isinstance(value, BaseModel):
        yield value
        for name in type(value).model_fields:
            yield from walk(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from walk(item)


def record_from_row(table: Table, row: Mapping[str, Any],
                    mentions: list[dict[str, Any]] | None = None) -> Record:
    """Rebuild a record from its row (and its mentions), validated by its class."""
    assert table.record is not None
    data: dict[str, Any] = {}
    for column in table.columns:
        if column.name not in table.record.model_fields:
            continue  # surrogate key
        value = row[column.name]
        if column.type == JSON and isinstance(value, str):
            value = json.loads(value)
        data[column.name] = value
    if table.mentions:
        data[MENTIONS_FIELD] = mentions or []
    return table.record.model_validate(data)
