"""The pieces actor resolution works with: items of a sentence, composites of items, and
the raw mentions they become. Shared by ``itemize`` (reading), ``compose`` (patterns) and
``emit`` (actors)."""

from __future__ import annotations

from dataclasses import dataclass, field

from dyad.actors.records import FORMS, Ambiguity, Body, Country, Entry, Title
from dyad.model import Actor

# A capital after these words is a place ("talks in Paris"), not its government.
LOCATIVE = frozenset({"in", "at", "near", "into", "inside", "outside", "via", "across",
                      "around", "throughout", "within", "toward", "towards", "through"})
DETERMINERS = frozenset({"the", "a", "an"})
FORMER = frozenset({"former", "ex", "ex-", "ousted", "deposed", "exiled"})
MODIFIERS = frozenset({"deputy", "vice", "acting", "interim", "junior", "senior", "first", "new",
                       "newly", "appointed", "outgoing", "incoming", "top", "caretaker", "then",
                       "current", "veteran", "powerful", "longtime", "assistant", "-"})
# Words that qualify a group between its country and its noun: "Iraqi Shiite militias",
# "Syrian Kurdish fighters", "Nigerian Islamist militants".
GROUP_QUALIFIERS = frozenset({
    "shiite", "shia", "shi'ite", "sunni", "kurdish", "islamist", "islamic", "muslim",
    "christian", "jihadist", "armed", "radical", "ethnic", "tribal", "local", "rival", "maoist",
    "hardline", "hard-line", "militant", "separatist", "secessionist", "communist", "royalist",
    "loyalist", "dissident", "exiled", "renegade", "breakaway", "unarmed", "angry", "striking",
})
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
COORDINATORS = frozenset({"and", "or", "&"})
# A name followed by one of these is part of another name ("Paris Agreement", "Beijing Olympics").
NON_ACTOR_HEADS = frozenset({
    "agreement", "agreements", "accord", "accords", "protocol", "convention", "conventions",
    "declaration", "summit", "club", "consensus", "format", "process", "conference", "olympics",
    "games", "marathon", "open", "university", "airport", "exchange", "zoo", "metro", "times",
    "post", "daily", "herald", "tribune", "orchestra", "museum", "index", "cup", "fc", "war",
})
# Words in the name of an armed group the dictionary does not know ("Oromo Liberation Front",
# "Karen National Liberation Army"): with an army/forces/front head it is REB, not MIL.
ARMED_GROUP_WORDS = frozenset({"liberation", "independence", "resistance", "rebel", "rebels",
                               "mujahideen", "mujahedeen", "jihad", "insurgent", "insurgents"})
ARMED_GROUP_HEADS = frozenset({"army", "forces", "force", "front", "movement", "brigade",
                               "brigades", "militia", "militias", "organisation", "organization"})
# Groups that take the country they are "in" when no other country qualifies them ("rebels in
# Mali", "protesters in Tehran", "a court in Moscow"): domestic sectors only, courts, police and
# legislatures included (they only sit at home). Troops and officials are often abroad;
# refugees, tourists, hostages, crews and the like are as often foreigners where they are.
LOCATED_SECTORS = frozenset({"REB", "OPP", "PRM", "UAF", "CRM", "LAB", "AGR", "EDU", "REL",
                             "CVL", "JRN", "MED", "JUD", "COP", "LEG"})
# The government bodies that are the place's own: "the de facto authorities in Abkhazia", "the
# government in Kabul" (not officials, diplomats or embassies, who are often foreign).
LOCAL_GOVERNMENT = frozenset({"authorities", "government", "regime", "administration",
                              "leadership", "junta"})
