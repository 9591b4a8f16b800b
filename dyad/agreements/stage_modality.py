"""Readings of a stage's modality that the general reader (``dyad.modality``) leaves
as they are, because they matter for treaties more than for events:

- **a requirement is not an act**: "the deal must be approved by parliament", "still has
  to be signed", "needs to be ratified by all members" describe a step still to come, so
  an asserted reading becomes ``expected``;
- **the future of reported speech**: "Kishida said the pact would take effect next
  year": "would" is "will" told in the past, ``expected`` (the speaker's own act, "France
  said it would end the accords", is its aim: ``own_future``, read as ``intended`` by
  ``stages``), unless a condition ("if", "unless") stands in the sentence or the verb of
  saying is in the present ("officials say the deal would have to be approved": a
  condition, ``hypothetical``);
- **a possibility or a condition**: "can be terminated by either side" and "will take
  effect only once all members approve it", "can be signed only after" are
  ``hypothetical`` (not "before the deal can take effect", a coming event);
- **put off, or scheduled and contradicted**: "has put off signing", "held off on ratifying"
  (a gerund under a verb of putting off; not the noun of "postponed the signing", which
  is ``expected``), "was to be signed last month, but ..." are ``negated``;
- **talks that failed**: "negotiations on a trade deal have failed to produce one", "the
  talks collapsed": the negotiation is ``negated``;
- **awaited**: "the treaty awaits signature", "pending ratification" -> ``expected``;
- **a demand**: "Russia demanded that NATO sign it", "Washington urged Ankara to ratify
  the protocol": the act is wanted, ``intended``, not done;
- **a gerund after "before"/"without"**: "Aliyev demands changes before signing the
  treaty" is an ``expected`` signing (when the main verb is not in the past); "left
  without signing" is ``negated``;
- **a future time clause**: "before it takes effect", "when it expires in February
  2026", "once both legislatures ratify it" speak of a coming event in the present tense;
  the clause is ``expected`` whatever its main clause says ("Russia would not extend the
  treaty when it expires" does not negate the expiry).

- **agreeing to extend is extending** (``DECIDED_BY_AGREEING``): "the two sides agreed to
  extend the truce", "signed a deal to extend the contract", "reached an agreement to
  suspend the pact" are asserted, not plans, and so are agreed suspensions and
  terminations ("agreed to sign" stays intended);
- **a participle's own time**: "the accords, signed in 2009, were never ratified": the
  reduced relative is done, whatever its main clause negates or plans.

A proposal's modality is ``stage_proposals``; the readings of a step still to come
(requirement, schedule, delay, wait, future time clause) are ``stage_pending``'s.

All need the dependency parse; an unparsed sentence gets ``stage_word_order``'s reading.
"""

from __future__ import annotations

import re

from dyad.agreements.stage_attribution import (attributed_future, awaited_condition, conditioned,
                                               officials_said, past_time_clause, present_future, voted_act)
from dyad.agreements.stage_pending import (PRESENT_TAGS, awaited, awaits_time_clause, delayed,
                                           future_time_clause, required, scheduled)
from dyad.agreements.stage_strict import phrasal_set
from dyad.agreements.stage_word_order import word_order_modality
from dyad.nlp.parsed import ParsedDoc, Token

MAX_HOPS = 3
SAYING_VERBS = frozenset({"say", "tell", "announce", "state", "add", "confirm", "declare",
                          "report", "write", "insist", "note", "indicate", "notify", "inform",
                          "warn", "signal"})
# "gave notice that it would withdraw", "issued a statement that": saying with a noun
SAYING_NOUNS = frozenset({"notice", "notification", "statement", "warning", "assurance", "word"})
# "demanded that NATO sign it", "urged Serbia to ratify": someone wants the act done.
DEMANDING_VERBS = frozenset({"demand", "urge", "press", "call", "ask", "invite", "encourage",
                             "pressure", "push", "appeal", "insist"})
