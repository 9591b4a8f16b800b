"""Does a DuckDB primary key make a growing table's memory grow? A probe for issue 8.

    .venv/bin/python bench/duckdb_index_memory.py pk      # VARCHAR PRIMARY KEY
    .venv/bin/python bench/duckdb_index_memory.py nopk    # the same rows, no key

Inserts 2 million rows (a 40-character random key, a short and a 200-character column)
into a new file with the store's memory limit (256 MB), 50,000 rows per statement, and
prints the process's RSS every 500,000 rows.
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid

import duckdb

ROWS_PER_INSERT = 50_000
INSERTS = 40


def rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def main(argv: list[str]) -> int:
    if argv[1:] not in (["pk"], ["nopk"]):
        print(__doc__)
        return 2
    key = "PRIMARY KEY" if argv[1] == "pk" else ""
    with tempfile.TemporaryDirectory() as tmp:
        con = duckdb.connect(os.path.join(tmp, "t.duckdb"), config={"memory_limit": "256MB"})
        con.execute(f"CREATE TABLE t (id VARCHAR {key}, doc VARCHAR, payload VARCHAR)")
        print("| rows | RSS MB |\n|---:|---:|")
        for i in range(1, INSERTS + 1):
            ids = [uuid.uuid4().hex + uuid.uuid4().hex[:8] for _ in range(ROWS_PER_INSERT)]
            con.execute("INSERT INTO t SELECT UNNEST(?), UNNEST(?), UNNEST(?)",
                        [ids, [f"doc{i}"] * len(ids), ["x" * 200] * len(ids)])
            if i % 10 == 0:
                print(f"| {i * ROWS_PER_INSERT:,} | {rss_mb()} |", flush=True)
        con.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
