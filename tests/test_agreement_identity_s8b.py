"""Agreement identity on the real pipeline (session 8, second round): sales barred by an
embargo are no deal, a weapon's designation before a lower-case head is no title, the
seller of goods bought past a place or a day, and the kind of a deal read from the goods
it trades, the site it hosts or the sentence before it. Sentences are written for these
tests."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import records

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Britain will keep its embargo on arms sales to Chile, officials said on Monday.",
    "Washington weighs lifting the ban on weapons sales to Vietnam, imposed in 1984.",
    "Germany extended its moratorium on new arms sales to Riyadh until March.",
])
def test_sales_a_ban_stops_are_no_agreement(text):
    assert not [r for r in records(text) if r[0] == "arms_deal"], records(text)


@pytest.mark.parametrize("text, expected", [
    # the ban's sales are gone, the approved sale stays
    ("Despite its ban on arms sales to Ankara, the State Department approved the sale of "
     "40 F-16 jets to Turkey on Monday.", ("arms_deal", frozenset({"USA", "TUR"}))),
])
def test_a_sale_beside_a_ban_stays(text, expected):
    assert expected in records(text), records(text)


@pytest.mark.parametrize("text, expected", [
    # a designation or a weapon's name before a lower-case head is the goods: the deal is
    # generic, so a "second" one takes the sides of the first
    ("Romania signed a deal on Friday to buy seven Patriot batteries from the United States. "
     "Bucharest hopes to sign a second Patriot contract next year.",
     [("arms_deal", frozenset({"ROU", "USA"})), ("arms_deal", frozenset({"ROU", "USA"}))]),
    ("Greece signed a contract in June to buy 20 F-35 jets from the United States. Athens "
     "hopes to sign a follow-on F-35 contract in 2028.",
     [("arms_deal", frozenset({"GRC", "USA"})), ("arms_deal", frozenset({"GRC", "USA"}))]),
])
def test_a_weapon_name_before_the_head_is_no_title(text, expected):
    assert records(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the maker's nationality before the goods, past where and when it was signed
    ("Qatar signed a 6 billion euro deal in Doha on Tuesday to buy 24 French Rafale jets.",
     ("arms_deal", frozenset({"QAT", "FRA"}))),
    ("India signed a contract in New Delhi last week to purchase 26 jets from France.",
     ("arms_deal", frozenset({"IND", "FRA"}))),
    ("Vietnam signed a deal in Hanoi on Monday to buy 12 Indian patrol boats.",
     ("arms_deal", frozenset({"VNM", "IND"}))),
])
def test_the_seller_past_place_and_day(text, expected):
    assert expected in records(text), records(text)


@pytest.mark.parametrize("text, kind", [
    # goods traded: grain, steel, dumping duties
    ("Egypt and Russia signed a three-year grain agreement in Cairo on Tuesday.", "trade"),
    ("Canada and Mexico signed an agreement on Monday that lifts quotas on Mexican beef "
     "and sugar.", "trade"),
    ("Brazil and Argentina signed a suspension agreement on Thursday, ending the anti-dumping "
     "duty on Brazilian steel.", "trade"),
    # a site a foreign state is allowed to keep is a basing deal
    ("Kenya and Britain signed an agreement in 1980 that keeps a British radar station near "
     "Nanyuki.", "basing"),
    # the sentence before sets the topic of an agreement its own words do not kind
    ("Work began on the new gas pipeline from Algeria to Italy. Rome and Algiers had signed "
     "an intergovernmental agreement on the project in 2019.", "energy"),
])
def test_the_kind_from_what_is_traded_or_hosted(text, kind):
    assert kind in {r[0] for r in records(text)}, records(text)


@pytest.mark.parametrize("text", [
    # the sentence before names another agreement: its topic is that one's
    "Italy and Algeria signed a gas supply accord in 2019. Rome and Tunis signed an "
    "agreement on Monday.",
    # a ban on sales of goods names no grain deal
    "Parliament debated the harvest on Monday.",
])
def test_no_kind_borrowed_from_another_deal(text):
    got = records(text)
    assert ("energy", frozenset({"ITA", "TUN"})) not in got, got


@pytest.mark.parametrize("text, expected", [
    # "the two countries" for two states never listed together: the only two in focus
    ("Prime Minister Modi opened India's new naval station on Agalega on Tuesday. The station "
     "was agreed during a visit to Mauritius in 2015, and the two countries also signed a "
     "defence accord.", ("defence", frozenset({"IND", "MUS"}))),
    # "between the two" after the mention
    ("Chile is Peru's largest market for wine, and a free trade agreement between the two "
     "took effect in 2009.", ("trade", frozenset({"CHL", "PER"}))),
])
def test_the_two_in_focus(text, expected):
    assert expected in records(text), records(text)


@pytest.mark.parametrize("text", [
    # three states in focus and no list: "between the two" cannot say which
    "Japan buys coal from Australia and gas from Qatar, and a free trade agreement between "
    "the two took effect in 2015.",
])
def test_the_two_among_three_is_unresolved(text):
    got = records(text)
    assert not any(len(parties) == 2 for _kind, parties in got), got


@pytest.mark.parametrize("text, expected", [
    # a ceasefire naming no state binds the sides of the war in focus, not its broker
    ("Norway has mediated between Colombia and the ELN rebels since 2017. Oslo brokered a "
     "truce on Monday.", ("ceasefire", frozenset({"COL"}))),
    ("Egypt said it had arranged a ceasefire under which Israel halted its air campaign "
     "against Islamic Jihad.", ("ceasefire", frozenset({"ISR"}))),
    ("Iraq and Kuwait, which were at war with Iran, backed the UN resolution. Diplomats "
     "drafted a ceasefire plan.", ("ceasefire", frozenset({"IRQ", "KWT", "IRN"}))),
])
def test_a_ceasefire_takes_the_sides_of_the_war(text, expected):
    assert expected in records(text), records(text)


@pytest.mark.parametrize("text", [
    # no war in focus: the broker is still no party
    "Kenya brokered a ceasefire on Monday.",
])
def test_a_ceasefire_without_a_war_in_focus_stays_empty(text):
    assert records(text) == [("ceasefire", frozenset())], records(text)
