"""What the words around a mention say about it: a place or an agent, and whose person.

Two questions the patterns cannot answer alone:

* Is a capital a place or its government? "Paris said" is the French government; "talks
  in Paris", "flew to Tokyo", "arrived from Moscow", "visited Beijing" name places.
* Whose is a titled person the text gives no country for? "President Abdelaziz
  Bouteflika said Algeria would not negotiate": news style leaves the country to the
  context. dyad takes it only when the context has exactly one country in play (see
  ``Context.context_country`` for the rule and its limits).
"""

from __future__ import annotations

from dyad.actors.dictionary import ActorDictionary
from dyad.actors.items import COORDINATORS, LOCATIVE, Item, is_country
from dyad.actors.records import STATE_SECTORS, Entry
from dyad.nlp.parsed import ParsedDoc

# "flew to Tokyo", "arrived from Moscow", "left for Paris": after these words (verbs in their
# inflected forms, for sentences without a parse, and nouns of travel) to/from/for lead to a place.
MOTION = frozenset("""
fly flew flown flies flying travel travels travelled traveled travelling traveling arrive arrived
arrives arriving return returned returns returning go went gone goes going head headed heads
heading come came comes coming move moved moves moving drive drove driven sail sailed flee fled
flees fleeing escape escaped deport deported extradite extradited evacuate evacuated withdraw
withdrew withdrawn withdrawing pull pulled relocate relocated transfer transferred back
visit visits trip trips journey flight flights tour arrival departure way route road voyage
train trains ferry ferries bus buses pipeline railway highway corridor
""".split())
DIRECTIONAL = frozenset({"to", "from", "for", "between"})
# "the Chinese ambassador to Washington", "envoy to Kyiv": where a diplomat is posted is a
# place, not the government there (the diplomat acts for the sending state).
POSTED = frozenset("""
ambassador ambassadors envoy envoys embassy embassies consul consulate mission missions
delegation delegations representative representatives emissary chargé charge
""".split())
# "visited Beijing", "left Kabul": the direct object of these verbs is a place.
VISIT = frozenset("""
visit visited visits visiting tour toured touring reach reached reaches enter entered enters
leave left leaves leaving flee fled
""".split())
# "Missiles struck Kyiv", "Seoul was hit by floods": what these verbs strike is a place.
STRIKE = frozenset("""
strike struck strikes striking hit hits hitting bomb bombed bombs bombing bombard bombarded
shell shelled shells shelling pound pounded pounds pounding rock rocked rocks flood flooded
""".split())
# "Beijing's airport", "Beirut's southern suburbs": a city's parts make the city a place.
PLACE_PARTS = frozenset("""
airport airports suburb suburbs outskirts streets street centre center downtown district
districts neighbourhood neighbourhoods neighborhood neighborhoods port harbour harbor
skyline metro subway hospitals hospital residents mayor city skies outskirt squares square
""".split())
# A country named as one of these is what the sentence acts on, not whose person it is.
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative"})
# Another person's title in the sentence says the country named is not this person's.
COUNTERPART = frozenset({"counterpart", "counterparts", "host", "hosts"})


# Roles whose holders act for their own country at home and abroad. Not judges, prosecutors,
# generals, diplomats or spokespeople: they are as often at an international tribunal, in
# command abroad, or posted to the country the sentence names ("Ambassador X said Iraq ...").
DOMESTIC_ROLES = frozenset({
    "head_of_state", "deputy_head_of_state", "head_of_government", "deputy_head_of_government",
    "foreign_minister", "defence_minister", "trade_minister", "finance_minister",
    "interior_minister", "minister", "speaker", "legislator", "opposition", "police",
    "intelligence",
})


def state_title(item: Item | None) -> bool:
    """A title that makes its holder an official of one state at home ("President",
    "Foreign Minister", "opposition leader"), not a weak one ("official", "leader")."""
    t = item.title if item is not None else None
    return (t is not None and not t.weak and t.country is None and t.role in DOMESTIC_ROLES
            and t.sector is not None and (t.sector in STATE_SECTORS or t.sector == "OPP"))


