"""Actor dictionary (data files, loader, user files) and resolver.

Resolver unit tests run on hand-built ParsedDoc objects (``make_doc`` below); the tests
marked slow use the real spaCy model with the dictionary's entity-ruler patterns.
"""

from __future__ import annotations

import re
from pathlib import Path

import pycountry
import pytest

import dyad.actors.dictionary as dictionary_module
from dyad.actors.dictionary import build_bundled, load_dictionary, pattern_variants
from dyad.actors.resolve import collect_actors, resolve_actors, resolve_country_surface
from dyad.errors import ConfigError
from dyad.nlp.parsed import Entity, ParsedDoc, Sentence, Token

DOCS = Path(__file__).resolve().parents[1] / "docs" / "actors.md"

# The 193 UN member states (ISO 3166-1 alpha-3).
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA
BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK
COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD
GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ
LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG
MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL
PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF
SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR
USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()


# -- hand-built parses ---------------------------------------------------------------------
_MARK = re.compile(r"\[([^\]]+)\]\(([A-Z_]+)(?:=([^)]+))?\)")
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|['\u2019]s\b|\w+(?:['\u2019](?!s\b)\w+)*|[^\w\s]")


def make_doc(marked: str, doc_id: str = "d1") -> ParsedDoc:
    """A ParsedDoc from text with entities marked ``[text](LABEL)`` or
    ``[text](LABEL=entry_key)``; tokens split on words and punctuation (possessive 's
    apart, as spaCy does), sentences at . ! ? before a capital. No dependency parse."""
    text, marks, pos = "", [], 0
    for m in _MARK.finditer(marked):
        text += marked[pos:m.start()]
        start = len(text)
        text += m.group(1)
        marks.append((start, len(text), m.group(2), m.group(3) or ""))
        pos = m.end()
    text += marked[pos:]
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    bounds, first = [], 0
    for i, (a, b) in enumerate(spans):
        if text[a:b] in ".!?" and (i + 1 == len(spans) or text[spans[i + 1][0]].isupper()):
            bounds.append((first, i + 1))
            first = i + 1
    if first < len(spans):
        bounds.append((first, len(spans)))
    sent_of = {i: si for si, (a, b) in enumerate(bounds) for i in range(a, b)}
    tokens = tuple(
        Token(i=i, text=text[a:b], start=a, end=b, lemma=text[a:b].lower(),
              pos="PROPN" if text[a].isupper() else "NOUN", tag="NNP" if text[a].isupper() else "NN",
              dep="", head=i, sent=sent_of[i], is_punct=not text[a].isalnum())
        for i, (a, b) in enumerate(spans))
    sentences = tuple(
        Sentence(i=si, start=spans[a][0], end=spans[b - 1][1], text=text[spans[a][0]:spans[b - 1][1]],
                 token_start=a, token_end=b, parsed=False)
        for si, (a, b) in enumerate(bounds))
    entities = []
    for start, end, label, entry in marks:
        ts = next(i for i, (a, _) in enumerate(spans) if a >= start)
        te = max(i for i, (_, b) in enumerate(spans) if b <= end) + 1
        entities.append(Entity(text=text[start:end], start=start, end=end, label=label,
                               token_start=ts, token_end=te, entry=entry))
    return ParsedDoc(doc_id=doc_id, text=text, tokens=tokens, sentences=sentences,
                     entities=tuple(entities))


@pytest.fixture(scope="module")
def d():
    return load_dictionary()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


PEOPLE_YAML = """\
holders:
  - name: Jane Roe
    country: FRA
    sector: GOV
    role: foreign_minister
    start: 2030-01-01
    end: 2031-12-31
  - name: Jane Roe
    country: FRA
    sector: LEG
    role: speaker
    start: 2032-01-01
  - name: Tomas Quill
    aliases: [Tom Quill]
    country: CHL
    sector: GOV
    role: head_of_state
    start: 2030-03-11
    end: 2034-03-11
"""


@pytest.fixture(scope="module")
def people(tmp_path_factory):
    """The bundled dictionary plus fictional office holders (independent of the bundled
    office_holders.tsv, which another table owner maintains)."""
    path = write(tmp_path_factory.mktemp("people"), "people.yaml", PEOPLE_YAML)
    return load_dictionary([path])


def resolved(doc_text: str, dictionary, date: str | None = None) -> list[tuple]:
    return [(m.text, m.actor.actor_id, m.actor.country, m.actor.sector)
            for m in resolve_actors(make_doc(doc_text), dictionary, doc_date=date)]


# -- data files ----------------------------------------------------------------------------
def test_all_193_un_members_and_both_observers_are_present(d):
    assert len(set(UN_MEMBERS)) == 193
    members = {c.iso3 for c in d.countries.values() if c.status == "member"}
    assert members == set(UN_MEMBERS)
    assert {c.iso3 for c in d.countries.values() if c.status == "observer"} == {"VAT", "PSE"}


def test_every_code_is_iso_or_a_documented_dyad_code(d):
    docs = DOCS.read_text(encoding="utf-8")
    for c in d.countries.values():
        if pycountry.countries.get(alpha_3=c.iso3) is None:
            assert c.iso3.startswith("X") and "assigned" in c.note, c.iso3
            assert c.iso3 in docs, f"{c.iso3} is not documented in docs/actors.md"


@pytest.mark.parametrize("surface, country, sector", [
    ("Abkhazia", "GEO", "PRE"), ("South Ossetia", "GEO", "PRE"), ("Transnistria", "MDA", "PRE"),
    ("Northern Cyprus", "CYP", "PRE"), ("Somaliland", "SOM", "PRE"), ("Western Sahara", "MAR", "PRE"),
    ("Sahrawi Republic", "MAR", "PRE"), ("Kosovo", "XKX", None), ("Taiwan", "TWN", None),
    ("Palestine", "PSE", None), ("Holy See", "VAT", None), ("Greenland", "DNK", None),
    ("Hong Kong", "HKG", None),
])
def test_contested_and_folded_entities(d, surface, country, sector):
    entry = d.lookup(surface)[0]
    assert (entry.country, entry.sector) == (country, sector)


def test_no_surface_names_two_entities_unless_documented(d):
    assert d.conflicts() == []


