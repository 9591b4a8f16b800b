"""Who a pronoun subject of a stage trigger is, for ``stage_parties``: never the actor named
last by word order ("Seoul told Tokyo it would end the pact" is Seoul's act), but

- in a reported clause, the subject of the verb reporting it (``speaker_of_pronoun``:
  "Seoul notified Tokyo that it would terminate the pact"), or that verb's own antecedent
  when it too has a pronoun subject ("a year after it notified the UN that it was leaving");
- in a relative, adverbial or adjoined clause, the subject of the nearest clause above it
  that names one (``antecedent_subject``: "Chile left the fisheries treaty, which it had
  ratified in 2011"; "Peru kept the accord after it signed the new protocol"), and through a
  pronoun subject of that clause to its own antecedent ("Pyongyang said it was leaving the
  treaty, which it joined in 1985").
"""

from __future__ import annotations

from typing import Any, Sequence

from dyad.agreements.spans import subject_actors
from dyad.nlp.parsed import ParsedDoc

__all__ = ["antecedent_subject", "pronoun_subject", "speaker_of_pronoun"]

# Personal pronouns that stand for a state or a group of states acting.
ACTING_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
# Clauses hanging inside another clause, whose pronoun subject points up to it.
EMBEDDED = frozenset({"relcl", "advcl", "acl", "pcomp"})
MAX_CLIMB = 8  # tokens to climb from the trigger to the clause holding the antecedent


def pronoun_subject(parsed: ParsedDoc, tok: Any) -> bool:
    return tok is not None and any(c.dep == "nsubj" and c.pos == "PRON"
                                   for c in parsed.children(tok))


def speaker_of_pronoun(parsed: ParsedDoc, tok: Any, actors: Sequence[Any]) -> list[Any]:
    """"Seoul notified Tokyo that it would terminate the pact": a pronoun subject of a
    reported clause stands for the subject of the verb reporting it."""
    if tok is not None and tok.dep == "conj" and tok.head != tok.i and \
            not any(c.dep == "nsubj" for c in parsed.children(tok)):
        tok = parsed.tokens[tok.head]  # "said it would not renew ... and exited the pact"
    if tok is None or tok.dep != "ccomp" or not pronoun_subject(parsed, tok):
        return []
    reporter = parsed.tokens[tok.head]
    # "Burundi left the court, a year after it notified the UN that it was withdrawing":
    # a reporter that is a pronoun itself stands for the subject of the clause above it
    return subject_actors(parsed, reporter, actors, passive=False) or \
        antecedent_subject(parsed, reporter, actors)


def antecedent_subject(parsed: ParsedDoc, tok: Any, actors: Sequence[Any]) -> list[Any]:
    """The actors of the first clause above a relative or adverbial clause whose subject
    is a personal pronoun: "Lithuania left the treaty, which it ratified in 2011". Stops
    at the first clause above with a subject of its own, so a subject that names no
    actor ("the accord replaced the treaty, which it ended") gives none."""
    if tok is None or tok.dep not in EMBEDDED or tok.head == tok.i or not any(
            c.dep == "nsubj" and c.text.lower() in ACTING_PRONOUNS for c in parsed.children(tok)):
        return []
    node = parsed.tokens[tok.head]
    for _ in range(MAX_CLIMB):
        if node.pos in {"VERB", "AUX"} and any(c.dep == "nsubj" for c in parsed.children(node)):
            subj = next(c for c in parsed.children(node) if c.dep == "nsubj")
            if subj.pos == "PRON":
                # "North Korea said that it was leaving the treaty, which it joined in 1985":
                # a pronoun above stands for its own antecedent
                return (speaker_of_pronoun(parsed, node, actors) or antecedent_subject(parsed, node, actors)
                        if subj.text.lower() in ACTING_PRONOUNS else [])
            return subject_actors(parsed, node, actors, passive=False)
        if node.head == node.i:
            return []
        node = parsed.tokens[node.head]
    return []
