"""Human-readable output: progress bar and tables (stderr for progress, stdout for data)."""

from __future__ import annotations

import contextlib
from typing import Iterator

import click


class _Bar:
    def __init__(self, bar) -> None:
        self._bar = bar
        self._done = 0

    def update(self, report) -> None:
        if self._bar is None:
            return
        done = report.documents_written + report.documents_skipped
        self._bar.update(done - self._done)
        self._done = done
        self._bar.set_postfix(words=report.words, failures=len(report.failures), refresh=False)


@contextlib.contextmanager
def progress_bar(disabled: bool) -> Iterator[_Bar]:
    if disabled:
        yield _Bar(None)
        return
    from tqdm import tqdm

    with tqdm(unit="doc", desc="ingest", dynamic_ncols=True, leave=True) as bar:
        yield _Bar(bar)


def _rows(title: str, counts: dict) -> None:
    if not counts:
        return
    click.echo(f"  {title}:")
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        click.echo(f"    {str(key):<28} {n:>7}")


def print_summary(summary: dict, db: str) -> None:
    click.echo(f"store {db}")
    for key, value in summary.items():
        if isinstance(value, dict):
            _rows(key.replace("_", " "), value)
        else:
            click.echo(f"  {key.replace('_', ' '):<30} {value:>7}")


def print_extraction(result) -> None:
    for doc in result.documents:
        dl = doc.dateline
        where = f" [{dl.place}, {dl.date or dl.date_text or ''} {dl.agency or ''}]" if dl else ""
        click.echo(f"document {doc.doc_id}: {doc.title or ''}{where}")
    click.echo(f"actors ({len(result.actors)}):")
    for a in result.actors:
        click.echo(f"  {a.actor_id:<28} {a.kind:<12} {a.country or '-':<4} {a.sector or '-':<4} "
                   f"{a.name} ({len(a.mentions)} mentions)")
    click.echo(f"locations ({len(result.locations)}):")
    for loc in result.locations:
        click.echo(f"  {loc.name:<24} {loc.country or '-':<4} {loc.lat}, {loc.lon}")
    click.echo(f"events ({len(result.events)}):")
    for e in result.events:
        src = e.source.actor_id if e.source else "-"
        tgt = e.target.actor_id if e.target else "-"
        click.echo(f"  {e.event_type:<10} {src:>14} -> {tgt:<14} {e.modality:<12} "
                   f"{e.date or '-':<10} {e.evidence.text[:60]!r}")
    click.echo(f"agreements ({len(result.agreements)}):")
    for ag in result.agreements:
        stages = ", ".join(f"{s.stage}({s.party.country if s.party else '-'},{s.modality})"
                           for s in ag.stages)
        click.echo(f"  {ag.name} [{ag.kind}] {stages}")
    click.echo(f"relations ({len(result.relations)}):")
    for r in result.relations:
        click.echo(f"  {r.relation_type:<20} {r.source.actor_id} -> "
                   f"{r.target.actor_id if r.target else '-'} {r.modality}")
    if result.failures:
        click.echo(f"failures ({len(result.failures)}):")
        for f in result.failures:
            click.echo(f"  {f.code} {f.message}")
