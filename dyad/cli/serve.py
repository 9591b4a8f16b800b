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
@click.option("--workers", type=int, default=None,
              help="Server processes (default: the cores available when read-only; 1 with "
                   "a token, since a DuckDB file has one writer).")
def serve(db, host, port, token, cache_size, workers):
    """Serve the HTTP API (/api/) and the web explorer (/) over a store.

    Example: dyad serve --db dyad.duckdb --port 8000
    """
    import json
    import os

    import uvicorn

    from dyad.api import create_app
    from dyad.api.app import LOOPBACK_HOSTS, SERVE_ENV
    from dyad.batch import available_cores
    from dyad.store import is_postgres_url

    loopback = host in LOOPBACK_HOSTS
    app = create_app(db, token=token, allowed_hosts=LOOPBACK_HOSTS if loopback else None,
                     cache_size=cache_size)
    mode = "read-write with a token" if token else "read-only"
    click.echo(f"dyad: serving {app.state.store.path} ({mode}) at http://{host}:{port}/",
               err=True)
    if not loopback:
        click.echo(f"dyad: {host} is not loopback: other machines can reach this server",
                   err=True)
    if workers is None:
        workers = available_cores() if token is None or is_postgres_url(db) else 1
    if token and workers > 1 and not is_postgres_url(db):
        raise click.UsageError("--workers > 1 with --token needs PostgreSQL: a DuckDB file "
                               "has one writer process")
    if workers <= 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
        return
    app.state.store.close()  # each worker process opens its own connection
    os.environ[SERVE_ENV] = json.dumps({
        "db": db, "cache_size": cache_size,
        "allowed_hosts": sorted(LOOPBACK_HOSTS) if loopback else None})
    if token:
        os.environ["DYAD_TOKEN"] = token
    uvicorn.run("dyad.api.app:app_from_env", factory=True, workers=workers, host=host,
                port=port, log_level="warning", access_log=False)
