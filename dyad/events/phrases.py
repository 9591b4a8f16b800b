"""Which actors a noun phrase names, from the parse: the building block of ``roles``.

Actors are the resolver's mentions (``ResolvedMention``: token_start, token_end, actor).
A noun phrase's actors are the mention covering its head (with a modifier coordinated
with it: "*Indian* and Chinese troops"; for a person the dictionary has no country for,
the actor their apposition names), else the mentions in its modifiers ("*Serbian*
police", "*Greece's* parliament"), else in its "of"/"from"/"in" complement ("officials *of
Hungary*"), plus those of coordinated phrases ("Seoul and Tokyo"). An owner pronoun
("*its* forces", "*the country's* army") stands for the actor it refers back to.
"""

from __future__ import annotations

from typing import Sequence

from dyad.nlp.parsed import ParsedDoc, Token

MAX_CLIMB = 3
SAYING_VERBS = frozenset({"say", "tell", "state", "announce", "add", "note", "report",
                          "claim", "declare", "confirm", "write", "insist", "stress",
                          "quote", "explain", "warn", "reiterate", "indicate"})

NP_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "npadvmod", "nummod"})

# "officials of Hungary", "calls by Belarus", "an offer from Kabul", "groups in Zimbabwe",
# "talks in Seoul" (the host)
NP_PLACE_PREPS = frozenset({"of", "from", "by", "in", "throughout", "across", "for"})

# Nouns that refer back to two parties when counted: "the two countries", "both sides".
PAIR_NOUNS = frozenset({"country", "nation", "side", "government", "neighbour", "neighbor",
                        "state", "leader", "capital", "rival", "party", "foe", "ally"})
BORDER_NOUNS = frozenset({"border", "frontier", "boundary", "borderline"})
# Owners that stand for an actor named before them ("Iran said *its* forces ...").
OWNER_PRONOUNS = frozenset({"its", "their"})

OWNER_NOUNS = frozenset({"country", "nation"})


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
    if hit is None and tok.dep == "poss" and _is_owner_pronoun(parsed, tok):
        return antecedent(parsed, tok, index, depth=depth + 1)
    if hit is None and _is_pair_phrase(parsed, tok):
        found = _named_pair(parsed, tok, index)
        if found:
            return found
    if hit is not None:
        found.append(hit)
        found += _coordinated_modifiers(parsed, tok, hit, index, depth)
        if not hit.actor.country:  # "Ahmed Ali, a spokesman for the Iraqi government"
            found = _apposition_actors(parsed, tok, hit, index) or found
    else:
        kids = list(parsed.children(tok))
        if tok.lemma.lower() in BORDER_NOUNS:  # "its border with Iraq": the other side
            found += [a for c in kids if c.dep == "prep" and c.lemma.lower() == "with"
                      for g in parsed.children(c) if g.dep == "pobj"
                      for a in np_actors(parsed, g, index, depth=depth + 1)]
        for c in kids if not found else ():
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
    return unique_mentions(found)


def _coordinated_modifiers(parsed: ParsedDoc, tok: Token, hit, index: ActorIndex,
                           depth: int) -> list:
    """"Indian and Chinese troops": the resolver makes "Chinese troops" one mention; the
    modifier coordinated with its "Chinese" names a second party. "The leaders of Russia,
    China and India": the conjuncts of a word inside the mention name more parties."""
    inside = range(hit.token_start, hit.token_end)
    found = [a for c in parsed.children(tok) if c.dep in NP_MODIFIER_DEPS and c.i not in inside
             and any(g.dep == "conj" and g.i in inside for g in parsed.children(c))
             for a in np_actors(parsed, c, index, depth=depth + 1)]
    found += [a for i in inside if i != tok.i for c in parsed.children(parsed.tokens[i])
              if c.dep == "conj" and c.i not in inside
              for a in np_actors(parsed, c, index, depth=depth + 1)]
    return [a for a in found if a is not hit]


