"""What the agreement test files share: the real pipeline's agreements for a sentence, and
their stages as comparable keys."""

from __future__ import annotations


def extract(text: str, date: str = "2024-03-10"):
    """The agreements ``dyad.extract`` reads in ``text``, dated ``date``."""
    import dyad

    return dyad.extract(text, date=date).agreements


def keys(agreements) -> set[tuple]:
    """(stage, party country or IGO/group id, modality) of every stage."""
    out = set()
    for a in agreements:
        for s in a.stages:
            party = (s.party.country or s.party.actor_id) if s.party else None
            out.add((s.stage, party, s.modality))
    return out


def records(text: str, date: str = "2024-03-10") -> list[tuple[str, frozenset[str]]]:
    """(kind, party countries / IGO ids) of every agreement."""
    return sorted((a.kind, frozenset(p.country or p.actor_id for p in a.parties))
                  for a in extract(text, date))


def parties(text: str, date: str = "2024-03-10") -> list[frozenset[str]]:
    return [p for _, p in records(text, date)]
