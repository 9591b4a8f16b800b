"""Stages on the right one of several agreements (session 5, round 6), on the real pipeline:
a plural reference ("both treaties", "them", "backed both", "the two texts") gives the stage
to each agreement it counts and makes no agreement of its own; a companion signed
"alongside" or "together with" shares the signing; "it" passes over the foil of a
comparison ("unlike X's treaty with Y"). Sentences are written for these tests; each class
has cases where it must not fire."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract

pytestmark = pytest.mark.slow


def stages_of(agreements, word: str) -> set[tuple]:
    """(stage, party, modality) of the agreements whose name holds ``word``."""
    out = set()
    for a in agreements:
        if word.lower() in a.name.lower():
            for s in a.stages:
                out.add((s.stage, (s.party.country or s.party.actor_id) if s.party else None, s.modality))
    return out


_TWO_TREATIES = ("The Danube Shipping Treaty between Romania and Bulgaria was signed in 1998. A separate "
                 "Ruse Bridge Convention sets the tolls on the crossing. ")


@pytest.mark.parametrize("text, names, expected", [
    # a counted plural object: each of the two agreements told before
    (_TWO_TREATIES + "Romania's parliament ratified both in 1999.",
     ("Danube Shipping Treaty", "Ruse Bridge Convention"), ("ratified", "ROU", "asserted")),
    (_TWO_TREATIES + "Bulgarian lawmakers approved both texts in March 1999.",
     ("Danube Shipping Treaty", "Ruse Bridge Convention"), ("ratified", "BGR", "asserted")),
    # a plural mention with a head ("both agreements") and "them" after it
    ("Peru and Ecuador signed the Amazon Fisheries Agreement in 2001. The Border Trade "
     "Agreement followed a year later. Ecuador's Congress approved both agreements in 2003, "
     "and Peru's Congress ratified them in 2004.",
     ("Amazon Fisheries Agreement", "Border Trade Agreement"), ("ratified", "PER", "asserted")),
    # a passive plural subject
    ("Kenya and Ethiopia concluded the Moyale Water Accord. They also drafted a Moyale Grazing "
     "Protocol. Both were signed in Nairobi in May.",
     ("Moyale Water Accord", "Moyale Grazing Protocol"), ("signed", None, "asserted")),
    # a companion signed alongside
    ("Chile and Peru signed the Pacific Fisheries Accord on Monday together with a coastal "
     "patrol pact.", ("Pacific Fisheries Accord", "coastal patrol pact"), ("signed", "CHL", "asserted")),
    ("The Baltic grid accord was signed in Riga in 2019 alongside a broader Energy Market "
     "Agreement.", ("Baltic grid accord", "Energy Market Agreement"), ("signed", None, "asserted")),
])
def test_stage_reaches_each(text, names, expected):
    agreements = extract(text)
    for name in names:
        assert expected in stages_of(agreements, name), (name, [(a.name, a.stages) for a in agreements])


def test_plural_reference_makes_no_agreement():
    agreements = extract(_TWO_TREATIES + "Bulgaria's parliament ratified both treaties in 1999.")
    assert not any(a.name.lower() in {"treaties", "both treaties"} for a in agreements), \
        [a.name for a in agreements]


@pytest.mark.parametrize("text, name, absent", [
    # one agreement in reach: "both" has nothing to count, the single one keeps its stage only
    ("Romania and Bulgaria signed the Danube Shipping Treaty in 1998. Both parliaments "
     "ratified it in 1999.", "Danube Shipping Treaty", ("ratified", None, "asserted")),
    # "withdrew them" are troops, not the agreements
    (_TWO_TREATIES + "Romania withdrew them in 2005.", "Ruse Bridge Convention",
     ("withdrawn", "ROU", "asserted")),
    # "alongside" in another clause does not share the signing
    ("Chile and Peru signed the Pacific Fisheries Accord on Monday, while talks continued "
     "alongside a coastal patrol pact.", "coastal patrol pact", ("signed", "CHL", "asserted")),
    # a comparison's foil is not what "it" takes up
    ("Ghana and Togo signed a defence treaty on Friday. The pact covers joint patrols but, unlike "
     "Accra's treaty with Burkina Faso, it has no mutual defence clause. It must still be "
     "ratified by both parliaments.", "Burkina", ("ratified", "GHA", "expected")),
])
def test_stage_stays_off(text, name, absent):
    agreements = extract(text)
    for a in agreements:
        if name.lower() in a.name.lower() or name.lower() in " ".join(
                p.actor_id for p in a.parties).lower():
            assert absent not in stages_of([a], a.name), (a.name, a.stages)


def test_it_passes_over_a_foil():
    agreements = extract("Ghana and Togo signed a defence treaty on Friday. The pact covers joint "
                         "patrols but, unlike Accra's treaty with Burkina Faso, it has no mutual "
                         "defence clause. It must still be ratified by both parliaments.")
    ratified = [a for a in agreements if any(s.stage == "ratified" for s in a.stages)]
    assert ratified and all({p.country for p in a.parties} >= {"GHA", "TGO"} for a in ratified), \
        [(a.name, a.parties) for a in agreements]
