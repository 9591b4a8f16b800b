"""Leaving an organisation told with the organisation only: "Argentina will withdraw from
the World Health Organization", "Mali and Niger left ECOWAS", "the withdrawal of Mali from
the Economic Community of West African States became effective", "Armenia has frozen its
participation in the CSTO". Membership rests on the organisation's founding treaty, so the
act is a stage (``withdrawn``, ``suspended``) of that treaty, with the leaving states and
the organisation as its parties (``docs/agreements.md``).

``charter_target`` (``stage_organisations``) gives such a stage to a founding treaty the
document names ("Under the ECOWAS treaty, ..."); this step runs on the finished records
and covers the rest: it adds the stage to a record of the organisation's treaty when
there is one, else makes one named after the organisation. A withdrawal the stage finder
gave to another agreement of the sentence ("Britain is due to leave the European Union
... without a deal": not a withdrawal from the deal) moves to the organisation's treaty.
Joining is an accession (``accessions``), not handled here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from dyad.agreements.accession_candidates import NOT_ACCEDED, AccessionAct
from dyad.agreements.accessions import act_stage
from dyad.agreements.lexicon import load_lexicon, normalise_name
from dyad.agreements.spans import group_before, party_ref, ref_for_id, ref_key, subject_actors, token_at
from dyad.agreements.stage_modality import own_future, refine
from dyad.model import ActorRef, Agreement, Evidence, Stage, make_id
from dyad.nlp.parsed import ParsedDoc, Sentence

__all__ = ["organisation_exits"]

# The organisation after the verb may carry a "the" and a hyphenated modifier ("the
# Russian-led Collective Security Treaty Organization", "the Saudi-based ...").
_OBJECT_GAP = re.compile(r"\s*(?:the\s+)?(?:[A-Z][\w]*-(?:led|dominated|backed|based|founded)\s+)?")
# "the bloc", "the alliance": the organisation named last before it, of a fitting kind.
_IGO_NOUN = re.compile(r"\s*the\s+(?:[\w-]+\s+){0,2}?(?P<noun>alliance|bloc|union|organi[sz]ation|grouping|"
                       r"community|agency|body)\b", re.I)
_NOUN_IGOS = {"alliance": {"IGO.NATO", "IGO.CSTO"}, "union": {"IGO.EU", "IGO.AU", "IGO.EAEU"}}

# Verbs of leaving with the organisation as object, every tense.
_LEAVE = (r"withdr(?:aw|aws|awn|ew|awing)\s+from|(?:pull(?:s|ed|ing)?|drop(?:s|ped|ping)?|walk(?:s|ed|ing)?|"
          r"crash(?:es|ed|ing)?|opt(?:s|ed|ing)?|back(?:s|ed|ing)?)\s+out\s+of|leav(?:e|es|ing)|left|"
          r"quit(?:s|ting)?|exit(?:s|ed|ing)?|secede[sd]?\s+from|seceding\s+from")
# Ending or freezing one's own part in it: "ended its membership of", "suspended its
# participation in".
_OWN_PART = r"(?:its|their|his|her|our)\s+(?:participation|membership|seat)\s+(?:in|of|at)"
_ACTS: list[tuple[str, re.Pattern[str]]] = [
    ("withdrawn", re.compile(rf"\b(?P<v>{_LEAVE})\b", re.I)),
    ("withdrawn", re.compile(rf"\b(?P<v>end(?:s|ed|ing)?|terminat(?:e|es|ed|ing)|renounc(?:e|es|ed|ing)|"
                             rf"relinquish(?:es|ed|ing)?|give\s+up|gave\s+up|giv(?:es|ing)\s+up)\s+{_OWN_PART}\b", re.I)),
    ("suspended", re.compile(rf"\b(?P<v>suspend(?:s|ed|ing)?|fr(?:eeze|eezes|oze|ozen|eezing)|halt(?:s|ed|ing)?|"
                             rf"paus(?:e|es|ed|ing))\s+{_OWN_PART}\b", re.I)),
]
_POSS_EXIT = re.compile(r"(?P<who>\b[A-Z][\w.-]*(?:\s+[A-Z][\w-]*)?)['’]s?\s+(?:formal\s+|planned\s+)?"
                        r"(?P<v>withdrawal|exit|departure|pull-?out)\b(?!\s+from\b)")
_TAKE_OUT = re.compile(r"\b(?P<v>pull(?:s|ed|ing)?|t(?:ake|akes|ook|aking))\s+(?P<who>(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w-]*){0,2})"
                       r"\s+out\s+of\b")
# "the withdrawal of Mali and Niger from", "Hungary's exit from": a noun of leaving with
# its leavers; told as done only with a predicate of taking effect after the organisation.
_NOUN = r"(?P<v>withdrawals?|exits?|departures?|pull-?outs?|secession)"
_NOUN_OF = re.compile(rf"\b{_NOUN}\s+of\s+(?P<who>[^.;:]{{2,80}}?)\s+from\b", re.I)
_NOUN_POSS = re.compile(rf"(?P<who>\b[A-Z][\w.-]*(?:\s+[A-Z][\w-]*)?)['’]s?\s+(?:formal\s+|planned\s+)?{_NOUN}\s+from\b")
_EFFECT = re.compile(r"\s*(?:(?:formally|finally|officially)\s+)?(?:(?P<done>took\s+effect|became\s+(?:effective|"
                     r"official|final)|was\s+completed|came\s+into\s+(?:force|effect))|(?P<due>(?:will|is\s+(?:due|set|"
                     r"expected|scheduled)\s+to)\s+(?:take\s+effect|become\s+(?:effective|official|final))))\b", re.I)

# After the organisation the object ends: "left NATO on Monday", not "left the EU summit".
_CLOSES = re.compile(r"\s*(?:[.,;:)]|$|(?:on|in|as|at|last|this|next|from|with|together|alongside|and|or|after|"
                     r"before|when|since|until|by|following|over|because|amid|without|altogether|entirely|unless|if|once|"
                     r"completely|within|effective|immediately|itself|\d+)\b)", re.I)
# A legal act made to leave: "signed a decree to withdraw from", "an executive order that
# the president signed last month to pull the country out of".
_ACT_NOUN = r"(?:order|law|decree|bill|legislation|directive|resolution)"
_ENACTED = re.compile(rf"(?:\b(?:signed|issued|enacted|passed|adopted)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?{_ACT_NOUN}\b"
                      rf"|\b{_ACT_NOUN}\s+(?:that|which)\s+[^.;]{{0,60}}?\b(?:signed|issued|enacted|passed)\b)"
                      r"[^.;]{0,40}?\bto\s+$", re.I)
_NEGATED = re.compile(r"\b(?:not|never|n['’]t|no\s+longer|refused|declined|ruled\s+out)\s+(?:\w+\s+){0,2}$", re.I)


# The treaty each organisation rests on (dictionary facts): the record's name, and how the
# document may already name it ("Under the Rome Statute, ...").
FOUNDING_TREATIES: dict[str, tuple[str, ...]] = {
    "IGO.UN": ("Charter of the United Nations", "UN Charter", "United Nations Charter"),
    "IGO.EU": ("Treaty on European Union", "Lisbon Treaty", "Treaty of Lisbon", "Maastricht Treaty"),
    "IGO.NATO": ("North Atlantic Treaty", "Washington Treaty"),
    "IGO.CSTO": ("Collective Security Treaty", "Tashkent Treaty"),
    "IGO.WHO": ("Constitution of the World Health Organization", "WHO Constitution"),
    "IGO.ICC": ("Rome Statute of the International Criminal Court", "Rome Statute"),
    "IGO.ECOWAS": ("ECOWAS treaty", "Revised ECOWAS Treaty", "Treaty of Lagos"),
    "IGO.AU": ("Constitutive Act of the African Union",),
    "IGO.ASEAN": ("ASEAN Charter",),
    "IGO.WTO": ("Marrakesh Agreement Establishing the World Trade Organization", "Marrakesh Agreement"),
    "IGO.IAEA": ("Statute of the International Atomic Energy Agency", "IAEA Statute"),
    "IGO.OPEC": ("OPEC Statute",),
    "IGO.SCO": ("Charter of the Shanghai Cooperation Organisation", "SCO Charter"),
    "IGO.LAS": ("Charter of the Arab League", "Arab League Charter"),
    "IGO.GCC": ("Charter of the Gulf Cooperation Council", "GCC Charter"),
    "IGO.OAS": ("Charter of the Organization of American States", "OAS Charter"),
    "IGO.MERCOSUR": ("Treaty of Asuncion",),
    "IGO.EAEU": ("Treaty on the Eurasian Economic Union",),
    "IGO.UNESCO": ("Constitution of UNESCO", "UNESCO Constitution"),
}


@dataclass(frozen=True)
class _Exit:
    igo: ActorRef
    igo_name: str  # as the text gives it: the new record's name when FOUNDING_TREATIES has none
    parties: tuple[ActorRef, ...]
    stage: str
    modality: str
    sent: Sentence
    start: int
    end: int


def organisation_exits(parsed: ParsedDoc, records: Sequence[Agreement], actors: Sequence[Any], *,
                       dates: Sequence[Any] = (), modality: Callable | None = None) -> list[Agreement]:
    """``records`` with the exits from organisations added (see the module docstring)."""
    igos = [a for a in actors if a.actor.kind == "igo" and a.actor.actor_id not in NOT_ACCEDED]
    if not igos:
        return list(records)
    exits = _exits(parsed, actors, igos, modality)
    if not exits:
        return list(records)
    out = [_without_moved(r, exits) for r in records]
    for igo_id in dict.fromkeys(e.igo.actor_id for e in exits):
        mine = [e for e in exits if e.igo.actor_id == igo_id]
        stages = [_stage(parsed, e, p, dates) for e in mine for p in e.parties]
        home = next((i for i, r in enumerate(out) if _founds(r, mine[0])), None)
        if home is not None:
            r = out[home]
            new = [s for s in stages if not any(_same_stage(s, o) for o in r.stages)]
            parties = _merge_parties(r.parties, [p for e in mine for p in e.parties])
            out[home] = r.model_copy(update={"stages": [*r.stages, *new], "parties": parties,
                                             "evidence": _evidence(r.evidence, new)})
            continue
        name = FOUNDING_TREATIES.get(igo_id, (mine[0].igo_name,))[0]
        parties = _merge_parties([], [p for e in mine for p in e.parties] + [mine[0].igo])
        # a founding treaty the dictionary knows keeps its kind (the Collective Security
        # Treaty is a defence pact); the others are general treaties
        known = load_lexicon().alias_to_known.get(name)
        kind = known.kind if known is not None and known.kind else "treaty"
        out.append(Agreement(agreement_id=make_id("ag", normalise_name(name)), name=name, kind=kind,
                             parties=parties, stages=_dedupe(stages), evidence=_evidence([], stages)))
    return out


def _founds(r: Agreement, e: _Exit) -> bool:
    """Whether record ``r`` is the organisation's founding treaty: a name the dictionary
    gives it, or the organisation's name or acronym in the record's ("ECOWAS treaty")."""
    if r.kind == "accession":
        return False
    name = normalise_name(r.name)
    if name in {normalise_name(n) for n in FOUNDING_TREATIES.get(e.igo.actor_id, ())}:
        return True
    marks = {e.igo.actor_id.removeprefix("IGO."), e.igo.name, e.igo_name}
    return any(re.search(rf"\b{re.escape(normalise_name(x))}\b", name) for x in marks if x) and \
        any(p.actor_id == e.igo.actor_id for p in r.parties) or normalise_name(e.igo_name) == name


def _exits(parsed: ParsedDoc, actors: Sequence[Any], igos: list[Any], modality: Callable | None) -> list[_Exit]:
    text = parsed.text
    states = [a for a in actors if a.actor.kind != "igo" and a.actor.country]
    out: list[_Exit] = []
    for sent in parsed.sentences:
        if sent.end <= parsed.body_start:
            continue
        for stage, pat in _ACTS:
            for m in pat.finditer(text, sent.start, sent.end):
                igo = _object(text, igos, m.end(), sent)
                if igo is None:
                    continue
                who = _subjects(parsed, states, actors, m, sent)
                if not who:
                    continue
                mod = _modality(parsed, text, m, sent, modality, stage)
                if mod == "expected" and _own_speaker(text, actors, m, sent, who):
                    mod = "intended"  # "Chile will quit the bloc, its president said": its aim
                out.append(_Exit(igo[0], igo[1], tuple(who), stage, mod, sent, m.start(), m.end()))
        for m in _TAKE_OUT.finditer(text, sent.start, sent.end):
            # "an order to pull the United States out of the organisation": the state taken out
            igo = _object(text, igos, m.end(), sent)
            who = [_country(a, actors) for a in states if m.start("who") <= a.start and a.end <= m.end("who")]
            if igo is None or not who:
                continue
            mod = _modality(parsed, text, m, sent, modality, "withdrawn")
            out.append(_Exit(igo[0], igo[1], tuple(_dedupe_refs(who)), "withdrawn", mod, sent, m.start(), m.end()))
        for m in _POSS_EXIT.finditer(text, sent.start, sent.end):
            # "Washington's exit is due to take effect in January": the exit told just before
            effect = _EFFECT.match(text, m.end())
            prior = [e for e in out if sent.i - 2 <= e.sent.i < sent.i]
            who = [_country(a, actors) for a in states if m.start("who") <= a.start and a.end <= m.end("who")]
            if effect is None or not prior or not who:
                continue
            last = prior[-1]
            out.append(_Exit(last.igo, last.igo_name, tuple(_dedupe_refs(who)), "withdrawn",
                             "asserted" if effect.group("done") else "expected", sent, m.start(), m.end()))
        for pat in (_NOUN_OF, _NOUN_POSS):
            for m in pat.finditer(text, sent.start, sent.end):
                igo = _object(text, igos, m.end(), sent, closed=False)
                effect = _EFFECT.match(text, igo[2]) if igo else None
                if igo is None or effect is None:
                    continue
                w0, w1 = m.span("who")
                who = [_country(a, actors) for a in states if w0 <= a.start and a.end <= w1]
                if not who:
                    continue
                mod = "asserted" if effect.group("done") else "expected"
                out.append(_Exit(igo[0], igo[1], tuple(_dedupe_refs(who)), "withdrawn", mod, sent,
                                 m.start(), m.end()))
    return out


def _object(text: str, igos: list[Any], at: int, sent: Sentence, *,
            closed: bool = True) -> tuple[ActorRef, str, int] | None:
    """(the organisation a verb of leaving ending at ``at`` acts on, its name, where its
    mention ends), or None when the object is something else."""
    gap = _OBJECT_GAP.match(text, at, sent.end)
    # the organisation itself, not one of its bodies ("the EU Commission": IGO.EU.GOV)
    hit = next((a for a in igos if a.start == gap.end() and a.actor.actor_id.count(".") == 1), None) \
        if gap else None
    if hit is not None:
        if closed and not _CLOSES.match(text, hit.end):
            return None  # "left the EU summit", "quit NATO's mission"
        name = text[hit.start:hit.end]
        return hit.actor.ref(), (hit.actor.name if len(name) <= 6 and name.isupper() else name), hit.end
    noun = _IGO_NOUN.match(text, at, sent.end)
    if noun is None or closed and not _CLOSES.match(text, noun.end()):
        return None
    allowed = _NOUN_IGOS.get(noun.group("noun").lower())
    earlier = [a for a in igos if a.end <= at and (allowed is None or a.actor.actor_id in allowed)]
    if not earlier:
        return None
    last = earlier[-1]
    org = ".".join(last.actor.actor_id.split(".")[:2])  # "the EU's leaders": the EU itself
    ref = last.actor.ref() if org == last.actor.actor_id else ref_for_id(org)
    return ref, ref.name, noun.end()


def _subjects(parsed: ParsedDoc, states: list[Any], actors: Sequence[Any], m: re.Match[str],
              sent: Sentence) -> list[ActorRef]:
    """The leaving states: the verb's subject; for a pronoun ("said they were leaving"),
    the subject of the verb of saying above it; without a parse, the states right before."""
    tok = token_at(parsed, m.start("v"), m.start("v") + 1)
    group: list[Any] = []
    if sent.parsed and tok is not None:
        group = subject_actors(parsed, tok, states)
        up = tok
        for _ in range(3):  # "Britain is due to leave", "is set to quit": the subject above
            if group or up.dep not in {"xcomp", "acomp"} or up.head == up.i:
                break
            up = parsed.tokens[up.head]
            group = subject_actors(parsed, up, states)
        if not group and tok.dep == "ccomp" and tok.head != tok.i and any(
                c.dep == "nsubj" and c.pos == "PRON" for c in parsed.children(tok)):
            group = subject_actors(parsed, parsed.tokens[tok.head], states)
    else:
        group = group_before(parsed.text, states, m.start(), floor=sent.start, max_gap=40)
        if group and re.search(r"\b(?:and|or|but|after|before|when|while|that|said|says)\s+(?:\w+\s+)?$",
                               parsed.text[group[-1].end:m.start()]):
            group = []
    return _dedupe_refs([_country(a, actors) for a in group])


def _modality(parsed: ParsedDoc, text: str, m: re.Match[str], sent: Sentence, modality: Callable | None,
              stage: str) -> str:
    if _NEGATED.search(text, max(sent.start, m.start() - 30), m.start()):
        return "negated"
    tok = token_at(parsed, m.start("v"), m.start("v") + 1)
    reading = modality(parsed, tok) if modality is not None and tok is not None else None
    mod = refine(parsed, tok, getattr(reading, "modality", "asserted"), stage=stage)
    if mod == "expected" and own_future(parsed, tok):
        mod = "intended"  # "Mali announced that it would quit the bloc": its own aim
    if mod in {"intended", "expected"} and _ENACTED.search(text, sent.start, m.start()):
        mod = "asserted"  # "signed a law to quit the bloc": the exit is decided, as a
        # withdrawal is by the act that gives notice
    return mod


# "..., the president's spokesman said", "..., Lima announced on Monday": the speaker after
# the clause; "Rome's foreign minister said (that)" before it.
_SAID_AFTER = re.compile(r"[^,;]*,\s+(?P<who>[^,;]{2,80}?)\s+(?:said|says|announced|confirmed|told)\b")
_SAID_BEFORE = re.compile(r"(?P<who>[^,;]{2,80}?)\s+(?:said|says|announced|confirmed|told\s+\w+)\s+(?:on\s+\w+\s+)?(?:that\s+)?$")


def _own_speaker(text: str, actors: Sequence[Any], m: re.Match[str], sent: Sentence,
                 leavers: Sequence[ActorRef]) -> bool:
    """Whether one of the leaving state's own officials tells of the future exit."""
    own = {ref_key(p) for p in leavers}
    spans = [s.span("who") for s in (_SAID_AFTER.match(text, m.end(), sent.end),
                                     _SAID_BEFORE.search(text, sent.start, m.start())) if s is not None]
    if any(re.match(r"(?:its|their|the\s+country['’]s|the\s+government['’]s)\s", text[lo:hi], re.I)
           for lo, hi in spans):
        return True  # "its foreign minister said"
    return any(a.actor.country in own and a.actor.kind != "state" or a.actor.country in own and
               re.search(r"['’]s?\s*$", text[a.end:a.end + 2]) is not None
               for lo, hi in spans for a in actors if lo <= a.start and a.end <= hi)


