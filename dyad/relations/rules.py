"""The standing-relation coders: ``dyad.relations.rules.v1`` (the rules) and ``v2`` (the
rules, then the learned reader of ``dyad.relations.pair_reader`` where they read nothing).

Each pattern of ``data/patterns.yaml`` (``dyad.relations.lexicon``) is a trigger and two
roles; ``dyad.relations.sides`` finds the actors in those roles, ``dyad.relations.
attributes`` reads values, dates, commodity, rank and place, and ``dyad.modality`` the
modality of the trigger. This module applies the patterns sentence by sentence and turns
the sides into ``Relation`` records.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from dyad.agreements.spans import country_ref, ref_for_id
from dyad.model import ActorRef, Evidence, Relation, make_id
from dyad.modality import modality_of
from dyad.nlp.parsed import ParsedDoc
from dyad.relations.accession import accession_memberships, candidate_memberships, reconcile_memberships
from dyad.relations.attributes import attributes, ranked_before
from dyad.relations.reading import PROSPECTIVE, fixed_modality, relation_modality
from dyad.relations.lexicon import (ROLE_WINDOW, Pattern, RelationLexicon, find_commodity,
                                    load_patterns)
from dyad.relations.claim_holders import with_holders
from dyad.relations.context import PlaceHit, SentenceEnv
from dyad.relations.echoes import with_echoes
from dyad.relations.ending import halted
from dyad.relations.mediation import co_mediators, infer_mediated_sides
from dyad.relations.place_roles import place_after
from dyad.relations.sides import find_side

__all__ = ["SYMMETRIC", "can_take_side", "code", "code_v1", "code_v2", "load_patterns", "merge_key",
           "side_key", "side_ref"]

SYMMETRIC = frozenset({"alliance", "armed_conflict", "diplomatic_relations", "trade"})
# Types between states (or groups), never with an IGO on either side.
STATE_PAIRS = frozenset({"alliance", "diplomatic_relations"})
RANKED = frozenset({"arms_supply", "energy_supply", "trade"})
# The IGOs that are members of other IGOs in their own right (the EU in the WTO, the AU in
# the G20), and the forums they sit in.
IGO_MEMBERS = frozenset({"IGO.EU", "IGO.AU"})
IGO_FORUMS = frozenset({"IGO.WTO", "IGO.G20", "IGO.G7"})
# Sectors of rebels and insurgents named by their country only ("MOZ.REB").
REBELS = frozenset({"REB", "INS"})
# Sectors of armed groups that act for their state (PLOVER PRM: paramilitaries loyal to it).
STATE_PARAMILITARY = frozenset({"PRM"})
# Types whose place is the territory concerned, wherever it stands after the trigger.
PLACE_TYPES = frozenset({"territorial_claim", "occupation"})
# Supply words that mean trade when a money value and no commodity is given.
# Goods named after a trade noun: "imports of seafood" (a ban on them ends no whole trade).
_OF_GOODS = re.compile(r"\s+of\s", re.IGNORECASE)
_TRADE_WORD = re.compile(r"export|import|sold|sell|sale|bought|buy|purchas|shipment", re.IGNORECASE)
# A bare "presence" in land the sentence calls occupied is the occupation itself: "Israel's
# presence in the territories it has occupied" (the occupation pattern writes it).
_OCCUPIED_LAND = re.compile(r"^\s*(?:in|on)\s+[^.;]{0,50}?\b(?:occupied|occupies|occupy|annexed)\b", re.IGNORECASE)


def code_v1(ctx: Any) -> list[Relation]:
    """The registered coder: ``ctx`` is a ``dyad.pipeline.DocContext``; its accessions add
    the memberships of their candidates (in, due, applied, turned down) and give those the
    sentences state the modality of the accession's whole story (``dyad.relations.accession``)."""
    rels = code(ctx.parsed, actors=ctx.actors, places=ctx.places, dates=ctx.dates,
                quantities=ctx.quantities)
    agreements = getattr(ctx, "agreements", ())
    rels = reconcile_memberships(rels, agreements, side_key)  # "applied ... became a member"
    held = {merge_key(r)[1:] for r in rels if r.relation_type == "membership"}

    def known(member: Any, igo: Any) -> bool:
        return (side_key(member), side_key(igo)) in held

    return rels + accession_memberships(agreements, known, ctx.parsed.doc_id) \
        + candidate_memberships(agreements, known, ctx.parsed.doc_id)


