"""Items: how a sentence's tokens and entities are read before any pattern runs.

Each sentence becomes a list of items: dictionary names (``anchor``, some ``person``),
entities the dictionary does not know (``person``, ``org``), ``title`` and ``body``
phrases, untagged office-holder names, and plain ``word``s. Two passes then re-read
items with what the document has shown so far: surnames of people already named
(``relink``) and names right after a title (``titled_names``). ``dyad.actors.compose``
joins the items into mentions.
"""

from __future__ import annotations

from dyad.actors.emit import Emitter
from dyad.actors.items import (
    POSSESSIVE, SKIP_LABELS, Composite, Item, is_country, strip_possessive,
)
from dyad.actors.records import Entry, normalise
from dyad.nlp.parsed import Entity, Sentence


MAX_NAME_TOKENS = 4
# Words that end or fill organisation names, never people's: "Senator [Foreign Relations
# Committee]" is no person.
NOT_NAME_WORDS = frozenset("""
committee council commission agency office party group company corporation bank fund
foundation institute university college school union league alliance front movement
association network news times post daily press agency service services authority board
organization organisation federation society club center centre house hall international
national united republic state states kingdom
""".split())
# Capitalised words that are also surnames of office holders but far more often something
# else in news text: months, weekdays and common nouns ("May", "Rice", "Major", "Brown").
NOT_SURNAMES = frozenset("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
major brown young long king law church park lee kim wang li lin hill street ward
""".split())


class ItemReader(Emitter):
    """The item-reading half of ``Composer`` (which provides the attributes below)."""

    ent_at: dict[int, Entity]

    def relink(self, items: list[Item]) -> None:
        """Later short references to a person named earlier in the document become person
        items: "Vieira" tagged ORG or GPE by the model, or left untagged ("Kamau said").
        Only surnames of people already resolved in this document are linked."""
        if not any(self.surnames.values()):
            return
        for k, item in enumerate(items):
            if item.kind not in ("org", "skip", "word") or not item.text[:1].isupper():
                continue
            name = strip_possessive(item.text)
            if len(name) >= 3 and self.surnames.get(normalise(name)):
                items[k] = Item("person", item.ts, item.te, text=item.text)

    def titled_names(self, items: list[Item]) -> None:
        """A name right after a person's title is a person even when the model tagged it
        ORG or nothing ("lawmaker [Shashi Tharoor]", "Ambassador to Japan Rahm Emanuel"):
        one to three capitalised words that the dictionary does not know and that hold
        no organisation word ("Senator Bob Menendez", not "Senate Foreign Relations
        Committee"). Weak titles ("official", "leader") and honorifics do not count."""
        k = 0
        while k < len(items):
            title = items[k].title
            if items[k].kind != "title" or title is None or title.weak or title.sector is None:
                k += 1
                continue
            r = k + 1
            probe = Composite(items[k].ts, items[k].te, titles=[items[k]])
            if r < len(items) and items[r].norm == "to":
                r = self.posted_to_name(items, r, probe)
            if r is None or r >= len(items):
                k += 1
                continue
            if items[r].kind == "org" and self.looks_like_name(items[r].ts, items[r].te):
                items[r] = Item("person", items[r].ts, items[r].te, text=items[r].text)
            elif items[r].kind == "word":
                e = r
                while (e < len(items) and e - r < 3 and items[e].kind == "word"
                       and self.looks_like_name(items[e].ts, items[e].te)
                       and self.doc.tokens[items[e].ts].pos in ("PROPN", "")):
                    e += 1
                if e - r >= 2:  # one untagged capitalised word may start a sentence
                    items[r:e] = [Item("person", items[r].ts, items[e - 1].te,
                                       text=self.span_text(items[r].ts, items[e - 1].te))]
            k += 1

    def looks_like_name(self, ts: int, te: int) -> bool:
        words = [t.text for t in self.doc.tokens[ts:te]]
        if not 1 <= len(words) <= 3:
            return False
        for w in words:
            bare = w.replace("-", "").replace("'", "").replace("’", "")
            if not (bare.isalpha() and w[:1].isupper()) or w.lower() in NOT_NAME_WORDS:
                return False
            if self.d.body_for(w) is not None or self.d.title_for(w) is not None:
                return False
        return True

    # -- items -----------------------------------------------------------------------------
    def items(self, sent: Sentence) -> list[Item]:
        toks, out = self.doc.tokens, []
        i = sent.token_start
        while i < sent.token_end:
            ent = self.ent_at.get(i)
            if ent is not None and ent.token_end > i:
                found = self.entity_items(ent, min(ent.token_end, sent.token_end), sent.token_end)
                if found:
                    out.extend(found)
                    i = min(ent.token_end, sent.token_end)
                    continue
            phrase = self.phrase(i, sent.token_end)
            if phrase is not None:
                out.append(phrase)
                i = phrase.te
                continue
            known = self.untagged_name(i, sent.token_end)
            if known is not None:
                out.append(known)
                i = known.te
                continue
            out.append(Item("word", i, i + 1, text=toks[i].text))
            i += 1
        return out

    def span_text(self, ts: int, te: int) -> str:
        toks = self.doc.tokens
        return self.doc.text[toks[ts].start:toks[te - 1].end]

    def phrase(self, i: int, end: int) -> Item | None:
        toks, text = self.doc.tokens, self.doc.text
        title = self.d.match_phrase("title", text, toks, i, end)
        body = self.d.match_phrase("body", text, toks, i, end)
        if title is not None and (body is None or title[1] >= body[1]):
            return Item("title", i, i + title[1], text=self.span_text(i, i + title[1]),
                        title=title[0])  # type: ignore[arg-type]
        if body is not None:
            return Item("body", i, i + body[1], text=self.span_text(i, i + body[1]),
                        body=body[0])  # type: ignore[arg-type]
        return None

    def anchor(self, ts: int, te: int, surface: str, entry: Entry | None = None) -> Item | None:
        """An item for a dictionary name, or None when the dictionary does not know it."""
        for suffix in POSSESSIVE:
            if surface.endswith(suffix) and len(surface) > len(suffix) + 1:
                surface = surface[: -len(suffix)]
                break
        amb = self.d.ambiguity(surface)
        if amb is not None:
            cands = tuple(self.d.at_date(e, self.date) for e in self.d.candidates(amb, surface))
            if cands:
                return Item("anchor", ts, te, text=surface, entry=None, entries=cands, amb=amb)
        if entry is None:
            found = [self.d.at_date(e, self.date) for e in self.d.lookup(surface)]
            found = list({e.key: e for e in found}.values())
            if not found:
                return None
            found.sort(key=lambda e: ("name demonym capital metonym institution person"
                                      .split().index(e.form)))
            entry = found[0]
            if len({e.code or e.key for e in found}) > 1:
                return Item("anchor", ts, te, text=surface, entries=tuple(found))
        kind = "person" if entry.kind == "person" else "anchor"
        return Item(kind, ts, te, text=surface, entry=entry)

    def entity_items(self, ent: Entity, te: int, end: int | None = None) -> list[Item]:
        """Items for one entity; empty when its tokens are better read word by word."""
        ts = ent.token_start
        text = self.span_text(ts, te)
        if ent.label in SKIP_LABELS and not ent.entry:
            return [Item("skip", ts, te, text=text)]
        entry = self.d.entry(ent.entry, self.date) if ent.entry else None
        item = self.anchor(ts, te, text, entry)
        if item is not None:
            return [item]
        if self.phrase_overruns(ts, te, end or te):
            return []  # "[Defense] Secretary", "[Riot] police": the model tagged a title or body's first word
        if ent.label == "PERSON":
            return self.person_items(ts, te)
        if ent.label in ("ORG", "NORP", "GPE", "FAC", "LOC"):
            inner = self.split_name(ts, te)
            if inner:
                return inner
            if self.office_holder_name(text):  # "Trump" or "Taiana" tagged ORG or GPE
                person = Item("person", ts, te, text=text)
                if ent.label in ("ORG", "NORP") or not self.locative(person):
                    return [person]
            if ent.label == "ORG":
                return [Item("org", ts, te, text=text)]
            if ent.label == "NORP":
                return []  # "Shiite", "Islamist": read word by word, as qualifiers or phrases
        return [Item("skip", ts, te, text=text)]

    def phrase_overruns(self, ts: int, te: int, end: int) -> bool:
        """Whether a title or body starts with an unknown entity and goes on past it: the
        model often tags the first word of "Defense Secretary", "Commerce Minister" or
        "Defence Ministry" as an organisation of its own."""
        found = self.phrase(ts, end)
        return found is not None and found.te > te

    def office_holder_name(self, text: str) -> bool:
        """Whether a name the model did not tag PERSON is an office holder's: a full name
        or alias of the dictionary ("Narendra Modi"), or the surname of the one holder in
        office on the document's date ("Modi", "Tsipras") or recently out of it."""
        name = strip_possessive(text)
        if self.d.office_terms(name):
            return True
        if " " in name or len(name) < 3 or name.lower() in NOT_SURNAMES:
            return False
        if self.d.holders_by_surname(name, self.date):
            return True
        return self.date is not None and self.d.former_by_surname(name, self.date) is not None

    def untagged_name(self, i: int, end: int) -> Item | None:
        """Proper nouns the model left untagged that name an office holder ("Modi said",
        "Mubarak refused"): the longest run of capitalised PROPN tokens (at most four)
        that is a holder's name, alias or (one token) surname. The surname must belong to
        one holder in office on the document's date (or recently out of it), and not be
        a common word (NOT_SURNAMES)."""
        toks = self.doc.tokens
        j = i
        # a sentence the selector did not parse has no tags ("" pos): capitals must do
        while (j < end and j - i < MAX_NAME_TOKENS and toks[j].pos in ("PROPN", "")
               and toks[j].text[:1].isupper() and toks[j].text[:1].isalpha()
               and j not in self.ent_at):
            j += 1
        for k in range(j, i, -1):
            text = self.span_text(i, k)
            if k == j or toks[k].text not in POSSESSIVE:
                if self.office_holder_name(text):
                    return Item("person", i, k, text=text)
        return None

    def person_items(self, ts: int, te: int) -> list[Item]:
        """A PERSON entity, with any title the model included in it split off."""
        out, j = [], ts
        while j < te - 1:
            found = self.d.match_phrase("title", self.doc.text, self.doc.tokens, j, te - 1)
            if found is None:
                break
            out.append(Item("title", j, j + found[1], text=self.span_text(j, j + found[1]),
                            title=found[0]))  # type: ignore[arg-type]
            j += found[1]
        out.append(Item("person", j, te, text=self.span_text(j, te)))
        return out

    def split_name(self, ts: int, te: int) -> list[Item]:
        """An unknown name read as COUNTRY ['s] BODY|ORG ("Montenegro Assembly", "Serbian
        Workers' Union"), BODY of COUNTRY ("Supreme Court of Pakistan") or a bare body
        or title ("Constitutional Court", "Foreign Minister")."""
        toks, whole = self.doc.tokens, self.span_text(ts, te)
        body, title = self.d.body_for(whole), self.d.title_for(whole)
        if body is not None:
            return [Item("body", ts, te, text=whole, body=body)]
        if title is not None:
            return [Item("title", ts, te, text=whole, title=title)]
        for k in range(te - 1, ts, -1):
            left = self.anchor(ts, k, self.span_text(ts, k))
            if left is None or not is_country(left):
                continue
            rest = k + 1 if toks[k].text in POSSESSIVE else k
            if rest >= te:
                return []
            tail = self.span_text(rest, te)
            body = self.d.body_for(tail)
            item = (Item("body", rest, te, text=tail, body=body) if body is not None
                    else Item("org", rest, te, text=tail))
            return [left, item]
        for k in range(ts + 1, te - 1):
            if toks[k].text.lower() == "of":
                body = self.d.body_for(self.span_text(ts, k))
                start = k + 2 if toks[k + 1].text.lower() == "the" and k + 2 < te else k + 1
                right = self.anchor(start, te, self.span_text(start, te))
                if body is not None and right is not None and is_country(right):
                    return [Item("body", ts, k, text=self.span_text(ts, k), body=body),
                            Item("word", k, k + 1, text="of"), right]
        return []

    @staticmethod
    def posted_to_name(items: list[Item], q: int, c: Composite) -> int | None:
        """The index of what follows a diplomat's posting, where a name would be:
        "Ambassador to Japan [Rahm Emanuel]", "ambassador to the UN, [Gilad Erdan]". The
        place posted to is skipped: a diplomat acts for the sending state, named before
        the title or not at all."""
        n = len(items)
        if (items[q].norm != "to" or not c.titles or c.titles[-1].title is None
                or c.titles[-1].title.role != "diplomat"):
            return None
        r = q + 1
        if r < n and items[r].norm == "the":
            r += 1
        if r >= n or items[r].kind not in ("anchor", "org"):
            return None
        r += 1
        if r < n and items[r].text == ",":
            r += 1
        return r if r < n else None
