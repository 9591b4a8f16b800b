"""Who acted at a stage: the legislative body, and the parties of one trigger.

- body: ``stage_deciders.body_of``;
- parties (``stage_parties``): the actors of a "by X" / "between X and Y" phrase after
  the trigger, else the actor fused to a participle in the mention ("the US-proposed
  ceasefire"), else the body, else for a proposal noun its owner ("Egypt's proposal") or
  the subject of a verb presenting it, else the parse's subject of the trigger verb (``spans.subject_actors``; the one
  urged in "urged Turkey to ratify", the reporter of "it" in "Seoul said it would end",
  the subject of the verb a gerund hangs on in "demands changes before signing"), else
  the list of actors just before it -- never for a passive without agent, a trigger used
  as a noun after "the", or a subject that is a pronoun or an unknown name; signing,
  negotiating and renewing also count the agreement's "with X" partners unless the act
  is only intended or negated.

Entry into force, expiry and pairs ("both sides signed") are ``stage_joint_parties``.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.lexicon import Hit
from dyad.agreements.mention_record import AgreementMention
from dyad.agreements.spans import (group_after, group_before, party_ref, ref_for_id,
                                   subject_actors, token_at)
from dyad.agreements.stage_modality import DEMANDING_VERBS, SAYING_VERBS, decided_act
from dyad.agreements.stage_proposals import PROPOSAL_NOUNS
from dyad.agreements.stage_pronouns import antecedent_subject, pronoun_subject, speaker_of_pronoun
from dyad.model import ActorRef
from dyad.nlp.parsed import ParsedDoc, Sentence

# Stages whose "with X" partners acted too ("India signed a deal with France").
SHARED_STAGES = frozenset({"signed", "negotiated", "renewed"})

# "signed by X", "ratified the pact by X", "signed in June 2018 by X": the agent after "by";
# "the agreement signed between Egypt and Greece": the pair after "between"
# (up to two such phrases: "signed at the White House in September 2020 by X", "negotiated
# over two years by X")
# ("during a visit to Khartoum by X": "to"/"from"/"with" open the phrase of another noun,
# whose agent X is)
_BY = re.compile(r"\s*(?:(?:the|this|that|it|its)\s+\w+\s+)?(?:(?:in|on|at|over|during)\s+(?:(?!(?:is|are|was|were|"
                 r"be|been|has|have|had|and|but|by|to|from|with)\b|\w+(?:ed|ing)\b)[^,;.()\s]+\s+){1,4}?){0,2}"
                 r"(?:by|between)\s+", re.IGNORECASE)
# After "by", words that are no agent's: a margin ("by 153 votes to 146"), a clause
# ("by either parliament after Ankara ...")
_NOT_AGENT = re.compile(r"[,;]|\b(?:votes?|margin|majority|after|before|when|while|since|until|because|as)\b",
                        re.IGNORECASE)

_VENUE = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?$", re.IGNORECASE)

# A list of actors opened by a preposition is not the subject ("brokered by Turkey"),
# unless it only says where the subject comes from ("Negotiators from Armenia and ...").
_PREP_BEFORE = re.compile(r"\b(?P<prep>by|of|to|for|under|against|over|on|via|from)\s+(?:the\s+)?$",
                          re.IGNORECASE)

# "signed the deal as a witness / as guarantors": the signer vouches, it is not bound
_AS_WITNESS = re.compile(r"(?:(?!\b(?:with|and|while)\b)[^.;]){0,40}?\bas\s+(?:a\s+|an\s+|the\s+)?(?:witness|guarantor|mediator|"
                         r"observer|broker|facilitator|co-sponsor)s?\b", re.IGNORECASE)

# The pair of sides as the trigger's subject: "the two neighbours (eventually) signed"
_PAIR_BEFORE = re.compile(r"\b(?:the\s+two|both)\s+(?:countries|sides|governments|nations|neighbou?rs|states|leaders|"
                          r"allies|presidents|prime\s+ministers|foreign\s+ministers|defen[cs]e\s+ministers|parties)\s+"
                          r"(?:(?:also|later|then|have|has|had|jointly|formally|finally|eventually|\w+ly)\s+){0,2}$",
                          re.IGNORECASE)

# A trigger used as a noun after a determiner: its sentence's subject is not its party.
_NOMINAL = re.compile(r"\bthe\s+$", re.IGNORECASE)

# A passive trigger ("was signed", "has to be ratified"): its agent follows "by" or is unsaid.
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|never|not|also|still|then|"
                      r"later|since|already|yet|first|originally)\s+)?$", re.IGNORECASE)

# "the first European Union member to leave", "EU member Lithuania": an organisation that
# only classes the one member acting is not itself the actor. "The EU member states"
# in a list of signers stand for the EU as a party, and "NATO allies suspended their
# obligations" is the alliance acting.
_MEMBER_AFTER = re.compile(r"(?:['’]s)?\s+member\b(?!\s+(?:states?|countries|governments)\b)",
                           re.IGNORECASE)


def member_classifier(text: str, actor: Any) -> bool:
    """An IGO written before a singular "member" (that member is meant, not the
    organisation)."""
    return actor.actor.kind == "igo" and _MEMBER_AFTER.match(text, actor.end) is not None


def stage_parties(parsed: ParsedDoc, sent: Sentence, hit: Hit, mention: AgreementMention,
                  body: tuple[str, ActorRef | None] | None, free_actors: Sequence[Any],
                  pool: Sequence[Any], stage: str, *, shared: bool = True,
                  tok: Any = None) -> list[ActorRef]:
    """``shared`` False keeps the agreement's "with X" partners out: "Ukraine is ready to
    sign the deal with Washington" is Ukraine's intention only. ``tok`` is the trigger's
    anchor word (its first verb when not given)."""
    text = parsed.text
    free_actors = [a for a in free_actors if not member_classifier(text, a)]
    after = max(hit.end, mention.end if mention.start >= hit.end else hit.end)
    by = _BY.match(text, after)
    if by and mention.start >= hit.end and by.group(0).rstrip().lower().endswith("between"):
        by = None  # "pushed for a deal between Israel and Saudi Arabia": the deal's sides
    found: list[Any] = []
    if by:
        found = _with_counterparts(text, group_after(text, free_actors, by.end(), ceiling=sent.end),
                                   free_actors)
        if found and (_NOT_AGENT.search(text, by.end(), found[0].start)
                      or _VENUE.search(text, max(by.end(), found[0].start - 12), found[0].start)):
            found = []  # "signed by 44 countries in Kigali": the place after the agent's
            # own words is a venue, not the signer
    if not found and mention.start <= hit.start < mention.head_start:
        # "the US-proposed ceasefire": the actor fused to the participle acted
        found = [a for a in pool if a.end == hit.start - 1 and text[a.end] in "-–"]
        return [party_ref(a.actor, pool) for a in found]
    if not found and body is not None:
        return [body[1]] if body[1] is not None else \
            _speaker_state(parsed, tok or token_at(parsed, hit.start, hit.end), free_actors, pool)
    if not found and _NOMINAL.search(text, max(sent.start, hit.start - 12), hit.start):
        # "Trump hosted the signing": the subject of "hosted" did not sign; but "Chad
        # announced the end of the pact" ended it
        found = _announcer(parsed, tok or token_at(parsed, hit.start, hit.end), free_actors)
    elif not found and _PASSIVE.search(text, max(sent.start, hit.start - 30), hit.start) \
            and not re.match(r"\w+ing\b|no\s", text[hit.start:hit.end]):  # "were negotiating", "is no longer party" are active
        found = []  # "the deal, brokered by the US, was signed": no agent, no party
    elif not found and _reduced_relative(text, hit, mention, tok or token_at(parsed, hit.start, hit.end)):
        found = []  # "the Turkey-Libya memorandum signed in 2019": no agent, no subject
    elif not found and _is_noun(parsed, tok):
        # "Egypt's proposal", "a US offer", "Hamas accepted a ceasefire proposal"
        found = _owner_of_noun(parsed, tok, free_actors)
    elif not found and _PAIR_BEFORE.search(text, max(sent.start, hit.start - 60), hit.start):
        found = []  # "until the two neighbours signed it": both sides, jointly (stage_joint_parties)
    elif not found:
        # the parse's subject, unless the list before the trigger holds it and more (a
        # coordination the parse split: "France and Greece's leaders signed")
        tok = tok or token_at(parsed, hit.start, hit.end)
        subject = _possessor_subject(parsed, tok, free_actors) or \
            _decider(parsed, tok, free_actors) or _object_of_demand(parsed, tok, free_actors) or \
            subject_actors(parsed, tok, free_actors, passive=False) or \
            speaker_of_pronoun(parsed, tok, free_actors) or \
            antecedent_subject(parsed, tok, free_actors) or \
            _subject_of_gerund(parsed, tok, free_actors)
        if not subject and (pronoun_subject(parsed, tok) or _unknown_name_subject(parsed, tok, pool)):
            # "Seoul told Tokyo it would end the pact", "Aliyev demands changes to
            # Armenia's constitution before signing": never the actor named last by order
            return _shared([], mention, pool, stage, shared, text)
        listed = group_before(text, [a for a in free_actors if not _after_with(text, a)],
                              hit.start, floor=sent.start)
        # "In Beijing, Saudi Arabia and Iran signed": the venue opening the list did not sign
        while listed and _VENUE.search(text, max(sent.start, listed[0].start - 12), listed[0].start):
            listed = listed[1:]
        # "Under a deal brokered by Turkey and the UN, Russia and Ukraine agreed": a list
        # opened by a preposition is no subject, whatever it runs into
        listed = _past_prepositional(text, listed, sent.start)
        found = listed if not subject or {id(a) for a in subject} <= {id(a) for a in listed} \
            else subject
    if found and _AS_WITNESS.match(text, mention.end if mention.start >= hit.end else hit.end, sent.end):
        return []  # "Egypt, Qatar and the US signed the deal as guarantors": not its parties
    return _shared(found, mention, pool, stage, shared, text)


# Verbs whose subject makes the proposal named by their object ("Qatar presented a plan").
PRESENTING_VERBS = frozenset({"make", "present", "submit", "table", "unveil", "send", "offer",
                              "float", "draft", "circulate", "deliver", "put", "issue",
                              "announce", "file", "lodge", "launch", "renew", "pitch"})


# Verbs whose subject performs the act a stage noun object names ("announced the end of
# the pact", "completed the withdrawal from the treaty"); "hosted the signing" is not one.
DECLARING_VERBS = frozenset({"announce", "declare", "confirm", "notify", "formalise",
                             "formalize", "complete", "finalise", "finalize", "order",
                             "decree", "proclaim", "initiate", "begin", "start", "launch",
                             "postpone", "delay", "defer"})


def _announcer(parsed: ParsedDoc, tok: Any, actors: Sequence[Any]) -> list[Any]:
    """The subject of a declaring verb whose object is the stage noun ``tok``."""
    if tok is None or not parsed.sentences[tok.sent].parsed or tok.pos != "NOUN" \
            or tok.dep != "dobj" or tok.head == tok.i:
        return []
    head = parsed.tokens[tok.head]
    if head.lemma.lower() not in DECLARING_VERBS:
        return []
    return subject_actors(parsed, head, actors, passive=False)


# A bid only its maker weighs or prepares ("Indonesia is weighing an application"; but
# "Hamas weighed a ceasefire proposal" is someone else's).
OWN_BIDS = frozenset({"application", "bid", "candidacy", "candidature", "request"})

WEIGHING_VERBS = frozenset({"weigh", "consider", "prepare", "plan", "mull", "contemplate",
                            "discuss", "finalise", "finalize"})


_COUNTERPART_GAP = re.compile(r"\s+and\s+(?:his|her|their|its)\s+", re.IGNORECASE)


def _with_counterparts(text: str, found: list[Any], actors: Sequence[Any]) -> list[Any]:
    """The agent list and "and his Mauritian counterpart" after it ("signed by Keir Starmer
    and his Mauritian counterpart"): the counterpart signed too."""
    if not found:
        return found
    nxt = next((a for a in sorted(actors, key=lambda a: a.start) if a.start >= found[-1].end), None)
    if nxt is not None and _COUNTERPART_GAP.fullmatch(text, found[-1].end, nxt.start):
        return [*found, nxt]
    return found


def _is_noun(parsed: ParsedDoc, tok: Any) -> bool:
    """A proposal noun trigger of a parsed sentence ("proposal", "bid", "application")."""
    return tok is not None and parsed.sentences[tok.sent].parsed and tok.pos == "NOUN" \
        and tok.lemma.lower() in PROPOSAL_NOUNS


def _owner_of_noun(parsed: ParsedDoc, tok: Any, actors: Sequence[Any]) -> list[Any]:
    """Who made a proposal named by a noun: its possessive, compound or adjectival actor
    ("Egypt's proposal", "a US offer", "the Egyptian plan"), else the subject of a verb of
    presenting it ("Washington submitted a proposal"), else nobody: the subject of
    "accepted", "rejected" or "discussed" did not propose."""
    mods = [c for c in parsed.children(tok) if c.dep in {"poss", "compound", "amod", "nmod"}]
    # "a truce proposal from Egypt and Qatar", "an offer by Russia"
    mods += [g for c in parsed.children(tok) if c.dep == "prep" and c.text.lower() in {"from", "by"}
             for g in parsed.children(c) if g.dep == "pobj"]
    mods += [g for c in mods for g in parsed.children(c) if g.dep in {"poss", "compound", "conj"}]
    owners = [a for a in actors if any(a.start <= m.start < a.end for m in mods)]
    if owners:
        return sorted(owners, key=lambda a: a.start)
    head = parsed.tokens[tok.head]
    if tok.dep in {"dobj", "nsubjpass"} and head.lemma.lower() in PRESENTING_VERBS:
        return subject_actors(parsed, head, actors, passive=False)
    if tok.dep == "dobj" and tok.lemma.lower() in OWN_BIDS and head.lemma.lower() in WEIGHING_VERBS:
        return subject_actors(parsed, head, actors, passive=False)  # "Indonesia is weighing
        # an application": its own
    return []


_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})


