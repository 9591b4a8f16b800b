"""Lifecycle stages of an agreement, one per trigger and party.

For each stage trigger of a sentence (``lexicon.yaml`` ``stages``; the longest match wins
where triggers overlap, and triggers inside a named agreement's title are ignored):

- agreement: ``stage_targets.target`` (the mention whose modifiers hold the trigger, the
  passive subject, the first mention after it, the agreement of the previous sentences for
  a pronoun or an ``anaphoric`` trigger, ...);
- party and body: ``stage_parties`` (who acted; a party is the country-level, IGO,
  LEG or armed-group actor), then ``stage_sides`` (signatories listed, the sides of
  talks, the state taken out of a treaty);
- date: the nearest date mention after the trigger and before the next trigger, else
  the nearest before it (deadlines count: "by the end of June");
- modality: ``dyad.modality.modality_of`` on the trigger's verb (on its first word for
  ``anchor: first`` triggers: "bid" in "bid to join"), refined by ``stage_modality``.
  "join" is an accession: ``in_force`` for the joiner when asserted ("Britain joined the
  CPTPP"), ``proposed`` otherwise ("wants to join": intended); so is a wish to sign or
  conclude a new deal ("Britain wants to sign a trade deal with India");
- copies: "Hungary followed in February", "as did France" repeat the stage just told for
  another party (``_followers``).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from dyad.agreements.lexicon import Hit, Lexicon
from dyad.agreements.linking import Cluster
from dyad.agreements.mention_record import AgreementMention
from dyad.agreements.stage_modality import refine, refine_proposal
from dyad.agreements.stage_anaphora import ANAPHORA_SENTENCES, pronoun_ref
from dyad.agreements.stage_joint_parties import joiner, joint_parties
from dyad.agreements.stage_parties import body_of, stage_parties
from dyad.agreements.stage_sides import named_sides
from dyad.agreements.stage_targets import (EXIT_TOOK_EFFECT, OBJECT_NEAR, accession_target,
                                           candidates, passive_subject, relative_object,
                                           subject_mention, target)
from dyad.agreements.terms import term_spans
from dyad.agreements.spans import party_ref, token_at
from dyad.model import Evidence, Stage
from dyad.nlp.parsed import ParsedDoc, Sentence

__all__ = ["ANAPHORA_SENTENCES", "JOINT_STAGES", "find_stages"]

# "the US would rejoin the deal"; "Qatar brokered the truce"; "announced a deal between"
_REJOIN = re.compile(r"re-?(?:join|enter)", re.IGNORECASE)
_BROKERING = re.compile(r"broker|mediat", re.IGNORECASE)
_ANNOUNCING = re.compile(r"announc|unveil", re.IGNORECASE)
_BETWEEN = re.compile(r"\s+between\b", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
# "signed in 1951 and ratified", "finalised in March, but Baku has said it will not sign"
_COORDINATED = re.compile(r"\s*(?:,?\s*(?:and|but)\s+(?:[\w-]+\s+){0,3}|,\s*(?:and|but|while)\s+(?:[\w'’-]+\s+){0,8})",
                          re.IGNORECASE)
# "within 14 months", "for five years": a span of time, not the date of a stage
_SPAN_DATE = re.compile(r"(?:within|for|over|during|in\s+the\s+(?:next|coming))\b", re.IGNORECASE)
# A trigger whose own words negate ("no longer party to"): the negation is the stage.
_OWN_NEGATION = re.compile(r"\bno\s+longer\b", re.IGNORECASE)
# "the landmark 2015 Iran nuclear deal": a bare year inside the noun phrase of an
# agreement (before the words the mention starts at) dates the agreement, not the stage
_BARE_YEAR = re.compile(r"\d{4}")
_YEAR_BEFORE_NOUN = re.compile(r"(?:\s+(?!(?:and|or|in|on|at|to|from|of|with|by|the|a|an)\b)[\w'’-]+){0,3}\s+")
# A wish to make a new agreement: "wants to sign a", "hopes to conclude an"
_WISHED_NEW = re.compile(r"\b(?:wants?|wanted|wish(?:es|ed)?|hopes?|hoped|seeks?|sought|aims?|aimed)\s+to\s+$",
                         re.IGNORECASE)
_INDEFINITE = re.compile(r"\s+(?:an?|new)\s+(?:[\w-]+\s+){0,4}", re.IGNORECASE)
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
                acted_on = accession_target(parsed, hit, sent, sent_actors, clusters)
            if acted_on is None:
                continue
            mention, clust = acted_on
            # entry into force and expiry are the agreement's own, never a body's act
            next_start = hits[k + 1].start if k + 1 < len(hits) else sent.end
            body = None if hit.trigger.stage in JOINT_STAGES else \
                body_of(parsed, sent, hit, lexicon, sent_actors, next_start)
            if hit.trigger.needs_body and body is None:
                continue
            tok = _anchor(parsed, hit)
            reading = modality(parsed, tok) if tok is not None else None
            mod = refine(parsed, tok, getattr(reading, "modality", "asserted"),
                         stage=hit.trigger.stage)
            if mod == "negated" and _OWN_NEGATION.search(parsed.text, hit.start, hit.end):
                mod = "asserted"  # "is no longer party to the accord" says it left
            stage = hit.trigger.stage
            if hit.trigger.joins:
                stage = "in_force" if mod in {"asserted", "reported"} else "proposed"
                if stage == "proposed" and _REJOIN.match(parsed.text, hit.start, hit.end):
                    continue  # "the US would rejoin the deal": a term of its revival, no bid
            if stage in {"signed", "negotiated"} and mod == "intended" and \
                    _WISHED_NEW.search(parsed.text, max(sent.start, hit.start - 40), hit.start) and \
                    _INDEFINITE.fullmatch(parsed.text, hit.end, mention.start):
                stage = "proposed"  # "Britain wants to sign a trade deal with India": a deal
                # wished for, not yet drafted, is proposed (as "wants to join the pact" is)
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
                    _ANNOUNCING.match(parsed.text, hit.start, hit.end)
                    and _BETWEEN.match(parsed.text, mention.end)):
                # "Qatar brokered the truce", "Trump announced a ceasefire between Israel
                # and Iran": the sides reached it, jointly; the broker is no party
                parties = []
            parties = named_sides(parsed, sent, hit, mention, stage, tok, parties, free_actors, actors)
            if stage == "withdrawn" and EXIT_TOOK_EFFECT.match(parsed.text, hit.start, sent.end):
                # "the withdrawal took effect": the withdrawal told before, by whoever
                # announced it (a troop withdrawal completed is none of the agreement's)
                told = {s.party.actor_id: s.party for c, s in out if c is clust
                        and s.stage == "withdrawn" and s.party}
                if not told:
                    continue
                parties = parties or list(told.values())
            if via_accession:  # "Finland joined NATO" is not Sweden's accession
                parties = candidates(clust, parties)
                if not parties:
                    continue
            # "the 2018 military agreement": a year inside a mention dates the agreement
            free_dates = [d for d in dates if not any(
                m.start <= d.start < m.end or _YEAR_BEFORE_NOUN.fullmatch(parsed.text, d.end, m.start)
                and _BARE_YEAR.fullmatch(d.text) for m, _ in pairs)]
            date = _date(free_dates, sent, hit,
                         hits[k + 1].start if k + 1 < len(hits) else sent.end,
                         hits[k - 1].end if k else sent.start, parsed.text)
            if mod == "asserted" and date is not None and _after_publication(date, doc_date) \
                    and not _past_form(parsed, tok):  # a past tense says it happened
                mod = "expected"  # "the treaty expires in February 2026", written in 2025
            evidence = Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end,
                                text=parsed.text[sent.start:sent.end])
            for party in parties or [None]:
                out.append((clust, Stage(
                    stage=stage, party=party, body=body[0] if body else None,
                    date=date.value if date else None, date_text=date.text if date else None,
                    modality=mod, evidence=evidence)))
            # "withdrew from the INF Treaty in 2019 and the Open Skies Treaty in 2020"
            for other, o_clust, o_date in _coordinated_objects(parsed.text, hit, mention, pairs,
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
        out += _followers(parsed, sent, out, free_actors, actors, dates)
    return _dedupe(out)


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


# Between two objects of one trigger: "the INF Treaty in 2019 and (from) the Open Skies
# Treaty", "the X, the Y and the Z".
_NEXT_OBJECT = re.compile(r"(?:\s+(?:in|on|at|since)\s+[^,;.()]{1,30}?)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|"
                          r"\s+as\s+well\s+as\s+)(?:(?:from|out\s+of|of|to|on)\s+)?(?:the\s+|its\s+|an?\s+)?",
                          re.IGNORECASE)


def _coordinated_objects(text: str, hit: Hit, mention: AgreementMention,
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
                     and not _SPAN_DATE.match(d.text)), None)
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
_AS_DID = re.compile(r"\bas\s+did\s+(?:the\s+)?", re.IGNORECASE)
FOLLOWED_STAGES = frozenset({"signed", "ratified", "withdrawn", "suspended", "in_force", "rejected"})


def _followers(parsed: ParsedDoc, sent: Sentence, staged: list[tuple[Cluster, Stage]],
               free_actors: Sequence[Any], pool: Sequence[Any],
               dates: Sequence[Any]) -> list[tuple[Cluster, Stage]]:
    """Copies of the last asserted stage of this or the previous sentence for the actors
    that "followed suit" or "did the same" ("Turkey ratified the protocol in January, and
    Hungary followed in February"; "... , as did Hungary")."""
    text = parsed.text
    floor = parsed.sentences[max(0, sent.i - 1)].start
    out = []
    for a in free_actors:
        after = _FOLLOWED.match(text, a.end, sent.end)
        before = _AS_DID.search(text, max(sent.start, a.start - 12), a.start)
        if not (after or before and before.end() == a.start):
            continue
        if any(a.start < b.end and b.start < a.end for b in free_actors if b is not a and b.end == a.start):
            continue
        prior = [(c, s) for c, s in staged if s.evidence.start >= floor and s.evidence.start <= a.start
                 and s.stage in FOLLOWED_STAGES and s.modality == "asserted" and s.party is not None]
        if not prior:
            continue
        c, s = prior[-1]
        ref = party_ref(a.actor, pool)
        if ref.actor_id == s.party.actor_id:
            continue
        end = sent.end if after is None else min(sent.end, after.end() + 40)
        date = next((d for d in dates if d.value and (after.end() if after else a.end) <= d.start
                     and d.end <= end and not _SPAN_DATE.match(d.text)), None)
        evidence = Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end,
                            text=text[sent.start:sent.end])
        out.append((c, s.model_copy(update={
            "party": ref, "body": None, "date": date.value if date else None,
            "date_text": date.text if date else None, "evidence": evidence})))
    return out


