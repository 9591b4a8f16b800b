"""Parties of an agreement read from its sentences, beside those of its stages.

For ``rules``: the "with X" / "between X and Y" partners after a mention
(``with_partners``), the sides named after "between" that leave out brokers
(``between_sides``), "the two countries" (``pair_parties``), the states an agreement
"binds" (``bound_parties``), the subjects acting "under the deal" (``under_parties``), the
organisation of an accession (``accession_igo``), and the country a legislature stands
for (``country_level``).
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.generic_mentions import ARMS_ONLY
from dyad.agreements.linking import Cluster
from dyad.agreements.missing_partners import focal_groups, pair_in_focus
from dyad.agreements.spans import (dedupe_refs, group_after, group_before, party_ref, ref_for_id,
                                  span_root, subject_actors, token_at)
from dyad.agreements.stage_joint_parties import PAIR, pair_before
from dyad.model import ActorRef, Stage
from dyad.nlp.parsed import ParsedDoc

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

_AND_KIN = re.compile(r"\s+and\s+" + _KIN.pattern, re.IGNORECASE)

_STATE_OWNED = re.compile(r"(?:the\s+|its\s+)?(?:state|government|publicly)[- ](?:owned|run|controlled)\s+",
                          re.IGNORECASE)

_ACRONYM = re.compile(r"(?:\s*\([A-Z][A-Za-z0-9-]{1,11}\))?")

# After a mention, a relative clause whose verb of agreeing takes "with" the partner: an
# "of" complement first ("treaty of friendship, good neighbourliness and cooperation"),
# then "(which|that) (subject) (has) signed / concluded / struck (in 2002) with" (the
# subject a name, a pronoun or "the government").
_OF_WORDS = r"[a-z][\w-]*(?:\s+[a-z][\w-]*)?"
_RELATIVE_WITH = re.compile(
    rf"(?:\s+of\s+{_OF_WORDS}(?:\s*,\s*{_OF_WORDS})*(?:,?\s+and\s+{_OF_WORDS})?)?"
    r"\s*,?\s+(?:(?:which|that)\s+)?"
    r"(?P<subj>(?:it|they|we|he|she|(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|"
    r"the\s+(?:government|administration|cabinet|regime|country|state))\s+)?"
    r"(?:(?:has|have|had|was|were|is|are|been)\s+){0,2}(?:\w+ly\s+)?"
    r"(?:signed|concluded|reached|struck|agreed|negotiated|inked|sealed|initial+ed|clinched|"
    r"finali[sz]ed|made|hammered\s+out)\s+(?:(?:in|on|last|this|earlier|back)\b[^,;.()]{0,25}?\s+)?"
    r"with\s+")

# After a mention, the verb of its purpose and what stands before the buyer: "to sell
# 40 jets to", "to supply" (whose object is the buyer: "to supply Poland with tanks").

_THEIR = re.compile(r"\btheir\s+$", re.IGNORECASE)

# "a deal in Doha on Tuesday to buy ...": where and when it was signed stand between
_WHERE_WHEN = r"(?:\s+(?:in|on|at|last|this|earlier|late|early)\b[^,;.()]{0,35}?)?"
_MADE_BY = re.compile(r"(?:\s+(?:for|of)|" + _WHERE_WHEN + r"\s+to\s+(?:buy|purchase|acquire|import))\s+(?:(?:up\s+to|about|some|around|"
                      r"more\s+than|another|an?\s+(?:additional|further)|dozens\s+of)\s+)?(?:[\d,.]+\s+|(?:one|two|three|"
                      r"four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|several|more)\s+)?", re.IGNORECASE)
# (past where and when it was signed: "a 27-year agreement on Monday to supply Italy's Eni
# with up to 1 million tonnes": "up to" is a quantity, not the buyer's "to")
_BUYER = re.compile(_WHERE_WHEN + r"\s+to\s+(?:(?:sell|deliver|ship|export|supply|provide)\s+[^,;.()]{0,50}?(?<!\bup\s)\bto\s+|"
                    r"(?:supply|provide)\s+(?=[^,;.()]{1,60}?\bwith\b))", re.IGNORECASE)
_DEMONYM = re.compile(r"(?:an|ian|ese|ish|i|ch|ic|ean|ine)$")

_BOUND = re.compile(r"\b(?:bound|tied|allied|linked)\s+(?:by|through|under)\s+(?:the|a|an|their)?\s*$|"
                    r"\b(?:part(?:y|ies)|signator(?:y|ies))\s+(?:to|of)\s+(?:the|a|an|their)?\s*$",
                    re.IGNORECASE)

_PARTY_TO = re.compile(r"\b(?:part(?:y|ies)|signator(?:y|ies)|member(?:\s+states?)?)\s+(?:to|of)\s+(?:the|a|an)?\s*$",
                       re.IGNORECASE)
_DENIED = re.compile(r"\b(?:not|never|no\s+longer|n['’]t|neither|nor|ceased|ceases|quit|left)\b", re.IGNORECASE)

# "Britain, France and Germany said they remained committed to the accord": the states
# that stay in an agreement another left are its parties (read after linking, so that
# they do not keep "the accord" from the agreement it refers to)
_COMMITTED = re.compile(r"\b(?:remain(?:s|ed)?|stay(?:s|ed)?)\s+(?:\w+ly\s+|still\s+)?committed\s+to\s+"
                        r"(?:the|their)\s*$", re.IGNORECASE)


def _sentence_pair(actors: Sequence[Any], start: int, end: int) -> list[Any]:
    """The first mention of each state named in [start, end) when there are exactly two."""
    found: dict[str, Any] = {}
    for a in actors:
        if start <= a.start and a.end <= end and a.actor.kind == "state" and a.actor.country:
            found.setdefault(a.actor.country, a)
    return list(found.values()) if len(found) == 2 else []


def with_partners(parsed: ParsedDoc, mentions: list, actors: Sequence[Any]) -> list:
    """Add the actors of "with X" / "between X and Y" right after a mention to its parties."""
    text = parsed.text
    for m in mentions:
        sent = parsed.sentences[m.sent]
        if (_THEIR.search(text, max(sent.start, m.start - 8), m.start)
                or _BOUND.search(text, max(sent.start, m.start - 40), m.start)) and not m.actors:
            # "France and Greece renewed their defence pact", "Japan and the US are bound
            # by a security treaty": the pair before owns it
            owners = group_before(text, actors, m.start, floor=sent.start)
            if len(owners) < 2 and _THEIR.search(text, max(sent.start, m.start - 8), m.start):
                # "The UAE is India's largest partner, and trade has grown since their
                # economic partnership agreement": the only two states named before "their"
                owners = _sentence_pair(actors, sent.start, m.start)
            m.actors = list(owners) if len(owners) >= 2 else []
            # "Iran remains a party to the NPT", "Chile, a signatory of the convention": one
            # state is a party of a multilateral treaty ("is not a party to" says it is none)
            if len(owners) == 1 and _PARTY_TO.search(text, max(sent.start, m.start - 40), m.start) \
                    and not _DENIED.search(text, owners[0].end, m.start) \
                    and owners[0].actor.kind in {"state", "igo"}:
                m.actors = list(owners)
        # past an acronym in brackets: "a defence cooperation agreement (DCA) with the US"
        end = m.end + len(_ACRONYM.match(text, m.end, sent.end).group(0))
        # ("The agreement, between Israel and Hezbollah, took effect": in apposition)
        cue = re.match(r"(?:[^,;.()]|(?<=\d)[.,](?=\d)){0,60}?\b(?:with|between|among)\s+|"
                       r"\s*,\s*between\s+", text[end:sent.end])
        # "a deal to buy 250 tanks from the United States": the seller is a party
        # ("a $6.5 billion contract on Friday for 180 tanks from South Korea's Hyundai Rotem")
        # ("Nepal's purchase of anti-aircraft guns from China": "of" the goods of a sale or
        # purchase; not "the settlement of a frontier inherited from the Soviet Union")
        of = r"|\s+of" if m.head in ARMS_ONLY else ""
        seller = re.match(_WHERE_WHEN + r"(?:\s+to\s+(?:buy|purchase|acquire|import)|\s+for" + of + r")\s+[^,;.()]{0,50}?\bfrom\s+",
                          text[m.end:sent.end])
        if seller and not cue:
            cue = seller
        # "a deal to supply China's Sinopec with gas", "a contract to sell 40 jets to
        # Poland": the buyer is a party
        # (its "with" is the goods': "to supply Sinopec with gas")
        buyer = _BUYER.match(text[end:sent.end])
        cue = buyer or cue
        made = _MADE_BY.match(text, end, sent.end)
        if cue is None and not m.actors and (m.kind == "arms_deal" or (
                m.kind is None and made and re.search(r"\b(?:buy|purchase|acquire|import)\b", made.group(0)))):
            # "an order for 11 Russian Su-35 jets", "a deal to buy French Rafales", "a
            # deal in Hanoi to buy 12 Indian patrol boats", "250 American-made tanks": the
            # maker's nationality before the goods bought names the seller
            maker = next((a for a in actors if made and a.start == made.end() and a.actor.kind == "state"
                          and text[a.start:a.end] != a.actor.name and _DEMONYM.search(text[a.start:a.end])
                          and re.match(r"(?:-(?:made|built|designed|produced))?\s+[\w-]", text[a.end:a.end + 12])), None)
            # "a contract to buy Israel's Arrow 3 system": the seller owns the goods bought
            maker = maker or next((a for a in actors if made and a.start == made.end() and a.actor.kind == "state"
                                   and re.search(r"\b(?:buy|purchase|acquire|import)\s+$", made.group(0))
                                   and re.match(r"['’]s?\s+[\w-]", text[a.end:a.end + 6])), None)
            if maker is not None:
                m.actors = [maker]
        # "the treaty of friendship it signed with Spain", "the deal Britain struck with
        # Japan", "an accord concluded with Seoul in 2019": the partner of the verb whose
        # object the agreement is (and its subject, when named) are parties
        rel = _RELATIVE_WITH.match(text[end:sent.end])
        if rel is not None:
            cue = rel
            m.actors = m.actors + [a for a in actors if end + rel.start("subj") <= a.start < end + rel.end("subj")
                                   and a.actor.kind in {"state", "igo", "group", "person"}]
        if cue:
            start = end + cue.end()
            # "a security deal with its partner Australia", "with their ally the US"
            kin = _KIN.match(text, start, sent.end)
            start = kin.end() if kin else start
            # "contracts with state-owned Israel Aerospace Industries": the owner's word
            owned = _STATE_OWNED.match(text, start, sent.end)
            start = owned.end() if owned else start
            if (rel is not None or not re.search(r"\b(?:which|that|who|signed|agreed)\b", cue.group(0))) \
                    and not _NOT_PARTNER_GAP.search(cue.group(0)) \
                    and not _HELPER.match(text, start):
                # a title the resolver read as an organisation ("..., the Reciprocal
                # Access Agreement") is an agreement, not a partner
                found = group_after(text, actors, start, ceiling=sent.end, max_gap=6)
                found = [a for a in _closed_list(text, found) if not any(
                    o.start < a.end and a.start < o.end for o in mentions)]
                partners = [a for a in found if not _HELPER_AFTER.match(text, a.end)]
                if len(partners) == 1 and re.search(r"\bbetween\s+$", cue.group(0)):
                    # "a 2006 agreement between Japan and its ally the United States"
                    kin = _AND_KIN.match(text, partners[0].end, sent.end)
                    partners += group_after(text, actors, kin.end(), ceiling=sent.end, max_gap=0)[:1] if kin else []
                if not partners and len(cue.group(0).split()) <= _ANAPHOR_GAP_WORDS:
                    partners = _organisation_named_before(text, actors, start, sent.end)
                m.actors, m.partners = m.actors + partners, partners
                if re.search(r"\b(?:between|among)\s+$", cue.group(0)):
                    m.sides = partners
                if partners and rel is None:
                    m.actors = m.actors + _holders(parsed, m, actors, m.actors)
    return mentions


# "with the agency", "with the fund": an organisation named before by its own noun, in a
# phrase that follows the mention closely ("a safeguards agreement with the agency")
_ANAPHOR_GAP_WORDS = 3
_ORGANISATION_NOUN = re.compile(r"the\s+(?P<noun>agency|alliance|union|fund|bank|organi[sz]ation|court)\b",
                                re.IGNORECASE)


def _organisation_named_before(text: str, actors: Sequence[Any], start: int, end: int) -> list:
    """"open its facilities to the International Atomic Energy Agency ... a safeguards
    agreement with the agency": "the agency" after "with" is the organisation named last
    before it whose name has that noun."""
    noun = _ORGANISATION_NOUN.match(text, start, end)
    if noun is None:
        return []
    word = noun.group("noun").lower()
    before = [a for a in actors if a.end <= start and a.actor.kind == "igo"
              and re.search(rf"\b{word}\b", a.actor.name, re.IGNORECASE)]
    return before[-1:]


# "has no pact with", "does not have a treaty with": a holder denied
_NO_HOLDING = re.compile(r"\b(?:no|not|never|n['’]t|without)\b[^,;.]{0,30}$", re.IGNORECASE)


def _holders(parsed: ParsedDoc, m: Any, actors: Sequence[Any], known: Sequence[Any]) -> list:
    """"Japan has similar agreements with Australia and Britain", "Manila, which has a
    defence treaty with Washington": the subject of "have" whose object is an agreement
    with a partner is the agreement's other side (a relative pronoun stands for its noun)."""
    root = span_root(parsed, m.start, m.end)
    if root is None or root.dep != "dobj" or root.head == root.i:
        return []
    verb = parsed.tokens[root.head]
    sent = parsed.sentences[m.sent]
    if verb.lemma != "have" or _NO_HOLDING.search(parsed.text, max(sent.start, verb.start - 30), m.start):
        return []
    taken = {id(a) for a in known}
    return [a for a in subject_actors(parsed, verb, actors, passive=False)
            if id(a) not in taken and a.actor.kind in {"state", "igo"}]


