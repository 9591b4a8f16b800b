"""One exception tree. Every message says what happened, the bad value, and the fix.

Codes (``D###``) are stable so users can search for them; the CLI prints
``dyad: D101 ...`` on one line and exits 1.
"""

from __future__ import annotations


class DyadError(Exception):
    """Base class of every error dyad raises on purpose."""

    code = "D000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"{self.code} {self.args[0]}"


class InputError(DyadError):
    """A document or input file cannot be read (empty, binary, malformed)."""

    code = "D100"


class ConfigError(DyadError):
    """A setting, dictionary file or command-line option is invalid."""

    code = "D200"


class ModelNotFound(DyadError):
    """The pinned spaCy model package is missing or has the wrong version."""

    code = "D300"


class StoreError(DyadError):
    """The store cannot be opened, written or read."""

    code = "D400"


# Stable codes for per-document failures (``Failure.code``).
EMPTY = "D101"
BINARY = "D102"
ENCODING = "D103"
MALFORMED = "D104"
UNREADABLE = "D105"
UNSUPPORTED = "D106"
TOO_LARGE = "D107"
NO_TEXT = "D108"
NOT_ENGLISH = "D109"
STAGE_FAILED = "D500"
