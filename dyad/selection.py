"""Which sentences are worth the full statistical parse.

A record (event, agreement, relation) needs two things in one sentence: a coder's cue
and an actor. So a sentence is parsed when it has both:

- **a cue**: a form of an event trigger that could match (a multiword trigger counts only
  with its other words present, "take ... *hostage*", "call *off*"; a trigger that only
  codes with certain objects, "*sign* ... agreement", only with one of those objects
  present), a deontic modal ("must"), an agreement word, or a match of one of the
  agreement or relation coders' own regular expressions;
- **an actor candidate**: a name the dictionaries matched, or a capitalised word after
  the sentence's first (a name only the statistical NER would find), other than a
  month or weekday.

One exception: an agreement word with one of the agreement coder's stage verbs ("the
pact was ratified on Monday") is parsed without an actor, because the agreement coder
attaches such a stage to an agreement named in an earlier sentence.

The tables come from the coders' own lexicons, so a new trigger is never skipped. Before
tagging there are no lemmas: lemmas are expanded to their inflected forms, and the test
errs on the side of parsing (every word of an object phrase counts, a hyphenated word
counts joined). Sentences that fail are still tokenised, split and matched against the
dictionaries, so their actor and place names are found; they are not tagged, parsed or
run through the statistical NER. docs/speed.md has the measurements behind this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from dyad.nlp.selective import CALENDAR, SentenceCues, SentenceSelector

# Plurals the regular rules of dyad.events.prefilter.inflections do not make.
IRREGULAR_PLURALS: Mapping[str, tuple[str, ...]] = {
    "man": ("men",), "woman": ("women",), "child": ("children",), "person": ("people",),
    "fisherman": ("fishermen",), "policeman": ("policemen",), "memorandum": ("memoranda",),
}
# Words of an object phrase that say nothing on their own ("state of emergency").
_FUNCTION_WORDS = frozenset({"of", "the", "non", "and", "a", "an", "for", "to", "in", "on"})

Groups = tuple[frozenset[str], ...]  # each group must share a word with the sentence


@dataclass(frozen=True)
class CueTables:
    """Word forms and patterns that make a sentence worth parsing, if it has an actor."""

    words: frozenset[str]  # a form that is a cue on its own
    guarded: Mapping[str, tuple[Groups, ...]]  # head form -> alternatives of needed words
    pattern: re.Pattern[str]  # the agreement and relation coders' regexes, on the text
    agreement_heads: frozenset[str] = frozenset()  # "treaty", "pact", ...
    agreement_stage: re.Pattern[str] | None = None  # the agreement coder's stage verbs

    def names_agreement_stage(self, words: Sequence[str], text: str) -> bool:
        """An agreement word and a stage verb ("the treaty was ratified"): the agreement
        coder records a stage of an agreement named earlier, with or without an actor."""
        return (self.agreement_stage is not None and not self.agreement_heads.isdisjoint(words)
                and self.agreement_stage.search(text) is not None)

    def has_cue(self, words: Sequence[str], text: str) -> bool:
        present = set(words)
        present.update(f"{words[i - 1]}-{words[i + 1]}" for i in range(1, len(words) - 1)
                       if words[i] == "-")
        if not present.isdisjoint(self.words):
            return True
        for head in present.intersection(self.guarded):
            if any(all(not present.isdisjoint(g) for g in groups)
                   for groups in self.guarded[head]):
                return True
        return self.pattern.search(text) is not None


def has_actor_candidate(cues: SentenceCues) -> bool:
    """A dictionary name, or a capitalised word (not the first) that may be a name."""
    return cues.named or any(w not in CALENDAR for w in cues.capitalised)


def build_selector(*, event_lexicon=None, require_actor: bool = True) -> SentenceSelector:
    """A selector from the coders' own lexicons (``dyad.events.lexicon.Lexicon``; the
    bundled one by default). ``require_actor`` False parses every sentence with a cue."""
    tables = cue_tables(event_lexicon)

    def select(cues: SentenceCues) -> bool:
        if require_actor and not has_actor_candidate(cues):
            return tables.names_agreement_stage(cues.words, cues.text)
        return tables.has_cue(cues.words, cues.text)

    return select


def cue_tables(event_lexicon=None) -> CueTables:
    """The cue tables for an event lexicon and the bundled agreement and relation rules."""
    from dyad.agreements.lexicon import load_lexicon as agreement_lexicon
    from dyad.events.lexicon import default_lexicon
    from dyad.relations.rules import load_patterns

    events = event_lexicon if event_lexicon is not None else default_lexicon()
    free, guarded = _event_cues(events)
    agreements = agreement_lexicon()
    heads = {h.lower() for h in agreements.heads} | {"deal", "deals"}
    stage = _any_of([t.pattern for t in agreements.triggers])
    return CueTables(words=frozenset(free | heads),
                     guarded={k: tuple(v) for k, v in guarded.items() if k not in free},
                     pattern=_any_of([t.pattern for t in agreements.triggers]
                                     + [p.trigger for p in load_patterns().patterns]
                                     + [agreements.alias_pattern]),
                     agreement_heads=frozenset(heads), agreement_stage=stage)


def _any_of(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


def _event_cues(lexicon) -> tuple[set[str], dict[str, list[Groups]]]:
    """Forms that trigger on their own, and forms that need other words with them."""
    free: set[str] = set(lexicon.deontic_aux)
    guarded: dict[str, list[Groups]] = {}
    for t in lexicon.triggers:
        groups: list[frozenset[str]] = []
        # a hyphenated noun's other words are not checked by the coder either
        if not (t.pos == "noun" and "-" in t.words[0]):
            groups += [forms(w) for w in t.others]
        if t.object:
            groups.append(frozenset().union(*(_phrase_forms(p) for p in t.object)))
        for form in forms(t.head):
            if groups:
                guarded.setdefault(form, []).append(tuple(groups))
            else:
                free.add(form)
    return free, guarded


def forms(word: str) -> frozenset[str]:
    """A lemma's inflected forms (regular, the coders' irregular verbs, a few plurals)."""
    from dyad.events.prefilter import inflections

    return frozenset(inflections(word) | set(IRREGULAR_PLURALS.get(word, ())))


def _phrase_forms(phrase: str) -> frozenset[str]:
    """Forms of every content word of a phrase, and of the phrase itself when one word."""
    parts: Iterable[str] = re.split(r"[\s'\u2019]+", phrase)
    out = set(forms(phrase)) if " " not in phrase else set()
    for part in parts:
        if len(part) > 2 and part not in _FUNCTION_WORDS:
            out |= forms(part)
    return frozenset(out)
