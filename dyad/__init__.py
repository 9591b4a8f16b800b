"""dyad: sourced, queryable relations between states, read from international news.

The public API. Everything the command line does is one call here::

    import dyad
    result = dyad.extract("ATHENS, Sept 28 (AFP) - Greece and France signed ...")
    result.events, result.agreements, result.to_json()

    with dyad.open_store("dyad.duckdb") as store:
        dyad.ingest_files(["examples/"], store=store)
        store.summary()
"""

from __future__ import annotations

from typing import Iterable
from typing import TYPE_CHECKING, Any

from dyad.errors import ConfigError, DyadError, InputError, ModelNotFound, StoreError
from dyad.model import (Actor, ActorRef, Agreement, Dateline, Document, Event, Evidence,
                        Extraction, Failure, Location, Mention, Quantity, Relation, Stage,
                        json_schema)

if TYPE_CHECKING:
    from dyad.corpus import IngestReport, ingest_files
    from dyad.ingest import read_paths, read_text
    from dyad.pipeline import Extractor, default_extractor
    from dyad.store import open_store

# Heavy parts (spaCy, DuckDB) load on first use, so `import dyad` stays cheap.
_LAZY = {
    "IngestReport": "dyad.corpus", "ingest_files": "dyad.corpus",
    "read_paths": "dyad.ingest", "read_text": "dyad.ingest",
    "Extractor": "dyad.pipeline", "default_extractor": "dyad.pipeline",
    "open_store": "dyad.store",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dyad' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__version__ = "0.1.0"


def extract(text: str, *, doc_id: str | None = None, title: str | None = None,
            date: str | None = None, source: str | None = None,
            url: str | None = None) -> Extraction:
    """Extract every record from one article's text.

    ``date`` is the publication date (ISO 8601); it anchors relative dates and the year
    of a dateline. The model and dictionaries are loaded on the first call and reused.
    """
    from dyad.ingest import read_text
    from dyad.pipeline import default_extractor

    doc = read_text(text, doc_id=doc_id, title=title, date=date, source=source, url=url)
    return default_extractor().extract_documents([doc])


def extract_files(paths: Iterable[str], *, text_column: str | None = None) -> Extraction:
    """Extract records from files or folders; unreadable inputs become ``failures``."""
    from dyad.ingest import read_paths
    from dyad.pipeline import default_extractor

    return default_extractor().extract_documents(read_paths(list(paths), text_column=text_column))


__all__ = [
    "Actor",
    "ActorRef",
    "Agreement",
    "ConfigError",
    "Dateline",
    "Document",
    "DyadError",
    "Event",
    "Evidence",
    "Extraction",
    "Extractor",
    "Failure",
    "IngestReport",
    "InputError",
    "Location",
    "Mention",
    "ModelNotFound",
    "Quantity",
    "Relation",
    "Stage",
    "StoreError",
    "default_extractor",
    "extract",
    "extract_files",
    "ingest_files",
    "json_schema",
    "open_store",
    "read_paths",
    "read_text",
]
