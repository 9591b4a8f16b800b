"""Ingesting a corpus into a store: read, skip what is stored, extract, write per batch.

Each batch is written in one transaction, so a killed run leaves every document either
stored with all its records or not at all, and a rerun finishes the job without
duplicates. With ``workers > 1`` the batches are extracted in worker processes while
this process alone reads the input; one process writes the store (a store has one
writer): for a DuckDB file, a child that is replaced as it ages (``dyad.store.writer``).
The input is streamed and at most ``2 * workers`` batches are in flight, so memory does
not grow with the corpus. Batches are written in input order, so the store ends up the
same whatever the number of workers.
"""

from __future__ import annotations

import datetime
import multiprocessing
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from dyad.batch.partition import ExtractorSpec
from dyad.errors import STAGE_FAILED, ConfigError, DyadError
from dyad.model import Document, Failure
from dyad.pipeline import DocRecords, Extractor, combine

BATCH_DOCUMENTS = 32
# A worker process is replaced after this many batches (about 12,800 documents): native
# memory a long run leaves behind in a process (allocator fragmentation, caches filled
# with rare strings) goes with it, and loading the model again costs a few seconds.
WORKER_BATCHES = 400
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class IngestReport:
    documents_read: int = 0
    documents_written: int = 0
    documents_skipped: int = 0  # already in the store
    documents_out_of_range: int = 0  # undated, or published outside since..until
    words: int = 0
    failures: list[Failure] = field(default_factory=list)


Progress = Callable[[IngestReport], None]
Batch = list[Document | Failure]


def ingest_files(paths: Sequence[str], *, store, extractor: Extractor | None = None,
                 text_column: str | None = None, limit: int | None = None,
                 progress: Progress | None = None,
                 batch_documents: int = BATCH_DOCUMENTS, workers: int = 1,
                 since: str | None = None, until: str | None = None,
                 actors_files: Sequence[str] = ()) -> IngestReport:
    """Read ``paths`` (files or folders), extract and write new documents to ``store``.

    ``since``/``until`` (``YYYY[-MM[-DD]]``, both included) keep documents whose
    publication date falls in the range; undated documents are then left out. ``limit``
    counts the documents kept. With ``workers > 1`` each worker process builds its own
    extractor from ``actors_files`` (pass those, not ``extractor``). A DuckDB store's
    file is handed to a writer process for the call (``dyad.store.writer``): use the store
    again once it returns, not from ``progress``.

    Example:
        >>> from dyad import open_store, ingest_files
        >>> with open_store("dyad.duckdb") as store:
        ...     report = ingest_files(["examples/"], store=store, workers=2)
    """
    from dyad.ingest import read_paths

    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {workers}")
    if workers > 1 and extractor is not None:
        raise ConfigError("with workers > 1 each worker builds its own extractor: pass "
                          "actors_files=... instead of extractor=...")
    keep = date_filter(since, until)
    report = IngestReport()
    spec = ExtractorSpec(actors_files=tuple(actors_files))
    with _sink(store) as sink:
        items = _limited(_in_range(read_paths(paths, text_column=text_column), keep, report),
                         limit)
        fresh = _new_only(items, sink, report, CHECK_CHUNK,
                          recent_window(workers, batch_documents))
        for records in _extracted(_batches(fresh, batch_documents), extractor, workers, spec):
            sink.write(combine(records))
            for r in records:
                if isinstance(r, Failure):
                    report.failures.append(r)
                else:
                    report.documents_written += 1
                    report.words += r.document.words
                    report.failures += r.failures
            if progress:
                progress(report)
    return report


def _sink(store) -> AbstractContextManager:
    """Where the writes go: a DuckDB store's to a child process that is replaced as it
    ages (``dyad.store.writer``), so that a long ingest stays flat; a store that cannot
    hand its file over (open sessions, read-only) or a server's takes them itself."""
    from dyad.store.duckdb import DuckDBStore
    from dyad.store.writer import WriterProcess

    if isinstance(store, DuckDBStore) and store.can_release:
        return WriterProcess(store)
    return nullcontext(store)


# -- extraction, in this process or in a pool ------------------------------------------

def _extracted(batches: Iterable[Batch], extractor: Extractor | None, workers: int,
               spec: ExtractorSpec) -> Iterator[list[DocRecords | Failure]]:
    if workers == 1:
        extractor = extractor or spec.build()
        for batch in batches:
            yield list(extractor.iter_records(batch))
        return
    # spawn, not fork: this process holds the store's DuckDB threads
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=spec.build,  # load the model up front
                               max_tasks_per_child=WORKER_BATCHES)
    pending: deque[Future] = deque()
    try:
        for batch in batches:
            pending.append(pool.submit(_worker_extract, batch, spec))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool as exc:
        raise DyadError("a worker process died: it ran out of memory, or the extractor could "
                        "not load (run `dyad extract` on one input file to see why); fix that "
                        "and rerun: stored documents are skipped", code=STAGE_FAILED) from exc
    finally:  # on an interrupt, drop queued batches: the written ones are whole
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_extract(batch: Batch, spec: ExtractorSpec) -> list[DocRecords | Failure]:
    """In a worker: the spec's factory caches one extractor per process."""
    return list(spec.build().iter_records(batch))


# -- filters ----------------------------------------------------------------------------

