"""Side roles read from the clause's subject: who does what the trigger says.

The roles ``before``, ``subject``, ``subj``, ``its_subject``, ``it_antecedent`` and
``member_subject`` for ``dyad.relations.sides``, with what they share: the grammatical
subject through "which" and chains of verbs, a subject after an opening clause ("After
joining NATO, Finland ..."), and anaphoric subjects ("it", "the country", "the two
countries") that stand for states named before. Kept apart from the roles that read the
trigger's neighbours (``neighbour_roles``) because they share the anaphora helpers.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from dyad.agreements.spans import group_after, group_before, groups, span_root, subject_actors, token_at
from dyad.relations.context import (TWO_SIDES, SentenceEnv, clause_list, last_two_states,
                                    possessive, whole_lists)
from dyad.relations.neighbour_roles import poss

# Between a copular subject and its trigger: "Croatia is an EU member", "Poland, a NATO
# member", "Finland became NATO's 31st member", "Turkey has been a member of", "France and
# Germany (both NATO members)".
_COPULA = re.compile(r"(?:\s*[,(](?!\s*(?:is|was|are|were|became|becomes|has|have|had|remains?|remained)\b)\s*(?:(?:a|an|the|one\s+of\s+the|another|fellow|also|both|all|two|three)\s+)*"
                     r"|\s+(?:[a-z]+ly\s+)?(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been|became|becomes|"
                     r"become|remains?|remained|as)\s+)(?:(?:a|an|the|its|one\s+of\s+the|not|also|"
                     r"now|already|still|formally|officially)\s+)*)[^,;:()]{0,30}$", re.IGNORECASE)

# A sentence opening with "It" or "The country" and a copula before the trigger.
_IT_SUBJECT = re.compile(r"\s*(?:It|The\s+(?:[\w-]+\s+){0,2}?(?:country|nation|state|kingdom|republic|emirate)"
                         r"(?:\s+of\s+[^,;:()]{1,30}?)?)(?:\s+(?:(?:is|was|has\s+been|had\s+been|became|remains|"
                         r"also|now|already|still|formally)\s+)+|\s*,\s*)(?:an?\s+|the\s+)?[^,;:()]{0,30}$")

_VERB_START = re.compile(r"(?:is|was|are|were|became|becomes|become|has|have|had|remains?|remained)\b", re.IGNORECASE)

# A subject that stands for a state named before: "it", "the country", "the Balkan nation".
_ANAPHOR_SUBJECT = re.compile(r"(?:it|(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?-i:country|nation|state|kingdom|republic|emirate))",
                              re.IGNORECASE)  # lower-case nouns: "The Islamic State" names someone

# An anaphoric subject opening a sentence, then only auxiliaries and adverbs before the verb.
# A plural subject standing for a list named before: "The two countries", "Both", "They",
# "The three Baltic states".
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

# The plural anaphors that always stand for a list named before.
_BOTH = re.compile(r"(?:they|both|(?:both|the)\s+(?:countries|nations|states|governments|neighbou?rs|neighbors|allies))",
                   re.IGNORECASE)
_PLURAL_SUBJECT = re.compile(r"(?:they|both|(?:(?:the|these|those|both|all)\s+)(?:(?P<count>two|three|four|five|six|seven|"
                             r"eight|nine|ten)\s+)?(?:[\w-]+\s+){0,2}?(?-i:countries|nations|states|governments|"
                             r"neighbou?rs|neighbors|allies))", re.IGNORECASE)  # not "The United States"

_ANAPHOR_OPENING = re.compile(r"\s*(?:(?:On|In|Last|Earlier|Later)\b[^,]{0,30},\s*)?(?P<anaphor>" + _ANAPHOR_SUBJECT.pattern
                              + "|" + _PLURAL_SUBJECT.pattern + r")(?:\s+(?:has|have|had|will|would|then|also|finally|formally|officially|"
                                r"eventually|later|[a-z]+ly))*\s+", re.IGNORECASE)

# "Both countries are members of the WTO", "Both countries belong to the SCO" (the verb right
# after the subject): the two states named last are the subject.
TWO_SIDES_SUBJECT = re.compile(r"(?:" + TWO_SIDES.pattern + r"|^\s*Both)\s+(?:(?:(?:are|were|have\s+been|remain|became|"
                                r"also|both|all)\s+)+(?:(?:a|an|the|founding|full)\s+)*[^,;:()]{0,20})?$",
                                re.IGNORECASE)

# "A replaced B as the largest supplier": the role after "as" is A's, not B's.
_AS_ROLE = re.compile(r"\s+as\s+(?:(?:the|its|their|a|an)\s+)?(?:[\w'’-]+\s+){0,3}")

_DISPLACED = re.compile(r"\b(?:replaced|replacing|overtook|overtaken|overtaking|surpassed|surpassing|"
                        r"displaced|succeeded|ousted|unseated|supplanted)\s+(?:the\s+)?$", re.IGNORECASE)

# "Sweden deposited its instrument of accession": "its" before the trigger.
_ITS_NOUN = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:of\s+)?$", re.IGNORECASE)

# Between an IGO and the state it titles: "NATO ally Turkey", "fellow EU member Hungary".
_TITLE_GAP = re.compile(r"(?:['’]s)?\s+(?:(?:fellow|founding|full|key|close|new|newest)\s+)?(?:member(?:\s+state)?|ally|partner)\s+")

# A word stating a membership, for a second one elided after it.
_MEMBER_WORD = re.compile(r"\bmember(?:s|ship)?\b", re.IGNORECASE)

# A sentence opening with a subordinate -ing clause whose subject is the main clause's.
_OPENING_CLAUSE = re.compile(r"\s*(?:After|Before|Since|Upon|On|While|Despite|By|Having|Since|As)\s+"
                             r"(?:(?:formally|officially|finally)\s+)?")


# -- the roles: each (env, trigger match, candidate actors) -> (found, role name or "") -------
# A relative clause opened right after a list's first member ("Palau, which hosts ...").
_RELATIVE_AFTER = re.compile(r"\s*,\s*(?:which|who)\b", re.IGNORECASE)


# Verbs of taking another's place: the "as" phrase after them names the subject's new role.
_OVERTAKING = frozenset({"overtake", "overtook", "replace", "surpass", "displace", "supplant", "oust"})


def _overtaking(env: SentenceEnv, tok: Any) -> Any | None:
    """The verb of overtaking a trigger in an "as" phrase hangs on: "Algeria overtook Russia
    last year as Italy's biggest gas supplier", "Mexico overtook China as the largest trading
    partner of the United States" (the subject takes the role, not the state overtaken)."""
    for _ in range(4):  # from a modifier opening the trigger ("biggest") to its noun
        if tok.dep not in {"amod", "compound", "nmod", "advmod", "npadvmod"} or tok.head == tok.i:
            break
        tok = env.parsed.tokens[tok.head]
    if tok.dep != "pobj" or tok.head == tok.i:
        return None
    prep = env.parsed.tokens[tok.head]
    if prep.text.lower() != "as" or prep.head == prep.i:
        return None
    verb = env.parsed.tokens[prep.head]
    return verb if verb.pos == "VERB" and verb.lemma.lower() in _OVERTAKING else None


