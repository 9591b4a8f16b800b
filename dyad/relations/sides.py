"""Side assignment: which actors stand in a pattern's source or target role, and the roles
that find one side from the trigger's grammatical neighbours.

A role names where the actor stands relative to the trigger; a pattern's alternatives
("mod|before") are tried in order and the first that finds someone wins:

- ``before``: the grammatical subject of a verb trigger when the sentence was parsed
  (``nsubj``; through "which" and "helped broker"), else the list of actors just before it;
- ``subj``: the list before it joined by a copula or apposition ("Croatia is an EU
  member", "Poland, a NATO member");
- ``mod``: a mention covering the trigger ("American troops" resolved as one mention), else
  the list of actors right before it with only lower-case words or numbers between
  ("American, French and Chinese bases", "Russia keeps about 1,500 troops", "US sanctions");
- ``poss``: an actor with "'s" (or a plural's "'") right before it ("India's largest arms
  supplier", "the Philippines' ally");
- ``after``: the list of actors just after it (``next``: right after it, "NATO member
  Turkey"; ``after_far``: within the role window, "hosts the largest concentration of US
  forces"); ``to``/``from``/``by``/``of``/``on``/``with``/``between``: the list after that
  preposition ("on" also takes "against");
- ``subject``: the grammatical subject only (of the verb a noun trigger is the object of:
  "launched a war against"); ``holder``: who "holds" or "administers" a claimed place;
  ``its``: the state named last before "its" ("fight for Russia in its war"); ``its_subject``:
  the clause's subject for "its" before the trigger ("Sweden deposited its instrument of
  accession"); ``it_antecedent``: the state "it" stands for right before the trigger, and
  ``left``: the name a relative clause hangs on ("support for Ukraine, which it invaded"); ``aggressor``:
  the state the text names anywhere as an invader ("Russia's invasion") for "the war in
  Ukraine";
- roles that read a pair or a list at once (``pair``, ``hyphen_pair``, ``last_two``,
  ``last_two_named``, ``list_after``, ``listed``, ``inside``): ``dyad.relations.list_roles``;
  place roles (``in``, ``place``, ``base_owner``, ...): ``dyad.relations.place_roles``; IGO
  roles (``igo_after``, ``igo_before``, ``igo_left``, ``igo_recent``, ...):
  ``dyad.relations.igo_roles``;
- ``member_subject`` (source only): the member of the membership stated earlier in the
  sentence ("a member of NATO but not of the EU");
- ``cmod``: the actor qualifying the commodity after the trigger ("buys Russian gas");
  ``maker``: the state named in the sentence that makes the weapon after the trigger
  ("a deal with France for 26 Rafale jets");
- ``none`` (target only): no target (a claim on a sea).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from dyad.agreements.spans import group_after, group_before, groups, ref_for_id, subject_actors, token_at
from dyad.relations.context import (TWO_SIDES, SentenceEnv, clause_list, last_two_states,
                                    possessive, whole_lists)
from dyad.relations.igo_roles import IGO_ROLES
from dyad.relations.list_roles import LIST_ROLES
from dyad.relations.lexicon import ROLE_WINDOW
from dyad.relations.place_roles import PLACE_ROLES

__all__ = ["ROLE_NAMES", "find_side"]

# Between a modifier and its trigger: lower-case words and numbers ("Russia keeps about
# 1,500 troops", "US-brokered", "France, whose 1,000 troops").
_MOD_GAP = re.compile(r"(?:['’]s?)?(?:,\s*whose\b|[\s\-]|(?!(?:since|with|in|on|at|after|before|during|for|from|to|by|"
                      r"of|and|or|but|than|as|over|against|between|under|until|while|when|that|which|"
                      r"who|where|its|their|his|her|our|the|a|an)\b)[a-z]+|\d[\d,.]*|(?:First|Second|Third|Fourth|Fifth|Sixth|"
                      r"Seventh|Eighth|Ninth|Tenth)\b)*")

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
_PLURAL_SUBJECT = re.compile(r"(?:they|both|(?:(?:the|these|those|both|all)\s+)(?:(?P<count>two|three|four|five|six|seven|"
                             r"eight|nine|ten)\s+)?(?:[\w-]+\s+){0,2}?(?-i:countries|nations|states|governments|"
                             r"neighbou?rs|neighbors|allies))", re.IGNORECASE)  # not "The United States"
_ANAPHOR_OPENING = re.compile(r"\s*(?:(?:On|In|Last|Earlier|Later)\b[^,]{0,30},\s*)?(?P<anaphor>" + _ANAPHOR_SUBJECT.pattern
                              + "|" + _PLURAL_SUBJECT.pattern + r")(?:\s+(?:has|have|had|will|would|then|also|finally|formally|officially|"
                                r"eventually|later|[a-z]+ly))*\s+", re.IGNORECASE)

# "Both countries are members of the WTO": the two states named last are the subject.
TWO_SIDES_SUBJECT = re.compile(r"(?:" + TWO_SIDES.pattern + r"|^\s*Both)\s+(?:(?:are|were|have\s+been|remain|became|"
                                r"also|both|all)\s+)+(?:(?:a|an|the|founding|full)\s+)*[^,;:()]{0,20}$",
                                re.IGNORECASE)

# "A replaced B as the largest supplier": the role after "as" is A's, not B's.
_AS_ROLE = re.compile(r"\s+as\s+(?:(?:the|its|their|a|an)\s+)?(?:[\w'’-]+\s+){0,3}")
_DISPLACED = re.compile(r"\b(?:replaced|replacing|overtook|overtaken|overtaking|surpassed|surpassing|"
                        r"displaced|succeeded|ousted|unseated|supplanted)\s+(?:the\s+)?$", re.IGNORECASE)
# An attack named with its attacker before it: "Russia's full-scale invasion", "Russian
# aggression", "Russia invaded".
_ATTACK = re.compile(r"\b(?:invasion|invaded|invades|aggression)\b", re.IGNORECASE)
_ITS = re.compile(r"\bits\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "Sweden deposited its instrument of accession": "its" before the trigger.
_ITS_NOUN = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:of\s+)?$", re.IGNORECASE)
_PREP = {"to": r"to", "from": r"from", "by": r"by", "of": r"of", "on": r"on|against|targeting|targets?|targeted|aimed\s+at|bound\s+for|destined\s+for",
         "with": r"with", "between": r"between|among", "over": r"over", "for": r"for"}

# Between a supplier and its goods: "Russian gas", "Russia's oil", "a Chinese-built submarine".
_CMOD_GAP = re.compile(r"(?:['’]s|-(?:made|built|supplied|designed|manufactured|produced))?\s+(?:[a-z][\w-]*\s+){0,2}")

# Unnamed sides, then the named examples: "European allies, including Germany and Poland".
_EXAMPLES = re.compile(r"(?:[\w-]+,?\s+){1,3}?(?:including|such\s+as|notably|mainly|mostly|chiefly|led\s+by)\s+(?:the\s+)?",
                       re.IGNORECASE)

_HELD_BY = re.compile(r"\b(?:held|administered|controlled|occupied|governed|ruled|seized|captured|annexed|taken)\s+by\s+(?:the\s+)?",
                      re.IGNORECASE)
# "Kashmir, most of which India controls", "Morocco controls most of Western Sahara": the
# subject of a verb of holding.
_HOLDS = re.compile(r"\s+(?:(?:now|still|already|also|effectively|largely)\s+)?(?:(?:has|have|had)\s+(?:long\s+)?)?"
                    r"(?:holds|held|administers|administered|controls|controlled|occupies|occupied|governs|"
                    r"governed|rules|ruled|seized|captured|annexed)\b", re.IGNORECASE)

# Between an IGO and the state it titles: "NATO ally Turkey", "fellow EU member Hungary".
_TITLE_GAP = re.compile(r"(?:['’]s)?\s+(?:(?:fellow|founding|full|key|close|new|newest)\s+)?(?:member(?:\s+state)?|ally|partner)\s+")

# A word stating a membership, for a second one elided after it.
_MEMBER_WORD = re.compile(r"\bmember(?:s|ship)?\b", re.IGNORECASE)

# A sentence opening with a subordinate -ing clause whose subject is the main clause's.
_OPENING_CLAUSE = re.compile(r"\s*(?:After|Before|Since|Upon|On|While|Despite|By|Having|Since|As)\s+"
                             r"(?:(?:formally|officially|finally)\s+)?")


def find_side(env: SentenceEnv, roles: Sequence[str], m: re.Match[str],
              exclude: set[int] = frozenset()) -> tuple[list[Any], str]:
    """(actors, the role that found them) for the first of ``roles`` that finds any.

    Roles ``in`` and ``place`` give ``[PlaceHit]``; the others actor mentions (or ActorRefs).
    """
    actors = [a for a in env.actors if id(a) not in exclude]
    for role in roles:
        if role == "none":
            return [], "none"
        found, name = _ROLES[role](env, m, actors)
        if found:
            return found, name or role
    return [], ""


# -- the roles: each (env, trigger match, candidate actors) -> (found, role name or "") -------
def _before(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    tok = token_at(env.parsed, m.start(), m.end())
    found = subject_actors(env.parsed, tok, actors)
    if found:  # the parse may hang a long list's last members elsewhere: take the whole list
        found = clause_list(env, whole_lists(env.parsed.text, actors, found), found)
        found = _titled(env.parsed.text, actors, found, m.start())
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
        if tok.dep not in {"xcomp", "conj", "advcl"} or tok.head == tok.i:
            return None
        tok = env.parsed.tokens[tok.head]
    return None


def _phrase(env: SentenceEnv, head: Any) -> str:
    """The words of a subject up to its head ("The Balkan country" for "country")."""
    first = head.i
    while first > env.sent.token_start and env.parsed.tokens[first - 1].head == head.i \
            and env.parsed.tokens[first - 1].dep in {"det", "amod", "compound", "nmod", "poss", "nummod", "predet"}:
        first -= 1
    return env.parsed.text[env.parsed.tokens[first].start:head.end]


def _antecedent(env: SentenceEnv, subj: Any) -> list[Any]:
    """The state an anaphoric subject stands for: the first state named earlier in the
    sentence ("Croatia joined the euro a decade after it became ..."), else the first one of
    the previous sentence."""
    here = [a for a in env.pool if env.sent.start <= a.start and a.end <= subj.start and a.actor.kind == "state"]
    return here[:1] or _previous_subject(env)


def _opening_antecedent(env: SentenceEnv, opening: re.Match[str]) -> list[Any]:
    """The state(s) an anaphor opening an unparsed sentence right before the verb stands for
    ("The island nation formally joined ...", "The two countries joined ...")."""
    plural = _PLURAL_SUBJECT.fullmatch(opening.group("anaphor"))
    return _plural_antecedent(env, plural, opening.start("anaphor")) if plural else _previous_subject(env)


def _plural_antecedent(env: SentenceEnv, plural: re.Match[str], before: int) -> list[Any]:
    """The list of states a plural subject stands for: the last one named before it, in its
    sentence or the one before, of the size it gives ("the three Baltic states")."""
    floor = env.parsed.sentences[max(0, env.sent.i - 1)].start
    states = [a for a in env.pool if floor <= a.start and a.end <= before and a.actor.kind == "state"]
    want = _NUMBERS.get((plural.group("count") or "").lower())
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


def _holder(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """Who holds the place claimed: "The Kuril Islands, held by Russia, are claimed by
    Japan", "administered by Japan", "Kashmir, most of which India controls"; the claimant
    is excluded by the caller."""
    text, sent = env.parsed.text, env.sent
    for cue in _HELD_BY.finditer(text, sent.start, sent.end):
        found = group_after(text, actors, cue.end(), ceiling=sent.end, max_gap=6)
        if found:
            return found, ""
    found = [a for a in actors if a.actor.kind in {"state", "group"} and _HOLDS.match(text, a.end)]
    return found[:1], ""


def _mod(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    # the resolver often takes the trigger into the mention ("American troops",
    # "Egyptian mediators"): the mention covering the trigger is its modifier
    text = env.parsed.text
    found = [a for a in actors if a.start < m.start() < a.end][:1]
    if not found:
        found = group_before(text, actors, m.start(), floor=env.sent.start, max_gap=25)
        if found and not (_MOD_GAP.fullmatch(text[found[-1].end:m.start()])
                          and not _verb_between(env, found[-1].end, m.start())):
            found = []
    return found, ""


def _verb_between(env: SentenceEnv, start: int, end: int) -> bool:
    """A verb between a modifier and its noun ("Hungary's parliament ratified its accession")
    makes it no modifier; a number or adverb does not ("Russia's roughly 1,500 troops")."""
    return env.sent.parsed and any(
        t.pos in {"VERB", "AUX"} and start <= t.start and t.end <= end
        for t in env.parsed.tokens[env.sent.token_start:env.sent.token_end])


def _poss(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    text = env.parsed.text
    found = [a for a in actors if possessive(text, a, m.start())][-1:]
    if found:  # "Finland and Sweden's applications": a joint possessive covers the list
        group = whole_lists(text, actors, found)
        return (group if group[-1] is found[0] else found), ""
    # "Sweden's NATO membership" read as one IGO name: the place says who
    place = next((p for p in env.places if possessive(text, p, m.start())
                  and not any(a.start <= p.start < a.end and a.actor.kind != "igo" for a in actors)),
                 None)
    loc = env.place_ref(place.place) if place is not None else None
    if loc is not None and loc.country:
        return [ref_for_id(loc.country, env.pool)], "poss"
    return [], ""


def _its(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """"its war against Ukraine": "its" stands for the state named last before it in the
    sentence ("North Korea sent troops to fight for Russia in its war")."""
    text = env.parsed.text
    its = _ITS.search(text, max(env.sent.start, m.start() - 30), m.start())
    if its is None:
        return [], ""
    return [a for a in actors if a.end <= its.start() and a.actor.kind == "state"][-1:], ""


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


def _left(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The name a relative clause hangs on: "support for Ukraine, which it invaded"."""
    text = env.parsed.text
    rel = re.search(r",?\s*(?:which|that|whom)\s+(?:[\w-]+\s+){0,3}$", text[env.sent.start:m.start()])
    if rel is None:
        return [], ""
    at = env.sent.start + rel.start()
    return [a for a in actors if a.end == at][-1:], ""


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
    for role in (_poss, _subj, _before):
        found, _ = role(env, word, actors)
        if found:
            return found, ""
    return [], ""


