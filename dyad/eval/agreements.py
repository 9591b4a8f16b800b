"""Scoring dyad's agreements, stages and relations against ``bench/gold/agreements/``.

Each text goes through the real pipeline on its own, dated with its ``date``. Matching
follows the README's rules:

1. Agreements: same party set (``parties``: states and IGOs, order-free) and same kind, or
   a name equal to the gold name or an alias (case-insensitive, "the" dropped); one-to-one,
   best first (both rules, then either; ties by shared stages).
2. Stages: ``(stage, party, modality)``. A gold stage with ``party: null`` takes the
   predicted stages with the same stage and modality and no party or a party of the
   agreement, counted once. ``stages`` counts the stages of missed agreements as misses and
   those of spurious agreements as false positives; ``stages_in_matched`` only looks inside
   matched pairs (the README's narrower reading). Dates are scored on matched stages at the
   gold's precision.
3. Terms (term_years, renewal, provisions, value) on matched agreements where the gold
   gives them.
4. Relations: ``(type, source, target)``, order-free for symmetric types, ``(type, source)``
   for mediation; modality and attributes are scored on matched relations (a mediation's
   ``between`` is the union of the sides dyad names as targets or in ``between``).
5. A gold item whose note calls it optional is neither a miss nor, when found, a hit.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from dyad.errors import InputError
from dyad.eval.report import (MAX_MISSES, PRF, PRF_HEADERS, Accuracy, accuracy,
                              default_extractor, extract_each, is_optional, md_table,
                              is_state_or_igo, ref_code)
from dyad.model import STAGES, Agreement, Extraction, Relation

GOLD_FILE = Path("agreements") / "texts.jsonl"
SYMMETRIC = frozenset({"alliance", "trade", "armed_conflict", "diplomatic_relations"})
NUMBER_TOLERANCE = 0.01  # relative: "$5 billion" read as 4.99e9 is still right


# -- gold ------------------------------------------------------------------------------
@dataclass(frozen=True)
class GoldText:
    text_id: str
    date: str | None
    text: str
    agreements: list[dict]
    relations: list[dict]


def read_agreements_gold(path: str | Path) -> list[GoldText]:
    """The gold texts (``texts.jsonl``, or the folder holding it)."""
    path = Path(path)
    if path.is_dir():
        path = path / GOLD_FILE.name
    try:
        lines = path.read_text("utf-8").splitlines()
        items = [json.loads(line) for line in lines if line.strip()]
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the agreements gold file '{path}' "
                         f"({exc.__class__.__name__}: {exc}); fix: pass bench/gold/agreements/"
                         "texts.jsonl or its folder") from exc
    return [GoldText(text_id=o["id"], date=o.get("date"), text=o["text"],
                     agreements=o.get("agreements", []), relations=o.get("relations", []))
            for o in items]


def normalise_name(name: str) -> str:
    """The key an agreement's name is matched by: case and articles do not count. Gold
    aliases are written as the text has them ("a special agreement", "the accord") and
    dyad names a generic agreement by its words without the article ("special agreement");
    "the" anywhere and a leading "a" or "an" are dropped (until session 11 only "the" was,
    so a mention introduced with "a" could not match by name)."""
    low = re.sub(r"^\s*an?\s+", " ", name.lower())
    return " ".join(re.sub(r"\bthe\b", " ", low).split())


# -- predicted, as gold-style keys ---------------------------------------------------------
def stage_keys(agreement: Agreement) -> dict[tuple, list[str]]:
    """(stage, party code or None, modality) -> dates, one key per distinct stage."""
    keys: dict[tuple, list[str]] = {}
    for s in agreement.stages:
        key = (s.stage, ref_code(s.party) if s.party else None, s.modality)
        keys.setdefault(key, [])
        if s.date:
            keys[key].append(s.date)
    return keys


def relation_key(rtype: str, source: str | None, target: str | None) -> tuple:
    if rtype == "mediation":
        return (rtype, source)
    if rtype in SYMMETRIC:
        return (rtype, frozenset({source, target}))
    return (rtype, source, target)


def predicted_relation_key(rel: Relation) -> tuple:
    return relation_key(rel.relation_type, ref_code(rel.source),
                        ref_code(rel.target) if rel.target else None)


def date_matches(gold: str, predicted: list[str]) -> bool:
    """Exact at the gold's precision: '2011-02' is matched by '2011-02' or '2011-02-01'."""
    return any(p[:len(gold)] == gold for p in predicted)


