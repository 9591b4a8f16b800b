"""The event lexicon: PLOVER types, trigger words and patterns, loaded from YAML data.

The bundled ``data/lexicon.yaml`` covers the 16 PLOVER 0.8 event types. Users add or
override entries with extra files in the same format (see docs/events.md); their triggers
are tried before the bundled ones, their ``types``/``frames`` entries replace them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import yaml

from dyad.errors import ConfigError

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


class _WordLoader(yaml.SafeLoader):
    """YAML 1.1 reads on/off/yes/no as booleans ("prep: [on, at]" would hold True); in a
    lexicon they are words, so only true/false are booleans (as in YAML 1.2)."""


_BOOL = "tag:yaml.org,2002:bool"
_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_WordLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                  list("tTfF"))
_TRIGGER_KEYS = frozenset({"type", "mode", "cameo", "context", "verbs", "nouns", "object",
                           "not_object", "modifier", "not_modifier", "subject", "not_subject",
                           "prep", "target_prep", "source_prep", "infinitive"})


@dataclass(frozen=True)
class TypeInfo:
    name: str
    quad: int
    intensity: float
    modes: Mapping[str, float] = field(default_factory=dict)
    cameo: str | None = None

    def score(self, mode: str | None) -> float:
        return float(self.modes.get(mode, self.intensity)) if mode else float(self.intensity)


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry for one trigger word or phrase."""

    type: str
    words: tuple[str, ...]  # lemmas; a verb's head is first, a noun's head is last
    pos: str  # "verb" or "noun"
    mode: str | None = None
    cameo: str | None = None
    context: tuple[str, ...] = ()
    object: frozenset[str] | None = None
    not_object: frozenset[str] = frozenset()
    modifier: frozenset[str] | None = None
    not_modifier: frozenset[str] = frozenset()
    subject: frozenset[str] | None = None
    not_subject: frozenset[str] = frozenset()  # none of these does the act ("floods killed")
    prep: frozenset[str] | None = None  # a preposition the trigger must govern
    target_prep: frozenset[str] = frozenset()  # more prepositions that introduce the target
    # in a passive with no "by": prepositions whose object is the source ("summoned *to*
    # the ministry in Warsaw")
    source_prep: frozenset[str] = frozenset()
    infinitive: bool = False  # the trigger must govern a to-infinitive ("told X *to leave*")
    origin: str = "dyad"

    @property
    def head(self) -> str:
        return self.words[0] if self.pos == "verb" else self.words[-1]

    @property
    def others(self) -> tuple[str, ...]:
        return self.words[1:] if self.pos == "verb" else self.words[:-1]

    @property
    def key(self) -> str:
        """A short name for the entry, for an event's ``reason``."""
        return f"{self.type}/{' '.join(self.words)}" + (f" ({self.cameo})" if self.cameo else "")

    @property
    def rank(self) -> int:
        """Entries for the same word are tried most specific first."""
        return -(3 * len(self.words) + 4 * bool(self.object) + 2 * bool(self.modifier)
                 + 2 * bool(self.subject) + 2 * bool(self.prep) + 2 * self.infinitive
                 + bool(self.not_object or self.not_modifier))


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per load
class Lexicon:
    types: Mapping[str, TypeInfo]
    triggers: tuple[Trigger, ...]
    frames: Mapping[str, Mapping[str, str]]  # frame type -> embedded type -> frame mode
    future: Mapping[str, str]  # type -> type when the act is future or intended
    future_modalities: frozenset[str]
    object_modes: Mapping[str, str]  # object lemma -> REQUEST/REJECT mode
    deontic: Trigger | None = None  # "X said Y must ...": a REQUEST by the speaker
    deontic_aux: frozenset[str] = frozenset()
    future_exempt_cues: frozenset[str] = frozenset()
    intent: Mapping[str, str] = field(default_factory=dict)  # type -> type when intended
    refusals: Mapping[str, str] = field(default_factory=dict)
    refusal_aux: frozenset[str] = frozenset()
    # implied domestic recipients (dyad.events.domestic): type -> modes or CAMEO codes
    domestic_state: Mapping[str, frozenset[str]] = field(default_factory=dict)
    domestic_society: Mapping[str, frozenset[str]] = field(default_factory=dict)
    state_sectors: frozenset[str] = frozenset()
    # unnamed domestic groups (dyad.events.groups): phrase -> sector, and what excludes one
    domestic_groups: Mapping[str, str] = field(default_factory=dict)
    not_domestic_modifiers: frozenset[str] = frozenset()
    home_organs: frozenset[str] = frozenset()
    implied_source: Mapping[str, str] = field(default_factory=dict)  # lemma or mode -> sector
    verbs: Mapping[str, tuple[Trigger, ...]] = field(default_factory=dict)
    nouns: Mapping[str, tuple[Trigger, ...]] = field(default_factory=dict)
    # prepositions whose object is the target: "*", a type, or "TYPE:mode" -> words
    target_preps: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # CAMEO code -> (type, mode, cameo) for the act done by one party with no partner
    alone: Mapping[str, tuple[str, str | None, str | None]] = field(default_factory=dict)

    def target_preps_for(self, entry: Trigger, event_type: str | None = None,
                         mode: str | None = None) -> frozenset[str]:
        """The prepositions that introduce the target of ``entry``'s act ("sanctions *on*
        Y", "retook the town *from* Y"): every trigger's, its type's and mode's, its own."""
        kind, mode = event_type or entry.type, mode or entry.mode
        table = self.target_preps
        return (table.get("*", frozenset()) | table.get(kind, frozenset())
                | table.get(f"{kind}:{mode}", frozenset()) | entry.target_prep)

    @property
    def lemmas(self) -> frozenset[str]:
        return frozenset({*self.verbs, *self.nouns})


