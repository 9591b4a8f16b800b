"""Parties of stages done jointly: by the agreement as a whole, or by a pair of states.

- entry into force and expiry (``joint_parties``): the agreement's own acts, a party only
  when "for X" names one; ``joiner``: the owner of an accession that took effect
  ("Britain's accession to the CPTPP took effect");
- a pair (``PAIR``, ``pair_before``, ``split_pair_stages``): "the two countries", "both
  sides", "they signed" stand for the two states named last before them, and a stage done
  by such a pair (or "ratified by both parliaments") is split into one stage per state;
- a group (``group_before``): "the three states (said they) would not extend it" is each
  state of the last list of exactly three named before.

Kept apart from ``stage_parties``, which finds the one party of a trigger.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.lexicon import Hit
from dyad.agreements.spans import group_after, party_ref
from dyad.agreements.stage_other_targets import MEMBERSHIP_NOUNS
from dyad.model import ActorRef, Stage
from dyad.nlp.parsed import ParsedDoc, Sentence

def joiner(parsed: ParsedDoc, tok: Any, actors: Sequence[Any], pool: Sequence[Any]) -> list:
    """The owner of an accession or membership that took effect ("Britain's accession to
    the CPTPP took effect" is the pact's entry into force for Britain)."""
    if tok is None or not parsed.sentences[tok.sent].parsed or tok.pos not in {"VERB", "AUX"}:
        return []
    subj = next((c for c in parsed.children(tok) if c.dep == "nsubj"), None)
    if subj is None or subj.lemma.lower() not in MEMBERSHIP_NOUNS:
        return []
    mods = [c for c in parsed.children(subj) if c.dep in {"poss", "compound", "amod"}]
    return [party_ref(a.actor, pool) for a in actors
            if any(a.start <= m.start < a.end for m in mods)]


def joint_parties(parsed: ParsedDoc, sent: Sentence, hit: Hit, free_actors: Sequence[Any],
                  pool: Sequence[Any]) -> list[ActorRef]:
    """Entry into force and expiry bind the agreement as a whole: a party only when the
    text says for whom ("entered into force for Norway")."""
    cue = re.match(r"\s*(?:on\s+[^,;.]{0,25}\s)?for\s+", parsed.text[hit.end:sent.end], re.IGNORECASE)
    if cue is None:
        return []
    found = group_after(parsed.text, free_actors, hit.end + cue.end(), ceiling=sent.end, max_gap=6)
    return [party_ref(a.actor, pool) for a in found]


# "the two countries", "both sides": the pair of states named just before
PAIR = re.compile(r"\b(?:the\s+two|both)\s+(?:countries|sides|governments|nations|"
                  r"neighbou?rs|states|leaders|allies|capitals|presidents|prime\s+ministers|"
                  r"foreign\s+ministers|defen[cs]e\s+ministers)\b|"
                  # "They also signed an investment treaty": the pair acting before
                  r"\bthey\s+(?:also\s+|later\s+|then\s+|have\s+|had\s+)?(?:signed|agreed|ratified|"
                  r"reached|concluded|initial+ed|inked|negotiated)\b", re.IGNORECASE)

PAIR_SENTENCES = 2

# The pair phrase as the subject of a stage's verb: "the two leaders (also) signed",
# "both sides have agreed on", "which they inked in 2019".
_PAIR_ACTS = {
    "signed": r"sign(?:ed|s)?|ink(?:ed|s)?|seal(?:ed|s)?",
    "negotiated": r"agree[ds]?|reach(?:ed|es)?|conclude[ds]?|negotiated?|struck|strike|"
                  r"clinch(?:ed|es)?|finali[sz]ed?|initial+ed|hammered",
    "ratified": r"ratif(?:y|ied|ies)",
    "renewed": r"renew(?:ed|s)?|extend(?:ed|s)?",
    "suspended": r"suspend(?:ed|s)?",
    "withdrawn": r"withdr[ae]w|withdrawn|quit|exit(?:ed|s)?|pull(?:ed|s)?\s+out",
    "terminated": r"terminate[ds]?|scrap(?:ped|s)?|ended|cancel+ed|tore\s+up",
}

_PAIR_SUBJECT = {stage: re.compile(
    r"\b(?:(?:the\s+two|both)\s+(?:countries|sides|governments|nations|neighbou?rs|states|"
    r"leaders|allies|presidents|prime\s+ministers|foreign\s+ministers|defen[cs]e\s+ministers)"
    r"|they)\s+(?:(?:also|later|then|have|has|had|jointly|formally|finally|officially|\w+ly)\s+){0,2}"
    rf"(?:{verbs})\b", re.IGNORECASE) for stage, verbs in _PAIR_ACTS.items()}


# "by both parliaments", "the two legislatures ratified": each side's body acted.
# "never ratified by either parliament", "neither legislature has approved it": each
# side's body, in the negation or condition of the sentence.
# "lawmakers in both countries", "both national congresses", "the legislatures of the two
# states": the same, with the members or the bodies named after the pair
_BODIES = r"(?:parliaments|legislatures|governments|congresses|senates|cabinets|national\s+assemblies|houses\s+of\s+parliament)"
_MEMBERS = r"(?:lawmakers|legislators|parliamentarians|MPs|deputies|senators|congressmen|" + _BODIES + ")"
_BOTH_BODIES = re.compile(r"\b(?:(?:both|the\s+two)\s+(?:countries['’]\s+|sides['’]\s+|states['’]\s+)?"
                          r"(?:national\s+|respective\s+)?" + _BODIES + r"|"
                          r"(?:either|neither|each)\s+(?:country['’]s\s+|"
                          r"side['’]s\s+)?(?:parliament|legislature|government|congress|senate|house\s+of\s+parliament)|"
                          + _MEMBERS + r"\s+(?:in|of|from)\s+(?:both|the\s+two)\s+(?:countries|sides|states|nations))\b",
                          re.IGNORECASE)


# "each parliament is expected to ratify it", "every member's legislature", "all their
# parliaments": each party's body, however many parties the agreement has
_EACH_BODY = re.compile(r"\b(?:(?:each|every)\s+(?:(?:country|member|side|signatory|state)['’]s\s+)?"
                        r"(?:parliament|legislature|national\s+assembly)|(?:all|their)\s+(?:the\s+|their\s+)?"
                        r"(?:respective\s+|national\s+)?(?:parliaments|legislatures))\b", re.IGNORECASE)


def pair_before(parsed: ParsedDoc, offset: int, actors: Sequence[Any]) -> list[ActorRef]:
    """The two states named last before ``offset`` (its sentence or the ``PAIR_SENTENCES``
    before it), skipping venues after "in"/"at" and IGOs; [] when there are not two."""
    sent = next(s for s in parsed.sentences if s.start <= offset < s.end)
    floor = parsed.sentences[max(0, sent.i - PAIR_SENTENCES)].start
    pair: list[ActorRef] = []
    for a in sorted((a for a in actors if floor <= a.start and a.end <= offset),
                    key=lambda a: a.start, reverse=True):
        ref = party_ref(a.actor, actors)
        venue = re.search(r"\b(?:in|at)\s+(?:the\s+)?$", parsed.text[max(0, a.start - 8):a.start])
        if venue or a.actor.kind == "igo" or not ref.country or \
                any(p.country == ref.country for p in pair):
            continue
        pair.append(ref)
        if len(pair) == 2:
            return pair[::-1]
    return []


# "the three states", "all four governments": a group of N named together before; its
# act may follow as "they" ("The three states said they would not extend the accord")
_NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_GROUP = re.compile(r"\b(?:the|all)\s+(?P<n>three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+)?"
                    r"(?:countries|states|governments|nations|neighbou?rs|members|allies|capitals|"
                    r"signatories|leaders)\b(?P<rest>[^.;]{0,80})", re.IGNORECASE)
_GROUP_ACT = {stage: re.compile(r"^(?:\s*[,']\s*|\s+[\w'’-]+){0,12}?\s+(?:they\s+)?(?:(?:would|will|could|did|do|"
                                r"does|have|has|had|not|never|also|jointly|\w+ly)\s+){0,3}(?:" + verbs + r")\b",
                                re.IGNORECASE) for stage, verbs in _PAIR_ACTS.items()}
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def group_before(parsed: ParsedDoc, offset: int, actors: Sequence[Any], size: int) -> list[ActorRef]:
    """The last coordinated list of exactly ``size`` states ("Estonia, Latvia and
    Lithuania") before ``offset``, in its sentence or the ``PAIR_SENTENCES`` before it."""
    sent = next(s for s in parsed.sentences if s.start <= offset < s.end)
    floor = parsed.sentences[max(0, sent.i - PAIR_SENTENCES)].start
    states = sorted((a for a in actors if floor <= a.start and a.end <= offset
                     and a.actor.kind != "igo"), key=lambda a: a.start)
    run: list[Any] = []
    lists: list[list[Any]] = []
    for a in states:
        if run and _LIST_GAP.fullmatch(parsed.text, run[-1].end, a.start):
            run.append(a)
        else:
            run = [a]
            lists.append(run)
    for found in reversed(lists):
        refs = list({r.country: r for r in (party_ref(a.actor, actors) for a in found) if r.country}.values())
        if len(refs) == size:
            return refs
    return []


def _group_parties(parsed: ParsedDoc, stage: Stage, countries: set[str],
                   actors: Sequence[Any]) -> list[ActorRef]:
    """The members of "the three states" that is the subject of the stage's verb."""
    act = _GROUP_ACT.get(stage.stage)
    for m in _GROUP.finditer(stage.evidence.text) if act else ():
        if not act.match(m.group("rest")):
            continue
        n = m.group("n").lower()
        size = _NUMBERS.get(n) or (int(n) if n.isdigit() else 0)
        group = group_before(parsed, stage.evidence.start + m.start(), actors, size)
        if group and (not countries or {p.country for p in group} <= countries):
            return group
    return []


def split_pair_stages(parsed: ParsedDoc, stages: list[Stage], parties: list[ActorRef],
                      actors: Sequence[Any]) -> list[Stage]:
    """A stage with no party whose sentence has "the two countries" / "they" as the
    subject of its verb was done by each of that pair ("Both sides signed a defence
    pact"), when both are parties of the agreement."""
    countries = {p.country for p in parties if p.country}
    out: list[Stage] = []
    for s in stages:
        subject = _PAIR_SUBJECT.get(s.stage)
        phrase = subject.search(s.evidence.text) if s.party is None and subject else None
        pair = pair_before(parsed, s.evidence.start + phrase.start(), actors) if phrase else []
        group = _group_parties(parsed, s, countries, actors) if s.party is None and not pair else []
        if len(pair) == 2 and {p.country for p in pair} <= countries:
            out += [s.model_copy(update={"party": p}) for p in pair]
        elif group:  # "the three states said they would not extend it": each of them
            out += [s.model_copy(update={"party": p}) for p in group]
        elif s.party is None and s.stage in _PAIR_ACTS and (
                len(countries) == 2 and _BOTH_BODIES.search(s.evidence.text)
                or len(countries) >= 2 and _EACH_BODY.search(s.evidence.text)):
            # "ratified by both parliaments": each side of a two-party agreement; "each
            # parliament is expected to ratify it": each party's
            out += [s.model_copy(update={"party": p}) for p in
                    {p.country: p for p in parties if p.country}.values()]
        else:
            out.append(s)
    return out

