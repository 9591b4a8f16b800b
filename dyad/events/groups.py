"""Domestic parties a sentence names without a country, and the authorities it implies.

PLOVER codes a domestic group by the country it acts in ("militants attacked a checkpoint
in Kandahar" is AFG REB -> AFG; "protesters clashed with police in Dhaka" is BGD CVL ->
BGD COP). The actor resolver gives a group noun a country only from its own phrase
("Kenyan police", "rebels in Mali"); here, at event level:

* ``unnamed_groups``: the group nouns of the lexicon's ``domestic_groups`` whose noun phrase
  names no actor ("militants", "anti-government protesters", "riot police") become
  provisional mentions with no country;
* ``settle_groups``: each one that is a source or target of an event takes a country, in
  this order: the event's place; for a non-state group, the other side's when that side
  is a state organ that only acts at home (``home_organs``: police, courts, government,
  legislature), or, for a group acted upon, the acting state's when it is the only
  country named; for a state organ named bare, the other side's when that is a domestic
  political party (``DOMESTIC_PARTIES``); the only country the sentence names, unless it
  is the other side's. A group left without a country is dropped from the event (an
  unnamed group alone makes no dyad). A name the dictionary does not know, with no
  country, takes one the same way but keeps its id (``is_unplaced``).
* ``implied_authority``: an act only state authorities do, in a passive with no agent
  ("two protesters were arrested in Cairo"), has the authorities of the place (or, for
  arrests and trials, of the domestic political figure it is done to) as its source;
* ``implied_crowd``: a society act no one is named for ("protests erupted in Iran") is by
  the people of the place, as "protesters rallied in Tehran" is.

Everything stays inside the sentence, so selective and full parsing code the same events
(a sentence with no actor or place name is not parsed in selective mode).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from dyad.events.domestic import country_name
from dyad.events.phrases import ActorIndex, np_actors
from dyad.model import Actor
from dyad.nlp.parsed import ParsedDoc, Sentence, Token

MAX_PHRASE = 5  # tokens of a group phrase ("anti - government protesters")
PLACE_PREPS = frozenset({"in", "inside", "at", "near", "across", "outside", "throughout",
                         "through"})
# Whose own country a person or group is when the authorities act on them: political
# actors are tried at home; civilians, journalists, crews may be foreigners there.
POLITICAL_SECTORS = frozenset({"OPP", "PTY", "REB", "ELI", "GOV", "LEG", "MIL", "LAB", "EDU"})
# Non-state parties whose adversary among state organs is their own state.
DOMESTIC_PARTIES = frozenset({"OPP", "PTY", "REB", "ELI", "LAB", "EDU"})
# Counts that stand for people when they head the subject ("hundreds rallied").
COUNT_WORDS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens",
                         "million", "millions", "scores", "tens"})
ARMED_SECTORS = frozenset({"REB", "UAF", "MIL", "SPY"})
ORGAN_KIND = {"GOV": "state", "COP": "state", "MIL": "state", "JUD": "state", "LEG": "state"}


@dataclass(frozen=True)
class GroupMention:
    """A group noun with no country yet; stands where a resolver mention would."""

    token_start: int
    token_end: int
    start: int
    end: int
    text: str
    actor: Actor  # country None until settled
    reason: str = ""


def unnamed_groups(parsed: ParsedDoc, sent: Sentence, index: ActorIndex, lexicon) -> list:
    """Provisional mentions of the sentence's group nouns that name no actor."""
    out: list = []
    table = lexicon.domestic_groups
    for tok in parsed.tokens[sent.token_start:sent.token_end]:
        if tok.pos not in {"NOUN", "PROPN"} or index.at(tok.i) is not None:
            continue
        found = _phrase(parsed, tok, table)
        if found is None:
            continue
        first, sector = found
        if tok.lemma.lower() == "opposition" and any(
                c.dep == "prep" and c.lemma.lower() == "to" for c in parsed.children(tok)):
            continue  # "voiced strong opposition to the sale": a stance, not a party
        mods = {c.text.lower() for c in parsed.children(tok) if c.i < tok.i}
        if mods & lexicon.not_domestic_modifiers or np_actors(parsed, tok, index):
            continue  # "foreign fighters"; "supporters of Hamas" names its actor
        lo, hi = parsed.tokens[first].start, tok.end
        words = parsed.text[lo:hi]
        actor = Actor(actor_id=f"unnamed.{sector}.{tok.i}", name=words, sector=sector,
                      kind=ORGAN_KIND.get(sector, "group"))
        out.append(GroupMention(first, tok.i + 1, lo, hi, words, actor))
    return out


def _phrase(parsed: ParsedDoc, tok: Token, table) -> tuple[int, str] | None:
    """The longest lexicon phrase ending at ``tok`` (hyphenated words joined)."""
    sent = parsed.sentences[tok.sent]
    for k in range(MAX_PHRASE - 1, -1, -1):
        first = tok.i - k
        if first < sent.token_start:
            continue
        words = " ".join(t.text.lower() for t in parsed.tokens[first:tok.i + 1])
        words = words.replace(" - ", "-")
        for form in {words, words[: -len(tok.text)] + tok.lemma.lower()}:
            if form in table:
                return first, table[form]
    return None


