"""Plain text: bytes to str (encoding, binary and size checks) and the optional header block."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from dyad.errors import BINARY, EMPTY, ENCODING, TOO_LARGE, UNREADABLE, InputError
from dyad.ingest.records import failure, make_document, normalise_newlines
from dyad.model import Document, Failure

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
"""Largest plain-text or HTML file read as one document."""

CONTROL_SHARE_LIMIT = 0.10
"""Share of control bytes (other than tab and line breaks) above which data is binary."""

CHAOS_TIE = 0.05
"""How much messier than the detector's favourite Windows-1252 may read and still be chosen."""

_SAMPLE_BYTES = 64 * 1024

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = bytes([*range(0, 9), *range(14, 32), 127])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
# Labels that in practice mean Windows-1252 (as browsers read them).
_WESTERN_LABELS = {"latin_1", "iso8859_1", "ascii", "cp1252"}

HEADER_KEYS = ("title", "date", "source", "url")
MAX_HEADER_LINES = 10
MAX_TITLE_CHARS = 300
_HEADER_LINE = re.compile(rf"({'|'.join(HEADER_KEYS)})[ \t]*:[ \t]*(\S.*?)?[ \t]*",
                          re.IGNORECASE)


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of a file, refusing (InputError) one over ``limit`` before reading it."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise _too_large(size, limit)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # a file that grew since stat() is still bounded
    except OSError as err:
        raise InputError(f"cannot be read ({err.strerror or err}); check the path and its "
                         "permissions", code=UNREADABLE) from err
    if len(data) > limit:
        raise _too_large(len(data), limit)
    return data


def _too_large(size: int, limit: int) -> InputError:
    return InputError(
        f"is {size / 2**20:.1f} MB, over the {limit / 2**20:.0f} MB limit for one document; "
        "split it into one file per article or convert it to JSON Lines", code=TOO_LARGE)


def looks_binary(data: bytes) -> bool:
    """NUL bytes anywhere, or many control bytes near the start: not a text file."""
    if b"\x00" in data:
        return True
    sample = data[:_SAMPLE_BYTES]
    controls = len(sample.translate(None, _NOT_CONTROL))
    return bool(sample) and controls / len(sample) > CONTROL_SHARE_LIMIT


def pick_encoding(data: bytes, *, declared: str | None = None, partial: bool = False) -> str:
    """The codec to read ``data`` with: a BOM wins, then UTF-8, then a ``declared`` charset
    (HTML meta), then detection. Short texts fool detectors, so Windows-1252 is preferred
    whenever it reads about as cleanly as the detector's pick. ``partial`` means ``data`` is
    the start of a longer file (it may end inside a character). Raises InputError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    if looks_binary(data):
        raise InputError("looks binary (NUL bytes or control characters), not text; pass "
                         "only text, JSON Lines, HTML or CSV files", code=BINARY)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=not partial)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and (codec := _codec(declared)) and codec != "utf_8":
        if codec in _WESTERN_LABELS:
            codec = "cp1252"
        try:
            codecs.getincrementaldecoder(codec)().decode(data, final=not partial)
            return codec
        except UnicodeDecodeError:
            pass  # the declaration is wrong; fall back on detection
    return _detect(data)


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """``data`` decoded with :func:`pick_encoding`'s choice. Raises InputError."""
    encoding = pick_encoding(data, declared=declared)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(f"is not valid {encoding} (byte {err.start}); re-save it as UTF-8",
                         code=ENCODING) from err


def _codec(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip()).name.replace("-", "_")
    except LookupError:
        return None


def _detect(data: bytes) -> str:
    best = from_bytes(data).best()
    western = from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None and (best is None or western.chaos <= best.chaos + CHAOS_TIE):
        return "cp1252"
    if best is not None:
        return best.encoding
    raise InputError("is not UTF-8 and its encoding could not be detected; re-save it as "
                     "UTF-8", code=ENCODING)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split an optional header block off the top of a text file.

    A header is an optional title line, then one or more ``Key: value`` lines (title, date,
    source, url; any case), then a blank line. Returns the fields found and the body; with
    no header, ``({}, text)`` unchanged."""
    lines = text.split("\n", MAX_HEADER_LINES + 1)
    fields: dict[str, str] = {}
    i = 0
    first = lines[0].strip()
    if not _HEADER_LINE.fullmatch(first):
        if not first or len(first) > MAX_TITLE_CHARS:
            return {}, text
        fields["title"] = first
        i = 1
    keys = 0
    # the last item may be the unsplit rest of the text, so it is never a header line
    while i < len(lines) - 1 and (m := _HEADER_LINE.fullmatch(lines[i].strip())):
        fields[m[1].lower()] = m[2] or ""
        keys += 1
        i += 1
    if keys == 0 or i >= len(lines) - 1 or lines[i].strip():
        return {}, text
    offset = sum(len(line) + 1 for line in lines[: i + 1])
    return fields, text[offset:].lstrip("\n")


def read_text_file(path: Path, name: str) -> Iterator[Document | Failure]:
    """One Document (or one Failure) from a plain-text file; ``name`` is the path as given."""
    try:
        text = normalise_newlines(decode_bytes(read_limited(path, MAX_DOCUMENT_BYTES)))
    except InputError as err:
        yield failure(name, err.code, f"{name} {err.args[0]}")
        return
    if not text.strip():
        yield failure(name, EMPTY, f"{name} is empty or only whitespace; add the article "
                      "text or leave the file out")
        return
    fields, body = split_header(text)
    if not body.strip():
        yield failure(name, EMPTY, f"{name} has a header block but no text after it; put "
                      "the article after the blank line that ends the header")
        return
    yield make_document(body, path=name, input_format="text", **fields)


def read_text(
    text: str,
    *,
    doc_id: str | None = None,
    title: str | None = None,
    date: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Document:
    """A Document from a string (the Python API); raises InputError when there is no text."""
    if not isinstance(text, str):
        raise InputError(f"expected the article text as str, got {type(text).__name__}; "
                         "decode bytes first or use dyad.ingest.read_paths for files")
    if not text.strip():
        raise InputError("the text is empty or only whitespace; pass the article text",
                         code=EMPTY)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:  # a lone surrogate: could not be stored or hashed
        raise InputError(f"the text has an unpaired surrogate (U+{ord(text[err.start]):04X}) "
                         f"at character {err.start}, which is not text; decode the source "
                         "with errors='replace' first", code=ENCODING) from err
    return make_document(text, doc_id=doc_id, title=title, date=date, source=source,
                         url=url, input_format="text")
