"""A divided nation's states named by their half: "the North", "the South".

News about Korea names the two states once and then calls them by their half: "Seoul
suspended the project ... China, the North's main trading partner" or "American troops
stationed in the South". ``with_halves`` resolves a capitalised "the North" / "the South"
(not a longer name: "the North Korean army", "the South China Sea") to the half of a
divided nation the document names (``HALVES``). A document that names neither state of
the pair leaves the words alone: "the North" of England or the American "South" are
places, not states.
"""

from __future__ import annotations

from typing import Sequence

from dyad.actors.dictionary import ActorDictionary
from dyad.actors.items import ResolvedMention, state_mention
from dyad.nlp.parsed import ParsedDoc

# The states of a divided nation, by the half news calls them.
HALVES = ({"North": "PRK", "South": "KOR"},)


def with_halves(parsed: ParsedDoc, mentions: Sequence[ResolvedMention],
                dictionary: ActorDictionary) -> list[ResolvedMention]:
    """``mentions`` plus a mention for each "the North" / "the South" standing for the
    state of a divided nation the document names."""
    named = {m.actor.country for m in mentions if m.actor.country}
    pairs = [p for p in HALVES if named & set(p.values())]
    if not pairs:
        return list(mentions)
    toks = parsed.tokens
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    out: list[ResolvedMention] = []
    for tok in toks[1:]:
        before = toks[tok.i - 1]
        if tok.i in covered or before.text.lower() != "the" or before.sent != tok.sent:
            continue
        nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
        if nxt is not None and nxt.sent == tok.sent and (nxt.text[:1].isupper() or nxt.text in ("-", "‑")):
            continue  # "the North Korean army", "the South China Sea", "the North-South summit"
        code = next((p[tok.text] for p in pairs if tok.text in p), None)
        if code is None:
            continue
        reason = f"'the {tok.text}' of a divided nation the document names -> {code}"
        out.append(state_mention(dictionary.country(code), tok.start, tok.end, tok.text,
                                 tok.i, tok.i + 1, tok.sent, reason))
    return sorted([*mentions, *out], key=lambda m: (m.start, -m.end))
