"""Finding event triggers in a parsed sentence, and folding embedded acts into frames.

A trigger is a word (verb or event noun) whose lemma is in the lexicon and whose entry's
constraints hold on the dependency parse: the rest of a multiword ("pull *out*", "call
*on*"), the object ("sign an *agreement*"), a modifier ("*hunger* strike"), the subject.
A frame ("agreed to", "urged ... to", "threatened to", "accused ... of") takes the act it
governs as its content: PLOVER codes the frame, and the embedded act sets its mode.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dyad.events.lexicon import Lexicon, Trigger
from dyad.events.phrases import saying_governor
from dyad.nlp.parsed import ParsedDoc, Sentence, Token

# Children that can hold the second word of a multiword verb ("pull out", "call for").
PHRASE_DEPS = frozenset({"prt", "prep", "advmod", "dobj", "acomp", "oprd", "npadvmod",
                         "compound", "xcomp", "ccomp", "dep", "advcl", "attr", "pobj"})
# Prepositions whose object counts as the object of a trigger ("withdraw from the treaty").
OBJECT_PREPS = frozenset({"of", "from", "on", "for", "out"})
# "suspended part of a military aid program": the object is what the part is of.
PARTITIVES = frozenset({"part", "some", "all", "most", "portion", "half", "much", "rest",
                        "parts", "bulk", "share", "one", "many", "several"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "poss"})
# The path from an embedded act up to the frame that governs it.
EMBED_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "dobj", "prep", "acomp", "attr",
                        "oprd", "acl", "compound", "nsubjpass", "conj", "advcl"})
MAX_EMBED_HOPS = 4
# Prepositions that set an act in time beside another, never as its content.
TIME_PREPS = frozenset({"after", "before", "following", "since", "despite", "until", "ahead",
                        "prior", "during", "amid", "amidst", "pending"})
# An event noun these verbs govern did not happen: "to prevent violence".
PREVENTING_VERBS = frozenset({"prevent", "forestall", "avoid", "avert", "deter", "preclude",
                              "thwart", "foil"})
# Month names that are also event nouns: "on March 3" is a date, not a protest march.
MONTHS = frozenset({"March", "May"})
VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass
class Hit:
    """A trigger found on a token."""

    token: Token
    entry: Trigger
    parts: tuple[int, ...]  # token indices of the whole phrase
    obj: Token | None = None  # the object that met the entry's constraint
    mode: str | None = None
    frame: "Hit | None" = None  # the frame this act is embedded in
    embedded: list["Hit"] = field(default_factory=list)
    merged: list["Hit"] = field(default_factory=list)  # event nouns naming the same act
    kind: str = "lexicon"  # or "deontic": "X said Y must ..."

    @property
    def event_type(self) -> str:
        return self.entry.type


def find_hits(parsed: ParsedDoc, sent: Sentence, lexicon: Lexicon) -> list[Hit]:
    """The triggers of one sentence, embedded acts linked to their frames."""
    tokens = parsed.sentence_tokens(sent)
    hits: list[Hit] = []
    consumed: set[int] = set()
    for tok in tokens:  # verbs first: their objects are not triggers of their own
        if tok.pos in VERB_POS and tok.dep != "amod":
            hit = _match(parsed, tok, lexicon.verbs.get(tok.lemma.lower(), ()))
            if hit:
                hits.append(hit)
                consumed.update(hit.parts)
                if hit.obj is not None:
                    consumed.add(hit.obj.i)
    for tok in tokens:
        if tok.pos in NOUN_POS and tok.i not in consumed and tok.text not in MONTHS and \
                parsed.tokens[tok.head].lemma.lower() not in PREVENTING_VERBS:
            entries = [*lexicon.nouns.get(_hyphenated(parsed, tok), ()),
                       *lexicon.nouns.get(tok.lemma.lower(), ())]
            hit = _match(parsed, tok, entries)
            if hit and not consumed.intersection(hit.parts):
                hits.append(hit)
                consumed.update(hit.parts)
    by_token = {h.token.i: h for h in hits}
    # "sent aid to", "the strikes on Gaza killed dozens": the verb and its object or
    # subject name one act; keep the verb, which takes the roles the noun adds
    kept = []
    for h in hits:
        verb = by_token.get(h.token.head) if h.entry.pos == "noun" and h.token.dep in {
            "dobj", "nsubjpass", "nsubj"} else None
        if verb is not None and verb is not h and verb.event_type == h.event_type:
            verb.merged.append(h)
        else:
            kept.append(h)
    hits = kept
    if lexicon.deontic is not None:
        hits += _deontic_hits(parsed, tokens, hits, lexicon)
    _link_frames(parsed, hits, lexicon)
    return hits


def _deontic_hits(parsed: ParsedDoc, tokens, hits: list[Hit], lexicon: Lexicon) -> list[Hit]:
    """'The minister said Iraq must comply': the speaker's demand on the clause's subject."""
    found = []
    by_token = {h.token.i: h for h in hits}
    for tok in tokens:
        if tok.pos not in {"VERB", "AUX"}:
            continue
        modal = next((c for c in parsed.children(tok) if c.dep == "aux"
                      and c.lemma.lower() in lexicon.deontic_aux), None)
        if modal is None or saying_governor(parsed, tok) is None:
            continue
        hit = Hit(token=tok, entry=lexicon.deontic, parts=(tok.i,), kind="deontic")
        inner = by_token.get(tok.i)
        if inner is not None:  # the act demanded becomes the demand's content
            hits.remove(inner)
            inner.frame = hit
            hit.embedded.append(inner)
        found.append(hit)
    return found


def _hyphenated(parsed: ParsedDoc, tok: Token) -> str:
    """'cease-fire' is three tokens; read it back as one word."""
    if tok.i >= 2:
        dash, first = parsed.tokens[tok.i - 1], parsed.tokens[tok.i - 2]
        if dash.text == "-" and first.end == dash.start and dash.end == tok.start:
            return f"{first.text.lower()}-{tok.lemma.lower()}"
    return ""


def _match(parsed: ParsedDoc, tok: Token, entries) -> Hit | None:
    for entry in entries:
        parts = _phrase_parts(parsed, tok, entry)
        if parts is None:
            continue
        objects = objects_of(parsed, tok, entry)
        if entry.object is not None:  # the head object decides, not its conjuncts
            obj = next((o for o in objects_of(parsed, tok, entry, conjuncts=False)
                        if _word_in(parsed, o, entry.object)), None)
            if obj is None:
                continue
        else:
            obj = None
        if entry.not_object and any(_word_in(parsed, o, entry.not_object) for o in objects):
            continue
        if entry.subject is not None and not any(
                _word_in(parsed, s, entry.subject) for s in _subjects(parsed, tok)):
            continue
        if entry.not_subject and any(_word_in(parsed, s, entry.not_subject)
                                     for s in _doers(parsed, tok)):
            continue
        if entry.pos == "noun" and not _modifiers_ok(parsed, tok, entry):
            continue
        if entry.infinitive and not any(c.dep in {"xcomp", "ccomp"} and _infinitival(parsed, c)
                                        for c in parsed.children(tok)):
            continue
        if entry.prep is not None and not any(
                c.dep == "prep" and c.lemma.lower() in entry.prep for c in parsed.children(tok)):
            continue
        return Hit(token=tok, entry=entry, parts=parts, obj=obj, mode=entry.mode)
    return None


def _phrase_parts(parsed: ParsedDoc, tok: Token, entry: Trigger) -> tuple[int, ...] | None:
    parts = [tok.i]
    if entry.pos == "noun":
        if len(entry.words) > 1 and "-" in entry.words[0]:
            return (tok.i,)  # a hyphenated single word, matched by _hyphenated
        mods = {c.lemma.lower(): c for c in parsed.children(tok) if c.dep in MODIFIER_DEPS}
        for w in entry.others:
            if w not in mods:
                return None
            parts.append(mods[w].i)
        return tuple(parts)
    kids = [c for c in parsed.children(tok) if c.dep in PHRASE_DEPS]
    for w in entry.others:
        found = next((c for c in kids if c.lemma.lower() == w or c.text.lower() == w), None)
        if found is None:
            return None
        parts.append(found.i)
    return tuple(parts)


def objects_of(parsed: ParsedDoc, tok: Token, entry: Trigger | None = None, *,
               conjuncts: bool = True) -> list[Token]:
    """What an act is done to: direct object, passive subject, objects of of/from/on/for,
    and, for a multiword ending in a preposition, that preposition's object."""
    out: list[Token] = []
    last = entry.words[-1] if entry and entry.pos == "verb" and len(entry.words) > 1 else None
    for c in parsed.children(tok):
        if c.dep in {"dobj", "nsubjpass", "attr", "oprd"} and c.pos != "PRON":
            out.append(c)
        elif c.dep in {"prep", "prt"} and (c.lemma.lower() in OBJECT_PREPS
                                           or c.lemma.lower() == last):
            out.extend(g for g in parsed.children(c) if g.dep == "pobj")
    out += [g for o in out if o.lemma.lower() in PARTITIVES for p in parsed.children(o)
            if p.dep == "prep" and p.lemma.lower() == "of" for g in parsed.children(p)
            if g.dep == "pobj"]
    if not conjuncts:
        return out
    return out + [g for o in out for g in parsed.children(o) if g.dep == "conj"]


