"""The agreement coder, ``dyad.agreements.rules.v1``: a parsed document to ``Agreement``s.

Steps: mentions (``mentions``) -> agreements of the document (linking) -> stages
(``stages``) -> terms (``terms``) -> records. A generic agreement with nothing bound to
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

from dyad.agreements.clauses import (CLAUSE_KINDS, antecedent_parties, basing_parties, broker_stage,
                                     clause_parties, normalisations, object_parties, refers_back)
from dyad.agreements.lexicon import Lexicon, context_kind, load_lexicon, normalise_name
from dyad.agreements.linking import Cluster, cluster
from dyad.agreements.mentions import ENTRY_HEADS, find_mentions
from dyad.agreements.spans import (dedupe_refs, group_after, is_own_igo, own_names, party_ref,
                                   ref_for_id, span_root)
from dyad.agreements.stage_parties import PAIR, pair_before, split_pair_stages
from dyad.agreements.stages import ANAPHORA_SENTENCES, find_stages
from dyad.agreements.terms import Terms, read_terms
from dyad.model import ActorRef, Agreement, Evidence, Stage, make_id
from dyad.modality import modality_of
from dyad.nlp.parsed import ParsedDoc

# Stages whose party becomes a party of the agreement (not "proposed" or "rejected":
# a state that wants to join, or whose parliament voted it down, is not bound by it).
# "with the help of the United States", "with Qatari and Egyptian mediation": helpers,
# not partners.
_HELPER = re.compile(r"(?:the\s+)?(?:help|mediation|support|backing|assistance|participation|"
                     r"involvement|approval|blessing|consent|presence)\b", re.IGNORECASE)
_HELPER_AFTER = re.compile(r"(?:\s+and\s+\w+)?\s+(?:as\s+(?:a\s+|the\s+)?)?(?:mediation|mediators?|help|"
                           r"support|backing|facilitation|assistance|guarantors?|witness(?:es)?|"
                           r"brokers?|observers?)\b", re.IGNORECASE)
# "invoked the treaty in its dispute with China", "the pact amid tensions with Russia": the
# actor after "with" is the other side of a quarrel, not a partner.
_NOT_PARTNER_GAP = re.compile(r"\b(?:disputes?|tensions?|conflicts?|wars?|rows?|standoffs?|"
                              r"confrontations?|rivalry|clash(?:es)?|fighting|hostilit(?:y|ies)|"
                              r"amid|against|compared|unlike)\b", re.IGNORECASE)
_KIN = re.compile(r"(?:its|their|his|her|our)\s+(?:[\w-]+\s+)?(?:partners?|all(?:y|ies)|neighbou?rs?)"
                  r"\s*,?\s+(?:the\s+)?", re.IGNORECASE)
_ACRONYM = re.compile(r"(?:\s*\([A-Z][A-Za-z0-9-]{1,11}\))?")
_THEIR = re.compile(r"\btheir\s+$", re.IGNORECASE)
_BOUND = re.compile(r"\b(?:bound|tied|allied|linked)\s+(?:by|through|under)\s+(?:the|a|an|their)?\s*$|"
                    r"\b(?:part(?:y|ies)|signator(?:y|ies))\s+(?:to|of)\s+(?:the|a|an|their)?\s*$",
                    re.IGNORECASE)
# A proposal in a sentence about joining is a bid for an existing agreement: the candidate
# is not a party ("Chile wants to join the pact"); the proposer of a new agreement is one
# of its would-be parties ("Russia proposed a security treaty to NATO").
_BID = re.compile(r"\b(?:join\w*|bec\w+\s+(?:a|an|the)\s+(?:\w+\s+)?(?:member|party)|membership|accession|acced\w+|admission|candida\w+)\b", re.IGNORECASE)
# "Hamas accepted a truce proposal from Egypt and Qatar", "Egypt's ceasefire proposal": a
# proposal named by a noun, with no verb of proposing, is mostly a broker's plan.
_BROKER_PLAN = re.compile(r"^(?!.*\bpropos(?:e|es|ed|ing)\b).*\b(?:proposals?|offers?|plans?)\b",
                          re.IGNORECASE | re.DOTALL)
PARTY_STAGES = frozenset({"negotiated", "signed", "ratified", "in_force", "renewed",
                          "suspended", "withdrawn", "terminated", "expired"})


def code_v1(ctx: Any) -> list[Agreement]:
    """The registered coder: ``ctx`` is a ``dyad.pipeline.DocContext``."""
    return code(ctx.parsed, actors=ctx.actors, dates=ctx.dates, quantities=ctx.quantities,
                doc_date=getattr(ctx.document, "date", None))


def code(parsed: ParsedDoc, *, actors: Sequence[Any] = (), dates: Sequence[Any] = (),
         quantities: Sequence[Any] = (), lexicon: Lexicon | None = None,
         modality: Callable = modality_of, doc_date: str | None = None) -> list[Agreement]:
    """Agreements of one parsed document.

    ``actors`` are ``ResolvedMention``s, ``dates`` ``DateMention``s, ``quantities``
    ``Quantity``s with offsets; ``modality`` reads a trigger token's modality (the real
    ``modality_of`` unless a test fakes it); ``doc_date`` is the publication date (ISO).
    """
    lexicon = lexicon or load_lexicon()
    actors = sorted(actors, key=lambda a: a.start)
    sent_actors: dict[int, set[str]] = {}
    for s in parsed.sentences:
        sent_actors[s.i] = {a.actor.country or a.actor.actor_id for a in actors
                            if s.start <= a.start and a.end <= s.end}
    clusters = cluster(_with_partners(parsed, find_mentions(parsed, actors, lexicon), actors),
                       text=parsed.text, sent_actors=sent_actors)
    staged = find_stages(parsed, clusters, actors, dates, lexicon, modality, doc_date=doc_date)
    terms = _terms(parsed, clusters, quantities, lexicon)
    out: list[Agreement] = []
    mention_sents: set[int] = set()  # sentences whose deal may be the normalisation itself
    for c in clusters:
        stages = [s for cl, s in staged if cl is c]
        others = {m.sent for o in clusters if o is not c for m in o.mentions}
        record = _record(parsed, c, stages, terms[id(c)], actors, lexicon, others)
        if record is not None and record.kind == "other" and out and _SIMILAR.search(c.first.text):
            # "The UAE signed a similar accord with Israel": the kind of the one before
            record = record.model_copy(update={"kind": out[-1].kind})
        if record is not None:
            out += _one_per_partner(record, c)
        if record is None or record.kind in {"normalisation", "other", "treaty", "framework"} \
                or not any(m.kind_cued for m in c.mentions):
            mention_sents |= {m.sent for m in c.mentions}
    # "Bahrain and Qatar agreed to restore diplomatic ties": a normalisation with no noun,
    # also next to a deal of another kind ("agreed to restore ties and to revive a 2001
    # security cooperation agreement": two agreements)
    return out + normalisations(parsed, out, actors, mention_sents, modality)


def _one_per_partner(record: Agreement, c: Cluster) -> list[Agreement]:
    """"Ukraine signed bilateral security agreements with Germany and France": a plural
    agreement with two or more partners after "with" is one agreement with each, between
    that partner and the other side; a stage goes to each agreement its party belongs to."""
    m = c.first
    partners = dedupe_refs(p.actor.ref() for p in m.partners)
    ids = {p.country or p.actor_id for p in partners}
    if len(c.mentions) > 1 or not m.plural or len(ids) < 2:
        return [record]
    common = [p for p in record.parties if (p.country or p.actor_id) not in ids]
    if not common:
        return [record]
    out = []
    for partner in partners:
        key = partner.country or partner.actor_id
        own = [p for p in record.parties if (p.country or p.actor_id) in ids - {key}]
        parties = [p for p in record.parties if p not in own]
        stages = [s for s in record.stages if s.party is None or s.party not in own]
        out.append(record.model_copy(update={
            "agreement_id": make_id(record.agreement_id, key), "parties": parties,
            "stages": stages}))
    return out


_SIMILAR = re.compile(r"\b(?:similar|identical|comparable|parallel|same)\b", re.IGNORECASE)


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


def _with_partners(parsed: ParsedDoc, mentions: list, actors: Sequence[Any]) -> list:
    """Add the actors of "with X" / "between X and Y" right after a mention to its parties."""
    from dyad.agreements.spans import group_before

    text = parsed.text
    for m in mentions:
        sent = parsed.sentences[m.sent]
        if (_THEIR.search(text, max(sent.start, m.start - 8), m.start)
                or _BOUND.search(text, max(sent.start, m.start - 40), m.start)) and not m.actors:
            # "France and Greece renewed their defence pact", "Japan and the US are bound
            # by a security treaty": the pair before owns it
            owners = group_before(text, actors, m.start, floor=sent.start)
            m.actors = list(owners) if len(owners) >= 2 else []
        # past an acronym in brackets: "a defence cooperation agreement (DCA) with the US"
        end = m.end + len(_ACRONYM.match(text, m.end, sent.end).group(0))
        # ("The agreement, between Israel and Hezbollah, took effect": in apposition)
        cue = re.match(r"(?:[^,;.()]|(?<=\d)[.,](?=\d)){0,60}?\b(?:with|between|among)\s+|"
                       r"\s*,\s*between\s+", text[end:sent.end])
        # "a deal to buy 250 tanks from the United States": the seller is a party
        seller = re.match(r"\s+(?:to\s+(?:buy|purchase|acquire|import)|for)\s+[^,;.()]{0,50}?\bfrom\s+",
                          text[m.end:sent.end])
        if seller and not cue:
            cue = seller
        if cue:
            start = end + cue.end()
            # "a security deal with its partner Australia", "with their ally the US"
            kin = _KIN.match(text, start, sent.end)
            start = kin.end() if kin else start
            if not re.search(r"\b(?:which|that|who|signed|agreed)\b", cue.group(0)) \
                    and not _NOT_PARTNER_GAP.search(cue.group(0)) \
                    and not _HELPER.match(text, start):
                # a title the resolver read as an organisation ("..., the Reciprocal
                # Access Agreement") is an agreement, not a partner
                found = group_after(text, actors, start, ceiling=sent.end, max_gap=6)
                found = [a for a in _closed_list(text, found) if not any(
                    o.start < a.end and a.start < o.end for o in mentions)]
                partners = [a for a in found if not _HELPER_AFTER.match(text, a.end)]
                m.actors, m.partners = m.actors + partners, partners
                if re.search(r"\b(?:between|among)\s+$", cue.group(0)):
                    m.sides = partners
    return mentions


def _closed_list(text: str, found: list) -> list:
    """A list ends at the member its "and" joins: "between India and Pakistan, Trump said"
    holds two sides, not Trump."""
    for k in range(1, len(found)):
        if re.search(r"\b(?:and|&|as\s+well\s+as)\b", text[found[k - 1].end:found[k].start]):
            return found[:k + 1]
    return found


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
            others: set[int] = frozenset()) -> Agreement | None:
    named = c.named
    parties: list[ActorRef] = []
    if named and named.known:
        parties += [ref_for_id(p, actors) for p in named.known.parties]
    parties += [party_ref(a.actor, actors) for m in c.mentions for a in m.actors]
    # "Sweden's NATO accession protocol": the resolver's one IGO mention holds the owner
    parties += [ref_for_id(a.actor.country, actors) for m in c.mentions for a in m.actors
                if a.actor.kind == "igo" and a.actor.country and re.search(r"['’]s\b", a.text)]
    kind = c.kind or "other"
    if kind == "accession":  # the candidates sign it; members ratifying are not parties
        parties += [s.party for s in stages if s.party is not None and s.stage == "signed"]
        parties += _accession_igo(c, parties, actors)
    else:  # an accession binds the candidate and the organisation, not each ratifier
        acted = [s for s in stages if s.party is not None and s.stage in PARTY_STAGES]
        parties += [s.party for s in acted if not broker_stage(s, acted)]
        # the proposer is a would-be party, unless the agreement already has its two sides
        # ("Washington pushed for a deal between Israel and Saudi Arabia") or others acted
        # on it ("Ukraine agreed to a ceasefire proposed by the US": a broker's plan)
        if len({p.country or p.actor_id for p in parties}) < 2 and not any(
                s.party is not None and s.stage in PARTY_STAGES for s in stages):
            parties += [s.party for s in stages if s.party is not None and s.stage == "proposed"
                        and not _BID.search(s.evidence.text) and not _BROKER_PLAN.search(s.evidence.text)]
    parties += _bound_parties(parsed, c, actors) + _under_parties(parsed, c, actors)
    parties += object_parties(parsed, c, parties, actors)
    parties += _pair_parties(parsed, c, stages, parties, actors)
    parties += antecedent_parties(parsed, c, parties, actors, others)
    own = set().union(*(own_names(m) for m in c.mentions))
    parties = dedupe_refs(_country_level(p, actors) for p in parties if not is_own_igo(p, own))
    parties = _between_sides(c, parties, actors)
    stages = split_pair_stages(parsed, stages, parties, actors)
    # "Fifteen countries signed the RCEP": the signatories act together, not the IGO
    stages = list({s: None for s in (s.model_copy(update={"party": None})
                                     if is_own_igo(s.party, own) else s for s in stages)})
    if kind in {"other", "treaty"} and "mutual_defense" in terms.provisions:
        kind = "defence"  # "obliges each side to provide military assistance if attacked"
    context = " ".join(parsed.sentences[i].text for i in sorted(_context_sentences(parsed, c, terms, others)))
    if kind == "other":  # "a deal brokered by China to restore ties"
        kind = context_kind(context, lexicon) or kind
    elif kind == "treaty" and named is None and not any(m.kind_cued for m in c.mentions):
        # "a 1965 treaty that normalised relations": a bare "treaty" says its form, the
        # sentence its purpose (only the strong purposes: troops alone make no pact)
        purpose = context_kind(context, lexicon)
        kind = purpose if purpose in TREATY_PURPOSES else kind
    if kind == "defence" and not (named and named.known) and _weak_defence(c) \
            and any(p.search(context) for p in lexicon.peace_refinement):
        kind = "peace"  # "a security agreement ending two decades of conflict"
    if kind == "defence" and not (named and named.known) \
            and any(p.search(context) for p in lexicon.basing_refinement):
        kind = "basing"  # "a defence cooperation agreement giving US forces access to bases"
    if kind in CLAUSE_KINDS and len({p.country or p.actor_id for p in parties}) < 2:
        # "Washington agreed to sell 24 jets to the UAE in a $23 billion deal"
        sents = [m.sent for m in c.mentions]
        found = basing_parties(parsed, sents, actors) if kind == "basing" else \
            clause_parties(parsed, sents, kind, actors)
        if kind == "basing" and len({p.country or p.actor_id for p in [*parties, *found]}) < 2:
            found = []  # one side alone is no basing pair
        parties = dedupe_refs([*parties, *(_country_level(p, actors) for p in found)])
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


def _between_sides(c: Cluster, parties: list[ActorRef], actors: Sequence[Any]) -> list[ActorRef]:
    """"Qatar and Egypt negotiated the ceasefire between Israel and Hamas": an agreement
    whose mention names its two or more sides after "between" binds those sides; others
    acting on it (brokers, hosts, guarantors signing) are no parties. A well-known
    agreement keeps its listed parties."""
    named = c.named
    if named is not None and named.known is not None and named.known.parties:
        return parties
    sides = {party_ref(a.actor, actors).actor_id for m in c.mentions for a in m.sides}
    sides = {_country_level(ref_for_id(i, actors), actors).actor_id for i in sides}
    if len(sides) < 2 or not sides <= {p.actor_id for p in parties}:
        return parties
    return [p for p in parties if p.actor_id in sides]


# Purposes a bare "treaty" takes from its sentences ("a treaty ending the war").
TREATY_PURPOSES = frozenset({"ceasefire", "normalisation", "peace", "boundary", "arms_control"})


# Kind words that make a defence pact of a deal between allies, whatever its sentences say.
_STRONG_DEFENCE = re.compile(r"\b(?:defen[cs]e|alliance|mutual|deterren\w+|deterrent|intelligence|"
                             r"assistance|reciprocal)\b", re.IGNORECASE)


def _weak_defence(c: Cluster) -> bool:
    """A defence agreement named only "security" or "military" ("a security deal")."""
    return not any(_STRONG_DEFENCE.search(m.text) for m in c.mentions)


def _pair_parties(parsed: ParsedDoc, c: Cluster, stages: list[Stage], parties: list[ActorRef],
                  actors: Sequence[Any]) -> list[ActorRef]:
    """"The two countries signed a defence pact", "a deal between the two sides": the
    two states named last before the phrase (``stage_parties.pair_before``) are the
    parties, when the agreement has fewer than two of its own."""
    if len({p.country or p.actor_id for p in parties}) >= 2:
        return []
    spans = {(m.sent_start, m.sent_end) for m in c.mentions}
    spans |= {(s.evidence.start, s.evidence.end) for s in stages}
    for start, end in sorted(spans):
        phrase = PAIR.search(parsed.text, start, end)
        if phrase is not None and (pair := pair_before(parsed, phrase.start(), actors)):
            return pair
    return []


# "The pact binds Greece and France to ...", "It commits both Japan and Australia": the
# states an agreement binds are its parties.
_BINDS = re.compile(r"\b(?:binds|bound|commits|committed|obliges|obliged|obligates|requires|"
                    r"allows|allowed|lets|enables|enabled|permits|permitted)\s+"
                    r"(?:both\s+)?", re.IGNORECASE)
_IT = re.compile(r"\s*(?:It|The\s+(?:treaty|pact|accord|agreement|deal|protocol))\b")


def _bound_parties(parsed: ParsedDoc, c: Cluster, actors: Sequence[Any]) -> list[ActorRef]:
    """The two or more states after "binds/commits/obliges" in a sentence mentioning the
    agreement before the verb, or in the next sentence opening with "It" / "The pact"."""
    text, out = parsed.text, []
    spans = [(m.end, m.sent_end) for m in c.mentions]
    for m in c.mentions:
        nxt = m.sent + 1
        if nxt < len(parsed.sentences) and _IT.match(text, parsed.sentences[nxt].start):
            spans.append((parsed.sentences[nxt].start, parsed.sentences[nxt].end))
    for start, end in spans:
        for cue in _BINDS.finditer(text, start, end):
            found = group_after(text, actors, cue.end(), ceiling=end, max_gap=4)
            if len(found) >= 2:
                out += [party_ref(a.actor, actors) for a in found]
    return out


def _under_parties(parsed: ParsedDoc, c: Cluster, actors: Sequence[Any]) -> list[ActorRef]:
    """"Under the deal, Britain will cut tariffs and India will open its market": the
    subjects of the clauses that act under an agreement are its parties (parsed
    sentences only)."""
    out = []
    for m in c.mentions:
        sent = parsed.sentences[m.sent]
        if not sent.parsed or not re.search(r"^\s*Under\s+(?:the|this|that|its|their)\s+$",
                                            parsed.text[sent.start:m.start]):
            continue
        subjects = [t for t in parsed.sentence_tokens(sent) if t.start >= m.end and t.dep == "nsubj"]
        subjects += [k for t in subjects for k in parsed.children(t) if k.dep == "conj"]
        out += [party_ref(a.actor, actors) for a in actors
                if any(a.start <= t.start < a.end for t in subjects)]
    return out + _joint_subjects(parsed, c, actors)


def _joint_subjects(parsed: ParsedDoc, c: Cluster, actors: Sequence[Any]) -> list[ActorRef]:
    """"Saudi Arabia and Iran restored ties in a China-brokered deal": two or more states
    that act together in / under / through an agreement are its parties (the verb's
    joined subjects; one subject alone may act under someone else's deal)."""
    out: list[ActorRef] = []
    for m in c.mentions:
        sent = parsed.sentences[m.sent]
        if not sent.parsed or not re.search(r"\b(?:in|under|through|via)\s+(?:a|an|the)\s+$",
                                            parsed.text[max(sent.start, m.start - 12):m.start]):
            continue
        head = span_root(parsed, m.start, m.end)
        prep = parsed.tokens[head.head] if head is not None and head.dep == "pobj" else None
        verb = parsed.tokens[prep.head] if prep is not None and prep.dep == "prep" else None
        if verb is not None and verb.dep == "dobj":  # "restored ties in a deal": the PP may hang on the object
            verb = parsed.tokens[verb.head]
        if verb is None or verb.pos != "VERB":
            continue
        subjects = [t for t in parsed.children(verb) if t.dep == "nsubj"]
        subjects += [k for t in subjects for k in parsed.children(t) if k.dep == "conj"]
        found = [a for a in actors if a.actor.kind in {"state", "igo", "group"}
                 and any(a.start <= t.start < a.end for t in subjects)]
        if len({a.actor.actor_id for a in found}) >= 2:
            out += [party_ref(a.actor, actors) for a in found]
    return out


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


def _accession_igo(c: Cluster, parties: list[ActorRef], actors: Sequence[Any]) -> list[ActorRef]:
    """The organisation of an accession agreement ("Sweden's accession protocol"): the IGO
    named nearest before its first mention, else the first one after it; none when the
    mention already names one."""
    if any(p.actor_id.startswith("IGO.") for p in parties):
        return []
    igos = [a for a in actors if a.actor.kind == "igo"]
    before = [a for a in igos if a.end <= c.first.start]
    pick = before[-1] if before else next(iter(igos), None)
    return [pick.actor.ref()] if pick is not None else []


def _country_level(ref: ActorRef, actors: Sequence[Any]) -> ActorRef:
    """Agreement parties are states or IGOs: a legislature stands for its country."""
    if ref.country and ref.actor_id != ref.country and not ref.actor_id.startswith(("IGO.", "group.")):
        return ref_for_id(ref.country, actors)
    return ref


def _generic_name(c: Cluster) -> str:
    """The most specific wording: the longest mention, without determiners."""
    best = max(c.mentions, key=lambda m: (len(m.text.split()), -m.start))
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
