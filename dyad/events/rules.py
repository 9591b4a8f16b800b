"""The event coder ``dyad.events.rules.v1``: PLOVER events from a parsed document.

Stages per sentence: triggers (``triggers``) -> frames fold embedded acts -> source and
target (``roles``) -> modality -> PLOVER's future rule -> date, place, quantities ->
one ``Event`` per (source, target) pair.

Decisions (docs/events.md says more):
- An event needs a trigger and at least one actor, source or target.
- Coordinated actors give one event per source ("The US and France accused Russia" ->
  USA->RUS, FRA->RUS). A joint act with no target ("Seoul and Tokyo reached an
  agreement") gives one event per ordered pair of its parties (KOR->JPN, JPN->KOR).
- The events of a sentence are listed main act first (outside relative and participle
  clauses, then root-most): the first is the sentence's primary event.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterable, Sequence

from dyad.events.domestic import ImpliedMention, domestic_recipient
from dyad.events.groups import (implied_authority, implied_crowd, is_unnamed, place_countries,
                                sentence_countries, settle_groups, unnamed_groups)
from dyad.events.lexicon import Lexicon, default_lexicon, load_lexicon
from dyad.events.implied import fallback_targets, home_place_target
from dyad.events.roles import (MOVED_FORCE_TYPES, ActorIndex, Roles, complement_recipients,
                               complement_subjects, deontic_roles, find_roles)
from dyad.events.triggers import Hit, find_hits
from dyad.modality import modality_of
from dyad.model import Event, Evidence, make_id
from dyad.nlp.parsed import ParsedDoc, Sentence, Token

# Acts done together: with several parties and no target, each party acts on the others.
JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "ASSAULT"})
# Frames directed at whoever would carry out the framed act ("condemned the Israeli attack").
ACTOR_IS_TARGET_FRAMES = frozenset({"REQUEST", "ACCUSE", "SUPPORT", "REJECT"})
# "Russian and Syrian jets bombed rebel positions": done to the object, not to each other
ONE_SIDED_WITH_OBJECT = frozenset({"ASSAULT"})
# "traded accusations", "exchanged fire": the object is done by each party to the other
RECIPROCAL_VERBS = frozenset({"trade", "exchange", "swap"})
JOINT_WORDS = frozenset({"joint", "combined", "bilateral", "trilateral", "multilateral",
                         "multinational", "together", "jointly"})
# Clauses inside a noun phrase tell the background of the main act, not the act itself
# (an adverbial clause may be its purpose: "summoned the envoy *to protest*").
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "appos"})
MAX_PAIRS = 12  # a list of twenty members is one actor list, not four hundred events
PLACE_PREFIX = re.compile(r"\b(?:in|at|near|outside|inside|across|off)\s+(?:the\s+)?$", re.I)


def code_v1(ctx) -> list[Event]:
    """The registered coder: events of one document (``DocContext``)."""
    return code_events(ctx, default_lexicon())


def coder(extra_files: Sequence[str | Path] = ()) -> Callable[[object], list[Event]]:
    """A coder like ``code_v1`` that also uses the user lexicon files ``extra_files``."""
    lexicon = load_lexicon(extra_files)
    return lambda ctx: code_events(ctx, lexicon)


def code_events(ctx, lexicon: Lexicon) -> list[Event]:
    """The events of one document (``DocContext``), coded with ``lexicon``."""
    parsed: ParsedDoc = ctx.parsed
    named = ActorIndex(ctx.actors)
    if not named and not ctx.places:  # an unnamed group needs a place or an actor
        return []
    events: list[Event] = []
    for sent in parsed.sentences:
        if not sent.parsed:
            continue
        index = ActorIndex([*ctx.actors, *unnamed_groups(parsed, sent, named, lexicon)])
        if not index:
            continue
        hits = [h for h in find_hits(parsed, sent, lexicon) if h.frame is None]
        hits.sort(key=lambda h: (*_rank(parsed, h.token), h.token.i))
        seen: set[str] = set()
        for hit in hits:
            for event in _events_for(ctx, sent, hit, lexicon, index, hits):
                if event.event_id not in seen:
                    seen.add(event.event_id)
                    events.append(event)
    return events


def _events_for(ctx, sent: Sentence, hit: Hit, lexicon: Lexicon,
                index: ActorIndex, hits: Sequence[Hit] = ()) -> Iterable[Event]:
    parsed = ctx.parsed
    if hit.kind == "deontic":
        roles = deontic_roles(parsed, hit.token, index)
    else:
        roles = find_roles(parsed, hit.token, hit.event_type, index, preps=_preps(lexicon, hit),
                           parts=hit.parts, source_preps=hit.entry.source_prep)
    for noun in hit.merged:  # "Israel's strikes on Gaza killed dozens"
        noun_roles = find_roles(parsed, noun.token, noun.event_type, index,
                                preps=_preps(lexicon, noun), parts=noun.parts)
        for side in ("sources", "targets"):
            if not getattr(roles, side) and getattr(noun_roles, side):
                setattr(roles, side, getattr(noun_roles, side))
                setattr(roles, side[:-1] + "_via", "event noun " + noun.token.text + " "
                        + getattr(noun_roles, side[:-1] + "_via"))
    for inner in hit.embedded:  # a frame without a target aims at the act it frames
        if roles.targets:
            break
        inner_roles = find_roles(parsed, inner.token, inner.event_type, index,
                                 preps=_preps(lexicon, inner), parts=inner.parts)
        # "demanded the withdrawal of Serbian forces": the demand is made of the actor of
        # the act demanded; "threatened to impose sanctions on Britain": the act's target
        candidates = ([("source", inner_roles.sources), ("target", inner_roles.targets)]
                      if hit.event_type in ACTOR_IS_TARGET_FRAMES
                      else [("target", inner_roles.targets)])
        ids = {s.actor.actor_id for s in roles.sources}
        for role, found in candidates:
            found = [t for t in found if t.actor.actor_id not in ids]
            if found:
                roles.targets = found
                roles.target_via = f"{role} of embedded {inner.entry.key}"
                break
    if not roles.targets and (hit.event_type in lexicon.frames or _clause_part(parsed, hit)):
        ids = {s.actor.actor_id for s in roles.sources}
        roles.targets = [t for t in complement_subjects(parsed, hit.token, index)
                         if t.actor.actor_id not in ids]
        roles.target_via = "subject of the complement clause" if roles.targets else ""
    if not roles.targets and hit.event_type in lexicon.frames and not hit.embedded:
        ids = {s.actor.actor_id for s in roles.sources}
        roles.targets = [t for t in complement_recipients(parsed, hit.token, index)
                         if t.actor.actor_id not in ids]
        roles.target_via = "recipient of the complement's act" if roles.targets else ""
    if not roles.targets:  # "met Erdogan and signed a deal": the partner of the other verb
        _coordinated_targets(parsed, hit, hits, lexicon, index, roles)
    location = _location(ctx, hit.token)
    where = place_countries(parsed, hit.token, index, ctx.places, location)
    group_notes = settle_groups(roles, where=where, lexicon=lexicon,
                                in_sentence=sentence_countries(parsed, sent, index, ctx.places))
    if not roles.sources:  # "two protesters were arrested in Cairo"
        implied, why = implied_authority(parsed, hit, roles.targets, where=where, lexicon=lexicon)
        if implied is not None:
            roles.sources, roles.source_via = [implied], why
    if not roles.sources:  # "protests erupted in Iran"
        crowd, why = implied_crowd(parsed, hit, where=where, lexicon=lexicon)
        if crowd is not None:
            roles.sources, roles.source_via = [ImpliedMention(crowd)], why
    reading = modality_of(parsed, hit.token)
    notes = ["modal clause under a verb of saying (deontic REQUEST)" if hit.kind == "deontic"
             else f"lexicon {hit.entry.key}"
             + (f" [{hit.entry.origin}]" if hit.entry.origin != "dyad" else "")]
    if hit.obj is not None:
        notes.append(f"object '{hit.obj.text}'")
    if hit.embedded:
        notes.append("frames " + ", ".join(i.entry.key for i in hit.embedded))
    event_type, mode, cameo, modality = _recode(parsed, hit, reading, lexicon, notes)
    solo = lexicon.alone.get(cameo or hit.entry.cameo or "")
    if solo and len(roles.sources) == 1 and not roles.targets and not _joint_word(parsed, hit):
        notes.append(f"{event_type} by one party alone -> {solo[0]}")
        event_type, mode, cameo = solo
    reciprocal = len(roles.sources) > 1 and _reciprocal(parsed, hit.token)
    if reciprocal and not roles.targets:
        roles.target_via = "each other (a reciprocal act)"
    elif not roles.targets:
        roles.targets, roles.target_via = fallback_targets(
            parsed, [(hit.token, event_type), *((i.token, i.event_type) for i in hit.embedded)],
            event_type, index,
            {s.actor.actor_id for s in roles.sources}, places=ctx.places,
            source_countries=frozenset(s.actor.country for s in roles.sources
                                       if s.actor.country))
    if not roles.targets and not reciprocal:
        implied = [m for m in (domestic_recipient(s, event_type, mode, cameo or hit.entry.cameo,
                                                  lexicon) for s in roles.sources) if m]
        if implied:
            roles.targets = list({m.actor.actor_id: m for m in implied}.values())
            roles.target_via = "implied: the source's own " + (
                "population" if implied[0].actor.sector == "CVL" else "government")
    if not roles.targets and not reciprocal:
        roles.targets = home_place_target(
            parsed, [(hit.token, event_type), *((i.token, i.event_type) for i in hit.embedded)],
            places=ctx.places, source_countries=frozenset(s.actor.country for s in roles.sources
                                                          if s.actor.country))
        roles.target_via = ("implied: the population of the place, in the source's own "
                            "country") if roles.targets else roles.target_via
    if any(is_unnamed(m) for m in roles.targets):  # an implied recipient from the place
        group_notes += settle_groups(roles, where=where, lexicon=lexicon, in_sentence=set())
    if not roles.sources and not roles.targets:
        return  # no actor, no event
    info = lexicon.types[event_type]
    if roles.source_via:
        notes.append(f"source via {roles.source_via}")
    if roles.target_via:
        notes.append(f"target via {roles.target_via}")
    notes += list(dict.fromkeys(group_notes))
    if roles.speaker:
        notes.append("speaker " + ", ".join(m.actor.name for m in roles.speaker))
    if reading.cue:
        notes.append(f"modality cue '{reading.cue}'")

    date, date_text, date_rule = _date(ctx, sent, hit.token)
    quantities = [q for q in ctx.quantities
                  if q.start is not None and sent.start <= q.start < sent.end]
    evidence = Evidence(doc_id=ctx.document.doc_id, start=sent.start, end=sent.end,
                        text=ctx.document.text[sent.start:sent.end])
    trigger_text = " ".join(parsed.tokens[i].text for i in sorted(hit.parts))
    joint = reciprocal or event_type in JOINT_TYPES and not (
        event_type in ONE_SIDED_WITH_OBJECT and _has_object(parsed, hit.token, hit.obj))
    for source, target in _pairs(roles, joint=joint):
        src = source.actor.ref() if source is not None else None
        tgt = target.actor.ref() if target is not None else None
        yield Event(
            event_id=make_id("ev", ctx.document.doc_id, event_type, hit.token.start,
                             src.actor_id if src else "", tgt.actor_id if tgt else ""),
            doc_id=ctx.document.doc_id, event_type=event_type, mode=mode,
            context=list(hit.entry.context), cameo=cameo or info.cameo, quad_class=info.quad,
            intensity=info.score(mode), source=src, target=tgt, date=date,
            date_text=date_text, date_rule=date_rule, modality=modality,
            location=location, quantities=quantities, trigger=trigger_text,
            reason="; ".join(notes), evidence=evidence)


def _coordinated_targets(parsed: ParsedDoc, hit: Hit, hits: Sequence[Hit], lexicon: Lexicon,
                         index: ActorIndex, roles: Roles) -> None:
    """Two acts of one subject joined by "and" go to the same party when one names no
    other: "summoned the Indian envoy and lodged a protest", "met Erdogan and signed a
    gas deal". The second verb must share the first's subject (no subject of its own). A
    deployment keeps no stated target (manual 3.14: a group may mobilize with none)."""
    tok = hit.token
    if tok.pos != "VERB" or hit.event_type in MOVED_FORCE_TYPES:
        return
    def shares_subject(second: Token) -> bool:
        return not any(c.dep in {"nsubj", "nsubjpass"} for c in parsed.children(second))
    for other in hits:
        o = other.token
        linked = (o.dep == "conj" and o.head == tok.i and shares_subject(o)) or (
            tok.dep == "conj" and tok.head == o.i and shares_subject(tok))
        if not linked or o.pos != "VERB" or other is hit:
            continue
        found = find_roles(parsed, o, other.event_type, index, preps=_preps(lexicon, other),
                           parts=other.parts).targets
        ids = {s.actor.actor_id for s in roles.sources}
        found = [t for t in found if t.actor.actor_id not in ids]
        if found:
            roles.targets, roles.target_via = found, f"target of the coordinated '{o.text}'"
            return


def _joint_word(parsed: ParsedDoc, hit: Hit) -> bool:
    """'held *joint* exercises': a partner is implied though not named (manual 3.14.1)."""
    words = [hit.token, *([hit.obj] if hit.obj is not None else [])]
    return any(c.lemma.lower() in JOINT_WORDS for w in words for c in parsed.children(w))


def _clause_part(parsed: ParsedDoc, hit: Hit) -> bool:
    """'allowed the inspectors to return': the phrase's second verb is a clause whose
    subject the act is done to."""
    return any(parsed.tokens[i].dep in {"ccomp", "xcomp"} and parsed.tokens[i].head == hit.token.i
               for i in hit.parts if i != hit.token.i)


def _preps(lexicon: Lexicon, hit: Hit) -> frozenset[str]:
    return lexicon.target_preps_for(hit.entry, hit.event_type, hit.mode)


def _recode(parsed: ParsedDoc, hit: Hit, reading, lexicon: Lexicon,
            notes: list[str]) -> tuple[str, str | None, str | None, str]:
    """PLOVER's single-category rules: a refusal of a cooperative act is REJECT, a
    commitment or future act is coded by what it commits to (AGREE, CONCEDE, THREATEN)."""
    event_type, mode, cameo, modality = hit.event_type, hit.mode, hit.entry.cameo, reading.modality

    def to(new_type: str, why: str) -> None:
        nonlocal event_type, mode, cameo
        notes.append(f"{event_type} {why} -> {new_type}")
        mode = (lexicon.frames.get(new_type) or {}).get(event_type)
        event_type, cameo = new_type, lexicon.types[new_type].cameo

    if modality == "negated" and event_type in lexicon.refusals and _has_aux(
            parsed, hit.token, lexicon.refusal_aux):
        to(lexicon.refusals[event_type], "refused (will not / cannot)")
        return event_type, mode, cameo, "asserted"
    if event_type == "AGREE" and hit.embedded:  # "vowed to fight" is a threat
        inner = hit.embedded[0].event_type
        if lexicon.future.get(inner) == "THREATEN":
            event_type = inner
            to("THREATEN", "committed to (AGREE frame)")
        return event_type, mode, cameo, modality
    if lexicon.future.get(event_type) == "THREATEN" or event_type in lexicon.refusals:
        if _has_unless(parsed, hit.token) and event_type != "THREATEN":
            to("THREATEN", "conditional on the other side ('unless')")
            return event_type, mode, cameo, modality
    cue = (reading.cue or "").lower()
    if any(cue.startswith(x) for x in lexicon.future_exempt_cues):
        return event_type, mode, cameo, modality
    if modality == "intended" and event_type in lexicon.intent:
        to(lexicon.intent[event_type], "intended (CAMEO 035: intent to yield)")
    elif modality in lexicon.future_modalities and event_type in lexicon.future:
        to(lexicon.future[event_type], f"{modality} (PLOVER future rule)")
    return event_type, mode, cameo, modality


def _has_unless(parsed: ParsedDoc, tok: Token) -> bool:
    """'will withdraw its force unless X ...': an act made conditional on the other side."""
    return any(c.dep == "advcl" and any(m.dep == "mark" and m.lemma.lower() == "unless"
                                        for m in parsed.children(c))
               for c in parsed.children(tok))


def _has_aux(parsed: ParsedDoc, tok: Token, aux: frozenset[str]) -> bool:
    """Whether the trigger's clause (or the clause it complements) has one of ``aux``."""
    node = tok
    for _ in range(3):
        if any(c.dep == "aux" and c.text.lower() in aux for c in parsed.children(node)):
            return True
        if node.dep not in {"xcomp", "acomp"} or node.head == node.i:
            return False
        node = parsed.tokens[node.head]
    return False


