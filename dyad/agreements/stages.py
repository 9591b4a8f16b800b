"""Lifecycle stages of an agreement, one per trigger and party.

For each stage trigger of a sentence (``lexicon.yaml`` ``stages``; the longest match wins
where triggers overlap, and triggers inside a named agreement's title are ignored):

- agreement: ``stage_targets.target`` (``stage_organisations`` for joining or leaving an
  organisation) (the mention whose modifiers hold the trigger, the
  passive subject, the first mention after it, the agreement of the previous sentences for
  a pronoun or an ``anaphoric`` trigger, ...);
- party and body: ``stage_deciders.body_of`` (a legislature), ``stage_parties`` (who
  acted; a party is the country-level, IGO, LEG or armed-group actor), then
  ``stage_sides`` (signatories listed, the sides of talks, the state taken out of a
  treaty); a court's annulment is its state's rejection (``stage_deciders.court_state``);
  talks proposed are the deal proposed (``stage_proposals.proposed_talks``);
- date: one inside the trigger's words ("voted on Thursday against"), else the nearest
  date mention after the trigger and before the next trigger, else the nearest before it
  outside a relative clause closed before it (deadlines count: "by the end of June"); a
  year in the agreement's own phrase ("the 2018 pact", "the Treaty of 1997") dates none;
- modality: ``dyad.modality.modality_of`` on the trigger's verb (on its first word for
  ``anchor: first`` triggers: "bid" in "bid to join"), refined by ``stage_modality``.
  "join" is an accession: ``in_force`` for the joiner when asserted ("Britain joined the
  CPTPP"), ``proposed`` otherwise ("wants to join": intended); so is a wish to sign or
  conclude a new deal ("Britain wants to sign a trade deal with India");
- copies: "Hungary followed in February", "as did France" repeat the stage just told for
  another party (``stage_copies.followers``); so does "along with Bolivia" after the act;
- ends (``stage_endings``): renouncing or denouncing a bilateral agreement terminates it,
  a multilateral one is left; a replacement by another agreement ends it jointly.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from dyad.agreements.lexicon import Hit, Lexicon, context_kind
from dyad.agreements.linking import Cluster
from dyad.agreements.mention_record import AgreementMention
from dyad.agreements.stage_attribution import announced_by_party, rolled_forward, scheduled_present
from dyad.agreements.stage_bodies import focus_state, organisation_party, stateless_voters
from dyad.agreements.stage_modality import own_future, refine
from dyad.agreements.stage_proposals import proposed_talks, refine_proposal
from dyad.agreements.stage_dated import dated_signings
from dyad.agreements.stage_endings import co_agents, denounced_as, joint_end, renounced_stage
from dyad.agreements.stage_copies import SPAN_DATE, coordinated_objects, dedupe, followers
from dyad.agreements.stage_notices import notice_endings
from dyad.agreements.stage_anaphora import ANAPHORA_SENTENCES, pronoun_ref
from dyad.agreements.stage_joint_parties import joiner, joint_parties
from dyad.agreements.stage_deciders import body_of, court_state, voters_state
from dyad.agreements.stage_parties import stage_parties
from dyad.agreements.stage_plural_objects import stage_agreements
from dyad.agreements.stage_sides import named_sides
from dyad.agreements.stage_strict import settled_gerund, talks_broken_off
from dyad.agreements.stage_organisations import (ACCEDER_STAGES, acceding_state, accession_target, candidates, charter_target,
                                                 igo_after)
from dyad.agreements.stage_targets import (EXIT_TOOK_EFFECT, LONG_TALKS, OBJECT_NEAR,
                                           passive_subject, relative_object, subject_mention,
                                           target)
from dyad.agreements.terms import term_spans
from dyad.agreements.spans import dedupe_refs, party_ref, subject_actors, token_at
from dyad.model import Evidence, Stage
from dyad.nlp.parsed import ParsedDoc, Sentence

__all__ = ["ANAPHORA_SENTENCES", "JOINT_STAGES", "find_stages"]

# "the US would rejoin the deal"; "Qatar brokered the truce"; "announced a deal between"
_REJOIN = re.compile(r"re-?(?:join|enter)", re.IGNORECASE)
_BROKERING = re.compile(r"broker|mediat", re.IGNORECASE)
# "after three weeks of talks brokered by the US envoy": the agent is the talks' host
_TALKS_BROKERED = re.compile(r",?\s+(?:brokered|mediated|hosted|facilitated|sponsored|chaired|convened|"
                             r"arranged)\s+(?:\w+\s+)?by\b", re.IGNORECASE)
_TALKS_END = re.compile(r"(?:talks|negotiations)$", re.IGNORECASE)
_ANNOUNCING = re.compile(r"announc|unveil", re.IGNORECASE)
_BETWEEN = re.compile(r"\s+between\b", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
_TERM_BOUND = re.compile(r"\b(?:until|till|to|through|from|beyond)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.IGNORECASE)
_TERM_BOUND_TEXT = re.compile(r"(?:until|till|to|through|from|beyond)\b", re.IGNORECASE)
# "signed in 1951 and ratified", "finalised in March, but Baku has said it will not sign",
# "signed a pact in 2009; it lapsed a decade later" (a semicolon closes the first clause)
_COORDINATED = re.compile(r"\s*(?:,?\s*(?:and|but)\s+(?:[\w-]+\s+){0,3}|,\s*(?:and|but|while)\s+(?:[\w'’-]+\s+){0,8}|"
                          r";\s*(?:[\w'’-]+\s+){0,8})", re.IGNORECASE)
# A trigger whose own words negate ("no longer party to"): the negation is the stage.
_OWN_NEGATION = re.compile(r"\bno\s+longer\b", re.IGNORECASE)
_SHELVING = re.compile(r"shelv(?:e|es|ed|ing)\b", re.IGNORECASE)
# "the landmark 2015 Iran nuclear deal": a bare year inside the noun phrase of an
# agreement (before the words the mention starts at) dates the agreement, not the stage
_BARE_YEAR = re.compile(r"\d{4}")
_OF_YEAR = re.compile(r"\s+of\s+")
_YEAR_BEFORE_NOUN = re.compile(r"(?:\s+(?!(?:and|or|in|on|at|to|from|of|with|by|the|a|an)\b)[\w'’-]+){0,3}\s+")
# A wish to make a new agreement: "wants to sign a", "hopes to conclude an", "is eager to
# sign a", "is seeking to negotiate a"
_WISHED_NEW = re.compile(r"\b(?:wants?|wanted|wanting|wish(?:es|ed|ing)?|hop(?:es?|ed|ing)|seek(?:s|ing)?|sought|"
                         r"aim(?:s|ed|ing)?|(?:keen|eager|anxious|looking)|push(?:es|ed|ing)?|press(?:es|ed|ing)?)\s+to\s+$",
                         re.IGNORECASE)
_INDEFINITE = re.compile(r"\s+(?:an?|new)\s+(?:[\w-]+\s+){0,4}", re.IGNORECASE)
# A term, not a stage: the notice clause of a standing agreement ("stays in force unless
# either side terminates it", "unless one party gives notice", "stays in force until either
# side gives a year's notice"), and the duration it was
# concluded for ("was concluded for 20 years", "concluded for an indefinite period").
_NOTICE = re.compile(r"\b(?:unless|until|till)\s+(?:either|one|a|any|each|neither|the\s+other)\s+(?:of\s+the\s+(?:two\s+)?)?"
                     r"(?:side|party|parties|signatory|signatories|government|country|state|member)\b",
                     re.IGNORECASE)
NOTICE_REACH = 60  # how far into the notice clause its own verb stands
_STANDING = frozenset({"in_force", "renewed", "expired"})
_CONCLUDED_FOR = re.compile(r"\s+for\s+(?:a\s+(?:term|period)\s+of\s+|an?\s+(?:indefinite|initial|"
                            r"unlimited)\s+(?:term|period)|(?:an?\s+)?(?:initial\s+)?[\w-]+\s+(?:years?|decades?))",
                            re.IGNORECASE)
# Stages of the agreement as a whole: no party unless "for X" names one.
JOINT_STAGES = frozenset({"in_force", "expired"})


def find_stages(parsed: ParsedDoc, clusters: Sequence[Cluster], actors: Sequence[Any],
                dates: Sequence[Any], lexicon: Lexicon, modality: Callable,
                doc_date: str | None = None) -> list[tuple[Cluster, Stage]]:
    """(agreement, stage) pairs of the document, in text order; ``doc_date`` (ISO) is
    the publication date, after which an asserted stage with a dated year is expected."""
    by_sent: dict[int, list[tuple[AgreementMention, Cluster]]] = {}
    for c in clusters:
        for m in c.mentions:
            by_sent.setdefault(m.sent, []).append((m, c))
    out: list[tuple[Cluster, Stage]] = []
    for sent in parsed.sentences:
        if sent.end <= parsed.body_start:
            continue
        pairs = sorted(by_sent.get(sent.i, []), key=lambda p: p[0].start)
        hits = _hits(parsed, sent, lexicon, [m for m, _ in pairs if m.named])
        # "by the end of June": a word that is a trigger only before an agreement
        # neither blocks nor dates the triggers around it elsewhere
        hits = [h for h in hits if not h.trigger.after_only
                or any(0 <= m.start - h.end <= OBJECT_NEAR for m, _ in pairs)
                or h.trigger.stage == "withdrawn" and igo_after(parsed.text, h, actors) is not None
                or pronoun_ref(parsed.text, h, sent)
                or relative_object(parsed.text, h, pairs) is not None
                or passive_subject(parsed, h, pairs) is not None]
        hits = [h for h in hits if not h.trigger.before_only
                or subject_mention(parsed, h, pairs) is not None]
        sent_actors = [a for a in actors if sent.start <= a.start and a.end <= sent.end]
        # an actor overlapping a mention is its title read as a name ("The Reciprocal
        # Access Agreement" as an organisation), or one of its parties
        free_actors = [a for a in sent_actors
                       if not any(a.start < m.end and m.start < a.end for m, _ in pairs)]
        for k, hit in enumerate(hits):
            acted_on = target(parsed, hit, hits, pairs, by_sent, sent)
            via_accession = acted_on is None
            if via_accession:
                acted_on = accession_target(parsed, hit, sent, sent_actors, clusters) or \
                    charter_target(parsed, hit, sent, sent_actors, clusters)
            if acted_on is None:
                continue
            mention, clust = acted_on
            if hit.trigger.kinds and _kind_of(parsed, clust, lexicon) not in hit.trigger.kinds:
                continue  # "deliveries began": a supply deal's start, not an arms sale's
            # entry into force and expiry are the agreement's own, never a body's act
            next_start = hits[k + 1].start if k + 1 < len(hits) else sent.end
            body = None if hit.trigger.stage in JOINT_STAGES else \
                body_of(parsed, sent, hit, lexicon, sent_actors, next_start)
            tok = _anchor(parsed, hit)
            approving = _sale_approval(parsed, hit, tok, mention, free_actors) \
                if hit.trigger.needs_body and body is None and clust.kind == "arms_deal" else []
            if hit.trigger.needs_body and body is None and not approving:
                continue
            if _SUCH_CLASS.search(parsed.text, max(sent.start, hit.start - 60), hit.start):
                continue  # "the first such agreement Tokyo has concluded": the class, no act
            reading = modality(parsed, tok) if tok is not None else None
            mod = refine(parsed, tok, getattr(reading, "modality", "asserted"),
                         stage=hit.trigger.stage)
            if mod == "intended" and settled_gerund(parsed, tok, hit.start):
                mod = "asserted"  # "agreed to reopen the border a year after signing the pact"
            elif mod in {"asserted", "reported"} and talks_broken_off(parsed, hit):
                mod = "negated"  # "broke off talks on the accord": none came of them
            if mod == "negated" and _OWN_NEGATION.search(parsed.text, hit.start, hit.end):
                mod = "asserted"  # "is no longer party to the accord" says it left
            if hit.trigger.asserted_only and mod != "asserted":
                continue  # "refused to accept the treaty", "persuade Tehran to accept the truce"
            if denounced_as(parsed.text, hit, mention):
                continue  # "denounced the accord as a betrayal": a judgement, no renunciation
            stage = renounced_stage(parsed.text, hit, hit.trigger.stage, clust)  # bilateral or not
            if stage == "suspended" and body is not None and _SHELVING.match(parsed.text, hit.start, hit.end):
                stage = "rejected"  # "Peru's Congress shelved the treaty": a legislature that
                # shelves a treaty refuses it (a government's shelving only puts it off)
            if approving:
                stage = "proposed"  # "Washington approved the sale of jets to Taipei": the
                # seller's offer, not a ratification
            if _term_clause(parsed.text, hit, sent, mod):
                continue
            if hit.trigger.joins:
                stage = "in_force" if mod in {"asserted", "reported"} else "proposed"
                if stage == "proposed" and mod == "hypothetical" and \
                        _REJOIN.match(parsed.text, hit.start, hit.end):
                    continue  # "the US would rejoin the deal": a term of its revival, no bid
            if mod == "expected" and stage not in JOINT_STAGES and own_future(parsed, tok):
                mod = "intended"  # "Biden has said he would rejoin the accord", "Mali announced
                # that it would quit the statute": the speaker's own act, announced, is its aim
            if stage in {"signed", "negotiated"} and mod == "intended" and \
                    _WISHED_NEW.search(parsed.text, max(sent.start, hit.start - 40), hit.start) and \
                    _INDEFINITE.fullmatch(parsed.text, hit.end, mention.start):
                stage = "proposed"  # "Britain wants to sign a trade deal with India": a deal
                # wished for, not yet drafted, is proposed (as "wants to join the pact" is)
            if stage == "negotiated" and mod != "negated" and \
                    LONG_TALKS.search(parsed.text, hit.start, hit.end):
                mod = "asserted"  # "ending years of negotiations": talks held, whatever
                # the clause around the span of time wants
            proposer = proposed_talks(parsed, tok) if stage == "negotiated" else None
            if proposer is not None:  # "Trump proposed talks on a new deal": the deal proposed
                stage, tok = "proposed", proposer
                mod = refine(parsed, tok, getattr(modality(parsed, tok), "modality", "asserted"), stage=stage)
            if stage == "proposed":
                if _proposes_other(parsed.text, hit, mention):
                    continue  # "proposed the deal's extension", "proposed that the pact be expanded"
                mod = refine_proposal(parsed, tok, mod, getattr(reading, "cue", None))
            if stage in JOINT_STAGES and not hit.trigger.joins:  # the joiner is the party
                parties = joint_parties(parsed, sent, hit, free_actors, actors) or \
                    (joiner(parsed, tok, free_actors, actors) if stage == "in_force" else [])
            else:
                parties = stage_parties(parsed, sent, hit, mention, body, free_actors, actors, stage,
                                        shared=mod not in {"intended", "negated"}, tok=tok)
            if _BROKERING.match(parsed.text, hit.start, hit.end) or (
                    _TALKS_END.search(parsed.text, hit.start, hit.end) and _TALKS_BROKERED.match(parsed.text, hit.end)) or (
                    _ANNOUNCING.match(parsed.text, hit.start, hit.end)
                    and _BETWEEN.match(parsed.text, mention.end)):
                # "Qatar brokered the truce", "Trump announced a ceasefire between Israel
                # and Iran": the sides reached it, jointly; the broker is no party
                parties = []
            if joint_end(parsed, hit, stage, clust, pairs):
                parties = []  # "the new arrangements took effect, replacing the 1957 pact"
            parties = named_sides(parsed, sent, hit, mention, stage, tok, parties, free_actors, actors)
            if parties and stage not in JOINT_STAGES:
                parties = parties + [party_ref(a.actor, actors) for a in co_agents(parsed.text, hit, free_actors)]
            if stage in {"ratified", "rejected"}:  # "voters rejected it": not the list before
                parties = voters_state(parsed, sent, tok, sent_actors, actors) or parties
            if body is not None and body[1] is None and not parties:  # "the National Assembly"
                parties = [p for p in [focus_state(parsed.text, body[0], clust, actors, sent.start, sent.end)] if p]
            parties = dedupe_refs(organisation_party(p, actors) for p in parties)  # "the European Parliament"
            if mod == "expected" and stage not in JOINT_STAGES and tok is not None \
                    and announced_by_party(parsed, tok, sent_actors, parties):
                mod = "intended"  # "Fiji will end the pact, its prime minister said": its aim
            if body is not None and stateless_voters(body[0], parties, sent.text):
                continue
            court = court_state(parsed, sent, tok, sent_actors, actors) if stage == "terminated" else None
            if court is not None:  # "the court annulled the accord": its state's rejection
                stage, parties = "rejected", court
            if approving:  # the approving government only, not the buyer beside it
                parties = [party_ref(a.actor, actors) for a in approving]
            if stage == "withdrawn" and EXIT_TOOK_EFFECT.match(parsed.text, hit.start, sent.end):
                # "the withdrawal took effect": the withdrawal told before, by whoever
                # announced it (a troop withdrawal completed is none of the agreement's)
                told = {s.party.actor_id: s.party for c, s in out if c is clust
                        and s.stage == "withdrawn" and s.party}
                if not told:
                    continue
                parties = parties or list(told.values())
            if not parties and stage in ACCEDER_STAGES and clust.kind == "accession":
                parties = [p for p in [acceding_state(clust, actors, sent.end)] if p]  # "its
                # accession protocol was signed in Geneva": the candidate's act
            if via_accession:  # "Finland joined NATO" is not Sweden's accession
                parties = candidates(clust, parties)
                if not parties:
                    continue
            # "the 2018 military agreement": a year inside a mention dates the agreement
            # (so does one after it: "the Cotonou Agreement of 2000")
            free_dates = [d for d in dates if not any(
                m.start <= d.start < m.end or (_YEAR_BEFORE_NOUN.fullmatch(parsed.text, d.end, m.start)
                                               or _OF_YEAR.fullmatch(parsed.text, m.end, d.start))
                and _BARE_YEAR.fullmatch(d.text) for m, _ in pairs)]
            date = _date(free_dates, sent, hit,
                         hits[k + 1].start if k + 1 < len(hits) else sent.end,
                         hits[k - 1].end if k else sent.start, parsed.text)
            date_value = date.value if date else None
            if mod == "asserted" and date is not None and tok is not None \
                    and scheduled_present(parsed, tok):  # "the lease, which expires in July"
                mod, date_value = "expected", rolled_forward(date.value, doc_date)
            if mod == "asserted" and date is not None and _after_publication(date, doc_date) \
                    and not _past_form(parsed, tok):  # a past tense says it happened
                mod = "expected"  # "the treaty expires in February 2026", written in 2025
            evidence = Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end,
                                text=parsed.text[sent.start:sent.end])
            for each, party in ((c, p) for c in stage_agreements(parsed.text, hit, stage, clust, pairs,
                                                                  by_sent, sent) for p in parties or [None]):
                out.append((each, Stage(
                    stage=stage, party=party, body=body[0] if body else None,
                    date=date_value, date_text=date.text if date else None,
                    modality=mod, evidence=evidence)))
            # "withdrew from the INF Treaty in 2019 and the Open Skies Treaty in 2020"
            for other, o_clust, o_date in coordinated_objects(parsed.text, hit, mention, pairs,
                                                             hits[k + 1:], free_dates, sent):
                o_parties = parties if stage in JOINT_STAGES or via_accession else stage_parties(
                    parsed, sent, hit, other, body, free_actors, actors, stage,
                    shared=mod not in {"intended", "negated"}, tok=tok)
                for party in o_parties or [None]:
                    out.append((o_clust, Stage(
                        stage=stage, party=party, body=body[0] if body else None,
                        date=o_date.value if o_date else None,
                        date_text=o_date.text if o_date else None,
                        modality=mod, evidence=evidence)))
        out += followers(parsed, sent, out, free_actors, actors, dates)
    out += dated_signings(parsed, clusters, dates, out, doc_date, actors)  # "the 1965 treaty"
    out = dedupe(notice_endings(out))  # "gave notice to end the treaty, which will lapse in 1980"
    return out


def _kind_of(parsed: ParsedDoc, clust: Cluster, lexicon: Lexicon) -> str | None:
    """The agreement's kind from its own words, else the purpose its sentences name ("a
    27-year agreement to supply France with liquefied natural gas": energy)."""
    if clust.kind not in {None, "other"}:
        return clust.kind
    own = " ".join(parsed.sentences[i].text for i in sorted({m.sent for m in clust.mentions}))
    return context_kind(own, lexicon)


