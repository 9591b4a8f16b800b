"""Documentation that is derived from code stays in step with it."""

from __future__ import annotations

import importlib.util
import json

import pytest

import dyad
from tests.conftest import ROOT


def _gen_docs():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_json_schema_file_is_current():
    gen = _gen_docs()
    on_disk = (ROOT / "docs" / "dyad-1.schema.json").read_text()
    assert on_disk == gen.schema_text(), "run: .venv/bin/python scripts/gen_docs.py"


def test_format_doc_lists_every_field():
    gen = _gen_docs()
    text = (ROOT / "docs" / "format.md").read_text()
    assert gen.field_tables() in text, "run: .venv/bin/python scripts/gen_docs.py"


def test_public_api_is_sorted_and_importable():
    assert dyad.__all__ == sorted(dyad.__all__)
    for name in dyad.__all__:
        assert getattr(dyad, name) is not None


def _commands():
    from dyad.cli import eval, extract, ingest, serve, status, store  # noqa: F401 - registers them
    from dyad.cli.main import cli

    return cli.commands


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_help_with_an_example(name):
    command = _commands()[name]
    assert command.help and "Example: dyad " in command.help
    readme = (ROOT / "README.md").read_text()
    documented = readme + "".join(p.read_text() for p in (ROOT / "docs").glob("*.md"))
    assert f"dyad {name}" in documented, f"document 'dyad {name}' in README.md or docs/"


def test_dyad1_required_top_level_fields():
    schema = json.loads((ROOT / "docs" / "dyad-1.schema.json").read_text())
    assert set(schema["properties"]) >= {"schema", "documents", "actors", "locations", "events",
                                         "agreements", "relations", "failures"}
