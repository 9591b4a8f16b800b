"""Sentence-level helpers shared by the agreement and relation coders.

The coders read surface patterns (trigger words, actor mentions in order, "between X and
Y") more than the dependency tree: the small English model mis-parses many news clauses
("Djibouti hosts ..." comes out as a noun phrase), while word order is reliable. The
parse is used where it is good: modality, through ``dyad.modality``, and the subject of a
trigger verb (``subject_actors``), which word order gets wrong across an apposition or a
relative clause.

Actor mentions are ``dyad.actors.resolve.ResolvedMention``-like objects: ``start``,
``end``, ``text`` and ``actor`` (a ``model.Actor``) are all that is read here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Iterable, Sequence

from dyad.agreements.lexicon import normalise_name
from dyad.model import ActorRef
from dyad.nlp.parsed import ParsedDoc, Sentence, Token

# Between two mentions of one list: "France, Germany and Italy", "the US and the UK".
# An IGO's members as one item: "signed by the six GCC states, Egypt and Jordan".
_LIST_GAP = re.compile(r"(?:\s+(?:member\s+)?(?:states|countries|nations|members|economies)(?=\s*,))?"
                       r"[\s,]*(?:(?:and|or|&|as well as)\s+)?(?:the\s+)?", re.IGNORECASE)
# Names of IGOs used when an agreement's data file lists one as a party, or when the
# document's own mention is not at hand ("Venezuela's accession to Mercosur", never "to
# IGO.MERCOSUR")
IGO_NAMES = {"IGO.EU": "European Union", "IGO.NATO": "NATO", "IGO.UN": "United Nations",
             "IGO.ASEAN": "ASEAN", "IGO.AU": "African Union", "IGO.OSCE": "OSCE",
             "IGO.CSTO": "Collective Security Treaty Organisation", "IGO.ECOWAS": "ECOWAS",
             "IGO.IAEA": "IAEA", "IGO.WORLDBANK": "World Bank", "IGO.IMF": "International Monetary Fund",
             "IGO.WHO": "World Health Organization", "IGO.WTO": "World Trade Organization",
             "IGO.SCO": "Shanghai Cooperation Organisation", "IGO.GCC": "Gulf Cooperation Council",
             "IGO.ARABLEAGUE": "Arab League", "IGO.MERCOSUR": "Mercosur", "IGO.CPTPP": "CPTPP",
             "IGO.RCEP": "RCEP", "IGO.BRICS": "BRICS"}


def sentence_at(parsed: ParsedDoc, offset: int) -> Sentence | None:
    """The sentence holding character ``offset``."""
    starts = [s.start for s in parsed.sentences]
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < parsed.sentences[i].end:
        return parsed.sentences[i]
    return None


def in_sentence(items: Iterable[Any], sent: Sentence) -> list[Any]:
    """Items with ``start``/``end`` inside the sentence, in text order."""
    return sorted((x for x in items if x.start is not None and sent.start <= x.start
                   and x.end <= sent.end), key=lambda x: (x.start, x.end))


def token_at(parsed: ParsedDoc, start: int, end: int | None = None) -> Token | None:
    """The first token starting inside [start, end) (or covering ``start``); a verb in
    the span is preferred, since modality is read from the verb of a phrase."""
    end = start + 1 if end is None else end
    inside = [t for t in parsed.tokens if start <= t.start < end or t.start <= start < t.end]
    for t in inside:
        if t.pos in {"VERB", "AUX"} and t.lemma not in {"be", "have"}:
            return t
    return inside[0] if inside else None


def span_root(parsed: ParsedDoc, start: int, end: int) -> Token | None:
    """The token of [start, end) whose head lies outside it: the syntactic head of a
    mention ("Accords" in "the Abraham Accords", whose first word is "Abraham")."""
    inside = [t for t in parsed.tokens if start <= t.start and t.end <= end]
    return next((t for t in inside if not start <= parsed.tokens[t.head].start < end or t.head == t.i),
                inside[-1] if inside else None)


def groups(text: str, mentions: Sequence[Any]) -> list[list[Any]]:
    """Mentions joined into lists: "American, French and Chinese" is one group."""
    out: list[list[Any]] = []
    for m in mentions:
        if out and m.start >= out[-1][-1].end and \
                _LIST_GAP.fullmatch(text[out[-1][-1].end:m.start]):
            out[-1].append(m)
        else:
            out.append([m])
    return out


def group_before(text: str, mentions: Sequence[Any], offset: int, *, floor: int,
                 max_gap: int = 80) -> list[Any]:
    """The list of mentions ending last before ``offset`` (not before ``floor``), when the
    words between it and ``offset`` are few and hold no clause break (";", ":")."""
    cands = [g for g in groups(text, [m for m in mentions if floor <= m.start and m.end <= offset])]
    if not cands:
        return []
    last = cands[-1]
    gap = text[last[-1].end:offset]
    if len(gap) > max_gap or re.search(r"[;:]", gap):
        return []
    return last


def group_after(text: str, mentions: Sequence[Any], offset: int, *, ceiling: int,
                max_gap: int = 40) -> list[Any]:
    """The list of mentions starting first after ``offset`` (ending by ``ceiling``)."""
    cands = groups(text, [m for m in mentions if offset <= m.start and m.end <= ceiling])
    if not cands:
        return []
    first = cands[0]
    gap = text[offset:first[0].start]
    if len(gap) > max_gap or re.search(r"[;:.]", gap):
        return []
    return first


def country_name(code: str) -> str:
    if code in IGO_NAMES:
        return IGO_NAMES[code]
    try:
        import pycountry

        found = pycountry.countries.get(alpha_3=code)
    except (ImportError, LookupError, KeyError):
        found = None
    return getattr(found, "common_name", None) or getattr(found, "name", None) or code


def ref_for_id(actor_id: str, pool: Iterable[Any] = ()) -> ActorRef:
    """An ActorRef for an actor id: the document's own actor when it has one."""
    for m in pool:
        if m.actor.actor_id == actor_id:
            return m.actor.ref()
    country = None if actor_id.startswith("IGO.") else actor_id
    return ActorRef(actor_id=actor_id, name=country_name(actor_id), country=country)


