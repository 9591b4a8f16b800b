"""The FastAPI app: JSON endpoints under ``/api/``, the web explorer at ``/``.

Every endpoint is a thin wrapper over one store query (``dyad.store.queries``); the store
answers with SQL aggregation, so a page or a summary costs the same on 100 or 100,000
events. Handlers are plain functions run in the server's thread pool, each on its own
store session (a DuckDB cursor or a pooled PostgreSQL connection).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Annotated, Any, Literal

import pydantic
from fastapi import FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from starlette.exceptions import HTTPException

from dyad import __version__, model
from dyad.api import errors
from dyad.api.auth import Guard, read_body, require_token
from dyad.errors import InputError
from dyad.store import Store, is_postgres_url, open_store
from dyad.store.queries import COUNTED_MODALITIES, EVENT_SORTS, MAX_PAGE
from dyad.store.query_filters import EventFilter, Page

MAX_OFFSET = 10_000_000
MAX_FILTER_CHARS = 200
"""Longest filter value or id accepted; longer ones get 422."""
MAX_POST_DOCUMENTS = 100
"""Documents per POST /api/documents."""
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
CACHE_ENTRIES = 2048
"""Responses kept for a read-only DuckDB store (it cannot change while served)."""

Limit = Annotated[int, Query(ge=1, description=f"Page size; above {MAX_PAGE} is cut to it")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Text = Annotated[str | None, Query(max_length=MAX_FILTER_CHARS, pattern=r"^[^\x00]*$")]
IsoDate = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                      description="YYYY, YYYY-MM or YYYY-MM-DD")]


class DocumentIn(pydantic.BaseModel):
    """One article sent to POST /api/documents."""

    model_config = pydantic.ConfigDict(extra="forbid")
    text: str = pydantic.Field(min_length=1)
    id: str | None = pydantic.Field(None, max_length=MAX_FILTER_CHARS)
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None


_POSTED = pydantic.TypeAdapter(DocumentIn | list[DocumentIn])


class ResponseCache:
    """A small LRU of computed responses, keyed by path and query."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key: Any, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


