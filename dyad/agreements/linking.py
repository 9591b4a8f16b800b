"""Which agreement mentions of a document are one agreement (``cluster``).

In text order: a named mention joins the agreement with the same normalised name, or the
generic agreement described with the same words ("a 1951 mutual defence treaty" ... "the
Mutual Defense Treaty"), or the description it stands in apposition to ("the accord,
formally the Joint Comprehensive Plan of Action"), or the recent generic agreement it
names (a well-known one by kind and parties: "a treaty between Australia and Tuvalu" ...
"the Falepili Union"). A generic mention with a definite determiner ("the", "this", "its")
joins the most recent agreement whose kind is compatible (same kind, or either has none)
and whose parties do not conflict, preferring one already called by the same head noun ("the pact"
goes back to "a defence pact" over a later "trade deal"); an indefinite one ("a", "an",
none) starts a new agreement, except a bare "a deal" whose sentence names no new actor (it
refers back). Pronouns are never linked. "The new pact" never goes back to the agreement
another replaced, "the old accord" prefers it; "the previous deal" of an agreement that
renews ("an agreement extending the lease") is another one, and a plain "the accord"
after it goes back to the agreement in the news; "under a 99-year lease" in the sentence
of an agreement is one of its terms, no agreement; two coordinated mentions ("a 2014 treaty and
the accord on ...") and a singular mention and a generic plural one are never one
agreement; a reference ("the new text", "the bloc") joins an agreement or is dropped.
``listed_members`` reads the agreements listed after a plural ("including ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from dyad.agreements.agreement_known_links import known_title, parties_fit
from dyad.agreements.lexicon import context_kind, load_lexicon, normalise_name
from dyad.agreements.mention_record import AgreementMention

LINK_SENTENCES = 2  # how far back "a deal" or a first name may refer
# Capitalised words of a name that say nothing about which agreement it is.
NAME_STOP = frozenset({"the", "treaty", "agreement", "accord", "accords", "pact", "deal",
                       "protocol", "memorandum", "convention", "partnership", "charter",
                       "of", "on", "for", "and", "new", "joint", "comprehensive"})


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
        # a person or company with no known country is no side to conflict with
        return {a.actor.country or a.actor.actor_id for m in self.mentions for a in m.actors
                if a.actor.country or a.actor.kind not in {"person", "organisation"}}


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
            target = target or next((c for c in clusters if c.named and _stem(c.named)
                                     and _stem(c.named) == _stem(m)), None)
            # "a 1951 mutual defence treaty" ... "the Mutual Defense Treaty": one treaty
            target = target or next((c for c in clusters if c.named is None and any(
                _generic_key(x) == m.key for x in c.mentions)), None)
            if target is None and text:
                target = _apposed(clusters, m, text) or _named_generic(clusters, m, text, sent_actors)
            if target is None and text and text[m.head_start:m.head_start + 1].islower():
                # a description whose lower-case head follows capitalised words: "the
                # Escazú Agreement, the Latin American and Caribbean treaty on ..."
                target = _describes_name(clusters, m, text)
        elif text and (after := _describes_name(clusters, m, text)) is not None:
            target = after  # "the Escazú Agreement, the regional treaty on ...": one
        elif any(c.named and c.named.key == _generic_key(m) for c in clusters):
            target = next(c for c in clusters if c.named and c.named.key == _generic_key(m))
        elif m.definite:
            target = _recent_compatible(clusters, m, sent_actors, text)
        elif _bare(m):
            target = _bare_antecedent(clusters, m, sent_actors)
        elif text and _term_of(clusters, m, text) is not None:
            continue  # a term of the agreement before it, not an agreement of its own
        else:
            target = _same_words(clusters, m, text)
        if target is not None and not m.named and text and (
                _succeeded(target, m, text) or _OWN.search(text, max(m.sent_start, m.start - 12), m.head_start)):
            # "The accord follows an agreement reached in Lusaka": two; "Mauritania renewed
            # its own fisheries deal with the EU": another state's agreement of the kind
            target = None
        if target is None and m.reference:
            continue  # "the new text" with no agreement named before: nothing to stand for
        if target is None:
            clusters.append(Cluster([m]))
        else:
            target.mentions.append(m)
    return clusters


# "The accord follows an agreement reached in Lusaka", "It builds on last month's accord",
# "The protocol amends the memorandum": the object of a verb of succession or amendment
# whose subject is an agreement is another agreement.
_SUCCESSION = re.compile(r"(?<!\bthe\s)\b(?:follow(?:s|ed|ing)?|build(?:s|ing)?\s+on|built\s+on|replac(?:es|ed|ing)|"
                         r"supersed(?:es|ed|ing)|succeed(?:s|ed|ing)|expand(?:s|ed|ing)?\s+on|"
                         # "The additional protocol amends the memorandum": the amended one
                         r"amend(?:s|ed|ing)?|supplement(?:s|ed|ing)?)\s+"
                         r"(?P<obj>(?:[^\s,;]+\s+){0,3})$", re.IGNORECASE)
_OWN = re.compile(r"\b(?:its|their)\s+own\b", re.IGNORECASE)
_IT_SUBJECT = re.compile(r"\s*(?:It|This|That)\s+(?:\w+\s+)?$")


def _succeeded(target: Cluster, m: AgreementMention, text: str) -> bool:
    """Whether ``m`` is the object of a verb of succession whose subject is ``target``
    (named in the sentence before the verb, or "It" standing for it)."""
    verb = _SUCCESSION.search(text, max(m.sent_start, m.start - 60), m.start)
    if verb is None:
        return False
    return any(x.sent == m.sent and x.end <= verb.start() for x in target.mentions) \
        or bool(_IT_SUBJECT.fullmatch(text, m.sent_start, verb.start()))


# "signed a treaty handing the islands to Mauritius, while keeping the base under a
# 99-year lease": a lease the sentence's agreement grants is one of its terms, not
# another agreement (and not a name for the treaty either).
_UNDER_A = re.compile(r"\bunder\s+(?:a|an)\s+$", re.IGNORECASE)
TERM_HEADS = frozenset({"lease", "leases"})


def _term_of(clusters: list[Cluster], m: AgreementMention, text: str) -> Cluster | None:
    """The agreement mentioned earlier in the sentence of an indefinite "under a lease"."""
    if m.head not in TERM_HEADS or not _UNDER_A.search(text, m.sent_start, m.start):
        return None
    before = [c for c in clusters if any(x.sent == m.sent and x.end <= m.start for x in c.mentions)]
    return max(before, key=lambda c: c.mentions[-1].start, default=None)


# What makes a repeated description another agreement: "another peace treaty", "a
# separate trade deal", "a similar pact".
_ANOTHER = re.compile(r"\b(?:another|second|third|separate|similar|new|different|other|rival|parallel|fresh|"
                      r"further|additional|second|later|earlier|previous|replacement|successor)\b", re.IGNORECASE)


def _same_words(clusters: list[Cluster], m: AgreementMention, text: str) -> Cluster | None:
    """"pulled out of peace treaty talks with Japan ... never signed a peace treaty": an
    indefinite description repeating the words of one before (a kind word and a head) is
    the same agreement, unless it says it is another or names other parties."""
    key = _generic_key(m)
    if len(key.split()) < 2 or m.plural or _ANOTHER.search(text, max(0, m.start - 30), m.end):
        return None
    own = {a.actor.country or a.actor.actor_id for a in m.actors}
    for c in reversed(clusters):
        if c.named is None and any(not x.named and not x.plural and _generic_key(x) == key for x in c.mentions):
            return c if own <= c.party_ids else None
    return None


# Between a description and the name it is given: "the accord, formally the Joint
# Comprehensive Plan of Action", "the deal (the JCPOA)", "a pact known as AUKUS".
_APPOSITION = re.compile(r"\s*(?:,|\(|\u2014|--)?\s*(?:(?:more\s+)?(?:formally|officially)|"
                         r"(?:also\s+|better\s+|widely\s+)?(?:known|referred\s+to)\s+as|called|"
                         r"dubbed|named|titled|i\.e\.)?\s*(?:the\s+)?", re.IGNORECASE)


def _describes_name(clusters: list[Cluster], m: AgreementMention, text: str) -> Cluster | None:
    """The named agreement a definite description stands in apposition to, right after
    its name and a comma ("approved the Escazú Agreement, the Latin American and Caribbean
    treaty on ...")."""
    if not m.definite or m.plural:
        return None
    for c in clusters:
        for x in c.mentions:
            if x.named and x.sent == m.sent and _NAME_APPOSITION.fullmatch(text, x.end, m.start):
                return c
    return None


_NAME_APPOSITION = re.compile(r"\s*,\s*the\s+", re.IGNORECASE)


def _apposed(clusters: list[Cluster], m: AgreementMention, text: str) -> Cluster | None:
    """The agreement of a generic mention of the same sentence that the name stands in
    apposition to ("The agreement, formally the Joint Comprehensive Plan of Action, ...").
    A comma alone links only a definite description to a name right after it."""
    prev = [(x, c) for c in clusters for x in c.mentions
            if x.sent == m.sent and x.end <= m.start and not x.named]
    if not prev:
        return None
    x, c = max(prev, key=lambda p: p[0].end)
    if c.named is not None:
        return None
    gap = text[x.end:m.start]
    if _APPOSITION.fullmatch(gap) and (x.definite or "(" in gap or gap.strip(" ,")):
        return c
    # "signed a security treaty with Papua New Guinea, the Pukpuk Treaty, in October": the
    # name closes the description and its partner phrase, set off by a comma
    if _PARTNER_APPOSITION.fullmatch(gap) and (m.kind in {None, "treaty", "other"} or m.kind == c.kind):
        return c
    return None


_PARTNER_APPOSITION = re.compile(r"\s+(?:with|between|among)\s+[^,;:()]{1,50}?\s*(?:,|\(|\u2014|--)\s*"
                                 r"(?:(?:also\s+)?(?:known\s+as|called|dubbed|named)\s+)?(?:the\s+)?",
                                 re.IGNORECASE)


# Heads news uses for one agreement interchangeably: "the Simla Agreement ... the Simla
# pact", "the Oslo Accords ... the Oslo agreement" (a protocol, a declaration or a
# convention is another document, and may share the place: "the Minsk Protocol").
SAME_FORM_HEADS = frozenset({"agreement", "agreements", "accord", "accords", "pact", "pacts",
                             "deal", "deals", "treaty", "treaties"})


def _stem(m: AgreementMention) -> str | None:
    """A name's own words without a leading year and a trailing interchangeable head
    ("1972 Simla Agreement" -> "simla"); None when nothing capitalised is left."""
    words = re.sub(r"^(?:\d{4}\s+)+", "", m.name).split()
    if len(words) < 2 or words[-1].lower() not in SAME_FORM_HEADS:
        return None
    rest = words[:-1]
    return normalise_name(" ".join(rest)) if any(w[:1].isupper() for w in rest) else None


def _generic_key(m: AgreementMention) -> str:
    """A generic mention's words as a name key, without a leading year or number ("1951
    mutual defence treaty" -> "mutual defense treaty")."""
    return normalise_name(re.sub(r"^(?:\d[\d,.]*(?:-year)?\s+)+", "", m.text))


def _bare(m: AgreementMention) -> bool:
    """"a deal", "an agreement": an indefinite head with no kind word and no party."""
    return not m.named and not m.kind_cued and not m.actors and m.start == m.head_start \
        and m.head != "one"  # "talks on one": another agreement of the kind, never the same


def _bare_antecedent(clusters: list[Cluster], m: AgreementMention,
                     sent_actors: dict[int, set[str]]) -> Cluster | None:
    """"Talks began in November and a deal could be signed next year": a bare indefinite
    mention refers back to the agreement of the last ``LINK_SENTENCES`` sentences when its
    sentence names no actor the agreement's sentences do not ("Turkey signed a deal" after
    a Greek-French pact is a new agreement), and its head is a word for any deal
    (``SAME_FORM_HEADS``, or "arrangement": "will end its pipeline agreement, closing an
    arrangement that dates back to 1973") or one the agreement was already called by."""
    recent = [c for c in clusters if 0 <= m.sent - c.mentions[-1].sent <= LINK_SENTENCES]
    if not recent:
        return None
    c = max(recent, key=lambda c: c.mentions[-1].start)
    if m.head not in SAME_FORM_HEADS | {"arrangement"} and not any(x.head == m.head for x in c.mentions):
        # "signed a contract to buy 72 jets ... The purchase follows a memorandum of
        # understanding the two governments signed in 2005": a memorandum, protocol or
        # declaration is its own document, not another word for a deal of another form
        return None
    known = set().union(*(sent_actors.get(x.sent, set()) for x in c.mentions))
    return c if sent_actors.get(m.sent, set()) <= known else None


def _named_generic(clusters: list[Cluster], m: AgreementMention, text: str,
                   sent_actors: dict[int, set[str]] | None = None) -> Cluster | None:
    """"signed a security pact in 1951. The Mutual Defense Treaty ...": the first named
    mention names the most recent generic agreement (no name yet, last mentioned within
    ``LINK_SENTENCES`` sentences) when their kinds agree on a kind word, a capitalised
    word of the name stands in that agreement's sentence ("a deal for 26 Rafale jets" ...
    "the Rafale deal"), or the two sides the name holds are named there ("Egypt and
    Israel signed a peace treaty ... The Egypt-Israel Treaty") and its kind is no other."""
    recent = [c for c in clusters if c.named is None and 0 < m.sent - c.mentions[-1].sent <= LINK_SENTENCES]
    if not recent:
        return None
    c = max(recent, key=lambda c: c.mentions[-1].start)
    own = {a.actor.country or a.actor.actor_id for a in m.actors}
    if own and c.party_ids and not own & c.party_ids:
        return None
    if m.known is not None and not parties_fit(c, m, sent_actors or {}):
        # "Japan and Manila signed a defence pact. The Falepili Union ...": another pact
        return _known_title(recent, m, text, sent_actors or {})
    if m.kind and m.kind not in {"treaty", "other"} and m.kind == c.kind:
        return c
    # "... scrap the 2010 agreements on the fleet's base. The so-called Kharkiv accords":
    # "so-called" gives a name to what was just described (of the same number)
    if text and _SO_CALLED.search(text, max(0, m.start - 12), m.start) \
            and _head_plural(m) == _head_plural(c.mentions[-1]):
        return c
    named_there = set().union(*((sent_actors or {}).get(x.sent, set()) for x in c.mentions))
    if len(own) >= 2 and own <= named_there and (m.kind in {None, "treaty", "other"} or m.kind == c.kind):
        return c
    # a kind word of the title ("Defense" in "the Mutual Defense Treaty") says nothing of
    # which agreement it is: "US Defense Secretary" in the earlier sentence is no link
    words = {w for w in re.findall(r"\b[A-Z][\w-]+", m.text)
             if w.lower() not in NAME_STOP and not _kind_word(w)
             and not any(a.start <= m.start + m.text.find(w) < a.end for a in m.actors)}
    sents = " ".join(text[x.sent_start:x.sent_end] for x in c.mentions)
    if any(re.search(rf"\b{re.escape(w)}\b", sents) for w in words):
        return c
    if m.known is not None:
        return _known_title(recent, m, text, sent_actors or {})
    return _first_title(recent, m, text)


def _known_title(recent: list[Cluster], m: AgreementMention, text: str,
                 sent_actors: dict[int, set[str]]) -> Cluster | None:
    """A well-known title naming the description just before it
    (``agreement_known_links.known_title``); one dated by a year or called another one
    is left alone."""
    if _YEAR.search(m.text) or _ANOTHER.search(text, max(m.sent_start, m.start - 30), m.start) \
            or _OLD_WORDS.search(text, max(m.sent_start, m.start - 30), m.start):
        return None
    return known_title(recent, m, sent_actors, _head_plural(m))


def _first_title(recent: list[Cluster], m: AgreementMention, text: str) -> Cluster | None:
    """"X and Y signed a mutual defence treaty. Under the Pukpuk Treaty, ...", "Z put off
    signing a security deal with Y. The Nakamal agreement would ...": news introduces an
    agreement by what it is and names it in the next sentences. An unknown title ("the"
    + capitalised words + the head, no year, no party of its own) met for the first time
    names the latest agreement just introduced by an indefinite description whose head is
    of the same form (agreement, accord, pact, deal and treaty are one form in news; a
    lease, a protocol or a declaration is its own). A
    title that says it is another one ("an earlier", "a separate", "the 1995 accord") is
    left alone; one the dictionary knows is ``_known_title``'s."""
    if m.known is not None or m.actors or _YEAR.search(m.text) or not m.definite \
            or _ANOTHER.search(text, max(m.sent_start, m.start - 30), m.head_start) \
            or _OLD_WORDS.search(text, max(m.sent_start, m.start - 30), m.head_start):
        return None
    form = _form(m.head)
    for c in sorted(recent, key=lambda c: c.mentions[-1].start, reverse=True):
        x = c.first
        if not x.definite and not x.plural and not x.reference and _form(x.head) == form:
            return c
    return None


def _form(head: str) -> str:
    """What kind of document a head noun names: the interchangeable heads are one form."""
    return "agreement" if head in SAME_FORM_HEADS else head


_SO_CALLED = re.compile(r"\bso-called\s+$", re.IGNORECASE)


def _head_plural(m: AgreementMention) -> bool:
    word = m.text[m.head_start - m.start:].split()[0].lower() if m.text else ""
    return word.endswith("s") and word != normalise_name(word)


def _kind_word(word: str) -> bool:
    return load_lexicon().kind_of(word) is not None


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _other_year(c: Cluster, years: set[str]) -> bool:
    """A mention dated by a year in its words ("the 1994 accord") is not ``c`` when one
    of ``c``'s mentions carries another year ("the 2018 deal"). (A year missing from
    ``c``'s sentences proves nothing: "the JCPOA, the 2015 accord".)"""
    return any(own and not own & years for own in (set(_YEAR.findall(x.text)) for x in c.mentions))


# An agreement named right after these is the one replaced: "X entered into force,
# replacing the 1994 NAFTA", "a deal that supersedes the 2015 accord" (not "replaced by").
_REPLACED = re.compile(r"\b(?:replac(?:e|es|ed|ing)|supersed(?:e|es|ed|ing)|succeed(?:s|ed|ing)?|"
                       r"successor\s+(?:to|of)|in\s+place\s+of|instead\s+of)\s+(?:the\s+|an?\s+|its\s+|"
                       r"their\s+)?(?:\d{4}\s+)?$", re.IGNORECASE)
# "the new pact", "the revised text": the replacing or revised agreement; "the old accord",
# "the first version": the replaced one
_NEW_WORDS = re.compile(r"\b(?:new|revised|amended|updated|renegotiated|successor|replacement)\b", re.IGNORECASE)
_OLD_WORDS = re.compile(r"\b(?:old|former|previous|original|earlier|first|initial|outgoing)\b", re.IGNORECASE)


# Between two coordinated mentions ("the treaty and the accord", "a 2014 pact with Mali or
# the accord on ..."), which are never one agreement; ", and the accord took effect" joins
# clauses, and its subject may well be the pact (``_CLAUSE_AFTER``).
_COORDINATED = re.compile(r"(?:\s+(?:with|between)\s+(?:the\s+)?(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,3})?"
                          r"\s(?:and|or|as\s+well\s+as|nor)\s+(?:the|its|their|this|that)\s+", re.IGNORECASE)
_CLAUSE_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:is|was|has|had|will|would|took|takes|came|comes|"
                           r"entered|enters|expired|expires|remains|remained|\w+ed\s+(?:in|on|by|at)\b)",
                           re.IGNORECASE)