def _subjects(parsed: ParsedDoc, tok: Token) -> list[Token]:
    subs = [c for c in parsed.children(tok) if c.dep in {"nsubj", "nsubjpass"}]
    if tok.dep in {"acl", "relcl"} and tok.head != tok.i:  # "demonstrators protesting ..."
        subs.append(parsed.tokens[tok.head])
    # "thousands of students protested": the quantity's complement is the subject too
    subs += [g for s in subs for p in parsed.children(s) if p.dep == "prep"
             for g in parsed.children(p) if g.dep == "pobj"]
    return subs


def _doers(parsed: ParsedDoc, tok: Token) -> list[Token]:
    """Who or what does the act: the subject or "by" agent, else (for "..., killing 30")
    the subject of the clause the participle or infinitive hangs on."""
    node = tok
    for _ in range(2):
        found = [c for c in parsed.children(node) if c.dep == "nsubj"]
        found += [g for c in parsed.children(node) if c.dep == "agent"
                  for g in parsed.children(c) if g.dep == "pobj"]
        # "the first contingent of troops arrived": the complement names who
        found += [g for s in found for p in parsed.children(s) if p.dep == "prep"
                  and p.lemma.lower() == "of" for g in parsed.children(p) if g.dep == "pobj"]
        if found or node.dep not in {"advcl", "conj", "xcomp"} or node.head == node.i:
            return found
        node = parsed.tokens[node.head]
    return []


