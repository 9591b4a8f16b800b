"""``dyad load``: batch output into a store, one transaction per partition.

Rows are turned back into records and written with ``store.write``, so loading follows
the store's own rules: a document already stored is skipped with every record that
comes only from it, and actors met in several partitions gain their aliases. Loading
twice, or after an interrupted load, changes nothing the second time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dyad.batch import io
from dyad.errors import InputError
from dyad.model import Extraction
from dyad.store import schema


@dataclass
class LoadReport:
    partitions: int = 0
    loaded: int = 0
    skipped: int = 0  # every document already stored
    documents_written: int = 0


def load(output: str | Path, *, store,
         progress: Callable[[LoadReport], None] | None = None) -> LoadReport:
    """Write every complete partition under ``output`` into ``store``."""
    root = Path(output).expanduser()
    if not (root / io.MANIFEST).exists():
        raise InputError(f"{root} is not the output of dyad batch (no {io.MANIFEST}); pass "
                         "the OUTPUT folder given to dyad batch")
    keys = io.written_keys(root)
    report = LoadReport(partitions=len(keys))
    for key in keys:
        tables = io.read_partition_tables(root, key)
        ids = [row["doc_id"] for row in tables["documents"]]
        if ids and len(store.known_doc_ids(ids)) == len(set(ids)):
            report.skipped += 1
        else:
            written = store.write(extraction_from_tables(tables))
            report.loaded += 1
            report.documents_written += written.documents_written
        if progress:
            progress(report)
    return report


def extraction_from_tables(tables: dict[str, list[dict]]) -> Extraction:
    """The records of one partition, rebuilt from its rows (the inverse of record_tables)."""
    found = {}
    for table in schema.RECORD_TABLES:
        mentions: dict[str, list[dict]] = defaultdict(list)
        if table.mentions:
            for row in tables[table.mentions]:
                row = dict(row)
                mentions[row.pop(table.key)].append(row)
        found[table.name] = [schema.record_from_row(table, row, mentions.get(row[table.key]))
                             for row in tables[table.name]]
    return Extraction(**found)
