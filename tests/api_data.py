"""Hand-built records for the API tests (shared by the DuckDB and PostgreSQL suites).

Greece and France, with Turkey and the United States around them. The dyad numbers the
tests expect are worked out in the comments next to each event.
"""

from __future__ import annotations

from dyad.model import (Actor, ActorRef, Agreement, Document, Event, Evidence, Extraction,
                        Location, Mention, Quantity, Relation, Stage)

GRC = ActorRef(actor_id="GRC", name="Greece", country="GRC")
FRA = ActorRef(actor_id="FRA", name="France", country="FRA")
FRA_GOV = ActorRef(actor_id="FRA.GOV", name="French government", country="FRA", sector="GOV")
TUR = ActorRef(actor_id="TUR", name="Turkey", country="TUR")
USA = ActorRef(actor_id="USA", name="United States", country="USA")

TEXTS = {
    "d1": "ATHENS, Sept 28 (AFP) - Greece and France signed a defence pact for three frigates.",
    "d2": "PARIS, Oct 5 (Reuters) - Greece accused France of delays. Greece also accused Turkey.",
    "d3": "Officials said France did not attack Greece, and the United States sold arms to Turkey.",
}
DATES = {"d1": "2021-09-28", "d2": "2021-10-05", "d3": "2021-10-20"}


def span(doc_id: str, text: str) -> Evidence:
    start = TEXTS[doc_id].index(text)
    return Evidence(doc_id=doc_id, start=start, end=start + len(text), text=text)


def mention(doc_id: str, text: str) -> Mention:
    e = span(doc_id, text)
    return Mention(doc_id=doc_id, start=e.start, end=e.end, text=text)


def event(event_id: str, doc_id: str, event_type: str, quad: int, source: ActorRef,
          target: ActorRef, date: str | None, quote: str, *, modality: str = "asserted",
          intensity: float | None = None, quantities: list[Quantity] | None = None) -> Event:
    return Event(event_id=event_id, doc_id=doc_id, event_type=event_type, quad_class=quad,
                 intensity=intensity, source=source, target=target, date=date,
                 modality=modality, evidence=span(doc_id, quote), quantities=quantities or [])


FRIGATES = Quantity(value=3.0, unit="item", text="three frigates", doc_id="d1",
                    start=TEXTS["d1"].index("three frigates"),
                    end=TEXTS["d1"].index("three frigates") + len("three frigates"))

EVENTS = [
    # Between GRC and FRA, counted (asserted/reported): e1 e2 e3 e6 e7 -> 5 events,
    # q1 = e1 e6 e7, q2 = e2, q3 = e3; undated (no month) = e6 e7;
    # 2021-09: q1 1, q2 1 (net 2); 2021-10: q3 1 (net -1); GRC -> FRA: e1 e3 e7.
    event("e1", "d1", "AGREE", 1, GRC, FRA, "2021-09-28", "Greece and France signed",
          intensity=8.0, quantities=[FRIGATES]),
    event("e2", "d1", "AID", 2, FRA_GOV, GRC, "2021-09-30", "a defence pact",
          modality="reported", intensity=5.0),
    event("e3", "d2", "ACCUSE", 3, GRC, FRA, "2021-10-05", "Greece accused France",
          intensity=-4.0),
    event("e4", "d3", "ASSAULT", 4, FRA, GRC, "2021-10-20", "France did not attack Greece",
          modality="negated"),  # not counted by default
    event("e5", "d2", "ACCUSE", 3, GRC, TUR, "2021-10-05", "Greece also accused Turkey"),
    event("e6", "d2", "CONSULT", 1, FRA, GRC, None, "France of delays"),
    event("e7", "d1", "AGREE", 1, GRC, FRA, "2021", "signed a defence pact"),
    event("e8", "d3", "AID", 2, USA, TUR, "2021-10-20", "the United States sold arms to Turkey"),
]

AGREEMENTS = [
    Agreement(agreement_id="agr-1", name="Greece-France defence pact", kind="treaty",
              parties=[GRC, FRA], term_years=5.0,
              stages=[Stage(stage="signed", party=GRC, date="2021-09-28",
                            evidence=span("d1", "Greece and France signed"))],
              evidence=[span("d1", "Greece and France signed a defence pact")]),
    Agreement(agreement_id="agr-2", name="Aegean hotline", kind="memorandum",
              parties=[GRC, TUR], evidence=[span("d2", "Greece also accused Turkey")]),
]

RELATIONS = [
    Relation(relation_id="rel-1", relation_type="arms_supply", source=FRA, target=GRC,
             attributes={"item": "frigates"}, evidence=[span("d1", "three frigates")]),
    Relation(relation_id="rel-2", relation_type="territorial_claim", source=GRC, target=TUR,
             modality="reported", evidence=[span("d2", "Greece also accused Turkey")]),
    Relation(relation_id="rel-3", relation_type="arms_supply", source=USA, target=TUR,
             evidence=[span("d3", "the United States sold arms to Turkey")]),
]


def actors() -> list[Actor]:
    def actor(ref: ActorRef, kind: str, *texts: tuple[str, str]) -> Actor:
        return Actor(actor_id=ref.actor_id, name=ref.name, kind=kind, country=ref.country,
                     sector=ref.sector, mentions=[mention(d, t) for d, t in texts])
    return [
        actor(GRC, "state", ("d1", "Greece"), ("d2", "Greece"), ("d3", "Greece")),
        actor(FRA, "state", ("d1", "France"), ("d2", "France"), ("d3", "France")),
        actor(FRA_GOV, "organisation"),
        actor(TUR, "state", ("d2", "Turkey"), ("d3", "Turkey")),
        actor(USA, "state", ("d3", "the United States")),
    ]


def build() -> Extraction:
    docs = [Document(doc_id=d, text=t, title=f"Story {d}", date=DATES[d], source="wire",
                     words=len(t.split())) for d, t in TEXTS.items()]
    athens = Location(location_id="country:GRC", name="Greece", country="GRC",
                      feature="country", mentions=[mention("d1", "ATHENS")])
    return Extraction(documents=docs, actors=actors(), locations=[athens], events=EVENTS,
                      agreements=AGREEMENTS, relations=RELATIONS)


DYAD_GRC_FRA = {
    "totals": {"events": 5, "q1": 3, "q2": 1, "q3": 1, "q4": 0, "undated": 2,
               "a_to_b": 3, "b_to_a": 2},
    "by_modality": {"asserted": 4, "negated": 1, "reported": 1},
    "months": [
        {"month": "2021-09", "events": 2, "q1": 1, "q2": 1, "q3": 0, "q4": 0,
         "intensity": 13.0, "net": 2},
        {"month": "2021-10", "events": 1, "q1": 0, "q2": 0, "q3": 1, "q4": 0,
         "intensity": -4.0, "net": -1},
    ],
    "top_event_types": [{"event_type": "AGREE", "count": 2}, {"event_type": "ACCUSE", "count": 1},
                        {"event_type": "AID", "count": 1}, {"event_type": "CONSULT", "count": 1}],
}
