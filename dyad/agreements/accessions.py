"""One accession agreement per candidate state and organisation.

An accession binds the candidate and the organisation (``docs/agreements.md``): "Finland's
accession to NATO" and "Sweden's" are two agreements though one sentence tells of both
("Stockholm and Helsinki applied to join in May 2022"). This step runs after the other
agreement steps and

1. splits the accession records they made by candidate: a stage of the candidate's own
   (applied, joined, suspended talks, withdrew) goes to that candidate; a member's
   ratification to the candidate owning the noun ("ratified Sweden's accession protocol",
   "its bid"), else to the record's own candidate;
2. adds the acts of accession told by verbs (``accession_candidates``): "Finland became
   the 31st member of NATO", "it applied to join the regional bloc", "Norwegian voters
   rejected membership", "Cyprus joined the EU in 2004", "the African Union suspended
   Guinea", each to its candidate's record, made when one act makes it (a joining, an
   application to a named organisation, a suspension by the organisation) or two acts are
   told ("Croatia's bid to join ... Croatia's entry");
3. takes from a treaty that is an organisation (the CPTPP) the stages of a joining that
   made an accession record ("Uruguay applied to join the CPTPP").
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from dyad.agreements.accession_candidates import NOT_ACCEDED, AccessionAct, accession_acts
from dyad.agreements.lexicon import canonical_name, normalise_name
from dyad.agreements.spans import country_name, ref_for_id, ref_key
from dyad.model import ActorRef, Agreement, Evidence, Stage, make_id
from dyad.nlp.parsed import ParsedDoc

__all__ = ["accessions", "act_stage"]

# Stages a candidate performs itself; the others (ratified, signed) may be the members'.
SELF_STAGES = frozenset({"proposed", "in_force", "suspended", "withdrawn", "rejected"})

# "Sweden's accession protocol", "Finland's NATO membership", "its bid": the owner.
_POSSESSED = re.compile(r"(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w-]*)?)['’]s?\s+(?:[\w-]+\s+){0,2}?"
                        r"(?:bids?|applications?|candidacy|accession|membership)\b")

# The nearest date after an act, with few words between ("applied to join in May 2022").
_DATE_GAP = 60


def accessions(parsed: ParsedDoc, records: Sequence[Agreement], actors: Sequence[Any], *,
               dates: Sequence[Any] = (), modality: Callable | None = None,
               ) -> tuple[list[Agreement], list[Agreement]]:
    """(the records, accessions split by candidate and completed; new accession records)."""
    records = list(records)
    focus_igos = [p for r in records if r.kind == "accession" for p in r.parties if p.actor_id.startswith("IGO.")]
    acts = accession_acts(parsed, actors, modality, focus_igos)
    out: list[Agreement] = []
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for r in records:
        igo = next((p for p in r.parties if p.actor_id.startswith("IGO.")), None)
        if r.kind != "accession" or igo is None or igo.actor_id in NOT_ACCEDED:
            out.append(r)
            continue
        main = next((a.candidate for a in acts if a.igo.actor_id == igo.actor_id and a.creates), None) \
            or next((a.candidate for a in acts if a.igo.actor_id == igo.actor_id), None)
        for cand, stages in _split(r, acts, actors, main):
            g = groups.setdefault((ref_key(cand), igo.actor_id), {"cand": cand, "igo": igo, "base": None,
                                                               "stages": [], "creates": True})
            g["base"] = g["base"] or r
            g["stages"] += [s for s in stages if s not in g["stages"]]
    for act in acts:
        g = groups.setdefault((ref_key(act.candidate), act.igo.actor_id),
                              {"cand": act.candidate, "igo": act.igo, "base": None, "stages": [], "creates": False})
        # one act of news makes the record; so do two acts of background ("Croatia's bid
        # to join ... Croatia joined the bloc in 2013"): the text tells of the accession
        g.setdefault("told", set()).add(act.stage)
        g["creates"] = g["creates"] or act.creates or len(g["told"]) >= 2
        stage = act_stage(parsed, act, dates)
        joint = next((i for i, s in enumerate(g["stages"]) if s.stage == stage.stage and s.party is None
                      and s.evidence.start == stage.evidence.start and act.party is not None
                      and ref_key(act.party) == ref_key(act.candidate)), None)
        if joint is not None:  # "Norwegian voters rejected membership": the candidate's own act
            old = g["stages"][joint]
            g["stages"][joint] = old.model_copy(update={"party": stage.party})
            continue
        if not any(s.stage == stage.stage and _same(s.party, stage.party) and
                   (s.modality == stage.modality or s.stage in SELF_STAGES) for s in g["stages"]):
            g["stages"].append(stage)
    new: list[Agreement] = []
    used: set[int] = set()  # records already given to a candidate
    for (cand_key, igo_id), g in groups.items():
        if not g["creates"] and g["base"] is None:
            continue
        parties = [g["cand"], g["igo"]] if cand_key != "_" else [g["igo"]]
        base = g["base"]
        if base is not None and id(base) not in used:
            used.add(id(base))
            out.append(base.model_copy(update={"parties": _parties(base, parties), "stages": g["stages"],
                                               "evidence": _evidence(base.evidence, g["stages"])}))
            continue
        first = min((s.evidence.start for s in g["stages"]), default=0)
        name = f"{country_name(cand_key)}'s accession to {g['igo'].name}" if cand_key != "_" \
            else f"accession to {g['igo'].name}"
        new.append(Agreement(
            agreement_id=make_id("ag", "accession", "+".join(sorted(p.actor_id for p in parties)),
                                 parsed.doc_id, first),
            name=base.name if base is not None else name, kind="accession", parties=parties,
            stages=g["stages"], evidence=_evidence([], g["stages"])))
    return _without_joinings(out, new), new


def _without_joinings(records: list[Agreement], new: Sequence[Agreement]) -> list[Agreement]:
    """A treaty that is an organisation ("Uruguay applied to join the CPTPP") gives the
    joining to the candidate's accession record: the treaty's own record keeps no stage of
    that act, and a treaty record left with no stage is dropped."""
    acts: dict[str, set[tuple[str, str, int]]] = {}
    for r in new:
        igo = next((p for p in r.parties if p.actor_id.startswith("IGO.")), None)
        name = canonical_name(igo.actor_id[4:]) if igo is not None else None
        if name is not None:
            acts.setdefault(normalise_name(name), set()).update(
                (s.stage, ref_key(s.party) if s.party else "", s.evidence.start) for s in r.stages)
    if not acts:
        return records
    out = []
    for r in records:
        done = acts.get(normalise_name(r.name)) if r.kind != "accession" else None
        if not done:
            out.append(r)
            continue
        stages = [s for s in r.stages if (s.stage, ref_key(s.party) if s.party else "", s.evidence.start) not in done]
        if stages:
            out.append(r.model_copy(update={"stages": stages}))
    return out


def _same(a: ActorRef | None, b: ActorRef | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and ref_key(a) == ref_key(b))


def _parties(base: Agreement, parties: list[ActorRef]) -> list[ActorRef]:
    """The base record's own refs for the candidate and IGO (names as the text gives them)."""
    keys = {ref_key(p) for p in parties}
    own = [p for p in base.parties if ref_key(p) in keys]
    return own + [p for p in parties if ref_key(p) not in {ref_key(o) for o in own}]