def _after(gap: int):
    def role(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
        found = group_after(env.parsed.text, actors, m.end(), ceiling=env.sent.end, max_gap=gap)
        return (clause_list(env, found, found[:1]) if found else []), ""
    return role


def _prep(words: str):
    def role(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
        text, sent = env.parsed.text, env.sent
        window = text[m.end():min(sent.end, m.end() + ROLE_WINDOW + 30)]
        # each cue in turn: "imports its oil from the Middle East, mainly from Saudi Arabia";
        # the first one within the role window
        for n, cue in enumerate(re.finditer(rf"\b(?:{words})\s+", window, re.IGNORECASE)):
            if ";" in window[:cue.start()] or (n == 0 and cue.start() > ROLE_WINDOW):
                break
            found = group_after(text, actors, m.end() + cue.end(), ceiling=sent.end, max_gap=6)
            examples = _EXAMPLES.match(text, m.end() + cue.end())
            if not found and examples:  # "from European allies, including Germany and Poland"
                found = group_after(text, actors, examples.end(), ceiling=sent.end, max_gap=2)
            if found:
                return found, ""
        return [], ""
    return role


def _cmod(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    # "buys Russian gas": the supplier qualifies the commodity
    text, sent = env.parsed.text, env.sent
    hit = env.lexicon.commodity_pattern.search(text, m.end(), min(sent.end, m.end() + ROLE_WINDOW))
    if hit is None:
        return [], ""
    covering = [a for a in actors if m.end() <= a.start < hit.start() < a.end]
    if covering:  # "French frigates" resolved as one mention (the French navy)
        return covering[:1], ""
    return [a for a in actors if a.end <= hit.start() and a.start >= m.end()
            and _CMOD_GAP.fullmatch(text, a.end, hit.start())][-1:], ""


def _maker(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The state that makes the weapon named after the trigger, when the sentence names it
    ("India and France signed a deal for 26 Rafale jets": France)."""
    text, sent = env.parsed.text, env.sent
    hit = env.lexicon.commodity_pattern.search(text, m.end(), min(sent.end, m.end() + ROLE_WINDOW))
    iso = env.lexicon.maker(hit.group(0)) if hit else None
    return [a for a in actors if iso and a.actor.country == iso and a.actor.kind == "state"][:1], ""


def _aggressor(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """"the war in Ukraine" in a text that says elsewhere "Russia's full-scale invasion" or
    "Russian aggression": the state the text names as the attacker."""
    text = env.parsed.text
    states = [a for a in env.pool if a.actor.kind == "state" and a.actor.country]
    for cue in _ATTACK.finditer(text, env.parsed.body_start):
        found = [a for a in states if a.end <= cue.start() and _MOD_GAP.fullmatch(text, a.end, cue.start())
                 and cue.start() - a.end <= 25]
        if found:
            return found[-1:], ""
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


_ROLES: dict[str, Callable] = {
    "before": _before, "subject": _subject, "its": _its, "holder": _holder, "mod": _mod, "poss": _poss,
    "subj": _subj, "after": _after(12), "next": _after(2), "after_far": _after(ROLE_WINDOW),
    **{name: _prep(words) for name, words in _PREP.items()},
    "its_subject": _its_subject, "it_antecedent": _it_antecedent, "left": _left, "cmod": _cmod, "maker": _maker, "aggressor": _aggressor, "member_subject": _member_subject,
    **LIST_ROLES, **IGO_ROLES, **PLACE_ROLES,
}
ROLE_NAMES = frozenset(_ROLES) | {"none"}
