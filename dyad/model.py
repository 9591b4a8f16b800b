"""The records dyad produces, defined once.

The JSON Schema of the ``dyad/1`` output, the store's tables and the API responses are
all derived from these classes. Field names are a public interface: add, never rename.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "dyad/1"

Modality = Literal["asserted", "reported", "intended", "expected", "negated", "hypothetical"]
MODALITIES: tuple[str, ...] = Modality.__args__  # type: ignore[attr-defined]

StageName = Literal[
    "proposed", "negotiated", "signed", "ratified", "in_force", "rejected",
    "suspended", "withdrawn", "expired", "renewed", "terminated",
]
STAGES: tuple[str, ...] = StageName.__args__  # type: ignore[attr-defined]

RelationType = Literal[
    "alliance", "military_presence", "arms_supply", "trade", "energy_supply",
    "territorial_claim", "armed_conflict", "occupation", "sanctions", "membership",
    "mediation", "diplomatic_relations",
]
RELATION_TYPES: tuple[str, ...] = RelationType.__args__  # type: ignore[attr-defined]

ActorKind = Literal["state", "organisation", "igo", "person", "group"]


def make_id(prefix: str, *parts: object) -> str:
    """A deterministic identifier: the same inputs give the same id on every run."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


class Record(BaseModel):
    """Base of every record: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(Record):
    """Where a record comes from: a character span of a stored document."""

    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Dateline(Record):
    """The opening 'PLACE, Month Day (Agency) -' of a wire story."""

    place: str | None = None
    agency: str | None = None
    date: str | None = Field(None, description="ISO 8601 at the known precision, or --MM-DD")
    date_text: str | None = None
    start: int = 0
    end: int = 0


class Document(Record):
    doc_id: str = Field(description="Stable id: the input's own id, else a hash of the normalised text")
    text: str = Field(description="The article body; every offset refers to it")
    source: str | None = Field(None, description="Publisher or feed the article came from")
    title: str | None = None
    date: str | None = Field(None, description="Publication date, ISO 8601")
    url: str | None = Field(None, description="Where the article was published (never fetched)")
    path: str | None = Field(None, description="File the document was read from")
    input_format: str | None = Field(None, description="text, jsonl, html or csv")
    language: str | None = Field(None, description="ISO 639-1 code when known")
    dateline: Dateline | None = Field(None, description="Parsed wire dateline, cut before parsing")
    words: int = Field(0, description="Whitespace-separated words in text")


class Mention(Record):
    doc_id: str
    start: int = Field(description="Character offset in Document.text")
    end: int = Field(description="Character offset one past the mention")
    text: str
    reason: str | None = Field(None, description="Which dictionary entry, title or rule resolved it")


class ActorRef(Record):
    """A reference to an actor inside another record."""

    actor_id: str
    name: str
    country: str | None = None
    sector: str | None = None


class Actor(Record):
    actor_id: str = Field(description="Readable, deterministic: FRA, FRA.GOV, IGO.NATO, person.mauro-vieira")
    name: str
    kind: ActorKind = Field(description="state, organisation, igo, person or group")
    country: str | None = Field(None, description="ISO 3166-1 alpha-3")
    sector: str | None = Field(None, description="PLOVER sector code: GOV, MIL, LEG, ...")
    affiliation: str | None = Field(
        None, description="Actor id of the body a person acts for, e.g. IGO.UN for the UN "
                          "Secretary-General (country stays empty for IGO officials)")
    aliases: list[str] = Field(default_factory=list, description="Other surface forms seen")
    mentions: list[Mention] = Field(default_factory=list, description="Every place the actor is mentioned")

    def ref(self) -> ActorRef:
        return ActorRef(actor_id=self.actor_id, name=self.name, country=self.country,
                        sector=self.sector)


class Location(Record):
    location_id: str = Field(description="country:FRA, geonames:<id> or region:<slug>")
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = Field(None, description="country, region, city, site")
    precision: str | None = Field(None, description="country, region or city")
    mentions: list[Mention] = Field(default_factory=list)


class LocationRef(Record):
    location_id: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class Quantity(Record):
    value: float
    unit: str = Field(description="USD, km, year, month, day, person, item, ...")
    text: str
    doc_id: str | None = None
    start: int | None = None
    end: int | None = None


class Event(Record):
    event_id: str
    doc_id: str
    event_type: str = Field(description="PLOVER 0.8 event type")
    mode: str | None = Field(None, description="PLOVER mode of the event type")
    context: list[str] = Field(default_factory=list, description="PLOVER contexts")
    cameo: str | None = Field(None, description="Closest CAMEO code")
    quad_class: int | None = Field(None, description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict")
    intensity: float | None = Field(None, description="PLOVER intensity, -10 (most conflictual) to 10")
    source: ActorRef | None = None
    target: ActorRef | None = None
    date: str | None = Field(None, description="ISO 8601 at the known precision, or --MM-DD")
    date_text: str | None = Field(None, description="The words the date was read from")
    date_rule: str | None = Field(None, description="Which rule decided the date")
    modality: Modality = Field("asserted", description="asserted, reported, intended, expected, negated, hypothetical")
    location: LocationRef | None = Field(None, description="Where the event took place, when the sentence says")
    quantities: list[Quantity] = Field(default_factory=list)
    trigger: str | None = Field(None, description="The word that triggered the coding")
    reason: str | None = Field(None, description="Which lexicon entry and pattern coded it")
    evidence: Evidence
    other_evidence: list[Evidence] = Field(
        default_factory=list, description="The same event reported elsewhere (merged)")


class Stage(Record):
    stage: StageName
    party: ActorRef | None = None
    body: str | None = None
    date: str | None = None
    date_text: str | None = None
    modality: Modality = "asserted"
    evidence: Evidence
    # a tuple, so that stages stay hashable (the coders deduplicate them in sets)
    other_evidence: tuple[Evidence, ...] = Field(
        default=(),
        description="The same stage (stage, party, body, date, modality) reported elsewhere (merged)")


class Renewal(Record):
    automatic: bool | None = None
    term_years: float | None = None


class Agreement(Record):
    agreement_id: str
    name: str
    kind: str | None = Field(None, description="treaty, trade, ceasefire, arms_deal, framework, memorandum, ...")
    parties: list[ActorRef] = Field(default_factory=list)
    stages: list[Stage] = Field(default_factory=list)
    term_years: float | None = None
    renewal: Renewal | None = None
    provisions: list[str] = Field(default_factory=list)
    value: Quantity | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Relation(Record):
    relation_id: str
    relation_type: RelationType
    source: ActorRef
    target: ActorRef | None = None
    attributes: dict[str, Any] = Field(default_factory=dict)
    modality: Modality = "asserted"
    evidence: list[Evidence] = Field(default_factory=list)


class Failure(Record):
    doc_id: str | None = None
    path: str | None = None
    stage: str
    code: str
    message: str


class ConflictValue(Record):
    """One of the values sources disagree on, with the evidence for it."""

    value: str | float | int | bool | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Conflict(Record):
    """Sources that contradict each other about one record: kept, never averaged away."""

    conflict_id: str
    record_kind: Literal["agreements", "events", "relations"]
    record_id: str
    field: str = Field(description="What they disagree on, e.g. stages.ratified.date, modality")
    description: str
    values: list[ConflictValue] = Field(default_factory=list)


class Extraction(Record):
    """The ``dyad/1`` output object: everything extracted from a set of documents."""

    schema_: Literal["dyad/1"] = Field(SCHEMA, alias="schema")
    documents: list[Document] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    failures: list[Failure] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


# The tables of the store, in dependency order; each is derived from its record class.
TABLES: dict[str, type[Record]] = {
    "documents": Document,
    "actors": Actor,
    "locations": Location,
    "events": Event,
    "agreements": Agreement,
    "relations": Relation,
    "failures": Failure,
    "conflicts": Conflict,
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the ``dyad/1`` output, generated from the records."""
    schema = Extraction.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://dyad.invalid/schema/dyad-1.json"
    schema["title"] = "dyad/1"
    return schema
