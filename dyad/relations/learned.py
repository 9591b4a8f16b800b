"""A relation reader learned from annotated texts: which relation a sentence states between
two sides it names.

The rules (``dyad.relations.rules``) read the relations whose wording they know; news says
the same things in far more ways than rules list. This reader scores every pair of sides
in a sentence (``dyad.relations.pairs``), read both ways, with one logistic regression per
relation type: a label on (France, India) reads "France is the source, India the target"
("France supplies India"). It is trained on the annotated texts of
``bench/gold/agreements/`` (the development and training sets, never the unseen ones;
``bench/train_relations.py`` writes the model file). Pure numpy and deterministic: the
same examples give the same weights.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from dyad.errors import ConfigError

__all__ = ["PairModel", "Example", "train", "load_model", "examples_digest", "MODEL_PATH", "SYMMETRIC"]

MODEL_PATH = Path(__file__).parent / "data" / "pair_model.json"
FORMAT = "dyad-pair-model/1"
SYMMETRIC = frozenset({"alliance", "armed_conflict", "diplomatic_relations", "trade"})


@dataclass(frozen=True)
class Example:
    features: tuple[str, ...]
    labels: frozenset[str]  # empty: the sentence states no relation between the two


@dataclass
class PairModel:
    """Weights per label over string features; ``threshold`` per label (a default for any)."""

    labels: list[str]
    bias: dict[str, float]
    weights: dict[str, dict[str, float]]  # feature -> label -> weight (zeros left out)
    thresholds: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.5
    meta: dict = field(default_factory=dict)

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        """The probability of each label for one candidate."""
        return dict(zip(self.labels, self._probabilities(features).tolist()))

    def accepted(self, features: Iterable[str]) -> dict[str, float]:
        """The labels whose probability reaches their threshold."""
        probs = self._probabilities(features)
        return {self.labels[i]: float(probs[i]) for i in np.flatnonzero(probs >= self._cut)}

    def _probabilities(self, features: Iterable[str]) -> np.ndarray:
        # a dense copy of the weights (one row per feature) makes a candidate one gather and
        # one sum: the reader scores every pair of sides of every sentence, both ways
        index, matrix, bias = self._dense
        rows = [index[f] for f in features if f in index]
        z = matrix[rows].sum(axis=0) + bias if rows else bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))

    @property
    def _dense(self) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
        key = (id(self.weights), len(self.weights), tuple(self.labels))
        if getattr(self, "_dense_key", None) != key:
            col = {label: j for j, label in enumerate(self.labels)}
            index = {f: i for i, f in enumerate(self.weights)}
            matrix = np.zeros((len(index), len(self.labels)))
            for f, i in index.items():
                for label, w in self.weights[f].items():
                    matrix[i, col[label]] = w
            bias = np.array([self.bias.get(label, 0.0) for label in self.labels])
            self._dense_cache, self._dense_key = (index, matrix, bias), key
        return self._dense_cache

    @property
    def _cut(self) -> np.ndarray:
        return np.array([self.thresholds.get(label, self.threshold) for label in self.labels])

    def to_json(self) -> dict:
        return {"format": FORMAT, "labels": self.labels, "bias": self.bias,
                "threshold": self.threshold, "thresholds": self.thresholds, "meta": self.meta,
                "weights": self.weights}

    @classmethod
    def from_json(cls, data: dict) -> "PairModel":
        return cls(labels=list(data["labels"]), bias=dict(data["bias"]),
                   weights={f: dict(w) for f, w in data["weights"].items()},
                   thresholds=dict(data.get("thresholds", {})),
                   threshold=float(data.get("threshold", 0.5)), meta=dict(data.get("meta", {})))

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), sort_keys=True, separators=(",", ":")) + "\n",
                              encoding="utf-8")


def examples_digest(examples: Sequence[Example]) -> str:
    """A hash of the examples, in order: the model file records the one it was trained on,
    so a test can tell when the pipeline no longer produces them (retrain then)."""
    h = hashlib.sha256()
    for ex in examples:
        h.update(("\t".join(ex.features) + "\n" + "\t".join(sorted(ex.labels)) + "\n\n").encode("utf-8"))
    return h.hexdigest()


@lru_cache(maxsize=4)
def load_model(path: str | Path = MODEL_PATH) -> PairModel | None:
    """The shipped model, or None when the package has none (the rules still run)."""
    p = Path(path)
    if not p.is_file():
        return None
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, not {FORMAT!r}")
        return PairModel.from_json(data)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{p}: not a relation model file ({exc}); rerun "
                          "`python bench/train_relations.py` or reinstall dyad") from exc


def train(examples: Sequence[Example], *, min_count: int = 2, l2: float = 1e-3,
          epochs: int = 300, rate: float = 0.05, prune: float = 0.01) -> PairModel:
    """One-vs-rest logistic regression over the examples' features, full-batch Adam with an
    L2 penalty. Features seen in fewer than ``min_count`` examples are dropped (a name or a
    number that happened once says nothing about the next text); weights below ``prune``
    are left out of the model."""
    labels = sorted({lab for ex in examples for lab in ex.labels})
    counts: dict[str, int] = {}
    for ex in examples:
        for f in set(ex.features):
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols = [], []
    for r, ex in enumerate(examples):
        for f in set(ex.features):
            if f in index:
                rows.append(r)
                cols.append(index[f])
    row, col = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
    n, nf, nc = len(examples), len(vocab), len(labels)
    y = np.zeros((n, nc))
    for r, ex in enumerate(examples):
        for lab in ex.labels:
            y[r, labels.index(lab)] = 1.0
    w, b = np.zeros((nf, nc)), np.zeros(nc)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    for step in range(1, epochs + 1):
        z = np.stack([np.bincount(row, weights=w[col, c], minlength=n) for c in range(nc)], axis=1) + b
        g = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))) - y
        gw = np.stack([np.bincount(col, weights=g[row, c], minlength=nf) for c in range(nc)], axis=1) / n
        gw += l2 * w
        gb = g.mean(axis=0)
        mw, vw = 0.9 * mw + 0.1 * gw, 0.999 * vw + 0.001 * gw ** 2
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb ** 2
        corr1, corr2 = 1 - 0.9 ** step, 1 - 0.999 ** step
        w -= rate * (mw / corr1) / (np.sqrt(vw / corr2) + 1e-8)
        b -= rate * (mb / corr1) / (np.sqrt(vb / corr2) + 1e-8)
    weights: dict[str, dict[str, float]] = {}
    for i, f in enumerate(vocab):
        kept = {labels[c]: round(float(w[i, c]), 4) for c in range(nc) if abs(w[i, c]) >= prune}
        if kept:
            weights[f] = kept
    return PairModel(labels=labels, bias={labels[c]: round(float(b[c]), 4) for c in range(nc)},
                     weights=weights, meta={"examples": n, "features": len(weights),
                                            "positives": {lab: int(y[:, c].sum()) for c, lab in enumerate(labels)}})
