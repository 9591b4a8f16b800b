"""The gold-set scorers (dyad.eval): metrics, matching rules, reports, the CLI.

Unit tests feed each scorer a tiny gold file written here and a ``FakeExtractor`` that
stands in for ``dyad.pipeline.Extractor``: it returns hand-built ``Extraction``s keyed by
document text, so the scorers' matching rules are tested without spaCy. The slow tests run
the real pipeline over the first rows of the real gold files and check only that the
reports are well formed.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dyad.eval import agreements as ag_eval
from dyad.eval import actors as actors_eval
from dyad.eval import dates as dates_eval
from dyad.eval import modality as mod_eval
from dyad.eval.report import (PRF, Accuracy, accuracy, category, confusion,
                              confusion_markdown, find_span,
                              is_optional, is_state_or_igo, md_table, note_tags, overlap,
                              ref_code)
from dyad.model import (Actor, ActorRef, Agreement, Event, Evidence, Extraction, Location,
                        Mention, Relation, Stage)
from dyad.nlp.parsed import ParsedDoc, Sentence, Token
from tests.conftest import ROOT

GOLD = ROOT / "bench" / "gold"


class FakeExtractor:
    """Stands in for dyad.pipeline.Extractor: ``extract_documents`` returns the Extraction
    built by ``build(doc)`` (keyed on the text), ``nlp.parse`` a hand-built parse."""

    def __init__(self, build, parses=None):
        self.build, self.parses, self.calls = build, parses or {}, 0
        self.nlp = self

    def extract_documents(self, docs):
        self.calls += 1
        (doc,) = docs
        return self.build(doc)

    def parse(self, doc_id, text, *, body_start=0, full=False):
        return self.parses[text]


def write_tsv(path, header, rows):
    path.write_text("\n".join(["\t".join(header), *("\t".join(r) for r in rows)]) + "\n",
                    encoding="utf-8")
    return path


def ev(doc_id, text, start=0, end=None):
    end = len(text) if end is None else end
    return Evidence(doc_id=doc_id, start=start, end=end, text=text[start:end])


def ref(actor_id, country=None, sector=None):
    return ActorRef(actor_id=actor_id, name=actor_id, country=country, sector=sector)


# -- metrics ---------------------------------------------------------------------------
@pytest.mark.parametrize("tp,fp,fn,p,r,f1", [
    (3, 1, 2, 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35),
    (0, 0, 0, 0.0, 0.0, 0.0),
    (0, 4, 0, 0.0, 0.0, 0.0),
    (5, 0, 0, 1.0, 1.0, 1.0),
])
def test_prf(tp, fp, fn, p, r, f1):
    m = PRF(tp, fp, fn)
    assert (m.precision, m.recall) == pytest.approx((p, r))
    assert m.f1 == pytest.approx(f1)
    assert (m + PRF(1, 1, 1)).to_dict()["tp"] == tp + 1


def test_accuracy_and_confusion():
    assert accuracy([True, False, True, True]).value == 0.75
    assert Accuracy(0, 0).value == 0.0 and Accuracy(0, 0).cell() == "-"
    assert (Accuracy(1, 2) + Accuracy(2, 2)).to_dict() == {"accuracy": 0.75, "correct": 3, "n": 4}
    assert confusion([("a", "a"), ("a", "b"), ("b", "b"), ("a", "b")]) == \
        {"a": {"a": 1, "b": 2}, "b": {"b": 1}}


def test_confusion_markdown_lists_each_label_once():
    table = confusion_markdown({"a": {"b": 2}, "z": {"a": 1}}, ["a", "b"]).splitlines()
    assert table[0] == "| gold \\ dyad | a | b | z |"
    assert table[2:] == ["| a |  | 2 |  |", "| z | 1 |  |  |"]


def test_markdown_table_escapes_pipes():
    table = md_table(["x", "y"], [["a|b", 1]])
    assert table.splitlines() == ["| x | y |", "|---|---|", "| a\\|b | 1 |"]


@pytest.mark.parametrize("text,needle,n,word,span", [
    ("Vieira met Lula. Vieira said", "Vieira", 2, False, (17, 23)),
    ("Vieira met Lula.", "Vieira", 2, False, None),
    ("unsigned, then signed", "signed", 1, True, (15, 21)),
    ("unsigned, then signed", "signed", 1, False, (2, 8)),
])
def test_find_span(text, needle, n, word, span):
    assert find_span(text, needle, n, whole_word=word) == span


@pytest.mark.parametrize("row_id,cat", [("metonym-07", "metonym"), ("mod-as-01", "mod-as"),
                                        ("date-ddl-10", "date-ddl")])
def test_category(row_id, cat):
    assert category(row_id) == cat


def test_note_tags_overlap_optional():
    assert note_tags("surname; occurrence=2; alt_sector=GOV") == \
        {"occurrence": "2", "alt_sector": "GOV"}
    assert overlap((0, 5), (5, 9)) == 0 and overlap((0, 6), (5, 9)) == 1
    assert is_optional("a scorer may treat this row as optional") and not is_optional(None)


@pytest.mark.parametrize("actor_id,country,sector,code", [
    ("FRA.GOV", "FRA", "GOV", "FRA"), ("IGO.NATO", None, "MIL", "NATO"),
    ("IGO.UNSC", None, "GOV", "UN"), ("IGO.WORLDBANK", None, None, "WB"),
    ("group.m23", "COD", "REB", "M23"), ("group.taliban", "AFG", "GOV", "AFG"),
    ("person.mauro-vieira", "BRA", "GOV", "BRA"), ("XSL", "SOM", "PRE", "SOMALILAND"),
])
def test_ref_code(actor_id, country, sector, code):
    assert ref_code(ref(actor_id, country, sector)) == code


@pytest.mark.parametrize("actor_id,country,sector,party", [
    ("FRA", "FRA", None, True), ("IGO.NATO", None, None, True), ("person.x", None, None, False),
    ("person.putin", "RUS", "GOV", True), ("group.farc", "COL", "REB", False),
    ("group.taliban", "AFG", "GOV", True), ("XSL", "SOM", "PRE", False),
])
def test_is_state_or_igo(actor_id, country, sector, party):
    assert is_state_or_igo(ref(actor_id, country, sector)) is party


# -- actors ------------------------------------------------------------------------------
ACTOR_ROWS = [
    ["title-01", "Brazilian Foreign Minister Mauro Vieira met Wang Yi in Paris.", "Mauro Vieira",
     "BRA", "GOV", "person", "2023-04-11", ""],
    ["mil-01", "Brazilian Foreign Minister Mauro Vieira met Wang Yi in Paris.", "Wang Yi",
     "CHN", "MIL", "person", "2023-04-11", "alt_sector=GOV"],
    ["place-01", "Brazilian Foreign Minister Mauro Vieira met Wang Yi in Paris.", "Paris",
     "FRA", "", "place", "2023-04-11", ""],
    ["igo-01", "NATO warned Moscow.", "NATO", "", "IGO", "igo", "", "org=NATO"],
    ["metonym-01", "NATO warned Moscow.", "Moscow", "RUS", "GOV", "state", "", ""],
]


def _actors_fake():
    def build(doc):
        t = doc.text

        def actor(actor_id, kind, country, sector, needle):
            s = t.index(needle)
            return Actor(actor_id=actor_id, name=needle, kind=kind, country=country,
                         sector=sector, mentions=[Mention(doc_id=doc.doc_id, start=s,
                                                          end=s + len(needle), text=needle)])
        if t.startswith("Brazilian"):
            paris = t.index("Paris")
            return Extraction(documents=[doc], actors=[
                actor("person.mauro-vieira", "person", "BRA", "GOV",
                      "Brazilian Foreign Minister Mauro Vieira"),
                actor("person.wang-yi", "person", "CHN", "GOV", "Wang Yi")],
                locations=[Location(location_id="geonames:1", name="Paris", country="FRA",
                                    mentions=[Mention(doc_id=doc.doc_id, start=paris,
                                                      end=paris + 5, text="Paris")])])
        return Extraction(documents=[doc], actors=[actor("IGO.NATO", "igo", None, "MIL", "NATO")])
    return FakeExtractor(build)


def test_actors_scorer(tmp_path):
    path = write_tsv(tmp_path / "actors.tsv", actors_eval.COLUMNS, ACTOR_ROWS)
    fake = _actors_fake()
    report = actors_eval.evaluate_actors(path, extractor=fake)
    assert fake.calls == 2  # rows sharing a sentence and date share a document
    by_id = {r.row.row_id: r for r in report.results}
    assert by_id["title-01"].country_ok and by_id["title-01"].sector_strict  # overlap match
    assert not by_id["mil-01"].sector_strict and by_id["mil-01"].sector_lenient  # alt_sector
    assert by_id["igo-01"].sector_strict and by_id["igo-01"].org_ok  # IGO read from the id
    assert by_id["metonym-01"].predicted is None and not by_id["metonym-01"].country_ok
    assert by_id["place-01"].country_ok and by_id["place-01"].not_gov
    assert report.country == Accuracy(3, 4) and report.sector_strict == Accuracy(2, 4)
    assert report.sector_lenient == Accuracy(3, 4) and report.place_country == Accuracy(1, 1)
    assert report.per_category["metonym"]["country"] == Accuracy(0, 1)
    assert [m.row.row_id for m in report.misses] == ["metonym-01"]
    assert "| metonym-01 | Moscow |" in report.to_markdown()
    assert json.loads(json.dumps(report.to_dict()))["country"]["correct"] == 3


# -- modality ----------------------------------------------------------------------------
MODALITY_ROWS = [
    ["mod-as-01", "Brazil signed the accord.", "signed", "asserted", ""],
    ["mod-neg-01", "Turkey did not ratify the pact.", "ratify", "negated", ""],
    ["mod-int-01", "Chile wants to join.", "join", "intended", ""],
]


def _hand_parse(text: str) -> ParsedDoc:
    """'Chile wants to join.' with the parse spaCy gives it: join is the xcomp of wants."""
    words = [("Chile", "Chile", "PROPN", "nsubj", 1), ("wants", "want", "VERB", "ROOT", 1),
             ("to", "to", "PART", "aux", 3), ("join", "join", "VERB", "xcomp", 1),
             (".", ".", "PUNCT", "punct", 1)]
    tokens, pos = [], 0
    for i, (w, lemma, upos, dep, head) in enumerate(words):
        start = text.index(w, pos)
        pos = start + len(w)
        tokens.append(Token(i, w, start, pos, lemma, upos, "", dep, head, 0,
                            is_punct=upos == "PUNCT"))
    return ParsedDoc("d", text, tuple(tokens), (Sentence(0, 0, len(text), text, 0, 5, True),), ())


def _modality_fake():
    def build(doc):
        t, d = doc.text, doc.doc_id
        if t.startswith("Brazil"):
            return Extraction(documents=[doc], events=[Event(
                event_id="e1", doc_id=d, event_type="AGREE", trigger="signed",
                modality="asserted", evidence=ev(d, t))])
        if t.startswith("Turkey"):  # a stage whose name shares the trigger's stem wins
            return Extraction(documents=[doc], agreements=[Agreement(
                agreement_id="a1", name="the pact", stages=[
                    Stage(stage="signed", modality="asserted", evidence=ev(d, t)),
                    Stage(stage="ratified", modality="negated", evidence=ev(d, t))])])
        return Extraction(documents=[doc])
    text = MODALITY_ROWS[2][1]
    return FakeExtractor(build, parses={text: _hand_parse(text)})


def test_modality_scorer(tmp_path):
    path = write_tsv(tmp_path / "modality.tsv", mod_eval.COLUMNS, MODALITY_ROWS)
    report = mod_eval.evaluate_modality(path, extractor=_modality_fake())
    assert [(r.method, r.predicted) for r in report.results] == [
        ("event", "asserted"), ("stage", "negated"), ("fallback", "intended")]
    assert report.accuracy == Accuracy(3, 3) and report.strict == Accuracy(2, 3)
    assert report.coverage == Accuracy(2, 3) and report.methods["fallback"] == 1
    assert report.confusion["negated"] == {"negated": 1}
    assert "| negated |" in report.to_markdown()


def test_modality_event_needs_the_trigger_word(tmp_path):
    """An event of another verb in the sentence does not answer for the gold trigger."""
    row = mod_eval.ModalityRow("m", "Turkey refused to sign.", "sign", 18, 22, "negated")
    t = row.sentence
    x = Extraction(events=[Event(event_id="e", doc_id="d", event_type="REJECT",
                                 trigger="refused", evidence=ev("d", t))])
    assert mod_eval.from_records(row, x, "d") is None


# -- dates -------------------------------------------------------------------------------
DATE_ROWS = [
    ["date-dl-01", "Officials met on Friday.", "Friday", "2023-03-04", "March 3", "2023-03-03",
     "point", ""],
    ["date-exp-01", "It was signed on 4 April 1949.", "4 April 1949", "2024-04-04", "",
     "1949-04-04", "point", ""],
    ["date-ddl-01", "Talks run until March 2026.", "March 2026", "2025-01-01", "", "2026-03",
     "deadline", ""],
]


def test_dates_scorer(tmp_path):
    path = write_tsv(tmp_path / "dates.tsv", dates_eval.COLUMNS, DATE_ROWS)
    report = dates_eval.evaluate_dates(path)
    assert [r.anchor for r in report.results] == ["2023-03-03", "2024-04-04", "2025-01-01"]
    assert report.value == Accuracy(3, 3)
    assert report.kind == Accuracy(3, 3)  # dyad's range_end folds onto the gold's deadline
    assert report.per_category["date-dl"] == Accuracy(1, 1)


def test_date_scorer_picks_the_overlapping_mention():
    gold = dates_eval.DateRow("date-x-01", "In 2020 and in 2021.", "2021", 15, 19, "2022-01-01",
                              None, "2021", "point")

    def fake_find(text, *, anchor):  # stands in for dyad.time.find_dates
        from dyad.time import DateMention
        return [DateMention(3, 7, "2020", "2020", "year"), DateMention(15, 19, "2021", "2021",
                                                                        "year", "range_end")]
    result = dates_eval.score_date(gold, find=fake_find)
    assert result.value_ok and not result.kind_ok
    assert dates_eval.score_date(gold, find=lambda t, anchor: []).predicted is None


# -- agreements and relations --------------------------------------------------------------
AG_TEXT = {
    "id": "ag-01", "date": "2023-02-22", "text": "Russia suspended New START. Qatar mediated.",
    "agreements": [{"name": "New START", "aliases": ["the treaty"], "kind": "arms_control",
                    "parties": ["RUS", "USA"], "non_state_parties": [], "stages": [
                        {"stage": "suspended", "party": "RUS", "modality": "asserted",
                         "date": "2023-02-21"},
                        {"stage": "signed", "party": None, "modality": "asserted", "date": "2010"},
                        {"stage": "withdrawn", "party": "RUS", "modality": "negated",
                         "date": None},
                        {"stage": "renewed", "party": None, "modality": "asserted",
                         "date": None, "note": "a scorer may treat this row as optional"}],
                    "term_years": 10, "renewal": None, "provisions": [], "value_usd": None,
                    "value": None}],
    "relations": [
        {"relation_type": "trade", "source": "RUS", "target": "USA", "modality": "asserted",
         "attributes": {"commodity": "oil"}},
        {"relation_type": "mediation", "source": "QAT", "target": None, "modality": "asserted",
         "attributes": {"between": ["USA", "RUS"]}},
        {"relation_type": "sanctions", "source": "USA", "target": "RUS", "modality": "asserted",
         "attributes": {}}]}


def _agreements_fake():
    rus, usa = ref("RUS", "RUS"), ref("USA.GOV", "USA", "GOV")

    def build(doc):
        e = ev(doc.doc_id, doc.text)
        stage = lambda name, party=None, mod="asserted", date=None: Stage(  # noqa: E731
            stage=name, party=party, modality=mod, date=date, evidence=e)
        return Extraction(documents=[doc], agreements=[
            Agreement(agreement_id="a1", name="The Treaty", kind="treaty", parties=[rus, usa],
                      term_years=10, stages=[
                          stage("suspended", rus, date="2023-02-21"),
                          stage("signed", rus, date="2010-04-08"),
                          stage("signed", usa, date="2010-04-08"),  # joint: counted once
                          stage("renewed"),  # matches an optional gold stage: not a hit
                          stage("ratified", usa)]),  # a false positive
            Agreement(agreement_id="a2", name="Doha accord", kind="peace", parties=[rus])],
            relations=[
                Relation(relation_id="r1", relation_type="trade", source=usa, target=rus,
                         attributes={"commodity": "Oil"}, modality="reported", evidence=[e]),
                # one record per mediated side: together they give the gold's 'between'
                Relation(relation_id="r2", relation_type="mediation", source=ref("QAT", "QAT"),
                         target=rus, evidence=[e]),
                Relation(relation_id="r2b", relation_type="mediation",
                         source=ref("QAT.GOV", "QAT", "GOV"), target=usa, evidence=[e]),
                Relation(relation_id="r3", relation_type="sanctions", source=rus, target=usa,
                         evidence=[e])])
    return FakeExtractor(build)


def test_agreements_scorer(tmp_path):
    path = tmp_path / "texts.jsonl"
    path.write_text(json.dumps(AG_TEXT) + "\n", encoding="utf-8")
    report = ag_eval.evaluate_agreements(path, extractor=_agreements_fake())
    assert report.agreements == PRF(1, 1, 0)  # matched by alias; the Doha accord is spurious
    assert report.stages_in_matched == PRF(2, 1, 1)  # suspended, signed; ratified; withdrawn
    assert report.stages == PRF(2, 1, 1)  # the spurious agreement has no stages
    assert report.per_stage["signed"] == PRF(1, 0, 0)
    assert report.per_stage["withdrawn"] == PRF(0, 0, 1)
    assert "renewed" not in report.per_stage
    # trade is symmetric, mediation keyed on the mediator, sanctions directed
    assert report.relations == PRF(2, 1, 1)
    assert report.per_relation["sanctions"] == PRF(0, 1, 1)
    assert report.details["stage_dates"] == Accuracy(2, 2)  # '2010' matches '2010-04-08'
    assert report.details["term_years"] == Accuracy(1, 1)
    assert report.details["relation_modality"] == Accuracy(1, 2)
    assert report.details["relation_attributes"] == Accuracy(2, 2)
    assert report.n_misses == len(report.misses) == 5
    assert "| stages | 66.7% | 66.7% |" in report.to_markdown()
    assert "Doha" in report.to_markdown()


@pytest.mark.parametrize("gold,got,ok", [
    (5e9, 4.99e9, True), (5e9, 4e9, False), ("oil", "Oil", True), (["a", "B"], ["b", "a"], True),
    (True, None, False), ("Tartus", {"location_id": "geonames:1", "name": "Tartus"}, True),
    ("Tartus", {"location_id": "geonames:1", "name": "\u0162ar\u0163\u016bs"}, True),
    ("the Spratly Islands", {"name": "Spratly Is.", "text": "Spratly Islands"}, True),
    ("Tartus", {"name": "Latakia", "text": "Latakia"}, False),
])
def test_values_match(gold, got, ok):
    assert ag_eval.values_match(gold, got) is ok


def test_agreements_match_one_to_one_best_first():
    gold = [{"name": "A", "kind": "trade", "parties": ["FRA", "DEU"], "stages": []},
            {"name": "B", "kind": "trade", "parties": ["FRA", "DEU"], "stages": []}]
    fra, deu = ref("FRA", "FRA"), ref("DEU", "DEU")
    preds = [Agreement(agreement_id="x", name="something", kind="trade", parties=[fra, deu]),
             Agreement(agreement_id="y", name="the B", kind="trade", parties=[fra, deu])]
    assert ag_eval.match_agreements(gold, preds) == [(0, 0), (1, 1)]


@pytest.mark.parametrize("gold_alias,pred_name,ok", [
    ("a special agreement", "special agreement", True), ("An interim deal", "interim deal", True),
    ("The accord", "accord", True), ("the 1890 treaty", "1890 Treaty", True),
    ("a deal", "deal with Iran", False), ("Plan A", "Plan", False), ("an agreement", "anagreement", False),
])
def test_agreement_names_match_without_articles(gold_alias, pred_name, ok):
    """A gold alias keeps the text's article; dyad's names drop it. Only a leading "a" or
    "an" goes, with "the" anywhere: "Plan A" keeps its letter."""
    gold = [{"name": "Some agreement", "aliases": [gold_alias], "kind": "trade", "parties": ["FRA"],
             "stages": []}]
    pred = [Agreement(agreement_id="x", name=pred_name, kind="energy", parties=[ref("DEU", "DEU")])]
    assert (ag_eval.match_agreements(gold, pred) == [(0, 0)]) is ok


# -- CLI --------------------------------------------------------------------------------
def test_cli_eval_dates_json(tmp_path):
    from dyad.cli import eval as _eval  # noqa: F401 - registers the group
    from dyad.cli.main import cli

    path = write_tsv(tmp_path / "dates.tsv", dates_eval.COLUMNS, DATE_ROWS)
    result = CliRunner().invoke(cli, ["eval", "dates", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["value"] == {"accuracy": 1.0, "correct": 3, "n": 3}


def test_cli_eval_agreements_without_misses_prints_no_gold_row(tmp_path, monkeypatch):
    """``--no-misses`` (for a held-out set): the figures, no row of the gold set. The
    scorer runs on the fake extractor of ``test_agreements_scorer``, standing in for the
    pipeline."""
    from dyad.cli import eval as _eval  # noqa: F401 - registers the group
    from dyad.cli.main import cli

    path = tmp_path / "heldout.jsonl"
    path.write_text(json.dumps(AG_TEXT) + "\n", encoding="utf-8")
    real = ag_eval.evaluate_agreements
    monkeypatch.setattr(ag_eval, "evaluate_agreements",
                        lambda gold, **kw: real(gold, extractor=_agreements_fake()))
    listed = CliRunner().invoke(cli, ["eval", "agreements", str(path)])
    quiet = CliRunner().invoke(cli, ["eval", "agreements", str(path), "--no-misses"])
    assert listed.exit_code == quiet.exit_code == 0
    assert "Doha" in listed.output and "Doha" not in quiet.output
    assert "5 misses and false positives, not listed." in quiet.output
    assert "| stages | 66.7% | 66.7% |" in quiet.output
    as_json = CliRunner().invoke(cli, ["eval", "agreements", str(path), "--no-misses",
                                       "--format", "json"])
    out = json.loads(as_json.stdout)
    assert out["misses"] == [] and out["n_misses"] == 5


def test_cli_eval_missing_gold_is_one_line(tmp_path):
    from dyad.cli import eval as _eval  # noqa: F401
    from dyad.cli.main import cli

    result = CliRunner().invoke(cli, ["eval", "dates", str(tmp_path / "none.tsv")])
    assert result.exit_code == 1 and "D100" in result.output and "fix:" in result.output


def test_cli_eval_help_has_examples():
    from dyad.cli.eval import eval_group

    assert "Example: dyad eval" in eval_group.help
    for name, command in eval_group.commands.items():
        assert f"Example: dyad eval {name}" in command.help


# -- the real pipeline on the first rows of the real gold sets ------------------------------
def _in_unit(report_dict: dict) -> None:
    for key, value in report_dict.items():
        if key in {"accuracy", "precision", "recall", "f1"} and not isinstance(value, dict):
            assert 0.0 <= value <= 1.0
        elif isinstance(value, dict):
            _in_unit(value)


@pytest.mark.slow
def test_real_actors(extractor):
    report = actors_eval.evaluate_actors(GOLD / "actors.tsv", extractor=extractor, limit=10)
    assert report.n == 10 and len(report.results) == 10
    assert report.country.total + report.place_country.total == 10
    _in_unit(report.to_dict())


@pytest.mark.slow
def test_real_modality(extractor):
    report = mod_eval.evaluate_modality(GOLD / "modality.tsv", extractor=extractor, limit=10)
    assert report.n == 10 and sum(report.methods.values()) == 10
    assert sum(sum(row.values()) for row in report.confusion.values()) == 10
    _in_unit(report.to_dict())


def test_real_dates():
    report = dates_eval.evaluate_dates(GOLD / "dates.tsv", limit=10)
    assert report.n == 10 and sum(a.total for a in report.per_kind.values()) == 10
    _in_unit(report.to_dict())


@pytest.mark.slow
def test_real_agreements(extractor):
    report = ag_eval.evaluate_agreements(GOLD / "agreements" / "texts.jsonl",
                                         extractor=extractor, limit=10)
    gold = ag_eval.read_agreements_gold(GOLD / "agreements" / "texts.jsonl")[:10]
    n_agreements = sum(not is_optional(a.get("note")) for g in gold for a in g.agreements)
    assert report.texts == 10
    assert report.agreements.tp + report.agreements.fn == n_agreements
    _in_unit(report.to_dict())


@pytest.mark.parametrize("record_id, country, affiliation, sectors", [
    ("IGO.ICJ", None, None, {"JUD", "IGO"}),             # an IGO body: IGO and its function
    ("person.guterres", None, "IGO.UN", {"GOV", "IGO"}),  # a person acting for the UN
    ("person.envoy", "USA", "IGO.UN", {"GOV"}),          # a state's envoy to the UN is not
    ("person.minister", "FRA", None, {"GOV"}),
])
def test_igo_sector_from_id_or_affiliation(record_id, country, affiliation, sectors):
    sector = "JUD" if record_id == "IGO.ICJ" else "GOV"
    p = actors_eval.Predicted(text="x", record_id=record_id, country=country, sector=sector,
                              affiliation=affiliation)
    assert actors_eval._sectors(p) == sectors