@pytest.mark.parametrize("surface, iso3", [
    ("Czechia", "CZE"), ("the Czech Republic", "CZE"), ("Ivory Coast", "CIV"),
    ("Côte d'Ivoire", "CIV"), ("Cote d\u2019Ivoire", "CIV"), ("Burma", "MMR"),
    ("Swaziland", "SWZ"), ("Holland", "NLD"), ("Emirati", "ARE"), ("Filipino", "PHL"),
    ("Azeri", "AZE"), ("Azerbaijani", "AZE"), ("Chinese", "CHN"), ("French", "FRA"),
    ("The U.S.", "USA"), ("US", "USA"), ("Brazil's", "BRA"), ("Israelis", "ISR"),
    ("Soviet Union", "RUS"), ("Türkiye", "TUR"), ("Transnistria", "MDA"), ("Congo", "COD"),
    ("Korea", "KOR"), ("Congolese", "COD"), ("Korean", None), ("Paris", None),
    ("Atlantis", None),
])
def test_resolve_country_surface(surface, iso3):
    assert resolve_country_surface(surface) == iso3


@pytest.mark.parametrize("surface, key", [
    ("the Kremlin", "RUS:metonym"), ("Downing Street", "GBR:metonym"), ("Zhongnanhai", "CHN:metonym"),
    ("Quai d'Orsay", "FRA:metonym"), ("Foggy Bottom", "USA:metonym"), ("Whitehall", "GBR:metonym"),
    ("Elysee", "FRA:metonym"), ("Tokyo", "JPN:capital"), ("Brasilia", "BRA:capital"),
    ("Djibouti", "DJI"),  # the country outranks its capital of the same name
])
def test_capitals_and_seats_of_power(d, surface, key):
    assert [e.key for e in d.lookup(surface)] == [key]


def test_cameo_codes_map_to_iso(d):
    assert d.cameo_codes()["ITL"] == "ITA" and d.cameo_codes()["JAP"] == "JPN"
    assert all(iso in d.countries for iso in d.cameo_codes().values())


@pytest.mark.parametrize("surface, key, country, sector", [
    ("Sejm", "inst.sejm", "POL", "LEG"), ("Verkhovna Rada", "inst.rada", "UKR", "LEG"),
    ("Lok Sabha", "inst.loksabha", "IND", "LEG"), ("Knesset", "inst.knesset", "ISR", "LEG"),
    ("State Duma", "inst.duma", "RUS", "LEG"), ("Bundestag", "inst.bundestag", "DEU", "LEG"),
    ("National People's Congress", "inst.npc", "CHN", "LEG"), ("Dáil", "inst.dail", "IRL", "LEG"),
    ("Pentagon", "inst.pentagon", "USA", "MIL"), ("IDF", "inst.idf", "ISR", "MIL"),
    ("Reuters", "org.reuters", "GBR", "JRN"), ("Xinhua", "org.xinhua", "CHN", "JRN"),
    ("KCNA", "org.kcna", "PRK", "JRN"), ("NATO", "IGO.NATO", None, "MIL"),
    ("OSCE Minsk Group", "IGO.MINSKGROUP", None, None), ("CSTO", "IGO.CSTO", None, "MIL"),
    ("International Court of Justice", "IGO.ICJ", None, "JUD"), ("Hamas", "group.hamas", "PSE", "REB"),
    ("Islamic State", "group.isis", None, "REB"), ("Wagner Group", "group.wagner", "RUS", "PRM"),
    ("Polisario Front", "group.polisario", "MAR", "PRE"),
])
def test_institutions(d, surface, key, country, sector):
    entry = d.lookup(surface)[0]
    assert (entry.key, entry.country, entry.sector) == (key, country, sector)


def test_non_state_codes_of_igos_and_transnational_groups(d):
    assert d.lookup("NATO")[0].code == "IGO"
    assert d.lookup("al-Qaeda")[0].code == "IMG"


@pytest.mark.parametrize("date, sector", [("2019-05-01", "REB"), ("2023-05-01", "GOV")])
def test_dated_institution_follows_the_document_date(d, date, sector):
    assert d.entry("group.taliban", date).sector == sector


def test_titles_and_bodies_use_plover_sectors(d):
    assert {t.sector for t in d.titles if t.sector} <= set(d.sectors)
    assert {b.sector for b in d.bodies} <= set(d.sectors)
    assert {"GOV", "MIL", "LEG", "JUD", "PRE", "JRN"} <= set(d.sectors)


@pytest.mark.parametrize("phrase, table, sector", [
    ("defence minister", "title", "GOV"), ("Secretary of Defense", "title", "GOV"),
    ("defense ministry", "body", "MIL"), ("Ministry of Defence", "body", "MIL"),
    ("foreign ministry", "body", "GOV"), ("External Affairs Minister", "title", "GOV"),
    ("Speaker", "title", "LEG"), ("lawmaker", "title", "LEG"), ("Chief Justice", "title", "JUD"),
    ("Admiral", "title", "MIL"), ("police", "body", "COP"), ("central bank", "body", "GOV"),
])
def test_sector_decisions(d, phrase, table, sector):
    found = d.title_for(phrase) if table == "title" else d.body_for(phrase)
    assert found is not None and found.sector == sector


def test_ruler_patterns(d):
    patterns = d.ruler_patterns()
    assert all(set(p) <= {"label", "pattern", "id"} for p in patterns)
    by_text = {p["pattern"]: p for p in patterns}
    assert by_text["Brazilian"] == {"label": "NORP", "pattern": "Brazilian", "id": "BRA:demonym"}
    assert by_text["Kremlin"]["label"] == "FAC" and by_text["Sejm"]["label"] == "ORG"
    assert by_text["Cote d'Ivoire"]["id"] == by_text["Côte d\u2019Ivoire"]["id"] == "CIV"
    assert by_text["Congo"]["id"] == "COD"  # an ambiguous name goes in with its default
    assert by_text["Congolese"]["id"] == "COD:demonym" and "Victoria" not in by_text
    assert "id" not in by_text["South China Sea"]
    assert all(d.entry(p["id"]) is not None for p in patterns if "id" in p)


def test_pattern_variants():
    assert pattern_variants("the White House") == ["WHITE HOUSE", "White House"]
    assert "Elysee" in pattern_variants("Élysée") and "Al-Shabaab" in pattern_variants("al-Shabaab")