def code_v2(ctx: Any) -> list[Relation]:
    """``code_v1``, and the relations the learned reader finds where the rules read none
    of that type between the same two sides (``dyad.relations.pair_reader``); without a
    model file, ``code_v1`` alone."""
    from dyad.relations.learned import load_model
    from dyad.relations.pair_reader import read_pairs

    rels = code_v1(ctx)
    model = load_model()
    if model is None:
        return rels
    taken = {(r.relation_type, frozenset({side_key(r.source), side_key(r.target)}))
             for r in rels if r.target is not None}
    return rels + read_pairs(ctx.parsed, ctx.actors, model, load_patterns(), taken=taken,
                             dates=ctx.dates, quantities=ctx.quantities)


def merge_key(relation: Relation) -> tuple[str, str, str]:
    """(type, source, target) for the merge step, each side at country level (the US
    military's presence is the United States'); symmetric types sort the pair."""
    a, b = side_key(relation.source), side_key(relation.target)
    if relation.relation_type in SYMMETRIC and b:
        a, b = sorted((a, b))
    return relation.relation_type, a, b


def side_key(ref: ActorRef | None) -> str:
    """A side's country (its id for an IGO, an armed group, or an actor with no country:
    "Sudan's army" and the RSF are two sides)."""
    if ref is None:
        return ""
    return ref.actor_id if _is_igo(ref) or _is_group(ref) else ref.country or ref.actor_id


def code(parsed: ParsedDoc, *, actors: Sequence[Any] = (), places: Sequence[Any] = (),
         dates: Sequence[Any] = (), quantities: Sequence[Any] = (),
         lexicon: RelationLexicon | None = None, modality: Callable = modality_of,
         place_ref: Callable | None = None) -> list[Relation]:
    """Standing relations of one parsed document, in text order, without duplicates.

    ``place_ref`` turns a ``PlaceMention.place`` into a ``LocationRef`` (default
    ``dyad.geo.to_ref``).
    """
    lexicon = lexicon or load_patterns()
    actors = sorted(actors, key=lambda a: a.start)
    out: dict[tuple, Relation] = {}
    for sent in parsed.sentences:
        if sent.end <= parsed.body_start:
            continue
        lowered = parsed.text[sent.start:sent.end].lower()
        patterns = [lexicon.patterns[i] for i in lexicon.anchor_filter.candidates(lowered)]
        if not patterns:
            continue
        env = SentenceEnv(parsed, sent, [a for a in actors if sent.start <= a.start and a.end <= sent.end
                                         and can_take_side(a.actor)],
                          [p for p in places if sent.start <= p.start and p.end <= sent.end], actors,
                          lexicon, place_ref or _geo_ref, place_pool=places)
        for pat in patterns:
            for m in pat.trigger.finditer(parsed.text, sent.start, sent.end):
                for rel in _apply(env, pat, m, dates, quantities, modality):
                    # one record per sentence and pair of countries ("Turkey's base ... hosts
                    # Turkish soldiers": TUR and TUR.MIL); "invited to join BRICS; the UAE
                    # joined in January": what happened wins over what was intended
                    key = _country_key(rel, sent.start)
                    seen = out.get(key)
                    if seen is None:
                        out[key] = rel
                        continue
                    update: dict[str, Any] = {"attributes": {**rel.attributes, **seen.attributes}}
                    if rel.modality == "asserted" and seen.modality in PROSPECTIVE:
                        update["modality"] = rel.modality
                    out[key] = seen.model_copy(update=update)
    pool = [a for a in actors if can_take_side(a.actor)]
    rels = _without_third_parties(_held_claims_first(list(out.values())), pool, parsed.text)
    def ref_of(a: Any) -> ActorRef:
        return a.actor.ref() if a.actor.kind == "group" else country_ref(a.actor, pool)
    rels = co_mediators(rels, pool, side_key, ref_of, parsed.text)
    rels = with_holders(rels, pool, parsed, side_key, ref_of)
    rels = with_echoes(rels, pool, parsed, side_key, ref_of)
    return infer_mediated_sides(rels, pool, side_key, ref_of, parsed.body_start)


_PEACEKEEPERS = re.compile(r"\s*peacekeep", re.IGNORECASE)


