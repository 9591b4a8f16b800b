"""Modality on real parses (the pinned model)."""

from __future__ import annotations

import pytest

from dyad.modality import modality_of
from dyad.nlp.pipeline import NlpLayer

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def layer():
    return NlpLayer()


CASES = [
 ("Greece ratified the treaty.", "ratified", "asserted"),
 ("Greece did not ratify the treaty.", "ratify", "negated"),
 ("Turkey refused to ratify the accession protocol.", "ratify", "negated"),
 ("The ministry denied that troops had crossed the border.", "crossed", "negated"),
 ("The Storting is due to vote on ratification next month.", "vote", "expected"),
 ("The minister is expected to sign the deal in June.", "sign", "expected"),
 ("India intends to sign a trade agreement with the UAE.", "sign", "intended"),
 ("Chile wants to join the pact.", "join", "intended"),
 ("The two sides reportedly reached an arms deal.", "reached", "reported"),
 ("According to sources, Russia moved troops to the border.", "moved", "reported"),
 ("Sources said Egypt had bought 24 Rafale jets.", "bought", "reported"),
 ("Armenia would withdraw its forces if Azerbaijan stopped shelling.", "withdraw", "hypothetical"),
 ("If talks fail, the country could impose sanctions.", "impose", "hypothetical"),
 ("Greek Prime Minister Kyriakos Mitsotakis said Greece signed the pact.", "signed", "asserted"),
 ("France will deliver six frigates by 2025.", "deliver", "expected"),
 ("Seoul plans to resume the intelligence-sharing pact.", "resume", "intended"),
 ("Ankara said it would not ratify the protocol.", "ratify", "negated"),
 ("Hungary has yet to ratify the protocol.", "ratify", "negated"),
 # willingness is an intention; a relative clause keeps its own tense; a governing verb
 # lends its modality only to its complement clause, not to an adjunct's noun
 ("Peru is willing to withdraw its troops from the border.", "withdraw", "intended"),
 ("Bolivia is ready to resume talks with Chile.", "resume", "intended"),
 ("The rebels will free the envoy, whom they kidnapped last year.", "kidnapped", "asserted"),
 ("Settlers set fire to a school following the killing of a farmer.", "killing", "asserted"),
]


@pytest.mark.parametrize("text, trigger, expected", CASES)
def test_modality(layer, text, trigger, expected):
    parsed = layer.parse("t", text)
    token = next(t for t in parsed.tokens if t.text == trigger)
    assert modality_of(parsed, token).modality == expected