def _closed_list(text: str, found: list) -> list:
    """A list ends at the member its "and" joins: "between India and Pakistan, Trump said"
    holds two sides, not Trump; ", and" after the first member starts a clause."""
    for k in range(1, len(found)):
        gap = text[found[k - 1].end:found[k].start]
        if re.search(r"\b(?:and|&|as\s+well\s+as)\b", gap):
            # "with Britain, and Tokyo and Manila are ...": a comma before the "and" of a
            # two-member list opens a new clause (a serial comma needs three members)
            return found[:k] if k == 1 and "," in gap else found[:k + 1]
    return found


def between_sides(c: Cluster, parties: list[ActorRef], actors: Sequence[Any]) -> list[ActorRef]:
    """"Qatar and Egypt negotiated the ceasefire between Israel and Hamas": an agreement
    whose mention names its two or more sides after "between" binds those sides; others
    acting on it (brokers, hosts, guarantors signing) are no parties. A well-known
    agreement keeps its listed parties."""
    named = c.named
    if named is not None and named.known is not None and named.known.parties:
        return parties
    sides = {party_ref(a.actor, actors).actor_id for m in c.mentions for a in m.sides}
    sides = {country_level(ref_for_id(i, actors), actors).actor_id for i in sides}
    if len(sides) < 2 or not sides <= {p.actor_id for p in parties}:
        return parties
    return [p for p in parties if p.actor_id in sides]


