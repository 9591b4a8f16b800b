"""The agreement a stage trigger acts on when its sentence does not name one
(``stage_targets.target`` asks these): a pronoun next to the trigger ("withdrew from it",
"It was signed"), a participle opening the sentence ("Signed in 1997, it ..."), a bare
exit or signing with no object ("The US pulled out in 2018", "Trump withdrew the United
States in 2018"), a definite proposal noun ("Egypt put forward the plan"), a signing told as
an event ("Trump hosted the signing"), or an exit declared ("Poland announced its
withdrawal"). Each names the agreement of the previous ``ANAPHORA_SENTENCES`` sentences
(``previous``); under a truce, a peace or a basing deal (``TROOP_KINDS``) a bare withdrawal
is of troops.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.lexicon import Hit
from dyad.agreements.spans import token_at
from dyad.nlp.parsed import ParsedDoc, Sentence

ANAPHORA_SENTENCES = 2

# "the plan", "this proposal": a definite proposal noun standing for the agreement proposed
_PROPOSAL_REF = re.compile(r"\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,2}?(?:proposal|plan|draft|"
                           r"framework|offer|idea|blueprint|initiative)\b", re.IGNORECASE)


def proposal_ref(text: str, hit: Hit, sent: Sentence) -> bool:
    """"Egypt put forward the plan in May", "The proposal was first floated by Qatar": a
    proposal trigger on a definite proposal noun, in a sentence naming no agreement, is
    the proposal of the agreement of the sentences before."""
    if hit.trigger.stage != "proposed":
        return False
    near = [m for m in _PROPOSAL_REF.finditer(text, sent.start, sent.end)
            if -40 <= m.start() - hit.end <= 25 or 0 <= hit.start - m.end() <= 40]
    return bool(near)


# An unnamed mention with a plural head ("later deals", "both accords"): no antecedent of "it"
_PLURAL_HEAD = re.compile(r"(?:deals|agreements|accords|treaties|pacts|protocols|arrangements|"
                          r"conventions|texts|documents)\s*$", re.IGNORECASE)


# A comparison's foil: "unlike Moscow's treaty with Pyongyang", "as with the 2015 deal"
_FOIL = re.compile(r"\b(?:unlike|like|as\s+with|than|rather\s+than|instead\s+of|similar\s+to|"
                   r"compared\s+(?:with|to))\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)


# The agreement a new one replaces: "The treaty ... replaces the 1951 security pact. The Diet
# approved it": "it" is the new treaty, the topic, not the one it supersedes
_REPLACED = re.compile(r"\b(?:replac(?:e|es|ed|ing)|supersed(?:e|es|ed|ing))\s+(?:[\w'’-]+\s+){0,4}$",
                       re.IGNORECASE)


def previous(by_sent: dict, sent: Sentence, *, singular: bool = False, text: str = ""):
    """The agreement mentioned last in the previous ``ANAPHORA_SENTENCES`` sentences;
    ``singular`` (the pronoun is "it") passes over unnamed plurals ("later deals") when
    the sentence names a singular one before them, and over the foil of a comparison
    ("The pact, unlike Moscow's treaty with Pyongyang, has no defence clause. It must be
    ratified": the pact), which is set against the topic, not taken up, and over the
    agreement a new one replaces ("The treaty replaces the 1951 pact. The Diet approved
    it": the treaty)."""
    for back in range(1, ANAPHORA_SENTENCES + 1):
        prev = by_sent.get(sent.i - back)
        if prev:
            ordered = sorted(prev, key=lambda p: p[0].start)
            if singular:
                ones = [p for p in ordered if p[0].named or not _PLURAL_HEAD.search(p[0].text)]
                ordered = ones or ordered
                topics = [p for p in ordered if not _FOIL.search(text, max(0, p[0].start - 60), p[0].start)]
                ordered = topics or ordered
            current = [p for p in ordered if not _REPLACED.search(text, max(0, p[0].start - 60), p[0].start)]
            return (current or ordered)[-1]
    return None


# "pull out of it", "ratify it": "it" as the trigger's object
_IT_OBJECT = re.compile(r"\s+(?:(?:from|to|out\s+of|of|on)\s+)?(?P<pron>it|them)\b"
                        r"(?!\s+(?:is|was|has|had|will|would|could)\b)", re.IGNORECASE)


_CLAUSE_BETWEEN = re.compile(r"[,;]|\b(?:and|but|while|although|though)\b", re.IGNORECASE)


def it_object(text: str, hit: Hit, sent: Sentence, pairs: Sequence[Any]) -> Any:
    """"Pyongyang, which joined the treaty in 1985, has threatened to pull out of it": "it"
    as the object of a trigger, with every agreement of the sentence named before it, is the
    last singular one of them (the pair), else None."""
    obj = _IT_OBJECT.match(text, hit.end, sent.end) if pairs else None
    if obj is None or any(m.end > hit.start for m, _ in pairs):
        return None
    # "them" takes up a plural as readily as a singular ("The accords were signed by
    # Israel and Bahrain, and Morocco joined them")
    ones = [p for p in pairs if p[0].named or obj.group("pron").lower() == "them"
            or not _PLURAL_HEAD.search(p[0].text)]
    last = max(ones, key=lambda p: p[0].start) if ones else None
    if last is None or not _CLAUSE_BETWEEN.search(text, last[0].end, hit.start):
        return None  # "a broader agreement to replace it": "it" is not the trigger's own subject
    return last


def it_ref(text: str, hit: Hit, sent: Sentence) -> bool:
    """The pronoun standing for the agreement next to the trigger is "it" ("ratify it",
    "It was signed"), which a plural does not take."""
    return re.match(r"\s+(?:(?:from|to|out\s+of|of|on)\s+)?it\b", text[hit.end:sent.end], re.IGNORECASE) is not None \
        or re.search(r"\bit\s+(?:[a-z]+\s+){0,3}$", text[sent.start:hit.start], re.IGNORECASE) is not None


# "London signed its accession in July", "ratified their accession protocol": a party's
# entry into the agreement just named (an entry "to X" names what it enters)
_OWN_ACCESSION = re.compile(r"\s+(?:its|their)\s+(?:accession|membership)(?:\s+(?:protocol|treaty|"
                            r"agreement|documents?))?\b(?!\s+(?:to|of|into)\b)(?!\s+in\s+(?:the\s+)?(?!(?:January|"
                            r"February|March|April|May|June|July|August|September|October|November|"
                            r"December)\b)(?-i:[A-Z]))", re.IGNORECASE)


def pronoun_ref(text: str, hit: Hit, sent: Sentence) -> bool:
    """"withdrew from it", "signed it", "It was signed": a pronoun next to the trigger
    stands for the agreement of the previous sentences."""
    after = re.match(r"\s+(?:(?:from|to|out\s+of|of|on)\s+)?(?:it|the\s+(?:text|documents?|papers))\b",
                     text[hit.end:sent.end], re.IGNORECASE) or _OWN_ACCESSION.match(text, hit.end, sent.end) or (  # "withdrew them" are troops
        hit.trigger.stage in {"signed", "ratified"} and re.match(r"\s+them\b", text[hit.end:sent.end]))
    before = re.search(r"(?:^|[,;]\s*|\band\s+)(?:it|the\s+(?:text|documents?))\s+(?:[a-z]+\s+){0,3}$"
                       # "They were signed in Cairo": a passive "they" is the agreements
                       r"|(?:^|[,;]\s*|\band\s+)they\s+(?:were|have\s+been|had\s+been)\s+(?:\w+ly\s+)?$",
                       text[sent.start:hit.start], re.IGNORECASE)
    # "Signed by 122 countries in 1997, it took effect in 1999": a participle opening the
    # sentence describes the pronoun subject of its main clause
    fronted = not text[sent.start:hit.start].strip(" \"'“‘") and text[hit.start:hit.end].endswith("ed") \
        and re.match(r"[^.;]{0,80}?,\s*(?:it|they)\s", text[hit.end:sent.end], re.IGNORECASE)
    return bool(after or before or fronted)


# After a verb with nothing said of its object: "pulled out in 2018", "quit.", "signed in
# Athens on Friday", "withdrew three years later", "could withdraw if sanctions return"
_NOTHING_LEFT = re.compile(r"\s*(?:[,.;]|(?:in|on|at|last|this|after|earlier|later|soon|too|if|unless|"
                           r"altogether|unilaterally|formally|officially|jointly)\b|"
                           r"(?:[\w-]+\s+){1,2}(?:later|earlier|afterwards|ago)\b|"
                           r"the\s+(?:following|next)\s+(?:year|month|week|day)\b|$)", re.IGNORECASE)
_SHORT_SUBJECT = re.compile(r"(?:The|Their|Both|Its|[A-Z][\w'’-]*)(?:\s+(?!(?:troops|forces|soldiers|it|they)\b)"
                            r"[\w'’-]+){0,4}\s+", )
# Agreements under which "X withdrew" tells of troops leaving, not of the agreement left.
TROOP_KINDS = frozenset({"ceasefire", "peace", "basing"})
# A proper name right after a withdrawal verb: the state withdrawn ("withdrew the US")
_NAMED_OBJECT = re.compile(r"\s+(?:the\s+)?(?-i:[A-Z][\w.]*)(?:\s+(?-i:[A-Z][\w.]*)){0,2}(?=\s|[,.;])")
# "pulled out the following year": a time parsed as the object
_TIME_NOUNS = frozenset({"year", "month", "week", "day", "decade"})
# Stages whose verb alone, with no object, still acts on the agreement just named.
_BARE_STAGES = frozenset({"withdrawn", "signed"})


def bare_exit(parsed: ParsedDoc, hit: Hit, sent: Sentence) -> bool:
    """"The US pulled out in 2018", "Their ministers signed in Athens on Friday": a
    withdrawal or signing verb with no object and a named subject (a state or its
    envoys, not "the troops" leaving nor "it") acts on the agreement of the previous
    sentences; so does "Seoul threatened to quit" through the verb it completes."""
    end = hit.end
    named = _NAMED_OBJECT.match(parsed.text, end, sent.end) if hit.trigger.stage == "withdrawn" else None
    if named and any(e.label == "GPE" and e.start <= named.end() - 1 < e.end
                     for e in parsed.sentence_entities(sent)):
        end = named.end()  # "Trump withdrew the United States in 2018": the state it took out
    else:
        named = None
    if hit.trigger.stage not in _BARE_STAGES or not _NOTHING_LEFT.match(parsed.text, end, sent.end):
        return False
    tok = token_at(parsed, hit.start, hit.end)
    if tok is not None and not parsed.sentences[tok.sent].parsed:
        # no parse (no name in the sentence): a short subject opening it signs ("The two
        # ministers signed on Friday."); one leaving is no named state ("The delegation
        # withdrew in protest")
        return hit.trigger.stage == "signed" and \
            _SHORT_SUBJECT.fullmatch(parsed.text, sent.start, hit.start) is not None
    if tok is None or tok.pos != "VERB":
        return False
    head = parsed.tokens[tok.head]
    if tok.tag == "VBN" and not (tok.dep == "acl" and head.dep == "ROOT" and head.pos in {"NOUN", "PROPN"}):
        return False  # "signed in 2019" as a participle; but "The two ministers signed on
        # Friday", parsed as a noun phrase, is a clause
    if any(c.dep in {"dobj", "nsubjpass", "auxpass"} and c.lemma.lower() not in _TIME_NOUNS
           and not (c.dep == "dobj" and c.pos == "PROPN" and hit.trigger.stage == "withdrawn")
           and not (c.dep == "dobj" and hit.start <= c.start < hit.end)  # "pulled the country out"
           or c.dep == "prep" and c.text.lower() in {"from", "of", "up"}
           or c.dep == "prt" and not hit.start <= c.start < hit.end for c in parsed.children(tok)):
        return False  # "signed up", "withdrew from Gaza", "signed a decree"
    verb = tok
    if tok.dep == "xcomp" and tok.head != tok.i:
        verb = parsed.tokens[tok.head]
    subj = next((c for c in parsed.children(verb) if c.dep == "nsubj"), None)
    if tok.tag == "VBN":
        subj = head
    if subj is None:
        return False
    if hit.trigger.stage == "withdrawn":
        # (a name taken out counts whatever the parse made of its subject: "Trump withdrew
        # the US in 2018", with "Trump" tagged as a common noun)
        return subj.pos == "PROPN" or _reported_by_name(parsed, verb, subj) or named is not None
    # "France has said it will not sign": a pronoun reported by a named state signs too
    return subj.pos in {"PROPN", "NOUN"} and subj.lemma.lower() not in {"troop", "force", "soldier"} \
        or _reported_by_name(parsed, verb, subj)


def _reported_by_name(parsed: ParsedDoc, verb: Any, subj: Any) -> bool:
    """"Poland announced it would withdraw": "it" in a reported clause is the named
    subject of the verb reporting it; so is a singular "it" reported by people ("lawmakers
    have warned that it could withdraw"), who are not what withdraws."""
    if subj.text.lower() not in {"it", "they"}:
        return False
    if verb.dep != "ccomp" or verb.head == verb.i:
        return False
    speaker = next((c for c in parsed.children(parsed.tokens[verb.head]) if c.dep == "nsubj"), None)
    return speaker is not None and (speaker.pos == "PROPN" or subj.text.lower() == "it"
                                    and speaker.pos == "NOUN" and speaker.tag == "NNS")


# "the signing", "a formal signing ceremony", "Signing is expected": the event, not a verb
# with its object ("signing the decree", "the signing of the decree")
_SIGNING_DET = re.compile(r"(?:^|\b(?:the|a|its|their|formal|official)\s+(?:[\w-]+\s+)?)$", re.IGNORECASE)
_SIGNING_NOUN = re.compile(r"signing\b(?!\s+(?:of|the|an?|its|their|this|that|it|them|up|on|off|"
                           r"into|away|over|by)\b)", re.IGNORECASE)


def nominal_signing(text: str, hit: Hit, sent: Sentence) -> bool:
    """"Trump hosted the signing at the White House", "The signing ceremony followed in
    September": a signing told as an event, in a sentence naming no agreement, is the
    signing of the agreement of the sentences before."""
    return hit.trigger.stage == "signed" and text[hit.start:hit.end].lower() == "signing" \
        and _SIGNING_NOUN.match(text, hit.start) is not None \
        and _SIGNING_DET.search(text[sent.start:hit.start]) is not None


# "Poland announced its withdrawal in 2024": a party's exit declared, from nothing named
_ANNOUNCED_EXIT = re.compile(r"(?:announc|declar|confirm|notif|formali[sz])\w*\s+(?:its|their|(?-i:the\s+[A-Z][\w.]*|"
                             r"[A-Z][\w.]*['’]s))\s+(?:formal\s+)?$", re.IGNORECASE)
_EXIT_NOUN = re.compile(r"(?:withdrawal|exit|pull-?out|departure)\b(?!\s+(?:from|of)\b)", re.IGNORECASE)


def announced_exit(text: str, hit: Hit) -> bool:
    """A withdrawal noun with no "from"/"of" object, owned by "its" / "their" and declared
    ("announced its withdrawal", "notified their exit"), is an exit from the agreement of
    the sentences before (a troop withdrawal names its troops or place)."""
    return hit.trigger.stage == "withdrawn" and _EXIT_NOUN.match(text, hit.start, hit.end + 8) is not None \
        and _ANNOUNCED_EXIT.search(text, max(0, hit.start - 40), hit.start) is not None
