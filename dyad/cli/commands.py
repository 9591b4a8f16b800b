"""Sub-commands. Each is a thin wrapper over one call of the Python API."""

from __future__ import annotations

import json
import sys

import click

from dyad.cli.main import cli
from dyad.cli.render import print_summary, progress_bar

DB_HELP = "Store: a DuckDB file path or a postgresql:// URL (default ./dyad.duckdb)."
ACTORS_HELP = "Extra actor dictionary (YAML/CSV/TSV); repeatable."


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
    with open_store(db) as store, _IngestBar(quiet or fmt == "json", bar_total) as bar:
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
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json",
              show_default=True, help="json: one dyad/1 object; jsonl: one per document.")
@click.option("--actors", "actors_files", multiple=True, help=ACTORS_HELP)
@click.option("--text-column", default=None, help="CSV column holding the article text.")
def extract(paths, fmt, actors_files, text_column):
    """Extract records from articles and print them (nothing is stored).

    Exits 1 when any input could not be read; the other inputs are still extracted and
    the bad ones are listed under "failures".

    Example: dyad extract examples/athens-paris.txt --format json
    """
    from dyad import read_paths
    from dyad.pipeline import combine, default_extractor

    extractor = default_extractor(tuple(actors_files))
    items = list(read_paths(list(paths), text_column=text_column))
    ingest_failures = [i for i in items if not hasattr(i, "text")]
    for f in ingest_failures:
        click.echo(f"dyad: {f.code} {f.message}", err=True)
    documents = [i for i in items if hasattr(i, "text")]
    if not documents and ingest_failures:
        sys.exit(1)
    records = list(extractor.iter_records(items))
    if fmt == "jsonl":
        for r in records:
            one = combine([r])
            click.echo(one.to_json(indent=None))
    elif fmt == "table":
        result = combine(records)
        from dyad.cli.render import print_extraction

        print_extraction(result)
    else:
        click.echo(combine(records).to_json())
    if ingest_failures:
        sys.exit(1)


@cli.command()
@click.option("--db", default="dyad.duckdb", show_default=True, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def summary(db, fmt):
    """Counts of what the store holds.

    Example: dyad summary --db dyad.duckdb
    """
    from dyad import open_store

    with open_store(db, read_only=True) as store:
        result = store.summary()
    if fmt == "json":
        click.echo(json.dumps(result, indent=2, default=str))
    else:
        print_summary(result, db)


@cli.command()
@click.argument("directory")
@click.option("--db", default="dyad.duckdb", show_default=True, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl"]), default="parquet",
              show_default=True)
def export(directory, db, fmt):
    """Write every table of the store to DIRECTORY as Parquet or JSON Lines.

    Example: dyad export out/ --format parquet
    """
    from dyad import open_store

    with open_store(db, read_only=True) as store:
        files = store.export(directory, fmt=fmt)
    for f in files:
        click.echo(str(f))


@cli.command()
def schema():
    """Print the JSON Schema of the dyad/1 output.

    Example: dyad schema > dyad-1.schema.json
    """
    from dyad import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


@cli.command()
@click.option("--db", default="dyad.duckdb", show_default=True, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; loopback unless you choose otherwise.")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--token", default=None, envvar="DYAD_TOKEN",
              help="Accept POST /api/documents with this bearer token (or set DYAD_TOKEN); "
                   "without it the store is served read-only.")
@click.option("--cache-size", type=int, default=2048, show_default=True,
              help="Responses cached for a read-only DuckDB store (0: none).")
def serve(db, host, port, token, cache_size):
    """Serve the HTTP API (/api/) and the web explorer (/) over a store.

    Example: dyad serve --db dyad.duckdb --port 8000
    """
    import uvicorn

    from dyad.api import create_app
    from dyad.api.app import LOOPBACK_HOSTS

    loopback = host in LOOPBACK_HOSTS
    app = create_app(db, token=token, allowed_hosts=LOOPBACK_HOSTS if loopback else None,
                     cache_size=cache_size)
    mode = "read-write with a token" if token else "read-only"
    click.echo(f"dyad: serving {app.state.store.path} ({mode}) at http://{host}:{port}/",
               err=True)
    if not loopback:
        click.echo(f"dyad: {host} is not loopback: other machines can reach this server",
                   err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


# -- corpus scale: progress, batch, load ----------------------------------------------

class _IngestBar:
    """Documents done (stored or skipped), words/s, failures; an ETA when the total is known."""

    def __init__(self, disabled: bool, total: int | None) -> None:
        self._disabled, self._total = disabled, total
        self._bar, self._done, self._t0 = None, 0, 0.0

    def __enter__(self) -> "_IngestBar":
        import time

        from tqdm import tqdm

        self._t0 = time.perf_counter()
        if not self._disabled:
            self._bar = tqdm(total=self._total, unit="doc", desc="ingest",
                             dynamic_ncols=True, leave=True)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._bar is not None:
            self._bar.close()

    def update(self, report) -> None:
        import time

        if self._bar is None:
            return
        done = report.documents_written + report.documents_skipped
        self._bar.update(done - self._done)
        self._done = done
        rate = report.words / max(time.perf_counter() - self._t0, 1e-9)
        self._bar.set_postfix_str(f"{rate:,.0f} words/s, {len(report.failures)} failures",
                                  refresh=False)


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

    with _BatchBar(quiet or fmt == "json") as bar:
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


class _BatchBar:
    def __init__(self, disabled: bool) -> None:
        self._disabled, self._bar, self._done = disabled, None, 0

    def __enter__(self) -> "_BatchBar":
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._bar is not None:
            self._bar.close()

    def update(self, report) -> None:
        if self._disabled:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=report.partitions, unit="part", desc="batch",
                             dynamic_ncols=True, leave=True)
        done = report.written + report.skipped
        self._bar.update(done - self._done)
        self._done = done
        rate = report.words / report.seconds if report.seconds else 0
        self._bar.set_postfix_str(f"{report.documents} docs, {rate:,.0f} words/s, "
                                  f"{report.failures} failures", refresh=False)


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
