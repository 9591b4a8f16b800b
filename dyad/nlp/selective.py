"""Selective parsing: the full statistical pipeline only where a record can come from.

Every document gets a cheap pre-pass: spaCy's tokenizer, a punctuation sentencizer and
the dictionary names (the entity ruler's matchers). A selector (``dyad.selection``) sees
each sentence's ``SentenceCues`` and decides whether it is worth a parse. The chosen
sentences are cut out of the pre-pass Doc (``Span.as_doc``), so they are tokenised and
name-matched once, and go through tagger, parser and lemmatizer; the statistical NER,
the costliest component of the small model (it has its own embedding layer), then runs
only on the sentences where it can add a name: a proper noun or capitalised word the
dictionaries did not cover (and, alone, on sentences not parsed that hold such a word).
Offsets of every token come from the pre-pass Doc, so they are the same whatever was
parsed. docs/speed.md has the measurements.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from dyad.nlp.parsed import Entity, ParsedDoc, Sentence, Token

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import EntityRuler, Sentencizer
    from spacy.tokens import Doc

NER = "ner"
# Sentences per call of the statistical components: large enough for the matrix
# multiplications to pay, small enough to keep memory flat.
SENTENCE_BATCH = 256
# Capitalised words that are not names: the NER finds only DATEs in them, and no coder
# reads DATE entities (dates are found by dyad.time on the text).
CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec".split())
PROPER_TAGS = frozenset({"NNP", "NNPS"})


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """What a selector may read about a sentence before it is parsed."""

    text: str  # the sentence as written
    words: tuple[str, ...]  # lower-cased token texts, in order
    named: bool  # the dictionaries matched a name in the sentence
    capitalised: tuple[str, ...]  # lower-cased capitalised words outside those names,
    # other than the sentence's first word (which is capitalised anyway)


# Decides from a sentence's cues whether it is worth the full parse.
SentenceSelector = Callable[[SentenceCues], bool]


@dataclass(frozen=True, slots=True)
class Plan:
    """One document after the pre-pass: its Doc, sentence token ranges and choices."""

    doc_id: str
    text: str
    offset: int  # where the pre-pass Doc starts in ``text``
    doc: "Doc"
    bounds: tuple[tuple[int, int], ...]  # (first token, one past the last) per sentence
    chosen: tuple[bool, ...]  # parse the sentence
    names: tuple[bool, ...]  # not parsed, but the NER may find a name in it


class SelectiveParser:
    """Runs the pre-pass, the selector and the partial parse for ``NlpLayer``."""

    def __init__(self, nlp: "Language", selector: SentenceSelector, ruler: "EntityRuler | None",
                 sentencizer: "Sentencizer", *, names_everywhere: bool = True) -> None:
        """``names_everywhere``: run the NER alone on sentences that are not parsed but
        hold a capitalised word the dictionaries did not match, so that the actor table
        keeps names mentioned outside coded sentences (cheap where those are rare)."""
        from spacy.attrs import ENT_IOB, IS_ALPHA, IS_SPACE, IS_TITLE, IS_UPPER, LOWER

        self.nlp, self.selector, self.ruler, self.sentencizer = nlp, selector, ruler, sentencizer
        self.names_everywhere = names_everywhere
        self.strings = nlp.vocab.strings
        self.components = [(name, proc) for name, proc in nlp.pipeline
                           if proc is not ruler and name != NER]
        self.ner = nlp.get_pipe(NER) if NER in nlp.pipe_names else None
        self._cue_attrs = [LOWER, ENT_IOB, IS_TITLE, IS_UPPER, IS_ALPHA, IS_SPACE]

    # -- pre-pass ----------------------------------------------------------------------
    def plan(self, doc_id: str, text: str, offset: int) -> Plan:
        doc = self.sentencizer(self.nlp.make_doc(text[offset:]))
        if self.ruler is not None:
            self._match_names(doc)
        bounds = _sentence_bounds(doc)
        rows = doc.to_array(self._cue_attrs).tolist()
        cues = [self._cues(doc, rows, lo, hi) for lo, hi in bounds]
        chosen = tuple(self.selector(c) for c in cues)
        names = tuple(self.names_everywhere and not keep and self.ner is not None
                      and any(w not in CALENDAR for w in c.capitalised)
                      for c, keep in zip(cues, chosen))
        return Plan(doc_id, text, offset, doc, bounds, chosen, names)

    def _match_names(self, doc: "Doc") -> None:
        """The entity ruler's matches, set as entities. Calling the ruler's matchers
        directly skips its per-call count of every pattern, which on dyad's thousands
        of dictionary patterns costs more than the matching itself."""
        ruler = self.ruler
        matches = list(ruler.phrase_matcher(doc))
        if ruler.token_patterns:  # an empty token matcher warns on every call
            matches += ruler.matcher(doc)
        found = {m for m in matches if m[1] != m[2]}
        # longest first, then leftmost, as the ruler itself orders them
        ruler.set_annotations(doc, sorted(found, key=lambda m: (m[1] - m[2], m[1])))

    def _cues(self, doc: "Doc", rows: list[list[int]], lo: int, hi: int) -> SentenceCues:
        strings = self.strings
        words, caps, named, first = [], [], False, True
        for lower, iob, title, upper, alpha, space in rows[lo:hi]:
            word = strings[lower]
            words.append(word)
            if space:
                continue
            inside = iob in (1, 3)  # I or B: part of a dictionary name
            named = named or inside
            if not first and not inside and alpha and (title or upper) and len(word) > 1:
                caps.append(word)
            first = False
        return SentenceCues(text=doc[lo:hi].text, words=tuple(words), named=named,
                            capitalised=tuple(caps))

    # -- partial parse -----------------------------------------------------------------
    def parse(self, plans: Sequence[Plan]) -> Iterator[ParsedDoc]:
        cut = [[plan.doc[lo:hi].as_doc() if keep or names else None
                for (lo, hi), keep, names in zip(plan.bounds, plan.chosen, plan.names)]
               for plan in plans]
        self._analyse([d for plan, docs in zip(plans, cut)
                       for d, keep in zip(docs, plan.chosen) if keep])
        if self.ner is not None:  # names in sentences that are not parsed: the NER alone
            named = [d for plan, docs in zip(plans, cut)
                     for d, names in zip(docs, plan.names) if names]
            list(self.ner.pipe(named, batch_size=SENTENCE_BATCH))
        for plan, docs in zip(plans, cut):
            yield assemble(plan, docs, self.strings)

    def _analyse(self, docs: list["Doc"]) -> None:
        """Tag, parse and lemmatise ``docs`` in place; the NER where a name may be missing."""
        for _, proc in self.components:
            docs = list(proc.pipe(docs, batch_size=SENTENCE_BATCH))
        if self.ner is not None:
            list(self.ner.pipe([d for d in docs if self._unnamed_proper_noun(d)],
                               batch_size=SENTENCE_BATCH))

    def _unnamed_proper_noun(self, doc: "Doc") -> bool:
        """True when a name may be in the sentence that the dictionaries did not match:
        a proper-noun tag, or a capitalised word after the first, outside their names."""
        from spacy.attrs import ENT_IOB, IS_ALPHA, IS_TITLE, IS_UPPER, LOWER, TAG

        strings = self.strings
        rows = doc.to_array([TAG, ENT_IOB, IS_TITLE, IS_UPPER, IS_ALPHA, LOWER]).tolist()
        for i, (tag, iob, title, upper, alpha, lower) in enumerate(rows):
            if iob in (1, 3) or not alpha:
                continue
            if (strings[tag] in PROPER_TAGS or (i > 0 and (title or upper))) \
                    and strings[lower] not in CALENDAR and len(strings[lower]) > 1:
                return True
        return False


def _sentence_bounds(doc: "Doc") -> tuple[tuple[int, int], ...]:
    """Sentence token ranges; a run of whitespace between sentences (a paragraph break)
    ends the sentence before it, so every sentence starts at a word."""
    from spacy.attrs import IS_SPACE, SENT_START

    if not len(doc):
        return ()
    rows = doc.to_array([SENT_START, IS_SPACE]).tolist()
    starts = [0]
    for i, (start, _) in enumerate(rows):
        if i and start == 1:
            while i < len(rows) and rows[i][1]:
                i += 1
            if i < len(rows) and i > starts[-1]:
                starts.append(i)
    # the parser and the cut-out sentence Docs must see the same sentences
    wanted = set(starts)
    for i, (start, _) in enumerate(rows):
        if i and (start == 1) != (i in wanted):
            doc[i].is_sent_start = i in wanted
    return tuple(zip(starts, [*starts[1:], len(doc)]))


def assemble(plan: Plan, cut: Sequence["Doc | None"], strings) -> ParsedDoc:
    """One ParsedDoc from the pre-pass Doc and, per sentence, its cut-out Doc (parsed when
    chosen, only run through the NER when marked for names, else None), with
    document-wide token indices and offsets into the original text."""
    from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, LEMMA, LIKE_NUM, LOWER, ORTH, POS, TAG

    doc, shift = plan.doc, plan.offset
    base_rows = doc.to_array([ORTH, IDX, IS_PUNCT, LIKE_NUM, LOWER]).tolist()
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    names = [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]  # dictionary names
    for si, ((lo, hi), keep, sdoc) in enumerate(zip(plan.bounds, plan.chosen, cut)):
        if keep:
            arr = sdoc.to_array([LEMMA, POS, TAG, DEP, HEAD])
            heads = arr[:, 4].astype("int64").tolist()
            ann = arr[:, :4].tolist()
        for j, (orth, idx, punct, num, lower) in enumerate(base_rows[lo:hi]):
            text = strings[orth]
            start = idx + shift
            if keep:
                lemma, pos, tag, dep = ann[j]
                tokens.append(Token(i=lo + j, text=text, start=start, end=start + len(text),
                                    lemma=strings[lemma], pos=strings[pos], tag=strings[tag],
                                    dep=strings[dep], head=lo + j + heads[j], sent=si,
                                    is_punct=bool(punct), like_num=bool(num)))
            else:
                tokens.append(Token(i=lo + j, text=text, start=start, end=start + len(text),
                                    lemma=strings[lower], pos="", tag="", dep="", head=lo + j,
                                    sent=si, is_punct=bool(punct), like_num=bool(num)))
        first, last = tokens[lo], tokens[hi - 1]
        stext = plan.text[first.start:last.end].rstrip()
        sentences.append(Sentence(i=si, start=first.start, end=first.start + len(stext),
                                  text=stext, token_start=lo, token_end=hi, parsed=keep))
        if sdoc is not None:  # sentence Docs count tokens from 0
            spans = [(lo + e.start, lo + e.end, e.label_, e.ent_id_) for e in sdoc.ents]
        else:
            spans = [n for n in names if lo <= n[0] < hi]
        for ts, te, label, entry in spans:
            start, end = tokens[ts].start, tokens[te - 1].end
            entities.append(Entity(text=plan.text[start:end], start=start, end=end,
                                   label=label, token_start=ts, token_end=te, entry=entry))
    return ParsedDoc(doc_id=plan.doc_id, text=plan.text, tokens=tuple(tokens),
                     sentences=tuple(sentences), entities=tuple(entities), body_start=shift)
