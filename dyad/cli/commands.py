"""Sub-commands. Each is a thin wrapper over one call of the Python API."""

from __future__ import annotations

import json
import sys

import click

from dyad.cli.main import cli
from dyad.cli.render import print_summary, progress_bar

DB_HELP = "Store: a DuckDB file path (default ./dyad.duckdb)."
ACTORS_HELP = "Extra actor dictionary (YAML/CSV/TSV); repeatable."


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="dyad.duckdb", show_default=True, help=DB_HELP)
@click.option("--actors", "actors_files", multiple=True, help=ACTORS_HELP)
@click.option("--text-column", default=None, help="CSV column holding the article text.")
@click.option("--limit", type=int, default=None, help="Stop after this many documents.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest(paths, db, actors_files, text_column, limit, fmt, quiet):
    """Read articles (files or folders) and store their records.

    Example: dyad ingest examples/ --db dyad.duckdb
    """
    from dyad import ingest as run_ingest
    from dyad import open_store
    from dyad.pipeline import default_extractor

    extractor = default_extractor(tuple(actors_files))
    with open_store(db) as store, progress_bar(quiet or fmt == "json") as bar:
        report = run_ingest(list(paths), store=store, extractor=extractor,
                            text_column=text_column, limit=limit, progress=bar.update)
        summary = store.summary()
    for f in report.failures:
        click.echo(f"dyad: {f.code} {f.message}", err=True)
    if fmt == "json":
        click.echo(json.dumps({"ingest": {
            "documents_read": report.documents_read,
            "documents_written": report.documents_written,
            "documents_skipped": report.documents_skipped,
            "failures": len(report.failures)}, "store": summary}, indent=2, default=str))
    else:
        click.echo(f"read {report.documents_read} documents: {report.documents_written} new, "
                   f"{report.documents_skipped} already stored, {len(report.failures)} failures")
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
