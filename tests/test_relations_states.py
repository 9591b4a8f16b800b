"""Standing relations stated as a state of affairs, through the real pipeline: presence
read from a base's name, a "where" clause or "the country"; supply from ranked sources,
aid, named weapon systems and a quantity referring back; sanctions a state is under, bans
and blacklists; mediation by hosts, guarantors and named mediators; a war located in a
state whose invader the text names elsewhere.

Each text was written for these tests; cases are compared gold-style (see
``tests.test_relations.gold_style``).
"""

from __future__ import annotations

import pytest

from tests.test_relations import gold_style
from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow

MP, AS, ES, SA, ME, AC, TR = ("military_presence", "arms_supply", "energy_supply", "sanctions",
                              "mediation", "armed_conflict", "trade")

STATES = [
    # military presence: the base by name, "the base" after a sentence naming it
    ("The United States flies drones from Al Udeid in Qatar. The base, which hosts 3,000 US troops, "
     "is the largest in the region.", {(MP, "USA", "QAT")}),
    ("Camp Lemonnier in Djibouti is the only permanent US military base in Africa.", {(MP, "USA", "DJI")}),
    ("Al Udeid Air Base in Qatar is the largest US base in the Middle East.", {(MP, "USA", "QAT")}),
    ("Satellite images show new piers at the Chinese facility at Ream in Cambodia.", {(MP, "CHN", "KHM")}),
    ("Qatar signed a defence pact with Turkey. The base hosts 3,000 Turkish soldiers.", set()),
    # the host in a "where" clause, or left to the reader ("in the country", "on its soil")
    ("Iraq, where about 2,500 US troops are stationed, wants them out.", {(MP, "USA", "IRQ")}),
    ("Djibouti, where the United States keeps 4,000 troops, also hosts a Chinese base.",
     {(MP, "USA", "DJI"), (MP, "CHN", "DJI")}),
    ("The United States and Iraq agreed to end the coalition mission by 2026. About 2,500 US troops "
     "remain in the country.", {(MP, "USA", "IRQ")}),
    ("South Korea will pay $1.1 billion for the upkeep of 28,500 American troops on its soil.",
     {(MP, "USA", "KOR")}),
    ("The United States has 900 troops in Syria. Russia also keeps forces there.",
     {(MP, "USA", "SYR"), (MP, "RUS", "SYR")}),
    ("Chad ended its defence pact with France, whose 1,000 troops are stationed in the country.",
     {(MP, "FRA", "TCD")}),
    # weapons, submarines, battlegroups, troops "from" a state, logistics centres
    ("Russia has stationed tactical nuclear weapons in Belarus.", {(MP, "RUS", "BLR")}),
    ("Australia will host US and British submarines at HMAS Stirling from 2027.",
     {(MP, "USA", "AUS"), (MP, "GBR", "AUS")}),
    ("Troops from Rwanda are deployed in Mozambique.", {(MP, "RWA", "MOZ")}),
    ("Troops from Rwanda arrived to fight in Mozambique.", set()),
    ("Sudan agreed to let Russia build a naval logistics centre in Port Sudan.", {(MP, "RUS", "SDN")}),
    # supply
    ("Russia is the main source of India's oil imports.", {(ES, "RUS", "IND")}),
    ("Trade is a major source of tension between the United States and China.", set()),
    ("Azerbaijan sends gas to Italy through the TAP pipeline.", {(ES, "AZE", "ITA")}),
    ("Iran sent drones to Russia.", {(AS, "IRN", "RUS")}),
    ("Qatar sent a delegation to Washington to discuss LNG prices.", set()),
    ("Egypt is a major customer for French Rafale jets.", {(AS, "FRA", "EGY")}),
    ("Greece will acquire 20 F-35 jets from the United States.", {(AS, "USA", "GRC")}),
    ("Germany's military aid to Ukraine reached 28 billion euros.", {(AS, "DEU", "UKR")}),
    ("The United States provides Israel with $3.8 billion in military aid a year.", {(AS, "USA", "ISR")}),
    ("India and France signed a deal for 26 Rafale Marine fighter jets on Monday.", {(AS, "FRA", "IND")}),
    ("Poland and the United States signed a contract for 96 Apache helicopters.", {(AS, "USA", "POL")}),
    ("India signed a deal for 26 Rafale jets.", set()),
    ("Germany and Qatar signed a 15-year LNG supply agreement. Under the deal, Qatar will ship 2 million "
     "tonnes a year to Germany from 2026.", {(ES, "QAT", "DEU")}),
    ("China is Australia's largest export market.", {(TR, "AUS", "CHN")}),
    # sanctions a state is under; bans, price caps, blacklists; not eased ones
    ("Iran has been under US sanctions since 1979.", {(SA, "USA", "IRN")}),
    ("Cuba has been under a US trade embargo since 1962, officials in Havana said.", {(SA, "USA", "CUB")}),
    ("North Korea is subject to UN sanctions over its nuclear programme.", {(SA, "UN", "PRK")}),
    ("Washington blacklisted three Chinese firms.", {(SA, "USA", "CHN")}),
    ("The blacklisted Russian firm denied wrongdoing.", set()),
    ("The EU banned imports of Russian coal in August 2022.", {(SA, "EU", "RUS"), ("energy_supply", "RUS", "EU")}),
    ("The G7 imposed a price cap on Russian oil.", {(SA, "G7", "RUS")}),
    ("The EU lifted its ban on imports of Ukrainian grain.", {(SA, "EU", "UKR")}),  # negated: an ended sanction
    ("Russia banned Facebook in 2022.", set()),
    ("The United States will ease sanctions on Syria under the deal.", set()),
    # mediation
    ("Talks under the auspices of Saudi Arabia and the United States began in Jeddah.",
     {(ME, "SAU", None), (ME, "USA", None)}),
    ("Qatar's role as mediator between Israel and Hamas is under strain.", {(ME, "QAT", None)}),
    ("The talks in Doha, hosted by Qatar, broke down.", {(ME, "QAT", None)}),
    ("Hamas accepted a proposal from mediators Egypt and Qatar.", {(ME, "EGY", None), (ME, "QAT", None)}),
    ("Washington hosted the leaders of Armenia and Azerbaijan on Friday.", {(ME, "USA", None)}),
    ("Saudi Arabia hosted a meeting between Iran and Bahrain.", {(ME, "SAU", None)}),
    ("Saudi Arabia hosted a summit of Arab leaders.", set()),
    ("Egypt, Qatar and Turkey signed as guarantors of the ceasefire between Israel and Hamas.",
     {(ME, "EGY", None), (ME, "QAT", None), (ME, "TUR", None)}),
    ("The United States is a guarantor of Israel's security.", set()),
    ("Norway acted as facilitator of the talks between Colombia and the ELN.", {(ME, "NOR", None)}),
    # armed conflict
    ("Armenia and Azerbaijan have fought over Nagorno-Karabakh for decades.", {(AC, "ARM", "AZE")}),
    ("Ethiopia and Eritrea fought each other from 1998 to 2000.", {(AC, "ERI", "ETH")}),
    ("The United States and the EU have fought over Airbus subsidies for years.", set()),
    ("Russia invaded in February 2022. The war in Ukraine has killed thousands.", {(AC, "RUS", "UKR")}),
    ("China called for talks on the war in Ukraine.", set()),
    ("Iraq condemned the invasion. The war in Ukraine dragged on.", set()),
]


@pytest.mark.parametrize("text, expected", STATES)
def test_state_of_affairs(extractor, text, expected):
    assert gold_style(extractor.extract_text(text, date="2024-03-10").relations) == expected


def test_the_base_keeps_its_name_as_location(extractor):
    rels = extractor.extract_text("Camp Lemonnier in Djibouti is the only permanent US military base "
                                  "in Africa.", date="2024-03-10").relations
    assert [r.attributes["location"]["text"] for r in rels] == ["Camp Lemonnier"]
