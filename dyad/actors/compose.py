"""Patterns: how items join into actor mentions.

A sentence becomes a list of items (see ``dyad.actors.itemize``): ``anchor`` (a
dictionary entry: country name, demonym, capital, seat of power, institution),
``person``, ``org`` (an organisation the dictionary does not know), ``title``, ``body``
and plain ``word``s. ``Composer`` matches the patterns described in
``dyad.actors.resolve`` over the items, left to right; an item belongs to at most one
mention, so nothing inside a longer mention is resolved again.
"""

from __future__ import annotations

from dyad.actors.dictionary import ActorDictionary
from dyad.actors.items import (
    COORDINATORS, DETERMINERS, FORMER, GROUP_QUALIFIERS, LOCAL_GOVERNMENT, LOCATED_SECTORS,
    MODIFIERS, POSSESSIVE, REGION_WORDS, VISITORS, Composite, Item, ResolvedMention,
    is_country,
)
from dyad.actors.itemize import ItemReader
from dyad.actors.records import STATE_SECTORS
from dyad.nlp.parsed import Entity, ParsedDoc


class Composer(ItemReader):
    """Resolves one document; holds the per-document state (people named so far)."""

    def __init__(self, doc: ParsedDoc, dictionary: ActorDictionary, date: str | None) -> None:
        self.doc, self.d, self.date = doc, dictionary, date
        self.ent_at: dict[int, Entity] = {e.token_start: e for e in doc.entities}
        self.out: list[ResolvedMention] = []
        self.surnames: dict[str, str | None] = {}  # surname -> person key (None: two people)
        self.doc_countries = self._named_countries()
        self.sent_items: list[list[Item]] = []

    def run(self) -> list[ResolvedMention]:
        self.sent_items = [self.items(sent) for sent in self.doc.sentences]
        starters = DETERMINERS | FORMER | MODIFIERS
        for items in self.sent_items:
            self.relink(items)
            self.titled_names(items)
            p = 0
            while p < len(items):
                if items[p].kind in ("word", "skip") and items[p].norm not in starters:
                    p += 1  # no pattern starts with a plain word: the common, fast case
                    continue
                found = self.forward(items, p) or self.reverse(items, p)
                if found is None:
                    p += 1
                    continue
                comp, p = found
                self.emit(comp)
        return self.out

    def _named_countries(self) -> set[str]:
        """Countries named unambiguously in the document: they settle ambiguous names."""
        named = set()
        for e in self.doc.entities:
            found = {x.country for x in self.d.lookup(e.text) if x.kind == "state" and x.country}
            if len(found) == 1 and self.d.ambiguity(e.text) is None:
                named |= found
        return named

    def supporter_prefix(self, item: Item) -> bool:
        """Whether a country name follows "pro-" or "anti-" ("pro-Russian separatists")."""
        before = self.doc.text[max(0, self.doc.tokens[item.ts].start - 6):
                               self.doc.tokens[item.ts].start].lower()
        return before.endswith(("pro-", "anti-", "pro ", "anti "))

    def era_suffix(self, item: Item) -> bool:
        """Whether a country name opens a period adjective ("Soviet-era tanks", "an
        Ottoman-era island"): a time, not an actor."""
        after = self.doc.text[self.doc.tokens[item.te - 1].end:self.doc.tokens[item.te - 1].end + 4]
        return after.lower() == "-era" or item.text.lower().endswith("-era")

    # -- patterns ---------------------------------------------------------------------------
    def skip(self, items: list[Item], q: int, words: frozenset[str]) -> tuple[int, bool]:
        former = False
        while q < len(items) and items[q].kind == "word" and items[q].norm in words:
            former |= items[q].norm in FORMER
            q += 1
        return q, former

    def forward(self, items: list[Item], p: int) -> tuple[Composite, int] | None:
        n = len(items)
        q, former = self.skip(items, p, DETERMINERS | FORMER | MODIFIERS)
        if q >= n:
            return None
        c = Composite(ts=items[q].ts, te=items[q].te)
        if is_country(items[q]) and (self.supporter_prefix(items[q]) or self.era_suffix(items[q])):
            return None  # "pro-Russian separatists" are not Russia's, "Soviet-era" is a time
        if items[q].kind in ("anchor", "org"):
            c.anchors.append(items[q])
            q += 1
            after_first = q
            while is_country(c.anchors[-1]):  # "French and German troops"
                r = q
                if r < n and items[r].text == ",":
                    r += 1
                if r < n and items[r].norm in COORDINATORS:
                    r += 1
                if r == q or r >= n or not is_country(items[r]):
                    break
                c.anchors.append(items[r])
                q = r + 1
            r = q + 1 if q < n and items[q].text in POSSESSIVE else q
            if (r < n and items[r].kind == "anchor" and not is_country(items[r])
                    and len(c.anchors) == 1 and is_country(c.anchors[0])):
                c.anchors.append(items[r])  # "the Polish Sejm", "Iran's Revolutionary Guards"
                c.joined = True
                q = r + 1
            if q < n and items[q].kind == "word" and items[q].text in POSSESSIVE:
                q += 1
        q, more = self.skip(items, q, FORMER | MODIFIERS | (GROUP_QUALIFIERS if c.anchors else frozenset()))
        former |= more
        while q < n and items[q].kind == "body":
            c.bodies.append(items[q])
            q += 1
        if (c.anchors and is_country(c.anchors[-1]) and not c.bodies and q < n
                and items[q].kind == "org"):
            c.org = items[q]
            q += 1
        q, more = self.skip(items, q, FORMER | MODIFIERS)
        former |= more
        while q < n and items[q].kind == "title":
            c.titles.append(items[q])
            q += 1
            if q + 1 < n and items[q].norm in COORDINATORS and items[q + 1].kind == "title":
                q += 1
            q, more = self.skip(items, q, MODIFIERS)
            former |= more
        q = self.attach_person(items, q, c)
        c.former = former
        if c.person is None and not (c.titles or c.bodies or c.org or c.joined):
            if not c.anchors:
                return None
            c.anchors, q = c.anchors[:1], after_first  # a bare name: coordination not used
        elif c.person is None and not c.anchors and not any(t.title and t.title.country for t in c.titles):
            c.context = self.named_body_country(items, p, c) or self.located_in(items, q, c)
            if c.context is None:
                return None
        elif c.person is not None and not (c.anchors or c.titles or c.bodies or c.org):
            q = self.apposition(items, q, c)
        elif c.person is not None and not c.anchors:
            q = self.of_country(items, q, c)  # "President Abdelaziz Bouteflika of Algeria"
        last = c.person or c.org or (c.titles or c.bodies or c.anchors)[-1]
        c.te = max(c.te, last.te)
        return c, q

    def named_body_country(self, items: list[Item], p: int, c: Composite) -> tuple[str, str] | None:
        """The country of a state body written as a proper name after "the" ("the National
        Assembly", "the Supreme Court") from the text around it; generic lower-case bodies
        ("the government", "troops") are left alone, as are bodies with a title."""
        if len(c.bodies) != 1 or c.titles or c.former:
            return None
        body = c.bodies[0]
        words = [w for w in body.text.split() if w.lower() not in ("of", "the", "and")]
        after_the = body.norm.startswith("the ") or (items[p] is not body and items[p].norm == "the")
        if (body.body is None or body.body.sector not in STATE_SECTORS or not after_the
                or not words or not all(w[:1].isupper() for w in words)):
            return None
        return self.preceding_country(body.ts)

    def located_in(self, items: list[Item], q: int, c: Composite) -> tuple[str, str] | None:
        """The country a domestic group is "in" ("rebels in Mali", "protesters in Tehran",
        "a court in Moscow"): a country or capital right after "in"; armed forces and
        officials ("troops in Iraq") and people who are often foreigners where they are
        (refugees, tourists, hostages) are left alone. Refugees "from" a country are its."""
        if len(c.bodies) != 1 or c.titles or c.former or q + 1 >= len(items):
            return None
        body = c.bodies[0]
        if body.body is None:
            return None
        # refugees are coded with the country they fled: "refugees from Sudan" are SDN
        origin = body.body.sector == "REF" and items[q].norm == "from"
        local = body.body.sector in LOCATED_SECTORS or body.norm in LOCAL_GOVERNMENT
        if not origin and (not local or body.norm in VISITORS or items[q].norm != "in"):
            return None
        if q + 2 < len(items) and items[q + 1].norm in REGION_WORDS:
            q += 1  # "separatists in eastern Ukraine"
        place = items[q + 1]
        if place.kind != "anchor" or place.entry is None or not is_country(place):
            return None
        code = place.entry.code or place.entry.country
        if code is None or code not in self.d.countries:
            return None
        if origin:
            return code, f"'{body.text}' from '{place.text}': refugees of the country they fled"
        return code, f"'{body.text}' in '{place.text}': a group of the country it is in"

    def attach_person(self, items: list[Item], q: int, c: Composite) -> int:
        n = len(items)
        if q < n and items[q].kind == "person":
            c.person = items[q]
            return q + 1
        if not c.titles or q + 1 >= n:
            return q
        if items[q].text == "," and items[q + 1].kind == "person":
            c.person = items[q + 1]
            return q + 2
        posted = self.posted_to_name(items, q, c)
        if posted is not None and items[posted].kind == "person":  # "Ambassador to Japan Rahm Emanuel"
            c.person = items[posted]
            return posted + 1
        if items[q].norm in ("of", "for"):  # "Minister for Interior Aftab Sherpao"
            r = q + 1
            while (r < n and r - q <= 4 and items[r].kind in ("word", "body")
                   and (items[r].text[:1].isupper() or items[r].norm in ("and", "the"))):
                r += 1
            if r < n and items[r].kind == "person":
                c.person = items[r]
                return r + 1
        return q

    @staticmethod
    def of_country(items: list[Item], q: int, c: Composite) -> int:
        """PERSON of [the] COUNTRY|INSTITUTION: the person's country or body ("President
        Abdelaziz Bouteflika of Algeria", "Ismail Haniyeh of Hamas")."""
        r = q + 1
        if r < len(items) and items[r].norm == "the":
            r += 1
        if r < len(items) and items[q].norm == "of" and items[r].kind == "anchor":
            c.anchors.append(items[r])
            c.appositive = True
            return r + 1
        return q

    def apposition(self, items: list[Item], q: int, c: Composite) -> int:
        """PERSON , [the] [former] [COUNTRY ['s]] [BODY] TITLE ("Kofi Annan, UN
        secretary-general"), or PERSON of COUNTRY."""
        n = len(items)
        if q + 1 < n and items[q].norm == "of":
            return self.of_country(items, q, c)
        if q >= n or items[q].text != ",":
            return q
        probe = Composite(ts=c.ts, te=c.te)
        r, former = self.skip(items, q + 1, DETERMINERS | FORMER | MODIFIERS)
        if r < n and items[r].kind == "anchor":
            probe.anchors.append(items[r])
            r += 1
            if r < n and items[r].text in POSSESSIVE:
                r += 1
        while r < n and items[r].kind == "body":
            probe.bodies.append(items[r])
            r += 1
        r, more = self.skip(items, r, MODIFIERS | FORMER)
        while r < n and items[r].kind == "title":
            probe.titles.append(items[r])
            r += 1
        if not probe.titles or (r < n and items[r].kind == "person"):
            return q  # "Lavrov, the Chinese foreign minister Wang Yi": the title is Wang's
        c.anchors, c.bodies, c.titles = probe.anchors, probe.bodies, probe.titles
        c.former, c.appositive = former or more, True
        c.te = probe.titles[-1].te
        return r

    @staticmethod
    def more_countries(items: list[Item], q: int, c: Composite) -> int:
        """Countries coordinated after the first one of BODY|TITLE of COUNTRY ("the
        defence ministers of Japan, Australia and the Philippines"); each gets the body."""
        n = len(items)
        while q < n:
            r = q
            if items[r].text == ",":
                r += 1
            if r < n and items[r].norm in COORDINATORS:
                r += 1
            if r < n and items[r].norm == "the":
                r += 1
            if r == q or r >= n or not is_country(items[r]):
                break
            c.anchors.append(items[r])
            c.te = items[r].te
            q = r + 1
        return q

    def reverse(self, items: list[Item], p: int) -> tuple[Composite, int] | None:
        """BODY|TITLE of [the] COUNTRY [, PERSON]: "the parliament of Norway"."""
        n = len(items)
        q, former = self.skip(items, p, DETERMINERS | FORMER | MODIFIERS)
        c = Composite(ts=items[min(q, n - 1)].ts, te=items[min(q, n - 1)].te, former=former)
        while q < n and items[q].kind in ("body", "title"):
            (c.bodies if items[q].kind == "body" else c.titles).append(items[q])
            q += 1
        if not (c.bodies or c.titles) or q + 1 >= n or items[q].norm != "of":
            return None
        q += 1
        if items[q].norm == "the" and q + 1 < n:
            q += 1
        if not (items[q].kind == "anchor"):
            return None
        c.anchors.append(items[q])
        c.te = items[q].te
        q += 1
        if is_country(c.anchors[0]):  # "the foreign ministers of India and Pakistan"
            q = self.more_countries(items, q, c)
        if len(c.anchors) > 1:
            return c, q
        if q < n and items[q].kind == "person" or (q + 1 < n and items[q].text == ","
                                                   and items[q + 1].kind == "person"):
            q += items[q].kind != "person"
            c.person = items[q]
            c.te = items[q].te
            q += 1
        return c, q
