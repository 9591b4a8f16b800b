"""Standing-relation cues added for constructions the relation coder missed: import bans,
annexations, relative clauses on an occupied place, trade continued from the sentence
before, relations cut, counted spans of fighting, third parties kept out of a war, planned
withdrawals, "the kingdom", a host named second after an unnamed place, deals for goods
their supplier qualifies, troops backing an armed group, and accusations. Each rule has
two or more sentences written for these tests, through the real pipeline, compared
gold-style (``tests.test_relations.gold_style``) and, where the rule is about it, on
modality.
"""

from __future__ import annotations

import pytest

from tests.test_relations import gold_style
from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow

CUES = [
    # a noun trigger as a verb's object takes that verb's subject, across "and"
    ("The European Union ended talks with Belarus and imposed new sanctions on Minsk.",
     {("sanctions", "EU", "BLR")}),
    ("Canada broke off negotiations with Russia and later announced sanctions on Moscow.",
     {("sanctions", "CAN", "RUS")}),
    # the object of a verb of urging is the subject of the infinitive after it
    ("Poland urged the EU to impose sanctions on Belarus.", {("sanctions", "EU", "BLR")}),
    ("Britain persuaded Japan to ban imports of Russian oil.",
     {("sanctions", "JPN", "RUS"), ("energy_supply", "RUS", "JPN")}),  # the supply negated
    # an import ban is a sanction on the state the goods come from
    ("Moscow banned imports of wine from Moldova in 2013.", {("sanctions", "RUS", "MDA")}),
    ("Saudi Arabia has prohibited purchases of fruit from Lebanon.", {("sanctions", "SAU", "LBN")}),
    # an annexation is an occupation and a claim; the noun takes its possessor first
    ("Iraq annexed Kuwait in August 1990.",
     {("occupation", "IRQ", "KWT"), ("territorial_claim", "IRQ", "KWT")}),
    ("Indonesia's annexation of East Timor in 1976 was never recognised by the United Nations.",
     {("occupation", "IDN", "TLS"), ("territorial_claim", "IDN", "TLS")}),
    # the place a relative clause hangs on; a bare "presence" there is the occupation itself
    ("Armenia agreed to return the districts around Nagorno-Karabakh it had occupied since 1994.",
     {("occupation", "ARM", "AZE")}),
    ("The court called Turkey's presence in Northern Cyprus, which it has occupied since 1974, illegal.",
     {("occupation", "TUR", "CYP")}),
    # a role that finds the source's own country again looks past it
    ("Japan signed a contract with Australia to increase purchases of Australian coal.",
     {("energy_supply", "AUS", "JPN")}),
    ("Germany agreed with Norway to expand imports of Norwegian gas.", {("energy_supply", "NOR", "DEU")}),
    # a quantity "of" the goods names them past the role window
    ("Norway agreed to supply Poland with as much as ten billion cubic metres of liquefied natural gas a year.",
     {("energy_supply", "NOR", "POL")}),
    ("Russia agreed to supply Hungary with an additional 700 million cubic metres of natural gas this year.",
     {("energy_supply", "RUS", "HUN")}),
    # a ranked source of a state's imports
    ("Canada was the second-largest source of US imports last year, mostly cars and machinery.",
     {("trade", "CAN", "USA")}),
    ("South Korea became the third-largest source of Japanese imports in 2022, led by semiconductors.",
     {("trade", "JPN", "KOR")}),
    # a bare trade noun opening a sentence continues the trade of the sentence before
    ("Germany's exports rose to a record last year. Exports to China fell to $100 billion.",
     {("trade", "CHN", "DEU")}),
    ("Japan's imports grew in 2023. Imports from Australia reached $60 billion.", {("trade", "AUS", "JPN")}),
    # relations cut (the subject of a gerund after "after" is the main clause's)
    ("Panama opened an embassy in Beijing in 2017 after severing diplomatic relations with Taiwan.",
     {("diplomatic_relations", "PAN", "TWN")}),
    ("Morocco severed its ties with Iran in 2018.", {("diplomatic_relations", "IRN", "MAR")}),
    # a venue opening a list is no side
    ("In Beijing, Saudi Arabia and Iran signed a deal to restore ties.", {("diplomatic_relations", "IRN", "SAU")}),
    ("At the White House, Israel and Bahrain agreed to establish diplomatic relations.",
     {("diplomatic_relations", "BHR", "ISR")}),
    # a counted span of strikes or fire is a war between the pair; labour strikes are not
    ("Thailand and Cambodia agreed to a truce after five days of artillery fire along the border.",
     {("armed_conflict", "KHM", "THA")}),
    ("Israel and Iran halted twelve days of airstrikes.", {("armed_conflict", "IRN", "ISR")}),
    ("Dock workers ended three weeks of strikes in France and Germany.", set()),
    # mediators and peacekeepers are no sides
    ("The accord, reached after talks hosted by Norway and Switzerland, was meant to end the war in Sudan.",
     {("mediation", "NOR", None), ("mediation", "CHE", None)}),
    ("Sudan, South Sudan and Ethiopia signed a declaration ending weeks of fighting over Abyei. "
     "Ethiopian peacekeepers will be deployed in the area.", {("armed_conflict", "SDN", "SSD")}),
    # a claim as an assertion someone denies is no territorial claim
    ("Israel said the strike killed a commander, a claim Hezbollah disputes.", set()),
    ("Ukraine said it had shot down 20 drones, a claim the Kremlin denied.", set()),
    # sanctions vetoed or blocked are not the vetoer's
    ("Hungary threatened to veto any sanctions on Moscow.", set()),
    ("Slovakia blocked new sanctions against Russia for weeks.", set()),
    # a withdrawal planned or called for: the troops are there; one done says nothing
    ("Moldova called for the withdrawal of Russian troops from Transnistria.",
     {("military_presence", "RUS", "MDA")}),
    ("The deal sets a timetable for the complete withdrawal of French forces from Niger.",
     {("military_presence", "FRA", "NER")}),
    ("After the withdrawal of US troops from Iraq in 2011, violence rose.", set()),
    # "the kingdom", "the sultanate": the monarchy of that kind named before
    ("Britain and Oman renewed their defence accord. British forces have long been based in the sultanate.",
     {("military_presence", "GBR", "OMN")}),
    ("Jordan hosted the talks. About 3,000 American troops are deployed in the kingdom.",
     {("mediation", "JOR", None), ("military_presence", "USA", "JOR")}),
    # a deal or order for goods their supplier qualifies
    ("Morocco signed a deal for 22 Chinese drones.", {("arms_supply", "CHN", "MAR")}),
    ("Egypt placed an order for 24 Italian-built frigates.", {("arms_supply", "ITA", "EGY")}),
    # troops backing an armed group are where the group fights
    ("The RSF has seized the capital of Darfur. Sudan accused the UAE of backing the RSF with hundreds of troops.",
     {("military_presence", "ARE", "SDN")}),
    ("Houthi rebels fired missiles at ships. Iran denies backing the rebels with its own troops.",
     {("military_presence", "IRN", "YEM")}),
    # an unnamed place, then a named one after "and", gives the host
    ("Turkish soldiers are deployed along the border and the Idlib province.",
     {("military_presence", "TUR", "SYR")}),
]


