"""API latency under concurrent load, on loopback, over a store of synthetic events.

    .venv/bin/python bench/api_load.py                       # 100,000 events, DuckDB
    .venv/bin/python bench/api_load.py --db postgresql://... # the same against PostgreSQL

The store is SYNTHETIC: generated records (random dyads among 40 countries, skewed so a
few pairs are busy, random PLOVER types and dates 2015-2024), not coded news; it measures
the query path, not the coders. The script builds the store (or reuses one with
``--reuse``), starts ``dyad serve`` in a subprocess on 127.0.0.1, and sends a fixed number
of requests from ``--clients`` concurrent keep-alive clients (stopping early at
``--time-limit``) to the dyad summary and to a filtered event list. It prints p50/p99
latency per endpoint as JSON. Goal: p99 under 200 ms at 20 clients.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from dyad.model import Actor, ActorRef, Document, Event, Evidence, Extraction, Mention
from dyad.store import is_postgres_url, open_store

COUNTRIES = ("USA CHN RUS IND PAK FRA DEU GBR ITA ESP GRC TUR IRN IRQ ISR EGY SAU ARE QAT "
             "JPN KOR PRK TWN VNM PHL IDN AUS BRA ARG MEX CAN NGA ZAF ETH KEN UKR POL SRB "
             "AZE ARM").split()
TYPES = [("AGREE", 1, 6.0), ("CONSULT", 1, 3.0), ("SUPPORT", 1, 4.0), ("COOPERATE", 2, 6.0),
         ("AID", 2, 7.0), ("RETREAT", 2, 5.0), ("DEMAND", 3, -4.0), ("DISAPPROVE", 3, -2.0),
         ("REJECT", 3, -4.0), ("THREATEN", 3, -6.0), ("PROTEST", 4, -5.0),
         ("SANCTION", 4, -7.0), ("MOBILIZE", 4, -7.0), ("COERCE", 4, -8.0),
         ("ASSAULT", 4, -9.0), ("FIGHT", 4, -10.0)]
EVENTS_PER_DOC = 50
DOCS_PER_WRITE = 100
TEXT = "Synthetic benchmark article {n}: {a} and {b} officials met, the wire said."


def build(db: str, events: int, seed: int) -> None:
    rng = random.Random(seed)
    weights = [1.0 / (i + 1) for i in range(len(COUNTRIES))]  # a few busy countries
    refs = {c: ActorRef(actor_id=c, name=f"Country {c}", country=c) for c in COUNTRIES}
    subs = {c: ActorRef(actor_id=f"{c}.GOV", name=f"Government of {c}", country=c,
                        sector="GOV") for c in COUNTRIES}
    n_docs = -(-events // EVENTS_PER_DOC)
    started = time.perf_counter()
    with open_store(db) as store:
        for first in range(0, n_docs, DOCS_PER_WRITE):
            docs, evs, mentions = [], [], {}
            for n in range(first, min(first + DOCS_PER_WRITE, n_docs)):
                a, b = rng.choices(COUNTRIES, weights, k=2)
                if a == b:
                    b = COUNTRIES[(COUNTRIES.index(a) + 1) % len(COUNTRIES)]
                doc_id = f"syn-{n:07d}"
                text = TEXT.format(n=n, a=a, b=b)
                date = (f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-"
                        f"{rng.randint(1, 28):02d}")
                docs.append(Document(doc_id=doc_id, text=text, title=f"Synthetic {n}",
                                     date=date, source="synthetic", words=len(text.split())))
                start = text.index(a)
                for c in (a, b):
                    mentions.setdefault(c, []).append(Mention(
                        doc_id=doc_id, start=text.index(c), end=text.index(c) + 3, text=c))
                for k in range(EVENTS_PER_DOC):
                    etype, quad, intensity = rng.choice(TYPES)
                    src, tgt = (a, b) if rng.random() < 0.5 else (b, a)
                    src_ref = subs[src] if rng.random() < 0.3 else refs[src]
                    month = rng.randint(1, 12)
                    evs.append(Event(
                        event_id=f"{doc_id}-e{k}", doc_id=doc_id, event_type=etype,
                        quad_class=quad, intensity=intensity, source=src_ref, target=refs[tgt],
                        date=f"{date[:4]}-{month:02d}-{rng.randint(1, 28):02d}",
                        modality="asserted" if rng.random() < 0.85 else "reported",
                        evidence=Evidence(doc_id=doc_id, start=start, end=len(text) - 1,
                                          text=text[start:-1])))
            actors = [Actor(actor_id=c, name=refs[c].name, kind="state", country=c,
                            mentions=m) for c, m in mentions.items()]
            actors += [Actor(actor_id=s.actor_id, name=s.name, kind="organisation",
                             country=s.country, sector="GOV") for s in subs.values()]
            store.write(Extraction(documents=docs, actors=actors, events=evs))
        total = store.count_rows("events")
    print(f"built {total} synthetic events in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: str, port: int, cache_size: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "dyad.cli", "serve", "--db", db, "--host",
                             "127.0.0.1", "--port", str(port), "--cache-size", str(cache_size)],
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            con = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            con.request("GET", "/api/health")
            if con.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"dyad serve did not answer on port {port}: {proc.stderr.read()}")


def requests_for(kind: str, n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    busy = COUNTRIES[:8]
    out = []
    for _ in range(n):
        a, b = rng.sample(busy, 2)
        if kind == "dyad":
            out.append(f"/api/dyad/{a}/{b}")
        else:
            year = rng.randint(2015, 2024)
            out.append(f"/api/events?dyad={a},{b}&quad_class={rng.randint(1, 4)}"
                       f"&date_from={year}-01&date_to={year}-12&sort=-date&limit=50")
    return out


def load(port: int, paths: list[str], clients: int, time_limit: float) -> dict:
    todo = list(reversed(paths))
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []
    stop_at = time.monotonic() + time_limit

    def client() -> None:
        con = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop_at:
            with lock:
                if not todo:
                    return
                path = todo.pop()
            t0 = time.perf_counter()
            con.request("GET", path)
            response = con.getresponse()
            response.read()
            elapsed = time.perf_counter() - t0
            with lock:
                latencies.append(elapsed)
                if response.status != 200:
                    errors.append(f"{response.status} {path}")

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    ms = sorted(x * 1000 for x in latencies)
    return {"requests": len(ms), "errors": len(errors), "seconds": round(wall, 1),
            "per_second": round(len(ms) / wall, 1),
            "p50_ms": round(statistics.median(ms), 1),
            "p99_ms": round(ms[min(len(ms) - 1, int(len(ms) * 0.99))], 1),
            "max_ms": round(ms[-1], 1)}


WRK_SCRIPT = """
paths = {%s}
i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def load_wrk(port: int, paths: list[str], clients: int, seconds: float) -> dict:
    """The same requests from wrk (C, two threads), so the client costs the 2-core
    machine little; it runs ``seconds`` and stops by itself."""
    import re
    import subprocess

    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths))
    out = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{int(seconds)}s", "--latency",
                          "-s", f.name, f"http://127.0.0.1:{port}"],
                         capture_output=True, text=True, check=True).stdout
    os.unlink(f.name)

    def ms(label: str) -> float:
        value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return round(float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit], 1)

    total = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"requests": total, "errors": int(non2xx.group(1)) if non2xx else 0,
            "seconds": seconds, "per_second": float(re.search(r"Requests/sec:\s+([\d.]+)",
                                                            out).group(1)),
            "p50_ms": ms("50%"), "p99_ms": ms("99%"), "client": "wrk"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="store to build/use (default: a temporary DuckDB file)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000, help="per endpoint")
    parser.add_argument("--time-limit", type=float, default=120.0, help="seconds per endpoint")
    parser.add_argument("--reuse", action="store_true", help="use --db as it is")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--wrk", type=float, default=0.0, metavar="SECONDS",
                        help="also load each endpoint with wrk for this long (needs wrk)")
    args = parser.parse_args()
    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="dyad-bench-")
        db = os.path.join(tmp.name, "bench.duckdb")
    if not args.reuse:
        build(db, args.events, args.seed)
    results: dict = {"store": "postgresql" if is_postgres_url(db) else "duckdb",
                     "store_events": args.events, "clients": args.clients}
    # The response cache only exists for a read-only DuckDB file; measure without it too.
    modes = {"uncached": 0} if is_postgres_url(db) else {"uncached": 0, "cached": 2048}
    try:
        for mode, cache_size in modes.items():
            port = free_port()
            proc = serve(db, port, cache_size)
            try:
                for kind in ("dyad", "events"):
                    paths = requests_for(kind, args.requests, args.seed)
                    load(port, paths[:args.clients * 2], args.clients, args.time_limit)  # warm-up
                    results[f"{kind}_{mode}"] = load(port, paths, args.clients, args.time_limit)
                    if args.wrk:
                        results[f"{kind}_{mode}_wrk"] = load_wrk(port, paths, args.clients,
                                                                 args.wrk)
            finally:
                proc.terminate()
                proc.wait(timeout=30)
        print(json.dumps(results, indent=2))
    finally:
        if tmp:
            tmp.cleanup()


if __name__ == "__main__":
    main()
