"""The modality of a standing relation: ``dyad.modality`` reads it from the trigger's
clause; two readings proper to relations adjust it.

- A definite noun phrase presupposes the relation: "North Korea sent troops to fight for
  Russia in its war against Ukraine" asserts the war though the clause is a purpose;
  "Russia may keep warships at its naval facility in Tartus" asserts the facility.
- A relative clause states its own fact unless it has a modal of its own: "Syria wants to
  recover the Golan Heights Israel has occupied" asserts the occupation.
- A supply or purchase a signed deal is for is contracted (not ties it is to restore): "signed a deal to buy 36 jets
  from France" is asserted, "... to supply Germany with LNG starting in 2026" expected.
- "would" under a past verb of saying or promising, with no condition, is the actor's
  announced plan: "announced that it would reimpose sanctions" is intended.
- What one side accuses another of is reported, whoever denies it: "accused Rwanda of
  backing the group with thousands of its own troops, a charge Kigali denies".
- A span of time counted presupposes what filled it: "agreed to stop firing after four days
  of missile strikes" asserts the fighting though the stopping is intended.
- A membership applied for, sought, negotiated or offered has not happened: "a candidate
  for EU membership", "Serbia seeks EU membership", "accession talks with Ukraine",
  "invited to join BRICS" are intended; an offer turned down ("declined an invitation to
  join BRICS") is negated.
- A membership noun whose coming is awaited is expected: "Sweden's accession is expected
  in July", "whose membership awaits ratification".
- A past participle after its noun states a fact whatever the clause around it: "Israel
  and Hamas agreed to a ceasefire, in a deal brokered by Qatar" asserts the mediation though
  the agreeing is read as intended.
- A relation that held and ended is negated (``dyad.relations.ending``): "China lifted its
  tariffs on Australian wine", "French troops were forced out of Mali".
- A decision still open is hypothetical, whatever the clause around it: "has yet to decide
  whether to penalise India".
- A pattern may fix the modality of what its trigger asserts (``fixed_modality``).
"""

from __future__ import annotations

import re
from typing import Any, Callable

from dyad.agreements.spans import token_at
from dyad.relations.context import SentenceEnv
from dyad.relations.ending import ended_modality

PROSPECTIVE = frozenset({"intended", "expected", "hypothetical"})
# Types a signed deal contracts ("signed a deal to buy jets"); not "a deal to restore ties",
# which still has to happen.
SUPPLY = frozenset({"arms_supply", "energy_supply", "trade"})
# Types whose definite noun phrase ("its war", "the US base") presupposes the relation.
PRESUPPOSED = frozenset({"armed_conflict", "alliance", "military_presence", "occupation",
                         "sanctions", "territorial_claim"})
