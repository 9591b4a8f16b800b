"""Standing relations: types, directions, attributes, ids, merge keys.

Unit tests use the hand-built docs and fakes of ``tests/test_agreements`` (fake actor and
place mentions stand in for the actor resolver and the gazetteer; ``cue_modality`` for
``modality_of``); the slow tests use the real parse and the real ``modality_of``.
"""

from __future__ import annotations

import pytest

from dyad.model import Relation
from dyad.relations.rules import code, load_patterns, merge_key
from dyad.quantities import find_quantities
from dyad.time import Anchor, find_dates
from tests.test_agreements import cue_modality, fake_actors, fake_places, hand_parse


@pytest.fixture
def extractor(rules_extractor):
    """The relation rules' tests read the rules alone (``conftest.rules_extractor``); the
    modules that import this fixture do the same."""
    return rules_extractor


def run(text: str, parsed=None, modality=cue_modality) -> list[Relation]:
    return code(parsed or hand_parse(text), actors=fake_actors(text), places=fake_places(text),
                dates=find_dates(text, anchor=Anchor(date="2024-03-10")),
                quantities=find_quantities(text, doc_id="d1"), modality=modality,
                place_ref=lambda place: place)


def triples(rels: list[Relation]) -> set[tuple]:
    return {(r.relation_type, r.source.actor_id, r.target.actor_id if r.target else None)
            for r in rels}


