"""The extraction pipeline: documents in, ``dyad/1`` records out.

Resources (the spaCy pipeline, the actor dictionary, the gazetteer) are loaded once in
``Extractor`` and passed to the stages. Each stage is a pure function of a ``DocContext``;
a stage that raises becomes a ``Failure`` record for that document and the rest of the
document's records are still produced.
"""

from __future__ import annotations

import copy

import functools
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator, Sequence

from dyad import errors
from dyad.actors.records import STATE_SECTORS
from dyad.model import (Actor, Agreement, Document, Event, Extraction, Failure, Location,
                        Relation)
from dyad.ingest.language import NOT_ENGLISH, STAGE as LANGUAGE_STAGE
from dyad.ingest.language import detect_language, is_english
from dyad.nlp.dateline import find_dateline
from dyad.nlp.parsed import ParsedDoc


@dataclass(frozen=True)
class DocContext:
    """Everything the coders may read about one document."""

    document: Document
    parsed: ParsedDoc
    actors: tuple = ()  # dyad.actors.resolve.ResolvedMention
    places: tuple = ()  # dyad.geo.locate.PlaceMention
    quantities: tuple = ()  # dyad.model.Quantity
    dates: tuple = ()  # dyad.time.DateMention
    anchor: object = None  # dyad.time.Anchor
    agreements: tuple = ()  # dyad.model.Agreement: the agreements coder's, for the relations coder


