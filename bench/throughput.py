"""Throughput: dyad end to end vs. the plain spaCy pipeline over the same texts, same run.

Each side runs in its own subprocess (so peak RSS is its own), the sides alternating,
``--rounds`` times; the figure is the median. The baseline is ``nlp.pipe`` with the full
pinned model, which is what any spaCy-based coder pays before coding anything. dyad's
side is ``Extractor().extract_documents`` (language check, dateline, selective parse,
actors, places, dates, quantities, the three coders, merge); ``dyad-full`` is the same
with every sentence parsed (``Extractor(selective=False)``), for reference.

Two corpora, because selective parsing gains with the share of sentences that cannot
give a record:

- ``examples``: the bundled example articles repeated (dense: most sentences name a
  state and an act; the worst case for dyad);
- ``synthetic``: articles from ``bench/gen_corpus.py`` (a wire dateline, 2-5 sentences in
  which two states act, 14-34 background sentences: markets, weather, procedure), closer
  to a day of general news, where most sentences name no state.

    .venv/bin/python bench/throughput.py --corpus both --docs 300 --rounds 3

Prints a Markdown table per corpus to paste into bench/RESULTS.md. Wall-clock words/s is
the headline; CPU words/s (the process's own CPU time) is printed beside it because on a
shared machine other processes slow the wall clock of whichever side is running.
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
SIDES = ("spacy", "dyad", "dyad-full")
SHARE_SAMPLE = 100  # documents read again, untimed, to count the sentences dyad parsed


def examples_corpus(n_docs: int) -> list[dict]:
    """The example articles, repeated (each copy its own document id)."""
    sys.path.insert(0, str(ROOT))
    from dyad.ingest import read_paths
    from dyad.model import Document

    base = [d for d in read_paths([str(ROOT / "examples")]) if isinstance(d, Document)]
    docs = []
    for i in range(n_docs):
        d = base[i % len(base)]
        docs.append({"id": f"bench-{i}", "text": d.text, "date": d.date, "title": d.title})
    return docs


def synthetic_corpus(n_docs: int, seed: int = 1) -> list[dict]:
    """``n_docs`` articles from bench/gen_corpus.py (same seed, same corpus)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from gen_corpus import articles

    return [{"id": a["id"], "text": a["text"], "date": a["date"], "title": a["title"]}
            for a in articles(n_docs, seed=seed)]


def run_side(side: str, path: str) -> dict:
    """Runs inside the child process: time one side over the corpus file."""
    import resource

    docs = [json.loads(line) for line in Path(path).read_text().splitlines()]
    words = sum(len(d["text"].split()) for d in docs)
    parsed_share = None
    if side == "spacy":
        from dyad.nlp.pipeline import load_spacy

        nlp = load_spacy()
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe((d["text"] for d in docs), batch_size=64):
            pass
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        records = 0
    else:
        from dyad.ingest import read_text
        from dyad.pipeline import Extractor

        ex = Extractor(selective=side == "dyad")
        t0, c0 = time.perf_counter(), time.process_time()
        result = ex.extract_documents(
            read_text(d["text"], doc_id=d["id"], date=d["date"], title=d["title"]) for d in docs)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        records = (len(result.events) + len(result.agreements) + len(result.relations)
                   + sum(len(a.mentions) for a in result.actors))
        sample = ((d["id"], d["text"], 0) for d in docs[:SHARE_SAMPLE])
        flags = [s.parsed for p in ex.nlp.parse_many(sample) for s in p.sentences]
        parsed_share = sum(flags) / max(1, len(flags))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"side": side, "docs": len(docs), "words": words, "seconds": elapsed,
            "words_per_s": words / elapsed, "cpu_words_per_s": words / cpu, "peak_mb": peak_mb,
            "records": records,
            "parsed_share": parsed_share}


def measure(name: str, docs: list[dict], sides: list[str], rounds: int) -> None:
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"throughput-{name}.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in docs) + "\n")
    results: dict[str, list[dict]] = {s: [] for s in sides}
    for _ in range(rounds):
        for side in sides:
            proc = subprocess.run([sys.executable, __file__, "--child", side, str(path)],
                                  check=True, capture_output=True, text=True)
            results[side].append(json.loads(proc.stdout.strip().splitlines()[-1]))
    med = {s: statistics.median(r["words_per_s"] for r in rs) for s, rs in results.items()}
    cpu = {s: statistics.median(r["cpu_words_per_s"] for r in rs) for s, rs in results.items()}
    peak = {s: max(r["peak_mb"] for r in rs) for s, rs in results.items()}
    words = results[sides[0]][0]["words"]
    print(f"\ncorpus {name}: {len(docs)} docs, {words} words; {rounds} rounds, median; "
          f"{platform.machine()}, python {platform.python_version()}")
    print("| side | words/s | ratio vs spaCy | CPU words/s | CPU ratio | sentences parsed "
          "| peak RSS MB | records |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for side in sides:
        share = results[side][0]["parsed_share"]
        ratio = f"{med[side] / med['spacy']:.2f}" if "spacy" in med else "-"
        cpu_ratio = f"{cpu[side] / cpu['spacy']:.2f}" if "spacy" in cpu else "-"
        print(f"| {side} | {med[side]:,.0f} | {ratio} | {cpu[side]:,.0f} | {cpu_ratio} | "
              f"{'all' if share is None else f'{share:.0%}'} | {peak[side]:,.0f} | "
              f"{results[side][0]['records']} |")
    for side in sides:  # every round, to show the spread on a shared machine
        print(f"<!-- {side}: " + ", ".join(f"{r['words_per_s']:,.0f}" for r in results[side])
              + " words/s -->")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=["examples", "synthetic", "both"], default="both")
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1, help="synthetic corpus seed")
    ap.add_argument("--sides", default="spacy,dyad",
                    help=f"comma-separated, of {', '.join(SIDES)}")
    ap.add_argument("--child", nargs=2, metavar=("SIDE", "CORPUS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_side(*args.child)))
        return
    sides = [s for s in args.sides.split(",") if s]
    if unknown := set(sides) - set(SIDES):
        ap.error(f"unknown side(s) {sorted(unknown)}; use {', '.join(SIDES)}")
    if args.corpus in ("examples", "both"):
        measure("examples", examples_corpus(args.docs), sides, args.rounds)
    if args.corpus in ("synthetic", "both"):
        measure("synthetic", synthetic_corpus(args.docs, args.seed), sides, args.rounds)


if __name__ == "__main__":
    main()
