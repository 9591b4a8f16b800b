"""Agreement identity on the real pipeline (session 6): the parties a group subject stands
for, the sides and kind an agreement shares with the one it replaces or precedes, the
owner of an agreement "with X" who speaks of it, a title with "in" before its head, and
the kind words of territorial disputes and arms limitation. Sentences are written for
these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract

pytestmark = pytest.mark.slow


def records(text: str, date: str = "2024-03-10") -> list[tuple[str, str, frozenset[str]]]:
    return sorted((a.name, a.kind, frozenset(p.country or p.actor_id for p in a.parties))
                  for a in extract(text, date))


def by_name(text: str, name: str) -> tuple[str, frozenset[str]]:
    got = {n: (k, p) for n, k, p in records(text)}
    assert name in got, got
    return got[name]


@pytest.mark.parametrize("text, name, parties", [
    # "the four countries": the list of four states before them signs, and is the parties
    ("Kazakhstan, Uzbekistan, Kyrgyzstan and Tajikistan agreed on Monday to revive plans for "
     "a regional power grid. The four countries signed an intergovernmental agreement on the "
     "grid in 2015.", "intergovernmental agreement", {"KAZ", "UZB", "KGZ", "TJK"}),
    ("Chile, Peru and Ecuador met in Lima to discuss fishing quotas. The three countries "
     "signed a fisheries agreement in 2019.", "fisheries agreement", {"CHL", "PER", "ECU"}),
])
def test_a_group_subject_gives_the_agreement_its_parties(text, name, parties):
    assert by_name(text, name)[1] == parties


@pytest.mark.parametrize("text, name, kind, parties", [
    # the agreement one replaced binds the same sides, and is of its kind
    ("The Ecuador-Peru Boundary Treaty, signed by Ecuador and Peru in 1998, entered into force "
     "on Monday. The accord replaced a 1942 treaty that had left the border undefined.",
     "treaty", "treaty", {"ECU", "PER"}),
    # the previous deal of a renewing agreement is another agreement, of the same sides and kind
    ("Kyrgyzstan's parliament ratified on Tuesday an agreement with Russia extending the stay "
     "of the Russian air base at Kant for 15 years. The previous deal, signed in 2003, was due "
     "to expire next year.", "previous deal", "basing", {"KGZ", "RUS"}),
])
def test_a_predecessor_shares_the_sides_and_kind(text, name, kind, parties):
    assert by_name(text, name) == (kind, parties)


def test_the_predecessor_does_not_take_the_renewing_agreement_mentions():
    got = records("Kyrgyzstan's parliament ratified on Tuesday an agreement extending the stay "
                  "of Russia's air base at Kant for 15 years. The previous deal, signed in 2003, "
                  "was due to expire next year. Under the accord, signed in Moscow in June, Russia "
                  "will also train Kyrgyz officers.")
    assert len(got) == 2, got
    names = {n for n, _, _ in got}
    assert "previous deal" in names and "agreement" in names, got


def test_a_later_deal_without_a_predecessor_word_stays_one_agreement():
    got = records("Kyrgyzstan's parliament ratified on Tuesday an agreement extending the stay "
                  "of Russia's air base at Kant for 15 years. The deal was signed in Moscow in "
                  "June.")
    assert len(got) == 1, got


@pytest.mark.parametrize("text, parties", [
    # the state whose official speaks of "the agreement with X" is its other side
    ("Norway's defence minister told parliament that the 1952 defence agreement with the "
     "United States remained vital to the country's security.", {"NOR", "USA"}),
    ("Estonian officials said the defence pact with Finland would be renewed next year.",
     {"EST", "FIN"}),
    ("American officials said the defence pact with Norway would be renewed next year.",
     {"USA", "NOR"}),
])
def test_the_speaking_state_is_the_other_side_of_an_agreement_with_x(text, parties):
    got = records(text)
    assert len(got) == 1 and got[0][2] == parties, got


@pytest.mark.parametrize("text, parties", [
    # an organisation's officials speak for no state
    ("NATO officials said the defence pact with Norway would be renewed next year.",
     {"NOR"}),
    # not a verb of speaking: the subject is not the owner
    ("Estonian troops trained in Lapland under the defence pact with Finland.", {"FIN"}),
])
def test_no_speaking_owner_no_second_side(text, parties):
    got = records(text)
    assert got and all(p == parties for _, _, p in got), got


def test_in_links_the_words_of_a_title_before_its_head():
    got = records("Belarus suspended its participation in the Open Skies in Europe Treaty in 2021.")
    assert any(n == "Open Skies in Europe Treaty" for n, _, _ in got), got


def test_in_after_the_head_is_a_venue():
    got = records("Russia and Mongolia signed the Treaty of Friendship in Ulaanbaatar on Monday.")
    assert [n for n, _, _ in got] == ["Treaty of Friendship"], got


@pytest.mark.parametrize("text, name, kind", [
    ("Honduras and El Salvador signed a special agreement in 1986 to submit the dispute to the "
     "court. El Salvador has claimed Honduran territory since the 1960s.",
     "special agreement", "boundary"),
    ("The two countries signed an accord in 2001 to settle their territorial dispute over the "
     "islands.", None, "boundary"),
    ("The Strategic Arms Limitation Treaty was signed in 1972.", "Strategic Arms Limitation Treaty",
     "arms_control"),
])
def test_kind_words_of_territory_and_arms_limitation(text, name, kind):
    got = records(text)
    assert any((name is None or n == name) and k == kind for n, k, _ in got), got


def test_an_arms_deal_is_still_an_arms_deal():
    got = records("Poland signed an arms deal with South Korea for 180 tanks.")
    assert [k for _, k, _ in got] == ["arms_deal"], got


@pytest.mark.parametrize("text, parties", [
    # the state described as an ally "under" the pact, and the state it is the ally of
    ("Tokyo, a close ally of the United States under a 1960 security treaty, protested.",
     {"JPN", "USA"}),
    ("Canberra, a treaty ally of New Zealand under a 1951 defence pact, called for calm.",
     {"AUS", "NZL"}),
    ("Japan is an ally of the United States under the 1960 security treaty, officials said.",
     {"JPN", "USA"}),
])
def test_an_ally_under_a_pact_and_its_ally_are_the_parties(text, parties):
    got = records(text)
    assert len(got) == 1 and got[0][2] == parties, got


def test_an_ally_not_under_the_pact_is_no_party():
    # the alliance is not said to come from the treaty: Turkey is no party of the peace treaty
    got = records("Turkey, an ally of Azerbaijan, criticised the peace treaty that Armenia and "
                  "Azerbaijan signed on Friday.")
    assert got and all("TUR" not in p for _, _, p in got), got


def test_a_lease_under_the_sentences_treaty_is_a_term_not_an_agreement():
    got = records("Spain signed a treaty on Monday handing the enclave to Morocco, while keeping "
                  "its naval station there under a 50-year lease.")
    assert [n for n, _, _ in got] == ["treaty"], got


def test_a_lease_of_its_own_stays_an_agreement():
    # alone in its sentence, or after an agreement told in another sentence
    for text in ("Spain keeps a naval base in Morocco under a 50-year lease that was extended "
                 "in 2004.",
                 "Spain signed a trade deal with Morocco on Monday. Spain keeps a naval base at "
                 "Ceuta under a 50-year lease that was extended in 2004."):
        got = records(text)
        assert any(n == "50-year lease" for n, _, _ in got), got


def test_a_quantifier_is_no_part_of_the_name():
    got = records("Chad said it was ending several defence agreements with France.")
    assert [n for n, _, _ in got] == ["defence agreements"], got
