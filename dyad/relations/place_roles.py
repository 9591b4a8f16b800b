"""Side roles that read a place: the host of a base, the holder of a claimed territory,
and the place itself, which becomes the relation's ``location``.

``in``: the country of what follows "in"/"at"/"on" (or "to" at once): an actor, or a place
whose country is the target ("a naval base at Tartus"); ``place``: a place right after the
trigger ("claims the Falklands", "claim to the Essequibo region"); ``base_owner``: the state
qualifying the bases after the trigger ("use Philippine military bases"); ``base_site``:
``in`` when the place is a military base known to the gazetteer ("the Chinese facility at
Ream"); ``site_before``: a known base in apposition before the trigger ("Camp Lemonnier,
the only U.S. base in Africa"); ``place_far``: the place in the window after the trigger
(else the last before it) by its country ("occupied seven districts around Karabakh"); ``site_subject``: the base the clause is about, by name ("Camp Lemonnier in Djibouti
is the only US base in Africa") or as "the base" after a sentence naming it; ``where``: the
place a "where" clause hangs on ("Iraq, where 2,500 US troops are stationed");
``in_anaphor``: the host as "the country", "the capital", "his country", "there";
``in_named_host``: the same save "there" (for bases); ``from_place``:
the country of what follows "from"/"out of" ("to withdraw from southern Lebanon"); ``land_before``: the land named before the trigger
("Crimea remains under Russian occupation").
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.spans import country_ref, ref_for_id
from dyad.relations.context import PlaceHit, SentenceEnv
from dyad.relations.lexicon import ROLE_WINDOW

# Between a claim or occupation and its object: "claims the British-held", "claim to the".
_OBJECT_GAP = re.compile(r"\s*(?:(?:sovereignty\s+)?(?:to|over|on)\s+)?(?:the\s+)?(?:[A-Za-z]+-[a-z]+\s+)?")

# A gazetteer name that reads as a military base.
_BASE_NAME = re.compile(r"\b(?:air\s*base|base|naval|navy|camp|station|fleet|garrison|RAF|HMNB|AFB|"
                        r"air\s+force|aegis|support\s+(?:activity|facility)|marine\s+corps)\b", re.IGNORECASE)
# A sentence opening with a base's name ("The Manas air base", "Camp Lemonnier").
_SUBJECT_START = re.compile(r"\s*(?:The\s+)?")
# From the base's name to the trigger: an optional "in Qatar", an apposition, then a copula
# or the trigger itself ("Al Udeid in Qatar, built in 1996, is the largest US base",
# "Camp Lemonnier hosts 4,000 US troops").
_SUBJECT_GAP = re.compile(r"(?:\s+(?:in|near|on)\s+(?:the\s+)?[A-Z][^,;]{0,30}?)?(?:\s*,[^,;]{1,60},)?\s+"
                          r"(?:(?:which\s+)?(?:is|was|remains|remained|has\s+been|had\s+been|became|serves\s+as|"
                          r"also|now|still)\s+[^,;]{0,50}?|(?:which\s+)?)")
# "The base", "The facility", "This air base" opening a sentence.
_BASE_ANAPHOR = re.compile(r"\s*(?:The|This|That|Its)\s+(?:[\w-]+\s+){0,2}?(?:base|airbase|air\s+base|"
                           r"facility|installation|garrison|camp|outpost|station)\b")

# After troops: their host left for the reader to recover.
_HOST_ANAPHOR = re.compile(r"\s*(?:[\w,-]+\s+){0,6}?(?:(?:are|is|remain|remains|were|was|have\s+been|has\s+been|had\s+been)\s+)?"
                           r"(?:\w+ly\s+)?(?:(?:stationed|deployed|based|present|garrisoned)\s+)?"
                           r"(?:(?:in|to|into|across|throughout|inside|on|against|near|around|outside|from|out\s+of)\s+"
                           r"(?:the\s+(?:[A-Za-z][\w-]*\s+){0,3}?(?:country|nation|capital)|(?P<his>his|her)\s+country|"
                           r"the\s+(?P<kind>kingdom|emirate|sultanate|principality|grand\s+duchy)|"
                           # a part of the host named by its place in it: "in the north", "on
                           # the island", "in the breakaway region" (not "the wider region")
                           r"the\s+(?!(?:wider|broader|whole|entire)\s)(?:(?-i:[a-z])[\w-]*\s+){0,2}?"
                           r"(?P<part>north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
                           r"(?-i:North|South|East|West)|region|island|peninsula|enclave))|"
                           r"(?:on|in)\s+(?P<its>its|their)\s+(?:soil|territory)|there)\b",
                           re.IGNORECASE)
_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*)*(?:\s*,\s*|\s+and\s+)"
                           r"(?:the\s+)?){0,3}$", re.IGNORECASE)
_VENUE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
# ... but the land of a war, or the seat of a government, is no venue: "their proxy war in
# Yemen ... the troops it keeps in the country", "recognises the government in Taipei and
# keeps troops on the island"
_NO_VENUE = re.compile(r"\b(?:wars?|conflicts?|fighting|insurgency|intervention|campaign|government|"
                     r"authorities|regime|junta)\s+in\s+(?:the\s+)?$", re.IGNORECASE)
# The states "the kingdom", "the emirate" ... can stand for (general knowledge: the sovereign
# monarchies by the title their own names or common usage give them).
MONARCHIES = {
    "kingdom": frozenset({"SAU", "JOR", "MAR", "GBR", "ESP", "NLD", "BEL", "NOR", "SWE", "DNK", "THA",
                          "BTN", "KHM", "LSO", "SWZ", "TON", "BHR"}),
    "emirate": frozenset({"QAT", "KWT"}),
    "sultanate": frozenset({"OMN", "BRN"}),
    "principality": frozenset({"MCO", "LIE", "AND"}),
    "grand duchy": frozenset({"LUX"}),
}
# Between a modifier and its troops: "US", "American", "Russia's 1,500"; a conjunction
# between them joins clauses instead ("recognises the government in Taipei and keeps troops").
_MOD_NEAR = re.compile(r"(?:['’]s?)?(?:,\s*whose)?(?:\s+(?:[a-z]+|\d[\d,.]*))*\s*")
_JOINED = re.compile(r"\b(?:and|or|but)\b")

_BASES = re.compile(r"\b(?:bases?|airbases?|facilit(?:y|ies)|sites?|ports?|airfields?|installations?|"
                    r"(?:military\s+)?(?:areas|locations))\b",
                    re.IGNORECASE)


# A share of the place before its name: "hold the whole of the Sinai peninsula", "controls
# more than half of Nagorno-Karabakh", "holds a narrow strip of southern Albania".
_PLACE_GAP = re.compile(r"\s*(?:(?:to|over|on)\s+)?(?:(?:the\s+)?(?:(?:more\s+than|nearly|almost|about|over|some)\s+)?"
                        r"(?:most|much|all|parts?|large\s+parts|swathes|half|the\s+whole|the\s+rest|"
                        r"a\s+(?:third|quarter|fifth|(?:(?:wide|narrow|thin|long)\s+)?"
                        r"(?:strip|band|belt|slice|sliver|swathe|stretch|part)))\s+of\s+)?(?:the\s+)?"
                        r"(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|"
                        r"south-?eastern|south-?western)\s+)?", re.IGNORECASE)


def _place(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    text = env.parsed.text
    place = next((p for p in env.places if 0 <= p.start - m.end() <= 40  # "claim to the Essequibo"
                  and _PLACE_GAP.fullmatch(text[m.end():p.start])), None)
    if place is None:
        return [], ""
    loc = env.place_ref(place.place)
    ref = ref_for_id(loc.country, env.pool) if loc.country else None
    return [PlaceHit(ref, loc, place.text)], "in"


def _in(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    hit = in_target(env, m, actors) or _conjoined_site(env, m)
    if hit is None:
        return [], "in"
    return _with_second_host(env, m, actors, hit), "in"


def _with_second_host(env: SentenceEnv, m: re.Match[str], actors: list[Any], hit: PlaceHit) -> list[PlaceHit]:
    """The host found, and a second one joined to it by "and": "troops in Iraq and Syria",
    "to pull its troops out of Georgia and Moldova" (each host of the pair)."""
    second = _AND_HOST.match(env.parsed.text, _hit_end(env, hit, m))
    if second is not None:
        more = in_target(env, second, actors, cue=r"^(?=[A-Z])")
        at = env.parsed.text.find(more.text, second.end(), env.sent.end) if more is not None else -1
        if more is not None and more.ref is not None \
                and not (at >= 0 and _GAPPED_COUNT.match(env.parsed.text, at + len(more.text))):
            return [hit, more]
    return [hit]


# A place with no name, then a named one: "along the line of contact and the Lachin corridor".
_CONJOINED = re.compile(r"\b(?:in|at|on|near|along|across|inside)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){1,4}?and\s+(?:the\s+)?(?=[A-Z])")


def _conjoined_site(env: SentenceEnv, m: re.Match[str]) -> PlaceHit | None:
    """The named one of two places joined by "and" after the trigger, when the first has
    no name ("deployed along the line of contact and the Lachin corridor"): a place within
    a country (not a whole country, which may be a side of its own) gives the host."""
    text, sent = env.parsed.text, env.sent
    cue = _CONJOINED.search(text, m.end(), min(sent.end, m.end() + ROLE_WINDOW))
    place = next((p for p in env.places if cue is not None and p.start == cue.end()), None)
    if place is None:
        return None
    loc = env.place_ref(place.place)
    if not loc.country or is_country(loc):
        return None
    return PlaceHit(ref_for_id(loc.country, env.pool), loc, place.text)


# After a host: a second one joined by "and" ("in Iraq and Syria"), also with its own count
# ("54,000 troops in Japan and 28,500 in South Korea").
_COUNT = r"(?:(?:about|some|around|roughly|nearly|almost|over|another|more\s+than)\s+)?\d[\d,.]*(?:\s+(?:more|others))?"
# ("troops in Jordan and at air bases in Iraq": the second host at its bases)
_AND_HOST = re.compile(rf"\s+and\s+(?:{_COUNT}\s+in\s+|(?:at|in|on)\s+(?:(?:an?|the|two|three|several|its|their)\s+)?"
                       r"(?:[\w-]+\s+)?(?:bases?|airbases?|garrisons?|airfields?)\s+in\s+|in\s+)?(?:the\s+)?(?=[A-Z])")
# A name followed by a count is the subject of a clause whose verb is left out, not a
# second host: "Britain keeps 20,000 troops in Germany and the United States roughly 50,000".
_GAPPED_COUNT = re.compile(rf"\s+{_COUNT}\b")


def _hit_end(env: SentenceEnv, hit: PlaceHit, m: re.Match[str]) -> int:
    """Where the host's words end in the text (the first occurrence after the trigger)."""
    at = env.parsed.text.find(hit.text, m.end(), env.sent.end)
    return at + len(hit.text) if at >= 0 else env.sent.end


