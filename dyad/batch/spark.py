"""``--engine spark``: partitions through ``DataFrame.mapInArrow``.

The driver turns the partition specs into a DataFrame of one spec per Spark partition;
each Python worker runs ``run_partition`` (which writes the Parquet files) and returns one
summary row. Python workers are reused between tasks, so ``default_extractor``'s cache
loads the model once per worker. Workers must run the driver's interpreter: PYSPARK_PYTHON
is set to it unless already set. Under spark-submit (or with an active session, as on
Databricks) the session given is used and its master is left alone.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict, fields

from dyad.batch.partition import (ExtractorSpec, Job, Partition, PartitionResult,
                                  run_partition)
from dyad.errors import ConfigError

RESULT_SCHEMA = ("key string, skipped boolean, documents long, words long, failures long, "
                 "seconds double")


def run(parts: Sequence[Partition], job: Job, *, workers: int,
        address: str | None = None) -> Iterator[PartitionResult]:
    """Results once the Spark job ends (Spark shows its own progress bar meanwhile)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError("--engine spark needs pyspark: pip install 'dyad[spark]' (and a Java "
                          "17 runtime), or use --engine dask or local") from exc
    if not parts:
        return
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    spark = SparkSession.getActiveSession()
    owned = spark is None
    if owned:
        builder = SparkSession.builder.appName("dyad-batch")
        if address:
            builder = builder.master(address)
        elif "PYSPARK_GATEWAY_PORT" not in os.environ:  # not launched by spark-submit
            builder = builder.master(f"local[{workers}]")
        spark = builder.getOrCreate()
    try:
        specs = [(json.dumps(p.to_dict()),) for p in parts]
        rdd = spark.sparkContext.parallelize(specs, numSlices=len(specs))
        frame = spark.createDataFrame(rdd, "spec string")
        job_json = json.dumps(asdict(job))
        rows = frame.mapInArrow(lambda batches: _map(batches, job_json), RESULT_SCHEMA).collect()
    finally:
        if owned:
            spark.stop()
    for row in rows:
        yield PartitionResult(**row.asDict())


def _map(batches: Iterator, job_json: str) -> Iterator:
    """Runs on a Spark worker: each spec row to one summary row."""
    import pyarrow as pa

    raw = json.loads(job_json)
    job = Job(output=raw["output"], extractor=ExtractorSpec(
        actors_files=tuple(raw["extractor"]["actors_files"]), factory=raw["extractor"]["factory"]))
    names = [f.name for f in fields(PartitionResult)]
    for batch in batches:
        results = [run_partition(Partition(**json.loads(spec)), job)
                   for spec in batch.column("spec").to_pylist()]
        yield pa.RecordBatch.from_pydict(
            {n: [getattr(r, n) for r in results] for n in names})
