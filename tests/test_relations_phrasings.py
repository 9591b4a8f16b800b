"""Standing relations from news phrasings, one construction per case, through the real
pipeline (parse, actor resolver, gazetteer, ``modality_of``).

Each sentence was written for these tests. Cases are compared gold-style: actor codes,
symmetric pairs sorted, mediation on the mediator only. ``test_relations.py`` holds the
unit tests on hand-built parses.
"""

from __future__ import annotations

import pytest

from tests.test_relations import gold_style
from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow

# (text, expected (type, source, target) set)
PHRASINGS = [
    # alliance
    ("France and Germany are allies.", {("alliance", "DEU", "FRA")}),
    ("South Korea and the United States are treaty allies.", {("alliance", "KOR", "USA")}),
    ("The alliance between Japan and the United States has lasted since 1951.", {("alliance", "JPN", "USA")}),
    ("Japan is the United States' closest ally in Asia.", {("alliance", "JPN", "USA")}),
    ("A mutual defence pact binds Saudi Arabia and Pakistan.", {("alliance", "PAK", "SAU")}),
    ("Saudi Arabia and Pakistan signed a Strategic Mutual Defence Agreement in September 2025.",
     {("alliance", "PAK", "SAU")}),
    ("Poland, a NATO ally, bought tanks.", {("membership", "POL", "NATO")}),
    # armed conflict
    ("The war between Russia and Ukraine entered its third year.", {("armed_conflict", "RUS", "UKR")}),
    ("Russia's invasion of Ukraine began in February 2022.", {("armed_conflict", "RUS", "UKR")}),
    ("Border clashes between Thailand and Cambodia killed 30 people.", {("armed_conflict", "KHM", "THA")}),
    ("Thailand and Cambodia clashed along their disputed border in July.", {("armed_conflict", "KHM", "THA")}),
    ("The ceasefire ended 13 months of fighting between Israel and Hezbollah.",
     {("armed_conflict", "HEZBOLLAH", "ISR")}),
    # energy supply
    ("Algeria exports natural gas to Italy.", {("energy_supply", "DZA", "ITA")}),
    ("Italy imports 40% of its gas from Algeria.", {("energy_supply", "DZA", "ITA")}),
    ("India buys crude from Russia.", {("energy_supply", "RUS", "IND")}),
    ("The Power of Siberia pipeline carries Russian gas to China.", {("energy_supply", "RUS", "CHN")}),
    ("Nepal exports hydropower to India.", {("energy_supply", "NPL", "IND")}),
    ("Algeria is Spain's largest gas supplier.", {("energy_supply", "DZA", "ESP")}),
    # membership
    ("Montenegro joined NATO in 2017.", {("membership", "MNE", "NATO")}),
    ("Egypt, Ethiopia, Iran and the United Arab Emirates joined BRICS in January 2024.",
     {("membership", c, "BRICS") for c in ("EGY", "ETH", "IRN", "ARE")}),
    ("Bulgaria and Romania entered the EU in 2007.", {("membership", "BGR", "EU"), ("membership", "ROU", "EU")}),
    ("Brazil, Russia, India, China and South Africa founded BRICS.",
     {("membership", c, "BRICS") for c in ("BRA", "RUS", "IND", "CHN", "ZAF")}),
    ("Hungary, an EU and NATO member, opposed the move.", {("membership", "HUN", "EU"), ("membership", "HUN", "NATO")}),
    ("The EU, which Croatia joined in 2013, welcomed the vote.", {("membership", "HRV", "EU")}),
    ("The Quad groups the United States, Japan, India and Australia.",
     {("membership", c, "QUAD") for c in ("USA", "JPN", "IND", "AUS")}),
    ("The EU signed a trade deal with Mercosur, the bloc of Argentina, Brazil, Paraguay and Uruguay.",
     {("membership", c, "MERCOSUR") for c in ("ARG", "BRA", "PRY", "URY")}),
    ("EU countries such as France and Germany backed the pact.",
     {("membership", "FRA", "EU"), ("membership", "DEU", "EU")}),
    ("Greece and Cyprus are both members of the European Union. The two countries met.",
     {("membership", "GRC", "EU"), ("membership", "CYP", "EU")}),
    ("After joining NATO, Finland signed a defence cooperation agreement with the United States.",
     {("membership", "FIN", "NATO")}),
    ("Finland and Sweden applied for NATO membership in May 2022.",
     {("membership", "FIN", "NATO"), ("membership", "SWE", "NATO")}),
    ("The EU opened accession talks with Ukraine and Moldova in June 2024.",
     {("membership", "UKR", "EU"), ("membership", "MDA", "EU")}),
    # no membership from a mere mention of the IGO
    ("NATO held a summit in Washington.", set()),
    ("Japan joined the EU in imposing sanctions on Russia.", {("sanctions", "EU", "RUS")}),
    ("Canada joined NATO allies in condemning the attack.", set()),
    ("Mexico joined talks with the EU on trade.", set()),
    ("Britain rejoined the EU's Horizon research programme.", set()),
    # trade
    ("Trade between Brazil and China rose to $157 billion last year.", {("trade", "BRA", "CHN")}),
    ("Germany is France's second largest trading partner.", {("trade", "DEU", "FRA")}),
    ("Mexico exports $475 billion of goods to the United States.", {("trade", "MEX", "USA")}),
    ("Germany's exports to China fell to $100 billion in 2023.", {("trade", "CHN", "DEU")}),
    ("India and the United Arab Emirates signed a trade pact in 2022. Bilateral trade reached $85 billion last year.",
     {("trade", "ARE", "IND")}),
    # territorial claims
    ("China claims Taiwan.", {("territorial_claim", "CHN", "TWN")}),
    ("Guyana's Essequibo region is claimed by Venezuela.", {("territorial_claim", "VEN", "GUY")}),
    ("The Kuril Islands, held by Russia, are claimed by Japan.", {("territorial_claim", "JPN", "RUS")}),
    ("Venezuela claims two-thirds of Guyana's territory.", {("territorial_claim", "VEN", "GUY")}),
    ("The islands are disputed by Japan and Russia.", set()),
    # military presence
    ("The United States keeps about 2,500 troops in Iraq.", {("military_presence", "USA", "IRQ")}),
    ("Djibouti hosts military bases of the United States, France, China, Japan and Italy.",
     {("military_presence", c, "DJI") for c in ("USA", "FRA", "CHN", "JPN", "ITA")}),
    ("Romania hosts a US missile defence site at Deveselu.", {("military_presence", "USA", "ROU")}),
    ("Ukraine extended the lease of the naval base in Sevastopol to Russia until 2042.",
     {("military_presence", "RUS", "UKR")}),
    ("France closed its last base in Niger in December 2023.", {("military_presence", "FRA", "NER")}),  # negated
    ("The Enhanced Defense Cooperation Agreement gives American troops access to nine bases in the Philippines.",
     {("military_presence", "USA", "PHL")}),
    # arms supply
    ("Egypt buys weapons from France.", {("arms_supply", "FRA", "EGY")}),
    ("The United States delivered 24 F-16 jets to Ukraine.", {("arms_supply", "USA", "UKR")}),
    # sanctions and occupation
    ("Washington has kept sanctions against Cuba for six decades.", {("sanctions", "USA", "CUB")}),
    ("The United States lifted sanctions on Syria.", {("sanctions", "USA", "SYR")}),  # negated
    ("Russia has occupied about a fifth of Ukraine since 2022.", {("occupation", "RUS", "UKR")}),
    # multi-sentence texts about agreements: anaphora and context
    ("Russia and North Korea signed a treaty in June 2024. It obliges each side to provide military "
     "assistance if the other is attacked.", {("alliance", "PRK", "RUS")}),
    ("France and Greece signed a strategic partnership in 2021 that includes a mutual defence clause.",
     {("alliance", "FRA", "GRC")}),
    ("The Treaty of Mutual Cooperation and Security between the United States and Japan was signed in 1960.",
     {("alliance", "JPN", "USA")}),
    ("Japan and Australia signed a pact in 2022. Both are close allies of the United States.",
     {("alliance", "JPN", "USA"), ("alliance", "AUS", "USA")}),
    ("Under the 2020 accords, the United Arab Emirates and Bahrain normalised relations with Israel.",
     {("diplomatic_relations", "ARE", "ISR"), ("diplomatic_relations", "BHR", "ISR")}),
    ("Greece also agreed to buy three French frigates.", {("arms_supply", "FRA", "GRC")}),
    ("India signed a $3 billion deal for 31 MQ-9B drones from the United States in 2024.",
     {("arms_supply", "USA", "IND")}),
    ("Turkey's S-400 purchase from Russia triggered US sanctions.", {("arms_supply", "RUS", "TUR")}),
    ("Hungary signed a 15-year contract with Russia for gas supplies in 2021.", {("energy_supply", "RUS", "HUN")}),
    ("Japan imports about 90% of its crude oil from the Middle East, mainly from Saudi Arabia and the "
     "United Arab Emirates.", {("energy_supply", "SAU", "JPN"), ("energy_supply", "ARE", "JPN")}),
    ("The deal covers the sale of 2.7 million tonnes of LNG a year from the United States to Germany.",
     {("energy_supply", "USA", "DEU")}),
    ("Gazprom halted gas deliveries to Poland and Bulgaria in April 2022.",
     {("energy_supply", "RUS", "POL"), ("energy_supply", "RUS", "BGR")}),  # negated
    ("The United States and Japan traded $230 billion in goods in 2023.", {("trade", "JPN", "USA")}),
    ("India and Pakistan traded fire across the border.", set()),
    ("The India-UAE trade pact took effect in May 2022; bilateral trade rose to $85 billion in 2023.",
     {("trade", "ARE", "IND")}),
    ("Sweden formally became NATO's 32nd member on 7 March 2024.", {("membership", "SWE", "NATO")}),
    ("Saudi Arabia and the UAE were invited to join BRICS; the UAE joined in January 2024.",
     {("membership", "SAU", "BRICS"), ("membership", "ARE", "BRICS")}),
    ("In 2023 the African Union became a permanent member of the G20, joining the European Union as "
     "the only regional bloc in the group.", {("membership", "AU", "G20")}),
    ("The accession of Finland and Sweden to NATO doubled the alliance's border with Russia.",
     {("membership", "FIN", "NATO"), ("membership", "SWE", "NATO")}),
    ("Members of the African Union include Egypt, Kenya and Nigeria.",
     {("membership", c, "AU") for c in ("EGY", "KEN", "NGA")}),
    ("Venezuela revived its claim to the Essequibo region, which makes up two-thirds of Guyana.",
     {("territorial_claim", "VEN", "GUY")}),
    ("Israel has occupied the West Bank since the 1967 war with Jordan.", {("occupation", "ISR", "PSE")}),
    ("India and Pakistan clashed for four days in May 2025 before agreeing to a ceasefire.",
     {("armed_conflict", "IND", "PAK")}),
    ("The Defence Cooperation Agreement gives US forces access to four Swedish military areas.",
     {("military_presence", "USA", "SWE")}),
    ("The agreement allows the United States to use three Norwegian airfields.", {("military_presence", "USA", "NOR")}),
    ("Poland hosts about 10,000 US troops, and Germany agreed in 2023 to station a brigade in Lithuania.",
     {("military_presence", "USA", "POL"), ("military_presence", "DEU", "LTU")}),
    ("The US troops in Niger left the country in 2024.", {("military_presence", "USA", "NER")}),  # negated
    ("Turkey's base in Qatar hosts about 3,000 Turkish soldiers.", {("military_presence", "TUR", "QAT")}),
    ("The Power of Siberia pipeline began delivering gas from Russia to China in December 2019.",
     {("energy_supply", "RUS", "CHN")}),
    ("Norway replaced Russia as the largest supplier of gas to the EU in 2022.", {("energy_supply", "NOR", "EU")}),
    ("Under the deal, Egypt will receive Israeli gas worth $35 billion until 2040.", {("energy_supply", "ISR", "EGY")}),
    ("The 1953 Pact of Madrid allowed the United States to build bases in Spain.", {("military_presence", "USA", "ESP")}),
    ("The Manas air base in Kyrgyzstan was used by US forces until 2014.", {("military_presence", "USA", "KGZ")}),
    # membership, round 2: possessive IGO with adjectives, fronted "As members of", the IGO
    # acting on its members, an elided second membership, candidates
    ("The EU's eastern members Poland and Lithuania pushed for sanctions.",
     {("membership", "POL", "EU"), ("membership", "LTU", "EU")}),
    ("As members of the OSCE, Armenia and Azerbaijan pledged to talk.",
     {("membership", "ARM", "OSCE"), ("membership", "AZE", "OSCE")}),
    ("The EU admitted Croatia in July 2013.", {("membership", "HRV", "EU")}),
    ("BRICS expanded to include Egypt, Ethiopia, Iran and the United Arab Emirates in 2024.",
     {("membership", c, "BRICS") for c in ("EGY", "ETH", "IRN", "ARE")}),
    ("BRICS welcomed Indonesia as a full member in January 2025.", {("membership", "IDN", "BRICS")}),
    ("Montenegro signed the accession protocol in May 2016 and became NATO's 29th member in June 2017.",
     {("membership", "MNE", "NATO")}),
    ("Turkey is a member of NATO but not of the EU.", {("membership", "TUR", "NATO"), ("membership", "TUR", "EU")}),
    ("Greece has been a member of NATO since 1952 and of the EU since 1981.",
     {("membership", "GRC", "NATO"), ("membership", "GRC", "EU")}),
    ("Georgia, an EU candidate, held elections.", {("membership", "GEO", "EU")}),
    ("NATO welcomed Finland's decision.", set()),
    ("NATO invited Ukraine's president to the summit.", set()),
    ("The EU admitted that Hungary had a point.", set()),
    ("The foreign ministers of France and of the EU met.", set()),
    # a leaving done ends the membership (a negated record, as the gold sets code it)
    ("Britain left the EU in 2020.", {("membership", "GBR", "EU")}),
    # sanctions as a verb; not the participle of "the sanctioned tycoon", "UN-sanctioned"
    ("The EU has sanctioned Russia over the war.", {("sanctions", "EU", "RUS")}),
    ("Russian banks were sanctioned by Britain.", {("sanctions", "GBR", "RUS")}),
    ("The sanctioned Russian tycoon sold his club.", set()),
    ("A UN-sanctioned mission arrived in Haiti.", set()),
    # armed conflict with the enemy as object; a group fights its own state's army
    ("Sudan's army has been fighting the Rapid Support Forces since April 2023.",
     {("armed_conflict", "RSF", "SDN")}),
    ("Ukraine is still fighting Russia.", {("armed_conflict", "RUS", "UKR")}),
    ("Iran has been fighting for influence in Iraq.", set()),
    ("Turkish troops occupy northern Cyprus.", {("occupation", "TUR", "CYP")}),
    ("Russia supplied about 40% of the EU's gas before the war.", {("energy_supply", "RUS", "EU")}),
    # cue words used for something else
    ("The trade war between the United States and China escalated in 2019.", set()),
    ("The agreement does not conflict with EU law, Poland said.", set()),
    ("Sweden formally joined NATO on 7 March 2024 after Hungary's parliament ratified its accession protocol.",
     {("membership", "SWE", "NATO")}),
    # membership through accession wording, being "in" an IGO, and lists of members
    ("Sweden deposited its instrument of accession to the North Atlantic Treaty in Washington.",
     {("membership", "SWE", "NATO")}),
    ("Georgia has applied to join both the EU and NATO.", {("membership", "GEO", "EU"), ("membership", "GEO", "NATO")}),
    ("Poland, which has been in the EU since 2004, backed the plan.", {("membership", "POL", "EU")}),
    ("France and Germany sit in the G7.", {("membership", "FRA", "G7"), ("membership", "DEU", "G7")}),
    ("The 27-member EU, including Hungary, agreed the package.", {("membership", "HUN", "EU")}),
    ("RCEP groups the ten ASEAN states with China, Japan and South Korea.",
     {("membership", c, "RCEP") for c in ("CHN", "JPN", "KOR")}),
    ("Britain joined the CPTPP in 2023.", {("membership", "GBR", "CPTPP")}),
    ("Finland and Sweden's applications to join NATO were accepted.",
     {("membership", "FIN", "NATO"), ("membership", "SWE", "NATO")}),
    ("Finland joined NATO in April. Sweden is expected to follow suit.",
     {("membership", "FIN", "NATO"), ("membership", "SWE", "NATO")}),
    ("Croatia joined the EU in 2013. Montenegro and Serbia are due to become members by 2030.",
     {("membership", c, "EU") for c in ("HRV", "MNE", "SRB")}),
    # no membership: being in talks or in a place, following another act, an IGO's noun
    ("The US imposed sanctions on Iran. Britain is expected to follow suit.", {("sanctions", "USA", "IRN")}),
    ("France joined the EU in condemning the coup; Italy followed.", set()),
    ("The EU signed a deal with Japan. Canada followed in March.", set()),
    ("Ukraine is in talks with the EU.", set()),
    ("Canada sat in the G7 meeting.", set()),
    ("Poland is in the EU's good books.", set()),
    ("Iran is a signatory of the NPT.", set()),
]