def test_bundled_dictionary_is_cached():
    assert load_dictionary() is load_dictionary()


# -- office holders ------------------------------------------------------------------------
@pytest.mark.parametrize("date, sector, role", [
    ("2030-06-01", "GOV", "foreign_minister"), ("2033-06-01", "LEG", "speaker"),
])
def test_office_holders_are_chosen_by_date(people, date, sector, role):
    (holder,) = people.office_holders("Jane Roe", date)
    assert (holder.sector, holder.role) == (sector, role)


def test_office_holders_outside_any_term(people):
    assert people.office_holders("Jane Roe", "2029-06-01") == []
    assert len(people.office_holders("jane roe")) == 2


def _with_table(monkeypatch, name: str, text: str | None) -> None:
    real = dictionary_module._read_data
    monkeypatch.setattr(dictionary_module, "_read_data",
                        lambda n: text if n == name else real(n))


@pytest.mark.parametrize("missing, name", [
    ("office_holders.tsv", "Luis Petri"), ("office_holders_historical.tsv", "Boris Yeltsin"),
])
def test_missing_office_holder_table_is_tolerated(monkeypatch, missing, name):
    assert load_dictionary().office_holders(name)
    _with_table(monkeypatch, missing, None)
    assert build_bundled().office_holders(name) == []


def test_partial_office_holder_table_is_read(monkeypatch):
    _with_table(monkeypatch, "office_holders.tsv",
                "name\tcountry\tsector\trole\tstart\nAnna Test\tNOR\tGOV\tspeaker\t2020-02-01\n")
    (holder,) = build_bundled().office_holders("Anna Test", "2021-01-01")
    assert holder.source == "office_holders.tsv:2" and holder.end is None


@pytest.mark.parametrize("table, text, message", [
    ("office_holders.tsv", "name\tcountry\tsector\trole\tstart\tend\nA B\tFRA\tGOV\tspeaker\t2020-01-01\t2019-01-01\n",
     "office_holders.tsv:2: end date 2019-01-01 is before start date 2020-01-01"),
    ("office_holders.tsv", "name\tcountry\tsector\trole\tstart\nA B\tXYZ\tGOV\tspeaker\t2020-01-01\n",
     "office_holders.tsv:2: unknown country code 'XYZ'"),
    ("institutions.tsv", "key\tname\tkind\tcountry\tsector\nfoo\tFoo\tgroup\tFRA\tINS\n",
     "institutions.tsv:2: unknown sector 'INS'"),
    ("countries.tsv", "iso3\tname\tstatus\nFRA\tFrance\tempire\n", "countries.tsv:2: unknown status"),
])
def test_bad_bundled_rows_are_refused_with_file_line_and_fix(monkeypatch, table, text, message):
    _with_table(monkeypatch, table, text)
    with pytest.raises(ConfigError) as err:
        build_bundled()
    assert message in str(err.value) and "fix:" in str(err.value)


# -- user files ----------------------------------------------------------------------------
USER_YAML = """\
actors:
  - name: Northern Alliance Council
    aliases: [NAC]
    kind: group
    country: AFG
    sector: REB
  - name: Reuters
    kind: organisation
    country: USA
    sector: JRN
aliases:
  - alias: Blighty
    country: GBR
  - alias: the Atlantic alliance
    key: IGO.NATO
places:
  - name: Camp Lemonnier
    country: DJI
    lat: 11.55
    lon: 43.15
    feature: site
"""


def test_user_yaml_adds_and_overrides(tmp_path):
    d = load_dictionary([write(tmp_path, "mine.yaml", USER_YAML)])
    assert d.problems == ()
    assert d.lookup("NAC")[0].key == "group.northern-alliance-council"
    assert d.lookup("Reuters")[0].country == "USA"  # overrides the bundled GBR row
    assert d.lookup("Blighty")[0].country == "GBR"
    assert d.lookup("Atlantic alliance")[0].key == "IGO.NATO"
    assert d.places[0].name == "Camp Lemonnier" and d.places[0].source == "mine.yaml:17"
    assert load_dictionary().lookup("Reuters")[0].country == "GBR"  # bundled copy untouched


BAD_YAML = """\
actors:
  - name: Good Group
    kind: group
    country: FRA
  - name: Bad Country
    kind: group
    country: XXX
  - name: Bad Sector
    kind: group
    country: FRA
    sector: INS
holders:
  - name: Late Starter
    country: FRA
    sector: GOV
    role: speaker
    start: 2020-01-01
    end: 2019-01-01
  - just a string
aliases:
  - alias: Nowhere
    key: IGO.NOPE
"""


def test_bad_user_rows_are_reported_with_line_and_skipped(tmp_path):
    d = load_dictionary([write(tmp_path, "bad.yaml", BAD_YAML)])
    problems = {p.source: p.message for p in d.problems}
    assert set(problems) == {"bad.yaml:5", "bad.yaml:8", "bad.yaml:13", "bad.yaml:19", "bad.yaml:21"}
    assert "unknown country code 'XXX'" in problems["bad.yaml:5"]
    assert "unknown sector 'INS'" in problems["bad.yaml:8"]
    assert "end date 2019-01-01 is before start date 2020-01-01" in problems["bad.yaml:13"]
    assert "unknown key 'IGO.NOPE'" in problems["bad.yaml:21"]
    assert d.lookup("Good Group") and not d.lookup("Bad Country")


def test_user_csv_rows(tmp_path):
    text = ("type,name,aliases,kind,country,sector,role,start,end\n"
            "actor,Blue Militia,Blues|Blue Men,group,COL,PRM,,,\n"
            "holder,Rosa Vega,,,COL,GOV,foreign_minister,2031-01-01,\n"
            "spaceship,Enterprise,,,,,,,\n"
            "holder,Bad Date,,,COL,GOV,speaker,2031-13-01,\n")
    d = load_dictionary([write(tmp_path, "mine.csv", text)])
    assert d.lookup("Blue Men")[0].sector == "PRM"
    assert d.office_holders("Rosa Vega", "2031-06-01")[0].role == "foreign_minister"
    assert [p.source for p in d.problems] == ["mine.csv:4", "mine.csv:5"]
    assert "unknown row type 'spaceship'" in d.problems[0].message


