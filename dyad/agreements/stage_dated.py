"""A signing told by a year in the agreement's own phrase, for ``stages.find_stages``.

"the 1965 treaty", "a 1951 mutual defence pact", "their 1974 Land Boundary Agreement",
"the Cotonou Agreement of 2000": English dates a concluded agreement by the year it was
signed, so the phrase itself tells a joint signature in that year, asserted, even where
no verb does. It is told only of an agreement that no clause gives a signature or a
dated conclusion (those carry their own date), never of an accession ("its 2004 accession" is
no signature), a draft or plan ("the 2019 draft accord"), nor a year after publication.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from dyad.agreements.linking import Cluster
from dyad.agreements.mention_record import AgreementMention
from dyad.model import Evidence, Stage
from dyad.nlp.parsed import ParsedDoc

__all__ = ["dated_signings"]

_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# up to three modifiers between the year and the mention ("the 1994 Agreed Framework",
# "a 1951 mutual defence pact"), none of them a preposition or a determiner
_BEFORE = re.compile(r"(?:\s+(?!(?:and|or|in|on|at|to|from|of|with|by|the|a|an|since|until)\b)"
                     r"[\w'’-]+){0,3}\s+")
_OF = re.compile(r"\s+of\s+")
# the year opens the noun phrase: "the 1965 treaty", "its 1974 agreement", "a 1951 pact"
# (one or two adjectives may come first: "a separate 2007 agreement", "the landmark 1998
# accord", "their original 1951 treaty")
_DETERMINER = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|this|that)|['’]s?)\s+"
                         r"(?:(?!(?:and|or|in|on|at|to|from|of|with|by|since|until|after|before)\b)"
                         r"[a-z][a-z-]+\s+){0,2}$", re.IGNORECASE)
# a phrase that is not yet a signed text, or not a signature at all
_NOT_SIGNED = re.compile(r"\b(?:draft|proposed|planned|prospective|future|possible|"
                         r"accession|membership|enlargement|talks|negotiations|bid)\b", re.IGNORECASE)
KEPT_ONLY = True
_INVOKED = re.compile(r"\bunder\s+(?:the\s+|an?\s+|its\s+|their\s+)?$", re.IGNORECASE)
# "a 2006 agreement under which Turkmenistan is to sell gas": its content told, kept
_CONTENT = re.compile(r"\s*,?\s*(?:under\s+which|whereby|by\s+which)\b", re.IGNORECASE)


def dated_signings(parsed: ParsedDoc, clusters: Sequence[Cluster], dates: Sequence[Any],
                   staged: Sequence[tuple[Cluster, Stage]],
                   doc_date: str | None = None, actors: Sequence[Any] = ()) -> list[tuple[Cluster, Stage]]:
    """One joint ``signed`` stage (asserted, dated by the year) per agreement whose
    mention carries a bare year, when no stage of the document signs or concludes it and
    the agreement is one the coder keeps anyway (named, staged, or with parties)."""
    out: list[tuple[Cluster, Stage]] = []
    years = [d for d in dates if d.value and _YEAR.fullmatch(d.text or "")]
    for clust in clusters:
        if clust.kind == "accession":
            continue
        told = [s for c, s in staged if c is clust]
        if any(s.stage == "signed" or s.stage == "negotiated" and s.date for s in told):
            continue  # (a conclusion told without its date, "the 1972 accord, reached after
            # months of bargaining", leaves the year to the signature)
        if KEPT_ONLY and not (clust.named or told or any(m.actors or m.partners or m.sides for m in clust.mentions)
                              or any(_INVOKED.search(parsed.text, max(0, m.start - 12), m.start)
                                     or _states_provided(parsed, m, actors) for m in clust.mentions)):
            continue  # a phrase the coder drops: the year alone makes no agreement (one
            # acted under is in force: "transfers water under a 1944 treaty")
        found = next(((m, d) for m in clust.mentions for d in years
                      if _dates_mention(parsed.text, m, d)
                      and not (doc_date and d.value[:4] > doc_date[:4])), None)
        if found is None:
            continue
        mention, year = found
        sent = parsed.sentences[mention.sent]
        out.append((clust, Stage(
            stage="signed", party=None, body=None, date=year.value[:4], date_text=year.text,
            modality="asserted",
            evidence=Evidence(doc_id=parsed.doc_id, start=sent.start, end=sent.end,
                              text=parsed.text[sent.start:sent.end]))))
    return out


def _states_provided(parsed: ParsedDoc, mention: AgreementMention, actors: Sequence[Any]) -> bool:
    """The mention is followed by what it provides between states: "a 2006 agreement under
    which Turkmenistan is to sell China gas" (not a bank's loan to companies)."""
    found = _CONTENT.match(parsed.text, mention.end)
    if found is None:
        return False
    end = parsed.sentences[mention.sent].end
    return len({a.actor.actor_id for a in actors if found.end() <= a.start and a.end <= end
                and a.actor.kind == "state" and getattr(a.actor, "sector", None) in {None, "GOV"}}) >= 2


def _dates_mention(text: str, mention: AgreementMention, year: Any) -> bool:
    """The year stands in the mention's own noun phrase: right before its head words
    after a determiner ("the 1965 treaty"), inside it ("the 1994 Agreed Framework"), or
    after it ("the Cotonou Agreement of 2000")."""
    if _NOT_SIGNED.search(text, mention.start, mention.end):
        return False
    if mention.start <= year.start < mention.end:
        return bool(_DETERMINER.search(text, max(0, mention.start - 8), year.start)
                    or _DETERMINER.search(text[mention.start:year.start] or " ")
                    or text[mention.start:year.start].lower().endswith(" of "))
    if year.end <= mention.start and _BEFORE.fullmatch(text, year.end, mention.start):
        return bool(_DETERMINER.search(text, max(0, year.start - 8), year.start)) and \
            not _NOT_SIGNED.search(text, year.end, mention.start)
    return year.start >= mention.end and _OF.fullmatch(text, mention.end, year.start) is not None
