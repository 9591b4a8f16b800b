"""The relation patterns and commodity words of ``data/patterns.yaml``, loaded once.

A pattern is a trigger (a case-insensitive regex) with the roles its source and target
take (``dyad.relations.sides``), optional ``requires``/``forbid`` regexes read in the
window after the trigger, and a type; type ``supply`` is decided by the commodity
(arms -> arms_supply, energy -> energy_supply, other goods -> trade). A pattern may fix
its ``modality`` ("left the EU" is a membership that no longer holds: ``negated``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

from dyad.errors import ConfigError
from dyad.nlp.parsed import Sentence
from dyad.pattern_anchors import AnchorFilter

ROLE_WINDOW = 60  # characters after a trigger in which its roles and conditions are read

# A quantity of physical goods right after a supply verb ("will ship 2 million tonnes").
_MEASURE = re.compile(r"\s+(?:up\s+to\s+|about\s+|some\s+|around\s+|nearly\s+)?[\d.,]+\s*(?:million\s+|billion\s+)?"
                      r"(?:tonnes|tons|barrels|cubic\s+metres|cubic\s+meters|bcm|mtpa|megawatts|MW|GW|units)\b",
                      re.IGNORECASE)

# A quantity of goods "of" the goods, whose name may end past the role window: "to supply
# Germany with up to two million tonnes of liquefied natural gas".
_MEASURE_OF = re.compile(r"\b(?:tonnes|tons|barrels|cubic\s+met(?:re|er)s|bcm|megawatts|gigawatts|cargoes|"
                         r"shipments)\s+(?:(?:a|per)\s+(?:year|day|month|annum)\s+)?of\s+", re.IGNORECASE)


# The noun after a weapon system's name: "Rafale Marine fighter jets", "K9 howitzers".
_HEAD_NOUN = re.compile(r"(?:\s+[A-Z][\w-]*)?(?:\s+(?:fighter|attack|combat|air\s+defen[cs]e|main\s+battle|self-propelled))?"
                        r"\s+(?:jets|fighters|aircraft|tanks|howitzers|drones|helicopters|submarines|frigates|"
                        r"missiles|systems|launchers|vehicles)\b")


@dataclass(frozen=True)
class Pattern:
    type: str
    trigger: re.Pattern[str]
    source: tuple[str, ...]
    target: tuple[str, ...]
    requires: re.Pattern[str] | None
    forbid: re.Pattern[str] | None
    forbid_before: re.Pattern[str] | None = None
    modality: str | None = None  # what an asserted trigger means for the relation


@dataclass(frozen=True)
class RelationLexicon:
    patterns: tuple[Pattern, ...]
    commodities: tuple[tuple[str, str], ...]  # (word, relation type), longest first
    commodity_pattern: re.Pattern[str]
    makers: tuple[tuple[str, str], ...] = ()  # (weapon system, ISO3 of the state that makes it)

    @functools.cached_property
    def anchor_filter(self) -> AnchorFilter:
        """Which triggers may match a sentence, from their literal words."""
        return AnchorFilter([p.trigger for p in self.patterns])

    def commodity_type(self, word: str) -> str:
        return next(t for w, t in self.commodities if w.lower() == word.lower())

    def maker(self, word: str) -> str | None:
        """The state that makes a weapon system ("Rafale" -> FRA), if one does."""
        return next((iso for w, iso in self.makers if w.lower() == word.lower()), None)


def _compile(value: str | None) -> re.Pattern[str] | None:
    return re.compile(value, re.IGNORECASE) if value else None


@functools.lru_cache(maxsize=1)
def load_patterns() -> RelationLexicon:
    path = resources.files("dyad.relations").joinpath("data", "patterns.yaml")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        pats = tuple(Pattern(
            p["type"], re.compile(p["trigger"], re.IGNORECASE),
            tuple(p["source"].split("|")), tuple(p["target"].split("|")),
            _compile(p.get("requires")), _compile(p.get("forbid")), _compile(p.get("forbid_before")),
            p.get("modality"))
            for p in raw["patterns"])
        makers = tuple((w, iso) for iso, ws in raw.get("makers", {}).items() for w in ws)
        words = sorted({*((w, t) for t, ws in raw["commodities"].items() for w in ws),
                        *((w, "arms_supply") for w, _ in makers)},
                       key=lambda x: len(x[0]), reverse=True)
    except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as exc:
        raise ConfigError(f"relation patterns cannot be read ({exc}); fix "
                          "dyad/relations/data/patterns.yaml") from exc
    alternation = "|".join(re.escape(w) for w, _ in words)
    return RelationLexicon(pats, tuple(words), re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])",
                                                           re.IGNORECASE), makers)


def find_commodity(text: str, m: re.Match[str], sent: Sentence, lexicon: RelationLexicon,
                   previous: Sentence | None = None) -> tuple[str, str] | None:
    """(commodity as written, relation type) inside or after the trigger, else the last one
    in the 30 characters before it ("Russian gas flows to Hungary"); after a bare quantity
    of goods, the last one since the start of the ``previous`` sentence."""
    pattern = lexicon.commodity_pattern
    hit = pattern.search(text, m.start(), m.end()) or \
        pattern.search(text, m.end(), min(sent.end, m.end() + ROLE_WINDOW))
    if hit is None and (measure := _MEASURE_OF.search(text, m.end(), min(sent.end, m.end() + ROLE_WINDOW))):
        hit = pattern.search(text, measure.end(), min(sent.end, measure.end() + 30))
    if hit is None:
        before = list(pattern.finditer(text, max(sent.start, m.start() - 30), m.start()))
        hit = before[-1] if before else None
    if hit is None and previous is not None and _MEASURE.match(text, m.end(), min(sent.end, m.end() + 40)):
        # "signed an LNG supply deal. Qatar will ship 2 million tonnes a year to Germany": a
        # quantity of goods refers back to the commodity named last
        before = list(pattern.finditer(text, previous.start, m.start()))
        hit = before[-1] if before else None
    if hit is None:
        return None
    kind = lexicon.commodity_type(hit.group(0))
    head = _HEAD_NOUN.match(text, hit.end()) if kind == "arms_supply" else None
    # "26 Rafale Marine fighter jets": the system with the noun that says what it is
    return (text[hit.start():head.end()] if head else hit.group(0)), kind
