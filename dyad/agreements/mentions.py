"""Agreement mentions in a document.

Three kinds of mention, tried in this order (an earlier kind wins where they overlap):

1. a well-known agreement from ``data/known.yaml`` by any alias ("New START", "GSOMIA");
2. a named agreement: a capitalised phrase headed by a head noun ("the Enhanced Defense
   Cooperation Agreement", "the Treaty of Lausanne"), or a lower-case head after a
   capitalised word that is not an actor ("the Minsk agreements"); an acronym in
   brackets right after it ("... Agreement (EDCA)") names it for the rest of the document;
3. a generic agreement: a lower-case head with its modifiers ("a comprehensive economic
   partnership", "the recently signed investment accord", "a deal for 36 fighter jets").

Then references that stand for an agreement named before: "the new text", "the first
version" (``_text_references``), "the bloc" for a trade pact in focus (``_bloc_references``),
and "one" in "talks on one" for another agreement of the kind just named (``_one_references``).

This module finds them all and reads named ones; generic ones are read by
``dyad.agreements.generic_mentions``, and the ``AgreementMention`` record lives in
``dyad.agreements.mention_record``. Which mentions are one agreement is
``dyad.agreements.linking``'s job.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.generic_mentions import GENERIC_ONLY, generic_mention
from dyad.agreements.made_texts import PLAN_HEADS
from dyad.agreements.lexicon import Lexicon
from dyad.agreements.mention_record import (DEFINITE, INDEFINITE, MAX_MODIFIERS, NAME_LINKS, STOP_WORDS,
                                            AgreementMention, actors_in)
from dyad.agreements.spans import is_own_igo, own_names
from dyad.nlp.parsed import ParsedDoc, Token
from dyad.nlp.selective import CALENDAR

_BACKER = re.compile(r"-(?:brokered|mediated|backed|sponsored|facilitated|drafted|proposed)\b")

# Actors inside a title that name its parties ("the US-Japan Security Treaty"); an
# organisation or person found there is the title read as a name ("CPTPP").
TITLE_PARTY_KINDS = frozenset({"state", "igo", "group"})

# A head noun used as a modifier of these is not an agreement ("treaty allies").
NOT_HEAD_BEFORE = frozenset({"ally", "allies", "partner", "partners", "obligations",
                             "commitments", "organization", "organisation", "members", "member",
                             "body", "bodies", "regime", "system"})


def find_mentions(parsed: ParsedDoc, actors: Sequence[Any], lexicon: Lexicon) -> list[AgreementMention]:
    """Every agreement mention of the document, in text order, without overlaps."""
    text = parsed.text
    found: list[AgreementMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(m: AgreementMention) -> None:
        found.append(m)
        taken.append((m.start, m.end))

    for m in lexicon.alias_pattern.finditer(text, parsed.body_start):
        known = lexicon.alias_to_known[m.group(0)]
        sent = _sent_index(parsed, m.start())
        if sent is None or not free(m.start(), m.end()):
            continue
        if any(a.actor.kind == "igo" and a.start <= m.start() and m.end() <= a.end
               and a.end - a.start > m.end() - m.start() for a in actors):
            continue  # "North Atlantic Treaty Organization" names the organisation
        add(AgreementMention(m.start(), m.end(), m.group(0), sent, True, known.name, known.kind,
                             True, m.start() + alias_head(m.group(0), lexicon),
                             actors_in(actors, m.start(), m.end()), known))
    local_aliases: dict[str, AgreementMention] = {}
    for tok in parsed.tokens:
        if tok.text.lower() not in lexicon.heads or tok.start < parsed.body_start:
            continue
        if not free(tok.start, tok.end) or (tok.pos == "VERB" and not _noun_after_det(parsed, tok)):
            continue
        nxt = parsed.tokens[tok.i + 1] if tok.i + 1 < len(parsed.tokens) else None
        if nxt is not None and nxt.sent == tok.sent and nxt.text.lower() in lexicon.heads \
                and nxt.text.lower() not in PLAN_HEADS and tok.text.islower():
            continue  # "ceasefire agreement": the last head noun heads the mention
        if nxt is not None and nxt.sent == tok.sent and nxt.text.lower() in NOT_HEAD_BEFORE:
            continue  # "treaty allies", "treaty obligations": a modifier, not an agreement
        if tok.text == "framework" and nxt is not None and nxt.text.lower() == "of":
            continue  # "within the framework of NATO": a setting, not an agreement
        named = _named(parsed, tok, actors, lexicon) if tok.text.lower() not in GENERIC_ONLY else None
        mention = named or generic_mention(parsed, tok, actors, lexicon)
        if mention is None or not free(mention.start, mention.end):
            continue
        add(mention)
        acro = re.match(r"\s*\(([A-Z][A-Za-z0-9-]{1,11})\)", text[mention.end:])
        if acro and (mention.named or _initials_of(mention.text, acro.group(1))):
            local_aliases[acro.group(1)] = mention
    for alias, target in local_aliases.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
            sent = _sent_index(parsed, m.start())
            if sent is not None and free(m.start(), m.end()):
                # "a defence cooperation agreement (DCA)": later "the DCA" refers back to
                # it as a definite description, it does not make it a named treaty
                add(AgreementMention(m.start(), m.end(), alias, sent, target.named, target.name,
                                     target.kind, True, m.start(), [], target.known,
                                     kind_cued=target.kind_cued))
    for m in _text_references(parsed, free) + _bloc_references(parsed, actors, found, free):
        add(m)
    for m in _one_references(parsed, found, free):
        add(m)
    for m in _weak_references(parsed, found, lexicon, free):
        add(m)
    for m in found:
        sent_ = parsed.sentences[m.sent]
        m.sent_start, m.sent_end = sent_.start, sent_.end
        m.actors = [a for a in m.actors if _can_be_party(text, a, lexicon)
                    and (not m.named or a.actor.kind in TITLE_PARTY_KINDS)
                    and not _venue_in_title(text, a) and not _founded_igo(text, m, a)
                    and not is_own_igo(a.actor.ref(), own_names(m))]
        if m.known is not None and m.known.parties:
            m.actors = []  # "the AUKUS pact": its parties are listed, the name is no actor
    return sorted(found, key=lambda m: m.start)


# What closes a title's head phrase: "Treaty on the Non-Proliferation ...", "Compacts of
# Free Association", "Agreement for Trans-Pacific Partnership" (the head comes before it).
_TITLE_PREPOSITIONS = frozenset({"of", "on", "for", "between", "concerning", "with", "to"})


def alias_head(alias: str, lexicon: Lexicon) -> int:
    """Where an alias's head noun starts in it: the last head noun of the lexicon before
    a preposition ("Declaration" in "Sino-British Joint Declaration", "Treaty" in "Treaty
    on the Non-Proliferation of Nuclear Weapons"), else the last head noun anywhere
    ("Conventional Armed Forces in Europe Treaty"), else the last word before a
    preposition ("Union" in "Falepili Union", "Plan" in "Joint Comprehensive Plan of
    Action"). So "the declaration" and "the compacts" can go back to the named agreement."""
    words = [(w.start(), w.group(0)) for w in re.finditer(r"\S+", alias)]
    cut = next((k for k, (_, w) in enumerate(words) if k and w.lower() in _TITLE_PREPOSITIONS), len(words))
    heads = [start for start, w in words if w.lower().strip(",.") in lexicon.heads]
    before = [start for start, w in words[:cut] if w.lower().strip(",.") in lexicon.heads]
    return (before or heads or [words[cut - 1][0]])[-1]


# "the new text", "the first version", "the revised draft": a document's version standing
# for an agreement the text has named (an age or revision word is required: "the text"
# alone is the stage triggers' business, ``stage_anaphora``).
_TEXT_REF = re.compile(r"\b(?:the|this|that|its|their)\s+(?:(?:new|revised|amended|updated|final|"
                       r"original|first|second|earlier|previous|old|initial|renegotiated)\s+){1,2}"
                       r"(?P<head>texts?|versions?|drafts?|documents?)\b(?!\s+(?:of|on)\b)",
                       re.IGNORECASE)


def _text_references(parsed: ParsedDoc, free) -> list[AgreementMention]:
    out = []
    for hit in _TEXT_REF.finditer(parsed.text, parsed.body_start):
        sent = _sent_index(parsed, hit.start())
        start = hit.start() + len(hit.group(0).split()[0]) + 1  # without the determiner
        if sent is None or not free(start, hit.end()):
            continue
        out.append(AgreementMention(start, hit.end(), parsed.text[start:hit.end()], sent, False,
                                    parsed.text[start:hit.end()], None, True, hit.start("head"),
                                    kind_cued=False, reference=True))
    return out


# "China applied to join the bloc": a trade pact that is also a grouping of states
_BLOC = re.compile(r"\bthe\s+(?:(?:trade|trading|economic)\s+)?(?:bloc|grouping)\b", re.IGNORECASE)
# "since leaving the European Union", "after quitting OPEC": an organisation in a gerund
# adjunct is background, not what a later "the bloc" points at
_BACKGROUND = re.compile(r"\b(?:since|after|before|while|upon|despite|without|by)\s+[a-z]+ing\s+(?:the\s+)?$",
                         re.IGNORECASE)
BLOC_SENTENCES = 2
_TRADE_NAME = re.compile(r"\b(?:Trade|Economic|Commerce|Customs|Market)\b")


def _bloc_references(parsed: ParsedDoc, actors: Sequence[Any], found: Sequence[AgreementMention],
                     free) -> list[AgreementMention]:
    """"the bloc" standing for a trade pact that is a grouping of states ("Britain joined
    the CPTPP ... China applied to join the bloc"): when the organisation or trade pact
    in focus before it (the last one named in its sentence or the ``BLOC_SENTENCES``
    before, outside a gerund adjunct) is an agreement, "the bloc" is that agreement."""
    text, out = parsed.text, []
    for hit in _BLOC.finditer(text, parsed.body_start):
        sent = _sent_index(parsed, hit.start())
        start = hit.start() + 4
        if sent is None or not free(start, hit.end()) or any(
                a.start <= start < a.end for a in actors):
            continue  # the resolver read it as an organisation: its reading stands
        floor = parsed.sentences[max(0, sent - BLOC_SENTENCES)].start
        igos = [a for a in actors if a.actor.kind == "igo" and floor <= a.start and a.end <= hit.start()]
        pacts = [m for m in found if floor <= m.start and m.end <= hit.start() and m.named and (
            m.kind == "trade" or _TRADE_NAME.search(m.name)
            or any(a.start <= m.start and m.end <= a.end for a in igos))]
        cands = sorted([*igos, *pacts], key=lambda x: x.start)
        cands = [x for x in cands if not _BACKGROUND.search(
            text, parsed.sentences[_sent_index(parsed, x.start)].start, x.start)]
        focus = cands[-1] if cands else None
        pact = next((m for m in pacts if focus is not None and m.start <= focus.start < m.end
                     or m is focus), None)
        if pact is None:
            continue
        out.append(AgreementMention(start, hit.end(), text[start:hit.end()], sent, True, pact.name,
                                    pact.kind, True, hit.end() - len(text[start:hit.end()].split()[-1]),
                                    known=pact.known, kind_cued=pact.kind_cued, reference=True))
    return out


# "Tokyo and Manila will begin talks on one", "Kenya hopes to sign one next year": "one"
# as the object of an agreement's making stands for another agreement of the kind just
# named ("a similar agreement", "a trade deal")
_ONE = re.compile(r"\b(?:(?:negotiations?|talks)\s+(?:on|for|over|about)|(?:negotiat|sign|conclud|seal|"
                  r"reach|strik|finali[sz])\w*|struck|ink(?:s|ed)?|want(?:s|ed)?|seek(?:s|ing)?|sought)"
                  r"\s+(?:a\s+similar\s+|such\s+an?\s+)?(?P<one>one)\b(?!\s+(?:of|another|more|"
                  r"day|year|month|week|by|side)\b)", re.IGNORECASE)


def _one_references(parsed: ParsedDoc, found: Sequence[AgreementMention], free) -> list[AgreementMention]:
    out = []
    for hit in _ONE.finditer(parsed.text, parsed.body_start):
        start, end = hit.start("one"), hit.end("one")
        sent = _sent_index(parsed, start)
        if sent is None or not free(start, end):
            continue
        ante = [m for m in found if m.end <= start and 0 <= sent - m.sent <= 1 and not m.plural]
        if not ante:
            continue
        kind = ante[-1].kind if not ante[-1].named else None
        out.append(AgreementMention(start, end, parsed.text[start:end], sent, False, "agreement",
                                    kind, False, start, kind_cued=kind is not None))
    return out


def _weak_references(parsed: ParsedDoc, found: Sequence[AgreementMention], lexicon: Lexicon,
                     free) -> list[AgreementMention]:
    """"the Compacts of Free Association ... The compacts", "the Argyle declaration ... the
    declaration": a weak head ("compact", "declaration", "charter") alone is no agreement,
    but after a determiner it stands for the agreement called by that head before it."""
    out = []
    for tok in parsed.tokens:
        low = tok.text.lower()
        if low not in lexicon.weak_heads or tok.i == 0 or not free(tok.start, tok.end) \
                or parsed.tokens[tok.i - 1].text.lower() not in _REFERRING:
            continue
        nxt = parsed.tokens[tok.i + 1] if tok.i + 1 < len(parsed.tokens) else None
        if nxt is not None and nxt.sent == tok.sent and nxt.pos in {"NOUN", "PROPN"}:
            continue  # "the declaration text": a modifier
        if not any(m.end <= tok.start and _head_word(m) in {low, low.rstrip("s")} for m in found):
            continue
        sent = _sent_index(parsed, tok.start)
        if sent is not None:
            out.append(AgreementMention(tok.start, tok.end, tok.text, sent, False, tok.text, None,
                                        True, tok.start, kind_cued=False, reference=True))
    return out


_REFERRING = frozenset({"the", "this", "that", "these", "those", "its", "their"})


def _head_word(m: AgreementMention) -> str:
    """A mention's head word as written, lower-case ("Compacts" in "Compacts of Free
    Association"), singular or plural."""
    word = m.text[m.head_start - m.start:].split()[0].lower() if m.text else ""
    return word.rstrip("s") if word.endswith("s") else word


def _venue_in_title(text: str, actor: Any) -> bool:
    """A capital in a title names where the agreement was made ("the Paris Agreement",
    "the Algiers accord", "the Minsk agreements"), unless it is hyphened to another side
    ("the Moscow-Beijing pact") or owns the agreement ("Kyiv's minerals deal")."""
    hyphened = text[actor.end:actor.end + 1] in {"-", "–"} or \
        text[max(0, actor.start - 1):actor.start] in {"-", "–"}
    owner = re.match(r"['’]s\b", text[actor.end:actor.end + 2]) is not None
    return " capital '" in (getattr(actor, "reason", "") or "") and not hyphened and not owner


# Heads of an organisation's founding document: the IGO in its title is what it founds.
FOUNDING_HEADS = frozenset({"charter", "statute", "constitution", "covenant"})


def _founded_igo(text: str, m: AgreementMention, actor: Any) -> bool:
    """The organisation a named document founds or governs is not its party: "the Rome
    Statute of the ICC", "the ASEAN Charter", "the Charter of the United Nations"."""
    if not m.named or actor.actor.kind != "igo":
        return False
    return m.head in FOUNDING_HEADS or re.search(r"\bof\s+(?:the\s+)?$",
                                                  text[max(m.start, actor.start - 8):actor.start]) is not None


def _initials_of(words: str, acronym: str) -> bool:
    """"defence cooperation agreement" and "DCA": the acronym spells the initials of the
    content words (hyphenated parts count: "free-trade agreement", "FTA")."""
    parts = [w for w in re.split(r"[\s-]+", words) if w and w.lower() not in NAME_LINKS | {"a", "an"}]
    initials = "".join(w[0] for w in parts).upper()
    return len(acronym) >= 2 and acronym.upper() in {initials, initials[-len(acronym):]}


def _can_be_party(text: str, actor: Any, lexicon: Lexicon) -> bool:
    """Not a mediator or backer ("the EU-brokered accord", "a US-backed deal") and not a
    head noun read as an organisation ("Treaty")."""
    if _BACKER.match(text, actor.end):
        return False
    return actor.text.lower() not in lexicon.heads


def _sent_index(parsed: ParsedDoc, offset: int) -> int | None:
    for s in parsed.sentences:
        if s.start <= offset < s.end:
            return s.i
    return None


def _noun_after_det(parsed: ParsedDoc, head: Token) -> bool:
    """A head the tagger called a verb is still a noun after a determiner and nouns or
    adjectives ("a minerals deal"); "to deal with", "will deal" are verbs."""
    toks = parsed.tokens
    if head.dep in {"dobj", "nsubj", "nsubjpass", "pobj"}:
        return True  # the parse gives it a noun's role although it tags it a verb
    for k in range(head.i - 1, max(head.i - MAX_MODIFIERS - 1, -1), -1):
        prev = toks[k]
        if prev.sent != head.sent:
            return False
        low = prev.text.lower()
        if low in DEFINITE or low in INDEFINITE or low in {"'s", "’s"}:
            return True
        if prev.pos not in {"NOUN", "PROPN", "ADJ", "NUM"} and not prev.text[:1].isupper() \
                and low not in {"-", "–"}:  # "a 30-year gas supply deal"
            return False
    return False


def _is_date_word(tok: Token) -> bool:
    """A weekday, a month or a number: "signed the Treaty on Tuesday", "in May 2019"."""
    return tok.text.lower() in CALENDAR or tok.like_num


# A weapon system's designation: "F-16", "Su-35", "S-400", "JF-17", "A-29", "K2".
_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,2}-?\d{1,3}[A-Z]?s?")


def _weapon_word(word: str, lex: Lexicon) -> bool:
    """A capitalised word naming weapons ("Patriot", "Rafale", "F-16") rather than a title."""
    return bool(_DESIGNATION.fullmatch(word)) or lex.kind_of(word.lower()) == "arms_deal"


def _is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def _named(parsed: ParsedDoc, head: Token, actors: Sequence[Any], lex: Lexicon) -> AgreementMention | None:
    sent = parsed.sentences[head.sent]
    toks = parsed.tokens
    lo = head.i
    # left: capitalised words, and links between capitalised words
    while lo - 1 >= sent.token_start:
        prev = toks[lo - 1]
        if _is_cap(prev) and prev.text.lower() not in STOP_WORDS and not prev.is_punct:
            lo -= 1
        # "the Conventional Armed Forces in Europe Treaty": "in" links a title's words
        # only before its head (after it, "the Treaty of Friendship in Moscow" is a venue)
        elif prev.text.lower() in NAME_LINKS | {"in"} and prev.text != "the" and lo - 2 >= sent.token_start \
                and _is_cap(toks[lo - 2]) and toks[lo - 2].text != "The" and _is_cap(toks[lo]):
            lo -= 1
        else:
            break
    hi = head.i + 1
    while hi < sent.token_end and _is_cap(toks[hi]) and toks[hi].text.lower() in lex.heads:
        hi += 1  # "... Partnership Agreement": the last head noun ends the title
    # right: "of/on/for (the) Capitalised ..." ("Treaty of Lausanne")
    if hi < sent.token_end and toks[hi].text in {"of", "on", "for"} and _is_cap(toks[hi - 1]):
        j = hi + 1
        if j < sent.token_end and toks[j].text == "the":
            j += 1
        if j < sent.token_end and _is_cap(toks[j]) and not toks[j].is_punct \
                and not _is_date_word(toks[j]):  # "Treaty on Tuesday" is no title
            hi = j + 1
            while hi < sent.token_end and (_is_cap(toks[hi]) and not toks[hi].is_punct
                                           and not _is_date_word(toks[hi]) or (
                    toks[hi].text.lower() in NAME_LINKS and hi + 1 < sent.token_end
                    and _is_cap(toks[hi + 1]) and not _is_date_word(toks[hi + 1]))):
                hi += 1
            hi = _listed_title_words(toks, hi, sent.token_end, actors)
    words = toks[lo:hi]
    if len(words) < 2:
        return None
    start, end = words[0].start, words[-1].end
    inside = actors_in(actors, start, end)
    # a person the resolver knows nothing of ("the Argyle declaration", "the Annan Plan")
    # is the title's own word, not a party named in front of a generic head
    sides = [a for a in inside if not (a.actor.kind == "person" and not a.actor.country)]
    covered = {t.i for t in words if any(a.start <= t.start and t.end <= a.end for a in sides)}
    free_caps = [t for t in words if t.text.lower() not in lex.heads and _is_cap(t) and t.i not in covered
                 and not t.like_num]
    if not _is_cap(head) and not free_caps:
        return None  # "the French-Greek defence pact": actors, not a title
    if not _is_cap(head) and all(_weapon_word(t.text, lex) for t in free_caps):
        return None  # "a second Patriot contract", "the F-35 deal": goods, not a title
    if lo == sent.token_start and (not free_caps or (not _is_cap(head) and len(free_caps) == 1
                                                     and free_caps[0].i == lo
                                                     and free_caps[0].pos != "PROPN")):
        return None  # "Defence Agreement ...", "Diplomatic protocol": capitalised by position
    name = parsed.text[start:end]
    # "the Anglo-Iraqi treaty of alliance": a lowercase "of" complement tells the kind
    tail = _OF_COMPLEMENT.match(parsed.text, end, sent.end) if not _is_cap(head) else None
    kind = lex.kind_of(name) or (tail and lex.kind_of(tail.group(0))) or lex.heads.get(head.text.lower()) \
        or "other"
    return AgreementMention(start, end, name, sent.i, True, name, kind, True, head.start, inside)


_OF_COMPLEMENT = re.compile(r"\s+of\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*")

# the most capitalised words one member of a title's list may have
_LISTED_WORDS = 3


def _listed_title_words(toks: Sequence[Token], hi: int, end: int, actors: Sequence[Any]) -> int:
    """"Treaty of Friendship, Cooperation and Mutual Assistance": the "of" phrase of a title
    may list capitalised nouns, joined by commas and a last "and"; where the title ends
    (``hi`` unchanged unless the list closes with "and" and names no actor)."""
    def caps(j: int) -> int:
        k = j
        while k < end and k - j < _LISTED_WORDS and _is_cap(toks[k]) and not toks[k].is_punct \
                and not _is_date_word(toks[k]):
            k += 1
        return k

    j = hi
    while j < end and toks[j].text == "," and caps(j + 1) > j + 1:
        j = caps(j + 1)
    if j == hi or j >= end:
        return hi
    k = j + 1 if toks[j].text == "," else j
    if k >= end or toks[k].text != "and" or caps(k + 1) == k + 1:
        return hi
    new_end = caps(k + 1)
    if actors_in(actors, toks[hi].start, toks[new_end - 1].end):
        return hi  # "the Treaty of Lausanne, Britain and France": parties, not the title
    return new_end
