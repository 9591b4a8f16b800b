"""Who did what to whom: the source and target actors of a trigger, from the parse.

Actors are the resolver's mentions (``ResolvedMention``: token_start, token_end, actor);
a noun phrase's actors are the mention covering its head, else the mentions in its
modifiers ("*Serbian* police", "*Greece's* parliament"), else in its "of" complement
("officials *of Hungary*"), plus those of coordinated phrases ("Seoul and Tokyo").

Sources: the subject (active), the "by" agent (passive), a possessor or "of"/"by" phrase
of an event noun, the subject of a light verb whose object the event noun is ("X held
*talks*"), the subject of the governing clause for a complement ("Brazil was keen to
*expand*"), and, for a pronoun subject inside what a speaker says, the speaker.
Targets: the direct object, the passive subject, and the objects of the prepositions the
lexicon's type allows (with, to, against, on, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from dyad.nlp.parsed import ParsedDoc, Token

TARGET_PREPS = frozenset({"with", "to", "against", "on", "upon", "at", "toward", "towards",
                          "into", "over", "for", "between", "among"})
TYPE_TARGET_PREPS = {"RETREAT": frozenset({"from"}), "SANCTION": frozenset({"from", "of"}),
                     "COERCE": frozenset({"from", "of"}), "ACCUSE": frozenset({"of"}),
                     # a visit's host is where the visitor arrives: "arrived in Amman"
                     "CONSULT:visit": frozenset({"in"})}
# Whose act an event noun's "of" phrase names: "the visit of the Indian secretary" (source)
# versus "the invasion of Iraq" (target).
OF_IS_SOURCE = frozenset({"CONSULT", "PROTEST", "MOBILIZE", "COOPERATE", "RETREAT", "AGREE"})
SAYING_VERBS = frozenset({"say", "tell", "state", "announce", "add", "note", "report",
                          "claim", "declare", "confirm", "write", "insist", "stress",
                          "quote", "explain", "warn", "reiterate", "indicate"})
NP_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "npadvmod", "nummod"})
# "officials of Hungary", "calls by Belarus", "an offer from Kabul", "groups in Zimbabwe"
NP_PLACE_PREPS = frozenset({"of", "from", "by", "in", "throughout", "across", "for"})
# Acts done to a territory and its people ("lifted a curfew in Montenegro", "demonstrated
# in Serbia", "blew themselves up in Tel Aviv"): with no other recipient, the actor named
# where the act took place is the recipient.
TERRITORIAL_TYPES = frozenset({"ASSAULT", "COERCE", "CONCEDE", "RETREAT", "MOBILIZE", "PROTEST"})
TERRITORIAL_PREPS = frozenset({"in", "inside", "into", "across", "near", "at"})
# Passives that describe the subject's stance, not what was done to it: "Vietnam is
# committed to", "Israel is opposed to", "Iraq is prepared to".
STATIVE_PASSIVES = frozenset({"commit", "oppose", "prepare", "determine", "dedicate", "resolve",
                              "devote", "inclined", "poise", "set", "engage", "involve"})
# Prepositions that set an event noun beside the clause's act, not inside it: the
# clause's subject is not the noun's actor ("imposed a curfew *after the riots*").
CIRCUMSTANCE_PREPS = frozenset({"after", "before", "following", "since",
                                "despite", "until", "ahead", "over", "because",
                                "due", "prior", "like", "unlike", "than"})
SUBJECT_CLIMB_DEPS = frozenset({"xcomp", "acomp", "conj", "advcl", "ccomp", "pcomp", "prep"})
MAX_CLIMB = 3


@dataclass
class Roles:
    sources: list = field(default_factory=list)  # ResolvedMention, in sentence order
    targets: list = field(default_factory=list)
    source_via: str = ""
    target_via: str = ""
    speaker: list = field(default_factory=list)


class ActorIndex:
    """Maps token indices to the actor mentions that cover them."""

    def __init__(self, mentions: Sequence) -> None:
        self.by_token: dict[int, object] = {}
        for m in mentions:
            for i in range(m.token_start, m.token_end):
                self.by_token.setdefault(i, m)

    def at(self, i: int):
        return self.by_token.get(i)

    def __bool__(self) -> bool:
        return bool(self.by_token)


def np_actors(parsed: ParsedDoc, tok: Token, index: ActorIndex, *, depth: int = 0) -> list:
    """The actors a noun phrase headed by ``tok`` names (with its conjuncts)."""
    found: list = []
    if depth > 4:
        return found
    hit = index.at(tok.i)
    if hit is not None:
        found.append(hit)
    else:
        kids = list(parsed.children(tok))
        for c in kids:
            if c.dep in NP_MODIFIER_DEPS:
                found += np_actors(parsed, c, index, depth=depth + 1)
        if not found:  # "workers affiliated with the union", "a group based in Trinidad"
            for c in kids:
                if c.dep == "acl" and c.tag == "VBN":
                    for p in parsed.children(c):
                        if p.dep == "prep" and p.lemma.lower() in {"with", "in", "to", "by"}:
                            for g in parsed.children(p):
                                if g.dep == "pobj":
                                    found += np_actors(parsed, g, index, depth=depth + 1)
        if not found:
            for c in kids:
                if c.dep == "prep" and c.lemma.lower() in NP_PLACE_PREPS:
                    for g in parsed.children(c):
                        if g.dep == "pobj":
                            found += np_actors(parsed, g, index, depth=depth + 1)
    for c in parsed.children(tok):
        if c.dep == "conj":
            found += np_actors(parsed, c, index, depth=depth + 1)
    return _unique(found)


def find_roles(parsed: ParsedDoc, trigger: Token, event_type: str, index: ActorIndex, *,
               mode: str | None = None, parts: Sequence[int] = ()) -> Roles:
    roles = Roles()
    preps = (TARGET_PREPS | TYPE_TARGET_PREPS.get(event_type, frozenset())
             | TYPE_TARGET_PREPS.get(f"{event_type}:{mode}", frozenset()))
    if trigger.pos == "VERB":
        _verb_roles(parsed, trigger, preps, index, roles, parts)
    else:
        _noun_roles(parsed, trigger, event_type, preps, index, roles)
    speaker_verb = saying_governor(parsed, trigger)
    if speaker_verb is not None:
        roles.speaker = _subject_actors(parsed, speaker_verb, index)
        if not roles.sources and _has_pronoun_subject(parsed, trigger) and roles.speaker:
            roles.sources, roles.source_via = list(roles.speaker), "speaker (pronoun subject)"
    ids = {_actor_id(m) for m in roles.sources}
    roles.targets = [m for m in _unique(roles.targets) if _actor_id(m) not in ids
                     or len(roles.sources) > 1]
    return roles


def _verb_roles(parsed, verb: Token, preps, index, roles: Roles, parts) -> None:
    passive = any(c.dep in {"nsubjpass", "auxpass"} for c in parsed.children(verb))
    stative = passive and verb.lemma.lower() in STATIVE_PASSIVES and not any(
        c.dep == "agent" for c in parsed.children(verb))
    for c in parsed.children(verb):
        if c.dep == "nsubj" or (stative and c.dep == "nsubjpass"):
            _add(roles, "sources", np_actors(parsed, c, index), "nsubj")
        elif c.dep == "agent":
            for g in parsed.children(c):
                if g.dep == "pobj":
                    _add(roles, "sources", np_actors(parsed, g, index), "by-agent")
        elif c.dep == "nsubjpass":
            _add(roles, "targets", np_actors(parsed, c, index), "passive subject")
        elif c.dep in {"dobj", "dative", "attr", "oprd"} and not passive:
            _add(roles, "targets", np_actors(parsed, c, index), c.dep)
            for part in [c, *(g for g in parsed.children(c) if g.dep == "conj")]:
                _prep_targets(parsed, part, preps, index, roles, via=f"{c.dep} prep")
    _prep_targets(parsed, verb, preps, index, roles, via="prep")
    if not roles.sources:
        _climb_for_source(parsed, verb, index, roles)


def _noun_roles(parsed, noun: Token, event_type: str, preps, index, roles: Roles) -> None:
    between: list = []  # "talks between X and Y": the parties, unless someone else acts
    _noun_own_roles(parsed, noun, event_type, preps, index, roles, between)
    if between and roles.sources:  # "a mediation effort between X and Y": X, Y are targets
        _add(roles, "targets", between, "between phrase")
    elif between:
        _add(roles, "sources", between, "between phrase")


def _noun_own_roles(parsed, noun: Token, event_type: str, preps, index, roles: Roles,
                    between: list) -> None:
    for c in parsed.children(noun):
        if c.dep == "poss":
            _add(roles, "sources", np_actors(parsed, c, index), "possessive")
        elif c.dep == "prep" and c.lemma.lower() in {"by", "from"}:
            for g in parsed.children(c):
                if g.dep == "pobj":
                    _add(roles, "sources", np_actors(parsed, g, index), f"{c.lemma} phrase")
        elif c.dep == "prep" and c.lemma.lower() == "of":
            role = "sources" if event_type in OF_IS_SOURCE else "targets"
            for g in parsed.children(c):
                if g.dep == "pobj":
                    _add(roles, role, np_actors(parsed, g, index), "of phrase")
        elif c.dep == "prep" and c.lemma.lower() == "between":
            between += [a for g in parsed.children(c) if g.dep == "pobj"
                        for a in np_actors(parsed, g, index)]
    _prep_targets(parsed, noun, preps - {"between"}, index, roles, via="prep")
    if not roles.sources:  # "the Israeli attack", "US sanctions"
        for c in parsed.children(noun):
            if c.dep in {"compound", "amod", "nmod"}:
                _add(roles, "sources", np_actors(parsed, c, index), "modifier")
    head = parsed.tokens[noun.head]
    if head.i != noun.i and noun.dep in {"dobj", "pobj", "nsubjpass", "attr", "conj"}:
        verb = head
        if noun.dep == "pobj" and head.dep == "prep":  # "took part in talks with X"
            if head.lemma.lower() in CIRCUMSTANCE_PREPS:
                return  # "imposed a curfew after the riots": the riots are not the imposer's
            verb = parsed.tokens[head.head]
            if verb.pos == "NOUN" and verb.dep in {"dobj", "nsubjpass"}:  # "10 days of war games"
                verb = parsed.tokens[verb.head]
        if noun.dep == "conj":
            return
        if verb.pos in {"VERB", "AUX"}:
            if (not roles.sources and noun.dep == "pobj" and head.lemma.lower() == "in"
                    and verb.lemma.lower() in STATIVE_PASSIVES):  # "were engaged in fighting"
                for c in parsed.children(verb):
                    if c.dep == "nsubjpass":
                        _add(roles, "sources", np_actors(parsed, c, index), "engaged in")
            if not roles.targets and noun.dep == "pobj":  # "was put under investigation"
                for c in parsed.children(verb):
                    if c.dep == "nsubjpass":
                        _add(roles, "targets", np_actors(parsed, c, index), "passive subject")
            if not roles.sources:
                roles.sources = _subject_actors(parsed, verb, index)
                roles.source_via = "subject of governing verb" if roles.sources else ""
                if not roles.sources:
                    _climb_for_source(parsed, verb, index, roles)
            if not roles.targets:
                _prep_targets(parsed, verb, preps, index, roles, via="governing verb prep")
    elif noun.dep in {"nsubj"} and not roles.sources:  # "talks between X and Y began"
        pass


def _prep_targets(parsed, tok: Token, preps, index, roles: Roles, *, via: str) -> None:
    for c in parsed.children(tok):
        if c.dep in {"prep", "prt"} and c.lemma.lower() in preps:
            for g in parsed.children(c):
                if g.dep == "pobj":
                    _add(roles, "targets", np_actors(parsed, g, index), f"{via} {c.lemma.lower()}")


def _climb_for_source(parsed, tok: Token, index, roles: Roles) -> None:
    """A complement or conjoined clause without its own subject takes the governing
    clause's: "Brazil was keen to expand", "X met Y and signed"; with object control for
    "urged Israel to withdraw"."""
    node = tok
    for _ in range(MAX_CLIMB + 1):
        if node.dep in {"acl", "relcl"} and node.head != node.i:  # "youths resorting to"
            noun = parsed.tokens[node.head]
            _add(roles, "sources", np_actors(parsed, noun, index), "noun the clause modifies")
            if roles.sources or node.dep == "relcl" or noun.dep not in {"dobj", "pobj"}:
                return
            # "expressed its willingness to mediate": the noun's owner, else the subject
            # of the verb the noun is the object of
            _add(roles, "sources", [a for c in parsed.children(noun) if c.dep == "poss"
                                    for a in np_actors(parsed, c, index)], "possessor")
            verb = parsed.tokens[noun.head]
            if noun.dep == "pobj" and verb.dep == "prep":
                verb = parsed.tokens[verb.head]
            if not roles.sources and verb.pos in {"VERB", "AUX"}:
                _add(roles, "sources", _subject_actors(parsed, verb, index),
                     "subject of the verb governing the clause's noun")
            return
        if node.dep not in SUBJECT_CLIMB_DEPS or node.head == node.i:
            return
        head = parsed.tokens[node.head]
        if node.dep == "xcomp":
            objs = [c for c in parsed.children(head) if c.dep == "dobj"]
            for o in objs:
                _add(roles, "sources", np_actors(parsed, o, index), "object of governing verb")
        if node.dep == "ccomp" and head.lemma.lower() in SAYING_VERBS:
            return  # the speaker is not the actor of what they report
        if not roles.sources:
            found = _subject_actors(parsed, head, index)
            _add(roles, "sources", found, "subject of governing clause")
        if roles.sources:
            return
        node = head


def _subject_actors(parsed, verb: Token, index) -> list:
    found: list = []
    for c in parsed.children(verb):
        if c.dep == "nsubj":
            found += np_actors(parsed, c, index)
        elif c.dep == "agent":
            found += [a for g in parsed.children(c) if g.dep == "pobj"
                      for a in np_actors(parsed, g, index)]
    return _unique(found)


def fallback_targets(parsed: ParsedDoc, tokens: Sequence[Token], event_type: str,
                     index: ActorIndex, exclude: set[str]) -> tuple[list, str]:
    """Recipients implied when none is named: the party whose action a threat is
    conditional on ("unless *Israel* rescinds"), or the territory a territorial act is
    done in."""
    def keep(found: list) -> list:
        return [m for m in _unique(found) if _actor_id(m) not in exclude]

    if event_type == "THREATEN":
        for tok in tokens:
            for c in parsed.children(tok):
                if c.dep == "advcl" and any(m.dep == "mark" and m.lemma.lower() in {"if", "unless"}
                                            for m in parsed.children(c)):
                    found = keep(_subject_actors(parsed, c, index))
                    if found:
                        return found, "subject of the threat's condition"
    if event_type in TERRITORIAL_TYPES:
        for tok in tokens:
            heads = [tok, *(c for c in parsed.children(tok) if c.dep == "dobj")]
            if tok.pos != "VERB" and tok.head != tok.i:
                heads.append(parsed.tokens[tok.head])
            for h in heads:
                found = keep([a for c in parsed.children(h) if c.dep == "prep"
                              and c.lemma.lower() in TERRITORIAL_PREPS
                              for g in parsed.children(c) if g.dep == "pobj"
                              for a in np_actors(parsed, g, index)])
                if found:
                    return found, "where the act took place"
    return [], ""


def deontic_roles(parsed: ParsedDoc, verb: Token, index: ActorIndex) -> Roles:
    """'X said Y must do Z': source the speaker X, target the clause's subject Y."""
    roles = Roles()
    speaker_verb = saying_governor(parsed, verb)
    if speaker_verb is not None:
        _add(roles, "sources", _subject_actors(parsed, speaker_verb, index),
             "speaker of a 'must' clause")
        roles.speaker = list(roles.sources)
    _add(roles, "targets", _subject_actors(parsed, verb, index), "subject of the 'must' clause")
    ids = {_actor_id(m) for m in roles.sources}
    roles.targets = [m for m in roles.targets if _actor_id(m) not in ids]
    return roles


