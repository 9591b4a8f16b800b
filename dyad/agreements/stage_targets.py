"""Which agreement a stage trigger acts on (``target``), for ``stages.find_stages``.

In order: the mention whose modifiers hold the trigger ("the recently signed accord"); the
agreement that is the subject of a passive trigger or the noun its participle reduces ("the
treaty was abandoned by Washington", "The agreement, signed in 2015, was ..."); the first
mention after the trigger (within ``OBJECT_WINDOW`` characters, no other trigger between;
past them for "after years of negotiations", and past a verb it is coordinated with: "signed
but never ratified the treaty", ``shared_object_reach``); the agreement of the previous
sentences for a pronoun, a bare exit or signing, a definite proposal noun, a signing told as
an event or a declared exit (``stage_anaphora``); a relative clause's antecedent; the
last mention before it; for ``anaphoric`` triggers, the agreement of the previous
``ANAPHORA_SENTENCES`` sentences. A trigger whose object is something else ("signed a
decree", "withdrew from Sinai", "New tariffs took effect") acts on no agreement
(``stage_other_targets``), as does a halting verb with an object of its own ("suspended
aid"), a running-out verb with another subject ("his mandate expired") and an agreeing
verb whose object is held under the agreement (``stage_strict``); a bid to join or a joining of an organisation acts on its
accession agreement (``stage_organisations``).
"""

from __future__ import annotations

import re
from typing import Sequence

from dyad.agreements.lexicon import Hit
from dyad.agreements.linking import Cluster
from dyad.agreements.mention_record import AgreementMention
from dyad.agreements.stage_anaphora import (TROOP_KINDS, announced_exit, bare_exit,
                                            it_object, it_ref, nominal_signing, previous, pronoun_ref,
                                            proposal_ref)
from dyad.agreements.spans import token_at
from dyad.agreements.stage_plural_objects import plural_count
from dyad.agreements.stage_strict import acts_on_other, foreign_subject, made_elsewhere, other_runs_out
from dyad.agreements.stage_other_targets import (OTHER_DOCUMENTS, agreed_to_act, left_elsewhere, named_tail, object_lemma,
                                                 other_object, other_subject, participle_of_other, relative_head_other,
                                                 subject_under, part_subject)
from dyad.agreements.stage_organisations import TALKS_STAGES
from dyad.nlp.parsed import ParsedDoc, Sentence

OBJECT_WINDOW = 80
# Intransitive stages of the agreement itself ("took effect", "expired"): its subject acts
JOINT_END_STAGES = frozenset({"in_force", "expired"})

# words of a relative clause's subject ("which George Bush and Boris Yeltsin signed")
RELATIVE_SUBJECT_WORDS = 6
OBJECT_NEAR = 30  # an ``object: after`` trigger's agreement starts this close after it

SUBJECT_WINDOW = 60  # how far before a "reach/agree" trigger its agreement may stand

_ONLY_AFTER = frozenset({"withdrawn"})

# What is reached or agreed on the way to an agreement ("reached a consensus in May on the
# deal"): objects that still point at it.
SETTLEMENT_NOUNS = frozenset({"consensus", "understanding", "compromise", "breakthrough",
                              "terms", "settlement", "framework", "outline", "principle",
                              "conclusion", "agreement", "deal", "accord", "text", "draft",
                              # "rejected the ceasefire proposal": the agreement proposed
                              "proposal", "offer", "plan", "idea", "version"})

# "the withdrawal took effect", "its exit became effective": an exit completed
EXIT_TOOK_EFFECT = re.compile(r"(?:withdrawal|exit|departure|pull-?out)\s+(?:(?:formally|finally|"
                               r"officially)\s+)?(?:took\s+effect|takes\s+effect|became\s+(?:effective|"
                               r"official|final)|was\s+(?:completed|finali[sz]ed))\b", re.IGNORECASE)

# "years of negotiations", "a decade of talks": a negotiation told as a span of time; "after
# (lengthy) negotiations": told as what came before the agreement
LONG_TALKS = re.compile(r"\b(?:of\s+(?:\w+\s+)?|after\s+(?:[\w-]+\s+){0,2})(?:negotiations?|talks)$",
                        re.IGNORECASE)

