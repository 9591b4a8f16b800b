"""Recipients a sentence implies without naming them as the object of the act.

Tried in order when the parse gives a trigger no target (docs/events.md, "Implied
recipients"):

1. the party a threat is conditional on ("threatened to strike unless *Israel* withdrew");
2. for acts done to a territory and its people (``TERRITORIAL_TYPES``; a frame stands in
   for such an act it frames), the object of the act's purpose clause ("used tear gas *to
   disperse the youths*"), else the actor named where the act took place ("lifted the
   curfew *in Montenegro*");
3. for the same acts, the country of a *place* named there (or as the object) when no
   actor is ("Israeli jets bombed targets *near Damascus*" -> SYR): the act was done to
   that country's territory. A place in the source's own country adds nothing (the domestic
   table decides those), and a place never makes an event on its own: the act still
   needs a named source.

The implied domestic recipients (``domestic``) come after these, and last
(``home_place_target``) the population of a place in the source's own country for the
same acts ("Egypt deployed troops in the Sinai", "the Iraqi army launched an offensive in
Anbar": EGY -> EGY, IRQ -> IRQ, as PLOVER codes domestic events).
"""

from __future__ import annotations

from typing import Sequence

from dyad.events.domestic import ImpliedMention, country_actor, population_actor
from dyad.events.phrases import ActorIndex, actor_id, np_actors, subject_actors, unique_mentions
from dyad.nlp.parsed import ParsedDoc, Token

# Acts done to a territory and its people ("lifted a curfew in Montenegro", "demonstrated
# in Serbia", "blew themselves up in Tel Aviv", aid "arrived in Darfur"): with no other
# recipient, the actor named where the act took place is the recipient.
TERRITORIAL_TYPES = frozenset({"ASSAULT", "COERCE", "CONCEDE", "RETREAT", "MOBILIZE", "PROTEST",
                               "AID"})
TERRITORIAL_PREPS = frozenset({"in", "inside", "into", "across", "near", "at", "outside"})
# Nouns naming a side of a place: "in front of", "at the gates of", "outside of".
SIDE_NOUNS = frozenset({"front", "gate", "gates", "door", "doors", "steps", "outside", "entrance"})
CONDITION_MARKS = frozenset({"if", "unless"})


def fallback_targets(parsed: ParsedDoc, acts: Sequence[tuple[Token, str]], event_type: str,
                     index: ActorIndex, exclude: set[str], *, places: Sequence = (),
                     source_countries: frozenset[str] = frozenset()) -> tuple[list, str]:
    """The implied recipients of a trigger of ``event_type`` and how they were found.

    ``acts``: (token, type) of the trigger and of the acts it frames; a frame takes the
    place of a territorial act it frames ("called for an end to the violence *in
    Venezuela*"). ``exclude`` holds the source ids, ``places`` the document's
    ``PlaceMention`` records."""
    tokens = [tok for tok, _ in acts]

    def keep(found: list) -> list:
        return [m for m in unique_mentions(found) if actor_id(m) not in exclude]

    if event_type == "THREATEN":  # "threatened to close the strait *if the US attacked*"
        for tok in [*tokens, *(c for t in tokens for c in parsed.children(t) if c.dep == "xcomp")]:
            for c in parsed.children(tok):
                if c.dep == "advcl" and any(m.dep == "mark" and m.lemma.lower() in CONDITION_MARKS
                                            for m in parsed.children(c)):
                    found = keep(subject_actors(parsed, c, index))
                    if found:
                        return found, "subject of the threat's condition"
    territorial = [tok for tok, kind in acts if kind in TERRITORIAL_TYPES]
    for tok in territorial:  # "used tear gas *to disperse the youths*"
        found = keep([a for h in _with_light_verb(parsed, tok)
                      for c in parsed.children(h) if c.dep in {"xcomp", "advcl"}
                      and any(m.dep == "aux" and m.text.lower() == "to" for m in parsed.children(c))
                      for o in parsed.children(c) if o.dep == "dobj"
                      for a in np_actors(parsed, o, index)])
        if found:
            return found, "object of the act's purpose clause"
    where = [g for tok in territorial for g in _place_phrases(parsed, tok)]
    for g in where:
        found = keep(np_actors(parsed, g, index))
        if found:
            return found, "where the act took place"
    if not exclude:  # a place alone never makes the event: a source must be named
        return [], ""
    for g in where:
        countries = _place_countries(parsed, g, places) - source_countries
        if len(countries) == 1:
            return ([ImpliedMention(country_actor(countries.pop()))],
                    "the country of the place where the act took place")
    return [], ""


def _with_light_verb(parsed: ParsedDoc, tok: Token) -> list[Token]:
    """The trigger, and for an event noun that is a verb's object that verb: "staged a
    strike *to protest the tax*" has the purpose clause on "staged"."""
    if tok.pos != "VERB" and tok.dep == "dobj" and tok.head != tok.i:
        return [tok, parsed.tokens[tok.head]]
    return [tok]


def _place_phrases(parsed: ParsedDoc, tok: Token) -> list[Token]:
    """Objects of in/at/near... on the trigger, its object, or the verb an event noun is
    the object of."""
    objects = [c for c in parsed.children(tok) if c.dep == "dobj"]
    heads = [tok, *objects]
    if tok.pos != "VERB" and tok.head != tok.i:
        heads.append(parsed.tokens[tok.head])
    found = [g for h in heads for c in parsed.children(h)
             if c.dep == "prep" and c.lemma.lower() in TERRITORIAL_PREPS
             for g in parsed.children(c) if g.dep == "pobj"]
    found = [_beside(parsed, g) for g in found]
    return found + objects  # "sealed off Hebron"


def _beside(parsed: ParsedDoc, g: Token) -> Token:
    """"in front of the embassy", "at the gates of parliament": the place is the "of" object."""
    if g.lemma.lower() not in SIDE_NOUNS:
        return g
    return next((o for p in parsed.children(g) if p.dep == "prep" and p.lemma.lower() == "of"
                 for o in parsed.children(p) if o.dep == "pobj"), g)


def _place_countries(parsed: ParsedDoc, phrase: Token, places: Sequence) -> set[str]:
    lo, hi = parsed.subtree_span(phrase)
    return {p.place.country for p in places
            if lo <= p.start and p.end <= hi and getattr(p.place, "country", None)}


def home_place_target(parsed: ParsedDoc, acts: Sequence[tuple[Token, str]], *,
                      places: Sequence, source_countries: frozenset[str]) -> list:
    """The population of the place a territorial act was done in, when that place is in
    the (one) source country: the act was done at home, to its people."""
    if len(source_countries) != 1:
        return []
    for tok, kind in acts:
        if kind not in TERRITORIAL_TYPES:
            continue
        for g in _place_phrases(parsed, tok):
            if _place_countries(parsed, g, places) == source_countries:
                return [ImpliedMention(population_actor(next(iter(source_countries))))]
    return []