# "its decision to terminate the pact", "Seoul's plan to quit the accord": an act decided
# or planned, whatever the clause holding the noun says of it (a decision reversed was made).
DECISION_NOUNS = frozenset({"decision", "plan", "intention", "threat", "move", "pledge",
                            "promise", "vow", "resolve", "commitment", "determination"})
# Stages a joint decision performs: agreeing to extend, suspend or end a pact does it
# (agreeing to sign it does not sign it).
DECIDED_BY_AGREEING = frozenset({"renewed", "suspended", "terminated"})
# The past verbs of a settlement whose infinitive ("agreed to extend") or whose deal's
# infinitive ("signed a deal to extend", "reached an agreement to suspend") is done.
SETTLING_VERBS = frozenset({"agree", "sign", "reach", "strike", "conclude", "ink", "seal", "clinch"})
SETTLEMENT_NOUNS = frozenset({"deal", "agreement", "accord", "pact", "arrangement", "memorandum",
                              "understanding", "protocol"})
# "became the first country to ratify", "was the last member to sign": a past copula
# ranks a done act.
_RANKED_DOER = re.compile(r"\b(?:became|was|were|has\s+become|had\s+become)\s+(?:the\s+)?(?:first|second|"
                          r"third|fourth|fifth|last|latest|only|\d+(?:st|nd|rd|th)|\w+th|"
                          # "was one of 122 nations to sign", "was among the first to ratify"
                          r"(?:one\s+of|among)(?:\s+the)?(?:\s+(?:[\d,]+|first|last|few|many))?)\s+"
                          r"(?:[\w-]+\s+){0,3}?to\s+(?:(?:complete|finish|finali[sz]e|formally)\s+)?$", re.IGNORECASE)
# "has put off signing", "held off on ratifying", "postponed signing": the party decided not
# to do it (yet), a refusal for now; a noun object ("postponed the signing") stays expected
PUTTING_OFF = frozenset({"postpone", "delay", "defer"})
PUTTING_OFF_PHRASAL = frozenset({"put", "hold", "hang"})  # with "off"
# "was to be signed last month, but ...", "were due to ratify it in May but", "was originally
# due to expire in 2020 but was extended": a schedule told
# in the past and then contradicted did not happen (not "had been expected to", still open)
_PAST_SCHEDULE = re.compile(r"\b(?:was|were)\s+(?:(?:originally|initially|first|once)\s+)?(?:(?:due|supposed|meant|scheduled|set|slated|expected|planned)\s+)?"
                            r"to\s+(?:be\s+)?(?:\w+ly\s+)?$", re.IGNORECASE)
_BUT_AFTER = re.compile(r"[^.;]*?,?\s+but\b", re.IGNORECASE)
# "threatened to quit the pact", "warned it could withdraw": an act held out, not done nor planned
THREATENING_VERBS = frozenset({"threaten", "menace"})
NEGATIVE_SUBJECTS = frozenset({"neither", "none", "nobody", "nothing"})
# "can be terminated by either side": a possibility the agreement allows, not an act
POSSIBILITY_MODALS = frozenset({"can"})
# "talks have failed to produce a deal", "the negotiations collapsed": the stage not reached
FAILING_VERBS = frozenset({"fail", "collapse", "founder"})
# "only once all members have approved it", "only if Armenia amends its constitution": the
# act is conditioned; "not only", "the only country to" are no condition
_ONLY_CONDITION = re.compile(r"(?<!\bnot\s)(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?<!\bits\s)(?<!\btheir\s)\bonly\s+"
                             r"(?:(?!(?:and|but)\b)[^\s.;,]+\s+){0,8}?(?:if|once|after|when|provided|on\s+condition)\b",
                             re.IGNORECASE)
_TIME_BEFORE_CAN = re.compile(r"\b(?:before|until|till|once|when)\s+(?:[\w'’-]+\s+){0,4}?can\s+(?:be\s+|\w+ly\s+)?$",
                              re.IGNORECASE)
