"""Agreement stages, round four, on the real pipeline (``dyad.extract``): verbs sharing one
object, signatories listed, signings told as events, exits declared or told without their
agreement, the sides of talks, and wishes for a new deal. Sentences are written for these
tests; each rule has cases where it must not fire."""

from __future__ import annotations

import pytest

from tests.agreement_helpers import extract, keys

pytestmark = pytest.mark.slow

_JCPOA = "Iran and six powers reached the deal in 2015. "
_GRAIN = "Poland and Ukraine agreed on a grain transit deal. "
_SKIES = "Russia and the US signed the Open Skies Treaty in 1992. "
_OTTAWA = "The Ottawa Treaty bans anti-personnel mines. "
_ABRAHAM = "Israel and the UAE reached the Abraham Accords in August 2020. "
_TRUCE = "Israel and Hamas agreed a ceasefire in January. "


@pytest.mark.parametrize("text, expected", [
    # two verbs share the object after the second
    ("Russia signed but never ratified the Comprehensive Nuclear-Test-Ban Treaty.",
     ("signed", "RUS", "asserted")),
    ("Russia signed but never ratified the Comprehensive Nuclear-Test-Ban Treaty.",
     ("ratified", "RUS", "negated")),
    ("Sweden and Finland negotiated and signed a defence cooperation agreement with the "
     "United States in 2023.", ("negotiated", "SWE", "asserted")),
    ("Chile and Peru negotiated for years before signing the boundary treaty in 2014.",
     ("negotiated", "PER", "asserted")),
    ("France negotiated, signed and ratified the treaty within a year.",
     ("negotiated", "FRA", "asserted")),
    # an offer to sign proposes the pact
    ("Russia offered to sign a non-aggression pact with Ukraine in 2022.",
     ("proposed", "RUS", "asserted")),
    # exits told without naming the agreement again
    (_JCPOA + "The United States pulled out of it in 2018.", ("withdrawn", "USA", "asserted")),
    (_GRAIN + "Warsaw withdrew its signature in 2024.", ("withdrawn", "POL", "asserted")),
    (_GRAIN + "Poland announced its withdrawal in 2024.", ("withdrawn", "POL", "asserted")),
    (_GRAIN + "In 2024, Poland announced it would withdraw.", ("withdrawn", "POL", "intended")),
    (_JCPOA + "Trump withdrew the US in 2018.", ("withdrawn", "USA", "asserted")),
    (_SKIES + "Moscow pulled out the following year.", ("withdrawn", "RUS", "asserted")),
    (_SKIES + "The treaty collapsed after Washington withdrew in 2020.",
     ("withdrawn", "USA", "asserted")),
    (_SKIES + "Russia followed the US out of the treaty in 2021.", ("withdrawn", "RUS", "asserted")),
    # who left: the state taken out, the state after "withdrawal of"
    ("Trump withdrew the United States from the landmark 2015 Iran nuclear deal in May 2018.",
     ("withdrawn", "USA", "asserted")),
    ("The withdrawal of the United States from the INF Treaty in 2019 ended the pact.",
     ("withdrawn", "USA", "asserted")),
    # signatories
    ("The treaty's signatories include Russia, China and Brazil.", ("signed", "BRA", "asserted")),
    ("Among the signatories of the accord were Mexico and Brazil.", ("signed", "MEX", "asserted")),
    ("The treaty has 12 signatories, including Mexico and Brazil.", ("signed", "BRA", "asserted")),
    (_OTTAWA + "Both Finland and Poland are signatories.", ("signed", "POL", "asserted")),
    (_OTTAWA + "The United States is not a signatory.", ("signed", "USA", "negated")),
    ("Finland was among the countries that signed the Ottawa Treaty in 1997.",
     ("signed", "FIN", "asserted")),
    ("Finland was one of 122 nations to sign the Ottawa Treaty in 1997.",
     ("signed", "FIN", "asserted")),
    (_OTTAWA + "Signed by 122 countries in 1997, it took effect in 1999.",
     ("signed", None, "asserted")),
    # a signing told as an event, and when it is still to come
    (_ABRAHAM + "Trump hosted the signing at the White House on September 15, 2020.",
     ("signed", None, "asserted")),
    (_ABRAHAM + "The formal signing is scheduled for next month.", ("signed", None, "expected")),
    ("Japan and Philippines to sign defence pact.", ("signed", "JPN", "expected")),
    # the sides of talks, and agreements closed or settled
    ("Talks between India and Britain on a free trade agreement resumed in 2024.",
     ("negotiated", "GBR", "asserted")),
    ("India held talks with Britain on a free trade agreement in 2024.",
     ("negotiated", "GBR", "asserted")),
    ("Britain and India have finally closed a trade deal.", ("negotiated", "IND", "asserted")),
    ("Armenia and Azerbaijan settled the text of a peace treaty in March.",
     ("negotiated", "ARM", "asserted")),
    # proposals: a plan unveiled, a deal wished for, a participle that proposed
    ("Biden unveiled a three-phase ceasefire plan for Gaza in May 2024.",
     ("proposed", "USA", "asserted")),
    ("Britain wants to sign a free trade agreement with India.", ("proposed", "GBR", "intended")),
    ("Israel accepted a US-proposed ceasefire in Gaza in January 2025.",
     ("proposed", "USA", "asserted")),
])
def test_stage_read(text, expected):
    assert expected in keys(extract(text))


