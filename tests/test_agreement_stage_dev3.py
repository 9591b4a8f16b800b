"""Agreement stages by class, the classes read off the third development set: a vote or a
law that ends, leaves or extends a treaty; a court's annulment as its state's rejection;
a possibility ("can be terminated"), an "only if/once" condition and a present "say ...
would" as hypothetical; talks that failed; "either parliament"; a deal signed to extend
another; the agent after "by" (not a margin of votes, not a visitor); the pair of sides as
subject; a body of no named state read from its speaker; a finite verb's own tense in a
coordination; talks proposed as the deal proposed; an expiry of something else under
the agreement. Sentences are written for these tests; each class has cases where it must
not fire."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    # a vote, or a law signed or passed, that does the act: asserted, not a plan
    ("Ghana's parliament voted in March to end the fisheries treaty with Togo, citing a 2021 "
     "dispute.", ("terminated", "GHA", "asserted")),
    ("Kenya's parliament voted on Tuesday to withdraw from the grain pact with Uganda.",
     ("withdrawn", "KEN", "asserted")),
    ("President Ruto signed a decree in May to quit the water accord with Ethiopia.",
     ("withdrawn", "KEN", "asserted")),
    ("Colombia's Senate passed a bill on Friday to extend the border treaty with Ecuador.",
     ("renewed", "COL", "asserted")),
    # a chamber named before "of parliament"
    ("Poland's lower house of parliament voted on Monday to scrap the 1994 gas agreement with "
     "Lithuania.", ("terminated", "POL", "asserted")),
    # a court's annulment: its state's rejection
    ("Peru's constitutional court annulled the fisheries treaty with Chile on Monday.",
     ("rejected", "PER", "asserted")),
    ("Kenya's Senate approved the port deal with Uganda, despite a court ruling that had voided "
     "the deal.", ("rejected", "KEN", "asserted")),
    ("Chile's supreme court ruled in May that the islands were Chilean and struck down the "
     "border accord with Peru.", ("rejected", "CHL", "asserted")),
    # a possibility the agreement allows
    ("The water treaty between Peru and Chile can be terminated by either side with six "
     "months' notice.", ("terminated", None, "hypothetical")),
    # conditions: "only once/if", and "would" after a present verb of saying
    ("The new gas accord between Ghana and Togo will only take effect once both parliaments "
     "have approved it.", ("in_force", None, "hypothetical")),
    ("Kenyan officials say any border treaty with Somalia would have to be approved by a new "
     "parliament.", ("ratified", "KEN", "hypothetical")),
    # talks that failed to produce the deal
    ("Two years of talks on a trade agreement between Chile and Peru have failed to produce "
     "a deal.", ("negotiated", None, "negated")),
    # "either parliament", "neither legislature": each side's
    ("The fisheries accords that Ghana and Togo signed in 2012 were never ratified by either "
     "parliament.", ("ratified", "TGO", "negated")),
    # a deal signed (or an agreement reached) to extend another is its renewal, dated by the
    # signing, not by the new term's start or end
    ("Kenya signed a deal with Uganda on Tuesday to extend their oil supply contract by ten "
     "years from 2030.", ("renewed", "KEN", "asserted")),
    ("Chile and Peru reached an agreement on Friday to extend the fisheries accord until "
     "2031.", ("renewed", "CHL", "asserted")),
    # the agent after "by": not a visitor, not a margin of votes
    ("Chad signed the Sahel Accords on Wednesday during a visit to N'Djamena by US Defence "
     "Secretary Lloyd Austin.", ("signed", "TCD", "asserted")),
    ("Polish lawmakers ratified the gas accord on Friday by 230 votes to 190, two weeks after "
     "Lithuania's parliament approved it.", ("ratified", "POL", "asserted")),
    # a participle's done act is not under its main clause's "never"
    ("The accords, signed by Ghana and Togo in 2012, were never ratified.",
     ("signed", "GHA", "asserted")),
    # a finite verb joined to a passive keeps its own (future) tense
    ("The gas supply deal between Oman and India, which was signed in 2001 and expires in "
     "2029, will be replaced.", ("expired", None, "expected")),
    # an alternative taken instead of the act
    ("Chile and Peru finalised a border accord, but sent letters to the UN rather than signing "
     "the accord.", ("signed", "CHL", "negated")),
    # the agreement itself, or its term, ran out
    ("The 2015 fisheries accord between Chile and Peru expired on Monday.",
     ("expired", None, "asserted")),
    ("The initial term of the fisheries accord between Chile and Peru expired in 2020.",
     ("expired", None, "asserted")),
    # talks proposed are the deal proposed, by the proposer
    ("Kenya offered talks on a new water treaty with Ethiopia on Monday.",
     ("proposed", "KEN", "asserted")),
])
def test_dev3_stage_class(text, expected):
    assert expected in keys(extract(text, date="2024-06-10"))


@pytest.mark.parametrize("text, absent", [
    # a vote or law still to come, or refused, does nothing yet
    ("Peru's Congress will vote next month to end the fisheries treaty with Chile.",
     ("terminated", "PER", "asserted")),
    ("Kenya's parliament voted not to withdraw from the grain pact with Uganda.",
     ("withdrawn", "KEN", "asserted")),
    # the state's own annulment is still a termination, not a court's rejection
    ("Peru annulled the fisheries treaty with Chile on Monday.", ("rejected", "PER", "asserted")),
    # a time clause with "can" stays a coming event; a past "only after" is done
    ("Chile's Senate approved the trade pact with Peru, the last step before the deal can take "
     "effect.", ("in_force", None, "hypothetical")),
    ("The gas accord between Ghana and Togo took effect only after Togo ratified it in 2019.",
     ("in_force", None, "hypothetical")),
    ("Kenya was the only country to ratify the water treaty after Ethiopia signed it.",
     ("ratified", "KEN", "hypothetical")),
    # "would" after a past verb of saying is a future, not a condition
    ("Kenya said the border treaty with Somalia would take effect in July.",
     ("in_force", None, "hypothetical")),
    # "agreed to sign" is still a plan; a deal signed to buy is no renewal
    ("Kenya signed a deal with Uganda to buy oil and plans to extend the supply contract.",
     ("renewed", "KEN", "asserted")),
    # a member suspended from an organisation is no suspension of the agreement
    ("Ghana was suspended from the regional bloc for a year over the border treaty with Togo.",
     ("suspended", None, "asserted")),
    # a margin of votes is no party
    ("Chad signed the Sahel Accords on Wednesday during a visit to N'Djamena by US Defence "
     "Secretary Lloyd Austin.", ("signed", "USA", "asserted")),
    # something else under the agreement ran out
    ("Chad regained two border farms after a 25-year lease granted under the 1994 peace "
     "treaty with Niger expired.", ("expired", None, "asserted")),
    ("The fishing quotas under the 2015 accord between Chile and Peru have expired.",
     ("expired", None, "asserted")),
    # talks held are a negotiation, not a proposal
    ("Kenya held talks on a new water treaty with Ethiopia on Monday.",
     ("proposed", "KEN", "asserted")),
    ("Kenya offered talks on a new water treaty with Ethiopia on Monday.",
     ("negotiated", "KEN", "intended")),
])
def test_no_dev3_stage_class(text, absent):
    assert absent not in keys(extract(text, date="2024-06-10"))


def test_pair_of_sides_signs_jointly():
    """"until the two neighbours signed it": both sides, not the organisation named just
    before."""
    found = keys(extract("Ghana had blocked Togo's bid to join the African Union until the "
                         "two neighbours signed the border agreement.", date="2024-06-10"))
    signers = {party for stage, party, _ in found if stage == "signed"}
    assert signers and "IGO.AU" not in signers and signers <= {None, "GHA", "TGO"}


def test_nominal_repeat_adds_no_partyless_stage():
    """"The signing came weeks after ...": the signature told just before, not a second
    one by nobody."""
    found = keys(extract("Chad signed the Sahel Accords on Wednesday. The signing came weeks "
                         "after Washington lifted sanctions.", date="2024-06-10"))
    assert ("signed", "TCD", "asserted") in found
    assert ("signed", None, "asserted") not in found
