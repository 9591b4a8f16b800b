"""Copies of a stage onto further agreements and parties: the agreements listed as further
objects of one trigger ("withdrew from the INF Treaty in 2019 and the Open Skies Treaty in
2020") and the parties that "followed suit" or "did the same"; and the reverse, the
repeats of a stage told once already (``dedupe``)."""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.lexicon import Hit
from dyad.agreements.linking import Cluster
from dyad.agreements.mention_record import AgreementMention
from dyad.agreements.spans import party_ref
from dyad.model import Evidence, Stage
from dyad.nlp.parsed import ParsedDoc, Sentence

__all__ = ["FOLLOWED_STAGES", "SPAN_DATE", "coordinated_objects", "dedupe", "followers"]

# "within 14 months", "for five years": a span of time, not the date of a stage
SPAN_DATE = re.compile(r"(?:within|for|over|during|in\s+the\s+(?:next|coming))\b", re.IGNORECASE)

# Between two objects of one trigger: "the INF Treaty in 2019 and (from) the Open Skies
# Treaty", "the X, the Y and the Z".
_NEXT_OBJECT = re.compile(r"(?:\s+(?:in|on|at|since)\s+[^,;.()]{1,30}?)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|"
                          r"\s+as\s+well\s+as\s+)(?:(?:from|out\s+of|of|to|on)\s+)?(?:the\s+|its\s+|an?\s+)?",
                          re.IGNORECASE)


def coordinated_objects(text: str, hit: Hit, mention: AgreementMention,
                        pairs: Sequence[tuple[AgreementMention, Cluster]], later: Sequence[Hit],
                        dates: Sequence[Any], sent: Sentence) -> list[tuple]:
    """(mention, agreement, date) of the agreements listed after the trigger's object as
    further objects of the same verb, with the date that follows each ("pulled out of the
    INF Treaty in 2019 and the Open Skies Treaty in 2020"); none past the next trigger."""
    if mention.start < hit.end:
        return []
    ceiling = min((h.start for h in later), default=sent.end)
    seen = {id(c) for m, c in pairs if m is mention}
    out, last = [], mention
    for m, c in pairs:
        if m.start < last.end or m.start >= ceiling:
            continue
        if not _NEXT_OBJECT.fullmatch(text, last.end, m.start) or m.start - last.end > 60:
            break
        nxt = next((p.start for p, _ in pairs if p.start > m.end), ceiling)
        date = next((d for d in dates if m.end <= d.start < min(nxt, ceiling) and d.value
                     and not SPAN_DATE.match(d.text)), None)
        if id(c) not in seen:  # "the deal and the accord" may name one agreement twice
            out.append((m, c, date))
            seen.add(id(c))
        last = m
    return out


# "Russia followed suit in 2021", "Hungary followed in February", "as did Hungary": the
# stage just told, done again by another party.
_FOLLOWED = re.compile(r"\s+(?:(?:later|soon|quickly|then|also)\s+)?(?:followed(?:\s+suit)?|did\s+"
                       # "followed the US out of the treaty" has an object: its own act
                       r"(?:the\s+same|so))\b(?!\s+(?:the|its|their|an?|[A-Z])\b)", re.IGNORECASE)
_AS_DID = re.compile(r"\b(?:as\s+did|followed\s+(?:\w+\s+)?by)\s+(?:the\s+)?", re.IGNORECASE)
# "Cairo accepted it in July, followed by Israel days later": the follower is a state named
# alone (not "followed by Israeli withdrawal")
_FOLLOWER_END = re.compile(r"\s*(?:[,.;]|$|\s(?:days?|weeks?|months?|years?|hours?|a\s+(?:day|week|month|year)|"
                           r"later|soon|shortly|on|in|at|the\s+(?:next|following))\b)", re.IGNORECASE)
# "the EU and 22 of its member states followed": members joined to the actor that follows
_MEMBERS_TOO = re.compile(r"\s+and\s+(?:\d+|some|several|many|most|all|a\s+few)\s+(?:of\s+)?(?:its|their|the)\s+"
                          r"(?:[\w-]+\s+){0,2}?(?:members|member\s+states|states|countries|allies|neighbou?rs|partners)", re.IGNORECASE)
# "Britain said in February that it would follow": its own intention to do the same
_WILL_FOLLOW = re.compile(r"\s+(?:said|says|announced|has\s+said)\s+(?:[^,.;]{0,30}?\s+)?(?:that\s+)?"
                          r"(?:it|they)\s+(?:would|will)\s+(?:follow(?:\s+suit)?|do\s+the\s+same)\b"
                          r"(?!\s+(?:the|its|their|an?|[A-Z])\b)", re.IGNORECASE)