# "sent letters rather than signing a joint text", "instead of ratifying it": not done
_INSTEAD = re.compile(r"\b(?:rather\s+than|instead\s+of)\s+$", re.IGNORECASE)
# "cannot take effect until ...", "could not enter into force without ...": a barred step
# with the condition that lifts the bar in the trigger's own clause
_CANNOT = re.compile(r"\b(?:cannot|can\s+not|can['’]t|could\s+not|couldn['’]t)\s+(?:be\s+)?(?:\w+ly\s+)?$",
                     re.IGNORECASE)
_UNLESS_AFTER = re.compile(r"[^.;,]{0,40}?\b(?:until|till|unless|without)\b", re.IGNORECASE)
_FORCE_SINCE = re.compile(r"\s+(?:force|effect|place)\s+since\b", re.IGNORECASE)
ONLY_REACH = 30  # how far before the trigger its "only" stands ("will only take effect")
CONDITIONS = frozenset({"if", "unless", "whether", "provided", "otherwise"})


def refine(parsed: ParsedDoc, tok: Token | None, modality: str, *, stage: str = "") -> str:
    """The stage's modality given the general reading ``modality`` of trigger ``tok``
    (``stage`` is the trigger's stage); then a vote that is the act and a future known from
    a source (``stage_attribution``)."""
    if tok is None:
        return modality
    mod = _refine(parsed, tok, modality, stage=stage)
    if mod == "expected" and phrasal_set(parsed, tok):
        mod = "asserted"  # "the rejection of the accords had set off the bombing"
    if mod in {"intended", "expected"} and (voted_act(parsed, tok, stage) or past_time_clause(parsed, tok)):
        return "asserted"  # "the Sejm voted 400-12 to approve the treaty", "... to make peace
        # when the two signed a treaty in 1979"
    if mod == "expected" and awaited_condition(parsed, tok):
        return "hypothetical"  # "will take effect once both parliaments have ratified it"
    if mod == "expected" and (attributed_future(parsed, tok) or officials_said(parsed, tok)):
        return "reported"  # "Spain will leave the accord, according to a decree", "both
        # parliaments are expected to ratify it, officials said"
    if mod == "negated" and conditioned(parsed, tok):
        return "hypothetical"  # "if parliament fails to ratify the treaty"
    if mod == "negated" and barred_until(parsed.text, tok):
        return "hypothetical"  # "cannot take effect until every member has ratified it"
    if mod == "asserted" and present_future(parsed, tok):
        return "expected"  # "the Riksdag votes next week on the treaty"
    if mod in {"asserted", "expected"} and unrealised_schedule(parsed.text, tok):
        return "negated"  # "the pact was to be signed in May, but talks broke down"
    return mod


def barred_until(text: str, tok: Token) -> bool:
    """A trigger that "cannot" happen until, unless or without another act ("cannot take
    effect until every member has ratified it", "cannot enter into force without Kyiv's
    ratification"): the step waits on a condition, it is not denied; word order only, so an
    unparsed sentence reads the same ("can no longer take effect" has no condition: denied)."""
    return _CANNOT.search(text, max(0, tok.start - 30), tok.start) is not None and \
        _UNLESS_AFTER.match(text, tok.end) is not None


def unrealised_schedule(text: str, tok: Token) -> bool:
    """The trigger is the act of a past schedule ("was to be signed", "were due to ratify")
    that a "but" clause after it contradicts; word order only, so an unparsed sentence
    reads the same."""
    return _PAST_SCHEDULE.search(text, max(0, tok.start - 40), tok.start) is not None and \
        _BUT_AFTER.match(text, tok.end) is not None