def country_ref(actor: Any, pool: Iterable[Any] = ()) -> ActorRef:
    """The country-level (or IGO) reference of an actor: a minister stands for his state.

    States, IGOs and actors without a country are kept as they are.
    """
    if actor.kind in {"state", "igo"} or not actor.country or actor.actor_id == actor.country:
        return actor.ref()
    return ref_for_id(actor.country, pool)


def party_ref(actor: Any, pool: Iterable[Any] = ()) -> ActorRef:
    """A party to an agreement: the country-level reference (``country_ref``), except that
    an armed or political group stays itself ("the FARC rebels signed" is not Colombia's
    signature; the government's is)."""
    if actor.kind == "group":
        return actor.ref()
    if actor.country and actor.actor_id == f"{actor.country}.GOV":
        return ref_for_id(actor.country, pool)  # "Moscow signed": the government is the state
    return country_ref(actor, pool)


def ref_key(ref: ActorRef) -> str:
    """A side's country-level key: its country, else its own id (an IGO, a group)."""
    return ref.country or ref.actor_id


def dedupe_refs(refs: Iterable[ActorRef]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for r in refs:
        seen.setdefault(r.actor_id, r)
    return list(seen.values())


# Plural titles a list of named leaders may stand in apposition to.
_PLURAL_TITLES = frozenset({"presidents", "ministers", "leaders", "premiers", "chancellors", "monarchs", "kings"})


def subject_actors(parsed: ParsedDoc, tok: Token | None, actors: Sequence[Any], *,
                   passive: bool = True) -> list[Any]:
    """The actors of the grammatical subject of verb ``tok`` when its sentence was parsed:
    "Greece, a member of NATO and the EU, signed the pact" is Greece's signature though
    "EU" stands nearer. A relative pronoun stands for the noun it hangs on; an ``xcomp``,
    ``conj`` or ``advcl`` verb ("helped broker", "agreed to sign") takes its head verb's
    subject; the subject's conjuncts and its possessive, compound and adjectival
    modifiers count ("Greece's prime minister", "the Greek parliament"). ``passive``
    False ignores passive subjects (an agreement that "was signed" is no party)."""
    if tok is None or not parsed.sentences[tok.sent].parsed or tok.pos not in {"VERB", "AUX"} \
            or not tok.dep:
        return []
    deps = {"nsubj", "nsubjpass"} if passive else {"nsubj"}
    subj = None
    for _ in range(3):
        subj = next((c for c in parsed.children(tok) if c.dep in deps), None)
        if subj is not None and subj.lemma.lower() in {"which", "that", "who"} and tok.dep == "relcl":
            subj = parsed.tokens[tok.head]
        if subj is not None or any(c.dep == "nsubjpass" for c in parsed.children(tok)):
            break
        if tok.dep not in {"xcomp", "conj", "advcl"} or tok.head == tok.i:
            return []
        tok = parsed.tokens[tok.head]
    if subj is None:
        return []
    # the parser chains a list's conjuncts ("Bulgaria, Estonia, Latvia, ... and Slovenia
    # joined"): each hangs on the one before, so follow the chain to its end
    heads = [subj]
    # "Presidents Alvaro Uribe of Colombia, Rafael Correa of Ecuador and Hugo Chavez of
    # Venezuela signed": the names stand in apposition to a plural title
    links = {"conj", "appos"} if subj.text.lower() in _PLURAL_TITLES else {"conj"}
    for h in heads:
        heads += [c for c in parsed.children(h) if c.dep in links and c not in heads]
    heads += [c for h in list(heads) for c in parsed.children(h) if c.dep in {"poss", "compound", "amod"}]
    if subj.text.lower() in _PLURAL_TITLES:
        # "The presidents of Colombia and Venezuela agreed": the states listed after the
        # title's "of" (the resolver reads "presidents of Colombia" as one, Venezuela apart)
        of = [o for c in parsed.children(subj) if c.dep == "prep" and c.text.lower() == "of"
              for o in parsed.children(c) if o.dep == "pobj"]
        for h in of:
            of += [c for c in parsed.children(h) if c.dep == "conj" and c not in of]
        heads += of
    found = [a for a in actors if any(a.start <= h.start < a.end for h in heads)]
    return sorted(found, key=lambda a: a.start)


def own_names(m: Any) -> set[str]:
    """The names an agreement goes by in a mention: its canonical name, its wording and,
    for a well-known one, every alias ("RCEP", "CPTPP", "TPP-11")."""
    names = {m.name, m.text} | set(m.known.aliases if m.known else ())
    return {normalise_name(n) for n in names}


def is_own_igo(ref: Any, names: set[str]) -> bool:
    """An organisation named after the agreement ("RCEP", "CPTPP", "AUKUS" as IGOs) is
    the agreement itself: never one of its parties, nor the signer of "Fifteen countries
    signed the RCEP"."""
    if ref is None or not ref.actor_id.startswith("IGO."):
        return False
    return bool({normalise_name(ref.actor_id[4:]), normalise_name(ref.name)} & names)
