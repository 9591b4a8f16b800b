"""``dyad extract`` and ``dyad schema``: records of articles as ``dyad/1`` JSON."""

from __future__ import annotations

import json
import sys

import click

from dyad.cli.main import cli
from dyad.cli.options import ACTORS_HELP


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
def schema():
    """Print the JSON Schema of the dyad/1 output.

    Example: dyad schema > dyad-1.schema.json
    """
    from dyad import json_schema

    click.echo(json.dumps(json_schema(), indent=2))