def load_lexicon(extra_files: Sequence[str | Path] = ()) -> Lexicon:
    """The bundled lexicon, with the entries of ``extra_files`` (YAML) tried first."""
    return _load(tuple(str(p) for p in extra_files))


@functools.lru_cache(maxsize=8)
def _load(extra_files: tuple[str, ...]) -> Lexicon:
    bundled = resources.files("dyad.events").joinpath("data/lexicon.yaml").read_text("utf-8")
    layers = [(_parse_yaml(bundled, "dyad/events/data/lexicon.yaml"), "dyad")]
    for path in extra_files:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read the event lexicon file '{path}' ({exc.strerror}); "
                              "fix: pass an existing YAML file", code="D201") from exc
        layers.append((_parse_yaml(text, path), path))
    return build_lexicon(layers)


def build_lexicon(layers: Iterable[tuple[Mapping, str]]) -> Lexicon:
    """Merge lexicon layers (bundled first, user files after; later layers win)."""
    types: dict[str, TypeInfo] = {}
    frames: dict[str, dict[str, str]] = {}
    future: dict[str, str] = {}
    future_modalities: set[str] = set()
    object_modes: dict[str, str] = {}
    deontic: dict = {}
    refusals: dict[str, str] = {}
    intent: dict[str, str] = {}
    exempt: set[str] = set()
    refusal_aux: set[str] = set()
    domestic: dict[str, dict[str, frozenset[str]]] = {"state": {}, "society": {}}
    state_sectors: set[str] = set()
    groups: dict[str, str] = {}
    not_domestic: set[str] = set()
    home_organs: set[str] = set()
    implied_source: dict[str, str] = {}
    target_preps: dict[str, frozenset[str]] = {}
    alone: dict[str, tuple[str, str | None, str | None]] = {}
    trigger_layers: list[list[Trigger]] = []
    for data, origin in layers:
        for name, info in (data.get("types") or {}).items():
            types[name] = TypeInfo(name, int(info["quad"]), float(info["intensity"]),
                                   {k: float(v) for k, v in (info.get("modes") or {}).items()},
                                   str(info["cameo"]) if info.get("cameo") else None)
        for name, embedded in (data.get("frames") or {}).items():
            frames[name] = dict(embedded or {})
        future.update(data.get("future") or {})
        deontic.update(data.get("deontic") or {})
        refusals.update(data.get("refusals") or {})
        intent.update(data.get("intent") or {})
        exempt.update(data.get("future_exempt_cues") or ())
        refusal_aux.update(data.get("refusal_aux") or ())
        future_modalities.update(data.get("future_modalities") or ())
        for side, table in (data.get("domestic") or {}).items():
            if side not in domestic:
                raise ConfigError(f"the event lexicon '{origin}' has a 'domestic' side "
                                  f"'{side}'; fix: use 'state' or 'society'", code="D202")
            for name, keys in (table or {}).items():
                domestic[side][name] = frozenset(str(k) for k in keys or ())
        state_sectors.update(data.get("state_sectors") or ())
        for key, table in (("domestic_groups", groups), ("implied_source", implied_source)):
            for sector, words in (data.get(key) or {}).items():
                table.update({" ".join(str(w).lower().split()): str(sector) for w in words or ()})
        not_domestic.update(str(w).lower() for w in data.get("not_domestic_modifiers") or ())
        home_organs.update(data.get("home_organs") or ())
        for code, to in (data.get("alone") or {}).items():
            if not isinstance(to, dict) or "type" not in to:
                raise ConfigError(f"the event lexicon '{origin}' has an 'alone' entry for "
                                  f"'{code}' without a type; fix: write "
                                  "{type: TYPE, mode: ..., cameo: ...}", code="D202")
            alone[str(code)] = (str(to["type"]), to.get("mode") or None,
                                str(to["cameo"]) if to.get("cameo") else None)
        for key, words in (data.get("target_preps") or {}).items():
            target_preps[str(key)] = frozenset(str(w).lower() for w in words or ())
        for mode, words in (data.get("object_modes") or {}).items():
            object_modes.update({w: mode for w in words})
        trigger_layers.append([t for i, entry in enumerate(data.get("triggers") or ())
                               for t in _triggers(entry, f"{origin} trigger {i + 1}", origin)])
    for name, *_ in alone.values():
        if name not in types:
            raise ConfigError(f"an 'alone' entry of the event lexicon recodes to '{name}', "
                              f"which is not defined; fix: use one of {', '.join(sorted(types))}",
                              code="D202")
    for layer in trigger_layers:
        for t in layer:
            if t.type not in types:
                raise ConfigError(f"event lexicon entry '{t.key}' ({t.origin}) has type "
                                  f"'{t.type}', which is not defined; fix: use one of "
                                  f"{', '.join(sorted(types))} or add it under 'types'",
                                  code="D202")
    # user layers are tried first; within a layer, the most specific entry first
    ordered = [t for layer in reversed(trigger_layers) for t in sorted(layer, key=lambda t: t.rank)]
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    for t in ordered:
        (verbs if t.pos == "verb" else nouns).setdefault(t.head, []).append(t)
    modal = (Trigger(type=str(deontic["type"]), words=("must",), pos="verb",
                     cameo=str(deontic.get("cameo") or "") or None, origin="dyad")
             if deontic.get("type") else None)
    return Lexicon(types=types, triggers=tuple(ordered), frames=frames, future=future,
                   deontic=modal, deontic_aux=frozenset(deontic.get("aux") or ()),
                   future_exempt_cues=frozenset(exempt), refusals=refusals, intent=intent,
                   refusal_aux=frozenset(refusal_aux),
                   domestic_state=domestic["state"], domestic_society=domestic["society"],
                   state_sectors=frozenset(state_sectors), domestic_groups=groups,
                   not_domestic_modifiers=frozenset(not_domestic),
                   home_organs=frozenset(home_organs), implied_source=implied_source,
                   future_modalities=frozenset(future_modalities), object_modes=object_modes,
                   target_preps=target_preps, alone=alone,
                   verbs={k: tuple(v) for k, v in verbs.items()},
                   nouns={k: tuple(v) for k, v in nouns.items()})