# A government's approval of an arms sale: "the US approved the sale of drones to Taiwan"
# (not "backed", which is support). A state's approval of a treaty is left out: it would
# make an EU member that "will not approve" a trade deal one of its parties.
_APPROVE = re.compile(r"approv(?:e|es|ed|ing)", re.IGNORECASE)
# (past a time adverbial: "approved on Friday the sale of 40 jets")
_OBJECT_GAP = re.compile(r"(?:\s+(?:on|last|this|earlier|in)\s+[\w-]+,?)?"
                         r"\s+(?:the|an?|this|that|its|their)\s+(?:[\w-]+\s+){0,3}", re.IGNORECASE)


def _sale_approval(parsed: ParsedDoc, hit: Hit, tok: Any, mention: AgreementMention,
                   free_actors: Sequence[Any]) -> list[Any]:
    """The state or government, not a legislature, approving the sale that is its direct
    object: the verb's subject (or, for "it", the speaker reporting it) when it is a
    state-level actor."""
    if not _APPROVE.fullmatch(parsed.text, hit.start, hit.end) or tok is None \
            or not _OBJECT_GAP.fullmatch(parsed.text, hit.end, mention.start):
        return []
    subject = subject_actors(parsed, tok, free_actors, passive=False)
    if not subject and tok.dep == "ccomp" and tok.head != tok.i and any(
            c.dep == "nsubj" and c.pos == "PRON" for c in parsed.children(tok)):
        subject = subject_actors(parsed, parsed.tokens[tok.head], free_actors, passive=False)
    states = all(a.actor.kind == "state" and getattr(a.actor, "sector", None) in {None, "GOV"}
                 for a in subject)
    return subject if states else []


