"""Agreement identity on the real pipeline (session 9): the sides named by a long list, by
two adjectives or agents in the clause saying what a deal does, by a state-owned partner or
a maker's "-made"; the kind of a nuclear plant deal, a bare declaration, a founding treaty
the dictionary knows, a "similar" accord, a border settled or fixed, bases allowed to remain,
confidence-building and force ceilings, and a deal "on Friday" whose purpose follows.
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, records

pytestmark = pytest.mark.slow


def kinds(text: str) -> list[str]:
    return [k for k, _ in records(text)]


def test_every_state_of_a_long_subject_list_accedes():
    # the parser chains a list's conjuncts: each hangs on the one before
    text = "Portugal, Spain, Greece, Austria and Sweden formally joined the European Union on Thursday."
    candidates = {p for k, parties in records(text) if k == "accession" for p in parties} - {"IGO.EU"}
    assert candidates == {"PRT", "ESP", "GRC", "AUT", "SWE"}, records(text)


@pytest.mark.parametrize("text, expected", [
    # "two adjectives joined by and" in a participle clause on the mention
    ("The 1979 accord limiting American and Soviet long-range missiles never entered into force.",
     {"USA", "RUS"}),
    # "under which" after the place of signing
    ("The two leaders signed a treaty of friendship in Beijing under which China and Pakistan "
     "will consult each other on security.", {"CHN", "PAK"}),
    # the side defended under the agreement
    ("Officials recalled a 1962 cooperation agreement under which Britain undertook to defend Brunei.",
     {"GBR", "BRN"}),
    # the agents of a list of states ("the navies of ...") act under it
    ("A patrol agreement under which the navies of India, Sri Lanka and the Maldives watch the "
     "sea lanes was renewed on Monday.", {"IND", "LKA", "MDV"}),
])
def test_the_clause_saying_what_a_deal_does_names_its_sides(text, expected):
    assert [set(parties) for _, parties in records(text)] == [expected], records(text)


@pytest.mark.parametrize("text, expected", [
    # a state-owned firm after "with" stands for its state
    ("Vietnam has signed a contract with state-owned Israel Aerospace Industries for missiles.",
     ("arms_deal", frozenset({"VNM", "ISR"}))),
    # the maker's "-made" before the goods bought names the seller
    ("Taiwan signed a contract on Monday to buy 66 American-made F-16 fighters.",
     ("arms_deal", frozenset({"TWN", "USA"}))),
    # an intergovernmental deal with no party named: the only two states in focus
    ("Gas began to flow from Russia to Turkey through the new pipeline in January. The project "
     "rests on an intergovernmental agreement signed in 2016.", ("energy", frozenset({"RUS", "TUR"}))),
])
def test_partners_named_by_a_firm_a_maker_or_focus(text, expected):
    assert expected in records(text), records(text)


@pytest.mark.parametrize("text, kind", [
    # a power plant is energy, not arms control ("nuclear" alone would be)
    ("Hungary signed a contract on Wednesday with Russia's Rosatom to build two nuclear reactors at Paks.",
     "energy"),
    ("Egypt signed a deal worth 25 billion dollars with Russia to build the country's first "
     "nuclear power plant at El Dabaa.", "energy"),
    # putting nuclear installations under inspection is a safeguards (arms control) deal,
    # whatever the agency's name says ("Energy")
    ("Brazil signed an agreement with the International Atomic Energy Agency placing its nuclear "
     "installations under international inspection.", "arms_control"),
    # limits on forces to agreed ceilings, confidence-building measures: arms control
    ("Russia and China signed an agreement to cut their forces along the border to agreed ceilings.",
     "arms_control"),
    ("Russia and China signed a pact on military confidence-building last April.",
     "arms_control"),
    # a border settled or fixed by the treaty
    ("Oman and Yemen signed a treaty on Monday settling their land border.", "boundary"),
    ("The court relied on the 1904 treaty that fixed the frontier between Bolivia and Chile.",
     "boundary"),
    # a day after "on" says when; the purpose after it still counts
    ("Malta and Libya signed an agreement on Tuesday demarcating their exclusive economic zones.",
     "boundary"),
    ("Romania signed a deal on Friday to buy five Patriot batteries from the United States.",
     "arms_deal"),
])
def test_kind_read_from_the_purpose(text, kind):
    assert kind in kinds(text), records(text)


def test_bases_allowed_to_remain_make_a_basing_agreement():
    text = ("Spain and the United States signed a defence cooperation agreement on Tuesday, allowing "
            "American bases at Rota and Moron to remain on Spanish soil.")
    assert ("basing", frozenset({"ESP", "USA"})) in records(text), records(text)


@pytest.mark.parametrize("text, kind", [
    # a bare declaration is a memorandum; troops or bases nearby make no pact of it
    ("The leaders of Japan and South Korea signed a joint declaration on Friday pledging closer "
     "cultural exchanges. American troops remain based in both countries.", "memorandum"),
    # a strong purpose in its sentence stays
    ("Ethiopia and Eritrea signed a declaration on Monday ending the state of war between them.",
     "peace"),
])
def test_a_bare_declaration(text, kind):
    assert [k for k, _ in records(text)] == [kind], records(text)


def test_a_founding_treaty_keeps_its_known_kind():
    text = "Armenia has frozen its participation in the Collective Security Treaty Organisation."
    assert ("defence", frozenset({"ARM", "IGO.CSTO"})) in records(text), records(text)


def test_a_similar_accord_takes_the_kind_of_the_first():
    text = ("Greece and Egypt signed an agreement in August demarcating their exclusive economic "
            "zones. Athens signed a similar accord with Italy in June. Turkey keeps troops in "
            "northern Cyprus.")
    assert kinds(text) == ["boundary", "boundary"], records(text)


@pytest.mark.parametrize("text, count", [
    # the object of "follows" / "builds on" whose subject is an agreement is another one
    ("Kenya and Somalia signed a border security pact on Friday. The accord follows an agreement "
     "reached in Nairobi last month under which both sides agreed to reopen their embassies.", 2),
    # "the following month" is no verb of succession
    ("A free trade agreement between Chile and Japan took effect on Sunday. The pact, signed in "
     "March and approved by Congress the following month, is the first deal of its kind.", 1),
    # "its own deal": another state's agreement of the kind
    ("Ghana and the EU concluded a fisheries agreement in 2015. Neighbouring Togo renewed its own "
     "fisheries deal with the EU in 2020.", 2),
])
def test_a_verb_of_succession_separates_two_agreements(text, count):
    assert len(records(text)) == count, records(text)


def test_a_description_in_apposition_to_a_name_is_the_named_agreement():
    text = ("Mexico's Senate on Tuesday approved the Escazu Agreement, the Latin American and "
            "Caribbean treaty on access to environmental information and the protection of "
            "environmental defenders. Peru's Congress shelved it in 2020.")
    got = extract(text)
    assert [a.name for a in got] == ["Escazu Agreement"], [a.name for a in got]
    assert got[0].kind != "defence"  # "defenders" are people, not a defence pact


@pytest.mark.parametrize("text, expected", [
    # arms sales a state stops are no agreement
    ("Last year Congress voted to halt American arms sales to Chile.", []),
    # a sale of counted weapons halted is a deal suspended
    ("Washington halted the sale of 40 F-16 jets to Turkey on Monday.",
     [("arms_deal", frozenset({"USA", "TUR"}))]),
])
def test_halted_arms_sales(text, expected):
    assert records(text) == expected, records(text)


def test_of_its_own_accord_is_no_agreement():
    text = ("Uganda and Congo signed a security pact in 2002. Uganda withdrew its troops of its own "
            "accord a year later.")
    assert records(text) == [("defence", frozenset({"UGA", "COD"}))], records(text)


def test_a_ceasefire_binds_the_joined_subject_of_the_war_it_halts():
    text = ("A ceasefire along the border took effect at midnight on Friday, halting the war of "
            "attrition that Ethiopia and Eritrea have fought for two years.")
    assert records(text) == [("ceasefire", frozenset({"ETH", "ERI"}))], records(text)


def test_its_own_accord_is_another_agreement_of_the_same_kind():
    text = ("Rwanda and Congo signed a peace deal in Pretoria in July. Uganda, which signed its own "
            "accord with Congo in September, still has soldiers in Ituri.")
    assert records(text) == [("peace", frozenset({"COD", "RWA"})), ("peace", frozenset({"COD", "UGA"}))], \
        records(text)


def test_either_country_stands_for_the_pair_in_focus():
    text = ("The renewed agreement on the joint air defence command took effect on Friday, decades "
            "after Canada and the United States set up the command in 1958. The new text adds a "
            "maritime mission and can be reviewed at either country's request.")
    assert records(text) == [("defence", frozenset({"CAN", "USA"}))], records(text)