def _without_third_parties(rels: list[Relation], pool: Sequence[Any], text: str) -> list[Relation]:
    """Armed conflicts without the third parties a list or a sentence drags in: mediators
    named in the same sentence ("the accords, signed after talks mediated by Germany and
    France, were meant to end the war": no war between the two), and, in a list of three or
    more, a state the document names as a mediator or as sending peacekeepers ("Armenia,
    Azerbaijan and Russia signed a statement ending six weeks of fighting", "Russian
    peacekeepers will be deployed": Russia is no side)."""
    mediators: dict[int, set[str]] = {}
    for r in rels:
        if r.relation_type == "mediation":
            mediators.setdefault(r.evidence[0].start, set()).add(side_key(r.source))
    keepers = {side_key(country_ref(a.actor, pool)) for a in pool
               if "peacekeep" in a.text.lower() or _PEACEKEEPERS.match(text, a.end)}
    third = set().union(*mediators.values(), keepers)
    sides: dict[int, set[str]] = {}
    for r in rels:
        if r.relation_type == "armed_conflict" and r.target is not None:
            sides.setdefault(r.evidence[0].start, set()).update({side_key(r.source), side_key(r.target)})

    def drop(r: Relation) -> bool:
        if r.relation_type != "armed_conflict" or r.target is None:
            return False
        at, pair = r.evidence[0].start, {side_key(r.source), side_key(r.target)}
        return bool(pair & mediators.get(at, set())) or (len(sides[at]) >= 3 and bool(pair & third))
    return [r for r in rels if not drop(r)]


def _held_claims_first(rels: list[Relation]) -> list[Relation]:
    """A claim on a place with no holder is dropped where the same sentence names the
    claimant's claim against a holder ("Both countries claim Kashmir": each against the
    other, not on Kashmir alone)."""
    held = {(r.evidence[0].start, side_key(r.source)) for r in rels
            if r.relation_type == "territorial_claim" and r.target is not None}
    return [r for r in rels if not (r.relation_type == "territorial_claim" and r.target is None
                                    and (r.evidence[0].start, side_key(r.source)) in held)]


def _country_key(rel: Relation, sentence_start: int) -> tuple:
    """One relation per sentence, type and pair of countries (an organ stands for its state)."""
    return (*merge_key(rel), sentence_start, bool(rel.attributes.get("inferred")))


def _geo_ref(place: Any) -> Any:
    from dyad.geo import to_ref  # the gazetteer module, imported only when a place is read

    return to_ref(place)


def _apply(env: SentenceEnv, pat: Pattern, m: re.Match[str], dates: Sequence[Any],
           quantities: Sequence[Any], modality: Callable) -> list[Relation]:
    text, sent = env.parsed.text, env.sent
    after_text = text[m.end():min(sent.end, m.end() + ROLE_WINDOW)]
    if pat.requires and not pat.requires.search(after_text):
        return []
    if pat.forbid and pat.forbid.search(after_text):
        return []
    if pat.forbid_before and pat.forbid_before.search(text[max(sent.start, m.start() - ROLE_WINDOW):m.start()]):
        return []
    if pat.type == "military_presence" and m.group(0).lower() == "presence" and _OCCUPIED_LAND.match(after_text):
        return []
    previous = env.parsed.sentences[sent.i - 1] if sent.i > 0 else None
    rtype, commodity = pat.type, find_commodity(text, m, sent, env.lexicon, previous)
    if rtype == "supply":
        if commodity is not None:
            rtype = commodity[1]
        elif _TRADE_WORD.search(m.group(0)) and (_has_money(sent, quantities) or (
                halted(env, m) and not _OF_GOODS.match(text, m.end()) and " of" not in m.group(0))):
            # "Germany's exports to China fell to $100 billion", "halted all exports to Israel"
            rtype = "trade"
        else:
            return []
    elif rtype not in {"trade", "sanctions"}:
        commodity = None  # "the two allies most dependent on Russian gas": not an attribute
    if rtype == "trade" and commodity is not None and halted(env, m):
        return []  # "banned imports of wine from Moldova": a sanction, not the end of the trade
    pairs, place = _sides(env, pat, m)
    if rtype in PLACE_TYPES and place is not None and _court_venue(env, place):
        # "a tribunal in The Hague ruled that China's claim ...": the court's seat is no land
        # at stake, nor its country the holder
        return []
    if rtype in PLACE_TYPES:
        seats = _court_seats(env)  # "a tribunal in The Hague": the Netherlands holds nothing
        pairs = [(s, t) for s, t in pairs if t is None or side_key(t) not in seats]
    if rtype == "military_presence":
        # a state's paramilitaries are its presence abroad ("Wagner fighters in Mali": Russia)
        pairs = [(ref_for_id(s.country, env.pool) if s.sector in STATE_PARAMILITARY and s.country else s, t)
                 for s, t in pairs]
    pairs = _valid_pairs(rtype, pairs, place)
    if not pairs:
        return []
    mod = relation_modality(env, rtype, m, modality)
    if pat.modality:
        mod = fixed_modality(pat.modality, mod)
        if mod is None:
            return []
    attrs = attributes(env, m, dates, quantities, commodity, place, territory=rtype in PLACE_TYPES,
                       target=pairs[0][1].actor_id if pairs[0][1] else None)
    rels = [_relation(env, rtype, s, t, attrs, mod) for s, t in pairs]
    if rtype in RANKED and "rank" in attrs:
        for mention, rank in ranked_before(env, m, attrs["rank"]):
            inferred = {k: v for k, v in attrs.items() if k not in {"value_usd", "value", "currency"}}
            inferred.update(rank=rank, inferred=True, inferred_from="rank")
            rels.append(_relation(env, rtype, _ref(env, mention), pairs[0][1],
                                  inferred, mod, extra="inferred"))
    return rels


