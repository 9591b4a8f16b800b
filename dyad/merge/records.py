"""Cross-document identity: the same agreement, relation or event reported by several
documents becomes one record with all its evidence; disagreements become ``Conflict``s.

Merge rules (documented in docs/merge.md, tested in tests/test_merge.py):

- **Agreements**: a named agreement is one record per normalised name (its id is already
  the same in every document). A generic one ("the defence pact") folds into the only
  named agreement of a compatible kind with the same set of party countries; failing
  that, generic agreements of one kind between the same parties are one record. A
  generic agreement without parties is never merged: nothing says which it is. Two
  records that the coder kept apart in one document are never merged with each other
  (a peace agreement and the joint declaration before it, a pact and its successor):
  the coder has read that text, the merge rule only compares kinds and parties.
- **Relations**: one record per (type, source, target), the pair sorted for symmetric
  types (alliance, trade, ...).
- **Events**: one record per (type, source, target, day) when the day is known;
  otherwise an event stays as coded. The first report is ``evidence``; the others go to
  ``other_evidence``.

The merged record keeps the earliest value of each single-valued field (by document id
and offset, so the result does not depend on input order) and every disagreement is
kept as a ``Conflict`` listing each value with its evidence.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Sequence

from dyad.model import (Agreement, Conflict, ConflictValue, Event, Evidence, Relation,
                        Stage, make_id)

GENERIC_KINDS = frozenset({None, "", "other"})
# Claims that something happened, as opposed to plans, expectations and denials.
AFFIRMED = frozenset({"asserted", "reported"})


def _ev_key(e: Evidence) -> tuple:
    return (e.doc_id, e.start, e.end)


def _union_evidence(*groups: Iterable[Evidence]) -> list[Evidence]:
    seen: dict[tuple, Evidence] = {}
    for group in groups:
        for e in group:
            seen.setdefault(_ev_key(e), e)
    return sorted(seen.values(), key=_ev_key)


def _conflict(kind: str, record_id: str, field: str, description: str,
              values: dict[object, list[Evidence]]) -> Conflict:
    vals = [ConflictValue(value=v, evidence=_union_evidence(evs))
            for v, evs in sorted(values.items(), key=lambda kv: str(kv[0]))]
    return Conflict(conflict_id=make_id("conf", kind, record_id, field, description),
                    record_kind=kind, record_id=record_id, field=field,
                    description=description, values=vals)


def _compatible_dates(a: str, b: str) -> bool:
    """'2021' and '2021-10-07' agree (one is less precise); '2021-10-07' and '2021-10-08' not."""
    return a.startswith(b) or b.startswith(a)


# -- agreements ---------------------------------------------------------------------------

def _party_set(ag: Agreement) -> frozenset[str]:
    return frozenset(p.country or p.actor_id for p in ag.parties)


def _is_named(ag: Agreement) -> bool:
    from dyad.agreements.rules import named_id

    return ag.agreement_id == named_id(ag.name)


def agreement_groups(records: Sequence[Agreement],
                     stored: Sequence[Agreement] = ()) -> dict[str, list[Agreement]]:
    """Records that are one agreement, keyed by the id the merged record gets.

    ``stored``: records the store holds, grouped with ``records``. They were grouped when
    they were written, and the store gives them back with only part of their spans, so
    the one-document rule cannot be checked between them: two of them are never folded
    into one record."""
    held = {id(a) for a in stored}
    held_ids = {a.agreement_id for a in stored}
    records = [*stored, *records]
    named: dict[str, list[Agreement]] = defaultdict(list)
    for ag in records:
        if _is_named(ag):
            named[ag.agreement_id].append(ag)
    by_parties: dict[frozenset[str], list[str]] = defaultdict(list)
    for ag_id, group in named.items():
        by_parties[frozenset().union(*(_party_set(a) for a in group))].append(ag_id)
    groups: dict[str, list[Agreement]] = {k: list(v) for k, v in named.items()}

    def apart(group: Iterable[Agreement], ag: Agreement) -> bool:
        return _shares_doc(group, _docs(ag)) or (
            id(ag) in held and any(id(o) in held for o in group))

    for ag in records:
        if _is_named(ag):
            continue
        parties = _party_set(ag)
        if not parties:
            groups.setdefault(ag.agreement_id, []).append(ag)
            continue
        candidates = [i for i in by_parties.get(parties, ())
                      if (ag.kind in GENERIC_KINDS or named[i][0].kind in GENERIC_KINDS
                          or named[i][0].kind == ag.kind) and not apart(groups[i], ag)]
        if len(candidates) == 1:
            groups[candidates[0]].append(ag)
            continue
        key = make_id("ag", "generic", ag.kind or "other", *sorted(parties))
        # a second one of its kind in that document keeps its own id; so does a stored
        # one when another stored record holds the group's id already (whichever of the
        # two comes first, the one that holds it keeps it)
        if apart(groups.get(key, ()), ag) or (id(ag) in held and key in held_ids
                                               and key != ag.agreement_id):
            key = ag.agreement_id
        groups.setdefault(key, []).append(ag)
    return groups


def _docs(ag: Agreement) -> frozenset[str]:
    return frozenset(e.doc_id for e in _all_evidence(ag))


def _shares_doc(group: Iterable[Agreement], docs: frozenset[str]) -> bool:
    return any(_docs(other) & docs for other in group)


def merge_agreement(agreement_id: str, group: Sequence[Agreement]) -> tuple[Agreement, list[Conflict]]:
    ordered = sorted(group, key=lambda a: min((_ev_key(e) for e in _all_evidence(a)),
                                              default=("", 0, 0)))
    first = next((a for a in ordered if _is_named(a)), ordered[0])
    conflicts: list[Conflict] = []

    def single(field: str, get) -> object:
        values: dict[object, list[Evidence]] = defaultdict(list)
        for a in ordered:
            v = get(a)
            if v is not None:
                values[v] += a.evidence or [s.evidence for s in a.stages]
        if len(values) > 1:
            conflicts.append(_conflict("agreements", agreement_id, field,
                                       f"sources give different {field.replace('_', ' ')}",
                                       values))
        return next((get(a) for a in ordered if get(a) is not None), None)

    term = single("term_years", lambda a: a.term_years)
    single("renewal", lambda a: None if a.renewal is None else
           f"automatic={a.renewal.automatic}, term_years={a.renewal.term_years}")
    renewal = next((a.renewal for a in ordered if a.renewal is not None), None)
    single("value", lambda a: None if a.value is None else f"{a.value.value:g} {a.value.unit}")
    value = next((a.value for a in ordered if a.value is not None), None)
    parties = {p.actor_id: p for a in ordered for p in a.parties}
    stages = _union_stages(a.stages for a in ordered)
    conflicts += _stage_conflicts(agreement_id, stages)
    merged = first.model_copy(update={
        "agreement_id": agreement_id,
        "kind": next((a.kind for a in ordered if a.kind not in GENERIC_KINDS), first.kind),
        "parties": list(parties.values()),
        "stages": stages,
        "term_years": term,
        "renewal": renewal,
        "provisions": sorted({p for a in ordered for p in a.provisions}),
        "value": value,
        "evidence": _union_evidence(*(a.evidence for a in ordered)),
    })
    return merged, conflicts


def _all_evidence(ag: Agreement) -> list[Evidence]:
    return [*ag.evidence, *(e for s in ag.stages for e in (s.evidence, *s.other_evidence))]


def stage_key(s: Stage) -> tuple[str, str | None, str | None, str | None, str]:
    """What makes two reports one stage: the same party's same act, body, date and
    modality. A generic agreement that hundreds of articles report signed keeps one stage
    with hundreds of spans, not hundreds of stages."""
    return (s.stage, s.party.actor_id if s.party else None, s.body, s.date, s.modality)


def _union_stages(groups: Iterable[Iterable[Stage]]) -> list[Stage]:
    """One stage per ``stage_key``: its earliest report is ``evidence``, the others
    ``other_evidence``; the earliest report's wording (date_text, party's name) stays."""
    reports: dict[tuple, list[Stage]] = defaultdict(list)
    for group in groups:
        for s in group:
            reports[stage_key(s)].append(s)
    stages = []
    for same in reports.values():
        first = min(same, key=lambda s: _ev_key(s.evidence))
        spans = _union_evidence(*((s.evidence, *s.other_evidence) for s in same))
        stages.append(first.model_copy(update={
            "other_evidence": tuple(e for e in spans if _ev_key(e) != _ev_key(first.evidence))}))
    return sorted(stages, key=lambda s: (_ev_key(s.evidence), s.stage))


def _stage_conflicts(agreement_id: str, stages: Sequence[Stage]) -> list[Conflict]:
    """Two dates for one party's ratification; a stage affirmed by one source and denied
    by another."""
    out = []
    by_step: dict[tuple, list[Stage]] = defaultdict(list)
    for s in stages:
        by_step[(s.stage, s.party.actor_id if s.party else None)].append(s)
    for (stage, party), group in sorted(by_step.items(), key=lambda kv: str(kv[0])):
        who = party or "unknown party"
        dated = [s for s in group if s.modality in AFFIRMED and s.date]
        dates = sorted({s.date for s in dated})
        if any(not _compatible_dates(a, b) for i, a in enumerate(dates) for b in dates[i + 1:]):
            values = defaultdict(list)
            for s in dated:
                values[s.date] += [s.evidence, *s.other_evidence]
            out.append(_conflict("agreements", agreement_id, f"stages.{stage}.date",
                                 f"{who}: sources give different dates for '{stage}'", values))
        modalities = {s.modality for s in group}
        if modalities & AFFIRMED and "negated" in modalities:
            values = defaultdict(list)
            for s in group:
                if s.modality in AFFIRMED | {"negated"}:
                    values[s.modality] += [s.evidence, *s.other_evidence]
            out.append(_conflict("agreements", agreement_id, f"stages.{stage}.modality",
                                 f"{who}: '{stage}' affirmed by one source, denied by another",
                                 values))
    return out


# -- relations ----------------------------------------------------------------------------

def relation_key(rel: Relation) -> tuple[str, str, str]:
    from dyad.relations.rules import merge_key

    return merge_key(rel)


def merge_relation(group: Sequence[Relation]) -> tuple[Relation, list[Conflict]]:
    key = relation_key(group[0])
    relation_id = make_id("rel", *key)
    ordered = sorted(group, key=lambda r: min((_ev_key(e) for e in r.evidence), default=("", 0, 0)))
    first = ordered[0]
    conflicts: list[Conflict] = []
    attributes: dict = {}
    values_of: dict[str, dict[object, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
    for r in ordered:
        for name, value in r.attributes.items():
            attributes.setdefault(name, value)
            if isinstance(value, (str, int, float, bool)):
                values_of[name][value] += r.evidence
    years = {r.attributes.get("year") for r in ordered if r.attributes.get("year") is not None}
    for name, values in sorted(values_of.items()):
        # a figure for another year is a time series, not a contradiction
        if len(values) > 1 and name != "year" and len(years) <= 1:
            conflicts.append(_conflict("relations", relation_id, f"attributes.{name}",
                                       f"sources give different {name.replace('_', ' ')}",
                                       values))
    modalities: dict[object, list[Evidence]] = defaultdict(list)
    for r in ordered:
        modalities[r.modality] += r.evidence
    if set(modalities) & AFFIRMED and "negated" in modalities:
        conflicts.append(_conflict("relations", relation_id, "modality",
                                   "affirmed by one source, denied by another", modalities))
    merged = first.model_copy(update={
        "relation_id": relation_id, "attributes": attributes,
        "evidence": _union_evidence(*(r.evidence for r in ordered)),
        "target": first.target or next((r.target for r in ordered if r.target), None),
    })
    return merged, conflicts


# -- events -------------------------------------------------------------------------------

def event_key(ev: Event) -> tuple | None:
    """Same type, same sides, same known day: one event. Without a day, no merge."""
    if not ev.date or len(ev.date) != 10 or ev.date.startswith("--"):
        return None
    return (ev.event_type, ev.source.actor_id if ev.source else "",
            ev.target.actor_id if ev.target else "", ev.date)


def merge_event(group: Sequence[Event]) -> tuple[Event, list[Conflict]]:
    key = event_key(group[0])
    ordered = sorted(group, key=lambda e: _ev_key(e.evidence))
    first = ordered[0]
    # the id comes from the key, so the same event from a later document lands on it
    event_id = make_id("ev", *key) if key else first.event_id
    conflicts = []
    modalities: dict[object, list[Evidence]] = defaultdict(list)
    for e in ordered:
        modalities[e.modality].append(e.evidence)
    if set(modalities) & AFFIRMED and "negated" in modalities:
        conflicts.append(_conflict("events", event_id, "modality",
                                   "asserted by one source, denied by another", modalities))
    others = _union_evidence(*(e.other_evidence for e in ordered),
                             (e.evidence for e in ordered[1:]))
    merged = first.model_copy(update={
        "event_id": event_id,
        "other_evidence": [e for e in others if _ev_key(e) != _ev_key(first.evidence)],
    })
    return merged, conflicts