def _base_owner(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The state qualifying the bases after the trigger ("lets US forces use Philippine
    military bases")."""
    text, sent = env.parsed.text, env.sent
    hit = _BASES.search(text, m.end(), min(sent.end, m.end() + ROLE_WINDOW))
    if hit is None:
        return [], ""
    return [a for a in actors if m.end() <= a.start < hit.start() and (
        a.end > hit.start()  # "Swedish military" read as one mention
        or re.fullmatch(r"\s+(?:[a-z][\w-]*\s+){0,2}", text[a.end:hit.start()]))][-1:], ""


def _base_site(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    hit = in_target(env, m, actors)
    return ([hit] if hit is not None and hit.ref is not None and is_base(hit.location) else []), "in"


def _site_subject(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The base a clause is about: named as its subject ("Al Udeid Air Base in Qatar is the
    largest US base in the region"), or "The base" opening a sentence after one naming it
    ("... from Al Udeid in Qatar. The base, which hosts 3,000 US troops, ...")."""
    text, sent = env.parsed.text, env.sent
    head = text[sent.start:m.start()]
    if ";" in head or len(head) > 120:
        return [], ""
    first = next((p for p in env.places if p.start >= sent.start), None)
    if first is not None and first.end <= m.start() and _SUBJECT_START.fullmatch(text, sent.start, first.start):
        loc = env.place_ref(first.place)
        if is_base(loc) and loc.country and _SUBJECT_GAP.fullmatch(text, first.end, m.start()):
            return [PlaceHit(ref_for_id(loc.country, env.pool), loc, first.text)], "in"
    if not _BASE_ANAPHOR.match(head) or env.sent.i == 0 \
            or any(sent.start <= p.start and p.end <= m.start() for p in env.places):
        # "The Chinese facility lies near Camp Lemonnier, the only U.S. base in Africa": a
        # place named between the anaphor and the trigger is the trigger's own
        return [], ""
    prev = env.parsed.sentences[env.sent.i - 1]
    named = [(p, env.place_ref(p.place)) for p in env.place_pool if prev.start <= p.start < prev.end]
    named = [(p, loc) for p, loc in named if loc.country]
    if not named:
        return [], ""
    p, loc = next(((p, loc) for p, loc in reversed(named) if is_base(loc)), named[-1])
    return [PlaceHit(ref_for_id(loc.country, env.pool), None if is_country(loc) else loc, p.text)], "in"


def _place_far(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The first place in the window after the trigger, or the last one before it, by its
    country: "occupied seven districts around Nagorno-Karabakh", "captured the Golan
    Heights from Syria and later annexed the territory"."""
    text = env.parsed.text
    if _TERRITORY_ANAPHOR.match(text, m.end()):
        hit = place_after(env, m, [a for a in actors if a.end <= m.start()])
        if hit is None or hit.location is None or is_country(hit.location):
            hit = _place_before(env)  # "claimed the archipelago": not the claimant's own name
    else:  # only a place after the trigger, in its own clause
        hit = next((PlaceHit(None, env.place_ref(p.place), p.text) for p in env.places
                    if m.end() <= p.start <= m.end() + ROLE_WINDOW and p.end <= env.sent.end
                    and not re.search(r"[,;:]|\b(?:and|but|while|after|before|since|when)\b", text[m.end():p.start])), None)
    if hit is None or hit.location is None or not hit.location.country or is_country(hit.location):
        return [], ""
    return [PlaceHit(ref_for_id(hit.location.country, env.pool), hit.location, hit.text)], "in"


# Between a place and the verb of a relative clause hanging on it: "the territories it has
# occupied", "the Golan Heights, which Israel annexed", "the land that Russian forces hold".
_RELATIVE_GAP = re.compile(r"(?:\s+(?:peninsula|islands?|region|heights|strip|province|valley|enclave|territory))?\s*,?\s*(?:which\s+|that\s+)?(?:it|they|(?:the\s+)?(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*)?"
                           r"(?:[\u2019\x27]s)?(?:\s+(?:forces|troops|army|military|parliament|government))?)\s+(?:(?:has|have|had)\s+)?(?:(?:\w+ly|since|long|also|now|still)\s+)?",
                           re.IGNORECASE)


def _left_place(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The place a relative clause hangs on, with or without "which": "Israel's presence in
    the territories it has occupied since 1967", "the Golan Heights, which Israel annexed"."""
    text = env.parsed.text
    place = next((p for p in reversed(env.places) if p.end <= m.start() and m.start() - p.end <= 40
                  and _RELATIVE_GAP.fullmatch(text, p.end, m.start())), None)
    if place is None:
        return [], ""
    loc = env.place_ref(place.place)
    return [PlaceHit(ref_for_id(loc.country, env.pool) if loc.country else None, loc, place.text)], "in"


def _place_before(env: SentenceEnv) -> PlaceHit | None:
    """The last place short of a whole country named in the previous sentence ("claimed the
    archipelago")."""
    if env.sent.i == 0:
        return None
    prev = env.parsed.sentences[env.sent.i - 1]
    named = [(p, env.place_ref(p.place)) for p in env.place_pool if prev.start <= p.start < prev.end]
    named = [(p, loc) for p, loc in named if not is_country(loc)]  # a place within a country
    return PlaceHit(None, named[-1][1], named[-1][0].text) if named else None


# "annexed the territory", "occupied it", "claimed the archipelago": the place named before.
_TERRITORY_ANAPHOR = re.compile(r"\s+(?:it|them|the\s+(?:territory|region|area|islands?|archipelago|peninsula|heights|enclave|province))\b",
                                re.IGNORECASE)


def _site_mod(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """A place naming the base right before the trigger: "the Diego Garcia air base", "the
    Tartus naval facility"."""
    text = env.parsed.text
    place = next((p for p in env.places if env.sent.start <= p.start and p.end <= m.start()
                  and re.fullmatch(r"\s*(?:[a-z][\w-]*\s+){0,2}", text[p.end:m.start()])), None)
    if place is None:
        return [], ""
    loc = env.place_ref(place.place)
    if not loc.country or is_country(loc):
        return [], ""
    return [PlaceHit(ref_for_id(loc.country, env.pool), loc, place.text)], "in"


def _site_before(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """A known base in apposition right before the trigger: "Camp Lemonnier, the only
    permanent U.S. military base in Africa"."""
    text = env.parsed.text
    before = [p for p in env.places if env.sent.start <= p.start and p.end <= m.start()
              and _APPOSED.fullmatch(text, p.end, m.start())]
    if not before:
        return [], ""
    loc = env.place_ref(before[-1].place)
    if not is_base(loc) or not loc.country:
        return [], ""
    return [PlaceHit(ref_for_id(loc.country, env.pool), loc, before[-1].text)], "in"


# Between a base's name and the noun in apposition to it: ", the only permanent U.S. ".
_APPOSED = re.compile(r"\s*,\s*(?:the|a|an|its|their)\s+[^,;()]{0,40}")


def _where(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """"Iraq, where 2,500 US troops are stationed": the host is named right before "where"."""
    text = env.parsed.text
    cue = re.search(r",?\s*where\s", text[env.sent.start:m.start() + 6])
    if cue is None:
        return [], ""
    at = env.sent.start + cue.start()
    place = next((p for p in env.places if p.end == at), None)
    actor = next((a for a in actors if a.end == at and (a.actor.kind == "state" or a.actor.country)), None)
    if actor is not None:
        return [PlaceHit(country_ref(actor.actor, env.pool), None, actor.text)], "in"
    if place is not None:
        loc = env.place_ref(place.place)
        if loc.country:
            return [PlaceHit(ref_for_id(loc.country, env.pool), None if is_country(loc) else loc,
                             place.text)], "in"
    return [], ""


def _in_anaphor(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """"2,500 US troops remain in the country", "American troops on its soil": the host is
    the state named last before in this sentence, else the first one of the sentence before,
    that is not the troops' own; "its soil" is the sentence's first state's."""
    text, sent = env.parsed.text, env.sent
    cue = _HOST_ANAPHOR.match(text, m.end(), min(sent.end, m.end() + ROLE_WINDOW + 30))
    if cue is None:
        return [], ""
    kind = " ".join((cue.group("kind") or "").lower().split())
    # "the kingdom" may look further back, to the monarchy named before
    # (with no state in the sentence before, the one before that: "UN peacekeepers remain
    # deployed across the country" after a sentence on the talks' venue)
    own = {a.actor.country for a in env.pool if a.start < m.start() < a.end
           or (a.end <= m.start() and _MOD_NEAR.fullmatch(text, a.end, m.start())
               and not _JOINED.search(text, a.end, m.start()))}
    # the source found first is no host of its own troops ("Brazil, which keeps troops in
    # the country": the country is another one)
    kept = {id(a) for a in actors}
    own |= {a.actor.country for a in env.actors if id(a) not in kept}
    there = cue.group(0).lower().endswith("there")
    for back in ((2,) if kind else (1, 2)):
        floor = env.parsed.sentences[max(0, sent.i - back)].start
        # a venue is no host of "the country" ("signed in Addis Ababa"), but "there" is
        # "his country" is a person's: the state of the leader named before
        states = [a for a in env.pool if floor <= a.start and a.end <= m.start() and a.actor.country
                  and (a.actor.kind == "state" or cue.group("his") and a.actor.kind == "person") and (not kind or a.actor.country in MONARCHIES[kind])
                  and (there or not _VENUE_BEFORE.search(text, max(0, a.start - 12), a.start)
                       or _NO_VENUE.search(text, max(0, a.start - 30), a.start))
                  # a part of the land is no agent's: "brokered by the United States ... the
                  # troops were to leave the south"
                  and not (cue.group("part") and _AGENT_BEFORE.search(text, max(0, a.start - 60), a.start))]
        if any(a.actor.country not in own for a in states):
            break
    if cue.group("its"):
        states = [a for a in states if a.start >= sent.start][:1]
    here = [a for a in states if a.start >= sent.start and a.actor.country not in own]
    # the last one named in this sentence, else the topic of the one before: its first state
    # ("Niger's junta revoked the accord with Washington ... Russia sent instructors to the
    # country": Niger)
    # ("there" is the place named last, wherever: "troops in Syria. Russia keeps forces there")
    before = [a for a in states if a.actor.country not in own]
    host = here[-1] if here else (before[-1] if there else before[0]) if before else None
    return ([PlaceHit(country_ref(host.actor, env.pool), None, host.text)] if host else []), "in"


def _in_named_host(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """``in_anaphor`` for a base, save "there" (which takes the place named last, often the
    last of a list of owners: "hosts bases of the US, France and Italy. China opened its base
    there")."""
    cue = _HOST_ANAPHOR.match(env.parsed.text, m.end(), min(env.sent.end, m.end() + ROLE_WINDOW + 30))
    if cue is None or cue.group(0).lower().endswith("there"):
        return [], ""
    return _in_anaphor(env, m, actors)


def _from_place(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The country of what follows "from"/"out of": the land troops are to leave ("to pull
    out of northern Syria", "withdraw from eastern Congo")."""
    hit = in_target(env, m, actors, cue=r"\b(?:from|out\s+of)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?(?=[A-Z])")
    return (_with_second_host(env, m, actors, hit) if hit is not None and hit.ref is not None else []), "in"


def _land_before(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The land named before the trigger in its sentence, by its country: "Crimea remains
    under Russian occupation" (a place short of a country), else the state named last
    ("Kyiv says the peninsula is under Russian occupation")."""
    for p in reversed([p for p in env.places if env.sent.start <= p.start and p.end <= m.start()]):
        loc = env.place_ref(p.place)
        if loc.country and not is_country(loc):
            return [PlaceHit(ref_for_id(loc.country, env.pool), loc, p.text)], "in"
    states = [a for a in actors if env.sent.start <= a.start and a.end <= m.start() and a.actor.country]
    return ([PlaceHit(country_ref(states[-1].actor, env.pool), None, states[-1].text)] if states else []), "in"


def is_base(location: Any) -> bool:
    """A military base by its gazetteer name ("Al Udeid Air Base", "Ream Naval Base")."""
    return bool(location is not None and _BASE_NAME.search(str(getattr(location, "name", ""))))


# After a name, what makes it no host: an IGO's possessive ("in NATO's forward battlegroup
# in Estonia"), a state's border ("massed troops near Ukraine's borders and in Belarus").
_POSSESSIVE_AFTER = re.compile(r"['’]s?\s")
_BORDER_AFTER = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:borders?|frontiers?)\b")


def in_target(env: SentenceEnv, m: Any, actors: Sequence[Any], *,
              cue: str = r"\b(?:(?:in|at|on|near|inside|along|across|into|through)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?|to\s+(?:the\s+)?"
                         r"(?:(?:neighbou?ring|nearby|northern|southern|eastern|western|central)\s+)?)(?=[A-Z])"
              ) -> PlaceHit | None:
    """The host (country ref or None) and place (or None) of what follows "in"/"at"/"on": the first
    cue whose name is a known place or actor ("bases at Akrotiri and Dhekelia in Cyprus"
    reads past the unknown Akrotiri)."""
    text, sent = env.parsed.text, env.sent
    # "to" takes its host at once ("deployed to Estonia"), not "sent troops to fight for Russia"
    for hit in re.finditer(cue, text[m.end():min(sent.end, m.end() + ROLE_WINDOW)]):
        at = m.end() + hit.end()
        place = next((p for p in env.places if p.start == at or at <= p.start <= at + 4), None)
        actor = next((a for a in actors if at <= a.start <= at + 4), None)
        named = actor or place
        if named is not None and (
                actor is not None and actor.actor.kind == "igo" and _POSSESSIVE_AFTER.match(text, actor.end)
                or hit.group(0).lower().startswith(("near", "along")) and _BORDER_AFTER.match(text, named.end)):
            continue  # "in NATO's battlegroup in Estonia", "near Ukraine's borders and in Belarus"
        if place is not None:
            loc = env.place_ref(place.place)
            country = actor.actor if actor is not None and actor.start == place.start \
                and actor.actor.kind in {"state", "igo"} else None
            ref = country_ref(country, env.pool) if country is not None else \
                ref_for_id(loc.country, env.pool) if loc.country else None
            return PlaceHit(ref, loc, place.text)
        if actor is not None and (actor.actor.kind in {"state", "igo"} or actor.actor.country):
            return PlaceHit(country_ref(actor.actor, env.pool), None, actor.text)
        if actor is not None:
            return None  # "at Tartus" read as a company: no host rather than a wrong one
    return None


def place_after(env: SentenceEnv, m: re.Match[str], taken: Sequence[Any] = ()) -> PlaceHit | None:
    """The first place named in the role window after the trigger, else the last one before
    it, not in the ``taken`` mentions of the sides: what a claim or an occupation is about ("claims the British-held Falkland Islands", "occupies the Golan
    Heights")."""
    places = [p for p in env.places  # the claimant's own name is no place at stake
              if not any(a.start < p.end and p.start < a.end for a in taken)]
    for p in places:
        if m.end() <= p.start <= m.end() + ROLE_WINDOW and p.end <= env.sent.end:
            loc = env.place_ref(p.place)
            if is_country(loc) and not _OBJECT_GAP.fullmatch(env.parsed.text, m.end(), p.start):
                continue  # "occupied the West Bank since the 1967 war with Jordan"
            return PlaceHit(None, loc, p.text)
    # passive voice: "The Essequibo region is claimed by Venezuela"
    before = [p for p in places if env.sent.start <= p.start and p.end <= m.start()]
    return PlaceHit(None, env.place_ref(before[-1].place), before[-1].text) if before else None


def is_country(location: Any) -> bool:
    return str(getattr(location, "location_id", "")).startswith("country:")


PLACE_ROLES = {"place": _place, "in": _in, "base_owner": _base_owner, "base_site": _base_site,
               "site_before": _site_before, "site_mod": _site_mod, "place_far": _place_far,
               "site_subject": _site_subject, "where": _where, "in_anaphor": _in_anaphor, "in_named_host": _in_named_host,
               "left_place": _left_place, "from_place": _from_place,
               "land_before": _land_before}