CASES = [
    ("Djibouti hosts American, French and Chinese bases.",
     {("military_presence", "USA", "DJI"), ("military_presence", "FRA", "DJI"),
      ("military_presence", "CHN", "DJI")}),
    ("The French naval base in Abu Dhabi opened in 2009.", {("military_presence", "FRA", "ARE")}),
    ("American troops are stationed in Germany.", {("military_presence", "USA", "DEU")}),
    ("Russia supplies natural gas to Turkey.", {("energy_supply", "RUS", "TUR")}),
    ("Egypt imports wheat from Ukraine.", {("trade", "UKR", "EGY")}),
    ("Russia sells weapons to India.", {("arms_supply", "RUS", "IND")}),
    ("Bilateral trade between India and France reached $12 billion last year.", {("trade", "IND", "FRA")}),
    # no fake place for the islands: a claim with neither holder nor place says nothing
    ("Argentina claims the Falkland Islands.", set()),
    # the gazetteer gives Crimea to its claimant: a claim on the place, no holder named
    ("Ukraine claims Crimea.", {("territorial_claim", "UKR", None)}),
    ("Russia occupies Crimea.", {("occupation", "RUS", "UKR")}),
    ("The United States has imposed sanctions on Iran since 2018.", {("sanctions", "USA", "IRN")}),
    ("Sweden joined NATO in March.", {("membership", "SWE", "IGO.NATO")}),
    ("NATO member Turkey objected.", {("membership", "TUR", "IGO.NATO")}),
    ("Qatar mediated between Israel and Egypt.", {("mediation", "QAT", "ISR"), ("mediation", "QAT", "EGY")}),
    ("Israel and Egypt established diplomatic relations in 1980.", {("diplomatic_relations", "ISR", "EGY")}),
    ("Japan is a close ally of the United States.", {("alliance", "JPN", "USA")}),
    ("Japan and the United States are allies.", {("alliance", "JPN", "USA")}),
    ("Russia is at war with Ukraine.", {("armed_conflict", "RUS", "UKR")}),
    ("China claims Japan's islands.", {("territorial_claim", "CHN", "JPN")}),
    # round two: membership
    ("Sweden's entry into NATO was delayed.", {("membership", "SWE", "IGO.NATO")}),
    ("As an EU member state, Ireland follows the rules.", {("membership", "IRL", "IGO.EU")}),
    ("Lithuania, a member of the European Union and NATO, borders Russia.",
     {("membership", "LTU", "IGO.EU"), ("membership", "LTU", "IGO.NATO")}),
    ("Finland joined the alliance in 2023. NATO welcomed it.", {("membership", "FIN", "IGO.NATO")}),
    ("Croatia joined the European Union in 2013. It has been a NATO member since 2009.",
     {("membership", "HRV", "IGO.EU"), ("membership", "HRV", "IGO.NATO")}),
    ("Sweden applied to join NATO in 2022. Sweden became a full member in 2024.",
     {("membership", "SWE", "IGO.NATO")}),
    ("NATO allies Poland and Lithuania raised spending.",
     {("membership", "POL", "IGO.NATO"), ("membership", "LTU", "IGO.NATO")}),
    # energy and arms: the supplier may qualify the commodity
    ("Russian gas flows to Hungary.", {("energy_supply", "RUS", "HUN")}),
    ("Hungary still buys Russian gas.", {("energy_supply", "RUS", "HUN")}),
    ("India's purchases of Russian oil rose.", {("energy_supply", "RUS", "IND")}),
    ("Germany and Italy are heavily dependent on Russian gas.",
     {("energy_supply", "RUS", "DEU"), ("energy_supply", "RUS", "ITA")}),
    ("Russia will supply China with gas.", {("energy_supply", "RUS", "CHN")}),
    # alliance, armed conflict, presence, diplomatic relations
    ("Japan and the Philippines are treaty allies of the United States.",
     {("alliance", "JPN", "USA"), ("alliance", "PHL", "USA")}),
    ("The US-Japan alliance is old.", {("alliance", "USA", "JPN")}),
    ("Japan and the United States are bound by a mutual defence treaty.", {("alliance", "JPN", "USA")}),
    ("Greece and Italy signed the deal. The two allies said so.", {("alliance", "GRC", "ITA")}),
    ("Russia's war in Ukraine goes on.", {("armed_conflict", "RUS", "UKR")}),
    ("The Russia-Ukraine war goes on.", {("armed_conflict", "RUS", "UKR")}),
    ("The war in Ukraine goes on.", set()),
    ("Germany will station a brigade in Lithuania.", {("military_presence", "DEU", "LTU")}),
    ("The United States operates Camp Lemonnier in Djibouti.", {("military_presence", "USA", "DJI")}),
    ("Norway allows US troops to use three bases.", {("military_presence", "USA", "NOR")}),
    ("Iran and Saudi Arabia reopened their embassies in 2023.", {("diplomatic_relations", "IRN", "SAU")}),
    # round three: lists of members, relative clauses, leases, ended states of affairs
    ("NATO, which Finland joined in 2023, met.", {("membership", "FIN", "IGO.NATO")}),
    ("EU countries such as France and Germany backed it.",
     {("membership", "FRA", "IGO.EU"), ("membership", "DEU", "IGO.EU")}),
    ("NATO groups the United States, France and Turkey.",
     {("membership", "USA", "IGO.NATO"), ("membership", "FRA", "IGO.NATO"), ("membership", "TUR", "IGO.NATO")}),
    ("Sweden, Finland and Poland joined NATO.",
     {("membership", "SWE", "IGO.NATO"), ("membership", "FIN", "IGO.NATO"), ("membership", "POL", "IGO.NATO")}),
    ("Japan joined the EU in imposing sanctions on Iran.", {("sanctions", "IGO.EU", "IRN")}),
    ("Ukraine extended the lease of the naval base to Russia.", {("military_presence", "RUS", "UKR")}),
    # ended relations are written (negated: tests/test_relations_classes.py)
    ("France closed its last base in Djibouti.", {("military_presence", "FRA", "DJI")}),
    ("The United States lifted sanctions on Iran.", {("sanctions", "USA", "IRN")}),
    ("The Philippines' ally, the United States, sent ships.", {("alliance", "PHL", "USA")}),
    ("A mutual defence pact binds Japan and the Philippines.", {("alliance", "JPN", "PHL")}),
    ("Japan is the United States' closest ally in Asia.", {("alliance", "JPN", "USA")}),
    ("Hungary, an EU and NATO member, objected.", {("membership", "HUN", "IGO.EU"), ("membership", "HUN", "IGO.NATO")}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_relation_types_and_directions(text, expected):
    assert triples(run(text)) == expected


def test_rank_says_something_about_the_larger_suppliers():
    rels = run("France is the third largest arms supplier to India after the United States and Russia.")
    by_source = {r.source.actor_id: r.attributes for r in rels if r.relation_type == "arms_supply"}
    assert by_source["FRA"]["rank"] == 3 and "inferred" not in by_source["FRA"]
    assert (by_source["USA"]["rank"], by_source["USA"]["inferred"]) == (1, True)
    assert (by_source["RUS"]["rank"], by_source["RUS"]["inferred"]) == (2, True)
    assert {r.target.actor_id for r in rels} == {"IND"}


@pytest.mark.parametrize("text, key, value", [
    ("Bilateral trade between India and France reached $12 billion last year.", "value_usd", 12e9),
    ("Bilateral trade between India and France reached $12 billion last year.", "year", "2023"),
    ("Russia supplies crude oil to India.", "commodity", "crude oil"),
    ("The United States has imposed sanctions on Iran since 2018.", "since", "2018"),
])
def test_attributes(text, key, value):
    rel = run(text)[0]
    assert rel.attributes[key] == value


def test_location_and_distance():
    text = "Russia has a naval base at Tartus, 60 kilometres from the border."
    rel = run(text)[0]
    assert (rel.relation_type, rel.source.actor_id, rel.target.actor_id) == ("military_presence", "RUS", "SYR")
    assert rel.attributes["distance_km"] == 60
    assert rel.attributes["location"]["name"] == "Tartus"
    assert text[rel.evidence[0].start:rel.evidence[0].end] == text


@pytest.mark.parametrize("text", [
    "Serbia is a candidate for EU membership.",
    "The EU opened accession talks with Ukraine.",
])
def test_a_membership_applied_for_is_intended(text):
    from tests.test_agreements import FakeMention
    from dyad.model import Actor

    extra = [FakeMention(m, m + len(n), n, Actor(actor_id=c, name=n, kind="state", country=c))
             for n, c in (("Serbia", "SRB"),) for m in [text.find(n)] if m >= 0]
    rels = code(hand_parse(text), actors=sorted(fake_actors(text) + extra, key=lambda a: a.start),
                modality=cue_modality, place_ref=lambda place: place)
    assert rels and {r.modality for r in rels} == {"intended"}


def test_one_of_the_largest_ranks_nobody():
    rel = run("Egypt is one of the largest buyers of French arms.")[0]
    assert (rel.relation_type, rel.source.actor_id, rel.target.actor_id) == ("arms_supply", "FRA", "EGY")
    assert "rank" not in rel.attributes


def test_a_treaty_read_as_an_organisation_takes_no_side():
    from tests.test_agreements import FakeMention
    from dyad.model import Actor

    text = "The Defence Agreement gives American troops access to bases in Japan."
    pact = FakeMention(0, 21, "The Defence Agreement", Actor(actor_id="org.the-defence-agreement",
                                                             name="The Defence Agreement", kind="organisation"))
    rels = code(hand_parse(text), actors=[pact, *fake_actors(text)], modality=cue_modality,
                place_ref=lambda place: place)
    assert triples(rels) == {("military_presence", "USA", "JPN")}


def test_modality_comes_from_the_modality_reader():
    rels = run("Russia reportedly sells weapons to India.")
    assert [r.modality for r in rels] == ["reported"]


def test_ids_are_deterministic_and_merge_keys_sort_symmetric_pairs():
    a = run("Japan and the United States are allies.")[0]
    b = run("The United States and Japan are allies.")[0]
    assert a.relation_id == run("Japan and the United States are allies.")[0].relation_id
    assert merge_key(a) == merge_key(b) == ("alliance", "JPN", "USA")
    supply = run("Russia sells weapons to India.")[0]
    assert merge_key(supply) == ("arms_supply", "RUS", "IND")


@pytest.mark.parametrize("text", [
    "The rebels claimed responsibility for the attack.",
    "France said the talks went well.",
    "Russian forces attacked the town.",
])
def test_no_relation(text):
    assert run(text) == []


@pytest.fixture(scope="module")
def layer():
    from dyad.nlp.pipeline import NlpLayer

    return NlpLayer()


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [c for c in CASES if c[1]])
def test_relations_on_real_parse(layer, text, expected):
    from dyad.modality import modality_of

    assert triples(run(text, layer.parse("d1", text), modality_of)) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, modality", [
    ("Russia reportedly sells weapons to India.", "reported"),
    ("Russia will supply gas to Turkey.", "expected"),
    ("Egypt plans to buy wheat from Ukraine.", "intended"),
    ("Sweden did not join NATO.", "negated"),
    ("Finland would join NATO if Russia attacked.", "hypothetical"),
    ("Sweden joined NATO.", "asserted"),
])
def test_relation_modality_on_real_parse(layer, text, modality):
    from dyad.modality import modality_of

    rels = run(text, layer.parse("d1", text), modality_of)
    assert [r.modality for r in rels] == [modality]


