"""The event coder ``dyad.events.rules.v1``: PLOVER events from a parsed document.

Stages per sentence: triggers (``triggers``) -> frames fold embedded acts -> source and
target (``roles``) -> modality -> PLOVER's future rule -> date, place, quantities ->
one ``Event`` per (source, target) pair.

Decisions (docs/events.md says more):
- An event needs a trigger and at least one actor, source or target.
- Coordinated actors give one event per source ("The US and France accused Russia" ->
  USA->RUS, FRA->RUS). A joint act with no target ("Seoul and Tokyo reached an
  agreement") gives one event per ordered pair of its parties (KOR->JPN, JPN->KOR).
- The events of a sentence are listed root-most trigger first: the first is the
  sentence's primary event.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterable, Sequence

from dyad.events.domestic import domestic_recipient
from dyad.events.lexicon import Lexicon, default_lexicon, load_lexicon
from dyad.events.roles import (ActorIndex, Roles, complement_subjects, deontic_roles,
                               fallback_targets, find_roles)
from dyad.events.triggers import Hit, find_hits
from dyad.modality import modality_of
from dyad.model import Event, Evidence, make_id
from dyad.nlp.parsed import ParsedDoc, Sentence, Token

# Acts done together: with several parties and no target, each party acts on the others.
JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "ASSAULT"})
# Frames directed at whoever would carry out the framed act ("condemned the Israeli attack").
ACTOR_IS_TARGET_FRAMES = frozenset({"REQUEST", "ACCUSE", "SUPPORT", "REJECT"})
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
    index = ActorIndex(ctx.actors)
    if not index:
        return []
    events: list[Event] = []
    for sent in parsed.sentences:
        if not sent.parsed:
            continue
        hits = [h for h in find_hits(parsed, sent, lexicon) if h.frame is None]
        hits.sort(key=lambda h: (_depth(parsed, h.token), h.token.i))
        seen: set[str] = set()
        for hit in hits:
            for event in _events_for(ctx, sent, hit, lexicon, index):
                if event.event_id not in seen:
                    seen.add(event.event_id)
                    events.append(event)
    return events


def _events_for(ctx, sent: Sentence, hit: Hit, lexicon: Lexicon,
                index: ActorIndex) -> Iterable[Event]:
    parsed = ctx.parsed
    if hit.kind == "deontic":
        roles = deontic_roles(parsed, hit.token, index)
    else:
        roles = find_roles(parsed, hit.token, hit.event_type, index, mode=hit.mode,
                           parts=hit.parts)
    for inner in hit.embedded:  # a frame without a target aims at the act it frames
        if roles.targets:
            break
        inner_roles = find_roles(parsed, inner.token, inner.event_type, index, mode=inner.mode,
                                 parts=inner.parts)
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
    if not roles.targets and hit.event_type in lexicon.frames:
        ids = {s.actor.actor_id for s in roles.sources}
        roles.targets = [t for t in complement_subjects(parsed, hit.token, index)
                         if t.actor.actor_id not in ids]
        roles.target_via = "subject of the complement clause" if roles.targets else ""
    if not roles.sources and not roles.targets:
        return

    reading = modality_of(parsed, hit.token)
    notes = ["modal clause under a verb of saying (deontic REQUEST)" if hit.kind == "deontic"
             else f"lexicon {hit.entry.key}"
             + (f" [{hit.entry.origin}]" if hit.entry.origin != "dyad" else "")]
    if hit.obj is not None:
        notes.append(f"object '{hit.obj.text}'")
    if hit.embedded:
        notes.append("frames " + ", ".join(i.entry.key for i in hit.embedded))
    event_type, mode, cameo, modality = _recode(parsed, hit, reading, lexicon, notes)
    if not roles.targets:
        roles.targets, roles.target_via = fallback_targets(
            parsed, [hit.token, *(i.token for i in hit.embedded)], event_type, index,
            {s.actor.actor_id for s in roles.sources})
    if not roles.targets:
        implied = [m for m in (domestic_recipient(s, event_type, mode, cameo or hit.entry.cameo,
                                                  lexicon) for s in roles.sources) if m]
        if implied:
            roles.targets = list({m.actor.actor_id: m for m in implied}.values())
            roles.target_via = "implied: the source's own " + (
                "population" if implied[0].actor.sector == "CVL" else "government")
    info = lexicon.types[event_type]
    if roles.source_via:
        notes.append(f"source via {roles.source_via}")
    if roles.target_via:
        notes.append(f"target via {roles.target_via}")
    if roles.speaker:
        notes.append("speaker " + ", ".join(m.actor.name for m in roles.speaker))
    if reading.cue:
        notes.append(f"modality cue '{reading.cue}'")

    date, date_text, date_rule = _date(ctx, sent, hit.token)
    location = _location(ctx, hit.token)
    quantities = [q for q in ctx.quantities
                  if q.start is not None and sent.start <= q.start < sent.end]
    evidence = Evidence(doc_id=ctx.document.doc_id, start=sent.start, end=sent.end,
                        text=ctx.document.text[sent.start:sent.end])
    trigger_text = " ".join(parsed.tokens[i].text for i in sorted(hit.parts))
    for source, target in _pairs(roles, event_type):
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


def _pairs(roles: Roles, event_type: str) -> list[tuple]:
    sources, targets = roles.sources, roles.targets
    if not targets and len(sources) > 1 and event_type in JOINT_TYPES:
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


def _depth(parsed: ParsedDoc, tok: Token) -> int:
    depth, node = 0, tok
    while node.head != node.i and depth < 64:
        node, depth = parsed.tokens[node.head], depth + 1
    return depth


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
