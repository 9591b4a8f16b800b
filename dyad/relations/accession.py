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

__all__ = ["TREATY_IGOS", "accession_memberships", "candidate_memberships", "reconcile_memberships"]

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


def candidate_reading(agreement: Agreement) -> tuple[ActorRef, ActorRef, str, Any] | None:
    """(candidate, IGO, membership modality, the stage that says it) of an accession with
    one candidate: joined -> asserted; left or turned down (its own asserted withdrawn or
    rejected stage) -> negated; due to join -> expected; applied -> intended. The text's
    whole story of the accession decides, so "became the 31st member" outweighs "applied"."""
    if agreement.kind != "accession":
        return None
    igos = [p for p in agreement.parties if p.actor_id.startswith("IGO.")]
    states = [p for p in agreement.parties if not _not_state(p)]
    if len(igos) != 1 or len(states) != 1:
        return None
    cand = states[0]

    def own(s: Any) -> bool:
        return s.party is None or (s.party.country or s.party.actor_id) == (cand.country or cand.actor_id)

    for stages, modality in ((("in_force",), ("asserted",)), (("withdrawn", "rejected"), ("asserted",)),
                             (("in_force",), ("expected",)), (("proposed",), ("asserted", "intended"))):
        hit = next((s for s in agreement.stages if s.stage in stages and s.modality in modality and own(s)), None)
        if hit is not None:
            reading = {"in_force": "asserted" if hit.modality == "asserted" else "expected",
                       "withdrawn": "negated", "rejected": "negated", "proposed": "intended"}[hit.stage]
            return cand, igos[0], reading, hit
    return None


def candidate_memberships(agreements: Sequence[Agreement], known: Callable[[Any, Any], bool],
                          doc_id: str) -> list[Relation]:
    """Memberships of accession candidates not (yet) in: applicants (intended), those due
    to join (expected), those who turned it down (negated); ``accession_memberships`` has
    the ones in force."""
    out: list[Relation] = []
    for agreement in agreements:
        reading = candidate_reading(agreement)
        if reading is None or reading[2] == "asserted" or known(reading[0], reading[1]):
            continue
        cand, igo, modality, stage = reading
        rel = _membership(cand, igo, stage, doc_id)
        out.append(rel.model_copy(update={"modality": modality}))
    return out


def reconcile_memberships(relations: Sequence[Relation], agreements: Sequence[Agreement],
                          side_key: Callable[[Any], str]) -> list[Relation]:
    """Memberships read sentence by sentence, with the modality an accession's whole
    story gives ("Helsinki applied in May 2022. Finland became a member in April": a
    member, not an applicant). A plain statement of membership the accession does not
    contradict by its own joining or leaving is kept."""
    readings = {}
    for agreement in agreements:
        reading = candidate_reading(agreement)
        if reading is not None:
            readings.setdefault((side_key(reading[0]), side_key(reading[1])), reading)
    out = []
    for rel in relations:
        reading = readings.get((side_key(rel.source), side_key(rel.target)))
        if rel.relation_type == "membership" and reading is not None and rel.modality != reading[2] and (
                rel.modality != "asserted" or reading[3].stage in {"withdrawn", "rejected"}):
            rel = rel.model_copy(update={"modality": reading[2]})
        out.append(rel)
    return out
