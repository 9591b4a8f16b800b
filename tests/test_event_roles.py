"""Who did what to whom, on the real pipeline: one sentence per English construction that
decides a source or a target (sentences written for these tests, docs/events.md)."""

from __future__ import annotations

import pytest
import yaml

from dyad.errors import ConfigError
from dyad.events.lexicon import _WordLoader, load_lexicon


def _pairs(extractor, text: str) -> tuple[str, set, set, list]:
    """The first event's type, the source and target countries (else actor ids) of its
    trigger's records (the sentence's primary event), and every event."""
    events = extractor.extract_text(text).events
    assert events, text
    first = events[0]
    group = [e for e in events if e.trigger == first.trigger and e.event_type == first.event_type]
    return (first.event_type, {_key(e.source) for e in group if e.source},
            {_key(e.target) for e in group if e.target}, events)


def _key(ref) -> str:
    return ref.country or ref.actor_id


@pytest.mark.slow
@pytest.mark.parametrize("text, event_type, sources, targets", [
    # passive voice: the by-agent acts on the subject
    ("Three Palestinians were killed by Israeli forces in Gaza.", "ASSAULT", {"ISR"}, {"PSE"}),
    ("The resolution was vetoed by China and Russia.", "REJECT", {"CHN", "RUS"}, set()),
    # "sent aid to Y": the parser labels that "to" a dative
    ("Japan sent aid to Indonesia.", "AID", {"JPN"}, {"IDN"}),
    ("Indonesia will send 2,000 peacekeepers to Lebanon.", "AGREE", {"IDN"}, {"LBN"}),
    # speaker versus actor: the reported act keeps its own actor
    ("The US said Russia attacked Ukraine.", "ASSAULT", {"RUS"}, {"UKR"}),
    ("France accused Germany of violating the treaty.", "ACCUSE", {"FRA"}, {"DEU"}),
    ("Japan urged China to release the fishermen.", "REQUEST", {"JPN"}, {"CHN"}),
    # 'its' / 'the country's' stand for the speaker or the governing subject
    ("Iran said its forces had seized a British tanker in the Gulf.", "COERCE", {"IRN"}, {"GBR"}),
    ("China said its coast guard expelled Philippine vessels from the shoal.", "COERCE",
     {"CHN"}, {"PHL"}),
    ("Syria said on Monday that the country's army had retaken the town from Turkish forces.",
     "ASSAULT", {"SYR"}, {"TUR"}),
    ("The Kremlin said on Monday it had no plans to attack Ukraine.", "ASSAULT", {"RUS"}, {"UKR"}),
    # nominal events and prepositional targets
    ("The dispatch of French troops to Romania angered Moscow.", "MOBILIZE", {"FRA"}, {"ROU"}),
    ("The EU imposed sanctions on Belarus.", "SANCTION", {"IGO.EU"}, {"BLR"}),
    ("The Indian prime minister's visit to Bangladesh began on Monday.", "CONSULT",
     {"IND"}, {"BGD"}),
    ("A meeting between China and India took place in Beijing.", "CONSULT",
     {"CHN", "IND"}, {"CHN", "IND"}),
    # an event noun that is the subject of a verb of the same act: one event, both roles
    ("Israel's strikes on Gaza killed dozens.", "ASSAULT", {"ISR"}, {"PSE"}),
    # coordinated modifiers across a mention: "Indian and Chinese troops"
    ("Indian and Chinese troops clashed in the Galwan valley.", "ASSAULT",
     {"IND", "CHN"}, {"IND", "CHN"}),
    # apposition: a person without a known country stands for the office named beside them
    ("Ahmed Ali, a spokesman for the Iraqi government, condemned the bombing.", "ACCUSE",
     {"IRQ"}, set()),
    # reciprocal acts: each party acts on the other
    ("Russia and Ukraine blamed each other for the attack.", "ACCUSE",
     {"RUS", "UKR"}, {"RUS", "UKR"}),
    ("India and Pakistan traded accusations.", "ACCUSE", {"IND", "PAK"}, {"IND", "PAK"}),
    ("India and Pakistan exchanged fire across the border in Kashmir.", "ASSAULT",
     {"IND", "PAK"}, {"IND", "PAK"}),
    ("Russia and Ukraine exchanged prisoners.", "RETREAT", {"RUS", "UKR"}, {"RUS", "UKR"}),
    # a frame aims at the place of the territorial act it frames
    ("Brazil's foreign minister called for an end to the violence in Venezuela.", "REQUEST",
     {"BRA"}, {"VEN"}),
    # the country of a place, when the act names no actor for its recipient
    ("US drones struck a convoy in Kandahar.", "ASSAULT", {"USA"}, {"AFG"}),
    ("Russian forces shelled the city of Kharkiv.", "ASSAULT", {"RUS"}, {"UKR"}),
    # an agentless passive of an act only authorities do: the place's police arrested
    # the place's protesters (docs/events.md, "Unnamed domestic groups")
    ("Two protesters were arrested in Cairo.", "COERCE", {"EGY"}, {"EGY"}),
    # the object of the phrase's own particle: "sealed off the town"
    ("Israeli troops sealed off the West Bank town of Hebron.", "COERCE", {"ISR"}, {"PSE"}),
    # the purpose clause names whom the act was aimed at
    ("Police used tear gas to disperse stone-throwing youths in Gaza.", "ASSAULT",
     {"PSE"}, {"PSE"}),
    # between on the verb or on the clause of an event noun subject
    ("Talks were held between Armenia and Azerbaijan in Moscow.", "CONSULT",
     {"ARM", "AZE"}, {"ARM", "AZE"}),
    ("Fighting broke out between Ethiopia and Eritrea.", "ASSAULT",
     {"ETH", "ERI"}, {"ETH", "ERI"}),
    ("Russia hosted talks between Armenia and Azerbaijan.", "CONSULT", {"RUS"}, {"ARM", "AZE"}),
    # a passive's source named by the entry's source_prep
    ("The Russian ambassador was summoned to the foreign ministry in Warsaw.", "ACCUSE",
     {"POL"}, {"RUS"}),
    # "the two countries": the two named before
    ("After talks between Iran and Iraq, the two countries agreed to reopen their border.",
     "AGREE", {"IRN", "IRQ"}, {"IRN", "IRQ"}),
    # conjuncts inside a mention; a border's other side; a country read as a noun
    ("The leaders of Russia, China and India met in Delhi.", "CONSULT",
     {"RUS", "CHN", "IND"}, {"RUS", "CHN", "IND"}),
    ("Turkey massed troops on its border with Iraq.", "MOBILIZE", {"TUR"}, {"IRQ"}),
    # object control only after verbs of asking and allowing
    ("Ethiopian troops entered Somalia to fight Islamist militants.", "ASSAULT", {"ETH"}, set()),
    ("Israel allowed Palestinian leader Yasser Arafat to travel to Gaza.", "RETREAT",
     {"ISR"}, {"PSE"}),
    ("Iran told Britain to release the tanker.", "REQUEST", {"IRN"}, {"GBR"}),
    # a participle with its own "by" agent: the noun it modifies is what was done to
    ("The Iraqi government, backed by Iran, launched an offensive.", "ASSAULT", {"IRQ"}, set()),
    # a verb with no object shares the object of the verb coordinated right after it
    ("Israeli police arrested and beat Palestinian protesters.", "COERCE", {"ISR"}, {"PSE"}),
    ("Japan condemned and protested China's seizure of the boat.", "ACCUSE", {"JPN"}, {"CHN"}),
    # forces moved in a passive belong to the side that moves them
    ("2,000 French troops were sent to Mali.", "MOBILIZE", {"FRA"}, {"MLI"}),
    # an act done at home, to a place of the source's own country: its population
    ("Egypt deployed troops in the Sinai.", "MOBILIZE", {"EGY"}, {"EGY"}),
    ("The Iraqi army launched an offensive in Anbar province.", "ASSAULT", {"IRQ"}, {"IRQ"}),
])
def test_roles(extractor, text: str, event_type: str, sources: set, targets: set) -> None:
    got_type, got_sources, got_targets, _ = _pairs(extractor, text)
    assert (got_type, got_sources, got_targets) == (event_type, sources, targets), text