_PREDECESSOR = re.compile(r"\b(?:old|older|former|previous|earlier|outgoing|prior)\b", re.IGNORECASE)
# A mention that is a renewal or a successor: "a new pact", "an agreement extending the
# lease", "the accord, which renews the 2004 deal".
_RENEWING_AFTER = re.compile(r"(?:\s*,)?\s+(?:(?:which|that)\s+(?:would\s+|will\s+)?)?(?:extend|renew|prolong|replac|supersed|"
                             r"revis|amend|updat)\w*\b", re.IGNORECASE)


def _renewing(x: AgreementMention, text: str) -> bool:
    return bool(_NEW_WORDS.search(text, x.start, x.head_start) or _RENEWING_AFTER.match(text, x.end))


def _replaced(c: Cluster, text: str) -> bool:
    return any(_REPLACED.search(text, max(x.sent_start, x.start - 40), x.start) for x in c.mentions)


def _by_age(clusters: list[Cluster], m: AgreementMention, text: str) -> list[Cluster]:
    """Of compatible agreements, those a "new" or an "old" mention may mean when one of
    them was replaced by another: "new" never means the replaced one, "old" prefers it.
    With none replaced, "the previous deal" is never a renewing agreement, and a mention
    without such a word prefers agreements no mention called old."""
    if not text:
        return clusters
    words = text[m.start:m.head_start]
    replaced = [c for c in clusters if _replaced(c, text)]
    if not replaced and _PREDECESSOR.search(words):
        # "ratified an agreement extending the base's stay ... The previous deal": the
        # predecessor of a renewing agreement is another one
        return [c for c in clusters if not any(_renewing(x, text) for x in c.mentions)]
    if not _PREDECESSOR.search(words):
        # "... The previous deal expired. Under the accord, ...": the agreement in the news,
        # not the predecessor told in passing
        older = [c for c in clusters if any(_PREDECESSOR.search(text, x.start, x.head_start)
                                            for x in c.mentions)]
        clusters = [c for c in clusters if c not in older] or clusters
    if len(clusters) < 2 or not replaced:
        return clusters
    if _NEW_WORDS.search(words):
        return [c for c in clusters if c not in replaced] or clusters
    if _OLD_WORDS.search(words):
        return replaced
    return clusters