def pair_parties(parsed: ParsedDoc, c: Cluster, stages: list[Stage], parties: list[ActorRef],
                  actors: Sequence[Any], earlier: Sequence[Any] = ()) -> list[ActorRef]:
    """"The two countries signed a defence pact", "a deal between the two sides": the
    pair in focus before the phrase (a pair of states joined by "and", or the parties of
    an agreement told just before: "an earlier pact between the two countries" after "a
    deal with Australia" that Vanuatu put off), else the two states named last before it
    (``stage_joint_parties.pair_before``), when the agreement has fewer than two of its
    own."""
    if len({p.country or p.actor_id for p in parties}) >= 2:
        return []
    spans = {(m.sent_start, m.sent_end) for m in c.mentions}
    spans |= {(s.evidence.start, s.evidence.end) for s in stages}
    # "after talks mediated by China ... They also agreed": a mediator or host named in
    # an adjunct is not one of the pair "they" or "the two countries" stand for
    sides = [a for a in actors if not _THIRD_PARTY.search(parsed.text, max(0, a.start - 40), a.start)]
    for start, end in sorted(spans):
        phrase = PAIR.search(parsed.text, start, end) or _EITHER.search(parsed.text, start, end)
        # the pair in focus ("X and Y signed ...; the two leaders had met"), else the two
        # states named last before the phrase
        if phrase is not None and (pair := _pair_in_sentence(parsed, sides, phrase.start(), start)
                                   or pair_in_focus(parsed, sides, phrase.start(),
                                                    phrase.group(0) if PAIR.match(phrase.group(0)) else "the two",
                                                    _pairs(earlier))
                                   or pair_before(parsed, phrase.start(), sides)):
            return [ref_for_id(p.actor_id, actors) for p in pair]
    return []