def _refine(parsed: ParsedDoc, tok: Token, modality: str, *, stage: str = "") -> str:
    if not parsed.sentences[tok.sent].parsed:
        return word_order_modality(parsed, tok, modality) if modality == "asserted" else modality
    if modality != "asserted" and tok.tag == "VBD" and tok.dep == "conj" and tok.head != tok.i \
            and parsed.tokens[tok.head].tag not in {"VBD", "VBN"} and not any(
                c.dep in {"neg", "aux", "auxpass"} for c in _children(parsed, tok)):
        return "asserted"  # "said it would not renew ... and formally exited the pact": a past
        # tense of its own is not under the "would not" of the verb it is joined to
    if modality in {"intended", "expected"} and _RANKED_DOER.search(
            parsed.text, max(0, tok.start - 80), tok.start):
        return "asserted"  # "Greece became the first country to ratify the pact"
    if modality == "intended" and stage in DECIDED_BY_AGREEING and _settled_act(parsed, tok):
        return "asserted"  # "the two sides agreed to extend the truce", "signed a deal to
        # extend the contract", "reached an agreement to suspend the pact": done
    if modality in {"intended", "expected", "hypothetical", "negated"} and (
            _done_participle(parsed, tok) or _fronted_participle(parsed, tok)):
        return "asserted"  # "agreed to delimit zones in a deal signed in 2020", "Signed in
        # June, the pact obliges each side to help if the other is attacked": it was signed
        # ("the accords, signed in 2009, were never ratified": the "never" is not its own)
    if modality in {"intended", "expected", "hypothetical", "negated"} and past_time_adverbial(parsed, tok):
        return "asserted"  # "thirty years after it was signed, the accord has not been ratified"
    if modality == "asserted" and tok.dep in {"relcl", "acl"} and {"to", "be"} <= {
            c.text.lower() for c in _children(parsed, tok) if c.dep in {"aux", "auxpass"}}:
        return "expected"  # "the treaty to be signed in June": not signed yet (but "the
        # first country to ratify it" did)
    if modality != "asserted" and stage == "in_force" and tok.dep == "prep" and (any(
            c.text.lower() == "since" for c in _children(parsed, tok))
            or _FORCE_SINCE.match(parsed.text, tok.end)):
        return "asserted"  # "the pact, in place since 1953, commits the US to ...": it is
        # ("since" parsed as the noun's own modifier: "the pact, in force since July 2020,")
    if modality in {"asserted", "reported"} and tok.pos == "NOUN" and tok.dep == "nsubj" \
            and tok.head != tok.i and parsed.tokens[tok.head].lemma.lower() in FAILING_VERBS:
        return "negated"  # "negotiations on a trade deal have failed to produce one"
    if modality in {"asserted", "expected"} and put_off(parsed, tok):
        return "negated"  # "Chile has put off signing the accord": not done, by choice
    if modality in {"asserted", "expected"} and _only_condition(parsed, tok) \
            and not _done_participle(parsed, tok):
        return "hypothetical"  # "will take effect only once all members have approved it"
        # (not "a separate accord, signed at the same time, can take effect only once ...")
    if decided_act(parsed, tok) and modality != "hypothetical":
        return "intended"  # "reversing its August decision to terminate the pact"
    if modality in {"asserted", "reported"} and _talked_about(parsed, tok):
        return "intended"  # "opened talks on renewing the treaty": the aim of the talks
    if future_time_clause(parsed, tok):
        return "expected"
    if modality == "asserted" and awaits_time_clause(parsed, tok):
        return "expected"  # "the treaty takes effect once both parliaments approve it"
    if modality == "asserted" and any(c.dep in {"aux", "auxpass"} and c.text.lower() in POSSIBILITY_MODALS
                                      for c in _children(parsed, tok)):
        if _TIME_BEFORE_CAN.search(parsed.text, max(parsed.sentences[tok.sent].start, tok.start - 60), tok.start):
            return "expected"  # "the last step before the deal can take effect" (misparsed)
        return "hypothetical"  # "can be terminated by either side with a year's notice"
    gerund = _gerund_after(parsed, tok)
    if gerund in {"without", "against"} or tok.tag == "VBG" and _INSTEAD.search(
            parsed.text, max(0, tok.start - 20), tok.start):
        return "negated"  # "left without signing the deal", "rather than signing a treaty",
        # "the Senate voted against ratifying the pact", "decided against extending it"
    if gerund in {"before", "until"} and _governor_not_past(parsed, tok):
        return "expected"  # "demands changes before signing the treaty"
    if modality == "hypothetical" and _reported_future(parsed, tok):
        return "expected"
    if modality in {"asserted", "reported"} and _denied_by_subject(parsed, tok):
        return "negated"  # "neither side signed it", "no member has ratified the treaty"
    if modality == "asserted" and required(parsed, tok):
        return "expected"
    if modality == "asserted" and awaited(parsed, tok):
        return "expected"  # "the treaty awaits signature", "pending ratification"
    if modality == "asserted" and tok.dep == "ROOT" and tok.tag == "VB" and any(
            c.dep == "aux" and c.text.lower() == "to" for c in _children(parsed, tok)):
        return "expected"  # the headline future: "Japan and Philippines to sign defence pact"
    if modality == "asserted" and scheduled(parsed, tok):
        return "expected"  # "the signing is scheduled for May", "Signing will take place"
    if modality == "asserted" and delayed(parsed, tok):
        return "expected"  # "delayed a vote on ratifying the protocol": still to come
    if modality == "asserted" and _demanded(parsed, tok):
        return "intended"
    if modality == "asserted" and tok.dep == "xcomp" and tok.head != tok.i \
            and parsed.tokens[tok.head].lemma.lower() in THREATENING_VERBS:
        return "hypothetical"  # "Seoul threatened to quit the pact": an act held out on a
        # condition, said or not, as a threat of force is (bench/gold/modality.tsv)
    return modality


