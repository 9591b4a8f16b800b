"""Which end a party's act puts to an agreement, for ``stages.find_stages``.

- Renouncing or denouncing an agreement takes the actor out of it (``withdrawn``:
  "Venezuela denounced the Rio Treaty", "Moscow said it would denounce the convention"),
  but ends a bilateral one for both sides (``terminated``: "Somalia renounced its 1974
  treaty with the Soviet Union"): a mention naming one partner ("its treaty with X"), two
  sides ("the pact between X and Y") or two parties ("the US-Soviet accord") is
  bilateral. (Abrogating stays a termination: what is abrogated is ended.)
- A replacement by another agreement ("the new arrangements took effect, replacing the
  1957 agreement", "was superseded by the 2010 treaty") ends the old one jointly (states
  that replace it, "Russia and India signed a treaty replacing it", are its parties).
- The states listed "along with" or "together with" after the act do it too ("denounced
  it along with Bolivia and Ecuador").
- Denouncing an agreement "as" something ("denounced the accord as a betrayal") judges it:
  no stage.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.lexicon import Hit
from dyad.agreements.linking import Cluster
from dyad.agreements.mention_record import AgreementMention
from dyad.agreements.spans import token_at
from dyad.nlp.parsed import ParsedDoc

__all__ = ["co_agents", "denounced_as", "joint_end", "renounced_stage"]

_RENOUNCING = re.compile(r"renounc|denounc", re.IGNORECASE)
_REPLACING = re.compile(r"replac|supersed", re.IGNORECASE)


def _bilateral(clust: Cluster) -> bool:
    for m in clust.mentions:
        partners = {a.actor.actor_id for a in m.partners}
        sides = {a.actor.actor_id for a in m.sides}
        own = {a.actor.actor_id for a in m.actors}
        if len(partners) == 1 or len(sides) == 2 or len(own) == 2:
            return True
    return False


def renounced_stage(text: str, hit: Hit, stage: str, clust: Cluster) -> str:
    """``terminated`` or ``withdrawn`` for a renouncing trigger, by the agreement's sides;
    any other stage unchanged."""
    if stage not in {"terminated", "withdrawn"} or not _RENOUNCING.match(text, hit.start, hit.end):
        return stage
    return "terminated" if _bilateral(clust) else "withdrawn"


# "denounced the agreement on Monday as a betrayal": the object called something, a
# judgement of the deal (no clause break between: "denounced the treaty, as Bolivia did")
_CALLED_AS = re.compile(r"(?:\s+(?!as\b)[\w'’-]+){0,4}?\s+as\s+(?:an?|the|too|nothing|little|more|"
                        r"illegal|null|unfair|unacceptable|[\w-]+\s+(?:betrayal|sell-?out|surrender|"
                        r"capitulation))\b", re.IGNORECASE)


def denounced_as(text: str, hit: Hit, mention: AgreementMention) -> bool:
    """A denouncing trigger whose agreement is called something after it ("Aoun denounced
    the accord on Monday as a betrayal"): a judgement of the deal, not a renunciation."""
    return bool(_RENOUNCING.match(text, hit.start, hit.end)) and hit.end <= mention.start and \
        _CALLED_AS.match(text, mention.end) is not None


def joint_end(parsed: ParsedDoc, hit: Hit, stage: str, clust: Cluster,
              pairs: Sequence[tuple[AgreementMention, Cluster]]) -> bool:
    """The stage belongs to the agreement's parties together: an end by another
    agreement replacing it. (Talks an agreement came "after" keep their sides: the
    agreement's parties are read from them, "struck with Brussels after 17 months of
    negotiations".)"""
    if stage != "terminated" or not _REPLACING.match(parsed.text, hit.start, hit.end):
        return False
    return _agreement_subject(parsed, token_at(parsed, hit.start, hit.end), clust, pairs)


def _agreement_subject(parsed: ParsedDoc, tok: Any, clust: Cluster,
                       pairs: Sequence[tuple[AgreementMention, Cluster]]) -> bool:
    """The replacing verb's subject (or, for "took effect, replacing ...", its head
    clause's; for "was replaced by", its agent) is another agreement: "the new pact
    replaced the 1957 one" (not "Russia and India signed a treaty replacing the old one":
    those states end it, and name its parties)."""
    if tok is None or not parsed.sentences[tok.sent].parsed:
        return False
    verb = parsed.tokens[tok.head] if tok.tag == "VBG" and tok.dep in {"advcl", "xcomp", "conj"} \
        and tok.head != tok.i else tok
    words = [c for c in parsed.children(verb) if c.dep in {"nsubj", "nsubjpass"} and verb is not tok
             or c.dep == "nsubj"]
    words += [g for c in parsed.children(tok) if c.dep == "agent" for g in parsed.children(c) if g.dep == "pobj"]
    return any(m.start <= w.start < m.end and c is not clust for w in words for m, c in pairs)


# "denounced it along with Bolivia, Ecuador and Nicaragua", "signed the pact together with
# Chile": the states listed act with the subject (not past a clause break)
_ALONG_WITH = re.compile(r"[^,;.]{0,60}?,?\s+(?:along|together)\s+with\s+", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.IGNORECASE)


def co_agents(text: str, hit: Hit, free_actors: Sequence[Any]) -> list[Any]:
    """The state actors listed after "along with" / "together with" in the trigger's
    clause, in text order."""
    found = _ALONG_WITH.match(text, hit.end)
    if found is None:
        return []
    out, at = [], found.end()
    for a in sorted(free_actors, key=lambda a: a.start):
        if a.start < at:
            continue
        if a.start != at and not _LIST_GAP.fullmatch(text, at, a.start):
            break
        if a.actor.kind != "state":
            break
        out.append(a)
        at = a.end
    return out
