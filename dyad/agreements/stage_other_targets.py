"""When a stage trigger acts on something other than an agreement, for ``stage_targets``.

"signed a decree", "withdrew from Sinai", "New tariffs took effect", "The text was
agreed", "agreed to release prisoners": the trigger's parsed object or subject (or, without
a parse, the words around it) is a document, a place, a part of an agreement or an act,
so ``stage_targets.target`` does not give it the agreement mentioned nearby. Also the word
lists for what still points at an agreement ("approved the ratification").
"""

from __future__ import annotations

import re
from typing import Sequence

from dyad.agreements.lexicon import Hit
from dyad.agreements.linking import Cluster
from dyad.agreements.mention_record import AgreementMention
from dyad.agreements.spans import token_at
from dyad.nlp.parsed import ParsedDoc, Sentence

# What a part of an agreement is called: "its provisions took effect", "the term expired".
PART_WORDS = frozenset({"text", "document", "provision", "clause", "term", "phase", "stage",
                        "part", "extension", "article", "chapter", "protocol", "amendment"})

# Nouns of a stage or a relation to an agreement, objects that still point at it
# ("approved the ratification", "suspended its participation in the pact").
STAGE_NOUNS = frozenset({"ratification", "extension", "renewal", "accession", "membership",
                         "participation", "implementation", "compliance", "involvement",
                         "obligation", "commitment", "signature", "signing"})

# A party's own part in an agreement: "Britain's accession to the CPTPP took effect".
MEMBERSHIP_NOUNS = frozenset({"accession", "membership"})

# "its participation in the treaty", "the terms of the deal", "a proposal for a truce"
ASPECT_PREPOSITIONS = frozenset({"of", "in", "on", "for", "to", "with", "under", "over", "about"})

# Documents that are signed, passed or issued without being agreements between states.
OTHER_DOCUMENTS = frozenset({"letter", "decree", "law", "bill", "order", "petition",
                             "communique", "communiqué", "resolution", "book", "ordinance",
                             "proclamation", "budget", "legislation", "motion", "note",
                             "guestbook", "directive", "executive", "waiver", "memo"})


def part_subject(parsed: ParsedDoc, hit: Hit, pairs: Sequence[tuple[AgreementMention, Cluster]]) -> bool:
    """The parsed subject of the trigger is "the text", "the document" or another part of
    an agreement under a definite determiner, outside any mention ("The text was agreed")."""
    tok = token_at(parsed, hit.start, hit.end)
    if tok is None or not parsed.sentences[tok.sent].parsed or tok.pos not in {"VERB", "AUX"}:
        return False
    subj = next((c for c in parsed.children(tok) if c.dep in {"nsubj", "nsubjpass"}), None)
    return subj is not None and subj.lemma.lower() in {"text", "document"} \
        and not any(m.start <= subj.start < m.end for m, _ in pairs) \
        and any(c.dep == "det" and c.text.lower() in {"the", "its", "this"} for c in parsed.children(subj))


# (past a time phrase: "agreed on Friday to restore ties", "agreed last week to extend")
_TO_VERB = re.compile(r"(?:\s*,?\s+(?:on|in|at|last|this|earlier|late|early)\s+(?:this\s+)?[\w-]+,?)?"
                      r"\s+to\s+(?!(?:the|a|an|its|their|this|that|it|them|which|what)\b)([a-z]+)\b")


def agreed_to_act(parsed: ParsedDoc, hit: Hit) -> bool:
    """"agreed to release prisoners": agreeing to do something under an agreement named
    before is a commitment it holds, not its negotiation ("agreed to the deal" is one)."""
    if not parsed.text[hit.start:hit.end].lower().startswith("agree"):
        return False
    to = _TO_VERB.match(parsed.text, hit.end)
    if to is None:
        return False
    verb = token_at(parsed, to.start(1), to.end(1))
    return verb is None or not parsed.sentences[verb.sent].parsed or verb.tag == "VB"


