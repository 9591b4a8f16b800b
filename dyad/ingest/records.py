"""Building Documents and Failures: ids, dates and field clean-up shared by every reader."""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping
from email.utils import parsedate

from dyad.model import Document, Failure

STAGE = "ingest"

# Record keys (JSONL keys, CSV column names) read as document metadata, lower-cased.
ID_KEYS = ("id", "doc_id")
META_KEYS = ("title", "date", "url", "source")

_SPACE = re.compile(r"\s+")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes, so offsets stay meaningful."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_key(text: str) -> str:
    """The form of a text that its id is computed from: NFC, whitespace collapsed, stripped."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def doc_id_for(text: str, given: str | None = None) -> str:
    """The record's own id if it brings one, else a hash of the text (same text, same id).

    Equal to ``make_id("doc", text_key(text))``, hashed piece by piece: collapsing the
    whitespace of a 30 MB text in one go holds ten times its size."""
    if given:
        return given
    digest = hashlib.sha1()
    separator = b""
    for piece in _pieces(unicodedata.normalize("NFC", text)):
        if words := piece.split():
            digest.update(separator + " ".join(words).encode("utf-8"))
            separator = b" "
    return f"doc-{digest.hexdigest()[:16]}"


def word_count(text: str) -> int:
    """``len(text.split())``, counted piece by piece for the same reason."""
    return sum(len(piece.split()) for piece in _pieces(text))


def _pieces(text: str, size: int = 1 << 16) -> Iterator[str]:
    """``text`` in slices of about ``size`` characters, each cut after whitespace so no
    word is split between two slices."""
    start = 0
    while start < len(text):
        end = start + size
        if end < len(text):
            space = _SPACE.search(text, end)
            end = space.end() if space else len(text)
        yield text[start:end]
        start = end


def clean_value(value: object) -> str | None:
    """A metadata value as a one-line string, or None when absent or not a scalar."""
    if value is None or isinstance(value, bool | dict | list):
        return None
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = _SPACE.sub(" ", value).strip()
    return value or None


def clean_id(value: object) -> str | None:
    """An id kept unchanged (numbers as their string), or None when absent or blank."""
    if value is None or isinstance(value, bool | dict | list):
        return None
    text = str(value)
    return text if text.strip() else None


# --- dates ---------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)[a-z]*\.?"
_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[t\s])")  # matched lower-cased
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})$")
_YEAR = re.compile(r"(\d{4})$")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})$")
_DMY_DOTS = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})$")
_DAY_MONTH = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?[\s-]+{_MONTH}[\s,-]+(\d{{4}})\b")
_MONTH_DAY = re.compile(rf"{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_MONTH_YEAR = re.compile(rf"{_MONTH}\s+(\d{{4}})$")


def _iso(year: str | int, month: str | int, day: str | int) -> str | None:
    try:
        return _dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def normalise_date(value: object) -> str | None:
    """A publication date as ISO ``yyyy-mm-dd``; ``yyyy-mm`` or ``yyyy`` when only that is
    known; None when the value is not a date (or is ambiguous, like 03/04/2021)."""
    text = clean_value(value)
    if text is None:
        return None
    low = text.lower()
    if m := _ISO.match(low + " "):
        return _iso(*m.groups())
    if m := _ISO_MONTH.match(low):
        return low if 1 <= int(m[2]) <= 12 else None
    if m := _YEAR.match(low):
        return low
    if m := _COMPACT.match(low):
        return _iso(*m.groups())
    if m := _DMY_DOTS.match(low):
        return _iso(m[3], m[2], m[1])
    if m := _SLASHED.match(low):
        first, second = int(m[1]), int(m[2])
        if first > 12 >= second:
            return _iso(m[3], second, first)
        if second > 12 >= first:
            return _iso(m[3], first, second)
        return None  # day and month could be swapped: guessing would invent a date
    if m := _DAY_MONTH.search(low):
        return _iso(m[3], _MONTHS[m[2]], m[1])
    if m := _MONTH_DAY.search(low):
        return _iso(m[3], _MONTHS[m[1]], m[2])
    if m := _MONTH_YEAR.match(low):
        return f"{m[2]}-{_MONTHS[m[1]]:02d}"
    if parsed := parsedate(text):  # RFC 2822, as in RSS feeds
        return _iso(*parsed[:3])
    return None


# --- records -------------------------------------------------------------------------


def failure(path: str | None, code: str, message: str, *, doc_id: str | None = None) -> Failure:
    return Failure(doc_id=doc_id, path=path, stage=STAGE, code=code,
                   message=" ".join(message.split()))


def make_document(
    text: str,
    *,
    doc_id: str | None = None,
    title: object = None,
    date: object = None,
    source: object = None,
    url: object = None,
    path: str | None = None,
    input_format: str,
) -> Document:
    """A Document from decoded text: metadata is cleaned, the text only gets LF newlines."""
    text = normalise_newlines(text)
    return Document(
        doc_id=doc_id_for(text, doc_id),
        text=text,
        title=clean_value(title),
        date=normalise_date(date),
        source=clean_value(source),
        url=clean_value(url),
        path=path,
        input_format=input_format,
        words=word_count(text),
    )


def record_id(record: Mapping[str, object]) -> str | None:
    """The id a JSONL object or CSV row brings (``id`` or ``doc_id``), if any."""
    return next((i for k in ID_KEYS if (i := clean_id(record.get(k))) is not None), None)


def document_from_record(
    record: Mapping[str, object], text: str, *, path: str, input_format: str
) -> Document:
    """A Document from a JSONL object or CSV row whose keys are already lower-cased."""
    return make_document(
        text,
        doc_id=record_id(record),
        path=path,
        input_format=input_format,
        **{k: record.get(k) for k in META_KEYS},
    )