@pytest.mark.parametrize("text, expected", CUES)
def test_cue(extractor, text, expected):
    assert gold_style(extractor.extract_text(text, date="2024-03-10").relations) == expected


@pytest.mark.parametrize("text, rtype, modality", [
    # a relation cut no longer holds
    ("Nicaragua broke off diplomatic relations with Israel in 2024.", "diplomatic_relations", "negated"),
    ("Morocco severed its ties with Iran in 2018.", "diplomatic_relations", "negated"),
    # a counted span of fighting happened, whatever the clause around it
    ("Thailand and Cambodia pledged to halt fighting after six days of rocket and artillery fire.",
     "armed_conflict", "asserted"),
    ("Sudan's army and the RSF agreed to end two years of war.", "armed_conflict", "asserted"),
    # a relative clause states its own fact
    ("Georgia hopes to regain South Ossetia, which Russian forces have occupied since 2008.",
     "occupation", "asserted"),
    # what one side accuses another of is reported
    ("The RSF has seized the capital of Darfur. Sudan accused the UAE of backing the RSF with hundreds of troops.",
     "military_presence", "reported"),
    ("Kyiv accused Moscow of keeping troops in Transnistria.", "military_presence", "reported"),
    # what a signed deal is for is contracted; with a start ahead, expected
    ("Egypt signed a contract on Monday to buy 30 Rafale jets from France.", "arms_supply", "asserted"),
    ("Norway signed a contract to deliver gas to Poland from 2027.", "energy_supply", "expected"),
    # "would" under a past verb of saying, with no condition, is an announced plan
    ("Poland said it would buy 250 Abrams tanks from the United States.", "arms_supply", "intended"),
    ("Turkey said it would buy more S-400 missiles from Russia if Washington refused to sell F-35s.",
     "arms_supply", "hypothetical"),
    # a withdrawal to come: the troops are there now
    ("Moldova called for the withdrawal of Russian troops from Transnistria.", "military_presence", "asserted"),
])
def test_cue_modality(extractor, text, rtype, modality):
    rels = [r for r in extractor.extract_text(text, date="2024-03-10").relations if r.relation_type == rtype]
    assert rels and {r.modality for r in rels} == {modality}