def _parse_yaml(text: str, where: str) -> Mapping:
    try:
        data = yaml.load(text, Loader=_WordLoader) or {}  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise ConfigError(f"the event lexicon '{where}' is not valid YAML ({exc}); "
                          "fix: check the indentation and quoting there", code="D203") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"the event lexicon '{where}' must be a mapping with 'triggers' "
                          "and optionally 'types', 'frames'; fix: see the format in "
                          "docs/events.md", code="D203")
    return data


def _triggers(entry: Mapping, where: str, origin: str) -> Iterable[Trigger]:
    unknown = set(entry) - _TRIGGER_KEYS
    if unknown or "type" not in entry or not (entry.get("verbs") or entry.get("nouns")):
        raise ConfigError(f"{where}: an entry needs 'type' and 'verbs' or 'nouns'"
                          + (f"; unknown keys {sorted(unknown)}" if unknown else "")
                          + "; fix: see the lexicon format in docs/events.md", code="D202")

    def words(key: str) -> frozenset[str] | None:
        value = entry.get(key)
        return frozenset(str(w).lower() for w in value) if value else None

    common = dict(type=str(entry["type"]), mode=entry.get("mode") or None,
                  cameo=str(entry["cameo"]) if entry.get("cameo") else None,
                  context=tuple(entry.get("context") or ()), object=words("object"),
                  not_object=words("not_object") or frozenset(), modifier=words("modifier"),
                  not_modifier=words("not_modifier") or frozenset(), subject=words("subject"),
                  not_subject=words("not_subject") or frozenset(),
                  prep=words("prep"), target_prep=words("target_prep") or frozenset(),
                  source_prep=words("source_prep") or frozenset(),
                  infinitive=entry.get("infinitive") is True,
                  origin=origin)
    for pos in ("verbs", "nouns"):
        for phrase in entry.get(pos) or ():
            yield Trigger(words=tuple(str(phrase).lower().split()), pos=pos[:-1], **common)


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