# -- varied news phrasings through the real pipeline (slow) -----------------------------------
# Written for these tests: each names one construction the coder must read. Mediation is
# compared on the mediator only (the sides are often unnamed: "the two sides").

PHRASINGS = [
    ("About 54,000 US troops are stationed in Japan.", {("military_presence", "USA", "JPN")}),
    ("There are about 35,000 American troops in Germany.", {("military_presence", "USA", "DEU")}),
    ("Turkey has maintained troops in northern Iraq for years.", {("military_presence", "TUR", "IRQ")}),
    ("Some 28,500 US soldiers are based in South Korea.", {("military_presence", "USA", "KOR")}),
    ("Germany has stationed a brigade in Lithuania.", {("military_presence", "DEU", "LTU")}),
    ("Japan hosts the largest concentration of US forces overseas.", {("military_presence", "USA", "JPN")}),
    ("India has a military presence in Tajikistan.", {("military_presence", "IND", "TJK")}),
    ("France has deployed 1,000 soldiers to Estonia.", {("military_presence", "FRA", "EST")}),
    ("Russia's Hmeimim air base in Syria supports its operations.", {("military_presence", "RUS", "SYR")}),
    ("The ceasefire, brokered by Egypt and Qatar, took effect on Sunday.",
     {("mediation", "EGY", None), ("mediation", "QAT", None)}),
    ("The deal was reached with the help of Saudi mediators.", {("mediation", "SAU", None)}),
    ("Talks hosted by Oman led to a prisoner swap between the United States and Iran.",
     {("mediation", "OMN", None)}),
    ("The Qatari-mediated agreement freed 50 hostages.", {("mediation", "QAT", None)}),
    ("The truce was negotiated with the mediation of the African Union.", {("mediation", "AU", None)}),
    ("China helped broker the restoration of ties between Saudi Arabia and Iran.", {("mediation", "CHN", None)}),
    ("Algeria, which mediated the talks, welcomed the accord.", {("mediation", "DZA", None)}),
    ("Qatar, which hosts a large US base, mediated the talks.",
     {("mediation", "QAT", None), ("military_presence", "USA", "QAT")}),
    ("Finland became NATO's 31st member in April 2023.", {("membership", "FIN", "NATO")}),
    ("Croatia is an EU member state.", {("membership", "HRV", "EU")}),
    ("Poland, a NATO member, borders Ukraine.", {("membership", "POL", "NATO")}),
    ("Turkey has been a member of NATO since 1952.", {("membership", "TUR", "NATO")}),
    ("Turkey ratified Sweden's bid to join NATO.", {("membership", "SWE", "NATO")}),
    ("China was admitted to the World Trade Organization in 2001.", {("membership", "CHN", "WTO")}),
    ("NATO leaders met in Vilnius. Sweden joined the alliance in March 2024.", {("membership", "SWE", "NATO")}),
    ("Egypt is one of the largest buyers of French arms.", {("arms_supply", "FRA", "EGY")}),
    ("India is the world's largest importer of Russian oil.", {("energy_supply", "RUS", "IND")}),
    ("China is Australia's largest trading partner.", {("trade", "AUS", "CHN")}),
    ("Trade between China and Australia reached $220 billion last year.", {("trade", "AUS", "CHN")}),
    ("Sanctions imposed on Iran by the EU remain in place.", {("sanctions", "EU", "IRN")}),
    ("Armenia and Azerbaijan fought a war over Nagorno-Karabakh in 2020.", {("armed_conflict", "ARM", "AZE")}),
    ("The United States is Japan's closest ally.", {("alliance", "JPN", "USA")}),
    ("Saudi Arabia and Iran were long rivals. The two countries restored diplomatic relations in 2023.",
     {("diplomatic_relations", "IRN", "SAU")}),
    ("France said the talks went well.", set()),
    ("Russian forces attacked the town.", set()),
]
_SYMMETRIC = {"alliance", "trade", "armed_conflict", "diplomatic_relations"}