def date_filter(since: str | None, until: str | None) -> Callable[[str | None], bool] | None:
    """A test of a publication date against ``since``..``until``, or None for no filter.

    A partial date (``2024-05``) is a period and is kept when it overlaps the range.
    """
    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not _is_date(value):
            raise ConfigError(f"{name} {value!r} is not a date; write YYYY, YYYY-MM or "
                              "YYYY-MM-DD, e.g. --since 2024-01-01")
    if since is None and until is None:
        return None
    low = _first_day(since) if since else None
    high = _last_day(until) if until else None
    if low and high and low > high:
        raise ConfigError(f"--since {since} is after --until {until}; swap them")

    def keep(date: str | None) -> bool:
        if not date or not _DATE.match(date[:10]):
            return False
        return (low is None or _last_day(date[:10]) >= low) and \
            (high is None or _first_day(date[:10]) <= high)
    return keep


def _is_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    try:
        datetime.date.fromisoformat(_first_day(value))
    except ValueError:
        return False
    return True


def _first_day(date: str) -> str:
    return date + "-01-01"[len(date) - 4:] if len(date) < 10 else date


def _last_day(date: str) -> str:
    # "-31" also ends a 30-day month: these strings are only compared, never parsed
    return date + "-12-31"[len(date) - 4:] if len(date) < 10 else date


def _in_range(items: Iterable[Document | Failure], keep: Callable[[str | None], bool] | None,
              report: IngestReport) -> Iterator[Document | Failure]:
    for item in items:
        if keep is not None and isinstance(item, Document) and not keep(item.date):
            report.documents_out_of_range += 1
            continue
        yield item


def _limited(items: Iterable[Document | Failure],
             limit: int | None) -> Iterator[Document | Failure]:
    n = 0
    for item in items:
        if limit is not None and isinstance(item, Document):
            if n >= limit:
                return
            n += 1
        yield item


CHECK_CHUNK = 256  # documents whose ids are looked up in the store in one query


def recent_window(workers: int, batch_documents: int) -> int:
    """How many recent ids the repeat check remembers: twice the documents that can have
    passed it without being stored yet (the chunk being checked, the batch being filled,
    the ``2 * workers`` batches in flight and the one being written). An older repeat is
    found in the store. A fixed, larger window grew the parent with the corpus (65,536
    ids held 7 MB more at 100,000 documents than at 10,000)."""
    return 2 * (CHECK_CHUNK + (2 * workers + 2) * batch_documents)


def _new_only(items: Iterable[Document | Failure], store, report: IngestReport,
              chunk: int, window: int) -> Iterator[Document | Failure]:
    """Drop documents already stored, and repeats within this run, checking ids in chunks.

    Only the last ``window`` ids are remembered (``recent_window``), so memory stays
    flat; the store's write never stores a document twice in any case."""
    seen: dict[str, None] = {}
    buf: list[Document | Failure] = []

    def drain() -> Iterator[Document | Failure]:
        ids = [d.doc_id for d in buf if isinstance(d, Document)]
        stored = store.known_doc_ids(ids) if ids else set()
        for d in buf:
            if isinstance(d, Document):
                report.documents_read += 1
                if d.doc_id in stored or d.doc_id in seen:
                    report.documents_skipped += 1
                    continue
                seen[d.doc_id] = None
                if len(seen) > window:
                    del seen[next(iter(seen))]
            yield d
        buf.clear()

    for item in items:
        buf.append(item)
        if len(buf) >= chunk:
            yield from drain()
    yield from drain()


def _batches(items: Iterable[Document | Failure], size: int) -> Iterator[Batch]:
    batch: Batch = []
    docs = 0
    for item in items:
        batch.append(item)
        docs += isinstance(item, Document)
        if docs >= size:
            yield batch
            batch, docs = [], 0
    if batch:
        yield batch


def count_documents(paths: Sequence[str], *, limit: int | None = None,
                    max_bytes: int = 2 * 1024**3) -> int | None:
    """The number of documents ``paths`` hold, when that is cheap to know; else None.

    Text and HTML files hold one document, plain JSON Lines one per non-blank line (a
    quick byte scan); gzipped or CSV inputs, or more than ``max_bytes``, give None.
    """
    from dyad.ingest.sources import reader_for

    total, scanned = 0, 0
    for given in paths:
        root = Path(given)
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in files:
            if path.name.startswith(".") or reader_for(path) is None:
                continue
            name = path.name.lower()
            if name.endswith((".gz", ".csv", ".tsv")):
                return None
            if name.endswith((".jsonl", ".ndjson")):
                scanned += path.stat().st_size
                if scanned > max_bytes:
                    return None
                total += _count_lines(path)
            else:
                total += 1
            if limit is not None and total >= limit:
                return limit
    return total


def _count_lines(path: Path, chunk: int = 1 << 20) -> int:
    """Non-blank lines of a file, read in chunks: a single huge line costs no memory."""
    count, content = 0, False
    with path.open("rb") as f:
        while block := f.read(chunk):
            parts = block.split(b"\n")
            for i, part in enumerate(parts):
                content = content or bool(part.strip())
                if i < len(parts) - 1:  # a newline ends this line
                    count += content
                    content = False
    return count + content


# The earlier name; ``dyad.ingest`` is the readers' package, so the public one is
# ``dyad.ingest_files``.
ingest = ingest_files

__all__ = ["DocRecords", "IngestReport", "count_documents", "date_filter", "ingest",
           "ingest_files"]