def put_off(parsed: ParsedDoc, tok: Token) -> bool:
    """A gerund trigger completing a verb of putting off ("has put off signing", "held off
    on ratifying", "postponed signing"), directly or through "on"."""
    if tok.tag != "VBG" or tok.head == tok.i:
        return False
    head = parsed.tokens[tok.head]
    if tok.dep == "pcomp" and head.text.lower() == "on" and head.head != head.i:
        head = parsed.tokens[head.head]
    elif tok.dep not in {"xcomp", "advcl", "dobj", "ccomp"}:
        return False
    lemma = head.lemma.lower()
    return lemma in PUTTING_OFF or lemma in PUTTING_OFF_PHRASAL and any(
        c.dep == "prt" and c.text.lower() == "off" for c in _children(parsed, head))


def _settled_act(parsed: ParsedDoc, tok: Token) -> bool:
    """The trigger is the infinitive completing a past verb of settling ("agreed to
    extend") or a deal that is its object ("signed a deal on Tuesday to extend")."""
    if tok.dep not in {"xcomp", "advcl", "acl"} or tok.head == tok.i:
        return False
    head = parsed.tokens[tok.head]
    if head.pos == "NOUN" and head.lemma.lower() in SETTLEMENT_NOUNS and head.head != head.i:
        head = parsed.tokens[head.head]  # "reached an agreement to suspend"
    lemma = head.lemma.lower()
    return head.tag in {"VBD", "VBN"} and (lemma == "agree" or lemma in SETTLING_VERBS and any(
        c.dep == "dobj" and c.lemma.lower() in SETTLEMENT_NOUNS for c in _children(parsed, head)))


def _only_condition(parsed: ParsedDoc, tok: Token) -> bool:
    """An "only if/once/after/when" condition on a trigger not told in the past ("will
    take effect only once", "can be signed only after"; not "took effect only after")."""
    if tok.tag == "VBD" or any(c.dep in {"aux", "auxpass"} and c.tag == "VBD" or c.lemma == "have"
                               and c.dep == "aux" for c in _children(parsed, tok)):
        return False
    sent = parsed.sentences[tok.sent]
    only = _ONLY_CONDITION.search(parsed.text, max(sent.start, tok.start - ONLY_REACH), sent.end)
    return only is not None and only.start() <= tok.end + ONLY_REACH * 2