# "can be reviewed at either country's request": one of two states, so there are two ("either
# side" may be a breakaway region's)
_EITHER = re.compile(r"\beither\s+(?:country|government|state|capital)\b", re.IGNORECASE)


def _pair_in_sentence(parsed: ParsedDoc, actors: Sequence[Any], offset: int, floor: int) -> list[Any]:
    """"Iran's president, standing beside Putin, said the two sides hoped ...": exactly two
    states (or their people) named before the phrase in its own sentence are the pair,
    before any pair of earlier sentences; venues ("talks in Cairo") and IGOs are none."""
    found: dict[str, Any] = {}
    for a in actors:
        if floor <= a.start and a.end <= offset and a.actor.country and a.actor.kind != "igo" \
                and not re.search(r"\b(?:in|at|to|from)\s+(?:the\s+)?$", parsed.text[max(0, a.start - 8):a.start]):
            found.setdefault(a.actor.country, a.actor)
    return [ref_for_id(code) for code in found] if len(found) == 2 else []


def _pairs(earlier: Sequence[Any]) -> list[Any]:
    """Earlier agreements of exactly two sides: what "the two" may stand for."""
    return [a for a in earlier if len({p.country or p.actor_id for p in a.parties}) == 2]


_THIRD_PARTY = re.compile(r"\b(?:mediat|broker|host|facilitat|sponsor|chair|convene|guarante|witness)\w*\s+by\s+"
                          r"(?:the\s+)?$|\b(?:mediation|help|auspices)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


# "The pact binds Greece and France to ...", "It commits both Japan and Australia": the
# states an agreement binds are its parties.
_BINDS = re.compile(r"\b(?:binds|bound|commits|committed|obliges|obliged|obligates|requires|"
                    r"allows|allowed|lets|enables|enabled|permits|permitted)\s+"
                    r"(?:both\s+)?", re.IGNORECASE)

_IT = re.compile(r"\s*(?:It|The\s+(?:treaty|pact|accord|agreement|deal|protocol))\b")


def bound_parties(parsed: ParsedDoc, c: Cluster, actors: Sequence[Any]) -> list[ActorRef]:
    """The two or more states after "binds/commits/obliges" in a sentence mentioning the
    agreement before the verb, or in the next sentence opening with "It" / "The pact", and
    those before "remained committed to" it."""
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
    for m in c.mentions:
        if _COMMITTED.search(text, max(m.sent_start, m.start - 40), m.start):
            owners = group_before(text, actors, m.start, floor=m.sent_start)
            out += [party_ref(a.actor, actors) for a in owners] if len(owners) >= 2 else []
    return out


def under_parties(parsed: ParsedDoc, c: Cluster, actors: Sequence[Any]) -> list[ActorRef]:
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
    return out + _joint_subjects(parsed, c, actors) + _trade_sides(parsed, c, actors)


# "Brazil buys Bolivian gas under a 20-year contract", "Russia sells uranium to American
# utilities under a commercial contract", "flies Israeli-made drones, bought under a 2005
# contract": the buyer and the seller of what passes under a contract are its sides
_TRADE_VERB = re.compile(r"\b(?:buy|buys|buying|bought|purchas(?:e|es|ed|ing)|import(?:s|ed|ing)?|"
                         r"sell|sells|selling|sold|suppl(?:y|ies|ied|ying)|export(?:s|ed|ing)?|"
                         r"deliver(?:s|ed|ing)?|ship(?:s|ped|ping)?)\b", re.IGNORECASE)
_UNDER_BEFORE = re.compile(r"\bunder\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def _trade_sides(parsed: ParsedDoc, c: Cluster, actors: Sequence[Any]) -> list[ActorRef]:
    """The state opening a clause that buys or sells something "under" an agreement, and
    the one other state that clause names (the goods' maker or the buyer)."""
    out: list[ActorRef] = []
    text = parsed.text
    for m in c.mentions:
        start = max([m.sent_start, *(i + 1 for i in (text.rfind(";", m.sent_start, m.start),
                                                     text.rfind(":", m.sent_start, m.start)))])
        verb = next(_TRADE_VERB.finditer(text, start, m.start), None)
        if verb is None or not _UNDER_BEFORE.search(text, verb.end(), m.start):
            continue
        inside = sorted((a for a in actors if start <= a.start and a.end <= m.start and a.actor.country
                         and a.actor.kind not in {"person", "igo"}), key=lambda a: a.start)
        if not inside or inside[0].start > verb.start() \
                or re.search(r"\w", re.sub(r"^\s*(?:the\s+)?", "", text[start:inside[0].start])):
            continue
        sides = {a.actor.country: a for a in inside}
        if len(sides) == 2:
            out += [party_ref(a.actor, actors) for a in sides.values()]
    return out


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


def accession_igo(c: Cluster, parties: list[ActorRef], actors: Sequence[Any]) -> list[ActorRef]:
    """The organisation of an accession agreement ("Sweden's accession protocol"): the IGO
    named nearest before its first mention, else the first one after it; none when the
    mention already names one."""
    if any(p.actor_id.startswith("IGO.") for p in parties):
        return []
    igos = [a for a in actors if a.actor.kind == "igo"]
    before = [a for a in igos if a.end <= c.first.start]
    pick = before[-1] if before else next(iter(igos), None)
    return [pick.actor.ref()] if pick is not None else []


def country_level(ref: ActorRef, actors: Sequence[Any]) -> ActorRef:
    """Agreement parties are states or IGOs: a legislature stands for its country."""
    if ref.country and ref.actor_id != ref.country and not ref.actor_id.startswith(("IGO.", "group.")):
        return ref_for_id(ref.country, actors)
    return ref



# "pays $63 million a year to lease Camp Lemonnier under an agreement", "leases the
# Hmeimim base through a 49-year deal": the agreement a named site is leased under
_UNDER = re.compile(r"\b(?:under|through|via)\s+(?:an?|the|its|their|this|that)\s+$", re.IGNORECASE)
_LEASE = re.compile(r"\b(?:leas(?:e|es|ed|ing)|rent(?:s|ed|ing)?)\b", re.IGNORECASE)
LEASE_REACH = 40  # characters between the lease verb and the site it leases
_MILITARY_SITE = re.compile(r"\b(?:Camp|Base|Fort|Garrison|Naval|Air\s+Station|Airbase|base|garrison)\b")


def lease_parties(parsed: ParsedDoc, c: Cluster, actors: Sequence[Any],
                  places: Sequence[Any]) -> tuple[list[ActorRef], bool]:
    """The lessee (the subject of "lease") and the host (the country of the site leased)
    of an agreement a named site is leased under; and whether that site is a military
    one (the agreement is then a basing one). ([], False) when no mention is such."""
    text = parsed.text
    for m in c.mentions:
        if not _UNDER.search(text, max(m.sent_start, m.start - 12), m.start):
            continue
        for cue in _LEASE.finditer(text, m.sent_start, m.start):
            site = next((p for p in places if cue.end() <= p.start <= cue.end() + LEASE_REACH
                         and p.end <= m.start and p.place.country and p.place.feature == "site"), None)
            if site is None:
                continue
            tenants = [party_ref(a.actor, actors) for a in _lessee(parsed, cue, actors)]
            host = ref_for_id(site.place.country, actors)
            tenants = [t for t in tenants if (t.country or t.actor_id) != host.actor_id]
            if tenants:
                military = bool(_MILITARY_SITE.search(site.text) or _MILITARY_SITE.search(site.place.name))
                return [*tenants, host], military
    return [], False


def _lessee(parsed: ParsedDoc, cue: re.Match, actors: Sequence[Any]) -> list:
    """The subject of the lease verb, else of the nearest verb above it with one ("pays
    ... for years to lease", which the parser may hang on "years")."""
    tok = token_at(parsed, cue.start(), cue.end())
    for _ in range(4):
        if tok is None:
            return []
        found = subject_actors(parsed, tok, actors)
        if found or tok.head == tok.i:
            return found
        tok = parsed.tokens[tok.head]
        while tok.pos not in {"VERB", "AUX"} and tok.head != tok.i:
            tok = parsed.tokens[tok.head]
    return []


def stateless_stand_ins(parsed: ParsedDoc, c: Cluster, parties: list[ActorRef], stages: list[Stage],
                        actors: Sequence[Any], earlier: Sequence[Any] = ()
                        ) -> tuple[list[ActorRef], list[Stage]]:
    """Agreement parties are states, IGOs and armed groups: a person or an organisation
    with no known country (a leader of another era, "LNG" cut from a company's name) is
    none. Their acts stay joint acts of the agreement, and two or more such signers
    ("Egypt and Israel marked 40 years since Sadat and Begin signed their peace treaty")
    stand for the group of as many states in focus before the mention."""
    pool = {a.actor.actor_id: a.actor for a in actors}
    gone = {p.actor_id for p in parties if _stateless(pool.get(p.actor_id))}
    if not gone:
        return parties, stages
    kept = [p for p in parties if p.actor_id not in gone]
    stages = list({(s.model_copy(update={"party": None}) if s.party is not None
                    and s.party.actor_id in gone else s): None for s in stages})
    own = {p.country or p.actor_id for p in kept}
    persons = {i for i in gone if pool[i].kind == "person"}
    if len(own) < 2 and len(persons) >= 2:
        group = next((g for g in focal_groups(parsed, actors, c.first.start, earlier)
                      if len({p.country or p.actor_id for p in g}) == len(persons)
                      and own <= {p.country or p.actor_id for p in g}), None)
        kept = dedupe_refs([*kept, *(group or [])])
    return kept, stages


def _stateless(actor: Any) -> bool:
    return actor is not None and actor.kind in {"person", "organisation"} \
        and not actor.country and not getattr(actor, "affiliation", None)
