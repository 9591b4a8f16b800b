"""A step another state repeats: "Mexico broke off diplomatic relations with Ecuador.
Nicaragua followed suit on Saturday", "two days after Mali took the same step".

The state that "followed suit", "did the same" or "took the same step" stands in the
relation the text stated last before it (in its sentence or the one before), with the same
other side and modality: breaking or restoring ties, imposing or lifting sanctions. An echo
only planned or denied ("said it would follow suit", "did not follow suit") writes nothing.
The record is the echo's sentence's; its ``attributes`` say ``inferred_from: "echo"``.

Ties cut with no other side named repeat the cut stated before them: "Saudi Arabia cut
diplomatic ties with Iran on Sunday, and Bahrain and Sudan broke off relations on Monday",
"Brazil has kept its ties with Israel, unlike Bolivia and Colombia, which cut ties": each
subject cut its ties with that other side (negated), and the two subjects' own pair reading
("Bahrain and Sudan broke off relations" with each other) is dropped. With no step before
("The two countries cut ties in 2016") the pair reading stands.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from dyad.agreements.spans import subject_actors, token_at
from dyad.modality import modality_of
from dyad.model import Evidence, Relation, make_id
from dyad.nlp.parsed import ParsedDoc
from dyad.relations.context import whole_lists

__all__ = ["ECHOED", "with_echoes"]

# The relations whose source is the one who takes the step (not a membership: "Turkey's
# parliament approved Finland's accession, after lawmakers in Budapest did the same" makes
# Hungary no member).
ECHOED = frozenset({"diplomatic_relations", "sanctions"})

_ECHO = re.compile(r"\b(?:follow(?:ed|s|ing)?\s+suit|(?:took|takes|take|taken|taking)\s+(?:the\s+)?(?:same|similar)\s+"
                   r"(?:step|action|measure|decision|course)|(?:did|does|do|done)\s+(?:the\s+same|likewise))\b",
                   re.IGNORECASE)
_RELATIVE = re.compile(r"\s*,?\s*(?:which|that|who)\s+(?:(?:\w+ly|also|then|later|too)\s+)?(?:(?:have|has|had)\s+)?",
                       re.IGNORECASE)
# ties cut with no other side after them ("broke off relations on Monday", "which cut ties
# over the war"); "cut ties with Iran" names its side and is read by the patterns
_CUT_AGAIN = re.compile(r"\b(?:sever(?:ed|s)?|cut|cuts|br(?:eak|eaks|oke|oken)\s+off)\s+(?:(?:its|their|all|"
                        r"diplomatic|formal|official)\s+)*(?:relations|ties)\b(?!\s+(?:with|between|to)\b)",
                        re.IGNORECASE)


def with_echoes(rels: list[Relation], pool: Sequence[Any], parsed: ParsedDoc,
                side_key: Callable, ref_of: Callable) -> list[Relation]:
    """``rels`` and one record for each state named as repeating the step of a relation
    stated before it (module doc); ``side_key`` gives a side's country-level key, ``ref_of``
    the ActorRef of a mention."""
    out = list(rels)
    known = {(r.relation_type, side_key(r.source), side_key(r.target)) for r in rels}
    for sent in parsed.sentences:
        if sent.end <= parsed.body_start:
            continue
        for m in _ECHO.finditer(parsed.text, sent.start, sent.end):
            echoer = _echoer(parsed, pool, m, sent)
            step = _step_before(rels, parsed, sent)
            if echoer is None or step is None or not _done(parsed, m):
                continue
            source = ref_of(echoer)
            key = (step.relation_type, side_key(source), side_key(step.target))
            if key in known or side_key(source) in {side_key(step.source), side_key(step.target)}:
                continue
            known.add(key)
            out.append(_echo(step, source, parsed, sent, "echo"))
    return _with_cuts_again(out, pool, parsed, side_key, ref_of)


def _echo(step: Relation, source: Any, parsed: ParsedDoc, sent: Any, salt: str, **update: Any) -> Relation:
    """``step`` repeated by ``source`` in ``sent``, marked as inferred from an echo."""
    rid = make_id("rel", step.relation_type, source.actor_id, step.target.actor_id,
                  parsed.doc_id, sent.start, salt)
    return step.model_copy(update={
        "relation_id": rid, "source": source,
        "attributes": {**step.attributes, "inferred": True, "inferred_from": "echo"},
        "evidence": [Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end, text=sent.text)],
        **update})


def _with_cuts_again(rels: list[Relation], pool: Sequence[Any], parsed: ParsedDoc,
                     side_key: Callable, ref_of: Callable) -> list[Relation]:
    """``rels`` and, for ties cut with no other side named, each subject's cut of its ties
    with the other side of the ties stated before (module doc)."""
    out = list(rels)
    for sent in parsed.sentences:
        if sent.end <= parsed.body_start:
            continue
        for m in _CUT_AGAIN.finditer(parsed.text, sent.start, sent.end):
            step = _step_before(rels, parsed, sent, types=frozenset({"diplomatic_relations"}))
            cutters = _subjects(parsed, pool, m, sent)
            if step is None or not cutters or not _done(parsed, m):
                continue
            keys = {side_key(ref_of(a)) for a in cutters}
            if side_key(step.target) in keys:
                continue
            out = [r for r in out if not (r.relation_type == "diplomatic_relations"
                                          and r.evidence[0].start == sent.start
                                          and {side_key(r.source), side_key(r.target)} <= keys)]
            known = {(r.relation_type, side_key(r.source), side_key(r.target)) for r in out}
            for cutter in cutters:
                source = ref_of(cutter)
                key = ("diplomatic_relations", side_key(source), side_key(step.target))
                if key in known:
                    continue
                known.add(key)
                out.append(_echo(step, source, parsed, sent, "cut-echo", modality="negated"))
    return out


def _subjects(parsed: ParsedDoc, pool: Sequence[Any], m: re.Match[str], sent: Any) -> list[Any]:
    """The states that are the subject of the verb at ``m`` (a relative pronoun stands for
    the states it hangs on: "Bolivia and Colombia, which cut ties")."""
    states = [a for a in pool if sent.start <= a.start and a.end <= m.start()
              and (a.actor.kind == "state" or a.actor.country and a.actor.kind != "igo")]
    found = subject_actors(parsed, token_at(parsed, m.start(), m.end()), states)
    if found:
        return found
    # the parse may miss the relative clause: the list right before "which" is its subject
    head = [a for a in states if _RELATIVE.fullmatch(parsed.text, a.end, m.start())]
    return whole_lists(parsed.text, states, head[-1:]) if head else []


def _echoer(parsed: ParsedDoc, pool: Sequence[Any], m: re.Match[str], sent: Any) -> Any | None:
    """The state that repeats the step: the subject of the echo's verb, else the state named
    right before it ("neighbouring Mali took the same step")."""
    states = [a for a in pool if sent.start <= a.start and a.end <= m.start()
              and (a.actor.kind == "state" or a.actor.country and a.actor.kind != "igo")]
    found = subject_actors(parsed, token_at(parsed, m.start(), m.end()), states)
    if found:
        return found[0]
    near = [a for a in states if re.fullmatch(r"\s*(?:(?:\w+ly|also|then|soon|later|quickly)\s+)?",
                                              parsed.text[a.end:m.start()])]
    return near[-1] if near else None


def _done(parsed: ParsedDoc, m: re.Match[str]) -> bool:
    """The echo is stated (or reported) as done: "said it would follow suit" repeats nothing yet."""
    tok = token_at(parsed, m.start(), m.end())
    return tok is None or getattr(modality_of(parsed, tok), "modality", "asserted") in {"asserted", "reported"}


def _step_before(rels: Sequence[Relation], parsed: ParsedDoc, sent: Any, *,
                 types: frozenset[str] = ECHOED) -> Relation | None:
    """The last relation of a repeatable step (of ``types``) stated in the sentence or the
    one before, with a named other side."""
    floor = parsed.sentences[sent.i - 1].start if sent.i > 0 else sent.start
    steps = [r for r in rels if r.relation_type in types and r.target is not None
             and not r.attributes.get("inferred") and floor <= r.evidence[0].start <= sent.start]
    return max(steps, key=lambda r: r.evidence[0].start) if steps else None