def left_elsewhere(parsed: ParsedDoc, hit: Hit,
                    pairs: Sequence[tuple[AgreementMention, Cluster]]) -> bool:
    """A parsed withdrawal verb whose "from" / "out of" object is no agreement mention
    ("troops withdrew from Sinai and security arrangements were set"): what was left is a
    place or a force, and the agreement after it was not left."""
    after = next((m.start for m, _ in pairs if m.start >= hit.end), None)
    if after is not None and re.match(r"\s+(?:from|out\s+of)\s+[^,;]*?(?:,|\band\b|\bor\b)",
                                      parsed.text[hit.end:after], re.IGNORECASE):
        return True  # "withdrew from Sinai and security arrangements": coordinated after
    gap = re.match(r"\s+(?:from|out\s+of)\s+(?P<rest>.*)$", parsed.text[hit.end:after], re.IGNORECASE | re.DOTALL) \
        if after is not None else None
    if gap and not re.fullmatch(r"(?:(?:the|its|their|this|that|a|an)\s+)?(?:[\w.-]+['’]s\s+)?(?:[\w-]+\s+){0,2}",
                                gap.group("rest"), re.IGNORECASE):
        return True  # "a withdrawal from southern Lebanon under the ceasefire": a place left
    tok = token_at(parsed, hit.start, hit.end)
    if tok is None or tok.pos != "VERB" or not parsed.sentences[tok.sent].parsed:
        return False
    for prep in parsed.children(tok):
        if prep.dep != "prep" or prep.text.lower() not in {"from", "of"}:
            continue
        for obj in parsed.children(prep):
            if obj.dep == "pobj" and obj.pos != "PRON" and \
                    not any(m.start <= obj.start < m.end for m, _ in pairs):
                return True
    return False


def other_object(parsed: ParsedDoc, hit: Hit, pairs: Sequence[tuple[AgreementMention, Cluster]],
                  *, only: frozenset[str] | None = None) -> bool:
    """The trigger is a parsed verb whose direct object is neither an agreement mention
    nor a pronoun ("the text" counts as one): an agreement named before it, or in an
    earlier sentence, is not what it acts on ("Iran has rejected direct negotiations").
    With ``only``, the object must be one of those nouns: a document signed that is no
    agreement keeps the trigger off the agreement after it too ("signed a decree
    suspending the treaty")."""
    tok = token_at(parsed, hit.start, hit.end)
    if tok is None or tok.pos != "VERB" or not parsed.sentences[tok.sent].parsed:
        return False
    obj = next((c for c in parsed.children(tok) if c.dep == "dobj"), None)
    if obj is not None and only is not None and obj.lemma.lower() not in only:
        return False
    if obj is None or obj.pos == "PRON" or obj.lemma.lower() in PART_WORDS | STAGE_NOUNS:
        return False
    if hit.start <= obj.start < hit.end:
        return False  # "took effect", "held talks": the object is part of the trigger
    if any(m.start <= obj.start < m.end for m, _ in pairs):
        return False
    # "its participation in the treaty", "the terms of the deal": an aspect of the agreement
    for prep in parsed.children(obj):  # (not "the case against the treaty")
        if prep.dep == "prep" and prep.text.lower() in ASPECT_PREPOSITIONS and any(
                g.dep == "pobj" and any(m.start <= g.start < m.end for m, _ in pairs)
                for g in parsed.children(prep)):
            return False
    return True


_RELATIVE_WORDS = frozenset({"which", "that", "who", "whom"})


def relative_head_other(parsed: ParsedDoc, hit: Hit,
                        pairs: Sequence[tuple[AgreementMention, Cluster]]) -> bool:
    """The trigger is a relative clause on a noun that is its object and no agreement:
    "a charge Lima rejects", "the law that parliament ratified", "a decree which was signed
    on Monday" act on the charge, the law, the decree, not on an agreement told before."""
    tok = token_at(parsed, hit.start, hit.end)
    if tok is None or tok.dep != "relcl" or tok.head == tok.i or not parsed.sentences[tok.sent].parsed:
        return False
    kids = list(parsed.children(tok))
    if any(c.dep == "dobj" and c.text.lower() not in _RELATIVE_WORDS for c in kids):
        return False  # "the country that ratified the treaty": its own object
    if any(c.text.lower() in {"when", "where", "why", "whereby"} for c in kids):
        return False  # "on Friday, when the accord expired": a time, not an object
    active = any(c.dep == "nsubj" and c.text.lower() not in _RELATIVE_WORDS
                 and not any(m.start <= c.start < m.end for m, _ in pairs) for c in kids)
    passive = any(c.dep == "nsubjpass" and c.text.lower() in _RELATIVE_WORDS for c in kids)
    if not (active or passive):
        return False
    head = parsed.tokens[tok.head]
    if head.pos not in {"NOUN", "PROPN"} or head.lemma.lower() in PART_WORDS | STAGE_NOUNS:
        return False
    if passive and named_tail(parsed, head, pairs) is not None:
        return False  # "a 1945 agreement for Dhahran, which was renewed": the agreement's
    return not any(m.start <= head.start < m.end for m, _ in pairs)