# An agreement already in place that an act is agreed under ("under the 2014 accord").
# ("under a 1944 treaty", "under an earlier accord": a dated or older one stands already)
_UNDER_EXISTING = re.compile(r"\bunder\s+(?:the|its|their|this|that|an\s+existing|"
                             r"an?\s+(?=(?:(?:1[89]|20)\d\d|decades?-old|old|older|earlier|previous|prior)\s))"
                             r"\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
_UNDER_A = re.compile(r"\bunder\s+an?\s+$", re.IGNORECASE)  # the mention opening with its year
_OLD_WORD = re.compile(r"(?:(?:1[89]|20)\d\d|decades?-old|old|older|earlier|previous|prior)\s", re.IGNORECASE)
# The deal that records acts agreed on before it: "..., in a deal", "as part of a pact".
_FRAMING = re.compile(r",\s*(?:in|under|as\s+part\s+of|through)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}$",
                      re.IGNORECASE)

# Between an ``object: after`` trigger and a mention of another clause.
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|but|while|whereas)\b", re.IGNORECASE)

# "end" ends its direct object: an agreement after a preposition is not what ended.
_ENDING = re.compile(r"end(?:s|ed|ing)?", re.IGNORECASE)

_END_OF = re.compile(r"(?:\s+of(?=\s))?")  # "the end of the pact": the noun's own "of"

_PREPOSITION = re.compile(r"\b(?:of|in|on|under|with|for|by|through|after|via)\b", re.IGNORECASE)

# Two objects of one verb: "left the WHO and the Paris accord" (no comma, a short name).
_OBJECT_LIST = re.compile(r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w.'’-]+\s+){1,3}(?:and|as\s+well\s+as)\s+"
                          r"(?:the\s+|its\s+|their\s+)?", re.IGNORECASE)


# Heads that are their own stage: a proposal made.
PROPOSAL_HEADS = frozenset({"proposal", "proposals"})


