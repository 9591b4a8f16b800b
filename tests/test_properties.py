"""Property-based tests: no input crashes a reader or the extraction entry points, and
every output is a valid ``dyad/1`` object whose offsets point at its evidence."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dyad
from dyad.errors import InputError
from dyad.ingest import read_paths
from dyad.model import Document, Extraction, Failure, json_schema

EXTENSIONS = [".txt", ".md", ".jsonl", ".csv", ".tsv", ".html", ".htm"]
READERS = settings(max_examples=150, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow])
PIPELINE = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# News-like vocabulary so the coders fire, mixed with arbitrary text so they are stressed.
WORDS = ["Greece", "France", "Turkey", "NATO", "the", "and", "signed", "a", "defence",
         "pact", "on", "Tuesday", "attacked", "met", "President", "Macron", "said", "in",
         "Athens", "(AFP)", "-", "ATHENS,", "Sept", "28", "$3 billion", "ceasefire",
         "agreement", "will", "not", "sanctions", "against", "Russia", "troops", "border",
         "talks", "treaty", "ratified", "20 km", "2021", "\n", "\n\n", ".", ",", "“", "”",
         "ı", "é", "\u200b", "\x00", "\t", "ﬁ", "İ", "Ω", "\U0001f600"]
news_text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)),
                     min_size=1, max_size=80).map(" ".join)
any_text = st.one_of(st.text(max_size=400), news_text)


# --- readers ---------------------------------------------------------------------------

def check_items(items: list, name: str) -> None:
    assert items, "a file gives at least one Document or Failure, never silence"
    for item in items:
        assert isinstance(item, Document | Failure), type(item)
        if isinstance(item, Document):
            assert isinstance(item.text, str) and item.text.strip()
            item.text.encode("utf-8")  # no lone surrogates: it can be stored and hashed
            assert item.path == name and item.doc_id
            assert "\r" not in item.text
            assert item.words == len(item.text.split())
            item.model_dump_json()
        else:
            assert item.stage == "ingest" and item.code.startswith("D1")
            assert item.message and "\n" not in item.message
            assert item.path == name


def read_bytes_as(data: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{ext}"
        path.write_bytes(data)
        check_items(list(read_paths([path])), str(path))


@READERS
@given(data=st.binary(max_size=2048), ext=st.sampled_from(EXTENSIONS))
def test_readers_survive_arbitrary_bytes(data: bytes, ext: str) -> None:
    read_bytes_as(data, ext)


@READERS
@given(text=st.text(max_size=1000), ext=st.sampled_from(EXTENSIONS),
       encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "utf-8-sig"]))
def test_readers_survive_arbitrary_text_in_any_encoding(text: str, ext: str,
                                                        encoding: str) -> None:
    read_bytes_as(text.encode(encoding, errors="replace"), ext)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=4),
    max_leaves=12)
records = st.dictionaries(st.sampled_from(["text", "Text", "TEXT", "id", "doc_id", "title",
                                           "date", "url", "source", "extra"]),
                          json_values | any_text, max_size=6)


@READERS
@given(lines=st.lists(st.one_of(records.map(json.dumps), json_values.map(json.dumps),
                                st.text(max_size=60)), max_size=12),
       noise=st.binary(max_size=20), at=st.integers(min_value=0))
def test_jsonl_survives_arbitrary_records_and_corruption(lines: list[str], noise: bytes,
                                                         at: int) -> None:
    data = "\n".join(lines).encode("utf-8", errors="replace")
    at = at % (len(data) + 1)
    read_bytes_as(data[:at] + noise + data[at:], ".jsonl")


@READERS
@given(header=st.lists(st.sampled_from(["text", "body", "title", "date", "id", "", "x"]),
                       min_size=1, max_size=5),
       rows=st.lists(st.lists(st.text(max_size=40), max_size=6), max_size=8),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_csv_survives_arbitrary_rows(header: list[str], rows: list[list[str]],
                                     delimiter: str) -> None:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    read_bytes_as(out.getvalue().encode("utf-8", errors="replace"), ".csv")


tags = st.sampled_from(["div", "p", "script", "style", "iframe", "article", "span", "table",
                        "td", "noscript", "b", "html", "body", "head", "title", "meta"])


@READERS
@given(parts=st.lists(st.one_of(tags.map(lambda t: f"<{t}>"), tags.map(lambda t: f"</{t}>"),
                                any_text, st.just("<!--"), st.just("&#0;"),
                                st.just("&#xd800;"), st.just('<meta charset="koi8-r">')),
                      max_size=60))
def test_html_survives_arbitrary_markup(parts: list[str]) -> None:
    read_bytes_as("".join(parts).encode("utf-8", errors="replace"), ".html")


# --- the extraction entry points (real pipeline) ---------------------------------------

SCHEMA = json_schema()


def check_extraction(result: Extraction) -> None:
    """Valid ``dyad/1`` JSON, and every offset slices its document to the evidence text."""
    data = json.loads(result.to_json())
    jsonschema.validate(data, SCHEMA)
    texts = {d.doc_id: d.text for d in result.documents}
    spans = [e for ev in result.events for e in [ev.evidence]]
    spans += [e for a in result.agreements for e in a.evidence]
    spans += [s.evidence for a in result.agreements for s in a.stages]
    spans += [e for r in result.relations for e in r.evidence]
    spans += [m for rec in [*result.actors, *result.locations] for m in rec.mentions]
    spans += [q for ev in result.events for q in ev.quantities if q.start is not None]
    for span in spans:
        text = texts[span.doc_id]
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start:span.end] == span.text, span
    for doc in result.documents:
        if doc.dateline is not None:
            assert 0 <= doc.dateline.start <= doc.dateline.end <= len(doc.text)


@pytest.mark.slow
@PIPELINE
@given(text=any_text)
def test_extract_never_raises_and_output_is_valid(text: str) -> None:
    try:
        result = dyad.extract(text)
    except InputError:
        assert not text.strip()
        return
    assert text.strip()
    assert len(result.documents) == 1
    check_extraction(result)


@pytest.mark.slow
@PIPELINE
@given(data=st.one_of(st.binary(max_size=1500), news_text.map(str.encode)),
       ext=st.sampled_from(EXTENSIONS))
def test_extract_files_never_raises_and_output_is_valid(data: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{ext}"
        path.write_bytes(data)
        result = dyad.extract_files([str(path)])
    assert result.documents or result.failures
    check_extraction(result)


@READERS
@given(text=st.text(alphabet=st.sampled_from("ab é\u0301\t\n\u00a0\u2003\x1c\u200bÅ"),
                    max_size=300),
       size=st.integers(min_value=1, max_value=16))
def test_ids_and_word_counts_read_in_pieces_equal_the_whole(text: str, size: int) -> None:
    from dyad.ingest import records
    from dyad.model import make_id

    pieces = list(records._pieces(text, size))
    assert "".join(pieces) == text
    assert sum(len(p.split()) for p in pieces) == len(text.split()) == records.word_count(text)
    assert records.doc_id_for(text) == make_id("doc", records.text_key(text))