def _without_moved(r: Agreement, exits: list[_Exit]) -> Agreement:
    """The record without the withdrawals the stage finder read in an exit's sentence from
    the exit's own verb (the sentence has one verb of leaving), unless the record is the
    organisation's."""
    if any(_founds(r, e) for e in exits):
        return r
    keep = []
    for s in r.stages:
        moved = next((e for e in exits if e.stage == s.stage and e.sent.start <= s.evidence.start < e.sent.end
                      and (s.party is None or ref_key(s.party) in {ref_key(p) for p in e.parties})
                      and _leave_verbs(e.sent) == 1), None)
        if moved is None:
            keep.append(s)
    return r if len(keep) == len(r.stages) else r.model_copy(update={"stages": keep})


_ANY_LEAVING = re.compile(rf"\b(?:{_LEAVE}|withdr\w+|suspend\w*|fr(?:eeze|oze|ozen)\w*|end(?:s|ed|ing)?\s+{_OWN_PART})\b", re.I)


def _leave_verbs(sent: Sentence) -> int:
    return len(_ANY_LEAVING.findall(sent.text))


def _stage(parsed: ParsedDoc, e: _Exit, party: ActorRef, dates: Sequence[Any]) -> Stage:
    act = AccessionAct(candidate=party, igo=e.igo, stage=e.stage, party=party, modality=e.modality,
                       sent=e.sent, start=e.start, end=e.end, creates=True)
    return act_stage(parsed, act, dates)