def _fold(text: str) -> str:
    """Case, diacritics and a leading "the" do not count: "Ţarţūs" is "Tartus"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text)
                    if not unicodedata.combining(c))
    return normalise_name(plain)


def _plain(value: Any) -> Any:
    """A place dyad stores as a LocationRef compares by its name."""
    if isinstance(value, dict):
        return value.get("name") or value.get("location_id")
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def values_match(gold: Any, got: Any) -> bool:
    if isinstance(gold, str) and isinstance(got, dict):
        # a place: its gazetteer name or the words the text used for it
        return any(isinstance(got.get(k), str) and _fold(got[k]) == _fold(gold)
                   for k in ("name", "text"))
    got = _plain(got)
    if isinstance(gold, bool) or gold is None:
        return gold == got
    if isinstance(gold, (int, float)):
        return isinstance(got, (int, float)) and math.isclose(gold, got, rel_tol=NUMBER_TOLERANCE)
    if isinstance(gold, list):
        return isinstance(got, (list, tuple)) and {str(x).lower() for x in gold} == \
            {str(x).lower() for x in got}
    return isinstance(got, str) and gold.lower() == got.lower()


# -- the tally -------------------------------------------------------------------------
@dataclass
class Tally:
    """Counts gathered over all texts; ``report`` freezes them."""

    agreements: PRF = PRF(0, 0, 0)
    stages: PRF = PRF(0, 0, 0)
    stages_in_matched: PRF = PRF(0, 0, 0)
    relations: PRF = PRF(0, 0, 0)
    per_stage: dict[str, PRF] = field(default_factory=dict)
    per_relation: dict[str, PRF] = field(default_factory=dict)
    flags: dict[str, list[bool]] = field(default_factory=dict)
    misses: list[dict] = field(default_factory=list)

    def add(self, table: dict[str, PRF], name: str, tp=0, fp=0, fn=0) -> None:
        table[name] = table.get(name, PRF(0, 0, 0)) + PRF(tp, fp, fn)

    def flag(self, name: str, ok: bool) -> None:
        self.flags.setdefault(name, []).append(ok)

    def miss(self, text_id: str, record: str, what: str, detail: str) -> None:
        self.misses.append({"id": text_id, "record": record, "what": what, "detail": detail})


def _parties(gold: dict) -> frozenset[str]:
    return frozenset(gold.get("parties") or [])


def _agreement_link(gold: dict, pred: Agreement) -> tuple[int, int] | None:
    names = {normalise_name(n) for n in [gold["name"], *(gold.get("aliases") or [])]}
    by_name = normalise_name(pred.name) in names
    pred_parties = frozenset(ref_code(p) for p in pred.parties if is_state_or_igo(p))
    by_parties = pred_parties == _parties(gold) and pred.kind == gold.get("kind")
    if not (by_name or by_parties):
        return None
    gold_stages = {(s["stage"], s.get("party"), s["modality"]) for s in gold.get("stages", [])}
    return by_name + by_parties, len(gold_stages & set(stage_keys(pred)))


def match_agreements(gold: list[dict], pred: list[Agreement]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, best link first."""
    links = sorted(((link, g, p) for g, ga in enumerate(gold) for p, pa in enumerate(pred)
                    if (link := _agreement_link(ga, pa)) is not None), reverse=True)
    pairs, used_g, used_p = [], set(), set()
    for _link, g, p in links:
        if g not in used_g and p not in used_p:
            pairs.append((g, p))
            used_g.add(g)
            used_p.add(p)
    return sorted(pairs)


def score_stages(text_id: str, gold: dict, pred: Agreement, tally: Tally) -> PRF:
    """Stages of one matched pair; adds per-stage counts and date flags to ``tally``."""
    keys = stage_keys(pred)
    unused = set(keys)
    members = _parties(gold) | frozenset(gold.get("non_state_parties") or [])
    tp = fp = fn = 0
    # gold stages with a party first, so a joint (null) stage cannot take their match
    for s in sorted(gold.get("stages", []), key=lambda s: s.get("party") is None):
        party, optional = s.get("party"), is_optional(s.get("note"))
        if party is not None:
            taken = [k for k in unused if k == (s["stage"], party, s["modality"])]
        else:
            taken = [k for k in unused if k[0] == s["stage"] and k[2] == s["modality"]
                     and (k[1] is None or k[1] in members)]
        unused -= set(taken)
        if optional:
            continue
        if taken:
            tp += 1
            tally.add(tally.per_stage, s["stage"], tp=1)
            if s.get("date"):
                tally.flag("stage_dates",
                           date_matches(s["date"], [d for k in taken for d in keys[k]]))
        else:
            fn += 1
            tally.add(tally.per_stage, s["stage"], fn=1)
            tally.miss(text_id, "stage", "missed",
                       f"{gold['name']}: {s['stage']} {party or '(joint)'} {s['modality']}")
    for k in sorted(unused, key=str):
        fp += 1
        tally.add(tally.per_stage, k[0], fp=1)
        tally.miss(text_id, "stage", "false positive", f"{pred.name}: {k[0]} {k[1] or '-'} {k[2]}")
    return PRF(tp, fp, fn)