def create_app(store_url: str, *, token: str | None = None, extractor: Any = None,
               allowed_hosts: frozenset[str] | None = None,
               cache_size: int = CACHE_ENTRIES) -> FastAPI:
    """The API and explorer over the store at ``store_url`` (DuckDB path or PostgreSQL URL).

    Without ``token`` the store is opened read-only and POST answers 403. ``extractor``
    (default: the real pipeline, loaded on the first POST) codes posted documents.
    ``allowed_hosts`` restricts the Host header (``dyad serve`` passes the loopback names
    when it binds to loopback). Responses are cached (``cache_size`` entries, 0 for none)
    only for a read-only DuckDB file: DuckDB's lock keeps every writer out while it is
    served, so a cached answer cannot go stale. PostgreSQL answers are never cached.
    """
    store = open_store(store_url, read_only=token is None)
    cacheable = token is None and cache_size > 0 and not is_postgres_url(store_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()

    app = FastAPI(title="dyad", version=__version__, lifespan=lifespan,
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,
                  description="Sourced relations between states. Errors: "
                              '{"error": {"code", "message", "status"}}.')
    app.state.store = store
    app.state.cache = ResponseCache(cache_size) if cacheable else None
    app.state.extractor = extractor
    app.state.write_lock = threading.Lock()
    errors.install(app)
    app.add_middleware(Guard, allowed_hosts=allowed_hosts)
    _routes(app, token)
    _static(app)
    return app


def cached(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """Serve repeated GETs from the app's cache, when it has one (errors are not cached)."""
    @functools.wraps(endpoint)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        request: Request = kwargs["request"]
        cache = request.app.state.cache
        if cache is None:
            return endpoint(*args, **kwargs)
        key = (request.url.path, tuple(sorted(request.query_params.multi_items())),
               dt.date.today())  # "as of today" defaults change at midnight
        return cache.get_or_compute(key, lambda: endpoint(*args, **kwargs))
    return wrapper


@contextmanager
def _session(request: Request) -> Iterator[Store]:
    with request.app.state.store.session() as s:
        yield s


def _page(page: Page, limit: int, offset: int) -> dict[str, Any]:
    return {"items": page.items, "total": page.total, "limit": min(limit, MAX_PAGE),
            "offset": offset}


def _usable(value: str) -> bool:
    """Whether an id from a path can name anything: not too long, no NUL byte."""
    return len(value) <= MAX_FILTER_CHARS and "\x00" not in value


def _not_found(what: str, value: str) -> HTTPException:
    return HTTPException(404, f"no {what} {value[:MAX_FILTER_CHARS]!r} in this store")


def _pair(dyad: str) -> tuple[str, str]:
    parts = [p.strip() for p in dyad.split(",")]
    if len(parts) != 2 or not all(parts):
        raise HTTPException(422, f"dyad takes two ids separated by a comma, e.g. dyad=FRA,GRC; "
                                 f"got {dyad!r}")
    return parts[0], parts[1]


def _modalities(value: str | None) -> tuple[str, ...]:
    if not value:
        return COUNTED_MODALITIES
    chosen = tuple(dict.fromkeys(v.strip() for v in value.split(",")))
    bad = [v for v in chosen if v not in model.MODALITIES]
    if bad:
        raise HTTPException(422, f"unknown modality {bad[0]!r}; use some of "
                                 f"{', '.join(model.MODALITIES)}")
    return chosen


def agreement_status(store: Store, agreement: model.Agreement, as_of: str) -> Any:
    """The agreement's status on ``as_of`` as JSON, or None while dyad has no status rules."""
    try:
        from dyad.agreements.status import agreement_status as status_of
    except ImportError:  # pragma: no cover - the rules ship with dyad
        return None
    cited = {stage.evidence.doc_id for stage in agreement.stages}
    report = status_of(agreement, as_of=as_of, doc_dates=store.doc_dates(cited))
    return pydantic.TypeAdapter(type(report)).dump_python(report, mode="json")


def _routes(app: FastAPI, token: str | None) -> None:  # noqa: C901 - one route per endpoint
    @app.get("/api/health")
    def health(request: Request) -> dict[str, Any]:
        with _session(request) as s:
            return {"status": "ok", "schema": model.SCHEMA,
                    "documents": s.count_rows("documents"),
                    "writable": token is not None}

    @app.get("/api/documents")
    @cached
    def documents(request: Request, q: Text = None, limit: Limit = 50,
                  offset: Offset = 0) -> dict[str, Any]:
        with _session(request) as s:
            return _page(s.documents(q=q, limit=limit, offset=offset), limit, offset)

    @app.get("/api/documents/{doc_id:path}")
    @cached
    def document(request: Request, doc_id: str) -> dict[str, Any]:
        with _session(request) as s:
            found = s.document(doc_id) if _usable(doc_id) else None
        if found is None:
            raise _not_found("document", doc_id)
        return found

    @app.get("/api/actors")
    @cached
    def actors(request: Request, q: Text = None, country: Text = None,
               kind: model.ActorKind | None = None, sector: Text = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        with _session(request) as s:
            return _page(s.actors(q=q, country=country, kind=kind, sector=sector,
                                  limit=limit, offset=offset), limit, offset)

    @app.get("/api/actors/{actor_id}")
    @cached
    def actor(request: Request, actor_id: str) -> dict[str, Any]:
        with _session(request) as s:
            found = s.actor(actor_id) if _usable(actor_id) else None
        if found is None:
            raise _not_found("actor", actor_id)
        return found

    @app.get("/api/events")
    @cached
    def events(request: Request, actor: Text = None, source: Text = None, target: Text = None,
               country: Text = None, dyad: Text = None, event_type: Text = None,
               quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
               modality: model.Modality | None = None, date_from: IsoDate = None,
               date_to: IsoDate = None, q: Text = None,
               sort: Literal["date", "-date", "event_type"] = "-date",
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        assert sort in EVENT_SORTS
        where = EventFilter(actor=actor, source=source, target=target, country=country,
                            dyad=_pair(dyad) if dyad else None, event_type=event_type,
                            quad_class=quad_class, modality=modality, date_from=date_from,
                            date_to=date_to, q=q)
        with _session(request) as s:
            return _page(s.events(where, sort=sort, limit=limit, offset=offset), limit, offset)

    @app.get("/api/agreements")
    @cached
    def agreements(request: Request, party: Text = None, kind: Text = None, q: Text = None,
                   limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        with _session(request) as s:
            return _page(s.agreements(party_id=party, kind=kind, q=q, limit=limit,
                                      offset=offset), limit, offset)

    @app.get("/api/agreements/{agreement_id}")
    @cached
    def agreement(request: Request, agreement_id: str,
                  as_of: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None
                  ) -> dict[str, Any]:
        day = as_of or dt.date.today().isoformat()
        with _session(request) as s:
            found = s.agreement(agreement_id) if _usable(agreement_id) else None
            if found is None:
                raise _not_found("agreement", agreement_id)
            try:
                status = agreement_status(s, found, day)
            except InputError as exc:
                raise HTTPException(422, str(exc.args[0])) from exc
        return {**found.model_dump(mode="json"), "as_of": day, "status": status}

    @app.get("/api/relations")
    @cached
    def relations(request: Request, source: Text = None, target: Text = None,
                  country: Text = None, relation_type: model.RelationType | None = None,
                  modality: model.Modality | None = None, limit: Limit = 50,
                  offset: Offset = 0) -> dict[str, Any]:
        with _session(request) as s:
            return _page(s.relations(source=source, target=target, country=country,
                                     relation_type=relation_type, modality=modality,
                                     limit=limit, offset=offset), limit, offset)

    @app.get("/api/conflicts")
    @cached
    def conflicts(request: Request,
                  record_kind: Literal["agreements", "events", "relations"] | None = None,
                  record_id: Text = None, limit: Limit = 50, offset: Offset = 0
                  ) -> dict[str, Any]:
        """Contradictions across documents, as the merge step records them."""
        with _session(request) as s:
            return _page(s.conflicts(record_kind=record_kind, record_id=record_id,
                                     limit=limit, offset=offset), limit, offset)

    @app.get("/api/dyad/{a}/{b}")
    @cached
    def dyad_summary(request: Request, a: str, b: str, modality: Text = None,
                     as_of: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None
                     ) -> dict[str, Any]:
        """Events between a and b by month and quad class (net = (q1 + q2) - (q3 + q4)),
        top event types, agreements binding both (with status), relations."""
        counted = _modalities(modality)
        day = as_of or dt.date.today().isoformat()
        with _session(request) as s:
            found = s.dyad_summary(a, b, modalities=counted) \
                if _usable(a) and _usable(b) else None
            if found is None:
                missing = b if _usable(a) and s.dyad_party(a) else a
                raise _not_found("actor or country", missing)
            for item in found["agreements"]:
                try:
                    item["status"] = agreement_status(s, model.Agreement.model_validate(item), day)
                except InputError:  # a stage date the rules cannot place: no status
                    item["status"] = None
        found["as_of"] = day
        return found

    @app.post("/api/documents", openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"oneOf": [
            DocumentIn.model_json_schema(),
            {"type": "array", "items": DocumentIn.model_json_schema()}]}}}}})
    async def post_documents(request: Request) -> dict[str, Any]:
        """Code and store articles (needs the server's token)."""
        require_token(request, token)
        body = await read_body(request)
        try:
            posted = _POSTED.validate_python(json.loads(body))
        except (ValueError, UnicodeDecodeError) as exc:
            message = exc.errors()[0]["msg"] if isinstance(exc, pydantic.ValidationError) \
                else "the body is not JSON"
            raise HTTPException(422, f"{message}; send {{\"text\": ...}} or a list of them "
                                     "(fields: text, id, title, date, source, url)") from exc
        items = posted if isinstance(posted, list) else [posted]
        if not items or len(items) > MAX_POST_DOCUMENTS:
            raise HTTPException(422, f"send 1 to {MAX_POST_DOCUMENTS} documents per request; "
                                     f"got {len(items)}")
        return await run_in_threadpool(_ingest, request, items)

    @app.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                   include_in_schema=False)
    def unknown(rest: str) -> None:
        raise HTTPException(404, f"no endpoint /api/{rest[:MAX_FILTER_CHARS]}; "
                                 "see /api/openapi.json")