def target(parsed: ParsedDoc, hit: Hit, hits: Sequence[Hit],
            pairs: Sequence[tuple[AgreementMention, Cluster]], by_sent: dict, sent: Sentence):
    for m, c in pairs:
        if m.start <= hit.start and hit.end <= m.head_start:
            return m, c
        if m.head in PROPOSAL_HEADS and m.head_start <= hit.start and hit.end <= m.end:
            return m, c  # "a Chinese three-point proposal": the proposal is its own proposing
    if foreign_subject(parsed, hit, pairs):
        return None  # "new tariffs took effect a week after the pact was signed"
    if hit.trigger.before_only:
        return subject_mention(parsed, hit, pairs)
    reach, nxt = shared_object_reach(parsed.text, hit, hits, sent.end)
    window = OBJECT_NEAR if hit.trigger.after_only else OBJECT_WINDOW
    if LONG_TALKS.search(parsed.text, hit.start, hit.end):
        # "After years of negotiations, India and the EU signed a trade deal": the talks
        # led to the agreement the sentence goes on to name, past its other triggers
        nxt, window = sent.end, sent.end - hit.end
    if other_object(parsed, hit, pairs, only=OTHER_DOCUMENTS):
        return None  # "signed an executive order implementing the agreement"
    if acts_on_other(parsed, hit, pairs) or other_runs_out(parsed, hit, pairs):
        return None  # "suspended aid to Niger", "its mandate under the pact expired"
    if not pairs and hit.trigger.stage in TALKS_STAGES and _OF_TALKS.match(parsed.text, hit.end):
        return previous(by_sent, sent)  # "The pact was signed in 2020. India pulled out of
        # the negotiations in 2019": the talks on the agreement told before
    if hit.trigger.stage == "withdrawn" and left_elsewhere(parsed, hit, pairs):
        return None  # "Israeli forces withdrew from Sinai": a place was left, not a treaty
    passive = passive_subject(parsed, hit, pairs)
    if passive is not None:
        return passive  # "the treaty was abandoned by Washington", "The agreement, signed in
        # 2015, was a step toward a peace treaty": not the mention after it
    if hit.trigger.stage in JOINT_END_STAGES and not hit.trigger.joins:
        own = subject_mention(parsed, hit, pairs)
        if own is not None and own[0].end <= hit.start:
            return own  # "A ceasefire brokered by Angola took effect in August but collapsed,
            # and officials said a new truce could be signed": its subject took effect
    if part_subject(parsed, hit, pairs):
        # "The text was finalised in March, but Baku will not sign the treaty": the text of
        # the agreement named before
        before = [(m, c) for m, c in pairs if m.end <= hit.start]
        return before[-1] if before else previous(by_sent, sent)
    if hit.trigger.stage in {"negotiated", "rejected"} and other_object(parsed, hit, pairs) and \
            object_lemma(parsed, hit) not in SETTLEMENT_NOUNS and \
            not LONG_TALKS.search(parsed.text, hit.start, hit.end):  # talks told, no verb's object
        return None  # "The ministers reached Ankara to discuss the grain deal", "the court
        # dismissed the case against the treaty"
    if pronoun_passive(parsed, hit) and not any(m.end <= hit.start for m, _ in pairs):
        # "It was signed in Brussels alongside a broader agreement": "it" is the agreement
        # of the sentences before, not the one named after the verb
        told = previous(by_sent, sent, singular=True)
        if told is not None:
            return told
    if participle_of_other(parsed, hit, pairs):
        return None  # "the pipeline, agreed in an intergovernmental accord": the line was
    committing = hit.trigger.stage == "negotiated" and agreed_to_act(parsed, hit)
    for m, c in pairs:  # a mention inside the match is its object too ("put the deal on hold")
        if m.start > hit.start and m.start - reach <= window and m.start < nxt:
            if made_elsewhere(parsed.text, hit, m):
                continue  # "reached an understanding on visits under the pact"
            if about_talks(parsed.text, hit, m):
                return None  # "pulled out of peace treaty talks", "talks on revising the
                # treaty": the talks or a change are acted on, not the agreement
            if committing and (_UNDER_EXISTING.search(parsed.text, max(hit.end, m.start - 30), m.start)
                               or _UNDER_A.search(parsed.text, max(hit.end, m.start - 12), m.start)
                               and _OLD_WORD.match(parsed.text, m.start)):
                return None  # "agreed to give US forces access to more bases under the
                # defence pact": a commitment under an agreement in force, not its making
            if hit.trigger.after_only and m.start > hit.end and \
                    _CLAUSE_BREAK.search(parsed.text, hit.end, m.start) and \
                    not _OBJECT_LIST.fullmatch(parsed.text, hit.end, m.start):
                break  # "dissolves the Minsk Group, and a transit deal": not its object
            if _ENDING.fullmatch(parsed.text, hit.start, hit.end) and _PREPOSITION.search(
                    parsed.text, hit.end + len(_END_OF.match(parsed.text, hit.end).group(0)), m.start):
                break  # "agreed to end decades of conflict in a peace deal": the conflict ended
            return m, c
    if committing:
        framing = next(((m, c) for m, c in pairs if m.start > hit.end and
                        _FRAMING.search(parsed.text, max(hit.end, m.start - 40), m.start)), None)
        if framing is not None:
            return framing  # "agreed to restore ties and reopen embassies, in a deal brokered
            # by China": the deal records what they agreed
    if LONG_TALKS.search(parsed.text, hit.start, hit.end):
        # "signed a deal to buy jets, ending years of negotiations", "guarantors of the four
        # years of talks": the talks that led to the agreement named before
        before = [(m, c) for m, c in pairs if m.end <= hit.start]
        return before[-1] if before else (None if pairs else previous(by_sent, sent))
    if not pairs and (pronoun_ref(parsed.text, hit, sent) or proposal_ref(parsed.text, hit, sent)
                      or nominal_signing(parsed.text, hit, sent)  # "backed both": stage_plural_objects
                      or plural_count(parsed.text, hit, sent, hit.trigger.stage) is not None):
        return previous(by_sent, sent, singular=it_ref(parsed.text, hit, sent), text=parsed.text)
    if not pairs and (bare_exit(parsed, hit, sent) or announced_exit(parsed.text, hit)):
        prev = previous(by_sent, sent)
        if prev is not None and hit.trigger.stage == "withdrawn" and prev[1].kind in TROOP_KINDS:
            return None  # "Israel and Hamas agreed a truce. Israel said it would withdraw":
            # under a truce or a basing deal, a bare withdrawal is of troops
        return prev
    own = it_object(parsed.text, hit, sent, pairs)
    if own is not None and not (hit.trigger.stage == "withdrawn" and own[1].kind in TROOP_KINDS):
        return own  # "Japan, whose parliament approved the pact, will not leave it"
    relative = relative_object(parsed.text, hit, pairs)
    if relative is not None and (object_lemma(parsed, hit) in {"which", "that"}
                                 or not other_object(parsed, hit, pairs)):  # (not "the accord,
        # which commits members to scrap tariffs": the trigger's own object is acted on)
        return relative  # "the agreement, which Washington abandoned in 2018"
    before = [(m, c) for m, c in pairs if m.end <= hit.start]
    if before and hit.trigger.stage == "withdrawn" and before[-1][1].kind not in TROOP_KINDS \
            and bare_exit(parsed, hit, sent):
        return before[-1]  # "The treaty collapsed after Washington withdrew in 2020"
    if hit.trigger.stage == "withdrawn" and EXIT_TOOK_EFFECT.match(parsed.text, hit.start, sent.end):
        # "..., and the withdrawal took effect in June 2002": the exit told before
        before = [(m, c) for m, c in pairs if m.end <= hit.start]
        return before[-1] if before else (None if pairs else previous(by_sent, sent))
    if hit.trigger.stage in _ONLY_AFTER and not (hit.trigger.anaphoric and not pairs) \
            or hit.trigger.joins or hit.trigger.after_only:
        return None  # ("withdrew its signature": of the agreement of the sentences before)
    if hit.trigger.stage == "in_force" and other_subject(parsed, hit, pairs):
        return None  # "the new tariffs took effect": something else came into force
    if hit.trigger.stage in {"in_force", "expired", "renewed"} and subject_under(parsed, hit, pairs):
        return None  # "a lease granted under the treaty expired": something else ran out
    before = [(m, c) for m, c in pairs if m.end <= hit.start]
    if before and (other_object(parsed, hit, pairs) or relative_head_other(parsed, hit, pairs)):
        return None  # "Iran has rejected direct negotiations", "a charge Lima rejects": the
        # verb acts on something else
    if before:
        m, c = before[-1]
        if hit.trigger.stage == "negotiated" and agreed_to_act(parsed, hit):
            return None  # "Under the deal, Israel agreed to release prisoners": a commitment
        if hit.trigger.stage != "negotiated" or hit.start - m.end <= SUBJECT_WINDOW:
            return m, c
    if not pairs and hit.trigger.anaphoric and not other_object(parsed, hit, pairs) \
            and not relative_head_other(parsed, hit, pairs):
        return previous(by_sent, sent, text=parsed.text)
    return None