_COURT_IN = r"\b(?:court|tribunal|arbitrat(?:ion|ors?)|panel|judges|hearings?)\s+(?:[\w-]+\s+){0,3}?(?:in|at)\s+(?:the\s+)?"


def _court_venue(env: SentenceEnv, place: PlaceHit) -> bool:
    """The place is where a court sits ("an arbitral tribunal in The Hague")."""
    if not place.text:
        return False
    venue = re.compile(_COURT_IN + re.escape(re.sub(r"^(?i:the)\s+", "", place.text)) + r"\b", re.IGNORECASE)
    return bool(venue.search(env.parsed.text, env.sent.start, env.sent.end))


def _court_seats(env: SentenceEnv) -> set[str]:
    """The countries the sentence names only as where a court sits."""
    text, floor = env.parsed.text, env.sent.start
    venue = re.compile(_COURT_IN + "$", re.IGNORECASE)
    seats = {a.actor.country for a in env.actors if a.actor.country
             and venue.search(text[max(floor, a.start - 60):a.start])}
    elsewhere = {a.actor.country for a in env.actors if a.actor.country
                 and not venue.search(text[max(floor, a.start - 60):a.start])}
    return seats - elsewhere


def _valid_pairs(rtype: str, pairs: list[tuple[ActorRef, ActorRef | None]], place: PlaceHit | None
                 ) -> list[tuple[ActorRef, ActorRef | None]]:
    """The pairs a relation of ``rtype`` can hold between: two different countries (or an
    armed group and its own state's forces), no IGO in an alliance or diplomatic relations ("NATO allies Poland and ..." is membership)."""
    if rtype in PLACE_TYPES and place is not None:
        # the gazetteer may give a disputed place to its claimant ("Western Sahara" -> MAR):
        # the claim is then on the place, with no holder named
        pairs = [(s, None if t is not None and s.country and s.country == t.country else t)
                 for s, t in pairs]
    if rtype == "occupation":
        # an occupation is of another state's land: "Russia controls Kaliningrad", "the
        # Taliban took Kabul" (the place the holder's own) name nobody occupied
        pairs = [(s, t) for s, t in pairs if t is not None]
    if rtype == "territorial_claim" and (place is None or place.location is None):
        pairs = [(s, t) for s, t in pairs if t is not None]  # a claim on nothing named says nothing
    if rtype == "mediation":
        # a party is no mediator of its own deal ("Lula and Xi signed the accord, witnessed by
        # Brazil's ministers")
        sides = {side_key(t) for _, t in pairs if t is not None}
        pairs = [(s, t) for s, t in pairs if side_key(s) not in sides]
    pairs = [(s, t) for s, t in pairs if t is None or (
        s.actor_id != t.actor_id and (s.country is None or s.country != t.country
                                      or _is_igo(s) or _is_igo(t) or _is_group(s) or _is_group(t)))]
    if rtype in STATE_PAIRS:
        pairs = [(s, t) for s, t in pairs if not _is_igo(s) and not (t and _is_igo(t))]
    if rtype in PLACE_TYPES:
        # land is claimed from or held in a state, never a body: "sent its claim to the
        # International Court of Justice" names the court, not a holder
        pairs = [(s, t) for s, t in pairs if not (t and _is_igo(t))]
    if rtype in {"arms_supply", "energy_supply"}:
        # a body sells no goods of its own: "Laos, a member of ASEAN, earns ... selling
        # hydropower to Thailand" is Laos's supply
        pairs = [(s, t) for s, t in pairs if not _is_igo(s)]
    if rtype == "military_presence":
        # troops stand on a state's soil, never on a body's ("the countries, which left
        # ECOWAS, turned to Russian instructors": the host is no IGO)
        pairs = [(s, t) for s, t in pairs if not (t and _is_igo(t))]
    if rtype == "armed_conflict":
        # "Rwandan soldiers are fighting insurgents in Mozambique": rebels named only by their
        # country are no war with that country
        pairs = [(s, t) for s, t in pairs if not _country_rebels(s) and not (t and _country_rebels(t))]
    if rtype == "membership":
        # "RCEP was signed by the ten ASEAN members": a body is no member of another, save
        # the unions that sit in other bodies in their own right
        pairs = [(s, t) for s, t in pairs if not _is_igo(s)
                 or s.actor_id in IGO_MEMBERS and t is not None and t.actor_id in IGO_FORUMS]
    return pairs


