"""Scoring dyad's actor resolution against ``bench/gold/actors.tsv``.

Each gold sentence goes through the real pipeline as one document dated with the row's
``date``. The gold span is the ``occurrence``-th appearance of ``mention``; dyad's mention
*covers* it when the two spans overlap (an exact span first, then the largest overlap,
then the shorter mention: "Brazilian Foreign Minister Mauro Vieira" covers "Mauro Vieira").

- country: exact, ``alt_country`` also accepted; an empty gold country wants none. Rows
  with ``org=`` are also scored for which IGO (``IGO.UNSC`` counts as the gold's "UN").
- sector: strict (the ``sector`` column) and lenient (``alt_sector`` too). An IGO actor is
  read as sector ``IGO`` (dyad keeps IGO-ness in the id or a person's ``affiliation``, the
  gold in the sector column)
  while its functional sector (``IGO.ICJ`` is JUD) may also match.
- ``place`` rows are scored on dyad's locations (the country of the resolved place) and on
  not being coded as a government actor (the metonym/place distinction).
An unmatched row counts as wrong everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from dyad.errors import InputError
from dyad.eval.report import (MAX_MISSES, Accuracy, accuracy, category, default_extractor,
                              extract_each, find_span, md_table, note_tags, overlap, read_tsv,
                              ref_code)
from dyad.model import Actor, Extraction, Location

COLUMNS = ["id", "sentence", "mention", "country", "sector", "kind", "date", "note"]


@dataclass(frozen=True)
class ActorRow:
    row_id: str
    sentence: str
    mention: str
    start: int
    end: int
    country: str | None
    sector: str | None
    kind: str
    date: str | None
    countries: frozenset[str]  # country and alt_country
    sectors: frozenset[str]  # sector and alt_sector
    org: str | None

    @property
    def category(self) -> str:
        return category(self.row_id)


@dataclass(frozen=True)
class Predicted:
    """dyad's record covering a gold span: an actor, or for places a location."""

    text: str
    record_id: str
    country: str | None
    sector: str | None = None
    kind: str | None = None
    code: str | None = None  # the gold-style code (IGO acronym) for the org check
    affiliation: str | None = None  # "IGO.UN" for a person acting for an IGO

    def to_dict(self) -> dict:
        return {"text": self.text, "id": self.record_id, "country": self.country,
                "sector": self.sector, "kind": self.kind}


@dataclass(frozen=True)
class ActorResult:
    row: ActorRow
    predicted: Predicted | None
    country_ok: bool
    sector_strict: bool
    sector_lenient: bool
    kind_ok: bool
    org_ok: bool | None = None  # None when the row names no IGO
    not_gov: bool | None = None  # place rows: not coded as a GOV actor

    def to_dict(self) -> dict:
        r = self.row
        return {"id": r.row_id, "mention": r.mention, "gold": {
            "country": r.country, "sector": r.sector, "kind": r.kind},
            "dyad": self.predicted.to_dict() if self.predicted else None,
            "country_ok": self.country_ok, "sector_ok": self.sector_lenient}


