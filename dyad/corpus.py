"""Ingesting a corpus into a store: read, skip what is stored, extract, write per batch.

Each batch is written in one transaction, so a killed run leaves every document either
stored with all its records or not at all, and a rerun finishes the job without
duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from dyad.model import Document, Failure
from dyad.pipeline import DocRecords, Extractor, combine

BATCH_DOCUMENTS = 32


@dataclass
class IngestReport:
    documents_read: int = 0
    documents_written: int = 0
    documents_skipped: int = 0  # already in the store
    words: int = 0
    failures: list[Failure] = field(default_factory=list)


Progress = Callable[[IngestReport], None]


def ingest(paths: Sequence[str], *, store, extractor: Extractor | None = None,
           text_column: str | None = None, limit: int | None = None,
           progress: Progress | None = None,
           batch_documents: int = BATCH_DOCUMENTS) -> IngestReport:
    """Read ``paths`` (files or folders), extract and write new documents to ``store``.

    Example:
        >>> from dyad import open_store, ingest
        >>> with open_store("dyad.duckdb") as store:
        ...     report = ingest(["examples/"], store=store)
    """
    from dyad.ingest import read_paths
    from dyad.pipeline import default_extractor

    extractor = extractor or default_extractor()
    report = IngestReport()
    items = _limited(read_paths(paths, text_column=text_column), limit)
    for batch in _batches(_new_only(items, store, report), batch_documents):
        records = list(extractor.iter_records(batch))
        store.write(combine(records))
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


def _limited(items: Iterable[Document | Failure], limit: int | None) -> Iterator[Document | Failure]:
    n = 0
    for item in items:
        if limit is not None and isinstance(item, Document):
            if n >= limit:
                return
            n += 1
        yield item


def _new_only(items: Iterable[Document | Failure], store, report: IngestReport,
              chunk: int = 256) -> Iterator[Document | Failure]:
    """Drop documents already stored, and repeats within this run, checking ids in chunks."""
    seen: set[str] = set()
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
                seen.add(d.doc_id)
            yield d
        buf.clear()

    for item in items:
        buf.append(item)
        if len(buf) >= chunk:
            yield from drain()
    yield from drain()


def _batches(items: Iterable[Document | Failure], size: int) -> Iterator[list[Document | Failure]]:
    batch: list[Document | Failure] = []
    for item in items:
        batch.append(item)
        if sum(isinstance(i, Document) for i in batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


__all__ = ["IngestReport", "ingest", "DocRecords"]
