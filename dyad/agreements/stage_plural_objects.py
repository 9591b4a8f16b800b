"""Stages told of several agreements at once, for ``stages.find_stages`` and ``rules.code``.

English refers to agreements just described in the plural: "approved both treaties",
"ratified them", "backed both", "the two texts were signed", "all three accords". Such a
reference is no agreement of its own: the stage belongs to each of the agreements it
stands for (``plural_count`` reads the reference next to a trigger, ``antecedents`` picks
the agreements, ``redistribute`` hands over the stages of a plural mention that became a
cluster). A companion signed "alongside" or "together with" another shares its stage
(``companions``).
"""

from __future__ import annotations

import re
from typing import Sequence

from dyad.agreements.lexicon import Hit
from dyad.agreements.linking import Cluster
from dyad.nlp.parsed import Sentence

# Heads a plural reference may carry; a form word names the form it must match, a neutral
# word ("texts", "documents") any agreement.
_FORMS = {"treaties": "treaty", "agreements": "agreement", "accords": "accord", "deals": "deal",
          "pacts": "pact", "protocols": "protocol", "conventions": "convention",
          "compacts": "compact", "arrangements": "arrangement", "memoranda": "memorandum",
          "memorandums": "memorandum", "declarations": "declaration"}
_NEUTRAL = ("texts", "documents", "instruments")
_HEADS = "|".join([*_FORMS, *_NEUTRAL])
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4}
# "both treaties", "both of them", "the two texts", "all three accords", "these two deals"
_QUANTIFIED = (rf"(?:both(?:\s+(?:of\s+them|of\s+the\s+(?:{_HEADS})|(?:the\s+)?(?:[\w-]+\s+)?(?:{_HEADS})))?"
               rf"|(?:the|these|those|all)\s+(?:two|three|four)(?:\s+(?:[\w-]+\s+)?(?:{_HEADS}))?"
               rf"|all\s+of\s+them)")
# After the trigger: its object ("ratified them", "backed both", "withdrew from both pacts")
_AFTER = re.compile(rf"\s+(?:(?:from|to|out\s+of|of|on)\s+)?(?P<ref>them|{_QUANTIFIED})\b(?!\s+(?:countries|states|sides|"
                    r"governments|leaders|nations|parliaments))", re.IGNORECASE)
