"""Resident memory of extraction alone, batch after batch: flat means the NLP layer and the
coders keep nothing per document (no growing string store, cache or list).

    .venv/bin/python bench/extract_memory.py --docs 3200 --batch 400

Reads the synthetic corpus that `bench/scale.py` writes (`bench/data/synthetic-N.jsonl`,
generated here if missing) and prints documents done, RSS in MB and the size of spaCy's
string store after each batch. No store is written: `bench/scale.py --only memory`
measures a whole ingest.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3200)
    parser.add_argument("--batch", type=int, default=400)
    parser.add_argument("--corpus-size", type=int, default=20_000)
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT / "bench"))
    import scale

    from dyad.ingest import read_text
    from dyad.pipeline import default_extractor

    path = scale.corpus(args.corpus_size, ROOT / "bench" / "data")
    extractor = default_extractor()
    strings = extractor.nlp.nlp.vocab.strings
    lines = iter(path.open(encoding="utf-8"))
    print("| documents | RSS MB | spaCy strings |\n|---:|---:|---:|")
    done = 0
    while done < args.docs:
        batch = [read_text(json.loads(next(lines))["text"], doc_id=f"d{done + i}",
                           date="2024-01-01") for i in range(args.batch)]
        extractor.extract_documents(batch)
        done += len(batch)
        print(f"| {done} | {rss_mb()} | {len(strings)} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