@pytest.mark.parametrize("name, text, message", [
    ("broken.yaml", "actors:\n  - name: [unclosed\n", "broken.yaml:"),
    ("top.yaml", "- just\n- a list\n", "top level must be a mapping"),
    ("section.yaml", "leaders:\n  - name: X\n", "unknown section 'leaders'"),
    ("notype.csv", "name,country\nX,FRA\n", "no 'type' column"),
    ("mine.json", "{}", "unknown extension"),
])
def test_unreadable_user_files_are_refused(tmp_path, name, text, message):
    with pytest.raises(ConfigError) as err:
        load_dictionary([write(tmp_path, name, text)])
    assert message in str(err.value) and "fix:" in str(err.value)


def test_missing_user_file_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_dictionary([tmp_path / "nope.yaml"])


# -- resolver ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("[Paris](GPE) said it would respond.", [("Paris", "FRA.GOV", "FRA", "GOV")]),
    ("Talks in [Paris](GPE) ended.", [("Paris", "FRA", "FRA", None)]),
    ("[France](GPE) said no.", [("France", "FRA", "FRA", None)]),
    ("[The White House](FAC) said no.", [("The White House", "USA.GOV", "USA", "GOV")]),
    ("The [Kremlin](FAC) said no.", [("Kremlin", "RUS.GOV", "RUS", "GOV")]),
    ("The [Polish](NORP) [Sejm](ORG) voted.", [("Polish Sejm", "POL.LEG", "POL", "LEG")]),
    ("[French](NORP) troops left.", [("French troops", "FRA.MIL", "FRA", "MIL")]),
    ("The [Greek](NORP) parliament met.", [("Greek parliament", "GRC.LEG", "GRC", "LEG")]),
    ("[Brazil](GPE)'s foreign ministry said.", [("Brazil's foreign ministry", "BRA.GOV", "BRA", "GOV")]),
    ("The parliament of [Norway](GPE) met.", [("parliament of Norway", "NOR.LEG", "NOR", "LEG")]),
    ("The [Russian](NORP) defence ministry said.", [("Russian defence ministry", "RUS.MIL", "RUS", "MIL")]),
    ("[Brazilian](NORP) Foreign Minister [Ana Nobody](PERSON) spoke.",
     [("Brazilian Foreign Minister Ana Nobody", "person.ana-nobody", "BRA", "GOV")]),
    ("[Lok Sabha](ORG) Speaker [Ravi Nobody](PERSON) spoke.",
     [("Lok Sabha Speaker Ravi Nobody", "person.ravi-nobody", "IND", "LEG")]),
    ("[U.S.](GPE) Secretary of State [Sam Nobody](PERSON) flew.",
     [("U.S. Secretary of State Sam Nobody", "person.sam-nobody", "USA", "GOV")]),
    ("[Seoul](GPE) and [Tokyo](GPE) agreed.",
     [("Seoul", "KOR.GOV", "KOR", "GOV"), ("Tokyo", "JPN.GOV", "JPN", "GOV")]),
    ("Talks in [Seoul](GPE) and [Tokyo](GPE) ended.",
     [("Seoul", "KOR", "KOR", None), ("Tokyo", "JPN", "JPN", None)]),
    ("[French](NORP) and [German](NORP) troops advanced.",
     [("French", "FRA.MIL", "FRA", "MIL"), ("German troops", "DEU.MIL", "DEU", "MIL")]),
    ("[NATO](ORG) said. [UN](ORG) peacekeepers left.",
     [("NATO", "IGO.NATO", None, "MIL"), ("UN peacekeepers", "IGO.UN.MIL", None, "MIL")]),
    ("[Hamas](ORG) spokesman [Abu Nobody](PERSON) said.",
     [("Hamas spokesman Abu Nobody", "person.abu-nobody", "PSE", "REB")]),
    ("[Kofi Nobody](PERSON), [UN](ORG) secretary-general, spoke.",
     [("Kofi Nobody, UN secretary-general", "person.kofi-nobody", None, "GOV")]),
    ("[Tom Nobody](PERSON), [Brazil](GPE)'s foreign minister, spoke.",
     [("Tom Nobody, Brazil's foreign minister", "person.tom-nobody", "BRA", "GOV")]),
    ("Former Prime Minister [Old Nobody](PERSON) spoke.",
     [("Prime Minister Old Nobody", "person.old-nobody", None, "ELI")]),
    ("[Montenegro Assembly](ORG) voted.", [("Montenegro Assembly", "MNE.LEG", "MNE", "LEG")]),
    ("[Serbian Workers' Union](ORG) struck.",
     [("Serbian Workers' Union", "org.serbian-workers-union", "SRB", "LAB")]),
    ("[Ivory Coast's Supreme Court](ORG) ruled.",
     [("Ivory Coast's Supreme Court", "CIV.JUD", "CIV", "JUD")]),
    ("[Acme Widgets](ORG) said.", [("Acme Widgets", "org.acme-widgets", None, None)]),
    ("[Abkhazia](GPE) said. The [Abkhaz](NORP) government said.",
     [("Abkhazia", "XAB", "GEO", "PRE"), ("Abkhaz government", "XAB.GOV", "GEO", "PRE")]),
    ("[Congo](GPE) and [Brazzaville](GPE) agreed.",
     [("Congo", "COG", "COG", None), ("Brazzaville", "COG.GOV", "COG", "GOV")]),
    ("[Congolese](NORP) troops fought.", [("Congolese troops", "COD.MIL", "COD", "MIL")]),
    ("[Brazzaville](GPE) said. [Congolese](NORP) troops fought.",
     [("Brazzaville", "COG.GOV", "COG", "GOV"), ("Congolese troops", "COG.MIL", "COG", "MIL")]),
    ("[Brussels](GPE) warned. Talks in [Brussels](GPE) ended.",
     [("Brussels", "IGO.EU", None, None), ("Brussels", "BEL", "BEL", None)]),
    ("The [Paris](GPE) Agreement holds.", []),
    ("The [South China Sea](LOC) is tense.", []),
    ("[Palestinians](NORP) protested.", [("Palestinians", "PSE", "PSE", None)]),
    ("The Taoiseach said.", [("Taoiseach", "IRL.GOV", "IRL", "GOV")]),
])
def test_resolve(d, text, expected):
    assert resolved(text, d) == expected


