"""The ``dyad`` command: one thin wrapper per library call.

Errors that dyad raises on purpose (``DyadError``) are printed as one line and exit 1;
``--debug`` shows the traceback. Logging is configured here, never on import.
"""

from __future__ import annotations

import logging
import sys

import click

from dyad.errors import DyadError


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DyadError as exc:
            if ctx.meta.get("dyad.debug"):
                raise
            click.echo(f"dyad: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.version_option(package_name="dyad")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """dyad: sourced, queryable relations between states, read from international news."""
    ctx.meta["dyad.debug"] = debug
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


def main() -> None:
    from dyad.cli import eval, extract, ingest, serve, status, store  # noqa: F401 - registers the sub-commands

    cli(prog_name="dyad")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
