"""JSON Lines (optionally gzipped): one article object per line, streamed line by line."""

from __future__ import annotations

import codecs
import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from dyad.errors import BINARY, EMPTY, ENCODING, MALFORMED, NO_TEXT, TOO_LARGE, UNREADABLE
from dyad.ingest.records import document_from_record, failure, record_id
from dyad.ingest.text import looks_binary
from dyad.model import Document, Failure

MAX_LINE_BYTES = 50 * 1024 * 1024
"""Longest JSON Lines line (one article) read; longer lines are skipped unread."""

_SKIP_CHUNK = 1024 * 1024
_HEAD_BYTES = 4096
# "\ud800".."\udfff" escapes: json.loads turns an unpaired one into a str that cannot
# be encoded (stored, hashed or printed), so such lines are checked.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def read_jsonl_file(path: Path, name: str) -> Iterator[Document | Failure]:
    """Documents from a .jsonl/.ndjson file (gzipped if the name ends in .gz); a bad line
    gives a Failure naming its number and the next lines go on."""
    try:
        handle: IO[bytes] = gzip.open(path, "rb") if name.lower().endswith(".gz") \
            else path.open("rb")
    except OSError as err:
        yield failure(name, UNREADABLE, f"{name} cannot be read ({err.strerror or err}); "
                      "check the path and its permissions")
        return
    with handle:
        try:
            head = handle.read(_HEAD_BYTES)
        except (OSError, EOFError, zlib.error):  # damaged .gz: the loop reports the line
            head = b""
        handle.seek(0)
        if looks_binary(head) and not head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{"):
            # an image or archive named .jsonl: one failure, not one per "line" of bytes
            yield failure(name, BINARY, f"{name} looks binary (NUL bytes or control "
                          "characters), not JSON Lines; JSON Lines must be UTF-8 text")
            return
        lineno = 0
        lines = 0  # non-blank ones: a file without any gets one failure, not silence
        while True:
            try:
                raw = handle.readline(MAX_LINE_BYTES + 1)
                if not raw:
                    if not lines:
                        yield failure(name, EMPTY, f"{name} has no lines with an article; "
                                      "write one JSON object per line, or leave it out")
                    return
                lineno += 1
                too_long = len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n")
                if too_long:
                    _skip_rest_of_line(handle)
            except (OSError, EOFError, zlib.error) as err:  # a corrupt or truncated .gz
                yield failure(name, UNREADABLE,
                              f"{name} line {lineno + 1} cannot be read ({err}); the file is "
                              "damaged or truncated: re-create or re-download it")
                return
            if too_long:
                lines += 1
                yield failure(name, TOO_LARGE,
                              f"{name} line {lineno} is over the {MAX_LINE_BYTES // 2**20} MB "
                              "limit for one article; shorten or remove that line")
                continue
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if lineno == 1 and looks_binary(raw):  # one failure, not one per "line"
                yield failure(name, BINARY, f"{name} looks binary (NUL bytes or control "
                              "characters), not JSON Lines; JSON Lines must be UTF-8 text")
                return
            if raw.strip():
                lines += 1
                yield parse_line(raw, name=name, lineno=lineno)


def _skip_rest_of_line(handle: IO[bytes]) -> None:
    """Read past the end of an over-long line in bounded chunks, never holding it whole."""
    while True:
        chunk = handle.readline(_SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def parse_line(raw: bytes, *, name: str, lineno: int) -> Document | Failure:
    """One JSON Lines line to a Document, or a Failure saying what is wrong with it."""
    where = f"{name} line {lineno}"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return failure(name, ENCODING, f"{where} is not valid UTF-8 (byte {err.start}); JSON "
                       "Lines must be UTF-8: re-save the file as UTF-8")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return failure(name, MALFORMED, f"{where} is not valid JSON ({err.msg} at column "
                       f"{err.colno}); fix or remove that line")
    except RecursionError:
        return failure(name, MALFORMED, f"{where} is nested too deeply to parse; write the "
                       "article as a flat object with a \"text\" field")
    if _SURROGATE_ESCAPE.search(raw) and not _encodable(record):
        return failure(name, ENCODING, f"{where} has an unpaired surrogate escape (\\ud800 "
                       "to \\udfff), which is not text; fix or remove that line")
    if not isinstance(record, dict):
        return failure(name, MALFORMED, f"{where} is a JSON {type(record).__name__}, not an "
                       "object; write each article as {\"text\": \"...\"}")
    # keys match in any case, but an exact lower-case key wins over e.g. "Text"
    fields = {k.lower(): v for k, v in record.items() if k == k.lower() or k.lower() not in record}
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        got = "is missing" if text is None else f"is {_describe(text)}"
        return failure(name, NO_TEXT, f"{where}: the \"text\" field {got}; give each line a "
                       "non-empty string \"text\" with the article", doc_id=record_id(fields))
    return document_from_record(fields, text, path=name, input_format="jsonl")


def _encodable(record: object) -> bool:
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _describe(value: object) -> str:
    if isinstance(value, str):
        return "empty"
    return f"a {type(value).__name__}, not a string"
