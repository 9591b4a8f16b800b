"""Named groups of states: "the Baltic states", "the two Koreas", "the Benelux countries".

Some groups of states have a fixed membership that news names instead of listing it:
"Russian officials want the Baltic states, which joined NATO in March, to accede" speaks
of Estonia, Latvia and Lithuania. ``with_state_groups`` gives such a phrase one mention per
member state, all on the phrase's span, so a coder reading the phrase as one side of a
relation reads each member. Only closed groups are listed (``GROUPS``): "the Gulf states"
or "the Nordic countries" have no one membership a reader can be sure of.
"""

from __future__ import annotations

import re
from typing import Sequence

from dyad.actors.dictionary import ActorDictionary
from dyad.actors.items import ResolvedMention, state_mention
from dyad.nlp.parsed import ParsedDoc

# Each group: the phrase that names it (after "the" and an optional count) and its members.
GROUPS = (
    (r"Baltic\s+(?:states|countries|republics|nations)|Baltics", ("EST", "LVA", "LTU")),
    (r"Benelux\s+(?:states|countries|nations)", ("BEL", "NLD", "LUX")),
    (r"Koreas", ("KOR", "PRK")),
)
_GROUP = re.compile(r"\bthe\s+(?:(?:two|three)\s+)?(?P<name>" + "|".join(f"(?:{p})" for p, _ in GROUPS)
                    + r")\b")


def _members(name: str) -> tuple[str, ...]:
    return next(members for p, members in GROUPS if re.fullmatch(p, name))


def with_state_groups(parsed: ParsedDoc, mentions: Sequence[ResolvedMention],
                      dictionary: ActorDictionary) -> list[ResolvedMention]:
    """``mentions`` plus one mention per member for each named group of states."""
    toks = parsed.tokens
    starts = {t.start: t.i for t in toks}
    ends = {t.end: t.i for t in toks}
    out: list[ResolvedMention] = []
    swallowed: set[int] = set()
    for found in _GROUP.finditer(parsed.text):
        members = _members(found.group("name"))
        start, end = found.span("name")
        if start not in starts or end not in ends:
            continue
        ts, te = starts[start], ends[end] + 1
        over = [k for k, m in enumerate(mentions) if m.token_start < te and ts < m.token_end]
        if any(not (ts <= mentions[k].token_start and mentions[k].token_end <= te
                    and mentions[k].actor.country in members) for k in over):
            continue  # another name over it; "Koreas" read as one Korea gives way
        swallowed.update(over)
        text = parsed.text[start:end]
        reason = f"group of states '{text}' -> {', '.join(members)}"
        out += [state_mention(dictionary.country(code), start, end, text, ts, te, toks[ts].sent, reason)
                for code in members]
    kept = [m for k, m in enumerate(mentions) if k not in swallowed]
    return sorted([*kept, *out], key=lambda m: (m.start, -m.end))
