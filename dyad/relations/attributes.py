"""Attributes of a standing relation, read from its sentence.

``value_usd`` (or ``value`` and ``currency``) from a money quantity; ``year`` from a date,
or ``since`` from a date after "since"; ``commodity``; ``rank`` ("third largest", "main");
``location`` (a ``LocationRef`` as JSON, with ``text``: the place as written) and
``distance_km``; for a claim or an occupation, ``territory``: the place at stake as
written ("Falkland Islands"), also when it is a whole country. A rank with "after the United States and France" also ranks those two:
``ranked_before`` lists them, and the coder writes their relations with ``inferred: true``.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.spans import group_after
from dyad.relations.context import PlaceHit, SentenceEnv
from dyad.relations.place_roles import is_country

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_RANK = re.compile(r"\b(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                   r"tenth|\d+(?:st|nd|rd|th))?[- ]?(?P<sup>largest|biggest|main|top|leading)\b",
                   re.IGNORECASE)
_MONEY = re.compile(r"[A-Z]{3}")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\s")
# "the Essequibo region" is named "Essequibo": the article and trailing common nouns go
_TERRITORY_WORDS = re.compile(r"^the\s+|(?:\s+(?-i:[a-z][\w-]*))+$", re.IGNORECASE)
_ONE_OF = re.compile(r"\bone\s+of(?:\s+the)?(?:\s+[\w'’-]+)?\s*$", re.IGNORECASE)


def attributes(env: SentenceEnv, m: re.Match[str], dates: Sequence[Any], quantities: Sequence[Any],
               commodity: tuple[str, str] | None, place: PlaceHit | None, *,
               territory: bool = False, target: str | None = None) -> dict:
    text, sent = env.parsed.text, env.sent
    attrs: dict[str, Any] = {}
    qs = [q for q in quantities if q.start is not None and sent.start <= q.start and q.end <= sent.end]
    money = [q for q in qs if _MONEY.fullmatch(q.unit)]
    if money:
        q = next((q for q in money if q.unit == "USD"), money[0])
        if q.unit == "USD":
            attrs["value_usd"] = q.value
        else:
            attrs["value"], attrs["currency"] = q.value, q.unit
    km = [q for q in qs if q.unit == "km"]
    if km:
        attrs["distance_km"] = km[0].value
    ds = [d for d in dates if sent.start <= d.start and d.end <= sent.end and d.value]
    sinces = [d for d in ds if d.kind == "range_start"
              or text[max(sent.start, d.start - 6):d.start].lower().strip().endswith("since")]
    # "a member of NATO since 1952 and of the EU since 1981": the trigger's own
    since = _nearest_date(text, m, sinces) or next(iter(sinces), None)
    if since is not None:
        attrs["since"] = since.value
    else:
        d = _nearest_date(text, m, ds)
        if d is not None:
            attrs["year"] = d.value[:4] if d.value[:1].isdigit() else d.value
    if commodity is not None:
        attrs["commodity"] = commodity[0].lower() if commodity[0].islower() else commodity[0]
    if place is not None and place.location is not None and (
            not is_country(place.location) or (territory and place.location.country != target)):
        # a whole country is the host itself, not a place within it; a claimed or occupied
        # territory with its own code ("the Falkland Islands") is still the place at stake
        attrs["location"] = {**place.location.model_dump(mode="json"), "text": place.text}
    if territory and place is not None and place.text:
        # the claimed or occupied territory by name, even when it is the holder's whole
        # country ("China claims Taiwan") or its code is the holder's ("the Falklands")
        attrs["territory"] = _TERRITORY_WORDS.sub("", place.text) or place.text
    window = max(sent.start, m.start() - 30)
    rank = _RANK.search(text, window, m.end())
    if rank and not _ONE_OF.search(text, max(sent.start, rank.start() - 30), rank.start()):
        # "one of the largest buyers" ranks nobody
        word = (rank.group("ord") or "").lower()
        attrs["rank"] = ORDINALS.get(word) or (int(word[:-2]) if word[:-2].isdigit() else 1)
    return attrs


def ranked_before(env: SentenceEnv, m: re.Match[str], rank: int) -> list[tuple[Any, int]]:
    """'the third largest arms supplier after the United States and France': the ones
    named after "after"/"behind" are larger, ranked in the order given; those after
    "followed by"/"ahead of" come next: (mention, rank)."""
    text, sent = env.parsed.text, env.sent
    cue = re.search(r"\b(?:after|behind|(?P<next>followed\s+by|ahead\s+of))\s+(?:the\s+)?",
                    text[m.end():min(sent.end, m.end() + 40)])
    if cue is None:
        return []
    named = group_after(text, env.actors, m.end() + cue.end(), ceiling=sent.end, max_gap=6)
    if cue.group("next"):  # "the largest partner, followed by Japan and the United States"
        return [(a, r) for r, a in enumerate(named, start=rank + 1)]
    return [(a, r) for r, a in enumerate(named, start=1) if r < rank]


def _nearest_date(text: str, m: re.Match[str], ds: Sequence[Any]) -> Any:
    """The date of the trigger's clause, after it first ("the pact took effect in May 2022;
    bilateral trade rose to $85 billion in 2023" is 2023), else the nearest before it; none
    across a clause break (";", ", and")."""
    after = [d for d in ds if d.start >= m.end() and not _CLAUSE_BREAK.search(text, m.end(), d.start)]
    if after:
        return after[0]
    before = [d for d in ds if d.end <= m.start() and not _CLAUSE_BREAK.search(text, d.end, m.start())]
    return before[-1] if before else None
