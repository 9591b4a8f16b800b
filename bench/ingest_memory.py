"""Resident memory of one process over a long ingest, every 1,024 articles: the whole
`ingest_files` (reading, extraction, store writes) or extraction alone, to tell which side
grows.

    .venv/bin/python bench/ingest_memory.py --docs 6000              # the whole ingest
    .venv/bin/python bench/ingest_memory.py --docs 6000 --extract-only
    MALLOC_ARENA_MAX=2 .venv/bin/python bench/ingest_memory.py ...   # allocator settings

Reads the synthetic corpus of `bench/scale.py` (`bench/data/synthetic-20000.jsonl`,
generated if missing) into a new DuckDB file in a temporary folder. `bench/scale.py
--only memory` measures the peak of a real `dyad ingest` process instead.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=6000)
    parser.add_argument("--extract-only", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "bench"))
    import scale
    from extract_memory import rss_mb

    path = scale.corpus(20_000, ROOT / "bench" / "data")
    start = time.perf_counter()
    print("| articles | RSS MB | seconds |\n|---:|---:|---:|")

    def report(done: int) -> None:
        print(f"| {done} | {rss_mb()} | {time.perf_counter() - start:.0f} |", flush=True)

    if args.extract_only:
        from dyad.ingest import read_text
        from dyad.pipeline import default_extractor

        extractor = default_extractor()
        lines = path.open(encoding="utf-8")
        done = 0
        while done < args.docs:
            batch = [read_text(json.loads(line)["text"], doc_id=f"d{done + i}", date="2024-01-01")
                     for i, line in enumerate(itertools.islice(lines, 32))]
            extractor.extract_documents(batch)
            done += len(batch)
            if done % 1024 == 0:
                report(done)
        return 0

    from dyad import open_store
    from dyad.corpus import ingest_files

    last = [0]

    def progress(ingest) -> None:
        if ingest.documents_written - last[0] >= 1024:
            last[0] = ingest.documents_written
            report(ingest.documents_written)

    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "m.duckdb") as store:
        ingest_files([str(path)], store=store, progress=progress, limit=args.docs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
