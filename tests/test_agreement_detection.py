"""Agreement detection, kinds and parties, round five, on the real pipeline: phrasings
that name an agreement without the usual head noun (a lease, a sale, an accession, a
normalisation stated by its verb), the clause that names a deal's two sides, duplicates
under two names, and what stays no agreement. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


def summary(text: str) -> set[tuple[str, frozenset[str]]]:
    return {(a.kind, frozenset(p.actor_id for p in a.parties)) for a in extract(text)}


@pytest.mark.parametrize("text, kind, parties", [
    # heads that make an agreement only with a cue
    ("China and Djibouti signed a 10-year lease for a naval base.", "basing", {"CHN", "DJI"}),
    ("Sweden's accession to NATO was approved by the Hungarian parliament on Monday.",
     "accession", {"SWE", "IGO.NATO"}),
    ("Hungary's parliament ratified Finland's NATO accession in March.", "accession",
     {"FIN", "IGO.NATO"}),
    ("The State Department approved the sale of 40 F-16 fighter jets to Turkey.", "arms_deal",
     {"USA", "TUR"}),
    ("Poland placed an order for 250 Abrams tanks from the United States.", "arms_deal",
     {"POL", "USA"}),
    # a hyphened kind phrase is one modifier
    ("Kenya and the United States signed a status-of-forces agreement in September.", "basing",
     {"KEN", "USA"}),
])
def test_heads_with_a_cue(text, kind, parties):
    assert (kind, frozenset(parties)) in summary(text)


@pytest.mark.parametrize("text", [
    "The company signed a lease for new offices.",
    "Ukraine's EU accession talks began in June.",
    "The president signed an executive order on tariffs.",
    "Shareholders approved the sale of the company to a rival.",
])
def test_heads_without_their_cue_are_no_agreement(text):
    assert extract(text) == []


@pytest.mark.parametrize("text, kind", [
    ("India and Russia signed a $5 billion deal for S-400 missile systems.", "arms_deal"),
    ("The Seoul-Tokyo intelligence pact expires in November.", "defence"),
    ("Kenya's parliament approved a defence cooperation agreement with the United States. "
     "The deal allows US troops to use Kenyan military facilities.", "basing"),
    ("Greece and the United States signed a defence pact in 2019 under which the US will "
     "build a naval base in Crete.", "basing"),
    ("Iran and the United States signed a deal in 2015. It limits Iran's enrichment of "
     "uranium in exchange for sanctions relief.", "arms_control"),
    ("Iran and the IAEA reached a deal to resume inspections at nuclear sites.", "arms_control"),
    ("Saudi Arabia and Iran signed an agreement in Beijing to reopen embassies.",
     "normalisation"),
    ("Ethiopia and Eritrea signed an accord in 2018 ending two decades of conflict.", "peace"),
    ("Russia and Ukraine signed a deal on security guarantees to end the war.", "peace"),
    ("Armenia and Azerbaijan signed a non-aggression pact.", "peace"),
    ("Japan and the Philippines signed a maritime security pact.", "defence"),
    ("Turkey and Libya signed a maritime deal in 2019.", "boundary"),
    ("The United States and South Korea signed the Washington Declaration on nuclear deterrence.",
     "defence"),
])
def test_kind_from_words_and_sentence(text, kind):
    assert kind in {a.kind for a in extract(text)}


def test_a_well_known_defence_treaty_keeps_its_kind_when_bases_are_mentioned():
    (ag,) = extract("Under the US-Japan Security Treaty, US troops are stationed in Okinawa.")
    assert ag.kind == "defence"


@pytest.mark.parametrize("text, parties", [
    # joined subjects of a verb whose object is the agreement
    ("Russia and Iran have a military cooperation agreement.", {"RUS", "IRN"}),
    ("Washington and Hanoi unveiled a deal on rare earths.", {"USA", "VNM"}),
    # a capital owning the deal is no venue; a list of owners
    ("Kyiv's minerals deal with Washington was signed in April.", {"UKR", "USA"}),
    ("Japan and Australia's security pact took effect in August.", {"JPN", "AUS"}),
    # the agreement lets two states act
    ("The deal allows Japan and Australia to station troops on each other's soil.",
     {"JPN", "AUS"}),
    # the clause saying what the deal does names its sides
    ("Washington agreed to sell 24 F-35 jets to the United Arab Emirates in a $23 billion deal.",
     {"USA", "ARE"}),
    ("Russia delivered S-400 air defence systems to Turkey under a deal signed in 2017.",
     {"RUS", "TUR"}),
    ("Morocco became the fourth Arab state to normalise ties with Israel, in a deal brokered "
     "by the United States.", {"MAR", "ISR"}),
    # "the deal" names what the sentence before reported
    ("Russia and Sudan agreed to set up a Russian naval base on the Red Sea coast. The deal, "
     "signed in 2020, is valid for 25 years.", {"RUS", "SDN"}),
])
def test_parties(text, parties):
    assert frozenset(parties) in {frozenset(p.actor_id for p in a.parties) for a in extract(text)}


@pytest.mark.parametrize("text, parties", [
    ("The US and the EU welcomed the deal.", set()),
    ("Israel and Hamas agreed to a ceasefire negotiated by Qatar and Egypt.",
     {"ISR", "group.hamas"}),
    ("The ceasefire between Israel and Hamas, negotiated by Qatar, Egypt and the United States, "
     "took effect on Sunday.", {"ISR", "group.hamas"}),
])
def test_outsiders_are_not_parties(text, parties):
    found = [frozenset(p.actor_id for p in a.parties) for a in extract(text)]
    assert found in ([], [frozenset(parties)])


def test_a_name_in_apposition_after_a_partner_phrase_is_the_same_agreement():
    ags = extract("Australia signed a security treaty with Papua New Guinea, the Pukpuk Treaty, "
                  "in October.")
    assert [(a.name, a.kind, {p.actor_id for p in a.parties}) for a in ags] == [
        ("Pukpuk Treaty", "defence", {"AUS", "PNG"})]


def test_a_title_read_as_an_organisation_is_no_partner():
    (ag,) = extract("Japan signed a defence pact with Britain, the Reciprocal Access Agreement, "
                    "in January.")
    assert {p.actor_id for p in ag.parties} == {"JPN", "GBR"}


@pytest.mark.parametrize("text, parties, negotiated", [
    ("Bahrain and Qatar agreed to restore diplomatic ties, ending a rift that began in 2017.",
     {"BHR", "QAT"}, True),
    ("Cuba and the United States restored diplomatic relations in 2015.", {"CUB", "USA"}, False),
    ("Turkey and Israel announced the full normalisation of relations in August 2022.",
     {"TUR", "ISR"}, False),
    ("Israel and Turkey agreed on the restoration of full diplomatic ties.", {"ISR", "TUR"}, True),
])
def test_normalisation_stated_by_its_verb(text, parties, negotiated):
    (ag,) = extract(text)
    assert (ag.kind, {p.actor_id for p in ag.parties}) == ("normalisation", parties)
    assert ({s[0] for s in keys([ag])} == {"negotiated"}) is negotiated


@pytest.mark.parametrize("text", [
    "Israel hopes to normalise ties with Saudi Arabia.",
    "Saudi Arabia will not normalise relations with Israel without a Palestinian state.",
    "Ties between Russia and the West have been strained since 2014.",
    # the deal of the sentence is the normalisation: no second record
    "Israel and Morocco agreed to normalise relations in December 2020 under a US-brokered deal.",
])
def test_no_normalisation_record_from_a_wish_a_denial_or_a_sentence_with_a_deal(text):
    assert [a.name for a in extract(text)].count("normalisation of relations") == 0


@pytest.mark.parametrize("text, parties", [
    ("Hungary's parliament approved Sweden's membership of NATO on Monday.", {"SWE", "IGO.NATO"}),
    ("Turkey's parliament ratified Sweden's membership in NATO.", {"SWE", "IGO.NATO"}),
])
def test_membership_of_an_organisation_is_an_accession(text, parties):
    (ag,) = extract(text)
    assert (ag.kind, {p.actor_id for p in ag.parties}) == ("accession", parties)


@pytest.mark.parametrize("text", [
    "Japan's membership of the Security Council ends in December.",
    "Ukraine's NATO membership bid was discussed in Vilnius.",
    "The club's membership rose.",
])
def test_membership_that_is_no_accession(text):
    assert "accession" not in {a.kind for a in extract(text)}


def test_entering_a_treaty_is_a_stage_of_the_treaty_not_a_second_agreement():
    ags = extract("Britain's membership of the CPTPP took effect in December.")
    assert [a.kind for a in ags] == ["trade"]


def test_an_organisation_named_after_a_treaty_is_no_mention_of_the_treaty():
    ags = extract("Sweden's membership of the North Atlantic Treaty Organization was approved by "
                  "the Turkish parliament.")
    assert [(a.kind, a.name) for a in ags] == [("accession", "membership")]


def test_a_membership_nothing_happens_to_is_no_agreement():
    assert extract("Germany's membership of the EU has been a pillar of its foreign policy.") == []


@pytest.mark.parametrize("text", [
    "The restoration of relations between Moscow and Kyiv seems distant.",
    "The two countries normalised relations decades ago, but ties have since soured.",
])
def test_no_normalisation_without_two_sides_acting(text):
    assert extract(text) == []


def test_an_outsider_condemning_a_sale_is_no_party_and_the_maker_of_the_arms_is():
    (ag,) = extract("Russia and China condemned the sale of US weapons to Taiwan.")
    assert (ag.kind, {p.actor_id for p in ag.parties}) == ("arms_deal", {"USA", "TWN"})


def test_bilateral_agreements_with_two_partners_are_two_agreements():
    ags = extract("Ukraine signed bilateral security agreements with Germany and France in "
                  "February.")
    assert sorted(sorted(p.actor_id for p in a.parties) for a in ags) == [["DEU", "UKR"],
                                                                          ["FRA", "UKR"]]
    assert all(a.kind == "defence" for a in ags)


def test_a_similar_agreement_takes_the_kind_of_the_one_before():
    ags = extract("Israel and Bahrain signed a joint declaration establishing diplomatic relations. "
                  "The United Arab Emirates signed a similar accord with Israel in September.")
    assert {a.kind for a in ags} == {"normalisation"}


def test_a_kind_word_of_a_title_does_not_link_it_to_an_earlier_deal():
    ags = extract("The agreement gives US forces access to four more bases. US Defense Secretary "
                  "Lloyd Austin announced the deal in Manila. The two allies are also bound by a "
                  "1951 Mutual Defense Treaty.")
    assert ("defence", "1951 Mutual Defense Treaty") in {(a.kind, a.name) for a in ags}


def test_a_list_closed_by_and_ends_the_partners():
    (ag,) = extract("The United States brokered a ceasefire between India and Pakistan, Trump said.")
    assert {p.actor_id for p in ag.parties} == {"IND", "PAK"}


@pytest.mark.parametrize("text, parties", [
    ("China opened its base in Djibouti in 2017 under a 10-year lease.", {"CHN", "DJI"}),
    ("The deal lets the US military use Kenyan bases.", {"USA", "KEN"}),
    ("Russia has leased the Sevastopol naval base from Ukraine since 1997 under a deal extended "
     "in 2010.", {"RUS", "UKR"}),
    ("The Philippines hosts US troops under a visiting forces agreement.", {"PHL", "USA"}),
    ("Russia and Sudan signed a deal to set up a naval logistics centre in Port Sudan.",
     {"RUS", "SDN"}),
])
def test_basing_deals_bind_the_user_and_the_host(text, parties):
    (ag,) = extract(text)
    assert (ag.kind, {p.actor_id for p in ag.parties}) == ("basing", parties)


def test_one_side_of_a_basing_deal_alone_gives_no_party():
    ags = extract("Under the agreement, US troops will be stationed on the island.")
    assert all({p.actor_id for p in ag.parties} <= {"USA"} for ag in ags)


# -- round six: relative clauses, span heads, sides after "between", peace vs defence ------

@pytest.mark.parametrize("text, kind, parties", [
    # "agreement that ..." with a determiner is a relative clause, not a consensus
    ("Greece and the United States signed a defence cooperation agreement that gives US forces "
     "broader access to Greek bases.", "basing", {"GRC", "USA"}),
    # the head of a well-known title is its last word ("Accords"), whose preposition joins it
    ("Israel and the United Arab Emirates established full diplomatic relations in 2020 under "
     "the Abraham Accords.", "normalisation", {"ISR", "ARE"}),
    # a partner introduced as "its partner"
    ("Vanuatu's prime minister said the country had signed a security deal with its partner "
     "Australia.", "defence", {"VUT", "AUS"}),
    # a framework head with a kind word
    ("India and the United States signed a 10-year defence framework in Kuala Lumpur.", "defence",
     {"IND", "USA"}),
    # a bare treaty whose clause limits weapons is arms control
    ("Washington and Moscow signed a treaty limiting intermediate-range missiles in 1987.",
     "arms_control", {"USA", "RUS"}),
    # a security deal that ends a war between its sides is a peace
    ("Egypt and Israel signed a security arrangement to end the fighting in Sinai.", "peace",
     {"EGY", "ISR"}),
])
def test_detection_round_six(text, kind, parties):
    assert (kind, frozenset(parties)) in summary(text)


@pytest.mark.parametrize("text", [
    "There is agreement that the talks should continue.",
    "The talks were held within the framework of the European Union.",
])
def test_consensus_and_settings_are_no_agreement(text):
    assert extract(text) == []


def test_a_security_deal_that_helps_one_side_end_a_war_stays_defence():
    ags = extract("Ukraine signed security agreements with Germany and France that will help Kyiv "
                  "end the war.")
    assert {a.kind for a in ags} == {"defence"}


def test_a_security_pact_aimed_at_others_stays_defence():
    (ag,) = extract("The United States and Japan signed a security pact aimed at China and North Korea.")
    assert (ag.kind, {p.actor_id for p in ag.parties}) == ("defence", {"USA", "JPN"})


@pytest.mark.parametrize("text, parties", [
    # brokers negotiating a deal "between" two sides are no parties
    ("Qatar and Egypt negotiated the ceasefire between Israel and Hamas.", {"ISR", "group.hamas"}),
])
def test_the_sides_after_between_are_the_parties(text, parties):
    (ag,) = extract(text)
    assert {p.actor_id for p in ag.parties} == parties


@pytest.mark.parametrize("text, expected", [
    ("Relations between Israel and Sudan were normalised in 2020.", [{"ISR", "SDN"}]),
    ("Saudi Arabia and Iran agreed to reopen their embassies within two months.", [{"SAU", "IRN"}]),
    # a rank among those who did it: the act is done
    ("The United Arab Emirates became the first Gulf state to normalise relations with Israel in "
     "August 2020. Bahrain followed a month later.", [{"ARE", "ISR"}, {"BHR", "ISR"}]),
])
def test_normalisations_in_other_phrasings(text, expected):
    found = [{p.actor_id for p in a.parties} for a in extract(text) if a.kind == "normalisation"]
    assert found == expected


def test_a_normalisation_next_to_a_deal_of_another_kind_is_its_own_agreement():
    ags = extract("Saudi Arabia and Iran agreed to restore diplomatic relations and to revive a 2001 "
                  "security cooperation agreement.")
    assert sorted(a.kind for a in ags) == ["defence", "normalisation"]


@pytest.mark.parametrize("text", [
    "The US reopened its embassy in Kyiv.",
    "Ties between Russia and the West were strained in 2014.",
])
def test_no_normalisation_from_one_side_or_other_verbs(text):
    assert extract(text) == []
