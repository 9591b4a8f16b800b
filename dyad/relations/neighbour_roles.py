"""Side roles read from the trigger's neighbours: the words right before or after it.

The roles ``mod``, ``poss``, ``its``, ``left``, ``after``/``next``/``after_far``, the
prepositions (``to``, ``from``, ``by``, ``of``, ``on``, ``with``, ``between``, ``over``,
``for``), ``holder``, ``cmod``, ``maker`` and ``aggressor`` for ``dyad.relations.sides``:
each a function (env, trigger match, candidate actors) -> (actors found, role name or "").
"""

from __future__ import annotations

import re
from typing import Any, Callable

from dyad.agreements.spans import group_after, group_before, ref_for_id
from dyad.relations.anaphor_roles import described_other
from dyad.relations.context import SentenceEnv, clause_list, possessive, whole_lists
from dyad.relations.lexicon import ROLE_WINDOW

# Between a modifier and its trigger: lower-case words and numbers ("Russia keeps about
# 1,500 troops", "US-brokered", "France, whose 1,000 troops").
_MOD_GAP = re.compile(r"(?:['’]s?)?(?:,\s*whose\b|[\s\-]|(?!(?:since|with|in|on|at|after|before|during|for|from|to|by|"
                      r"of|and|or|but|than|as|over|against|between|under|until|while|when|that|which|"
                      r"who|where|its|their|his|her|our|the|a|an)\b)[a-z]+|\d[\d,.]*|(?:First|Second|Third|Fourth|Fifth|Sixth|"
                      r"Seventh|Eighth|Ninth|Tenth)\b)*")

# An attack named with its attacker before it: "Russia's full-scale invasion", "Russian
# aggression", "Russia invaded".
_ATTACK = re.compile(r"\b(?:invasion|invaded|invades|aggression)\b", re.IGNORECASE)