def _possessor_subject(parsed: ParsedDoc, tok: Any, actors: Sequence[Any]) -> list[Any]:
    """A stage noun owned by a pronoun ("by depositing its ratification", "announced their
    withdrawal"): the owner is the subject of the nearest clause above that names one, not
    the actor written last before the noun ("rejoined the World Bank's centre by depositing
    its ratification" is the rejoining state's)."""
    if tok is None or tok.pos != "NOUN" or not parsed.sentences[tok.sent].parsed or not any(
            c.dep == "poss" and c.text.lower() in _POSSESSIVE_PRONOUNS for c in parsed.children(tok)):
        return []
    node = tok
    for _ in range(MAX_OWNER_CLIMB):
        if node.head == node.i:
            return []
        node = parsed.tokens[node.head]
        if node.pos in {"VERB", "AUX"} and any(c.dep == "nsubj" for c in parsed.children(node)):
            return subject_actors(parsed, node, actors, passive=False)
    return []


MAX_OWNER_CLIMB = 5  # tokens from the noun up to the clause whose subject owns it


def _shared(found: Sequence[Any], mention: AgreementMention, pool: Sequence[Any], stage: str,
            shared: bool, text: str = "") -> list[ActorRef]:
    """The parties of a stage: the actors found, and for signing, negotiating and renewing
    the agreement's "with X" partners."""
    refs = [party_ref(a.actor, pool) for a in found]
    if stage in SHARED_STAGES and shared:
        refs += [party_ref(a.actor, pool) for a in mention.actors if not _onlooker(text, a)]
    seen: dict[str, ActorRef] = {}
    for r in refs:
        if not is_person_without_state(r):  # "Kim and Putin signed": an unknown Kim is no party
            seen.setdefault(r.actor_id, r)
    return list(seen.values())


