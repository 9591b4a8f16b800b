"""Side roles for membership: the IGO a member belongs to.

``igo_after``/``igo_before``: the first IGO actor after the trigger / the IGO (or list of
IGOs) right before it ("a member of the EU and NATO", "an EU and NATO member", "NATO's
31st member"); "the alliance", "the bloc's", "its" stand for the IGO named last, unless it
was named in an adjunct ("since leaving the EU") and another is what a main clause is about;
``igo_left``: the IGO right before a clause about its members ("BRICS, which includes",
"Mercosur, the bloc of"); ``igo_recent``: the IGO named last in this or the two previous
sentences ("Finland became a member in April 2023"); ``igo_subject``: the IGO that
acts on its members ("The EU admitted Croatia", "BRICS expanded to include Iran");
``igo_next``: the IGO right after the trigger that closes the phrase ("has been in the EU
since 2004", not "is in EU talks"); ``igo_joined``: the IGO a clause of this or the previous
sentence says someone joined, for a member that follows ("Finland joined NATO in April;
Sweden is expected to follow suit"); ``igo_treaty``: the IGO of a founding treaty ("the
instrument of accession to the North Atlantic Treaty"); ``igo_inside``: the IGO named
inside the trigger ("the two NATO allies").
"""

from __future__ import annotations

import re
from typing import Any

from dyad.agreements.spans import group_after, group_before, ref_for_id, span_root, subject_actors, token_at
from dyad.relations.context import SentenceEnv, sentence_start, whole_lists

# Between an IGO and "member": "NATO member", "NATO's 31st member", "EU's newest member".
# After a possessive, any two lower-case words or a number: "the EU's eastern members",
# "NATO's 32 members".
_IGO_GAP = re.compile(r"(?:['’]s?\s+(?:(?:[A-Za-z][a-z-]*|\d+(?:st|nd|rd|th)?)\s+){0,2}|-?\s*(?:(?:\d+(?:st|nd|rd|th)|[a-z]+est|"
                      r"[a-z]+th|first|second|third|founding|full|newest|latest|fellow)\s+)?(?:member\s+)?)")

# An IGO named by a common noun or "its", resolved to the IGO named last before it.
IGO_NOUNS = r"(?:alliance|bloc|union|organi[sz]ation|grouping|group|club|body|community|league)"

_IGO_ANAPHOR_AFTER = re.compile(rf"\s+the\s+(?:[\w-]+\s+){{0,2}}?{IGO_NOUNS}\b", re.IGNORECASE)

# "the pact", "the trade agreement": the IGO named last, when that IGO is itself a treaty.
PACT_IGOS = frozenset({"IGO.CPTPP", "IGO.RCEP", "IGO.AUKUS"})
_PACT_ANAPHOR_AFTER = re.compile(r"\s+the\s+(?:[\w-]+\s+){0,2}?(?:pact|partnership|agreement|accord|treaty)\b(?!\s+(?:on|with|between)\b)",
                                 re.IGNORECASE)

_IGO_ANAPHOR_BEFORE = re.compile(rf"(?:\bthe\s+(?:[\w-]+\s+){{0,2}}?{IGO_NOUNS}['’]s|\bits)\s+"
                                 r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)

# Between an IGO and a clause about its members: "BRICS, which includes", "the bloc (which".
_IGO_LEFT_GAP = re.compile(r"(?:\s+(?:pact|bloc|alliance|group|grouping|partnership|forum|format|"
                           r"organi[sz]ation|countries|nations|states|members|economies|member\s+states))?"
                           r"\s*(?:\([^()]{1,12}\)\s*)?,?\s*")


