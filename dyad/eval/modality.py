"""Scoring dyad's modality against ``bench/gold/modality.tsv``.

Each sentence goes through the real pipeline as one document. The gold trigger is the
first whole-word occurrence of ``trigger``; dyad's answer is the modality of the first
record that covers it, looked for in this order:

1. ``event``: an event whose ``trigger`` words include the gold word and whose evidence
   covers it (the coder stores the trigger words, not their offsets);
2. ``stage``: an agreement stage whose evidence covers it, one whose name shares the
   trigger's first four letters first ("ratify" -> ``ratified``), else the first;
3. ``relation``: a relation whose evidence covers it;
4. ``fallback``: no record, so ``dyad.modality.modality_of`` is asked directly on the
   parsed sentence at the trigger token (the function every coder calls).

The README counts a trigger with no record as wrong: ``strict`` is that figure; the main
accuracy takes the fallback's answer, and the report says how many rows needed it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from dyad.errors import InputError
from dyad.eval.report import (MAX_MISSES, Accuracy, accuracy, accuracy_table, by_group,
                              category, confusion, confusion_markdown, default_extractor,
                              extract_each, find_span, md_table, read_tsv)
from dyad.model import MODALITIES, Extraction
from dyad.nlp.parsed import ParsedDoc

COLUMNS = ["id", "sentence", "trigger", "modality", "note"]
METHODS = ("event", "stage", "relation", "fallback", "none")
STEM = 4  # letters a trigger and a stage name share ("sign" / "signed")


@dataclass(frozen=True)
class ModalityRow:
    row_id: str
    sentence: str
    trigger: str
    start: int
    end: int
    modality: str

    @property
    def category(self) -> str:
        return category(self.row_id)


@dataclass(frozen=True)
class ModalityResult:
    row: ModalityRow
    predicted: str | None
    method: str  # one of METHODS
    detail: str = ""  # which record or cue

    @property
    def ok(self) -> bool:
        return self.predicted == self.row.modality

    def to_dict(self) -> dict:
        return {"id": self.row.row_id, "trigger": self.row.trigger, "gold": self.row.modality,
                "dyad": self.predicted, "method": self.method, "detail": self.detail}


@dataclass(frozen=True)
class ModalityReport:
    n: int
    accuracy: Accuracy  # with the fallback's answers
    strict: Accuracy  # a trigger with no record is wrong (the README's rule)
    coverage: Accuracy  # rows with a covering record
    methods: dict[str, int]
    confusion: dict[str, dict[str, int]]
    per_value: dict[str, Accuracy]  # recall per gold modality
    per_category: dict[str, Accuracy]
    misses: list[ModalityResult]
    failures: int = 0
    results: list[ModalityResult] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict:
        return {"set": "modality", "n": self.n, "failures": self.failures,
                "accuracy": self.accuracy.to_dict(), "strict": self.strict.to_dict(),
                "coverage": self.coverage.to_dict(), "methods": self.methods,
                "confusion": self.confusion,
                "per_value": {k: v.to_dict() for k, v in self.per_value.items()},
                "per_category": {k: v.to_dict() for k, v in self.per_category.items()},
                "misses": [m.to_dict() for m in self.misses]}

    def to_markdown(self) -> str:
        return "\n".join([
            f"## Modality: {self.n} triggers", "", md_table(["measure", "value"], [
                ["accuracy (records, else modality_of on the parse)", self.accuracy.cell()],
                ["accuracy, strict (no record = wrong)", self.strict.cell()],
                ["coverage (a record covers the trigger)", self.coverage.cell()],
                ["answered by", ", ".join(f"{k} {v}" for k, v in self.methods.items())],
                ["documents with a failed stage", str(self.failures)]]), "",
            "### Confusion (rows gold, columns dyad)", "",
            confusion_markdown(self.confusion, MODALITIES), "",
            "### Recall per gold modality", "", accuracy_table("modality", self.per_value), "",
            "### Per category", "", accuracy_table("category", self.per_category), "",
            f"### Misses (first {len(self.misses)})", "",
            md_table(["id", "trigger", "gold", "dyad", "by"],
                     [[m.row.row_id, m.row.trigger, m.row.modality, m.predicted or "-",
                       f"{m.method} {m.detail}".strip()] for m in self.misses])]) + "\n"


def read_modality_gold(path: str | Path) -> list[ModalityRow]:
    rows = []
    for r in read_tsv(path, COLUMNS):
        span = find_span(r["sentence"], r["trigger"], whole_word=True)
        if span is None:
            raise InputError(f"{path}: row {r['id']}: trigger '{r['trigger']}' is not a whole "
                             "word of its sentence; fix the row (see bench/gold/validate.py)")
        rows.append(ModalityRow(row_id=r["id"], sentence=r["sentence"], trigger=r["trigger"],
                                start=span[0], end=span[1], modality=r["modality"]))
    return rows


def _covers(ev, doc_id: str, row: ModalityRow) -> bool:
    return ev.doc_id == doc_id and ev.start <= row.start and row.end <= ev.end


def from_records(row: ModalityRow, extraction: Extraction, doc_id: str) -> ModalityResult | None:
    """The modality of the record covering the trigger, by the module's order; None if none."""
    word = re.compile(rf"(?<!\w){re.escape(row.trigger.lower())}(?!\w)")
    for e in extraction.events:
        if _covers(e.evidence, doc_id, row) and e.trigger and word.search(e.trigger.lower()):
            return ModalityResult(row, e.modality, "event", f"{e.event_type} '{e.trigger}'")
    stages = [(a, s) for a in extraction.agreements for s in a.stages
              if _covers(s.evidence, doc_id, row)]
    stem = row.trigger.lower()[:STEM]
    stages.sort(key=lambda p: not p[1].stage.startswith(stem))  # stable: text order kept
    if stages:
        a, s = stages[0]
        return ModalityResult(row, s.modality, "stage", f"{s.stage} of '{a.name}'")
    for rel in extraction.relations:
        if any(_covers(ev, doc_id, row) for ev in rel.evidence):
            return ModalityResult(row, rel.modality, "relation", rel.relation_type)
    return None


