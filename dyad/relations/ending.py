"""Relations that held and ended. The gold convention writes them ``negated``: a relation
that no longer holds ("French forces left the country", "China lifted its tariffs on
Australian wine", "the United States ran an air base at Manta until 2009").

One reading for every relation type, in three shapes:

- an ending verb with the trigger as its object, read in the words before the trigger:
  "lifted its punitive tariffs on", "agreed to lift restrictions on exports to", "halted
  all exports to", "closed its naval base in", "handed back the peninsula it had
  occupied", "dropped its claim to", "a truce that ended the war between". Each type has its
  family of verbs (sanctions are lifted, supplies halted, bases closed, land handed back,
  claims renounced, pacts torn up, wars ended);
- the trigger as the subject of an ending predicate after it: "French troops have been
  forced out of Mali", "the sanctions on Iran were lifted";
- a relation in the past bounded by "until" a date: "ran an air base at Manta until 2009".

Tense and aspect decide what the ending says. A decision to end (lift, halt, renounce) ends
the relation once it is taken, even if it takes effect later: "agreed to lift restrictions"
is negated. A departure still to come (close, hand back, leave) says the relation holds
now: "will close its base" is asserted. An ending denied or only supposed ("has not lifted
its sanctions", "would lift sanctions if"), weighed, refused or called for ("weighs
lifting its embargo", "refused to lift the ban", "urged Tokyo to end its curbs") leaves the
relation standing: asserted.
"""

from __future__ import annotations

import re

from typing import Any, Callable

from dyad.agreements.spans import group_after, ref_for_id, token_at
from dyad.relations.context import SentenceEnv

__all__ = ["END_NOUN", "ENDING_ROLES", "ended_modality", "halted"]


def _verbs(*stems: str) -> str:
    return "|".join(stems)


# Verb families (all inflections), by what ends that way.
_LIFT = _verbs(r"lift(?:s|ed|ing)?", r"scrap(?:s|ped|ping)?", r"remov(?:e|es|ed|ing)", r"drop(?:s|ped|ping)?",
               r"end(?:s|ed|ing)?", r"abolish(?:es|ed|ing)?", r"revok(?:e|es|ed|ing)", r"rescind(?:s|ed|ing)?",
               r"repeal(?:s|ed|ing)?", r"withdr(?:aw|aws|ew|awn|awing)", r"cancel(?:s|led|led|ling|ed|ing)?",
               r"terminat(?:e|es|ed|ing)", r"overturn(?:s|ed|ing)?", r"roll(?:s|ed|ing)?\s+back",
               r"delist(?:s|ed|ing)?", r"t(?:ake|akes|ook|aking|aken)\s+(?:[\w'’.-]+\s+){1,3}?off",
               r"(?:lifting|removal|repeal|scrapping|end|abolition|cancellation)\s+(?:of|to)")
_HALT = _verbs(r"halt(?:s|ed|ing)?", r"stop(?:s|ped|ping)?", r"suspend(?:s|ed|ing)?", r"cut(?:s|ting)?\s+off",
               r"ceas(?:e|es|ed|ing)", r"end(?:s|ed|ing)?", r"ban(?:s|ned|ning)?", r"prohibit(?:s|ed|ing)?", r"embargo(?:es|ed|ing)?",
               r"phas(?:e|es|ed|ing)\s+out", r"cancel(?:s|led|ling|ed|ing)?", r"scrap(?:s|ped|ping)?",
               r"terminat(?:e|es|ed|ing)", r"(?:halt|end|stop|suspension|ban|cancellation)\s+(?:to|of|on)")
_CLOSE = _verbs(r"clos(?:e|es|ed|ing)", r"vacat(?:e|es|ed|ing)", r"abandon(?:s|ed|ing)?",
                r"dismantl(?:e|es|ed|ing)", r"shut(?:s|ting)?(?:\s+down)?", r"hand(?:s|ed|ing)?\s+(?:over|back)",
                r"evacuat(?:e|es|ed|ing)", r"withdr(?:aw|aws|ew|awn|awing)\s+from", r"pull(?:s|ed|ing)?\s+out\s+of",
                r"left", r"leav(?:e|es|ing)", r"end(?:s|ed|ing)?",
                r"(?:refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|fail(?:s|ed|ing)?)\s+to\s+renew",
                r"(?:closure|closing|end|handover|evacuation)\s+of")
