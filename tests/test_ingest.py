"""The ingest layer: files and strings to Documents, and a Failure for anything unreadable."""

from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path

import pytest

from dyad.errors import (
    BINARY, EMPTY, ENCODING, MALFORMED, NO_TEXT, TOO_LARGE, UNREADABLE, UNSUPPORTED, InputError,
)
from dyad.ingest import SUPPORTED_EXTENSIONS, read_paths, read_text
from dyad.ingest import jsonl as jsonl_module
from dyad.ingest import text as text_module
from dyad.ingest.records import normalise_date
from dyad.model import Document, Failure, make_id

BODY = "ATHENS, Sept 28 (dyad) - Greece and France signed a defence agreement on Tuesday."


def read_all(*paths: Path | str, **kwargs: object) -> list[Document | Failure]:
    return list(read_paths(list(paths), **kwargs))  # type: ignore[arg-type]


def only(items: list[Document | Failure]) -> Document | Failure:
    assert len(items) == 1, items
    return items[0]


def assert_failure(item: Document | Failure, code: str, *needles: str) -> Failure:
    assert isinstance(item, Failure), item
    assert (item.code, item.stage) == (code, "ingest")
    assert "\n" not in item.message
    for needle in needles:
        assert needle in item.message, item.message
    return item


# --- plain text ----------------------------------------------------------------------

@pytest.mark.parametrize(("data", "expected"), [
    pytest.param("Türkiye – “talks” in Genève".encode(), "Türkiye – “talks” in Genève",
                 id="utf8"),
    pytest.param(codecs.BOM_UTF8 + "Ελλάδα and France".encode(), "Ελλάδα and France",
                 id="utf8-bom"),
    pytest.param("He said “hello” to Renée at the café – fine.".encode("cp1252"),
                 "He said “hello” to Renée at the café – fine.", id="cp1252"),
    pytest.param("Zürich und Genève: la crème brûlée, naïve.".encode("latin-1"),
                 "Zürich und Genève: la crème brûlée, naïve.", id="latin1"),
    pytest.param("“Short”".encode("cp1252"), "“Short”", id="cp1252-short"),
    pytest.param("Paris\r\nBerlin\rRome\n".encode(), "Paris\nBerlin\nRome\n", id="newlines"),
    pytest.param("Kyiv talks".encode("utf-16"), "Kyiv talks", id="utf16-bom"),
])
def test_plain_text_is_decoded_exactly(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    doc = only(read_all(path))
    assert isinstance(doc, Document)
    assert doc.text == expected
    assert (doc.title, doc.path, doc.input_format) == (None, str(path), "text")
    assert doc.words == len(expected.split())
    assert doc.language is None and doc.dateline is None


@pytest.mark.parametrize(("data", "code"), [
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BINARY, id="nul-bytes"),
    pytest.param(bytes(range(1, 9)) * 20 + b"some text", BINARY, id="control-chars"),
    pytest.param(b"", EMPTY, id="empty"),
    pytest.param(b"  \n\t\r\n   \n", EMPTY, id="whitespace"),
    pytest.param(b"Title\nDate: 2021-09-28\n\n   \n", EMPTY, id="header-without-body"),
    pytest.param(codecs.BOM_UTF16_LE + b"\x00\xd8", ENCODING, id="bad-utf16"),
])
def test_plain_text_failures(tmp_path: Path, data: bytes, code: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    failure = assert_failure(only(read_all(path)), code, str(path))
    assert failure.path == str(path)


def test_plain_text_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_module, "MAX_DOCUMENT_BYTES", 100)
    path = tmp_path / "big.md"
    path.write_text("word " * 40)
    assert_failure(only(read_all(path)), TOO_LARGE, str(path), "split")


