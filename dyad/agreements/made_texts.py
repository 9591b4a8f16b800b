"""Texts the sides made: whether a memorandum, a joint statement or communique, a
declaration, a letter of intent or a plan is an agreement between states.

These heads name agreements only when their words say the sides made the text together:
"signed a memorandum in Sochi" (not "a presidential memorandum ordering an inquiry"), "issued
a joint communique" (not "said in a joint statement"), "a declaration signed in Manila" (not
"a declaration of independence"), "a letter of intent", "a UN peace plan" (not "plans to buy
jets"). ``generic_mentions.generic_mention`` asks these questions of a head it reads.
"""

from __future__ import annotations

import re

from dyad.nlp.parsed import ParsedDoc, Token

WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"  # "a deal on Friday"

MEMO_HEADS = frozenset({"memorandum", "memorandums", "memoranda"})

MEMO_AFTER = re.compile(r"\s+(?:of\s+(?:understanding|agreement|cooperation)|on(?!\s+" + WEEKDAY + r")|with|between|"
                         r"for|to\s+(?:boost|expand|deepen|strengthen|cooperate))\b", re.IGNORECASE)

# A memorandum the sides made: "signed a memorandum in Sochi", "renewed a 1990 memorandum",
# "a memorandum signed in April", "the memorandum the two leaders signed", "a memorandum
# under which ..."; not a government's internal note ("signed a memorandum ordering an
# inquiry", "a presidential memorandum").
_MEMO_MADE_BEFORE = re.compile(r"\b(?:sign|ink|renew|extend|initial|conclud|adopt|put\s+their\s+signatures\s+to)"
                               r"\w*\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)
_MEMO_MADE_AFTER = re.compile(r"(?:\s+(?:in|at)\s+(?-i:[A-Z])[\w-]+)?(?:\s+(?:the\s+|that\s+|which\s+)?"
                              r"(?:[\w-]+,?\s+){0,6}?(?:(?:was|were|had\s+been|has\s+been)\s+)?"
                              r"(?:signed|inked|concluded|initialled|initialed|agreed|renewed|expired|lapsed|ran\s+out)\b"
                              r"|\s+under\s+which\b)",
                              re.IGNORECASE)
_MEMO_ORDER = re.compile(r"[^.;]{0,40}?\b(?:order|direct|instruct|tell|ask|requir|authori[sz]|call|urg)\w*\b",
                         re.IGNORECASE)
_MEMO_INTERNAL = re.compile(r"\b(?:presidential|executive|internal|leaked|confidential|classified|"
                            r"security|legal|policy|cabinet|staff)\s+$", re.IGNORECASE)
# "signed a memorandum of obligations for membership": the accession's text
_MEMO_ENTRY = re.compile(r"\b(?:membership|member|accession|join\w*|obligations)\b", re.IGNORECASE)


def memo_made(text: str, sent_start: int, sent_end: int, start: int, end: int) -> bool:
    """A memorandum signed, renewed or concluded by its sides, not an internal note nor a
    candidate's memorandum of obligations for membership (its accession's text)."""
    if _MEMO_INTERNAL.search(text, max(sent_start, start - 30), start) or _MEMO_ORDER.match(text, end, sent_end) \
            or _MEMO_ENTRY.search(text, sent_start, sent_end):
        return False
    return bool(_MEMO_MADE_BEFORE.search(text, max(sent_start, start - 60), start)
                or _MEMO_MADE_AFTER.match(text, end, sent_end))


# "signed a letter of intent to buy Gripen jets": a memorandum
LETTERS = frozenset({"letter", "letters"})
OF_INTENT = re.compile(r"\s+of\s+intent\b", re.IGNORECASE)

# A plan or proposal is an agreement offered to the sides of a conflict: "a UN peace plan",
# "the settlement plan drawn up by Ahtisaari", "a Chinese three-point proposal" (not "plans
# to buy jets", "a proposal to extend the deal"); it frames the talks (`framework`) unless
# it offers a ceasefire ("a truce plan", kept as a ceasefire mention by ``_PLAN_AFTER``).
PLAN_HEADS = frozenset({"plan", "plans", "proposal", "proposals"})
PEACE_PLAN = re.compile(r"\b(?:peace|settlement|reunification|power-sharing)\b", re.IGNORECASE)
PLAN_MODIFIER = re.compile(r"\b(?:peace|settlement|reunification|power-sharing|(?:\d+|two|three|four|five|six|seven|eight|"
                            r"nine|ten|twelve|fifteen|twenty)-(?:point|phase|stage))\b", re.IGNORECASE)


# A statement or communique is an agreement only when the sides issue it together: "signed
# a joint statement", "issued a joint communique", "The joint statement, signed in Havana";
# not "the two countries said in a joint statement" (what they said is the news, not a text
# they agreed), nor "a statement" of one government.
JOINT_TEXTS = frozenset({"statement", "statements", "communique", "communiques", "communiqué"})
_JOINT_BEFORE = re.compile(r"\bjoint\s+$", re.IGNORECASE)
_ISSUING = re.compile(r"\b(?:sign|issu|adopt)\w*\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_ISSUING_ONLY = re.compile(r"\bissu\w*\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_ISSUED_AFTER = re.compile(r"\s*,?\s+(?:was\s+|were\s+)?(?:signed|issued|adopted|initialled|initialed)\b",
                           re.IGNORECASE)


def issued_jointly(parsed: ParsedDoc, head: Token) -> bool:
    """"joint" right before the head, and the text made: the object of signing, issuing or
    adopting, or signed/issued right after it."""
    sent = parsed.sentences[head.sent]
    if not _JOINT_BEFORE.search(parsed.text, max(sent.start, head.start - 8), head.start):
        return False
    lead = parsed.text[max(sent.start, head.start - 60):head.start - len("joint ")]
    if head.text.lower().startswith("communiq"):
        # a signed communique records a normalisation (clauses.normalisations); an issued
        # one sets out positions ("issued a joint communique in Shanghai")
        return bool(_ISSUING_ONLY.search(lead))
    return bool(_ISSUING.search(lead)) or bool(_ISSUED_AFTER.match(parsed.text, head.end, sent.end))


DECLARATIONS = frozenset({"declaration", "declarations"})

# "a declaration of independence", "of war": one side's act
UNILATERAL = re.compile(r"\s+of\s+(?:independence|statehood|war|sovereignty|martial\s+law|"
                         r"(?:a\s+|the\s+)?state\s+of\s+emergency|neutrality\b(?!\s+of))\b", re.IGNORECASE)

# How the sides make a text: "signed / put their signatures to / adopted / approved /
# endorsed a declaration", "talks that produced a joint statement"
_MADE_BEFORE = re.compile(r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed|ing)?|initial(?:s|led|ed|ling|ing)?|adopt\w*|"
                          r"approv\w*|endors\w*|produc\w*|(?:put|set)\s+their\s+signatures?\s+to)"
                          r"\s+(?:a|an|the|their|its|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)
_SIGN_BEFORE = re.compile(r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed|ing)?|initial(?:s|led|ed|ling|ing)?|"
                          r"(?:put|set)\s+their\s+signatures?\s+to)"
                          r"\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)
# "a declaration on the South China Sea, signed in Manila", "the joint statement Sharif
# issued with President Clinton" (a contact relative)
_MADE_AFTER = re.compile(r"(?:\s+(?:on|of)\s+[^,;.]{0,60}?)?\s*,?\s+(?:(?:was|were|had\s+been|has\s+been)\s+)?"
                         r"(?:signed|initialled|initialed|adopted)\b"
                         r"|\s+(?-i:[A-Z])[\w-]+(?:\s+(?:and\s+)?(?-i:[A-Z])[\w-]+){0,2}\s+(?:signed|issued|adopted)\b",
                         re.IGNORECASE)
_SIGNED_AFTER = re.compile(r"(?:\s+(?:on|of)\s+[^,;.]{0,60}?)?\s*,?\s+(?:(?:was|were|had\s+been|has\s+been)\s+)?"
                           r"(?:signed|initialled|initialed)\b", re.IGNORECASE)
_COMMUNIQUE_PURPOSE = re.compile(r"[^.;]{0,60}?\b(?:restor|establish|re-?establish|resum|normali[sz])\w*\s+"
                                 r"(?:(?:full|formal|diplomatic|their|its)\s+){0,3}(?:relations|ties)\b", re.IGNORECASE)
# "a 1982 joint communique", "the 1992 ASEAN declaration": a text known by its year stands
_DATED = re.compile(r"\b(?:1[89]|20)\d\d\s+(?:(?-i:[A-Z])[\w-]*\s+)?(?:joint\s+)?$", re.IGNORECASE)


def signed_text(parsed: ParsedDoc, head: Token) -> bool:
    """A statement or declaration its sides made: signed (a statement only so: "Presidents
    Clinton, Yeltsin and Kravchuk signed a statement"); a declaration also adopted,
    approved, endorsed or produced, signed or adopted after its complement, or known by
    its year; a joint one also issued by a named side in a contact relative ("the joint
    statement Sharif issued with Clinton")."""
    sent = parsed.sentences[head.sent]
    text = parsed.text
    lead_start = max(sent.start, head.start - 70)
    if head.text.lower() in JOINT_TEXTS:
        signed = _SIGN_BEFORE.search(text, lead_start, head.start) or _SIGNED_AFTER.match(text, head.end, sent.end)
        if signed and head.text.lower().startswith("communiq"):
            # a signed communique records a normalisation, told by its verb elsewhere
            # (clauses.normalisations); it is the agreement only where its own words say
            # what it does ("signed a joint communique in Tianjin restoring ties")
            return bool(_COMMUNIQUE_PURPOSE.match(text, head.end, sent.end))
        if signed:
            return True
        if not _JOINT_BEFORE.search(text, max(sent.start, head.start - 8), head.start):
            return False
        if head.text.lower().startswith("communiq"):
            return bool(_DATED.search(text, max(sent.start, head.start - 30), head.start))
        return bool(_MADE_BEFORE.search(text, lead_start, head.start) or _MADE_AFTER.match(text, head.end, sent.end)
                    or _DATED.search(text, max(sent.start, head.start - 30), head.start))
    return bool(_MADE_BEFORE.search(text, lead_start, head.start) or _MADE_AFTER.match(text, head.end, sent.end)
                or _DATED.search(text, max(sent.start, head.start - 30), head.start))


def form_made(parsed: ParsedDoc, head: Token) -> bool:
    """Whether a weak head's own form and words say the sides made it: a letter of intent
    (checked by the caller), one arrangement between governments ("reached a provisional
    arrangement", "Under the arrangement, both navies withdrew"; plural "arrangements" are
    mostly general: "security arrangements"), a plan or proposal to settle a conflict
    (checked by the caller), a declaration signed, issued jointly, adopted or known by its
    year."""
    low = head.text.lower()
    if low in LETTERS or low == "arrangement" or low in PLAN_HEADS:
        return True
    if low in DECLARATIONS:
        return issued_jointly(parsed, head) or signed_text(parsed, head)
    return False
