"""Parties a stage's own words name, which ``stage_parties`` (the subject, "by X", the
body) does not read; ``named_sides`` applies them after it:

- signatories listed: "The treaty's signatories include Mexico and Brazil", "Among the
  signatories of the accord were ...";
- the sides of talks: "Talks between India and Britain on a trade deal" (both), "India held
  talks with Britain on" (the subject and Britain);
- who left: "the withdrawal of the United States from the treaty", "Trump withdrew the
  United States from the deal" (the state taken out);
- one among others: "Finland was among the countries that signed the treaty";
- long talks: "After years of negotiations, India and the EU signed": the subject of the
  verb the phrase hangs on.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.clauses import OUTSIDER_VERBS
from dyad.agreements.lexicon import Hit
from dyad.agreements.mention_record import AgreementMention
from dyad.agreements.spans import group_after, group_before, party_ref, subject_actors
from dyad.agreements.stage_targets import LONG_TALKS
from dyad.nlp.parsed import ParsedDoc, Sentence

__all__ = ["named_sides"]


def named_sides(parsed: ParsedDoc, sent: Sentence, hit: Hit, mention: AgreementMention, stage: str,
                tok: Any, parties: list, free_actors: Sequence[Any], pool: Sequence[Any]) -> list:
    """The parties of one stage trigger, given those ``stage_parties`` found."""
    text = parsed.text
    if stage == "signed":
        parties = _listed_signatories(text, hit, mention, sent, free_actors, pool) or parties
    elif stage == "negotiated":
        parties = _talks_sides(text, hit, parties, free_actors, pool)
    elif stage == "withdrawn":
        parties = _leaver_of(parsed, hit, sent, tok, free_actors, pool) or parties
    if not parties:
        parties = _one_of_doers(text, hit, sent, free_actors, pool)
    if LONG_TALKS.search(text, hit.start, hit.end):
        verb = _governing_verb(parsed, tok)
        if verb is not None and verb.lemma.lower() in OUTSIDER_VERBS | BROKERING_VERBS:
            return []  # "Cuba and Norway served as guarantors of four years of talks"
        if not parties and verb is not None:
            parties = [party_ref(a.actor, pool)
                       for a in subject_actors(parsed, verb, free_actors, passive=False)]
    return parties


# After "signatories (of the treaty)": "include", "were", ", including" opening their list
_SIGNATORY_LIST = re.compile(r"\s*,?\s*(?:include[sd]?|including|are|were|among\s+them)\s+(?:the\s+)?",
                             re.IGNORECASE)


def _listed_signatories(text: str, hit: Hit, mention: AgreementMention, sent: Sentence,
                        free_actors: Sequence[Any], pool: Sequence[Any]) -> list:
    """"The treaty's signatories include Mexico and Brazil", "Among the signatories of the
    accord were ...": the actors listed after the signatories (and their agreement)."""
    if "signator" not in text[hit.start:hit.end].lower():
        return []
    start = max(hit.end, mention.end if mention.start >= hit.end else hit.end)
    cue = _SIGNATORY_LIST.match(text, start, sent.end)
    if cue is None:
        return []
    return [party_ref(a.actor, pool)
            for a in group_after(text, free_actors, cue.end(), ceiling=sent.end, max_gap=2)]


# Verbs whose state object is taken out ("withdrew the US", "pulled Britain out of");
# "followed the US out of the treaty" is the subject's own exit
_TAKING_OUT = frozenset({"withdraw", "pull", "take"})
_OF_LEAVER = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_FROM = re.compile(r"\s+(?:from|out\s+of)\s", re.IGNORECASE)


def _leaver_of(parsed: ParsedDoc, hit: Hit, sent: Sentence, tok: Any, free_actors: Sequence[Any],
               pool: Sequence[Any]) -> list:
    """"the withdrawal of the United States from the treaty": the actors after "of" left;
    "Trump withdrew the United States from the deal": the state withdrawn left."""
    text = parsed.text
    if tok is not None and tok.pos == "VERB" and tok.lemma.lower() in _TAKING_OUT \
            and parsed.sentences[tok.sent].parsed:
        obj = next((c for c in parsed.children(tok) if c.dep == "dobj"), None)
        states = [a for a in free_actors if obj is not None and a.start <= obj.start < a.end
                  and a.actor.kind == "state"]
        if states:
            return [party_ref(a.actor, pool) for a in states]
    of = _OF_LEAVER.match(text, hit.end, sent.end)
    if of is None or not text[hit.start:hit.end].lower().endswith(("withdrawal", "exit", "departure")):
        return []
    found = group_after(text, free_actors, of.end(), ceiling=sent.end, max_gap=0)
    if not found or not _FROM.match(text, found[-1].end, sent.end):
        return []
    return [party_ref(a.actor, pool) for a in found]


# "Finland was among the countries that signed", "one of 50 states that have ratified"
_ONE_OF = re.compile(r"\s*\b(?:was|were|is|are|became|has\s+been)\s+(?:among|one\s+of)\s+(?:the\s+)?(?:[\d,]+\s+|"
                     r"(?:first|few|many|last)\s+)?(?:[\w-]+\s+){0,2}?(?:countries|states|nations|governments|"
                     r"members|signatories|parties)\s+(?:that|which|who)\s+(?:(?:have|has|had|also)\s+)?$",
                     re.IGNORECASE)


def _one_of_doers(text: str, hit: Hit, sent: Sentence, free_actors: Sequence[Any],
                  pool: Sequence[Any]) -> list:
    """The actors said to be among those whose relative clause the trigger is."""
    found = _ONE_OF.search(text, sent.start, hit.start)
    if found is None:
        return []
    return [party_ref(a.actor, pool)
            for a in group_before(text, free_actors, found.start(), floor=sent.start, max_gap=3)]


# Verbs of a subject that helped others' talks along ("served as guarantors of the talks").
BROKERING_VERBS = frozenset({"serve", "act", "sponsor", "oversee", "chair"})

_SIDES = re.compile(r"\b(?P<prep>between|among|with)\s+(?:the\s+)?", re.IGNORECASE)


def _talks_sides(text: str, hit: Hit, parties: list, free_actors: Sequence[Any],
                 pool: Sequence[Any]) -> list:
    """"Talks between India and Britain on a trade deal": the sides the trigger names
    negotiated; "held talks with Britain on": the subject and the side "with" names."""
    sides = _SIDES.search(text, hit.start, hit.end)
    if sides is None:
        return parties
    listed = [party_ref(a.actor, pool)
              for a in group_after(text, free_actors, sides.end(), ceiling=hit.end, max_gap=2)]
    if sides.group("prep").lower() != "with":
        return listed or parties
    return parties + [r for r in listed if r.actor_id not in {p.actor_id for p in parties}]


def _governing_verb(parsed: ParsedDoc, tok: Any) -> Any:
    """"After years of negotiations, India and the EU signed a trade deal": the verb the
    phrase hangs on, whose subject held the talks (unless it only helped them along)."""
    node = tok
    for _ in range(4):
        if node is None or node.head == node.i:
            break
        node = parsed.tokens[node.head]
        if node.pos in {"VERB", "AUX"}:
            return node
    return None
