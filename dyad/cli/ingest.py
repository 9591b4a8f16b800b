"""``dyad ingest``, ``dyad batch``, ``dyad load``: corpora into a store or Parquet tables."""

from __future__ import annotations

import json

import click

from dyad.cli.main import cli
from dyad.cli.options import ACTORS_HELP, DB_HELP
from dyad.cli.render import BatchBar, IngestBar, print_summary


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="dyad.duckdb", show_default=True, help=DB_HELP)
@click.option("--actors", "actors_files", multiple=True, help=ACTORS_HELP)
@click.option("--text-column", default=None, help="CSV column holding the article text.")
@click.option("--limit", type=int, default=None, help="Stop after this many documents.")
@click.option("--workers", type=int, default=None,
              help="Extracting processes (default: the cores available; 1 for a few documents).")
@click.option("--since", default=None, help="Keep documents published on or after this date.")
@click.option("--until", default=None, help="Keep documents published on or before this date.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest(paths, db, actors_files, text_column, limit, workers, since, until, fmt, quiet):
    """Read articles (files or folders) and store their records.

    A rerun skips the documents already stored, so an interrupted ingest is finished by
    running it again.

    Example: dyad ingest examples/ --db dyad.duckdb --workers 2
    """
    from dyad.corpus import ingest_files as run_ingest
    from dyad import open_store
    from dyad.batch import available_cores
    from dyad.corpus import BATCH_DOCUMENTS, count_documents, date_filter

    date_filter(since, until)  # a bad date fails before the store is opened
    total = count_documents(list(paths), limit=limit)
    if workers is None:  # a few documents are quicker than starting worker processes
        small = total is not None and total <= 2 * BATCH_DOCUMENTS
        workers = 1 if small else available_cores()
    bar_total = None if since or until else total
    with open_store(db) as store, IngestBar(quiet or fmt == "json", bar_total) as bar:
        report = run_ingest(list(paths), store=store, actors_files=actors_files,
                            text_column=text_column, limit=limit, progress=bar.update,
                            workers=workers, since=since, until=until)
        summary = store.summary()
    for f in report.failures:
        click.echo(f"dyad: {f.code} {f.message}", err=True)
    if fmt == "json":
        click.echo(json.dumps({"ingest": {
            "documents_read": report.documents_read,
            "documents_written": report.documents_written,
            "documents_skipped": report.documents_skipped,
            "documents_out_of_range": report.documents_out_of_range,
            "failures": len(report.failures)}, "store": summary}, indent=2, default=str))
    else:
        dated = (f", {report.documents_out_of_range} outside the dates"
                 if since or until else "")
        click.echo(f"read {report.documents_read} documents: {report.documents_written} new, "
                   f"{report.documents_skipped} already stored{dated}, "
                   f"{len(report.failures)} failures")
        print_summary(summary, db)


@cli.command()
@click.argument("source", metavar="INPUT")
@click.argument("output")
@click.option("--engine", type=click.Choice(["dask", "spark", "local"]), default="dask",
              show_default=True, help="dask.distributed, Spark (mapInArrow) or a process pool.")
@click.option("--address", default=None,
              help="Dask scheduler (tcp://host:8786) or Spark master (spark://host:7077, "
                   "yarn); default: a cluster on this machine.")
@click.option("--partition-size", type=int, default=1000, show_default=True,
              help="Documents per partition (one Parquet file per table and partition).")
@click.option("--workers", type=int, default=None,
              help="Worker processes of the local cluster (default: the cores available).")
@click.option("--actors", "actors_files", multiple=True, help=ACTORS_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def batch(source, output, engine, address, partition_size, workers, actors_files, fmt, quiet):
    """Extract a JSONL or Parquet corpus on Dask, Spark or a process pool into Parquet tables.

    Writes OUTPUT/<table>/part-<partition>.parquet with the store's columns; a rerun skips
    the partitions already written.

    Example: dyad batch corpus/ out/ --engine dask --partition-size 1000
    """
    from dyad.batch import run_batch

    with BatchBar(quiet or fmt == "json") as bar:
        report = run_batch(source, output, engine=engine, address=address,
                           partition_size=partition_size, workers=workers,
                           actors_files=actors_files, progress=bar.update)
    summary = {k: getattr(report, k) for k in ("partitions", "written", "skipped",
                                                "documents", "words", "failures")}
    summary["seconds"] = round(report.seconds, 2)
    if fmt == "json":
        click.echo(json.dumps({"batch": summary}, indent=2))
    else:
        click.echo(f"{report.partitions} partitions: {report.written} written, "
                   f"{report.skipped} already written; {report.documents} documents, "
                   f"{report.failures} failures in {report.seconds:.1f}s -> {output}")


@cli.command()
@click.argument("output")
@click.option("--db", default="dyad.duckdb", show_default=True, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def load(output, db, fmt):
    """Load the Parquet tables written by dyad batch into the store (idempotent).

    Example: dyad load out/ --db dyad.duckdb
    """
    from dyad import open_store
    from dyad.batch.load import load as run_load

    with open_store(db) as store:
        report = run_load(output, store=store)
    if fmt == "json":
        click.echo(json.dumps({"load": vars(report)}, indent=2))
    else:
        click.echo(f"{report.partitions} partitions: {report.loaded} loaded, "
                   f"{report.skipped} already stored; {report.documents_written} new "
                   f"documents in {db}")
