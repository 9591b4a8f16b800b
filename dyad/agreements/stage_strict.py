"""Stricter readings of stage verbs that English uses for other things, for ``stage_targets``.

Verbs that end or halt ("suspended", "halted", "froze", "terminated", "withdrew") take
many objects besides agreements: "suspended aid to Niger", "halted flights", "withdrew
its ambassador". When such a verb has its own object that is no agreement and the
agreement mentioned nearby is not reached from that object ("suspended tariff concessions
under the pact" is reached through "under"), the verb acts on something else
(``acts_on_other``). Verbs of running out ("expired", "lapsed", "was extended") likewise
have subjects besides agreements: "Brazil's mandate as chair of the treaty expired", "the
deadline set by the deal lapsed" (``other_runs_out``).
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.lexicon import Hit
from dyad.agreements.linking import Cluster
from dyad.agreements.mention_record import AgreementMention
from dyad.agreements.spans import token_at
from dyad.agreements.stage_other_targets import ASPECT_PREPOSITIONS, PART_WORDS, STAGE_NOUNS
from dyad.nlp.parsed import ParsedDoc

# Stages told by verbs that halt or end whatever their object is.
HALTING_STAGES = frozenset({"suspended", "terminated", "withdrawn"})
# Stages told by verbs of a term running out or being prolonged.
RUNNING_STAGES = frozenset({"expired", "renewed"})

# Objects of halting verbs that are acts or flows, not agreements, for sentences without a
# parse: "suspended aid", "halted flights", "froze talks", "withdrew its envoy".
_ACT_OBJECTS = (r"aid|assistance|flights?|imports?|exports?|shipments?|deliveries|supplies|visas?|"
                r"talks|negotiations|dialogue|contacts?|trade|funding|payments?|loans?|"
                r"troops|forces|soldiers|ambassadors?|envoys?|diplomats?|staff|operations?|"
                r"patrols?|inspections?|services?|transit|sales?|purchases?|broadcasts?|work")
_ACT_OBJECT = re.compile(r"\s+(?:(?:its|their|the|all|some|most|new|further|[\w-]+['’]s)\s+)?(?:[\w-]+\s+){0,2}?"
                         rf"(?:{_ACT_OBJECTS})\b(?!\s+(?:under|of|in|with|to|on)\s+(?:the|its|their|this|that)\b)",
                         re.IGNORECASE)
# Words that keep a running-out subject on the agreement: its own parts and stages, and
# the agreement's own names (a title a mention missed still names it).
_OWN_SUBJECTS = PART_WORDS | STAGE_NOUNS | frozenset({
    "deal", "agreement", "accord", "pact", "treaty", "truce", "ceasefire", "convention",
    "protocol", "memorandum", "arrangement", "lease", "compact", "charter", "initiative",
    "moratorium", "armistice", "partnership", "framework", "declaration", "understanding",
    "statute", "contract", "which", "that"})
# A party taken out ("withdrew the country from the pact"), not something else halted.
# A time misread as the object is none either ("pulled out the following year").
# The parties' leaders and sides ("the two presidents will exchange the instruments"): the
# parties acting, no other subject.
_PARTY_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic", "government",
                          "side", "leader", "president", "minister",
                          "year", "month", "week", "day", "decade", "time", "summer", "spring",
                          "autumn", "winter", "weekend", "morning", "night", "century"})


def _inside(pairs: Sequence[tuple[AgreementMention, Cluster]], start: int) -> bool:
    return any(m.start <= start < m.end for m, _ in pairs)


def acts_on_other(parsed: ParsedDoc, hit: Hit, pairs: Sequence[tuple[AgreementMention, Cluster]]) -> bool:
    """A halting verb with its own object that is no agreement, part or stage of one, and
    from which no agreement mention hangs: "Mali suspended flights to Algeria after the
    accord collapsed" suspends flights, not the accord."""
    if hit.trigger.stage not in HALTING_STAGES:
        return False
    tok = token_at(parsed, hit.start, hit.end)
    if tok is None:
        return False
    if not parsed.sentences[tok.sent].parsed:
        return _ACT_OBJECT.match(parsed.text, hit.end) is not None and \
            not _inside(pairs, hit.end + 1)
    if tok.pos != "VERB":
        return False
    obj = next((c for c in parsed.children(tok) if c.dep in {"dobj", "obj"}), None)
    if obj is None or obj.pos != "NOUN":
        return False  # "withdrew the US": a state taken out of the agreement ("put the deal
        # on hold" holds its object inside the trigger's words: the agreement, or another
        # thing, "put the minister's visit on hold")
    if obj.lemma.lower() in _OWN_SUBJECTS | _PARTY_NOUNS or _inside(pairs, obj.start):
        return False
    spans = [parsed.subtree_span(obj)] + [parsed.subtree_span(p) for p in parsed.children(tok)
                                          if p.dep == "prep" and p.text.lower() in ASPECT_PREPOSITIONS
                                          and not _span_of_time(parsed, p)]
    # "suspended concessions on goods under the pact": the parse may hang the agreement on
    # the verb rather than on its object; it is still what the object is held under
    return not any(lo <= m.start < hi for lo, hi in spans for m, _ in pairs)