def from_parse(row: ModalityRow, parsed: ParsedDoc) -> ModalityResult:
    """``modality_of`` at the trigger token of the parsed sentence."""
    from dyad.modality import modality_of

    token = next((t for t in parsed.tokens if t.start <= row.start < t.end), None)
    if token is None:
        return ModalityResult(row, None, "none", "trigger token not found in the parse")
    reading = modality_of(parsed, token)
    return ModalityResult(row, reading.modality, "fallback", f"cue '{reading.cue}'"
                          if reading.cue else "")


def summarise(results: list[ModalityResult], *, failures: int = 0) -> ModalityReport:
    methods = Counter(r.method for r in results)
    return ModalityReport(
        n=len(results), accuracy=accuracy(r.ok for r in results),
        strict=accuracy(r.ok and r.method != "fallback" for r in results),
        coverage=accuracy(r.method in {"event", "stage", "relation"} for r in results),
        methods={m: methods[m] for m in METHODS if methods[m]},
        confusion=confusion((r.row.modality, r.predicted or "none") for r in results),
        per_value=by_group((r.row.modality, r.ok) for r in results),
        per_category=by_group((r.row.category, r.ok) for r in results),
        misses=[r for r in results if not r.ok][:MAX_MISSES], failures=failures,
        results=results)


def evaluate_modality(path: str | Path, *, extractor=None, limit: int | None = None,
                      progress: Callable[[int], None] | None = None) -> ModalityReport:
    """Run the real pipeline over the gold sentences and score the trigger's modality.

    ``extractor`` defaults to ``dyad.pipeline.default_extractor()``; it needs
    ``extract_documents`` and, for the fallback, ``nlp.parse``.
    """
    from dyad.ingest import read_text

    extractor = default_extractor(extractor)
    rows = read_modality_gold(path)[:limit]
    docs = [read_text(row.sentence, doc_id=f"gold-{row.row_id}") for row in rows]
    results, failures = [], 0
    for row, (doc, extraction) in zip(rows, extract_each(extractor, docs, progress)):
        failures += bool(extraction.failures)
        result = from_records(row, extraction, doc.doc_id)
        if result is None:
            # no record covers the trigger: read the sentence itself, fully parsed
            result = from_parse(row, extractor.nlp.parse(doc.doc_id, doc.text, full=True))
        results.append(result)
    return summarise(results, failures=failures)
