"""How agreement mentions refer to each other and to their parties, on the real pipeline
(``dyad.extract``): "the new pact" after a replacement, "the revised text", "the bloc",
"talks on one", plural agreements with several partners or a listed set of members,
"they" after a mediated deal, and the states "committed to" an agreement. Sentences are
written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


def party_ids(agreement) -> set[str]:
    return {p.country or p.actor_id for p in agreement.parties}


def by_name(agreements, word: str):
    return next(a for a in agreements if word.lower() in a.name.lower())


# -- "new" is the replacing agreement, "old" the replaced one ------------------------------

@pytest.mark.parametrize("text, new_word, old_word", [
    ("The Comprehensive Economic Partnership Agreement took effect on Monday, replacing the 2008 "
     "Free Trade Agreement. Japan and Indonesia signed the new pact in Jakarta in March 2022.",
     "Comprehensive", "Free Trade"),
    ("The Treaty of Amity superseded the 1990 Border Protocol in 2019. Peru and Ecuador ratified "
     "the new accord in 2020.", "Amity", "Border"),
])
def test_new_refers_to_the_replacing_agreement(text, new_word, old_word):
    ags = extract(text)
    new, old = by_name(ags, new_word), by_name(ags, old_word)
    assert {"signed", "ratified"} & {s.stage for s in new.stages}
    # the old one's only signature is the one its own year tells ("the 2008 ... Agreement")
    assert all(s.stage == "signed" and s.date in {"2008", "1990"} for s in old.stages
               if s.stage in {"signed", "ratified"})


@pytest.mark.parametrize("text, stage", [
    ("The Senate approved an amended security agreement with Kenya on Monday, months after "
     "lawmakers rejected the first version. The two governments signed the revised text in June.",
     "signed"),
    ("Ecuador's assembly endorsed a renegotiated trade accord with Peru after the original draft "
     "collapsed. Ministers signed the final text in Lima.", "signed"),
])
def test_a_version_of_the_text_is_the_agreement_named(text, stage):
    ags = extract(text)
    assert len(ags) == 1
    assert stage in {s.stage for s in ags[0].stages}


def test_a_version_with_no_agreement_named_is_none():
    assert extract("The editors published the final version of the novel in May.") == []


# -- "the bloc": the trade pact in focus, not an organisation in a gerund adjunct ----------

@pytest.mark.parametrize("text, proposer", [
    ("Mexico formally joined the Regional Comprehensive Economic Partnership on Monday, years after "
     "leaving the Andean Community. Chile applied to join the bloc in March.", "CHL"),
    ("Thailand became a member of the Pacific Alliance Trade Agreement in 2023 since quitting ASEAN. "
     "Vietnam has asked to join the bloc.", "VNM"),
])
def test_the_bloc_is_the_pact_in_focus(text, proposer):
    ags = extract(text)
    assert any(s.stage == "proposed" and s.party and s.party.country == proposer
               for a in ags if "bloc" not in a.name.lower() for s in a.stages)


@pytest.mark.parametrize("text, party", [
    ("Vietnam joined the Comprehensive and Progressive Agreement for Trans-Pacific Partnership in "
     "2019. Hanoi ratified its accession in November 2018.", "VNM"),
    ("Sweden joined the Open Skies Treaty in 2002. Stockholm ratified its membership in March 2001.",
     "SWE"),
])
def test_its_accession_is_a_stage_of_the_agreement_named_before(text, party):
    ags = extract(text)
    assert len(ags) == 1
    assert any(s.stage in {"signed", "ratified"} and s.party and s.party.country == party
               for s in ags[0].stages)


# -- "one": another agreement of the kind just named ---------------------------------------

@pytest.mark.parametrize("text, pair", [
    ("India has signed a similar defence pact with France, and Delhi and Canberra plan to begin "
     "talks on one next year.", {"IND", "AUS"}),
    ("Kenya concluded a trade deal with Britain in 2023. Nairobi and Tokyo hope to sign one soon.",
     {"KEN", "JPN"}),
])
def test_one_is_a_new_agreement_of_the_same_kind(text, pair):
    ags = extract(text)
    assert len(ags) == 2
    assert any(party_ids(a) == pair for a in ags)


def test_one_of_something_else_is_no_agreement():
    ags = extract("Kenya signed a trade deal with Britain in 2023, one of three this year.")
    assert len(ags) == 1


# -- plural agreements: one per partner; a list after "including" --------------------------

@pytest.mark.parametrize("text, pairs", [
    ("Morocco signed accords restoring diplomatic ties with Israel and Sudan on Friday. Washington "
     "welcomed the agreements.", [{"MAR", "ISR"}, {"MAR", "SDN"}]),
    ("Ukraine concluded security agreements with Germany and France in February. The pacts run for "
     "ten years.", [{"UKR", "DEU"}, {"UKR", "FRA"}]),
])
def test_plural_agreements_with_partners_are_one_each(text, pairs):
    ags = extract(text)
    assert sorted(map(sorted, (party_ids(a) for a in ags))) == sorted(map(sorted, pairs))


@pytest.mark.parametrize("text, kinds", [
    ("Niger said it was ending its military agreements with the United States, including a 2012 "
     "defence cooperation treaty and the accord governing the status of American troops.",
     {"defence", "basing"}),
    ("Chad scrapped its defence deals with France, such as a 2019 military assistance pact and the "
     "accord on the status of French troops.", {"defence", "basing"}),
])
def test_agreements_listed_after_a_plural_are_each_an_agreement(text, kinds):
    ags = extract(text)
    assert {a.kind for a in ags} == kinds
    for a in ags:
        assert len(party_ids(a)) == 2
        assert "terminated" in {s.stage for s in a.stages}


# -- parties: the pair "they" stands for, the states committed to an agreement -------------

@pytest.mark.parametrize("text, pair", [
    ("Egypt and Turkey agreed on Monday to restore ties, after talks mediated by Qatar. They also "
     "agreed to revive a trade agreement signed in 2005.", {"EGY", "TUR"}),
    ("Kenya and Somalia agreed to reopen their border in a deal brokered by Ethiopia. They also "
     "signed a fisheries accord.", {"KEN", "SOM"}),
])
def test_a_mediator_is_not_in_the_pair_they_stand_for(text, pair):
    ags = extract(text)
    last = max(ags, key=lambda a: a.evidence[-1].start)
    assert party_ids(last) == pair


@pytest.mark.parametrize("text, stayers", [
    ("Russia pulled out of the grain deal with Ukraine in July. Turkey and the United Nations said "
     "they remained committed to the accord.", {"TUR", "IGO.UN"}),
    ("Washington quit the climate pact with China in 2020, but Japan and Canada remain firmly "
     "committed to the pact.", {"JPN", "CAN"}),
])
def test_states_that_remain_committed_are_parties(text, stayers):
    ags = extract(text)
    assert len(ags) == 1
    assert stayers <= party_ids(ags[0])


@pytest.mark.parametrize("text", [
    "Japan has signed a defence pact with Britain, and Seoul and Manila are expected to begin talks.",
    "Poland concluded a gas deal with Norway, and Berlin and Prague said they would follow.",
])
def test_a_serial_comma_before_and_ends_a_two_member_partner_list(text):
    ags = extract(text)
    assert len(ags) == 1 and len(party_ids(ags[0])) == 2


def test_keys_helper_still_reads_stages():  # the new mentions leave plain stages alone
    assert ("signed", None, "asserted") in keys(extract("The treaty was signed in 1990."))


# -- a site leased under an agreement: the lessee and the site's country --------------------

@pytest.mark.parametrize("text, pair", [
    ("Russia leases the Hmeimim air base from Syria under a 49-year deal signed in 2017.", {"RUS", "SYR"}),
    ("Washington has paid Doha for years to lease Al Udeid Air Base under an accord extended in 2024.",
     {"USA", "QAT"}),
])
def test_a_base_leased_under_an_agreement_makes_a_basing_pair(text, pair):
    (ag,) = extract(text)
    assert ag.kind == "basing" and party_ids(ag) == pair


# -- coordinated mentions are two agreements, unless the second opens a clause -------------

def _mention(text: str, phrase: str, *, definite: bool, kind: str | None = None):
    from dyad.agreements.mention_record import AgreementMention

    start = text.index(phrase)
    return AgreementMention(start, start + len(phrase), phrase, 0, False, phrase, kind, definite,
                            start + phrase.rfind(" ") + 1 if " " in phrase else start,
                            kind_cued=kind is not None, sent_start=0, sent_end=len(text))


@pytest.mark.parametrize("text, first, second, count", [
    ("Rwanda renewed a 2018 defence treaty with Uganda and the accord on Ugandan troops.",
     "2018 defence treaty", "accord", 2),
    ("Ghana suspended a security pact as well as the protocol on border patrols.",
     "security pact", "protocol", 2),
    ("Chile signed a trade pact and the accord took effect in June.", "trade pact", "accord", 1),
])
def test_coordinated_mentions(text, first, second, count):
    from dyad.agreements.linking import cluster

    mentions = [_mention(text, first, definite=False, kind="defence"),
                _mention(text, second, definite=True)]
    assert len(cluster(mentions, text=text)) == count