@pytest.mark.parametrize(("content", "fields", "body"), [
    pytest.param(f"Greece and France sign pact\nDate: 2021-09-28\nSource: dyad examples\n\n{BODY}",
                 {"title": "Greece and France sign pact", "date": "2021-09-28",
                  "source": "dyad examples", "url": None}, BODY, id="example-format"),
    pytest.param(f"Pact\nDATE: 28 September 2021\nurl: https://example.org/a?b=1\n\n\n{BODY}\n",
                 {"title": "Pact", "date": "2021-09-28", "source": None,
                  "url": "https://example.org/a?b=1"}, BODY + "\n", id="any-case-keys"),
    pytest.param(f"Title: Only keys\nSource: wire\n\n{BODY}",
                 {"title": "Only keys", "date": None, "source": "wire", "url": None}, BODY,
                 id="no-title-line"),
    pytest.param(f"A first line\nSecond line\n\n{BODY}",
                 {"title": None, "date": None, "source": None, "url": None},
                 f"A first line\nSecond line\n\n{BODY}", id="no-keys-no-header"),
    pytest.param(f"Pact\nDate: 2021-09-28\n{BODY}",
                 {"title": None, "date": None, "source": None, "url": None},
                 f"Pact\nDate: 2021-09-28\n{BODY}", id="no-blank-line-no-header"),
    pytest.param(f"Pact\nAuthor: someone\n\n{BODY}",
                 {"title": None, "date": None, "source": None, "url": None},
                 f"Pact\nAuthor: someone\n\n{BODY}", id="unknown-key-no-header"),
])
def test_header_block(tmp_path: Path, content: str, fields: dict, body: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(content, encoding="utf-8")
    doc = only(read_all(path))
    assert isinstance(doc, Document)
    assert doc.text == body
    assert {k: getattr(doc, k) for k in fields} == fields


# --- JSON Lines ------------------------------------------------------------------------

def test_jsonl_bad_lines_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": "First article.", "title": "One"}),
        '{"text": "broken',
        "",
        json.dumps({"id": 42, "text": "  "}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"Text": "Second article.", "date": "Sept 28, 2021"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Failure", "Failure",
                                                 "Document"]
    assert [i.text for i in items if isinstance(i, Document)] == ["First article.",
                                                                  "Second article."]
    assert items[4].date == "2021-09-28"
    assert_failure(items[1], MALFORMED, f"{path} line 2", "fix or remove")
    no_text = assert_failure(items[2], NO_TEXT, f"{path} line 4", '"text"')
    assert no_text.doc_id == "42"
    assert_failure(items[3], MALFORMED, "line 5", "list")


@pytest.mark.parametrize(("record", "doc_id"), [
    ({"id": "reuters-2021-0928-17", "text": BODY}, "reuters-2021-0928-17"),
    ({"id": 7, "text": BODY}, "7"),
    ({"id": " keep spaces ", "text": BODY}, " keep spaces "),
    ({"id": "", "text": BODY}, make_id("doc", BODY)),
    ({"text": BODY}, make_id("doc", BODY)),
])
def test_jsonl_id_is_kept(tmp_path: Path, record: dict, doc_id: str) -> None:
    path = tmp_path / "a.ndjson"
    path.write_text(json.dumps({**record, "title": "T", "url": "https://x.org/1",
                                "source": "Wire", "date": "2021-09-28T10:00:00Z"}) + "\n")
    doc = only(read_all(path))
    assert isinstance(doc, Document)
    assert doc.doc_id == doc_id
    assert (doc.title, doc.url, doc.source, doc.date) == ("T", "https://x.org/1", "Wire",
                                                          "2021-09-28")
    assert doc.input_format == "jsonl"


def test_jsonl_gz_is_read_transparently(tmp_path: Path) -> None:
    path = tmp_path / "feed.JSONL.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for n in range(3):
            out.write(json.dumps({"id": f"g{n}", "text": f"Article {n}."}) + "\n")
    assert [d.doc_id for d in read_all(path)] == ["g0", "g1", "g2"]


def test_damaged_gz_fails_after_the_good_lines(tmp_path: Path) -> None:
    good = gzip.compress(b"".join(json.dumps({"text": f"A{n}."}).encode() + b"\n"
                                  for n in range(50)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(good[: len(good) - 12])  # drop the trailer and some data
    items = read_all(path)
    assert isinstance(items[0], Document)
    assert_failure(items[-1], UNREADABLE, str(path), "damaged")


def test_binary_jsonl_fails_once(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes('{"text": "x"}\n'.encode("utf-16-le") * 20)
    assert_failure(only(read_all(path)), BINARY, str(path))


def test_jsonl_over_long_line_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl_module, "MAX_LINE_BYTES", 64)
    monkeypatch.setattr(jsonl_module, "_SKIP_CHUNK", 16)
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "x " * 200}) + "\n" + json.dumps({"text": "ok"}) + "\n")
    items = read_all(path)
    assert_failure(items[0], TOO_LARGE, f"{path} line 1")
    assert isinstance(items[1], Document) and items[1].text == "ok"