# "talks on renewing the pact", "negotiations to extend it": the act the talks seek
TALK_NOUNS = frozenset({"talk", "talks", "negotiation", "negotiations", "discussion", "discussions",
                        "consultation", "consultations"})


def _talked_about(parsed: ParsedDoc, tok: Token) -> bool:
    """The trigger is the gerund or infinitive that talks are about ("talks on renewing
    the treaty", "negotiations to extend the pact")."""
    if tok.tag not in {"VBG", "VB"} or tok.head == tok.i:
        return False
    head = parsed.tokens[tok.head]
    if tok.dep == "pcomp" and head.dep == "prep" and head.head != head.i:
        head = parsed.tokens[head.head]  # "talks on renewing"
    elif tok.dep not in {"acl", "xcomp", "advcl"}:
        return False
    return head.pos == "NOUN" and head.text.lower() in TALK_NOUNS


def _done_participle(parsed: ParsedDoc, tok: Token) -> bool:
    """A past participle reducing a relative clause on a noun ("the accord signed by X
    and Y in 2015") reports a done act whatever the clause it sits in wants or foresees;
    not "the treaty to be signed" (its own "to"/modal) nor a negated participle."""
    if tok.tag == "VBN" and tok.dep == "conj" and tok.head != tok.i and not any(
            c.dep in {"aux", "auxpass", "neg"} for c in _children(parsed, tok)):
        tok = parsed.tokens[tok.head]  # "the accord, signed in 1983 and approved by ...": the
        # second participle is as done as the first
    return tok.tag == "VBN" and tok.dep == "acl" and tok.head != tok.i and not any(
        c.dep in {"aux", "auxpass", "neg"} for c in _children(parsed, tok))


def past_time_adverbial(parsed: ParsedDoc, tok: Token) -> bool:
    """A past clause of time or cause under the main verb ("thirty years after it was
    signed, the pact has not been ratified", "since it was concluded", "because Oslo had
    ratified it") tells its own done act: the main clause's negation, plan or condition
    is not its own."""
    if tok.dep != "advcl" or tok.head == tok.i:
        return False
    kids = _children(parsed, tok)
    marks = {c.text.lower() for c in kids if c.dep == "mark"}
    if not marks & _PAST_MARKS or any(c.dep == "neg" for c in kids):
        return False
    return tok.tag == "VBD" or any(c.dep in {"aux", "auxpass"} and (c.tag == "VBD" or c.lemma == "have")
                                   and c.text.lower() not in {"would", "could", "should", "might"}
                                   for c in kids)


def own_future(parsed: ParsedDoc, tok: Token | None) -> bool:
    """"Biden has said he would rejoin the accord", "Chile announced it will join", "gave
    notice that it would withdraw": the reported future of the speaker's own act (a
    pronoun subject under a verb or noun of saying)."""
    if tok is None or not parsed.sentences[tok.sent].parsed or tok.dep not in {"ccomp", "acl"} \
            or tok.head == tok.i:
        return False
    head = parsed.tokens[tok.head]
    saying = head.lemma.lower() in SAYING_VERBS if tok.dep == "ccomp" else head.lemma.lower() in SAYING_NOUNS
    return saying and any(
        c.dep == "nsubj" and c.pos == "PRON" and c.text.lower() in {"he", "she", "it", "they", "we"}
        for c in _children(parsed, tok))


def decided_act(parsed: ParsedDoc, tok: Token) -> bool:
    """The trigger is the infinitive completing a noun of deciding or planning ("its
    decision to terminate the agreement", "a plan to quit the pact")."""
    return tok.dep == "acl" and tok.tag == "VB" and tok.head != tok.i \
        and parsed.tokens[tok.head].lemma.lower() in DECISION_NOUNS \
        and any(c.dep == "aux" and c.text.lower() == "to" for c in _children(parsed, tok))


