"""Standing relations, sixth round: a listing as a state sponsor of terrorism (on a list, put
back on it, taken off it), a share in a body's work frozen (still a member) and a
membership suspended or given up (no longer one), the host of troops or bases given as
"the capital" or "his country" and the recipient of goods sent "to the country", a
withdrawal ordered by a state that gave another the time to leave, and wars ended (by a
verb in the past, by a relative clause on the war, by a span of years) against wars whose
end is still ahead. Every text was written for these tests, in other wording and with
other states than any benchmark text."""

from __future__ import annotations

import pytest

from tests.test_relations import assert_row_absent, assert_rows_present, coded_rows
from tests.test_relations import extractor  # noqa: F401 - the rules alone

pytestmark = pytest.mark.slow


# (text, rows that must all be present; symmetric pairs sorted)
PRESENT = [
    # listed as a sponsor of terrorism: the lister qualifies the list or puts the state on it
    ("Iran remains on the American list of state sponsors of terrorism.",
     {("sanctions", "USA", "IRN", "asserted")}),
    ("Syria has been on the State Department's terrorism list since 1979.",
     {("sanctions", "USA", "SYR", "asserted")}),
    ("The United States returned North Korea to its terrorism blacklist in 2017.",
     {("sanctions", "USA", "PRK", "asserted")}),
    # taken off the list: the sanction ends
    ("Washington took Cuba off its list of state sponsors of terrorism in 2015.",
     {("sanctions", "USA", "CUB", "negated")}),
    # a share in the work frozen or suspended: still a member
    ("Belarus has frozen its participation in the Commonwealth of Independent States.",
     {("membership", "BLR", "CIS", "asserted")}),
    ("Mali suspended its participation in the African Union last year.",
     {("membership", "MLI", "AU", "asserted")}),
    # the membership itself suspended or ended: no longer a member
    ("Kyrgyzstan has suspended its membership of the Commonwealth of Independent States, officials said.",
     {("membership", "KGZ", "CIS", "negated")}),
    ("Georgia ended its membership in the Commonwealth of Independent States in 2009.",
     {("membership", "GEO", "CIS", "negated")}),
    # the host as "the capital" or as the speaker's country
    ("Djibouti renewed the lease last year. About 180 Japanese troops are stationed near the capital.",
     {("military_presence", "JPN", "DJI", "asserted")}),
    ("Gabonese President Brice Oligui Nguema said the presence of French bases in his country would be "
     "reviewed.",
     {("military_presence", "FRA", "GAB", "intended")}),
    # the state given the time to leave is the one whose troops are there
    ("Chad gave Germany two months to withdraw its soldiers from the country.",
     {("military_presence", "DEU", "TCD", "asserted")}),
    # goods sent "to the country": the state the story is about, even when the resolver read
    # "the country" as the sender's own
    ("Mali's junta expelled the French ambassador in January. Russia later sent attack helicopters "
     "and air defence equipment to the country.",
     {("arms_supply", "RUS", "MLI", "asserted")}),
    # wars ended: by a verb in the past, in a relative clause on the war, by a span of years
    ("The 1988 ceasefire ended the war between Iran and Iraq.",
     {("armed_conflict", "IRN", "IRQ", "negated")}),
    ("A 2000 peace deal ended the border war in which Ethiopian troops fought Eritrean forces.",
     {("armed_conflict", "ERI", "ETH", "negated")}),
    ("Greece and Turkey fought a war from 1919 to 1922.",
     {("armed_conflict", "GRC", "TUR", "negated")}),
    # an end still ahead: the war goes on
    ("The peace plan is meant to end the war between Sudan and South Sudan.",
     {("armed_conflict", "SDN", "SSD", "asserted")}),
    ("Negotiators said a treaty that would end the war between Peru and Ecuador was ready.",
     {("armed_conflict", "ECU", "PER", "asserted")}),
]


@pytest.mark.parametrize("text, expected", PRESENT)
def test_relation_present(extractor, text, expected):
    assert_rows_present(coded_rows(extractor, text, short=True), expected)


# (text, a row prefix that must not be coded)
ABSENT = [
    # "there" after a list of owners is no host for a base: not the list's last member
    ("Bahrain hosts naval bases of the United States, Britain and France. India opened a base there in 2020.",
     ("military_presence", "IND", "FRA")),
    # a visit sent "to the country" carries no goods
    ("Mali's junta expelled the French ambassador in January. Russia later sent a delegation to the country.",
     ("arms_supply",)),
    # a share in talks is no membership
    ("Poland's participation in the talks was welcomed.", ("membership",)),
    # the listed state asking to be taken off is no lister
    ("Venezuela says Washington should take it off its terrorism list.", ("sanctions", "VEN")),
    # a participle "ending" the fighting is left as it was read before: not negated
    ("Chile and Bolivia signed a statement ending weeks of fighting along their border.",
     ("armed_conflict", "BOL", "CHL", "negated")),
    # the end of a war still ahead is no end
    ("The peace plan is meant to end the war between Sudan and South Sudan.",
     ("armed_conflict", "SDN", "SSD", "negated")),
]


@pytest.mark.parametrize("text, row", ABSENT)
def test_relation_absent(extractor, text, row):
    assert_row_absent(coded_rows(extractor, text, short=True), row)
