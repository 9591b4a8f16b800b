"""The agreement coder, ``dyad.agreements.rules.v1``: a parsed document to ``Agreement``s.

Steps: mentions (``mentions``) -> agreements of the document (linking) -> stages
(``stages``) -> terms (``terms``) -> records, whose parties come from the stages and from
the agreement's own sentences (``agreement_parties``). A generic agreement with nothing bound to
it (no party, stage, term, provision or value) is dropped: "a deal" alone says nothing.

Identifiers (see ``docs/agreements.md``):

- named agreement: ``make_id("ag", normalise_name(name))``: the same treaty gets the same
  id in every document;
- generic agreement: ``make_id("ag", kind, "+".join(sorted party ids), doc_id, start of
  its first mention)``: unique within the document; deciding that "the defence pact" of
  two articles is one agreement is the merge step's job, with ``merge_key``.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from dyad.agreements.accessions import accessions
from dyad.agreements.agreement_allies import ally_parties
from dyad.agreements.agreement_exits import organisation_exits
from dyad.agreements.agreement_verbs import verb_agreements
from dyad.agreements.agreement_parties import (accession_igo, between_sides, bound_parties, country_level,
                                               lease_parties, pair_parties, stateless_stand_ins,
                                               under_parties, with_partners)
from dyad.agreements.clauses import (CLAUSE_KINDS, antecedent_parties, basing_parties, broker_stage,
                                     clause_parties, normalisations, object_parties, refers_back)
from dyad.agreements.combining_forms import combining_form_parties
from dyad.agreements.generic_mentions import ENTRY_HEADS
from dyad.agreements.lexicon import Lexicon, context_kind, load_lexicon, normalise_name
from dyad.agreements.linking import Cluster, cluster, listed_members
from dyad.agreements.made_texts import JOINT_TEXTS
from dyad.agreements.mentions import find_mentions
from dyad.agreements.plural_records import SIMILAR, one_per_partner, similar_side
from dyad.agreements.missing_partners import (content_parties, focal_parties, lineage_kind, related_parties,
                                              sibling_side, speaker_side, war_sides)
from dyad.agreements.spans import dedupe_refs, is_own_igo, own_names, party_ref, ref_for_id
from dyad.agreements.stage_joint_parties import split_pair_stages
from dyad.agreements.stage_plural_objects import redistribute
from dyad.agreements.stages import ANAPHORA_SENTENCES, find_stages
from dyad.agreements.terms import Terms, read_terms
from dyad.model import ActorRef, Agreement, Evidence, Stage, make_id
from dyad.modality import modality_of
from dyad.nlp.parsed import ParsedDoc

# A proposal in a sentence about joining is a bid for an existing agreement: the candidate
# is not a party ("Chile wants to join the pact"); the proposer of a new agreement is one
# of its would-be parties ("Russia proposed a security treaty to NATO").
_BID = re.compile(r"\b(?:join\w*|bec\w+\s+(?:a|an|the)\s+(?:\w+\s+)?(?:member|party)|membership|accession|acced\w+|admission|candida\w+)\b", re.IGNORECASE)

# "Hamas accepted a truce proposal from Egypt and Qatar", "Egypt's ceasefire proposal": a
# proposal named by a noun, with no verb of proposing, is mostly a broker's plan.
_BROKER_PLAN = re.compile(r"^(?!.*\bpropos(?:e|es|ed|ing)\b).*\b(?:proposals?|offers?|plans?)\b",
                          re.IGNORECASE | re.DOTALL)

# Stages whose party becomes a party of the agreement (not "proposed" or "rejected":
# a state that wants to join, or whose parliament voted it down, is not bound by it).
PARTY_STAGES = frozenset({"negotiated", "signed", "ratified", "in_force", "renewed",
                          "suspended", "withdrawn", "terminated", "expired"})


def code_v1(ctx: Any) -> list[Agreement]:
    """The registered coder: ``ctx`` is a ``dyad.pipeline.DocContext``."""
    return code(ctx.parsed, actors=ctx.actors, dates=ctx.dates, quantities=ctx.quantities,
                doc_date=getattr(ctx.document, "date", None), places=getattr(ctx, "places", ()))


def code(parsed: ParsedDoc, *, actors: Sequence[Any] = (), dates: Sequence[Any] = (),
         quantities: Sequence[Any] = (), lexicon: Lexicon | None = None,
         modality: Callable = modality_of, doc_date: str | None = None,
         places: Sequence[Any] = ()) -> list[Agreement]:
    """Agreements of one parsed document.

    ``actors`` are ``ResolvedMention``s, ``dates`` ``DateMention``s, ``quantities``
    ``Quantity``s with offsets, ``places`` ``PlaceMention``s (a leased site's country);
    ``modality`` reads a trigger token's modality (the real ``modality_of`` unless a test
    fakes it); ``doc_date`` is the publication date (ISO).
    """
    lexicon = lexicon or load_lexicon()
    actors = sorted(actors, key=lambda a: a.start)
    sent_actors: dict[int, set[str]] = {}
    for s in parsed.sentences:
        sent_actors[s.i] = {a.actor.country or a.actor.actor_id for a in actors
                            if s.start <= a.start and a.end <= s.end}
    clusters = cluster(with_partners(parsed, find_mentions(parsed, actors, lexicon), actors),
                       text=parsed.text, sent_actors=sent_actors)
    staged = find_stages(parsed, clusters, actors, dates, lexicon, modality, doc_date=doc_date)
    # "approved both treaties": the stages of a plural reference go to the agreements it counts
    clusters, staged = redistribute(parsed.text, clusters, staged, parsed.sentences)
    terms = _terms(parsed, clusters, quantities, lexicon)
    out: list[Agreement] = []
    mention_sents: set[int] = set()  # sentences whose deal may be the normalisation itself
    umbrellas = listed_members(parsed.text, clusters)
    umbrella_records: dict[int, Agreement] = {}  # id(umbrella cluster) -> its record
    made: set[int] = set()  # clusters that became records
    last_partners: set[str] = set()  # the "with" partners of the record made last
    for c in clusters:
        stages = [s for cl, s in staged if cl is c]
        others = {m.sent for o in clusters if o is not c for m in o.mentions}
        umbrella = umbrella_records.get(id(umbrellas.get(id(c))))
        if umbrella is not None:  # a listed member: what was done to them all, and their parties
            stages += [s for s in umbrella.stages if s not in stages]
        record = _record(parsed, c, stages, terms[id(c)], actors, lexicon, others, places, out)
        if record is not None and umbrella is not None:
            record = _with_umbrella(record, umbrella)
        if record is not None and id(c) in {id(u) for u in umbrellas.values()}:
            umbrella_records[id(c)] = record
            mention_sents |= {m.sent for m in c.mentions}
            continue  # "its defence agreements with France, including ...": only the listed ones
        if record is not None and out and (record.kind in FORM_ONLY_KINDS or not any(
                m.kind_cued for m in c.mentions)) and (SIMILAR.search(c.first.text) or c.first.head == "one"):
            # "The UAE signed a similar accord with Israel": the kind of the one before
            # (a "similar memorandum" is alike in purpose; its form says nothing of it),
            # also over a kind its sentences suggest ("a similar accord with Egypt"
            # next to troops named in the sentence after)
            record = record.model_copy(update={"kind": out[-1].kind})
        if record is not None and out and c.first.plural and SIMILAR.search(c.first.text):
            record = similar_side(record, c, out[-1], last_partners)
        if record is not None:
            out += one_per_partner(record, c)
            made.add(id(c))
            last_partners = {p.actor.country or p.actor.actor_id for m in c.mentions for p in m.partners}
        if record is None or record.kind in {"normalisation", "other", "treaty", "framework"} \
                or not any(m.kind_cued for m in c.mentions):
            mention_sents |= {m.sent for m in c.mentions}
    # "Bahrain and Qatar agreed to restore diplomatic ties": a normalisation with no noun,
    # also next to a deal of another kind ("agreed to restore ties and to revive a 2001
    # security cooperation agreement": two agreements)
    # an umbrella whose listed members did not all become records stands for the rest
    for c in clusters:
        record = umbrella_records.get(id(c))
        if record is not None and not all(m in made for m, u in umbrellas.items() if u is c):
            out.append(record)
    out += normalisations(parsed, out, actors, mention_sents, modality, dates=dates)
    # "Chile and Peru agreed on a new quota": an agreement with no noun, of any kind
    out += verb_agreements(parsed, out, actors, [m.start for c in clusters for m in c.mentions],
                           lexicon, modality)
    out, entries = accessions(parsed, out, actors, dates=dates, modality=modality)  # one per candidate
    # "Argentina will withdraw from the WHO": a stage of the organisation's founding treaty
    return organisation_exits(parsed, out + entries, actors, dates=dates, modality=modality)


def _with_umbrella(record: Agreement, umbrella: Agreement) -> Agreement:
    """A listed member with the parties of the plural it is listed under (its kind too,
    when its own words give none)."""
    parties = dedupe_refs([*record.parties, *umbrella.parties])
    kind = umbrella.kind if record.kind == "other" else record.kind
    update: dict[str, Any] = {"parties": parties, "kind": kind}
    if record.agreement_id != named_id(record.name):  # a generic id holds its parties
        update["agreement_id"] = make_id(record.agreement_id, *sorted(p.actor_id for p in parties))
    return record.model_copy(update=update)


def _without_refusers(acted: list[Stage]) -> list[Stage]:
    """"Greece, Cyprus and Israel signed an agreement ... Italy did not sign": a state whose
    only act is a signature denied stayed out of an agreement that two or more others made
    (one side of a pair that refuses to sign is still that deal's side: "Kabul refused to
    sign the pact" with Washington)."""
    def key(s: Stage) -> str:
        return s.party.country or s.party.actor_id

    refusing = {key(s) for s in acted if s.stage == "signed" and s.modality == "negated"} - {
        key(s) for s in acted if s.modality != "negated"}
    kept = [s for s in acted if key(s) not in refusing]
    return kept if len({key(s) for s in kept}) >= 2 else acted


# Kinds that say only what form an agreement takes, not what it is for.
FORM_ONLY_KINDS = frozenset({"other", "memorandum", "treaty"})

def named_id(name: str) -> str:
    return make_id("ag", normalise_name(name))


def merge_key(agreement: Agreement) -> str:
    """What the cross-document merge compares: ``named:<normalised name>`` for a named
    agreement, ``generic:<kind>:<sorted party ids>`` for a generic one (two generic
    agreements of one kind between the same parties are candidates for one record)."""
    if agreement.agreement_id == named_id(agreement.name):
        return f"named:{normalise_name(agreement.name)}"
    parties = "+".join(sorted({p.country or p.actor_id for p in agreement.parties}))
    return f"generic:{agreement.kind or 'other'}:{parties}"


def _terms(parsed: ParsedDoc, clusters: Sequence[Cluster], quantities: Sequence[Any],
           lexicon: Lexicon) -> dict[int, Terms]:
    terms = {id(c): Terms() for c in clusters}
    first_in: dict[int, Cluster] = {}  # sentence -> agreement mentioned first in it
    last_in: dict[int, tuple[int, Cluster]] = {}  # sentence -> agreement mentioned last
    for c in clusters:
        for m in c.mentions:
            first_in.setdefault(m.sent, c)
            if m.sent not in last_in or m.start > last_in[m.sent][0]:
                last_in[m.sent] = (m.start, c)
    for sent in parsed.sentences:
        c = first_in.get(sent.i) or next(
            (last_in[sent.i - b][1] for b in range(1, ANAPHORA_SENTENCES + 1)
             if sent.i - b in last_in), None)
        if c is not None:
            read_terms(parsed.text, sent, c.mentions, quantities, lexicon, terms[id(c)])
    return terms


def _record(parsed: ParsedDoc, c: Cluster, stages: list[Stage], terms: Terms,
            actors: Sequence[Any], lexicon: Lexicon,
            others: set[int] = frozenset(), places: Sequence[Any] = (),
            earlier: Sequence[Agreement] = ()) -> Agreement | None:
    named = c.named
    parties: list[ActorRef] = []
    if named and named.known:
        parties += [ref_for_id(p, actors) for p in named.known.parties]
    parties += [party_ref(a.actor, actors) for m in c.mentions for a in m.actors]
    parties += combining_form_parties(parsed.text, c.mentions, actors)  # "the Anglo-Iraqi treaty"
    # "Sweden's NATO accession protocol": the resolver's one IGO mention holds the owner
    parties += [ref_for_id(a.actor.country, actors) for m in c.mentions for a in m.actors
                if a.actor.kind == "igo" and a.actor.country and re.search(r"['’]s\b", a.text)]
    kind = c.kind or "other"
    if kind == "accession":  # the candidates sign it; members ratifying are not parties
        parties += [s.party for s in stages if s.party is not None and s.stage == "signed"]
        parties += accession_igo(c, parties, actors)
    else:  # an accession binds the candidate and the organisation, not each ratifier
        acted = [s for s in stages if s.party is not None and s.stage in PARTY_STAGES]
        acted = _without_refusers(acted)
        parties += [s.party for s in acted if not broker_stage(s, acted)]
        # the proposer is a would-be party, unless the agreement already has its two sides
        # ("Washington pushed for a deal between Israel and Saudi Arabia") or others acted
        # on it ("Ukraine agreed to a ceasefire proposed by the US": a broker's plan)
        if len({p.country or p.actor_id for p in parties}) < 2 and not any(
                s.party is not None and s.stage in PARTY_STAGES for s in stages):
            parties += [s.party for s in stages if s.party is not None and s.stage == "proposed"
                        and not _BID.search(s.evidence.text) and not _BROKER_PLAN.search(s.evidence.text)]
    parties += bound_parties(parsed, c, actors) + under_parties(parsed, c, actors)
    parties += ally_parties(parsed, c, actors)  # "Manila, a treaty ally of the US under a pact"
    parties += object_parties(parsed, c, parties, actors)
    parties += pair_parties(parsed, c, stages, parties, actors, earlier)
    parties += antecedent_parties(parsed, c, parties, actors, others)
    leased, military_site = lease_parties(parsed, c, actors, places)
    parties += leased
    own = set().union(*(own_names(m) for m in c.mentions))
    parties = dedupe_refs(country_level(p, actors) for p in parties if not is_own_igo(p, own))
    labels = _label_igos(parsed.text, c, stages, actors)
    if labels:  # "The two countries, close NATO allies, began negotiating": a bloc as a label
        parties = [p for p in parties if p.actor_id not in labels]
        stages = [s.model_copy(update={"party": None}) if s.party is not None
                  and s.party.actor_id in labels else s for s in stages]
    parties = between_sides(c, parties, actors)
    parties, stages = stateless_stand_ins(parsed, c, parties, stages, actors, earlier)
    # one side named: the agreement it goes with, else the pair in focus, gives the other
    if named is None and kind != "accession":
        parties = dedupe_refs([*parties, *(country_level(p, actors) for p in
                                           related_parties(parsed.text, c, parties, earlier))])
        parties = dedupe_refs([*parties, *(country_level(p, actors) for p in
                                           sibling_side(parsed.text, c, parties, earlier))])
        parties = dedupe_refs([*parties, *(country_level(p, actors) for p in
                                           focal_parties(parsed, c, parties, actors, earlier))])
        parties = dedupe_refs([*parties, *(country_level(p, actors) for p in
                                           speaker_side(parsed, c, parties, actors))])
        if kind == "ceasefire" and not any(p.country for p in parties):
            # "Oslo brokered a truce" after "has mediated between Colombia and the ELN":
            # a ceasefire binds the sides of the war in focus, not its broker
            parties = dedupe_refs([*parties, *(country_level(p, actors) for p in
                                               war_sides(parsed, c, actors))])
    before = {id(s) for s in stages}
    stages = split_pair_stages(parsed, stages, parties, actors)
    if not parties:  # "The four countries signed an accord": the group its stage was split to
        parties = dedupe_refs(s.party for s in stages if id(s) not in before
                              and s.party is not None and s.stage in PARTY_STAGES)
    # "Fifteen countries signed the RCEP": the signatories act together, not the IGO
    stages = list({s: None for s in (s.model_copy(update={"party": None})
                                     if is_own_igo(s.party, own) else s for s in stages)})
    if kind in {"other", "treaty"} and "mutual_defense" in terms.provisions:
        kind = "defence"  # "obliges each side to provide military assistance if attacked"
    context = " ".join(parsed.sentences[i].text for i in sorted(_context_sentences(parsed, c, terms, others)))
    # the purpose said in the agreement's own sentences wins over its neighbours' ("a
    # joint declaration ending the state of war. Since then they restored ties")
    own_context = " ".join(parsed.sentences[i].text for i in sorted({m.sent for m in c.mentions}))
    if kind == "other" and military_site:  # "leases Camp Lemonnier under an agreement"
        kind = "basing"
    if kind == "other" and named is None:  # "The previous deal" of an agreement on a base
        kind = lineage_kind(parsed.text, c, parties, earlier) or kind
    if kind == "other" and c.named is None and all(m.head in JOINT_TEXTS for m in c.mentions):
        # "a joint statement": where the sides stand, whatever its topic, unless its own
        # sentences found relations ("established diplomatic relations ... in a joint
        # communique": then it is the act that normalises them; or "signed a statement
        # ending six weeks of fighting": the ceasefire itself)
        own_purpose = context_kind(own_context, lexicon)
        kind = own_purpose if own_purpose in {"normalisation", "ceasefire"} else "memorandum"
    if kind == "other" and c.named is None and any(_PARTNERSHIP.search(m.text) for m in c.mentions):
        kind = "framework"  # "a comprehensive strategic partnership (agreement)": the frame of
        # relations, whatever its sentence adds ("as companies signed investment deals")
    if kind == "other" and _bare_declaration(c):
        # "signed a joint declaration pledging economic exchanges": a declaration says
        # where the sides stand, a memorandum's kind, unless its sentences give it a strong
        # purpose ("a declaration ending the state of war"); a base or troops named
        # nearby make no defence or basing pact of it
        purpose = context_kind(own_context, lexicon)
        purpose = purpose if purpose in DECLARATION_PURPOSES else context_kind(context, lexicon)
        kind = purpose if purpose in DECLARATION_PURPOSES else "memorandum"
    if kind == "other":  # "a deal brokered by China to restore ties"
        kind = context_kind(own_context, lexicon) or context_kind(context, lexicon) or kind
        if kind == "other" and c.first.sent > 0 and c.first.sent - 1 not in others:
            # the topic the sentence before sets ("Work began on the gas link to Italy.
            # Rome and Algiers had signed an agreement on it"), when it tells of no other deal
            kind = context_kind(parsed.sentences[c.first.sent - 1].text, lexicon) or kind
    elif kind == "treaty" and named is None and not any(m.kind_cued for m in c.mentions):
        # "a 1965 treaty that normalised relations": a bare "treaty" says its form, the
        # sentence its purpose (only the strong purposes: troops alone make no pact)
        purpose = context_kind(own_context, lexicon)
        purpose = purpose if purpose in TREATY_PURPOSES else context_kind(context, lexicon)
        kind = purpose if purpose in TREATY_PURPOSES else kind
    if kind == "defence" and not (named and named.known) and _weak_defence(c) \
            and any(p.search(context) for p in lexicon.peace_refinement):
        kind = "peace"  # "a security agreement ending two decades of conflict"
    if kind == "defence" and not (named and named.known) \
            and any(p.search(context) for p in lexicon.basing_refinement):
        kind = "basing"  # "a defence cooperation agreement giving US forces access to bases"
    if kind in CLAUSE_KINDS | {"defence"} and len({p.country or p.actor_id for p in parties}) < 2:
        # "Washington agreed to sell 24 jets to the UAE in a $23 billion deal"; "US troops
        # are based in Kuwait under a defence agreement": the forces' state and their host
        sents = [m.sent for m in c.mentions]
        stationed = kind == "basing" or (kind == "defence" and any(
            _STATIONED.search(parsed.sentences[i].text) for i in sents))
        found = basing_parties(parsed, sents, actors) if stationed else \
            clause_parties(parsed, sents, kind, actors)
        if not stationed and len({p.country or p.actor_id for p in [*parties, *found]}) < 2 \
                and refers_back(c, others):
            # "12 aircraft that Nigeria bought from the United States arrived. The $593
            # million sale was frozen": the sentence a first "the sale" refers back to
            found = [*found, *clause_parties(parsed, [c.first.sent - 1], kind, actors)]
        if kind == "basing" and len({p.country or p.actor_id for p in [*parties, *found]}) < 2 \
                and c.first.sent > 0 and c.first.sent - 1 not in others \
                and _BASE_WORD.search(parsed.sentences[c.first.sent - 1].text):
            # "China opened its first military base in Djibouti. Beijing pays $20 million
            # a year for the site under a ten-year lease": the sentence before tells the base
            found = [*found, *basing_parties(parsed, [c.first.sent - 1], actors)]
        if stationed and len({p.country or p.actor_id for p in [*parties, *found]}) < 2:
            found = []  # one side alone is no basing pair
        parties = dedupe_refs([*parties, *(country_level(p, actors) for p in found)])
    if kind != "accession" and len({p.country or p.actor_id for p in parties}) < 2:
        parties, kind = _content_sides(parsed, c, parties, stages, kind, actors, lexicon)
    if named is None and not (parties or stages or terms.term_years or terms.renewal
                              or terms.provisions or terms.value):
        return None
    if not stages and all(m.head in ENTRY_HEADS for m in c.mentions):
        return None  # "Germany's membership of the EU has been a pillar": a state, no act
    spans = {m.sent for m in c.mentions} | set(terms.sentences)
    evidence = {(s.start, s.end): Evidence(doc_id=parsed.doc_id, start=s.start, end=s.end,
                                           text=s.text)
                for s in parsed.sentences if s.i in spans}
    for s in stages:
        evidence.setdefault((s.evidence.start, s.evidence.end), s.evidence)
    evidence = [evidence[k] for k in sorted(evidence)]
    if named is not None:
        name, agreement_id = named.name, named_id(named.name)
    else:
        name = _generic_name(c)
        party_key = "+".join(sorted(p.actor_id for p in parties))
        agreement_id = make_id("ag", kind, party_key, parsed.doc_id, c.first.start)
    return Agreement(agreement_id=agreement_id, name=name, kind=kind, parties=parties,
                     stages=stages, term_years=terms.term_years, renewal=terms.renewal,
                     provisions=terms.provisions, value=terms.value, evidence=evidence)


def _content_sides(parsed: ParsedDoc, c: Cluster, parties: list[ActorRef], stages: list[Stage],
                   kind: str, actors: Sequence[Any], lexicon: Lexicon) -> tuple[list[ActorRef], str]:
    """(parties, kind) completed from the clause telling what the agreement does ("a treaty
    that would have let the United States keep its naval base"), with the state whose
    legislature or voters turned it down (they vote only on their own state's treaties; a
    government "rejecting" a deal may be a third state objecting), when together they make
    two sides; a bare "treaty" takes that clause's purpose."""
    found, said = content_parties(parsed, c, actors)
    rejecting = [ref_for_id(s.party.country, actors) for s in stages if s.stage == "rejected"
                 and s.party is not None and s.party.country
                 and (s.party.sector == "LEG" or _VOTERS.search(s.evidence.text))]
    merged = dedupe_refs([*parties, *(country_level(p, actors) for p in [*found, *rejecting])])
    if len({p.country or p.actor_id for p in merged}) < 2:
        return parties, kind
    if kind == "treaty" and c.named is None and not any(m.kind_cued for m in c.mentions):
        kind = context_kind(said, lexicon) or kind  # "a treaty that would let X keep its base"
    return merged, kind


# "Icelandic voters rejected the deal": voters stand for their state, as a legislature does.
_VOTERS = re.compile(r"\b(?:voters|referendum|plebiscite)\b", re.IGNORECASE)


# "the two NATO allies", "EU members Poland and Hungary": a bloc naming what its members are.
# With a bare "the" before the bloc ("the EU member states") the words name all its members,
# which act together as the bloc (``spans`` reads them as one item of a list of parties).
_LABEL_AFTER = re.compile(r"\s+(?:allies|ally|members|member\s+states)\b", re.IGNORECASE)
_ALL_MEMBERS_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _label_igos(text: str, c: Cluster, stages: list[Stage], actors: Sequence[Any]) -> set[str]:
    """The organisations named in the agreement's sentences only as a label of states
    ("the two NATO allies"), never as an actor: no party to it."""
    spans = {(m.sent_start, m.sent_end) for m in c.mentions}
    spans |= {(s.evidence.start, s.evidence.end) for s in stages}
    seen: dict[str, bool] = {}
    for a in actors:
        if a.actor.kind == "igo" and any(lo <= a.start < hi for lo, hi in spans):
            label = (_LABEL_AFTER.match(text, a.end) is not None
                     and not _ALL_MEMBERS_BEFORE.search(text[max(0, a.start - 8):a.start]))
            seen[a.actor.actor_id] = seen.get(a.actor.actor_id, True) and label
    return {k for k, label in seen.items() if label}


# A partnership raised to a strategic one names the frame of relations, not a topic.
_PARTNERSHIP = re.compile(r"\bstrategic\s+partnership\b", re.IGNORECASE)


_BASE_WORD = re.compile(r"\bbases?\b", re.IGNORECASE)


# Forces kept in a host's territory: a defence deal's sentence naming both gives its sides.
_STATIONED = re.compile(r"\b(?:stationed|based|deployed|garrisoned)\b|\b(?:keeps?|kept|maintain(?:s|ed)?|sen[dt]s?)\s+"
                        r"(?:about\s+|some\s+|around\s+|nearly\s+|more\s+than\s+)?(?:[\d,]+\s+)?"
                        r"(?:troops|forces|soldiers)\b", re.IGNORECASE)


# Purposes a bare "treaty" takes from its sentences ("a treaty ending the war").
TREATY_PURPOSES = frozenset({"ceasefire", "normalisation", "peace", "boundary", "arms_control"})


# Purposes a bare "declaration" takes from its sentences; else it is a memorandum.
DECLARATION_PURPOSES = TREATY_PURPOSES | {"energy"}


def _bare_declaration(c: Cluster) -> bool:
    """A declaration with no name and no kind word ("a joint declaration")."""
    return c.named is None and all(m.head in {"declaration", "declarations"} and not m.kind_cued
                                   for m in c.mentions)


# Kind words that make a defence pact of a deal between allies, whatever its sentences say.
_STRONG_DEFENCE = re.compile(r"\b(?:defen[cs]e|alliance|mutual|deterren\w+|deterrent|intelligence|"
                             r"assistance|reciprocal)\b", re.IGNORECASE)


def _weak_defence(c: Cluster) -> bool:
    """A defence agreement named only "security" or "military" ("a security deal")."""
    return not any(_STRONG_DEFENCE.search(m.text) for m in c.mentions)


def _context_sentences(parsed: ParsedDoc, c: Cluster, terms: Terms,
                       others: set[int] = frozenset()) -> set[int]:
    """Where an agreement's kind may be read: the sentences mentioning it or giving its
    terms, and the sentence right after each mention ("It lets Japanese troops train in
    Australia") unless another agreement is mentioned there ("... a minerals deal. Kyiv
    hopes to sign a security agreement next": the security is the other one's)."""
    own = {m.sent for m in c.mentions} | set(terms.sentences)
    nxt = {i + 1 for i in own if i + 1 < len(parsed.sentences) and i + 1 not in others}
    prev = {c.first.sent - 1} if refers_back(c, others) else set()
    return own | nxt | prev


def _generic_name(c: Cluster) -> str:
    """The most specific wording: the longest mention, without determiners."""
    best = max(c.mentions, key=lambda m: (len(m.text.split()), -m.start))
    if best.head == "one":  # "talks on one": the kind's record is "an agreement"
        return "agreement"
    # "$5 billion arms deal" -> "arms deal", but "20-year defence pact" keeps its number
    name = re.sub(r"^(?:[$€£¥₹]|\d[\d.,]*(?![\d.,]*-(?:year|month|week|day|hour|point|nation|member))|billion|million|thousand|bn|-|\s)+",
                  "", best.text)
    # "a landmark defence pact", "the new trade deal": praise and news are not the name
    # "the US-proposed draft treaty" is the treaty: who proposed it and its stage are not
    name = re.sub(r"^(?:(?:landmark|historic|new|long-awaited|first-ever|so-called|major|"
                  r"controversial|key|recent|recently|latest|much-vaunted|proposed|draft|"
                  r"planned|would-be|[\w.]+-(?:brokered|mediated|backed|sponsored|proposed|"
                  r"drafted|led))\s+)+", "", name, flags=re.IGNORECASE)
    return name or best.text