def _split(r: Agreement, acts: Sequence[AccessionAct], actors: Sequence[Any],
           main: ActorRef | None) -> list[tuple[ActorRef, list[Stage]]]:
    """An accession record's stages by candidate; the record's own candidate first (with
    none of its own, ``main``: the candidate the document's acts of accession are about,
    "the accession protocol" in a story of Finland's entry)."""
    states = [p for p in r.parties if not p.actor_id.startswith(("IGO.", "group.", "org.", "person."))]
    self_parties = [s.party for s in r.stages if s.stage in SELF_STAGES and s.party is not None
                    and not s.party.actor_id.startswith("IGO.")]
    own = states[0] if states else (ref_for_id(self_parties[0].country, actors)
                                    if self_parties and self_parties[0].country else main)
    by: dict[str, tuple[ActorRef, list[Stage]]] = {}
    if own is not None:
        by[ref_key(own)] = (own, [])
    for s in r.stages:
        cand = _stage_candidate(s, acts, actors) or own
        if cand is None:
            by.setdefault("_", (ActorRef(actor_id="_", name=""), []))[1].append(s)
            continue
        by.setdefault(ref_key(cand), (cand, []))[1].append(s)
    return list(by.values())


def _stage_candidate(s: Stage, acts: Sequence[AccessionAct], actors: Sequence[Any]) -> ActorRef | None:
    if s.stage in SELF_STAGES and s.party is not None and s.party.country:
        return ref_for_id(s.party.country, actors)
    # the act told in the same sentence by the same member: "Turkey's parliament
    # ratified Sweden's accession protocol"
    for act in acts:
        if act.sent.start == s.evidence.start and act.stage == s.stage and _same(act.party, s.party) \
                and act.party is not None and ref_key(act.party) != ref_key(act.candidate):
            return act.candidate
    owners = [m for m in _POSSESSED.finditer(s.evidence.text)]
    for m in owners:
        start = s.evidence.start + m.start("name")
        hit = next((a for a in actors if a.start == start and a.actor.country and a.actor.kind != "igo"), None)
        if hit is not None and not _same(ref_for_id(hit.actor.country, actors), s.party):
            return ref_for_id(hit.actor.country, actors)
    return None


def act_stage(parsed: ParsedDoc, act: AccessionAct, dates: Sequence[Any]) -> Stage:
    """The stage of one act, dated by the nearest date after it in its clause."""
    date = next((d for d in dates if act.start <= d.start <= act.end + _DATE_GAP and d.end <= act.sent.end
                 and d.value and not re.search(r"[;:]|\b(?:and|but|after|when)\b", parsed.text[act.end:d.start])), None)
    evidence = Evidence(doc_id=parsed.doc_id, start=act.sent.start, end=act.sent.end, text=act.sent.text)
    return Stage(stage=act.stage, party=act.party, modality=act.modality, evidence=evidence,
                 date=date.value if date else None, date_text=date.text if date else None)


def _evidence(evidence: Sequence[Evidence], stages: Sequence[Stage]) -> list[Evidence]:
    spans = {(e.start, e.end): e for e in evidence}
    for s in stages:
        spans.setdefault((s.evidence.start, s.evidence.end), s.evidence)
    return [spans[k] for k in sorted(spans)]