@dataclass(frozen=True)
class ActorsReport:
    n: int
    matched: Accuracy  # rows (not places) with a covering dyad actor
    country: Accuracy
    sector_strict: Accuracy
    sector_lenient: Accuracy
    kind: Accuracy
    igo: Accuracy  # rows with org=: the right IGO
    place_country: Accuracy
    place_not_gov: Accuracy
    per_category: dict[str, dict[str, Accuracy]]
    misses: list[ActorResult]
    failures: int = 0
    results: list[ActorResult] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict:
        return {"set": "actors", "n": self.n, "failures": self.failures,
                "matched": self.matched.to_dict(), "country": self.country.to_dict(),
                "sector_strict": self.sector_strict.to_dict(),
                "sector_lenient": self.sector_lenient.to_dict(), "kind": self.kind.to_dict(),
                "igo": self.igo.to_dict(), "place_country": self.place_country.to_dict(),
                "place_not_gov": self.place_not_gov.to_dict(),
                "per_category": {c: {k: v.to_dict() for k, v in m.items()}
                                 for c, m in self.per_category.items()},
                "misses": [m.to_dict() for m in self.misses]}

    def to_markdown(self) -> str:
        lines = [f"## Actors: {self.n} gold mentions", "", md_table(["measure", "value"], [
            ["matched (a dyad actor covers the mention)", self.matched.cell()],
            ["country accuracy", self.country.cell()],
            ["sector accuracy, strict", self.sector_strict.cell()],
            ["sector accuracy, lenient (alt_sector)", self.sector_lenient.cell()],
            ["kind accuracy", self.kind.cell()],
            ["IGO identity (rows with org=)", self.igo.cell()],
            ["places: country of the location", self.place_country.cell()],
            ["places: not coded as a GOV actor", self.place_not_gov.cell()],
            ["documents with a failed stage", str(self.failures)]]), "",
            "### Per category", "",
            md_table(["category", "country", "sector strict", "sector lenient"],
                     [[c, m["country"].cell(), m["sector_strict"].cell(),
                       m["sector_lenient"].cell()] for c, m in self.per_category.items()]),
            "", f"### Misses (first {len(self.misses)})", "",
            md_table(["id", "mention", "gold", "dyad"],
                     [[r.row.row_id, r.row.mention, _gold_cell(r.row), _dyad_cell(r)]
                      for r in self.misses])]
        return "\n".join(lines) + "\n"


def _gold_cell(row: ActorRow) -> str:
    return f"{row.country or '-'} {row.sector or '-'} {row.kind}"


def _dyad_cell(r: ActorResult) -> str:
    p = r.predicted
    if p is None:
        return "no match"
    return f"{p.country or '-'} {p.sector or '-'} {p.kind or ''} ({p.record_id}: '{p.text}')"


def read_actors_gold(path: str | Path) -> list[ActorRow]:
    rows = []
    for r in read_tsv(path, COLUMNS):
        tags = note_tags(r["note"])
        span = find_span(r["sentence"], r["mention"], int(tags.get("occurrence", 1)))
        if span is None:
            raise InputError(f"{path}: row {r['id']}: mention '{r['mention']}' is not in its "
                             "sentence; fix the row (see bench/gold/validate.py)")
        rows.append(ActorRow(
            row_id=r["id"], sentence=r["sentence"], mention=r["mention"], start=span[0],
            end=span[1], country=r["country"] or None, sector=r["sector"] or None,
            kind=r["kind"], date=r["date"] or None,
            countries=frozenset(c for c in (r["country"], tags.get("alt_country")) if c),
            sectors=frozenset(s for s in (r["sector"], tags.get("alt_sector")) if s),
            org=tags.get("org")))
    return rows


def covering_actor(actors: list[Actor], doc_id: str, span: tuple[int, int]) -> Predicted | None:
    """dyad's actor mention that covers ``span`` best (see the module doc)."""
    best, best_key = None, None
    for actor in actors:
        for m in actor.mentions:
            if m.doc_id != doc_id or not overlap((m.start, m.end), span):
                continue
            key = ((m.start, m.end) == span, overlap((m.start, m.end), span), -(m.end - m.start))
            if best_key is None or key > best_key:
                best_key = key
                best = Predicted(text=m.text, record_id=actor.actor_id, country=actor.country,
                                 sector=actor.sector, kind=actor.kind, code=ref_code(actor),
                                 affiliation=actor.affiliation)
    return best


def covering_location(locations: list[Location], doc_id: str,
                      span: tuple[int, int]) -> Predicted | None:
    best, best_key = None, None
    for loc in locations:
        for m in loc.mentions:
            if m.doc_id != doc_id or not overlap((m.start, m.end), span):
                continue
            key = ((m.start, m.end) == span, overlap((m.start, m.end), span), -(m.end - m.start))
            if best_key is None or key > best_key:
                best_key, best = key, Predicted(text=m.text, record_id=loc.location_id,
                                                country=loc.country, kind="place")
    return best


