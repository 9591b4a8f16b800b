"""Two readings of a stage's modality that come from outside the trigger's own clause:

- **a vote that is the act**: "the Sejm voted 400-12 to approve the treaty", "lawmakers
  voted on Friday to reject the accord", "parliament voted to end it", "Putin signed a law
  to quit the pact": the infinitive under a past "voted" (or a law signed or passed) is not
  a plan, the vote or the law did it, so the stage is ``asserted``;
- **a future told by a source**: "Spain will leave the accord in June, according to a
  government decree", "Italy will quit the pact, government sources said": the coming act
  is known only from the report, so an ``expected`` reading of "will"/"shall" becomes
  ``reported`` (the source's own announcement in front, "Anwar said the truce would take
  effect", stays ``expected``); so does any ``expected`` reading told by unnamed officials
  ("is expected to ratify it this year, officials said", "Officials said the leaders would
  exchange the instruments");
- **a party's own announcement**: "Australia and Indonesia will sign a treaty in January,
  Prime Minister Anthony Albanese said": an ``expected`` act whose speaker belongs to one
  of its parties is that party's aim, ``intended`` (``announced_by_party``);
- **a past time clause**: "Egypt became the first Arab state to make peace with Israel when
  the two signed a treaty in 1979": a past tense under "when"/"after"/"because" tells a
  done act, whatever the infinitive it hangs on wants (``asserted``);
- **a negation under a condition**: "if parliament fails to ratify the treaty", "if the
  Senate does not approve it" tell neither that the act happened nor that it did not: the
  condition decides (``hypothetical``);
- **a present with a coming time**: "the Riksdag votes next week on the accord" is a
  scheduled act, ``expected``; so is a simple present with a date ("the lease, which
  expires in July": news tells past acts in the past);
- **a future awaiting another act**: "will enter into force once both parliaments have
  ratified it", "will take effect when Peru has approved it": the act is conditioned on
  the other (``hypothetical``), unlike "is expected to take effect", a forecast.

Both work on the parse when there is one and on word order otherwise.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.spans import subject_actors
from dyad.nlp.parsed import ParsedDoc, Token

__all__ = ["VOTED_STAGES", "announced_by_party", "attributed_future", "awaited_condition", "conditioned", "officials_said",
           "past_time_clause", "present_future", "rolled_forward", "scheduled_present", "voted_act"]

# Stages a vote or an enacted law performs: a legislature's vote to approve, reject,
# end, leave, suspend or extend a treaty is the act (the state is bound by it), and so is
# a law or decree signed or passed to do it.
VOTED_STAGES = frozenset({"ratified", "rejected", "terminated", "withdrawn", "suspended", "renewed"})
# "voted 276-0 on Thursday to", "voted overwhelmingly to", "signed a law in June to quit",
# "passed a bill to end"; no negation or modal in between
_NO_MODAL = r"(?:(?!(?:not|never|would|could|might|(?-i:may)|will)\b)[^,.;:])"  # "in May" is a month
_VOTED_TO = re.compile(rf"(?:\bvoted\s+{_NO_MODAL}{{0,40}}?|\b(?:signed|passed|adopted|issued|enacted)\s+(?:a|an|the)\s+"
                       rf"(?:[\w-]+\s+){{0,2}}(?:law|bill|decree|resolution|act|order)\b{_NO_MODAL}{{0,30}}?)\bto\s+$",
                       re.IGNORECASE)
# The source after the act: "according to the ministry", "government sources said"
_ACCORDING = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
_SOURCES_SAID = re.compile(r"\bsources?\s+(?:[\w-]+\s+){0,2}?(?:said|say|says|told|reported)\b",
                           re.IGNORECASE)
# Unnamed officials as the source: "officials said", "Kremlin officials said", "officials
# in Ankara say", "diplomats said" (a named speaker, "Foreign Minister Lavrov said", is not)
_OFFICIALS_SAID = re.compile(r"\b(?:officials|diplomats)(?:\s+(?:in|at)\s+[A-Z][\w-]+)?\s+(?:have\s+)?"
                             r"(?:said|say|says|told|reported)\b", re.IGNORECASE)
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll", "wo"})
MAX_HOPS = 2


def voted_act(parsed: ParsedDoc, tok: Token, stage: str) -> bool:
    """The trigger is the infinitive of a past "voted ... to" (of a stage a vote
    performs)."""
    if stage not in VOTED_STAGES:
        return False
    sent = parsed.sentences[tok.sent]
    return _VOTED_TO.search(parsed.text, max(sent.start, tok.start - 60), tok.start) is not None


def attributed_future(parsed: ParsedDoc, tok: Token) -> bool:
    """A "will"/"shall" future of the trigger's clause (or of the verbs governing it) with
    its source given after it: "according to ..." or "sources said"."""
    sent = parsed.sentences[tok.sent]
    if not (_ACCORDING.search(parsed.text, tok.end, sent.end)
            or _SOURCES_SAID.search(parsed.text, tok.end, sent.end)):
        return False
    if not sent.parsed:
        clause = parsed.text[max(sent.start, tok.start - 30):tok.start]
        return re.search(r"\b(?:will|shall)\s+(?:\S+\s+){0,2}$|['’]ll\s+$", clause, re.IGNORECASE) is not None
    node = tok
    for _ in range(MAX_HOPS + 1):
        if any(c.dep == "aux" and c.text.lower() in _FUTURE_AUX for c in parsed.children(node)):
            return True
        if node.head == node.i:
            return False
        node = parsed.tokens[node.head]
    return False


def officials_said(parsed: ParsedDoc, tok: Token) -> bool:
    """The trigger's sentence says that unnamed officials or diplomats told it ("Both
    parliaments are expected to ratify it this year, officials said", "Officials said the
    two leaders would exchange the instruments on Monday"): a coming act known only from
    their report."""
    sent = parsed.sentences[tok.sent]
    return _OFFICIALS_SAID.search(parsed.text, sent.start, sent.end) is not None


# Verbs by which a speaker announces a coming act: "Albanese said", "the ministry announced"
ANNOUNCING_VERBS = frozenset({"say", "tell", "announce", "confirm", "state", "declare"})
# "..., Prime Minister Anthony Albanese said on Wednesday": the speaker after the act;
# "Vietnam's trade ministry said (that)": before it (word order, for an unparsed sentence)
_SAID_AFTER = re.compile(r",\s+(?P<who>[^,;]{2,80}?)\s+(?:said|says|told|announced|confirmed)\b")
_SAID_BEFORE = re.compile(r"(?P<who>[^,;]{2,80}?)\s+(?:said|says|announced|confirmed)\s+(?:on\s+\w+\s+)?(?:that\s+)?$")


def announced_by_party(parsed: ParsedDoc, tok: Token, actors: Sequence[Any], parties: Sequence[Any]) -> bool:
    """A coming act of ``parties`` that one of them announces: "Australia and Indonesia
    will sign a treaty in January, Prime Minister Anthony Albanese said", "Vietnam's trade
    ministry said the two countries would also sign a rice deal": the speaker's country is
    a party, so the act is its own announced aim (``intended``), not a forecast."""
    countries = {p.country for p in parties if p.country}
    if not countries:
        return False
    sent = parsed.sentences[tok.sent]
    if sent.parsed:
        node = tok
        for _ in range(MAX_HOPS + 2):
            if node.dep == "ccomp" and node.head != node.i:
                head = parsed.tokens[node.head]
                return head.lemma.lower() in ANNOUNCING_VERBS and any(
                    a.actor.country in countries for a in subject_actors(parsed, head, actors, passive=False))
            if node.head == node.i:
                return False
            node = parsed.tokens[node.head]
        return False
    spans = [m.span("who") for m in (_SAID_AFTER.search(parsed.text, tok.end, sent.end),
                                     _SAID_BEFORE.search(parsed.text, sent.start, tok.start)) if m is not None]
    return any(a.actor.country in countries for lo, hi in spans for a in actors if lo <= a.start and a.end <= hi)


# "votes next week", "signs later this month": a present tense with a coming time
_COMING = re.compile(r"\s+(?:(?:next|later\s+this|early\s+next|in\s+the\s+coming)\s+(?:week|month|year|spring|"
                     r"summer|autumn|fall|winter)|later\s+(?:today|this\s+week))\b", re.IGNORECASE)


def present_future(parsed: ParsedDoc, tok: Token) -> bool:
    """A trigger not in a past form followed by a coming time ("votes next week on")."""
    return tok.tag not in {"VBD", "VBN"} and _COMING.match(parsed.text, tok.end) is not None


# Conjunctions of a time or cause clause whose past tense is its own ("once" and "until"
# can tell a future in the past: "would take effect once both sides ratified it")
PAST_MARKS = frozenset({"when", "after", "since", "because", "as"})


def past_time_clause(parsed: ParsedDoc, tok: Token) -> bool:
    """A past-tense trigger heading a clause opened by ``PAST_MARKS`` ("when" is parsed as
    its mark or its adverb), with no auxiliary or negation of its own, under a verb with
    no future ("... to make peace when the two signed a treaty in 1979"; not "would sign
    when Peru ratified it", a future in the past)."""
    if not parsed.sentences[tok.sent].parsed or tok.tag != "VBD" or tok.dep != "advcl" \
            or tok.head == tok.i:
        return False
    kids = parsed.children(tok)
    future = any(c.dep == "aux" and c.text.lower() in _FUTURE_AUX | {"would"}
                 for c in parsed.children(parsed.tokens[tok.head]))
    return not future and any(c.dep in {"mark", "advmod"} and c.text.lower() in PAST_MARKS
                              for c in kids) and not any(c.dep in {"aux", "auxpass", "neg"} for c in kids)


CONDITION_MARKS = frozenset({"if", "unless"})


def conditioned(parsed: ParsedDoc, tok: Token) -> bool:
    """The trigger's clause, or the clause whose infinitive it is ("fails to ratify"), is
    opened by "if" or "unless"."""
    if not parsed.sentences[tok.sent].parsed:
        return False
    node = tok
    for _ in range(MAX_HOPS + 1):
        if any(c.dep == "mark" and c.text.lower() in CONDITION_MARKS for c in parsed.children(node)):
            return True
        if node.dep != "xcomp" or node.head == node.i:
            return False
        node = parsed.tokens[node.head]
    return False


# "once both parliaments have ratified it", "when Peru approves it", "as soon as both
# sides ratify it": the clause awaits an act (a perfect, or one of these verbs)
AWAITING_MARKS = frozenset({"once", "after", "when", "as"})
AWAITED_ACTS = frozenset({"ratify", "approve", "sign", "complete", "exchange", "deposit", "adopt",
                          "pass", "endorse", "notify", "conclude", "finish"})
_AWAITING = re.compile(r"\b(?:will|shall)\s+(?:\w+\s+){0,2}?$", re.IGNORECASE)
_AWAITED = re.compile(r"[^.;]{0,40}?\b(?:once|when|after|as\s+soon\s+as)\s+[^.;]{0,60}?\b(?:ha(?:ve|s)\s+\w+ed|"
                      r"ratif|approv)", re.IGNORECASE)


def awaited_condition(parsed: ParsedDoc, tok: Token) -> bool:
    """A trigger under "will"/"shall" (not "is expected to") with a time clause that awaits
    another act: "will enter into force once both parliaments have ratified it"."""
    sent = parsed.sentences[tok.sent]
    if not sent.parsed:
        return _AWAITING.search(parsed.text, max(sent.start, tok.start - 20), tok.start) is not None \
            and _AWAITED.match(parsed.text, tok.end, sent.end) is not None
    kids = parsed.children(tok)
    if not any(c.dep == "aux" and c.text.lower() in _FUTURE_AUX for c in kids):
        return False
    # "as soon as both sides ratify it": the clause hangs on "soon"
    heads = [tok] + [c for c in kids if c.dep == "advmod" and c.text.lower() == "soon"]
    for head in heads:
        for clause in parsed.children(head):
            if clause.dep != "advcl" or clause.tag == "VBD":
                continue
            marks = parsed.children(clause)
            if not any(c.dep in {"mark", "advmod"} and c.text.lower() in AWAITING_MARKS for c in marks):
                continue
            if clause.lemma.lower() in AWAITED_ACTS or any(c.dep == "aux" and c.lemma == "have" for c in marks):
                return True
    return False


_NO_LONGER = re.compile(r"\bno\s+longer\s+$", re.IGNORECASE)


def scheduled_present(parsed: ParsedDoc, tok: Token) -> bool:
    """A simple present of the trigger itself, no auxiliary ("the lease, which expires in
    July"): with a date, a scheduled act. Not a state that has ceased ("it no longer
    considers itself bound by the treaty", said on Friday): that is told as it stands now."""
    if tok.tag not in {"VBZ", "VBP"} or tok.lemma.lower() in {"be", "have"}:
        return False
    if _NO_LONGER.search(parsed.text, max(0, tok.start - 12), tok.start):
        return False
    return not parsed.sentences[tok.sent].parsed or \
        not any(c.dep in {"aux", "auxpass", "neg"} for c in parsed.children(tok))


def rolled_forward(value: str, doc_date: str | None) -> str:
    """A year-less date of a scheduled act moved to the next year when the guess put it
    before publication ("expires in March", written in June 2014: March 2015)."""
    if not doc_date or not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", value) \
            or value >= doc_date[:len(value)]:
        return value
    return f"{int(value[:4]) + 1:04d}{value[4:]}"
