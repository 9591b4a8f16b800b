"""The missing side of a generic agreement that names fewer than two parties.

News often names one side of an agreement and leaves the other to the reader:

- the agreement it goes with (``related_parties``): "a separate investment protection
  agreement signed at the same time", "a broader energy accord to replace it", "a
  companion protocol", "the pact was signed together with a military accord" share the
  parties of the agreement in focus;
- the pair or group in focus (``focal_parties``): "Trump proposed a new nuclear deal"
  after "US and Iranian negotiators held talks", "Their leaders signed a treaty" after
  "Mali, Burkina Faso and Niger", "the two signed a treaty" after "Egypt ... Israel".

- the state that speaks of "the agreement with X" (``speaker_side``): "Iceland's foreign
  minister said the defence agreement with the United States ...".

- the clause saying what the agreement does (``content_parties``): "a treaty that would
  have let the United States keep its base", "an agreement under which Germany helped
  Ukraine", "Under the deal, the Qatari company was to supply Pakistan".

A predecessor or successor also has the kind of the agreement it goes with
(``lineage_kind``: "an agreement on the base ... The previous deal").

``rules`` tries them in that order, after the "with X" partners of the mention itself
(``agreement_parties.with_partners``), and only while an agreement has fewer than two
parties; when nothing supports a partner the agreement stays one-sided.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.linking import Cluster
from dyad.agreements.spans import group_after, group_before, groups, party_ref, subject_actors
from dyad.model import ActorRef, Agreement
from dyad.nlp.parsed import ParsedDoc

# Words in a mention that make it a sibling or a successor of the agreement in focus, with
# the same sides ("a separate investment accord", "a follow-up protocol", "a broader deal").
_RELATED_WORDS = re.compile(r"\b(?:separate|parallel|companion|accompanying|complementary|"
                            r"supplementary|supplemental|additional|follow-up|follow-on|successor|"
                            r"replacement|broader|wider|sister|twin|implementing|second|"
                            # a predecessor: "replaced an earlier arrangement", "the previous deal"
                            r"earlier|previous|former|prior|predecessor|original|old|older)\b",
                            re.IGNORECASE)

# After a mention: "... to replace it", "which would supersede the 1973 deal", "signed at
# the same time", "concluded alongside it".
_RELATED_AFTER = re.compile(r"[^.;]{0,60}?\b(?:(?:replac|supersed|succeed|complement|accompan|supplement)"
                            r"(?:e|es|ed|ing|s|y|ies|ied)?\s+(?:it|them|that|this|the\s+[\w-]+)\b|"
                            r"at\s+the\s+same\s+time|on\s+the\s+same\s+(?:day|occasion)|"
                            r"alongside\s+(?:it|them|the\s+[\w-]+))", re.IGNORECASE)

# Before a mention: "signed last year together with a military cooperation pact", "along
# with a protocol on fisheries", "alongside a separate memorandum"; the agreement one
# replaced, or was replaced by, binds the same sides.
_RELATED_BEFORE = re.compile(r"\b(?:together\s+with|along\s+with|alongside|in\s+tandem\s+with|"
                             r"as\s+well\s+as|in\s+addition\s+to|"
                             # "The accord replaced a 1903 treaty", "was superseded by a new pact"
                             r"(?:replac|supersed)(?:e|es|ed|ing)(?:\s+by)?)\s+(?:(?:a|an|the|its|their)\s+)?$",
                             re.IGNORECASE)

# How far back (in sentences) a pair or group of states stays in focus.
FOCUS_SENTENCES = 3

# The pair as a subject: "the two signed", "their leaders signed", "they concluded".
_PAIR_SUBJECT = re.compile(r"\b(?:the\s+two(?:\s+(?:countries|sides|governments|nations|neighbou?rs|"
                           r"states|leaders|allies|capitals))?|both(?:\s+(?:countries|sides|"
                           r"governments|leaders))?|their\s+(?:leaders|presidents|heads\s+of\s+state|"
                           r"governments|prime\s+ministers|foreign\s+ministers|juntas|rulers)|they)\s+"
                           r"(?:(?:also|later|then|had|have|already|jointly|formally|\w+ly)\s+){0,2}"
                           r"(?:sign(?:ed|s)?|ink(?:ed|s)?|seal(?:ed|s)?|conclude[ds]?|reach(?:ed|es)?|"
                           r"struck|agree[ds]?|initial+ed|ratif(?:y|ied|ies)|negotiated)\b", re.IGNORECASE)

# A list of actors that is a venue ("talks in Doha and Cairo") stands for no side.
_VENUE = re.compile(r"\b(?:in|at|from|to|via)\s+(?:the\s+)?$", re.IGNORECASE)

_SIDE_KINDS = frozenset({"state", "person", "igo"})


def _ids(refs: Sequence[ActorRef]) -> set[str]:
    return {p.country or p.actor_id for p in refs}


def related_parties(text: str, c: Cluster, parties: list[ActorRef],
                    earlier: Sequence[Agreement]) -> list[ActorRef]:
    """The parties of the agreement in focus (the last earlier one with two or more),
    for an agreement whose first mention calls it a sibling or successor of another and
    whose own parties are among them."""
    m = c.first
    if len(_ids(parties)) >= 2 or not earlier:
        return []
    words = text[m.start:m.head_start]
    if not (_RELATED_WORDS.search(words) or _RELATED_AFTER.match(text, m.end, m.sent_end)
            or _RELATED_BEFORE.search(text, m.sent_start, m.start)):
        return []
    focus = next((a for a in reversed(earlier) if len(_ids(a.parties)) >= 2), None)
    if focus is None or not _ids(parties) <= _ids(focus.parties):
        return []
    return list(focus.parties)


# What makes an agreement a sibling of the one before it: "a similar accord with Moldova",
# "another with Lebanon".
_SIBLING_WORDS = re.compile(r"\b(?:similar|identical|comparable|parallel|matching|another)\b", re.IGNORECASE)


def sibling_side(text: str, c: Cluster, parties: list[ActorRef],
                 earlier: Sequence[Agreement]) -> list[ActorRef]:
    """"The EU's association agreement with Georgia ... signed on the same day as a similar
    accord with Moldova": a sibling of the agreement in focus made with a new partner
    shares that agreement's first side (the one news names first, which makes the series
    of like deals), when its own words name only the new partner."""
    m = c.first
    own = _ids(parties)
    if len(own) != 1 or not m.partners or not _SIBLING_WORDS.search(text, m.start, m.head_start):
        return []
    focus = next((a for a in reversed(earlier) if len(_ids(a.parties)) == 2), None)
    if focus is None or own & _ids(focus.parties):
        return []
    return list(focus.parties[:1])


def focal_groups(parsed: ParsedDoc, actors: Sequence[Any], offset: int,
                 earlier: Sequence[Agreement] = ()) -> list[list[ActorRef]]:
    """The pairs or groups of sides in focus before ``offset``, latest first: lists of two
    or more states (or their leaders) joined by "and" in the ``FOCUS_SENTENCES`` before
    it, and the parties of earlier agreements mentioned there."""
    sent = next((s for s in parsed.sentences if s.start <= offset < s.end), parsed.sentences[-1])
    floor = parsed.sentences[max(0, sent.i - FOCUS_SENTENCES)].start
    text = parsed.text
    pool = [a for a in actors if floor <= a.start and a.end <= offset and a.actor.kind in _SIDE_KINDS
            and (a.actor.country or a.actor.kind == "igo")]
    found: list[tuple[int, list[ActorRef]]] = []
    for g in groups(text, pool):
        if len(g) < 2 or _VENUE.search(text, max(0, g[0].start - 8), g[0].start):
            continue
        refs = list({(r.country or r.actor_id): r for r in (party_ref(a.actor, actors) for a in g)}.values())
        if len(refs) >= 2:
            found.append((g[-1].end, refs))
    found += _with_pairs(parsed, pool, actors)
    for a in earlier:
        ends = [e.end for e in a.evidence if floor <= e.start < offset]
        if ends and len(_ids(a.parties)) >= 2:
            found.append((min(max(ends), offset), list(a.parties)))
    return [refs for _, refs in sorted(found, key=lambda f: f[0], reverse=True)]


# "Mexico broke off diplomatic relations with Ecuador": a sentence's subject and the
# state after "with" are a pair in focus, as much as "Mexico and Ecuador"
_OPENING = re.compile(r"^\s*(?:the\s+)?$", re.IGNORECASE)
# (not "after both countries sided with Saudi Arabia": another clause's subject)
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:after|before|when|while|because|as|since|though|although|that|which|"
                           r"who|but|and)\b", re.IGNORECASE)
# (not ", with Omani mediators shuttling between them": an adjunct of the whole clause)
_WITH = re.compile(r"(?<!,)\s+with\s+(?:the\s+)?$", re.IGNORECASE)


def _with_pairs(parsed: ParsedDoc, pool: Sequence[Any], actors: Sequence[Any]) -> list[tuple[int, list[ActorRef]]]:
    """Pairs of a state opening a sentence and a state after "with" later in it."""
    found = []
    for sent in parsed.sentences:
        inside = sorted((a for a in pool if sent.start <= a.start and a.end <= sent.end), key=lambda a: a.start)
        if len(inside) < 2 or not _OPENING.match(parsed.text[sent.start:inside[0].start]) \
                or _AND.match(parsed.text, inside[0].end):  # "US and Iranian negotiators ... with"
            continue
        other = next((a for a in inside[1:] if _WITH.search(parsed.text, max(0, a.start - 10), a.start)), None)
        if other is None or _CLAUSE_BREAK.search(parsed.text, inside[0].end, other.start):
            continue
        pair = {(r.country or r.actor_id): r for r in (party_ref(a.actor, actors) for a in (inside[0], other))}
        if len(pair) == 2:
            found.append((other.end, list(pair.values())))
    return found


def focal_parties(parsed: ParsedDoc, c: Cluster, parties: list[ActorRef], actors: Sequence[Any],
                  earlier: Sequence[Agreement] = ()) -> list[ActorRef]:
    """The other side(s) of a one-sided agreement, from the latest group in focus that
    holds its one party; for an agreement with none, the latest group in focus when a
    mention's sentence has that group as the subject of signing ("the two signed a
    treaty", "their leaders signed a treaty")."""
    own = _ids(parties)
    if len(own) >= 2:
        return []
    m = c.first
    cands = focal_groups(parsed, actors, m.start, earlier)
    if len(own) == 1:
        group = next((g for g in cands if own <= _ids(g)), None)
        return [p for p in group if (p.country or p.actor_id) not in own] if group else []
    for x in c.mentions:
        cue = _PAIR_SUBJECT.search(parsed.text, x.sent_start, x.start)
        if cue is not None:
            return pair_in_focus(parsed, actors, x.sent_start + cue.start(), cue.group(0), earlier) \
                or only_pair(parsed, actors, x.sent_start + cue.start())
        between = _BETWEEN_THE_TWO.match(parsed.text, x.end, x.sent_end)
        if between is not None:  # "a free trade agreement between the two"
            return only_pair(parsed, actors, x.end)
        if _BILATERAL.search(parsed.text, x.start, x.head_start) \
                and not _GROUP_BEFORE.search(parsed.text, x.sent_start, x.start):
            # "the pipeline began deliveries under an intergovernmental deal signed in
            # 1997": between the only two states named before it in its sentence ("Budapest
            # relies on Moscow: under an intergovernmental agreement"), else in its sentence
            # and the one before (not when a group signs it: "The three countries signed an
            # intergovernmental ...")
            return only_pair(parsed, actors, x.start, reach=0) or only_pair(parsed, actors, x.sent_end - 1)
    return []


