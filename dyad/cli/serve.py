"""``dyad serve``: the HTTP API and the web explorer over a store."""

from __future__ import annotations

import click

from dyad.cli.main import cli
from dyad.cli.options import DB_HELP


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
