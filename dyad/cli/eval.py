"""``dyad eval``: score dyad against its gold sets (bench/gold/) and the PLOVER GSR.

Each sub-command is a thin wrapper over one ``dyad.eval`` scorer: Markdown for people,
``--format json`` for machines, a progress count on stderr while the pipeline runs.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

import click

from dyad.cli.main import cli
from dyad.eval.report import GOLD_DIR

FORMAT = click.option("--format", "fmt", type=click.Choice(["markdown", "json"]),
                      default="markdown", show_default=True, help="Report format.")
LIMIT = click.option("--limit", type=click.IntRange(min=1), default=None,
                     help="Only the first N gold rows (a quick look).")


def _gold(default: Path):
    return click.argument("gold", required=False, default=str(GOLD_DIR / default),
                          type=click.Path(dir_okay=True))


def _emit(report, fmt: str) -> None:
    click.echo(json.dumps(report.to_dict(), indent=2, default=str) if fmt == "json"
               else report.to_markdown(), nl=fmt == "json")


@contextmanager
def _progress(desc: str):
    from tqdm import tqdm

    with tqdm(desc=desc, unit="doc", leave=False) as bar:
        yield bar.update


@cli.group(name="eval")
def eval_group() -> None:
    """Score dyad against its gold sets in bench/gold/ and the PLOVER gold records.

    Example: dyad eval actors bench/gold/actors.tsv
    """


@eval_group.command()
@_gold(Path("actors.tsv"))
@FORMAT
@LIMIT
def actors(gold, fmt, limit):
    """Actor country, sector and kind accuracy on bench/gold/actors.tsv.

    Example: dyad eval actors bench/gold/actors.tsv --format json
    """
    from dyad.eval.actors import evaluate_actors

    with _progress("actors") as progress:
        report = evaluate_actors(gold, limit=limit, progress=progress)
    _emit(report, fmt)


@eval_group.command()
@_gold(Path("modality.tsv"))
@FORMAT
@LIMIT
def modality(gold, fmt, limit):
    """Modality accuracy and confusion matrix on bench/gold/modality.tsv.

    Example: dyad eval modality bench/gold/modality.tsv
    """
    from dyad.eval.modality import evaluate_modality

    with _progress("modality") as progress:
        report = evaluate_modality(gold, limit=limit, progress=progress)
    _emit(report, fmt)


@eval_group.command()
@_gold(Path("dates.tsv"))
@FORMAT
@LIMIT
def dates(gold, fmt, limit):
    """Date resolution accuracy on bench/gold/dates.tsv.

    Example: dyad eval dates bench/gold/dates.tsv
    """
    from dyad.eval.dates import evaluate_dates

    _emit(evaluate_dates(gold, limit=limit), fmt)


@eval_group.command()
@_gold(Path("agreements") / "texts.jsonl")
@FORMAT
@LIMIT
@click.option("--no-misses", is_flag=True,
              help="Aggregate figures only, no row of the gold set (for a held-out set).")
def agreements(gold, fmt, limit, no_misses):
    """Precision and recall of agreements, stages and relations on bench/gold/agreements/.

    A held-out set is scored without printing its rows, so that reading the report does
    not make it a development set:

    Example: dyad eval agreements bench/gold/agreements/heldout.jsonl --no-misses
    """
    import dataclasses

    from dyad.eval.agreements import evaluate_agreements

    with _progress("agreements") as progress:
        report = evaluate_agreements(gold, limit=limit, progress=progress)
    if no_misses:
        report = dataclasses.replace(report, misses=[])
    _emit(report, fmt)


@eval_group.command(name="plover-gsr")
@click.argument("path", type=click.Path(exists=True, dir_okay=True))
@FORMAT
def plover_gsr(path, fmt):
    """Event type, source and target accuracy on the PLOVER gold standard records.

    PATH is PLOVER_GSR_CAMEO.json or the folder holding it.

    Example: dyad eval plover-gsr PLOVER_GSR_CAMEO.json
    """
    from dyad.eval.plover_gsr import evaluate_gsr
    from dyad.pipeline import default_extractor

    _emit(evaluate_gsr(path, extractor=default_extractor()), fmt)
