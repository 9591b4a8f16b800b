"""``--engine dask``: partitions as tasks on a ``dask.distributed`` cluster.

Without ``--address`` a LocalCluster of single-threaded worker processes is started (and
stopped) here; with it, the run joins an existing scheduler (dask-jobqueue on SLURM/PBS,
Kubernetes, cloud). Workers need dyad and the spaCy model installed in the same version.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from dyad.batch.partition import Job, Partition, PartitionResult, run_partition, warm_up
from dyad.errors import ConfigError


def run(parts: Sequence[Partition], job: Job, *, workers: int,
        address: str | None = None) -> Iterator[PartitionResult]:
    """Results in completion order."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise ConfigError("--engine dask needs dask.distributed: pip install 'dyad[dask]', "
                          "or use --engine local") from exc
    cluster = None
    if address is None:  # the dashboard on a free port: 8787 may be taken
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
    client = Client(address or cluster)
    try:
        client.run(warm_up, job)  # load the model on every worker before the clock matters
        futures = client.map(run_partition, list(parts), job=job, pure=False, retries=1)
        for future in as_completed(futures):
            yield future.result()
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
