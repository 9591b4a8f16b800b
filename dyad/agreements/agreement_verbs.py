"""Agreements stated only by the verb "agree": "Chile and Peru agreed on Monday on a new
fishing quota", "the two sides agreed in June that the troops would leave by October",
"their leaders agreed not to use force". The sides agreed among themselves, so the act is
an agreement between them even when no noun ("deal", "accord") names it.

``verb_agreements`` reads one per sentence whose "agree" has no agreement mention as its
object ("agreed to extend the treaty" is a stage of the treaty), when

- the subject is two or more states (or their leaders, or a group) joined by "and", or a
  phrase standing for the pair in focus ("the two sides", "both governments", "they");
- "agree" is followed (after an optional time phrase) by "that", "to", "not to", "on" or
  "in principle", and not by a plan to keep talking ("agreed to begin talks", "agreed to
  meet again", "agreed to disagree");
- the act is asserted or reported (``clauses.ASSERTED``); "may agree" is no agreement;
- "agree" is not in a relative clause telling an agreement's content ("a treaty under
  which Bhutan agreed to ...");
- no record of the same kind already binds the same sides in that sentence or the one
  before or after (a normalisation read from "agreed to restore ties" is that agreement),
  and none of the same sides is first named in the next sentence ("Under the accord").

Its kind is read from the sentence (``lexicon.context_kind``), else "other"; its one stage
is a joint ``negotiated`` (agreeing on a text is negotiating it, signing is another act).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from dyad.agreements.agreement_parties import country_level
from dyad.agreements.clauses import ASSERTED, PARTY_KINDS, opening_list
from dyad.agreements.lexicon import Lexicon, context_kind
from dyad.agreements.missing_partners import pair_in_focus
from dyad.agreements.spans import dedupe_refs, groups, party_ref, subject_actors, token_at
from dyad.model import ActorRef, Agreement, Evidence, Stage, make_id
from dyad.nlp.parsed import ParsedDoc, Sentence

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")
# "agreed", "have agreed", "agreed late on Saturday", "agreed in May", "agreed last week"
_AGREED = re.compile(
    r"\b(?P<verb>agree[ds]?)\b"
    r"(?:\s+(?:late|early)?\s*(?:on\s+(?:\w+day|" + _MONTH + r"\s+\d{1,2})|in\s+(?:" + _MONTH
    + r"|\d{4})|last\s+(?:week|month|year|\w+day)|this\s+(?:week|month|year)|on\s+\w+day\s+night))?"
    r",?\s+(?P<obj>that|(?:not\s+)?to|on|upon|in\s+principle)\b", re.IGNORECASE)
# What the sides agreed that is no agreement yet: more talks, a meeting, a study.
_ONLY_TALKS = re.compile(
    r"\s+(?:(?:begin|start|hold|resume|continue|launch|open|pursue|keep|meet|discuss|talk|"
    r"consider|study|explore|examine|work|negotiate|disagree|look\s+into|set\s+up\s+(?:a\s+)?"
    r"(?:committee|working\s+group|task\s+force|commission))\b|(?:the\s+)?(?:need|importance)\b|"
    r"(?:further\s+|more\s+)?(?:talks|negotiations|consultations|dialogue)\b)", re.IGNORECASE)
# A subject standing for the pair in focus, right before the verb.
_PAIR = re.compile(r"\b(?:the\s+two(?:\s+(?:countries|sides|governments|nations|neighbou?rs|states|"
                   r"leaders|allies))?|both(?:\s+(?:countries|sides|governments|leaders))?|"
                   r"their\s+(?:leaders|presidents|governments|prime\s+ministers|foreign\s+ministers)|"
                   r"they)\s+(?:(?:have|had|also|then|later|finally|\w+ly)\s+){0,2}$", re.IGNORECASE)
# "their 1949 treaty, under which the kingdom agreed to be guided by India": what a side
# agreed to in an agreement's relative clause is that agreement's content, not another one
_CONTENT_CLAUSE = re.compile(r"\b(?:(?:under|by|in)\s+which|whereby)\s+(?:[\w'’-]+\s+){0,6}$",
                             re.IGNORECASE)
_SIDES = PARTY_KINDS | {"person"}
_THE_LEADERS_OF = re.compile(r"^\s*(?:The\s+)?(?:(?:leaders|presidents|heads\s+of\s+state|prime\s+ministers|"
                             r"foreign\s+ministers|governments|delegations|representatives|negotiators)"
                             r"\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)


def _ids(refs: Sequence[ActorRef]) -> frozenset[str]:
    return frozenset(p.country or p.actor_id for p in refs)


def _sides(parsed: ParsedDoc, sent: Sentence, at: int, actors: Sequence[Any],
           earlier: Sequence[Agreement]) -> list[ActorRef]:
    """The subject of "agree" at ``at`` as country-level parties."""
    pair = _PAIR.search(parsed.text, sent.start, at)
    if pair is not None:
        return pair_in_focus(parsed, actors, pair.start(), pair.group(0), earlier)
    verb = token_at(parsed, at, at + 1)
    subject = subject_actors(parsed, verb, actors, passive=False) if sent.parsed \
        else opening_list(parsed, sent, actors, at)
    if len(subject) < 2:  # "The presidents of Bolivia and Paraguay agreed": a noun the parse keeps apart
        found = groups(parsed.text, [a for a in actors if sent.start <= a.start and a.end <= at])
        subject = next((g for g in found if _THE_LEADERS_OF.match(parsed.text[sent.start:g[0].start])
                        and not re.search(r"[,;]|\b(?:and|but)\b", parsed.text[g[-1].end:at])), subject)
    subject = [a for a in subject if a.actor.kind in _SIDES and (a.actor.country or a.actor.kind != "person")]
    return dedupe_refs(country_level(party_ref(a.actor, actors), actors) for a in subject)


def _already(records: Sequence[Agreement], parsed: ParsedDoc, sent: Sentence, ids: frozenset[str],
             kind: str) -> bool:
    """Whether a record of this kind binding these sides is read from this sentence or
    a neighbouring one, or one of any kind is first named in the next sentence ("... agreed
    not to use force. Under the Argyle declaration, ...": the verb's agreement has a name)."""
    for r in records:
        if not ids <= _ids(r.parties):
            continue
        sents = {s.i for s in parsed.sentences for e in r.evidence if s.start <= e.start < s.end}
        if (r.kind == kind and sents & {sent.i - 1, sent.i, sent.i + 1}) \
                or (sents and min(sents) == sent.i + 1):
            return True
    return False


# The object of "agree" that is an agreement mention: before any comma or semicolon.
OBJECT_WINDOW = 80


def _agreement_object(text: str, cue_end: int, mention_starts: Sequence[int]) -> bool:
    return any(cue_end <= m <= cue_end + OBJECT_WINDOW and not re.search(r"[,;:]", text[cue_end:m])
               for m in mention_starts)


def verb_agreements(parsed: ParsedDoc, records: Sequence[Agreement], actors: Sequence[Any],
                    mention_starts: Sequence[int], lexicon: Lexicon, modality: Callable) -> list[Agreement]:
    """Agreements stated by "agree" between two or more sides, one per sentence at most;
    ``mention_starts`` are the offsets of the document's agreement mentions."""
    out: list[Agreement] = []
    for sent in parsed.sentences:
        for cue in _AGREED.finditer(parsed.text, sent.start, sent.end):
            if _ONLY_TALKS.match(parsed.text, cue.end()) \
                    or _agreement_object(parsed.text, cue.end(), mention_starts) \
                    or _CONTENT_CLAUSE.search(parsed.text, sent.start, cue.start()):
                continue
            verb = token_at(parsed, cue.start(), cue.end("verb"))
            if verb is None or modality(parsed, verb).modality not in ASSERTED:
                continue
            parties = _sides(parsed, sent, cue.start(), actors, [*records, *out])
            ids = _ids(parties)
            kind = context_kind(sent.text, lexicon) or "other"
            if len(ids) < 2 or _already([*records, *out], parsed, sent, ids, kind):
                continue
            evidence = Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end, text=sent.text)
            out.append(Agreement(
                agreement_id=make_id("ag", kind, "+".join(sorted(p.actor_id for p in parties)),
                                     parsed.doc_id, cue.start()),
                name="agreement", kind=kind, parties=parties,
                stages=[Stage(stage="negotiated", party=None, modality="asserted", evidence=evidence)],
                evidence=[evidence]))
            break
    return out
