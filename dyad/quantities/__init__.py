"""Quantities in news text: money, distances, durations, percentages and counts.

``find_quantities`` finds and normalises them (see ``dyad.quantities.find`` for the units
vocabulary and the rules); ``parse_number`` reads one number in digits or words.
"""

from __future__ import annotations

from dyad.quantities.find import UNITS, find_quantities
from dyad.quantities.numbers import parse_number

__all__ = ["UNITS", "find_quantities", "parse_number"]