def _reciprocal(parsed: ParsedDoc, tok: Token) -> bool:
    """"Russia and Ukraine blamed each other", "... met one another": each party acts on
    the others."""
    if tok.pos == "VERB" and tok.lemma.lower() in RECIPROCAL_VERBS:  # "swapped prisoners"
        return True
    if tok.pos != "VERB" and tok.dep == "dobj" and \
            parsed.tokens[tok.head].lemma.lower() in RECIPROCAL_VERBS:  # "traded accusations"
        return True
    objects = [c for c in parsed.children(tok) if c.dep in {"dobj", "prep", "dative"}]
    objects += [g for c in objects if c.dep in {"prep", "dative"} for g in parsed.children(c)
                if g.dep == "pobj"]
    def around(o: Token) -> str:
        return " ".join(t.text.lower() for t in parsed.tokens[max(0, o.i - 1):o.i + 2])

    return any(pair in around(o) for o in objects for pair in ("each other", "one another"))


def _has_object(parsed: ParsedDoc, tok: Token, phrase_object: Token | None) -> bool:
    """An object the act is done to ("bombed rebel positions"); the object that is part
    of the trigger phrase ("exchanged *fire*") is not one."""
    return any(c.dep in {"dobj", "nsubjpass"} and c is not phrase_object
               for c in parsed.children(tok))