def _anchor(parsed: ParsedDoc, hit: Hit):
    """The word whose modality and subject count: the match's first word for ``anchor:
    first`` triggers ("bid" in "bid to join"), else its first verb."""
    if hit.trigger.anchor_first:
        return token_at(parsed, hit.start, hit.start + 1)
    return token_at(parsed, hit.start, hit.end)


def _dedupe(staged: list[tuple[Cluster, Stage]]) -> list[tuple[Cluster, Stage]]:
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
    dated = {(id(c), s.stage, s.party.actor_id if s.party else None, s.modality)
             for c, s in out if s.date}
    return [(c, s) for c, s in out if s.date or
            (id(c), s.stage, s.party.actor_id if s.party else None, s.modality) not in dated]


def _hits(parsed: ParsedDoc, sent: Sentence, lexicon: Lexicon,
          titles: Sequence[AgreementMention]) -> list[Hit]:
    lowered = parsed.text[sent.start:sent.end].lower()
    raw = [Hit(m.start(), m.end(), t)
           for t in (lexicon.triggers[i] for i in lexicon.trigger_filter.candidates(lowered))
           for m in t.pattern.finditer(parsed.text, sent.start, sent.end)]
    raw = [h for h in raw if not any(t.start <= h.start < t.end for t in titles)]
    clauses = term_spans(parsed.text, sent.start, sent.end)
    raw = [h for h in raw if not any(a <= h.start < b for a, b in clauses)]
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
    verbs = [tok] + ([parsed.tokens[tok.head]] if tok.dep == "conj" and tok.head != tok.i else [])
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
              and not _SPAN_DATE.match(d.text)
              # "the first such deal since 2000" dates nothing but a state that lasts
              and (hit.trigger.stage == "in_force" or not (_SINCE.search(text, max(0, d.start - 8), d.start)
                                                       or d.text.lower().startswith("since")))]
    after = [d for d in inside if d.start >= hit.end and d.start < next_start]
    if after:
        return after[0]
    before = [d for d in inside if d.end <= hit.start and d.start >= prev_end]
    if before and prev_end > sent.start and _COORDINATED.fullmatch(text, before[-1].end, hit.start):
        # a date closing the previous trigger's clause is that trigger's: "signed in 1951
        # and ratified a year later", "signed in 1996 but never ratified"
        return None
    return before[-1] if before else None
