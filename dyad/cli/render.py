"""Human-readable output: progress bar and tables (stderr for progress, stdout for data)."""

from __future__ import annotations

import click


class IngestBar:
    """Documents done (stored or skipped), words/s, failures; an ETA when the total is known."""

    def __init__(self, disabled: bool, total: int | None) -> None:
        self._disabled, self._total = disabled, total
        self._bar, self._done, self._t0 = None, 0, 0.0

    def __enter__(self) -> "IngestBar":
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


class BatchBar:
    def __init__(self, disabled: bool) -> None:
        self._disabled, self._bar, self._done = disabled, None, 0

    def __enter__(self) -> "BatchBar":
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
