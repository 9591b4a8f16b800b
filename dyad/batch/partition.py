"""The engine-neutral unit of batch work: one partition of documents to record tables.

Every engine (process pool, Dask, Spark) maps ``run_partition`` over the same list of
``Partition`` specs planned by the driver, so the three give the same rows: the work of a
partition depends only on its spec, never on which worker or engine runs it.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable

from dyad.model import Document, Extraction, Failure
from dyad.store import schema
from dyad.store.plan import plan_write

DEFAULT_FACTORY = "dyad.pipeline:default_extractor"

# Every table of the store but its meta row, in the store's order.
OUTPUT_TABLES: tuple[str, ...] = tuple(n for n in schema.TABLES if n != schema.META.name)
Tables = dict[str, list[tuple]]


@dataclass(frozen=True)
class ExtractorSpec:
    """How a worker process builds its extractor: a picklable recipe, not the object.

    ``factory`` is ``module:callable`` taking the tuple of actor dictionary files; the
    default, ``dyad.pipeline.default_extractor``, caches one Extractor per process, so the
    spaCy pipeline and dictionaries load once per worker however many partitions it runs.
    """

    actors_files: tuple[str, ...] = ()
    factory: str = DEFAULT_FACTORY

    def build(self) -> Any:
        module, _, name = self.factory.partition(":")
        return getattr(importlib.import_module(module), name)(tuple(self.actors_files))


@dataclass(frozen=True)
class Partition:
    """Records ``start``..``stop`` (0-based, ``stop`` excluded) of one input file.

    JSON Lines records are the file's non-blank lines; Parquet records are its rows.
    ``key`` is deterministic (the file's path relative to the input and the partition's
    number), so a rerun writes the same file names and can skip what is done.
    """

    key: str
    path: str
    fmt: str  # "jsonl" or "parquet"
    start: int
    stop: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Job:
    """What every partition of one batch run shares."""

    output: str
    extractor: ExtractorSpec = ExtractorSpec()


@dataclass(frozen=True)
class PartitionResult:
    key: str
    skipped: bool  # already written by an earlier run
    documents: int = 0
    words: int = 0
    failures: int = 0
    seconds: float = 0.0


def partition_tables(items: Iterable[Document | Failure], extractor: Any) -> Tables:
    """The one mapping of the batch layer: a partition's documents to record tables.

    The records come from ``Extractor.iter_records`` merged by ``combine``, exactly as
    ``dyad ingest`` stores them, and become rows of the store's own tables (columns in
    store order, one row per key, sorted by key), so ``dyad load`` inserts them as they are.
    """
    from dyad.pipeline import combine

    return record_tables(combine(extractor.iter_records(items)))


def record_tables(extraction: Extraction) -> Tables:
    """The rows an empty store would hold after ``write(extraction)``, table by table."""
    plan = plan_write(extraction, ())
    tables: dict[str, list[tuple]] = {name: [] for name in OUTPUT_TABLES}
    for table in schema.RECORD_TABLES:
        for record in plan.records[table.name]:
            tables[table.name].append(schema.record_row(table, record))
            tables[schema.EVIDENCE.name] += schema.evidence_rows(table, record)
            if table.mentions:
                tables[table.mentions] += schema.mention_rows(table, record)
    return {name: _by_key(schema.TABLES[name], rows) for name, rows in tables.items()}


def _by_key(table: schema.Table, rows: list[tuple]) -> list[tuple]:
    """One row per primary key (the first, as the store's insert-or-ignore keeps), sorted."""
    at = [table.column_names.index(k) for k in table.primary_key]
    unique: dict[tuple, tuple] = {}
    for row in rows:
        unique.setdefault(tuple(row[i] for i in at), row)
    return [unique[k] for k in sorted(unique)]


def run_partition(part: Partition, job: Job) -> PartitionResult:
    """Read, extract and write one partition, unless an earlier run already wrote it."""
    from dyad.batch import io

    output = Path(job.output)
    if io.partition_done(output, part.key):
        return PartitionResult(key=part.key, skipped=True)
    t0 = time.perf_counter()
    tables = partition_tables(io.read_partition(part), job.extractor.build())
    io.write_partition(output, part.key, tables)
    words = schema.TABLES["documents"].column_names.index("words")
    return PartitionResult(
        key=part.key, skipped=False, documents=len(tables["documents"]),
        words=sum(row[words] or 0 for row in tables["documents"]),
        failures=len(tables["failures"]), seconds=time.perf_counter() - t0)


def warm_up(job: Job) -> None:
    """Load the extractor in this process now (engines call it once per worker)."""
    job.extractor.build()