@pytest.mark.parametrize("text, expected", PHRASINGS)
def test_phrasing(extractor, text, expected):
    got = gold_style(extractor.extract_text(text, date="2024-03-10").relations)
    assert got == expected


def _only(extractor, text: str, rtype: str):
    rels = [r for r in extractor.extract_text(text, date="2024-03-10").relations
            if r.relation_type == rtype]
    assert len(rels) == 1, rels
    return rels[0]


@pytest.mark.parametrize("text, rtype, modality", [
    ("Ukraine wants to join the European Union.", "membership", "intended"),
    ("Bosnia is set to join the EU by 2030.", "membership", "expected"),
    ("Serbia is a candidate for EU membership.", "membership", "intended"),
    ("Finland and Sweden submitted applications to join NATO. Finland's application was quick.",
     "membership", "intended"),
    ("Norway is not a member of the European Union.", "membership", "negated"),
    ("Saudi Arabia has no diplomatic relations with Israel.", "diplomatic_relations", "negated"),
    ("Germany will permanently station 4,800 troops in Lithuania by 2027.", "military_presence", "expected"),
    # a definite noun phrase presupposes the relation: "its war", "its naval facility"
    ("North Korea sent troops to fight for Russia in its war against Ukraine.", "armed_conflict", "asserted"),
    ("Under the 2017 agreement, Russia may keep up to 11 warships at its naval facility in Tartus.",
     "military_presence", "asserted"),
    ("Saudi Arabia and the UAE were invited to join BRICS; the UAE joined in January 2024. Saudi Arabia did not.",
     "membership", None),
    ("Serbia seeks EU membership.", "membership", "intended"),
    ("The EU opened membership talks with Ukraine in December 2023.", "membership", "intended"),
    ("BRICS invited Saudi Arabia to join the bloc.", "membership", "intended"),
    ("Argentina declined an invitation to join BRICS.", "membership", "negated"),
    ("Kosovo is not a member of the United Nations.", "membership", "negated"),
    # a member that is to follow, or whose accession is awaited, is expected
    ("Finland joined NATO in 2023 and Sweden is expected to follow. Finland is a member.", "membership", "expected-SWE"),
    ("Finland joined NATO in April. Sweden will join once Hungary ratifies.", "membership", "expected-SWE"),
    ("Finland joined NATO in April. Sweden's accession is expected in July.", "membership", "expected-SWE"),
    ("Finland is now a NATO member, while Sweden, whose membership awaits ratification, is not.",
     "membership", "expected-SWE"),
    ("Ukraine's bid to join the EU advanced.", "membership", "intended"),
    ("Ukraine, Moldova and Georgia aspire to join the EU.", "membership", "intended"),
])
def test_modality(extractor, text, rtype, modality):
    rels = [r for r in extractor.extract_text(text, date="2024-03-10").relations if r.relation_type == rtype]
    if modality is None:  # what happened wins over what was intended, per side
        assert {(r.source.actor_id, r.modality) for r in rels} == {("SAU", "intended"), ("ARE", "asserted")}
    elif modality.endswith("-SWE"):  # Finland's membership holds, Sweden's is to come
        assert {(r.source.actor_id, r.modality) for r in rels} == {("FIN", "asserted"), ("SWE", "expected")}
    else:
        assert rels and {r.modality for r in rels} == {modality}