def _before(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    tok = token_at(env.parsed, m.start(), m.end())
    verb = env.parsed.tokens[tok.head] if tok is not None and tok.pos == "NOUN" and tok.dep == "dobj" else tok
    if verb is tok and (pred := _predicate_noun(env, m)) is not None:
        verb = env.parsed.tokens[pred.head]  # "Kazakhstan, a CSTO member, is Russia's main trading partner"
    found = _controller(env, verb, actors)  # "Poland urged the EU to impose sanctions": the EU's
    found = found or subject_actors(env.parsed, tok, actors)
    if not found and tok is not None and tok.pos == "ADP" and tok.dep == "prep" and env.sent.parsed:
        # a preposition opening the trigger takes the subject of the verb it hangs on:
        # "Turkey, a NATO member that hosts Syrian refugees, has been under Russian sanctions"
        found = subject_actors(env.parsed, env.parsed.tokens[tok.head], actors)
    if not found and tok is not None and env.sent.parsed and (verb_as := _overtaking(env, tok)) is not None:
        found = subject_actors(env.parsed, verb_as, actors)  # "Algeria overtook Russia as Italy's biggest supplier"
    if not found and verb is not tok and env.sent.parsed:
        # a noun trigger as a verb's object takes that verb's subject: "the United States
        # was withdrawing from the deal with Iran and would reimpose sanctions on Tehran"
        found = subject_actors(env.parsed, verb, actors)
    if not found and tok is not None and env.sent.parsed and (verb := _gerund_head(env, tok)) is not None:
        found = subject_actors(env.parsed, verb, actors)  # "X established ties with Y after cutting ..."
    if not found and tok is not None and tok.dep == "ccomp" and (subj := _subject_token(env, tok)) is not None:
        # "Washington has yet to decide whether to penalise India": the governor's subject
        found = [a for a in actors if a.start <= subj.start < a.end]
    if found:  # the parse may hang a long list's last members elsewhere: take the whole list
        found = clause_list(env, whole_lists(env.parsed.text, actors, found), found)
        found = _titled(env.parsed.text, actors, found, m.start())
        if _RELATIVE_AFTER.match(env.parsed.text, found[0].end, m.start()):
            # "Palau, which hosts a US radar, and the Marshall Islands both ...": the clause
            # is the first member's; the members named after it do not host
            found = [a for a in found if a.end <= m.start()]
    elif (subj := _subject_token(env, tok)) is not None and _PLURAL_SUBJECT.fullmatch(_phrase(env, subj)):
        # "The two countries joined NATO in 2004", "Both joined the alliance": the list named before
        found = _plural_antecedent(env, _PLURAL_SUBJECT.fullmatch(_phrase(env, subj)), subj.start)
    elif subj is not None and (
            _ANAPHOR_SUBJECT.fullmatch(_phrase(env, subj)) or "," in env.parsed.text[subj.end:m.start()]):
        # a subject that names nobody: an anaphor stands for a state named before ("after it
        # became the EU's 28th member"); the names of a clause set off after another subject
        # are not the subject ("The country, which borders Ukraine, ordered ...")
        found = _antecedent(env, subj) if _ANAPHOR_SUBJECT.fullmatch(_phrase(env, subj)) else []
    elif _OPENING_CLAUSE.fullmatch(env.parsed.text, env.sent.start, m.start()):
        found = _main_subject(env, m, actors)  # "After joining NATO, Finland signed ..."
    elif not env.sent.parsed and (opening := _ANAPHOR_OPENING.fullmatch(env.parsed.text, env.sent.start, m.start())) \
            and (found := _opening_antecedent(env, opening)):
        pass  # "The island nation formally joined the organisation in August" (unparsed)
    else:
        text = env.parsed.text
        cands = [a for a in actors if not possessive(text, a, m.start())]
        found = group_before(text, cands, m.start(), floor=env.sent.start)
        if found and _AS_ROLE.fullmatch(text, found[-1].end, m.start()):
            # "Norway replaced Russia as the largest supplier": the role is Norway's
            verb = _DISPLACED.search(text, env.sent.start, found[0].start)
            found = group_before(text, cands, verb.start(), floor=env.sent.start) if verb else found
    return found, ""


def _predicate_noun(env: SentenceEnv, m: re.Match[str]) -> Any:
    """The head noun of a noun-phrase trigger that is the predicate of a copula ("X is
    Y's largest export market", "X remains Y's closest ally"): its subject is the copula's,
    not the name nearest before it."""
    if not env.sent.parsed:
        return None
    head = span_root(env.parsed, m.start(), m.end())
    if head is None or head.pos not in {"NOUN", "PROPN"} or head.dep != "attr" or head.head == head.i:
        return None
    return head


def _controller(env: SentenceEnv, verb: Any, actors: list[Any]) -> list[Any]:
    """The object that is the subject of an infinitive after a verb of urging or asking:
    "Poland urged the EU to impose sanctions on Belarus", "Britain persuaded Japan to ban
    imports" (the EU, Japan: not the subject of the verb before)."""
    if verb is None or not env.sent.parsed or verb.dep != "xcomp" or verb.head == verb.i:
        return []
    tokens = env.parsed.tokens
    obj = next((c for c in env.parsed.children(tokens[verb.head]) if c.dep == "dobj" and c.i < verb.i), None)
    if obj is not None and _TIME_GIVEN.fullmatch(obj.text):
        # "Mali gave France a month to withdraw its troops": the one given the time acts
        obj = next((c for c in env.parsed.children(tokens[verb.head]) if c.dep == "dative" and c.i < verb.i), None)
    if obj is None:
        return []
    heads = [obj] + [c for c in env.parsed.children(obj) if c.dep in {"conj", "compound", "poss", "amod"}]
    return [a for a in actors if any(a.start <= h.start < a.end for h in heads)]


# Time one is given to act: "gave France a month to withdraw", "gave Kyiv 48 hours to".
_TIME_GIVEN = re.compile(r"hours?|days?|weeks?|months?|years?|deadline|ultimatum|time", re.IGNORECASE)

_GERUND_PREPS = frozenset({"after", "before", "since", "by", "upon", "on", "while", "without", "through", "despite"})


def _gerund_head(env: SentenceEnv, tok: Any) -> Any:
    """The verb a gerund after "after"/"by"/"without" hangs on, whose subject is the
    gerund's own ("Honduras established ties with China after cutting its ties with
    Taiwan": Honduras cut them); the trigger may be the gerund or its object."""
    tokens = env.parsed.tokens
    if tok.pos == "NOUN" and tok.dep == "dobj":
        tok = tokens[tok.head]
    if tok.pos != "VERB" or tok.dep != "pcomp":
        return None
    prep = tokens[tok.head]
    if prep.lemma.lower() not in _GERUND_PREPS or prep.head == prep.i:
        return None
    verb = tokens[prep.head]
    return verb if verb.pos in {"VERB", "AUX"} else None


def _subject_token(env: SentenceEnv, tok: Any) -> Any:
    """The subject token of verb ``tok`` (through "which" and a chain of xcomp/conj verbs),
    when the sentence was parsed."""
    if tok is None or not env.sent.parsed or tok.pos not in {"VERB", "AUX"}:
        return None
    for _ in range(3):
        subj = next((c for c in env.parsed.children(tok) if c.dep in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            if subj.lemma.lower() in {"which", "that", "who"} and tok.dep == "relcl":
                return env.parsed.tokens[tok.head]
            return subj
        # an infinitive with no subject of its own takes its governor's, "whether to" too
        # ("Washington has yet to decide whether to penalise India")
        controlled = tok.dep == "ccomp" and any(c.dep == "aux" and c.text.lower() == "to"
                                                for c in env.parsed.children(tok))
        if (tok.dep not in {"xcomp", "conj", "advcl"} and not controlled) or tok.head == tok.i:
            return None
        tok = env.parsed.tokens[tok.head]
    return None


def _phrase(env: SentenceEnv, head: Any) -> str:
    """The words of a subject up to its head ("The Balkan country" for "country")."""
    first = head.i
    while first > env.sent.token_start and _modifies(env, env.parsed.tokens[first - 1], head):
        first -= 1
    return env.parsed.text[env.parsed.tokens[first].start:head.end]


_MODIFIER_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss", "nummod", "predet"})


def _modifies(env: SentenceEnv, tok: Any, head: Any) -> bool:
    """Whether ``tok`` belongs to the modifiers of ``head``, also inside a hyphenated one
    ("The three military-led countries": "military" and "-" hang on "led")."""
    for _ in range(3):
        if tok.dep == "punct" and tok.text != "-" or tok.head == tok.i:
            return False
        if tok.head == head.i:
            return tok.dep in _MODIFIER_DEPS
        tok = env.parsed.tokens[tok.head]
    return False


def _antecedent(env: SentenceEnv, subj: Any) -> list[Any]:
    """The state an anaphoric subject stands for: the first state named earlier in the
    sentence ("Croatia joined the euro a decade after it became ..."), else the first one of
    the previous sentence. In a clause of time or cause the anaphor is the subject of the
    clause it hangs on ("South Korea, which Moscow has courted since it established ties with
    Seoul": Moscow, not a state named before)."""
    verb = env.parsed.tokens[subj.head] if env.sent.parsed else None
    if verb is not None and verb.dep == "advcl" and verb.head != verb.i:
        governor = subject_actors(env.parsed, env.parsed.tokens[verb.head], env.pool)
        governor = [a for a in governor if a.end <= subj.start and a.actor.kind == "state"]
        if governor:
            return governor[:1]
    here = [a for a in env.pool if env.sent.start <= a.start and a.end <= subj.start and a.actor.kind == "state"]
    return here[:1] or _previous_subject(env)


def _opening_antecedent(env: SentenceEnv, opening: re.Match[str]) -> list[Any]:
    """The state(s) an anaphor opening an unparsed sentence right before the verb stands for
    ("The island nation formally joined ...", "The two countries joined ...")."""
    plural = _PLURAL_SUBJECT.fullmatch(opening.group("anaphor"))
    return _plural_antecedent(env, plural, opening.start("anaphor")) if plural else _previous_subject(env)


def _plural_antecedent(env: SentenceEnv, plural: re.Match[str], before: int) -> list[Any]:
    """The list of states a plural subject stands for: the last one named before it, in its
    sentence or the one before, of the size it gives ("the three Baltic states"); a size
    given picks out its list from further back (two sentences more: "Chile, Peru and
    Bolivia signed ... The three Andean countries, which ...")."""
    want = _NUMBERS.get((plural.group("count") or "").lower())
    floor = env.parsed.sentences[max(0, env.sent.i - (1 if want is None else 3))].start
    states = [a for a in env.pool if floor <= a.start and a.end <= before and a.actor.kind == "state"]
    if want is None and env.sent.i >= 2 and not any(a.start < env.sent.start for a in states) \
            and _BOTH.fullmatch(plural.group(0)):
        # the sentence before names no state: the list of the one before that ("Saudi Arabia
        # and Kuwait signed ... The field closed in 2014 ... Both countries belong to the GCC";
        # not "the few states that still recognise Taiwan", which points back to nobody)
        floor = env.parsed.sentences[env.sent.i - 2].start
        states = [a for a in env.pool if floor <= a.start and a.end <= before and a.actor.kind == "state"]
    for group in reversed(groups(env.parsed.text, states)):
        size = len({a.actor.country or a.actor.actor_id for a in group})
        if size >= 2 and (want is None or size == want):
            return list(group)
    return []


def _titled(text: str, actors: list[Any], found: list[Any], before: int) -> list[Any]:
    """"NATO ally Turkey bought Russian missiles": an IGO as a title before a state's name
    ("EU member Hungary") is no subject; the state it titles is."""
    if not found or any(a.actor.kind != "igo" for a in found):
        return found
    titled = [a for a in actors if found[-1].end < a.start and a.end <= before and a.actor.kind == "state"
              and _TITLE_GAP.fullmatch(text, found[-1].end, a.start)]
    return titled[:1] or found


def _user_subject(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The user of goods a participle describes: "Serbia flies MiG-29s donated by Russia",
    "the jets sold by France now serve Egypt's air force" -- the subject of the verb whose
    object (or subject) the participle's noun is. Needs a parse: without one the holder
    of the goods is not told apart from their maker ("flies American-made F-16s donated by
    ...")."""
    if not env.sent.parsed:
        return [], ""
    word = re.match(r"[\w-]+", m.group(0))
    tok = token_at(env.parsed, m.start(), m.start() + (word.end() if word else 0))
    if tok is None or tok.dep != "acl":
        return [], ""
    noun = env.parsed.tokens[tok.head]
    for _ in range(3):  # "tanks and helicopters supplied by": the first of the goods
        if noun.dep != "conj":
            break
        noun = env.parsed.tokens[noun.head]
    if noun.dep in {"nsubj", "nsubjpass"}:  # "the MiG-29s donated by Russia serve Serbia"
        return [], ""
    verb = env.parsed.tokens[noun.head] if noun.dep in {"dobj", "pobj"} else None
    if verb is not None and verb.dep == "prep" and verb.pos not in {"VERB", "AUX"}:
        verb = env.parsed.tokens[verb.head]  # "is equipped with jets donated by"
    found = subject_actors(env.parsed, verb, actors) if verb is not None else []
    return (whole_lists(env.parsed.text, actors, found) if found else []), ""


def _subject(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The grammatical subject of a verb trigger; without a parse, the list just before it
    ("Israel has occupied the West Bank since the 1967 war with Jordan" gives the war
    no side from far before it)."""
    if env.sent.parsed:
        tok = token_at(env.parsed, m.start(), m.end())
        if tok is not None and tok.pos in {"NOUN", "PROPN"} and tok.dep == "dobj":
            tok = env.parsed.tokens[tok.head]  # "Russia launched a war against Ukraine"
        found = subject_actors(env.parsed, tok, actors)
        return (clause_list(env, whole_lists(env.parsed.text, actors, found), found) if found else []), ""
    return group_before(env.parsed.text, actors, m.start(), floor=env.sent.start, max_gap=30), ""


def _its_subject(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """"Sweden deposited its instrument of accession": "its" is the clause's subject."""
    if not _ITS_NOUN.search(env.parsed.text, max(env.sent.start, m.start() - 40), m.start()):
        return [], ""
    return _before(env, m, actors)


def _it_antecedent(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """"Moscow cited support for Ukraine, which it invaded": "it" or "they" right before the
    trigger stands for the state named first in the sentence (else in the one before)."""
    it = re.search(r"\b(?:it|they)\s+(?:had\s+|has\s+|have\s+)?$", env.parsed.text[max(env.sent.start, m.start() - 15):m.start()])
    if it is None:
        return [], ""
    here = [a for a in env.pool if env.sent.start <= a.start < m.start() and a.actor.kind == "state"]
    return (here[:1] or _previous_subject(env)), ""


def _subj(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    text, sent = env.parsed.text, env.sent
    found = group_before(text, actors, m.start(), floor=sent.start)
    if found and found[-1].actor.kind == "igo" and re.match(r"['’]s?\s", text[found[-1].end:m.start()]):
        # "Lithuania, Latvia and Estonia, NATO's Baltic members": the IGO qualifies the trigger
        found = group_before(text, actors, found[0].start, floor=sent.start)
    # a name right before a comma and a verb closes a clause set off before it: "Finland,
    # which borders Russia, became a member" is not Russia's membership
    if found and (not _COPULA.match(text[found[-1].end:m.start()])
                  or re.fullmatch(r"\s*,\s*", text[found[-1].end:m.start()]) and _VERB_START.match(m.group(0))):
        found = []
    if not found and _IT_SUBJECT.match(text[sent.start:m.start()]):
        found = _previous_subject(env)  # "It has been a NATO member since 2009."
    if not found and TWO_SIDES_SUBJECT.search(text[sent.start:m.start()]):
        found = last_two_states(env, sent.start)  # "Both countries are members of the WTO."
    return found, ""


def _member_subject(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The member of the membership stated before in the sentence, for a second one elided
    ("Turkey is a member of NATO but not of the EU", "Greece has been a member of NATO
    since 1952 and of the EU since 1981")."""
    words = list(_MEMBER_WORD.finditer(env.parsed.text, env.sent.start, m.start()))
    if not words:
        return [], ""
    word = words[-1]
    for role in (poss, _subj, _before):
        found, _ = role(env, word, actors)
        if found:
            return found, ""
    return [], ""


def _main_subject(env: SentenceEnv, m: re.Match[str], actors: Sequence[Any]) -> list[Any]:
    """The list right after the comma closing an opening clause ("After joining NATO,
    Finland ...")."""
    comma = env.parsed.text.find(",", m.end(), env.sent.end)
    if comma < 0:
        return []
    found = group_after(env.parsed.text, actors, comma + 1, ceiling=env.sent.end, max_gap=6)
    return found if found and re.fullmatch(r"\s*(?:the\s+)?", env.parsed.text[comma + 1:found[0].start]) else []


def _previous_subject(env: SentenceEnv) -> list[Any]:
    """The first state named in the previous sentence: what "It" opening this one stands
    for ("Croatia joined the EU in 2013. It has been a NATO member since 2009.")."""
    if env.sent.i == 0:
        return []
    prev = env.parsed.sentences[env.sent.i - 1]
    return [a for a in env.pool if prev.start <= a.start < prev.end and a.actor.kind == "state"][:1]


SUBJECT_ROLES: dict[str, Callable] = {
    "before": _before, "subject": _subject, "user_subject": _user_subject, "subj": _subj, "its_subject": _its_subject,
    "it_antecedent": _it_antecedent, "member_subject": _member_subject,
}