def is_person_without_state(ref: ActorRef) -> bool:
    """A person the resolver could not place in a state: no party of an agreement, which
    binds states, IGOs and armed groups."""
    return ref.actor_id.startswith("person.") and not ref.country


# "with Trump looking on", "Sweden's protocol" signed by Turkey: an actor of the mention
# that watched, or owns what another signed, is no partner.
_LOOKING_ON = re.compile(r"\s+(?:looking\s+on|watching|in\s+attendance|present|presiding|as\s+"
                         r"(?:a\s+|the\s+)?(?:witness|host|guarantor|mediator|observer)s?)\b", re.IGNORECASE)


def _onlooker(text: str, actor: Any) -> bool:
    if re.match(r"['’]s\b", text[actor.end:actor.end + 2]) or \
            actor.actor.kind == "igo" and re.search(r"['’]s\s", actor.text or ""):
        return True  # "Sweden's NATO accession protocol" (the owner of an IGO), signed by Erdogan
    return _LOOKING_ON.match(text, actor.end) is not None


def _subject_of_gerund(parsed: ParsedDoc, tok: Any, actors: Sequence[Any]) -> list[Any]:
    """"Aliyev demands changes before signing the treaty": the signer of a gerund after a
    preposition is the subject of the verb the preposition hangs on."""
    if tok is None or tok.tag != "VBG" or tok.dep != "pcomp" or tok.head == tok.i:
        return []
    verb = parsed.tokens[parsed.tokens[tok.head].head]
    return subject_actors(parsed, verb, actors, passive=False) if verb.pos in {"VERB", "AUX"} else []


