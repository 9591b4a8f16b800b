"""The agreement mention record, and the words that bound a mention.

``AgreementMention`` is what the mention finders (``mentions``, ``generic_mentions``) give
and every later step (linking, stages, terms) reads; the word lists here are the ones both
finders walk by. Kept apart so the finders and the stages import it without importing
each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from dyad.agreements.lexicon import Known, normalise_name

DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her",
                      "our", "such", "said"})

INDEFINITE = frozenset({"a", "an", "another", "any", "some", "no"})

# Words that end a generic mention's modifiers (walking left from the head).
STOP_WORDS = DEFINITE | INDEFINITE | frozenset({
    "of", "on", "in", "to", "for", "with", "by", "at", "from", "and", "or", "but", "as",
    "which", "that", "who", "is", "was", "are", "were", "be", "been", "has", "have", "had",
    "will", "would", "signed", "sign", "ratified", "under", "into", "over", "about",
    # quantifiers count agreements, they are no part of one's name ("ending several
    # military agreements")
    "several", "many", "various", "multiple", "numerous", "all", "both", "few"})

STOP_POS = frozenset({"AUX", "ADP", "PRON", "DET", "CCONJ", "SCONJ", "PART"})

NAME_LINKS = frozenset({"of", "on", "for", "and", "the", "-", "–"})

MAX_MODIFIERS = 6


@dataclass
class AgreementMention:
    start: int
    end: int
    text: str
    sent: int
    named: bool
    name: str  # canonical (known), the title (named) or the phrase without determiner
    kind: str | None
    definite: bool
    head_start: int
    actors: list[Any] = field(default_factory=list)  # actor mentions naming its parties
    known: Known | None = None
    kind_cued: bool = True  # False when the kind is only the head noun's default ("the treaty")
    sent_start: int = 0  # the sentence's offsets in the document
    sent_end: int = 0
    partners: list[Any] = field(default_factory=list)  # the actors after "with X and Y"
    sides: list[Any] = field(default_factory=list)  # the actors after "between X and Y"
    # "the new text", "the first version": stands only for an agreement already named
    # (linking drops it when there is none), never starts one
    reference: bool = False

    @property
    def plural(self) -> bool:
        """A generic plural head: "bilateral security agreements", "separate deals"."""
        word = self.text[self.head_start - self.start:].split()[0].lower() if self.text else ""
        return not self.named and word != normalise_name(word) and word.endswith("s")

    @property
    def head(self) -> str:
        """The head noun, singular and lower-case ("pacts" -> "pact")."""
        word = self.text[self.head_start - self.start:].split()[0].lower() if self.text else ""
        return normalise_name(word)

    @property
    def key(self) -> str | None:
        return normalise_name(self.name) if self.named else None


def actors_in(actors: Sequence[Any], start: int, end: int) -> list[Any]:
    """The actor mentions inside [start, end)."""
    return [a for a in actors if start <= a.start and a.end <= end]

