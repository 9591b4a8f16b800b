"""Literal anchors of a regular expression: a cheap proof that a pattern cannot match.

The relation and agreement coders try each of their trigger patterns on every sentence.
Most patterns start with a few literal words ("hosts", "stationed", "ratif"); a sentence
that contains none of them cannot match, and ``in`` on a lower-cased sentence costs far
less than running the regex engine. ``literal_anchors`` reads those words from the
pattern's own syntax tree, so the filter never changes what the coders find: a pattern
whose matches do not all start with a literal falls back to the literal words every match
must contain somewhere ("bound" in "(is|are) (still )?bound by"), and one with
neither is always tried.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
try:  # CPython's own regex parser (3.11+); without it every pattern is simply always tried
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - other interpreters
    sre = sre_parse = None

# Shorter anchors filter too little to be worth the check.
MIN_ANCHOR = 3
# Alternations that multiply into more prefixes than this are not worth expanding.
MAX_PREFIXES = 256
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT) if sre is not None else ()


def literal_anchors(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings one of which starts every match of ``pattern``; None when the
    pattern's matches do not all start with a literal of at least ``MIN_ANCHOR`` letters."""
    if sre_parse is None:
        return None
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        prefixes, _complete = _sequence(list(tree))
    except (re.error, RecursionError, TypeError, ValueError, AttributeError):
        return None  # a parser whose tree looks different: no filter, never a wrong one
    if prefixes is None or not prefixes or min(map(len, prefixes)) < MIN_ANCHOR:
        inner = _required(list(tree))
        return frozenset(inner) if inner else None
    return frozenset(prefixes)


def may_match(anchors: frozenset[str] | None, lowered: str) -> bool:
    """False only when ``lowered`` (the text, lower-cased) holds none of the anchors."""
    return anchors is None or any(a in lowered for a in anchors)


class AnchorFilter:
    """The patterns of a list that may match a text, each anchor word looked for once
    (patterns share many: "host" starts several)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.anchors = [literal_anchors(p) for p in patterns]
        self.words = tuple(sorted(set().union(*(a for a in self.anchors if a))))

    def candidates(self, lowered: str) -> list[int]:
        """Indices of the patterns that may match ``lowered`` (the text, lower-cased)."""
        present = {w for w in self.words if w in lowered}
        return [i for i, a in enumerate(self.anchors) if a is None or not a.isdisjoint(present)]


def _sequence(items: list) -> tuple[set[str] | None, bool]:
    """The literal prefixes of a sequence of nodes, and whether they are the whole of it."""
    out = {""}
    for i, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue  # \b, ^, look-arounds: they match no characters
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] == 0:
            # "(?:co-)?mediators", "(?:naval\s+)*base": with one round of the part, or without
            rest = items[i + 1:]
            if av[1] == 1:
                with_it, whole_with = _sequence(list(av[2]) + rest)
            else:  # more rounds may follow the first: only its own prefix is sure
                with_it, whole_with = _sequence(list(av[2]))[0], False
            without, whole_without = _sequence(rest)
            if with_it is None or without is None:
                return None, False
            out = {p + q for p in out for q in with_it | without}
            return (out, whole_with and whole_without) if len(out) <= MAX_PREFIXES \
                else (None, False)
        part, complete = _node(op, av)
        if part is None:
            return out, False
        out = {p + q for p in out for q in part}
        if len(out) > MAX_PREFIXES:
            return None, False
        if not complete:
            return out, False
    return out, True


def _node(op, av) -> tuple[set[str] | None, bool]:
    if op is sre.LITERAL:
        return {chr(av).lower()}, True
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is sre.BRANCH:
        found: set[str] = set()
        complete = True
        for branch in av[1]:
            part, whole = _sequence(list(branch))
            if part is None or "" in part:
                return None, False  # a branch with no literal start: no anchor at all
            found |= part
            complete = complete and whole
        return found, complete
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
        part, _ = _sequence(list(av[2]))  # at least once: its prefix starts the rest
        return (part, False) if part and "" not in part else (None, False)
    return None, False


def _required(items: list) -> set[str] | None:
    """Literal strings one of which every match of a sequence contains, each at least
    ``MIN_ANCHOR`` long; the surest such set (longest shortest string), or None."""
    options: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av).lower()
            continue
        if run and op in (sre.SUBPATTERN, sre.BRANCH):
            # "de(?:ad|funct)" (the parser factors shared prefixes out): the run and the
            # group's own literal starts are one string
            starts, _ = _node(op, av)
            if starts and "" not in starts and len(starts) <= MAX_PREFIXES \
                    and min(len(run + p) for p in starts) >= MIN_ANCHOR:
                options.append({run + p for p in starts})
        if len(run) >= MIN_ANCHOR:
            options.append({run})
        run = ""
        if op is sre.SUBPATTERN:
            found = _required(list(av[-1]))
        elif op is sre.BRANCH:
            branches = [_required(list(b)) for b in av[1]]
            found = set().union(*branches) if all(branches) else None
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            found = _required(list(av[2]))
        else:  # optional parts, classes, look-arounds: nothing every match must hold
            found = None
        if found and len(found) <= MAX_PREFIXES:
            options.append(found)
    if len(run) >= MIN_ANCHOR:
        options.append({run})
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)
