"""HTML pages: the article's main text and metadata via trafilatura, from the file only.

The markup is handed to trafilatura as a string, never a URL, so nothing is fetched:
scripts, iframes and external images stay unread.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import trafilatura

from dyad.errors import EMPTY, MALFORMED, NO_TEXT, InputError
from dyad.ingest.records import failure, make_document
from dyad.ingest.text import MAX_DOCUMENT_BYTES, decode_bytes, read_limited
from dyad.model import Document, Failure

# Only markup and metadata dates: a date merely mentioned in the article is not its date.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
# Never article text: trafilatura's fallback extractors keep <noscript> and <object>
# fallback text ("Please enable JavaScript") unless these are pruned first.
_NOT_TEXT = [f"//{tag}" for tag in ("script", "style", "noscript", "object", "embed",
                                       "iframe", "template")]


def read_html_file(path: Path, name: str) -> Iterator[Document | Failure]:
    """One Document (or one Failure) from an .html/.htm file; ``name`` is the path as given."""
    try:
        data = read_limited(path, MAX_DOCUMENT_BYTES)
        declared = _META_CHARSET.search(data[:4096])
        markup = decode_bytes(data, declared=declared[1].decode("ascii") if declared else None)
    except InputError as err:
        yield failure(name, err.code, f"{name} {err.args[0]}")
        return
    if not markup.strip():
        yield failure(name, EMPTY, f"{name} is empty or only whitespace; save the article "
                      "page again or leave the file out")
        return
    yield html_document(markup, path=name)


def extract_article(markup: str) -> tuple[str | None, dict[str, str | None]]:
    """The main text of a page (None if none) and its title, date, url and source."""
    # trafilatura rejects input whose first 50 characters do not mention "html": a saved
    # fragment like "<article>...</article>" is wrapped so it is still read.
    if "html" not in markup[:50].lower():
        markup = f"<html>{markup}</html>"
    result = trafilatura.bare_extraction(
        markup,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=True,
        date_extraction_params=_DATE_PARAMS,
        prune_xpath=_NOT_TEXT,
    )
    if result is None:
        return None, {"title": _title_tag(markup)}
    meta = {
        "title": result.title or _title_tag(markup),
        "date": result.date,
        "url": result.url,
        "source": result.sitename,
    }
    return result.text, meta


def html_document(markup: str, *, path: str | None = None) -> Document | Failure:
    where = path or "the HTML"
    try:
        text, meta = extract_article(markup)
    # lxml and trafilatura raise a range of exception types on pathological markup; any
    # of them means this page cannot be read, and the run goes on with the next one.
    except Exception as err:  # noqa: BLE001
        return failure(path, MALFORMED, f"{where} could not be parsed as HTML "
                       f"({type(err).__name__}: {err}); check that it is an HTML page")
    if not text or not text.strip():
        return failure(path, NO_TEXT, f"{where} has no article text that could be extracted; "
                       "check that it is an article page, or save the text as .txt")
    return make_document(text, path=path, input_format="html", **meta)


def _title_tag(markup: str) -> str | None:
    match = _TITLE.search(markup)
    return html.unescape(match[1]) if match else None