# --- HTML ----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Greece, France sign pact | Example News</title>
<meta property="article:published_time" content="2021-09-28T09:00:00Z">
<script>var tracker = "SCRIPT-SECRET";</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<iframe src="https://ads.example.com/frame"></iframe>
<article><h1>Greece and France sign defence pact</h1>
<img src="https://cdn.example.com/photo.jpg" alt="ministers">
<p>ATHENS, Sept 28 (dyad) - Greece and France signed a defence agreement on Tuesday,
including the purchase of three French frigates, the two governments said.</p>
<p>The pact commits each country to help the other if attacked, officials said.</p>
<script>document.write("INLINE-SECRET")</script></article>
</body></html>"""


def test_html_main_text_without_scripts(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = only(read_all(path))
    assert isinstance(doc, Document)
    assert "signed a defence agreement on Tuesday" in doc.text
    assert "help the other if attacked" in doc.text
    for absent in ("SCRIPT-SECRET", "INLINE-SECRET", "tracker", "Home"):
        assert absent not in doc.text
    assert doc.title and "Greece" in doc.title
    assert (doc.date, doc.input_format, doc.path) == ("2021-09-28", "html", str(path))


@pytest.mark.parametrize(("markup", "code"), [
    ("<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>",
     NO_TEXT),
    ("   \n", EMPTY),
])
def test_html_without_text(tmp_path: Path, markup: str, code: str) -> None:
    path = tmp_path / "empty.htm"
    path.write_text(markup)
    assert_failure(only(read_all(path)), code, str(path))


# --- CSV / TSV -----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "content", "text_column", "texts"), [
    pytest.param("a.csv", 'id,Title,Body\n1,One,"First, with comma."\n2,Two,Second.\n', None,
                 ["First, with comma.", "Second."], id="body-column"),
    pytest.param("a.csv", 'headline,story,text\nH,Story here.,Text here.\n', None,
                 ["Text here."], id="text-before-others"),
    pytest.param("a.csv", 'headline,Story\nH,"Multi\nline story."\n', "story",
                 ["Multi\nline story."], id="text-column-override"),
    pytest.param("a.tsv", "title\tcontent\nT\tTab separated, with comma.\n", None,
                 ["Tab separated, with comma."], id="tsv"),
    pytest.param("a.csv", "title;text\nT;Semicolon export.\n", None, ["Semicolon export."],
                 id="semicolons"),
])
def test_csv_text_column(tmp_path: Path, name: str, content: str, text_column: str | None,
                         texts: list[str]) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    docs = read_all(path, text_column=text_column)
    assert [d.text for d in docs] == texts
    assert all(isinstance(d, Document) and d.input_format == "csv" for d in docs)


def test_csv_metadata_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(codecs.BOM_UTF8 + b'ID,title,date,url,source,text\r\n'
                     b'x1,One,28/09/2021,https://x.org,Wire,"Para one.\r\nPara two."\r\n'
                     b'x2,Two,,,,\r\n'
                     b',,,,,\r\n'
                     b'x3,Three,2021,,,Third.\r\n')
    items = read_all(path)
    first = items[0]
    assert isinstance(first, Document)
    assert (first.doc_id, first.title, first.date, first.url, first.source, first.text) == (
        "x1", "One", "2021-09-28", "https://x.org", "Wire", "Para one.\nPara two.")
    assert assert_failure(items[1], NO_TEXT, f"{path} line 4").doc_id == "x2"
    assert (items[2].doc_id, items[2].date) == ("x3", "2021")
    assert len(items) == 3


@pytest.mark.parametrize(("text_column", "needles"), [
    (None, ["'headline'", "'story'", "--text-column"]),
    ("Article_Text", ["'Article_Text'", "'headline'", "--text-column"]),
])
def test_csv_missing_text_column(tmp_path: Path, text_column: str | None,
                                 needles: list[str]) -> None:
    path = tmp_path / "a.csv"
    path.write_text("headline,story\nH,S\nH2,S2\n")
    assert_failure(only(read_all(path, text_column=text_column)), NO_TEXT, str(path), *needles)


def test_csv_in_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("text\n“Café” talks – Zürich\n".encode("cp1252"))
    assert only(read_all(path)).text == "“Café” talks – Zürich"


# --- paths, folders, ids -------------------------------------------------------------

def test_folder_is_walked_sorted_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "b.txt").write_text("Bee text.")
    (tmp_path / "a.md").write_text("Ay text.")
    (tmp_path / "sub" / "c.jsonl").write_text('{"text": "See one."}\n{"text": "See two."}\n')
    (tmp_path / "sub" / "deeper" / "d.htm").write_text(
        "<html><body><article><p>" + "Dee text about the summit in Paris. " * 5
        + "</p></article></body></html>")
    (tmp_path / "sub" / "report.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / ".git" / "e.txt").write_text("hidden")
    (tmp_path / ".hidden.txt").write_text("hidden")
    items = read_all(tmp_path)
    assert [Path(i.path).relative_to(tmp_path).as_posix() for i in items] == [
        "a.md", "b.txt", "sub/c.jsonl", "sub/c.jsonl", "sub/deeper/d.htm", "sub/report.pdf"]
    assert [i.input_format for i in items[:5]] == ["text", "text", "jsonl", "jsonl", "html"]
    assert_failure(items[5], UNSUPPORTED, "report.pdf", ".pdf", *SUPPORTED_EXTENSIONS)


def test_nonexistent_path_fails_and_the_rest_goes_on(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    good = tmp_path / "ok.txt"
    good.write_text("Fine.")
    items = read_all(missing, good)
    assert_failure(items[0], UNREADABLE, str(missing), "does not exist")
    assert isinstance(items[1], Document)


def test_a_single_path_string_is_one_path(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Fine.")
    assert only(list(read_paths(str(tmp_path / "ok.txt")))).text == "Fine."


def test_same_text_gets_the_same_id_whatever_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Headline\nDate: 2021-09-28\n\n{BODY}")
    (tmp_path / "b.txt").write_text(BODY.replace(" ", "  ") + "\r\n")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": BODY, "title": "Other"}) + "\n")
    (tmp_path / "d.csv").write_text(f'text\n"{BODY}"\n')
    ids = {d.doc_id for d in read_all(tmp_path)}
    assert ids == {make_id("doc", BODY)}
    assert read_text(" " + BODY).doc_id == make_id("doc", BODY)


def test_reading_is_lazy(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.")
    stream = read_paths([tmp_path / "a.txt", tmp_path / "later.txt"])
    (tmp_path / "later.txt").write_text("Written after the call.")
    assert [d.text for d in stream] == ["One.", "Written after the call."]


# --- strings and dates ---------------------------------------------------------------

def test_read_text_fills_the_document() -> None:
    doc = read_text("Moscow and Kyiv\r\nheld talks.", doc_id="mine", title=" Talks ",
                    date="28 Sep 2021", source="Wire", url="https://x.org")
    assert (doc.doc_id, doc.text, doc.title, doc.date, doc.words, doc.input_format) == (
        "mine", "Moscow and Kyiv\nheld talks.", "Talks", "2021-09-28", 5, "text")


@pytest.mark.parametrize("bad", ["", "  \n "])
def test_read_text_refuses_empty_text(bad: str) -> None:
    with pytest.raises(InputError) as caught:
        read_text(bad)
    assert caught.value.code == EMPTY


@pytest.mark.parametrize(("value", "expected"), [
    ("2021-09-28", "2021-09-28"),
    ("2021-09-28T23:30:00-05:00", "2021-09-28"),
    ("2021-9-8", "2021-09-08"),
    ("2021/09/28", "2021-09-28"),
    ("20210928", "2021-09-28"),
    ("28.09.2021", "2021-09-28"),
    ("28/09/2021", "2021-09-28"),
    ("09/28/2021", "2021-09-28"),
    ("03/04/2021", None),
    ("Tue, 28 Sep 2021 10:00:00 GMT", "2021-09-28"),
    ("September 28th, 2021", "2021-09-28"),
    ("Sept. 2021", "2021-09"),
    ("2021-09", "2021-09"),
    ("2021", "2021"),
    ("2021-02-30", None),
    ("2021-13", None),
    ("last Tuesday", None),
    ("", None),
    (None, None),
])
def test_normalise_date(value: str | None, expected: str | None) -> None:
    assert normalise_date(value) == expected