_HAND_BACK = _verbs(r"hand(?:s|ed|ing)?\s+(?:back|over)", r"return(?:s|ed|ing)?", r"g(?:ive|ives|ave|iven|iving)\s+(?:back|up)",
                    r"withdr(?:aw|aws|ew|awn|awing)\s+from", r"pull(?:s|ed|ing)?\s+out\s+of",
                    r"retreat(?:s|ed|ing)?\s+from", r"relinquish(?:es|ed|ing)?", r"end(?:s|ed|ing)?",
                    r"ced(?:e|es|ed|ing)", r"(?:end|withdrawal\s+from|return)\s+of")
_RENOUNCE = _verbs(r"renounc(?:e|es|ed|ing)", r"drop(?:s|ped|ping)?", r"abandon(?:s|ed|ing)?", r"g(?:ive|ives|ave|iven|iving)\s+up",
                   r"relinquish(?:es|ed|ing)?", r"waiv(?:e|es|ed|ing)", r"withdr(?:aw|aws|ew|awn|awing)",
                   r"settl(?:e|es|ed|ing)", r"end(?:s|ed|ing)?")
_TEAR_UP = _verbs(r"end(?:s|ed|ing)?", r"scrap(?:s|ped|ping)?", r"terminat(?:e|es|ed|ing)", r"abrogat(?:e|es|ed|ing)",
                  r"dissolv(?:e|es|ed|ing)", r"annul(?:s|led|ling)?", r"tear(?:s|ing)?\s+up", r"tore\s+up",
                  r"withdr(?:aw|aws|ew|awn|awing)\s+from", r"pull(?:s|ed|ing)?\s+out\s+of", r"quit(?:s|ting)?",
                  r"left", r"leav(?:e|es|ing)", r"renounc(?:e|es|ed|ing)", r"suspend(?:s|ed|ing)?")
# (the participle is left alone: "signed a statement ending six weeks of fighting" is read
# both ways, the truce's end of the war being still ahead when it was signed)
_END_WAR = _verbs(r"end(?:s|ed)?", r"halt(?:s|ed)?", r"stop(?:s|ped)?",
                  r"(?:br(?:ing|ings|ought)|put(?:s)?)\s+an\s+end\s+to",
                  r"(?:end|halt|stop)\s+(?:to|of)")

# A membership suspended or given up (a share in the work frozen is not: "froze its
# participation in the bloc" leaves the state a member).
_GIVE_UP = _verbs(r"suspend(?:s|ed|ing)?", r"renounc(?:e|es|ed|ing)", r"relinquish(?:es|ed|ing)?",
                  r"g(?:ive|ives|ave|iven|iving)\s+up", r"end(?:s|ed|ing)?", r"terminat(?:e|es|ed|ing)",
                  r"revok(?:e|es|ed|ing)")

# Decisions end a relation when taken; departures only when done.
_DECISIONS = frozenset({"sanctions", "arms_supply", "energy_supply", "trade", "territorial_claim", "alliance"})

_FAMILY = {"sanctions": _LIFT, "arms_supply": _HALT, "energy_supply": _HALT, "trade": _HALT,
           "military_presence": _CLOSE, "occupation": _HAND_BACK, "territorial_claim": _RENOUNCE,
           "alliance": _TEAR_UP, "armed_conflict": _END_WAR, "membership": _GIVE_UP}

# The ending verb, then up to five words of the object's determiners and modifiers ("its
# punitive", "all", "the Sinai peninsula it had"), right before the trigger.
_OBJECT = {t: re.compile(rf"\b(?:{verbs})\s+(?:[\w,'’.%-]+\s+){{0,5}}$", re.IGNORECASE)
           for t, verbs in _FAMILY.items()}
# ... but not across another verb of relation or a clause boundary ("lifted the ban and
# imposed tariffs on"): the object phrase holds no conjunction or comma-clause.
_BREAK = re.compile(r"(?<!\bto\s)(?<!\bfrom\s)(?<!\bwith\s)\b(?:and|but|or|while|after|before|as|which|that|who|when|since)\s+(?!(?:it|they)\s+(?:had|has|have)\b)"
                    r"|[;:]", re.IGNORECASE)

