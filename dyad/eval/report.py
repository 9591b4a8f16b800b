"""What every gold-set scorer shares: metrics, reading the gold files, Markdown tables.

The metrics are pure functions of counts. The readers follow ``bench/gold/README.md``:
tab-separated, no quoting, an empty cell means none, the id's prefix is its category, and
machine-readable tags (``occurrence=2``, ``alt_sector=GOV``) live in the note.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from dyad.errors import InputError
from dyad.model import Actor, ActorRef, Document, Extraction

# Where the gold sets live in a source checkout; the CLI's default paths.
GOLD_DIR = Path("bench") / "gold"
# How many misses a report lists for people to read.
MAX_MISSES = 30

# dyad's IGO keys (ids IGO.<key>) that the gold sets name by their parent organisation or
# by another acronym: the Security Council is coded "UN", the Commission "EU".
IGO_GOLD_CODE: Mapping[str, str] = {
    "UNSC": "UN", "UNGA": "UN", "ICJ": "UN", "UNHCR": "UN", "UNICEF": "UN", "WFP": "UN",
    "UNDP": "UN", "OCHA": "UN", "UNRWA": "UN", "UNIFIL": "UN", "MONUSCO": "UN", "UNHRC": "UN",
    "OHCHR": "UN", "EUCOM": "EU", "EUCO": "EU", "EUCOUNCIL": "EU", "EP": "EU", "ECB": "EU",
    "CJEU": "EU", "AUC": "AU", "MINSKGROUP": "OSCE", "ECOMOG": "ECOWAS", "WORLDBANK": "WB",
    "ARABLEAGUE": "LAS",
}
# dyad's own codes for partially recognised entities that the gold sets name in words.
PARTIAL_GOLD_CODE: Mapping[str, str] = {"XSL": "SOMALILAND"}


# -- metrics -----------------------------------------------------------------------------
def ratio(part: float, whole: float) -> float:
    """``part / whole``, 0.0 for an empty whole (a report never divides by zero)."""
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class Accuracy:
    correct: int
    total: int

    @property
    def value(self) -> float:
        return ratio(self.correct, self.total)

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict:
        return {"accuracy": self.value, "correct": self.correct, "n": self.total}

    def cell(self) -> str:
        return f"{self.value:.1%} ({self.correct}/{self.total})" if self.total else "-"


def accuracy(flags: Iterable[bool]) -> Accuracy:
    flags = list(flags)
    return Accuracy(sum(flags), len(flags))


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from true positives, false positives, false negatives."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return ratio(2 * p * r, p + r)

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}

    def cells(self) -> list[str]:
        return [f"{self.precision:.1%}", f"{self.recall:.1%}", f"{self.f1:.3f}",
                str(self.tp), str(self.fp), str(self.fn)]


PRF_HEADERS = ["precision", "recall", "F1", "tp", "fp", "fn"]


def confusion(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """gold -> predicted -> count, from (gold, predicted) pairs."""
    out: dict[str, Counter] = {}
    for gold, predicted in pairs:
        out.setdefault(gold, Counter())[predicted] += 1
    return {g: dict(c) for g, c in out.items()}


def by_group(items: Iterable[tuple[str, bool]]) -> dict[str, Accuracy]:
    """Accuracy per group from (group, correct) pairs, groups sorted."""
    groups: dict[str, list[bool]] = {}
    for name, ok in items:
        groups.setdefault(name, []).append(ok)
    return {name: accuracy(flags) for name, flags in sorted(groups.items())}


# -- Markdown --------------------------------------------------------------------------
def md_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    def clean(cell: object) -> str:
        return str(cell).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(clean(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def confusion_markdown(matrix: Mapping[str, Mapping[str, int]], labels: Sequence[str]) -> str:
    """Rows gold, columns predicted; labels not in ``labels`` are appended."""
    extra = sorted(({p for row in matrix.values() for p in row} | set(matrix)) - set(labels))
    cols = [*labels, *extra]
    rows = [[g, *(matrix.get(g, {}).get(p, "") for p in cols)] for g in cols if g in matrix]
    return md_table(["gold \\ dyad", *cols], rows)


def accuracy_table(title: str, groups: Mapping[str, Accuracy]) -> str:
    return md_table([title, "accuracy"], [[k, v.cell()] for k, v in groups.items()])


# -- gold files ------------------------------------------------------------------------
def read_tsv(path: str | Path, columns: Sequence[str]) -> list[dict[str, str]]:
    """The rows of a gold ``.tsv`` (header checked, no quoting, cells stripped)."""
    path = Path(path)
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the gold file '{path}' ({exc.__class__.__name__}); "
                         f"fix: pass the path of a {path.name} from bench/gold/ or run from "
                         "the root of a dyad checkout") from exc
    header = lines[0].split("\t") if lines else []
    if header != list(columns):
        raise InputError(f"'{path}' has the columns {header}, expected {list(columns)}; fix: "
                         "pass the right gold file (see bench/gold/README.md)")
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise InputError(f"{path}:{n} has {len(cells)} cells, expected {len(columns)}; "
                             "fix: the gold files are tab-separated with no quoting")
        rows.append({c: v.strip() for c, v in zip(columns, cells)})
    return rows


def note_tags(note: str) -> dict[str, str]:
    """``occurrence=2; alt_sector=GOV`` -> {"occurrence": "2", "alt_sector": "GOV"}."""
    return {m[1]: m[2] for m in re.finditer(r"\b(\w+)=([\w.-]+)", note or "")}


def category(row_id: str) -> str:
    """The category prefix of a gold id: ``metonym-07`` -> ``metonym``."""
    return re.sub(r"-\d+$", "", row_id)


def is_optional(note: str | None) -> bool:
    """README rule 5: 'a scorer may treat this row as optional'."""
    return bool(note) and re.search(r"\boptional\b", note, re.IGNORECASE) is not None


def find_span(text: str, needle: str, occurrence: int = 1, *,
              whole_word: bool = False) -> tuple[int, int] | None:
    """The span of the ``occurrence``-th (1-based) appearance of ``needle`` in ``text``."""
    pattern = re.escape(needle)
    if whole_word:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    for n, m in enumerate(re.finditer(pattern, text), start=1):
        if n == occurrence:
            return m.start(), m.end()
    return None


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two half-open spans share (0 when they only touch)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# -- running the pipeline ----------------------------------------------------------------
def extract_each(extractor, docs: Sequence[Document], progress: Callable[[int], None] | None = None
                 ) -> Iterator[tuple[Document, Extraction]]:
    """Each document through ``extractor.extract_documents`` on its own.

    One call per document keeps gold items apart: a batch would let the merge stage fuse
    the same agreement told by two gold texts into one record.
    """
    for doc in docs:
        yield doc, extractor.extract_documents([doc])
        if progress is not None:
            progress(1)


def default_extractor(extractor):
    if extractor is not None:
        return extractor
    from dyad.pipeline import default_extractor as build

    return build()


# -- comparing actor codes -----------------------------------------------------------------
def ref_code(ref: ActorRef | Actor) -> str:
    """The gold sets' code for a dyad actor: ISO3 for a state or its organs and people,
    the IGO acronym for an IGO and for a person acting for one (an ``Actor`` whose
    ``affiliation`` is "IGO.UN": an ``ActorRef`` does not carry it), the upper-case key for
    a non-state group ("M23")."""
    stem, _, rest = ref.actor_id.partition(".")
    key = rest.split(".")[0]
    affiliation = getattr(ref, "affiliation", None)
    if stem == "person" and not ref.country and affiliation:
        stem, _, rest = affiliation.partition(".")
        key = rest.split(".")[0]
    if stem == "IGO":
        return IGO_GOLD_CODE.get(key, key)
    if stem in {"group", "org"}:
        if ref.sector == "GOV" and ref.country:  # the Taliban after August 2021
            return ref.country
        return key.upper().replace("-", "")
    if stem in PARTIAL_GOLD_CODE:
        return PARTIAL_GOLD_CODE[stem]
    return ref.country or stem


def is_state_or_igo(ref: ActorRef) -> bool:
    """Whether a party belongs in the gold's ``parties`` (states and IGOs) rather than in
    ``non_state_parties``; a person stands for their state, a person without one for none."""
    stem = ref.actor_id.partition(".")[0]
    if stem == "IGO":
        return True
    if stem in {"group", "org"}:
        return ref.sector == "GOV" and bool(ref.country)
    return stem not in PARTIAL_GOLD_CODE and bool(ref.country)


def pct_line(label: str, value: Accuracy) -> str:
    return f"- {label}: {value.cell()}"
