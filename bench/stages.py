"""Stage timing: where dyad's end-to-end time goes, one row per pipeline stage.

Issue 3 asks that actor resolution add little time; this script measures the actor
stage's share of the whole. It runs the real ``Extractor`` (``dyad/pipeline.py``) over a
corpus and times each stage with ``time.perf_counter`` by wrapping, for the length of the
run only, the functions the pipeline calls for it:

| stage | what is timed |
|---|---|
| language | ``pipeline._with_language`` (language detection) |
| dateline | ``pipeline._with_dateline`` (dateline cut) |
| parse | ``NlpLayer.parse_many`` (sentence selection and the spaCy parse) |
| actors | ``resolve_actors`` + ``collect_actors`` |
| places | ``resolve_locations`` + ``locations_of`` |
| quantities | ``find_quantities`` |
| dates | ``find_dates`` |
| events, agreements, relations | the coders registered in ``pipeline.CODERS`` |
| merge | ``dyad.merge.merge_extraction`` (cross-document merge of the records) |
| other | the rest of the wall time: batching, record building, implied actors |

Nothing in the library is changed: the wrappers are installed with ``mock.patch`` and
removed afterwards. Loading the resources (spaCy model, dictionaries, gazetteer) is timed
apart, and a few documents are run untimed first so that lazy imports are not billed
to the first stage that triggers them.

    .venv/bin/python bench/stages.py --corpus synthetic --docs 200
    .venv/bin/python bench/stages.py --corpus examples --docs 100

Prints a Markdown table per corpus (stage, seconds, share of total), with the command
at the top, to paste into bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import contextlib
import platform
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("language", "dateline", "parse", "actors", "places", "quantities", "dates",
          "events", "agreements", "relations", "merge")
WARMUP_DOCS = 3


class StageClock:
    """Wall and CPU seconds spent per stage, accumulated over calls. CPU time (the
    process's own) is shown beside the wall clock because on a shared machine other
    processes stretch the wall time of whichever stage is running."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    def wrap(self, stage: str, fn: Callable) -> Callable:
        def timed(*args, **kwargs):
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - t0
                self.cpu[stage] += time.process_time() - c0
                self.calls[stage] += 1
        return timed

    def wrap_iter(self, stage: str, fn: Callable[..., Iterator]) -> Callable[..., Iterator]:
        """A generator function, consumed inside the clock (the pipeline lists it anyway)."""
        listed = self.wrap(stage, lambda *a, **k: list(fn(*a, **k)))
        return lambda *args, **kwargs: iter(listed(*args, **kwargs))


@contextlib.contextmanager
def timed_stages(extractor, clock: StageClock) -> Iterator[None]:
    """Install the stage wrappers on ``extractor`` and the modules it calls into."""
    import dyad.actors
    import dyad.geo
    import dyad.merge
    import dyad.pipeline
    import dyad.quantities
    import dyad.time

    targets = [
        (dyad.pipeline, "_with_language", "language"),
        (dyad.pipeline, "_with_dateline", "dateline"),
        (dyad.actors, "resolve_actors", "actors"),
        (dyad.actors, "collect_actors", "actors"),
        (dyad.geo, "resolve_locations", "places"),
        (dyad.geo, "locations_of", "places"),
        (dyad.quantities, "find_quantities", "quantities"),
        (dyad.time, "find_dates", "dates"),
        (dyad.merge, "merge_extraction", "merge"),
    ]
    coders = {name: clock.wrap(name, fn) for name, fn in extractor.coders.items()}
    with contextlib.ExitStack() as stack:
        for module, attr, stage in targets:
            stack.enter_context(mock.patch.object(
                module, attr, clock.wrap(stage, getattr(module, attr))))
        stack.enter_context(mock.patch.object(
            extractor.nlp, "parse_many", clock.wrap_iter("parse", extractor.nlp.parse_many)))
        stack.enter_context(mock.patch.dict(extractor.coders, coders))
        yield


def examples_corpus(n_docs: int) -> list:
    """The bundled examples (every file of examples/), repeated to ``n_docs`` documents."""
    from dyad.ingest import read_paths
    from dyad.model import Document

    base = [d for d in read_paths([str(ROOT / "examples")]) if isinstance(d, Document)]
    return [base[i % len(base)].model_copy(update={"doc_id": f"{base[i % len(base)].doc_id}-{i}"})
            for i in range(n_docs)]


def synthetic_corpus(n_docs: int, seed: int) -> list:
    """``n_docs`` articles from bench/gen_corpus.py (same seed, same corpus)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from gen_corpus import articles

    from dyad.ingest import read_text

    return [read_text(a["text"], doc_id=a["id"], title=a["title"], date=a["date"])
            for a in articles(n_docs, seed=seed)]


def run(extractor, docs: list) -> tuple[StageClock, float, float, int]:
    """Extract ``docs`` as ``Extractor.extract_documents`` does, with stage clocks on."""
    import dyad.pipeline

    extractor.extract_documents(docs[:WARMUP_DOCS])  # untimed: lazy imports, caches
    clock = StageClock()
    with timed_stages(extractor, clock):
        t0, c0 = time.perf_counter(), time.process_time()
        result = dyad.pipeline.combine(extractor.iter_records(docs))
        total, cpu = time.perf_counter() - t0, time.process_time() - c0
    return clock, total, cpu, len(result.events)


def table(clock: StageClock, total: float, cpu: float, n_docs: int, command: str, label: str,
          events: int) -> str:
    lines = [f"### Stage times: {label}", "", f"`{command}`", "",
             f"{n_docs} documents, {total:.2f} s end to end ({1000 * total / n_docs:.1f} ms "
             f"per document; {cpu:.2f} s CPU), {events} events; Python "
             f"{platform.python_version()}, {platform.machine()}.", "",
             "| stage | seconds | share of total | CPU seconds | share of CPU |",
             "|---|---:|---:|---:|---:|"]
    wall_seen = cpu_seen = 0.0
    for stage in STAGES:
        s, c = clock.seconds.get(stage, 0.0), clock.cpu.get(stage, 0.0)
        wall_seen, cpu_seen = wall_seen + s, cpu_seen + c
        b = "**" if stage == "actors" else ""
        lines.append(f"| {b}{stage}{b} | {s:.3f} | {b}{100 * s / total:.1f}%{b} | {c:.3f} | "
                     f"{b}{100 * c / cpu if cpu else 0.0:.1f}%{b} |")
    other, other_cpu = max(0.0, total - wall_seen), max(0.0, cpu - cpu_seen)
    lines.append(f"| other | {other:.3f} | {100 * other / total:.1f}% | {other_cpu:.3f} | "
                 f"{100 * other_cpu / cpu if cpu else 0.0:.1f}% |")
    lines.append(f"| total | {total:.3f} | 100.0% | {cpu:.3f} | 100.0% |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("examples", "synthetic", "both"),
                        default="synthetic")
    parser.add_argument("--docs", type=int, default=200, help="documents per corpus")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic corpus")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from dyad.pipeline import Extractor

    t0 = time.perf_counter()
    extractor = Extractor()
    load = time.perf_counter() - t0
    command = "python bench/stages.py " + " ".join(argv if argv is not None else sys.argv[1:])
    print(f"Resources loaded in {load:.1f} s (spaCy model, dictionaries, gazetteer; not "
          "counted below).\n")
    corpora = ("examples", "synthetic") if args.corpus == "both" else (args.corpus,)
    for name in corpora:
        docs = (examples_corpus(args.docs) if name == "examples"
                else synthetic_corpus(args.docs, args.seed))
        clock, total, cpu, events = run(extractor, docs)
        print(table(clock, total, cpu, len(docs), command.strip(), name, events) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
