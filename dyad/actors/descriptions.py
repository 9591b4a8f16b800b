"""States named by description: "the central African country", "the kingdom", "his country".

News names a state once and then refers back to it by what it is: "Chad ended the pact ...
Around 1,000 French soldiers are based in the central African country". ``with_descriptions`` finds
such definite descriptions and resolves each to the most salient state named before it that
fits the description:

* the description: "the"/"this"/"that", up to five modifiers, and a lower-case head noun
  (country, nation, state, kingdom, republic, island, archipelago, monarchy, emirate,
  sultanate, principality, grand duchy). The modifiers may say where the state is ("Gulf",
  "central African", "Southeast Asian", "Balkan") or what it is ("island", "landlocked"); the
  head may too ("kingdom"). Each is a tag of ``data/regions.tsv`` (a table keyed by ISO
  code), and a candidate state must carry every tag the description asks for. "his/her
  country" is the country of the person it belongs to; "their country" of the people.
* salience, after Lappin and Leass (1994): a state mention scores by recency (100 in the
  description's sentence, halved per sentence back) plus its grammatical role (subject 80,
  object 50, place 40, other 30), plus 35 when its role (not "other") is the
  description's own (parallelism), plus 30 when the state is the mention itself rather
  than the qualifier of an army or a minister (head-noun emphasis); a state keeps its
  best mention. With no parse, a mention opening its sentence is its subject and one
  after "in"/"at"/"to"/"from" a place.
* a state that is another argument of the description's own verb is not what it refers to
  ("French forces left the country" is not France); a possessive one may be ("the minister
  handed over the country's instrument"). Nor is a state qualifying the noun whose
  prepositional phrase holds the description ("American military presence in the country"),
  nor either of two states named alike as conjuncts that tie for the lead ("American and
  French forces have bases in the Emirates, and the country imports gas").
* "its (southern) neighbour" is the most salient state before it other than the one "its"
  stands for (the sentence's subject state, else the state named last); a capital named as
  a venue ("signed in Vienna") is no candidate. Which way the neighbour lies is not checked.

Not descriptions: predicates ("became the first country to ..."; a possessive after a
copula is read: "remains the kingdom's largest supplier"; "as" opening a clause is no
copula: "as the East African nation prepares to ..."), superlatives and ordinals,
"another/other/host/home country", "the nation of Nauru" (the name is resolved itself),
appositions ("Chad, the central African country,"), a "state" without a region or kind
("the state" is as often a US state or the government), any description with a
capitalised word the region table does not know, and a bare "the island"/"the
archipelago" after another capitalised name (it may be that island, not the state).
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from typing import Sequence

from dyad.actors.dictionary import ActorDictionary
from dyad.actors.items import LOCATIVE, ResolvedMention, state_mention
from dyad.actors.tables import read_tsv
from dyad.nlp.parsed import ParsedDoc, Token

# Head nouns and the tag they require ("republic" is any state that is not a monarchy).
HEADS = {"country": None, "nation": None, "state": None, "republic": "republic",
         "kingdom": "kingdom", "monarchy": "monarchy", "emirate": "emirate",
         "sultanate": "sultanate", "principality": "principality", "island": "island",
         "archipelago": "island", "duchy": "grand_duchy", "city-state": None,
         "neighbour": None, "neighbor": None}
NEIGHBOUR = frozenset({"neighbour", "neighbor"})
POSSESSIVE_DETS = frozenset({"his", "her", "their", "its"})
DEFINITE_DETS = frozenset({"the", "this", "that"})
# Modifier phrases and the tag they require; longest phrases are matched first.
PHRASES = {
    "african": "africa", "north african": "north_africa", "northern african": "north_africa",
    "maghreb": "maghreb", "west african": "west_africa", "western african": "west_africa",
    "central african": "central_africa", "east african": "east_africa",
    "eastern african": "east_africa", "horn of africa": "horn_of_africa",
    "southern african": "southern_africa", "sahel": "sahel", "sahelian": "sahel",
    "middle eastern": "middle_east", "mideast": "middle_east", "middle east": "middle_east",
    "arab": "arab", "gulf": "gulf", "gulf arab": "gulf", "persian gulf": "gulf",
    "levantine": "levant", "asian": "asia", "central asian": "central_asia",
    "south asian": "south_asia", "southeast asian": "southeast_asia",
    "south east asian": "southeast_asia", "east asian": "east_asia",
    "northeast asian": "east_asia", "himalayan": "himalayan", "caucasus": "caucasus",
    "caucasian": "caucasus", "south caucasus": "south_caucasus",
    "south caucasian": "south_caucasus", "european": "europe",
    "western european": "western_europe", "west european": "western_europe",
    "central european": "central_europe", "eastern european": "eastern_europe",
    "east european": "eastern_europe", "southern european": "southern_europe",
    "northern european": "northern_europe", "balkan": "balkan", "baltic": "baltic",
    "nordic": "nordic", "scandinavian": "scandinavian", "iberian": "iberian",
    "alpine": "alpine", "mediterranean": "mediterranean", "latin american": "latin_america",
    "north american": "north_america", "central american": "central_america",
    "south american": "south_america", "caribbean": "caribbean", "andean": "andean",
    "pacific": "pacific", "south pacific": "pacific", "indian ocean": "indian_ocean",
    "island": "island", "islands": "island", "atoll": "island", "archipelago": "island",
    "archipelagic": "island", "landlocked": "landlocked", "land locked": "landlocked",
    "jewish": "jewish", "communist": "communist", "grand": "", "adriatic": "adriatic",
    "city": "city_state", "self governing": "self_governing", "self ruled": "self_governing",
}
_PHRASE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, PHRASES), key=len, reverse=True))
                     + r")\b")
# Modifiers that make the description not one state in focus: another one, a role in a
# relation ("the host country"), a rank (a predicate: "the first country to ratify").
NOT_ANAPHORIC = frozenset("""
another other others host home member third same first last only next second sole single
former newest latest one ex neighbouring neighboring transit origin destination partner
donor recipient candidate signatory observer founding
""".split())
NOT_SUPERLATIVE = frozenset({"southwest", "northwest", "midwest", "modest", "honest"})
COPULAS = frozenset({"be", "is", "are", "was", "were", "been", "being", "become", "became",
                     "becomes", "becoming", "remain", "remains", "remained", "as"})
# Function words never inside a description's modifiers.
STOP = frozenset("""
a an and or but of in on at to from for by with about into over under after before than
that which who whom whose this these those it its his her their our your my is are was were
be been has have had will would can could should may might not no
""".split())
# Capitalised words that name no place: they do not stop "the island" (see _other_name_between).
# A named island group that is no state ("the Chagos Islands"): "the archipelago" may be it.
_ISLAND_NAME = re.compile(r"\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s+(?:Islands?|Isles|Archipelago|Atoll)\b")
CALENDAR = frozenset("""january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday""".split())
SENTENCES_BACK = 2  # how far back a description looks; one with a region or kind looks further
SENTENCES_BACK_TAGGED = 4
ROLE_WEIGHT = {"subject": 80, "object": 50, "place": 40, "other": 30}
PARALLEL = 35
HEAD = 30  # the state is the mention's head ("Niger"), not its qualifier ("Niger's army")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
NOMINAL_LINKS = frozenset({"poss", "compound", "amod", "nmod", "appos", "conj", "case"})


@functools.cache
def region_tags() -> dict[str, frozenset[str]]:
    """ISO3 -> the tags of ``data/regions.tsv``."""
    text = importlib.resources.files("dyad.actors").joinpath("data", "regions.tsv").read_text("utf-8")
    return {row.get("iso3"): frozenset(row.items("tags")) for row in read_tsv(text, "regions.tsv")}


def with_descriptions(parsed: ParsedDoc, mentions: Sequence[ResolvedMention],
                      dictionary: ActorDictionary) -> list[ResolvedMention]:
    """``mentions`` plus a mention for each definite description of a state in ``parsed``
    that resolves to a state named before it. A demonym inside a region the description
    names ("American" in "the South American nation") gives way to the description."""
    tags = region_tags()
    out: list[ResolvedMention] = []
    swallowed: set[int] = set()
    toks = parsed.tokens
    for tok in toks:
        norm = tok.text.lower()
        if norm not in HEADS or tok.text != norm:
            continue  # "the Islamic State", "the Republic of Korea" are names
        nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
        if nxt is not None and nxt.sent == tok.sent and nxt.text.lower() in HEADS:
            continue  # "island" in "the island nation" modifies the head after it
        found = _description(parsed, tok)
        if found is None:
            continue
        ds, wanted, det, regions = found
        inside = [k for k, m in enumerate(mentions) if m.token_start <= tok.i and ds < m.token_end]
        if any(not (ds <= mentions[k].token_start and mentions[k].token_end <= tok.i
                    and mentions[k].text.lower() in regions) for k in inside):
            continue  # a name inside or over it: "the Chinese state", "the Republic of Korea"
        if _apposition(parsed, mentions, ds, tok):
            continue
        if tok.text in NEIGHBOUR:
            pick = _neighbour(parsed, mentions, ds, tok, wanted, tags, dictionary)
        elif det in POSSESSIVE_DETS:
            pick = _possessor(parsed, mentions, det, ds, dictionary)
        else:
            pick = _antecedent(parsed, mentions, ds, tok, wanted, tags, dictionary)
        if pick is None:
            continue
        swallowed.update(inside)
        code, why = pick
        country = dictionary.country(code)
        start, end = toks[ds].start, tok.end
        text = parsed.text[start:end]
        wants = ", ".join(sorted(wanted)) or "any state"
        reason = f"description '{text}' ({wants}) -> {why} -> {country.actor_country}"
        out.append(state_mention(country, start, end, text, ds, tok.i + 1, tok.sent, reason))
    kept = [m for k, m in enumerate(mentions) if k not in swallowed]
    return sorted(kept + out, key=lambda m: (m.start, -m.end))


def _description(parsed: ParsedDoc, head: Token) -> tuple[int, set[str], str, str] | None:
    """(first token of the mention, tags it asks for, determiner, the region phrases read)
    of the description headed by ``head``, or None when it is not an anaphoric description
    of a state."""
    toks = parsed.tokens
    nxt = toks[head.i + 1] if head.i + 1 < len(toks) and toks[head.i + 1].sent == head.sent else None
    if continues(parsed, head):
        return None
    j = head.i - 1
    while j >= 0 and head.i - j <= 6 and toks[j].sent == head.sent:
        w = toks[j].text.lower()
        if w in DEFINITE_DETS or w in POSSESSIVE_DETS or w in STOP or not _modifier(toks[j]):
            break
        j -= 1
    if j < 0 or toks[j].sent != head.sent:
        return None
    det = toks[j].text.lower()
    if det not in DEFINITE_DETS and det not in POSSESSIVE_DETS:
        return None
    if det in POSSESSIVE_DETS and head.text.lower() not in ("country", "nation"):
        if not (det == "its" and head.text.lower() in NEIGHBOUR):
            return None
    elif head.text.lower() in NEIGHBOUR:
        return None  # "the neighbour", "his neighbour": only a state's own neighbour
    possessive = nxt is not None and nxt.text in ("'s", "’s", "'", "’")
    if (j > 0 and toks[j - 1].sent == head.sent and toks[j - 1].text.lower() in COPULAS
            and not possessive and not _subordinator(toks[j - 1])):
        return None  # a predicate: "Finland became the first country to ..."; not "is the kingdom's"
    mods = toks[j + 1:head.i]
    words = [t.text.lower() for t in mods]
    if any(w in NOT_ANAPHORIC or t.tag in ("JJS", "RBS") or t.like_num or _superlative(w)
           for w, t in zip(words, mods)):
        return None
    span = re.sub(r"[\s\-‑–]+", " ", parsed.text[mods[0].start:mods[-1].end].lower()) if mods else ""
    read = _PHRASE.findall(span)
    wanted = {PHRASES[p] for p in read} - {""}
    left = _PHRASE.sub(" ", span)
    caps = [t.text for t in mods if t.text[:1].isupper() and t.text.lower() in left.split()]
    if caps:
        return None  # "the Kurdish region", "the Hermit kingdom": not read, not guessed
    need = HEADS[head.text.lower()]
    if need:
        wanted.add(need if need != "grand_duchy" or "grand" in words else "")
        wanted.discard("")
    if head.text.lower() == "state" and not wanted:
        return None  # "the state": a US state, or the government
    # "his country" is one mention; in "its neighbour" the "its" is left to the coders
    start = j if det in POSSESSIVE_DETS and head.text.lower() not in NEIGHBOUR else j + 1
    return start, wanted, det, " ".join(read)


def continues(parsed: ParsedDoc, head: Token) -> bool:
    """Whether the noun phrase goes on past ``head`` into a name or a compound: "the state
    of emergency", "the nation of Nauru", "country-level". An "of" before a verb does not
    ("accused the emirate of supporting militants")."""
    toks = parsed.tokens
    nxt = toks[head.i + 1] if head.i + 1 < len(toks) and toks[head.i + 1].sent == head.sent else None
    if nxt is None:
        return False
    after = toks[head.i + 2].text if head.i + 2 < len(toks) else ""
    return nxt.text in ("-", "‑") or (nxt.text.lower() == "of" and not after.endswith("ing"))


def _subordinator(tok: Token) -> bool:
    """ "as" opening a clause ("as the East African nation prepares to ..."), which the
    parse marks as a subordinating conjunction: the description is that clause's subject,
    not a predicate ("served as the country's envoy")."""
    return tok.text.lower() == "as" and (tok.dep == "mark" or tok.pos == "SCONJ")


def _superlative(word: str) -> bool:
    """ "largest", "poorest" (for sentences without tags); not "west" or "modest"."""
    return len(word) > 5 and word.endswith("est") and word not in NOT_SUPERLATIVE


def _modifier(tok: Token) -> bool:
    if tok.text in ("-", "‑", "–"):
        return True
    if tok.is_punct or tok.like_num or not re.fullmatch(r"[A-Za-z][\w'-]*", tok.text):
        return False
    return not tok.pos or tok.pos in ("ADJ", "NOUN", "PROPN", "VERB", "ADV", "X")


def _apposition(parsed: ParsedDoc, mentions: Sequence[ResolvedMention], ds: int, head: Token) -> bool:
    """ "Chad, the central African country," or "the Gulf state Qatar": the name is there."""
    toks = parsed.tokens
    before = ds - 2  # the determiner, then the comma
    after = head.i + 1
    return any((before >= 0 and toks[before].text == "," and m.token_end == before
                and m.sentence == head.sent) or m.token_start == after for m in mentions
               if m.actor.kind == "state")


def _state(m: ResolvedMention, dictionary: ActorDictionary) -> str | None:
    stem = m.actor.actor_id.split(".")[0]
    if m.actor.kind == "state" and stem in dictionary.countries:
        return stem
    return m.actor.country if m.actor.country in dictionary.countries else None


def _fits(code: str, wanted: set[str], tags: dict[str, frozenset[str]]) -> bool:
    have = tags.get(code, frozenset())
    need = set(wanted)
    if "republic" in need:
        need.discard("republic")
        if "monarchy" in have or "kingdom" in have:
            return False
    return need <= have


def _antecedent(parsed: ParsedDoc, mentions: Sequence[ResolvedMention], ds: int, head: Token,
                wanted: set[str], tags: dict[str, frozenset[str]],
                dictionary: ActorDictionary, avoid: frozenset[str] = frozenset()
                ) -> tuple[str, str] | None:
    back = SENTENCES_BACK_TAGGED if wanted else SENTENCES_BACK
    own_role = _role(parsed, head.i, ds)
    after = parsed.tokens[head.i + 1].text if head.i + 1 < len(parsed.tokens) else ""
    possessive = after in ("'s", "’s", "'", "’")
    own_verb = None if possessive else _verb(parsed, head.i, through_prep=True)
    best: dict[str, tuple[float, int, str, int]] = {}
    excluded: set[str] = set(avoid)
    for m in mentions:
        if m.token_end > ds or m.sentence < head.sent - back:
            continue
        code = _state(m, dictionary)
        if code is None or not _fits(code, wanted, tags):
            continue
        if not possessive and m.sentence == head.sent and (
                _unparsed_coargument(parsed, m, ds) if own_verb is None
                else _verb(parsed, m.token_end - 1, through_prep=False) == own_verb):
            excluded.add(code)  # "French forces left the country": not France
            continue
        if m.sentence == head.sent and _qualifies_host(parsed, m, head):
            excluded.add(code)  # "American military presence in the country": not the US
            continue
        role = _role(parsed, m.token_end - 1, m.token_start)
        distance = head.sent - m.sentence
        score = (100 / 2 ** distance + ROLE_WEIGHT[role]
                 + (PARALLEL if role == own_role != "other" else 0)
                 + (HEAD if m.actor.actor_id == code else 0))
        why = f"the most salient state before it: '{m.text}' ({role}, {distance} sentence(s) back)"
        last = max(m.token_end, best[code][3]) if code in best else m.token_end
        if code not in best or (score, m.start) > best[code][:2]:
            best[code] = (score, m.start, why, last)
        else:
            best[code] = (*best[code][:3], last)
    ranked = sorted(((s, start, code, why, last) for code, (s, start, why, last) in best.items()
                     if code not in excluded), reverse=True)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0] and _coordinated(
            parsed.text, mentions, ranked[1][1], ranked[0][1]):
        ranked = ranked[2:]  # "American and French forces ..., and the country": neither
    if not ranked:
        return None
    _, _, code, why, last = ranked[0]
    if head.text.lower() in ("island", "archipelago") and (
            _other_name_between(parsed, mentions, last, ds)
            or _island_group_named(parsed, mentions, max(0, head.sent - back), ds)):
        return None  # "Britain keeps the Diego Garcia base. Mauritius claims the archipelago"
    return code, why


def _coordinated(text: str, mentions: Sequence[ResolvedMention], a: int, b: int) -> bool:
    """Whether the mentions starting at characters ``a`` < ``b`` are conjuncts ("American
    and French forces", "Russia or China"): a singular description does not pick out one
    of two states named alike, so it is neither."""
    first = next((m for m in mentions if m.start == a), None)
    return first is not None and first.end <= b and text[first.end:b].strip(" ,") in ("and", "or")


def _island_group_named(parsed: ParsedDoc, mentions: Sequence[ResolvedMention], sent: int,
                        ds: int) -> bool:
    """Whether an island group that is no state ("the Chagos Islands", not "the Solomon
    Islands") is named from sentence ``sent`` up to token ``ds``."""
    states = [(m.start, m.end) for m in mentions if m.actor.kind == "state"]
    found = _ISLAND_NAME.finditer(parsed.text, parsed.sentences[sent].start, parsed.tokens[ds].start)
    return any(not any(a <= n.start() < b for a, b in states) for n in found)


def _other_name_between(parsed: ParsedDoc, mentions: Sequence[ResolvedMention], a: int, b: int) -> bool:
    """Whether a capitalised word no mention covers lies between tokens ``a`` and ``b``: a
    bare "the island" may be that place (an island of a state, a territory), not the state."""
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    toks = parsed.tokens
    for i in range(a, b):
        tok = toks[i]
        first = i == parsed.sentences[tok.sent].token_start
        if (tok.text[:1].isupper() and not first and i not in covered
                and tok.text.lower() not in CALENDAR):
            return True
    return False


def _neighbour(parsed: ParsedDoc, mentions: Sequence[ResolvedMention], ds: int, head: Token,
               wanted: set[str], tags: dict[str, frozenset[str]],
               dictionary: ActorDictionary) -> tuple[str, str] | None:
    """ "its (southern) neighbour": the most salient state before it other than the one
    "its" stands for, which is the subject state of the sentence ("Nigeria cut power to
    its neighbour"), else the state named last before it. Which way the neighbour lies is
    not checked; a kind ("its landlocked neighbour") is."""
    sent = head.sent
    before = [m for m in mentions if m.sentence == sent and m.token_end <= ds
              and _state(m, dictionary) is not None]
    subjects = [m for m in before if _role(parsed, m.token_end - 1, m.token_start) == "subject"]
    owner = subjects[0] if subjects else (before[-1] if before else None)
    if owner is None:
        return None
    code = _state(owner, dictionary)
    states = [m for m in mentions if not _venue(parsed, m, dictionary)]
    pick = _antecedent(parsed, states, ds, head, wanted, tags, dictionary,
                       avoid=frozenset({code}) if code else frozenset())
    if pick is None:
        return None
    return pick[0], f"{pick[1]}, the neighbour of '{owner.text}'"


def _venue(parsed: ParsedDoc, m: ResolvedMention, dictionary: ActorDictionary) -> bool:
    """A capital named as the place something happened ("signed in Vienna"): a venue, not
    a state a text goes on to call a neighbour."""
    entries = dictionary.lookup(m.text)
    return (bool(entries) and all(e.form == "capital" for e in entries)
            and _role(parsed, m.token_end - 1, m.token_start) == "place")


def _possessor(parsed: ParsedDoc, mentions: Sequence[ResolvedMention], det: str, ds: int,
               dictionary: ActorDictionary) -> tuple[str, str] | None:
    """"his country": the country of the most salient person before it (in its sentence,
    else the one before); "their country" of people or a group; "its" of a body."""
    sent = parsed.tokens[ds].sent
    for back in (0, 1):
        cands = []
        for m in mentions:
            if m.sentence != sent - back or m.token_end > ds:
                continue
            code = m.actor.country if m.actor.country in dictionary.countries else None
            kind = m.actor.kind
            fits = (kind == "person" or m.role is not None if det in ("his", "her")
                    else kind in ("person", "group") or m.actor.sector is not None)
            if code is None or not fits or (det == "its" and kind == "person"):
                continue
            role = _role(parsed, m.token_end - 1, m.token_start)
            cands.append((ROLE_WEIGHT[role], m.start, code, m.text, role))
        if cands:
            _, _, code, text, role = max(cands)
            return code, f"the country of '{text}' ({role}), whose it is"
    return None


def _role(parsed: ParsedDoc, i: int, first: int) -> str:
    """subject | object | place | other, from the parse, else from the words before."""
    toks = parsed.tokens
    tok = toks[i]
    if tok.dep:
        for _ in range(3):  # "Niger's ruling junta", "US and French troops": up to the noun
            if tok.dep not in NOMINAL_LINKS or tok.head == tok.i:
                break
            tok = toks[tok.head]
        if tok.dep in SUBJECT_DEPS:
            return "subject"
        if tok.dep == "pobj" and toks[tok.head].text.lower() in LOCATIVE | {"to", "from"}:
            return "place"
        if tok.dep in OBJECT_DEPS:
            return "place" if toks[tok.head].lemma.lower() in ("leave", "visit", "enter") else "object"
        return "other"
    k = first - 1
    if k >= 0 and toks[k].text.lower() in DEFINITE_DETS:
        k -= 1
    if k < 0 or toks[k].sent != tok.sent:
        return "subject"
    return "place" if toks[k].text.lower() in LOCATIVE | {"to", "from"} else "other"


def _verb(parsed: ParsedDoc, i: int, *, through_prep: bool) -> int | None:
    """The verb whose argument token ``i`` is, through noun modifiers ("US troops",
    "Niger's junta") and, with ``through_prep``, a preposition ("in the country"). A state
    inside another argument's prepositional phrase ("the US troops in Niger") is none."""
    toks = parsed.tokens
    tok = toks[i]
    if not tok.dep:
        return None
    for _ in range(6):
        if tok.pos in ("VERB", "AUX"):
            return tok.i
        if tok.head == tok.i or (tok.dep == "pobj" and not through_prep):
            return None
        tok = toks[tok.head]
    return None


def _qualifies_host(parsed: ParsedDoc, m: ResolvedMention, head: Token) -> bool:
    """Whether the state of ``m`` qualifies the noun whose prepositional phrase holds the
    description: "American military presence in the country", "Chinese investment in the
    kingdom", "Russia's bases on the island". The presence, the investment, the bases are
    the state's own; the place they are in is another state."""
    toks = parsed.tokens
    if head.dep != "pobj" or toks[head.head].dep != "prep":
        return False
    host = toks[head.head].head
    if toks[host].pos not in ("NOUN", "PROPN"):
        return False
    tok = toks[m.token_end - 1]
    for _ in range(3):  # "American" -> "presence", "US and French troops" -> "troops"
        if tok.dep not in ("amod", "compound", "poss", "nmod", "conj") or tok.head == tok.i:
            break
        tok = toks[tok.head]
        if tok.i == host:
            return True
    return False


def _unparsed_coargument(parsed: ParsedDoc, m: ResolvedMention, ds: int) -> bool:
    """Without a parse: "Mauritius now governs the archipelago": a state opening the
    sentence, a verb at most two words later, then the description as its object."""
    toks = parsed.tokens
    verb = ds - 2  # the word before the determiner
    return (verb >= 0 and not toks[verb].dep and m.sentence == toks[ds].sent
            and m.token_start == parsed.sentences[m.sentence].token_start
            and 0 <= verb - m.token_end <= 2 and toks[verb].text.islower()
            and toks[verb].text not in STOP and toks[ds - 1].text.lower() in DEFINITE_DETS)