@pytest.mark.slow
def test_an_attack_on_an_object_is_not_done_to_each_other(extractor) -> None:
    _, sources, _, events = _pairs(
        extractor, "Russian and Syrian warplanes bombed rebel positions in Idlib.")
    assert sources == {"RUS", "SYR"}
    # the rebels' positions, in Syria (an unnamed group takes the place's country)
    assert {e.target.actor_id for e in events if e.target} == {"SYR.REB"}


@pytest.mark.slow
def test_a_place_in_the_source_country_leaves_the_domestic_recipient(extractor) -> None:
    events = extractor.extract_text("Sudan declared a curfew in Khartoum.").events
    assert {e.target.actor_id for e in events if e.target} == {"SDN.CVL"}


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "An earthquake struck eastern Turkey on Monday.",
    "A powerful cyclone hit Bangladesh, killing 30 people.",
    "A car accident in Germany killed four people.",
    "An earthquake destroyed 200 homes in Nepal.",
])
def test_natural_hazards_are_not_actors(extractor, text: str) -> None:
    assert [e for e in extractor.extract_text(text).events if e.event_type == "ASSAULT"] == []


@pytest.mark.slow
@pytest.mark.parametrize("text, event_type, mode", [
    ("Russian troops attacked Ukrainian positions.", "ASSAULT", None),  # not a stance
    ("Syrian troops recaptured the city of Palmyra.", "ASSAULT", None),  # won by fighting
    ("Israeli jets destroyed Hamas rocket launchers in Gaza.", "ASSAULT", None),
    ("Libya destroyed its chemical weapons stockpile.", "RETREAT", "disarm"),
    ("Syria agreed to hand over its chemical weapons.", "AGREE", None),
    ("The Nigerian government granted amnesty to militants in the Niger Delta.", "CONCEDE", None),
    # manual 3.13.2: a conviction that results in imprisonment is COERCE 'arrest'
    ("A court in Iran sentenced the British journalist to ten years in prison.", "COERCE",
     "arrest"),
    ("An Egyptian court sentenced 12 Islamists to death.", "SANCTION", "convict"),
    ("The government of Mali ordered the French ambassador to leave the country.", "SANCTION",
     "expel"),
    ("The Egyptian government banned the Muslim Brotherhood.", "COERCE", "restrict"),
    # a misparsed modifier still counts: "stop drone strikes" is about attacks
    ("Pakistan has asked the United States to stop drone strikes in its tribal areas.",
     "REQUEST", None),
    ("Striking miners in Chile returned to work on Monday.", "CONCEDE", None),
    ("Germany voiced support for Ukraine's bid to join the EU.", "SUPPORT", None),
    ("Iraq allowed UN weapons inspectors to return to Baghdad.", "RETREAT", "access"),
    ("The Iraqi army reinforced its positions near the Kuwaiti border.", "MOBILIZE", "troops"),
    ("Iraqi troops moved toward the Kuwaiti border.", "MOBILIZE", "troops"),
    ("Hezbollah vowed revenge against Israel.", "THREATEN", "violence"),
    ("Egypt reopened the Rafah crossing with Gaza.", "RETREAT", "withdraw"),
    ("The Iranian foreign minister spoke with his Saudi counterpart.", "CONSULT", None),
    ("China called the US decision unacceptable.", "ACCUSE", "disapprove"),
    ("India disagreed with Pakistan's proposal.", "REJECT", None),
    ("Pakistan dropped its demand for a UN inquiry.", "CONCEDE", None),  # manual 3.8.2
    ("Egypt dropped the charges against the Al Jazeera journalists.", "CONCEDE", None),
    ("Japan's prime minister apologized to South Korea.", "SUPPORT", None),  # crosswalk 055
    ("Japan expressed regret to South Korea.", "CONCEDE", None),  # manual 3.4.2
    ("The last Soviet troops returned home from Afghanistan.", "RETREAT", "withdraw"),
    ("The first UN peacekeepers arrived in Darfur on Monday.", "AID", None),  # CAMEO 074
    ("Japan will send 500 peacekeepers to South Sudan.", "AGREE", None),  # a future AID
    ("North Korea placed its army on combat readiness.", "MOBILIZE", "troops"),
    ("Iran put its armed forces on a war footing.", "MOBILIZE", "troops"),
    ("Greek workers held a general strike against austerity measures.", "PROTEST", "strike"),
    ("Nigerian unions held a two-day strike against the government.", "PROTEST", "strike"),
    ("Turkish troops occupied parts of northern Syria.", "COERCE", "seize"),
    ("Russia annexed Crimea in 2014.", "COERCE", "seize"),
    ("Protesters occupied the parliament building in Kiev.", "PROTEST", "obstruct"),
    ("Chinese hackers attacked US government networks.", "COERCE", "cyber"),
    ("Russian hackers targeted the German parliament.", "COERCE", "cyber"),
    ("Israeli jets attacked Hamas positions in Gaza.", "ASSAULT", None),
    # a court dismissing a case yields; a government dismissing accusations rejects them
    ("A Pakistani court dismissed the case against the former prime minister.", "CONCEDE",
     None),
    ("The Kremlin dismissed the accusations as lies.", "REJECT", None),
    ("Demonstrations were held across Kenya.", "PROTEST", "demo"),  # not a detention
    ("Police held the activist on March 3 in Minsk.", "COERCE", "arrest"),  # a month
])
def test_lexicon_entries_on_sentences(extractor, text: str, event_type: str, mode) -> None:
    _, _, _, events = _pairs(extractor, text)
    assert (events[0].event_type, events[0].mode) == (event_type, mode), text