def test_apposition_does_not_take_the_next_person_s_title(d):
    got = resolved("[Ana Nobody](PERSON), the [Chinese](NORP) foreign minister [Wang Nobody](PERSON), "
                   "spoke.", d)
    assert got == [("Ana Nobody", "person.ana-nobody", None, None),
                   ("Chinese foreign minister Wang Nobody", "person.wang-nobody", "CHN", "GOV")]


def test_title_and_name_make_one_mention_with_a_reason(d):
    (m,) = resolve_actors(make_doc("[Brazilian](NORP) Foreign Minister [Ana Nobody](PERSON) spoke."),
                          d, doc_date=None)
    assert m.actor.kind == "person" and m.role == "foreign_minister" and m.code == "BRA"
    assert re.search(r"countries\.tsv:\d+ demonym 'Brazilian' \+ titles\.tsv:\d+ title "
                     r"'Foreign Minister' -> BRA GOV$", m.reason), m.reason


def test_later_surname_links_to_the_full_mention(d):
    ms = resolve_actors(make_doc("[Chilean](NORP) Foreign Minister [Ana Nobody](PERSON) spoke. "
                                 "Later [Nobody](PERSON) left."), d, doc_date=None)
    assert [m.text for m in ms] == ["Chilean Foreign Minister Ana Nobody", "Nobody"]
    assert ms[0].actor == ms[1].actor and ms[1].actor.country == "CHL"
    assert "same person as" in ms[1].reason


def test_two_people_with_one_surname_are_not_linked(d):
    ms = resolve_actors(make_doc("[Ana Nobody](PERSON) and [Ben Nobody](PERSON) met. "
                                 "[Nobody](PERSON) left."), d, doc_date=None)
    assert ms[2].actor.actor_id == "person.nobody"


@pytest.mark.parametrize("date, expected", [
    ("2030-06-01", ("FRA", "GOV")), ("2033-06-01", ("FRA", "LEG")), (None, ("FRA", "LEG")),
])
def test_office_holder_resolved_by_document_date(people, date, expected):
    (m,) = resolve_actors(make_doc("[Jane Roe](PERSON) said."), people, doc_date=date)
    assert (m.actor.country, m.actor.sector) == expected and "office holder Jane Roe" in m.reason


def test_former_office_holder_is_eli_and_surname_alone_resolves(people):
    (m,) = resolve_actors(make_doc("[Tom Quill](PERSON) said."), people, doc_date="2036-01-01")
    assert (m.actor.actor_id, m.actor.country, m.actor.sector) == ("person.tomas-quill", "CHL", "ELI")
    (m,) = resolve_actors(make_doc("[Quill](PERSON) said."), people, doc_date="2031-01-01")
    assert (m.actor.actor_id, m.actor.sector) == ("person.tomas-quill", "GOV")


def test_title_country_wins_over_an_office_holder_of_another_country(people):
    (m,) = resolve_actors(make_doc("[Peruvian](NORP) Foreign Minister [Jane Roe](PERSON) said."),
                          people, doc_date="2030-06-01")
    assert (m.actor.country, m.actor.sector) == ("PER", "GOV") and "office holder" not in m.reason


def test_dictionary_entry_key_from_the_ruler_is_used(d):
    (m,) = resolve_actors(make_doc("[Mysteryland](GPE=FRA) said."), d, doc_date=None)
    assert m.actor.actor_id == "FRA"


def test_resolution_is_pure_and_repeatable(d):
    doc = make_doc("[Brazilian](NORP) Foreign Minister [Ana Nobody](PERSON) met [Paris](GPE) officials.")
    assert resolve_actors(doc, d, doc_date=None) == resolve_actors(doc, d, doc_date=None)


def test_collect_actors_groups_mentions(d):
    ms = resolve_actors(make_doc("[Paris](GPE) said. The [Élysée](FAC) agreed. [France](GPE) left."),
                        d, doc_date=None)
    actors = {a.actor_id: a for a in collect_actors(ms, "doc-1")}
    assert set(actors) == {"FRA.GOV", "FRA"}
    assert [m.text for m in actors["FRA.GOV"].mentions] == ["Paris", "Élysée"]
    assert actors["FRA.GOV"].mentions[0].doc_id == "doc-1" and actors["FRA.GOV"].mentions[0].reason


# -- a person's country from the context ---------------------------------------------------
@pytest.mark.parametrize("text, country", [
    # the title's country given after the name, or the only country in play
    ("President [Ana Nobody](PERSON) of [Algeria](GPE) spoke.", "DZA"),
    ("President [Ana Nobody](PERSON) said [Algeria](GPE) would not negotiate.", "DZA"),
    ("Foreign Minister [Ana Nobody](PERSON) spoke. [Algeria](GPE) will act.", "DZA"),
    ("Opposition leader [Ana Nobody](PERSON) said [Kenya](GPE) must change.", "KEN"),
    # two countries in play, a country that is someone else's, or only a place: no guess
    ("President [Ana Nobody](PERSON) said [Algeria](GPE) and [Mali](GPE) agreed.", None),
    ("Foreign Minister [Ana Nobody](PERSON) met his [Iranian](NORP) counterpart.", None),
    ("Foreign Minister [Ana Nobody](PERSON) met [Iranian](NORP) officials.", None),
    ("Foreign Minister [Ana Nobody](PERSON) met his counterpart from [Iran](GPE).", None),
    ("President [Ana Nobody](PERSON) arrived in [Algeria](GPE).", None),
    ("President [Ana Nobody](PERSON) spoke. [Algeria](GPE) and [Mali](GPE) agreed.", None),
    # roles that are as often abroad or at a tribunal keep no country
    ("Ambassador [Ana Nobody](PERSON) said [Iraq](GPE) would vote.", None),
    ("Prosecutor [Ana Nobody](PERSON) said [Sudan](GPE) had not cooperated.", None),
    ("General [Ana Nobody](PERSON) said [Afghanistan](GPE) was calm.", None),
])
def test_titled_person_takes_the_only_country_in_play(d, text, country):
    person = next(m for m in resolve_actors(make_doc(text), d, doc_date=None)
                  if m.actor.kind == "person")
    assert person.actor.country == country
    assert ("the only country named" in person.reason) == (country is not None and " of " not in text)


