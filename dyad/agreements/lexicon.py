"""The agreement coder's data: head nouns, kinds, stage triggers, bodies, provisions and
the well-known agreements, read once from ``dyad/agreements/data/*.yaml``."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

from dyad.errors import ConfigError
from dyad.pattern_anchors import AnchorFilter

KINDS: tuple[str, ...] = (
    "treaty", "defence", "trade", "investment", "ceasefire", "peace", "normalisation",
    "arms_deal", "energy", "boundary", "framework", "memorandum", "accession",
    "arms_control", "basing", "other",
)


# ("coastal defence systems", "three French air-defence radars": weapons bought)
_AIR_DEFENCE = re.compile(r"\s(?:(?:air|missile|coastal)[- ]defen[cs]e|missile|anti-aircraft|anti-ship|"
                          r"air-defence|air-defense)\s+(?:systems?|batter(?:y|ies)|launchers?|radars?)\s")
# "nuclear-powered submarines", "a nuclear submarine deal": propulsion of a weapon bought,
# not an arms-control cue
_NUCLEAR_PLATFORM = re.compile(r"\snuclear(?:[- ]powered)?(?=[\s-]+(?:attack\s+)?(?:submarines?|"
                               r"aircraft\s+carriers?|carriers?)\s)|\snuclear[- ]powered(?=\s)"
                               # "nuclear deterrence", "the nuclear umbrella": an ally's defence
                               r"|\snuclear(?=\s+(?:deterrence|deterrent|umbrella)\s)"
                               # "a maritime security pact" is about security, not a boundary
                               r"|\smaritime(?=\s+(?:security|defen[cs]e|military)\s)")


@dataclass(frozen=True)
class Trigger:
    stage: str
    pattern: re.Pattern[str]
    anaphoric: bool = False  # may attach to an agreement of an earlier sentence
    needs_body: bool = False  # only with a legislative body as its subject
    joins: bool = False  # "join": accession, proposed unless asserted
    after_only: bool = False  # only with an agreement mention right after it
    before_only: bool = False  # only with an agreement mention before it (its subject)
    anchor_first: bool = False  # modality and subject read on the first word ("bid to join")
    kinds: frozenset[str] = frozenset()  # only for agreements of these kinds (all when empty)
    asserted_only: bool = False  # only when told as done ("accepted the plan"; not "to accept")


@dataclass(frozen=True)
class Hit:
    """A trigger matched in a document: its character span."""

    start: int
    end: int
    trigger: Trigger


@dataclass(frozen=True)
class Known:
    name: str
    kind: str
    aliases: tuple[str, ...]
    parties: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    heads: dict[str, str | None]
    weak_heads: frozenset[str]
    kind_cues: tuple[tuple[str, tuple[str, ...]], ...]  # (kind, cue words), in priority
    context_kinds: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]  # sentence cues, in priority
    basing_refinement: tuple[re.Pattern[str], ...]  # defence -> basing
    peace_refinement: tuple[re.Pattern[str], ...]  # a security deal ending a war -> peace
    triggers: tuple[Trigger, ...]
    bodies: dict[str, str | None]
    body_pattern: re.Pattern[str]
    provisions: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    known: tuple[Known, ...]
    alias_pattern: re.Pattern[str]
    alias_to_known: dict[str, Known]

    @functools.cached_property
    def trigger_filter(self) -> AnchorFilter:
        """Which stage triggers may match a sentence, from their literal words."""
        return AnchorFilter([t.pattern for t in self.triggers])

    def kind_of(self, words: str) -> str | None:
        """The first kind (in data order) with a cue word in ``words``."""
        low = " " + re.sub(r"[^\w\s-]", " ", words.lower()) + " "
        low = _AIR_DEFENCE.sub(" air-defence-systems ", low)  # weapons, not a defence pact
        low = _NUCLEAR_PLATFORM.sub(" ", low)
        for kind, cues in self.kind_cues:
            if any(f" {c} " in low or f"-{c} " in low or f" {c}-" in low for c in cues):
                return kind
        return None


def context_kind(sentences: str, lexicon: Lexicon) -> str | None:
    """The first kind (in data order) whose context phrase stands in ``sentences``."""
    for kind, patterns in lexicon.context_kinds:
        if any(p.search(sentences) for p in patterns):
            return kind
    return None


def _read(name: str) -> object:
    path = resources.files("dyad.agreements").joinpath("data", name)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"agreement data file {name} cannot be read ({exc}); "
                          "fix: reinstall dyad or restore dyad/agreements/data") from exc


def _compile(pattern: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ConfigError(f"bad pattern {pattern!r} in {where}: {exc}; fix the regex") from exc


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lex = _read("lexicon.yaml")
    prov = _read("provisions.yaml")
    known_raw = _read("known.yaml")
    assert isinstance(lex, dict) and isinstance(prov, dict) and isinstance(known_raw, list)
    triggers = tuple(
        Trigger(stage, _compile(t["pattern"], f"lexicon.yaml stages.{stage}"),
                anaphoric=bool(t.get("anaphoric")), needs_body=t.get("body") == "required",
                joins=bool(t.get("joins")), after_only=t.get("object") == "after",
                before_only=t.get("object") == "before", anchor_first=t.get("anchor") == "first",
                kinds=frozenset(t.get("kinds") or ()), asserted_only=t.get("modality") == "asserted")
        for stage, items in lex["stages"].items() for t in items)
    bodies = dict(lex["bodies"])
    proper = sorted((b for b in bodies if b[:1].isupper()), key=len, reverse=True)
    common = sorted((b for b in bodies if not b[:1].isupper()), key=len, reverse=True)
    body_pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(b) for b in proper)
        + "|(?i:" + "|".join(re.escape(b) for b in common) + r"))\b")
    known = tuple(Known(k["name"], k["kind"], tuple(k["aliases"]), tuple(k.get("parties") or ()))
                  for k in known_raw)
    alias_to_known = {a: k for k in known for a in k.aliases}
    aliases = sorted(alias_to_known, key=len, reverse=True)
    alias_pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in aliases)
                               + r")(?![\w-])")
    for kind in [*lex["kinds"], *(lex.get("context_kinds") or {}), *(k.kind for k in known)]:
        if kind not in KINDS:
            raise ConfigError(f"agreement kind {kind!r} is not in the vocabulary {KINDS}; "
                              "fix the data file or add the kind to KINDS and the docs")
    return Lexicon(
        heads={k: v for k, v in lex["heads"].items()},
        weak_heads=frozenset(lex["weak_heads"]),
        kind_cues=tuple((k, tuple(str(c).lower() for c in v)) for k, v in lex["kinds"].items()),
        context_kinds=tuple((k, tuple(_compile(p, f"lexicon.yaml context_kinds.{k}") for p in v))
                            for k, v in (lex.get("context_kinds") or {}).items()),
        basing_refinement=tuple(_compile(p, "lexicon.yaml basing_refinement")
                                for p in lex.get("basing_refinement") or ()),
        peace_refinement=tuple(_compile(p, "lexicon.yaml peace_refinement")
                               for p in lex.get("peace_refinement") or ()),
        triggers=triggers,
        bodies=bodies,
        body_pattern=body_pattern,
        provisions=tuple((name, tuple(_compile(p, f"provisions.yaml {name}") for p in pats))
                         for name, pats in prov.items()),
        known=known,
        alias_pattern=alias_pattern,
        alias_to_known=alias_to_known,
    )


def normalise_name(name: str) -> str:
    """The comparison key of an agreement's name: case, 'the', plurals of the head and
    British/American spelling do not matter ("the Minsk Agreements" = "Minsk agreement")."""
    low = re.sub(r"[’']s\b", "", name.lower())
    low = re.sub(r"[^\w\s]", " ", low)
    words = [w for w in low.split() if w != "the"]
    words = ["defense" if w == "defence" else w for w in words]
    words = [w[:-1] if w in {"agreements", "accords", "treaties", "pacts", "protocols",
                             "deals", "conventions"} else w for w in words]
    words = ["treaty" if w == "treatie" else w for w in words]
    return " ".join(words)


def canonical_name(text: str, lexicon: Lexicon | None = None) -> str | None:
    """The canonical name of a well-known agreement written as ``text`` (any alias), else None."""
    lexicon = lexicon or load_lexicon()
    key = normalise_name(text)
    for alias, known in lexicon.alias_to_known.items():
        if normalise_name(alias) == key:
            return known.name
    return None
