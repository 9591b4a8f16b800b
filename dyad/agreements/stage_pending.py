"""Whether a stage is still to come, read from the dependency parse, for
``stage_modality``: a requirement ("must still be ratified", "has to be signed"), a
schedule ("the signing is scheduled for May"), a delay ("postponed the signing"), a wait
("awaits ratification", "pending signature") or a future time clause ("once both
legislatures ratify it") describes a step not yet taken, so its modality is ``expected``.
"""

from __future__ import annotations

from dyad.nlp.parsed import ParsedDoc, Token

__all__ = ["PRESENT_TAGS", "awaited", "awaits_time_clause", "delayed", "future_time_clause", "required",
           "scheduled"]

MAX_HOPS = 3

# "must", "has to", "needs to", "is required to": the governed act is still to come.
REQUIRING_VERBS = frozenset({"have", "need", "require", "oblige", "obligate"})
REQUIRING_MODALS = frozenset({"must"})
# Conjunctions of a time clause whose present tense speaks of the future.
TIME_MARKS = frozenset({"before", "until", "till", "once", "when", "after"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# Conjunctions of a time clause that a step waits on ("takes effect once ...").
AWAITING_MARKS = frozenset({"once", "when", "after"})
# "awaits signature", "pending ratification": the stage is still to come.
AWAITING = frozenset({"await", "awaits", "awaiting", "awaited", "pending"})
NEEDING = frozenset({"need", "require"})
# "delayed a vote on ratifying", "postponed the signing": the act is still to come
DELAYING_VERBS = frozenset({"delay", "postpone", "defer", "reschedule", "push"})
# "the signing is scheduled for May", "is expected later this year": still to come
SCHEDULING = frozenset({"schedule", "expect", "plan", "set", "slate", "due", "likely"})


def future_time_clause(parsed: ParsedDoc, tok: Token) -> bool:
    """"before it takes effect", "once both legislatures ratify it", "until the treaty
    is ratified", "before the deal can take effect": a time clause in the present tense
    or with a modal of possibility."""
    if tok.dep != "advcl":
        return False
    kids = _kids(parsed, tok)
    if not any(c.dep in {"mark", "advmod"} and c.text.lower() in TIME_MARKS for c in kids):
        return False
    if tok.tag in PRESENT_TAGS:
        return True
    if any(c.dep == "aux" and c.text.lower() in {"can", "could", "may", "might"} for c in kids) and \
            any(c.dep == "mark" and c.text.lower() in {"before", "until", "till", "once"} for c in kids):
        return True  # "the last step before the deal can take effect": still to come
    return tok.tag == "VBN" and any(c.dep in {"auxpass", "aux"} and c.tag in PRESENT_TAGS
                                    for c in kids)


def awaits_time_clause(parsed: ParsedDoc, tok: Token) -> bool:
    """A simple present, with no auxiliary, that waits on a future time clause of its own
    ("the treaty takes effect once both parliaments approve it", "enters into force when
    instruments of ratification are exchanged"): a step still to come, as "will take
    effect once" is."""
    kids = _kids(parsed, tok)
    if tok.tag not in PRESENT_TAGS or any(c.dep in {"aux", "auxpass", "neg"} for c in kids):
        return False
    return any(c.dep == "advcl" and future_time_clause(parsed, c) and any(
        m.dep in {"mark", "advmod"} and m.text.lower() in AWAITING_MARKS for m in _kids(parsed, c))
        for c in kids)


def required(parsed: ParsedDoc, tok: Token) -> bool:
    """The trigger, or a verb it is the complement or conjunct of, carries "must" or is
    the infinitive of "has to" / "needs to" / "is required to" ("has to be signed and
    ratified": both)."""
    node = tok
    for _ in range(MAX_HOPS):
        kids = _kids(parsed, node)
        if any(c.dep == "aux" and c.text.lower() in REQUIRING_MODALS for c in kids):
            return True
        if node.dep not in {"xcomp", "conj"} or node.head == node.i:
            return False
        head = parsed.tokens[node.head]
        if head.lemma.lower() in REQUIRING_VERBS and (node.dep == "xcomp" or any(
                c.dep == "xcomp" for c in _kids(parsed, head))):
            return True  # a "have" with no infinitive is no requirement ("the two have no
            # relations, and ... Armenia annulled them")
        node = head
    return False


def scheduled(parsed: ParsedDoc, tok: Token) -> bool:
    """A stage noun that is the subject of a verb of scheduling or expecting, or of a
    verb in the future ("The signing is scheduled for May", "Ratification will follow")."""
    if tok.pos != "NOUN" or tok.dep not in {"nsubj", "nsubjpass"} or tok.head == tok.i:
        return False
    head = parsed.tokens[tok.head]
    return head.lemma.lower() in SCHEDULING or any(
        c.dep == "aux" and c.text.lower() in {"will", "shall", "'ll", "’ll"} for c in _kids(parsed, head))


def delayed(parsed: ParsedDoc, tok: Token) -> bool:
    """The trigger (a gerund or noun) sits in the object of a verb of delaying ("delayed a
    vote on ratifying", "postponed the signing")."""
    node = tok
    for _ in range(MAX_HOPS + 1):
        if node.dep not in {"pcomp", "pobj", "prep", "dobj", "nsubjpass"} or node.head == node.i:
            return False
        node = parsed.tokens[node.head]
        if node.pos in {"VERB", "AUX"}:
            return node.lemma.lower() in DELAYING_VERBS
    return False


def awaited(parsed: ParsedDoc, tok: Token) -> bool:
    """A stage noun that is the object of "await" or follows "pending", or the object of
    "need" / "require" ("the pact still needs the approval of parliament", "requires
    ratification by both chambers"): what is still wanted is still to come."""
    if tok.pos != "NOUN" or tok.head == tok.i:
        return False
    head = parsed.tokens[tok.head]
    if head.lemma.lower() in AWAITING or tok.dep == "dobj" and head.lemma.lower() in NEEDING:
        return True
    prev = parsed.tokens[tok.i - 1] if tok.i else None
    return prev is not None and prev.text.lower() in AWAITING


def _kids(parsed: ParsedDoc, tok: Token) -> list[Token]:
    return list(parsed.children(tok))