def is_unnamed(mention) -> bool:
    return isinstance(mention, GroupMention) and mention.actor.country is None


def is_unplaced(mention) -> bool:
    """A name the dictionary does not know, with no country ("the Movement for
    Democratic Change"): it acts where it is, like an unnamed group, but is kept without
    a country when the sentence gives none. Dictionary entries with no country (al-Qaeda,
    Human Rights Watch: transnational by the dictionary's choice) have a code."""
    actor = getattr(mention, "actor", None)
    return (not isinstance(mention, GroupMention) and actor is not None and not actor.country
            and getattr(mention, "code", "") is None and actor.kind in {"organisation", "person"}
            and not actor.affiliation)


def place_countries(parsed: ParsedDoc, tok: Token, index: ActorIndex, places: Sequence,
                    location) -> set[str]:
    """The countries of the place the act happened: the objects of in/at/near... on the
    trigger, its object or the verb an event noun belongs to (places and countries
    named there), else the event's location."""
    heads = [tok, *(c for c in parsed.children(tok) if c.dep in {"dobj", "nsubjpass"})]
    if tok.pos != "VERB" and tok.head != tok.i:
        heads.append(parsed.tokens[tok.head])
    found: set[str] = set()
    for h in heads:
        for c in parsed.children(h):
            if c.dep != "prep" or c.lemma.lower() not in PLACE_PREPS:
                continue
            for g in parsed.children(c):
                if g.dep != "pobj":
                    continue
                lo, hi = parsed.subtree_span(g)
                # the country that owns an organ is not where it is: "outside the *US*
                # embassy in Manila" is in the Philippines, "the Israeli embassy" anywhere
                owned = _organ_spans(parsed, index, g)
                found |= {p.place.country for p in places if lo <= p.start and p.end <= hi
                          and getattr(p.place, "country", None)
                          and not any(a <= p.start < b for a, b in owned)}
                found |= {m.actor.country for m in np_actors(parsed, g, index)
                          if m.actor.country and m.actor.kind == "state" and not m.actor.sector}
    if not found and location is not None and location.country:
        found.add(location.country)
    return found


def _organ_spans(parsed: ParsedDoc, index: ActorIndex, phrase: Token) -> list[tuple[int, int]]:
    """Character spans of the state organs named in the phrase ``phrase`` heads."""
    lo, hi = parsed.subtree_span(phrase)
    sent = parsed.sentences[phrase.sent]
    spans = []
    for t in parsed.tokens[sent.token_start:sent.token_end]:
        m = index.at(t.i)
        if lo <= t.start < hi and m is not None and m.actor.sector:
            spans.append((parsed.tokens[m.token_start].start, parsed.tokens[m.token_end - 1].end))
    return spans


def sentence_countries(parsed: ParsedDoc, sent: Sentence, index: ActorIndex,
                       places: Sequence) -> set[str]:
    """Every country the sentence names: its actors' and its places'."""
    found = {m.actor.country for i in range(sent.token_start, sent.token_end)
             if (m := index.at(i)) is not None and m.actor.country}
    found |= {p.place.country for p in places
              if sent.start <= p.start < sent.end and getattr(p.place, "country", None)}
    return found


def settle_groups(roles, *, where: set[str], in_sentence: set[str], lexicon) -> list[str]:
    """Give the unnamed groups among ``roles``' sources and targets a country (see the
    module docstring); drop the ones that get none. Returns notes for the event's reason."""
    notes: list[str] = []
    for side, other in (("sources", "targets"), ("targets", "sources")):
        kept = []
        for m in getattr(roles, side):
            if is_unplaced(m):
                country, why = _country_for(m, getattr(roles, other), where, in_sentence,
                                            lexicon, is_target=side == "targets")
                if country is not None:
                    notes.append(f"{side[:-1]} '{m.text}' has no country: {country} ({why})")
                    m = replace(m, actor=m.actor.model_copy(update={"country": country}))
                kept.append(m)
                continue
            if not is_unnamed(m):
                kept.append(m)
                continue
            country, why = _country_for(m, getattr(roles, other), where, in_sentence, lexicon,
                                        is_target=side == "targets")
            if country is None:
                notes.append(f"{side[:-1]} '{m.text}' dropped: no country for it in the sentence")
                continue
            settled = settle(m, country, why)
            notes.append(f"{side[:-1]} '{m.text}' -> {settled.actor.actor_id} ({why})")
            kept.append(settled)
        setattr(roles, side, kept)
    return notes