def complement_subjects(parsed: ParsedDoc, verb: Token, index: ActorIndex) -> list:
    """Subjects of the clauses a verb governs: 'demanded that *Israel* withdraw'."""
    return _unique([a for c in parsed.children(verb) if c.dep in {"ccomp", "xcomp"}
                    for a in _subject_actors(parsed, c, index)])


def saying_governor(parsed, tok: Token) -> Token | None:
    """The verb of saying whose reported clause holds ``tok``, if any."""
    node = tok
    for _ in range(MAX_CLIMB + 2):
        if node.head == node.i:
            return None
        head = parsed.tokens[node.head]
        if head.lemma.lower() in SAYING_VERBS and node.dep in {"ccomp", "xcomp", "parataxis",
                                                               "advcl", "conj"}:
            return head
        if node.dep not in {"xcomp", "ccomp", "acomp", "conj", "advcl", "dobj", "pobj",
                            "prep", "aux", "relcl", "parataxis"}:
            return None
        node = head
    return None


def _has_pronoun_subject(parsed, tok: Token) -> bool:
    node = tok
    for _ in range(MAX_CLIMB):
        subs = [c for c in parsed.children(node) if c.dep in {"nsubj", "nsubjpass"}]
        if subs:
            return any(s.pos == "PRON" for s in subs)
        if node.head == node.i:
            return False
        node = parsed.tokens[node.head]
    return False


def _add(roles: Roles, which: str, mentions: list, via: str) -> None:
    if not mentions:
        return
    getattr(roles, which).extend(mentions)
    if which == "sources" and not roles.source_via:
        roles.source_via = via
    if which == "targets" and not roles.target_via:
        roles.target_via = via


def _actor_id(mention) -> str:
    return mention.actor.actor_id


def _unique(mentions: list) -> list:
    seen: set[str] = set()
    out = []
    for m in mentions:
        key = _actor_id(m)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out
