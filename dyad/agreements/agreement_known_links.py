"""When a well-known agreement (``data/known.yaml``) named in a text is the one a
description just before it introduced: "Seoul suspended a 2018 military pact with
Pyongyang. The Comprehensive Military Agreement ...", "A treaty between Australia and
Tuvalu took effect. Under the Falepili Union, ...". The dictionary vouches for what the
title is, so its head noun need not be the description's; its kind and parties must fit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dyad.agreements.mention_record import AgreementMention

if TYPE_CHECKING:
    from dyad.agreements.linking import Cluster

# Kinds a description and a dictionary entry may both be given for one agreement: "a
# military pact" read as defence is the entry's arms-control or ceasefire accord, "an
# economic deal" its trade or investment one; a form ("a treaty", "a memorandum") goes
# with any kind.
KIND_FAMILIES = (frozenset({"defence", "basing", "arms_control", "ceasefire"}),
                 frozenset({"trade", "investment", "energy"}),
                 frozenset({"peace", "ceasefire", "normalisation", "boundary"}))
FORM_KINDS = frozenset({"treaty", "other", "memorandum", "framework"})
_STATE_ID = re.compile(r"[A-Z]{3}")


def kinds_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b or a in FORM_KINDS or b in FORM_KINDS:
        return True
    return any(a in f and b in f for f in KIND_FAMILIES)


def known_title(recent: list[Cluster], m: AgreementMention, sent_actors: dict[int, set[str]],
                head_plural: bool) -> Cluster | None:
    """The latest agreement just introduced by an indefinite description whose kind
    agrees with the entry's (``kinds_agree``) and whose parties fit it (``parties_fit``);
    a plural description only for a plural title (``head_plural``)."""
    for c in sorted(recent, key=lambda c: c.mentions[-1].start, reverse=True):
        x = c.first
        if x.definite or x.reference or x.named or (x.plural and not head_plural):
            continue
        if kinds_agree(c.kind, m.kind) and parties_fit(c, m, sent_actors):
            return c
    return None


def parties_fit(c: Cluster, m: AgreementMention, sent_actors: dict[int, set[str]]) -> bool:
    """A dictionary entry with parties may name ``c`` only if ``c``'s own parties are
    among them or, when it has none, its sentences name more of the entry's states than
    others ("Japan and Manila signed a defence pact" is no Australian-Indonesian treaty,
    nor is "Seoul and Washington signed a military pact" the inter-Korean one); an entry
    without parties fits any."""
    parties = set(m.known.parties) if m.known is not None else set()
    if not parties:
        return True
    if c.party_ids:  # "a rival deal between Turkey and Libya": its own sides settle it
        return c.party_ids <= parties
    named_there = {a for y in c.mentions for a in sent_actors.get(y.sent, set())
                   if _STATE_ID.fullmatch(a)}
    return len(parties & named_there) > len(named_there - parties)