def settle(m: GroupMention, country: str, why: str) -> GroupMention:
    sector = m.actor.sector or ""
    actor = Actor(actor_id=f"{country}.{sector}", name=f"{country_name(country)} ({m.text})",
                  kind=m.actor.kind, country=country, sector=sector)
    return GroupMention(m.token_start, m.token_end, m.start, m.end, m.text, actor, why)


def _state_or_none(lexicon) -> frozenset:
    return lexicon.state_sectors | {None, "PRE"}


def _country_for(m: GroupMention, others: list, where: set[str], in_sentence: set[str],
                 lexicon, *, is_target: bool = False) -> tuple[str | None, str]:
    if len(where) == 1:
        return next(iter(where)), "the country of the event's place"
    state_group = m.actor.sector in lexicon.state_sectors
    named = [o for o in others if not is_unnamed(o) and o.actor.country]
    if not state_group:
        home = {o.actor.country for o in named if o.actor.sector in lexicon.home_organs}
        if len(home) == 1:
            return next(iter(home)), "the country of the state organ on the other side"
        states = {o.actor.country for o in named
                  if o.actor.kind == "state" and o.actor.sector in _state_or_none(lexicon)}
        if is_target and len(states) == 1 and states == in_sentence:
            # "Pakistan banned the opposition party", "the Sri Lankan army bombed rebel
            # positions": a state acting on a group, naming no other country, acts at home
            return next(iter(states)), "the country of the state acting on it, the only one named"
    else:  # "rebels shot down a government helicopter", "X's opposition leader was
        home = {o.actor.country for o in named  # detained by police"
                if o.actor.sector in DOMESTIC_PARTIES and o.actor.kind != "state"}
        if not home and is_target and m.actor.sector in lexicon.home_organs:
            # "Kenyan doctors pressed the government": a people's act on an organ
            # named bare is on their own
            home = {o.actor.country for o in named if o.actor.kind != "state"
                    and o.actor.sector not in ARMED_SECTORS}
        if len(home) == 1:
            return next(iter(home)), "the country of the domestic party on the other side"
    rest = in_sentence - {o.actor.country for o in named}
    if len(in_sentence) == 1 and rest:
        return next(iter(rest)), "the only country named in the sentence"
    return None, ""


def implied_authority(parsed: ParsedDoc, hit, targets: list, *, where: set[str],
                      lexicon) -> tuple[GroupMention | None, str]:
    """The authorities implied as the source of an agentless passive state act."""
    tok = hit.token
    keys = [tok.lemma.lower(), " ".join(hit.entry.words), hit.entry.mode or ""]
    sector = next((lexicon.implied_source[k] for k in keys if k in lexicon.implied_source), None)
    if sector is None or tok.pos != "VERB":
        return None, ""
    kids = list(parsed.children(tok))
    if not any(c.dep in {"nsubjpass", "auxpass"} for c in kids) or any(
            c.dep == "agent" for c in kids):
        return None, ""
    if len(where) == 1:
        country, why = next(iter(where)), "where it happened"
    else:  # "opposition leader X was sentenced": tried at home
        own = {t.actor.country for t in targets if t.actor.country
               and t.actor.sector in POLITICAL_SECTORS}
        if sector == "GOV" or len(own) != 1:
            return None, ""
        country, why = next(iter(own)), "of the political figure it was done to"
    words = {"COP": "police", "JUD": "judiciary", "GOV": "authorities"}[sector]
    m = GroupMention(tok.i, tok.i + 1, tok.start, tok.end, words,
                     Actor(actor_id=f"{country}.{sector}", sector=sector, kind="state",
                           name=f"{country_name(country)} ({words})", country=country))
    return m, f"implied: the {words} of the country {why} (agentless passive of a state act)"


def implied_crowd(parsed: ParsedDoc, hit, *, where: set[str], lexicon) -> tuple[Actor | None, str]:
    """The people of the place as the doers of a society act no one is named for:
    "protests erupted in Iran", "a general strike shut Lagos" read like "protesters rallied
    in Tehran", whose unnamed protesters take the place's country (``settle_groups``).
    Only for the acts of the lexicon's ``domestic.society`` table, with no subject and one
    country for the place."""
    tok = hit.token
    keys = {"*", hit.mode or "", hit.entry.cameo or ""} - {""}
    if len(where) != 1 or not keys & lexicon.domestic_society.get(hit.event_type, frozenset()):
        return None, ""
    if any(c.dep in {"nsubj", "nsubjpass", "agent", "poss"} and not _a_number_of_people(c)
           for c in parsed.children(tok)):
        return None, ""  # someone is named, though not as an actor ("students marched")
    country = next(iter(where))
    actor = Actor(actor_id=f"{country}.CVL", sector="CVL", kind="group", country=country,
                  name=f"{country_name(country)} (population)")
    return actor, "implied: the people of the place where it happened (no one named)"


def _a_number_of_people(tok: Token) -> bool:
    """'*Thousands* marched in Caracas': a count with no noun names no one."""
    return tok.pos == "NUM" or tok.lemma.lower() in COUNT_WORDS
