"""Unnamed domestic groups and implied authorities (dyad.events.groups; docs/events.md,
"Unnamed domestic groups"), on the real pipeline, with sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.events.lexicon import build_lexicon


def _primary(extractor, text: str) -> tuple[str | None, set, set, list]:
    """The first event's type, the source and target actor ids of its trigger's records."""
    events = extractor.extract_text(text).events
    if not events:
        return None, set(), set(), []
    first = events[0]
    group = [e for e in events if e.trigger == first.trigger and e.event_type == first.event_type]
    return (first.event_type, {e.source.actor_id for e in group if e.source},
            {e.target.actor_id for e in group if e.target}, events)


@pytest.mark.slow
@pytest.mark.parametrize("text, event_type, sources, targets", [
    # the country of the event's place
    # (an attack at home with no one named is on the place's population)
    ("Militants attacked a checkpoint in Kandahar.", "ASSAULT", {"AFG.REB"}, {"AFG.CVL"}),
    ("Gunmen killed five villagers in northern Nigeria.", "ASSAULT", {"NGA.UAF"}, {"NGA.CVL"}),
    ("Protesters clashed with police in Dhaka.", "ASSAULT", {"BGD.CVL"}, {"BGD.COP"}),
    ("Thousands of anti-government protesters marched in Caracas.", "PROTEST",
     {"VEN.OPP"}, {"VEN"}),
    ("Workers went on strike in Johannesburg.", "PROTEST", {"ZAF.LAB"}, {"ZAF.GOV"}),
    # the country of a state organ on the other side that only acts at home
    ("Protesters clashed with Kenyan police.", "ASSAULT", {"KEN.CVL"}, {"KEN.COP"}),
    # the only country the sentence names, when it is not the other side's
    ("Insurgents ambushed a convoy, Afghan officials said.", "ASSAULT", {"AFG.REB"}, set()),
    # a state acting on a group, naming no other country, acts at home
    ("Pakistan banned the opposition party.", "COERCE", {"PAK"}, {"PAK.OPP"}),
    ("The Sri Lankan military bombed rebel positions in the north.", "ASSAULT",
     {"LKA.MIL"}, {"LKA.REB"}),
    # a state organ named bare faces a domestic party of its own country
    ("Zimbabwe's opposition leader was detained by police on Sunday.", "COERCE",
     {"ZWE.COP"}, {"ZWE.OPP"}),
    ("Sudanese rebels said they had shot down a government helicopter.", "ASSAULT",
     {"SDN.REB"}, {"SDN.GOV"}),
    # the place's own forces and people
    ("Security forces killed 15 people in Homs.", "ASSAULT", {"SYR.MIL"}, {"SYR.CVL"}),
    ("Hundreds of people marched through Harare on Saturday.", "PROTEST",
     {"ZWE.CVL"}, {"ZWE.GOV"}),
    # troops fight abroad: US troops do not make the militants American
    ("Militants attacked US troops.", "ASSAULT", set(), {"USA.MIL"}),
    # a group that is not the place's own, and a transnational group, keep no country
    ("Foreign fighters attacked a checkpoint in Kandahar.", None, set(), set()),
    ("Al-Qaeda militants bombed a hotel in Islamabad.", "ASSAULT", {"group.alqaeda"}, {"PAK"}),
    # a name the dictionary does not know acts where it is
    ("The People's Freedom Front attacked a police station in Mindanao.", "ASSAULT",
     {"org.the-peoples-freedom-front"}, {"PHL.COP"}),
    # a protest with no one named is by the people of the place (implied_crowd)
    ("Protests erupted in Iran after the election.", "PROTEST", {"IRN.CVL"}, {"IRN"}),
    ("Protests erupted in Tehran after the election.", "PROTEST", {"IRN.CVL"}, {"IRN"}),
    ("Protests against Israel erupted in London.", "PROTEST", {"GBR.CVL"}, {"ISR"}),
    ("Thousands marched in Caracas against the government.", "PROTEST",
     {"VEN.CVL"}, {"VEN.GOV"}),
    ("Demonstrations were held across Kenya.", "PROTEST", {"KEN.CVL"}, {"KEN"}),
    # an embassy's country is not where it stands; it is what the protest is aimed at
    ("Protesters held a demonstration outside the US embassy in Manila.", "PROTEST",
     {"PHL.CVL"}, {"USA.GOV"}),
    ("Hundreds of students demonstrated outside the Chinese embassy in Seoul.", "PROTEST",
     {"KOR.EDU"}, {"CHN.GOV"}),
    ("Protesters held a demonstration in front of the US embassy in Manila.", "PROTEST",
     {"PHL.CVL"}, {"USA.GOV"}),
    # a strike's target from the purpose clause of its light verb; "the government" named
    # bare by a people's act is their own
    ("Kenyan doctors staged a strike to press the government for higher pay.", "PROTEST",
     {"KEN.MED"}, {"KEN.GOV"}),
    # "opposition to" is a stance, not the opposition party
    ("China voiced strong opposition to the US arms sale to Taiwan.", "ACCUSE",
     {"CHN"}, {"USA"}),
])
def test_unnamed_groups_take_the_country_they_act_in(extractor, text, event_type, sources,
                                                     targets) -> None:
    got_type, got_sources, got_targets, _ = _primary(extractor, text)
    assert (got_type, got_sources, got_targets) == (event_type, sources, targets), text


@pytest.mark.slow
def test_an_implied_crowd_needs_one_place_and_no_named_doer(extractor) -> None:
    """Violence with no one named is not given to anyone; a clash is not a protest."""
    got_type, got_sources, _, events = _primary(extractor, "Clashes broke out in Kenya.")
    assert got_type == "ASSAULT" and got_sources == set()
    _, sources, _, events = _primary(extractor, "Protests erupted in Iran after the election.")
    assert "people of the place" in events[0].reason


def test_the_reason_says_where_the_country_came_from(extractor) -> None:
    events = extractor.extract_text("The People's Freedom Front attacked a police station "
                                    "in Mindanao.").events
    assert events[0].source.country == "PHL"
    assert "has no country: PHL (the country of the event's place)" in events[0].reason
    assert "'police' -> PHL.COP" in events[0].reason


@pytest.mark.slow
@pytest.mark.parametrize("text, sources, targets", [
    # acts only authorities do, passive with no agent: the authorities of the place
    ("Two protesters were arrested in Cairo.", {"EGY.COP"}, {"EGY.CVL"}),
    ("A curfew was imposed in Kathmandu.", {"NPL.GOV"}, {"NPL"}),
    # a domestic political figure is tried at home
    ("Opposition leader Alexei Navalny was sentenced to three years.", {"RUS.JUD"},
     {"person.alexei-navalny"}),
    # foreigners are not: no place, no implied source
    ("Two British tourists were arrested.", set(), {"GBR.CVL"}),
    ("Russian diplomats were expelled.", set(), {"RUS.GOV"}),
    # anyone can kill: no source is invented
    ("Two policemen were killed in Kandahar by a roadside bomb.", set(), {"AFG.COP"}),
])
def test_agentless_state_acts_imply_the_authorities(extractor, text, sources, targets) -> None:
    _, got_sources, got_targets, events = _primary(extractor, text)
    assert (got_sources, got_targets) == (sources, targets), text
    if sources:
        assert "agentless passive of a state act" in events[0].reason


@pytest.mark.slow
def test_selective_and_full_parsing_code_the_same_group_events() -> None:
    """Everything comes from the sentence itself, so the selective parse (which skips
    sentences with no name in them) codes what the full parse codes."""
    from dyad.pipeline import Extractor

    text = ("Militants attacked a checkpoint in Kandahar on Monday. Insurgents fired mortars "
            "at the base. Two protesters were arrested in Cairo. Police fired tear gas.")

    def records(extractor) -> set:
        return {(e.event_type, e.source.actor_id if e.source else None,
                 e.target.actor_id if e.target else None)
                for e in extractor.extract_text(text).events}

    full = records(Extractor(selective=False))
    assert ("ASSAULT", "AFG.REB", "AFG.CVL") in full
    assert records(Extractor(selective=True)) == full


@pytest.mark.parametrize("phrase, sector", [
    ("militants", "REB"), ("riot police", "COP"), ("anti-government protesters", "OPP")])
def test_group_phrases_are_lexicon_data(phrase, sector) -> None:
    lexicon = build_lexicon([({"domestic_groups": {sector: [phrase.upper()]},
                               "implied_source": {"COP": ["Arrest"]}}, "test")])
    assert lexicon.domestic_groups == {phrase: sector}
    assert lexicon.implied_source == {"arrest": "COP"}
