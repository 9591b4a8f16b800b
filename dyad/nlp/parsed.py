"""Plain-data view of a parsed document: what leaves the NLP layer.

No spaCy object crosses this boundary. Offsets are character offsets into
``Document.text`` (the dateline is cut before parsing and offsets shifted back).
Tokens keep their head index so the dependency tree can be walked without spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator


@dataclass(frozen=True, slots=True)
class Token:
    i: int  # index in ParsedDoc.tokens
    text: str
    start: int
    end: int
    lemma: str
    pos: str  # universal POS (VERB, NOUN, PROPN, ...)
    tag: str  # fine tag (VBD, NNP, ...)
    dep: str  # dependency label; "" when the sentence was not parsed
    head: int  # index of the head token (itself for the root)
    sent: int  # index of the sentence in ParsedDoc.sentences
    is_punct: bool = False
    like_num: bool = False


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    start: int
    end: int
    label: str  # GPE, NORP, ORG, PERSON, LOC, FAC, DATE, MONEY, ...
    token_start: int  # first token index
    token_end: int  # one past the last token index
    entry: str = ""  # dictionary key when the entity ruler matched it, else ""

    @property
    def from_dictionary(self) -> bool:
        return bool(self.entry)


@dataclass(frozen=True, slots=True)
class Sentence:
    i: int
    start: int
    end: int
    text: str
    token_start: int
    token_end: int
    parsed: bool  # False when the sentence was skipped by selective parsing


@dataclass(frozen=True, slots=True)
class ParsedDoc:
    doc_id: str
    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    body_start: int = 0  # where the text after the dateline begins
    extras: dict = field(default_factory=dict, compare=False)

    def sentence_tokens(self, sent: Sentence) -> tuple[Token, ...]:
        return self.tokens[sent.token_start:sent.token_end]

    def sentence_entities(self, sent: Sentence) -> Iterator[Entity]:
        return (e for e in self.entities if sent.start <= e.start and e.end <= sent.end)

    def children(self, tok: Token) -> Iterator[Token]:
        """Direct dependents of a token, in sentence order."""
        sent = self.sentences[tok.sent]
        return (t for t in self.tokens[sent.token_start:sent.token_end]
                if t.head == tok.i and t.i != tok.i)

    def subtree_span(self, tok: Token) -> tuple[int, int]:
        """Character span of a token's subtree (tokens are contiguous in a projective parse)."""
        sent = self.sentences[tok.sent]
        lo, hi = tok.start, tok.end
        members = {tok.i}
        for t in self.tokens[sent.token_start:sent.token_end]:
            # walking up is bounded by sentence length; parses are shallow
            h, seen = t, 0
            while h.i not in members and h.head != h.i and seen < 64:
                h, seen = self.tokens[h.head], seen + 1
            if h.i in members:
                members.add(t.i)
                lo, hi = min(lo, t.start), max(hi, t.end)
        return lo, hi

    def entity_at(self, token_index: int) -> Entity | None:
        for e in self.entities:
            if e.token_start <= token_index < e.token_end:
                return e
        return None
