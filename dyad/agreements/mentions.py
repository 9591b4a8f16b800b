"""Agreement mentions in a document.

Three kinds of mention, tried in this order (an earlier kind wins where they overlap):

1. a well-known agreement from ``data/known.yaml`` by any alias ("New START", "GSOMIA");
2. a named agreement: a capitalised phrase headed by a head noun ("the Enhanced Defense
   Cooperation Agreement", "the Treaty of Lausanne"), or a lower-case head after a
   capitalised word that is not an actor ("the Minsk agreements"); an acronym in
   brackets right after it ("... Agreement (EDCA)") names it for the rest of the document;
3. a generic agreement: a lower-case head with its modifiers ("a comprehensive economic
   partnership", "the recently signed investment accord", "a deal for 36 fighter jets").

Which mentions are one agreement is ``dyad.agreements.linking``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from dyad.agreements.lexicon import Known, Lexicon, normalise_name
from dyad.agreements.spans import group_before, is_own_igo, own_names
from dyad.nlp.parsed import ParsedDoc, Token
from dyad.nlp.selective import CALENDAR

DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her",
                      "our", "such", "said"})
INDEFINITE = frozenset({"a", "an", "another", "any", "some", "no"})
# Words that end a generic mention's modifiers (walking left from the head).
STOP_WORDS = DEFINITE | INDEFINITE | frozenset({
    "of", "on", "in", "to", "for", "with", "by", "at", "from", "and", "or", "but", "as",
    "which", "that", "who", "is", "was", "are", "were", "be", "been", "has", "have", "had",
    "will", "would", "signed", "sign", "ratified", "under", "into", "over", "about"})
STOP_POS = frozenset({"AUX", "ADP", "PRON", "DET", "CCONJ", "SCONJ", "PART"})
NAME_LINKS = frozenset({"of", "on", "for", "and", "the", "-", "–"})
MAX_MODIFIERS = 6
_BACKER = re.compile(r"-(?:brokered|mediated|backed|sponsored|facilitated|drafted|proposed)\b")
RIGHT_WINDOW = 70
# Actors inside a title that name its parties ("the US-Japan Security Treaty"); an
# organisation or person found there is the title read as a name ("CPTPP").
TITLE_PARTY_KINDS = frozenset({"state", "igo", "group"})
# Heads whose own kind is the document's form: words after them do not change it.
FORM_KINDS = frozenset({"memorandum", "ceasefire"})  # characters after a generic head read for a kind cue
# A head noun used as a modifier of these is not an agreement ("treaty allies").
NOT_HEAD_BEFORE = frozenset({"ally", "allies", "partner", "partners", "obligations",
                             "commitments", "organization", "organisation", "members", "member",
                             "body", "bodies", "regime", "system"})
# "cessation of hostilities agreement": a kind phrase with "of" inside the modifiers.
_OF_PHRASES = re.compile(r"cessation of hostilities\s*$|status of forces\s*$", re.IGNORECASE)
# "broad agreement", "by mutual agreement": the agreeing, not an agreement
_CONSENSUS = re.compile(r"(?:(?:broad|general|mutual|wide|widespread|tacit|common|unanimous|"
                        r"complete|full|total|partial|little|much|some|more)\s+)+", re.IGNORECASE)
_HOSTILITIES = re.compile(r"\s+of\s+hostilities\b(?P<head>\s+(?:agreement|accord|deal|pact|truce|"
                          r"arrangement)s?\b)?", re.IGNORECASE)
# Modifiers of a domestic or business deal, never an agreement between states.
DOMESTIC = frozenset({"coalition", "budget", "plea", "wage", "pay", "salary", "book",
                      "sponsorship", "licensing", "merger", "takeover", "buyout", "prenuptial",
                      "bipartisan", "spending", "bargaining", "severance", "franchise",
                      "endorsement", "non-disclosure", "confidentiality", "shareholder",
                      "shareholders", "congressional", "electoral", "cross-party"})
_DOMESTIC_AFTER = re.compile(r"\s+(?:on|over)\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:budget|spending|"
                             r"pensions?|tax(?:es)?|wages?|debt\s+ceiling|government\s+funding)\b",
                             re.IGNORECASE)
# "memorandum" is a treaty form only as a memorandum of understanding, on a subject, or
# with a partner; alone it is an internal note ("a presidential memorandum").
MEMO_HEADS = frozenset({"memorandum", "memorandums", "memoranda"})
_MEMO_AFTER = re.compile(r"\s+(?:of\s+(?:understanding|agreement|cooperation)|on|with|between|"
                         r"for|to\s+(?:boost|expand|deepen|strengthen|cooperate))\b", re.IGNORECASE)
# "a great deal", "deal with": a head in these frames is not an agreement.
NOT_AGREEMENT = re.compile(r"\b(?:great|good) deal\b|\bin agreement\b|\b(?:to|will|must|can|could|"
                           r"should|would|cannot|and|help|not)\s+deal\s+with\b"
                           r"|\bagreement with (?:him|her|them|this|that)\b",
                           re.IGNORECASE)
# "There is agreement that talks should go on": a bare "agreement that" is a consensus;
# with a determiner or a modifier it heads a relative clause ("a defence cooperation
# agreement that gives US forces access to bases").
_BARE_THAT = re.compile(r"\s+that\b", re.IGNORECASE)


@dataclass
class AgreementMention:
    start: int
    end: int
    text: str
    sent: int
    named: bool
    name: str  # canonical (known), the title (named) or the phrase without determiner
    kind: str | None
    definite: bool
    head_start: int
    actors: list[Any] = field(default_factory=list)  # actor mentions naming its parties
    known: Known | None = None
    kind_cued: bool = True  # False when the kind is only the head noun's default ("the treaty")
    sent_start: int = 0  # the sentence's offsets in the document
    sent_end: int = 0
    partners: list[Any] = field(default_factory=list)  # the actors after "with X and Y"
    sides: list[Any] = field(default_factory=list)  # the actors after "between X and Y"

    @property
    def plural(self) -> bool:
        """A generic plural head: "bilateral security agreements", "separate deals"."""
        word = self.text[self.head_start - self.start:].split()[0].lower() if self.text else ""
        return not self.named and word != normalise_name(word) and word.endswith("s")

    @property
    def head(self) -> str:
        """The head noun, singular and lower-case ("pacts" -> "pact")."""
        word = self.text[self.head_start - self.start:].split()[0].lower() if self.text else ""
        return normalise_name(word)

    @property
    def key(self) -> str | None:
        return normalise_name(self.name) if self.named else None


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
                             True, m.start(), _actors_in(actors, m.start(), m.end()), known))
    local_aliases: dict[str, AgreementMention] = {}
    for tok in parsed.tokens:
        if tok.text.lower() not in lexicon.heads or tok.start < parsed.body_start:
            continue
        if not free(tok.start, tok.end) or (tok.pos == "VERB" and not _noun_after_det(parsed, tok)):
            continue
        nxt = parsed.tokens[tok.i + 1] if tok.i + 1 < len(parsed.tokens) else None
        if nxt is not None and nxt.sent == tok.sent and nxt.text.lower() in lexicon.heads \
                and tok.text.islower():
            continue  # "ceasefire agreement": the last head noun heads the mention
        if nxt is not None and nxt.sent == tok.sent and nxt.text.lower() in NOT_HEAD_BEFORE:
            continue  # "treaty allies", "treaty obligations": a modifier, not an agreement
        if tok.text == "framework" and nxt is not None and nxt.text.lower() == "of":
            continue  # "within the framework of NATO": a setting, not an agreement
        named = _named(parsed, tok, actors, lexicon) if tok.text.lower() not in GENERIC_ONLY else None
        mention = named or _generic(parsed, tok, actors, lexicon)
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


def _actors_in(actors: Sequence[Any], start: int, end: int) -> list[Any]:
    return [a for a in actors if start <= a.start and a.end <= end]


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
        elif prev.text.lower() in NAME_LINKS and prev.text != "the" and lo - 2 >= sent.token_start \
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
    words = toks[lo:hi]
    if len(words) < 2:
        return None
    start, end = words[0].start, words[-1].end
    inside = _actors_in(actors, start, end)
    covered = {t.i for t in words if any(a.start <= t.start and t.end <= a.end for a in inside)}
    free_caps = [t for t in words if t.text.lower() not in lex.heads and _is_cap(t) and t.i not in covered
                 and not t.like_num]
    if not _is_cap(head) and not free_caps:
        return None  # "the French-Greek defence pact": actors, not a title
    if lo == sent.token_start and (not free_caps or (not _is_cap(head) and len(free_caps) == 1
                                                     and free_caps[0].i == lo
                                                     and free_caps[0].pos != "PROPN")):
        return None  # "Defence Agreement ...", "Diplomatic protocol": capitalised by position
    name = parsed.text[start:end]
    kind = lex.kind_of(name) or lex.heads.get(head.text.lower()) or "other"
    return AgreementMention(start, end, name, sent.i, True, name, kind, True, head.start, inside)


def _hyphened(toks: Sequence[Token], tok: Token) -> bool:
    """The first part of a hyphenated word ("follow" in "follow-up deal")."""
    nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
    return nxt is not None and nxt.text in {"-", "–"} and nxt.start == tok.end


def _in_hyphened_word(toks: Sequence[Token], tok: Token) -> bool:
    """A token joined by hyphens on both sides, with no space ("of" in "status-of-forces")."""
    if tok.i == 0 or tok.i + 1 >= len(toks):
        return False
    before, after = toks[tok.i - 1], toks[tok.i + 1]
    return before.text in {"-", "–"} and before.end == tok.start \
        and after.text in {"-", "–"} and after.start == tok.end


def _modifier_word(tok: Token, lex: Lexicon) -> bool:
    """A lower-case noun or adjective that may modify a head ("trade" in "trade and
    investment agreement"), not a head noun itself."""
    return tok.text.islower() and tok.pos in {"NOUN", "ADJ"} and tok.text not in lex.heads \
        and tok.text not in STOP_WORDS


def _generic(parsed: ParsedDoc, head: Token, actors: Sequence[Any], lex: Lexicon) -> AgreementMention | None:
    sent = parsed.sentences[head.sent]
    toks = parsed.tokens
    window = parsed.text[max(sent.start, head.start - 12):min(sent.end, head.end + 12)]
    if NOT_AGREEMENT.search(window):
        return None
    end = head.end
    if head.text.lower() == "cessation":  # "a cessation of hostilities", not "of trade"
        tail = _HOSTILITIES.match(parsed.text, head.end, sent.end)
        if tail is None or tail.group("head"):
            return None  # "... hostilities agreement": the later head noun takes it
        end = tail.end()
    lo = head.i
    while lo - 1 >= sent.token_start and head.i - lo < MAX_MODIFIERS:
        prev = toks[lo - 1]
        low = prev.text.lower()
        if low == "and" and lo - 2 >= sent.token_start and _modifier_word(toks[lo - 2], lex):
            lo -= 1  # "a trade and investment agreement": one mention
            continue
        if low in STOP_WORDS and _in_hyphened_word(toks, prev):
            lo -= 1  # "a status-of-forces agreement": "of" inside one hyphened word
            continue
        if low in STOP_WORDS or prev.pos in STOP_POS or (
                prev.is_punct and low not in {"-", "–", "$", "€", "£", "¥", "₹"}):
            break
        if prev.pos == "VERB" and prev.tag not in {"VBN", "VBG"} and not _hyphened(toks, prev):
            break
        if prev.text in {"'s", "’s"}:
            break
        lo -= 1
    of_phrase = _OF_PHRASES.search(parsed.text, sent.start, head.start)
    if of_phrase and lo - 1 >= sent.token_start and toks[lo - 1].text.lower() == "of":
        while lo - 1 >= sent.token_start and toks[lo - 1].start >= of_phrase.start():
            lo -= 1  # "a cessation of hostilities agreement"
    det = toks[lo - 1].text.lower() if lo - 1 >= sent.token_start else ""
    if det == "no":
        return None  # "No agreement was reached", "there is no deal": none exists
    if lo == head.i and det not in DEFINITE | INDEFINITE and head.text.lower() == "agreement" \
            and _BARE_THAT.match(parsed.text, head.end):
        return None  # "There is agreement that ...": a consensus
    start = toks[lo].start
    # what follows the head may say the kind: "a deal for 36 fighter jets", "accord on
    # trade", "a deal with France for 26 jets"
    right = parsed.text[head.end:min(sent.end, head.end + RIGHT_WINDOW)]
    right = re.split(r"[;.]| (?:which|that|who|but)\b", right)[0]
    right_cue = re.match(r"(?:\s+(?:with|between)\s+[^,;.]{0,40}?)?"
                         r"\s+(?:for|on|of|to (?:buy|supply|sell|purchase))\s+[^,;.]*", right)
    modifiers = parsed.text[start:head.start]
    cued = lex.kind_of(modifiers) or (lex.kind_of(right_cue.group(0)) if right_cue else None)
    default = lex.heads.get(head.text.lower())
    if default in FORM_KINDS and not lex.kind_of(modifiers):
        cued = None  # "a memorandum of understanding on defence" is a memorandum
    if default == "ceasefire" and head.text.lower() != "cessation":
        cued = default  # "an energy ceasefire", "an Easter truce": the scope of a ceasefire
    kind = cued or default
    if head.text.lower() in ARMS_ONLY and kind != "arms_deal":
        return None
    if head.text.lower() in LEASES and not cued and _basing_sentence(sent.text, lex):
        cued = kind = "basing"  # "China built the base under a 10-year lease"
    if head.text.lower() in ENTRY_HEADS:  # an entry is an accession whatever it enters
        if not _accession_of(parsed, head, right, actors, start, lex):
            return None  # "membership of the Security Council" is a seat
        cued = kind = "accession"
    if head.text.lower() in lex.weak_heads and not cued \
            and not (_object_of_stage_verb(parsed, head) and head.text.lower() not in GENERIC_ONLY):
        return None
    if set(re.findall(r"[a-z-]+", modifiers.lower())) & DOMESTIC or _DOMESTIC_AFTER.match(right):
        return None  # "the coalition agreement", "a deal on the budget": no treaty between states
    if head.text.lower() in MEMO_HEADS and not cued and not _MEMO_AFTER.match(right) \
            and not any(a.actor.kind in {"state", "igo"} for a in _actors_in(actors, start, head.start)):
        return None  # "signed a memorandum ordering an inquiry": an internal note (but
        # "the Turkey-Libya memorandum" is between states)
    if det not in DEFINITE | INDEFINITE | {"'s", "’s"} and _CONSENSUS.fullmatch(modifiers) \
            and head.text.lower() in {"agreement", "accord"}:
        return None  # "broad agreement among members", "by mutual agreement": consensus
    # an actor read from a kind word ("LNG" as an organisation) is the kind, not a party,
    # and a company or a word read as an organisation ("post-Brexit") binds no state
    # ("Sweden's NATO accession protocol": the resolver's "Sweden's NATO" starts before it)
    inside = [a for a in actors if a.start < head.start and a.end > start and a.end <= head.start
              and (a.actor.kind != "organisation" or a.actor.sector == "GOV")]
    # possessive owner right before: "France's defence pact", a list of owners: "Japan and
    # Australia's security pact"
    if det in {"'s", "’s"} and lo - 2 >= sent.token_start:
        owner = toks[lo - 2]
        owners = group_before(parsed.text, [a for a in actors if a.end <= owner.end],
                              owner.end, floor=sent.start, max_gap=0)
        inside = (owners or _actors_in(actors, owner.start, owner.end)) + inside
    return AgreementMention(start, end, parsed.text[start:end], sent.i, False,
                            parsed.text[start:end], kind,
                            det in DEFINITE or det in {"'s", "’s"}, head.start, inside,
                            kind_cued=cued is not None)


# Heads that never end a title: "the NATO accession" is Finland's accession, not a name.
GENERIC_ONLY = frozenset({"accession", "membership", "lease", "leases", "sale", "sales", "order", "orders"})
# A sale or an order is an agreement only of weapons ("the sale of F-16 jets"; not "the
# sale of the company", "an executive order"). ("purchase" is left out: news mostly uses it
# for what a deal covers, "the deal covers the purchase of 36 jets".)
ARMS_ONLY = frozenset({"sale", "sales", "order", "orders"})
LEASES = frozenset({"lease", "leases"})


def _basing_sentence(text: str, lex: Lexicon) -> bool:
    """A sentence that speaks of bases, ports for warships or stationed troops."""
    return any(p.search(text) for kind, pats in lex.context_kinds if kind == "basing" for p in pats)


# "accession" and "membership" name an agreement only as a candidate's entry into an
# organisation ("Sweden's accession to NATO", "Finland's NATO accession", "Sweden's
# membership of NATO"), not as a modifier ("accession talks", "a membership bid"). Entering
# a treaty is a stage of that treaty ("Britain's accession to the CPTPP": its in_force),
# and a seat on a council is no accession ("membership of the Security Council").
ENTRY_HEADS = frozenset({"accession", "membership"})
_ENTRY_TO = re.compile(r"\s+(?:to|into|of|in)\s+(?:the\s+)?")
_SEAT = re.compile(r"\b(?:Security|Human\s+Rights|Economic\s+and\s+Social)\s+Council\b|\bBoard\b")


def _accession_of(parsed: ParsedDoc, head: Token, right: str, actors: Sequence[Any],
                  start: int, lex: Lexicon) -> bool:
    nxt = parsed.tokens[head.i + 1] if head.i + 1 < len(parsed.tokens) else None
    if nxt is not None and nxt.sent == head.sent and nxt.pos in {"NOUN", "PROPN"}:
        return False  # "accession talks", "accession process"
    to = _ENTRY_TO.match(right)
    after = head.end + to.end() if to else -1
    bodies = [a for a in actors if a.actor.kind == "igo" and (start < a.end <= head.start or a.start == after)]
    return any(not lex.alias_pattern.fullmatch(a.text) and not _SEAT.search(a.text) for a in bodies)


# Verbs whose object is an agreement whatever its head noun: what is signed or ratified is
# one, so "ratified a strategic partnership" names an agreement although "partnership"
# alone ("a partnership of equals") does not.
STAGE_VERBS = frozenset({"sign", "ratify", "initial", "ink", "seal", "conclude", "renew",
                         "extend", "suspend", "terminate", "abrogate", "denounce"})


def _object_of_stage_verb(parsed: ParsedDoc, head) -> bool:
    if head.dep not in {"dobj", "nsubjpass"}:
        return False
    verb = parsed.tokens[head.head]
    return verb.lemma in STAGE_VERBS