def _pairs(roles: Roles, *, joint: bool) -> list[tuple]:
    sources, targets = roles.sources, roles.targets
    if not targets and len(sources) > 1 and joint:
        pairs = [(s, t) for s in sources for t in sources if s is not t]
    elif not targets:
        pairs = [(s, None) for s in sources]
    elif not sources:
        pairs = [(None, t) for t in targets]
    else:
        pairs = [(s, t) for s in sources for t in targets
                 if s.actor.actor_id != t.actor.actor_id]
        pairs = pairs or [(s, None) for s in sources]
    return pairs[:MAX_PAIRS]


def _rank(parsed: ParsedDoc, tok: Token) -> tuple[int, int]:
    """How far a trigger is from the sentence's main act: the subordinate clauses it sits
    in (a relative, adverbial or appositive clause tells the background: "Israel, which
    *struck* Gaza, *agreed* to talks"), then its depth in the tree."""
    depth, subordinate, node = 0, 0, tok
    while node.head != node.i and depth < 64:
        subordinate += node.dep in SUBORDINATE_DEPS
        node, depth = parsed.tokens[node.head], depth + 1
    return subordinate, depth


def _clause_span(parsed: ParsedDoc, tok: Token) -> tuple[int, int]:
    """The character span of the clause the trigger belongs to (its nearest verb)."""
    node = tok
    for _ in range(6):
        if node.pos in {"VERB", "AUX"} or node.head == node.i:
            break
        node = parsed.tokens[node.head]
    return parsed.subtree_span(node)


