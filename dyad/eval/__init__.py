"""Gold-standard readers and scorers."""

from __future__ import annotations

from dyad.eval.plover_gsr import (GsrItem, GsrPrediction, GsrReport, evaluate_gsr,
                                  primary_prediction, read_gsr, score_gsr)

__all__ = ["GsrItem", "GsrPrediction", "GsrReport", "evaluate_gsr", "primary_prediction",
           "read_gsr", "score_gsr"]

# The scorers for dyad's own gold sets (bench/gold/).
from dyad.eval.actors import ActorsReport, evaluate_actors  # noqa: E402
from dyad.eval.agreements import AgreementsReport, evaluate_agreements  # noqa: E402
from dyad.eval.dates import DatesReport, evaluate_dates  # noqa: E402
from dyad.eval.modality import ModalityReport, evaluate_modality  # noqa: E402

__all__ = sorted([*__all__, "ActorsReport", "AgreementsReport", "DatesReport", "ModalityReport",
                  "evaluate_actors", "evaluate_agreements", "evaluate_dates",
                  "evaluate_modality"])
