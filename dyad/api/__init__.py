"""The HTTP API over a store: ``create_app(store_url, token=...)`` and ``dyad serve``.

    from dyad.api import create_app
    app = create_app("dyad.duckdb")          # read-only
    app = create_app("postgresql://...", token="s3cret")   # POST /api/documents allowed
"""

from dyad.api.app import create_app

__all__ = ["create_app"]
