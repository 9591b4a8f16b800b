"""One JSON error shape for every error the API answers.

    {"error": {"code": "D400" | "404", "message": "...", "status": 404}}

``code`` is the dyad error code when a ``DyadError`` caused it, else the HTTP status.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from dyad.errors import DyadError, InputError, StoreError

log = logging.getLogger("dyad.api")

MAX_MESSAGE_CHARS = 500  # a message never echoes a huge hostile value back in full


def error_response(status: int, message: str, *, code: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    message = message.replace("\x00", "\\x00")
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[:MAX_MESSAGE_CHARS] + "..."
    body = {"error": {"code": code or str(status), "message": message, "status": status}}
    return JSONResponse(body, status_code=status, headers=headers)


def _status_of(exc: DyadError) -> int:
    if isinstance(exc, InputError):
        return 422
    if isinstance(exc, StoreError):
        return 503
    return 500


async def _http(request: Request, exc: HTTPException) -> JSONResponse:
    message = exc.detail if isinstance(exc.detail, str) else "request refused"
    if exc.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path[:200]}; the API lives under /api/ " \
                  "(see /api/openapi.json)"
    return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))


async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return error_response(422, "; ".join(parts) or "invalid request")


async def _dyad(request: Request, exc: DyadError) -> JSONResponse:
    status = _status_of(exc)
    if status >= 500:
        log.error("%s %s: %s", request.method, request.url.path, exc)
    return error_response(status, str(exc.args[0]), code=exc.code)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("%s %s failed", request.method, request.url.path)
    return error_response(500, "internal error; the server log has the details")


def install(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(DyadError, _dyad)
    app.add_exception_handler(Exception, _unexpected)