class Context:
    """The context half of ``Composer`` (which provides the attributes below)."""

    doc: ParsedDoc
    d: ActorDictionary
    sent_items: list[list[Item]]

    def resolve_anchor(self, item: Item) -> tuple[Entry | None, str]:  # provided by Emitter
        raise NotImplementedError

    # -- places -----------------------------------------------------------------------------
    def place_word(self, i: int) -> bool:
        """Whether token ``i`` introduces a place: "in", "at", ... or a "to"/"from"/"for"
        of motion ("flew to", "a visit to", "returned from")."""
        toks = self.doc.tokens
        word = toks[i].text.lower()
        if word in LOCATIVE:
            return True
        if word not in DIRECTIONAL:
            return False
        if word == "to" and i > 0 and toks[i - 1].text.lower() in POSTED:
            return True
        head = toks[toks[i].head]
        if head.i != i and (head.lemma.lower() in MOTION or head.text.lower() in MOTION):
            return True
        return i > 0 and toks[i - 1].sent == toks[i].sent and toks[i - 1].text.lower() in MOTION

    def locative(self, item: Item) -> bool:
        """Whether a name is a place: the object of "in", "at", "flew to", ... (also "in
        Seoul and Tokyo") or of "visited", "left"."""
        toks = self.doc.tokens
        sent = toks[item.ts].sent
        i = item.ts - 1
        if i >= 0 and toks[i].text.lower() == "the":
            i -= 1
        if i >= 0 and toks[i].sent == sent and self.place_word(i):
            return True
        tok = toks[item.te - 1]
        if tok.dep == "pobj" and tok.head != tok.i and self.place_word(tok.head):
            return True
        if tok.dep == "dobj" and toks[tok.head].lemma.lower() in VISIT:
            return True
        if tok.dep in ("dobj", "nsubjpass") and toks[tok.head].lemma.lower() in STRIKE:
            return True  # "missiles struck Kyiv", "Seoul was hit by heavy rain"
        if self.place_part_follows(item):
            return True
        if i >= 0 and toks[i].sent == sent and toks[i].text.lower() in VISIT and not tok.dep:
            return True  # a sentence without a parse: "visited Beijing"
        if i < 0 or toks[i].text.lower() not in COORDINATORS:
            return False
        steps = 0
        while i >= 0 and toks[i].sent == sent and steps < 8:
            word = toks[i].text
            if self.place_word(i):
                return True
            if not (word.lower() in COORDINATORS or word == "," or word[:1].isupper()):
                return False
            i, steps = i - 1, steps + 1
        return False

    def place_part_follows(self, item: Item) -> bool:
        """ "Beijing's airport", "Beirut's southern suburbs": a possessive city followed
        (after at most one lower-case word) by a part of a city is a place."""
        toks = self.doc.tokens
        j = item.te
        if not item.text.endswith(("'s", "\u2019s")):
            if j >= len(toks) or toks[j].text not in ("'s", "\u2019s"):
                return False
            j += 1
        for k in (j, j + 1):
            if k < len(toks) and toks[k].sent == toks[item.ts].sent:
                if toks[k].text.lower() in PLACE_PARTS:
                    return True
                if not toks[k].text.islower():
                    return False
        return False

    # -- whose person -----------------------------------------------------------------------
    def context_country(self, ts: int) -> tuple[str, str] | None:
        """The country of a titled person the text names no country for, and the reason.

        The rule: the sentence has exactly one country in play (every country, capital,
        demonym and state institution it names, including places and other people's
        titles) and names it at least once as an agent rather than as an object or place
        ("President X said Algeria would ..."), and no "counterpart" says that country
        belongs to someone else. A sentence naming no country at all falls back to the
        document under the same rule. Otherwise the person keeps no country: "President X
        warned Iran" or "President X met Iranian officials" do not say X is Iranian.
        """
        sent = self.doc.tokens[ts].sent
        in_play, agents = self.sentence_countries(sent)
        if in_play:
            if len(in_play) == 1 and agents == in_play and not self.has_counterpart(sent):
                return next(iter(in_play)), "the only country named in the sentence"
            return None
        doc_play: set[str] = set()
        doc_agents: set[str] = set()
        for s in range(len(self.sent_items)):
            play, agent = self.sentence_countries(s)
            doc_play |= play
            doc_agents |= agent
        if len(doc_play) == 1 and doc_agents == doc_play:
            return next(iter(doc_play)), "the only country named in the document"
        return None

    def preceding_country(self, ts: int) -> tuple[str, str] | None:
        """The country of a state body named without one ("the National Assembly"): the
        only country named before it in its sentence (as agent, place or qualifier: "In
        Nairobi, the National Assembly ..."), else the only country named in the sentences
        before. Countries named after the body are left out: they are what it acts on as
        often as not ("the National Assembly condemned Israel")."""
        sent = self.doc.tokens[ts].sent
        before = self.countries_before(sent, ts)
        if before:
            return (next(iter(before)), "the only country named before it in the sentence") \
                if len(before) == 1 else None
        earlier: set[str] = set()
        for s in range(sent):
            earlier |= self.countries_before(s, None)
        if len(earlier) == 1:
            return next(iter(earlier)), "the only country named in the sentences before"
        return None

    def countries_before(self, sent: int, ts: int | None) -> set[str]:
        found: set[str] = set()
        for item in self.sent_items[sent]:
            if ts is not None and item.ts >= ts:
                break
            entry = self.resolve_anchor(item)[0] if item.kind == "anchor" else None
            if entry is not None and entry.kind == "state" and entry.country:
                found.add(entry.country)
        return found

    def has_counterpart(self, sent: int) -> bool:
        return any(item.kind in ("title", "word") and item.norm in COUNTERPART
                   for item in self.sent_items[sent])

    def sentence_countries(self, sent: int) -> tuple[set[str], set[str]]:
        """The countries a sentence names, and those it names as an agent (a bare name,
        capital or state institution, not an object, a place or part of a title)."""
        items = self.sent_items[sent]
        in_play: set[str] = set()
        agents: set[str] = set()
        toks = self.doc.tokens
        for k, item in enumerate(items):
            entry: Entry | None = None
            if item.kind == "anchor":
                entry, _ = self.resolve_anchor(item)
            elif item.kind == "person" and item.entry is not None:
                entry = item.entry
            if entry is None or entry.kind not in ("state", "person") or not entry.country:
                continue
            in_play.add(entry.country)
            if entry.kind == "person" or (not is_country(item) and entry.form != "institution"):
                continue
            nxt = k + 1
            if nxt < len(items) and items[nxt].text in ("'s", "\u2019s", "'"):
                nxt += 1
            qualifies = nxt < len(items) and items[nxt].kind in ("title", "body", "person", "org")
            tok = toks[item.te - 1]
            if not qualifies and tok.dep not in OBJECT_DEPS and not self.locative(item):
                agents.add(entry.country)
        return in_play, agents