def _same_stage(a: Stage, b: Stage) -> bool:
    return a.stage == b.stage and a.modality == b.modality and \
        (a.party is None) == (b.party is None) and (a.party is None or ref_key(a.party) == ref_key(b.party))


def _dedupe(stages: list[Stage]) -> list[Stage]:
    out: list[Stage] = []
    for s in stages:
        if not any(_same_stage(s, o) for o in out):
            out.append(s)
    return out


def _country(a: Any, actors: Sequence[Any]) -> ActorRef:
    ref = party_ref(a.actor, actors)
    return ref_for_id(ref.country, actors) if ref.country and ref.actor_id != ref.country else ref


def _dedupe_refs(refs: list[ActorRef]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for r in refs:
        seen.setdefault(ref_key(r), r)
    return list(seen.values())


def _merge_parties(parties: Sequence[ActorRef], more: Sequence[ActorRef]) -> list[ActorRef]:
    keys = {ref_key(p) for p in parties}
    return [*parties, *[p for p in _dedupe_refs(list(more)) if ref_key(p) not in keys]]


def _evidence(evidence: Sequence[Evidence], stages: Sequence[Stage]) -> list[Evidence]:
    spans = {(e.start, e.end): e for e in evidence}
    for s in stages:
        spans.setdefault((s.evidence.start, s.evidence.end), s.evidence)
    return [spans[k] for k in sorted(spans)]
