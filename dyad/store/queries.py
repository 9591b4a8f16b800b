"""Read queries behind the HTTP API, written once for every backend.

A backend mixes in ``Queries`` and supplies ``_dicts(sql, params)``: run one statement
with ``?`` placeholders and return the rows as dicts. The SQL keeps to what DuckDB and
PostgreSQL both understand (ILIKE ... ESCAPE, NULLS LAST, parameters in LIMIT/OFFSET) and
never reaches into JSON: filters use the derived columns of ``schema.DERIVED``. Every
value a caller gives is bound as a parameter; only identifiers from ``schema`` and the
fixed fragments below and in ``query_filters`` (``Where``, ``EventFilter``, the actor
conditions) are spliced into the text.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from dyad import model
from dyad.store import schema, spans
from dyad.store.query_filters import (EventFilter, Page, Where, around, contains, in_list, pair, party,
                                      side, unpack)
from dyad.store.schema import quote

MAX_PAGE = 500
"""Largest page any list query returns; larger requests are cut to it."""

NETWORK_EDGES = 50
"""Edges kept in an actor's network (the heaviest)."""

MENTIONS_SHOWN = 100
"""Mentions listed with one actor (the count says how many there are)."""

TOP_EVENT_TYPES = 10

DYAD_RECORDS = 50
"""Agreements, and relations of each group, listed in a dyad summary."""

COUNTED_MODALITIES = ("asserted", "reported")
"""What a dyad summary counts by default: events said to have happened, not negated,
intended or hypothetical ones."""

EVENT_SORTS = {
    "date": '"date" ASC NULLS LAST, "event_id"',
    "-date": '"date" DESC NULLS LAST, "event_id"',
    "event_type": '"event_type", "date" DESC NULLS LAST, "event_id"',
}

_QUADS = "".join(f', sum(CASE WHEN "quad_class" = {q} THEN 1 ELSE 0 END) AS "q{q}"'
                 for q in (1, 2, 3, 4))

_SPAN_KIND = {"events": "event", "agreements": "agreement", "relations": "relation"}