# Between two verbs that share the object after the second: "signed but never ratified
# the treaty", "negotiated and signed a pact", "negotiated for years before signing the
# treaty"; and a proposal of the act the next verb names: "offered to sign a pact".
_SHARED_GAP = re.compile(r"\s*,\s*|\s*,?\s*(?:(?:for|over)\s+(?:\w+\s+)?(?:years|months|weeks|decades)\s+)?"
                         r"(?:and|but|or|then|before|after|yet)\s+(?:(?:has|have|had|did|does|not|never|"
                         r"later|then|also|subsequently|finally|formally|eventually|quickly|yet|to)\s+){0,3}",
                         re.IGNORECASE)

_PROPOSED_ACT = re.compile(r"\s+to\s+", re.IGNORECASE)


def shared_object_reach(text: str, hit: Hit, hits: Sequence[Hit], ceiling: int) -> tuple[int, int]:
    """Where the trigger's object may start looking (the end of the last verb it shares
    its object with) and the start of the next trigger after that verb."""
    reach = hit.end
    later = sorted((h for h in hits if h.start > hit.start), key=lambda h: h.start)
    for k, h in enumerate(later):
        proposal_of_act = hit.trigger.stage == "proposed" and reach == hit.end and \
            h.trigger.stage in {"signed", "negotiated"} and _PROPOSED_ACT.fullmatch(text, reach, h.start)
        # "voted against ratifying the pact": the refusal's object is the act's
        refused_act = hit.trigger.stage == "rejected" and reach == hit.end and \
            not text[reach:h.start].strip() and text[h.start:h.end].lower().endswith("ing")
        if not (proposal_of_act or refused_act or _SHARED_GAP.fullmatch(text, reach, h.start)):
            return reach, h.start
        reach = h.end
    return reach, ceiling


