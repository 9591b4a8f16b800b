"""Questions asked of a store that need more than one table: an agreement's status as of
a date, the contradictions between sources. Read-only; every value is a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dyad.errors import InputError
from dyad.model import Agreement, Conflict
from dyad.store import schema, spans

# How many candidates a name search lists before asking for a more precise name.
MAX_CANDIDATES = 10


@dataclass(frozen=True)
class AgreementStatus:
    agreement: Agreement
    report: Any  # dyad.agreements.status.StatusReport


def _records(store, table_name: str, where: str, params: list) -> list:
    table = schema.TABLES[table_name]
    rows = store.query(f'SELECT * FROM "{table_name}" {where}', params)
    records = [schema.record_from_row(table, row) for row in rows]
    return spans.fill(table, records,
                      spans.read_spans(store.query, table, [r[table.key] for r in rows]))


def find_agreement(store, ref: str) -> Agreement:
    """The agreement whose id is ``ref``, or whose name contains it (case-insensitive)."""
    found = _records(store, "agreements", 'WHERE "agreement_id" = ?', [ref])
    if not found:
        found = _records(store, "agreements", 'WHERE lower("name") LIKE ? ORDER BY "name"',
                         [f"%{ref.lower()}%"])
    if not found:
        raise InputError(f"no agreement matches {ref!r}; list them with "
                         "'dyad summary' or give an agreement_id from 'dyad extract'")
    exact = [a for a in found if a.name.lower() == ref.lower()]
    if len(found) > 1 and len(exact) != 1:
        names = "; ".join(f"{a.agreement_id} {a.name}" for a in found[:MAX_CANDIDATES])
        raise InputError(f"{len(found)} agreements match {ref!r}: {names}; "
                         "give the agreement_id instead")
    return exact[0] if exact else found[0]


def document_dates(store, doc_ids: list[str]) -> dict[str, str]:
    """Publication (else dateline) dates of documents, to date undated stages."""
    if not doc_ids:
        return {}
    marks = ", ".join("?" for _ in doc_ids)
    rows = store.query(f'SELECT "doc_id", "date", "dateline" FROM "documents" '
                       f'WHERE "doc_id" IN ({marks})', list(doc_ids))
    out = {}
    for row in rows:
        date = row["date"]
        if not date and row["dateline"]:
            import json

            dateline = row["dateline"]
            dateline = json.loads(dateline) if isinstance(dateline, str) else dateline
            date = (dateline or {}).get("date")
        if date:
            out[row["doc_id"]] = date
    return out


def agreement_status(store, ref: str, *, as_of: str) -> AgreementStatus:
    """Where the agreement ``ref`` stands on ``as_of``, with the reasoning and evidence."""
    from dyad.agreements.status import agreement_status as status_of

    agreement = find_agreement(store, ref)
    doc_ids = sorted({s.evidence.doc_id for s in agreement.stages}
                     | {e.doc_id for e in agreement.evidence})
    report = status_of(agreement, as_of=as_of, doc_dates=document_dates(store, doc_ids))
    return AgreementStatus(agreement=agreement, report=report)


def conflicts(store, *, record_kind: str | None = None) -> list[Conflict]:
    """Every contradiction between sources that the store keeps."""
    if record_kind:
        return _records(store, "conflicts", 'WHERE "record_kind" = ? ORDER BY "conflict_id"',
                        [record_kind])
    return _records(store, "conflicts", 'ORDER BY "record_kind", "record_id", "field"', [])