@dataclass
class DocRecords:
    """The records of one document, before cross-document merging."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    def to_extraction(self) -> Extraction:
        return Extraction(documents=[self.document], actors=self.actors,
                          locations=self.locations, events=self.events,
                          agreements=self.agreements, relations=self.relations,
                          failures=self.failures)


# Versioned coder registry: name -> callable(DocContext) -> list of records.
Coder = Callable[[DocContext], list]
CODERS: dict[str, str] = {
    "events": "dyad.events.rules.v1",
    "agreements": "dyad.agreements.rules.v1",
    "relations": "dyad.relations.rules.v2",
}


def _coder(name: str) -> Coder:
    """Import the coder registered under a versioned name (``module.path.vN``)."""
    import importlib

    module_path, version = CODERS[name].rsplit(".", 1)
    module = importlib.import_module(module_path)
    return getattr(module, f"code_{version}")


class Extractor:
    """Loads dyad's resources once and extracts records from documents.

    Example:
        >>> ex = Extractor()
        >>> result = ex.extract_text("PARIS, May 2 (AFP) - France and Greece signed ...")
    """

    def __init__(self, *, actors_files: Sequence[str] = (), event_lexicons: Sequence[str] = (),
                 selective: bool = True) -> None:
        """``event_lexicons``: extra trigger files (docs/events.md).
        ``selective``: parse only sentences with a coder's cue (``dyad.selection``);
        False parses every sentence fully (slower; actors found by the statistical NER
        in cue-less sentences too)."""
        from dyad.actors import load_dictionary
        from dyad.geo import load_gazetteer, place_ruler_patterns
        from dyad.nlp.pipeline import NlpLayer
        from dyad.selection import build_selector

        self.dictionary = load_dictionary(actors_files)
        self.gazetteer = load_gazetteer()
        patterns = self.dictionary.ruler_patterns()
        # well-known places too, so they are found where the NER does not run or errs
        patterns += place_ruler_patterns(self.gazetteer, taken={p["pattern"] for p in patterns})
        self.nlp = NlpLayer(patterns, selector=build_selector() if selective else None)
        self.coders = {name: _coder(name) for name in CODERS}
        if event_lexicons:  # user trigger files extend the bundled lexicon
            from dyad.events.rules import coder

            self.coders["events"] = coder(tuple(event_lexicons))

    def with_coder(self, name: str, coder: Coder) -> "Extractor":
        """A copy that shares this extractor's resources and runs ``coder`` for ``name``
        ("events", "agreements" or "relations"): ``ex.with_coder("relations",
        dyad.relations.rules.code_v1)`` reads relations with the rules alone. The
        extractor itself (``default_extractor()`` is shared) is left as it is."""
        if name not in self.coders:
            raise errors.ConfigError(f"no coder named {name!r}: use one of {', '.join(sorted(self.coders))}")
        other = copy.copy(self)
        other.coders = {**self.coders, name: coder}
        return other

    # -- public entry points -------------------------------------------------------
    def extract_text(self, text: str, **meta: str | None) -> Extraction:
        from dyad.ingest import read_text

        return self.extract_documents([read_text(text, **meta)])

    def extract_documents(self, items: Iterable[Document | Failure]) -> Extraction:
        return combine(self.iter_records(items))

    def iter_records(self, items: Iterable[Document | Failure]) -> Iterator[DocRecords | Failure]:
        """Per-document records, in input order; ingest failures pass through."""
        pending: list[Document] = []
        for item in items:
            if isinstance(item, Failure):
                yield from self._flush(pending)
                pending = []
                yield item
                continue
            pending.append(item)
            if len(pending) >= 16:
                yield from self._flush(pending)
                pending = []
        yield from self._flush(pending)

    # -- stages --------------------------------------------------------------------
    def _flush(self, docs: list[Document]) -> Iterator[DocRecords]:
        if not docs:
            return
        docs = [_with_language(d) for d in docs]
        english = [_with_dateline(d) for d in docs if is_english(d.language)]
        triples = ((d.doc_id, d.text, d.dateline.end if d.dateline else 0) for d in english)
        try:
            parsed_docs = list(self.nlp.parse_many(triples))
        except Exception:  # one bad text must not sink the batch: parse one by one
            parsed_docs = [self._parse_one(d) for d in english]
        coded = iter(zip(english, parsed_docs))
        for doc in docs:
            if not is_english(doc.language):  # stored with its language, never coded
                yield DocRecords(document=doc, failures=[_not_english(doc)])
                continue
            doc, parsed = next(coded)
            if isinstance(parsed, Failure):
                yield DocRecords(document=doc, failures=[parsed])
            else:
                yield self.code(doc, parsed)

    def _parse_one(self, doc: Document) -> ParsedDoc | Failure:
        try:
            return self.nlp.parse(doc.doc_id, doc.text,
                                  body_start=doc.dateline.end if doc.dateline else 0)
        except Exception as exc:  # noqa: BLE001 - recorded, not hidden
            return _failure(doc, "parse", exc)

    def code(self, doc: Document, parsed: ParsedDoc) -> DocRecords:
        """Run the stages after parsing: a pure function of the document and its parse."""
        from dyad.actors import collect_actors
        from dyad.geo import locations_of

        out = DocRecords(document=doc)
        stage = _stage_runner(doc, out.failures)
        ctx = self.context(doc, parsed, out.failures)
        out.actors = collect_actors(ctx.actors, doc.doc_id)
        out.locations = locations_of(doc.doc_id, ctx.places)
        out.events = stage("events", lambda: list(self.coders["events"](ctx)), [])
        out.agreements = stage("agreements", lambda: list(self.coders["agreements"](ctx)), [])
        # the relations coder reads the agreements too (an accession in force is a membership)
        with_agreements = replace(ctx, agreements=tuple(out.agreements))
        out.relations = stage("relations", lambda: list(self.coders["relations"](with_agreements)), [])
        out.actors += _implied_actors(out)
        return out

    def context(self, doc: Document, parsed: ParsedDoc, failures: list[Failure] | None = None
                ) -> DocContext:
        """What the coders read about one parsed document: actors, places, quantities and
        dates (a stage that fails adds a ``Failure`` to ``failures`` and gives nothing)."""
        from dyad.actors import resolve_actors, without_places
        from dyad.geo import resolve_locations
        from dyad.quantities import find_quantities
        from dyad.time import Anchor, find_dates

        stage = _stage_runner(doc, [] if failures is None else failures)
        actors = stage("actors", lambda: tuple(resolve_actors(
            parsed, self.dictionary, doc_date=_doc_date(doc))), ())
        countries = {m.actor.country for m in actors if m.actor.country}
        places = stage("locations", lambda: tuple(resolve_locations(
            parsed, self.gazetteer, context_countries=countries)), ())
        actors = without_places(actors, ((p.start, p.end) for p in places))
        quantities = stage("quantities", lambda: tuple(find_quantities(
            doc.text[parsed.body_start:], doc_id=doc.doc_id, offset=parsed.body_start)), ())
        anchor = Anchor(date=_anchor_date(doc), published=doc.date)
        dates = stage("dates", lambda: tuple(find_dates(
            doc.text[parsed.body_start:], anchor=anchor, offset=parsed.body_start)), ())
        return DocContext(document=doc, parsed=parsed, actors=actors, places=places,
                          quantities=quantities, dates=dates, anchor=anchor)


def _stage_runner(doc: Document, failures: list[Failure]) -> Callable:
    """``stage(name, fn, default)``: ``fn()``, or ``default`` and a ``Failure`` when it raises."""
    def stage(name: str, fn: Callable[[], object], default: object) -> object:
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - becomes a Failure record
            failures.append(_failure(doc, name, exc))
            return default
    return stage


def _implied_actors(out: DocRecords) -> list[Actor]:
    """Actors that records refer to without a mention of their own (an event's implied
    domestic recipient, say): listed, with no mentions, so every reference resolves."""
    known = {a.actor_id for a in out.actors}
    refs = [*(r for e in out.events for r in (e.source, e.target)),
            *(p for a in out.agreements for p in a.parties),
            *(s.party for a in out.agreements for s in a.stages),
            *(r for rel in out.relations for r in (rel.source, rel.target))]
    implied: dict[str, Actor] = {}
    for ref in refs:
        if ref is None or ref.actor_id in known or ref.actor_id in implied:
            continue
        implied[ref.actor_id] = Actor(actor_id=ref.actor_id, name=ref.name,
                                      kind=_kind_of(ref.actor_id, ref.country, ref.sector),
                                      country=ref.country, sector=ref.sector)
    return list(implied.values())


def _kind_of(actor_id: str, country: str | None, sector: str | None = None) -> str:
    """The kind an actor id stands for (ids are structured: see docs/actors.md): a
    country's organ is the state, its rebels or civilians ("SYR.REB") a group."""
    prefix = actor_id.split(".", 1)[0]
    if country and prefix == country:
        return "state" if sector is None or sector in STATE_SECTORS else "group"
    return {"IGO": "igo", "person": "person", "group": "group", "org": "organisation"}.get(
        prefix, "organisation")