_TIME_NOUNS = frozenset({"year", "month", "week", "day", "decade", "hour", "period", "time"})


def _span_of_time(parsed: ParsedDoc, prep: Any) -> bool:
    """"for six months (after the deal)": a stretch of time, not what the act is about."""
    return any(c.dep == "pobj" and c.lemma.lower() in _TIME_NOUNS for c in parsed.children(prep))


def other_runs_out(parsed: ParsedDoc, hit: Hit, pairs: Sequence[tuple[AgreementMention, Cluster]]) -> bool:
    """A running-out verb whose parsed subject is another noun, whether it holds the
    agreement mention in its own phrase or not: "the bloc's mandate under the treaty
    expired", "Hungary's veto lapsed a week after the accord was renewed" (not "the pact's
    term", a part of it, nor "the lease", an agreement)."""
    if hit.trigger.stage not in RUNNING_STAGES:
        return False
    tok = token_at(parsed, hit.start, hit.end)
    if tok is None or not parsed.sentences[tok.sent].parsed or tok.pos not in {"VERB", "AUX"}:
        return False
    kids = list(parsed.children(tok))
    if any(c.dep in {"dobj", "obj"} for c in kids):
        return False  # "Peru and Chile renewed the pact": the subject is who acted
    subj = next((c for c in kids if c.dep in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.pos != "NOUN" or subj.lemma.lower() in _OWN_SUBJECTS | _PARTY_NOUNS \
            or _inside(pairs, subj.start):
        return False
    return True  # the subject is what ran out or was prolonged, whatever agreement is near


# "a year after signing the treaty", "since ratifying it": a gerund after these prepositions
# tells something done, whatever aim the clause it hangs on states
_SETTLED_PREPS = frozenset({"after", "since"})
_SETTLED_WORDS = re.compile(r"\b(?:after|since)\s+$", re.IGNORECASE)
_FUTURE_WORDS = re.compile(r"\b(?:will|shall|['’]ll)\b", re.IGNORECASE)
# Verbs that end talks without an agreement: "broke off talks", "suspended negotiations"
_ENDING_TALKS = frozenset({"break", "suspend", "halt", "abandon", "freeze", "pause", "end",
                           "shelve", "quit", "call"})
# Verbs of leaving talks, with "out of" or "from": "pulled out of talks on the treaty"
_LEAVING_TALKS = frozenset({"pull", "walk", "withdraw", "storm"})


def settled_gerund(parsed: ParsedDoc, tok, start: int) -> bool:
    """The trigger is a gerund after "after" or "since" in a clause with no future ("agreed
    to reopen the border a year after signing the pact"): the signing was done."""
    if tok is None:
        return False
    sent = parsed.sentences[tok.sent]
    if not sent.parsed:
        return tok.text.lower().endswith("ing") and \
            _SETTLED_WORDS.search(parsed.text, max(sent.start, start - 12), start) is not None and \
            not _FUTURE_WORDS.search(parsed.text, sent.start, start)
    if tok.tag != "VBG" or tok.dep != "pcomp" or tok.head == tok.i:
        return False
    prep = parsed.tokens[tok.head]
    if prep.text.lower() not in _SETTLED_PREPS or prep.head == prep.i:
        return False
    governor = parsed.tokens[prep.head]
    return not any(c.dep == "aux" and _FUTURE_WORDS.fullmatch(c.text) for c in parsed.children(governor))


def talks_broken_off(parsed: ParsedDoc, hit: Hit) -> bool:
    """A talks trigger whose "talks" noun is the object of a verb that ends them ("Morocco
    broke off talks on the accord", "suspended negotiations over the pact"): no agreement
    came of them, as when "the talks collapsed"."""
    if hit.trigger.stage != "negotiated":
        return False
    for tok in parsed.tokens:
        if hit.start <= tok.start < hit.end and tok.lemma.lower() in {"talk", "negotiation"}:
            if not parsed.sentences[tok.sent].parsed or tok.head == tok.i:
                return False
            if tok.dep == "pobj":
                return _left_talks(parsed, parsed.tokens[tok.head])
            return tok.dep == "dobj" and parsed.tokens[tok.head].lemma.lower() in _ENDING_TALKS
    return False


def _left_talks(parsed: ParsedDoc, prep) -> bool:
    """The preposition of the talks noun hangs on a verb of leaving them ("pulled out of
    talks on a peace treaty", "walked out of the negotiations", "withdrew from talks")."""
    word = prep.text.lower()
    if word == "of" and prep.head != prep.i and parsed.tokens[prep.head].text.lower() == "out":
        prep = parsed.tokens[prep.head]
    elif word != "from":
        return False
    return prep.head != prep.i and parsed.tokens[prep.head].lemma.lower() in _LEAVING_TALKS


# Between an agreeing verb and an agreement it did not make: one the thing agreed is held
# under ("reached an understanding on inspections under the nuclear deal"), or one told in
# the clause agreed on ("agreed that the border treaty remained valid").
_HELD_UNDER_GAP = re.compile(r"\s+(?:\S+\s+){1,8}?under\s+(?:the|its|their|this|that|an?\s+existing)\s+(?:[\w-]+\s+){0,4}",
                             re.IGNORECASE)
_THAT_CLAUSE = re.compile(r"\s*(?:,?\s*(?:on|in|at|last|this|earlier)\s+[\w-]+,?\s+)?that\s+", re.IGNORECASE)
_AGREEING = re.compile(r"agree", re.IGNORECASE)


def made_elsewhere(text: str, hit: Hit, mention: AgreementMention) -> bool:
    """An agreeing trigger does not make ``mention`` when the thing agreed is held under it
    or it is told inside a "that" clause of what was agreed."""
    if hit.trigger.stage != "negotiated" or mention.start < hit.end:
        return False
    if _HELD_UNDER_GAP.fullmatch(text, hit.end, mention.start):
        return True
    return _AGREEING.match(text, hit.start) is not None and \
        _THAT_CLAUSE.match(text, hit.end) is not None and _THAT_CLAUSE.match(text, hit.end).end() <= mention.start


# Stages the agreement undergoes as the subject of an intransitive verb ("took effect",
# "expired"): the verb's subject is what came into force or ran out.
STATE_STAGES = frozenset({"in_force", "expired"})
_RELATIVE_PRONOUNS = frozenset({"that", "which"})
# Word order's reading of a subject: the words of the clause before the verb, past its
# auxiliaries and adverbs ("has finally", "was allowed to", "is due to")
# ("and" and "as" are left out: they join nouns inside a subject, "the truce between Israel and Hamas")
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:but|while|after|before|when|since|until|because|"
                           r"although|once|if|though|whereas)\b", re.IGNORECASE)
_AUX_TAIL = re.compile(r"(?:\s+(?:has|have|had|was|were|is|are|will|would|could|should|may|might|"
                       r"be|been|being|to|due|set|expected|allowed|finally|formally|officially|quietly|"
                       r"automatically|also|then|now|later|eventually|already|not|never|simply|"
                       r"effectively|only|just|duly|itself|themselves))*\s*$", re.IGNORECASE)
_PRONOUNS = frozenset({"it", "they", "this", "that", "which", "both", "neither", "each", "all",
                       "these", "those", "one", "either", "who", "itself", "them"})


def foreign_subject(parsed: ParsedDoc, hit: Hit, pairs: Sequence[tuple[AgreementMention, Cluster]]) -> bool:
    """An entry into force or expiry told of another subject: "New sanctions on Iran took
    effect a week after the pact was signed", "A deadline for talks expired on Monday". Not
    the agreement, a pronoun, a part or stage of it ("its term ended"), a party ("both
    states remain bound"), nor a name (a title the mentions missed)."""
    if hit.trigger.stage not in STATE_STAGES or hit.trigger.joins:
        return False
    tok = token_at(parsed, hit.start, hit.end)
    if tok is None:
        return False
    sent = parsed.sentences[tok.sent]
    if sent.parsed:
        if tok.dep in {"advmod", "prep"} and tok.head != tok.i \
                and parsed.tokens[tok.head].pos in {"VERB", "AUX"}:
            tok = parsed.tokens[tok.head]  # "still in force": the subject is the verb's
        if tok.pos not in {"VERB", "AUX"}:
            return False  # "the entry into force of", "the expiry of": no subject
        subj = next((c for c in parsed.children(tok) if c.dep in {"nsubj", "nsubjpass"}), None)
        if subj is not None and subj.text.lower() in _RELATIVE_PRONOUNS and tok.dep == "relcl" \
                and tok.head != tok.i:
            subj = parsed.tokens[tok.head]  # "sanctions that are still in force": the noun
            # the relative clause describes, or the one it stands beside ("the RCEP, the
            # trade bloc that took effect in January")
            while subj.dep == "appos" and subj.head != subj.i:
                subj = parsed.tokens[subj.head]
        if subj is None or subj.pos != "NOUN" or subj.lemma.lower() in _OWN_SUBJECTS | _PARTY_NOUNS:
            return False
        if hit.start <= subj.start < hit.end:
            return False  # "deliveries began": the trigger names its own subject
        lo, hi = parsed.subtree_span(subj)
        return not any(lo <= m.start < hi or m.start <= subj.start < m.end for m, _ in pairs)
    prefix = parsed.text[sent.start:hit.start]
    cut = max((b.end() for b in _CLAUSE_BREAK.finditer(prefix)), default=0)
    subject = _AUX_TAIL.sub("", " " + prefix[cut:])
    words = re.findall(r"[\w'’-]+", subject)
    if not words or words[-1].lower() in _PRONOUNS or not words[-1].islower():
        return False  # "..., and expired in 2019", "it lapsed", "NAFTA expired"
    if any(_bare(w) in _OWN_SUBJECTS | _PARTY_NOUNS for w in words):
        return False
    return not any(sent.start + cut <= m.start < hit.start for m, _ in pairs)


def _bare(word: str) -> str:
    """A word without its plural or possessive ending: "treaties" -> "treaty"."""
    w = re.sub(r"['’]s?$", "", word.lower())
    if w.endswith("ies"):
        return w[:-3] + "y"
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


# "set off", "set out", "set up", "set in motion": a phrasal verb, not the "set to" of a
# schedule (the general reader takes any "set" over the trigger for an expectation)
_PHRASAL_SET = frozenset({"off", "out", "up", "about", "back", "aside"})


def phrasal_set(parsed: ParsedDoc, tok: Any) -> bool:
    """A verb "set" with a particle governs the trigger (up to three heads up): "Belgrade's
    rejection of the accords had set off the bombing" tells a rejection done."""
    if tok is None or not parsed.sentences[tok.sent].parsed:
        return False
    for _ in range(3):
        if tok.head == tok.i:
            return False
        tok = parsed.tokens[tok.head]
        if tok.lemma.lower() == "set":
            return any(c.dep == "prt" and c.text.lower() in _PHRASAL_SET for c in parsed.children(tok)) or \
                any(c.dep == "prep" and c.text.lower() == "in" and any(g.text.lower() == "motion" for g in parsed.children(c))
                    for c in parsed.children(tok))
    return False