def _sides(env: SentenceEnv, pat: Pattern, m: re.Match[str]
           ) -> tuple[list[tuple[ActorRef, ActorRef | None]], PlaceHit | None]:
    """(source, target) pairs of one trigger, and the place the target role named."""
    igo_first = pat.target[0].startswith("igo_")  # the IGO decides; its members are read after
    pre_targets, pre_role = find_side(env, pat.target, m) if igo_first else ([], "")
    if igo_first and not pre_targets:
        return [], None
    sources, src_role = find_side(env, pat.source, m, exclude={id(a) for a in pre_targets})
    if src_role != "pair" and pat.target == ("mutual",) and len(sources) >= 2:
        # a list read by another role faces itself too: "Both Sudan and South Sudan claim"
        refs = [_ref(env, a) for a in sources]
        if holders := _third_holders(env, pat, m, sources, refs):
            return [(a, h) for a in refs for h in holders], place_after(env, m, sources)
        return [(a, b) for a in refs for b in refs if a is not b], place_after(env, m, sources)
    if src_role == "pair":
        refs = [_ref(env, a) for a in sources]
        if igo_first:  # "the two NATO allies": each a member of the IGO
            return [(r, _ref(env, t)) for r in refs for t in pre_targets], None
        partner_roles = tuple(r for r in pat.target if r in {"with", "inside"})
        partners = find_side(env, partner_roles, m, exclude={id(a) for a in sources})[0] \
            if partner_roles else []
        if partners:  # "the UAE and Bahrain normalised relations with Israel", "the two US allies"
            return [(r, _ref(env, p)) for r in refs for p in partners], None
        if "mutual" in pat.target:  # "both countries claim Kashmir": each against the other
            taken = [a for a in sources if hasattr(a, "start")]
            if holders := _third_holders(env, pat, m, taken, refs):
                return [(a, h) for a in refs for h in holders], place_after(env, m, taken)
            return [(a, b) for a in refs for b in refs if a is not b], place_after(env, m, taken)
        if "all_pairs" in pat.target:  # a bloc's members bound to one another: each pair once
            return [(a, b) for i, a in enumerate(refs) for b in refs[i + 1:]], None
        return [(refs[0], r) for r in refs[1:]], None
    targets, tgt_role = (pre_targets, pre_role) if igo_first else \
        find_side(env, pat.target, m, exclude={id(a) for a in sources})
    place: PlaceHit | None = None
    if targets and isinstance(targets[0], PlaceHit):
        place = targets[0]
        target_refs = [p.ref for p in targets if p.ref is not None]  # "in Iraq and Syria": each host
        if not target_refs and "holder" in pat.target:
            # "claims Kashmir, most of which India controls": the holder is named apart
            target_refs = [_ref(env, a) for a in find_side(env, ("holder",), m, exclude={id(a) for a in sources})[0]]
        if not target_refs and "none" in pat.target:
            tgt_role = "none"  # "claims the Spratly Islands": a claim on a place nobody holds
    else:
        target_refs = [_ref(env, a) for a in targets]
        if target_refs and {side_key(t) for t in target_refs} <= {side_key(_ref(env, a)) for a in sources}:
            # a relation needs two countries: a role that found only the source's own again
            # looks past it ("the EU signed a memorandum with Azerbaijan to double imports of
            # Azerbaijani gas": the importer is the EU)
            taken = {id(a) for a in (*sources, *targets)}
            again, again_role = find_side(env, pat.target, m, exclude=taken)
            if again and not isinstance(again[0], PlaceHit):
                target_refs, tgt_role = [_ref(env, a) for a in again], again_role
            elif again and (hosts := [p.ref for p in again if p.ref is not None]):
                # "Russia sent air defence equipment to the country" ("the country" read as
                # Russia's own): the host the anaphor stands for
                target_refs, tgt_role = hosts, again_role
    src_refs = [_ref(env, a) for a in sources]
    if not src_refs or (not target_refs and tgt_role != "none"):
        return [], None
    if pat.type in PLACE_TYPES and (place is None or place.location is None):
        held = targets if tgt_role == "holder" else []  # "which South Korea controls": no place at stake
        taken = [a for a in (*sources, *held) if hasattr(a, "start")]
        place = place_after(env, m, taken) or place
    return [(s, t) for s in src_refs for t in (target_refs or [None])], place


