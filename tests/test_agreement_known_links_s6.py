"""Well-known agreements link like other named ones (session six): a dictionary name met
for the first time names the agreement an indefinite description has just introduced when
their kinds agree and the description's states are the entry's, and an alias's head noun
is its own head ("Declaration" in "Sino-British Joint Declaration"), so "the declaration"
goes back to it. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from dyad.agreements.lexicon import load_lexicon
from dyad.agreements.agreement_known_links import kinds_agree as _kinds_agree
from dyad.agreements.mentions import alias_head
from tests.agreement_helpers import extract


@pytest.mark.parametrize("alias, head", [
    ("Sino-British Joint Declaration", "Declaration"),
    ("Treaty on the Non-Proliferation of Nuclear Weapons", "Treaty"),
    ("Compacts of Free Association", "Compacts"),
    ("Comprehensive and Progressive Agreement for Trans-Pacific Partnership", "Agreement"),
    ("Conventional Armed Forces in Europe Treaty", "Treaty"),
    ("Falepili Union", "Union"),  # no head noun: the last word
    ("Joint Comprehensive Plan of Action", "Plan"),  # no head noun: the last word before "of"
    ("Iran nuclear deal", "deal"),
    ("NPT", "NPT"),
])
def test_alias_head_is_its_head_noun(alias, head):
    at = alias_head(alias, load_lexicon())
    assert alias[at:].split()[0] == head


@pytest.mark.parametrize("a, b, agree", [
    ("defence", "arms_control", True),   # "a military pact" ... an arms-control accord
    ("treaty", "defence", True),         # a form goes with any kind
    (None, "boundary", True),
    ("memorandum", "trade", True),
    ("trade", "investment", True),
    ("peace", "boundary", True),
    ("trade", "arms_control", False),
    ("defence", "trade", False),
    ("energy", "peace", False),
])
def test_kinds_agree(a, b, agree):
    assert _kinds_agree(a, b) is agree
    assert _kinds_agree(b, a) is agree


def _names(text: str) -> list[str]:
    return sorted(a.name for a in extract(text))


@pytest.mark.slow
@pytest.mark.parametrize("text, name, records", [
    # a form ("a treaty") named by an entry of a more specific kind
    ("Australia and Indonesia signed a treaty in November 2006. The Lombok Treaty commits both "
     "sides to respect each other's territorial integrity.", "Lombok Treaty", 1),
    # a description of another head noun ("a treaty" ... "the Falepili Union")
    ("A treaty between Canberra and Funafuti entered into force on Thursday. Under the Falepili "
     "Union, Australia will take in up to 280 Tuvaluans a year.", "Falepili Union", 1),
    # "military" reads defence; the entry is an arms-control accord of the same family
    ("Seoul's cabinet on Monday voted to suspend a 2018 military accord with Pyongyang. The "
     "Comprehensive Military Agreement, signed at a summit in September 2018, banned hostile "
     "acts near the frontier.", "Comprehensive Military Agreement", 1),
    # the description's own sides settle it, whoever else its sentence names (the Greek-
    # Egyptian accord is the second record)
    ("Athens said its accord with Cairo voided a rival deal between Ankara and Tripoli. The "
     "Turkey-Libya maritime memorandum was signed in November.", "Turkey-Libya maritime memorandum", 2),
    ("Washington and Panama City ratified a treaty in 1978. The Panama Canal Treaty handed the "
     "waterway to Panama at the end of 1999.", "Panama Canal Treaty", 1),
])
def test_known_title_names_the_description_before_it(text, name, records):
    ags = extract(text)
    assert len(ags) == records  # the description is no record of its own
    (named,) = [a for a in ags if a.name == name]
    assert named.stages  # the description's stage went to the named agreement


@pytest.mark.slow
@pytest.mark.parametrize("text, name", [
    # other states signed the description
    ("Japan and the Philippines signed a defence treaty on Monday. The Lombok Treaty, by "
     "contrast, binds Canberra and Jakarta.", "Lombok Treaty"),
    ("New Zealand and Fiji signed a treaty on Thursday. Under the Falepili Union, Australia "
     "will take in Tuvaluans.", "Falepili Union"),
    # one party's pact with a third state is not the entry's
    ("Seoul and Washington signed a military pact in 2018. The Comprehensive Military "
     "Agreement was separately reached with Pyongyang.", "Comprehensive Military Agreement"),
    # another kind
    ("Russia and the United States agreed a trade deal last week. New START expires in "
     "February.", "New START Treaty"),
])
def test_known_title_after_another_agreement_stays_apart(text, name):
    assert len(extract(text)) == 2
    assert name in _names(text)


@pytest.mark.slow
@pytest.mark.parametrize("text, name, stage", [
    ("The lease on Kowloon's outer districts ran out on Monday. Under the Sino-British Joint "
     "Declaration, signed in Beijing in 1984, China pledged to keep the city's system for fifty "
     "years. Both parliaments ratified the declaration the next year.",
     "Sino-British Joint Declaration", "ratified"),
    ("Lisbon recalled that the Sino-Portuguese Joint Declaration promised Macau fifty years of "
     "autonomy. Both governments ratified the declaration in 1988.",
     "Sino-Portuguese Joint Declaration", "ratified"),
])
def test_head_noun_of_a_known_name_links_back(text, name, stage):
    ags = extract(text)
    assert [a.name for a in ags] == [name]
    assert stage in {s.stage for s in ags[0].stages}
