"""The proposed stage's modality and the proposals hidden in other triggers:

- **a proposal is an act** (``refine_proposal``): the general reader takes "proposal",
  "bid" and "offer" for plans of what they propose; for the proposed stage they are the
  act itself ("Taiwan's bid to join the CPTPP", "Egypt's ceasefire proposal": asserted),
  and an invitation to join is a formal offer ("NATO invited Finland to join": asserted);
  a wish is not yet a proposal made ("Israel wants a normalisation deal": intended).
- **proposed talks** (``proposed_talks``): "Trump proposed negotiations on a new nuclear
  deal", "Kenya offered talks on a water treaty", "Chile called for talks on a trade deal":
  the talks are not held, the deal is proposed by the verb's subject.

Both need the dependency parse.
"""

from __future__ import annotations

from dyad.nlp.parsed import ParsedDoc, Token

__all__ = ["PROPOSAL_NOUNS", "proposed_talks", "refine_proposal"]

# Nouns that name the act of proposing: the proposed stage's own word.
PROPOSAL_NOUNS = frozenset({"proposal", "bid", "offer", "application", "request", "candidacy",
                            "candidature"})
INVITING_VERBS = frozenset({"invite"})
# "wants a trade deal", "sought membership of the pact": a wish, not yet a proposal made
WISHING_VERBS = frozenset({"want", "seek", "pursue", "hope", "wish"})


def refine_proposal(parsed: ParsedDoc, tok: Token | None, modality: str, cue: str | None) -> str:
    """The modality of a proposed stage: a proposal noun's own "intended" reading is the
    proposal made, and "invited X to join" is an offer made."""
    if tok is None or not parsed.sentences[tok.sent].parsed:
        return modality
    if modality == "negated" and tok.lemma.lower() in PROPOSAL_NOUNS and not any(
            c.dep == "neg" or c.text.lower() == "no" for c in parsed.children(tok)):
        return "asserted"  # "Iran dismissed the US proposal": made, then turned down
    if modality == "asserted" and tok.lemma.lower() in WISHING_VERBS:
        return "intended"
    if modality != "intended":
        return modality
    if cue and cue.lower().rstrip("s") in PROPOSAL_NOUNS:
        return "asserted"  # "a ceasefire proposal put forward by Egypt"
    if tok.tag == "VBN" and tok.dep == "acl":
        return "asserted"  # "a ceasefire proposed by the US": the proposal was made
    if tok.dep == "xcomp" and tok.head != tok.i \
            and parsed.tokens[tok.head].lemma.lower() in INVITING_VERBS:
        return "asserted"
    return modality


# "proposed negotiations on a new deal", "offered talks on a ceasefire": the deal proposed
PROPOSING_VERBS = frozenset({"propose", "offer", "suggest", "float", "table", "moot", "pitch"})
# "called for talks on a trade deal", "pressed for negotiations on a truce": a demand for
# talks proposes the deal just as an offer of them does
CALLING_VERBS = frozenset({"call", "push", "press", "appeal", "lobby"})
TALK_NOUNS = frozenset({"negotiation", "negotiations", "talk", "talks"})


def proposed_talks(parsed: ParsedDoc, tok: Token | None) -> Token | None:
    """The verb proposing the talks that trigger ``tok`` names ("Trump proposed
    negotiations on a new nuclear deal"): the talks are not held, the deal is proposed."""
    if tok is None or not parsed.sentences[tok.sent].parsed or tok.text.lower() not in TALK_NOUNS \
            or tok.head == tok.i:
        return None
    head = parsed.tokens[tok.head]
    if tok.dep == "dobj":
        return head if head.lemma.lower() in PROPOSING_VERBS else None
    if tok.dep == "pobj" and head.text.lower() == "for" and head.head != head.i:
        verb = parsed.tokens[head.head]
        return verb if verb.lemma.lower() in CALLING_VERBS else None
    return None