def _sectors(p: Predicted) -> set[str]:
    """An IGO actor, or a person with no country acting for an IGO (``affiliation``
    "IGO.UN": the UN Secretary-General), reads as sector IGO; its functional sector also
    counts."""
    found = {p.sector} if p.sector else set()
    acts_for_igo = not p.country and (p.affiliation or "").startswith("IGO.")
    if p.record_id.startswith("IGO.") or acts_for_igo:
        found.add("IGO")
    return found


def score_actor(row: ActorRow, extraction: Extraction, doc_id: str) -> ActorResult:
    """One gold row against the extraction of its sentence."""
    span = (row.start, row.end)
    if row.kind == "place":
        actor = covering_actor(extraction.actors, doc_id, span)
        loc = covering_location(extraction.locations, doc_id, span)
        ok = loc is not None and loc.country in row.countries
        not_gov = actor is None or actor.sector != "GOV"
        return ActorResult(row, loc, country_ok=ok, sector_strict=False, sector_lenient=False,
                           kind_ok=loc is not None, not_gov=not_gov)
    p = covering_actor(extraction.actors, doc_id, span)
    if p is None:
        return ActorResult(row, None, False, False, False, False,
                           org_ok=False if row.org else None)
    country_ok = p.country in row.countries if row.countries else p.country is None
    got = _sectors(p)
    strict = row.sector in got if row.sector else not got
    lenient = bool(got & row.sectors) if row.sectors else not got
    return ActorResult(row, p, country_ok=country_ok, sector_strict=strict,
                       sector_lenient=lenient, kind_ok=p.kind == row.kind,
                       org_ok=(p.code == row.org) if row.org else None)


def summarise(results: list[ActorResult], *, failures: int = 0) -> ActorsReport:
    actors = [r for r in results if r.row.kind != "place"]
    places = [r for r in results if r.row.kind == "place"]
    per_category: dict[str, dict[str, Accuracy]] = {}
    for name in sorted({r.row.category for r in results}):
        group = [r for r in results if r.row.category == name]
        non_place = [r for r in group if r.row.kind != "place"]
        per_category[name] = {
            "country": accuracy(r.country_ok for r in group),
            "sector_strict": accuracy(r.sector_strict for r in non_place),
            "sector_lenient": accuracy(r.sector_lenient for r in non_place)}
    misses = [r for r in results
              if not r.country_ok or (r.row.kind != "place" and not r.sector_lenient)]
    return ActorsReport(
        n=len(results), matched=accuracy(r.predicted is not None for r in actors),
        country=accuracy(r.country_ok for r in actors),
        sector_strict=accuracy(r.sector_strict for r in actors),
        sector_lenient=accuracy(r.sector_lenient for r in actors),
        kind=accuracy(r.kind_ok for r in actors),
        igo=accuracy(bool(r.org_ok) for r in actors if r.org_ok is not None),
        place_country=accuracy(r.country_ok for r in places),
        place_not_gov=accuracy(bool(r.not_gov) for r in places),
        per_category=per_category, misses=misses[:MAX_MISSES], failures=failures,
        results=results)


def evaluate_actors(path: str | Path, *, extractor=None, limit: int | None = None,
                    progress: Callable[[int], None] | None = None) -> ActorsReport:
    """Run the real pipeline over the gold sentences and score every mention.

    Rows that share a sentence and date share one document. ``extractor`` defaults to
    ``dyad.pipeline.default_extractor()``; anything with ``extract_documents`` will do.
    """
    from dyad.ingest import read_text

    rows = read_actors_gold(path)[:limit]
    doc_ids: dict[tuple[str, str | None], str] = {}
    for row in rows:
        doc_ids.setdefault((row.sentence, row.date), f"gold-{row.row_id}")
    docs = [read_text(s, doc_id=i, date=d) for (s, d), i in doc_ids.items()]
    extractions = {doc.doc_id: x for doc, x in
                   extract_each(default_extractor(extractor), docs, progress)}
    failures = sum(bool(x.failures) for x in extractions.values())
    results = []
    for row in rows:
        doc_id = doc_ids[(row.sentence, row.date)]
        results.append(score_actor(row, extractions[doc_id], doc_id))
    return summarise(results, failures=failures)

