"""Throughput: dyad end to end vs. the plain spaCy pipeline over the same texts, same run.

Each side runs in its own subprocess (so peak RSS is its own), alternating, ``--rounds``
times; the figure is the median. The baseline is ``nlp.pipe`` with the full pinned model,
which is what any spaCy-based coder pays before coding anything.

    .venv/bin/python bench/throughput.py --docs 400 --rounds 3

Prints a Markdown table to paste into bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(n_docs: int) -> list[dict]:
    """The example articles, repeated with a numbered first line so no two are identical."""
    sys.path.insert(0, str(ROOT))
    from dyad.ingest import read_paths
    from dyad.model import Document

    base = [d for d in read_paths([str(ROOT / "examples")]) if isinstance(d, Document)]
    docs = []
    for i in range(n_docs):
        d = base[i % len(base)]
        docs.append({"id": f"bench-{i}", "text": d.text, "date": d.date, "title": d.title})
    return docs


def run_side(side: str, path: str) -> dict:
    """Runs inside the child process: time one side over the corpus file."""
    import resource

    docs = [json.loads(line) for line in Path(path).read_text().splitlines()]
    words = sum(len(d["text"].split()) for d in docs)
    if side == "spacy":
        from dyad.nlp.pipeline import load_spacy

        nlp = load_spacy()
        t0 = time.perf_counter()
        for _ in nlp.pipe((d["text"] for d in docs), batch_size=64):
            pass
        elapsed = time.perf_counter() - t0
        records = 0
    else:
        from dyad.ingest import read_text
        from dyad.pipeline import Extractor

        ex = Extractor()
        t0 = time.perf_counter()
        result = ex.extract_documents(
            read_text(d["text"], doc_id=d["id"], date=d["date"], title=d["title"]) for d in docs)
        elapsed = time.perf_counter() - t0
        records = (len(result.events) + len(result.agreements) + len(result.relations)
                   + sum(len(a.mentions) for a in result.actors))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"side": side, "docs": len(docs), "words": words, "seconds": elapsed,
            "words_per_s": words / elapsed, "peak_mb": peak_mb, "records": records}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--child", nargs=2, metavar=("SIDE", "CORPUS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_side(*args.child)))
        return

    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    path = out / "throughput-corpus.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in corpus(args.docs)) + "\n")
    results: dict[str, list[dict]] = {"spacy": [], "dyad": []}
    for _ in range(args.rounds):
        for side in ("spacy", "dyad"):
            proc = subprocess.run([sys.executable, __file__, "--child", side, str(path)],
                                  check=True, capture_output=True, text=True)
            results[side].append(json.loads(proc.stdout.strip().splitlines()[-1]))
    med = {s: statistics.median(r["words_per_s"] for r in rs) for s, rs in results.items()}
    peak = {s: max(r["peak_mb"] for r in rs) for s, rs in results.items()}
    words = results["dyad"][0]["words"]
    print(f"machine: {platform.machine()}, {platform.processor() or '?'}, "
          f"python {platform.python_version()}; {args.docs} docs, {words} words, "
          f"{args.rounds} rounds, median")
    print("| side | words/s | ratio vs spaCy | peak RSS MB | records |")
    print("|---|---:|---:|---:|---:|")
    for side in ("spacy", "dyad"):
        print(f"| {side} | {med[side]:,.0f} | {med[side] / med['spacy']:.2f} | "
              f"{peak[side]:,.0f} | {results[side][0]['records']} |")


if __name__ == "__main__":
    main()