# -- later references to a person ----------------------------------------------------------
@pytest.mark.parametrize("later", [
    "[Nobody](PERSON) left.", "[Nobody](ORG) left.", "[Nobody](GPE)'s plan failed.",
    "Later Nobody left.", "Mr. [Nobody](PERSON) left.",
])
def test_later_surname_in_any_form_links_back(d, later):
    ms = resolve_actors(make_doc("[Chilean](NORP) Foreign Minister [Ana Nobody](PERSON) spoke. "
                                 + later), d, doc_date=None)
    assert [m.actor.actor_id for m in ms] == ["person.ana-nobody"] * 2
    assert (ms[1].actor.country, ms[1].actor.sector) == ("CHL", "GOV")


@pytest.mark.parametrize("text, expected", [
    ("[Abu Nobody](PERSON) of [Hamas](ORG) spoke.", ("PSE", "REB")),
    ("Spokesman [Abu Nobody](PERSON) of the [Knesset](ORG) spoke.", ("ISR", "LEG")),
    ("[Ana Nobody](PERSON) of [Chile](GPE) spoke.", ("CHL", None)),
])
def test_person_of_a_country_or_institution(d, text, expected):
    (m,) = resolve_actors(make_doc(text), d, doc_date=None)
    assert (m.actor.kind, m.actor.country, m.actor.sector) == ("person",) + expected


def test_particle_surname_links_back(d):
    ms = resolve_actors(make_doc("[Brazilian](NORP) Foreign Minister [Ana de Nobody](PERSON) spoke. "
                                 "[de Nobody](PERSON) left."), d, doc_date=None)
    assert ms[1].actor.actor_id == "person.ana-de-nobody" and ms[1].actor.country == "BRA"


def test_a_capitalised_word_is_not_linked_without_an_earlier_person(d):
    assert resolved("Later Nobody left.", d) == []


EAST_ASIA_YAML = """\
holders:
  - name: Wu Zhennan
    country: CHN
    sector: GOV
    role: foreign_minister
    start: 2031-01-01
"""


def test_surname_first_names_are_found_by_their_first_word(tmp_path):
    d = load_dictionary([write(tmp_path, "wu.yaml", EAST_ASIA_YAML)])
    (m,) = resolve_actors(make_doc("[Wu](PERSON) said."), d, doc_date="2032-01-01")
    assert (m.actor.actor_id, m.actor.country, m.actor.sector) == ("person.wu-zhennan", "CHN", "GOV")


@pytest.mark.parametrize("date, expected", [
    ("2031-01-01", ("person.tomas-quill", "CHL", "GOV")),  # in office
    ("2036-01-01", ("person.tomas-quill", "CHL", "ELI")),  # left office two years earlier
    ("2050-01-01", ("person.quill", None, None)),  # too long ago to guess from a surname
])
def test_surname_alone_in_and_after_office(people, date, expected):
    (m,) = resolve_actors(make_doc("[Quill](PERSON) said."), people, doc_date=date)
    assert (m.actor.actor_id, m.actor.country, m.actor.sector) == expected


# -- the historical office-holder layer ---------------------------------------------------
@pytest.mark.parametrize("name, date, expected", [
    ("Boris Yeltsin", "1995-06-01", ("RUS", "GOV")), ("Boris Yeltsin", "2003-06-01", ("RUS", "ELI")),
    ("Abdelaziz Bouteflika", "2001-01-01", ("DZA", "GOV")), ("Yasser Arafat", "1999-01-01", ("PSE", "GOV")),
    ("Condoleezza Rice", "2006-01-01", ("USA", "GOV")), ("Hosni Mubarak", "2012-01-01", ("EGY", "ELI")),
    ("Tony Blair", "2001-09-20", ("GBR", "GOV")), ("Kofi Annan", "2001-01-01", (None, "GOV")),
    ("Hassan Nasrallah", "2006-07-20", ("LBN", "REB")),
])
def test_historical_office_holders(d, name, date, expected):
    (m,) = resolve_actors(make_doc(f"[{name}](PERSON) said."), d, doc_date=date)
    assert (m.actor.country, m.actor.sector) == expected


def test_historical_layer_covers_the_most_reported_countries(d):
    heads = {"head_of_state", "head_of_government"}
    early = {h.country for h in d._parts.holders  # noqa: SLF001 - a data check
             if h.role in heads and h.start <= "2005-01-01" and h.source.startswith("office_holders_hist")}
    assert len(early) >= 60
    assert {"USA", "RUS", "CHN", "GBR", "FRA", "IRQ", "IRN", "ISR", "PSE", "SRB"} <= early


# -- places and groups ---------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The delegation flew to [Tokyo](GPE).", [("Tokyo", "JPN", "JPN", None)]),
    ("He returned from [Moscow](GPE).", [("Moscow", "RUS", "RUS", None)]),
    ("His visit to [Tokyo](GPE) ended.", [("Tokyo", "JPN", "JPN", None)]),
    ("The minister visited [Beijing](GPE).", [("Beijing", "CHN", "CHN", None)]),
    ("[Paris](GPE) sent a letter to [Tokyo](GPE).",
     [("Paris", "FRA.GOV", "FRA", "GOV"), ("Tokyo", "JPN.GOV", "JPN", "GOV")]),
    ("[Congolese](NORP) rebels attacked.", [("Congolese rebels", "COD.REB", "COD", "REB")]),
    ("[Iraqi](NORP) [Shiite](NORP) militias attacked.",
     [("Iraqi Shiite militias", "IRQ.PRM", "IRQ", "PRM")]),
    ("[Mexican](NORP) drug cartels killed ten.", [("Mexican drug cartels", "MEX.CRM", "MEX", "CRM")]),
    ("[Syrian](NORP) anti-government protesters marched.",
     [("Syrian anti-government protesters", "SYR.OPP", "SYR", "OPP")]),
    ("[Chechen](NORP) fighters attacked.", [("Chechen fighters", "RUS.REB", "RUS", "REB")]),
    ("[Yemeni](NORP) tribesmen kidnapped tourists.", [("Yemeni tribesmen", "YEM.CVL", "YEM", "CVL")]),
    ("Pro-[Russian](NORP) separatists fired.", []),
])
def test_places_and_non_state_groups(d, text, expected):
    assert resolved(text, d) == expected