@pytest.mark.parametrize("text, rtype, key, value", [
    ("Qatar sells LNG to China.", "energy_supply", "commodity", "LNG"),
    ("Algeria exports natural gas to Italy.", "energy_supply", "commodity", "natural gas"),
    ("Azerbaijan exports oil worth $5 billion to Italy each year.", "energy_supply", "value_usd", 5e9),
    ("Bilateral trade between Vietnam and the United States reached $124 billion in 2023.", "trade",
     "value_usd", 124e9),
    ("Bilateral trade between Vietnam and the United States reached $124 billion in 2023.", "trade",
     "year", "2023"),
    ("Israel is India's second-largest arms supplier.", "arms_supply", "rank", 2),
    ("Russia is the main arms supplier of India.", "arms_supply", "rank", 1),
])
def test_attributes(extractor, text, rtype, key, value):
    assert _only(extractor, text, rtype).attributes[key] == value


def test_one_of_the_largest_ranks_nobody(extractor):
    rel = _only(extractor, "Egypt is one of the largest buyers of French arms.", "arms_supply")
    assert "rank" not in rel.attributes


def test_location_keeps_the_place_as_written(extractor):
    rel = _only(extractor, "Russia maintains a naval base at Tartus in Syria.", "military_presence")
    assert rel.attributes["location"]["text"] == "Tartus"
    assert rel.attributes["location"]["country"] == "SYR"


