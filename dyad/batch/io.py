"""The batch layer's edges: planning partitions, reading them, writing Parquet tables.

Layout of an output folder::

    OUTPUT/_batch.json                      the partition size it was planned with
    OUTPUT/<table>/part-<key>.parquet       one file per table and partition
    OUTPUT/_tmp/                            files being written (never read)

A partition's files are written under temporary names and renamed into place, the
documents table last; a partition counts as done when every table has its file. A run
killed at any point leaves whole files only, and a rerun redoes the partitions without
all their files under the same names, so rows are never lost or duplicated.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import gzip
import hashlib
import json
import os
import re
import shutil
import uuid
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import duckdb

from dyad.batch.partition import OUTPUT_TABLES, Partition, Tables
from dyad.errors import BINARY, NO_TEXT, TOO_LARGE, UNREADABLE, ConfigError, InputError
from dyad.ingest.jsonl import MAX_LINE_BYTES, parse_line
from dyad.ingest.records import document_from_record, failure, record_id
from dyad.ingest.text import looks_binary
from dyad.model import Document, Failure
from dyad.store import schema
from dyad.store.schema import quote

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl",
           ".parquet": "parquet"}
MANIFEST = "_batch.json"
TMP = "_tmp"
_ARRAY = {schema.VARCHAR: "VARCHAR[]", schema.JSON: "VARCHAR[]", schema.BIGINT: "BIGINT[]",
          schema.DOUBLE: "DOUBLE[]", schema.BOOLEAN: "BOOLEAN[]"}


# -- planning -----------------------------------------------------------------------

def input_files(source: str) -> list[tuple[str, str]]:
    """(path, name relative to ``source``) of every JSONL/Parquet file, sorted."""
    if "://" in source:
        return _remote_files(source)
    root = Path(source).expanduser()
    if root.is_file():
        found = [(str(root), root.name)] if _format(root.name) else []
    elif root.is_dir():
        found = [(str(p), p.relative_to(root).as_posix()) for p in sorted(root.rglob("*"))
                 if p.is_file() and _format(p.name)
                 and not any(part.startswith((".", "_")) for part in p.relative_to(root).parts)]
    else:
        raise InputError(f"the batch input {source} does not exist; pass a JSONL or Parquet "
                         "file or a folder holding them")
    if not found:
        raise InputError(f"no JSONL (.jsonl, .jsonl.gz) or Parquet files in {source}; convert "
                         "the corpus to one of them (dyad ingest reads the other formats)")
    return found


def _remote_files(source: str) -> list[tuple[str, str]]:
    try:
        import fsspec
    except ImportError as exc:
        raise ConfigError(f"reading {source} needs fsspec (installed with dyad[dask]); "
                          "pip install 'dyad[dask]' or copy the input to a local folder") from exc
    fs, root = fsspec.core.url_to_fs(source)
    protocol = source.split("://", 1)[0]
    paths = sorted(fs.find(root)) if fs.isdir(root) else [root]
    found = [(f"{protocol}://{p}", p[len(root):].lstrip("/") or p.rsplit("/", 1)[-1])
             for p in paths if _format(p)]
    if not found:
        raise InputError(f"no JSONL or Parquet files under {source}")
    return found


def _format(name: str) -> str | None:
    low = name.lower()
    return next((fmt for ext, fmt in FORMATS.items() if low.endswith(ext)), None)


def plan_partitions(source: str, size: int) -> list[Partition]:
    """Cut every input file into partitions of ``size`` records, in a fixed order."""
    if size < 1:
        raise ConfigError(f"--partition-size must be at least 1, not {size}")
    parts = []
    for path, name in input_files(source):
        fmt = _format(path) or "jsonl"
        n = count_records(path, fmt)
        stem = re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:60]
        tag = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
        parts += [Partition(key=f"{stem}-{tag}-{i:05d}", path=path, fmt=fmt,
                            start=i * size, stop=min(n, (i + 1) * size))
                  for i in range(-(-n // size))]
    return parts


def count_records(path: str, fmt: str) -> int:
    """Non-blank lines of a JSON Lines file, rows of a Parquet file."""
    if fmt == "parquet":
        with duckdb.connect() as con:
            return con.execute("SELECT count(*) FROM read_parquet(?)", [path]).fetchone()[0]
    n = 0
    try:
        with _open(path) as handle:
            for line in handle:
                n += bool(line.strip())
    except (OSError, EOFError, zlib.error):
        n += 1  # the partition holding this index reports the damage as a Failure
    return n


def _open(path: str) -> IO[bytes]:
    if "://" in path:
        import fsspec

        return fsspec.open(path, "rb", compression="infer").open()
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")


def check_manifest(output: Path, size: int, source: str) -> None:
    """Record the partition size; a rerun with another size would cut other partitions."""
    manifest = output / MANIFEST
    if manifest.exists():
        planned = json.loads(manifest.read_text())
        if planned.get("partition_size") != size:
            raise ConfigError(f"{output} was written with --partition-size "
                              f"{planned.get('partition_size')}; rerun with that size or "
                              "write to a new OUTPUT folder")
        return
    output.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps({"partition_size": size, "input": source}, indent=2))


def clear_temporary(output: Path) -> None:
    """Remove what a killed run left half-written (call before a run, not during one)."""
    shutil.rmtree(output / TMP, ignore_errors=True)


# -- reading a partition ---------------------------------------------------------------

def read_partition(part: Partition) -> Iterator[Document | Failure]:
    """The documents (and unreadable records, as Failures) of one partition, in order."""
    if part.fmt == "parquet":
        return _parquet_slice(part)
    return _jsonl_slice(part)


def _jsonl_slice(part: Partition) -> Iterator[Document | Failure]:
    """Records start..stop of a JSON Lines file, read as ``dyad ingest`` reads them.

    Lines before ``start`` are only scanned for their end, never parsed."""
    index, lineno = -1, 0
    with contextlib.closing(_open(part.path)) as handle:
        while index + 1 < part.stop:
            try:
                raw = handle.readline(MAX_LINE_BYTES + 1)
                too_long = len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n")
                while too_long and (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
            except (OSError, EOFError, zlib.error) as err:
                if index + 1 >= part.start:
                    yield failure(part.path, UNREADABLE, f"{part.path} line {lineno + 1} cannot "
                                  f"be read ({err}); the file is damaged or truncated: "
                                  "re-create or re-download it")
                return
            if not raw:
                return
            lineno += 1
            if not raw.strip():
                continue
            index += 1
            if index < part.start:
                continue
            if too_long:
                yield failure(part.path, TOO_LARGE, f"{part.path} line {lineno} is over the "
                              f"{MAX_LINE_BYTES // 2**20} MB limit for one article; shorten "
                              "or remove that line")
                continue
            if lineno == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
                if looks_binary(raw):
                    yield failure(part.path, BINARY, f"{part.path} looks binary, not JSON "
                                  "Lines; JSON Lines must be UTF-8 text")
                    return
            yield parse_line(raw, name=part.path, lineno=lineno)


def _parquet_slice(part: Partition) -> Iterator[Document | Failure]:
    with duckdb.connect() as con:
        cursor = con.execute(
            "SELECT * EXCLUDE (file_row_number) FROM read_parquet(?, file_row_number = true) "
            "WHERE file_row_number >= ? AND file_row_number < ? ORDER BY file_row_number",
            [part.path, part.start, part.stop])
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()  # one partition: bounded by --partition-size
    for offset, row in enumerate(rows):
        yield _row_document(dict(zip(names, row)), path=part.path, rowno=part.start + offset + 1)


def _row_document(row: Mapping[str, Any], *, path: str, rowno: int) -> Document | Failure:
    """A Parquet row read like a JSON Lines object: same keys, same checks."""
    fields = {k.lower(): _plain(v) for k, v in row.items()
              if k == k.lower() or k.lower() not in row}
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        return failure(path, NO_TEXT, f"{path} row {rowno}: the \"text\" column is missing or "
                       "empty; give each row a non-empty string \"text\"",
                       doc_id=record_id(fields))
    return document_from_record(fields, text, path=path, input_format="parquet")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, _dt.date | _dt.datetime) else value


# -- writing and reading tables ----------------------------------------------------------

def part_file(output: Path, table: str, key: str) -> Path:
    return output / table / f"part-{key}.parquet"


def partition_done(output: Path, key: str) -> bool:
    return all(part_file(output, t, key).exists() for t in OUTPUT_TABLES)


def write_partition(output: Path, key: str, tables: Tables) -> None:
    """Write each table to a temporary file, then rename them into place, documents last."""
    tmp = output / TMP
    tmp.mkdir(parents=True, exist_ok=True)
    moves = []
    with duckdb.connect() as con:
        for name in OUTPUT_TABLES:
            table = schema.TABLES[name]
            con.execute(table.ddl())
            rows = tables.get(name, [])
            if rows:
                arrays = ", ".join(f"unnest(?::{_ARRAY[c.type]})" for c in table.columns)
                con.execute(f"INSERT INTO {quote(name)} SELECT {arrays}",
                            [list(col) for col in zip(*rows)])
            target = tmp / f"{name}.part-{key}.{uuid.uuid4().hex}.tmp"
            con.execute(f"COPY (SELECT * FROM {quote(name)}) TO {_literal(target)} "
                        "(FORMAT parquet)")
            moves.append((target, part_file(output, name, key)))
    moves.sort(key=lambda m: m[1].parent.name == "documents")
    for target, final in moves:
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(target, final)


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def written_keys(output: Path) -> list[str]:
    """Keys of the partitions whose every table is written, sorted."""
    docs = output / "documents"
    keys = sorted(p.name[len("part-"):-len(".parquet")] for p in docs.glob("part-*.parquet"))
    return [k for k in keys if partition_done(output, k)]


def read_partition_tables(output: Path, key: str) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows of one written partition, as dicts."""
    found = {}
    with duckdb.connect() as con:
        for name in OUTPUT_TABLES:
            cursor = con.execute("SELECT * FROM read_parquet(?)",
                                 [str(part_file(output, name, key))])
            names = [d[0] for d in cursor.description]
            found[name] = [dict(zip(names, row)) for row in cursor.fetchall()]
    return found