_GROUP_BEFORE = re.compile(r"\b(?:(?:the|all)\s+(?:two|three|four|five|six|seven|eight|nine|ten)|both|they)\b(?!-)", re.I)
# An agreement between two governments whose mention does not name them
_BILATERAL = re.compile(r"\b(?:bilateral|intergovernmental|inter-governmental|government-to-government)\b",
                        re.IGNORECASE)


# "a bilateral free trade agreement between the two", "between the two countries"
_BETWEEN_THE_TWO = re.compile(r"\s*,?\s+between\s+(?:the\s+two|both)(?:\s+(?:countries|sides|governments|"
                              r"nations|neighbou?rs|states|capitals))?\b", re.IGNORECASE)


def only_pair(parsed: ParsedDoc, actors: Sequence[Any], offset: int, *, reach: int = 1) -> list[ActorRef]:
    """The two states "the two countries" stands for when they are never listed together:
    the only two states named in its sentence before it and the ``reach`` sentences before
    that ("India opened its naval station in Mauritius ... the two countries signed")."""
    sent = next((s for s in parsed.sentences if s.start <= offset < s.end), parsed.sentences[-1])
    floor = parsed.sentences[max(0, sent.i - reach)].start
    refs = {}
    for a in actors:
        if floor <= a.start and a.end <= offset and a.actor.kind in _SIDE_KINDS and a.actor.country:
            ref = party_ref(a.actor, actors)
            refs.setdefault(ref.country or ref.actor_id, ref)
    return list(refs.values()) if len(refs) == 2 else []


