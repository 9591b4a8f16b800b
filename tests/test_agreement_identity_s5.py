"""Agreement identity on the real pipeline: what makes a detected agreement the same one
the text goes on to name, and which pair "the two sides" stands for. A title met for the
first time right after an agreement introduced by a description names it ("signed a
defence treaty. Under the Kokoda Treaty, ..."); "the two countries" is the pair of the
sentence, else the pair of the agreement just told, not the states last named in an
aside. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract

pytestmark = pytest.mark.slow


def summary(text: str) -> list[tuple[str, frozenset[str]]]:
    return sorted((a.name, frozenset(p.country or p.actor_id for p in a.parties))
                  for a in extract(text))


@pytest.mark.parametrize("text, title, pair", [
    ("Fiji and Tonga signed a mutual defence treaty in Suva on Monday. Under the Kava "
     "Treaty, an attack on either state is an attack on both.", "Kava Treaty", {"FJI", "TON"}),
    ("Chile has delayed signing a security and economic deal with Peru, its president said. "
     "The Humboldt agreement would fund coastal patrols.", "Humboldt agreement", {"CHL", "PER"}),
    ("Norway and Iceland concluded a fisheries pact on Friday. The Jan Mayen accord is "
     "expected to be ratified in the spring.", "Jan Mayen accord", {"NOR", "ISL"}),
])
def test_a_first_title_names_the_agreement_just_described(text, title, pair):
    got = summary(text)
    assert len(got) == 1, got
    assert got[0][0] == title and got[0][1] == pair


@pytest.mark.parametrize("text", [
    # a title dated by another year is an older agreement
    "Fiji and Tonga signed a mutual defence treaty on Monday. The 1998 Kava Treaty, "
    "which it replaces, was never ratified.",
    # a title said to be another one
    "Chile signed a trade deal with Peru on Monday. A separate Humboldt agreement on "
    "fisheries is still under negotiation.",
    # a protocol is no treaty: another form of document
    "Fiji and Tonga signed a defence treaty on Monday. The Lautoka Protocol on fishing, "
    "signed by both states, expires next year.",
])
def test_a_title_that_is_another_agreement_stays_apart(text):
    assert len(summary(text)) == 2, summary(text)


@pytest.mark.parametrize("text, pair", [
    # the pair of the sentence: two leaders beside each other
    ("Brazil and Argentina signed a customs treaty, defying tariffs from the United States "
     "and the European Union. Brazil's president, standing beside Javier Milei, said the two "
     "sides hoped to finalise a deal on gas supplies next year.", {"BRA", "ARG"}),
    # the pair of the agreement just told, not a state named in an aside
    ("Samoa has put off signing a security deal with New Zealand, citing concerns about "
     "funding from partners such as Japan. An earlier pact between the two countries, "
     "signed in 2019, was never ratified by Samoa's parliament.", {"WSM", "NZL"}),
])
def test_the_two_sides_are_the_pair_in_focus(text, pair):
    parties = [ps for name, ps in summary(text) if "gas" in name or "earlier" in name or name == "deal"
               or name == "pact"]
    assert parties and all(ps == pair for ps in parties), summary(text)