_ITS = re.compile(r"\bits\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "it" as the subject of the clause "its" stands in: "Belarus, which it used as a launch pad
# for its invasion" ("its" is "it", not the state named last).
_IT_CLAUSE = re.compile(r"\b(?:which|that|after|since|when|as|because|before|once|where)\s+it\s+[^,;:.()]{0,50}$",
                        re.IGNORECASE)

_PREP = {"to": r"to", "from": r"from", "by": r"by", "of": r"of", "on": r"on|against|targeting|targets?|targeted|aimed\s+at|bound\s+for|destined\s+for",
         "with": r"with", "between": r"between|among", "over": r"over", "for": r"for"}

# Between a supplier and its goods: "Russian gas", "Russia's oil", "a Chinese-built submarine".
# a model designation may stand between ("Russian Su-35 jets", "American F-15EX fighters")
_CMOD_GAP = re.compile(r"(?:['’]s|-(?:made|built|supplied|designed|manufactured|produced))?\s+"
                       r"(?:(?:[a-z][\w-]*|[A-Z][A-Za-z]*-?\d[\w-]*)\s+){0,2}")

# Unnamed sides, then the named examples: "European allies, including Germany and Poland".
_EXAMPLES = re.compile(r"(?:[\w-]+,?\s+){1,3}?(?:including|such\s+as|notably|mainly|mostly|chiefly|led\s+by)\s+(?:the\s+)?",
                       re.IGNORECASE)

_HELD_BY = re.compile(r"\b(?:held|administered|controlled|occupied|governed|ruled|seized|captured|annexed|taken)\s+by\s+(?:the\s+)?",
                      re.IGNORECASE)

# A holder's adjective joined to a participle of holding: "the Indian-held part of Kashmir".
_HELD_ADJECTIVE = re.compile(r"-(?:held|administered|controlled|occupied|governed|ruled|run)\b", re.IGNORECASE)

# "Kashmir, most of which India controls", "Morocco controls most of Western Sahara": the
# subject of a verb of holding, or of taking the land ("the archipelago, which Britain
# detached from the colony", "islands that Soviet troops seized").
_HOLDS = re.compile(r"(?:\s+(?:troops|forces|soldiers|army))?\s+(?:(?:now|still|already|also|effectively|largely)\s+)?"
                    r"(?:(?:has|have|had)\s+(?:long\s+)?)?"
                    r"(?:holds|held|administers|administered|controls|controlled|occupies|occupied|governs|"
                    r"governed|rules|ruled|seized|captured|annexed|took|taken|detached|separated|excised|"
                    r"carved\s+out|wrested|retains|retained|keeps|kept)\b", re.IGNORECASE)


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
    if not found:  # "the Japanese-administered Senkaku islands", "the Colombian-held islands"
        found = [a for a in actors if sent.start <= a.start and a.actor.country and a.actor.kind != "igo"
                 and _HELD_ADJECTIVE.match(text, a.end)]
    return found[:1], ""


def _mod(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    # the resolver often takes the trigger into the mention ("American troops",
    # "Egyptian mediators"): the mention covering the trigger is its modifier
    text = env.parsed.text
    found = [a for a in actors if a.start < m.start() < a.end][:1]
    if found:  # "British, Australian and New Zealand troops": the list it closes
        return whole_lists(text, actors, found), ""
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


def poss(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    text = env.parsed.text
    described = described_other(env, m.start())
    if described is not None:  # "its neighbour's bid": the other state of the story
        return described, "poss"
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
    sentence ("North Korea sent troops to fight for Russia in its war"), or for the state
    named first when "it" is the subject of the clause "its" stands in ("Belarus, which it
    used as a launch pad for its invasion": "it", as for "which it invaded")."""
    text = env.parsed.text
    its = _ITS.search(text, max(env.sent.start, m.start() - 30), m.start())
    if its is None:
        return [], ""
    states = [a for a in actors if a.end <= its.start() and a.actor.kind == "state"]
    if _IT_CLAUSE.search(text, max(env.sent.start, its.start() - 60), its.start()):
        return states[:1], ""  # "it" and "its" the state named first, as for "which it invaded"
    return states[-1:], ""


def _left(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The name a relative clause hangs on: "support for Ukraine, which it invaded"."""
    text = env.parsed.text
    rel = re.search(r",?\s*(?:which|that|whom)\s+(?:[\w-]+\s+){0,3}$", text[env.sent.start:m.start()])
    if rel is None:
        return [], ""
    at = env.sent.start + rel.start()
    return [a for a in actors if a.end == at][-1:], ""


# Words describing a state before its name, not counted in the gap of ``after``: "occupied
# the neighbouring Dominican Republic", "now occupy neighbouring Afghanistan".
_DESCRIBED = re.compile(r"\s*(?:the\s+)?(?:(?:neighbou?ring|tiny|small|landlocked|impoverished|war-torn|"
                        r"(?:oil|gas|resource|mineral)-rich|nuclear-armed|mountainous|communist|central|"
                        r"(?:north|south)(?:-?(?:east|west))?ern|(?:east|west)ern)\s+){1,2}",
                        re.IGNORECASE)


# A count before the people a preposition names, not counted in its gap: "sanctions on
# dozens of Nicaraguan officials", "on 14 Russian firms", "on members of the European Parliament".
_COUNTED = re.compile(r"\s*(?:(?:(?:dozens|hundreds|scores|thousands)\s+of|several|(?:more\s+than\s+|about\s+|nearly\s+|some\s+)?\d[\d,]*)\s+"
                      r"|(?:(?:several|some|dozens\s+of|\d+)\s+)?members\s+of\s+(?:the\s+)?)",
                      re.IGNORECASE)


def _after(gap: int):
    def role(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
        described = _DESCRIBED.match(env.parsed.text, m.end()) if gap > 2 else None
        start = described.end() if described else m.end()
        found = group_after(env.parsed.text, actors, start, ceiling=env.sent.end, max_gap=gap)
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
            if cue.group(0).lower().startswith("by") and re.search(r",\s+(?:a|an|the)\s", window[:cue.start()]):
                break  # the agent of a phrase set off after the trigger: "annexed it, a move recognised by the US"
            at = m.end() + cue.end()
            described = _DESCRIBED.match(text, at) or _COUNTED.match(text, at)
            # "selling hydropower to neighbouring Thailand", "sanctions on dozens of Nicaraguan officials"
            found = group_after(text, actors, described.end() if described else at, ceiling=sent.end, max_gap=6)
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


# "the group", "the rebels": an armed group named before.
_GROUP_ANAPHOR = re.compile(r"\s+(?:the|these|those)\s+(?:[\w-]+\s+)?(?:group|rebels|militia|militias|insurgents|movement|fighters)\b",
                            re.IGNORECASE)


def _group_host(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The state an armed group backed with troops fights in: "accused Rwanda of backing
    the group with thousands of its own troops" after a sentence on M23 rebels in Congo (the
    group named right after the trigger, else the one "the group" stands for, named in
    this sentence or the two before)."""
    text, sent = env.parsed.text, env.sent
    armed = [a for a in env.pool if a.actor.kind == "group" and a.actor.country]
    found = group_after(text, armed, m.end(), ceiling=sent.end, max_gap=6)
    # the group named before: "the group" after the trigger, or the subject of a passive
    # ("the rebels, who are backed by Rwandan troops")
    if not found and (_GROUP_ANAPHOR.match(text, m.end()) or m.group(0).lower().endswith("by")):
        floor = env.parsed.sentences[max(0, sent.i - 2)].start
        found = [a for a in armed if floor <= a.start and a.end <= m.start()][-1:]
    return [ref_for_id(a.actor.country, env.pool) for a in found[:1]], ""


# A sentence opening with its trade noun, no trader named: "Imports from China fell".
_BARE_OPENING = re.compile(r"\s*(?:(?:the|total|overall|annual|goods|merchandise)\s+)?", re.IGNORECASE)
_TRADE_NOUN = re.compile(r"\b(?:imports|exports|purchases|trade)\b", re.IGNORECASE)


def _trade_topic(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """"Mexico became the largest source of US imports. Imports from China fell to $427
    billion": a trade noun opening a sentence with no trader named continues the trade of
    the sentence before, whose trader qualifies its own trade noun ("US imports")."""
    text, sent = env.parsed.text, env.sent
    if sent.i == 0 or not _BARE_OPENING.fullmatch(text, sent.start, m.start()):
        return [], ""
    prev = env.parsed.sentences[sent.i - 1]
    for noun in reversed(list(_TRADE_NOUN.finditer(text, prev.start, prev.end))):
        found = [a for a in env.pool if prev.start <= a.start and a.end <= noun.start() and a.actor.kind == "state"
                 and a.actor.country and re.fullmatch(r"(?:['’]s?)?\s+(?:[a-z][\w-]*\s+){0,2}", text[a.end:noun.start()])]
        if found:
            return found[-1:], ""
    return [], ""


# A maker's adjective on goods: "Israeli-built", "US-supplied", "Russian-made".
_MADE = re.compile(r"-(?:built|made|designed|supplied|manufactured|produced)\b", re.IGNORECASE)


def _made_by(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The maker of the goods after the trigger, named as their adjective ("flies
    Israeli-built Kfir jets": Israel), when the goods are arms or energy."""
    text, sent = env.parsed.text, env.sent
    end = min(sent.end, m.end() + ROLE_WINDOW)
    if env.lexicon.commodity_pattern.search(text, m.end(), end) is None:
        return [], ""
    return [a for a in actors if m.end() <= a.start and a.end <= end and _MADE.match(text, a.end)][:1], ""


def _maker_adjective(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The maker named in the adjective the trigger closes: "Soviet" in "Soviet-built" (the
    trigger is the suffix "-built")."""
    return [a for a in actors if a.end == m.start() and a.actor.kind == "state"][:1], ""


def _goods_owner(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The possessor of the goods a maker's adjective qualifies: "Egypt's Soviet-built jets",
    "the Saudi air force's American-made F-15s" (the trigger is the suffix "-built")."""
    text = env.parsed.text
    maker = next((a for a in env.actors if a.end == m.start()), None)
    if maker is None:
        return [], ""
    return [a for a in actors if a.end <= maker.start and a.actor.country
            and possessive(text, a, maker.start)][-1:], ""


# The attack a side fends off, named with its attacker: "Russia's invasion", "a Russian
# offensive", "an offensive by Haftar's forces".
_ATTACK_NOUN = re.compile(r"\b(?:invasion|offensive|incursion|aggression|assault|attacks?)\b", re.IGNORECASE)


def _attacker(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """Who makes the attack the trigger fends off ("as it fights off Russia's invasion",
    "repelled a Somali offensive"): the possessor or adjective of the attack noun right
    after the trigger, else the agent after "by"."""
    text, sent = env.parsed.text, env.sent
    noun = _ATTACK_NOUN.search(text, m.end(), min(sent.end, m.end() + 40))
    if noun is None or re.search(r"[,;:]", text[m.end():noun.start()]):
        return [], ""
    found = [a for a in actors if m.end() <= a.start and a.end <= noun.start()
             and _MOD_GAP.fullmatch(text, a.end, noun.start())][-1:]
    if not found and (by := re.match(r"\s+by\s+(?:the\s+)?", text[noun.end():sent.end])):
        found = group_after(text, actors, noun.end() + by.end(), ceiling=sent.end, max_gap=2)
    return found, ""


# A purpose of helping a side: "sent troops to help the Tripoli government", "to support".
_TO_HELP = re.compile(r"\bto\s+(?:help|support|back|assist|bolster|prop\s+up|defend|protect|shore\s+up|"
                      r"fight\s+(?:for|alongside|on\s+behalf\s+of))\s+", re.IGNORECASE)


def _helped(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The side a deployment or delivery helps (``helped``): "Turkey has sent troops and
    armed drones to help the Tripoli government" (Libya)."""
    text, sent = env.parsed.text, env.sent
    cue = _TO_HELP.search(text, m.end(), min(sent.end, m.end() + ROLE_WINDOW))
    if cue is None:
        return [], ""
    return group_after(text, actors, cue.end(), ceiling=sent.end, max_gap=6), ""


NEIGHBOUR_ROLES: dict[str, Callable] = {
    "its": _its, "holder": _holder, "mod": _mod, "poss": poss,
    "after": _after(12), "next": _after(2), "after_far": _after(ROLE_WINDOW),
    **{name: _prep(words) for name, words in _PREP.items()},
    "left": _left, "cmod": _cmod, "maker": _maker, "aggressor": _aggressor,
    "trade_topic": _trade_topic, "group_host": _group_host, "made_by": _made_by, "helped": _helped,
    "maker_adjective": _maker_adjective, "goods_owner": _goods_owner, "attacker": _attacker,
}