def pair_in_focus(parsed: ParsedDoc, actors: Sequence[Any], offset: int, phrase: str,
                  earlier: Sequence[Agreement] = ()) -> list[ActorRef]:
    """The group a subject phrase at ``offset`` stands for: the latest group in focus, of
    exactly two when the phrase says "two" or "both"."""
    two = re.search(r"\b(?:two|both)\b", phrase, re.IGNORECASE) is not None
    return next((g for g in focal_groups(parsed, actors, offset, earlier)
                 if not two or len(_ids(g)) == 2), [])


# A predecessor or successor of an agreement is one of its kind: "an agreement on the
# base ... The previous deal", "The accord replaced a 1903 treaty".
_LINEAGE_WORDS = re.compile(r"\b(?:earlier|previous|former|prior|predecessor|original|old|older|"
                            r"successor|replacement|follow-up|follow-on)\b", re.IGNORECASE)
_REPLACING_BEFORE = re.compile(r"\b(?:replac|supersed)(?:e|es|ed|ing)(?:\s+by)?\s+(?:(?:a|an|the|its|their)\s+)?$",
                               re.IGNORECASE)


def lineage_kind(text: str, c: Cluster, parties: list[ActorRef],
                 earlier: Sequence[Agreement]) -> str | None:
    """The kind of the agreement an unkinded one precedes or succeeds: the last earlier
    agreement of a known kind whose parties include its own."""
    m = c.first
    if not (_LINEAGE_WORDS.search(text, m.start, m.head_start)
            or _REPLACING_BEFORE.search(text, m.sent_start, m.start)):
        return None
    focus = next((a for a in reversed(earlier) if a.kind not in {None, "other"}
                  and _ids(parties) <= _ids(a.parties)), None)
    return focus.kind if focus is not None else None