@pytest.mark.slow
@pytest.mark.parametrize("text, event_type, sources, targets", [
    # a gerund the parser reads as a verb: its adjective names the doer
    ("Russian shelling hit Kharkiv overnight.", "ASSAULT", {"RUS"}, set()),
    # the particle's own complement: "pulled back *from* the border"
    ("Russia pulled its troops back from the Ukrainian border.", "RETREAT", {"RUS"}, {"UKR"}),
    # a relative clause is background: the main clause's act is the primary event
    ("The United States, which imposed sanctions on Iran last year, said it was ready to "
     "hold talks with Tehran.", "AGREE", {"USA"}, {"IRN"}),
])
def test_misparses_particles_and_background_clauses(extractor, text: str, event_type: str,
                                                    sources: set, targets: set) -> None:
    got = _pairs(extractor, text)[:3]
    assert got == (event_type, sources, targets), text


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Iran insisted that its nuclear program was peaceful.",  # a claim, not a demand
    "The minister told reporters that the talks would continue.",  # no infinitive
    "The minister spoke to reporters in Kabul.",  # speaking to the press is no meeting
    "The first contingent of Pakistani troops arrived in Somalia.",  # troops do not visit
    "Two freed French hostages arrived in Paris on Sunday.",
])
def test_saying_is_not_requesting_or_meeting(extractor, text: str) -> None:
    assert all(e.event_type not in {"REQUEST", "CONSULT"}
               for e in extractor.extract_text(text).events), text