def gold_style(rels: list[Relation]) -> set[tuple]:
    from dyad.eval.report import ref_code

    out = set()
    for r in rels:
        src, tgt = ref_code(r.source), ref_code(r.target) if r.target else None
        if r.relation_type == "mediation":
            tgt = None
        elif r.relation_type in _SYMMETRIC and tgt:
            src, tgt = sorted((src, tgt))
        out.add((r.relation_type, src, tgt))
    return out


def gold_style_with_modality(extractor, text: str, date: str = "2024-03-10") -> set[tuple]:
    """``gold_style`` rows of a text's relations, each with its modality appended."""
    mods = {}
    for r in extractor.extract_text(text, date=date).relations:
        for key in gold_style([r]):
            mods[key] = r.modality
    return {(*k, mods[k]) for k in mods}


def coded_rows(extractor, text: str, *, short: bool = False) -> set[tuple]:
    """``gold_style_with_modality`` rows; ``short`` cuts actor ids to their last part
    (``IGO.EU`` -> ``EU``, ``USA.MIL`` -> ``MIL``) for tables written with bare codes."""
    rows = gold_style_with_modality(extractor, text)
    if not short:
        return rows
    return {(t, s.split(".")[-1] if s else s, o.split(".")[-1] if o else o, m) for t, s, o, m in rows}


