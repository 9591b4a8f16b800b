"""Check the gold sets in this folder: columns, vocabularies, exact substrings, coverage.

Run: .venv/bin/python bench/gold/validate.py   (exit 1 and one line per problem on failure)
It only checks that the files are well formed and cover what README.md promises; it does
not score any coder.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pycountry

from dyad.model import MODALITIES, RELATION_TYPES, STAGES

HERE = Path(__file__).resolve().parent

SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR",
           "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL",
           "SOC", "IGO", "NGO"}
KINDS = {"state", "organisation", "igo", "person", "group", "place"}
# Codes that are not ISO 3166-1 alpha-3 but are allowed where a country code goes.
EXTRA_COUNTRIES = {"XKX"}
IGOS = {"NATO", "EU", "UN", "AU", "ASEAN", "OSCE", "CSTO", "ECOWAS", "IAEA", "WB", "IMF", "WHO",
        "WTO", "SCO", "GCC", "LAS", "MERCOSUR", "CPTPP", "RCEP", "BRICS"}
NON_STATE = {"FARC", "TPLF", "TALIBAN", "M23", "SOMALILAND"}
KINDS_OF_AGREEMENT = {"treaty", "arms_control", "trade", "ceasefire", "peace", "arms_deal",
                      "defence", "basing", "framework", "memorandum", "energy", "accession",
                      "normalisation", "investment", "boundary"}
PROVISIONS = {"mutual_defense", "joint_exercises", "military_training",
              "military_technical_cooperation", "trade_preferences", "basing_access",
              "intelligence_sharing", "peacekeeping", "disarmament", "troop_withdrawal",
              "sea_access"}
DATE_RE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}-W\d{2}|--\d{2}(-\d{2})?)$")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

problems: list[str] = []


def bad(where: str, msg: str) -> None:
    problems.append(f"{where}: {msg}")


def is_country(code: str) -> bool:
    return code in EXTRA_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None


def read_tsv(name: str, columns: list[str]) -> list[dict[str, str]]:
    path = HERE / name
    with path.open(encoding="utf-8", newline="") as fh:
        lines = fh.read().splitlines()
    header = lines[0].split("\t")
    if header != columns:
        bad(name, f"header {header} != {columns}")
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(columns):
            bad(f"{name}:{n}", f"{len(cells)} columns, expected {len(columns)}")
            continue
        rows.append(dict(zip(columns, cells)))
    ids = Counter(r["id"] for r in rows)
    for i, c in ids.items():
        if c > 1:
            bad(name, f"duplicate id {i}")
    return rows


def tags(note: str) -> dict[str, str]:
    return dict(m.groups() for m in re.finditer(r"\b(occurrence|alt_sector|alt_country|org)=(\w+)", note))


def occurs(text: str, needle: str, n: int = 1, *, word: bool = False) -> bool:
    pattern = re.escape(needle)
    if word:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return len(re.findall(pattern, text)) >= n


def check_actors() -> Counter:
    rows = read_tsv("actors.tsv", ["id", "sentence", "mention", "country", "sector", "kind", "date", "note"])
    for r in rows:
        w = f"actors.tsv {r['id']}"
        t = tags(r["note"])
        if not occurs(r["sentence"], r["mention"], int(t.get("occurrence", 1))):
            bad(w, f"mention {r['mention']!r} not found (occurrence {t.get('occurrence', 1)})")
        if r["country"] and not is_country(r["country"]):
            bad(w, f"unknown country {r['country']}")
        for key in ("sector", "alt_sector"):
            value = r["sector"] if key == "sector" else t.get(key, "")
            if value and value not in SECTORS:
                bad(w, f"unknown {key} {value}")
        if r["kind"] not in KINDS:
            bad(w, f"unknown kind {r['kind']}")
        if r["kind"] == "place" and r["sector"]:
            bad(w, "a place has no sector")
        if r["kind"] != "place" and not (r["country"] or r["sector"]):
            bad(w, "an actor needs a country or a sector")
        if r["sector"] == "IGO" and (r["country"] or "org" not in t):
            bad(w, "an IGO row has an empty country and an org= tag")
        if r["kind"] == "igo" and r["sector"] != "IGO":
            bad(w, "kind igo needs sector IGO")
        if r["date"] and not ISO_DAY.match(r["date"]):
            bad(w, f"date {r['date']} is not YYYY-MM-DD")
        if r["kind"] == "person" and r["id"].rsplit("-", 1)[0] in {"title", "office", "surname"} \
                and not r["date"]:
            bad(w, "a named office holder needs the document date")
    return Counter(r["id"].rsplit("-", 1)[0] for r in rows) + Counter(
        f"kind:{r['kind']}" for r in rows)


def check_modality() -> Counter:
    rows = read_tsv("modality.tsv", ["id", "sentence", "trigger", "modality", "note"])
    for r in rows:
        w = f"modality.tsv {r['id']}"
        if not occurs(r["sentence"], r["trigger"], word=True):
            bad(w, f"trigger {r['trigger']!r} is not a word of the sentence")
        if r["modality"] not in MODALITIES:
            bad(w, f"unknown modality {r['modality']}")
    counts = Counter(r["modality"] for r in rows)
    for m in MODALITIES:
        if counts[m] < 20:
            bad("modality.tsv", f"only {counts[m]} rows for {m}")
    return counts


def check_dates() -> Counter:
    rows = read_tsv("dates.tsv", ["id", "text", "date_text", "published", "dateline_date",
                                  "expected", "kind", "note"])
    for r in rows:
        w = f"dates.tsv {r['id']}"
        if r["date_text"] not in r["text"]:
            bad(w, f"date_text {r['date_text']!r} not in text")
        if r["published"] and not ISO_DAY.match(r["published"]):
            bad(w, "published is not YYYY-MM-DD")
        if not DATE_RE.match(r["expected"]):
            bad(w, f"expected {r['expected']!r} is not an allowed form")
        if r["kind"] not in {"point", "deadline"}:
            bad(w, f"kind {r['kind']}")
        if not r["published"] and not r["expected"].startswith("--") and not re.search(r"\d{4}", r["date_text"]):
            bad(w, "no publication date and no year in the text: expected must be --MM-DD")
    return Counter(r["id"].rsplit("-", 1)[0] for r in rows) + Counter(f"kind:{r['kind']}" for r in rows)


def check_code(w: str, code: str | None, *, allow_none: bool) -> None:
    if code is None:
        if not allow_none:
            bad(w, "missing code")
    elif not (is_country(code) or code in IGOS or code in NON_STATE):
        bad(w, f"unknown party/actor code {code}")


OPTIONAL = "may treat this row as optional"

# Coverage each agreements file promises (README.md): the least number of rows per stage,
# relation type and modality, and the least totals.
DEV_COVERAGE = {"per_stage": 1, "per_relation": 1, "per_modality": 2}
DEV2_COVERAGE = {"per_stage": 3, "per_relation": 3, "per_modality": 3, "stages": 110,
                 "relations": 80, "with_provisions": 6, "with_term_years": 4,
                 "with_renewal": 1, "with_value": 3}
# dev3.jsonl was the first held-out set (session 4): it keeps the coverage it promised then.
DEV3_COVERAGE = {"per_stage": 2, "per_relation": 2, "per_modality": 2, "stages": 110,
                 "relations": 60, "with_provisions": 6, "with_term_years": 4,
                 "with_renewal": 3, "with_value": 3}
DEV4_COVERAGE = {"per_stage": 4, "per_relation": 3, "per_modality": 3, "stages": 120,
                 "relations": 70, "with_provisions": 6, "with_term_years": 4,
                 "with_renewal": 3, "with_value": 4}
HELDOUT_COVERAGE = {"per_stage": 2, "per_relation": 2, "per_modality": 2}


def check_agreements(name: str, coverage: dict[str, int]) -> Counter:
    """Check one agreements file (agreements/<name>) and its coverage; return its counts."""
    counts: Counter = Counter()
    path = HERE / "agreements" / name
    ids = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        doc = json.loads(line)
        w = f"{name}:{n} {doc.get('id')}"
        if doc["id"] in ids:
            bad(w, "duplicate id")
        ids.add(doc["id"])
        if not ISO_DAY.match(doc["date"]):
            bad(w, "date is not YYYY-MM-DD")
        sentences = len(re.findall(r"[.!?](\s|$)", doc["text"]))
        if not 2 <= sentences <= 6:
            bad(w, f"{sentences} sentences; 2-6 expected")
        counts["texts"] += 1
        for a in doc["agreements"]:
            counts["agreements"] += 1
            if OPTIONAL in (a.get("note") or ""):
                counts["optional_agreements"] += 1
            if a["kind"] not in KINDS_OF_AGREEMENT:
                bad(w, f"agreement kind {a['kind']}")
            for p in a["parties"]:
                check_code(w, p, allow_none=False)
            for p in a["provisions"]:
                if p not in PROVISIONS:
                    bad(w, f"provision {p}")
            counts["with_provisions"] += bool(a["provisions"])
            counts["with_term_years"] += a.get("term_years") is not None
            counts["with_renewal"] += a.get("renewal") is not None
            counts["with_value"] += a.get("value") is not None or a.get("value_usd") is not None
            for s in a["stages"]:
                counts["stages"] += 1
                counts[f"stage:{s['stage']}"] += 1
                counts[f"modality:{s['modality']}"] += 1
                if OPTIONAL in (s.get("note") or ""):
                    counts["optional_stages"] += 1
                if s["stage"] not in STAGES or s["modality"] not in MODALITIES:
                    bad(w, f"stage {s}")
                check_code(w, s["party"], allow_none=True)
                if s["date"] is not None and not DATE_RE.match(s["date"]):
                    bad(w, f"stage date {s['date']}")
        for r in doc["relations"]:
            counts["relations"] += 1
            counts[f"relation:{r['relation_type']}"] += 1
            counts[f"modality:{r['modality']}"] += 1
            if OPTIONAL in (r.get("note") or ""):
                counts["optional_relations"] += 1
            if r["relation_type"] not in RELATION_TYPES or r["modality"] not in MODALITIES:
                bad(w, f"relation {r}")
            check_code(w, r["source"], allow_none=False)
            check_code(w, r["target"], allow_none=r["relation_type"] == "mediation")
            if r["relation_type"] == "mediation" and not r["attributes"].get("between"):
                bad(w, "mediation without attributes.between")
            for c in r["attributes"].get("between", []):
                check_code(w, c, allow_none=False)
    for stage in STAGES:
        if counts[f"stage:{stage}"] < coverage["per_stage"]:
            bad(name, f"stage {stage}: {counts[f'stage:{stage}']} rows, "
                      f"{coverage['per_stage']} expected")
    for rel in RELATION_TYPES:
        if counts[f"relation:{rel}"] < coverage["per_relation"]:
            bad(name, f"relation {rel}: {counts[f'relation:{rel}']} rows, "
                      f"{coverage['per_relation']} expected")
    for mod in MODALITIES:
        if counts[f"modality:{mod}"] < coverage["per_modality"]:
            bad(name, f"modality {mod} used fewer than {coverage['per_modality']} times")
    for key in ("stages", "relations", "with_provisions", "with_term_years", "with_renewal",
                "with_value"):
        if key in coverage and counts[key] < coverage[key]:
            bad(name, f"{counts[key]} {key}, at least {coverage[key]} expected")
    return counts


def main() -> int:
    report = {"actors": check_actors(), "modality": check_modality(), "dates": check_dates(),
              "agreements": check_agreements("texts.jsonl", DEV_COVERAGE),
              "agreements_dev2": check_agreements("dev2.jsonl", DEV2_COVERAGE),
              "agreements_dev3": check_agreements("dev3.jsonl", DEV3_COVERAGE),
              "agreements_dev4": check_agreements("dev4.jsonl", DEV4_COVERAGE),
              "agreements_dev5": check_agreements("dev5.jsonl", DEV4_COVERAGE),
              "agreements_dev6": check_agreements("dev6.jsonl", DEV4_COVERAGE),
              "agreements_heldout": check_agreements("heldout.jsonl", HELDOUT_COVERAGE)}
    # the training sets of the learned relation reader (agreements/train/), dev4's coverage
    for path in sorted((HERE / "agreements" / "train").glob("train*.jsonl"),
                       key=lambda p: int(p.stem.removeprefix("train"))):
        report[f"agreements_{path.stem}"] = check_agreements(f"train/{path.name}", DEV4_COVERAGE)
    for name, counts in report.items():
        print(f"{name}: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    for p in problems:
        print("PROBLEM", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
