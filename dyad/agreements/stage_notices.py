"""An agreement ended by notice, for ``stages.find_stages``.

Most treaties let a party end them by giving notice, and the end comes later: "Washington
gave notice to end the 1954 treaty, which will lapse on January 1, 1980", "The United
States was terminating the treaty ... The treaty will lapse a year after notice is
given". News tells two acts there, and neither is the treaty running out its term:

- the notice is the party's own act, a withdrawal (``withdrawn``, asserted: the notice was
  given even where the clause reads "gave notice to end", an aim);
- the lapse it brings is a termination by decision, joint (``terminated``, party-less,
  with the lapse's modality and date), not an expiry.

A lapse is read as the notice's when its sentence speaks of notice; a party's termination
is read as its notice when its agreement has such a lapse, or its own sentence says the
party gave notice to end it ("gave Iran notice that it is ending the treaty"; not "gave
notice to quit the base, terminating the agreement", where the notice is of something else
and the termination is told outright). A negated or hypothetical termination ("did not
terminate the pact", "either side may end it with a year's notice") is left alone.
"""

from __future__ import annotations

import re

from dyad.agreements.linking import Cluster
from dyad.model import Stage

__all__ = ["notice_endings"]

_NOTICE = re.compile(r"\bnotice\b", re.IGNORECASE)
# "gave notice to end", "given notice to terminate", "gave Iran notice on Wednesday that it is
# ending", "notified Seoul that it was terminating"
_NOTICE_OF_END = re.compile(r"\b(?:notice|notifie[sd]|notify|notifying)\b(?:\s+[\w,'’-]+){0,5}?\s+"
                            r"(?:to\s+(?:end|terminate|abrogate)|that\s+(?:it|they|he|she|[A-Z][\w-]*)\s+"
                            r"(?:is|was|were|are|would\s+be|will\s+be)\s+(?:ending|terminating|abrogating))\b",
                            re.IGNORECASE)
_UNDONE = frozenset({"negated", "hypothetical"})


def notice_endings(staged: list[tuple[Cluster, Stage]]) -> list[tuple[Cluster, Stage]]:
    """``staged`` with each lapse brought by a notice read as a joint termination, and each
    party's termination by notice read as that party's withdrawal (see the module)."""
    by_notice = {id(c) for c, s in staged if s.stage == "expired" and s.modality not in _UNDONE
                 and _NOTICE.search(s.evidence.text)}
    out = []
    for c, s in staged:
        if s.stage == "expired" and id(c) in by_notice and _NOTICE.search(s.evidence.text) \
                and s.modality not in _UNDONE:
            s = s.model_copy(update={"stage": "terminated", "party": None, "body": None})
        elif s.stage == "terminated" and s.party is not None and s.modality not in _UNDONE and (
                id(c) in by_notice and s.modality != "intended" or _NOTICE_OF_END.search(s.evidence.text)):
            s = s.model_copy(update={"stage": "withdrawn", "modality": "asserted"})
        out.append((c, s))
    return out
