"""From composites to actors: country, sector, kind, id and the reason for each.

The precedence, most specific first: ``former`` (ELI) > a title with its own sector >
the office-holder dictionary for the document's date > a body ("troops") > the named
institution's sector > a weak title ("official", "leader") > nothing. One exception: a
head of state or government named by a military rank ("army chief Burhan") is GOV. A partially
recognised entity coded under another state (Abkhazia under Georgia) always carries PRE.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dyad.actors.dictionary import ActorDictionary, surnames_of
from dyad.actors.context import Context, state_title
from dyad.actors.items import (
    ARMED_GROUP_HEADS, ARMED_GROUP_WORDS, NON_ACTOR_HEADS, SECTOR_NOUNS, Composite, Item,
    UNKNOWN_ORGANISATION, UNKNOWN_PERSON, ResolvedMention, is_country, strip_possessive,
)
from dyad.actors.records import (
    STATE_SECTORS, Entry, Holder, date_ceiling, date_point, normalise, slugify,
)
from dyad.model import Actor
from dyad.nlp.parsed import ParsedDoc

# Offices that make their holder the state's government even under a military title.
HEAD_ROLES = frozenset({"head_of_state", "head_of_government", "deputy_head_of_state"})


@dataclass(slots=True)
class Base:
    """What the names before a title or body contribute: whose government, army, ..."""

    mode: str  # state (id CODE.SECTOR) | igo (id IGO.X[.SECTOR]) | fixed (the entity itself)
    stem: str  # the id without a sector: "FRA", "IGO.UN", "group.hamas", "org.x"
    name: str
    kind: str
    country: str | None
    code: str | None  # PLOVER country slot
    sector: str | None = None
    pre: bool = False
    reasons: list[str] = field(default_factory=list)


def entry_reason(entry: Entry, surface: str) -> str:
    form = "institution" if entry.form == "institution" else entry.form
    return f"{entry.source} {form} '{surface}'"


def holder_reason(h: Holder) -> str:
    return f"{h.source} office holder {h.name} ({h.role} {h.code} {h.start}..{h.end or ''})"


class Emitter(Context):
    """The emission half of ``Composer`` (which provides the attributes below)."""

    doc: ParsedDoc
    d: ActorDictionary
    date: str | None
    out: list[ResolvedMention]
    surnames: dict[str, str | None]
    doc_countries: set[str]

    def span_text(self, ts: int, te: int) -> str:  # provided by Composer
        raise NotImplementedError

    # -- bases ------------------------------------------------------------------------------
    def resolve_anchor(self, item: Item) -> tuple[Entry | None, str]:
        """The entry an anchor stands for; ambiguous names are settled by the countries
        named elsewhere in the document, then by place (after "in"), then by default."""
        if item.entry is not None:
            return item.entry, ""
        cands = list(item.entries)
        named = [e for e in cands if e.country in self.doc_countries]
        if len({e.country for e in named}) == 1:
            return named[0], f" ('{item.text}' is ambiguous; {named[0].country} is named in the document)"
        capitals = [e for e in cands if e.form == "capital"]
        if capitals and self.locative(item):
            return capitals[0], f" ('{item.text}' after a preposition: the city)"
        if item.amb is not None and item.amb.default is not None:
            entry = self.d.default_entry(item.amb, item.text)
            if entry is not None:
                return entry, f" (ambiguous; default of {item.amb.source})"
        return None, ""

    def base_of_entry(self, entry: Entry, surface: str, note: str = "") -> Base:
        reasons = [entry_reason(entry, surface) + note]
        if entry.kind == "state":
            name = self.d.country(entry.code).name if entry.code in self.d.countries else entry.name
            # a seat of power's titles inherit its sector ("Kremlin chief of staff" is GOV)
            sector = entry.sector if entry.form in ("institution", "metonym") else None
            return Base("state", entry.code or entry.country or "", name, "state", entry.country,
                        entry.country, sector, entry.sector == "PRE", reasons)
        if entry.kind == "igo":
            return Base("igo", entry.key, entry.name, "igo", None, entry.code, entry.sector,
                        False, reasons)
        return Base("fixed", entry.key, entry.name, entry.kind, entry.country,
                    entry.country or entry.code, entry.sector, entry.sector == "PRE", reasons)

    def org_base(self, org: Item, country: Base | None, start: int | None = None) -> Base:
        """An organisation the dictionary does not know; its last words may name a body
        ("Montenegro Assembly" -> LEG, "Serbian Workers' Union" -> LAB). ``start`` is where
        the country's name before it begins."""
        ts = org.ts
        name = self.span_text(min(ts, start if start is not None else ts), org.te)
        sector, reasons = None, list(country.reasons) if country else []
        words = org.text.split()
        for k in (3, 2, 1):
            body = self.d.body_for(" ".join(words[-k:])) if len(words) >= k else None
            if body is not None and body.head:
                sector = body.sector
                reasons.append(f"{body.source} head noun '{' '.join(words[-k:])}'")
                break
        lower = [w.lower().strip("'’") for w in words]
        if (lower and lower[-1] in ARMED_GROUP_HEADS and sector in (None, "MIL")
                and any(w in ARMED_GROUP_WORDS for w in lower)):
            sector = "REB"  # "Oromo Liberation Front": an armed group names its cause
            reasons.append(f"armed-group name '{org.text}'")
        reasons.append(f"organisation '{self.span_text(ts, org.te)}' {UNKNOWN_ORGANISATION}")
        if country is not None and country.mode == "state" and sector in STATE_SECTORS:
            return Base("state", country.stem, country.name, "state", country.country,
                        country.code, sector, country.pre, reasons)
        return Base("fixed", "org." + slugify(name), name, "organisation",
                    country.country if country else None, country.code if country else None,
                    sector, country.pre if country else False, reasons)

    def base_of(self, c: Composite) -> Base | None:
        if not c.anchors:
            return None
        first = c.anchors[0]
        if first.kind == "org":
            return self.org_base(first, None)
        entry, note = self.resolve_anchor(first)
        if entry is None:
            return None
        base = self.base_of_entry(entry, first.text, note)
        inst = next((a for a in c.anchors[1:] if not is_country(a)), None)
        if inst is not None and inst.entry is not None and is_country(first):
            # "the Polish Sejm": the state's body; "Lebanese Hezbollah": the group itself
            other = self.base_of_entry(inst.entry, inst.text)
            if other.mode == "state":
                base.sector = other.sector
                base.reasons += other.reasons
            else:
                other.country = other.country or base.country
                other.code = other.code or base.code
                other.reasons = base.reasons + other.reasons
                base = other
        if c.org is not None:
            base = self.org_base(c.org, base, first.ts)
        return base

    # -- sectors ----------------------------------------------------------------------------
    @staticmethod
    def head_title(c: Composite) -> Item | None:
        strong = [t for t in c.titles if t.title and t.title.sector and not t.title.weak]
        return strong[0] if strong else (c.titles[0] if c.titles else None)

    def sector_of(self, c: Composite, base: Base | None, *,
                  holder: Holder | None = None) -> tuple[str | None, list[str]]:
        reasons: list[str] = []
        sector = base.sector if base else None
        if c.bodies:
            body = c.bodies[-1]
            sector = body.body.sector if body.body else sector
            reasons.append(f"{body.body.source} body '{body.text}'" if body.body else "")
        title_item = self.head_title(c)
        title = title_item.title if title_item else None
        if title_item is not None and title is not None:
            reasons.append(f"{title.source} title '{title_item.text}'")
            strong = title.sector is not None and not title.weak
            # a junta leader who heads the state is its government, whatever his rank says:
            # "army chief Abdel Fattah al-Burhan" in 2023 is SDN GOV (MIL defensible)
            ruler = (holder is not None and holder.role in HEAD_ROLES and holder.sector == "GOV"
                     and title.sector == "MIL")
            if holder is not None and (not strong or ruler):
                sector = holder.sector
            elif title.inherit and sector is not None:
                pass  # "Hamas spokesman": the body's sector
            elif title.sector is not None and (strong or sector is None):
                sector = title.sector
        elif holder is not None and not c.bodies:
            sector = holder.sector
        if c.former:
            sector = "ELI"
            reasons.append("'former' -> ELI")
        return sector, [r for r in reasons if r]

    # -- actors -----------------------------------------------------------------------------
    def actor(self, base: Base, sector: str | None) -> Actor:
        if base.mode == "state":
            pre = "PRE" if base.pre else None
            if sector is None or sector == "PRE":
                return Actor(actor_id=base.stem, name=base.name, kind="state",
                             country=base.country, sector=pre)
            kind = "state" if sector in STATE_SECTORS else "group"
            return Actor(actor_id=f"{base.stem}.{sector}", name=f"{base.name} {SECTOR_NOUNS[sector]}",
                         kind=kind, country=base.country, sector=pre or sector)
        if base.mode == "igo" and sector is not None and sector != base.sector:
            return Actor(actor_id=f"{base.stem}.{sector}", name=f"{base.name} {SECTOR_NOUNS[sector]}",
                         kind="igo", country=None, sector=sector)
        return Actor(actor_id=base.stem, name=base.name, kind=base.kind,  # type: ignore[arg-type]
                     country=base.country, sector=base.sector)

    def add(self, ts: int, te: int, actor: Actor, reasons: list[str], code: str | None,
            role: str | None = None) -> None:
        toks = self.doc.tokens
        start, end = toks[ts].start, toks[te - 1].end
        outcome = f"{code or 'no country'}{' ' + actor.sector if actor.sector else ''}"
        self.out.append(ResolvedMention(start, end, self.doc.text[start:end], ts, te,
                                        toks[ts].sent, actor,
                                        " + ".join(reasons) + f" -> {outcome}", code, role))

    # -- emission ---------------------------------------------------------------------------
    def emit(self, c: Composite) -> None:
        if c.person is not None:
            self.emit_person(c)
            return
        if not c.anchors and c.context is not None:  # "In Nairobi, the National Assembly"
            country = self.d.country(c.context[0])
            base = Base("state", country.iso3, country.name, "state", country.actor_country,
                        country.actor_country, None, country.pre, [])
            sector, reasons = self.sector_of(c, base)
            self.add(c.ts, c.te, self.actor(base, sector), reasons + [c.context[1]], base.code)
            return
        if not c.anchors:
            title = next((t for t in c.titles if t.title and t.title.country), None)
            if title is not None and title.title is not None:
                country = self.d.country(title.title.country)
                base = Base("state", country.iso3, country.name, "state", country.actor_country,
                            country.actor_country, None, country.pre, [])
                sector, reasons = self.sector_of(c, base)
                self.add(c.ts, c.te, self.actor(base, sector), reasons, base.code,
                         title.title.role)
            return
        if not (c.titles or c.bodies or c.org or c.joined):
            self.emit_bare(c.anchors[0])
            return
        countries = [a for a in c.anchors if is_country(a)]
        if len(countries) > 1:  # "French and German troops": each country, the same body
            for idx, anchor in enumerate(countries):
                one = Composite(c.ts, c.te, [anchor], c.org, c.bodies, c.titles, None,
                                c.former)
                te = anchor.te if idx < len(countries) - 1 else c.te
                ts = c.ts if idx == 0 else anchor.ts  # "the ministers of [India] and [Pakistan]"
                self.emit_group(one, ts, te, coordinated=True)
            return
        self.emit_group(c, c.ts, c.te)

    def emit_group(self, c: Composite, ts: int, te: int, *, coordinated: bool = False) -> None:
        base = self.base_of(c)
        if base is None:
            return
        sector, reasons = self.sector_of(c, base)
        title = self.head_title(c)
        extra = ["coordinated with a shared body"] if coordinated else []
        self.add(ts, te, self.actor(base, sector), base.reasons + reasons + extra, base.code,
                 title.title.role if title and title.title else None)

    def emit_bare(self, item: Item) -> None:
        if item.kind == "org":
            base = self.org_base(item, None)
            self.add(item.ts, item.te, self.actor(base, None), base.reasons, None)
            return
        entry, note = self.resolve_anchor(item)
        if entry is None or (entry.form in ("name", "demonym", "capital")
                             and self.non_actor_follows(item)):
            return
        base = self.base_of_entry(entry, item.text, note)
        sector = base.sector if base.mode == "state" else None
        if entry.form == "capital":
            if self.locative(item):
                base.reasons.append("capital after a preposition: a place in the country")
            else:
                sector = "GOV"
                base.reasons.append("capital as agent -> government")
        elif entry.form == "metonym":
            sector = "GOV"
            base.reasons.append("seat of power -> government")
        self.add(item.ts, item.te, self.actor(base, sector), base.reasons, base.code)

    def emit_person(self, c: Composite) -> None:
        person = c.person
        assert person is not None
        base = self.base_of(c)
        name = strip_possessive(person.text)
        entry = person.entry
        names = [name] + ([entry.name] if entry is not None else [])
        words = normalise(name).split(" ")
        single = len(name.split()) == 1  # one word as written: "Lavrov", "al-Mahdi"
        # "Vieira", "de Villepin": the surname of a person named earlier in the document
        link = self.surnames.get(normalise(name)) if len(words) <= 2 else None
        terms: list[Holder] = []
        for candidate in names:
            terms = self.d.office_holders(candidate, self.date)
            if terms:
                break
        if not terms and single and link is None:
            terms = self.d.holders_by_surname(name, self.date)
        if terms and base is not None and base.code:
            terms = [t for t in terms if base.code in (t.code, t.country)]
        title_item = self.head_title(c)
        if terms and title_item is not None and title_item.title is not None:
            terms.sort(key=lambda t: t.role != title_item.title.role)  # type: ignore[union-attr]
        holder = terms[0] if terms else None
        past = None
        if holder is None and self.date is not None and link is None:
            ended = [t for n in names for t in self.d.office_terms(n)
                     if t.end and date_ceiling(t.end) < date_point(self.date)]
            # out of every office, a person is a former official of their own state: "Tusk"
            # after the European Council is POL ELI, not a former IGO official
            past = max(ended, key=lambda t: (t.code != "IGO", t.end or "")) if ended else None
            if past is None and single and entry is None:
                past = self.d.former_by_surname(name, self.date)
                if past is not None and base is not None and base.code not in (past.code, past.country):
                    past = None
        key = (holder.key if holder else entry.key if entry else link
               or (past.key if past else "person." + slugify(name)))
        reasons = list(base.reasons) if base else []
        country = base.country if base else None
        code = base.code if base else None
        if code is None:
            implied = next((t.title.country for t in c.titles if t.title and t.title.country), None)
            source = holder or past
            if implied:
                country = code = implied
            elif source is not None:
                country, code = source.country, source.code
            elif entry is not None:
                country, code = entry.country, entry.code
        sector, more = self.sector_of(c, base, holder=holder)
        reasons += more
        if code is None and link is None and state_title(self.head_title(c)):
            found = self.context_country(c.ts)
            if found is not None:
                country = code = found[0]
                reasons.append(found[1])
        if holder is not None:
            reasons.append(holder_reason(holder))
        elif past is not None:
            reasons.append(holder_reason(past) + f", out of office on {self.date}")
            if sector is None:
                sector = "ELI"
        if link is not None:
            reasons.append(f"surname '{name}' of a person named earlier")
        if not reasons:
            reasons.append(UNKNOWN_PERSON)
        entity = holder.code if holder else None
        if (base is not None and base.pre) or (base is None and entity in self.d.countries
                                                and self.d.country(entity).pre):
            sector = "PRE"  # "Denis Pushilin": a leader of the Donetsk People's Republic
        role = (title_item.title.role if title_item and title_item.title
                and not title_item.title.weak else holder.role if holder else None)
        shown = holder.name if holder else entry.name if entry else name
        # a former official no longer acts for the body ("former UN chief Ban Ki-moon")
        affiliation = (self.affiliation_of(base, holder)
                       if country is None and not c.former else None)
        if affiliation is not None:
            reasons.append(f"acts for {affiliation}")
        actor = Actor(actor_id=key, name=shown, kind="person", country=country, sector=sector,
                      affiliation=affiliation)
        self.add(c.ts, c.te, actor, reasons, code, role)
        if not single and link is None:
            tails = {" ".join(words[-1:]), " ".join(words[-2:])} | set(surnames_of(name, country))
            for tail in tails - {" ".join(words)}:
                self.surnames[tail] = key if self.surnames.get(tail, key) == key else None

    def affiliation_of(self, base: Base | None, holder: Holder | None) -> str | None:
        """The IGO a person without a country acts for: the IGO named with the title ("NATO
        chief Jens Stoltenberg"), else the IGO a current office-holder row names in its
        note ("UN Secretary-General" for a later "Guterres said")."""
        if base is not None and base.mode == "igo":
            return base.stem
        if holder is None or holder.code != "IGO":
            return None
        words = holder.note.replace(",", " ").replace("(", " ").split()
        for i in range(len(words)):
            for n in (4, 3, 2, 1):
                if i + n <= len(words):
                    found = [e for e in self.d.lookup(" ".join(words[i:i + n]))
                             if e.kind == "igo"]
                    if found:
                        return found[0].key
        return None

    # -- context ----------------------------------------------------------------------------
    def non_actor_follows(self, item: Item) -> bool:
        """"Paris Agreement", "Beijing Olympics": the name is part of another name."""
        toks = self.doc.tokens
        j, sent = item.te, toks[item.ts].sent
        for _ in range(3):
            if j >= len(toks) or toks[j].sent != sent or not toks[j].text[:1].isupper():
                return False
            if toks[j].text.lower() in NON_ACTOR_HEADS:
                return True
            j += 1
        return False
