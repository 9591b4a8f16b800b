"""Shared fixtures. The real spaCy model and resources load once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def full_extractor():
    """The real pipeline: pinned spaCy model, bundled dictionaries and gazetteer."""
    from dyad.pipeline import default_extractor

    return default_extractor()


@pytest.fixture(scope="session")
def extractor(full_extractor):
    """The real pipeline (a module may override this name; ``full_extractor`` stays it)."""
    return full_extractor


@pytest.fixture(scope="session")
def rules_extractor(full_extractor):
    """The real pipeline with the relation rules alone (``dyad.relations.rules.code_v1``).

    The relation rules' sentence tests check what the rules read, sentence by sentence; the
    learned reader that the default coder (``code_v2``) adds is a statistical component:
    ``test_relations_learned.py`` tests it and ``bench/train_relations.py`` measures it."""
    from dyad.relations.rules import code_v1

    return full_extractor.with_coder("relations", code_v1)


@pytest.fixture(scope="session")
def rules_only(rules_extractor):
    """The name the relation rule tests give ``rules_extractor``."""
    return rules_extractor


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
