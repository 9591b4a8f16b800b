"""Memberships that follow from the agreements coder's records, though no sentence names
the member and the IGO together:

- an accession in force: "The protocol on Sweden's accession entered into force on March 7"
  (an accession with one IGO party and an asserted ``in_force`` stage: the member is that
  stage's party, or the one state party when the stage is joint);
- a treaty that is itself an IGO in force for a state: "The CPTPP entered into force for
  Britain" (``TREATY_IGOS``: the CPTPP, RCEP and AUKUS are both).

A party that left the treaty or turned it down (an asserted withdrawn, rejected or terminated
stage of its own) joins nothing by a joint entry into force. Those who ratify another's
accession ("Hungary ratified Sweden's accession protocol") are not read here: ratifying says
nothing about the ratifier's own membership in the record.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from dyad.model import ActorRef, Agreement, Relation, make_id

__all__ = ["TREATY_IGOS", "accession_memberships"]

# IGOs that are treaties, by the names the agreements coder gives their treaty.
TREATY_IGOS = {
    "comprehensive and progressive agreement for trans-pacific partnership": ("IGO.CPTPP", "CPTPP"),
    "cptpp": ("IGO.CPTPP", "CPTPP"),
    "regional comprehensive economic partnership": ("IGO.RCEP", "RCEP"),
    "rcep": ("IGO.RCEP", "RCEP"),
    "aukus": ("IGO.AUKUS", "AUKUS"),
}


# Stages by which a party leaves a treaty before or after it takes effect.
_LEFT = frozenset({"withdrawn", "rejected", "terminated"})


def accession_memberships(agreements: Sequence[Agreement], known: Callable[[Any, Any], bool],
                          doc_id: str) -> list[Relation]:
    """Membership records for the accessions in force among ``agreements`` that ``known``
    (member ref, IGO ref) does not already hold."""
    out: list[Relation] = []
    for agreement in agreements:
        igo, joint_members = _igo_of(agreement)
        if igo is None:
            continue
        gone = {s.party.actor_id for s in agreement.stages
                if s.stage in _LEFT and s.modality == "asserted" and s.party is not None}
        joint_members = [m for m in joint_members if m.actor_id not in gone]
        for stage in agreement.stages:
            if stage.stage != "in_force" or stage.modality != "asserted":
                continue
            for member in [stage.party] if stage.party is not None else joint_members:
                if _not_state(member) or known(member, igo) \
                        or any(r.source.actor_id == member.actor_id and r.target == igo for r in out):
                    continue
                out.append(_membership(member, igo, stage, doc_id))
    return out


def _membership(member: ActorRef, igo: ActorRef, stage: Any, doc_id: str) -> Relation:
    return Relation(
        relation_id=make_id("rel", "membership", member.actor_id, igo.actor_id, doc_id,
                            stage.evidence.start, "agreement"),
        relation_type="membership", source=member, target=igo,
        attributes={**({"since": stage.date} if stage.date else {}),
                    "inferred": True, "inferred_from": "agreement"},
        modality="asserted", evidence=[stage.evidence])


def _igo_of(agreement: Agreement) -> tuple[ActorRef | None, list[ActorRef]]:
    """The IGO an agreement makes its parties members of, and the members a joint entry
    into force stands for: the one state party of an accession; every state party of a
    treaty that is an IGO ("The RCEP, signed by China, Japan and 13 others, took effect")."""
    states = [p for p in agreement.parties if not _not_state(p)]
    if agreement.kind == "accession":
        igos = [p for p in agreement.parties if p.actor_id.startswith("IGO.")]
        if len(igos) == 1:
            return igos[0], states[:1] if len(states) == 1 else []
        return None, []
    treaty = TREATY_IGOS.get(re.sub(r"^the\s+", "", agreement.name.strip().lower()))
    if treaty is None:
        return None, []
    return ActorRef(actor_id=treaty[0], name=treaty[1]), states


def _not_state(ref: ActorRef) -> bool:
    return ref.actor_id.startswith(("IGO.", "group.", "org.", "person."))