@pytest.mark.parametrize("text, absent", [
    # under a truce, a bare withdrawal is of troops; a place left is not the agreement
    (_TRUCE + "Israel said it would withdraw in phases.", "withdrawn"),
    (_TRUCE + "Israel withdrew in March.", "withdrawn"),
    (_TRUCE + "Israel announced its withdrawal from the Netzarim corridor in February.",
     "withdrawn"),
    # a person withdrawn is no state taken out
    (_JCPOA + "Iran withdrew Ambassador Smith in 2018.", "withdrawn"),
    # a gerund with its own object, a signing of something else
    (_ABRAHAM + "Signing the decree, Trump praised Israel.", "signed"),
    (_ABRAHAM + "The signing of the decree took a minute.", "signed"),
    ("The US signed a decree and withdrew from the treaty.", "signed"),
    # "plans to sign" arranges a signing; "the deal" already exists
    ("Vietnam plans to sign a defence pact with Australia.", "proposed"),
    ("Ukraine is ready to sign the minerals deal with Washington.", "proposed"),
    # "close to a deal", a dispute settled, a border closed
    ("The two sides are close to a deal on a ceasefire.", "negotiated"),
    ("The court settled the dispute under the treaty.", "negotiated"),
    ("Turkey closed the border after the ceasefire collapsed.", "negotiated"),
    # a plan unveiled proposes, it reaches no deal
    ("Biden unveiled a three-phase ceasefire plan for Gaza in May 2024.", "negotiated"),
])
def test_stage_not_read(text, absent):
    assert absent not in {k[0] for k in keys(extract(text))}


@pytest.mark.parametrize("text, stage, party", [
    # signatories that only met, "followed the US out of" is no second signing
    ("The treaty's signatories met in Vienna, including Mexico.", "signed", "MEX"),
    (_SKIES + "Russia followed the US out of the treaty in 2021.", "signed", None),
])
def test_party_not_given(text, stage, party):
    agreements = extract(text)
    if party is None:  # the stage only from the first sentence, dated 1992
        assert all(s.date == "1992" for a in agreements for s in a.stages if s.stage == stage)
    else:
        assert (stage, party, "asserted") not in keys(agreements)


@pytest.mark.parametrize("text, stage, date", [
    # a bare year inside the agreement's noun phrase dates the agreement, not the exit
    ("Trump withdrew the United States from the landmark 2015 Iran nuclear deal in May 2018.",
     "withdrawn", "2018-05"),
    ("The US withdrew from the Obama-era landmark 2015 nuclear deal with Iran in 2018.",
     "withdrawn", "2018"),
])
def test_stage_date(text, stage, date):
    assert {s.date for a in extract(text) for s in a.stages if s.stage == stage} == {date}