# "pulled out of the talks": the talks left, not an agreement
_OF_TALKS = re.compile(r"\s+(?:(?:of|from|out\s+of)\s+)?(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?"
                       r"(?:negotiations|talks)\b(?!\s+(?:on|over|about|for|with)\b)", re.IGNORECASE)

# "peace treaty talks", "the trade deal negotiations": the agreement names the talks
_NAMES_TALKS = re.compile(r"\s+(?:talks|negotiations|process)\b", re.IGNORECASE)
# "talks on revising the treaty", "negotiations to extend the pact", "talks on an
# amendment to the accord": a change to an agreement in force is talked about
_CHANGE_TALKED = re.compile(r"\s+(?:(?:on|over|about|for|towards?|to)\s+)?(?:(?:the|a|an|its|their)\s+)?"
                            r"(?:re-?negotiat|revis|amend|renew|extend|prolong|updat|review|"
                            r"overhaul|modif|chang|reform|replac|implement)\w*\s+(?:(?:of|to)\s+)?",
                            re.IGNORECASE)


def pronoun_passive(parsed: ParsedDoc, hit: Hit) -> bool:
    """A passive trigger whose subject is "it" or "they" ("It was signed in June")."""
    tok = token_at(parsed, hit.start, hit.end)
    if tok is None or not parsed.sentences[tok.sent].parsed or tok.tag != "VBN":
        return False
    return any(c.dep == "nsubjpass" and c.text.lower() in {"it", "they"} for c in parsed.children(tok))


def about_talks(text: str, hit: Hit, mention: AgreementMention) -> bool:
    """The mention after an exit, a suspension or an end names the talks left ("Moscow
    pulled out of peace treaty talks"), or a negotiation is about changing it ("talks on
    revising the 1973 treaty", "negotiations to extend the pact")."""
    if hit.trigger.stage in TALKS_STAGES:
        return _NAMES_TALKS.match(text, mention.end) is not None
    if hit.trigger.stage == "negotiated":
        change = _CHANGE_TALKED.match(text, hit.end)
        return change is not None and re.fullmatch(r"(?:[\w'’-]+\s+){0,3}", text[change.end():mention.start]) is not None
    return False


# The rest of an agreement's noun phrase: "between Chile and Peru", "with Japan"
_PHRASE_TAIL = re.compile(r"\s+(?:between|with|among|of)\s+(?:[\w.'’-]+\s+){0,5}?[\w.'’-]+", re.IGNORECASE)


