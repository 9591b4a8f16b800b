"""Side assignment: which actors stand in a pattern's source or target role, and the
catalogue of roles. The roles themselves live by topic: the clause's subject and its
anaphora in ``dyad.relations.subject_roles`` (``before``, ``subject``, ``subj``,
``its_subject``, ``it_antecedent``, ``member_subject``), the trigger's neighbours in
``dyad.relations.neighbour_roles`` (the rest of the first list below).

A role names where the actor stands relative to the trigger; a pattern's alternatives
("mod|before") are tried in order and the first that finds someone wins:

- ``before``: the grammatical subject of a verb trigger when the sentence was parsed
  (``nsubj``; through "which" and "helped broker"; of the verb a noun trigger is the object
  of; of the verb a gerund after "after"/"by" hangs on; the object of a verb of urging
  before an infinitive: "urged the EU to impose sanctions"), else the list of actors just
  before it;
- ``subj``: the list before it joined by a copula or apposition ("Croatia is an EU
  member", "Poland, a NATO member");
- ``mod``: a mention covering the trigger ("American troops" resolved as one mention), else
  the list of actors right before it with only lower-case words or numbers between
  ("American, French and Chinese bases", "Russia keeps about 1,500 troops", "US sanctions");
- ``poss``: an actor with "'s" (or a plural's "'") right before it ("India's largest arms
  supplier", "the Philippines' ally");
- ``after``: the list of actors just after it (``next``: right after it, "NATO member
  Turkey"; ``after_far``: within the role window, "hosts the largest concentration of US
  forces"); ``to``/``from``/``by``/``of``/``on``/``with``/``between``: the list after that
  preposition ("on" also takes "against");
- ``subject``: the grammatical subject only (of the verb a noun trigger is the object of:
  "launched a war against"); ``holder``: who "holds" or "administers" a claimed place;
  ``its``: the state named last before "its" ("fight for Russia in its war"); ``its_subject``:
  the clause's subject for "its" before the trigger ("Sweden deposited its instrument of
  accession"); ``it_antecedent``: the state "it" stands for right before the trigger, and
  ``left``: the name a relative clause hangs on ("support for Ukraine, which it invaded"); ``aggressor``:
  the state the text names anywhere as an invader ("Russia's invasion") for "the war in
  Ukraine";
- roles that read a pair or a list at once (``pair``, ``hyphen_pair``, ``last_two``,
  ``last_two_named``, ``list_after``, ``listed``, ``inside``): ``dyad.relations.list_roles``;
  place roles (``in``, ``place``, ``base_owner``, ``left_place``: the place a relative
  clause hangs on, "the territories it has occupied", ...): ``dyad.relations.place_roles``; IGO
  roles (``igo_after``, ``igo_before``, ``igo_left``, ``igo_recent``, ...):
  ``dyad.relations.igo_roles``;
- ``member_subject`` (source only): the member of the membership stated earlier in the
  sentence ("a member of NATO but not of the EU");
- ``trade_topic``: for a trade noun opening a sentence with no trader ("Imports from China
  fell"), the state qualifying a trade noun of the sentence before ("US imports");
  ``group_host``: the state of the armed group backed with troops ("backing the M23 with
  its own troops": Congo), the group named after the trigger or the one "the group" stands
  for;
- ``maker_adjective`` and ``goods_owner``: for a trigger on a maker's suffix ("-built"), the
  maker named right before it and the possessor of the goods ("Egypt's Soviet-built jets");
  ``attacker``: who makes the attack a side fends off ("fights off Russia's invasion");
  ``on_them``: the list "them"/"their" after "on" stands for ("the sanctions imposed on them");
- ``cmod``: the actor qualifying the commodity after the trigger ("buys Russian gas");
  ``maker``: the state named in the sentence that makes the weapon after the trigger
  ("a deal with France for 26 Rafale jets");
- ``departed_from`` (target only): the country troops left ("forced out of Mali", "left
  the country"): ``dyad.relations.ending``;
- ``counterpart``, ``np_after``, ``lister`` and ``listed_before``: a side left to the reader
  ("against its ally", "the invasion of neighbouring Ukraine", "took Cuba off its list"):
  ``dyad.relations.anaphor_roles``;
- ``none`` (target only): no target (a claim on a sea).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from dyad.relations.anaphor_roles import ANAPHOR_ROLES
from dyad.relations.context import SentenceEnv
from dyad.relations.ending import ENDING_ROLES
from dyad.relations.igo_roles import IGO_ROLES
from dyad.relations.list_roles import LIST_ROLES
from dyad.relations.neighbour_roles import NEIGHBOUR_ROLES
from dyad.relations.place_roles import PLACE_ROLES
from dyad.relations.subject_roles import SUBJECT_ROLES

__all__ = ["ROLE_NAMES", "find_side"]


def find_side(env: SentenceEnv, roles: Sequence[str], m: re.Match[str],
              exclude: set[int] = frozenset()) -> tuple[list[Any], str]:
    """(actors, the role that found them) for the first of ``roles`` that finds any.

    Roles ``in`` and ``place`` give ``[PlaceHit]``; the others actor mentions (or ActorRefs).
    """
    actors = [a for a in env.actors if id(a) not in exclude]
    for role in roles:
        if role in {"none", "mutual", "all_pairs"}:  # the pair's members face each other (rules._sides)
            return [], "none"
        found, name = _ROLES[role](env, m, actors)
        if found:
            return found, name or role
    return [], ""



_ROLES: dict[str, Callable] = {**SUBJECT_ROLES, **NEIGHBOUR_ROLES, **LIST_ROLES, **IGO_ROLES, **PLACE_ROLES,
                             **ENDING_ROLES, **ANAPHOR_ROLES}
ROLE_NAMES = frozenset(_ROLES) | {"none", "mutual", "all_pairs"}