class Queries:
    """The read side of a store: what the API asks, answered with SQL aggregation."""

    def _dicts(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        raise NotImplementedError  # supplied by the backend

    # -- counts -----------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Counts of what the store holds, flat: totals and ``<table>_by_<column>`` maps."""
        out: dict[str, Any] = {}
        for table in schema.RECORD_TABLES:
            out[table.name] = self._count(table.name, Where())
            for column in _SUMMARY_GROUPS.get(table.name, ()):
                rows = self._dicts(f'SELECT {quote(column)} AS "k", count(*) AS "n" '
                                   f'FROM {quote(table.name)} GROUP BY 1 ORDER BY 2 DESC, 1')
                label = column.split("_")[-1]  # event_type -> events_by_type
                out[f"{table.name}_by_{label}"] = {str(r["k"]): r["n"] for r in rows}
        return out

    def count_rows(self, table_name: str) -> int:
        """Rows in one of the store's tables."""
        return self._count(schema.TABLES[table_name].name, Where())

    def doc_dates(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """Publication dates of the given documents (those that have one)."""
        ids = sorted(set(doc_ids))
        if not ids:
            return {}
        return {r["doc_id"]: r["date"] for r in self._dicts(
            f'SELECT "doc_id", "date" FROM "documents" WHERE "doc_id" IN {in_list(ids)} '
            'AND "date" IS NOT NULL', ids)}

    def _count(self, table: str, where: Where) -> int:
        return self._dicts(f'SELECT count(*) AS "n" FROM {quote(table)}{where.sql()}',
                           where.params)[0]["n"]

    def _records(self, table_name: str, where: Where, order: str, limit: int,
                 offset: int) -> list[model.Record]:
        table = schema.TABLES[table_name]
        rows = self._dicts(f"SELECT * FROM {quote(table.name)}{where.sql()} ORDER BY {order} "
                           "LIMIT ? OFFSET ?", [*where.params, min(limit, MAX_PAGE), offset])
        records = [schema.record_from_row(table, r) for r in rows]
        return spans.fill(table, records,
                          spans.read_spans(self._dicts, table, [r[table.key] for r in rows]))

    def _page(self, table_name: str, where: Where, order: str, limit: int,
              offset: int) -> Page:
        records = self._records(table_name, where, order, limit, offset)
        return Page([r.model_dump(mode="json") for r in records],
                    self._count(table_name, where))

    # -- documents --------------------------------------------------------------------

    def documents(self, *, q: str | None = None, limit: int = 50, offset: int = 0) -> Page:
        """Documents without their text (a snippet instead), newest first."""
        w = Where()
        if q:
            w.add("(\"title\" ILIKE ? ESCAPE '\\' OR \"text\" ILIKE ? ESCAPE '\\')",
                  contains(q), contains(q))
        rows = self._dicts(
            'SELECT "doc_id", "title", "date", "source", "url", "language", "words", '
            f'substr("text", 1, 200) AS "snippet" FROM "documents"{w.sql()} '
            'ORDER BY "date" DESC NULLS LAST, "doc_id" LIMIT ? OFFSET ?',
            [*w.params, min(limit, MAX_PAGE), offset])
        return Page(rows, self._count("documents", w))

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One document and the spans its records cite, sorted by offset."""
        found = self._records("documents", Where().add('"doc_id" = ?', doc_id), '"doc_id"', 1, 0)
        if not found:
            return None
        out = found[0].model_dump(mode="json")
        out["spans"] = self._spans(doc_id)
        return out

    def _spans(self, doc_id: str) -> list[dict[str, Any]]:
        spans: list[dict[str, Any]] = []
        for kind, link, owner, table in (("actor", "actor_mentions", "actor_id", "actors"),
                                         ("location", "location_mentions", "location_id",
                                          "locations")):
            for r in self._dicts(
                    f'SELECT m."start", m."end", m.{quote(owner)} AS "id", t."name" AS "label" '
                    f'FROM {quote(link)} m JOIN {quote(table)} t '
                    f'ON t.{quote(owner)} = m.{quote(owner)} WHERE m."doc_id" = ?', [doc_id]):
                spans.append({"kind": kind, **r})
        labels = self._record_labels(doc_id)
        for r in self._dicts('SELECT "record_kind", "record_id", "start", "end" FROM "evidence" '
                             'WHERE "doc_id" = ?', [doc_id]):
            kind = _SPAN_KIND.get(r["record_kind"])
            if kind:
                spans.append({"kind": kind, "start": r["start"], "end": r["end"],
                              "id": r["record_id"],
                              "label": labels.get((r["record_kind"], r["record_id"]), kind)})
        for r in self._dicts('SELECT "event_id", "quantities" FROM "events" WHERE "doc_id" = ?',
                             [doc_id]):
            for qty in json.loads(r["quantities"] or "[]"):
                if qty.get("doc_id") == doc_id and qty.get("start") is not None:
                    spans.append({"kind": "quantity", "start": qty["start"], "end": qty["end"],
                                  "id": r["event_id"],
                                  "label": f'{qty["value"]:g} {qty["unit"]}'})
        unique = {(s["kind"], s["id"], s["start"], s["end"]): s for s in spans}
        return sorted(unique.values(), key=lambda s: (s["start"], s["end"], s["kind"], s["id"]))

    def _record_labels(self, doc_id: str) -> dict[tuple[str, str], str]:
        cited = ('(SELECT "record_id" FROM "evidence" '
                 'WHERE "record_kind" = ? AND "doc_id" = ?)')
        labels: dict[tuple[str, str], str] = {}
        for r in self._dicts('SELECT "event_id", "event_type", "source_actor_id", '
                             '"target_actor_id" FROM "events" WHERE "doc_id" = ?', [doc_id]):
            labels["events", r["event_id"]] = (f'{r["event_type"]}: {r["source_actor_id"] or "?"}'
                                               f' -> {r["target_actor_id"] or "?"}')
        for r in self._dicts(f'SELECT "agreement_id", "name" FROM "agreements" '
                             f'WHERE "agreement_id" IN {cited}', ["agreements", doc_id]):
            labels["agreements", r["agreement_id"]] = r["name"]
        for r in self._dicts(f'SELECT "relation_id", "relation_type", "source_actor_id", '
                             f'"target_actor_id" FROM "relations" WHERE "relation_id" IN {cited}',
                             ["relations", doc_id]):
            labels["relations", r["relation_id"]] = (
                f'{r["relation_type"]}: {r["source_actor_id"]} -> {r["target_actor_id"] or "?"}')
        return labels

    # -- actors -----------------------------------------------------------------------

    def actors(self, *, q: str | None = None, country: str | None = None,
               kind: str | None = None, sector: str | None = None, limit: int = 50,
               offset: int = 0) -> Page:
        """Actors with their mention counts, most mentioned first."""
        w = Where()
        if q:
            w.add("(a.\"name\" ILIKE ? ESCAPE '\\' OR a.\"actor_id\" ILIKE ? ESCAPE '\\')",
                  contains(q), contains(q))
        for column, value in (("country", country), ("kind", kind), ("sector", sector)):
            if value is not None:
                w.add(f"a.{quote(column)} = ?", value)
        rows = self._dicts(
            'SELECT a."actor_id", a."name", a."kind", a."country", a."sector", a."aliases", '
            'coalesce(m."n", 0) AS "mention_count" FROM "actors" a LEFT JOIN '
            '(SELECT "actor_id", count(*) AS "n" FROM "actor_mentions" GROUP BY 1) m '
            f'ON m."actor_id" = a."actor_id"{w.sql()} '
            'ORDER BY "mention_count" DESC, a."actor_id" LIMIT ? OFFSET ?',
            [*w.params, min(limit, MAX_PAGE), offset])
        for r in rows:
            r["aliases"] = json.loads(r["aliases"] or "[]")
        return Page(rows, self._dicts(f'SELECT count(*) AS "n" FROM "actors" a{w.sql()}',
                                      w.params)[0]["n"])

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        """One actor: record (first mentions), counts (all modalities), and the counted
        events by month and the network (asserted and reported only)."""
        table = schema.TABLES["actors"]
        rows = self._dicts('SELECT * FROM "actors" WHERE "actor_id" = ?', [actor_id])
        if not rows:
            return None
        mentions = self._dicts('SELECT "doc_id", "start", "end", "text", "reason" '
                               'FROM "actor_mentions" WHERE "actor_id" = ? '
                               'ORDER BY "doc_id", "start" LIMIT ?', [actor_id, MENTIONS_SHOWN])
        out = schema.record_from_row(table, rows[0], mentions).model_dump(mode="json")
        either = around(actor_id)
        out["counts"] = {
            "mentions": self._count("actor_mentions", Where().add('"actor_id" = ?', actor_id)),
            "documents": self._dicts('SELECT count(DISTINCT "doc_id") AS "n" '
                                     'FROM "actor_mentions" WHERE "actor_id" = ?',
                                     [actor_id])[0]["n"],
            **{f"events_as_{role}": self._count("events",
                                                Where().add(*unpack(side(role, actor_id))))
               for role in ("source", "target")},
            "relations": self._count("relations", Where().add(*unpack(either))),
            "agreements": self._count("agreements", Where().add(*unpack(party(actor_id)))),
        }
        counted = Where().add(*unpack(either)).add(
            f'"modality" IN {in_list(list(COUNTED_MODALITIES))}', *COUNTED_MODALITIES)
        out["months"] = self._months(counted)
        out["network"] = self._network(actor_id)
        return out

    def _network(self, actor_id: str) -> dict[str, list[dict[str, Any]]]:
        """The heaviest edges around an actor: counted events by quad class, relations."""
        clause, params = around(actor_id)
        params = [*params, *COUNTED_MODALITIES]
        both = ('"source_actor_id" IS NOT NULL AND "target_actor_id" IS NOT NULL AND '
                f'"modality" IN {in_list(list(COUNTED_MODALITIES))}')
        edges = []
        for table, kind in (("events", '"quad_class"'), ("relations", '"relation_type"')):
            for r in self._dicts(
                    f'SELECT "source_actor_id" AS "s", "target_actor_id" AS "t", {kind} AS "k", '
                    f'count(*) AS "n" FROM {quote(table)} WHERE {clause} AND {both} '
                    'GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2 LIMIT ?', [*params, NETWORK_EDGES]):
                label = (f'q{r["k"]}' if r["k"] is not None else "event") if table == "events" \
                    else r["k"]
                edges.append({"source": r["s"], "target": r["t"], "kind": label,
                              "weight": r["n"]})
        edges = sorted(edges, key=lambda e: -e["weight"])[:NETWORK_EDGES]
        ids = sorted({actor_id, *(e["source"] for e in edges), *(e["target"] for e in edges)})
        known = {r["actor_id"]: r for r in self._dicts(
            f'SELECT "actor_id", "name", "country" FROM "actors" WHERE "actor_id" IN {in_list(ids)}',
            ids)}
        nodes = [{"id": i, "label": known.get(i, {}).get("name", i),
                  "country": known.get(i, {}).get("country")} for i in ids]
        return {"nodes": nodes, "edges": edges}

    def _months(self, where: Where) -> list[dict[str, Any]]:
        """Events per month and quad class; ``net`` is (q1 + q2) - (q3 + q4)."""
        w = Where(list(where.clauses), list(where.params)).add('"month" IS NOT NULL')
        rows = self._dicts(f'SELECT "month", count(*) AS "events"{_QUADS}, '
                           f'sum("intensity") AS "intensity" FROM "events"{w.sql()} '
                           'GROUP BY "month" ORDER BY "month"', w.params)
        for r in rows:
            for q in ("q1", "q2", "q3", "q4", "events"):
                r[q] = int(r[q])
            r["net"] = r["q1"] + r["q2"] - r["q3"] - r["q4"]
        return rows

    # -- events, agreements, relations -----------------------------------------------

    def events(self, where: EventFilter, *, sort: str = "-date", limit: int = 50,
               offset: int = 0) -> Page:
        return self._page("events", where.where(), EVENT_SORTS[sort], limit, offset)

    def agreements(self, *, party_id: str | None = None, kind: str | None = None,
                   q: str | None = None, limit: int = 50, offset: int = 0) -> Page:
        w = Where()
        if party_id:
            w.add(*unpack(party(party_id)))
        if kind is not None:
            w.add('"kind" = ?', kind)
        if q:
            w.add("\"name\" ILIKE ? ESCAPE '\\'", contains(q))
        return self._page("agreements", w, '"name", "agreement_id"', limit, offset)

    def agreement(self, agreement_id: str) -> model.Agreement | None:
        found = self._records("agreements", Where().add('"agreement_id" = ?', agreement_id),
                              '"agreement_id"', 1, 0)
        return found[0] if found else None  # type: ignore[return-value]

    def relations(self, *, source: str | None = None, target: str | None = None,
                  country: str | None = None, relation_type: str | None = None,
                  modality: str | None = None, limit: int = 50, offset: int = 0) -> Page:
        w = Where()
        for prefix, value in (("source", source), ("target", target)):
            if value:
                w.add(*unpack(side(prefix, value)))
        if country:
            w.add('("source_country" = ? OR "target_country" = ?)', country, country)
        for column, value in (("relation_type", relation_type), ("modality", modality)):
            if value is not None:
                w.add(f"{quote(column)} = ?", value)
        return self._page("relations", w, '"relation_type", "relation_id"', limit, offset)

    def conflicts(self, *, record_kind: str | None = None, record_id: str | None = None,
                  limit: int = 50, offset: int = 0) -> Page:
        """Contradictions between sources, as the merge step recorded them."""
        w = Where()
        for column, value in (("record_kind", record_kind), ("record_id", record_id)):
            if value is not None:
                w.add(f"{quote(column)} = ?", value)
        return self._page("conflicts", w, '"record_kind", "record_id", "conflict_id"', limit,
                          offset)

    # -- a pair at a glance -----------------------------------------------------------

    def dyad_party(self, value: str) -> dict[str, Any] | None:
        """An actor id, or a country code some actor belongs to; None if neither."""
        rows = self._dicts('SELECT "actor_id", "name", "kind", "country" FROM "actors" '
                           'WHERE "actor_id" = ?', [value])
        if rows:
            r = rows[0]
            return {"id": value, "label": r["name"], "kind": r["kind"], "country": r["country"]}
        if self._count("actors", Where().add('"country" = ?', value)):
            return {"id": value, "label": value, "kind": "country", "country": value}
        return None

    def dyad_summary(self, a: str, b: str, *,
                     modalities: tuple[str, ...] = COUNTED_MODALITIES) -> dict[str, Any] | None:
        """Everything between ``a`` and ``b`` (actor ids or countries), aggregated in SQL.

        One scan of the pair's events, grouped two ways at once (by month, modality and
        quad class; by event type and modality), gives the monthly series, the totals,
        the counts by modality and the top event types. None when either side is neither
        a stored actor nor the country of one.
        """
        party_a, party_b = self.dyad_party(a), self.dyad_party(b)
        if party_a is None or party_b is None:
            return None
        between = Where().add(*unpack(pair(a, b)))
        sa, pa = side("source", a)
        tb, pb = side("target", b)
        rows = self._dicts(
            'SELECT GROUPING("event_type") AS "by_month", "month", "modality", "quad_class", '
            '"event_type", count(*) AS "n", sum("intensity") AS "intensity", '
            f'sum(CASE WHEN {sa} AND {tb} THEN 1 ELSE 0 END) AS "a_to_b" '
            f'FROM "events"{between.sql()} GROUP BY GROUPING SETS '
            '(("month", "modality", "quad_class"), ("event_type", "modality"))',
            [*pa, *pb, *between.params])
        counted = set(modalities)
        by_month = [r for r in rows if r["by_month"]]
        by_type: dict[str, int] = defaultdict(int)
        for r in rows:
            if not r["by_month"] and r["modality"] in counted:
                by_type[r["event_type"]] += int(r["n"])
        by_modality: dict[str, int] = defaultdict(int)
        totals = dict.fromkeys(("events", "q1", "q2", "q3", "q4", "undated", "a_to_b"), 0)
        months: dict[str, dict[str, Any]] = {}
        for r in by_month:
            n = int(r["n"])
            by_modality[r["modality"]] += n
            if r["modality"] not in counted:
                continue
            quad = f'q{r["quad_class"]}' if r["quad_class"] in (1, 2, 3, 4) else None
            totals["events"] += n
            totals["a_to_b"] += int(r["a_to_b"])
            if quad:
                totals[quad] += n
            if r["month"] is None:
                totals["undated"] += n
                continue
            m = months.setdefault(r["month"], {"month": r["month"], "events": 0, "q1": 0,
                                               "q2": 0, "q3": 0, "q4": 0, "intensity": None})
            m["events"] += n
            if quad:
                m[quad] += n
            if r["intensity"] is not None:
                m["intensity"] = (m["intensity"] or 0.0) + r["intensity"]
        for m in months.values():
            m["net"] = m["q1"] + m["q2"] - m["q3"] - m["q4"]
        totals["b_to_a"] = totals["events"] - totals["a_to_b"]
        bound = Where().add(*unpack(party(a))).add(*unpack(party(b)))
        near = Where().add(f"({around(a)[0]} OR {around(b)[0]})",
                           *around(a)[1], *around(b)[1]).add(f"NOT {pair(a, b)[0]}",
                                                             *pair(a, b)[1])
        agreements = self._capped("agreements", bound, '"name", "agreement_id"')
        around_them = self._capped("relations", near, '"relation_type", "relation_id"')
        return {
            "a": party_a, "b": party_b, "modalities": list(modalities),
            "totals": totals, "by_modality": dict(sorted(by_modality.items())),
            "months": [months[k] for k in sorted(months)],
            "top_event_types": [{"event_type": t, "count": n} for t, n in sorted(
                by_type.items(), key=lambda x: (-x[1], x[0]))[:TOP_EVENT_TYPES]],
            "agreements": agreements.items, "agreements_total": agreements.total,
            "relations_between": self._capped("relations", between,
                                              '"relation_type", "relation_id"').items,
            "relations_around": around_them.items,
            "relations_around_total": around_them.total,
        }

    def _capped(self, table_name: str, where: Where, order: str) -> Page:
        """The first DYAD_RECORDS records; counted separately only when there are more."""
        records = self._records(table_name, where, order, DYAD_RECORDS, 0)
        total = len(records) if len(records) < DYAD_RECORDS else self._count(table_name, where)
        return Page([r.model_dump(mode="json") for r in records], total)


_SUMMARY_GROUPS: dict[str, tuple[str, ...]] = {
    "actors": ("kind",),
    "events": ("event_type", "modality"),
    "relations": ("relation_type",),
    "failures": ("code",),
}