def _with_language(doc: Document) -> Document:
    if doc.language is not None:
        return doc
    language, _ = detect_language(doc.text)
    return doc.model_copy(update={"language": language}) if language else doc


def _not_english(doc: Document) -> Failure:
    _, confidence = detect_language(doc.text)
    return Failure(doc_id=doc.doc_id, path=doc.path, stage=LANGUAGE_STAGE, code=NOT_ENGLISH,
                   message=f"{doc.path or doc.doc_id} reads as language '{doc.language}' "
                           f"(confidence {confidence:.2f}), not English; it is stored but not "
                           "coded: dyad codes English text only, so pass an English version")


def _with_dateline(doc: Document) -> Document:
    if doc.dateline is not None:
        return doc
    dateline = find_dateline(doc.text, published=doc.date)
    return doc.model_copy(update={"dateline": dateline}) if dateline else doc


def _doc_date(doc: Document) -> str | None:
    return doc.date or (doc.dateline.date if doc.dateline else None)


def _anchor_date(doc: Document) -> str | None:
    """Relative dates are read against the dateline's day, else the publication date."""
    if doc.dateline and doc.dateline.date:
        return doc.dateline.date
    return doc.date


def _failure(doc: Document, stage: str, exc: Exception) -> Failure:
    code = exc.code if isinstance(exc, errors.DyadError) else errors.STAGE_FAILED
    message = f"{doc.path or doc.doc_id}: stage '{stage}' failed: {exc.__class__.__name__}: {exc}"
    return Failure(doc_id=doc.doc_id, path=doc.path, stage=stage, code=code,
                   message=message[:500] + "; fix: report this with the document to dyad's issues")


def _merge_actor(a: Actor, b: Actor) -> Actor:
    """One actor seen in several documents: the union of aliases and mentions."""
    aliases = sorted({*a.aliases, *b.aliases} - {a.name})
    seen = {(m.doc_id, m.start, m.end) for m in a.mentions}
    merged = [*a.mentions, *(m for m in b.mentions if (m.doc_id, m.start, m.end) not in seen)]
    return a.model_copy(update={"aliases": aliases, "mentions": merged})


def combine(items: Iterable[DocRecords | Failure]) -> Extraction:
    """Merge per-document records into one ``dyad/1`` object: actors and places by id,
    agreements, relations and events by the rules of ``dyad.merge``."""
    documents, events, agreements, relations, failures = [], [], [], [], []
    actors: dict[str, Actor] = {}
    locations: dict[str, Location] = {}
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
            continue
        documents.append(item.document)
        for a in item.actors:
            actors[a.actor_id] = _merge_actor(actors[a.actor_id], a) if a.actor_id in actors else a
        for loc in item.locations:
            if loc.location_id in locations:
                prev = locations[loc.location_id]
                loc = prev.model_copy(update={"mentions": [*prev.mentions, *loc.mentions]})
            locations[loc.location_id] = loc
        events += item.events
        agreements += item.agreements
        relations += item.relations
        failures += item.failures
    from dyad.merge import merge_extraction

    return merge_extraction(Extraction(
        documents=documents, actors=list(actors.values()), locations=list(locations.values()),
        events=events, agreements=agreements, relations=relations, failures=failures))


@functools.lru_cache(maxsize=4)
def default_extractor(actors_files: tuple[str, ...] = ()) -> Extractor:
    """One Extractor per process and dictionary set (the batch layer's lazy singleton)."""
    return Extractor(actors_files=actors_files)