# Before a passive trigger: its subject ("Both were signed", "The two texts have been ratified")
_BEFORE = re.compile(rf"(?:^|[,;]\s*|\band\s+)(?P<ref>they|{_QUANTIFIED})\s+(?:were|have\s+been|had\s+been|"
                     r"are|will\s+be|must\s+be|would\s+be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# A mention that is itself only a plural reference ("both treaties", "the two accords")
_PLURAL_MENTION = re.compile(rf"\b(?:both|(?:the|these|those|all)\s+(?:two|three|four))\s+(?:[\w-]+\s+)?(?:{_HEADS})$",
                             re.IGNORECASE)
# "signed ... alongside a broader framework agreement", "together with a military pact"
_COMPANION = re.compile(r"\b(?:alongside|together\s+with|along\s+with|at\s+the\s+same\s+time\s+as)\s+"
                        r"(?:(?:the|an?|its|their)\s+)?", re.IGNORECASE)
COMPANION_STAGES = frozenset({"signed", "ratified", "in_force", "negotiated"})
WINDOW = 2  # sentences back in which the agreements referred to stand


def _count(ref: str) -> tuple[int | None, str | None]:
    """How many agreements a reference counts (None: all in reach), and the form its
    head names (None: any)."""
    words = ref.lower().split()
    n = next((_COUNTS[w] for w in words if w in _COUNTS), None)
    form = _FORMS.get(words[-1]) if words else None
    return n, form


def plural_count(text: str, hit: Hit, sent: Sentence, stage: str) -> tuple[int | None, str | None] | None:
    """(count, form) when the trigger's object or passive subject is a plural reference;
    None otherwise. "them" and "they" stand for agreements only after a signing or a
    ratification ("withdrew them" are troops)."""
    m = _AFTER.match(text, hit.end, sent.end) or _BEFORE.search(text[sent.start:hit.start])
    if m is None:
        return None
    ref = m.group("ref")
    if ref.lower() in {"them", "they"} and stage not in {"signed", "ratified", "rejected"}:
        return None
    return _count(ref)


def _forms(c: Cluster) -> set[str]:
    return {m.head for m in c.mentions}


def antecedents(text: str, by_sent: dict, sent: Sentence, before: int, count: int | None, form: str | None,
                exclude: Sequence[Cluster] = ()) -> list[Cluster]:
    """The agreements a plural reference at ``before`` stands for: those of this sentence
    before it and of the ``WINDOW`` sentences before, plural references left out. Those
    whose head is the reference's form first ("both treaties"), then the salient ones (a
    name, more mentions), then the recent; ``count`` of them, or all when it is None. Fewer
    than two found: none (a plural needs two)."""
    seen: dict[int, tuple[Cluster, int]] = {}
    for back in range(WINDOW, -1, -1):
        for m, c in by_sent.get(sent.i - back, []):
            if back == 0 and m.start >= before or any(c is x for x in exclude) or is_plural_reference(c, text):
                continue
            if id(c) not in seen or m.start > seen[id(c)][1]:
                seen[id(c)] = (c, m.start)
    pool = list(seen.values())
    if form is not None:
        matching = [p for p in pool if form in _forms(p[0])]
        if len(matching) >= (count or 2):
            pool = matching
    pool.sort(key=lambda p: (p[0].named is not None, len(p[0].mentions), p[1]), reverse=True)
    chosen = pool if count is None else pool[:count]
    if len(chosen) < 2 or count is not None and len(chosen) < count:
        return []
    return [c for c, _ in sorted(chosen, key=lambda p: p[1])]


def is_plural_reference(c: Cluster, text: str) -> bool:
    """A cluster whose every mention is only a counted plural ("both treaties"; the
    mention may start after the quantifier)."""
    return all(not m.named and _plural_phrase(text, m) is not None for m in c.mentions)


def _plural_phrase(text: str, m) -> re.Match | None:
    found = _PLURAL_MENTION.search(text, max(0, m.start - 20), m.end)
    return found if found is not None and found.start() <= m.start else None


def redistribute(text: str, clusters: Sequence[Cluster], staged: list, sentences: Sequence[Sentence]
                 ) -> tuple[list[Cluster], list]:
    """A plural reference that became a cluster of its own gives its stages to each
    agreement it stands for and makes no record; one whose agreements are not found stays."""
    by_i = {s.i: s for s in sentences}
    by_sent: dict[int, list] = {}
    for c in clusters:
        for m in c.mentions:
            by_sent.setdefault(m.sent, []).append((m, c))
    resolved: dict[int, list[Cluster]] = {}
    for c in clusters:
        if not is_plural_reference(c, text):
            continue
        first = c.mentions[0]
        n, form = _count(_plural_phrase(text, first).group(0))
        found = antecedents(text, by_sent, by_i[first.sent], first.start, n, form, exclude=[c]) \
            if first.sent in by_i else []
        if found:
            resolved[id(c)] = found
    if not resolved:
        return list(clusters), staged
    out = []
    for c, s in staged:
        for target in resolved.get(id(c), [c]):
            if not any(t is target and u == s for t, u in out):
                out.append((target, s))
    return [c for c in clusters if id(c) not in resolved], out


def companions(text: str, hit: Hit, stage: str, clust: Cluster, pairs: Sequence, sent: Sentence
               ) -> list[Cluster]:
    """"It was signed in December alongside a broader framework agreement": the agreement
    named after "alongside"/"together with" in the trigger's clause shares the stage."""
    if stage not in COMPANION_STAGES:
        return []
    out = []
    for cue in _COMPANION.finditer(text, hit.end, sent.end):
        if re.search(r"[;:]|,\s*(?:and|but|while|which|who)\b", text[hit.end:cue.start()]):
            break  # another clause
        other = next((c for m, c in pairs if 0 <= m.start - cue.end() <= 30 and c is not clust
                      and not re.search(r"[,;]", text[cue.end():m.start])), None)
        if other is not None and all(other is not o for o in out):
            out.append(other)
    return out


def stage_agreements(text: str, hit: Hit, stage: str, clust: Cluster, pairs: Sequence,
                     by_sent: dict, sent: Sentence) -> list[Cluster]:
    """Every agreement a stage acts on: those a plural reference stands for (else the one
    found), and its companions."""
    targets = [clust]
    plural = plural_count(text, hit, sent, stage)
    if plural is not None and not is_plural_reference(clust, text):
        targets = antecedents(text, by_sent, sent, hit.start, *plural) or targets
    return targets + [c for c in companions(text, hit, stage, clust, pairs, sent)
                      if all(c is not t for t in targets)]
