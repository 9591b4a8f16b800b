"""The same stages mapped over a corpus on a distributed engine.

    from dyad.batch import run_batch
    report = run_batch("corpus/", "out/", engine="dask")

Each engine maps ``dyad.batch.partition.run_partition`` over partitions planned here, so
Dask, Spark and the local process pool write the same Parquet files (the store's tables);
``dyad.batch.load.load`` puts them into a store.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# dyad.batch.io is imported inside run_batch: importing it loads the dyad.ingest package,
# whose name would then shadow the lazy dyad.ingest() function of the public API.
from dyad.batch.partition import ExtractorSpec, Job, Partition, PartitionResult
from dyad.errors import ConfigError

ENGINES = ("dask", "spark", "local")
PARTITION_SIZE = 1000


@dataclass
class BatchReport:
    partitions: int = 0  # planned
    written: int = 0  # by this run
    skipped: int = 0  # written by an earlier run
    documents: int = 0
    words: int = 0
    failures: int = 0
    seconds: float = 0.0
    results: list[PartitionResult] = field(default_factory=list)


def available_cores() -> int:
    """Cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_batch(source: str, output: str | Path, *, engine: str = "dask",
              address: str | None = None, partition_size: int = PARTITION_SIZE,
              workers: int | None = None, actors_files: Sequence[str] = (),
              extractor_factory: str | None = None,
              progress: Callable[[BatchReport], None] | None = None) -> BatchReport:
    """Extract every JSONL/Parquet record under ``source`` into Parquet tables in ``output``.

    Partitions written by an earlier run are skipped, so a killed run is finished by
    running the same command again.
    """
    from dyad.batch import io

    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if address and engine == "local":
        raise ConfigError("--address names a Dask scheduler or Spark master; drop it for "
                          "--engine local, or choose --engine dask or spark")
    if "://" in str(output):
        raise ConfigError(f"OUTPUT must be a folder path (shared by all workers), not "
                          f"{output}; mount the bucket or write locally and copy")
    out = Path(output).expanduser().resolve()
    io.check_manifest(out, partition_size, source)
    io.clear_temporary(out)
    spec = ExtractorSpec(tuple(str(Path(a).resolve()) for a in actors_files),
                         *((extractor_factory,) if extractor_factory else ()))
    job = Job(output=str(out), extractor=spec)
    parts = io.plan_partitions(source, partition_size)
    report = BatchReport(partitions=len(parts))
    todo = [p for p in parts if not io.partition_done(out, p.key)]
    report.skipped = len(parts) - len(todo)
    t0 = time.perf_counter()
    if progress:
        progress(report)
    for result in _engine(engine)(todo, job, workers=workers or available_cores(),
                                  **({"address": address} if engine != "local" else {})):
        _count(report, result)
        report.seconds = time.perf_counter() - t0
        if progress:
            progress(report)
    report.seconds = time.perf_counter() - t0
    return report


def _engine(name: str) -> Callable:
    if name == "local":
        from dyad.batch import local
        return local.run
    if name == "dask":
        from dyad.batch import dask
        return dask.run
    from dyad.batch import spark
    return spark.run


def _count(report: BatchReport, result: PartitionResult) -> None:
    report.results.append(result)
    if result.skipped:
        report.skipped += 1
        return
    report.written += 1
    report.documents += result.documents
    report.words += result.words
    report.failures += result.failures


__all__ = ["ENGINES", "BatchReport", "Partition", "available_cores", "run_batch"]