# Verbs by which a state's own officials speak of its agreements ("Iceland's foreign
# minister told parliament that the defence agreement with the US remained ...").
_SPEAKING = frozenset({"say", "tell", "stress", "insist", "add", "describe", "call", "note",
                       "argue", "reiterate", "affirm", "assure", "remind", "state", "declare"})


def speaker_side(parsed: ParsedDoc, c: Cluster, parties: list[ActorRef],
                 actors: Sequence[Any]) -> list[ActorRef]:
    """The other side of an agreement "with X" whose only party is X: the state that (or
    whose official or body) speaks of it in the sentence ("Iceland's foreign minister told
    parliament that the 1951 defence agreement with the United States ..."); news names
    the owner when a third state comments ("the Philippines' pact with the US")."""
    m = c.first
    partner = {p.actor.country or p.actor.actor_id for p in m.partners}
    if len(_ids(parties)) != 1 or _ids(parties) != partner or not parsed.sentences[m.sent].parsed:
        return []
    toks = parsed.sentence_tokens(parsed.sentences[m.sent])
    root = next((t for t in toks if t.head == t.i), None)
    if root is None or root.lemma.lower() not in _SPEAKING or root.start > m.start:
        return []
    speakers = [a for a in subject_actors(parsed, root, actors)
                if a.actor.country and a.actor.kind != "igo" and a.actor.country not in partner]
    sides = {party_ref(a.actor, actors).actor_id: party_ref(a.actor, actors) for a in speakers}
    return list(sides.values()) if len(sides) == 1 else []


# What an agreement does, told in a clause on its mention, names its sides: "a treaty that
# would have let the United States keep its base", "an agreement under which Germany helped
# Ukraine dismantle missiles", "the 1890 treaty in which Britain and Germany divided their
# spheres", "a deal to repay Britain" (an infinitive, not "a treaty to
# NATO"), "Under the deal, the Qatari company was to supply Pakistan".
# "a treaty of alliance in Moscow under which Russia and Uzbekistan will ...": a place or a
# date of the signing may stand before "under which" (not before a bare "that", which may
# hang on the place: "in the city that hosted the talks").
_CONTENT_AFTER = re.compile(r"(?:\s*,)?\s+(?:that|which|(?:under|by|through|in)\s+which|whereby)\s+"
                            r"|(?:\s+(?:in|at|on|last)\s+[^,;.()]{1,25}?)?(?:\s*,)?\s+(?:(?:under|by)\s+which|whereby)\s+"
                            r"|\s+to\s+(?!(?:the|an?|its|their|his|her|this|that)\b)(?=(?-i:[a-z])\w*\s)"
                            # "the Interim Agreement limiting American and Soviet missiles"
                            r"|\s+(?=(?:limit|allow|lett|grant|commit|requir|oblig|bind|freez|capp|bann|restrict|"
                            r"permitt)ing\s)", re.I)
