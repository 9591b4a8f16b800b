"""Shared fixtures. The real spaCy model and resources load once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def extractor():
    """The real pipeline: pinned spaCy model, bundled dictionaries and gazetteer."""
    from dyad.pipeline import default_extractor

    return default_extractor()


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