# -- with the real model -------------------------------------------------------------------
@pytest.fixture(scope="module")
def nlp(d):
    from dyad.nlp.pipeline import NlpLayer
    return NlpLayer(d.ruler_patterns())


@pytest.mark.slow
@pytest.mark.parametrize("text, date, expected", [
    ("Brazilian Foreign Minister Mauro Vieira met his French counterpart in Paris. Vieira said "
     "Brazil would help.", "2024-03-01",
     {("Brazilian Foreign Minister Mauro Vieira", "BRA", "GOV"), ("Paris", "FRA", None),
      ("Vieira", "BRA", "GOV")}),
    ("The Polish Sejm voted on Tuesday.", None, {("Polish Sejm", "POL", "LEG")}),
    ("Lok Sabha Speaker Om Birla adjourned the house.", "2024-03-01",
     {("Lok Sabha Speaker Om Birla", "IND", "LEG")}),
    ("The White House and the Kremlin traded accusations.", None,
     {("White House", "USA", "GOV"), ("Kremlin", "RUS", "GOV")}),
    ("Seoul and Tokyo agreed to share intelligence, Yonhap reported.", None,
     {("Seoul", "KOR", "GOV"), ("Tokyo", "JPN", "GOV"), ("Yonhap", "KOR", "JRN")}),
    ("French troops left Mali as Brazil's foreign ministry protested.", None,
     {("French troops", "FRA", "MIL"), ("Mali", "MLI", None), ("Brazil's foreign ministry", "BRA", "GOV")}),
    ("President Abdelaziz Bouteflika said Algeria would not negotiate.", "1999-05-01",
     {("President Abdelaziz Bouteflika", "DZA", "GOV")}),
    ("President Joseph Kamau said Kenya would not negotiate.", None,
     {("President Joseph Kamau", "KEN", "GOV")}),
    ("President Joseph Kamau warned Uganda on Monday.", None,
     {("President Joseph Kamau", None, "GOV"), ("Uganda", "UGA", None)}),
    ("The delegation flew to Tokyo on Monday.", None, {("Tokyo", "JPN", None)}),
    ("Kenyan Foreign Minister Yusuf Kamau spoke. Kamau said the talks would go on.", None,
     {("Kamau", "KEN", "GOV")}),
])
def test_resolve_with_the_spacy_model(nlp, d, text, date, expected):
    doc = nlp.parse("slow", text)
    found = {(m.text, m.actor.country, m.actor.sector)
             for m in resolve_actors(doc, d, doc_date=date)}
    assert expected <= found


# -- IGO officials: a person with no country who acts for an IGO ---------------------------
def _people_of(doc_text: str, dictionary, date: str) -> list[tuple]:
    return [(m.text, m.actor.country, m.actor.affiliation)
            for m in resolve_actors(make_doc(doc_text), dictionary, doc_date=date)
            if m.actor.kind == "person"]


@pytest.mark.parametrize("text, date, expected", [
    ("[NATO](ORG=IGO.NATO) chief [Jens Stoltenberg](PERSON) warned allies.", "2020-03-01",
     ("NATO chief Jens Stoltenberg", None, "IGO.NATO")),
    ("[UN](ORG=IGO.UN) Secretary-General [Ban Ki-moon](PERSON) called for calm.", "2010-05-01",
     ("UN Secretary-General Ban Ki-moon", None, "IGO.UN")),
    ("[IAEA](ORG=IGO.IAEA) head [Rafael Grossi](PERSON) arrived.", "2023-01-10",
     ("IAEA head Rafael Grossi", None, "IGO.IAEA")),
    # no title in the sentence: the office-holder row's note names the IGO
    ("[Antonio Guterres](PERSON) urged a ceasefire.", "2020-03-01",
     ("Antonio Guterres", None, "IGO.UN")),
    # a former official no longer acts for the body
    ("Former [UN](ORG=IGO.UN) chief [Ban Ki-moon](PERSON) visited Seoul.", "2020-03-01",
     ("UN chief Ban Ki-moon", None, None)),
    # a state's official has a country and no affiliation
    ("[Brazilian](NORP=BRA:demonym) Foreign Minister [Mauro Vieira](PERSON) spoke.", "2024-01-10",
     ("Brazilian Foreign Minister Mauro Vieira", "BRA", None)),
])
def test_igo_officials_carry_their_affiliation(d, text, date, expected):
    found = _people_of(text, d, date)
    assert found[0][1:] == expected[1:] and expected[0] in found[0][0]


def test_a_later_surname_keeps_the_affiliation(d):
    text = "[NATO](ORG=IGO.NATO) chief [Jens Stoltenberg](PERSON) spoke. [Stoltenberg](PERSON) left."
    found = _people_of(text, d, "2020-03-01")
    assert [a for _, _, a in found] == ["IGO.NATO", "IGO.NATO"]


@pytest.mark.parametrize("affiliation, code, key", [
    ("IGO.UN", "UN", "IGO"), ("IGO.UNSC", "UN", "IGO"), ("IGO.NATO", "NATO", "IGO"),
    (None, "person", "NONSTATE"),
])
def test_scorers_credit_the_affiliation(affiliation, code, key):
    from dyad.eval.plover_gsr import actor_key
    from dyad.eval.report import ref_code
    from dyad.model import Actor

    actor = Actor(actor_id="person.x", name="X", kind="person", country=None, sector="GOV",
                  affiliation=affiliation)
    assert ref_code(actor) == code
    assert actor_key(actor.ref(), {"person.x": actor}) == key
    assert actor_key(actor.ref()) == "NONSTATE"  # a bare ref does not carry the affiliation


def test_a_person_with_a_country_scores_as_the_country():
    from dyad.eval.plover_gsr import actor_key
    from dyad.eval.report import ref_code
    from dyad.model import Actor

    actor = Actor(actor_id="person.y", name="Y", kind="person", country="BRA", sector="GOV",
                  affiliation="IGO.UN")
    assert ref_code(actor) == "BRA" and actor_key(actor.ref(), {"person.y": actor}) == "BRA"