# The words closing an agreement's phrase after its head: "the pact with Chile", "a 1945
# agreement for Dhahran", "the treaty between Peru and Ecuador"
_NAME_TAIL = re.compile(r"\s+(?:between|with|among|of|for|on|over)\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,4}?[\w.'’-]+",
                        re.IGNORECASE)


def named_tail(parsed: ParsedDoc, head, pairs: Sequence[tuple[AgreementMention, Cluster]]):
    """The agreement whose phrase ends with the name ``head`` ("the accord with Chile"):
    a relative clause the parse hangs on that name, with a stage verb in the passive
    ("..., which was renewed in 1957"), tells of the agreement, since a state or a place is
    not what is signed, renewed or ratified."""
    if head.pos != "PROPN":
        return None
    return next(((m, c) for m, c in reversed(pairs) if m.end <= head.start
                 and _NAME_TAIL.fullmatch(parsed.text, m.end, head.end)), None)


_HELD_IN = re.compile(r"\s+(?:(?:[\w-]+\s+){0,3}?)(?:in|under|by|through)\s+(?:the\s+|an?\s+|its\s+|their\s+)?",
                      re.IGNORECASE)


def participle_of_other(parsed: ParsedDoc, hit: Hit,
                        pairs: Sequence[tuple[AgreementMention, Cluster]]) -> bool:
    """The trigger is a participle reducing a relative clause on a noun that is no
    agreement, with the agreement after it as the frame: "the pipeline, agreed in an
    intergovernmental accord", "the quotas agreed under the pact" were agreed, not the
    accord (which "the accord, agreed in May," is). The parse's reduced relative, or
    by word order a common noun and a comma before it (the parser often reads the
    participle as the main verb)."""
    if not any(m.start >= hit.end and _HELD_IN.fullmatch(parsed.text, hit.end, m.start) for m, _ in pairs):
        return False
    tok = token_at(parsed, hit.start, hit.end)
    if tok is None or not parsed.sentences[tok.sent].parsed:
        return False
    if tok.tag == "VBN" and tok.dep == "acl" and tok.head != tok.i:
        head = parsed.tokens[tok.head]
    else:
        before = _NOUN_COMMA.search(parsed.text, max(0, hit.start - 40), hit.start)
        head = token_at(parsed, before.start(1), before.end(1)) if before else None
        if head is None or head.tag not in {"NN", "NNS"}:
            return False
    if head.pos not in {"NOUN", "PROPN"} or head.lemma.lower() in PART_WORDS | STAGE_NOUNS:
        return False
    return not any(m.start <= head.start < m.end for m, _ in pairs)


_NOUN_COMMA = re.compile(r"\b([a-z][\w-]*)\s*,\s*$")


def object_lemma(parsed: ParsedDoc, hit: Hit) -> str | None:
    tok = token_at(parsed, hit.start, hit.end)
    obj = next((c for c in parsed.children(tok) if c.dep == "dobj"), None) if tok is not None else None
    return obj.lemma.lower() if obj is not None else None


# The parties or their leaders as the subject of an entry into force ("the two governments
# exchanged instruments of ratification"): no other thing coming into force
PARTY_SUBJECTS = frozenset({"side", "government", "leader", "president", "minister", "country"})