@pytest.mark.slow
def test_passive_participle_targets_the_noun(extractor) -> None:
    events = extractor.extract_text(
        "The Iraqi government, backed by Iran, launched an offensive.").events
    backed = [e for e in events if e.event_type == "SUPPORT"]
    assert [(e.source.country, e.target.country) for e in backed] == [("IRN", "IRQ")]


@pytest.mark.slow
@pytest.mark.parametrize("text, event_type", [
    # manual 3.14.1: single-country exercises are MOBILIZE, joint ones COOPERATE
    ("Iran held naval exercises in the Gulf.", "MOBILIZE"),
    ("Russia held joint naval exercises in the Baltic Sea.", "COOPERATE"),
    ("The United States and South Korea held military exercises.", "COOPERATE"),
    ("Russia held war games with Belarus.", "COOPERATE"),
])
def test_exercises_alone_or_together(extractor, text: str, event_type: str) -> None:
    assert extractor.extract_text(text).events[0].event_type == event_type, text


@pytest.mark.slow
def test_a_time_phrase_is_not_a_frames_content(extractor) -> None:
    events = extractor.extract_text(
        "Following talks with Egypt, Israel agreed to release 50 prisoners.").events
    assert [e.event_type for e in events] == ["AGREE", "CONSULT"]
    assert "CONSULT/talk" not in events[0].reason  # the talks are not what was agreed


@pytest.mark.slow
def test_drone_strikes_frame_an_attack(extractor) -> None:
    events = extractor.extract_text(
        "Pakistan has asked the United States to stop drone strikes in its tribal areas.").events
    assert "ASSAULT/strike" in events[0].reason


@pytest.mark.parametrize("text, expected", [
    ("prep: [on, off, at]", ["on", "off", "at"]),  # YAML 1.1 would read True, False
    ("prep: [yes, no]", ["yes", "no"]),
    ("flag: true", True),
])
def test_lexicon_yaml_keeps_words(text: str, expected) -> None:
    assert next(iter(yaml.load(text, Loader=_WordLoader).values())) == expected


