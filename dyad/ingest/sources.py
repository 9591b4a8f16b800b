"""Walking the input paths and sending each file to the reader for its extension."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from dyad.errors import UNREADABLE, UNSUPPORTED
from dyad.ingest.tabular import read_csv_file
from dyad.ingest.pages import read_html_file
from dyad.ingest.jsonl import read_jsonl_file
from dyad.ingest.records import failure
from dyad.ingest.text import read_text_file
from dyad.model import Document, Failure

Reader = Callable[[Path, str, str | None], Iterator[Document | Failure]]


def _text(path: Path, name: str, text_column: str | None) -> Iterator[Document | Failure]:
    return read_text_file(path, name)


def _jsonl(path: Path, name: str, text_column: str | None) -> Iterator[Document | Failure]:
    return read_jsonl_file(path, name)


def _html(path: Path, name: str, text_column: str | None) -> Iterator[Document | Failure]:
    return read_html_file(path, name)


def _csv(path: Path, name: str, text_column: str | None) -> Iterator[Document | Failure]:
    return read_csv_file(path, name, text_column=text_column)


_READERS: dict[str, Reader] = {
    ".txt": _text, ".text": _text, ".md": _text,
    ".jsonl": _jsonl, ".ndjson": _jsonl, ".jsonl.gz": _jsonl, ".ndjson.gz": _jsonl,
    ".html": _html, ".htm": _html,
    ".csv": _csv, ".tsv": _csv,
}

SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(sorted(_READERS))
"""File name endings ``read_paths`` reads (any case); folders are searched for these."""

# longest first, so "a.jsonl.gz" is JSON Lines and not an unknown ".gz"
_BY_LENGTH = sorted(_READERS, key=len, reverse=True)


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    return next((_READERS[ext] for ext in _BY_LENGTH if name.endswith(ext)), None)


def read_paths(
    paths: Iterable[str | Path], *, text_column: str | None = None
) -> Iterator[Document | Failure]:
    """Documents from files and folders, lazily, in a deterministic order.

    Folders are searched recursively (sorted by name, hidden entries skipped). Anything that
    cannot be read becomes a Failure with a message naming the file and the fix; the rest
    goes on. ``text_column`` names the CSV/TSV column holding the article text."""
    if isinstance(paths, str | Path):  # one path, not an iterable of characters
        paths = [paths]
    for given in paths:
        yield from _read_path(Path(given), str(given), text_column, set())


def _read_path(
    path: Path, name: str, text_column: str | None, seen: set[Path]
) -> Iterator[Document | Failure]:
    try:
        if path.is_dir():
            yield from _read_folder(path, name, text_column, seen)
            return
        exists, regular = path.exists(), path.is_file()
    except OSError as err:
        yield failure(name, UNREADABLE, f"{name} cannot be read ({err.strerror or err}); "
                      "check the path and its permissions")
        return
    if not exists:
        yield failure(name, UNREADABLE, f"{name} does not exist; check the path (relative "
                      "paths start from the current folder)")
        return
    if not regular:  # a FIFO or device would block or never end
        yield failure(name, UNREADABLE, f"{name} is not a regular file; pass files or folders")
        return
    reader = reader_for(path)
    if reader is None:
        found = path.suffix or "no extension"
        yield failure(name, UNSUPPORTED, f"{name} has an unsupported file type ({found}); "
                      f"accepted: {', '.join(SUPPORTED_EXTENSIONS)}; rename or convert it")
        return
    yield from reader(path, name, text_column)


def _read_folder(
    folder: Path, name: str, text_column: str | None, seen: set[Path]
) -> Iterator[Document | Failure]:
    real = folder.resolve()
    if real in seen:  # a symlink back up the tree
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as err:
        yield failure(name, UNREADABLE, f"{name} cannot be listed ({err.strerror or err}); "
                      "check the folder's permissions")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        yield from _read_path(entry, str(entry), text_column, seen)
