"""Peak memory of reading and ingesting a large JSON Lines corpus: it must not grow with
the corpus.

Writes a JSONL file of the requested size (the example articles repeated, each line with
a unique id and a varied sentence), then measures the peak RSS of child processes that
  1. stream it with ``read_paths`` and count documents and failures,
  2. run ``dyad ingest FILE --limit N`` on it (a fraction of the corpus),
  3. stream and ingest a file whose single line is larger than the reader's line limit,
each at a small size and at the full size, so growth would show. Files are deleted after.

    python bench/memory.py --size-mb 1024 --limit 200 --dir /work/tmp
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL_MB = 32

_READ = """
import sys
from dyad.ingest import read_paths
from dyad.model import Document
docs = fails = 0
for item in read_paths([sys.argv[1]]):
    if isinstance(item, Document):
        docs += 1
    else:
        fails += 1
print(docs, fails)
"""


def articles() -> list[dict]:
    sys.path.insert(0, str(ROOT))
    from dyad.ingest import read_paths
    from dyad.model import Document

    return [{"title": d.title, "date": d.date, "text": d.text}
            for d in read_paths([ROOT / "examples"]) if isinstance(d, Document)]


def write_corpus(path: Path, size_mb: int, broken_every: int = 10_000) -> int:
    """A JSONL of about ``size_mb`` MB; every ``broken_every``-th line is broken JSON."""
    bases = articles()
    target, written, i = size_mb * 2**20, 0, 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            if i % broken_every == broken_every - 1:
                line = '{"text": "broken\n'
            else:
                base = bases[i % len(bases)]
                line = json.dumps({"id": f"bench-{i}", **base,
                                   "text": f"{base['text']}\n\nBulletin {i}: talks go on."}) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            i += 1
    return i


def write_long_line(path: Path, size_mb: int) -> None:
    """One JSON object whose text is ``size_mb`` MB, written in chunks."""
    chunk = "word " * (2**20 // 5)
    with path.open("w", encoding="utf-8") as out:
        out.write('{"text": "')
        for _ in range(size_mb):
            out.write(chunk)
        out.write('"}\n')
        out.write(json.dumps({"text": "The line after the long one."}) + "\n")


def peak_rss(cmd: list[str]) -> tuple[float, float, str]:
    """Run ``cmd``; its peak RSS in MB, wall seconds and last output line."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    out, err = proc.stdout.read(), proc.stderr.read()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    lines = (out.strip() or err.strip()).splitlines()
    return usage.ru_maxrss / 1024, time.monotonic() - started, lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024, help="Size of the large corpus.")
    parser.add_argument("--limit", type=int, default=200, help="Documents for dyad ingest.")
    parser.add_argument("--long-line-mb", type=int, default=256,
                        help="Size of the single over-long line.")
    parser.add_argument("--dir", default=None, help="Where to write the files (needs space).")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="dyad-memory-", dir=args.dir))
    python = sys.executable
    rows = []
    try:
        for size in (SMALL_MB, args.size_mb):
            corpus = work / f"corpus-{size}.jsonl"
            started = time.monotonic()
            lines = write_corpus(corpus, size)
            print(f"wrote {corpus.stat().st_size / 2**20:.0f} MB, {lines:,} lines "
                  f"in {time.monotonic() - started:.0f} s", file=sys.stderr)
            rss, secs, out = peak_rss([python, "-c", _READ, str(corpus)])
            rows.append((f"read_paths, {size} MB JSONL", rss, secs, f"docs, failures: {out}"))
            db = work / f"ingest-{size}.duckdb"
            rss, secs, out = peak_rss([python, "-m", "dyad.cli", "ingest", str(corpus),
                                       "--db", str(db), "--limit", str(args.limit),
                                       "--workers", "1", "--quiet", "--format", "json"])
            rows.append((f"dyad ingest --limit {args.limit}, {size} MB JSONL", rss, secs,
                         "documents_written: " + str(json.loads(
                             subprocess.run([python, "-m", "dyad.cli", "summary", "--db",
                                             str(db), "--format", "json"], cwd=ROOT,
                                            capture_output=True, text=True).stdout
                         ).get("documents"))))
            corpus.unlink()
        for size in (SMALL_MB, args.long_line_mb):
            long = work / f"long-{size}.jsonl"
            write_long_line(long, size)
            rss, secs, out = peak_rss([python, "-c", _READ, str(long)])
            rows.append((f"read_paths, one {size} MB line", rss, secs, f"docs, failures: {out}"))
            rss, secs, out = peak_rss([python, "-m", "dyad.cli", "ingest", str(long), "--db",
                                       str(work / f"long-{size}.duckdb"), "--workers", "1",
                                       "--quiet", "--format", "json"])
            rows.append((f"dyad ingest, one {size} MB line", rss, secs, "exit 0"))
            long.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("| run | peak RSS (MB) | seconds | result |")
    print("|---|---:|---:|---|")
    for name, rss, secs, out in rows:
        print(f"| {name} | {rss:.0f} | {secs:.0f} | {out} |")


if __name__ == "__main__":
    main()
