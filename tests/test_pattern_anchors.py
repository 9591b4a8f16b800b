"""The literal-anchor filter must never hide a match (dyad/pattern_anchors.py)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.pattern_anchors import literal_anchors, may_match


@pytest.mark.parametrize("pattern, anchors", [
    (r"\bhosts?\b", {"host", "hosts"}),
    (r"\b(?:is|are) home to", {"is home to", "are home to"}),
    (r"\b(?:co-)?mediators?\b", {"mediator", "mediators", "co-mediator", "co-mediators"}),
    (r"\b(?:(?:naval|air)\s+)*base", {"naval", "air", "base"}),  # more rounds may follow
    (r"(?<=x)troops", {"troops"}),           # look-arounds match no characters
    (r"\b(?:ratif\w+|signed)", {"ratif", "signed"}),
    (r"[A-Z]\w+ \d+", None),                 # no literal anywhere: always tried
    (r"\b(?:is|signed)\b", None),            # "is" is too short to filter anything
    (r"\b(?:signed|\w+ed)\b", None),         # one branch without a literal
    # no literal start: the words every match must contain, wherever they are
    (r"\b(?:is|are)\s+(?:still\s+)?bound\s+by\b", {"bound"}),
    (r"\b(?:is|are)\s+(?:no\s+longer\s+in\s+force|void)", {"void", "longer"}),
    (r"\b(?:is|are)\s+(?:now\s+)?(?:dead|defunct)\b", {"dead", "defunct"}),
    (r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:at\s+)?war\b", {"war"}),
    (r"\b(?:is|are)\s+(?:\w+ly\s+)?at\s+odds\b", {"odds"}),  # the surest of "at", "odds"
    (r"[A-Z]\w+ troops", {" troops"}),
    (r"(?:\w+\s+)+(?:troops|forces)", {"troops", "forces"}),
])
def test_anchors_of_a_pattern(pattern, anchors):
    found = literal_anchors(re.compile(pattern, re.IGNORECASE))
    assert (set(found) if found is not None else None) == anchors


def test_no_anchors_means_always_tried():
    assert may_match(None, "anything") and not may_match(frozenset({"base"}), "no such word")


PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    r"\b(?:(?:naval|air)\s+)*bases?\b", r"\b(?:co-)?mediat(?:e|ed|ion|ors?)\b",
    r"\b(?:is|are)\s+home\s+to\b", r"\bstationed\s+(?:in|at)\b", r"\bsupplie[sd]\b",
    r"\b(?:is|are)\s+(?:still\s+)?home\s+(?:to|for)\b", r"(?:\w+\s+)?(?:naval|air)\s+bases?",
)]
WORDS = ["naval", "air", "base", "bases", "co-", "mediate", "mediators", "is", "are", "home",
         "to", "stationed", "in", "at", "supplies", "supplied", "Naval", "BASE", "x", "still",
         "for", "Home"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=8))
def test_a_text_the_filter_rejects_never_matches(words):
    text = " ".join(words)
    for pattern in PATTERNS:
        if not may_match(literal_anchors(pattern), text.lower()):
            assert pattern.search(text) is None


def test_the_filter_keeps_every_pattern_that_matches():
    from dyad.pattern_anchors import AnchorFilter

    patterns = PATTERNS + [re.compile(r"[A-Z]\w+ \d+")]  # the last has no anchors
    keep = AnchorFilter(patterns)
    for text in ("The naval air base is home to 3,000 troops.", "Qatar mediated.", "nothing"):
        chosen = set(keep.candidates(text.lower()))
        assert {i for i, p in enumerate(patterns) if p.search(text)} <= chosen
        assert len(patterns) - 1 in chosen
    # only the patterns without anchors ("is\s+home": "is" is too short) stay candidates
    assert keep.candidates("nothing") == [i for i, a in enumerate(keep.anchors) if a is None]
    assert len(keep.candidates("nothing")) < len(patterns)