# A part of a country between "in" and its name: "rebels in eastern Congo".
REGION_WORDS = frozenset({
    "eastern", "western", "northern", "southern", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north", "south", "east", "west", "rural", "occupied"})
VISITORS = frozenset({
    "tourists", "holidaymakers", "travellers", "travelers", "passengers", "hostages",
    "detainees", "prisoners", "expatriates", "expats", "nationals", "national", "workers abroad",
    "sailors", "seafarers", "crew members", "crew", "aid workers", "volunteers", "pilgrims",
    "settlers", "colonists", "correspondents", "fishing crews", "fishing boats",
    "fishing vessels"})
# Entity labels that are never actors.
SKIP_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL",
                         "WORK_OF_ART", "LANGUAGE", "PRODUCT", "EVENT", "LAW"})
SECTOR_NOUNS = {
    "GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary",
    "COP": "police", "SPY": "intelligence", "PRM": "paramilitaries", "PTY": "parties",
    "REB": "rebels", "UAF": "gunmen", "UNK": "unidentified", "AGR": "farmers",
    "BUS": "business", "CRM": "criminals", "CVL": "civilians", "EDU": "education",
    "ELI": "former officials", "JRN": "media", "LAB": "labour", "MED": "health",
    "REF": "refugees", "OPP": "opposition", "PRE": "authorities", "REL": "religious bodies",
    "SOC": "civil society", "NGO": "NGOs",
}


@dataclass(slots=True)
class Item:
    kind: str  # anchor | person | org | title | body | word | skip
    ts: int
    te: int
    text: str = ""
    entry: Entry | None = None
    entries: tuple[Entry, ...] = ()  # candidates of an ambiguous anchor
    amb: Ambiguity | None = None
    title: Title | None = None
    body: Body | None = None

    @property
    def norm(self) -> str:
        return self.text.lower()


@dataclass(slots=True)
class Composite:
    ts: int
    te: int
    anchors: list[Item] = field(default_factory=list)
    org: Item | None = None
    bodies: list[Item] = field(default_factory=list)
    titles: list[Item] = field(default_factory=list)
    person: Item | None = None
    former: bool = False
    appositive: bool = False
    joined: bool = False  # a country and the institution it qualifies: "the Polish Sejm"
    context: tuple[str, str] | None = None  # (country, why) of a body named without one


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """One actor mention: its span, the actor it stands for and why."""

    start: int
    end: int
    text: str
    token_start: int
    token_end: int
    sentence: int
    actor: Actor  # without mentions; collect_actors groups mentions by actor
    reason: str
    code: str | None = None  # PLOVER country slot: ISO3, or IGO/NGO/IMG for non-state actors
    role: str | None = None  # head_of_state, foreign_minister, ... for people with a title



def state_mention(country: Country, start: int, end: int, text: str, token_start: int,
                  token_end: int, sentence: int, reason: str) -> ResolvedMention:
    """A mention of ``country`` read from words that do not name it ("the kingdom", "the
    North", "the Baltic states"), as the dictionary's own state entries make it: an entity
    PLOVER codes under another state carries that state and the sector PRE."""
    actor = Actor(actor_id=country.iso3, name=country.name, kind="state",
                  country=country.actor_country, sector="PRE" if country.pre else None)
    return ResolvedMention(start, end, text, token_start, token_end, sentence, actor,
                           reason + (" PRE" if country.pre else ""), country.actor_country, None)

# Reasons given to a name no dictionary knows (emit.py writes them, names_unknown reads them).
UNKNOWN_ORGANISATION = "not in the dictionary"
UNKNOWN_PERSON = "PERSON entity without title or dictionary entry"


def names_unknown(m: ResolvedMention) -> bool:
    """Whether the mention is only the model's guess: an organisation or person that no
    dictionary row, title or earlier mention vouches for."""
    return m.actor.kind in ("person", "organisation") and (
        UNKNOWN_PERSON in m.reason or UNKNOWN_ORGANISATION in m.reason)


def strip_possessive(name: str) -> str:
    """"Vieira's" -> "Vieira"; a name that is only an apostrophe stays as it is."""
    for suffix in POSSESSIVE:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def is_country(item: Item) -> bool:
    return item.kind == "anchor" and (item.entry is None or item.entry.form in FORMS)
