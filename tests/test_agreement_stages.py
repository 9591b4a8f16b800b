"""Agreement stages, names and parties on the real pipeline (``dyad.extract``): phrasings
of each lifecycle stage, the party of each, modality of requirements and time clauses,
and which phrases are (not) parties. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    # in force: "took effect" is not "took" acting on "effect"
    ("The defence pact took effect in January 2020.", ("in_force", None, "asserted")),
    ("The trade deal came into effect on Monday.", ("in_force", None, "asserted")),
    # withdrawal with the object between the verb's words, and its synonyms
    ("President Donald Trump pulled the United States out of the Paris Agreement in 2017.",
     ("withdrawn", "USA", "asserted")),
    ("Washington walked away from the nuclear deal in 2018.", ("withdrawn", "USA", "asserted")),
    ("Burkina Faso quit the defence pact with France in 2023.", ("withdrawn", "BFA", "asserted")),
    # suspension
    ("Russia put the grain deal on hold in July 2023.", ("suspended", "RUS", "asserted")),
    ("Moscow froze the grain deal in July 2023.", ("suspended", "RUS", "asserted")),
    # termination
    ("Chad ended the defence cooperation pact with France in November 2024.",
     ("terminated", "TCD", "asserted")),
    ("Niger declared the military agreement with the United States null and void in March 2024.",
     ("terminated", "NER", "asserted")),
    ("Ecuador tore up its bilateral investment treaty with the United States.",
     ("terminated", "ECU", "asserted")),
    # proposal
    ("Moscow put forward a draft security treaty with NATO in December 2021.",
     ("proposed", "RUS", "asserted")),
    ("Uruguay has asked to join the CPTPP.", ("proposed", "URY", "asserted")),
    ("Chile wants to join the trade pact.", ("proposed", "CHL", "intended")),
    # negotiation: talks with an agreement as their object
    ("Serbia and Kosovo held talks on a normalisation agreement in Brussels.",
     ("negotiated", "SRB", "asserted")),
    ("Armenia and Azerbaijan are negotiating a peace treaty.", ("negotiated", "AZE", "asserted")),
])
def test_stage_phrasings(text, expected):
    got = keys(extract(text))
    assert expected in got, got


@pytest.mark.parametrize("text, absent", [
    # "ending two decades of hostility" ends no agreement
    ("Ethiopia and Eritrea signed a peace agreement in 2018, ending two decades of hostility.",
     "terminated"),
    # "strikes" is a noun here, not "strike a deal"
    ("Israel and Hamas agreed to a ceasefire in January. The truce collapsed in March when "
     "Israel resumed strikes.", ("negotiated", "ISR", "expected")),
    # talks that are about something else are not a negotiation of the pact
    ("Greece and France signed a defence pact in 2021. The two leaders also held talks on "
     "migration.", ("negotiated", "GRC", "asserted")),
    # "agreed to extend" is an extension, not a negotiation
    ("Japan and South Korea agreed to extend GSOMIA in November 2019.",
     ("negotiated", "JPN", "asserted")),
    # other things take effect: tariffs are not the agreement
    ("Canada and the European Union signed a trade deal in 2016. New tariffs on steel took "
     "effect in 2018.", ("in_force", None, "asserted")),
])
def test_what_is_not_a_stage(text, absent):
    got = keys(extract(text))
    if isinstance(absent, str):
        assert not any(k[0] == absent for k in got), got
    else:
        assert absent not in got, got


@pytest.mark.parametrize("text, expected", [
    # a requirement is a step to come
    ("India and Britain signed a trade pact in July. It must be approved by the British "
     "parliament before it takes effect.",
     {("ratified", "GBR", "expected"), ("in_force", None, "expected")}),
    ("Armenia and Azerbaijan initialled a peace agreement in August. The deal still has to be "
     "signed and ratified.", {("signed", None, "expected"), ("ratified", None, "expected")}),
    # a present-tense time clause speaks of the future, whatever the main clause says
    ("The Kremlin said Russia would not extend the New START treaty when it expires in "
     "February 2026.", {("expired", None, "expected"), ("renewed", "RUS", "negated")}),
])
def test_modality_of_requirements_and_time_clauses(text, expected):
    got = keys(extract(text))
    assert expected <= got, got


def test_a_passive_stage_without_agent_has_no_party():
    """"The deal, brokered by the United States, has to be signed": the broker before the
    verb did not sign."""
    got = keys(extract("Armenia and Azerbaijan initialled a peace agreement in August. The "
                       "deal, brokered by the United States, still has to be signed."))
    assert ("signed", None, "expected") in got
    assert not any(k[1] == "USA" for k in got), got


def test_an_armed_group_signs_for_itself():
    (ag,) = extract("The Colombian government and the FARC rebels signed a peace accord in "
                    "Havana in 2016.")
    parties = {s.party.actor_id for s in ag.stages if s.party}
    assert "group.farc" in parties and "COL" in {p.actor_id for p in ag.parties}


# -- names and parties ---------------------------------------------------------------------

def test_a_weekday_after_a_title_is_not_part_of_it():
    (ag,) = extract("The United States and the Philippines marked the anniversary of their "
                    "Mutual Defense Treaty on Tuesday.")
    assert ag.name == "Mutual Defense Treaty"


def test_their_agreement_belongs_to_the_pair_before_it():
    (ag,) = extract("The United States and the Philippines marked the anniversary of their "
                    "Mutual Defense Treaty on Tuesday.")
    assert {p.actor_id for p in ag.parties} == {"USA", "PHL"}


def test_the_other_side_of_a_dispute_is_no_partner():
    (ag,) = extract("Manila has invoked the Mutual Defense Treaty in its disputes with China.")
    assert "CHN" not in {p.actor_id for p in ag.parties}


def test_a_name_in_apposition_names_the_description_before_it():
    ags = extract("Iran and world powers reached the nuclear deal in Vienna in July 2015. The "
                  "agreement, formally the Joint Comprehensive Plan of Action, limited Iran's "
                  "enrichment.")
    assert [a.name for a in ags] == ["Joint Comprehensive Plan of Action"]


def test_an_organisation_read_inside_a_title_is_no_party():
    (ag,) = extract("Britain applied to join the Comprehensive and Progressive Agreement for "
                    "Trans-Pacific Partnership in February 2021.")
    assert not [p for p in ag.parties if p.actor_id.startswith("org.")]


@pytest.mark.parametrize("text, name, parties", [
    # a lower-case description with the words of a later title is that title's treaty
    ("The Philippines and the United States are bound by a 1951 mutual defence treaty. "
     "Washington has said the Mutual Defense Treaty covers the coast guard.",
     "Mutual Defense Treaty", {"PHL", "USA"}),
    ("The Mutual Defense Treaty between the United States and the Philippines was signed in "
     "1951. US officials said the mutual defence treaty extends to the South China Sea.",
     "Mutual Defense Treaty", {"PHL", "USA"}),
])
def test_named_and_lower_case_mentions_of_one_treaty(text, name, parties):
    (ag,) = extract(text)
    assert ag.name == name and {p.actor_id for p in ag.parties} == parties
    # "extends to the South China Sea" covers an area, it renews nothing
    assert not any(s.stage == "renewed" for s in ag.stages)


def test_agent_after_a_date_phrase():
    (ag,) = extract("The accord, known as the Prespa Agreement, was signed in June 2018 by Greece "
                    "and North Macedonia.")
    assert ag.name == "Prespa Agreement"
    assert {("signed", "GRC", "asserted"), ("signed", "MKD", "asserted")} <= keys([ag])


@pytest.mark.parametrize("text, expected", [
    ("Russia's parliament voted to revoke the ratification of the Comprehensive "
     "Nuclear-Test-Ban Treaty in October 2023.", ("withdrawn", "RUS", "asserted")),
    ("Japanese Prime Minister Fumio Kishida said the pact would take effect after ratification "
     "by the Diet. Australia and Japan signed the Reciprocal Access Agreement in January.",
     ("in_force", None, "expected")),
    ("South Korea suspended the 2018 military agreement with North Korea in November 2023.",
     ("suspended", "KOR", "asserted")),
])
def test_more_stage_readings(text, expected):
    got = keys(extract(text))
    assert expected in got, got


def test_a_year_inside_the_mention_does_not_date_the_stage():
    (ag,) = extract("South Korea suspended the 2018 military agreement with North Korea in "
                    "November 2023.")
    # the suspension is dated by its own clause; the year in the phrase dates only the
    # signature it tells (stage_dated)
    assert {(s.stage, s.date) for s in ag.stages} == {("suspended", "2023-11"), ("signed", "2018")}


@pytest.mark.parametrize("text, kind", [
    ("Turkey and Russia signed a deal for S-400 air defence systems in 2017.", "arms_deal"),
    ("Poland signed a contract with South Korea for 180 K2 tanks in 2022.", "arms_deal"),
    ("Japan and Australia signed a reciprocal access agreement in January 2022.", "defence"),
    ("Russia and China signed a 30-year gas supply deal worth $400 billion in May 2014.", "energy"),
])
def test_kinds_of_generic_agreements(text, kind):
    (ag,) = extract(text)
    assert ag.kind == kind


def test_modifiers_joined_by_and_are_one_mention():
    (ag,) = extract("Greece and Egypt signed a trade and investment agreement.")
    assert ag.name == "trade and investment agreement"


def test_a_kind_word_read_as_an_organisation_is_no_party():
    (ag,) = extract("Qatar and China signed a 27-year LNG supply agreement in 2022.")
    assert {p.actor_id for p in ag.parties} == {"QAT", "CHN"} and ag.term_years == 27


@pytest.mark.parametrize("sentence, provision", [
    ("Under the treaty, an attack on one is an attack on both.", "mutual_defense"),
    ("The pact commits both sides to defend each other in case of armed aggression.", "mutual_defense"),
    ("The agreement provides for the training of Ukrainian pilots.", "military_training"),
    ("The agreement allows US troops to rotate through four Philippine bases.", "basing_access"),
    ("The agreement provides for combined naval exercises.", "joint_exercises"),
])
def test_provision_phrasings(sentence, provision):
    (ag,) = extract(sentence)
    assert provision in ag.provisions


@pytest.mark.parametrize("text, parties", [
    ("Greek Prime Minister Kyriakos Mitsotakis met French President Emmanuel Macron on "
     "Tuesday. The two countries signed a defence pact.", {"GRC", "FRA"}),
    ("India and France have deepened their ties. The two sides signed a deal for 26 Rafale "
     "jets in April.", {"IND", "FRA"}),
    # a venue after "in" is not one of the two
    ("Officials from Armenia and Azerbaijan met in Abu Dhabi. Both countries agreed on the "
     "text of a peace treaty.", {"ARM", "AZE"}),
])
def test_the_two_countries_are_the_pair_named_before(text, parties):
    (ag,) = extract(text)
    assert {p.actor_id for p in ag.parties} == parties
    # each of the pair acted, as when both are named ("Greece and France signed")
    assert {s.party.country for s in ag.stages if s.party} == parties


@pytest.mark.parametrize("text, absent", [
    # the ratifier after "by" is not the signer of the participle before it
    ("The defence pact with France, signed in 2021, was ratified by the Greek parliament.",
     ("signed", "GRC", "asserted")),
    # one side's intention is not its partner's
    ("Zelensky said Ukraine was ready to sign the minerals deal with Washington.",
     ("signed", "USA", "intended")),
    ("Putin signed a law withdrawing Russia's ratification of the test ban treaty.",
     ("ratified", "RUS", "asserted")),
])
def test_parties_that_did_not_act(text, absent):
    assert absent not in keys(extract(text))


def test_a_span_of_time_is_not_a_stage_date():
    (ag,) = extract("Under the deal signed in Doha, US troops were to leave within 14 months.")
    assert [s.date for s in ag.stages if s.stage == "signed"] == [None]


@pytest.mark.parametrize("text, expected", [
    # the relative pronoun is the object: the agreement it hangs on is withdrawn from
    ("The agreement, which Washington abandoned in 2018, had capped Iran's enrichment.",
     ("withdrawn", "USA", "asserted")),
    # "it" in a reported clause is the reporter, not the last actor named before the verb
    # (and the act it announces as its own is its aim: intended)
    ("Seoul notified Tokyo in August 2019 that it would terminate GSOMIA.",
     ("terminated", "KOR", "intended")),
    # the one urged acts, and only wants to
    ("Washington urged Turkey to ratify the accession protocol.", ("ratified", "TUR", "intended")),
    ("In 2021 Russia published a draft treaty and demanded that NATO sign it.",
     ("signed", "NATO", "intended")),
    # a body's country after "in"
    ("Lawmakers in Kyiv ratified the minerals deal with the United States on 8 May.",
     ("ratified", "UKR", "asserted")),
])
def test_who_acts_and_how(text, expected):
    got = {(st, "NATO" if p == "IGO.NATO" else p, m) for st, p, m in keys(extract(text))}
    assert expected in got, got


def test_a_dated_future_in_the_present_tense_is_expected():
    (ag,) = extract("The New START treaty expires in February 2026.", date="2025-06-01")
    assert [(s.stage, s.modality) for s in ag.stages] == [("expired", "expected")]
    (ag,) = extract("The New START treaty expired in February 2026.", date="2026-06-01")
    assert [(s.stage, s.modality) for s in ag.stages] == [("expired", "asserted")]


@pytest.mark.parametrize("text, term, automatic, period", [
    ("The agreement is valid for ten years and is extended for five-year periods unless "
     "either party gives notice of termination.", 10, True, 5),
    ("The treaty renews itself every five years.", None, True, 5),
    ("The deal is valid until 2030 and renewable for another decade.", None, False, 10),
    ("The accord was concluded for a term of 15 years, with an option to extend it by five "
     "years.", 15, False, 5),
    ("The pact, which has a 10-year term, renews automatically.", 10, True, None),
    ("The agreement is renewed automatically every year unless one side objects.", None, True, 1),
])
def test_term_and_renewal_phrasings(text, term, automatic, period):
    (ag,) = extract(text)
    assert ag.term_years == term
    assert (ag.renewal.automatic, ag.renewal.term_years) == (automatic, period)


@pytest.mark.parametrize("text, expected", [
    ("Pashinyan demands guarantees before signing the peace treaty with Azerbaijan.",
     ("signed", None, "expected")),
    ("The delegation left Geneva without signing the ceasefire agreement with Ukraine.",
     ("signed", None, "negated")),
    ("After signing the deal in 2015, Iran reduced its enrichment.", ("signed", "IRN", "asserted")),
])
def test_gerund_after_a_preposition(text, expected):
    got = keys(extract(text))
    assert any(k[0] == expected[0] and k[2] == expected[2] for k in got), got
    if expected[1]:
        assert expected in got


@pytest.mark.parametrize("text", [
    "There is broad agreement among NATO members that Ukraine needs more air defence.",
    "The ministers decided by mutual agreement to postpone the vote with Greece.",
])
def test_consensus_is_not_an_agreement(text):
    assert extract(text) == []


@pytest.mark.parametrize("text, name", [
    ("The two sides signed a peace settlement in 1994.", "peace settlement"),
    ("The United States and Palau renewed the Compact of Free Association in 2023.",
     "Compact of Free Association"),
    ("Greece and Turkey signed a joint declaration on friendly relations in December 2023.",
     "joint declaration"),
])
def test_other_head_nouns(text, name):
    (ag,) = extract(text)
    assert ag.name == name


def test_an_acronym_after_a_description_refers_back_to_it():
    (ag,) = extract("Finland signed a defence cooperation agreement (DCA) with the United States "
                    "in December 2023. The Finnish parliament ratified the DCA in July 2024.")
    assert ag.name == "defence cooperation agreement"
    assert {p.actor_id for p in ag.parties} == {"FIN", "USA"}  # "with" past the brackets
    assert ("ratified", "FIN", "asserted") in keys([ag])


@pytest.mark.parametrize("text, name", [
    ("Ethiopia and the TPLF agreed to a cessation of hostilities in November 2022.",
     "cessation of hostilities"),
    ("Ethiopia and the Tigray People's Liberation Front signed a cessation of hostilities "
     "agreement in Pretoria.", "cessation of hostilities agreement"),
    ("Greece and France signed a landmark defence pact in 2021.", "defence pact"),
    ("Greece and France signed a defence pact in 2021. Negotiations on a follow-up deal began "
     "in 2024.", "follow-up deal"),
])
def test_generic_names(text, name):
    assert name in [a.name for a in extract(text)]


@pytest.mark.parametrize("text", [
    "The cessation of trade with Iran hurt Turkey.",
    "The United States and Iran held indirect talks in Oman. No agreement was reached.",
])
def test_no_agreement_at_all(text):
    assert extract(text) == []


def test_negotiations_before_the_agreement_are_about_it_only_as_their_object():
    got = keys(extract("Canada and the European Union signed CETA in 2016, and negotiations "
                       "resumed with Mexico."))
    assert ("signed", "CAN", "asserted") in got and not any(k[0] == "negotiated" for k in got)


def test_years_of_negotiations_negotiated_the_agreement():
    # the documented convention: "years of negotiations" is the agreement's negotiation
    got = keys(extract("Canada and the European Union signed CETA in 2016 after seven years of "
                       "negotiations."))
    assert {("signed", "CAN", "asserted"), ("negotiated", "CAN", "asserted")} <= got


def test_one_stage_per_party_and_sentence():
    (ag,) = extract("EU and Mercosur negotiators concluded talks on a trade agreement in "
                    "December 2024.", date="2025-01-10")
    negotiated = [s for s in ag.stages if s.stage == "negotiated"]
    assert len(negotiated) == len({s.party.actor_id for s in negotiated if s.party})


@pytest.mark.parametrize("text, expected", [
    ("The ceasefire began at midnight on Sunday.", ("in_force", None, "asserted")),
    ("The truce took hold on Friday.", ("in_force", None, "asserted")),
    ("The Senate gave its consent to the treaty in 1952.", ("ratified", None, "asserted")),
    ("The United States backed out of the deal in 2018.", ("withdrawn", "USA", "asserted")),
    ("Russia halted its participation in the grain deal in July 2023.",
     ("suspended", "RUS", "asserted")),
])
def test_intransitive_and_other_stage_phrasings(text, expected):
    got = keys(extract(text))
    assert expected in got, got


def test_a_beginning_is_an_entry_into_force_only_for_the_agreement_itself():
    got = keys(extract("Talks on a ceasefire began on Monday."))
    assert not any(k[0] == "in_force" for k in got), got


def test_an_undated_repeat_of_a_dated_stage_is_one_stage():
    (ag,) = extract("Israel and Lebanon signed a maritime border agreement in October 2022. "
                    "Lebanon's President Michel Aoun signed the deal in Beirut.")
    lebanon = [s for s in ag.stages if s.stage == "signed" and s.party and s.party.actor_id == "LBN"]
    assert [s.date for s in lebanon] == ["2022-10"]


@pytest.mark.parametrize("text, expected", [
    # signing by "putting signatures to" the text
    ("Greece and Egypt put their signatures to a maritime deal in August 2020.",
     {("signed", "GRC", "asserted"), ("signed", "EGY", "asserted")}),
    # "the two leaders / both sides / they" as the subject: each of the pair named before
    ("France and Germany met in Paris. The two leaders signed a defence pact.",
     {("signed", "FRA", "asserted"), ("signed", "DEU", "asserted")}),
    ("France and Germany met in Paris. Both sides signed a defence pact.",
     {("signed", "FRA", "asserted"), ("signed", "DEU", "asserted")}),
    ("Greece and Turkey held talks in Athens. They signed a trade deal.",
     {("signed", "GRC", "asserted"), ("signed", "TUR", "asserted")}),
    ("Japan and Britain reached a trade deal, which they signed in October.",
     {("signed", "JPN", "asserted"), ("signed", "GBR", "asserted")}),
    # a participle on the agreement reports a done act, whatever its clause wants
    ("Greece and Egypt agreed to delimit their zones in a deal signed in August 2020.",
     {("signed", None, "asserted")}),
    # being in effect / in place since: a state of being in force, of the agreement itself
    ("The accord is now in effect.", {("in_force", None, "asserted")}),
    ("The treaty has been in place since 1951.", {("in_force", None, "asserted")}),
    ("The defence pact, in place since 1953, commits the US to defend South Korea.",
     {("in_force", None, "asserted")}),
])
def test_pair_subjects_signatures_and_states(text, expected):
    got = keys(extract(text))
    assert expected <= got, got


@pytest.mark.parametrize("text, absent", [
    # sanctions, not the deal, are in place
    ("Sanctions have been in place since 2014 despite the trade deal between Russia and China.",
     "in_force"),
    # a treaty still to be signed is not signed
    ("Japan and India agreed to finalise the treaty to be signed in June.", ("signed", None, "asserted")),
    ("The treaty to be signed in June caps tariffs.", ("signed", None, "asserted")),
])
def test_states_and_participles_that_are_not_stages(text, absent):
    got = keys(extract(text))
    if isinstance(absent, str):
        assert not any(k[0] == absent for k in got), got
    else:
        assert absent not in got, got