FOLLOWED_STAGES = frozenset({"signed", "ratified", "withdrawn", "suspended", "in_force", "rejected"})


def followers(parsed: ParsedDoc, sent: Sentence, staged: list[tuple[Cluster, Stage]],
              free_actors: Sequence[Any], pool: Sequence[Any],
              dates: Sequence[Any]) -> list[tuple[Cluster, Stage]]:
    """Copies of the last asserted stage of this or the previous sentence for the actors
    that "followed suit" or "did the same" ("Turkey ratified the protocol in January, and
    Hungary followed in February"; "... , as did Hungary"; "the EU and 22 of its member
    states followed"), intended for one that "said it would follow"."""
    text = parsed.text
    floor = parsed.sentences[max(0, sent.i - 1)].start
    out = []
    for a in free_actors:
        members = _MEMBERS_TOO.match(text, a.end, sent.end)
        after = _FOLLOWED.match(text, members.end() if members else a.end, sent.end)
        intends = None if after else _WILL_FOLLOW.match(text, a.end, sent.end)
        after = after or intends
        before = _AS_DID.search(text, max(sent.start, a.start - 12), a.start)
        if not (after or before and before.end() == a.start):
            continue
        followed_by = not after and before.group(0).lower().startswith("followed")
        if followed_by and not _FOLLOWER_END.match(text, a.end, sent.end):
            continue  # "followed by Israeli ratification": a noun, no follower
        if any(a.start < b.end and b.start < a.end for b in free_actors if b is not a and b.end == a.start):
            continue
        # a conclusion is copied only to the state told as following ("Cairo accepted it in
        # July, followed by Israel"), not to one that "said it would follow" (a wish to deal)
        stages = FOLLOWED_STAGES | {"negotiated"} if followed_by else FOLLOWED_STAGES
        prior = [(c, s) for c, s in staged if s.evidence.start >= floor and s.evidence.start <= a.start
                 and s.stage in stages and s.modality == "asserted" and s.party is not None]
        if not prior:
            continue
        c, s = prior[-1]
        ref = party_ref(a.actor, pool)
        if ref.actor_id == s.party.actor_id:
            continue
        end = sent.end if after is None else min(sent.end, after.end() + 40)
        date = next((d for d in dates if d.value and (after.end() if after else a.end) <= d.start
                     and d.end <= end and not SPAN_DATE.match(d.text)), None)
        evidence = Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end,
                            text=text[sent.start:sent.end])
        out.append((c, s.model_copy(update={
            "party": ref, "body": None, "modality": "intended" if intends else s.modality,
            "date": date.value if date else None,
            "date_text": date.text if date else None, "evidence": evidence})))
    return out


def dedupe(staged: list[tuple[Cluster, Stage]]) -> list[tuple[Cluster, Stage]]:
    """One stage per (agreement, stage, party, modality) and sentence ("concluded talks on
    a trade agreement" has two negotiation triggers), no exact repeats in the document, and no
    undated repeat of a dated stage of the same party and modality."""
    seen: set[tuple] = set()
    out = []
    for c, s in staged:
        party = s.party.actor_id if s.party else None
        # (a sentence may tell two readings: "it would withdraw, and the withdrawal took
        # effect in 2002")
        keys = {(id(c), s.stage, party, s.modality, s.evidence.start),
                (id(c), s.stage, party, s.modality, s.date)}
        if keys & seen:
            continue
        seen |= keys
        out.append((c, s))
    # "a proposal put forward by Egypt": the party-less reading of a stage its sentence
    # gives with a party says nothing more
    with_party = {(id(c), s.stage, s.evidence.start) for c, s in out if s.party}
    out = [(c, s) for c, s in out if s.party or (id(c), s.stage, s.evidence.start) not in with_party]
    # "X signed the deal in October 2022 ... X signed it in Beirut": the undated repeat
    # "Sudan signed the accords on Wednesday. The signing came weeks after ...": an undated,
    # party-less repeat of a stage told before with a party
    told: set[tuple] = set()
    kept = []
    for c, s in out:
        if s.party is None and s.date is None and (id(c), s.stage, s.modality) in told:
            continue
        if s.party is not None:
            told.add((id(c), s.stage, s.modality))
        kept.append((c, s))
    out = kept
    dated = {(id(c), s.stage, s.party.actor_id if s.party else None, s.modality)
             for c, s in out if s.date}
    return [(c, s) for c, s in out if s.date or
            (id(c), s.stage, s.party.actor_id if s.party else None, s.modality) not in dated]
