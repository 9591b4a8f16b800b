"""Generic agreement mentions: a lower-case head noun with its modifiers.

"a comprehensive economic partnership", "the recently signed investment accord", "a deal
for 36 fighter jets", "Sweden's accession to NATO". ``generic_mention`` reads one from its
head token, or refuses it: a domestic deal ("the coalition agreement"), a consensus ("broad
agreement"), an internal memorandum, a sale of something other than weapons, an entry that
is a seat rather than an accession. Called by ``mentions.find_mentions`` for heads that do
not start a title.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.lexicon import Lexicon, context_kind
from dyad.agreements.made_texts import (DECLARATIONS, JOINT_TEXTS, LETTERS, MEMO_AFTER, MEMO_HEADS, OF_INTENT,
                                       PEACE_PLAN, PLAN_HEADS, PLAN_MODIFIER, UNILATERAL, WEEKDAY, form_made,
                                       issued_jointly, memo_made, signed_text)
from dyad.agreements.mention_record import (DEFINITE, INDEFINITE, MAX_MODIFIERS, STOP_POS, STOP_WORDS,
                                            AgreementMention, actors_in)
from dyad.agreements.spans import group_before
from dyad.nlp.parsed import ParsedDoc, Token

RIGHT_WINDOW = 70

# Heads whose own kind is the document's form: words after them do not change it.
FORM_KINDS = frozenset({"memorandum", "ceasefire"})  # characters after a generic head read for a kind cue

# "cessation of hostilities agreement": a kind phrase with "of" inside the modifiers.
_OF_PHRASES = re.compile(r"cessation of hostilities\s*$|status of forces\s*$", re.IGNORECASE)

# "a treaty of friendship, good neighbourliness and cooperation": an "of" list of the
# relations an agreement founds is part of its description (and of its generic name).
_PURPOSE_WORD = (r"(?:friendship|amity|cooperation|co-operation|good(?:[\s-]+neighbou?rliness)?|"
                 r"neighbou?rliness|partnership|mutual|assistance|commerce|navigation|peace|alliance|"
                 r"solidarity|stability|brotherhood|fraternity|non-aggression|reconciliation|"
                 r"strategic|comprehensive|security|understanding|trust|principles|intent)")
_OF_PURPOSE = re.compile(rf"\s+of\s+(?:(?:eternal|lasting|perpetual|everlasting|permanent|close|sincere)\s+)?"
                         rf"{_PURPOSE_WORD}(?:\s+{_PURPOSE_WORD})?"
                         rf"(?:\s*,\s*{_PURPOSE_WORD}(?:\s+{_PURPOSE_WORD})?)*"
                         rf"(?:,?\s+and\s+{_PURPOSE_WORD}(?:\s+{_PURPOSE_WORD})?)?\b")

# "broad agreement", "by mutual agreement": the agreeing, not an agreement
_CONSENSUS = re.compile(r"(?:(?:broad|general|mutual|wide|widespread|tacit|common|unanimous|"
                        r"complete|full|total|partial|little|much|some|more)\s+)+", re.IGNORECASE)

# A contract for goods: "a 20-year supply contract", "a purchase contract"
_SUPPLY = re.compile(r"\b(?:supply|purchase|sales?|delivery|export|import)\b", re.IGNORECASE)
_BOUGHT_UNDER = re.compile(r"\b(?:bought|purchased|supplied|delivered|sold|imported|buys|sells|supplies|"
                           r"delivers|imports)\s+(?:[\w-]+\s+){0,3}?under\s+(?:(?:a|an|the|its|their)\s+)?$",
                           re.IGNORECASE)
# "to carry Iranian gas to Pakistan under a 25-year contract", "built the nuclear power
# plant under a $20 billion contract": what is done under a contract is what it provides
_UNDER = re.compile(r"\bunder\s+(?:(?:a|an|the|its|their)\s+)?$", re.IGNORECASE)
# what a contract provides, when its sentence says it: goods, weapons, works (not "troops")
CONTRACT_KINDS = frozenset({"energy", "arms_deal"})
# "the status of French forces", "of US troops": a status-of-forces agreement's subject
_SOFA = re.compile(r"\bstatus\s+of\s+(?:[\w-]+\s+){1,2}?(?:forces|troops|personnel)\b", re.IGNORECASE)

_HOSTILITIES = re.compile(r"\s+of\s+hostilities\b(?P<head>\s+(?:agreement|accord|deal|pact|truce|"
                          r"arrangement)s?\b)?", re.IGNORECASE)

# Modifiers of a domestic or business deal, never an agreement between states.
DOMESTIC = frozenset({"coalition", "budget", "plea", "wage", "pay", "salary", "book",
                      "sponsorship", "licensing", "merger", "takeover", "buyout", "prenuptial",
                      "bipartisan", "spending", "bargaining", "severance", "franchise",
                      "endorsement", "non-disclosure", "confidentiality", "shareholder",
                      "shareholders", "congressional", "electoral", "cross-party"})

_DOMESTIC_AFTER = re.compile(r"\s+(?:on|over)\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:budget|spending|"
                             r"pensions?|tax(?:es)?|wages?|debt\s+ceiling|government\s+funding)\b",
                             re.IGNORECASE)

# "memorandum" is a treaty form only as a memorandum of understanding, on a subject, or
# with a partner; alone it is an internal note ("a presidential memorandum").
# "a great deal", "deal with", "of its own accord": a head in these frames is not an agreement.
NOT_AGREEMENT = re.compile(r"\b(?:great|good) deal\b|\bin agreement\b|\bof\s+(?:its|their|his|her|my|our|your)\s+"
                           r"own\s+accord\b|\b(?:to|will|must|can|could|"
                           r"should|would|cannot|and|help|not)\s+deal\s+with\b"
                           r"|\bagreement with (?:him|her|them|this|that)\b",
                           re.IGNORECASE)

# "There is agreement that talks should go on": a bare "agreement that" is a consensus;
# with a determiner or a modifier it heads a relative clause ("a defence cooperation
# agreement that gives US forces access to bases").
_BARE_THAT = re.compile(r"\s+that\b", re.IGNORECASE)


def _hyphened(toks: Sequence[Token], tok: Token) -> bool:
    """The first part of a hyphenated word ("follow" in "follow-up deal")."""
    nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
    return nxt is not None and nxt.text in {"-", "–"} and nxt.start == tok.end


def _word_count(toks: Sequence[Token], lo: int, hi: int) -> int:
    """Words among tokens [lo, hi): a hyphened word is one ("the 19-billion-Canadian-dollar
    deal" has one modifier)."""
    return sum(1 for t in toks[lo:hi] if t.text not in {"-", "–"} and not (
        t.i > lo and toks[t.i - 1].text in {"-", "–"} and toks[t.i - 1].end == t.start))


def _in_hyphened_word(toks: Sequence[Token], tok: Token) -> bool:
    """A token joined by hyphens on both sides, with no space ("of" in "status-of-forces")."""
    if tok.i == 0 or tok.i + 1 >= len(toks):
        return False
    before, after = toks[tok.i - 1], toks[tok.i + 1]
    return before.text in {"-", "–"} and before.end == tok.start \
        and after.text in {"-", "–"} and after.start == tok.end


def _modifier_word(tok: Token, lex: Lexicon) -> bool:
    """A lower-case noun or adjective that may modify a head ("trade" in "trade and
    investment agreement"), not a head noun itself."""
    return tok.text.islower() and tok.pos in {"NOUN", "ADJ"} and tok.text not in lex.heads \
        and tok.text not in STOP_WORDS


def generic_mention(parsed: ParsedDoc, head: Token, actors: Sequence[Any], lex: Lexicon) -> AgreementMention | None:
    sent = parsed.sentences[head.sent]
    toks = parsed.tokens
    window = parsed.text[max(sent.start, head.start - 12):min(sent.end, head.end + 12)]
    if NOT_AGREEMENT.search(window):
        return None
    if head.text.lower() in JOINT_TEXTS and not issued_jointly(parsed, head) \
            and not signed_text(parsed, head):
        return None  # "said in a statement": a statement is a document of states only when joint and
        # issued, or signed
    if head.text.lower() in DECLARATIONS and UNILATERAL.match(parsed.text, head.end, sent.end):
        return None  # "a declaration of independence": one side's act, no agreement
    end = head.end
    if head.text.lower() == "cessation":  # "a cessation of hostilities", not "of trade"
        tail = _HOSTILITIES.match(parsed.text, head.end, sent.end)
        if tail is None or tail.group("head"):
            return None  # "... hostilities agreement": the later head noun takes it
        end = tail.end()
    if head.text.lower() in LETTERS:
        intent = OF_INTENT.match(parsed.text, head.end, sent.end)
        if intent is None:
            return None  # "a letter to the UN", "the letter of the law": no agreement
        end = intent.end()  # "a letter of intent": a memorandum's form
    # "a ceasefire plan", "the truce roadmap": the document is the plan; its name keeps
    # the noun (the head still gives the kind)
    plan = _PLAN_AFTER.match(parsed.text, end, sent.end)
    end = plan.end() if plan else end
    purpose = None
    if head.text.lower() not in MEMO_HEADS:  # "a treaty of friendship and cooperation"
        purpose = _OF_PURPOSE.match(parsed.text, end, sent.end)
        end = purpose.end() if purpose else end
    lo = head.i
    while lo - 1 >= sent.token_start and _word_count(toks, lo, head.i) < MAX_MODIFIERS:
        prev = toks[lo - 1]
        low = prev.text.lower()
        if low == "and" and lo - 2 >= sent.token_start and _modifier_word(toks[lo - 2], lex):
            lo -= 1  # "a trade and investment agreement": one mention
            continue
        if low in STOP_WORDS and _in_hyphened_word(toks, prev):
            lo -= 1  # "a status-of-forces agreement": "of" inside one hyphened word
            continue
        if low in STOP_WORDS or prev.pos in STOP_POS or (
                prev.is_punct and low not in {"-", "–", "$", "€", "£", "¥", "₹"}):
            break
        if prev.pos == "VERB" and prev.tag not in {"VBN", "VBG"} and not _hyphened(toks, prev):
            break
        if (low in QUANTIFIERS and not _hyphened(toks, prev)) or _governs(toks, prev, head):
            break  # "ending several military agreements": a verb and a count, no modifiers
        if prev.text in {"'s", "’s"}:
            break
        lo -= 1
    of_phrase = _OF_PHRASES.search(parsed.text, sent.start, head.start)
    if of_phrase and lo - 1 >= sent.token_start and toks[lo - 1].text.lower() == "of":
        while lo - 1 >= sent.token_start and toks[lo - 1].start >= of_phrase.start():
            lo -= 1  # "a cessation of hostilities agreement"
    det = toks[lo - 1].text.lower() if lo - 1 >= sent.token_start else ""
    if det == "no":
        return None  # "No agreement was reached", "there is no deal": none exists
    if lo == head.i and det not in DEFINITE | INDEFINITE and head.text.lower() == "agreement" \
            and _BARE_THAT.match(parsed.text, head.end):
        return None  # "There is agreement that ...": a consensus
    start = toks[lo].start
    # what follows the head may say the kind: "a deal for 36 fighter jets", "accord on
    # trade", "a deal with France for 26 jets", "the accord governing the status of forces"
    right = parsed.text[head.end:min(sent.end, head.end + RIGHT_WINDOW)]
    right = re.split(r"[;.]| (?:which|that|who|but)\b", right)[0]
    # ("signed an agreement on Friday delimiting their economic zones": "on" a day says
    # when, and what follows it may still say what for: "a deal on Friday to buy jets")
    # ("the possible sale to Taiwan of 100 Harpoon systems": the buyer may come first)
    right_cue = re.match(r"(?:\s+(?:with|between)\s+[^,;.]{0,40}?)?(?:\s+on\s+" + WEEKDAY + r")?"
                         r"(?:\s+to\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})?"
                         r"\s+(?:for|on(?!\s+" + WEEKDAY + r")|of|to (?:buy|supply|sell|purchase)|governing|"
                         r"covering|regulating|concerning|setting(?:\s+out)?)\s+[^,;.]*", right)
    modifiers = parsed.text[start:head.start]
    cued = lex.kind_of(modifiers) or (lex.kind_of(_SOFA.sub("status of forces", right_cue.group(0)))
                                      if right_cue else None)
    default = lex.heads.get(head.text.lower())
    if default in FORM_KINDS and not lex.kind_of(modifiers) \
            and not (right_cue and _COOPERATION.search(right_cue.group(0))):
        cued = None  # "a memorandum of understanding on defence" is a memorandum (but one
        # "on security cooperation" sets up that cooperation, as a defence agreement does)
    if default == "ceasefire" and head.text.lower() != "cessation":
        cued = default  # "an energy ceasefire", "an Easter truce": the scope of a ceasefire
    kind = cued or default
    if head.text.lower() in ARMS_ONLY and kind is None and det in DEFINITE and not _GOODS_AFTER.match(right) \
            and context_kind(_with_before(parsed, sent), lex) == "arms_deal":
        # "Nigeria bought 12 Super Tucano aircraft from the United States. The $593 million
        # sale was frozen": a sale told by its goods just before
        cued = kind = "arms_deal"
    if head.text.lower() in ARMS_ONLY and (kind != "arms_deal" or _BARRED.search(
            parsed.text, max(sent.start, start - 40), start) or (head.text.lower() == "sales" and _HALTED.search(
            parsed.text, max(sent.start, start - 30), start))):
        return None  # "its embargo on arms sales to Chile", "voted to halt American arms
        # sales to Chile": sales barred or stopped, none agreed (but "halted the sale of 40
        # jets" is a deal suspended)
    if head.text.lower() in ARMS_ONLY and _COVERED.search(parsed.text, max(sent.start, start - 40), start):
        return None  # "the deal covers the purchase of 36 jets": what a deal provides, not another
    if head.text.lower() in {"contract", "contracts"} and not cued and (
            _SUPPLY.search(modifiers) or _BOUGHT_UNDER.search(parsed.text, sent.start, start)):
        # "under a 20-year supply contract", "drones bought under a 2005 contract": what its
        # sentence says passes under it
        cued = kind = context_kind(sent.text, lex) or kind
    elif head.text.lower() in {"contract", "contracts"} and not cued \
            and _UNDER.search(parsed.text, max(sent.start, start - 20), start) \
            and context_kind(sent.text, lex) in CONTRACT_KINDS:
        cued = kind = context_kind(sent.text, lex)  # "carry Iranian gas under a 25-year contract"
    if head.text.lower() in LEASES and not cued and (
            _basing_sentence(sent.text, lex) or _RENT_UNDER.search(parsed.text, sent.start, start)):
        # "China built the base under a 10-year lease"; "Russia pays Kazakhstan $115 million
        # a year to rent the cosmodrome under a 1994 lease": a site a state rents abroad
        cued = kind = "basing"
    if head.text.lower() in PLAN_HEADS:
        if not PLAN_MODIFIER.search(modifiers):
            return None  # "plans to buy jets", "a proposal to extend the deal"
        if lex.kind_of(modifiers) == "ceasefire":
            cued = kind = "ceasefire"
        elif PEACE_PLAN.search(modifiers):
            cued = kind = "framework"
        else:  # "the six-point plan" after "a ceasefire plan": the same plan, of its kind
            cued = None
            kind = None
    if head.text.lower() in ENTRY_HEADS:  # an entry is an accession whatever it enters
        if _member_exit(parsed, head) or not _accession_of(parsed, head, right, actors, start, lex):
            return None  # "membership of the Security Council" is a seat
        cued = kind = "accession"
    # a weak head is a document between states when it says what relations it founds ("a
    # declaration of principles", "a charter of friendship"), what it is for, or is made
    # ("signed a declaration"); a lease also when it is ended or renewed ("terminate the lease")
    made = _object_of_stage_verb(parsed, head)
    made = made or head.text.lower() in JOINT_TEXTS  # issued jointly (checked above)
    # "Bulgaria's contract with the Russian company", "Its contract with Gazprom expires": a
    # contract one side holds with another
    # (between states or their companies: not "the striker's contract with the club")
    made = made or (head.text.lower() in {"contract", "contracts"} and det in OWNERS
                    and re.match(r"\s+with\s", right) is not None
                    and any(a.actor.country and sent.start <= a.start < sent.end for a in actors))
    if head.text.lower() in LEASES:  # a company's lease on offices is no treaty
        made = made and any(a.actor.kind == "state" and sent.start <= a.start < sent.end for a in actors)
    elif head.text.lower() in GENERIC_ONLY:
        made = False
    made = made or form_made(parsed, head)
    if head.text.lower() in lex.weak_heads and not cued and purpose is None and not made:
        return None
    if set(re.findall(r"[a-z-]+", modifiers.lower())) & DOMESTIC or _DOMESTIC_AFTER.match(right):
        return None  # "the coalition agreement", "a deal on the budget": no treaty between states
    if head.text.lower() in MEMO_HEADS and not cued and not MEMO_AFTER.match(right) \
            and not any(a.actor.kind in {"state", "igo"} for a in actors_in(actors, start, head.start)) \
            and not memo_made(parsed.text, sent.start, sent.end, start, end):
        return None  # "signed a memorandum ordering an inquiry": an internal note (but
        # "the Turkey-Libya memorandum" is between states)
    if det not in DEFINITE | INDEFINITE | {"'s", "’s"} and _CONSENSUS.fullmatch(modifiers) \
            and head.text.lower() in {"agreement", "accord"}:
        return None  # "broad agreement among members", "by mutual agreement": consensus
    # an actor read from a kind word ("LNG" as an organisation) is the kind, not a party,
    # and a company or a word read as an organisation ("post-Brexit") binds no state
    # ("Sweden's NATO accession protocol": the resolver's "Sweden's NATO" starts before it)
    inside = [a for a in actors if a.start < head.start and a.end > start and a.end <= head.start
              and (a.actor.kind != "organisation" or a.actor.sector == "GOV")]
    # possessive owner right before: "France's defence pact", a list of owners: "Japan and
    # Australia's security pact"
    if det in {"'s", "’s"} and lo - 2 >= sent.token_start:
        owner = toks[lo - 2]
        owners = group_before(parsed.text, [a for a in actors if a.end <= owner.end],
                              owner.end, floor=sent.start, max_gap=0)
        inside = (owners or actors_in(actors, owner.start, owner.end)) + inside
    return AgreementMention(start, end, parsed.text[start:end], sent.i, False,
                            parsed.text[start:end], kind,
                            (det in DEFINITE or det in {"'s", "’s"}) and not _new_goods(parsed.text, head),
                            head.start, inside,
                            kind_cued=cued is not None)


# Words that count agreements rather than describe them: they end a mention's modifiers
# like a determiner ("several military agreements", "many trade deals").
QUANTIFIERS = frozenset({"several", "many", "few", "numerous", "various", "multiple", "both",
                         "all", "each", "every", "dozens", "scores", "hundreds", "most"})


def _governs(toks: Sequence[Token], prev: Token, head: Token) -> bool:
    """A participle that takes the mention as its object ("ending the defence pacts",
    "signing trade deals"), not one that describes it ("the existing accord", "a binding
    agreement"). Without a parse (no dependency heads) nothing governs."""
    if prev.tag != "VBG" or _hyphened(toks, prev) or prev.dep == "amod":
        return False
    return head.head == prev.i and head.dep in {"dobj", "obj"}


# What a member does to its own membership is an exit from the organisation (a stage of
# its founding treaty), not an accession: "suspended its membership of the CSTO", "froze
# their membership in the bloc", "ended Britain's membership".
_EXIT_VERB = re.compile(r"\b(?:(?:suspend|freez|terminat|renounc|revok|relinquish|quit|abandon|cancel)\w*|"
                        r"froze|frozen|end(?:s|ed|ing)?|g[ai]ve\s+up|giv(?:es|ing)\s+up)\s+"
                        r"(?:its|their|his|her|[\w-]+['’]s)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _member_exit(parsed: ParsedDoc, head: Token) -> bool:
    sent = parsed.sentences[head.sent]
    return head.text.lower() == "membership" and bool(
        _EXIT_VERB.search(parsed.text, max(sent.start, head.start - 60), head.start))


_PLAN_AFTER = re.compile(r"\s+(?:plan|roadmap|blueprint)s?\b(?!-)", re.IGNORECASE)

# Heads that never end a title: "the NATO accession" is Finland's accession, not a name.
GENERIC_ONLY = frozenset({"accession", "membership", "lease", "leases", "sale", "sales", "order", "orders",
                          "plan", "plans", "proposal", "proposals",
                          "purchase", "package", "packages"})


# A sale, an order, a purchase or a package is an agreement only of weapons ("the sale of
# F-16 jets", "Canada's purchase of 88 F-35 jets", "three weapons packages"; not "the sale
# of the company", "an executive order", "a package of sanctions"). Plural purchases are a
# trade ("India's purchases of Russian oil", "suspended arms purchases from Israel").
ARMS_ONLY = frozenset({"sale", "sales", "order", "orders", "purchase", "package", "packages"})

LEASES = frozenset({"lease", "leases"})
OWNERS = frozenset({"'s", "’s", "its", "their", "his", "her"})
# a rent paid under the lease: "pays $20 million a year for the site under a ten-year lease"
_RENT_UNDER = re.compile(r"\b(?:pa(?:y|ys|id|ying)|rent(?:s|ed|ing)?)\b[^.;]{0,100}?\bunder\s+(?:(?:a|an|the|its|their)\s+)?$",
                         re.IGNORECASE)

# What a ban stops is not agreed: "an embargo on arms sales", "the ban on weapons sales to
# Riyadh", "a moratorium on new orders" (the embargo is a relation, not a deal).
_BARRED = re.compile(r"\b(?:embargo(?:es)?|bans?|moratori(?:um|a)|freeze|prohibition|"
                     r"restrictions?|curbs?|limits?|halt|suspension|cut-?off)\s+(?:on|of|to)\s+"
                     r"(?:(?:all|any|further|new|future)\s+)?$", re.IGNORECASE)

_HALTED = re.compile(r"\b(?:halt|stop|suspend|ban|bar|block|freeze|froze|end)(?:s|ed|ped|red|ing|ning|ping|ring)?\s+"
                     r"(?:(?:all|any|further|new|future)\s+)?$", re.IGNORECASE)

# "the sale of four drones to Rabat", "the order for 36 jets": a sale or an order whose
# goods are counted or bare is told for the first time, whatever its determiner; "the
# sale of the jets" goes back to a deal told before.
_NEW_GOODS = re.compile(r"\s+(?:of|for)\s+(?:up\s+to\s+|about\s+|some\s+|around\s+|more\s+than\s+|"
                        r"nearly\s+|almost\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|"
                        r"ten|eleven|twelve|a\s+dozen|dozens|hundreds)\b|(?!the\b|these\b|those\b|its\b|"
                        r"their\b|this\b|that\b|such\b)[a-z][\w-]*(?:\s+[\w-]+)?s\b)", re.IGNORECASE)


# "The deal covers the purchase of 36 jets", "a package that includes the sale of F-16s":
# the goods an agreement provides for are its terms, not another agreement.
_COVERED = re.compile(r"\b(?:cover|include|involve|entail|comprise|envisage|foresee)(?:s|d|ed|es|ing)?\s+"
                      r"(?:(?:the|a|an)\s+)?$|\bprovid(?:e|es|ed|ing)\s+for\s+(?:(?:the|a|an)\s+)?$",
                      re.IGNORECASE)


# what a sale, order or purchase is of names its goods ("the sale of rocket engines")
_GOODS_AFTER = re.compile(r"\s+(?:of|for|to|with)\b", re.IGNORECASE)


def _with_before(parsed: ParsedDoc, sent: Any) -> str:
    """A sentence's text after the one before it."""
    before = parsed.sentences[sent.i - 1].text if sent.i > 0 else ""
    return before + " " + sent.text


def _new_goods(text: str, head: Token) -> bool:
    return head.text.lower() in ARMS_ONLY and bool(_NEW_GOODS.match(text, head.end))


def _basing_sentence(text: str, lex: Lexicon) -> bool:
    """A sentence that speaks of bases, ports for warships or stationed troops."""
    return any(p.search(text) for kind, pats in lex.context_kinds if kind == "basing" for p in pats)


# "accession" and "membership" name an agreement only as a candidate's entry into an
# organisation ("Sweden's accession to NATO", "Finland's NATO accession", "Sweden's
# membership of NATO"), not as a modifier ("accession talks", "a membership bid"). Entering
# a treaty is a stage of that treaty ("Britain's accession to the CPTPP": its in_force),
# and a seat on a council is no accession ("membership of the Security Council").
ENTRY_HEADS = frozenset({"accession", "membership"})

_ENTRY_TO = re.compile(r"\s+(?:to|into|of|in)\s+(?:the\s+)?")

_SEAT = re.compile(r"\b(?:Security|Human\s+Rights|Economic\s+and\s+Social)\s+Council\b|\bBoard\b")


def _accession_of(parsed: ParsedDoc, head: Token, right: str, actors: Sequence[Any],
                  start: int, lex: Lexicon) -> bool:
    nxt = parsed.tokens[head.i + 1] if head.i + 1 < len(parsed.tokens) else None
    if nxt is not None and nxt.sent == head.sent and nxt.pos in {"NOUN", "PROPN"}:
        return False  # "accession talks", "accession process"
    to = _ENTRY_TO.match(right)
    after = head.end + to.end() if to else -1
    bodies = [a for a in actors if a.actor.kind == "igo" and (start < a.end <= head.start or a.start == after)]
    return any(not lex.alias_pattern.fullmatch(a.text) and not _SEAT.search(a.text) for a in bodies)


# Verbs whose object is an agreement whatever its head noun: what is signed or ratified is
# one, so "ratified a strategic partnership" names an agreement although "partnership"
# alone ("a partnership of equals") does not.
STAGE_VERBS = frozenset({"sign", "ratify", "initial", "ink", "seal", "conclude", "renew",
                         "extend", "suspend", "terminate", "abrogate", "denounce"})


# "on defence cooperation", "on military and security cooperation"
_COOPERATION = re.compile(r"\b(?:defen[cs]e|security|military)\s+(?:(?:and|or)\s+[\w-]+\s+)?cooperation\b",
                          re.IGNORECASE)

# What a participle on a weak head may say was done to it: signed, or agreed and reached
# ("an arrangement agreed in October 2001", "a settlement reached in 1998").
PARTICIPLE_VERBS = STAGE_VERBS | {"agree", "reach", "negotiate", "strike", "broker", "finalise", "finalize"}

_WORTH_BETWEEN = re.compile(r"\s+(?:worth|valued\s+at)\s+(?:[^,;.()]|(?<=\d)\.(?=\d)){1,30}?\s+", re.IGNORECASE)


def _object_of_stage_verb(parsed: ParsedDoc, head) -> bool:
    """The head is what a stage verb acts on: its object ("signed a contract"), its passive
    subject ("the contract was signed"), a participle on it ("a contract signed in 2009")
    or a relative clause whose object it is ("a contract that India signed in 2018", "the
    contract India signed"; not "a contract that signed up ...", with an object of its own)."""
    if head.dep in {"dobj", "nsubjpass"} and parsed.tokens[head.head].lemma in STAGE_VERBS:
        return True
    sent = parsed.sentences[head.sent]
    for verb in parsed.tokens[head.i + 1:sent.token_end]:
        # "a contract worth about $800 million signed in 1995": the parse hangs the
        # participle on the value
        if verb.dep == "acl" and verb.tag == "VBN" and verb.lemma in PARTICIPLE_VERBS \
                and _WORTH_BETWEEN.fullmatch(parsed.text, head.end, verb.start):
            return True
    for verb in parsed.children(head):
        if verb.dep == "acl" and verb.tag in {"VBN", "VBD"} and verb.lemma in PARTICIPLE_VERBS:
            return True  # ("an arrangement agreed in October 2001": the tagger may call it past)
        if verb.lemma not in STAGE_VERBS or verb.pos != "VERB":
            continue
        if verb.dep == "relcl" and not any(
                k.dep in {"dobj", "nsubjpass"} and k.text.lower() not in {"that", "which"}
                for k in parsed.children(verb)) and any(
                k.dep in {"nsubj", "dobj"} for k in parsed.children(verb)):
            # "that India signed": the relative pronoun is the object, India the subject
            return not any(k.dep == "nsubj" and k.text.lower() in {"that", "which"}
                           for k in parsed.children(verb))
    return False

