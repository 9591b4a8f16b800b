"""CSV and TSV: one article per row, read row by row from a named text column."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from dyad.errors import EMPTY, ENCODING, MALFORMED, NO_TEXT, TOO_LARGE, UNREADABLE, InputError
from dyad.ingest.records import document_from_record, failure, record_id
from dyad.ingest.text import pick_encoding
from dyad.model import Document, Failure

TEXT_COLUMNS = ("text", "body", "content", "article")
"""Column names tried, in order, when no ``text_column`` is given (any case)."""

MAX_FIELD_CHARS = 50 * 1024 * 1024
"""Longest cell (and physical line) read; a longer one stops the file with TOO_LARGE."""

_SAMPLE_BYTES = 64 * 1024


class _LineTooLong(Exception):
    pass


def read_csv_file(
    path: Path, name: str, *, text_column: str | None = None
) -> Iterator[Document | Failure]:
    """Documents from a .csv/.tsv file, one per row; a bad row gives a Failure naming its
    line and the next rows go on."""
    try:
        handle = path.open("rb")
    except OSError as err:
        yield failure(name, UNREADABLE, f"{name} cannot be read ({err.strerror or err}); "
                      "check the path and its permissions")
        return
    with handle:
        sample = handle.read(_SAMPLE_BYTES)
        if not sample.strip():
            yield failure(name, EMPTY, f"{name} is empty; add a header row and one article "
                          "per row, or leave the file out")
            return
        try:
            encoding = pick_encoding(sample, partial=len(sample) == _SAMPLE_BYTES)
        except InputError as err:
            yield failure(name, err.code, f"{name} {err.args[0]}")
            return
        delimiter = "\t" if name.lower().endswith(".tsv") else _guess_delimiter(sample, encoding)
        handle.seek(0)
        with io.TextIOWrapper(handle, encoding=encoding, newline="") as stream:
            yield from _read_rows(stream, name, delimiter, text_column)


def _read_rows(
    stream: io.TextIOWrapper, name: str, delimiter: str, text_column: str | None
) -> Iterator[Document | Failure]:
    # the limit is process-wide; only ever raise it
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD_CHARS))
    reader = csv.reader(_bounded_lines(stream), delimiter=delimiter)
    rows = 0
    last_line = 0
    try:
        header = next(reader, None)
        if header is None:
            yield failure(name, EMPTY, f"{name} is empty; add a header row and one article "
                          "per row")
            return
        columns = [c.strip().lstrip("\ufeff").lower() for c in header]
        found = _find_text_column(columns, text_column)
        if isinstance(found, str):
            yield failure(name, NO_TEXT, f"{name}: {found}")
            return
        last_line = reader.line_num
        for row in reader:
            start, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            fields = {col: cell for col, cell in zip(columns, row) if col}
            text = row[found] if found < len(row) else ""
            if not text.strip():
                yield failure(name, NO_TEXT, f"{name} line {start}: the {header[found]!r} "
                              "column is empty; fill it with the article text or remove the "
                              "row", doc_id=record_id(fields))
                continue
            yield document_from_record(fields, text, path=name, input_format="csv")
    except UnicodeDecodeError as err:
        yield failure(name, ENCODING, f"{name} near line {last_line + 1} is not valid "
                      f"{stream.encoding} ({err.reason}); re-save the file as UTF-8")
        return
    except (_LineTooLong, csv.Error) as err:
        too_long = isinstance(err, _LineTooLong) or "field larger" in str(err)
        if too_long:
            yield failure(name, TOO_LARGE, f"{name} near line {last_line + 1} has a cell over "
                          f"the {MAX_FIELD_CHARS // 2**20} MB limit; shorten it (or check for "
                          "an unclosed quote); the rest of the file was not read")
        else:
            yield failure(name, MALFORMED, f"{name} near line {last_line + 1} is not valid "
                          f"CSV ({err}); fix the quoting there; the rest of the file was not "
                          "read")
        return
    if rows == 0:
        yield failure(name, EMPTY, f"{name} has a header row but no articles; add one "
                      "article per row")


def _bounded_lines(stream: io.TextIOWrapper) -> Iterator[str]:
    """Physical lines, each read with a size bound so a runaway line is never held whole."""
    while line := stream.readline(MAX_FIELD_CHARS + 1):
        if len(line) > MAX_FIELD_CHARS:
            raise _LineTooLong
        yield line


def _find_text_column(columns: list[str], wanted: str | None) -> int | str:
    """The index of the text column, or a message saying which columns exist and the fix."""
    listed = ", ".join(repr(c) for c in columns if c) or "none"
    if wanted is not None:
        if wanted.strip().lower() in columns:
            return columns.index(wanted.strip().lower())
        return (f"no column named {wanted!r} (columns: {listed}); pass --text-column with "
                "one of those")
    for candidate in TEXT_COLUMNS:
        if candidate in columns:
            return columns.index(candidate)
    return (f"no text column (looked for {', '.join(TEXT_COLUMNS)}; found: {listed}); pass "
            "--text-column NAME to say which column holds the article text")


def _guess_delimiter(sample: bytes, encoding: str) -> str:
    """Comma unless the header line has more semicolons or tabs (spreadsheet exports)."""
    first = sample.decode(encoding, errors="replace").split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","