def _recent_compatible(clusters: list[Cluster], m: AgreementMention,
                       sent_actors: dict[int, set[str]] | None = None, text: str = "") -> Cluster | None:
    """The most recent compatible agreement, preferring one already called by the same
    head noun ("the pact" after "a defence pact", even with a trade deal in between),
    never one dated by another year ("the 2018 deal will replace the 1994 accord"), nor,
    for "the new pact", the one the other replaced (``_by_age``). A mention naming two
    sides ("the Turkey-Libya memorandum") is an earlier agreement only if those sides are
    its parties or are named in its other sentences."""
    own = {a.actor.country or a.actor.actor_id for a in m.actors}
    years = set(_YEAR.findall(m.text))
    compatible = []
    for c in sorted(clusters, key=lambda c: c.mentions[-1].start, reverse=True):
        if years and _other_year(c, years):
            continue
        if text and any(x.sent == m.sent and _COORDINATED.fullmatch(text, x.end, m.start)
                        and not _CLAUSE_AFTER.match(text, m.end) for x in c.mentions):
            continue  # "a 2014 defence treaty and the accord on French forces": two agreements
        if not m.plural and not m.named and all(x.plural for x in c.mentions):
            continue  # "the accord" is not "defence agreements" (a plural generic antecedent)
        if len(own) >= 2 and not own <= c.party_ids | set().union(
                *((sent_actors or {}).get(x.sent, set()) for x in c.mentions if x.sent != m.sent)):
            continue
        # "the treaty" after "a peace treaty": a bare head's default kind does not conflict
        if m.kind and m.kind_cued and c.kind and m.kind != c.kind and c.kind not in {"treaty", "other"}:
            continue
        if own and c.party_ids and not own & c.party_ids:
            continue
        if m.kind_cued and m.head not in TEXT_FORM_HEADS and all(
                x.head in TEXT_FORM_HEADS and not x.kind_cued and not x.named for x in c.mentions) \
                and not (text and m.kind in TEXT_PURPOSES and all(x.head in STATEMENT_HEADS for x in c.mentions)
                         and context_kind(text[c.first.sent_start:c.first.sent_end], load_lexicon()) == m.kind):
            continue  # "signed a joint declaration ... the mutual defence treaty": a treaty of
            # its own kind is not the declaration, statement or memorandum told before (but
            # "signed a statement halting the fighting, with the ceasefire taking effect at
            # midnight": the ceasefire its sentence tells)
        compatible.append(c)
    compatible = _by_age(compatible, m, text)
    same_head = [c for c in compatible if any(x.head == m.head for x in c.mentions)]
    if m.head in OWN_FORM_HEADS:
        return (same_head or [None])[0]  # "the lease" is no earlier treaty or declaration
    return (same_head or compatible or [None])[0]