# The trigger as the subject of an ending predicate: "French troops have been forced out
# of Mali", "French forces left the country", "the sanctions on Iran were lifted".
_AUX = r"(?:(?:have|has|had)\s+(?:already\s+|since\s+|now\s+|long\s+|all\s+)?(?:been\s+)?|(?:were|was)\s+(?:\w+ly\s+|all\s+)?)?"
_DEPARTED = re.compile(rf"\s*(?:(?:in|on|at|from)\s+[^.;,]{{1,40}}?\s+)?(?:(?:\w+ly|already|finally|then)\s+)?{_AUX}"
                       r"(?:left|withdrew|withdrawn|pulled\s+out|departed|forced\s+out|pushed\s+out|driven\s+out|"
                       r"kicked\s+out|thrown\s+out|expelled|ordered\s+out|evacuated|closed|shut(?:\s+down)?|"
                       r"handed\s+over|dismantled|ended|wound\s+down|(?:dissolved|disbanded)|"
                       r"completed\s+(?:their|its|the)\s+withdrawal)\b", re.IGNORECASE)
_LIFTED = re.compile(rf"\s*(?:(?:on|against)\s+[^.;,]{{1,40}}?\s+)?{_AUX}(?:lifted|removed|scrapped|dropped|ended|revoked|"
                     r"rescinded|repealed|abolished|withdrawn)\b", re.IGNORECASE)
# The war as the subject of its end, in the past: "Eritrea's war with Ethiopia ended in
# 2000", "the war between Iran and Iraq lasted eight years" ("has lasted" goes on).
_WAR_OVER = re.compile(r"\s*(?:(?:(?:with|between|against|over|in|on)\s+)?(?:the\s+)?(?-i:[A-Z])[^.;,]{0,40}?\s+)?"
                       r"(?<!\bhas\s)(?<!\bhave\s)(?:(?:finally|eventually|officially|formally)\s+)?"
                       r"(?:(?:ended|ceased|finished|stopped|(?:was|were)\s+over|came\s+to\s+an\s+end)"
                       r"(?=\s*(?:[.,;]|$|\b(?:in|with|after|when|on|at|by|last|this|that|only|abruptly|formally)\b))"
                       r"|lasted|raged\s+(?:for|from))\b", re.IGNORECASE)
_SUBJECT = {"military_presence": _DEPARTED, "occupation": _DEPARTED, "sanctions": _LIFTED, "armed_conflict": _WAR_OVER}

# A past relation bounded by a date: "ran an air base at Manta until 2009", "occupied
# southern Lebanon until 2000" (not "until next year", "until a ceasefire").
_UNTIL = re.compile(r"\buntil\s+(?:(?:early|late|mid-?|the\s+end\s+of)\s*)?(?:(?:January|February|March|April|May|June|July|"
                    r"August|September|October|November|December)\s+)?(?:\d{1,2}\s+)?(?:19|20)\d\d\b", re.IGNORECASE)
# ... or by a span of years: "occupied the strip from 1967 to 2005", "fought a war between
# 1998 and 2000".
_SPAN = re.compile(r"\b(?:from\s+(?:19|20)\d\d\s+(?:to|until|through)|between\s+(?:19|20)\d\d\s+and)\s+(?:19|20)\d\d\b",
                   re.IGNORECASE)
# The war an ending verb took as object, told in a relative clause: "a truce ended a short
# war in which Russian troops fought alongside the rebels".
_ENDED_WAR = re.compile(rf"\b(?:{_END_WAR})\s+(?:[\w-]+\s+){{0,4}}?(?:war|conflict|fighting|hostilities)\s+"
                        r"(?:in\s+which|during\s+which|that|which)\s+[^.;]{0,60}$", re.IGNORECASE)
# A war's end still ahead: "a treaty aimed at ending", "hopes of ending", "meant to end".
_ENDING_AHEAD = re.compile(rf"\b(?:aim(?:s|ed|ing)?\s+at|hopes?\s+of|bid\s+to|efforts?\s+to|(?:meant|designed|intended|"
                           rf"expected|due|set|supposed)\s+to|will|would|could|might|may|shall|to)\s+(?:help\s+(?:to\s+)?)?"
                           rf"(?:{_END_WAR})\b", re.IGNORECASE)