_DEFINITE = re.compile(r"(?:\b(?:the|its|their|his|her|our)|['’]s?)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# A trigger that counts the time something lasted: "four days of strikes", "months of war".
_SPAN_OF = re.compile(r"(?:decades?|years?|months?|weeks?|days)\s+of\b", re.IGNORECASE)
# Words that make a membership a prospect, not a fact.
_PROSPECT = re.compile(r"\b(?:candidate|candidacy|candidates|aspirants?|aspiring|applicants?|"
                       r"applications?|applied|apply|applying|(?:accession|membership)\s+(?:talks|negotiations|"
                       r"process|bids?|requests?)|bids?\s+to\s+(?:join|become)|aspir(?:e|es|ed|ing)\s+to\s+(?:join|become)|(?:seeks?|seeking|sought|wants?|wanted|pursu(?:e|es|ed|ing))\s+"
                       r"(?:full\s+)?(?:[\w.-]+\s+){0,3}?membership|negotiat(?:e|es|ed|ing|ions?)\s+(?:its\s+|their\s+)?(?:\w+\s+)?"
                       r"(?:accession|membership)|invit(?:ed|ation|es|e|ing)\s+(?:[\w.-]+\s+){0,4}?to\s+join|path\s+to|road\s+to|"
                       r"way\s+for|(?:talks|negotiations|discussions)\s+(?:on|about|over)\s+(?:joining|membership|accession)|"
                       r"negotiat(?:e|es|ed|ing)\s+to\s+join)\b", re.IGNORECASE)
# An offer of membership turned down: "declined an invitation to join BRICS".
_TURNED_DOWN = re.compile(r"\b(?:declin|reject|refus|spurn|snubb?)\w*\s+(?:an?\s+|the\s+|its\s+)?"
                          r"(?:[\w-]+\s+)?(?:invitation|offer)\s+to\s+(?:join|become)", re.IGNORECASE)
# A membership noun whose coming is awaited: "Sweden's accession is expected in July",
# "Sweden, whose membership awaits ratification", "its entry, due next year".
_AWAITED = re.compile(r"\s*,?\s*(?:(?:is|was|are|were)\s+(?:now\s+|still\s+|also\s+)?(?:expected|due|set|scheduled|"
                      r"slated|likely|poised)\b|(?:still\s+)?(?:awaits|awaited|awaiting|pending|needs|requires|"
                      r"hinges\s+on)\b|(?:expected|due|scheduled|slated)\s+(?:in|by|next|later|to)\b)", re.IGNORECASE)
# "no" determining the trigger noun: "have no diplomatic relations".
_NONE_OF = re.compile(r"\bno\s+(?:(?:formal|official|full|direct|diplomatic)\s+)?$", re.IGNORECASE)
# An open decision: "has yet to decide whether to penalise India" (a prospect, not a denial).
_WHETHER = re.compile(r"\bwhether\s+(?:or\s+not\s+)?to\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# An apposition set off after a name, closed by a comma after the trigger: "Hungary, an EU
# member, did not sign", "Qatar, a US ally, would not comment" (the main clause's negation or
# modality is not the apposition's; one with its own "not" or "former" keeps it).
_APPOSITION_OPEN = re.compile(r"(?-i:[A-Z])[\w.'’-]*\s*,\s+(?:a|an|the|one\s+of\s+the|also\s+a|itself\s+a|its|their|long\s+a)\s+"
                              r"[^,;:.()]{0,60}$", re.IGNORECASE)
_APPOSITION_CLOSE = re.compile(r"[^,;:.()]{0,60},", re.IGNORECASE)
# ... or a state's condition set off the same way: "Libya, both under UN sanctions, have not
# signed", "Iraq, under UN sanctions since August, faces a deadline".
_CONDITION_OPEN = re.compile(r"(?-i:[A-Z])[\w.'’-]*\s*,\s+(?:(?:both|all|each|still|already|long|now)\s+)?$", re.IGNORECASE)
_CONDITION = re.compile(r"under\b", re.IGNORECASE)
_OWN_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|former|ex-|once|formerly)\b", re.IGNORECASE)
_MEMBER_NOUN = re.compile(r"\b(?:accession|membership|entry)\s*$", re.IGNORECASE)
# Auxiliaries that give a relative clause a modality of its own ("the bases it will open").
_MODALS = frozenset({"will", "would", "shall", "should", "could", "might", "may", "can", "must"})
_WINDOW = 40  # characters before the trigger read for a determiner or a prospect word


# A supply or purchase as the purpose of a deal signed: "signed a deal on Friday to buy 36
# Rafale jets from France" (the deal contracts it: asserted; "starting in 2026": expected).
_CONTRACTED = re.compile(r"\b(?:signed|concluded|reached|sealed|struck|clinched|inked)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,4}?"
                         r"(?:deal|contract|agreement|accord|memorandum(?:\s+of\s+understanding)?|pact)\b[^.;]{0,60}?\bto\s+$",
                         re.IGNORECASE)
_STARTING = re.compile(r"\b(?:starting|beginning|commencing|from|as\s+of)\s+(?:in\s+)?(?:early\s+|mid-|late\s+)?(?:\d{4}|next\s+year)\b",
                       re.IGNORECASE)
# Verbs whose past tense turns "will" into "would": "Athens announced that it would buy".
_TELLING = frozenset({"say", "announce", "declare", "confirm", "state", "tell", "pledge", "vow", "promise"})
# An accusation's object: "accused Rwanda of backing the group with its own troops".
_ACCUSED_OF = re.compile(r"\b(?:accus(?:e|es|ed|ing)|charg(?:e|es|ed|ing)|blam(?:e|es|ed|ing))\s+(?:[\w'’.-]+\s+){1,4}?"
                         r"(?:of|with|for)\s+$", re.IGNORECASE)


def relation_modality(env: SentenceEnv, rtype: str, m: re.Match[str], modality: Callable) -> str:
    """The modality of the relation whose trigger is ``m`` (``modality`` is
    ``dyad.modality.modality_of`` or a stand-in)."""
    text, sent, parsed = env.parsed.text, env.sent, env.parsed
    tok = token_at(parsed, m.start(), m.end())
    reading = modality(parsed, tok) if tok is not None else None
    mod = getattr(reading, "modality", "asserted")
    if mod != "asserted" and _in_apposition(text, sent, m):
        mod = "asserted"
    if mod == "negated" and rtype in PRESUPPOSED and _definite_subject(parsed, sent, m):
        mod = "asserted"  # "Armenia's security ally Russia did not intervene": still its ally
    if _NONE_OF.search(text, max(sent.start, m.start() - 20), m.start()):
        return "negated"  # "have no diplomatic relations", "no formal ties"
    if _WHETHER.search(text, max(sent.start, m.start() - _WINDOW), m.start()):
        return "hypothetical"  # "weighing whether to impose sanctions on": not yet decided
    end = ended_modality(env, rtype, m, mod)
    if end is not None:
        return end  # "lifted its tariffs on", "French forces left", "ran a base until 2009"
    if _ACCUSED_OF.search(text, max(sent.start, m.start() - _WINDOW), m.start()):
        return "reported"  # what one side accuses another of, whoever denies it
    if rtype in SUPPLY and mod in {"intended", "asserted"} and _CONTRACTED.search(text, max(sent.start, m.start() - 120), m.start()):
        return "expected" if _STARTING.search(text, m.end(), sent.end) else "asserted"
    if mod == "hypothetical" and getattr(reading, "cue", None) == "would" and _reported_plan(parsed, tok):
        return "intended"  # "the United States announced it would reimpose sanctions on Iran"
    if mod in PROSPECTIVE and tok is not None and tok.dep == "acl" and tok.tag == "VBN":
        return "asserted"  # "a deal brokered by Qatar", "the base operated by France"
    if mod in PROSPECTIVE and tok is not None and tok.dep == "relcl" and not any(
            c.dep in {"aux", "auxpass"} and c.lemma.lower() in _MODALS for c in parsed.children(tok)):
        return "asserted"  # "wants to recover the Golan Heights Israel has occupied"
    if mod in PROSPECTIVE and rtype in PRESUPPOSED and _SPAN_OF.match(m.group(0)):
        return "asserted"
    if mod in PROSPECTIVE and rtype in PRESUPPOSED \
            and _DEFINITE.search(text, max(sent.start, m.start() - _WINDOW), m.start()) \
            and any(t.pos in {"NOUN", "PROPN"} for t in parsed.tokens[sent.token_start:sent.token_end]
                    if m.start() <= t.start < m.end()):
        return "asserted"
    if rtype == "membership" and mod == "asserted":
        # the trigger's clause only: "invited to join BRICS; the UAE joined in January"
        before = text[max(sent.start, m.start() - _WINDOW):m.start()].split(";")[-1]
        after = text[m.start():min(sent.end, m.end() + 30)].split(";")[0]
        if _TURNED_DOWN.search(before + after):
            return "negated"
        if _PROSPECT.search(before + after):
            return "intended"
        if _MEMBER_NOUN.search(m.group(0)) and _AWAITED.match(text, m.end()):
            return "expected"
    return mod


def _in_apposition(text: str, sent: Any, m: re.Match[str]) -> bool:
    """Whether the trigger stands in an apposition of its own, between two commas after a
    name, with no negation of its own."""
    opening = _APPOSITION_OPEN.search(text, max(sent.start, m.start() - 80), m.start())
    if opening is None and _CONDITION.match(m.group(0)):
        opening = _CONDITION_OPEN.search(text, max(sent.start, m.start() - 80), m.start())
    closing = _APPOSITION_CLOSE.match(text, m.end(), sent.end)
    if opening is None or closing is None:
        return False
    return not _OWN_NEGATION.search(text, opening.start(), closing.end())


def _definite_subject(parsed: Any, sent: Any, m: re.Match[str]) -> bool:
    """Whether the trigger heads (or stands in) a definite noun phrase that is the subject of
    its clause ("Armenia's ally Russia did not ..."): a negated predicate does not deny what
    the phrase presupposes."""
    if not sent.parsed or not _DEFINITE.search(parsed.text, max(sent.start, m.start() - _WINDOW), m.start()):
        return False
    nouns = [t for t in parsed.tokens[sent.token_start:sent.token_end]
             if m.start() <= t.start < m.end() and t.pos in {"NOUN", "PROPN"}]
    for tok in nouns:
        node = tok
        for _ in range(3):  # through a compound or an apposed name: "ally Russia"
            if node.dep in {"nsubj", "nsubjpass"}:
                return True
            if node.dep not in {"compound", "appos", "amod"} or node.head == node.i:
                break
            node = parsed.tokens[node.head]
    return False


def _reported_plan(parsed: Any, tok: Any) -> bool:
    """Whether a "would" clause is the complement of a past verb of saying or promising with
    no condition in the sentence: the actor's announced plan ("announced that it would buy
    three frigates"), not a hypothesis ("would retaliate if attacked")."""
    sent = parsed.sentences[tok.sent]
    if any(t.text.lower() in {"if", "unless"} for t in parsed.sentence_tokens(sent)):
        return False
    node = tok
    for _ in range(5):
        head = parsed.tokens[node.head]
        if head.i == node.i:
            return False
        if head.tag == "VBD" and head.lemma.lower() in _TELLING:
            return True
        node = head
    return False


def fixed_modality(fixed: str, mod: str) -> str | None:
    """The modality of a relation whose pattern fixes it, given the trigger's own ``mod``;
    None when the relation is not to be written. A leaving ("Britain left the EU",
    ``fixed`` negated) says the membership no longer holds only when the leaving is stated
    or reported: a leaving planned or denied says nothing certain of the membership. An
    invitation (``fixed`` intended) keeps a stronger reading of its own ("did not invite")."""
    if fixed == "denied":  # the denial stands in the trigger itself ("a partner but not an ally")
        return "negated"
    if fixed == "presupposed":  # named by a noun phrase another verb acts on: "not to violate
        return "asserted"       # US sanctions on Iran" (the sanctions hold whatever the verb)
    if fixed == "negated":
        return "negated" if mod in {"asserted", "reported"} else None
    if fixed == "asserted":  # "agreed to withdraw its troops": they are there, whatever comes
        return "asserted" if mod in {"asserted", "intended", "expected"} else mod
    return fixed if mod == "asserted" else mod