def assert_rows_present(got: set[tuple], expected: set[tuple]) -> None:
    assert expected <= got, f"missing {expected - got}; got {got}"


def assert_row_absent(got: set[tuple], row: tuple) -> None:
    """No row starts with ``row`` (a type; a type and sides; or a whole row)."""
    assert not any(r[:len(row)] == row for r in got), f"unexpected {row} in {got}"


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", PHRASINGS)
def test_news_phrasings_end_to_end(extractor, text, expected):
    got = gold_style(extractor.extract_text(text, date="2024-03-10").relations)
    assert got == expected


def test_mention_covering_the_trigger_is_its_modifier():
    """The resolver may read "American troops" as one mention: it is still the source."""
    from tests.test_agreements import FakeMention
    from dyad.model import Actor

    text = "American troops are stationed in Germany."
    actors = [FakeMention(0, 15, "American troops", Actor(actor_id="USA.MIL", name="US military",
                                                          kind="state", country="USA")),
              *[a for a in fake_actors(text) if a.text == "Germany"]]
    rels = code(hand_parse(text), actors=actors, modality=cue_modality, place_ref=lambda p: p)
    assert {(r.relation_type, r.source.actor_id, r.target.actor_id) for r in rels} == {
        ("military_presence", "USA.MIL", "DEU")}


def test_igo_mention_given_a_country_by_the_resolver_still_has_members():
    """"Finland's NATO" may come back as one IGO mention with Finland's country: the
    member is still Finland (read through the place) and the target NATO."""
    from tests.test_agreements import FakeMention, FakePlace
    from dyad.model import Actor, LocationRef

    text = "Turkey approved Finland's NATO membership."
    actors = [a for a in fake_actors(text) if a.text == "Turkey"] + [
        FakeMention(16, 30, "Finland's NATO", Actor(actor_id="IGO.NATO", name="NATO", kind="igo",
                                                   country="FIN"))]
    places = [FakePlace(LocationRef(location_id="country:FIN", name="Finland", country="FIN"), 16, 23, "Finland")]
    rels = code(hand_parse(text), actors=actors, places=places, modality=cue_modality,
                place_ref=lambda p: p)
    assert triples(rels) == {("membership", "FIN", "IGO.NATO")}


def test_commodity_is_an_attribute_of_supply_only():
    rels = run("Greece and Italy signed the deal. The two allies depend on Russian gas.")
    alliance = next(r for r in rels if r.relation_type == "alliance")
    assert "commodity" not in alliance.attributes



@pytest.mark.parametrize("fixed, mod, expected", [
    ("negated", "asserted", "negated"),      # "but not of the EU"
    ("negated", "reported", "negated"),
    ("negated", "intended", None),           # a planned leaving says nothing certain
    ("intended", "asserted", "intended"),    # "BRICS invited Iran to join"
    ("intended", "negated", "negated"),      # "did not invite": its own reading stands
])
def test_fixed_modality(fixed, mod, expected):
    from dyad.relations.reading import fixed_modality

    assert fixed_modality(fixed, mod) == expected


def test_patterns_name_only_known_roles():
    from dyad.relations.sides import ROLE_NAMES

    for pat in load_patterns().patterns:
        assert set(pat.source) | set(pat.target) <= ROLE_NAMES, pat.trigger.pattern[:60]


@pytest.mark.parametrize("word, iso", [("Rafale", "FRA"), ("f-16s", "USA"), ("S-400", "RUS"),
                                       ("Leopard 2", "DEU"), ("gas", None)])
def test_a_weapon_system_names_its_maker_and_is_an_arms_commodity(word, iso):
    lex = load_patterns()
    assert lex.maker(word) == iso
    if iso:
        assert lex.commodity_type(word) == "arms_supply"