def subject_mention(parsed: ParsedDoc, hit: Hit, pairs: Sequence[tuple[AgreementMention, Cluster]]):
    """The agreement that is the subject of an intransitive trigger ("The ceasefire began
    at midnight"): the parse's subject when the sentence was parsed, else a mention
    ending at most a few words before it."""
    tok = token_at(parsed, hit.start, hit.end)
    if tok is not None and parsed.sentences[tok.sent].parsed:
        subj = next((c for c in parsed.children(tok) if c.dep == "nsubj"), None)
        if subj is not None and subj.lemma.lower() in {"which", "that"} and tok.dep == "relcl":
            subj = parsed.tokens[tok.head]  # "the ceasefire, which began on Sunday,"
            if not any(m.start <= subj.start < m.end for m, _ in pairs):
                # "the pact between Chile and Peru, which has been in place since": the
                # parse hangs the clause on the last noun of the agreement's own phrase
                return next(((m, c) for m, c in reversed(pairs) if m.end <= subj.start
                             and _PHRASE_TAIL.fullmatch(parsed.text, m.end, subj.end)), None)
        if subj is None and tok.tag == "VBN" and tok.dep == "acl" and tok.head != tok.i:
            head = parsed.tokens[tok.head]  # "the deal struck in 2015": the noun it reduces
            return next(((m, c) for m, c in pairs if m.start <= head.start < m.end
                         and m.end <= hit.start), None)
        if subj is None:  # "the pact, in place since 1953,": set off right after it
            return next(((m, c) for m, c in pairs if m.end <= hit.start and
                         re.fullmatch(r"\s*,\s*", parsed.text[m.end:hit.start])), None)
        return next(((m, c) for m, c in pairs if m.start <= subj.start < m.end), None)
    before = [(m, c) for m, c in pairs if m.end <= hit.start and hit.start - m.end <= 12]
    return before[-1] if before else None


def relative_object(text: str, hit: Hit, pairs: Sequence[tuple[AgreementMention, Cluster]]):
    """The mention a relative clause hangs on when the trigger is that clause's verb and
    the relative pronoun its object: "the accord, which Washington abandoned", "the pact
    that Moscow quit"."""
    before = [(m, c) for m, c in pairs if m.end <= hit.start]
    if not before:
        return None
    m, c = before[-1]
    gap = text[m.end:hit.start]
    if re.fullmatch(r"\s*,?\s*(?:which|that)\s+(?:[\w'’.-]+\s+){1,%d}" % RELATIVE_SUBJECT_WORDS, gap, re.IGNORECASE):
        return m, c
    return None


# An agreement, then a passive auxiliary, then the trigger: "the deal was scrapped".
_PASSIVE_GAP = re.compile(r"\s*,?\s*(?:(?:has|have|had)\s+been|was|were|is|are|been)\s+"
                          r"(?:(?:\w+ly|also|then|later|since|finally|never|not)\s+)?", re.IGNORECASE)


def passive_subject(parsed: ParsedDoc, hit: Hit,
                     pairs: Sequence[tuple[AgreementMention, Cluster]]):
    """The agreement a passive trigger acts on, standing before it as its subject ("the
    treaty was abandoned by Washington", "the pact was joined by Morocco") or as the noun
    its participle reduces ("the accord, hammered out in Vienna, ..."): the object an
    ``object: after`` trigger looks for, moved before it."""
    before = [(m, c) for m, c in pairs if m.end <= hit.start]
    if not before:
        return None
    tok = token_at(parsed, hit.start, hit.end)
    if tok is not None and parsed.sentences[tok.sent].parsed:
        if tok.tag != "VBN":
            return None
        subj = next((c for c in parsed.children(tok) if c.dep == "nsubjpass"), None)
        if subj is not None and subj.lemma.lower() in {"which", "that"} and tok.dep == "relcl" \
                and tok.head != tok.i:
            return named_tail(parsed, parsed.tokens[tok.head], before)  # "an agreement
            # with Saudi Arabia, which was renewed in 1957"
        if subj is not None:
            return next(((m, c) for m, c in before if m.start <= subj.start < m.end), None)
        if tok.dep == "acl" and tok.head != tok.i:
            head = parsed.tokens[tok.head]
            m, c = before[-1]
            if m.start <= head.start < m.end and re.fullmatch(r"\s*,?\s*", parsed.text[m.end:hit.start]):
                return m, c
        return None
    m, c = before[-1]  # no parse: word order ("the deal was scrapped")
    return (m, c) if _PASSIVE_GAP.fullmatch(parsed.text, m.end, hit.start) else None

