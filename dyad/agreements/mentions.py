"""Agreement mentions in a document and which of them refer to the same agreement.

Three kinds of mention, tried in this order (an earlier kind wins where they overlap):

1. a well-known agreement from ``data/known.yaml`` by any alias ("New START", "GSOMIA");
2. a named agreement: a capitalised phrase headed by a head noun ("the Enhanced Defense
   Cooperation Agreement", "the Treaty of Lausanne"), or a lower-case head after a
   capitalised word that is not an actor ("the Minsk agreements"); an acronym in
   brackets right after it ("... Agreement (EDCA)") names it for the rest of the document;
3. a generic agreement: a lower-case head with its modifiers ("a comprehensive economic
   partnership", "the recently signed investment accord", "a deal for 36 fighter jets").

Linking (within one document, in text order): a named mention joins the agreement with the
same normalised name. A generic mention with a definite determiner ("the", "this", "its")
joins the most recent agreement whose kind is compatible (same kind, or either has none)
and whose parties do not conflict, preferring one already called by the same head noun
("the pact" goes back to "a defence pact" over a later "trade deal"); an indefinite one
("a", "an", none) starts a new agreement, except a bare "a deal" whose sentence names no
new actor (it refers back) and a first named mention that names the last generic agreement
(see ``cluster``). Pronouns are never linked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from dyad.agreements.lexicon import Known, Lexicon, normalise_name
from dyad.nlp.parsed import ParsedDoc, Token

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
LINK_SENTENCES = 2  # how far back "a deal" or a first name may refer
# Capitalised words of a name that say nothing about which agreement it is.
NAME_STOP = frozenset({"the", "treaty", "agreement", "accord", "accords", "pact", "deal",
                       "protocol", "memorandum", "convention", "partnership", "charter",
                       "of", "on", "for", "and", "new", "joint", "comprehensive"})
RIGHT_WINDOW = 70
# Heads whose own kind is the document's form: words after them do not change it.
FORM_KINDS = frozenset({"memorandum", "ceasefire"})  # characters after a generic head read for a kind cue
# A head noun used as a modifier of these is not an agreement ("treaty allies").
NOT_HEAD_BEFORE = frozenset({"ally", "allies", "partner", "partners", "obligations",
                             "commitments", "organization", "organisation", "members", "member",
                             "body", "bodies", "regime", "system"})
# "cessation of hostilities agreement": a kind phrase with "of" inside the modifiers.
_OF_PHRASES = re.compile(r"cessation of hostilities\s*$|status of forces\s*$", re.IGNORECASE)
# "a great deal", "deal with": a head in these frames is not an agreement.
NOT_AGREEMENT = re.compile(r"\b(?:great|good) deal\b|\bin agreement\b|\b(?:to|will|must|can|could|"
                           r"should|would|cannot|and|help|not)\s+deal\s+with\b"
                           r"|\bagreement (?:that|with (?:him|her|them|this|that))\b",
                           re.IGNORECASE)


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

    @property
    def head(self) -> str:
        """The head noun, singular and lower-case ("pacts" -> "pact")."""
        word = self.text[self.head_start - self.start:].split()[0].lower() if self.text else ""
        return normalise_name(word)

    @property
    def key(self) -> str | None:
        return normalise_name(self.name) if self.named else None


@dataclass
class Cluster:
    """One agreement of the document: its mentions, in text order."""

    mentions: list[AgreementMention]

    @property
    def first(self) -> AgreementMention:
        return self.mentions[0]

    @property
    def named(self) -> AgreementMention | None:
        return next((m for m in self.mentions if m.named), None)

    @property
    def kind(self) -> str | None:
        """A named mention's kind word, else the first kind word of any mention, else a
        head noun's default ("treaty"), else the name's "other"."""
        named = self.named
        if named and named.kind and named.kind not in {"other", "treaty"}:
            return named.kind
        cued = next((m.kind for m in self.mentions if m.kind and m.kind_cued and not m.named), None)
        if cued:
            return cued
        if named and named.kind:
            return named.kind
        return next((m.kind for m in self.mentions if m.kind), None)

    @property
    def party_ids(self) -> set[str]:
        return {a.actor.country or a.actor.actor_id for m in self.mentions for a in m.actors}


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
        mention = _named(parsed, tok, actors, lexicon) or _generic(parsed, tok, actors, lexicon)
        if mention is None or not free(mention.start, mention.end):
            continue
        add(mention)
        acro = re.match(r"\s*\(([A-Z][A-Za-z0-9-]{1,11})\)", text[mention.end:])
        if mention.named and acro:
            local_aliases[acro.group(1)] = mention
    for alias, target in local_aliases.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
            sent = _sent_index(parsed, m.start())
            if sent is not None and free(m.start(), m.end()):
                add(AgreementMention(m.start(), m.end(), alias, sent, True, target.name,
                                     target.kind, True, m.start(), [], target.known))
    for m in found:
        sent_ = parsed.sentences[m.sent]
        m.sent_start, m.sent_end = sent_.start, sent_.end
        m.actors = [a for a in m.actors if _can_be_party(text, a, lexicon)]
        if m.known is not None and m.known.parties:
            m.actors = []  # "the AUKUS pact": its parties are listed, the name is no actor
    return sorted(found, key=lambda m: m.start)


def _can_be_party(text: str, actor: Any, lexicon: Lexicon) -> bool:
    """Not a mediator or backer ("the EU-brokered accord", "a US-backed deal") and not a
    head noun read as an organisation ("Treaty")."""
    if _BACKER.match(text, actor.end):
        return False
    return actor.text.lower() not in lexicon.heads


def cluster(mentions: Sequence[AgreementMention], *, text: str = "",
            sent_actors: dict[int, set[str]] | None = None) -> list[Cluster]:
    """Group mentions into agreements by the linking rule in the module docstring.

    ``text`` (the document) and ``sent_actors`` (sentence -> the actor ids named in it)
    enable the two links that look past a mention's own words: a first named mention
    that names a recent generic agreement, and a bare "a deal" that refers back."""
    clusters: list[Cluster] = []
    sent_actors = sent_actors or {}
    for m in mentions:
        target = None
        if m.named:
            target = next((c for c in clusters if c.named and c.named.key == m.key), None)
            if target is None and text:
                target = _named_generic(clusters, m, text)
        elif m.definite:
            target = _recent_compatible(clusters, m)
        elif _bare(m):
            target = _bare_antecedent(clusters, m, sent_actors)
        if target is None:
            clusters.append(Cluster([m]))
        else:
            target.mentions.append(m)
    return clusters


def _bare(m: AgreementMention) -> bool:
    """"a deal", "an agreement": an indefinite head with no kind word and no party."""
    return not m.named and not m.kind_cued and not m.actors and m.start == m.head_start


def _bare_antecedent(clusters: list[Cluster], m: AgreementMention,
                     sent_actors: dict[int, set[str]]) -> Cluster | None:
    """"Talks began in November and a deal could be signed next year": a bare indefinite
    mention refers back to the agreement of the last ``LINK_SENTENCES`` sentences when its
    sentence names no actor the agreement's sentences do not ("Turkey signed a deal" after
    a Greek-French pact is a new agreement)."""
    recent = [c for c in clusters if 0 <= m.sent - c.mentions[-1].sent <= LINK_SENTENCES]
    if not recent:
        return None
    c = max(recent, key=lambda c: c.mentions[-1].start)
    known = set().union(*(sent_actors.get(x.sent, set()) for x in c.mentions))
    return c if sent_actors.get(m.sent, set()) <= known else None


def _named_generic(clusters: list[Cluster], m: AgreementMention, text: str) -> Cluster | None:
    """"signed a security pact in 1951. The Mutual Defense Treaty ...": the first named
    mention names the most recent generic agreement (no name yet, last mentioned within
    ``LINK_SENTENCES`` sentences) when their kinds agree on a kind word or a capitalised
    word of the name stands in that agreement's sentence ("a deal for 26 Rafale jets" ...
    "the Rafale deal")."""
    recent = [c for c in clusters if c.named is None and 0 < m.sent - c.mentions[-1].sent <= LINK_SENTENCES]
    if not recent:
        return None
    c = max(recent, key=lambda c: c.mentions[-1].start)
    own = {a.actor.country or a.actor.actor_id for a in m.actors}
    if own and c.party_ids and not own & c.party_ids:
        return None
    if m.kind and m.kind not in {"treaty", "other"} and m.kind == c.kind:
        return c
    words = {w for w in re.findall(r"\b[A-Z][\w-]+", m.text)
             if w.lower() not in NAME_STOP and not any(a.start <= m.start + m.text.find(w) < a.end
                                                       for a in m.actors)}
    sents = " ".join(text[x.sent_start:x.sent_end] for x in c.mentions)
    return c if any(re.search(rf"\b{re.escape(w)}\b", sents) for w in words) else None


def _recent_compatible(clusters: list[Cluster], m: AgreementMention) -> Cluster | None:
    """The most recent compatible agreement, preferring one already called by the same
    head noun ("the pact" after "a defence pact", even with a trade deal in between)."""
    own = {a.actor.country or a.actor.actor_id for a in m.actors}
    compatible = []
    for c in sorted(clusters, key=lambda c: c.mentions[-1].start, reverse=True):
        # "the treaty" after "a peace treaty": a bare head's default kind does not conflict
        if m.kind and m.kind_cued and c.kind and m.kind != c.kind and c.kind not in {"treaty", "other"}:
            continue
        if own and c.party_ids and not own & c.party_ids:
            continue
        compatible.append(c)
    same_head = [c for c in compatible if any(x.head == m.head for x in c.mentions)]
    return (same_head or compatible or [None])[0]


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
    for k in range(head.i - 1, max(head.i - 4, -1), -1):
        prev = toks[k]
        if prev.sent != head.sent:
            return False
        low = prev.text.lower()
        if low in DEFINITE or low in INDEFINITE or low in {"'s", "’s"}:
            return True
        if prev.pos not in {"NOUN", "PROPN", "ADJ", "NUM"} and not prev.text[:1].isupper():
            return False
    return False


def _is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def _named(parsed: ParsedDoc, head: Token, actors: Sequence[Any], lex: Lexicon) -> AgreementMention | None:
    sent = parsed.sentences[head.sent]
    toks = parsed.tokens
    lo = head.i
    # left: capitalised words, and links between capitalised words
    while lo - 1 >= sent.token_start:
        prev = toks[lo - 1]
        if _is_cap(prev) and prev.text != "The" and not prev.is_punct:
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
        if j < sent.token_end and _is_cap(toks[j]) and not toks[j].is_punct:
            hi = j + 1
            while hi < sent.token_end and (_is_cap(toks[hi]) and not toks[hi].is_punct or (
                    toks[hi].text.lower() in NAME_LINKS and hi + 1 < sent.token_end
                    and _is_cap(toks[hi + 1]))):
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
    if lo == sent.token_start and not free_caps:
        return None  # "Defence Agreement ..." opening a sentence: capitalised by position
    name = parsed.text[start:end]
    kind = lex.kind_of(name) or lex.heads.get(head.text.lower()) or "other"
    return AgreementMention(start, end, name, sent.i, True, name, kind, True, head.start, inside)


def _generic(parsed: ParsedDoc, head: Token, actors: Sequence[Any], lex: Lexicon) -> AgreementMention | None:
    sent = parsed.sentences[head.sent]
    toks = parsed.tokens
    window = parsed.text[max(sent.start, head.start - 12):min(sent.end, head.end + 12)]
    if NOT_AGREEMENT.search(window):
        return None
    lo = head.i
    while lo - 1 >= sent.token_start and head.i - lo < MAX_MODIFIERS:
        prev = toks[lo - 1]
        low = prev.text.lower()
        if low in STOP_WORDS or prev.pos in STOP_POS or (
                prev.is_punct and low not in {"-", "–", "$", "€", "£", "¥", "₹"}):
            break
        if prev.pos == "VERB" and prev.tag not in {"VBN", "VBG"}:
            break
        if prev.text in {"'s", "’s"}:
            break
        lo -= 1
    of_phrase = _OF_PHRASES.search(parsed.text, sent.start, head.start)
    if of_phrase and lo - 1 >= sent.token_start and toks[lo - 1].text.lower() == "of":
        while lo - 1 >= sent.token_start and toks[lo - 1].start >= of_phrase.start():
            lo -= 1  # "a cessation of hostilities agreement"
    det = toks[lo - 1].text.lower() if lo - 1 >= sent.token_start else ""
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
    kind = cued or default
    if head.text.lower() in lex.weak_heads and not cued and not _object_of_stage_verb(parsed, head):
        return None
    inside = _actors_in(actors, start, head.start)
    # possessive owner right before: "France's defence pact"
    if det in {"'s", "’s"} and lo - 2 >= sent.token_start:
        owner = toks[lo - 2]
        inside = _actors_in(actors, owner.start, owner.end) + inside
    return AgreementMention(start, head.end, parsed.text[start:head.end], sent.i, False,
                            parsed.text[start:head.end], kind,
                            det in DEFINITE or det in {"'s", "’s"}, head.start, inside,
                            kind_cued=cued is not None)


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

