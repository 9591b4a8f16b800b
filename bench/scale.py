"""Corpus scale, measured: throughput, workers, engines, memory, and a projection.

Every measurement runs in fresh subprocesses over the synthetic corpus of
bench/gen_corpus.py (SYNTHETIC articles, not real news; generated once per size under
--data) and can be run on its own, because the full set takes hours on two cores:

    .venv/bin/python bench/scale.py --only throughput --docs 20000
    .venv/bin/python bench/scale.py --only workers --docs 2000
    .venv/bin/python bench/scale.py --only engines --docs 400 --docs2 1200
    .venv/bin/python bench/scale.py --only memory --docs 10000 --docs2 100000
    .venv/bin/python bench/scale.py --only project --per-doc-ms 40

Each prints a Markdown table (and JSON with --json) to paste into bench/RESULTS.md.
Figures are wall-clock on whatever else the machine is doing: say so next to them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
SECONDS_PER_DAY = 86_400


def corpus(n: int, data: Path) -> Path:
    """The synthetic corpus of ``n`` articles (seed 1), generated once."""
    path = data / f"synthetic-{n}.jsonl"
    if not path.exists():
        sys.path.insert(0, str(ROOT / "bench"))
        import gen_corpus

        gen_corpus.write(n, path, seed=1)
    return path


def words_in(path: Path) -> int:
    return sum(len(json.loads(line)["text"].split()) for line in path.open())


def timed(cmd: list[str], *, sample_memory: bool = False) -> dict:
    """Run ``cmd``; wall seconds, and the peak RSS of the process and of each descendant."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    peaks: dict[int, int] = {}
    total = 0  # the whole tree at one instant: the job's real peak
    while proc.poll() is None:
        if sample_memory:
            now, own = 0, _cmdline(proc.pid)
            for pid in [proc.pid, *_descendants(proc.pid)]:
                if pid != proc.pid and _cmdline(pid) == own:
                    continue  # forked, not yet exec'd: its RSS is the parent's pages
                rss = _rss_kb(pid)
                peaks[pid] = max(peaks.get(pid, 0), rss)
                now += rss
            total = max(total, now)
        time.sleep(0.2)
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-3000:]}")
    parent = peaks.pop(proc.pid, 0)
    return {"seconds": seconds, "stdout": out, "parent_rss_mb": parent / 1024,
            "worker_rss_mb": sorted((v / 1024 for v in peaks.values()), reverse=True),
            "total_rss_mb": total / 1024}


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            kids = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        found += map(int, kids)
        todo += map(int, kids)
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def ingest_cmd(path: Path, db: Path, workers: int) -> list[str]:
    return [PY, "-m", "dyad.cli", "ingest", str(path), "--db", str(db), "--workers",
            str(workers), "--quiet", "--format", "json"]


# -- measurements ---------------------------------------------------------------------

def throughput(args) -> list[dict]:
    """dyad ingest (1 process) vs. plain spaCy nlp.pipe with the full model, same texts;
    each side in its own child, its model load excluded."""
    path = corpus(args.docs, args.data)
    words = words_in(path)
    rows = []
    for side in ("spacy", "dyad"):
        run = timed([PY, __file__, f"--{side}-side", str(path)])
        seconds = json.loads(run["stdout"])["seconds"]
        rows.append({"side": side, "docs": args.docs, "seconds": round(seconds, 1),
                     "docs_per_s": round(args.docs / seconds, 1),
                     "words_per_s": round(words / seconds)})
    rows.append({"side": "ratio dyad/spacy (words/s)",
                 "ratio": round(rows[1]["words_per_s"] / rows[0]["words_per_s"], 2)})
    return rows


def spacy_side(path: str) -> None:
    """In a child: the full pinned spaCy pipeline over the texts, model load excluded."""
    from dyad.nlp.pipeline import load_spacy

    nlp = load_spacy()
    texts = [json.loads(line)["text"] for line in open(path)]
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    print(json.dumps({"seconds": time.perf_counter() - t0}))


def dyad_side(path: str) -> None:
    """In a child: dyad ingest of the file into a new store (read, extract, write), one
    process, model load excluded as on the spaCy side."""
    from dyad.corpus import ingest_files
    from dyad.pipeline import default_extractor
    from dyad.store import open_store

    default_extractor()
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "t.duckdb") as store:
        t0 = time.perf_counter()
        ingest_files([path], store=store, workers=1)
        print(json.dumps({"seconds": time.perf_counter() - t0}))


