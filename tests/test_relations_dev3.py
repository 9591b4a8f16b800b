"""Standing relations by class, fourth round: a state's forces abroad by every route (its
paramilitaries, arrivals, a withdrawal still to come, a host named as "the country"),
recognition and its switches, diplomatic allies, ties that join trade to diplomacy,
sanctions from a named sender or on "two countries", an open decision, the land under an
occupation, and "the allies" acting together. Every text was written for these tests, in
other wording, states and tenses than any benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow


def _coded(extractor, text: str) -> set[tuple]:
    from tests.test_relations import gold_style_with_modality

    return gold_style_with_modality(extractor, text)


# (text, expected (type, source, target, modality) rows, all present)
PRESENT = [
    # military presence: paramilitaries stand for their state, arrivals and service count
    ("Wagner mercenaries are deployed across the Central African Republic.",
     {("military_presence", "RUS", "CAF", "asserted")}),
    ("Turkish military advisers arrived in Libya last spring.", {("military_presence", "TUR", "LBY", "asserted")}),
    ("Burkina Faso has hired Russian mercenaries to guard its mines.",
     {("military_presence", "RUS", "BFA", "asserted")}),
    ("Mali's junta now relies on Russian paramilitaries, according to Western diplomats.",
     {("military_presence", "RUS", "MLI", "reported")}),
    # a withdrawal still to come says the troops are there now
    ("Eritrean troops are due to pull out of the Tigray region by January.",
     {("military_presence", "ERI", "ETH", "asserted")}),
    ("Rwandan soldiers missed the deadline to withdraw from eastern Congo.",
     {("military_presence", "RWA", "COD", "asserted")}),
    # the host named by a description or by "the country"
    ("Djibouti renewed the lease. Some 150 Japanese troops are based in the small east African country.",
     {("military_presence", "JPN", "DJI", "asserted")}),
    ("Peru hosted the summit with Brazil, which keeps about 2,000 troops in the country.",
     {("military_presence", "BRA", "PER", "asserted")}),
    ("Mali has turned to Russia, which sent military instructors and helicopters to the country in 2021.",
     {("military_presence", "RUS", "MLI", "asserted")}),
    # recognition: a state recognised, the one passed over, switches both ways
    ("Paraguay is among the handful of countries that recognise Taipei instead of Beijing.",
     {("diplomatic_relations", "PRY", "TWN", "asserted"), ("diplomatic_relations", "CHN", "PRY", "negated")}),
    ("Greece has never recognised Kosovo.", {("diplomatic_relations", "GRC", "XKX", "negated")}),
    ("Sweden recognised Palestine as a state in 2014.", {("diplomatic_relations", "PSE", "SWE", "asserted")}),
    ("Panama switched its recognition from Taiwan to China in 2017.",
     {("diplomatic_relations", "PAN", "TWN", "negated"), ("diplomatic_relations", "CHN", "PAN", "asserted")}),
    ("Taiwan's diplomatic allies include Belize, Haiti and Tuvalu.",
     {("diplomatic_relations", "BLZ", "TWN", "asserted"), ("diplomatic_relations", "HTI", "TWN", "asserted"),
      ("diplomatic_relations", "TUV", "TWN", "asserted")}),
    # ties that join trade to diplomacy; cut ones are no trade (only the diplomacy ends)
    ("Egypt and Iran agreed to restore political and trade relations.",
     {("diplomatic_relations", "EGY", "IRN", "intended"), ("trade", "EGY", "IRN", "intended")}),
    ("Morocco cut diplomatic and economic ties with Iran in 2018.",
     {("diplomatic_relations", "IRN", "MAR", "negated")}),
    # sanctions: a sender after "from", two states at once, an open decision
    ("North Korea and Iran, both states under crippling sanctions from the United Nations, traded missile parts.",
     {("sanctions", "UN", "PRK", "asserted"), ("sanctions", "UN", "IRN", "asserted")}),
    ("Brussels is weighing whether to penalise Budapest over the veto.",
     {("sanctions", "EU", "HUN", "hypothetical")}),
    ("London, which froze the assets of Syrian banks, has yet to decide whether to penalise Ankara.",
     {("sanctions", "GBR", "TUR", "hypothetical")}),
    # occupation: the land under it
    ("Georgia says Abkhazia remains under Russian military occupation.",
     {("occupation", "RUS", "GEO", "asserted")}),
    # "the allies" acting together are the pair named before
    ("Canberra hosts US Marines under a deal the allies sealed in 2011.",
     {("alliance", "AUS", "USA", "asserted")}),
]

# (text, (type, source, target) rows that must not be written)
ABSENT = [
    # a recognition of a claim is no relation with the claimant
    ("Israel recognised Morocco's sovereignty over Western Sahara in 2023.",
     {("diplomatic_relations", "ISR", "MAR")}),
    # "recognise X as" something other than a state is no recognition of the state
    ("France said analysts recognise Germany as Europe's largest economy.",
     {("diplomatic_relations", "DEU", "FRA")}),
    # "from" far after the noun names the goods' seller, not the sanctions' sender
    ("Canada, which imposed sanctions on Belarus for buying jets from Moscow, said nothing.",
     {("sanctions", "RUS", "BLR")}),
    # "there" after a base names no host of the sentence before
    ("Djibouti hosts bases of the United States and Italy. China opened its first overseas base there in 2017.",
     {("military_presence", "CHN", "ITA")}),
    # ties cut write no trade of their own
    ("Morocco cut diplomatic and economic ties with Iran in 2018.", {("trade", "IRN", "MAR")}),
]


@pytest.mark.parametrize("text, expected", PRESENT)
def test_class_present(extractor, text, expected):
    got = _coded(extractor, text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text, banned", ABSENT)
def test_class_absent(extractor, text, banned):
    got = {row[:3] for row in _coded(extractor, text)}
    assert not banned & got, f"wrote {banned & got}"
