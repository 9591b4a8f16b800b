"""``dyad summary`` and ``dyad export``: what a store holds."""

from __future__ import annotations

import json

import click

from dyad.cli.main import cli
from dyad.cli.options import DB_HELP
from dyad.cli.render import print_summary


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