_PAST = frozenset({"VBD"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_FUTURE = re.compile(r"\b(?:will|shall|would|to|until\s+at\s+least)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)

# Nouns of a relation's ending, used by the membership patterns: "the withdrawal of Mali
# ... from ECOWAS became effective".
END_NOUN = r"withdrawal|exit|departure|pull-?out"

_WINDOW = 70
_NOT = re.compile(r"\b(?:not|never|no\s+longer|n['’]t)\s+(?:yet\s+|fully\s+)?$", re.IGNORECASE)
# An ending only weighed, refused or asked for: the relation still holds ("Washington weighs
# lifting its embargo", "the House refused on Thursday to lift it", "Seoul urged Tokyo to
# end its curbs").
# "has given no sign that it will stop pumping gas": an ending not in view
_NO_SIGN = re.compile(r"\bno\s+(?:sign|signs|plans?|intention|indication)\s+(?:that\s+|of\s+)?(?:(?:it|they|[\w-]+)\s+)?"
                      r"(?:will\s+|would\s+|plans\s+to\s+|intends\s+to\s+)?$", re.IGNORECASE)
_WEIGHED = re.compile(r"\b(?:weigh(?:s|ed|ing)?|consider(?:s|ed|ing)?|mull(?:s|ed|ing)?|debat(?:e|es|ed|ing)|"
                      r"discuss(?:es|ed|ing)?|stud(?:y|ies|ied|ying)|review(?:s|ed|ing)?|refus(?:e|es|ed|ing)|"
                      r"reject(?:s|ed|ing)?|declin(?:e|es|ed|ing)|oppos(?:e|es|ed|ing)|resist(?:s|ed|ing)?|"
                      r"(?:call(?:s|ed|ing)?|press(?:es|ed|ing)?|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|lobb(?:y|ies|ied|ying))"
                      r"\s+(?:[\w-]+\s+){0,3}?(?:for|to))\s+(?:(?:on\s+\w+|whether|how|to|\w+ly)\s+){0,3}$", re.IGNORECASE)


def ended_modality(env: SentenceEnv, rtype: str, m: re.Match[str], mod: str) -> str | None:
    """The modality of a relation whose trigger ``m`` an ending governs (``mod`` is the
    trigger's own reading), or None when no ending does."""
    text, sent = env.parsed.text, env.sent
    kind = _ending(env, rtype, m)
    if kind is None:
        return None
    if kind == "until":
        return "negated"
    if rtype == "armed_conflict" and kind == "object" and _ENDING_AHEAD.search(
            text, max(sent.start, m.start() - _WINDOW - 40), m.start()):
        return "asserted"  # "a treaty aimed at ending four decades of conflict": not over yet
    if kind == "denied" or mod == "hypothetical":
        return "asserted"  # "has not lifted its sanctions", "would close the base if ..."
    if mod in {"intended", "expected"} and rtype not in _DECISIONS:
        return "asserted"  # "will close its base next year": it is there now
    if kind == "subject" and _FUTURE.search(text, max(sent.start, m.end() - 1), m.end()):
        return "asserted"
    return "negated"


def halted(env: SentenceEnv, m: re.Match[str]) -> bool:
    """Whether a supply or trade trigger is the object of a halt ("halted all exports to
    and imports from Israel"): the trade no longer holds, whatever its goods."""
    return _object_ending(env, _OBJECT["trade"], m) == "object"


def _ending(env: SentenceEnv, rtype: str, m: re.Match[str]) -> str | None:
    """"object", "denied" (an ending verb negated: "has not lifted its sanctions"),
    "subject", "until", or None."""
    obj = _OBJECT.get(rtype)
    if rtype == "membership" and not m.group(0).lower().startswith("membership"):
        obj = None  # "suspended its participation in": a member still (see _GIVE_UP)
    if obj is not None and (kind := _object_ending(env, obj, m)):
        return kind
    subj = _SUBJECT.get(rtype)
    if subj is not None and subj.match(env.parsed.text, m.end(), min(env.sent.end, m.end() + _WINDOW)):
        return "subject"
    if _bounded_past(env, m):
        return "until"
    if rtype == "armed_conflict" and _ENDED_WAR.search(env.parsed.text, max(env.sent.start, m.start() - _WINDOW - 40),
                                                     m.start()):
        return "object"
    return None


def _object_ending(env: SentenceEnv, obj: re.Pattern[str], m: re.Match[str]) -> str | None:
    text, sent = env.parsed.text, env.sent
    hit = obj.search(text, max(sent.start, m.start() - _WINDOW), m.start())
    if hit is None or _BREAK.search(text, hit.start() + 1, m.start()):
        return None
    before = max(sent.start, hit.start() - 40)
    if _NOT.search(text, before, hit.start()) or _WEIGHED.search(text, before, hit.start()) \
            or _NO_SIGN.search(text, before, hit.start()):
        return "denied"
    return "object"


def _bounded_past(env: SentenceEnv, m: re.Match[str]) -> bool:
    """A relation stated in the past tense and bounded by "until" a year in its clause."""
    text, sent, parsed = env.parsed.text, env.sent, env.parsed
    until = _UNTIL.search(text, m.end(), sent.end) or _SPAN.search(text, m.end(), sent.end)
    if until is None or re.search(r"[;]|,\s*(?:and|but|while)\b", text[m.end():until.start()]):
        return False
    tok = token_at(parsed, m.start(), m.end())
    if tok is not None and (tok.tag in _PAST or _bare_participle(env, tok)):
        return True
    # a noun trigger: the verb it hangs on ("ran an air base at Manta until 2009")
    verbs = [t for t in parsed.sentence_tokens(sent) if t.end <= m.start() and t.pos in {"VERB", "AUX"}]
    return bool(verbs) and verbs[-1].tag in _PAST


def _bare_participle(env: SentenceEnv, tok: Any) -> bool:
    """A past verb the tagger read as a participle ("Armenia controlled the region until
    2020" tagged VBN, even as a modifier): a past, as VBD is, when it has no auxiliary and
    its sentence no finite verb."""
    parsed = env.parsed
    if tok.tag != "VBN" or any(c.dep in {"aux", "auxpass"} for c in parsed.children(tok)):
        return False
    return not any(t.tag in _FINITE for t in parsed.sentence_tokens(env.sent))


# What troops left, after the verb of leaving: "forced out of Mali", "withdrew from Syria",
# "left Afghanistan", "left the country".
_LEFT_PLACE = re.compile(r"\b(?:out\s+of|from|left|leave|quit|vacated|evacuated)\s+(?:the\s+)?", re.IGNORECASE)
_THE_COUNTRY = re.compile(r"\s*(?:country|nation|territory|region)\b", re.IGNORECASE)


def _departed_from(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The country troops left (``departed_from``): the list named after the verb of
    leaving; for "the country" or nothing named ("after French forces were pushed out"), the
    first state of the sentence, else of the sentence before, that is not the troops' own."""
    text, sent = env.parsed.text, env.sent
    gone = _DEPARTED.match(text, m.end(), min(sent.end, m.end() + _WINDOW))
    if gone is None:
        return [], ""
    cue = _LEFT_PLACE.search(text, gone.start(), min(sent.end, gone.end() + 25))
    if cue is not None and not _THE_COUNTRY.match(text, cue.end()):
        found = group_after(text, actors, cue.end(), ceiling=sent.end, max_gap=4)
        if found:
            return found, ""
    own = {a.actor.country for a in env.pool if a.start <= m.start() < a.end + 3 or
           (a.end <= m.start() and m.start() - a.end <= 12)}
    for s in (sent, env.parsed.sentences[sent.i - 1] if sent.i > 0 else None):
        if s is None:
            continue
        states = [a for a in env.pool if s.start <= a.start and a.end <= s.end and a.actor.country
                  and a.actor.kind == "state" and a.actor.country not in own]
        if states:
            return [ref_for_id(states[0].actor.country, env.pool)], ""
    return [], ""


ENDING_ROLES: dict[str, Callable] = {"departed_from": _departed_from}
