"""States referred to by description: "the Gulf state", "the kingdom", "his country".

The resolution cases run the real pipeline (parse, dictionary); the sentences are written
for these tests. One case runs on a hand-built document without a parse, the path taken by
sentences the selective parser skips.
"""

from __future__ import annotations

import pytest

from dyad.actors import load_dictionary, resolve_actors
from dyad.actors.descriptions import PHRASES, region_tags
from dyad.ingest import read_text
from tests.test_actors import make_doc


def descriptions(extractor, text: str) -> list[tuple[str, str]]:
    parsed = extractor.nlp.parse("t", text)
    return [(m.text, m.actor.actor_id) for m in resolve_actors(parsed, extractor.dictionary,
                                                                  doc_date="2024-05-01")
            if m.reason.startswith("description")]


@pytest.mark.parametrize("text, expected", [
    # a region adjective picks the state that lies there, not the nearest one
    ("Kenya signed a trade pact with Germany on Monday. The East African nation hopes to "
     "double its exports.", ("East African nation", "KEN")),
    ("Portugal and Angola agreed to cut tariffs. Exports to the southern African country "
     "rose last year.", ("southern African country", "AGO")),
    ("Indonesia ordered a dozen frigates from Italy. The Southeast Asian country is "
     "modernising its navy.", ("Southeast Asian country", "IDN")),
    ("Greece hosted the foreign minister of Bahrain. The Gulf state wants closer ties "
     "with Athens.", ("Gulf state", "BHR")),
    ("Serbia was criticised by Britain over the dispute. The Balkan state denied the "
     "claims.", ("Balkan state", "SRB")),
    ("Brazil accused the United States of spying. The South American nation summoned the "
     "US ambassador.", ("South American nation", "BRA")),
    # the head says what kind of state: a kingdom, an emirate, an island
    ("Morocco restored ties with Germany in 2022. The kingdom had recalled its envoy in "
     "2021.", ("kingdom", "MAR")),
    ("Kuwait hosts thousands of US troops. The emirate also lets British aircraft use its "
     "bases.", ("emirate", "KWT")),
    ("Australia signed a security pact with Fiji. The Pacific island nation will receive "
     "patrol boats.", ("Pacific island nation", "FJI")),
    ("Bolivia and Chile have no diplomatic ties. The landlocked country has long demanded "
     "access to the sea.", ("landlocked country", "BOL")),
    # no adjective: the most salient state, the subject before the object
    ("Mali expelled the envoy of France on Monday, saying the country had insulted its "
     "leaders.", ("country", "MLI")),
    # the other argument of the description's own verb is not the state meant
    ("Canadian troops were deployed to Latvia in 2017. British soldiers left the country "
     "last year.", ("country", "LVA")),
    # a possessive determiner: the person's country
    ("Kenyan President William Ruto told reporters that his country would send police to "
     "Haiti.", ("his country", "KEN")),
])
def test_description_resolves_to_the_state_that_fits(extractor, text, expected):
    assert expected in descriptions(extractor, text)


@pytest.mark.parametrize("text", [
    "Vietnam became the first country to ratify the pact.",          # a predicate
    "Texas sued the federal government. The state said the rules were illegal.",  # no region
    "Japan said the other country had not replied.",                  # another state
    "Nauru cut ties with Taiwan. The Pacific island nation of Nauru has 12,000 people.",
    "Peru signed the deal. The Nordic country welcomed it.",          # no state fits
    "Britain handed over the Chagos Islands last year. Mauritius now governs the "
    "archipelago.",                                                   # a named island group
])
def test_no_description_is_resolved(extractor, text):
    assert descriptions(extractor, text) == []


def test_description_feeds_the_coders_with_its_own_offsets(extractor):
    text = ("Chad announced on Thursday that it was ending its defence cooperation agreement "
            "with France. About 1,000 French soldiers are stationed in the central African "
            "country.")
    records = extractor.extract_documents([read_text(text, doc_id="t2", date="2024-11-29")])
    chad = next(a for a in records.actors if a.actor_id == "TCD")
    desc = next(m for m in chad.mentions if m.text == "central African country")
    assert text[desc.start:desc.end] == "central African country"
    assert "description" in desc.reason


def test_without_a_parse_recency_and_place_decide():
    d = load_dictionary()
    doc = make_doc("[Peru](GPE) signed a deal with [Spain](GPE). Investors in the Andean "
                   "country welcomed it.")
    found = [(m.text, m.actor.actor_id) for m in resolve_actors(doc, d, doc_date="2024-01-01")
             if m.reason.startswith("description")]
    assert found == [("Andean country", "PER")]


def test_region_table_covers_every_state_and_every_phrase_tag():
    d = load_dictionary()
    tags = region_tags()
    assert set(d.countries) <= set(tags)
    known = set().union(*tags.values())
    assert {t for t in PHRASES.values() if t} <= known
    assert "kingdom" in tags["SAU"] and "kingdom" not in tags["CAN"]
    assert "island" in tags["ISL"] and "landlocked" in tags["NPL"]