def _unknown_name_subject(parsed: ParsedDoc, tok: Any, actors: Sequence[Any]) -> bool:
    """The subject of the trigger verb (or of the verb a gerund trigger hangs on) is a
    proper name that no actor covers: someone the dictionaries do not know acted."""
    if tok is None:
        return False
    verb = tok
    if tok.tag == "VBG" and tok.dep == "pcomp" and tok.head != tok.i:
        verb = parsed.tokens[parsed.tokens[tok.head].head]
    subj = next((c for c in parsed.children(verb) if c.dep == "nsubj"), None)
    return subj is not None and subj.pos == "PROPN" and \
        not any(a.start <= subj.start < a.end for a in actors)


def _decider(parsed: ParsedDoc, tok: Any, actors: Sequence[Any]) -> list[Any]:
    """"Seoul's decision to end the pact": the owner of the noun of deciding decided; for
    "its decision" the nearest subject above the noun that names an actor ("South Korea
    said ..., reversing its decision to terminate the pact")."""
    if tok is None or not parsed.sentences[tok.sent].parsed or not decided_act(parsed, tok):
        return []
    noun = parsed.tokens[tok.head]
    owner = next((c for c in parsed.children(noun) if c.dep == "poss"), None)
    if owner is None:
        return []
    own = [a for a in actors if a.start <= owner.start < a.end]
    if own or owner.pos != "PRON":
        return own
    node = noun
    for _ in range(6):
        if node.head == node.i:
            break
        node = parsed.tokens[node.head]
        found = subject_actors(parsed, node, actors, passive=False) if node.pos in {"VERB", "AUX"} else []
        if found:
            return found
    return []


