"""Agreement stages, round three, on the real pipeline (``dyad.extract``): passive and
nominal forms of stage verbs, stages told without an object, accession bids aimed at an
organisation, and the modality of sentences the selector leaves unparsed. Sentences are
written for these tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    # an ``object: after`` trigger in the passive has its agreement as the subject
    ("The treaty was abandoned by Washington in 2019.", ("withdrawn", "USA", "asserted")),
    ("The deal was sealed on Thursday.", ("signed", None, "asserted")),
    ("The pact, hammered out in Washington, was signed in 2020.", ("negotiated", None, "asserted")),
    ("The Abraham Accords were joined by Morocco in December 2020.", ("in_force", "MAR", "asserted")),
    # the agent after two place and time phrases, or after a span
    ("The Abraham Accords were signed at the White House in September 2020 by Israel, the "
     "United Arab Emirates and Bahrain.", ("signed", "BHR", "asserted")),
    ("The accord, negotiated over two years by Iran and six world powers, lifted sanctions.",
     ("negotiated", "IRN", "asserted")),
    # long talks before the agreement the sentence names, past its other trigger
    ("After years of negotiations, India and the European Union signed a free trade agreement.",
     ("negotiated", "IND", "asserted")),
    ("The deal comes after more than a decade of talks.", ("negotiated", None, "asserted")),
    # a broker reports the deal reached, by its sides
    ("Qatar brokered a ceasefire between Israel and Hamas in January 2025.",
     ("negotiated", None, "asserted")),
    # withdrawal: nouns, a pronoun object, two objects of one verb, rejoining
    ("Russia's pullout from the grain deal in July 2023 sent wheat prices higher.",
     ("withdrawn", "RUS", "asserted")),
    ("Russia and the US signed the treaty in 1987. The US left it in 2019.",
     ("withdrawn", "USA", "asserted")),
    ("The US under Trump left the WHO and the Paris climate accord.",
     ("withdrawn", "USA", "asserted")),
    ("The United States rejoined the Paris Agreement in 2021.", ("in_force", "USA", "asserted")),
    ("Iran and world powers agreed the nuclear deal in 2015. Washington withdrew three years later.",
     ("withdrawn", "USA", "asserted")),
    # a signing with no object acts on the agreement just named
    ("Britain and India concluded a free trade agreement in May 2025. The two prime ministers "
     "signed on July 24.", ("signed", "IND", "asserted")),
    # "signed off on" is the final approval
    ("Erdogan signed off on Sweden's NATO accession protocol in January 2024.",
     ("ratified", "TUR", "asserted")),
    # a stage noun announced: the announcer acted
    ("Chad announced the end of its defence cooperation agreement with France in November 2024.",
     ("terminated", "TCD", "asserted")),
    ("Russia announced the suspension of the New START treaty in February 2023.",
     ("suspended", "RUS", "asserted")),
    # stopping to apply a treaty suspends it
    ("Moscow stopped implementing the treaty in 2007.", ("suspended", "RUS", "asserted")),
    # "extended to June 2025" renews; a threat to quit is not a withdrawal
    ("The deal has been extended to June 2025.", ("renewed", None, "asserted")),
    ("Japan and South Korea signed GSOMIA in 2016. Seoul threatened to quit in 2019.",
     ("withdrawn", "KOR", "hypothetical")),
    # passive "they", "the documents", and an apposition naming a signatory
    ("The two sides agreed on three accords in May. The documents were signed in Washington "
     "in June.", ("signed", None, "asserted")),
    ("Russia, a signatory of the 1967 treaty, denies deploying weapons in space.",
     ("signed", "RUS", "asserted")),
    # a participle and an announcement report the deal reached
    ("The deal struck in 2015 lifted sanctions on Iran.", ("negotiated", None, "asserted")),
    ("The US and Ukraine announced a minerals deal on Wednesday.",
     ("negotiated", "UKR", "asserted")),
    ("Trump announced a ceasefire between Israel and Iran in June 2025.",
     ("negotiated", None, "asserted")),
    # an accession or membership taking effect is the pact's entry into force for its owner
    ("Britain's accession to the CPTPP took effect in December 2024.",
     ("in_force", "GBR", "asserted")),
    # both sides' bodies acted
    ("Greece and North Macedonia signed the deal in 2018. Both parliaments ratified it in 2019.",
     ("ratified", "MKD", "asserted")),
    # a stage done again by another party
    ("Turkey's parliament ratified Sweden's accession protocol in January 2024, and Hungary "
     "followed in February.", ("ratified", "HUN", "asserted")),
    ("The Trump administration withdrew from the Open Skies Treaty in November 2020. Russia "
     "followed suit in December 2021.", ("withdrawn", "RUS", "asserted")),
    ("Greece ratified the pact in 2021, as did France.", ("ratified", "FRA", "asserted")),
    # an exit told, then completed
    ("The United States gave notice in 2001 that it would withdraw from the Anti-Ballistic "
     "Missile Treaty, and the withdrawal took effect in June 2002.", ("withdrawn", "USA", "asserted")),
    ("The United States gave notice in 2001 that it would withdraw from the Anti-Ballistic "
     "Missile Treaty.", ("withdrawn", "USA", "expected")),
    # a past tense joined to a negated "would" is its own act
    ("Italy said it would not renew its participation in China's Belt and Road Initiative and "
     "formally exited the pact in December 2023.", ("withdrawn", "ITA", "asserted")),
    # agreeing to end a war under a deal is the deal's negotiation; ending a pact ends it
    ("Ethiopia and the TPLF agreed to end the war under a deal reached in Pretoria.",
     ("negotiated", None, "asserted")),
    ("Japan and South Korea agreed to end the intelligence pact in 2019.",
     ("terminated", "KOR", "asserted")),
    # refusing or dismissing a deal or its proposal rejects it
    ("Moscow refused to accept the peace deal.", ("rejected", "RUS", "asserted")),
    ("Hamas dismissed the ceasefire proposal as a non-starter.",
     ("rejected", "PSE", "asserted")),
    # "and his Mauritian counterpart" joins the agent list
    ("The treaty was signed by British Prime Minister Keir Starmer and his Mauritian "
     "counterpart in May 2025.", ("signed", "MUS", "asserted")),
    # a consensus reached on a deal is its negotiation
    ("The two sides reached a consensus on a trade deal in May.", ("negotiated", None, "asserted")),
    ("The treaty became binding in 2021.", ("in_force", None, "asserted")),
    # the signing as an event, of the agreement just named
    ("Russia and North Korea agreed on a mutual defence treaty. The signing took place in "
     "Pyongyang on June 19, 2024.", ("signed", None, "asserted")),
    # further objects of the same verb
    ("The United States withdrew from the INF Treaty in 2019 and from the Open Skies Treaty "
     "in 2020.", ("withdrawn", "USA", "asserted")),
    # "the text" of the agreement named before
    ("Armenia and Azerbaijan initialled a peace agreement in August. The text was finalised in "
     "March, but Baku has said it will not sign the treaty.", ("negotiated", None, "asserted")),
    # a relative clause's subject is its antecedent
    ("The ceasefire, which began on Sunday, has been violated several times.",
     ("in_force", None, "asserted")),
    ("The treaty has applied provisionally since 2017.", ("in_force", None, "asserted")),
    # shelving suspends, vetoing rejects, abolishing ends
    ("The new government shelved the free trade agreement in 2019.", ("suspended", None, "asserted")),
    ("Moscow abolished the 1991 treaty in 2022.", ("terminated", "RUS", "asserted")),
    # a definite proposal noun stands for the agreement of the sentence before
    ("Israel and Hamas agreed to a ceasefire deal in January. Egypt put forward the proposal in "
     "December.", ("proposed", "EGY", "asserted")),
    # a delayed act is still to come, and the one delaying it is its doer
    ("Hungary's parliament delayed a vote on ratifying the protocol.",
     ("ratified", "HUN", "expected")),
    ("Hungary postponed the ratification of the protocol.", ("ratified", "HUN", "expected")),
    # a bid weighed is its weigher's own
    ("Indonesia is weighing an application to join the trade pact.",
     ("proposed", "IDN", "intended")),
    # a subject that denies the act
    ("Serbia and Kosovo tacitly agreed on the deal, but neither signed it.",
     ("signed", "SRB", "negated")),
    ("No member state has ratified the treaty.", ("ratified", None, "negated")),
])
def test_stage_readings(text, expected):
    got = keys(extract(text))
    assert expected in got, got


@pytest.mark.parametrize("text, absent", [
    # a commitment under an agreement named before is not its negotiation
    ("Under the deal, Israel agreed to release 1,000 Palestinian prisoners.",
     ("negotiated", "ISR", "asserted")),
    # a broker is no party of the negotiation
    ("China brokered a deal between Saudi Arabia and Iran in March 2023.",
     ("negotiated", "CHN", "asserted")),
    # troops leaving are not a state leaving the agreement of the sentence before
    ("Iran and world powers agreed the nuclear deal in 2015. Russian troops withdrew in 2016.",
     ("withdrawn", "RUS", "asserted")),
    # a brokering in progress reaches no deal
    ("Egypt and Qatar are mediating a truce.", ("negotiated", None, "asserted")),
    # what is struck in a place is a target, not a deal; an announcement of rules is no deal
    ("Israeli jets struck in Gaza days after the truce took effect.",
     ("negotiated", None, "asserted")),
    ("The ministry announced the new rules under the agreement.", ("negotiated", None, "asserted")),
    # the announcer of a ceasefire between others is no party
    ("Trump announced a ceasefire between Israel and Iran in June 2025.",
     ("negotiated", "USA", "asserted")),
    # a troop withdrawal from a place, and its completion, leave no agreement
    ("Israeli troops began a withdrawal from southern Lebanon under the ceasefire. The "
     "withdrawal was completed in February.", ("withdrawn", "ISR", "asserted")),
    # a person no dictionary places in a state is no party
    ("Kim and Putin inked the treaty on June 19.", ("signed", "person.kim", "asserted")),
    # a delegation leaving leaves no agreement
    ("Greece and France signed a defence pact in 2021. The delegation withdrew in protest.",
     ("withdrawn", None, "asserted")),
    # "withdrew them" are troops, not the agreement just named
    ("Greece and France signed a defence pact in 2021. France later withdrew them.",
     ("withdrawn", "FRA", "asserted")),
    # a past tense is not a future, whatever the date: written in March 2024
    ("The treaty was extended until 2026.", ("renewed", None, "expected")),
])
def test_what_these_readings_leave_out(text, absent):
    got = keys(extract(text))
    assert absent not in got, got


@pytest.mark.parametrize("text, expected", [
    ("Sweden applied to join NATO in May 2022. Turkey's parliament ratified Sweden's NATO "
     "accession protocol in January 2024. Sweden formally joined the alliance on March 7, 2024.",
     {("proposed", "SWE", "asserted"), ("ratified", "TUR", "asserted"),
      ("in_force", "SWE", "asserted")}),
    ("Finland and Sweden submitted their applications for NATO membership in May 2022. NATO "
     "allies signed the accession protocols in July 2022. Finland became NATO's 31st member in "
     "April 2023.", {("proposed", "FIN", "asserted"), ("in_force", "FIN", "asserted")}),
])
def test_bids_to_join_an_organisation_are_stages_of_its_accession(text, expected):
    got = keys(extract(text))
    assert expected <= got, got


@pytest.mark.parametrize("text, expected", [
    # the only accession agreement, naming its candidate: the candidate's joining
    ("Turkey's parliament ratified Sweden's accession protocol in January 2024. Sweden joined "
     "NATO in March 2024.", ("in_force", "SWE", "asserted")),
])
def test_joining_the_organisation_of_the_only_accession(text, expected):
    got = keys(extract(text))
    assert expected in got, got


@pytest.mark.parametrize("text, absent", [
    # a bid to join another organisation is no stage of this accession (an asserted "applied
    # to join the EU" makes that accession's own record: test_agreement_identity_s8)
    ("Turkey's parliament ratified Sweden's NATO accession protocol in January 2024. Ukraine's "
     "bid to join the EU dates from 2022.", ("proposed", "UKR", "asserted")),
    # ending a conflict in a deal ends no deal
    ("Armenia and Azerbaijan agreed to end decades of conflict in a peace deal signed in "
     "Washington.", ("terminated", "ARM", "asserted")),
    # what a court dismisses is a case, not the treaty
    ("The court dismissed the case against the treaty.", ("rejected", None, "asserted")),
    # a place reached is no deal reached
    ("The ministers reached Ankara on Monday to discuss the grain deal.",
     ("negotiated", None, "asserted")),
    # a change proposed to an existing agreement is no proposal of it
    ("Japan proposed that the pact be expanded.", ("proposed", "JPN", "asserted")),
    ("Russia proposed an extension of the grain deal.", ("proposed", "RUS", "asserted")),
    ("Russia proposed the grain deal's extension for another 60 days.",
     ("proposed", "RUS", "asserted")),
    # "would rejoin" is a term of a revival, no bid
    ("Iran and world powers signed the nuclear deal in 2015. Under a revived deal, the US would "
     "rejoin the agreement.", ("proposed", "USA", "hypothetical")),
])
def test_bids_that_are_no_stage(text, absent):
    got = keys(extract(text))
    assert absent not in got, got


def test_each_listed_object_has_its_own_stage_and_date():
    got = extract("The United States withdrew from the INF Treaty in 2019 and from the Open Skies "
                  "Treaty in 2020.")
    dates = {a.name: [s.date for s in a.stages if s.stage == "withdrawn"] for a in got}
    assert dates.get("Open Skies Treaty") == ["2020"], dates
    assert ["2019"] in dates.values(), dates


def test_a_passive_agreement_is_not_the_mention_after_it():
    got = extract("The agreement, signed in 2015, was a step toward a peace treaty.")
    signed = [a.name for a in got if any(s.stage == "signed" for s in a.stages)]
    assert signed == ["agreement"], signed


def test_a_date_closing_the_clause_before_is_not_the_next_stages():
    got = extract("Armenia and Azerbaijan initialled a peace agreement in August. The text was "
                  "finalised in March, but Baku has said it will not sign the treaty.")
    dates = [s.date for a in got for s in a.stages if s.stage == "signed"]
    assert dates == [None], dates


def test_joining_by_another_state_is_not_the_candidates_accession():
    # (Finland's joining is its own accession record since session 11)
    got = extract("Turkey's parliament ratified Sweden's NATO accession protocol in January "
                  "2024. Finland had joined NATO in April 2023.")
    (swedish,) = [a for a in got if "SWE" in {p.country for p in a.parties}]
    assert ("in_force", "FIN", "asserted") not in keys([swedish]), swedish


@pytest.mark.parametrize("text, expected", [
    # sentences without a name are not parsed: word order reads their modality
    ("Britain and Mauritius signed the treaty in May. It still needs to be ratified by both "
     "parliaments.", ("ratified", "MUS", "expected")),
    ("Britain and Mauritius signed the treaty in May. It still needs to be ratified.",
     ("ratified", None, "expected")),
    ("Britain and Mauritius signed the treaty in May. It was never ratified.",
     ("ratified", None, "negated")),
    # "will ... once ratified" awaits another act: conditioned (session 5, round 3)
    ("Britain and Mauritius signed the treaty in May. It will take effect once ratified.",
     ("in_force", None, "hypothetical")),
    ("Britain and Mauritius signed the treaty in May. It is expected to take effect soon.",
     ("in_force", None, "expected")),
    ("Britain and Mauritius signed the treaty in May. It is due to be ratified next year.",
     ("ratified", None, "expected")),
])
def test_modality_of_unparsed_sentences(text, expected):
    got = keys(extract(text))
    assert expected in got, got
