"""Accessions stated by a verb, with no agreement noun: "Finland became the 31st member
of NATO", "Timor-Leste has become a full member of ASEAN", "Croatia was admitted to the
EU as its 28th member".

Entry into an organisation is an accession agreement between the candidate and the
organisation (``docs/agreements.md``), in force for the candidate from that day. An
accession the document already holds (from "the accession protocol", "Sweden's
accession to NATO") gets the stage instead of a second record. "Joined" alone is left
out: news uses it mostly for background ("Sweden joined NATO in March"), which the
membership relation records.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.spans import group_before, party_ref
from dyad.model import ActorRef, Agreement, Evidence, Stage, make_id
from dyad.nlp.parsed import ParsedDoc

# "became the 31st member of", "has become a full member of", "will become the newest
# member state of", "was admitted to", "was formally admitted as the 28th member of".
_ENTRY = re.compile(
    r"\b(?P<verb>bec(?:ame|omes|oming)|(?:has|have|had)\s+become|(?:will|would|is\s+to|is\s+set\s+to)\s+become|"
    r"(?:was|were|has\s+been|have\s+been|will\s+be)\s+(?:\w+ly\s+)?admitted)\s+"
    r"(?:(?:as\s+)?(?:the|a|an|its)\s+(?:[\w-]+\s+){0,2}?member(?:\s+state|\s+country|\s+nation)?\s+"
    r"(?:of|to|in)|(?:to|into))\s+(?:the\s+)?", re.IGNORECASE)

_FUTURE = re.compile(r"\b(?:will|would|is\s+to|is\s+set\s+to)\b", re.IGNORECASE)


def accessions(parsed: ParsedDoc, records: Sequence[Agreement],
               actors: Sequence[Any]) -> tuple[list[Agreement], list[Agreement]]:
    """(records updated with an entry's in_force stage, new accession records)."""
    text = parsed.text
    records = list(records)
    new: list[Agreement] = []
    for sent in parsed.sentences:
        for cue in _ENTRY.finditer(text, sent.start, sent.end):
            igo = next((a for a in actors if cue.end() - 4 <= a.start <= cue.end()
                        and a.actor.kind == "igo"), None)
            candidates = [a for a in group_before(text, actors, cue.start(), floor=sent.start, max_gap=40)
                          if a.actor.kind == "state"]
            if igo is None or not candidates:
                continue
            reading = "expected" if _FUTURE.search(cue.group("verb")) else "asserted"
            evidence = Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end, text=sent.text)
            for cand in candidates:
                party = party_ref(cand.actor, actors)
                stage = Stage(stage="in_force", party=party, modality=reading, evidence=evidence)
                pair = {party.country or party.actor_id, igo.actor.actor_id}
                # the document's accession to that organisation with no other candidate
                # ("the accession protocol" of NATO alone) is this one
                at = next((i for i, r in enumerate(records) if r.kind == "accession"
                           and igo.actor.actor_id in (ids := {p.country or p.actor_id for p in r.parties})
                           and ids <= pair), None)
                if at is not None:
                    r = records[at]
                    update: dict[str, Any] = {"parties": r.parties if party in r.parties else [party, *r.parties]}
                    if not any(s.stage == "in_force" and s.party == party for s in r.stages):
                        update["stages"] = [*r.stages, stage]
                    records[at] = r.model_copy(update=update)
                    continue
                if any({p.country or p.actor_id for p in r.parties} == pair for r in new):
                    continue
                parties: list[ActorRef] = [party, igo.actor.ref()]
                new.append(Agreement(
                    agreement_id=make_id("ag", "accession", "+".join(sorted(p.actor_id for p in parties)),
                                         parsed.doc_id, cue.start()),
                    name=f"accession to {igo.text}", kind="accession", parties=parties,
                    stages=[stage], evidence=[evidence]))
    return records, new