def _fronted_participle(parsed: ParsedDoc, tok: Token) -> bool:
    """A past participle opening its sentence and set off by a comma ("Signed by both
    leaders in June, the treaty ...") reports a done act: the modal words of the main
    clause it introduces do not reach it."""
    sent = parsed.sentences[tok.sent]
    return tok.tag == "VBN" and re.fullmatch(r"\W*", parsed.text[sent.start:tok.start]) is not None \
        and "," in parsed.text[tok.end:sent.end] and not any(
            c.dep in {"aux", "auxpass", "neg", "mark"} for c in _children(parsed, tok))


_PAST_MARKS = frozenset({"after", "since", "because", "as", "when", "while", "though", "although"})


def _children(parsed: ParsedDoc, tok: Token) -> list[Token]:
    return list(parsed.children(tok))


def _denied_by_subject(parsed: ParsedDoc, tok: Token) -> bool:
    """The trigger verb's subject denies it: "neither", "none", "nobody", or a noun
    under "no" ("no country has ratified")."""
    kids = _children(parsed, tok)
    if any(c.dep == "preconj" and c.text.lower() == "neither" and c.i == tok.i - 1 for c in kids):
        return True  # "but neither signed it", parsed with "neither" hanging on the verb
    subj = next((c for c in kids if c.dep in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return False
    if subj.text.lower() in NEGATIVE_SUBJECTS:
        return True
    return any(c.dep == "det" and c.text.lower() in {"no", "neither"} for c in _children(parsed, subj))


def _reported_future(parsed: ParsedDoc, tok: Token) -> bool:
    """The trigger's clause (or the clause of the verb governing a trigger noun) has
    "would" and is the complement of a verb of saying; no condition in the sentence."""
    sent = parsed.sentences[tok.sent]
    if any(t.text.lower() in CONDITIONS for t in parsed.sentence_tokens(sent)):
        return False
    node = tok
    for _ in range(MAX_HOPS + 1):
        if node.pos in {"VERB", "AUX"} and any(
                c.dep == "aux" and c.text.lower() == "would" for c in _children(parsed, node)):
            head = parsed.tokens[node.head]
            if head.tag in PRESENT_TAGS:
                return False  # "officials say the deal would have to be approved": no
                # future told in the past after a present verb of saying, a condition
            return node.dep == "ccomp" and (head.lemma.lower() in SAYING_VERBS or any(
                c.dep == "dobj" and c.lemma.lower() in SAYING_NOUNS for c in _children(parsed, head)))
        if node.head == node.i:
            return False
        node = parsed.tokens[node.head]
    return False


def _demanded(parsed: ParsedDoc, tok: Token) -> bool:
    """The trigger is the complement clause (ccomp/xcomp) of a verb of demanding."""
    if tok.dep not in {"ccomp", "xcomp"} or tok.head == tok.i:
        return False
    return parsed.tokens[tok.head].lemma.lower() in DEMANDING_VERBS


def _gerund_after(parsed: ParsedDoc, tok: Token) -> str | None:
    """The preposition a gerund trigger depends on ("before signing" -> "before")."""
    if tok.tag != "VBG" or tok.dep != "pcomp" or tok.head == tok.i:
        return None
    return parsed.tokens[tok.head].text.lower()


def _governor_not_past(parsed: ParsedDoc, tok: Token) -> bool:
    """The verb governing the trigger's preposition is not in the past tense."""
    verb = parsed.tokens[parsed.tokens[tok.head].head]
    for _ in range(MAX_HOPS):  # "demands guarantees before signing": past the noun
        if verb.pos in {"VERB", "AUX"} or verb.head == verb.i:
            break
        verb = parsed.tokens[verb.head]
    if verb.pos in {"VERB", "AUX"}:
        return verb.tag not in {"VBD", "VBN"}
    # a misparse left no verb above it: a sentence with no past-tense verb is not past
    return not any(t.tag == "VBD" for t in parsed.sentence_tokens(parsed.sentences[tok.sent]))
