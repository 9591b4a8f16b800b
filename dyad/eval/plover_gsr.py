"""Scoring dyad's event coder against the PLOVER gold standard records (GSR).

The GSR (openeventdata/PLOVER, CC BY-SA 4.0) holds 322 single sentences coded in PLOVER
0.5b1. Labels are mapped to PLOVER 0.8 (DEMAND -> REQUEST, FIGHT -> ASSAULT, DISAPPROVE
-> ACCUSE, INVESTIGATE -> ACCUSE) and CAMEO country codes to ISO 3166 alpha-3.

How a sentence is scored (docs/events.md):
- The *primary event* is dyad's first event of the sentence (the coder lists the
  root-most trigger first), together with the other records of that trigger (one per
  source/target pair). No event counts as the prediction ``NONE``.
- Event type: correct when the primary type equals the mapped gold type.
- Source: over sentences with a gold source; correct when one of the gold source keys is
  among the primary event's source keys. Target likewise over sentences with a gold target.
  A key is the ISO3 country; actors without a country are ``IGO`` (gold IGO, dyad
  ``IGO.*`` ids) or ``NONSTATE`` (gold NGO/IMG/ISM and the like, dyad's other actors).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from dyad.errors import InputError

GOLD_FILE = "PLOVER_GSR_CAMEO.json"
LABEL_MAP: Mapping[str, str] = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT",
                                "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
# CAMEO country codes that are not ISO 3166 alpha-3.
CAMEO_TO_ISO3: Mapping[str, str] = {"ITL": "ITA", "JAP": "JPN", "ROM": "ROU", "ZAR": "COD",
                                    "TMP": "TLS", "KOS": "XKX", "VTN": "VNM", "UK": "GBR",
                                    "SER": "SRB", "BOS": "BIH", "GER": "DEU", "BAN": "BGD"}
NONSTATE = "NONSTATE"
NONE = "NONE"


@dataclass(frozen=True)
class GsrItem:
    item_id: str
    text: str
    event_type: str  # PLOVER 0.8
    gold_label: str  # as in the file (0.5b1)
    sources: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True)
class GsrPrediction:
    event_type: str = NONE
    sources: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    resolved: frozenset[str] = frozenset()  # keys of every actor resolved in the sentence


@dataclass(frozen=True)
class TypeScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class GsrReport:
    n: int
    type_accuracy: float
    macro_f1: float
    source_accuracy: float
    source_n: int
    target_accuracy: float
    target_n: int
    per_type: Mapping[str, TypeScore]
    confusion: Mapping[str, Mapping[str, int]]  # gold type -> predicted type -> count
    actor_share: float = 0.0  # gold source/target codes found among the resolved actors
    actor_n: int = 0
    rows: tuple[tuple[GsrItem, GsrPrediction], ...] = field(default=(), repr=False)

    def to_dict(self) -> dict:
        return {"n": self.n, "type_accuracy": self.type_accuracy, "macro_f1": self.macro_f1,
                "source_accuracy": self.source_accuracy, "source_n": self.source_n,
                "target_accuracy": self.target_accuracy, "target_n": self.target_n,
                "actor_share": self.actor_share, "actor_n": self.actor_n,
                "per_type": {k: {"precision": v.precision, "recall": v.recall, "f1": v.f1,
                                 "support": v.support} for k, v in self.per_type.items()},
                "confusion": {g: dict(p) for g, p in self.confusion.items()}}

    def to_markdown(self) -> str:
        lines = [f"PLOVER GSR: {self.n} sentences", "",
                 "| measure | value | n |", "|---|---|---|",
                 f"| event-type accuracy (primary event) | {self.type_accuracy:.1%} | {self.n} |",
                 f"| macro-F1 over types | {self.macro_f1:.3f} | {len(self.per_type)} types |",
                 f"| source accuracy | {self.source_accuracy:.1%} | {self.source_n} |",
                 f"| target accuracy | {self.target_accuracy:.1%} | {self.target_n} |",
                 f"| gold actor codes among the sentence's resolved actors | "
                 f"{self.actor_share:.1%} | {self.actor_n} |",
                 "", "| type | precision | recall | F1 | gold |", "|---|---|---|---|---|"]
        for name, s in sorted(self.per_type.items()):
            lines.append(f"| {name} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} "
                         f"| {s.support} |")
        predicted = sorted({p for row in self.confusion.values() for p in row})
        lines += ["", "Confusion (rows gold, columns dyad):", "",
                  "| gold \\ dyad | " + " | ".join(predicted) + " |",
                  "|---|" + "---|" * len(predicted)]
        for gold in sorted(self.confusion):
            row = self.confusion[gold]
            lines.append(f"| {gold} | " + " | ".join(str(row.get(p, "")) for p in predicted) + " |")
        return "\n".join(lines) + "\n"


def read_gsr(path: str | Path) -> list[GsrItem]:
    """The gold records of a GSR file (or of the directory holding ``PLOVER_GSR_CAMEO.json``)."""
    path = Path(path)
    if path.is_dir():
        path = path / GOLD_FILE
    try:
        records = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the PLOVER GSR file '{path}' ({exc.__class__.__name__}: "
                         f"{exc}); fix: pass the path of {GOLD_FILE} or its directory") from exc
    if not isinstance(records, list):
        raise InputError(f"'{path}' is not a PLOVER GSR file (expected a JSON list of "
                         "records); fix: pass the path of " + GOLD_FILE)
    items = []
    for r in records:
        label = str(r.get("event", ""))
        if label == "DOCUMENT" or not r.get("text"):
            continue
        items.append(GsrItem(item_id=str(r.get("id", len(items))), text=r["text"],
                             event_type=LABEL_MAP.get(label, label), gold_label=label,
                             sources=_gold_keys(r.get("source")),
                             targets=_gold_keys(r.get("target"))))
    return items


def _gold_keys(actors: object) -> tuple[str, ...]:
    if not isinstance(actors, list):
        return ()
    keys = []
    for a in actors:
        code = str(a.get("code", "")).upper() if isinstance(a, dict) else ""
        if not code:
            continue
        key = "IGO" if code == "IGO" else CAMEO_TO_ISO3.get(code, code)
        keys.append(key if len(key) == 3 and key not in {"NGO", "IMG", "ISM"} or key == "IGO"
                    else NONSTATE)
    return tuple(dict.fromkeys(keys))


def actor_key(ref, actors: Mapping[str, object] | None = None) -> str:
    """The comparison key of a dyad ``ActorRef``. ``actors`` (id -> ``Actor``, from
    ``Extraction.actors``) supplies what a ref does not carry: the IGO a person without a
    country acts for (``Actor.affiliation``, "IGO.UN") makes the key ``IGO``."""
    if ref.country:
        return ref.country
    if ref.actor_id.upper().startswith("IGO"):
        return "IGO"
    actor = (actors or {}).get(ref.actor_id)
    affiliation = getattr(actor, "affiliation", None) or ""
    return "IGO" if affiliation.upper().startswith("IGO.") else NONSTATE


def primary_prediction(events: Sequence,
                       actors: Mapping[str, object] | None = None) -> GsrPrediction:
    """The sentence's primary event: the first event and the other records of its trigger."""
    if not events:
        return GsrPrediction()
    first = events[0]
    group = [e for e in events if e.event_type == first.event_type
             and e.trigger == first.trigger and e.evidence.start == first.evidence.start]
    return GsrPrediction(
        event_type=first.event_type,
        sources=frozenset(actor_key(e.source, actors) for e in group if e.source is not None),
        targets=frozenset(actor_key(e.target, actors) for e in group if e.target is not None))


