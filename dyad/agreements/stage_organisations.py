"""Which agreement joining or leaving an organisation acts on, for ``stages.find_stages``:
"Sweden applied to join NATO" is a stage of the document's accession agreement with it
(``accession_target``, ``candidates``); "Mali left ECOWAS" is a withdrawal from its
founding treaty when the document names one (``charter_target``). The organisation, not
an agreement, is the trigger's object, so ``stage_targets.target`` finds none.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.lexicon import Hit
from dyad.agreements.linking import Cluster
from dyad.agreements.spans import ref_for_id
from dyad.nlp.parsed import ParsedDoc, Sentence

__all__ = ["ACCEDER_STAGES", "TALKS_STAGES", "acceding_state", "accession_target", "candidates", "charter_target", "igo_after"]

# A bid to join or a joining: its words ("applied to join", "membership bid", "joined").
_JOINING = re.compile(r"\b(?:re-?)?join|\bmember|\baccession|\baccede|\badmission", re.IGNORECASE)

# "suspended talks on joining the EU", "froze its accession negotiations with": a stage of
# the talks on an accession is a stage of the accession agreement.
TALKS_STAGES = frozenset({"suspended", "withdrawn", "terminated"})
_ACCESSION_TALKS = re.compile(r"\s+(?:the\s+|its\s+|their\s+)?(?:(?:accession|membership)\s+)?(?:talks|negotiations)\s+"
                              r"(?:on|over|about|for|with)\s+(?:(?:joining|accession\s+to|membership\s+(?:of|in))\s+)?",
                              re.IGNORECASE)
_TALKS_ON = re.compile(r"\b(?:talks|negotiations)\s+(?:on|over|about)\s+$", re.IGNORECASE)

# "joined the alliance": an organisation named by a common noun after the trigger.
_ORGANISATION_NOUN = re.compile(r"\s+the\s+(?:(?:western|military|defen[cs]e|trade|economic)\s+)?"
                                r"(?:alliance|bloc|union|organi[sz]ation|grouping)\b", re.IGNORECASE)


def accession_target(parsed: ParsedDoc, hit: Hit, sent: Sentence, sent_actors: Sequence[Any],
                      clusters: Sequence[Cluster]):
    """"Sweden applied to join NATO", "Finland became NATO's 31st member", "Sweden joined
    the alliance": a bid to join, or joining, an organisation is a stage of the document's
    accession agreement with it (its accession protocol), though the organisation, not an
    agreement, is the object. The accession agreement whose words or sentences name the
    organisation; for a joining, else the only one when it names its candidate state
    (``candidates`` then keeps that state only): "applied to join the EU" is no stage
    of a NATO protocol."""
    text = parsed.text
    talks = _ACCESSION_TALKS.match(text, hit.end) if hit.trigger.stage in TALKS_STAGES else None
    if not (hit.trigger.joins or talks or hit.trigger.stage == "proposed"
            and _JOINING.search(parsed.text, hit.start, hit.end)):
        return None
    if hit.trigger.joins and _TALKS_ON.search(text, max(sent.start, hit.start - 30), hit.start):
        return None  # "suspended talks on joining the EU": the topic of talks, no joining
    accessions = [c for c in clusters if c.kind == "accession"]
    if not accessions:
        return None
    at = talks.end() if talks else hit.end
    igo = next((a for a in sent_actors if a.actor.kind == "igo" and (
        hit.start <= a.start < hit.end or at <= a.start and
        re.fullmatch(r"\s*(?:the\s+)?" if talks else r"\s+(?:the\s+)?", text[at:a.start]))), None)
    if igo is None:
        if not _ORGANISATION_NOUN.match(text, hit.end, sent.end):
            return None
        return (accessions[0].first, accessions[0]) if len(accessions) == 1 else None
    named = [c for c in accessions if any(
        igo.text.lower() in text[m.start:m.end].lower() or igo.text.lower() in
        text[parsed.sentences[m.sent].start:parsed.sentences[m.sent].end].lower()
        or talks and any(a.actor.actor_id == igo.actor.actor_id for a in m.actors)
        for m in c.mentions)]
    if not named and hit.trigger.joins and len(accessions) == 1 and _candidate_states(accessions[0]):
        named = accessions  # "Sweden's accession protocol ... Sweden joined NATO"
    return (named[0].first, named[0]) if named else None


def charter_target(parsed: ParsedDoc, hit: Hit, sent: Sentence, sent_actors: Sequence[Any],
                   clusters: Sequence[Cluster]):
    """"Mali and Niger said they were leaving ECOWAS ... Under the ECOWAS treaty, a
    withdrawal takes effect after a year": leaving an organisation is a withdrawal from its
    founding treaty, when the document names one (an agreement whose mention is the
    organisation's: its actor or its name inside the mention)."""
    if hit.trigger.stage != "withdrawn":
        return None
    igo = igo_after(parsed.text, hit, sent_actors)
    if igo is None:
        return None
    names = {igo.text.lower(), (igo.actor.actor_id or "").removeprefix("IGO.").lower()}
    for c in clusters:
        if c.kind == "accession":
            continue
        for m in c.mentions:
            words = parsed.text[m.start:m.end].lower()
            if any(a.actor.actor_id == igo.actor.actor_id for a in m.actors) or any(
                    re.search(rf"\b{re.escape(n)}\b", words) for n in names if n):
                return m, c
    return None


def igo_after(text: str, hit: Hit, sent_actors: Sequence[Any]) -> Any:
    """The organisation named right after the trigger ("left the African Union")."""
    return next((a for a in sent_actors if a.actor.kind == "igo" and hit.end <= a.start
                 and re.fullmatch(r"\s+(?:the\s+)?", text[hit.end:a.start])), None)


def candidates(clust: Cluster, parties: list) -> list:
    """The parties of a bid or joining that are the accession agreement's candidate: all
    of them when its mentions name no state ("the accession protocols")."""
    states = _candidate_states(clust)
    return [p for p in parties if p.country in states] if states else parties


def _candidate_states(clust: Cluster) -> set[str]:
    """The states an accession agreement's mentions name ("Sweden's NATO" too)."""
    return {a.actor.country for m in clust.mentions for a in m.actors
            if a.actor.kind in {"state", "igo"} and a.actor.country}


# The acts an acceding state does to its own accession protocol.
ACCEDER_STAGES = frozenset({"signed", "ratified"})


def acceding_state(clust: Cluster, actors: Sequence[Any], until: int) -> Any | None:
    """"Its accession protocol was signed in Geneva", "where it signed its accession
    protocol": a signature or ratification of an accession with no party named is the
    candidate's, the state its mentions name, else the one the text names most often
    before ``until`` (none on a tie: no focus, no guess)."""
    named = _candidate_states(clust)
    counts: dict[str, int] = {}
    for a in actors:
        country = a.actor.country
        if a.end > until or not country or getattr(a.actor, "kind", None) == "igo":
            continue
        counts[country] = counts.get(country, 0) + 1
    pool = {c: n for c, n in counts.items() if not named or c in named}
    ranked = sorted(pool.values(), reverse=True)
    if not ranked or len(ranked) > 1 and ranked[0] == ranked[1]:
        return None
    return ref_for_id(next(c for c, n in pool.items() if n == ranked[0]), actors)