def other_subject(parsed: ParsedDoc, hit: Hit,
                   pairs: Sequence[tuple[AgreementMention, Cluster]]) -> bool:
    """An entry into force or expiry whose parsed subject is a noun that is not an
    agreement mention ("The tariffs took effect", "His visa expired")."""
    tok = token_at(parsed, hit.start, hit.end)
    if tok is not None and not parsed.sentences[tok.sent].parsed:
        return not any(m.end <= hit.start for m, _ in pairs) and \
            other_subject_words(parsed.text, parsed.sentences[tok.sent], hit)
    if tok is None or tok.pos not in {"VERB", "AUX"}:
        return False
    subj = next((c for c in parsed.children(tok) if c.dep in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.pos not in {"NOUN", "PROPN"} or subj.lemma.lower() in PART_WORDS:
        return False
    if hit.start <= subj.start < hit.end:
        return False  # "deliveries began": the trigger names its own subject
    if subj.lemma.lower() in PARTY_SUBJECTS:
        return False  # "the two presidents will exchange the instruments": the parties act
    if subj.lemma.lower() in MEMBERSHIP_NOUNS and any(
            g.dep == "pobj" and any(m.start <= g.start < m.end for m, _ in pairs)
            for c in parsed.children(subj) if c.dep == "prep" for g in parsed.children(c)):
        return False  # "Britain's accession to the CPTPP took effect": the pact, for Britain
    if any(_CONTACT_RELATIVE.fullmatch(parsed.text, m.end, subj.start) for m, _ in pairs):
        return False  # "the accord the two countries signed in 2015 has been in force": the
        # subject of a relative clause without "that", misread as the verb's
    return not any(m.start <= subj.start < m.end for m, _ in pairs)


# Between an agreement mention and the subject of a relative clause without "that" ("the
# accord [the two countries] signed"): a determiner and up to two words.
_CONTACT_RELATIVE = re.compile(r"\s+(?:the|both|its|their|his|her|our|these|those)\s+(?:[\w-]+\s+){0,2}")


def other_subject_words(text: str, sent: Sentence, hit: Hit) -> bool:
    """Word order's reading of ``other_subject`` for a sentence without a parse: the
    words before the verb, past an opening adverbial ("In 2018, ..."), are neither a
    pronoun, nor a part of an agreement, nor empty ("Entry into force followed")."""
    before = re.sub(r"^(?:(?:On|In|By|From|Since|After|Then|Later)\b[^,]{0,40},\s*)", "",
                    text[sent.start:hit.start].strip())
    if not before or text[hit.start:hit.end].lower().startswith("entry"):
        return False
    return not re.match(r"(?:it|this|that|they|these|the\s+(?:\w+\s+)?(?:text|document|"
                        r"provisions?|clauses?|terms?|protocol|amendments?))\b", before,
                        re.IGNORECASE)



# Between a subject noun and the agreement it is held under: "a lease granted under the",
# "the quotas set out in the", "sanctions relief under the"
_HELD_UNDER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:under|in|by)\s+(?:(?:the|its|their|a|an)\s+)?(?:[\w-]+\s+){0,3}",
                         re.IGNORECASE)
# Word order's reading (no parse, or a parse that gave the verb no subject): a noun phrase
# held "under" the agreement, the mention, then at most a short tail before the verb
_NOUN_UNDER = re.compile(r"\b(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?P<noun>[a-z][\w-]*)\s+(?:[\w-]+\s+){0,2}?"
                         r"under\s+(?:(?:the|its|their|a|an)\s+)?(?:[\w-]+\s+){0,2}$")
_SHORT_TAIL = re.compile(r"(?:\s+(?:with|between|of)\s+(?:[\w.-]+\s+){1,3}?)?\s*(?:has\s+|had\s+|have\s+)?")


def subject_under(parsed: ParsedDoc, hit: Hit, pairs: Sequence[tuple[AgreementMention, Cluster]]) -> bool:
    """The trigger's subject is a noun held under the agreement mentioned inside its
    phrase ("a 25-year lease granted under the 1994 peace treaty expired"), not the
    agreement or a part of it: that thing ran out, not the agreement."""
    tok = token_at(parsed, hit.start, hit.end)
    if tok is None:
        return False
    subj = next((c for c in parsed.children(tok) if c.dep in {"nsubj", "nsubjpass"}), None) \
        if parsed.sentences[tok.sent].parsed else None
    if subj is None:
        sent = parsed.sentences[tok.sent]
        for m, _ in pairs:
            if m.end <= hit.start and _SHORT_TAIL.fullmatch(parsed.text, m.end, hit.start):
                held = _NOUN_UNDER.search(parsed.text, sent.start, m.start)
                return held is not None and held.group("noun").lower() not in PART_WORDS
        return False
    if subj.pos != "NOUN" or subj.lemma.lower() in PART_WORDS or \
            any(m.start <= subj.start < m.end for m, _ in pairs):
        return False
    return any(subj.end <= m.start and m.end <= hit.start and _HELD_UNDER.fullmatch(parsed.text, subj.end, m.start)
               for m, _ in pairs)
