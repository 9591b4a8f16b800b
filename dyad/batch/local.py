"""``--engine local``: a pool of worker processes on this machine, for machines with
neither Dask nor Spark. Each worker loads the extractor once and runs whole partitions."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from dyad.batch.partition import Job, Partition, PartitionResult, run_partition, warm_up
from dyad.errors import STAGE_FAILED, DyadError

WORKER_DIED = ("a worker process died: it ran out of memory, or the extractor could not "
               "load (run `dyad extract` on one input file to see why); fix that and rerun, "
               "finished partitions are kept")


def run(parts: Sequence[Partition], job: Job, *, workers: int) -> Iterator[PartitionResult]:
    """Results in completion order; at most ``2 * workers`` partitions are in flight."""
    # spawn, not fork: the parent may hold DuckDB and tqdm threads that fork would copy
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=warm_up, initargs=(job,))
    try:
        todo = iter(parts)
        pending = set()
        while True:
            for part in todo:
                pending.add(pool.submit(run_partition, part, job))
                if len(pending) >= 2 * workers:
                    break
            if not pending:
                return
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    except BrokenProcessPool as exc:
        raise DyadError(WORKER_DIED, code=STAGE_FAILED) from exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