# -- names the model does not tag PERSON; second offices; group and hardware nouns ----------
MORE_PEOPLE_YAML = """\
holders:
  - name: Otto Brannick
    country: NOR
    sector: GOV
    role: head_of_government
    start: 2030-01-01
    end: 2033-12-31
  - name: Otto Brannick
    country: NOR
    sector: OPP
    role: opposition
    start: 2034-01-01
  - name: Ines Varga-Lind
    country: HUN
    sector: GOV
    role: foreign_minister
    start: 2030-01-01
  - name: Paul May
    country: NZL
    sector: GOV
    role: head_of_state
    start: 2030-01-01
"""


@pytest.fixture(scope="module")
def more_people(tmp_path_factory):
    path = write(tmp_path_factory.mktemp("more"), "people.yaml", MORE_PEOPLE_YAML)
    return load_dictionary([path])


@pytest.mark.parametrize("text, date, expected", [
    # an untagged surname (a sentence the selector did not parse, or a model miss)
    ("Brannick said talks would resume.", "2031-05-01", ("person.otto-brannick", "NOR", "GOV")),
    # the model tagged the surname as an organisation
    ("[Brannick](ORG) said talks would resume.", "2031-05-01", ("person.otto-brannick", "NOR", "GOV")),
    # the full name untagged
    ("Otto Brannick said talks would resume.", "2031-05-01", ("person.otto-brannick", "NOR", "GOV")),
    # a second office: the sector follows the office held on the date, not "former"
    ("[Otto Brannick](PERSON) said talks would resume.", "2035-05-01",
     ("person.otto-brannick", "NOR", "OPP")),
    # a hyphenated surname is one word
    ("[Varga-Lind](PERSON) said talks would resume.", "2031-05-01",
     ("person.ines-varga-lind", "HUN", "GOV")),
])
def test_office_holder_names_resolve_by_date_however_tagged(more_people, text, date, expected):
    (m,) = resolve_actors(make_doc(text), more_people, doc_date=date)
    assert (m.actor.actor_id, m.actor.country, m.actor.sector) == expected, m.reason
    assert "office holder" in m.reason


@pytest.mark.parametrize("text, date", [
    ("Brannick said talks would resume.", "2020-05-01"),  # before any term: not a holder yet
    ("The vote is due in May.", "2031-05-01"),  # a month, not the surname of Paul May
    ("Talks in [Brannick](GPE) resumed.", "2031-05-01"),  # a place after "in"
])
def test_capitalised_words_that_are_not_office_holders(more_people, text, date):
    assert not [m for m in resolve_actors(make_doc(text), more_people, doc_date=date)
                if m.actor.kind == "person"]


@pytest.mark.parametrize("text, expected", [
    ("[Filipino](NORP) fishermen were detained.", ("PHL.CVL", "PHL", "CVL")),
    ("[Indian](NORP) fishermen were arrested.", ("IND.CVL", "IND", "CVL")),
    ("[American](NORP) tourists were evacuated.", ("USA.CVL", "USA", "CVL")),
    ("[Egyptian](NORP) businessmen met.", ("EGY.BUS", "EGY", "BUS")),
    ("[Iraqi](NORP) doctors protested.", ("IRQ.MED", "IRQ", "MED")),
    ("[Turkish](NORP) drones struck.", ("TUR.MIL", "TUR", "MIL")),
    ("[French](NORP) frigates sailed.", ("FRA.MIL", "FRA", "MIL")),
    ("[Russian](NORP) jets flew over.", ("RUS.MIL", "RUS", "MIL")),
    ("The [Royal Navy](ORG) sailed.", ("GBR.MIL", "GBR", "MIL")),
    ("The [Ethiopian National Defense Force](ORG) advanced.", ("ETH.MIL", "ETH", "MIL")),
    ("The [South Korean](NORP) unification minister spoke.", ("KOR.GOV", "KOR", "GOV")),
])
def test_group_nouns_hardware_and_named_forces(d, text, expected):
    (m,) = resolve_actors(make_doc(text), d, doc_date="2023-01-01")
    assert (m.actor.actor_id, m.actor.country, m.actor.sector) == expected, m.reason


@pytest.mark.parametrize("text, expected", [
    ("In [Nairobi](GPE), the [National Assembly](ORG) passed the bill.",
     ("National Assembly", "KEN.LEG", "KEN", "LEG")),
    ("[Kenya](GPE) faces a crisis. The [National Assembly](ORG) passed the bill.",
     ("National Assembly", "KEN.LEG", "KEN", "LEG")),
    ("In [Manila](GPE), the Supreme Court ruled.", ("Supreme Court", "PHL.JUD", "PHL", "JUD")),
])
def test_named_state_body_takes_the_country_named_before_it(d, text, expected):
    ms = [m for m in resolve_actors(make_doc(text), d, doc_date="2023-01-01") if m.actor.sector]
    assert [(m.text.removeprefix("the "), m.actor.actor_id, m.actor.country, m.actor.sector)
            for m in ms] == [expected]
    assert "country named" in ms[0].reason


@pytest.mark.parametrize("text", [
    "The [National Assembly](ORG) condemned [Israel](GPE).",  # a country it acts on
    "[Kenyan](NORP) and [Ugandan](NORP) officials met. The [National Assembly](ORG) voted.",
    "In [Kenya](GPE), the government fell.",  # generic lower-case bodies are left alone
])
def test_named_state_body_without_one_preceding_country_gets_none(d, text):
    ms = resolve_actors(make_doc(text), d, doc_date="2023-01-01")
    assert not [m for m in ms if m.actor.sector in ("LEG", "GOV") and "country named" in m.reason]


@pytest.mark.parametrize("surface, expected", [
    ("Gazprom", ("org.gazprom", "RUS", "BUS")), ("Huawei", ("org.huawei", "CHN", "BUS")),
    ("Wagner fighters", ("group.wagner", "RUS", "PRM")),
])
def test_companies_and_named_groups(d, surface, expected):
    (m,) = resolve_actors(make_doc(f"[{surface}](ORG) said."), d, doc_date="2023-01-01")
    assert (m.actor.actor_id, m.actor.country, m.actor.sector) == expected