def _object_of_demand(parsed: ParsedDoc, tok: Any, actors: Sequence[Any]) -> list[Any]:
    """"Washington urged Turkey to ratify the protocol": the one urged acts, not the
    subject of "urged"."""
    if tok is None or tok.dep != "xcomp" or tok.head == tok.i:
        return []
    head = parsed.tokens[tok.head]
    if head.lemma.lower() not in DEMANDING_VERBS | {"allow", "force", "persuade", "convince"}:
        return []
    obj = next((c for c in parsed.children(head) if c.dep == "dobj"), None)
    if obj is None:
        return []
    return [a for a in actors if a.start <= obj.start < a.end]


def _reduced_relative(text: str, hit: Hit, mention: AgreementMention, tok: Any) -> bool:
    """A past participle right after its agreement ("the memorandum signed in 2019",
    "the deal, signed in Doha,") is a reduced relative clause: the main verb's subject
    did not do it."""
    return tok is not None and tok.tag == "VBN" and mention.end <= hit.start \
        and re.fullmatch(r"\s*,?\s*", text[mention.end:hit.start]) is not None


def _past_prepositional(text: str, listed: list[Any], floor: int) -> list[Any]:
    """The subject part of a list run into a prepositional phrase before it: "Under a deal
    brokered by Turkey and the UN, Russia and Ukraine agreed" -> Russia and Ukraine (after
    the last comma); "mediated by Qatar" alone -> nobody; "Negotiators from Armenia and
    Azerbaijan" -> both (an origin names the subject's side)."""
    if not listed:
        return listed
    prep = _PREP_BEFORE.search(text, max(floor, listed[0].start - 12), listed[0].start)
    if prep is None:
        return listed
    breaks = [i for i in range(1, len(listed)) if "," in text[listed[i - 1].end:listed[i].start]]
    if breaks:
        return listed[breaks[-1]:]
    return listed if prep.group("prep").lower() in {"from", "of"} else []


def _speaker_state(parsed: ParsedDoc, tok: Any, actors: Sequence[Any], pool: Sequence[Any]) -> list[ActorRef]:
    """The one state of the speakers whose words hold a trigger done by a body of no named
    state ("Sudanese officials say the deal would have to be approved by a transitional
    parliament": Sudan's)."""
    node = tok
    for _ in range(4):
        if node is None or node.head == node.i or not parsed.sentences[node.sent].parsed:
            return []
        node = parsed.tokens[node.head]
        if node.lemma.lower() in SAYING_VERBS:
            states = {a.actor.country for a in subject_actors(parsed, node, actors, passive=False)}
            return [ref_for_id(states.pop(), pool)] if len(states) == 1 and None not in states else []
    return []


def _after_with(text: str, actor: Any) -> bool:
    """An actor in a "with X (and Y)" / "between X and Y" phrase is a partner, not a subject."""
    return re.search(r"\b(?:with|between)\s+(?:the\s+)?(?:[^,;.]{0,30}\s(?:and|,)\s+(?:the\s+)?)?$",
                     text[max(0, actor.start - 50):actor.start], re.IGNORECASE) is not None