def _date(ctx, sent: Sentence, tok: Token) -> tuple[str | None, str | None, str | None]:
    """A date in the sentence, preferring the trigger's clause, else the document date."""
    in_sentence = [d for d in ctx.dates
                   if d.value and sent.start <= d.start and d.end <= sent.end]
    if in_sentence:
        lo, hi = _clause_span(ctx.parsed, tok)
        in_clause = [d for d in in_sentence if lo <= d.start and d.end <= hi]
        best = min(in_clause or in_sentence, key=lambda d: abs(d.start - tok.start))
        return best.value, best.text, best.rule
    anchor = ctx.anchor
    value = getattr(anchor, "date", None) or getattr(anchor, "published", None)
    return (value, None, "document-date") if value else (None, None, None)


def _location(ctx, tok: Token):
    """A place named in the trigger's clause after in/at/near ("talks in Geneva")."""
    if not ctx.places:
        return None
    lo, hi = _clause_span(ctx.parsed, tok)
    text = ctx.document.text
    for place in sorted(ctx.places, key=lambda p: abs(p.start - tok.start)):
        if lo <= place.start and place.end <= hi and PLACE_PREFIX.search(
                text, max(0, place.start - 12), place.start):
            from dyad.geo import to_ref

            return to_ref(place.place)
    return None