def test_bundled_lexicon_has_no_boolean_words() -> None:
    words = {w for t in load_lexicon().triggers
             for group in (t.prep, t.object, t.modifier, t.subject) if group for w in group}
    assert not words & {"true", "false"}


def test_target_preps_come_from_the_lexicon() -> None:
    lexicon = load_lexicon()
    retake = next(t for t in lexicon.verbs["retake"] if t.type == "ASSAULT")
    attack = lexicon.verbs["attack"][-1]
    assert "from" in lexicon.target_preps_for(retake)  # the entry's own target_prep
    assert "from" not in lexicon.target_preps_for(attack)
    assert {"on", "against", "with"} <= lexicon.target_preps_for(attack)  # "*"
    visit = lexicon.verbs["visit"][0]
    assert "in" in lexicon.target_preps_for(visit)  # CONSULT:visit


def test_user_lexicon_keys_for_roles(tmp_path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "target_preps:\n  COERCE: [from]\n"
        "triggers:\n"
        "  - {type: REQUEST, verbs: [bid], infinitive: true, source_prep: [by],\n"
        "     target_prep: [upon], not_subject: [storm]}\n", "utf-8")
    lexicon = load_lexicon([extra])
    bid = lexicon.verbs["bid"][0]
    assert (bid.infinitive, bid.source_prep, bid.target_prep, bid.not_subject) == (
        True, frozenset({"by"}), frozenset({"upon"}), frozenset({"storm"}))
    assert lexicon.target_preps["COERCE"] == frozenset({"from"})  # replaces the bundled list
    assert bid.rank < lexicon.verbs["urge"][0].rank  # the infinitive constraint is specific


def test_alone_recoding_is_lexicon_data(tmp_path) -> None:
    assert load_lexicon().alone["062"][0] == "MOBILIZE"
    bad = tmp_path / "bad.yaml"
    bad.write_text('alone:\n  "062": {type: NOPE}\n', "utf-8")
    with pytest.raises(ConfigError) as err:
        load_lexicon([bad])
    assert err.value.code == "D202"


@pytest.mark.slow
def test_a_month_is_not_a_protest_march(extractor) -> None:
    events = extractor.extract_text("Police held the activist on March 3 in Minsk.").events
    assert [e.event_type for e in events] == ["COERCE"]


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, event_type, target", [
    # two acts of one subject joined by "and" go to the same party when one names none
    ("Putin met Erdogan in Sochi and signed a gas deal.", "signed", "SUPPORT", "TUR"),
    ("Pakistan's foreign ministry summoned the Indian envoy and lodged a strong protest.",
     "lodged", "ACCUSE", "IND"),
    ("Russia accused the United States of meddling and expelled two diplomats.", "expelled",
     "SANCTION", "USA"),
    # the recipient of a to-infinitive's act that is no trigger of its own
    ("China agreed to sell arms to Pakistan.", "agreed", "AGREE", "PAK"),
    ("Russia agreed to resume gas supplies to Ukraine.", "agreed", "AGREE", "UKR"),
    # a threat's condition inside its complement: "threatened to close ... if the US attacked"
    ("Iran threatened to close the Strait of Hormuz if the US attacked.", "threatened",
     "THREATEN", "USA"),
    # an event noun's participle with a by-agent names the noun's doer
    ("Pakistan rejected the allegations made by India.", "rejected", "REJECT", "IND"),
])
def test_targets_shared_across_clauses(extractor, text: str, trigger: str, event_type: str,
                                       target: str) -> None:
    got = {(e.event_type, e.target and _key(e.target)) for e in
           extractor.extract_text(text).events if e.trigger == trigger}
    assert got == {(event_type, target)}, text


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger", [
    # a second verb with its own subject is its own clause: no target is carried over
    ("Putin met Erdogan and the two sides signed nothing.", "signed"),
    # a lone deployment names no target (manual 3.14): nothing carried from elsewhere
    ("Russia deployed more troops and warned Ukraine.", None),
])
def test_targets_not_shared_without_a_shared_subject(extractor, text: str, trigger) -> None:
    events = extractor.extract_text(text).events
    if trigger == "signed":
        assert all(e.target is None or _key(e.target) != "TUR"
                   for e in events if e.trigger == "signed"), text
    else:
        assert all(_key(e.target) != "UKR" for e in events
                   if e.event_type == "MOBILIZE" and e.target), text
