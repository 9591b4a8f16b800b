"""Standing relations, vocabulary written from the language rather than from benchmark misses
(session 6): the constructions news uses for alliances (the participle "allied with", an ally
set off after its partner, "counts ... among its allies", a ranked "are the oldest allies",
"X's alliance with Y", an alliance given up), armed conflict (verbs of attack with a state,
its land or its forces as object; strikes launched "on" or carried out "in" a state; fire
aimed "at" one; two armies clashing; fighting that "broke out between"), sanctions as the
means ("hit X with sanctions") and by other names ("travel bans on"), occupation (land held,
administered or seized, in a main or a relative clause), territorial claims disputed by two
states, and supplies (a state arming another, forces equipped with another's weapons, goods
that "come from" their supplier, a share of the recipient's supply). Every text was written
for these tests, with other states than any benchmark text; each construction has cases
where it must not fire."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows
from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow


# (text, rows that must all be present; symmetric pairs sorted)
PRESENT = [
    # alliance: the participle, the apposed ally, "counts among", a ranked plural
    ("Japan is allied with the United States.", {("alliance", "JPN", "USA", "asserted")}),
    ("Portugal has long been allied to Britain.", {("alliance", "GBR", "PRT", "asserted")}),
    ("Australia's closest ally, the United States, sent a delegation.",
     {("alliance", "AUS", "USA", "asserted")}),
    ("The Philippines counts the United States among its allies.",
     {("alliance", "PHL", "USA", "asserted")}),
    ("Britain and Portugal are the oldest allies in Europe.", {("alliance", "GBR", "PRT", "asserted")}),
    ("Thailand, a US treaty ally, hosted the drills.", {("alliance", "THA", "USA", "asserted")}),
    ("Egypt's alliance with Saudi Arabia is strained.", {("alliance", "EGY", "SAU", "asserted")}),
    ("Washington reaffirmed its alliance with Seoul.", {("alliance", "KOR", "USA", "asserted")}),
    ("Pakistan's all-weather ally China pledged support.", {("alliance", "CHN", "PAK", "asserted")}),
    ("Japan and Australia are both US allies.",
     {("alliance", "AUS", "USA", "asserted"), ("alliance", "JPN", "USA", "asserted")}),
    ("Kenya is a key US security ally.", {("alliance", "KEN", "USA", "asserted")}),
    # a negated predicate does not deny what its subject phrase presupposes
    ("Armenia's security ally Russia did not intervene.", {("alliance", "ARM", "RUS", "asserted")}),
    ("Japan's alliance with the US has not weakened.", {("alliance", "JPN", "USA", "asserted")}),
    # an alliance given up no longer holds
    ("New Zealand left its alliance with the United States in the 1980s.",
     {("alliance", "NZL", "USA", "negated")}),
    # armed conflict: a verb of attack on a state, its land or its forces
    ("Azerbaijan attacked Armenia in September 2022.", {("armed_conflict", "ARM", "AZE", "asserted")}),
    ("Israel bombed Iran's nuclear sites in June.", {("armed_conflict", "IRN", "ISR", "asserted")}),
    ("Turkish forces shelled Syrian army positions.", {("armed_conflict", "SYR", "TUR", "asserted")}),
    ("Saudi-led forces have been bombing Yemen since 2015.", {("armed_conflict", "SAU", "YEM", "asserted")}),
    ("Russia's missiles pounded Kharkiv overnight.", {("armed_conflict", "RUS", "UKR", "asserted")}),
    # strikes launched on a state, carried out in one, fire aimed at one
    ("Israel launched airstrikes on Syria.", {("armed_conflict", "ISR", "SYR", "asserted")}),
    ("Pakistan carried out airstrikes in Afghanistan.", {("armed_conflict", "AFG", "PAK", "asserted")}),
    ("Yemen's Houthis have fired missiles at Israel.", {("armed_conflict", "HOUTHIS", "ISR", "asserted")}),
    # two armies clashing, fighting that broke out between two states
    ("Cambodian and Thai troops clashed near the temple.", {("armed_conflict", "KHM", "THA", "asserted")}),
    ("Indian and Chinese soldiers fought in the Galwan valley in 2020.",
     {("armed_conflict", "CHN", "IND", "asserted")}),
    ("Hostilities broke out between Ecuador and Peru in 1995.", {("armed_conflict", "ECU", "PER", "asserted")}),
    ("The 1998 war pitted Eritrea against Ethiopia.", {("armed_conflict", "ERI", "ETH", "asserted")}),
    ("Pakistan and Afghanistan traded deadly border clashes for weeks.",
     {("armed_conflict", "AFG", "PAK", "asserted")}),
    # a war as the subject of its end, in the past, is over; one that "has lasted" goes on
    ("Eritrea's war with Ethiopia ended in 2000.", {("armed_conflict", "ERI", "ETH", "negated")}),
    ("The war between Iran and Iraq lasted eight years.", {("armed_conflict", "IRN", "IRQ", "negated")}),
    ("The war between Sudan and South Sudan has lasted for years.",
     {("armed_conflict", "SDN", "SSD", "asserted")}),
    ("Russia's war with Ukraine ended its hopes of a quick victory.",
     {("armed_conflict", "RUS", "UKR", "asserted")}),
    # an apposition keeps its own modality, whatever the main clause denies or plans
    ("Hungary, an EU member, did not sign the declaration.", {("membership", "HUN", "EU", "asserted")}),
    ("Norway, a member of NATO, is not in the EU.", {("membership", "NOR", "NATO", "asserted")}),
    ("Qatar, a close ally of Turkey, would not comment.", {("alliance", "QAT", "TUR", "asserted")}),
    # sanctions as the means, sanctions by other names
    ("Japan hit North Korea with fresh sanctions.", {("sanctions", "JPN", "PRK", "asserted")}),
    ("Australia targeted Myanmar's generals with sanctions.", {("sanctions", "AUS", "MMR", "asserted")}),
    ("Britain announced an asset freeze on Russian oligarchs.", {("sanctions", "GBR", "RUS", "asserted")}),
    ("Estonia imposed travel bans on Russian officials.", {("sanctions", "EST", "RUS", "asserted")}),
    ("The embargo that Washington imposed on Havana in 1962 remains.", {("sanctions", "USA", "CUB", "asserted")}),
    # occupation: land held or seized, in a main clause or a relative clause; a past hold
    # bounded by a year is over, even when the tagger read the verb as a participle
    ("Armenian forces seized Azerbaijani districts in the 1990s.", {("occupation", "ARM", "AZE", "asserted")}),
    ("Armenia controlled Nagorno-Karabakh until 2020.", {("occupation", "ARM", "AZE", "negated")}),
    ("Crimea, which Russia seized in 2014, remains contested.", {("occupation", "RUS", "UKR", "asserted")}),
    ("Crimea belonged to Ukraine until 2014. Russia has controlled the peninsula since then.",
     {("occupation", "RUS", "UKR", "asserted")}),
    # sanctions one side answers: the answering side is the target
    ("Russia suspended the talks in response to Japan's sanctions.", {("sanctions", "JPN", "RUS", "asserted")}),
    ("Iran retaliated against Britain's new sanctions by expelling diplomats.",
     {("sanctions", "GBR", "IRN", "asserted")}),
    # territorial claims: two states disputing a place, "both X and Y claim"
    ("Colombia and Nicaragua dispute sovereignty over several Caribbean islands.",
     {("territorial_claim", "COL", "NIC", "asserted"), ("territorial_claim", "NIC", "COL", "asserted")}),
    ("Both Sudan and South Sudan claim the Abyei area.",
     {("territorial_claim", "SDN", "SSD", "asserted"), ("territorial_claim", "SSD", "SDN", "asserted")}),
    # a claim stated as a clause about the land, or with the holder named apart, still holds
    ("China claims Taiwan is part of its territory.", {("territorial_claim", "CHN", "TWN", "asserted")}),
    ("India claims all of Kashmir, most of which Pakistan controls.",
     {("territorial_claim", "IND", "PAK", "asserted")}),
    ("Guyana's Essequibo region is claimed by Venezuela.", {("territorial_claim", "VEN", "GUY", "asserted")}),
    # supplies: arming, equipped with another's weapons, goods that come from a supplier, a
    # share of the recipient's supply
    ("Iran has been arming the Houthis in Yemen.", {("arms_supply", "IRN", "HOUTHIS", "asserted")}),
    ("Myanmar's military is equipped largely with Russian weapons.", {("arms_supply", "RUS", "MMR", "asserted")}),
    ("Most of Serbia's weapons come from Russia.", {("arms_supply", "RUS", "SRB", "asserted")}),
    ("Half of Finland's electricity imports came from Russia.", {("energy_supply", "RUS", "FIN", "asserted")}),
    ("Qatar supplies about a quarter of Britain's gas imports.", {("energy_supply", "QAT", "GBR", "asserted")}),
]


@pytest.mark.parametrize("text, expected", PRESENT)
def test_relation_present(extractor, text, expected):
    assert_rows_present(coded_rows(extractor, text, short=True), expected)


# (text, a row prefix that must not be coded)
ABSENT = [
    # attacks in words, cyber attacks, fire at the sea
    ("China attacked Japan for its remarks on Taiwan.", ("armed_conflict",)),
    ("Beijing attacked the Philippines in a statement on Friday.", ("armed_conflict",)),
    ("Critics attacked Britain over its policy.", ("armed_conflict",)),
    ("The rebels fired rockets into the sea.", ("armed_conflict",)),
    ("The US and China are locked in a trade war.", ("armed_conflict",)),
    # holding one's own land, a presidency, sailors or a ship is no occupation
    ("Russia controls Kaliningrad.", ("occupation",)),
    ("Germany holds the EU presidency.", ("occupation",)),
    ("Iran seized a British tanker in 2019.", ("occupation",)),
    ("Iran holds British sailors.", ("occupation",)),
    ("The Taliban took control of Kabul in 2021.", ("occupation",)),
    # a court is no holder of the land claimed
    ("Kenya sent its claim over the maritime border with Somalia to the International Court of Justice.",
     ("territorial_claim", "KEN", "UN")),
    # sanctions answered with sanctions of one's own named "on" another: no reversal
    ("Russia responded to Western sanctions with sanctions on Japan.", ("sanctions", "JPN", "RUS")),
    # "armed" as an adjective, "Armed Forces" as a name
    ("Ukraine's armed forces repelled the attack.", ("arms_supply",)),
    ("The Armed Forces of Ukraine said it repelled attacks.", ("arms_supply",)),
    # a person who came from a state carries no goods
    ("The envoy came from Brazil.", ("energy_supply",)),
    ("The envoy came from Brazil.", ("arms_supply",)),
    # claiming victory is no territorial claim
    ("Both Chile and Argentina claimed victory in the vote.", ("territorial_claim",)),
    # a bloc qualifying the ally is membership; a person's ally is no state's
    ("Poland is a NATO ally.", ("alliance",)),
    ("The minister's ally Smith resigned.", ("alliance",)),
    # "no base" stays denied: the presupposition is the subject phrase's only
    ("France has no military base in Chad.", ("military_presence", "FRA", "TCD", "asserted")),
    # clashes traded are no trade; an apposition with its own negation keeps it
    ("Pakistan and Afghanistan traded deadly border clashes for weeks.", ("trade",)),
    ("Ukraine, not a member of NATO, asked for help.", ("membership", "UKR", "NATO", "asserted")),
    # "claim" as a verb of saying, or with an act, a title or control won in battle as its
    # object, is no territorial claim; nor is an attack claimed by a group
    ("Russia claimed control of the town of Avdiivka.", ("territorial_claim",)),
    ("Iran claimed the attack on Israel was self-defence.", ("territorial_claim",)),
    ("Pakistan claimed India had violated the ceasefire in Kashmir.", ("territorial_claim",)),
    ("Russia claimed the capture of Bakhmut in Ukraine.", ("territorial_claim",)),
    ("Morocco claimed the title in Qatar.", ("territorial_claim",)),
    ("The attack in Niger was claimed by the Islamic State group.", ("territorial_claim",)),
    # an exporter with no buyer named supplies nobody
    ("Russia is the world's second-largest arms exporter.", ("arms_supply",)),
]


@pytest.mark.parametrize("text, row", ABSENT)
def test_relation_absent(extractor, text, row):
    assert_row_absent(coded_rows(extractor, text, short=True), row)