_UNDER_OPENING = re.compile(r"^\s*Under\s+(?:an?|the|this|that|its|their)\s+$", re.I)
# the main clause's subject right after "Under the accord" ("the two governments", "Britain")
_SUBJECT_NEXT = re.compile(r"\s+(?:(?:the|its|their|both|all|each)\s|(?-i:[A-Z]))", re.I)
# verbs whose object is a side: it is let, helped, paid or supplied under the agreement
_SIDE_VERB = re.compile(r"\b(?:let|lets|letting|allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|enabl(?:e|es|ed|ing)|"
                        r"help(?:s|ed|ing)?|oblig(?:e|es|ed|ing)|requir(?:e|es|ed|ing)|commit(?:s|ted|ting)?|"
                        r"give|gives|gave|giving|grant(?:s|ed|ing)?|entitl(?:e|es|ed|ing)|"
                        r"suppl(?:y|ies|ied|ying)|sell|sells|sold|selling|deliver(?:s|ed|ing)?|"
                        r"pay|pays|paid|paying|repay|repays|repaid|repaying|compensat(?:e|es|ed|ing)|"
                        r"lend|lends|lent|lending|"
                        # "undertook to help defend Pakistan": the side defended
                        r"defend|defends|defended|defending|protect|protects|protected|protecting)\s+(?:the\s+)?$", re.I)
# "American forces", "the Saudi company": a state's forces or firm act for it
_AGENT_AFTER = re.compile(r"\s+(?:(?:naval|navy|military|army|air|state|state-owned|oil|gas|energy|defence|"
                          r"defense|nuclear)\s+)?(?:forces|troops|soldiers|navy|military|company|companies|"
                          r"firm|firms|government|warships|lenders|banks?)\b", re.I)
# "the state oil companies of China, the Philippines and Vietnam carried out surveys"
_AGENT_OF = re.compile(r"\s*(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:forces|troops|navies|governments|leaders|companies|"
                       r"firms|utilities|coastguards)\s+of\s+(?:the\s+)?", re.I)


def _agent_of(before: str, name: str) -> bool:
    """Whether the clause opens with the agents of this state ("the state oil companies of
    China"; the resolver may read "companies of China" as one name)."""
    m = _AGENT_OF.match(before + name)
    return m is not None and m.end() >= len(before)
# "to stay in Malta", "bases on Crete": the host of the forces the clause keeps there
_HOST_BEFORE = re.compile(r"\b(?:stay|stays|remain|remains|stationed|based|deployed|bases?|keep\s+\w+\s+\w+)\s+"
                          r"(?:\w+\s+){0,2}?(?:in|on|at)\s+(?:the\s+)?$", re.I)
CONTENT_REACH = 160  # characters of a content clause read after its opening word


_AND = re.compile(r"\s+and\s+(?:the\s+)?")


_LIST_GOES_ON = re.compile(r"\s*(?:and\s+)?(?:the\s+)?")


def _paired(text: str, a: Any, inside: Sequence[Any]) -> bool:
    """"American and Soviet missiles", "Russia and Uzbekistan will": two states joined by
    "and" in the clause saying what the agreement does are its two sides."""
    gap = _AND.match(text, a.end)
    return gap is not None and any(b.start == gap.end() for b in inside)