def _igo_recent(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    # "Finland became a member in April 2023."; further back, the one IGO the text names
    # before (an article about one accession)
    earlier = [a for a in env.pool if a.actor.kind == "igo" and a.end <= m.start()]
    near = [a for a in earlier if a.start >= sentence_start(env, back=2)]
    if near:
        return _in_focus(env, near), ""
    return (earlier[-1:] if len({a.actor.actor_id for a in earlier}) == 1 else []), ""


def _igo_after(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    # "a member of the EU and NATO": each IGO of the list
    igos = [a for a in actors if a.actor.kind == "igo"]
    found = group_after(env.parsed.text, igos, m.end(), ceiling=env.sent.end, max_gap=30)
    if not found and (phrase := _IGO_ANAPHOR_AFTER.match(env.parsed.text, m.end())):
        found = recent_igo(env, m.start(), phrase.group(0))
    if not found and (phrase := _PACT_ANAPHOR_AFTER.match(env.parsed.text, m.end())):
        # "Britain acceded to the pact": a pact names an IGO only when the IGO is a pact
        found = recent_igo(env, m.start(), phrase.group(0))
    return found, ""


def _igo_before(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    text = env.parsed.text
    igos = [a for a in actors if a.actor.kind == "igo"]
    found = [a for a in igos if a.end <= m.start() and _IGO_GAP.fullmatch(text[a.end:m.start()])][-1:]
    # "the only EU leader" read as one mention of the EU's organ: it covers the trigger
    found = found or [a for a in igos if a.start < m.start() < a.end][:1]
    if found:  # "an EU and NATO member": each IGO of the list
        found = whole_lists(text, igos, found)
    if not found and (phrase := _IGO_ANAPHOR_BEFORE.search(text[max(env.sent.start, m.start() - 40):m.start()])):
        found = recent_igo(env, m.start(), phrase.group(0))
    return found, ""


def _igo_left(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The IGO right before a clause about its members: "BRICS, which includes"; "the bloc,
    which groups" stands for the IGO named last."""
    text = env.parsed.text
    found = [a for a in actors if a.end <= m.start() and a.actor.kind == "igo"
             and _IGO_LEFT_GAP.fullmatch(text[a.end:m.start()])][-1:]
    if not found and (phrase := re.search(rf"\bthe\s+(?:[\w-]+\s+)?{IGO_NOUNS}{_IGO_LEFT_GAP.pattern}$",
                                          text[max(env.sent.start, m.start() - 40):m.start()], re.IGNORECASE)):
        found = recent_igo(env, m.start(), phrase.group(0))
    if not found and (phrase := re.search(rf"\bthe\s+(?:[\w-]+\s+)?(?:pact|partnership|agreement){_IGO_LEFT_GAP.pattern}$",
                                          text[max(env.sent.start, m.start() - 40):m.start()], re.IGNORECASE)):
        found = recent_igo(env, m.start(), phrase.group(0))  # "The pact includes"
    return found, ""


def _igo_subject(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The IGO subject of a verb about its members: the parsed subject, else the IGO just
    before the trigger with only lower-case words between ("BRICS formally expanded to
    include"); "the bloc", "the alliance" stand for the IGO named last."""
    text = env.parsed.text
    igos = [a for a in actors if a.actor.kind == "igo"]
    found = subject_actors(env.parsed, token_at(env.parsed, m.start(), m.end()), igos)
    if not found:
        found = group_before(text, igos, m.start(), floor=env.sent.start, max_gap=30)
        if found and not re.fullmatch(r"(?:\s+[a-z]+)*\s+", text[found[-1].end:m.start()]):
            found = []
    if not found and (phrase := re.search(rf"\bthe\s+(?:[\w-]+\s+)?{IGO_NOUNS}(?:\s+[a-z]+)*\s+$",
                                          text[max(env.sent.start, m.start() - 40):m.start()], re.IGNORECASE)):
        found = recent_igo(env, m.start(), phrase.group(0))
    return found[-1:], ""


# IGOs a common noun can name: "the alliance" is NATO's, not the EU named after it; "the
# union" is the EU's or the AU's, not NATO's. Other nouns ("the bloc") take any IGO.
_NOUN_IGOS = {"alliance": frozenset({"IGO.NATO", "IGO.CSTO", "IGO.AUKUS"}),
              "union": frozenset({"IGO.EU", "IGO.AU", "IGO.EAEU", "IGO.EUCOM", "IGO.EUCO", "IGO.EUCOUNCIL",
                                  "IGO.EP", "IGO.AUC"}),
              **dict.fromkeys(("pact", "partnership", "agreement", "accord", "treaty"), PACT_IGOS)}
_ANAPHOR_NOUN = re.compile(r"\b(alliance|union|pact|partnership|agreement|accord|treaty)\b", re.IGNORECASE)


def recent_igo(env: SentenceEnv, before: int, phrase: str = "") -> list[Any]:
    """"the alliance", "the bloc", "its" (``phrase``): the IGO named last before
    ``before``, else the first one named after its sentence; "the alliance" and "the union"
    only an IGO of their kind (``_NOUN_IGOS``)."""
    igos = [a for a in env.pool if a.actor.kind == "igo"]
    noun = _ANAPHOR_NOUN.search(phrase)
    if noun is not None:
        igos = [a for a in igos if a.actor.actor_id in _NOUN_IGOS[noun.group(1).lower()]]
    earlier = [a for a in igos if a.end <= before]
    if earlier:
        return _in_focus(env, earlier)
    # "Finland joined the alliance in 2023. NATO welcomed it.": named only later
    return [a for a in igos if a.start >= env.sent.end][:1]


# Words opening an adjunct: the IGO inside one is a side remark, not what the story is
# about ("its biggest trade deal since leaving the EU", "unlike NATO", "outside the EU").
_ADJUNCT_WORDS = frozenset({"since", "after", "before", "following", "unlike", "like", "outside",
                            "besides", "despite", "than", "without", "beyond"})


def _in_adjunct(env: SentenceEnv, mention: Any) -> bool:
    """Whether an IGO mention stands in an adjunct of its clause (read from the parse)."""
    parsed = env.parsed
    tok = span_root(parsed, mention.start, mention.end)
    if tok is None or not parsed.sentences[tok.sent].parsed:
        return False
    seen: set[int] = set()
    while tok.head != tok.i and tok.i not in seen:
        seen.add(tok.i)
        tok = parsed.tokens[tok.head]
        if tok.text.lower() in _ADJUNCT_WORDS and tok.dep in {"prep", "mark", "advmod"}:
            return True
    return False


def _in_focus(env: SentenceEnv, earlier: list[Any]) -> list[Any]:
    """The IGO "the bloc" or "its" stands for, among those named before it (in text order):
    the one named last, unless it stands in an adjunct and another IGO, named in this
    sentence or the two before, is what a main clause is about ("Britain joined the CPTPP,
    its first deal since leaving the EU. China applied to join the bloc": the CPTPP)."""
    last = earlier[-1]
    if not _in_adjunct(env, last):
        return [last]
    floor = sentence_start(env, back=2)
    focus = [a for a in earlier if a.start >= floor and a.actor.actor_id != last.actor.actor_id
             and not _in_adjunct(env, a)]
    return focus[-1:] or [last]


# What may follow an IGO that closes a phrase: punctuation, a date or a conjunction ("in the
# EU since 2004", "in NATO and the EU"), not a noun it qualifies ("in NATO territory").
_IGO_CLOSES = re.compile(r"\s*(?:[.,;:)]|$|(?:since|for|and|or|but|until|as|from|when|while|with|alongside|"
                         r"before|after|at|in|on|through|ever|already|too|this|next|last|during|throughout|to|that|which|whose|where)\b)")


def _igo_next(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    text = env.parsed.text
    igos = [a for a in actors if a.actor.kind == "igo"]
    first = [a for a in igos if a.start >= m.end() and re.fullmatch(r"\s*(?:the\s+)?", text[m.end():a.start])][:1]
    found = whole_lists(text, igos, first) if first else []
    return (found if found and _IGO_CLOSES.match(text, found[-1].end) else []), ""


def _igo_inside(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    """The IGO named inside the trigger ("the two NATO allies")."""
    return [a for a in actors if a.actor.kind == "igo" and m.start() <= a.start and a.end <= m.end()], ""


# A clause stating a membership right before an IGO ("joined NATO", "accession to the EU").
_JOIN_BEFORE = re.compile(r"\b(?:joined|joins|join|joining|rejoined|entered|enters|accession\s+to|acceded\s+to|"
                          r"admitted\s+(?:in)?to|members?\s+of|membership\s+(?:of|in))\s+(?:the\s+)?$", re.IGNORECASE)
# "joined NATO allies in condemning", "joined the EU in imposing sanctions": no membership.
_NOT_JOINED = re.compile(r"\s+(?:in\s+\w+ing|allies|members|partners|leaders|talks|sanctions)\b", re.IGNORECASE)


def _igo_joined(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    text, floor = env.parsed.text, sentence_start(env, back=1)
    found = [a for a in env.pool if a.actor.kind == "igo" and floor <= a.start and a.end <= m.start()
             and _JOIN_BEFORE.search(text, max(floor, a.start - 30), a.start)
             and not _NOT_JOINED.match(text, a.end)]
    return found[-1:], ""


# Founding treaties whose accession is membership of the IGO they found.
_FOUNDING_TREATIES = re.compile(r"\s*(?:the\s+)?(?P<nato>North\s+Atlantic\s+Treaty|Washington\s+Treaty)\b(?!\s+Organi[sz]ation)")
_TREATY_IGOS = {"nato": "IGO.NATO"}


def _igo_treaty(env: SentenceEnv, m: re.Match[str], actors: list[Any]):
    hit = _FOUNDING_TREATIES.match(env.parsed.text, m.end())
    return ([ref_for_id(_TREATY_IGOS[hit.lastgroup], env.pool)] if hit else []), ""


IGO_ROLES = {"igo_recent": _igo_recent, "igo_after": _igo_after, "igo_before": _igo_before,
             "igo_left": _igo_left, "igo_subject": _igo_subject, "igo_next": _igo_next,
             "igo_joined": _igo_joined, "igo_treaty": _igo_treaty, "igo_inside": _igo_inside}
