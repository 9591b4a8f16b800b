"""bench/stages.py: the stage clock and its table (the full run needs the spaCy model and is
a benchmark, not a test)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "stages.py"


@pytest.fixture(scope="module")
def stages():
    spec = importlib.util.spec_from_file_location("bench_stages", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_clock_adds_up_calls_and_keeps_results(stages):
    clock = stages.StageClock()
    double = clock.wrap("actors", lambda x: 2 * x)
    assert [double(1), double(2)] == [2, 4]
    assert clock.calls["actors"] == 2 and clock.seconds["actors"] >= 0.0
    assert list(clock.wrap_iter("parse", lambda: iter([1, 2]))()) == [1, 2]


def test_the_clock_counts_a_call_that_raises(stages):
    clock = stages.StageClock()
    with pytest.raises(ValueError):
        clock.wrap("dates", lambda: int("x"))()
    assert clock.calls["dates"] == 1


def test_the_table_has_every_stage_and_the_rest(stages):
    clock = stages.StageClock()
    clock.seconds.update(parse=6.0, actors=1.0, merge=1.0)
    clock.cpu.update(parse=4.0, actors=1.0)
    text = stages.table(clock, 10.0, 8.0, 5, "python bench/stages.py --docs 5", "synthetic", 3)
    assert "`python bench/stages.py --docs 5`" in text
    assert "| **actors** | 1.000 | **10.0%** | 1.000 | **12.5%** |" in text
    assert "| other | 2.000 | 20.0% | 3.000 | 37.5% |" in text
    assert all(f"| {s} |" in text or f"| **{s}** |" in text for s in stages.STAGES)
