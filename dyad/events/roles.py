"""Who did what to whom: the source and target actors of a trigger, from the parse.

The actors of a noun phrase come from ``phrases.np_actors``.

Sources: the subject (active), the "by" agent (passive), a possessor or "of"/"by" phrase
of an event noun, the subject of a light verb whose object the event noun is ("X held
*talks*"), the subject of the governing clause for a complement ("Brazil was keen to
*expand*"), and, for a pronoun subject inside what a speaker says, the speaker.
Targets: the direct object, the passive subject, and the objects of the prepositions the
lexicon gives the trigger (``target_preps``: with, to, against, on, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from dyad.events.phrases import (MAX_CLIMB, SAYING_VERBS, ActorIndex, actor_id, np_actors,
                                 saying_governor, subject_actors, unique_mentions)
from dyad.nlp.parsed import ParsedDoc, Token

__all__ = ["ActorIndex", "Roles", "complement_recipients", "complement_subjects", "deontic_roles", "find_roles",
           "saying_governor"]

# Whose act an event noun's "of" phrase names: "the visit of the Indian secretary" (source)
# versus "the invasion of Iraq" (target).
OF_IS_SOURCE = frozenset({"CONSULT", "PROTEST", "MOBILIZE", "COOPERATE", "RETREAT", "AGREE"})
# Passives that describe the subject's stance, not what was done to it: "Vietnam is
# committed to", "Israel is opposed to", "Iraq is prepared to".
STATIVE_PASSIVES = frozenset({"commit", "oppose", "prepare", "determine", "dedicate", "resolve",
                              "devote", "inclined", "poise", "set", "engage", "involve"})
# Prepositions that set an event noun beside the clause's act, not inside it: the
# clause's subject is not the noun's actor ("imposed a curfew *after the riots*").
CIRCUMSTANCE_PREPS = frozenset({"after", "before", "following", "since",
                                "despite", "until", "ahead", "over", "because",
                                "due", "prior", "like", "unlike", "than"})
# Verbs whose object does what their infinitive says ("urged *Israel* to withdraw"); with
# other verbs the subject does ("Ethiopian troops entered Somalia to fight").
OBJECT_CONTROL_VERBS = frozenset({
    "ask", "urge", "tell", "order", "force", "compel", "oblige", "persuade", "convince",
    "encourage", "invite", "allow", "permit", "let", "call", "press", "pressure", "push",
    "pressurize", "pressurise", "require", "instruct", "direct", "advise", "warn", "beg",
    "implore", "exhort", "help", "assist", "authorize", "authorise", "enable", "want",
    "expect", "need", "request", "demand", "appeal", "challenge", "dare", "get", "lead",
    "cause", "prompt", "inspire", "drive", "trigger", "leave", "empower", "entitle",
    "mandate", "commission", "recruit", "train", "prevent", "forbid", "ban", "bar"})
# "Nigerian troops were deployed in Maiduguri": the forces moved belong to the side that
# moves them, so a passive's subject with no agent is the source, not the target.
MOVED_FORCE_TYPES = frozenset({"MOBILIZE"})
# The prepositions of a recipient after a verb that is no trigger: "sell arms *to* Y".
RECIPIENT_PREPS = frozenset({"to", "with", "against"})
SUBJECT_CLIMB_DEPS = frozenset({"xcomp", "acomp", "conj", "advcl", "ccomp", "pcomp", "prep"})


@dataclass
class Roles:
    sources: list = field(default_factory=list)  # ResolvedMention, in sentence order
    targets: list = field(default_factory=list)
    source_via: str = ""
    target_via: str = ""
    speaker: list = field(default_factory=list)


def find_roles(parsed: ParsedDoc, trigger: Token, event_type: str, index: ActorIndex, *,
               preps: frozenset[str], parts: Sequence[int] = (),
               source_preps: frozenset[str] = frozenset()) -> Roles:
    """The source and target of a trigger; ``preps`` introduce its target (the lexicon's
    ``target_preps_for``), ``source_preps`` its source in a passive without "by"."""
    roles = Roles()
    if trigger.pos == "VERB":
        _verb_roles(parsed, trigger, preps, index, roles, parts,
                    moved=event_type in MOVED_FORCE_TYPES)
        if not roles.sources and source_preps:  # "was summoned to the ministry in Warsaw"
            _add(roles, "sources", [a for c in parsed.children(trigger) if c.dep == "prep"
                                    and c.lemma.lower() in source_preps
                                    for g in parsed.children(c) if g.dep == "pobj"
                                    for a in np_actors(parsed, g, index)], "passive's prep")
    else:
        _noun_roles(parsed, trigger, event_type, preps, index, roles)
    speaker_verb = saying_governor(parsed, trigger)
    if speaker_verb is not None:
        roles.speaker = subject_actors(parsed, speaker_verb, index)
        if not roles.sources and _has_pronoun_subject(parsed, trigger) and roles.speaker:
            roles.sources, roles.source_via = list(roles.speaker), "speaker (pronoun subject)"
    ids = {actor_id(m) for m in roles.sources}
    roles.targets = [m for m in unique_mentions(roles.targets) if actor_id(m) not in ids
                     or len(roles.sources) > 1]
    return roles


def _verb_roles(parsed, verb: Token, preps, index, roles: Roles, parts, *,
                moved: bool = False) -> None:
    passive = any(c.dep in {"nsubjpass", "auxpass"} for c in parsed.children(verb))
    agent = any(c.dep == "agent" for c in parsed.children(verb))
    stative = passive and verb.lemma.lower() in STATIVE_PASSIVES and not agent
    for c in parsed.children(verb):
        if c.dep == "nsubj" or (stative and c.dep == "nsubjpass"):
            _add(roles, "sources", np_actors(parsed, c, index), "nsubj")
        elif c.dep == "agent":
            for g in parsed.children(c):
                if g.dep == "pobj":
                    _add(roles, "sources", np_actors(parsed, g, index), "by-agent")
        elif c.dep == "nsubjpass" and moved and not agent:
            _add(roles, "sources", np_actors(parsed, c, index), "forces moved (passive subject)")
        elif c.dep == "nsubjpass":
            _add(roles, "targets", np_actors(parsed, c, index), "passive subject")
        elif c.dep in {"dobj", "dative", "attr", "oprd"} and not passive:
            _add(roles, "targets", np_actors(parsed, c, index), c.dep)
            for part in [c, *(g for g in parsed.children(c) if g.dep == "conj")]:
                _prep_targets(parsed, part, preps, index, roles, via=f"{c.dep} prep")
    _prep_targets(parsed, verb, preps, index, roles, via="prep")
    if not passive and not roles.targets:  # "arrested and beat protesters": one object
        _add(roles, "targets", [a for o in _shared_objects(parsed, verb)
                                for a in np_actors(parsed, o, index)], "object shared with "
             "the next verb")
    if _passive_participle(parsed, verb):  # "the Iraqi government, *backed by Iran*"
        _add(roles, "targets", np_actors(parsed, parsed.tokens[verb.head], index),
             "noun the passive participle modifies")
    for i in parts:  # "sealed off the town", "cracked down on": the phrase's own preposition
        part = parsed.tokens[i]
        if part.dep in {"prt", "prep"} and part.head == verb.i and i != verb.i:
            _add(roles, "targets", [a for g in parsed.children(part) if g.dep == "pobj"
                                    for a in np_actors(parsed, g, index)],
                 f"object of '{part.text}'")
        elif part.dep in {"advmod", "prt"} and part.head == verb.i and i != verb.i:
            # "pulled its troops back *from the border*": the particle's own complement
            _prep_targets(parsed, part, preps, index, roles, via=f"'{part.text}' prep")
    if not roles.sources and not any(c.dep in {"nsubj", "nsubjpass", "csubj"}
                                     for c in parsed.children(verb)):
        # "Turkey massed troops": a country name read as a noun ("turkey") and attached
        # as an adverbial before the verb, which then has no subject
        _add(roles, "sources", [m for c in parsed.children(verb)
                                if c.dep == "npadvmod" and c.i < verb.i and c.pos == "PROPN"
                                for m in np_actors(parsed, c, index)], "misparsed subject")
        # "Russian shelling hit Kharkiv": a gerund with an adjective before it is a noun
        # the parser read as a verb; its adjective names the doer, as for "Russian attacks"
        _add(roles, "sources", [m for c in parsed.children(verb) if verb.tag == "VBG"
                                and c.dep == "amod" and c.i < verb.i
                                for m in np_actors(parsed, c, index)], "modifier of a gerund")
    if not roles.sources:
        _climb_for_source(parsed, verb, index, roles)
    if not roles.sources:  # "talks were held between X and Y": X and Y are the parties
        heads = [verb, *(c for c in parsed.children(verb) if c.dep in {"dobj", "nsubjpass"})]
        between = unique_mentions([a for h in heads for c in parsed.children(h)
                                   if c.dep == "prep" and c.lemma.lower() == "between"
                                   for g in parsed.children(c) if g.dep == "pobj"
                                   for a in np_actors(parsed, g, index)])
        if len(between) > 1:
            roles.targets = [m for m in roles.targets if m not in between]
            roles.target_via = roles.target_via if roles.targets else ""
            _add(roles, "sources", between, "between phrase")


def _noun_roles(parsed, noun: Token, event_type: str, preps, index, roles: Roles) -> None:
    between: list = []  # "talks between X and Y": the parties, unless someone else acts
    _noun_own_roles(parsed, noun, event_type, preps, index, roles, between)
    if not between and noun.dep == "nsubj" and noun.head != noun.i:  # "fighting broke out
        between += [a for c in parsed.children(parsed.tokens[noun.head])  # between X and Y"
                    if c.dep == "prep" and c.lemma.lower() == "between"
                    for g in parsed.children(c) if g.dep == "pobj"
                    for a in np_actors(parsed, g, index)]
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
        elif c.dep == "acl" and c.tag == "VBN":  # "the allegations *made by India*"
            for g in (g for a in parsed.children(c) if a.dep == "agent"
                      for g in parsed.children(a) if g.dep == "pobj"):
                _add(roles, "sources", np_actors(parsed, g, index), "agent of a participle")
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
                roles.sources = subject_actors(parsed, verb, index)
                roles.source_via = "subject of governing verb" if roles.sources else ""
                if not roles.sources:
                    _climb_for_source(parsed, verb, index, roles)
            if not roles.targets:
                _prep_targets(parsed, verb, preps, index, roles, via="governing verb prep")
    elif noun.dep in {"nsubj"} and not roles.sources:  # "talks between X and Y began"
        pass


def _prep_targets(parsed, tok: Token, preps, index, roles: Roles, *, via: str) -> None:
    for c in parsed.children(tok):  # "sent aid to Y": the parser marks that "to" dative
        if c.dep in {"prep", "prt", "dative"} and c.lemma.lower() in preps:
            for g in parsed.children(c):
                if g.dep == "pobj":
                    _add(roles, "targets", np_actors(parsed, g, index), f"{via} {c.lemma.lower()}")


def _shared_objects(parsed: ParsedDoc, verb: Token) -> list[Token]:
    """The object of a verb coordinated right after this one, when this one has none:
    "condemned and protested the seizure" (only "and", "or" or a comma between)."""
    if any(c.dep in {"dobj", "ccomp", "xcomp"} for c in parsed.children(verb)):
        return []
    for c in parsed.children(verb):
        between = parsed.tokens[verb.i + 1:c.i]
        if (c.dep == "conj" and c.pos == "VERB" and c.i > verb.i and between
                and all(t.dep in {"cc", "punct"} for t in between)):
            return [o for o in parsed.children(c) if o.dep == "dobj"]
    return []


def _passive_participle(parsed: ParsedDoc, verb: Token) -> bool:
    """A participle with its own "by" agent on a noun: the noun is what was done to."""
    return verb.dep == "acl" and verb.tag == "VBN" and verb.head != verb.i and any(
        c.dep == "agent" for c in parsed.children(verb))


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
                _add(roles, "sources", subject_actors(parsed, verb, index),
                     "subject of the verb governing the clause's noun")
            return
        if node.dep not in SUBJECT_CLIMB_DEPS or node.head == node.i:
            return
        head = parsed.tokens[node.head]
        if node.dep == "xcomp" and head.lemma.lower() in OBJECT_CONTROL_VERBS:
            objs = [c for c in parsed.children(head) if c.dep == "dobj"]
            for o in objs:
                _add(roles, "sources", np_actors(parsed, o, index), "object of governing verb")
        if node.dep == "ccomp" and head.lemma.lower() in SAYING_VERBS:
            return  # the speaker is not the actor of what they report
        if not roles.sources:
            found = subject_actors(parsed, head, index)
            _add(roles, "sources", found, "subject of governing clause")
        if roles.sources:
            return
        node = head


def deontic_roles(parsed: ParsedDoc, verb: Token, index: ActorIndex) -> Roles:
    """'X said Y must do Z': source the speaker X, target the clause's subject Y."""
    roles = Roles()
    speaker_verb = saying_governor(parsed, verb)
    if speaker_verb is not None:
        _add(roles, "sources", subject_actors(parsed, speaker_verb, index),
             "speaker of a 'must' clause")
        roles.speaker = list(roles.sources)
    _add(roles, "targets", subject_actors(parsed, verb, index), "subject of the 'must' clause")
    ids = {actor_id(m) for m in roles.sources}
    roles.targets = [m for m in roles.targets if actor_id(m) not in ids]
    return roles


def complement_recipients(parsed: ParsedDoc, verb: Token, index: ActorIndex) -> list:
    """Who the act of a verb's to-infinitive is done to, when that act is no trigger of
    its own: 'agreed to sell arms *to Pakistan*', 'agreed to resume supplies *to Ukraine*'."""
    found: list = []
    for c in parsed.children(verb):
        if c.dep != "xcomp" or not any(a.dep == "aux" and a.text.lower() == "to"
                                       for a in parsed.children(c)):
            continue
        for o in parsed.children(c):
            if o.dep in {"dobj", "dative"} and o.pos != "ADP":
                found += np_actors(parsed, o, index)
            elif o.dep in {"dative", "prep"} and o.lemma.lower() in RECIPIENT_PREPS:
                found += [a for g in parsed.children(o) if g.dep == "pobj"
                          for a in np_actors(parsed, g, index)]
    return unique_mentions(found)


def complement_subjects(parsed: ParsedDoc, verb: Token, index: ActorIndex) -> list:
    """Subjects of the clauses a verb governs: 'demanded that *Israel* withdraw'."""
    return unique_mentions([a for c in parsed.children(verb) if c.dep in {"ccomp", "xcomp"}
                    for a in subject_actors(parsed, c, index)])


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