def workers(args) -> list[dict]:
    path = corpus(args.docs, args.data)
    words = words_in(path)
    rows = []
    for n in (1, 2):
        with tempfile.TemporaryDirectory() as tmp:
            run = timed(ingest_cmd(path, Path(tmp) / "w.duckdb", n))
        rows.append({"workers": n, "docs": args.docs, "seconds": round(run["seconds"], 1),
                     "docs_per_s": round(args.docs / run["seconds"], 2),
                     "words_per_s": round(words / run["seconds"])})
    rows.append({"workers": "speed-up 2 vs 1",
                 "ratio": round(rows[0]["seconds"] / rows[1]["seconds"], 2)})
    return rows


def engines(args) -> list[dict]:
    """Each engine at two corpus sizes: T(n) = start-up + n x per-document cost."""
    sizes = (args.docs, args.docs2)
    rows = []
    for engine in args.engines.split(","):
        times = []
        for n in sizes:
            path = corpus(n, args.data)
            with tempfile.TemporaryDirectory() as tmp:
                cmd = [PY, "-m", "dyad.cli", "batch", str(path), str(Path(tmp) / "out"),
                       "--engine", engine, "--workers", str(args.workers), "--partition-size",
                       str(args.partition_size), "--quiet", "--format", "json"]
                times.append(timed(cmd)["seconds"])
        per_doc = (times[1] - times[0]) / (sizes[1] - sizes[0])
        rows.append({"engine": engine, "workers": args.workers,
                     **{f"seconds_{n}": round(t, 1) for n, t in zip(sizes, times)},
                     "startup_s": round(times[0] - sizes[0] * per_doc, 1),
                     "per_doc_ms": round(per_doc * 1000, 1)})
    return rows


def memory(args) -> list[dict]:
    """Peak RSS of dyad ingest at two corpus sizes: flat means the input is streamed."""
    rows = []
    for n in dict.fromkeys((args.docs, args.docs2)):  # one size: give it twice
        path = corpus(n, args.data)
        for w in sorted({1, args.workers}):
            with tempfile.TemporaryDirectory() as tmp:
                run = timed(ingest_cmd(path, Path(tmp) / "m.duckdb", w), sample_memory=True)
            # with workers, the other children are the store's writers (one at a time
            # and a spare) and multiprocessing's resource tracker
            others = run["worker_rss_mb"][w:] if w > 1 else []
            rows.append({"docs": n, "workers": w, "seconds": round(run["seconds"], 1),
                         "parent_peak_mb": round(run["parent_rss_mb"]),
                         "worker_peak_mb": [round(x) for x in run["worker_rss_mb"][:w]],
                         "writer_peak_mb": round(max(others, default=0)),
                         "total_peak_mb": round(run["total_rss_mb"])})
    return rows


def project(args) -> list[dict]:
    """Cores for a daily feed and a cluster for a year overnight, from a per-document cost."""
    core_seconds = args.per_doc_ms / 1000
    daily = args.daily * core_seconds / SECONDS_PER_DAY
    year = args.daily * 365 * core_seconds / (args.night_hours * 3600)
    return [{"per_doc_ms_one_core": args.per_doc_ms, "articles_per_day": args.daily,
             "cores_to_keep_up": round(daily, 1),
             "cores_with_headroom_x2": int(-(-2 * daily // 1)),
             "cores_for_a_year_in_%gh" % args.night_hours: int(-(-year // 1)),
             "nodes_of_32_cores": int(-(-year // 32))}]


def table(rows: list[dict]) -> str:
    keys = list(dict.fromkeys(k for r in rows for k in r))
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(r.get(k, "")) for k in keys) + " |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["throughput", "workers", "engines", "memory",
                                           "project"], required=False)
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--docs2", type=int, default=100_000, help="second size (engines, memory)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engines", default="local,dask,spark")
    parser.add_argument("--partition-size", type=int, default=200)
    parser.add_argument("--per-doc-ms", type=float, default=None,
                        help="measured single-core cost per article (project)")
    parser.add_argument("--daily", type=int, default=250_000)
    parser.add_argument("--night-hours", type=float, default=10)
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--spacy-side", help=argparse.SUPPRESS)
    parser.add_argument("--dyad-side", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.spacy_side or args.dyad_side:
        (spacy_side if args.spacy_side else dyad_side)(args.spacy_side or args.dyad_side)
        return 0
    if not args.only:
        parser.error("choose one measurement with --only")
    if args.only == "project" and args.per_doc_ms is None:
        parser.error("--only project needs --per-doc-ms (from --only throughput or engines)")
    args.data.mkdir(parents=True, exist_ok=True)
    rows = globals()[args.only](args)
    print(f"<!-- {args.only}: {platform.python_version()}, {os.cpu_count()} cores "
          f"(shared), {' '.join(sys.argv[1:])} -->")
    print(json.dumps(rows, indent=2) if args.json else table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
