"""Regenerates what docs/ derives from the record types: the JSON Schema and the field
tables of docs/format.md (between the GENERATED markers). tests/test_docs.py fails when
they are stale.   Usage: .venv/bin/python scripts/gen_docs.py
"""

from __future__ import annotations

import json
from pathlib import Path

from dyad import model

DOCS = Path(__file__).resolve().parent.parent / "docs"
BEGIN, END = "<!-- GENERATED: fields -->", "<!-- END GENERATED -->"
RECORDS = [model.Document, model.Dateline, model.Actor, model.ActorRef, model.Mention,
           model.Location, model.LocationRef, model.Event, model.Quantity, model.Evidence,
           model.Agreement, model.Stage, model.Renewal, model.Relation, model.Failure,
           model.Conflict, model.ConflictValue]


def _type(annotation) -> str:
    text = str(annotation)
    for noise in ("typing.", "dyad.model.", "<class '", "'>"):
        text = text.replace(noise, "")
    return text.replace("|", "\\|")


def field_tables() -> str:
    out = []
    for cls in RECORDS:
        out += [f"### {cls.__name__}", "", (cls.__doc__ or "").strip(), "",
                "| field | type | meaning |", "|---|---|---|"]
        out += [f"| `{name}` | {_type(info.annotation)} | {info.description or ''} |"
                for name, info in cls.model_fields.items()]
        out.append("")
    return "\n".join(out)


def schema_text() -> str:
    return json.dumps(model.json_schema(), indent=2, sort_keys=True) + "\n"


def main() -> None:
    (DOCS / "dyad-1.schema.json").write_text(schema_text())
    fmt = DOCS / "format.md"
    text = fmt.read_text()
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    fmt.write_text(f"{head}{BEGIN}\n{field_tables()}{END}{tail}")


if __name__ == "__main__":
    main()
