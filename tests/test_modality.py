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
 # a commitment to a future act: the act is intended, the agreeing itself asserted
 ("Russia agreed to supply Turkey with missiles.", "supply", "intended"),
 ("Russia agreed to supply Turkey with missiles.", "agreed", "asserted"),
 ("Ukraine submitted its application to join NATO.", "join", "intended"),
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
 # cues written for issue 4: intention, negation, report, expectation, condition
 ('Iran is seeking to expand trade with Iraq.', 'expand', 'intended'),
 ('The government aims to sign the accord by June.', 'sign', 'intended'),
 ('Russia vowed to retaliate against the sanctions.', 'retaliate', 'intended'),
 ('Ankara is determined to join the bloc.', 'join', 'intended'),
 ('Poland wants closer ties with Ukraine.', 'ties', 'intended'),
 ('Japan announced its intention to lift the ban.', 'lift', 'intended'),
 ('A proposal to withdraw troops from the border was tabled by Peru.', 'withdraw', 'intended'),
 ('France pledged to send aid to Haiti.', 'send', 'intended'),
 ('Qatar offered to mediate between the two sides.', 'mediate', 'intended'),
 ('Canada failed to ratify the treaty.', 'ratify', 'negated'),
 ('Brazil declined to comment on the deal.', 'comment', 'negated'),
 ('Hungary has not yet ratified the treaty.', 'ratified', 'negated'),
 ('Egypt no longer supplies gas to Israel.', 'supplies', 'negated'),
 ('Moscow rejected claims that its troops had crossed the border.', 'crossed', 'negated'),
 ('Beijing dismissed reports that it had deployed missiles on the island.', 'deployed', 'negated'),
 ('Seoul ruled out talks with Pyongyang.', 'talks', 'negated'),
 ('India never signed the protocol.', 'signed', 'negated'),
 ('The rebels are said to have seized the town.', 'seized', 'reported'),
 ('The general is believed to have fled to Sudan.', 'fled', 'reported'),
 ('Reports say Chad has closed its border with Libya.', 'closed', 'reported'),
 ('Local media reported that Israeli jets struck a convoy.', 'struck', 'reported'),
 ('The militia allegedly killed ten villagers.', 'killed', 'reported'),
 ('Syria is understood to have accepted the proposal.', 'accepted', 'reported'),
 ('The president is set to visit Kenya next week.', 'visit', 'expected'),
 ('The summit is scheduled to open in Lima on Monday.', 'open', 'expected'),
 ('Mali is likely to expel the French ambassador.', 'expel', 'expected'),
 ('The ministers will meet in Geneva on Friday, officials said.', 'meet', 'expected'),
 ('Ghana would cut ties if Togo attacked.', 'cut', 'hypothetical'),
 ("Israel could strike Iran's nuclear sites.", 'strike', 'hypothetical'),
 ('Russia might deploy more troops.', 'deploy', 'hypothetical'),
 ('Kenya will send troops unless the fighting stops.', 'send', 'hypothetical'),
 ('Should talks collapse, Greece would recall its ambassador.', 'recall', 'hypothetical'),
 ('In case of an attack, NATO will defend Estonia.', 'defend', 'hypothetical'),
 ('The court ruled that the ban was illegal.', 'ban', 'asserted'),
 ('Chad refused to sign the accord.', 'sign', 'negated'),
 ('Ukraine denied attacking the convoy.', 'attacking', 'negated'),
 ('Japan stopped short of imposing sanctions.', 'imposing', 'negated'),
 ('Greece refrained from criticizing Turkey.', 'criticizing', 'negated'),
 ('Neither Iran nor Iraq signed the protocol.', 'signed', 'negated'),
 ('Turkey did not immediately respond to the request.', 'respond', 'negated'),
 ('Witnesses said soldiers fired on the crowd.', 'fired', 'reported'),
 ('It was reported that Sudan had expelled the envoy.', 'expelled', 'reported'),
 ('The army was reported to have shelled the village.', 'shelled', 'reported'),
 ('Unconfirmed reports said Eritrea had mobilized troops.', 'mobilized', 'reported'),
 ('The two presidents are to sign the pact in Riga.', 'sign', 'expected'),
 ('Talks are due to resume on Monday.', 'resume', 'expected'),
 ('Kenya is poised to deploy troops to Somalia.', 'deploy', 'expected'),
 ('Iran is preparing to launch a new offensive.', 'launch', 'intended'),
 ('Peru is considering cutting ties with Venezuela.', 'cutting', 'intended'),
 ('Nepal decided to withdraw its troops from Lebanon.', 'withdraw', 'intended'),
 ('It is unclear whether Moscow will recall its ambassador.', 'recall', 'hypothetical'),
 ('Bolivia hopes to resume talks with Chile.', 'resume', 'intended'),
 ('China wants a ceasefire in Sudan.', 'ceasefire', 'intended'),
 ('Mexico seeks talks with the United States.', 'talks', 'intended'),
 ('The plan to sanction Iran was approved by the EU.', 'sanction', 'intended'),
 ('The minister said Brazil will host the summit.', 'host', 'expected'),
 ('Egypt signed the deal after Israel had withdrawn its troops.', 'withdrawn', 'asserted'),
 ('Israel struck targets in Gaza after rockets were fired at Sderot.', 'fired', 'asserted'),
 ('The United States sent aid to Haiti, officials said.', 'sent', 'reported'),
 ('Russian officials said Moscow had expelled the diplomats.', 'expelled', 'asserted'),
 ('Spain expelled two Russian diplomats on Monday.', 'expelled', 'asserted'),
 ('Iran unveiled plans to build a new reactor.', 'build', 'intended'),
 ('The agreement, signed in Oslo, ended the war.', 'signed', 'asserted'),
 ('Israel has long refused to negotiate with Hamas.', 'negotiate', 'negated'),
 ('The government said the talks would continue.', 'continue', 'hypothetical'),
 ('Iran will seek to expand trade with Iraq.', 'expand', 'intended'),
 ('The planned visit of the Chinese premier to Nepal was postponed.', 'visit', 'intended'),
 ('Serbia is pushing for talks with Kosovo.', 'talks', 'intended'),
 ('Sweden has applied to join NATO.', 'join', 'intended'),
 ('Morocco is interested in buying Turkish drones.', 'buying', 'intended'),
 ('Kenya is working to restore ties with Somalia.', 'restore', 'intended'),
 ('Vietnam is keen on a deal with the Philippines.', 'deal', 'intended'),
 ('Kenya is about to send troops to Haiti.', 'send', 'expected'),
 ('The rebels took part in talks with the government.', 'talks', 'asserted'),
 ('Protesters called for the resignation of the minister.', 'resignation', 'asserted'),
 ('Should talks collapse, Greece will recall its ambassador.', 'recall', 'hypothetical'),
 ('Chile hosts talks with Peru next week.', 'talks', 'expected'),
 ('The prime minister visits Japan tomorrow.', 'visits', 'expected'),
 ('The prime minister visited Japan last week.', 'visited', 'asserted'),
 ('The delegation left Cairo without signing the deal.', 'signing', 'negated'),
 ('Seoul cancelled the talks with Tokyo.', 'talks', 'negated'),
 ('Kenya sent troops to restore order in Haiti.', 'restore', 'intended'),
 ('The army sent troops to the border.', 'sent', 'asserted'),
]


@pytest.mark.parametrize("text, trigger, expected", CASES)
def test_modality(layer, text, trigger, expected):
    parsed = layer.parse("t", text)
    token = next(t for t in parsed.tokens if t.text == trigger)
    assert modality_of(parsed, token).modality == expected