def score_terms(gold: dict, pred: Agreement, tally: Tally) -> None:
    if gold.get("term_years") is not None:
        tally.flag("term_years", values_match(float(gold["term_years"]), pred.term_years))
    if gold.get("renewal"):
        got = pred.renewal.model_dump() if pred.renewal else {}
        tally.flag("renewal", all(values_match(v, got.get(k))
                                  for k, v in gold["renewal"].items() if v is not None))
    if gold.get("provisions"):
        tally.flag("provisions", set(gold["provisions"]) == set(pred.provisions))
    value = gold.get("value") or ({"amount": gold["value_usd"], "currency": "USD"}
                                  if gold.get("value_usd") is not None else None)
    if value:
        got = pred.value
        tally.flag("value", got is not None and values_match(float(value["amount"]), got.value)
                   and got.unit == value.get("currency"))


def score_text(item: GoldText, extraction: Extraction, tally: Tally) -> None:
    """Add one text's agreements, stages, terms and relations to ``tally``."""
    preds = list(extraction.agreements)
    pairs = match_agreements(item.agreements, preds)
    matched_g, matched_p = dict(pairs), {p: g for g, p in pairs}
    for g, gold in enumerate(item.agreements):
        optional = is_optional(gold.get("note"))
        if g in matched_g:
            pred = preds[matched_g[g]]
            if optional:
                continue
            tally.agreements += PRF(1, 0, 0)
            prf = score_stages(item.text_id, gold, pred, tally)
            tally.stages += prf
            tally.stages_in_matched += prf
            score_terms(gold, pred, tally)
        elif not optional:
            tally.agreements += PRF(0, 0, 1)
            tally.miss(item.text_id, "agreement", "missed", gold["name"])
            for s in gold.get("stages", []):
                if not is_optional(s.get("note")):
                    tally.stages += PRF(0, 0, 1)
                    tally.add(tally.per_stage, s["stage"], fn=1)
    for p, pred in enumerate(preds):
        if p in matched_p:
            continue
        tally.agreements += PRF(0, 1, 0)
        tally.miss(item.text_id, "agreement", "false positive",
                   f"{pred.name} ({pred.kind}; {', '.join(ref_code(x) for x in pred.parties)})")
        for k in stage_keys(pred):
            tally.stages += PRF(0, 1, 0)
            tally.add(tally.per_stage, k[0], fp=1)
    score_relations(item, extraction.relations, tally)


def score_relations(item: GoldText, relations: list[Relation], tally: Tally) -> None:
    predicted: dict[tuple, Relation] = {}
    between: dict[tuple, set[str]] = {}  # mediation: dyad writes one record per side
    for rel in relations:
        key = predicted_relation_key(rel)
        predicted.setdefault(key, rel)
        if rel.relation_type == "mediation":
            sides = between.setdefault(key, set(rel.attributes.get("between") or []))
            sides.update([ref_code(rel.target)] if rel.target else [])
    for gold in item.relations:
        key = relation_key(gold["relation_type"], gold.get("source"), gold.get("target"))
        rel = predicted.pop(key, None)
        rtype = gold["relation_type"]
        if is_optional(gold.get("note")):
            continue
        if rel is None:
            tally.relations += PRF(0, 0, 1)
            tally.add(tally.per_relation, rtype, fn=1)
            tally.miss(item.text_id, "relation", "missed",
                       f"{rtype} {gold.get('source')} -> {gold.get('target')} {gold['modality']}")
            continue
        tally.relations += PRF(1, 0, 0)
        tally.add(tally.per_relation, rtype, tp=1)
        tally.flag("relation_modality", rel.modality == gold["modality"])
        for name, value in (gold.get("attributes") or {}).items():
            got = sorted(between[key]) if name == "between" and key in between \
                else rel.attributes.get(name)
            tally.flag("relation_attributes", values_match(value, got))
    for key, rel in predicted.items():
        tally.relations += PRF(0, 1, 0)
        tally.add(tally.per_relation, rel.relation_type, fp=1)
        tally.miss(item.text_id, "relation", "false positive",
                   f"{rel.relation_type} {ref_code(rel.source)} -> "
                   f"{ref_code(rel.target) if rel.target else None} {rel.modality}")


