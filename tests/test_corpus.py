"""Corpus helpers that need no model."""

from __future__ import annotations

import pytest

from dyad.corpus import _count_lines, count_documents


@pytest.mark.parametrize("content, lines", [
    (b"", 0), (b"a\n", 1), (b"a\n\n  \nb", 2), (b"\n\n", 0),
    (b"a" * 3_000 + b"\nb\n", 2),  # a line longer than the chunk
    (b"x" * 64 + b"\n", 1),  # a line exactly one chunk long
])
def test_count_lines_reads_in_chunks(tmp_path, content, lines):
    path = tmp_path / "f.jsonl"
    path.write_bytes(content)
    assert _count_lines(path, chunk=64) == lines


def test_count_documents_mixes_files(tmp_path):
    (tmp_path / "a.txt").write_text("one article")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n')
    assert count_documents([str(tmp_path)]) == 3
    assert count_documents([str(tmp_path)], limit=2) == 2
    (tmp_path / "c.jsonl.gz").write_bytes(b"")
    assert count_documents([str(tmp_path)]) is None  # not cheap to know
