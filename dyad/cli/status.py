"""``dyad status`` and ``dyad conflicts``: questions over the stored agreements."""

from __future__ import annotations

import json

import click

from dyad.cli.main import cli
from dyad.cli.options import DB_HELP


@cli.command()
@click.argument("agreement")
@click.option("--as-of", "as_of", required=True, help="Date to judge on: YYYY-MM-DD, YYYY-MM or YYYY.")
@click.option("--db", default="dyad.duckdb", show_default=True, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def status(agreement, as_of, db, fmt):
    """Where an agreement stands on a date, with the reasoning and evidence for each step.

    AGREEMENT is an agreement_id or (part of) its name.

    Example: dyad status "New START" --as-of 2024-01-01
    """
    from dyad import open_store
    from dyad.lookup import agreement_status

    with open_store(db, read_only=True) as store:
        result = agreement_status(store, agreement, as_of=as_of)
    report, ag = result.report, result.agreement
    if fmt == "json":
        click.echo(json.dumps({"agreement": ag.model_dump(mode="json"),
                               "status": _report_dict(report)}, indent=2))
        return
    click.echo(f"{ag.name} [{ag.agreement_id}]")
    click.echo(f"as of {report.as_of}: {report.status.upper()}"
               + (f" since {report.since}" if report.since else "")
               + (f" until {report.until}" if report.until else ""))
    for i, step in enumerate(report.reasoning):
        click.echo(f"  {i + 1}. {step}")
        for e in (report.evidence[i] if i < len(report.evidence) else []):
            click.echo(f"       [{e.doc_id} {e.start}-{e.end}] {e.text[:100]}")


def _report_dict(report) -> dict:
    from dataclasses import asdict, is_dataclass

    data = asdict(report) if is_dataclass(report) else dict(report)
    data["evidence"] = [[e.model_dump(mode="json") if hasattr(e, "model_dump") else e
                         for e in step] for step in report.evidence]
    return data


@cli.command()
@click.option("--db", default="dyad.duckdb", show_default=True, help=DB_HELP)
@click.option("--kind", type=click.Choice(["agreements", "events", "relations"]), default=None,
              help="Only contradictions about this kind of record.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def conflicts(db, kind, fmt):
    """List the contradictions between sources that the store keeps.

    Example: dyad conflicts --kind agreements
    """
    from dyad import open_store
    from dyad.lookup import conflicts as list_conflicts

    with open_store(db, read_only=True) as store:
        found = list_conflicts(store, record_kind=kind)
    if fmt == "json":
        click.echo(json.dumps([c.model_dump(mode="json") for c in found], indent=2))
        return
    if not found:
        click.echo("no conflicts")
    for c in found:
        click.echo(f"{c.record_kind} {c.record_id} {c.field}: {c.description}")
        for v in c.values:
            docs = ", ".join(f"{e.doc_id}:{e.start}" for e in v.evidence)
            click.echo(f"    {v.value!r:<24} <- {docs}")
