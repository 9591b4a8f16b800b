"""Modality of an event or agreement stage, read from the sentence around its trigger.

PLOVER calls these auxiliary modes; dyad sets one on every event and stage:
``negated`` ("did not", "refused to", "denied that"), ``hypothetical`` ("would", "if",
"could"), ``expected`` ("is expected to", "is due to", "will"), ``intended`` ("intends
to", "plans to", "wants to"), ``reported`` ("reportedly", "according to", "sources said"),
else ``asserted``.

The cues are looked for on the trigger's own clause and on the chain of clauses that
govern it (xcomp/ccomp/advcl...), stopping at a verb of saying: "Ankara said it would
not ratify" is negated by the ratify clause's own "not", while "the minister said" does
not make the reported act any less asserted (anonymous "sources said" make it reported). When several cues apply, negated and
hypothetical win wherever they are; between expected and intended the cue nearest the
act wins ("will *seek* to expand" is intended); reported comes last (docs/events.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from dyad.nlp.parsed import ParsedDoc, Token

PRIORITY = ("negated", "hypothetical", "expected", "intended", "reported")
# Negation and condition anywhere on the chain decide; between these two, the cue nearest
# the act decides: "will *seek* to expand" is intended (the will is the seeking's), "plans
# to be *expected*" is rare, "is expected to *sign*" is expected.
NEAREST_WINS = frozenset({"expected", "intended"})

# Verbs whose complement clause (or event-noun object) carries their modality: "refused
# to sign", "ruled out talks", "wants a ceasefire", "is expected to sign". Matched on the
# lemma or on the word with a regular ending taken off ("hopes" is tagged "hop").
NEGATING_VERBS = frozenset({"refuse", "deny", "decline", "fail", "reject", "dismiss",
                            "rebuff", "refute", "forgo", "forego", "avoid", "neglect",
                            "cancel", "scrap", "abandon", "veto"})
# Verbs that negate only with their particle: "ruled out talks", not "the court ruled that".
NEGATING_PHRASAL = {"rule": "out", "call": "off"}
# "refrained from attacking", "stopped short of imposing": the act did not happen.
NEGATING_PREPS = frozenset({("refrain", "from"), ("abstain", "from"), ("desist", "from"),
                            ("short", "of"), ("instead", "of"), ("*", "without")})
INTENDING_VERBS = frozenset({"intend", "plan", "want", "seek", "aim", "hope", "wish", "mean",
                             "prepare", "propose", "consider", "try", "attempt", "offer",
                             "desire", "push", "look", "vow", "pledge", "promise", "swear",
                             "decide", "resolve", "strive", "endeavour", "endeavor", "weigh",
                             "contemplate", "mull", "eye", "apply", "campaign", "work",
                             "scramble", "race", "angle", "agree", "commit"})
# "is willing/ready/prepared to withdraw": the act is intended, not yet done.
INTENDING_ADJECTIVES = frozenset({"willing", "ready", "prepared", "keen", "eager", "determined",
                                  "committed", "resolved", "intent", "anxious", "bent",
                                  "interested", "desperate"})
# "plans to", "its bid to join", "a proposal to withdraw": nouns whose content is intended.
INTENDING_NOUNS = frozenset({"plan", "intention", "intent", "bid", "proposal", "aim", "goal",
                             "ambition", "desire", "wish", "pledge", "promise", "vow", "offer",
                             "determination", "readiness", "willingness", "decision", "effort",
                             "push", "drive", "attempt", "commitment", "quest", "hope",
                             "application", "candidacy"})
# "pushing *for* talks", "keen *on* a deal", "committed *to* dialogue", "interest *in* buying"
INTENDING_PREPS = frozenset({"for", "on", "to", "toward", "towards", "in"})
# Participles that make an event noun a plan: "a *planned* visit", "the *proposed* pact".
PLANNED = frozenset({"planned", "proposed", "intended", "envisaged", "envisioned", "mooted",
                     "prospective", "projected", "contemplated", "would-be"})
EXPECTING_VERBS = frozenset({"expect", "schedule", "set", "due", "likely", "poise", "slate",
                             "bound", "certain", "sure", "about", "unlikely"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
REPORT_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly",
                            "apparently", "ostensibly", "unconfirmed"})
REPORT_SOURCES = frozenset({"source", "report", "media", "medium", "newspaper", "outlet",
                            "agency", "insider", "diplomat", "official", "leak", "witness",
                            "eyewitness", "resident", "rumour", "rumor", "press"})
SAYING_VERBS = frozenset({"say", "tell", "state", "announce", "add", "note", "report",
                          "claim", "declare", "confirm", "write", "insist"})
REPORTING_PASSIVES = frozenset({"say", "report", "believe", "understand", "think", "rumor",
                                "rumour", "allege", "suspect", "claim", "know"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
# A subject that negates its clause: "*Neither* Iran nor Iraq signed", "*No* country signed".
NEGATING_DETERMINERS = frozenset({"no", "neither"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "provided", "providing", "assuming",
                               "lest"})
# "*Should* talks fail, ...", "*Were* Iran to attack, ...": an inverted condition.
INVERTED_AUX = frozenset({"should", "were", "had"})
# Time words that put an act in the future: "next week", "tomorrow", "in the coming days".
FUTURE_TIME = frozenset({"next", "tomorrow", "coming", "upcoming", "forthcoming"})
# "in case of an attack", "in the event of war", "in the event that": a condition.
CONDITIONAL_NOUNS = frozenset({"case", "event"})
# Entity labels that name a speaker's owner ("*Russian* officials", "*Reuters* sources").
OWNER_LABELS = frozenset({"NORP", "GPE", "ORG", "PERSON", "LOC"})
# How far up the chain of governing clauses cues are looked for.
MAX_CLAUSE_HOPS = 4
# A relative clause has its own tense and mood: "will release X, whom they had taken
# hostage" does not make the taking expected, so relcl is not climbed.
CLAUSAL_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "pcomp", "conj"})
# A governing verb or adjective lends its modality only to its complement clause ("refused
# *to sign*", "is expected *to sign*", "denied *that*"), not to its objects or adjuncts
# ("set fire ... following the killing"). An event noun that is the object of a governing
# verb ("ruled out *talks*", "wants a *ceasefire*") is that verb's complement too.
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "acl"})
# Nouns whose content clause a negating verb denies: "rejected *claims* that X crossed".
CONTENT_NOUNS = frozenset({"claim", "report", "allegation", "accusation", "suggestion",
                           "rumour", "rumor", "charge", "speculation", "notion", "idea",
                           "assertion", "story", "statement"})


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
        if head.lemma in SAYING_VERBS and head.pos in {"VERB", "AUX"}:
            _saying_cues(parsed, head, found)
            break
        if node.dep in COMPLEMENT_DEPS or (node.dep == "dobj" and node.pos == "NOUN"
                                           and (node is trigger or node.lemma in CONTENT_NOUNS)):
            _governor_cues(parsed, head, node, found)
        elif node.dep == "prep" and ((head.lemma.lower(), node.lemma.lower()) in NEGATING_PREPS
                                     or ("*", node.lemma.lower()) in NEGATING_PREPS):
            found.setdefault("negated", f"{head.text} {node.text}")
        elif node.dep == "advcl" and _infinitival(parsed, node):
            found.setdefault("intended", "to (purpose)")  # "sent troops to restore order"
        elif node.dep == "prep" and node.lemma.lower() in INTENDING_PREPS and (
                _forms(head) & INTENDING_VERBS or head.lemma.lower() in INTENDING_ADJECTIVES
                or head.lemma.lower() in {"interest", "interested"}):
            found.setdefault("intended", f"{head.text} {node.text}")  # "pushing for talks"
        node, hops = head, hops + 1

    for tok in sent_tokens:  # sentence-wide hedges
        low = tok.text.lower()
        if low in REPORT_ADVERBS and (low != "unconfirmed" or tok.dep == "amod"):
            found.setdefault("reported", tok.text)
        elif low == "according" and tok.i + 1 < len(parsed.tokens) \
                and parsed.tokens[tok.i + 1].text.lower() == "to":
            found.setdefault("reported", "according to")
    return _decide(found)


def _decide(found: dict[str, str]) -> ModalityReading:
    """The reading from the cues found, by ``PRIORITY`` with ``NEAREST_WINS`` (``found``
    keeps the order the cues were found in, nearest the trigger first)."""
    for name in PRIORITY:
        if name in NEAREST_WINS:
            nearest = next((k for k in found if k in NEAREST_WINS), None)
            if nearest is not None:
                return ModalityReading(nearest, found[nearest])
        elif name in found:
            return ModalityReading(name, found[name])
    return ModalityReading("asserted")


def _clause_cues(parsed: ParsedDoc, node: Token, found: dict[str, str], *, is_trigger: bool) -> None:
    for child in parsed.children(node):
        low = child.text.lower()
        if child.dep == "neg" or (low in NEGATIONS and child.dep in {"advmod", "det", "neg"}):
            found.setdefault("negated", child.text)
        elif child.dep == "advmod" and low == "longer" and any(
                g.text.lower() == "no" for g in parsed.children(child)):
            found.setdefault("negated", "no longer")  # "no longer supplies gas"
        elif child.dep in {"nsubj", "nsubjpass"} and any(
                g.dep in {"det", "preconj"} and g.text.lower() in NEGATING_DETERMINERS
                for g in parsed.children(child)):
            found.setdefault("negated", f"no/neither {child.text}")
        elif child.dep in {"aux", "auxpass"}:
            if low in HYPOTHETICAL_AUX:
                found.setdefault("hypothetical", child.text)
            elif low in FUTURE_AUX:
                found.setdefault("expected", child.text)
        elif child.dep == "mark" and low in CONDITIONAL_MARKS:
            found.setdefault("hypothetical", child.text)
        elif child.dep == "advcl" and (_has_conditional_mark(parsed, child)
                                       or _inverted_condition(parsed, child)):
            found.setdefault("hypothetical", "if")
        elif child.dep in {"npadvmod", "prep", "advmod"} and node.pos in {"VERB", "AUX"} \
                and _future_time(parsed, child):
            found.setdefault("expected", child.text)  # "hosts talks next week"
        elif child.dep == "prep" and low == "in" and any(
                g.dep == "pobj" and g.lemma.lower() in CONDITIONAL_NOUNS and _has_condition(parsed, g)
                for g in parsed.children(child)):
            found.setdefault("hypothetical", "in case")
        elif not is_trigger and low == "yet" and node.lemma in {"have", "be"}:
            found.setdefault("negated", "yet to")  # "has yet to ratify": not yet done
    if node.pos in {"NOUN", "PROPN"} and any(c.dep == "amod" and c.text.lower() in PLANNED
                                             for c in parsed.children(node)):
        found.setdefault("intended", "planned")  # "a planned visit", "the proposed merger"
    if not is_trigger and node.pos == "NOUN" and node.lemma.lower() in INTENDING_NOUNS:
        found.setdefault("intended", node.text)  # "its bid to join", "plans to withdraw"
    if is_trigger and node.pos == "NOUN" and node.lemma.lower() in {"plan", "intention", "bid", "proposal"}:
        found.setdefault("intended", node.text)
    # "is expected/due/set to sign": the trigger is the xcomp of an expecting word
    if not is_trigger and node.lemma in REPORTING_PASSIVES and _is_passive(parsed, node):
        found.setdefault("reported", node.text)


def _governor_cues(parsed: ParsedDoc, head: Token, node: Token, found: dict[str, str]) -> None:
    forms = _forms(head)
    particle = NEGATING_PHRASAL.get(head.lemma.lower())
    if forms & NEGATING_VERBS or (particle and any(
            c.dep == "prt" and c.text.lower() == particle for c in parsed.children(head))):
        found.setdefault("negated", head.text)
    elif forms & INTENDING_VERBS or head.lemma.lower() in INTENDING_ADJECTIVES:
        found.setdefault("intended", head.text)
    elif forms & EXPECTING_VERBS or head.text.lower() in EXPECTING_VERBS:
        found.setdefault("expected", head.text)
    elif head.lemma == "be" and node.dep == "xcomp" and _infinitival(parsed, node):
        found.setdefault("expected", f"{head.text} to")  # "the two leaders are to sign"


def _saying_cues(parsed: ParsedDoc, verb: Token, found: dict[str, str]) -> None:
    """'Sources said X': the reported act is reported; 'X denied that' is negated. A named
    speaker asserts what they say."""
    if verb.lemma == "deny":
        found.setdefault("negated", verb.text)
    for child in parsed.children(verb):
        if child.dep in {"nsubj", "nsubjpass"} and _forms(child) & REPORT_SOURCES \
                and child.pos != "PROPN" and not _has_owner(parsed, child):
            found.setdefault("reported", f"{child.text} {verb.text}")
    if _is_passive(parsed, verb) and verb.lemma in REPORTING_PASSIVES:
        found.setdefault("reported", verb.text)


def _forms(tok: Token) -> set[str]:
    """The lemma and the word with a regular ending taken off ("hopes" -> "hope")."""
    low = tok.text.lower()
    out = {tok.lemma.lower(), low}
    for end, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("es", "e"), ("s", ""),
                      ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e")):
        if low.endswith(end) and len(low) > len(end) + 2:
            out.add(low[: -len(end)] + repl)
    return out


def _infinitival(parsed: ParsedDoc, verb: Token) -> bool:
    return any(c.dep == "aux" and c.text.lower() == "to" for c in parsed.children(verb))


def _inverted_condition(parsed: ParsedDoc, clause: Token) -> bool:
    """'Should talks collapse, ...': the clause opens with its own auxiliary."""
    kids = list(parsed.children(clause))
    first = min([clause, *kids], key=lambda t: t.i)
    return first.dep == "aux" and first.text.lower() in INVERTED_AUX and first.head == clause.i


def _future_time(parsed: ParsedDoc, tok: Token) -> bool:
    """A time phrase pointing ahead: 'next week', 'tomorrow', 'in the coming days'."""
    words = [tok, *parsed.children(tok)]
    words += [g for w in list(words) if w.dep == "pobj" for g in parsed.children(w)]
    return any(w.text.lower() in FUTURE_TIME for w in words) and not any(
        w.text.lower() in {"last", "past", "previous", "ago"} for w in words)


def _has_condition(parsed: ParsedDoc, noun: Token) -> bool:
    """'in case *of* an attack', 'in the event *that* ...' (not 'in the case against')."""
    return any((c.dep == "prep" and c.text.lower() == "of") or c.dep in {"acl", "relcl", "ccomp"}
               for c in parsed.children(noun)) and not any(
        c.dep == "det" and c.text.lower() == "this" for c in parsed.children(noun))


def _has_conditional_mark(parsed: ParsedDoc, clause: Token) -> bool:
    return any(c.dep == "mark" and c.text.lower() in CONDITIONAL_MARKS
               for c in parsed.children(clause))


def _is_passive(parsed: ParsedDoc, verb: Token) -> bool:
    return any(c.dep in {"auxpass", "nsubjpass"} for c in parsed.children(verb))


def _has_owner(parsed: ParsedDoc, noun: Token) -> bool:
    """'Greek officials' or 'the ministry's sources' name who speaks: not anonymous. A
    capital that only opens the sentence ("Local media") names no one unless the word
    is a name ("Russian officials")."""
    sent_start = parsed.sentences[noun.sent].token_start
    named = {i for e in parsed.entities if e.label in OWNER_LABELS
             for i in range(e.token_start, e.token_end)}
    return any(c.dep in {"poss", "compound", "amod"} and c.pos in {"PROPN", "ADJ"}
               and c.text[:1].isupper() and (c.pos == "PROPN" or c.i != sent_start
                                              or c.i in named)
               for c in parsed.children(noun))