# What a statement's or communique's own sentence may make it (rules.py reads the same).
TEXT_PURPOSES = frozenset({"ceasefire", "normalisation"})
STATEMENT_HEADS = frozenset({"statement", "statements", "communique", "communiques", "communiqué"})
# Heads of texts that are their own form of document, whatever they say: a definite
# mention with a kind word and another head ("the mutual defence treaty") is not one of them.
TEXT_FORM_HEADS = frozenset({"declaration", "declarations", "statement", "statements", "communique",
                             "communiques", "communiqué", "memorandum", "memorandums", "memoranda"})


# Heads that name one form of document: "the lease", "the declaration", "the compacts" go
# back only to an agreement called so before (an accord is no lease).
OWN_FORM_HEADS = frozenset({"lease", "leases", "declaration", "declarations", "compact", "compacts"})


# After a plural mention, what opens the list of its members: "its defence agreements with
# France, including a 2014 treaty and the accord on French forces", "several deals, such as".
_LIST_OPENER = re.compile(r"[^.;:]{0,60}?,?\s*(?:including|such\s+as|notably|namely|among\s+them)\s+"
                          r"(?:(?:the|a|an|its|their)\s+)?$", re.IGNORECASE)
_LIST_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s(?:and|as\s+well\s+as)\s+)(?:(?:the|a|an|its|their)\s+)?",
                        re.IGNORECASE)


def listed_members(text: str, clusters: Sequence[Cluster]) -> dict[int, Cluster]:
    """The agreements listed after a plural one ("its defence agreements with France,
    including a 2014 treaty and the status-of-forces accord"): ``id(member) -> umbrella``.
    The members are the agreements; what is done to the plural is done to each."""
    first_of = {id(c.first): c for c in clusters}
    out: dict[int, Cluster] = {}
    for c in clusters:
        m = c.first
        if not m.plural or len(c.mentions) > 1:
            continue
        after = sorted((x for x in (o.first for o in clusters if o is not c)
                        if x.sent == m.sent and x.start >= m.end), key=lambda x: x.start)
        if not after or not _LIST_OPENER.fullmatch(text, m.end, after[0].start):
            continue
        members, prev = [after[0]], after[0]
        for x in after[1:]:
            if not _LIST_NEXT.fullmatch(text, prev.end, x.start):
                break
            members.append(x)
            prev = x
        if len(members) >= 2:
            out.update({id(first_of[id(x)]): c for x in members})
    return out
