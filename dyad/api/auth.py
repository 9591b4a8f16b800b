"""Who may write, how much a request may send, and which Host it may name.

Read-only unless the server was given a token; then every write must carry
``Authorization: Bearer <token>`` (compared in constant time). No CORS headers are ever
sent, so browsers keep other origins' pages from reading the API.
"""

from __future__ import annotations

import hmac

from fastapi import Request
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from dyad.api.errors import error_response

MAX_BODY_BYTES = 5 * 1024 * 1024
"""Largest request body accepted (POST /api/documents); larger ones get 413."""


def require_token(request: Request, token: str | None) -> None:
    """Raise 403 when the server takes no writes, 401 when the token is missing or wrong."""
    if token is None:
        raise HTTPException(403, "this server is read-only; start it with "
                                 "'dyad serve --token TOKEN' to accept documents")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                             token.encode()):
        raise HTTPException(401, "writing needs the header 'Authorization: Bearer <token>' "
                                 "with the token the server was started with",
                            headers={"WWW-Authenticate": "Bearer"})


async def read_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The body, refused with 413 as soon as it passes ``limit`` (also when chunked)."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the body is larger than {limit} bytes; "
                                     "send fewer or shorter documents per request")
        chunks.append(chunk)
    return b"".join(chunks)


class Guard:
    """ASGI middleware: refuse declared oversized bodies and unexpected Host headers
    (a page on another site that rebinds its name to 127.0.0.1 names its own host)."""

    def __init__(self, app: ASGIApp, *, allowed_hosts: frozenset[str] | None = None,
                 max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope["headers"])
            length = headers.get(b"content-length", b"0")
            if not length.isdigit():
                await error_response(400, "the Content-Length header is not a number")(
                    scope, receive, send)
                return
            if int(length) > self.max_body:
                response = error_response(413, f"the body is larger than {self.max_body} "
                                               "bytes; send fewer or shorter documents")
                await response(scope, receive, send)
                return
            host = headers.get(b"host", b"").decode("latin-1").rsplit(":", 1)[0].strip("[]")
            if self.allowed_hosts is not None and host not in self.allowed_hosts:
                response = error_response(400, "unexpected Host header; open the explorer "
                                               "through the address dyad serve printed")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
