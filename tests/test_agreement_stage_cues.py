"""Agreement stages, round five, on the real pipeline (``dyad.extract``): fronted
participles and conditions, term clauses that are no stages, commitments under a deal in
force, long talks and their brokers, rejoining, decisions, arms-sale approvals, referendum
voters, accession talks, exits from talks and from organisations. Sentences are written
for these tests; each rule has cases where it must not fire."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    # a fronted participle reports a done act, whatever the main clause's modals say
    ("Concluded by Egypt and Sudan in Cairo last May, the water accord would lapse if either "
     "state broke its terms.", ("negotiated", None, "asserted")),
    ("Ratified by the Bundestag in 2019, the tax treaty with Chile could be revised if both "
     "sides agree.", ("ratified", "DEU", "asserted")),
    ("If signed, the pact would open Japanese markets to Kenyan flowers.",
     ("signed", None, "hypothetical")),
    # a condition opening the clause of a stage
    ("Chile and Bolivia reached a gas accord in March. If ratified, it would double exports.",
     ("ratified", None, "hypothetical")),
    # a time clause with a modal of possibility is still to come
    ("Ukraine's parliament ratified the grain accord with Poland, the final step before the "
     "deal can take effect.", ("in_force", None, "expected")),
    ("Both parliaments must vote on the border treaty with Chile before it can enter into force.",
     ("in_force", None, "expected")),
    # talks told as a span of time: the agreement named before, asserted
    ("India signed a contract on Friday to buy 26 naval jets from France for about 6 billion "
     "euros, ending three years of negotiations.", ("negotiated", "FRA", "asserted")),
    ("Kenya and Ethiopia signed a border treaty on Monday. Djibouti and Eritrea acted as "
     "mediators of the six years of negotiations that produced it.", ("negotiated", None, "asserted")),
    # the deal recording what was agreed before it
    ("Kuwait and Iraq agreed on Friday to reopen their border crossings, resume direct flights "
     "and restore trade within three months, in a deal brokered by Oman.",
     ("negotiated", "IRQ", "asserted")),
    ("Egypt agreed to buy 30 more Rafale jets from France under a new arms contract worth 4 "
     "billion euros.", ("negotiated", "EGY", "asserted")),
    # rejoining said by the one who would do it
    ("Canada left the Kyoto Protocol in 2012. Its new prime minister has said he would rejoin "
     "the protocol within a year.", ("proposed", None, "intended")),
    ("Washington quit the arms trade treaty in 2019. The Democratic candidate said she would "
     "rejoin the treaty on taking office.", ("proposed", None, "intended")),
    # a decision or plan to act: intended, by the owner of the noun
    ("Ankara has reversed its decision to suspend the migration deal with the EU.",
     ("suspended", "TUR", "intended")),
    ("Manila said on Tuesday that the visiting forces pact with Washington would not lapse, "
     "dropping its earlier decision to end the agreement.", ("terminated", "PHL", "intended")),
    ("Lithuania's plan to withdraw from the cluster munitions convention drew protests.",
     ("withdrawn", "LTU", "intended")),
    # a seller government's approval of an arms sale is its offer
    ("France approved the sale of 24 Rafale jets to Qatar.", ("proposed", "FRA", "asserted")),
    # the voters of the state named before the verb
    ("Hungary's parliament passed the bill on Monday, days after voters rejected the migrant "
     "quota deal in a referendum.", ("rejected", "HUN", "asserted")),
    ("Norway and the EU concluded the membership treaty in 1994, but voters rejected it in a "
     "referendum that November.", ("rejected", "NOR", "asserted")),
    # suspending the talks on an accession suspends the accession
    ("Serbia's government said it was suspending accession talks with the European Union. "
     "Serbia applied for EU membership in 2009.", ("suspended", "SRB", "asserted")),
    # leaving the talks on the agreement told before
    ("Chile and Peru signed the fisheries accord in 2021. Ecuador walked out of the talks a "
     "year earlier.", ("withdrawn", "ECU", "asserted")),
    ("Canada, Mexico and Chile signed the Pacific trade pact in 2018. Costa Rica withdrew from "
     "the negotiations in 2017.", ("withdrawn", "CRI", "asserted")),
    # leaving an organisation whose founding treaty the text names
    ("Nicaragua announced that it was leaving the Organization of American States. The OAS "
     "Charter requires two years' notice.", ("withdrawn", "NIC", "asserted")),
    ("Burkina Faso said it would quit the African Union. The AU treaty sets out how members "
     "leave.", ("withdrawn", "BFA", "intended")),
])
def test_stage_cue(text, expected):
    got = keys(extract(text))
    assert expected in got, got


@pytest.mark.parametrize("text, absent", [
    # the notice clause of a standing agreement is a term, not a stage
    ("The 2015 fisheries pact between Norway and Iceland stays in force unless one of the "
     "parties withdraws from it.", {"withdrawn", "in_force"}),
    ("The defence accord between Greece and France is extended every five years unless either "
     "government terminates it.", {"terminated", "renewed"}),
    # the duration a treaty was concluded for
    ("The cooperation treaty between Russia and Iran was concluded for twenty years.", {"negotiated"}),
    # agreeing to act under an agreement in force does not negotiate it
    ("Greece agreed on Monday to let French warships use the port of Souda Bay under the 2021 "
     "defence pact with France.", {"negotiated"}),
    # a revival term, not a bid
    ("Under the compromise, Iran would rejoin the accord and the US would lift sanctions.", {"proposed"}),
    # talks on joining are no joining
    ("Serbia's government said it was suspending accession talks with the European Union. "
     "Serbia applied for EU membership in 2009.", {"in_force"}),
])
def test_no_stage(text, absent):
    got = {k[0] for k in keys(extract(text))}
    assert not got & absent, got


def test_concluding_a_treaty_is_still_its_negotiation():
    got = keys(extract("Japan and Australia concluded the Reciprocal Access Agreement in 2022."))
    assert ("negotiated", "JPN", "asserted") in got


def test_a_sale_approval_names_the_seller_only():
    got = keys(extract("The United States, the island's main supplier, approved the sale of "
                       "missiles to Taiwan worth $1 billion."))
    assert ("proposed", "USA", "asserted") in got and not any(k[1] == "TWN" for k in got)


def test_backing_a_deal_is_no_approval():
    assert not keys(extract("Russia backed the ceasefire deal between Armenia and Azerbaijan."))


def test_voters_take_no_state_named_after_them():
    got = keys(extract("Ireland signed the fiscal pact in 2012. Voters rejected it in a "
                       "referendum in 2011, with Denmark watching."))
    assert not any(k[0] == "rejected" and k[1] == "DNK" for k in got)


def test_voters_are_not_the_list_opening_the_sentence():
    got = keys(extract("Norway and the EU concluded the membership treaty in 1994, but voters "
                       "rejected it in a referendum that November."))
    assert [k for k in got if k[0] == "rejected"] == [("rejected", "NOR", "asserted")]


def test_brokers_of_long_talks_are_no_parties():
    (ag,) = extract("Kenya and Ethiopia signed a border treaty on Monday. Djibouti and Eritrea "
                    "acted as mediators of the six years of negotiations that produced it.")
    assert {p.country for p in ag.parties} == {"KEN", "ETH"}