def _word_in(parsed: ParsedDoc, tok: Token, words: frozenset[str]) -> bool:
    if tok.lemma.lower() in words or tok.text.lower() in words:
        return True
    mods = [c for c in parsed.children(tok) if c.dep in {"compound", "amod"} and c.i < tok.i]
    if any(m.dep == "compound" and m.lemma.lower() in words for m in mods):
        return True  # "aid program", "mediation efforts": the modifier carries the sense
    of = [g for p in parsed.children(tok) if p.dep == "prep" and p.lemma.lower() == "of"
          for g in parsed.children(p) if g.dep == "pobj"]
    if of and f"{tok.lemma.lower()} of {of[0].lemma.lower()}" in words:
        return True  # "state of siege"
    phrase = " ".join([*(m.lemma.lower() for m in mods), tok.lemma.lower()])
    return bool(mods) and (phrase in words or " ".join(
        [*(m.text.lower() for m in mods), tok.text.lower()]) in words)


def _modifiers_ok(parsed: ParsedDoc, tok: Token, entry: Trigger) -> bool:
    kids = [c for c in parsed.children(tok) if c.dep in MODIFIER_DEPS]
    before = parsed.tokens[tok.i - 1] if tok.i else None
    if before is not None and before.sent == tok.sent and before.pos in {"NOUN", "ADJ"} \
            and before.head != tok.i:  # "stop drone strikes", "drone" misparsed as a verb's
        kids.append(before)
    mods = {w for c in kids for w in (c.lemma.lower(), c.text.lower())}
    if entry.modifier is not None and not mods & entry.modifier:
        return False
    return not mods & entry.not_modifier


def _link_frames(parsed: ParsedDoc, hits: list[Hit], lexicon: Lexicon) -> None:
    """Attach each act to the nearest frame that governs it through a complement path."""
    by_token = {h.token.i: h for h in hits}
    for hit in hits:
        if hit.frame is not None:
            continue
        node, hops = hit.token, 0
        while node.head != node.i and hops < MAX_EMBED_HOPS and node.dep in EMBED_DEPS:
            if node.dep == "prep" and node.text.lower() in TIME_PREPS:
                break  # "after talks with Iraq, Iran agreed": beside the frame, not its content
            head = parsed.tokens[node.head]
            governor = by_token.get(head.i)
            if governor is None and node.dep == "ccomp":  # "reiterated its demand that X ..."
                governor = next((by_token[c.i] for c in parsed.children(head)
                                 if c.dep == "dobj" and c.i in by_token
                                 and by_token[c.i].entry.pos == "noun"), None)
            if governor is not None and governor is not hit:
                if governor.event_type in lexicon.frames and not (
                        node.dep == "conj" and node.pos in VERB_POS) and not (
                        node.dep == "advcl" and not _infinitival(parsed, node)):
                    hit.frame = governor
                    governor.embedded.append(hit)
                break  # an act governed by a non-frame act is an act of its own
            node, hops = head, hops + 1
    for hit in hits:
        if (hit.event_type in lexicon.frames or hit.kind == "deontic") and hit.mode is None:
            hit.mode = _frame_mode(parsed, hit, lexicon)


def _infinitival(parsed: ParsedDoc, verb: Token) -> bool:
    """'sworn *to fight*' parsed as an adverbial clause is still the frame's content."""
    return any(c.dep == "aux" and c.text.lower() == "to" for c in parsed.children(verb))


def _frame_mode(parsed: ParsedDoc, hit: Hit, lexicon: Lexicon) -> str | None:
    modes = lexicon.frames.get(hit.event_type) or {}
    for inner in hit.embedded:
        if inner.event_type in modes:
            return modes[inner.event_type]
    if hit.event_type in {"REQUEST", "REJECT"}:
        for obj in objects_of(parsed, hit.token, hit.entry):
            mode = lexicon.object_modes.get(obj.lemma.lower())
            if mode:
                return mode
    return None