def _term_clause(text: str, hit: Hit, sent: Sentence, mod: str) -> bool:
    """The trigger states a term of the agreement, not a step of its life: the verb of a
    notice clause ("unless either side terminates it"), a standing state it conditions
    ("stays in force automatically unless one party objects"), or "concluded for N years"."""
    for notice in _NOTICE.finditer(text, sent.start, sent.end):
        if 0 <= hit.start - notice.start() <= NOTICE_REACH:
            return True
        if hit.end <= notice.start() and hit.trigger.stage in _STANDING and mod == "hypothetical" \
                and not re.search(r"[.;]", text[hit.end:notice.start()]):
            return True
    return hit.trigger.stage == "negotiated" and re.fullmatch(r"concluded", text[hit.start:hit.end],
                                                                re.IGNORECASE) is not None \
        and _CONCLUDED_FOR.match(text, hit.end) is not None


# What is proposed about an existing agreement: "the deal's extension", "an extension of
# the deal", "that the pact be expanded" (not the agreement itself).
_CHANGE_NOUNS = r"(?:extension|renewal|prolongation|suspension|termination|expansion|revival|" \
                r"revision|amendment|implementation|review|enlargement)"
_CHANGE_AFTER = re.compile(rf"['’]s?\s+(?:[\w-]+\s+)?{_CHANGE_NOUNS}\b", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(rf"\b{_CHANGE_NOUNS}\s+(?:of|to)\s+(?:the\s+|its\s+)?$", re.IGNORECASE)
_THAT_THE = re.compile(r"\s+that\s+(?:the|its|their|this)\s", re.IGNORECASE)


def _proposes_other(text: str, hit: Hit, mention: AgreementMention) -> bool:
    """A proposal trigger whose object is a change to an existing agreement, or a clause
    about it, proposes that change, not the agreement."""
    if mention.start < hit.end:
        return False
    return bool(_CHANGE_AFTER.match(text, mention.end) or
                _CHANGE_BEFORE.search(text, hit.end, mention.start) or
                _THAT_THE.match(text, hit.end))


def _anchor(parsed: ParsedDoc, hit: Hit):
    """The word whose modality and subject count: the match's first word for ``anchor:
    first`` triggers ("bid" in "bid to join"), else its first verb."""
    if hit.trigger.anchor_first:
        return token_at(parsed, hit.start, hit.start + 1)
    return token_at(parsed, hit.start, hit.end)


# A relative clause on "such an agreement": "the first such agreement Tokyo has concluded
# with a Southeast Asian country" speaks of agreements of that kind, not of this one's making
_SUCH_CLASS = re.compile(r"\bsuch\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:agreements?|deals?|accords?|pacts?|treat(?:y|ies)|"
                         r"arrangements?)\s+(?:that\s+|which\s+)?(?:the\s+(?:[\w-]+\s+){0,2}|(?-i:[A-Z])[\w'’.-]*\s+|"
                         r"(?:it|they|he|she|we)\s+)(?:has|have|had)\s+(?:ever\s+)?$", re.IGNORECASE)


# "the lease could be extended by a further 40 years": a renewal the parties may still
# make is a hypothetical stage as well as a term ("renewable", "extendable" only a term;
# "could have been extended" is told of the past)
_POSSIBLE_RENEWAL = re.compile(r"\b(?:can|could|may|might)\s+(?:\w+ly\s+|also\s+)?be\s+$", re.IGNORECASE)


def _hits(parsed: ParsedDoc, sent: Sentence, lexicon: Lexicon,
          titles: Sequence[AgreementMention]) -> list[Hit]:
    lowered = parsed.text[sent.start:sent.end].lower()
    raw = [Hit(m.start(), m.end(), t)
           for t in (lexicon.triggers[i] for i in lexicon.trigger_filter.candidates(lowered))
           for m in t.pattern.finditer(parsed.text, sent.start, sent.end)]
    raw = [h for h in raw if not any(t.start <= h.start < t.end for t in titles)]
    clauses = term_spans(parsed.text, sent.start, sent.end)
    raw = [h for h in raw if not any(a <= h.start < b for a, b in clauses)
           or _POSSIBLE_RENEWAL.search(parsed.text, max(sent.start, h.start - 20), h.start)]
    chosen: list[Hit] = []
    for h in sorted(raw, key=lambda h: (-(h.end - h.start), h.start)):
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    return sorted(chosen, key=lambda h: h.start)


def _past_form(parsed: ParsedDoc, tok: Any) -> bool:
    """The trigger tells of the past: a past tense, a past or perfect auxiliary ("was
    extended", "has been signed"), or a noun under a verb in the past ("completed
    negotiations on")."""
    if tok is None:
        return False
    if tok.tag == "VBD":
        return True
    if not parsed.sentences[tok.sent].parsed:
        return False
    if tok.tag == "VBN" and tok.dep in {"acl", "amod"}:
        return True  # "a US-proposed ceasefire", "the deal signed in Doha": done
    for _ in range(3):  # "announced the conclusion of negotiations on": up to the verb
        if tok.pos not in {"NOUN", "ADP"} or tok.head == tok.i:
            break
        tok = parsed.tokens[tok.head]
        if tok.tag == "VBD":
            return True
    # a participle shares its head's auxiliary ("was concluded and signed"); a finite verb
    # has its own tense ("was signed in 1999 and expires in 2028")
    verbs = [tok] + ([parsed.tokens[tok.head]] if tok.dep == "conj" and tok.head != tok.i
                     and tok.tag == "VBN" else [])
    return any(c.dep in {"aux", "auxpass"} and (c.tag == "VBD" or c.lemma == "have")
               for v in verbs for c in parsed.children(v))  # "was concluded and signed"


def _after_publication(date: Any, doc_date: str | None) -> bool:
    """A stage date written with its year ("in February 2026") wholly after the
    publication date. Year-less dates are left alone: their year is a guess."""
    if not doc_date or not date.value or not re.search(r"\b\d{4}\b", date.text or ""):
        return False
    return date.value[:len(doc_date)] > doc_date[:len(date.value)]


def _date(dates: Sequence[Any], sent: Sentence, hit: Hit, next_start: int, prev_end: int,
          text: str = ""):
    inside = [d for d in dates if sent.start <= d.start and d.end <= sent.end and d.value
              and not SPAN_DATE.match(d.text)
              # "extended until 2030", "renewed for 20 years from 2028": the new term's
              # bounds, not the day of the renewal
              and not (hit.trigger.stage == "renewed" and (_TERM_BOUND.search(text, max(0, d.start - 12), d.start)
                                                           or _TERM_BOUND_TEXT.match(d.text)))
              # "the first such deal since 2000" dates nothing but a state that lasts
              and (hit.trigger.stage == "in_force" or not (_SINCE.search(text, max(0, d.start - 8), d.start)
                                                       or d.text.lower().startswith("since")))]
    within = [d for d in inside if hit.start <= d.start and d.end <= hit.end]
    if within:
        return within[0]  # "voted on Thursday against"
    after = [d for d in inside if d.start >= hit.end and d.start < next_start]
    if after:
        return after[0]
    before = [d for d in inside if d.end <= hit.start and d.start >= prev_end
              and not _closed_relative(text, sent.start, d.start, hit.start)]
    if before and prev_end > sent.start and _COORDINATED.fullmatch(text, before[-1].end, hit.start):
        # a date closing the previous trigger's clause is that trigger's: "signed in 1951
        # and ratified a year later", "signed in 1996 but never ratified"
        return None
    return before[-1] if before else None


# ", which joined the treaty in 1985,": a relative clause closed before the trigger
_RELATIVE = re.compile(r",\s+(?:which|who|whose|that)\b[^,;]*,", re.IGNORECASE)


def _closed_relative(text: str, start: int, at: int, trigger: int) -> bool:
    """The date at ``at`` stands in a relative clause that closes before the trigger:
    "Pyongyang, which joined the treaty in 1985, threatened to quit it" dates the joining."""
    return any(m.start() < at < m.end() <= trigger for m in _RELATIVE.finditer(text, start, trigger))