def score_gsr(rows: Iterable[tuple[GsrItem, GsrPrediction]]) -> GsrReport:
    """Scores from (gold, prediction) pairs; a pure function."""
    rows = tuple(rows)
    n = len(rows)
    correct = sum(p.event_type == g.event_type for g, p in rows)
    with_source = [(g, p) for g, p in rows if g.sources]
    with_target = [(g, p) for g, p in rows if g.targets]
    source_ok = sum(bool(set(g.sources) & p.sources) for g, p in with_source)
    target_ok = sum(bool(set(g.targets) & p.targets) for g, p in with_target)
    gold_actors = [(code, p) for g, p in rows for code in (*g.sources, *g.targets)]
    actors_found = sum(code in p.resolved for code, p in gold_actors)
    confusion: dict[str, Counter] = defaultdict(Counter)
    for g, p in rows:
        confusion[g.event_type][p.event_type] += 1
    per_type = {}
    for name in sorted({g.event_type for g, _ in rows}):
        tp = sum(g.event_type == name == p.event_type for g, p in rows)
        predicted = sum(p.event_type == name for _, p in rows)
        support = sum(g.event_type == name for g, _ in rows)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_type[name] = TypeScore(precision, recall, f1, support)
    macro = sum(s.f1 for s in per_type.values()) / len(per_type) if per_type else 0.0
    return GsrReport(
        n=n, type_accuracy=correct / n if n else 0.0, macro_f1=macro,
        source_accuracy=source_ok / len(with_source) if with_source else 0.0,
        source_n=len(with_source),
        target_accuracy=target_ok / len(with_target) if with_target else 0.0,
        target_n=len(with_target), per_type=per_type,
        confusion={k: dict(v) for k, v in confusion.items()},
        actor_share=actors_found / len(gold_actors) if gold_actors else 0.0,
        actor_n=len(gold_actors), rows=rows)


def evaluate_gsr(path: str | Path, *, extractor=None, limit: int | None = None) -> GsrReport:
    """Run the real pipeline over the GSR sentences (one document each) and score it.

    ``extractor`` defaults to ``dyad.pipeline.default_extractor()``.
    """
    from dyad.ingest import read_text

    if extractor is None:
        from dyad.pipeline import default_extractor

        extractor = default_extractor()
    items = read_gsr(path)[:limit]
    docs = [read_text(item.text, doc_id=item.item_id) for item in items]
    result = extractor.extract_documents(docs)
    by_doc: dict[str, list] = defaultdict(list)
    for event in result.events:
        by_doc[event.doc_id].append(event)
    actors = {a.actor_id: a for a in result.actors}
    resolved: dict[str, set[str]] = defaultdict(set)
    for a in result.actors:
        for m in a.mentions:
            resolved[m.doc_id].add(actor_key(a, actors))
    return score_gsr(
        (item, replace(primary_prediction(by_doc.get(item.item_id, []), actors),
                       resolved=frozenset(resolved.get(item.item_id, ()))))
        for item in items)
