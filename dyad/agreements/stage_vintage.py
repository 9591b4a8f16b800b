"""The signing a year names inside an agreement's noun phrase: "the 1994 Agreed Framework",
"their 1974 Land Boundary Agreement", "the Cotonou Agreement of 2000" say the agreement was
made (signed, jointly) that year, though no verb tells it. For ``stages.find_stages``.

Only a bare year in the mention's own phrase counts, not earlier than a century before nor
later than the publication; an agreement whose signing (or any stage of that year) the text
tells otherwise keeps that, and a phrase that says it is not made yet ("the proposed 2030
pact", "a draft 2025 accord") or names a year of its term ("the 2021-2025 plan") dates
nothing.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.linking import Cluster
from dyad.model import Evidence, Stage
from dyad.nlp.parsed import ParsedDoc

_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# between the year and the mention's head: a few modifiers, no clause
_BEFORE_HEAD = re.compile(r"(?:['’]s)?(?:\s+(?!(?:and|or|in|on|at|to|from|of|with|by|for)\b)[\w'’-]+){0,4}\s+")
_BEFORE_MENTION = re.compile(r"(?:the|a|an|its|their|his|her|our)\s+(?:[\w'’-]+\s+){0,1}$", re.IGNORECASE)
_OF_YEAR = re.compile(r"\s+of\s+$")
# "the proposed 2030 accord", "a draft 2025 treaty", "the next 2026 deal": not made yet
_UNMADE = re.compile(r"\b(?:proposed|draft|planned|future|next|new|possible|prospective|envisaged|"
                     r"would-be|expected|upcoming)\b", re.IGNORECASE)
# "the 2021-2025 plan", "the 2020 to 2030 programme": a term, not a making
_RANGE_AFTER = re.compile(r"\s*(?:-|–|to|through)\s*\d")


def dated_signings(parsed: ParsedDoc, clusters: Sequence[Cluster], dates: Sequence[Any],
                   staged: Sequence[tuple[Cluster, Stage]], doc_date: str | None) -> list[tuple[Cluster, Stage]]:
    """One joint, asserted ``signed`` stage for each agreement whose mention holds a bare
    year and whose signing (or a stage of that year) the document does not tell."""
    doc_year = int(doc_date[:4]) if doc_date and doc_date[:4].isdigit() else None
    out: list[tuple[Cluster, Stage]] = []
    for c in clusters:
        told = [s for k, s in staged if k is c]
        if any(s.stage == "signed" for s in told):
            continue
        for m in c.mentions:
            year = _mention_year(parsed.text, m, dates)
            if year is None:
                continue
            value = int(year.text)
            if doc_year is not None and not doc_year - 100 <= value <= doc_year:
                continue
            if any((s.date or "").startswith(year.text) for s in told):
                break  # "the 2015 deal", negotiated in July 2015: that stage holds the year
            sent = parsed.sentences[m.sent]
            out.append((c, Stage(stage="signed", party=None, date=year.text, date_text=year.text,
                                 modality="asserted",
                                 evidence=Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end,
                                                   text=parsed.text[sent.start:sent.end]))))
            break
    return out


def _mention_year(text: str, m: Any, dates: Sequence[Any]) -> Any:
    """The bare-year date inside the mention before its head, right before it ("the 1998
    pact" when the mention starts at "pact"), or after it with "of"."""
    for d in dates:
        if not _YEAR.fullmatch(d.text or "") or not d.value or len(d.value) != 4:
            continue
        inside = m.start <= d.start and d.end <= m.head_start \
            and _BEFORE_HEAD.fullmatch(text, d.end, m.head_start)
        before = d.end <= m.start and _BEFORE_HEAD.fullmatch(text, d.end, m.start) \
            and _BEFORE_MENTION.search(text, max(0, d.start - 20), d.start)
        after = d.start >= m.end and _OF_YEAR.fullmatch(text, m.end, d.start)
        if not (inside or before or after) or _RANGE_AFTER.match(text, d.end):
            continue
        phrase = text[max(m.start, d.start - 30) if before else m.start:m.head_start]
        if _UNMADE.search(text, max(0, min(m.start, d.start) - 20), max(d.start, m.head_start)) \
                or _UNMADE.search(phrase):
            continue
        return d
    return None