def _third_holders(env: SentenceEnv, pat: Pattern, m: re.Match[str], taken: Sequence[Any],
                   refs: Sequence[ActorRef]) -> list[ActorRef]:
    """For claims each against the other: a third state the sentence names as holding the
    place ("the Japanese-administered islands, which both Taipei and Beijing claim"), against
    which both claims stand instead."""
    if pat.type != "territorial_claim":
        return []
    own = {side_key(r) for r in refs}
    found = find_side(env, ("holder",), m, exclude={id(a) for a in taken})[0]
    return [h for h in (_ref(env, a) for a in found) if side_key(h) not in own]


def can_take_side(actor: Any) -> bool:
    """States, IGOs and armed groups stand in relations, and so do the organs and people
    of a state (for their state) and the officials of an IGO (for the IGO: "UN envoy Cyrus
    Vance mediated"); a company or a treaty read as an organisation does not."""
    return actor.kind in {"state", "igo", "group"} or bool(actor.country) or _igo_official(actor)


def _igo_official(actor: Any) -> bool:
    """A person who acts for an IGO and for no state ("UN Secretary-General Kofi Annan")."""
    return not actor.country and (getattr(actor, "affiliation", None) or "").startswith("IGO.")


def _ref(env: SentenceEnv, actor: Any) -> ActorRef:
    return actor if isinstance(actor, ActorRef) else side_ref(actor, env.pool)


def side_ref(mention: Any, pool: Sequence[Any]) -> ActorRef:
    """The side a mention stands for. A group fights, holds or claims in its own name
    ("fighting between Israel and Hezbollah"), and so do rebels known only by their country
    ("insurgents in Mozambique"); an IGO's official stands for the IGO; anyone else stands
    for its state ("the Turkish army")."""
    actor = mention.actor
    if actor.kind == "group" or actor.sector in REBELS and not actor.actor_id.startswith("group."):
        return actor.ref()
    if _igo_official(actor):
        return ref_for_id(actor.affiliation, pool)
    return country_ref(actor, pool)


def _has_money(sent: Any, quantities: Sequence[Any]) -> bool:
    return any(q.start is not None and sent.start <= q.start and q.end <= sent.end
               and re.fullmatch(r"[A-Z]{3}", q.unit) for q in quantities)


def _is_igo(ref: ActorRef) -> bool:
    return ref.actor_id.startswith("IGO.")


def _country_rebels(ref: ActorRef) -> bool:
    """Rebels known only by their country ("MOZ.REB"), not a named group ("group.rsf")."""
    return ref.sector in REBELS and not _is_group(ref)


def _is_group(ref: ActorRef) -> bool:
    return ref.actor_id.startswith("group.")


def _relation(env: SentenceEnv, rtype: str, source: ActorRef, target: ActorRef | None,
              attrs: dict, mod: str, extra: str = "") -> Relation:
    sent = env.sent
    rid = make_id("rel", rtype, source.actor_id, target.actor_id if target else "",
                  env.parsed.doc_id, sent.start, extra)
    return Relation(relation_id=rid, relation_type=rtype, source=source, target=target,
                    attributes=attrs, modality=mod,  # type: ignore[arg-type]
                    evidence=[Evidence(doc_id=env.parsed.doc_id, start=sent.start,
                                       end=sent.end, text=sent.text)])