# -- the report --------------------------------------------------------------------------
@dataclass(frozen=True)
class AgreementsReport:
    texts: int
    agreements: PRF
    stages: PRF
    stages_in_matched: PRF
    relations: PRF
    per_stage: dict[str, PRF]
    per_relation: dict[str, PRF]
    details: dict[str, Accuracy]  # stage dates, terms, relation modality and attributes
    misses: list[dict]
    n_misses: int
    failures: int = 0

    def to_dict(self) -> dict:
        return {"set": "agreements", "texts": self.texts, "failures": self.failures,
                "agreements": self.agreements.to_dict(), "stages": self.stages.to_dict(),
                "stages_in_matched": self.stages_in_matched.to_dict(),
                "relations": self.relations.to_dict(),
                "per_stage": {k: v.to_dict() for k, v in self.per_stage.items()},
                "per_relation": {k: v.to_dict() for k, v in self.per_relation.items()},
                "details": {k: v.to_dict() for k, v in self.details.items()},
                "misses": self.misses, "n_misses": self.n_misses}

    def to_markdown(self) -> str:
        kinds = [["agreements", *self.agreements.cells()], ["stages", *self.stages.cells()],
                 ["stages inside matched agreements", *self.stages_in_matched.cells()],
                 ["relations", *self.relations.cells()]]
        return "\n".join([
            f"## Agreements and relations: {self.texts} texts", "",
            md_table(["records", *PRF_HEADERS], kinds), "",
            md_table(["on matched records", "accuracy"],
                     [[k, v.cell()] for k, v in self.details.items()]),
            "", f"Documents with a failed stage: {self.failures}", "",
            "### Per stage", "",
            md_table(["stage", *PRF_HEADERS], [[k, *v.cells()] for k, v in self.per_stage.items()]),
            "", "### Per relation type", "",
            md_table(["type", *PRF_HEADERS],
                     [[k, *v.cells()] for k, v in self.per_relation.items()]),
            *self._misses_markdown(),
        ]) + "\n"

    def _misses_markdown(self) -> list[str]:
        if self.n_misses and not self.misses:  # left out on purpose: a held-out set
            return ["", f"{self.n_misses} misses and false positives, not listed."]
        return ["", f"### Misses and false positives (first {len(self.misses)} of {self.n_misses})",
                "", md_table(["id", "record", "what", "detail"],
                             [[m["id"], m["record"], m["what"], m["detail"]] for m in self.misses])]


DETAILS = ("stage_dates", "term_years", "renewal", "provisions", "value", "relation_modality",
           "relation_attributes")


def report(tally: Tally, *, texts: int, failures: int = 0) -> AgreementsReport:
    order = {name: i for i, name in enumerate(STAGES)}
    return AgreementsReport(
        texts=texts, agreements=tally.agreements, stages=tally.stages,
        stages_in_matched=tally.stages_in_matched, relations=tally.relations,
        per_stage=dict(sorted(tally.per_stage.items(), key=lambda kv: order.get(kv[0], 99))),
        per_relation=dict(sorted(tally.per_relation.items())),
        details={k: accuracy(tally.flags.get(k, [])) for k in DETAILS},
        misses=tally.misses[:MAX_MISSES], n_misses=len(tally.misses), failures=failures)


def score_extractions(pairs: list[tuple[GoldText, Extraction]]) -> AgreementsReport:
    """A pure function from (gold text, its extraction) pairs to the report."""
    tally = Tally()
    for item, extraction in pairs:
        score_text(item, extraction, tally)
    return report(tally, texts=len(pairs),
                  failures=sum(bool(x.failures) for _, x in pairs))


def evaluate_agreements(path: str | Path, *, extractor=None, limit: int | None = None,
                        progress: Callable[[int], None] | None = None) -> AgreementsReport:
    """Run the real pipeline over each gold text and score agreements and relations."""
    from dyad.ingest import read_text

    items = read_agreements_gold(path)[:limit]
    docs = [read_text(item.text, doc_id=f"gold-{item.text_id}", date=item.date)
            for item in items]
    runs = extract_each(default_extractor(extractor), docs, progress)
    return score_extractions([(item, x) for item, (_doc, x) in zip(items, runs)])