def test_a_whole_country_is_no_location(extractor):
    rel = _only(extractor, "The United States keeps about 2,500 troops in Iraq.", "military_presence")
    assert "location" not in rel.attributes


def test_claimed_territory_is_the_location(extractor):
    rel = _only(extractor, "Argentina claims the British-held Falkland Islands.", "territorial_claim")
    assert (rel.source.actor_id, rel.target.actor_id) == ("ARG", "GBR")
    assert rel.attributes["location"]["text"] == "Falkland Islands"


@pytest.mark.parametrize("text, territory", [
    ("Argentina claims sovereignty over the Falkland Islands.", "Falkland Islands"),
    ("China claims Taiwan.", "Taiwan"),
    ("Venezuela revived its claim to the Essequibo region, which makes up two-thirds of Guyana.",
     "Essequibo"),
    ("Russia annexed Crimea from Ukraine in 2014.", "Crimea"),
])
def test_territory_is_the_place_at_stake_by_name(extractor, text, territory):
    rel = next(r for r in extractor.extract_text(text, date="2024-03-10").relations
               if r.relation_type in {"territorial_claim", "occupation"})
    assert rel.attributes["territory"] == territory


def test_elided_membership_keeps_its_own_modality_and_date(extractor):
    rels = extractor.extract_text("Turkey is a member of NATO but not of the EU.", date="2024-03-10").relations
    assert {(r.target.actor_id, r.modality) for r in rels} == {("IGO.NATO", "asserted"), ("IGO.EU", "negated")}
    rels = extractor.extract_text("Greece has been a member of NATO since 1952 and of the EU since 1981.",
                                  date="2024-03-10").relations
    assert {(r.target.actor_id, r.attributes.get("since")) for r in rels} == {("IGO.NATO", "1952"),
                                                                              ("IGO.EU", "1981")}


def test_a_treaty_read_as_an_organisation_takes_no_side(extractor):
    """"The Enhanced Defense Cooperation Agreement" resolves to an organisation: it hosts nobody."""
    rels = extractor.extract_text("The Enhanced Defense Cooperation Agreement gives American troops "
                                  "access to nine bases in the Philippines.", date="2024-03-10").relations
    assert all(r.target and r.target.actor_id == "PHL" for r in rels)
