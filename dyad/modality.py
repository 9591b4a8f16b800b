"""Modality of an event or agreement stage, read from the sentence around its trigger.

PLOVER calls these auxiliary modes; dyad sets one on every event and stage:
``negated`` ("did not", "refused to", "denied that"), ``hypothetical`` ("would", "if",
"could"), ``expected`` ("is expected to", "is due to", "will"), ``intended`` ("intends
to", "plans to", "wants to"), ``reported`` ("reportedly", "according to", "sources said"),
else ``asserted``.

The cues are looked for on the trigger's own clause and on the chain of clauses that
govern it (xcomp/ccomp/advcl...), stopping at a verb of saying: "Ankara said it would
not ratify" is negated by the ratify clause's own "not", while "officials said" does not
make the reported act any less asserted by them. When several cues apply, the strongest
wins in the order of ``PRIORITY``.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyad.nlp.parsed import ParsedDoc, Token

PRIORITY = ("negated", "hypothetical", "expected", "intended", "reported")

# Verbs whose complement clause carries their modality ("refused to sign").
NEGATING_VERBS = frozenset({"refuse", "deny", "decline", "fail", "reject", "rule", "dismiss"})
INTENDING_VERBS = frozenset({"intend", "plan", "want", "seek", "aim", "hope", "wish", "mean",
                             "prepare", "propose", "consider", "try", "attempt", "offer",
                             "desire", "push", "look"})
# "is willing/ready/prepared to withdraw": the act is intended, not yet done.
INTENDING_ADJECTIVES = frozenset({"willing", "ready", "prepared", "keen", "eager", "determined",
                                  "committed", "resolved"})
EXPECTING_VERBS = frozenset({"expect", "schedule", "set", "due", "likely", "poise", "slate"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
REPORT_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly",
                            "apparently", "ostensibly"})
REPORT_SOURCES = frozenset({"source", "report", "media", "newspaper", "outlet", "agency",
                            "insider", "diplomat", "official", "leak"})
SAYING_VERBS = frozenset({"say", "tell", "state", "announce", "add", "note", "report",
                          "claim", "declare", "confirm", "write", "insist"})
REPORTING_PASSIVES = frozenset({"say", "report", "believe", "understand", "think", "rumor",
                                "rumour", "allege"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# How far up the chain of governing clauses cues are looked for.
MAX_CLAUSE_HOPS = 4
# A relative clause has its own tense and mood: "will release X, whom they had taken
# hostage" does not make the taking expected, so relcl is not climbed.
CLAUSAL_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "pcomp", "conj"})
# A governing verb or adjective lends its modality only to its complement clause ("refused
# *to sign*", "is expected *to sign*", "denied *that*"), not to its objects or adjuncts
# ("set fire ... following the killing").
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "acl"})


@dataclass(frozen=True, slots=True)
class ModalityReading:
    modality: str
    cue: str | None = None  # the word that decided, for the record's reason

    def __str__(self) -> str:
        return f"{self.modality} ({self.cue})" if self.cue else self.modality


def modality_of(parsed: ParsedDoc, trigger: Token) -> ModalityReading:
    """The modality of the act whose trigger word is ``trigger``."""
    found: dict[str, str] = {}
    sent = parsed.sentences[trigger.sent]
    sent_tokens = parsed.sentence_tokens(sent)

    node, hops = trigger, 0
    while True:
        _clause_cues(parsed, node, found, is_trigger=node is trigger)
        head = parsed.tokens[node.head]
        if head.i == node.i or hops >= MAX_CLAUSE_HOPS:
            break
        if node.dep == "relcl" or (node.dep not in CLAUSAL_DEPS and node.pos in {"VERB", "AUX"}):
            break
        if head.lemma in SAYING_VERBS:
            _saying_cues(parsed, head, found)
            break
        if node.dep in COMPLEMENT_DEPS:
            _governor_cues(head, found)
        node, hops = head, hops + 1

    for tok in sent_tokens:  # sentence-wide hedges
        low = tok.text.lower()
        if low in REPORT_ADVERBS:
            found.setdefault("reported", tok.text)
        elif low == "according" and tok.i + 1 < len(parsed.tokens) \
                and parsed.tokens[tok.i + 1].text.lower() == "to":
            found.setdefault("reported", "according to")
    for name in PRIORITY:
        if name in found:
            return ModalityReading(name, found[name])
    return ModalityReading("asserted")


def _clause_cues(parsed: ParsedDoc, node: Token, found: dict[str, str], *, is_trigger: bool) -> None:
    for child in parsed.children(node):
        low = child.text.lower()
        if child.dep == "neg" or (low in NEGATIONS and child.dep in {"advmod", "det", "neg"}):
            found.setdefault("negated", child.text)
        elif child.dep in {"aux", "auxpass"}:
            if low in HYPOTHETICAL_AUX:
                found.setdefault("hypothetical", child.text)
            elif low in FUTURE_AUX:
                found.setdefault("expected", child.text)
        elif child.dep == "mark" and low in CONDITIONAL_MARKS:
            found.setdefault("hypothetical", child.text)
        elif child.dep == "advcl" and _has_conditional_mark(parsed, child):
            found.setdefault("hypothetical", "if")
        elif not is_trigger and low == "yet" and node.lemma in {"have", "be"}:
            found.setdefault("negated", "yet to")  # "has yet to ratify": not yet done
    if node.pos == "NOUN" and node.lemma in {"plan", "intention", "bid", "proposal"}:
        found.setdefault("intended", node.text)
    # "is expected/due/set to sign": the trigger is the xcomp of an expecting word
    if not is_trigger and node.lemma in REPORTING_PASSIVES and _is_passive(parsed, node):
        found.setdefault("reported", node.text)


def _governor_cues(head: Token, found: dict[str, str]) -> None:
    if head.lemma in NEGATING_VERBS:
        found.setdefault("negated", head.text)
    elif head.lemma in INTENDING_VERBS or head.lemma.lower() in INTENDING_ADJECTIVES:
        found.setdefault("intended", head.text)
    elif head.lemma in EXPECTING_VERBS or head.text.lower() in EXPECTING_VERBS:
        found.setdefault("expected", head.text)


def _saying_cues(parsed: ParsedDoc, verb: Token, found: dict[str, str]) -> None:
    """'Sources said X': the reported act is reported; 'X denied that' is handled as a
    governor. A named speaker asserts what they say."""
    if verb.lemma == "deny":
        found.setdefault("negated", verb.text)
    for child in parsed.children(verb):
        if child.dep in {"nsubj", "nsubjpass"} and child.lemma.lower() in REPORT_SOURCES \
                and child.pos != "PROPN" and not _has_owner(parsed, child):
            found.setdefault("reported", f"{child.text} {verb.text}")
    if _is_passive(parsed, verb) and verb.lemma in REPORTING_PASSIVES:
        found.setdefault("reported", verb.text)


def _has_conditional_mark(parsed: ParsedDoc, clause: Token) -> bool:
    return any(c.dep == "mark" and c.text.lower() in CONDITIONAL_MARKS
               for c in parsed.children(clause))


def _is_passive(parsed: ParsedDoc, verb: Token) -> bool:
    return any(c.dep in {"auxpass", "nsubjpass"} for c in parsed.children(verb))


def _has_owner(parsed: ParsedDoc, noun: Token) -> bool:
    """'Greek officials' or 'the ministry's sources' name who speaks: not anonymous."""
    return any(c.dep in {"poss", "compound", "amod"} and c.pos in {"PROPN", "ADJ"}
               and c.text[:1].isupper() for c in parsed.children(noun))