def _is_owner_pronoun(parsed: ParsedDoc, tok: Token) -> bool:
    """'its', 'their', 'the country's': an owner named earlier."""
    word = tok.text.lower()
    if word in OWNER_PRONOUNS:
        return True
    return tok.lemma.lower() in OWNER_NOUNS and any(
        c.dep == "det" and c.lemma.lower() == "the" for c in parsed.children(tok))


def antecedent(parsed: ParsedDoc, pron: Token, index: ActorIndex, *, depth: int = 0) -> list:
    """Who 'its' / 'their' / 'the country's' stands for, conservatively: the speaker of the
    clause ("Iran said *its* forces seized"), else the subject of a clause that governs
    the pronoun and precedes it ("Russia withdrew *its* troops"). Within the sentence only:
    a sentence with no actor of its own is not parsed in selective mode (dyad.selection),
    and both modes must code the same events."""
    verb = pron
    for _ in range(6):
        if verb.pos in {"VERB", "AUX"} or verb.head == verb.i:
            break
        verb = parsed.tokens[verb.head]
    speaker = saying_governor(parsed, verb)
    if speaker is not None:
        found = _preceding_subjects(parsed, speaker, pron, index, depth)
        if found:
            return found
    node = verb
    for _ in range(MAX_CLIMB + 1):
        found = _preceding_subjects(parsed, node, pron, index, depth)
        if found:
            return found
        if node.head == node.i:
            break
        node = parsed.tokens[node.head]
    return []


def _preceding_subjects(parsed, verb: Token, pron: Token, index, depth: int) -> list:
    out = []
    for c in parsed.children(verb):
        if c.dep in {"nsubj", "nsubjpass"} and c.i < pron.i:
            lo, hi = parsed.subtree_span(c)
            if not lo <= pron.start < hi:  # "its forces attacked": not its own owner
                out += [m for m in np_actors(parsed, c, index, depth=depth + 1)
                        if m.actor.country]
    return unique_mentions(out)


def _is_pair_phrase(parsed: ParsedDoc, tok: Token) -> bool:
    """'the two countries', 'both sides', 'the two leaders'."""
    return tok.lemma.lower() in PAIR_NOUNS and any(
        (c.dep, c.text.lower()) in {("nummod", "two"), ("det", "both"), ("predet", "both"),
                                    ("preconj", "both")} for c in parsed.children(tok))


def _named_pair(parsed: ParsedDoc, tok: Token, index: ActorIndex) -> list:
    """The two countries 'the two countries' refers to: exactly two countries named before
    it in its sentence (within the sentence only, as for ``antecedent``)."""
    sent = parsed.sentences[tok.sent]
    by_country: dict[str, object] = {}
    for i in range(sent.token_start, tok.i):
        m = index.at(i)
        if m is not None and m.actor.country and m.actor.kind != "igo":
            by_country.setdefault(m.actor.country, m)
    return list(by_country.values()) if len(by_country) == 2 else []


def _apposition_actors(parsed: ParsedDoc, tok: Token, hit, index: ActorIndex) -> list:
    """A person the dictionary has no country for stands for the state or organisation
    their apposition names ("Ahmed Ali, *a spokesman for the Iraqi government*")."""
    out: list = []
    for c in parsed.children(tok):
        if c.dep != "appos":
            continue
        lo, hi = parsed.subtree_span(c)
        inside = (t for t in parsed.tokens[tok.i:] if lo <= t.start < hi)
        out += [m for t in inside if (m := index.at(t.i)) is not None and m is not hit
                and m.actor.country]
    return unique_mentions(out)




def subject_actors(parsed, verb: Token, index) -> list:
    found: list = []
    for c in parsed.children(verb):
        if c.dep == "nsubj":
            found += np_actors(parsed, c, index)
        elif c.dep == "agent":
            found += [a for g in parsed.children(c) if g.dep == "pobj"
                      for a in np_actors(parsed, g, index)]
    return unique_mentions(found)


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
                            "prep", "aux", "relcl", "parataxis", "acl"}:  # "had no plans to"
            return None
        node = head
    return None


def actor_id(mention) -> str:
    return mention.actor.actor_id


def unique_mentions(mentions: list) -> list:
    seen: set[str] = set()
    out = []
    for m in mentions:
        key = actor_id(m)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out
