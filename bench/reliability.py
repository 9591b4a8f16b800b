"""The reliability figures for bench/RESULTS.md, from actual runs.

1. Bad inputs by kind go through ``read_paths`` (with sockets blocked): every one must
   give Documents or Failures, never an exception.
2. Seeded random bytes in every supported file type, the same way.
3. The language detector over the test texts of every language.
4. A real ``dyad ingest`` of a corpus is killed with SIGKILL at seeded random points and
   rerun; the store must then equal an uninterrupted run: no document lost, no row twice.

    python bench/reliability.py --kills 5 --fuzz 2000
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dyad.ingest import read_paths  # noqa: E402
from dyad.ingest.language import detect_language  # noqa: E402
from dyad.model import Document  # noqa: E402
from tests import test_reliability as t  # noqa: E402  (the corpus and helpers of the tests)

EXTENSIONS = [".txt", ".jsonl", ".csv", ".tsv", ".html"]


def bad_inputs(folder: Path) -> dict[str, list[Path]]:
    """Files of each kind of bad input, written to ``folder``."""
    kinds: dict[str, list[Path]] = collections.defaultdict(list)

    def put(kind: str, name: str, data: bytes) -> None:
        path = folder / kind / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        kinds[kind].append(path)

    article = t.ARTICLE.encode()
    for ext in EXTENSIONS:
        put("empty", f"a{ext}", b"")
        put("binary", f"a{ext}", t.PNG)
        put("nul bytes", f"a{ext}", article + b"\x00" + article)
        put("invalid utf-8", f"a{ext}", b"\xff\xfe\xfd text \xc3\x28 \x81\x8d more")
        put("mixed encodings", f"a{ext}", "Zürich “talks”. ".encode() + t.CP1252.encode("cp1252"))
    put("invalid utf-8", "lines.jsonl", b'{"text": "ok"}\n{"text": "caf\xe9"}\n{"text": "\\ud800"}\n')
    put("csv without text column", "a.csv", b"title,date\nOne,2021-01-01\n")
    put("csv without text column", "b.tsv", b"name\tbody_text\nx\ty\n")
    put("hostile html", "page.html", t.HOSTILE.encode())
    put("deeply nested html", "divs.html",
        b"<html><body>" + b"<div>" * 100_000 + b"<p>Deep.</p>" + b"</div>" * 100_000)
    put("deeply nested html", "unclosed.html", b"<html><body>" + b"<div><span><b>" * 50_000)
    put("deeply nested json", "deep.jsonl", b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n")
    huge = folder / "long single line" / "huge.txt"
    huge.parent.mkdir(parents=True)
    with huge.open("wb") as handle:  # sparse: over the limit on paper, nothing on disk
        handle.truncate(3 * 2**30)
    kinds["long single line"].append(huge)
    long_jsonl = folder / "long single line" / "long.jsonl"
    with long_jsonl.open("w") as out:
        out.write('{"text": "' + "word " * (11 * 2**20) + '"}\n{"text": "after"}\n')  # 55 MB
    kinds["long single line"].append(long_jsonl)
    for lang, texts in [*t.LANG_TEXTS.items(), *t.SCRIPT_TEXTS.items()]:
        if lang != "en":
            put("other languages (read; not coded)", f"{lang}.txt", " ".join(texts).encode())
    million = folder / "million lines" / "wire.jsonl"
    million.parent.mkdir(parents=True)
    with million.open("w") as out:
        for i in range(10**6):
            out.write('{"text": "broken\n' if i % 50_000 == 7
                      else f'{{"id": "w{i}", "text": "Item {i}: Greece and France met."}}\n')
    kinds["million-line jsonl"].append(million)
    return kinds


def read_kinds(kinds: dict[str, list[Path]]) -> list[tuple[str, int, int, int, int]]:
    rows = []
    for kind, paths in kinds.items():
        docs = fails = crashes = 0
        for path in paths:
            try:
                for item in read_paths([path]):
                    if isinstance(item, Document):
                        docs += 1
                    else:
                        fails += 1
            except Exception as exc:  # noqa: BLE001 - counted: must be 0
                crashes += 1
                print(f"CRASH {kind} {path.name}: {exc!r}", file=sys.stderr)
        rows.append((kind, len(paths), docs, fails, crashes))
    return rows


def fuzz(folder: Path, n: int, seed: int) -> tuple[int, int, int, int]:
    rng = random.Random(seed)
    docs = fails = crashes = 0
    for i in range(n):
        path = folder / f"fuzz{i}{rng.choice(EXTENSIONS)}"
        size = rng.choice([0, 1, 10, 100, 1000, 5000])
        if rng.random() < 0.5:
            data = rng.randbytes(size)
        else:  # text-like bytes with random corruption
            data = (t.ARTICLE * (size // 100 + 1))[:size].encode()
            for _ in range(rng.randint(0, 5)):
                at = rng.randint(0, len(data))
                data = data[:at] + rng.randbytes(rng.randint(1, 4)) + data[at:]
        path.write_bytes(data)
        try:
            items = list(read_paths([path]))
            docs += sum(isinstance(x, Document) for x in items)
            fails += sum(not isinstance(x, Document) for x in items)
        except Exception as exc:  # noqa: BLE001 - counted: must be 0
            crashes += 1
            print(f"CRASH fuzz {path.name}: {exc!r}", file=sys.stderr)
        path.unlink()
    return n, docs, fails, crashes


def languages() -> tuple[int, int, int]:
    texts = [(lang, x) for table in (t.LANG_TEXTS, t.SCRIPT_TEXTS)
             for lang, xs in table.items() for x in xs]
    right = sum(detect_language(x)[0] == lang for lang, x in texts)
    english_rejected = sum(detect_language(x)[0] not in (None, "en") for x in t.LANG_TEXTS["en"])
    return len(texts), right, english_rejected


def crash_runs(root: Path, kills: int, seed: int) -> dict:
    corpus = root / "corpus"
    expected = t.write_corpus(corpus)
    reference = root / "reference.duckdb"
    proc = subprocess.Popen(t.ingest_command(corpus, reference), cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    commits = t.wait_for_commits(proc, reference, commits=10**6)
    proc.wait()
    reference_rows = t.table_rows(reference)
    result = {"documents": len(expected), "kills": 0, "mid_ingest": 0, "lost": 0,
              "duplicates": 0, "differing_tables": 0, "commit_times": commits}
    for k, (after, delay) in enumerate(t.kill_plan(commits, kills, seed)):
        db = root / f"killed-{k}.duckdb"
        while not t.start_and_kill(t.ingest_command(corpus, db), db, after, delay):
            for leftover in (db, db.with_name(db.name + ".wal")):  # ended first: sooner
                leftover.unlink(missing_ok=True)
            delay /= 2
        result["kills"] += 1
        stored = len(t.stored_doc_ids(db))
        result["mid_ingest"] += 0 < stored < len(expected)
        subprocess.run(t.ingest_command(corpus, db), cwd=ROOT, capture_output=True, check=True)
        ids = t.stored_doc_ids(db)
        result["lost"] += len(expected - set(ids))
        rows = t.table_rows(db)
        result["duplicates"] += sum(len(r) - len(set(r)) for r in rows.values())
        result["duplicates"] += len(ids) - len(set(ids))
        result["differing_tables"] += sum(rows[n] != reference_rows[n] for n in reference_rows)
        print(f"kill {k}: {delay:.1f}s after commit {after}, {stored} documents stored "
              "before the rerun", file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--fuzz", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    def refuse(*_args, **_kwargs):
        raise OSError("network blocked by bench/reliability.py")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory(prefix="dyad-reliability-") as folder:
        root = Path(folder)
        (root / "bad").mkdir()
        rows = read_kinds(bad_inputs(root / "bad"))
        (root / "fuzz").mkdir()
        fuzzed = fuzz(root / "fuzz", args.fuzz, args.seed)
        texts, right, english_rejected = languages()
        crashes = crash_runs(root, args.kills, args.seed)

    print("| input kind | inputs | documents | failures | crashes |")
    print("|---|---:|---:|---:|---:|")
    for kind, n, docs, fails, crashed in [*rows, ("random bytes (seeded)", *fuzzed)]:
        print(f"| {kind} | {n:,} | {docs:,} | {fails:,} | {crashed} |")
    print()
    print(f"Language detector: {right}/{texts} test texts right; English texts rejected: "
          f"{english_rejected}/{len(t.LANG_TEXTS['en'])}.")
    print()
    print("| crash safety | value |")
    print("|---|---:|")
    print(f"| corpus documents | {crashes['documents']} |")
    print(f"| SIGKILLs survived (rerun to completion) | {crashes['kills']} |")
    print(f"| of which after a batch was committed | {crashes['mid_ingest']} |")
    print(f"| documents lost | {crashes['lost']} |")
    print(f"| duplicate rows | {crashes['duplicates']} |")
    print(f"| tables differing from an uninterrupted run | {crashes['differing_tables']} |")
    print(json.dumps(crashes), file=sys.stderr)


if __name__ == "__main__":
    main()