def content_parties(parsed: ParsedDoc, c: Cluster, actors: Sequence[Any]) -> tuple[list[ActorRef], str]:
    """(the sides a clause on the agreement's mention names, that clause's text): the
    subject right after "that/which/under which", the object of a verb of letting, helping,
    paying or supplying, and a state whose forces or firm act, in the relative clause after
    a mention or the main clause after a sentence-opening "Under the deal,"."""
    text, out, said = parsed.text, [], []
    states = [a for a in actors if a.actor.kind in _SIDE_KINDS - {"person"} or
              (a.actor.kind != "person" and a.actor.country)]
    for m in c.mentions:
        rel = _CONTENT_AFTER.match(text, m.end, m.sent_end)
        if rel is not None:
            start = rel.end()
        elif _UNDER_OPENING.match(text[m.sent_start:m.start]):
            comma = text.find(",", m.end, m.sent_end)
            if _SUBJECT_NEXT.match(text, m.end):
                start = m.end  # "Under the accord the two governments will cooperate": no comma
            elif comma < 0:
                continue
            else:
                start = comma + 1
        else:
            continue
        end = min(m.sent_end, start + CONTENT_REACH)
        # the clause ends at a comma, unless the comma goes on with a list of states
        # ("the state oil companies of China, the Philippines and Vietnam")
        heads = {a.start for a in states}
        stop = next((x for x in re.finditer(r"[,;]", text[start:end]) if x.group(0) == ";" or
                     _LIST_GOES_ON.match(text, start + x.end()).end() not in heads), None)
        end = start + stop.start() if stop else end
        said.append(text[start:end])
        inside = [a for a in states if start <= a.start and a.end <= end]
        taken: list[Any] = []
        for a in inside:
            before = text[start:a.start]
            first = not re.search(r"\w", re.sub(r"^\s*(?:the\s+)?", "", before))
            listed = bool(taken) and re.fullmatch(r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?", text[taken[-1].end:a.start])
            if first or listed or _SIDE_VERB.search(before) or _HOST_BEFORE.search(before) \
                    or _AGENT_AFTER.match(text, a.end, end) or _agent_of(before, text[a.start:a.end]) \
                    or _paired(text, a, inside):
                taken.append(a)
        out += [party_ref(a.actor, actors) for a in taken]
    return out, " ".join(said)


# The sides of a war, for a ceasefire whose own words name none of its states: "has mediated
# between Colombia and the ELN", "fighting between the army and the rebels", "halted its air
# campaign against Islamic Jihad", "Iraq and Kuwait, which were at war with Iran".
_WAR_BETWEEN = re.compile(r"\b(?:wars?|fighting|conflict|clashes|hostilities|mediat(?:or|ion|ing|ed)|"
                          r"truce|ceasefire)\s+(?:\w+\s+){0,3}?between\s+", re.IGNORECASE)
_WAR_AGAINST = re.compile(r"\b(?:launch(?:ed|es)?|beg[au]n|wag(?:ed|es|ing)|halt(?:ed|s)?|end(?:ed|s)?|"
                          r"stop(?:ped|s)?|suspend(?:ed|s)?|pursu(?:ed|es))\s+(?:an?|its|their|the)\s+"
                          r"(?:[\w-]+\s+){0,2}?(?:offensive|campaign|strikes|attacks?|war|assault)\s+"
                          r"(?:against|on)\s+", re.IGNORECASE)
# "halting the war of attrition that Egypt and Israel have fought": the joined subject
_WAR_THAT = re.compile(r"\b(?:wars?|conflict|fighting|hostilities)(?:\s+of\s+[\w-]+)?\s+(?:that|which)\s+(?:the\s+)?",
                       re.IGNORECASE)
_AT_WAR_WITH = re.compile(r"\b(?:at\s+war|fighting|in\s+conflict)\s+with\s+", re.IGNORECASE)
_WAR_SENTENCES = 2  # the ceasefire's sentence and this many before it


def war_sides(parsed: ParsedDoc, c: Cluster, actors: Sequence[Any]) -> list[ActorRef]:
    """The states at war in the sentences up to a ceasefire's first mention: both groups
    around "between ... and", the subject and object of an offensive "against", the
    subject and partner of "at war with" (latest such phrase first)."""
    m = c.first
    first = parsed.sentences[max(0, m.sent - _WAR_SENTENCES)].start
    text = parsed.text
    found: list[tuple[int, list[Any]]] = []
    for sent in parsed.sentences[max(0, m.sent - _WAR_SENTENCES):m.sent + 1]:
        floor = max(first, sent.start)
        for pat in (_WAR_BETWEEN, _WAR_AGAINST, _AT_WAR_WITH, _WAR_THAT):
            for hit in pat.finditer(text, floor, sent.end):
                after = group_after(text, actors, hit.end(), ceiling=sent.end, max_gap=12)
                before = [] if pat in (_WAR_BETWEEN, _WAR_THAT) else group_before(
                    text, actors, hit.start(), floor=floor)
                if pat is _WAR_BETWEEN:
                    sides = after
                elif pat is _WAR_THAT:
                    sides = after if len(after) >= 2 else []
                else:
                    sides = [*before, *after] if before and after else []
                if sides:
                    found.append((hit.start(), sides))
    if not found:
        return []
    _, sides = max(found, key=lambda f: f[0])
    refs = {}
    for a in sides:
        if a.actor.kind == "state" or (a.actor.kind in _SIDE_KINDS and a.actor.country):
            ref = party_ref(a.actor, actors)
            refs.setdefault(ref.country or ref.actor_id, ref)
    return list(refs.values())