def _ingest(request: Request, items: list[DocumentIn]) -> dict[str, Any]:
    from dyad.ingest import read_text
    from dyad.pipeline import combine, default_extractor

    state = request.app.state
    documents = [read_text(d.text, doc_id=d.id, title=d.title, date=d.date, source=d.source,
                           url=d.url) for d in items]
    with _session(request) as s:
        known = s.known_doc_ids(d.doc_id for d in documents)
    new = list({d.doc_id: d for d in documents if d.doc_id not in known}.values())
    if state.extractor is None and new:
        state.extractor = default_extractor()
    records = list(state.extractor.iter_records(new)) if new else []
    extraction = combine(records)
    with state.write_lock, _session(request) as s:
        report = s.write(extraction)
    return {"doc_ids": [d.doc_id for d in documents],
            "documents_written": report.documents_written,
            "documents_skipped": len(documents) - report.documents_written,
            "rows": report.rows,
            "failures": [f.model_dump(mode="json") for f in extraction.failures]}


def _static(app: FastAPI) -> None:
    """The explorer's files at ``/`` and the Plotly bundle from the installed package."""
    from fastapi.staticfiles import StaticFiles

    from dyad.web import PLOTLY_ROUTE, plotly_js, static_dir

    @app.get(PLOTLY_ROUTE, include_in_schema=False)
    def plotly_bundle() -> FileResponse:
        return FileResponse(plotly_js(), media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    folder = static_dir()
    if folder.is_dir():
        app.mount("/", StaticFiles(directory=folder, html=True), name="web")


SERVE_ENV = "DYAD_SERVE"


def app_from_env() -> FastAPI:
    """The app ``dyad serve --workers N`` starts in each worker process, from the
    settings the command put in the environment (``DYAD_SERVE``, JSON; the token in
    ``DYAD_TOKEN``)."""
    import json
    import os

    settings = json.loads(os.environ[SERVE_ENV])
    hosts = settings.get("allowed_hosts")
    return create_app(settings["db"], token=os.environ.get("DYAD_TOKEN") or None,
                      allowed_hosts=frozenset(hosts) if hosts else None,
                      cache_size=settings.get("cache_size", CACHE_ENTRIES))
