"""Readers: plain text, JSON Lines, HTML and CSV files to Documents (or Failures)."""

from dyad.ingest.sources import SUPPORTED_EXTENSIONS, read_paths
from dyad.ingest.text import read_text

__all__ = ["SUPPORTED_EXTENSIONS", "read_paths", "read_text"]
