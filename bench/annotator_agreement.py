"""How far two annotators of the same texts agree, scored like dyad.

    .venv/bin/python bench/annotator_agreement.py GOLD SECOND [--json]

GOLD is an annotated set of ``bench/gold/agreements/``; SECOND is an annotation of the
same texts (same ids, same format) written by someone who did not see GOLD's. SECOND's
rows are turned into the records dyad would output and scored against GOLD with the
scorer of ``dyad eval agreements`` (``dyad.eval.agreements``), so the figures read as the
precision and recall a perfect reader of SECOND's conventions would get: a ceiling for the
issue's goals under its matching rules (an agreement matches by name or alias, or by its
party set and kind). Rows either side marks optional count as in the scorer.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dyad.eval.agreements import Tally, read_agreements_gold, report, score_text  # noqa: E402
from dyad.model import (ActorRef, Agreement, Evidence, Extraction, Quantity,  # noqa: E402
                        Relation, Renewal, Stage)

COUNTRIES = ROOT / "dyad" / "actors" / "data" / "countries.tsv"
NON_STATE = {"FARC", "TPLF", "TALIBAN", "M23", "SOMALILAND", "HAMAS", "HEZBOLLAH", "ELN",
             "HOUTHIS", "RSF", "SDF", "PKK", "POLISARIO", "PLO"}


def _states() -> set[str]:
    rows = [line.split("\t") for line in COUNTRIES.read_text("utf-8").splitlines()
            if line and not line.startswith("#")]
    return {r[0] for r in rows[1:]}


STATES = _states()


def ref(code: str, *, non_state: bool = False) -> ActorRef:
    """The dyad reference the scorer reads back as ``code`` (``ref_code``); ``non_state``
    for a code the annotation lists among ``non_state_parties``."""
    if code in STATES:
        return ActorRef(actor_id=code, name=code, country=code)
    if non_state or code in NON_STATE:
        return ActorRef(actor_id=f"group.{code.lower()}", name=code)
    return ActorRef(actor_id=f"IGO.{code}", name=code)


def records(row: dict, doc_id: str) -> Extraction:
    """One annotated text as the records dyad would write for it."""
    ev = Evidence(doc_id=doc_id, start=0, end=len(row["text"]), text=row["text"])
    agreements = []
    for i, a in enumerate(row.get("agreements") or []):
        stages = [Stage(stage=s["stage"], party=ref(s["party"]) if s.get("party") else None,
                        modality=s["modality"], date=s.get("date"), evidence=ev)
                  for s in a.get("stages") or []]
        value = a.get("value") or ({"amount": a["value_usd"], "currency": "USD"}
                                   if a.get("value_usd") is not None else None)
        agreements.append(Agreement(
            agreement_id=f"ag-{doc_id}-{i}", name=a["name"], kind=a.get("kind"),
            parties=[*(ref(p) for p in a.get("parties") or []),
                     *(ref(p, non_state=True) for p in a.get("non_state_parties") or [])],
            stages=stages, term_years=a.get("term_years"),
            renewal=Renewal(**a["renewal"]) if a.get("renewal") else None,
            provisions=a.get("provisions") or [],
            value=Quantity(value=float(value["amount"]), unit=value.get("currency") or "USD",
                           text=str(value["amount"])) if value else None,
            evidence=[ev]))
    relations = [Relation(relation_id=f"rel-{doc_id}-{i}", relation_type=r["relation_type"],
                          source=ref(r["source"]), target=ref(r["target"]) if r.get("target") else None,
                          attributes=r.get("attributes") or {}, modality=r["modality"], evidence=[ev])
                 for i, r in enumerate(row.get("relations") or [])]
    return Extraction(agreements=agreements, relations=relations)


def compare(gold_path: str | Path, second_path: str | Path):
    gold = {g.text_id: g for g in read_agreements_gold(gold_path)}
    second = {s.text_id: s for s in read_agreements_gold(second_path)}
    missing = sorted(set(gold) - set(second))
    if missing:
        raise SystemExit(f"{second_path}: no annotation for {', '.join(missing[:5])}; "
                         "fix: annotate every text of the gold file")
    tally = Tally()
    for text_id, item in gold.items():
        s = second[text_id]
        row = {"text": s.text, "agreements": s.agreements, "relations": s.relations}
        score_text(item, records(row, f"gold-{text_id}"), tally)
    return report(tally, texts=len(gold))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("second")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rep = compare(args.gold, args.second)
    print(json.dumps(rep.to_dict(), indent=1) if args.json else rep.to_markdown())


if __name__ == "__main__":
    main()
