"""The standing-relation coder, ``dyad.relations.rules.v1``.

Each pattern of ``data/patterns.yaml`` is a trigger and two roles. A role names where
the actor stands relative to the trigger; alternatives ("mod|before") are tried in order:

- ``before``: the grammatical subject of a verb trigger when the sentence was parsed
  (``nsubj``; through "which" and "helped broker"), else the list of actors just before it;
- ``subj``: the list before it joined by a copula or apposition ("Croatia is an EU
  member", "Poland, a NATO member");
- ``mod``: a mention covering the trigger ("American troops" resolved as one mention), else
  the list of actors right before it with only lower-case words or numbers between
  ("American, French and Chinese bases", "Russia keeps about 1,500 troops", "US sanctions");
- ``poss``: an actor with "'s" right before it ("India's largest arms supplier");
- ``after``: the list of actors just after it (``next``: right after it, "NATO member
  Turkey"; ``after_far``: within the role window, "hosts the largest concentration of US
  forces"); ``to``/``from``/``by``/``of``/``on``/
  ``with``/``between``: the list after that preposition ("on" also takes "against");
- ``place``: the country of a place right after the trigger ("claims the Falklands");
- ``in``: the country of what follows "in"/"at"/"on": an actor, or a place (whose
  country is the target and which becomes the relation's ``location``);
- ``igo_after``/``igo_before``: the first IGO actor after / the IGO right before
  ("NATO's 31st member"); "the alliance", "the bloc's", "its" stand for the IGO named last;
- ``cmod``: the actor qualifying the commodity after the trigger ("buys Russian gas");
- ``hyphen_pair`` (source only): "the US-Japan alliance", "the Israel-Hamas war";
- ``last_two`` (source only): "the two allies": the last two states named before;
- ``igo_recent``: the IGO named last in this or the two previous sentences ("Finland
  became a member in April 2023");
- ``pair`` (source only): a list of two or more actors before the trigger, or after
  "between", relates its first member to each other member; "the two countries" stands
  for the last two states named before it;
- ``none`` (target only): no target (a claim on a sea).

Attributes: ``value_usd`` (or ``value`` and ``currency``) and ``year`` from a money
quantity and a date in the sentence; ``commodity``; ``rank`` ("third largest"; "after
the United States and France" adds arms_supply relations for those with ranks 1 and 2 and
``inferred: true``); ``location`` and ``distance_km``; ``since`` (a date after "since").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, Callable, Sequence

import yaml

from dyad.agreements.spans import (country_ref, group_after, group_before, ref_for_id,
                                   subject_actors, token_at)
from dyad.errors import ConfigError
from dyad.model import ActorRef, Evidence, Relation, make_id
from dyad.modality import modality_of
from dyad.nlp.parsed import ParsedDoc, Sentence

SYMMETRIC = frozenset({"alliance", "armed_conflict", "diplomatic_relations", "trade"})
ROLE_WINDOW = 60
_LEX_CACHE: list = []  # the lexicon of the running ``code`` call, for the ``cmod`` role
# Types between states (or groups), never with an IGO on either side.
STATE_PAIRS = frozenset({"alliance", "diplomatic_relations"})
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
# Between a modifier and its trigger: lower-case words and numbers ("Russia keeps about
# 1,500 troops", "US-brokered").
_MOD_GAP = re.compile(r"(?:['’]s)?(?:[\s\-a-z]|\d[\d,.]*|(?:First|Second|Third|Fourth|Fifth|Sixth|"
                      r"Seventh|Eighth|Ninth|Tenth)\b)*")
# Between a copular subject and its trigger: "Croatia is an EU member", "Poland, a NATO
# member", "Finland became NATO's 31st member", "Turkey has been a member of".
_COPULA = re.compile(r"(?:\s*,\s*(?:(?:a|an|the|one\s+of\s+the|another|fellow|also)\s+)*"
                     r"|\s+(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been|became|becomes|"
                     r"become|remains?|remained|as)\s+)(?:(?:a|an|the|its|one\s+of\s+the|not|also|"
                     r"now|already|still|formally|officially)\s+)*)[^,;:()]{0,30}$", re.IGNORECASE)
# Between an IGO and "member": "NATO member", "NATO's 31st member", "EU's newest member".
_IGO_GAP = re.compile(r"(?:['’]s?)?\s*(?:(?:\d+(?:st|nd|rd|th)|[a-z]+est|[a-z]+th|first|second|third|"
                      r"founding|full|newest|latest|fellow)\s+)?")
# An IGO named by a common noun or "its", resolved to the IGO named last before it.
_IGO_NOUNS = r"(?:alliance|bloc|union|organi[sz]ation|grouping|group|club|body|community|league)"
_IGO_ANAPHOR_AFTER = re.compile(rf"\s+the\s+(?:[\w-]+\s+){{0,2}}?{_IGO_NOUNS}\b", re.IGNORECASE)
_IGO_ANAPHOR_BEFORE = re.compile(rf"(?:\bthe\s+(?:[\w-]+\s+){{0,2}}?{_IGO_NOUNS}['’]s|\bits)\s+"
                                 r"(?:[\w-]+\s+)?$", re.IGNORECASE)
# A sentence opening with "It" or "The country" and a copula before the trigger.
_IT_SUBJECT = re.compile(r"\s*(?:It|The\s+country)\s+(?:(?:is|was|has\s+been|had\s+been|became|remains|"
                         r"also|now|already|still|formally)\s+)+(?:an?\s+|the\s+)?[^,;:()]{0,30}$")
_TWO_SIDES = re.compile(r"\b(?:the\s+two|both)\s+(?:countries|nations|states|sides|neighbou?rs|"
                        r"governments|capitals|rivals)\b", re.IGNORECASE)
_PREP = {"to": r"to", "from": r"from", "by": r"by", "of": r"of", "on": r"on|against|targeting",
         "with": r"with", "between": r"between|among"}


@dataclass(frozen=True)
class Pattern:
    type: str
    trigger: re.Pattern[str]
    source: tuple[str, ...]
    target: tuple[str, ...]
    requires: re.Pattern[str] | None
    forbid: re.Pattern[str] | None


@dataclass(frozen=True)
class RelationLexicon:
    patterns: tuple[Pattern, ...]
    commodities: tuple[tuple[str, str], ...]  # (word, relation type), longest first
    commodity_pattern: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def load_patterns() -> RelationLexicon:
    path = resources.files("dyad.relations").joinpath("data", "patterns.yaml")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        pats = tuple(Pattern(
            p["type"], re.compile(p["trigger"], re.IGNORECASE),
            tuple(p["source"].split("|")), tuple(p["target"].split("|")),
            re.compile(p["requires"], re.IGNORECASE) if p.get("requires") else None,
            re.compile(p["forbid"], re.IGNORECASE) if p.get("forbid") else None)
            for p in raw["patterns"])
    except (OSError, yaml.YAMLError, KeyError, re.error) as exc:
        raise ConfigError(f"relation patterns cannot be read ({exc}); fix "
                          "dyad/relations/data/patterns.yaml") from exc
    words = sorted(((w, t) for t, ws in raw["commodities"].items() for w in ws),
                   key=lambda x: len(x[0]), reverse=True)
    alternation = "|".join(re.escape(w) for w, _ in words)
    return RelationLexicon(pats, tuple(words), re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])",
                                                           re.IGNORECASE))


def code_v1(ctx: Any) -> list[Relation]:
    """The registered coder: ``ctx`` is a ``dyad.pipeline.DocContext``."""
    return code(ctx.parsed, actors=ctx.actors, places=ctx.places, dates=ctx.dates,
                quantities=ctx.quantities)


def merge_key(relation: Relation) -> tuple[str, str, str]:
    """(type, source id, target id) for the merge step; symmetric types sort the pair."""
    a, b = relation.source.actor_id, relation.target.actor_id if relation.target else ""
    if relation.relation_type in SYMMETRIC and b:
        a, b = sorted((a, b))
    return relation.relation_type, a, b


def code(parsed: ParsedDoc, *, actors: Sequence[Any] = (), places: Sequence[Any] = (),
         dates: Sequence[Any] = (), quantities: Sequence[Any] = (),
         lexicon: RelationLexicon | None = None, modality: Callable = modality_of,
         place_ref: Callable | None = None) -> list[Relation]:
    """Standing relations of one parsed document, in text order, without duplicates.

    ``place_ref`` turns a ``PlaceMention.place`` into a ``LocationRef`` (default
    ``dyad.geo.to_ref``).
    """
    lexicon = lexicon or load_patterns()
    _LEX_CACHE[:] = [lexicon]
    place_ref = place_ref or _geo_ref
    actors = sorted(actors, key=lambda a: a.start)
    out: dict[str, Relation] = {}
    for sent in parsed.sentences:
        if sent.end <= parsed.body_start:
            continue
        env = _Sentence(parsed, sent, [a for a in actors if sent.start <= a.start and a.end <= sent.end],
                        [p for p in places if sent.start <= p.start and p.end <= sent.end], actors)
        for pat in lexicon.patterns:
            for m in pat.trigger.finditer(parsed.text, sent.start, sent.end):
                for rel in _apply(env, pat, m, lexicon, dates, quantities, modality, place_ref):
                    out.setdefault(rel.relation_id, rel)
    return list(out.values())


@dataclass
class _Sentence:
    parsed: ParsedDoc
    sent: Sentence
    actors: list[Any]
    places: list[Any]
    pool: Sequence[Any]


def _apply(env: _Sentence, pat: Pattern, m: re.Match[str], lexicon: RelationLexicon,
           dates: Sequence[Any], quantities: Sequence[Any], modality: Callable,
           place_ref: Callable) -> list[Relation]:
    text, sent = env.parsed.text, env.sent
    after_text = text[m.end():min(sent.end, m.end() + ROLE_WINDOW)]
    if pat.requires and not pat.requires.search(after_text):
        return []
    if pat.forbid and pat.forbid.search(after_text):
        return []
    rtype, commodity = pat.type, _commodity(text, m, sent, lexicon)
    if rtype == "supply":
        if commodity is None:
            return []
        rtype = commodity[1]
    elif rtype not in {"trade", "sanctions"}:
        commodity = None  # "the two allies most dependent on Russian gas": not an attribute
    location = None
    pairs: list[tuple[ActorRef, ActorRef | None]] = []
    igo_first = pat.target[0].startswith("igo_")
    pre_targets, pre_role = _role(env, pat.target, m, place_ref) if igo_first else ([], "")
    if igo_first and not pre_targets:
        return []
    sources, src_role = _role(env, pat.source, m, place_ref, exclude={id(a) for a in pre_targets})
    if src_role == "pair":
        refs = [a if isinstance(a, ActorRef) else country_ref(a.actor, env.pool)
                for a in sources]
        pairs = [(refs[0], r) for r in refs[1:]]
    else:
        (targets, tgt_role) = (pre_targets, pre_role) if igo_first else _role(
            env, pat.target, m, place_ref, exclude={id(a) for a in sources})
        if tgt_role == "in" and targets and isinstance(targets[0], tuple):
            location = targets[0][1]
            target_refs = [targets[0][0]] if targets[0][0] is not None else []
        else:
            target_refs = [country_ref(a.actor, env.pool) if not isinstance(a, ActorRef) else a
                           for a in targets]
        src_refs = [a if isinstance(a, ActorRef) else country_ref(a.actor, env.pool)
                    for a in sources]
        if not src_refs or (not target_refs and tgt_role != "none"):
            return []
        pairs = [(s, t) for s in src_refs for t in (target_refs or [None])]
    pairs = [(s, t) for s, t in pairs if t is None or (
        s.actor_id != t.actor_id and (s.country is None or s.country != t.country
                                      or _is_igo(s) or _is_igo(t)))]
    if rtype in STATE_PAIRS:  # "NATO allies Poland and ...": membership, not an alliance
        pairs = [(s, t) for s, t in pairs
                 if not s.actor_id.startswith("IGO.") and not (t and t.actor_id.startswith("IGO."))]
    if not pairs:
        return []
    tok = token_at(env.parsed, m.start(), m.end())
    reading = modality(env.parsed, tok) if tok is not None else None
    mod = getattr(reading, "modality", "asserted")
    attrs = _attributes(env, m, dates, quantities, commodity, location)
    rels = [_relation(env, rtype, s, t, attrs, mod) for s, t in pairs]
    if rtype in {"arms_supply", "energy_supply", "trade"} and "rank" in attrs:
        rels += _inferred_ranks(env, m, rtype, pairs[0][1], attrs, mod)
    return rels


def _is_igo(ref: ActorRef) -> bool:
    return ref.actor_id.startswith("IGO.")


def _relation(env: _Sentence, rtype: str, source: ActorRef, target: ActorRef | None,
              attrs: dict, mod: str, extra: str = "") -> Relation:
    sent = env.sent
    rid = make_id("rel", rtype, source.actor_id, target.actor_id if target else "",
                  env.parsed.doc_id, sent.start, extra)
    return Relation(relation_id=rid, relation_type=rtype, source=source, target=target,
                    attributes=attrs, modality=mod,  # type: ignore[arg-type]
                    evidence=[Evidence(doc_id=env.parsed.doc_id, start=sent.start,
                                       end=sent.end, text=sent.text)])


def _role(env: _Sentence, roles: Sequence[str], m: re.Match[str], place_ref: Callable,
          exclude: set[int] = frozenset()) -> tuple[list[Any], str]:
    text, sent = env.parsed.text, env.sent
    actors = [a for a in env.actors if id(a) not in exclude]
    for role in roles:
        found: list[Any] = []
        if role == "before":
            found = _dep_subject(env, m, actors)
            if not found:
                cands = [a for a in actors if not _possessive(text, a, m.start())]
                found = group_before(text, cands, m.start(), floor=sent.start)
        elif role == "mod":
            # the resolver often takes the trigger into the mention ("American troops",
            # "Egyptian mediators"): the mention covering the trigger is its modifier
            found = [a for a in actors if a.start < m.start() < a.end][:1]
            if not found:
                found = group_before(text, actors, m.start(), floor=sent.start, max_gap=25)
                if found and not _MOD_GAP.fullmatch(text[found[-1].end:m.start()]):
                    found = []
        elif role == "poss":
            found = [a for a in actors if _possessive(text, a, m.start())][-1:]
            if not found:  # "Sweden's NATO membership" read as one IGO name: the place says who
                place = next((p for p in env.places if _possessive(text, p, m.start())
                              and not any(a.start <= p.start < a.end and a.actor.kind != "igo"
                                          for a in actors)), None)
                loc = place_ref(place.place) if place is not None else None
                if loc is not None and loc.country:
                    return [ref_for_id(loc.country, env.pool)], "poss"
        elif role == "subj":
            found = group_before(text, actors, m.start(), floor=sent.start)
            if found and not _COPULA.match(text[found[-1].end:m.start()]):
                found = []
            if not found and _IT_SUBJECT.match(text[sent.start:m.start()]):
                found = _previous_subject(env)  # "It has been a NATO member since 2009."
        elif role == "igo_recent":  # "Finland became a member in April 2023."
            found = [a for a in env.pool if a.actor.kind == "igo" and a.end <= m.start()
                     and a.start >= _sentence_start(env, back=2)][-1:]
        elif role == "after":
            found = group_after(text, actors, m.end(), ceiling=sent.end, max_gap=12)
        elif role == "next":
            found = group_after(text, actors, m.end(), ceiling=sent.end, max_gap=2)
        elif role == "after_far":
            found = group_after(text, actors, m.end(), ceiling=sent.end, max_gap=ROLE_WINDOW)
        elif role in _PREP:
            cue = re.search(rf"\b(?:{_PREP[role]})\s+", text[m.end():min(sent.end, m.end() + ROLE_WINDOW)],
                            re.IGNORECASE)
            if cue and not re.search(r"[;]", cue.string[:cue.start()]):
                found = group_after(text, actors, m.end() + cue.end(), ceiling=sent.end, max_gap=6)
        elif role == "cmod":  # "buys Russian gas": the supplier qualifies the commodity
            hit = _LEX_CACHE[0].commodity_pattern.search(text, m.end(), min(sent.end, m.end() + ROLE_WINDOW)) \
                if _LEX_CACHE else None
            if hit is not None:
                found = [a for a in actors if a.end <= hit.start() and a.start >= m.end()
                         and re.fullmatch(r"\s+(?:[a-z][\w-]*\s+){0,2}", text[a.end:hit.start()])][-1:]
        elif role == "hyphen_pair":  # "the US-Japan alliance", "the Israel-Hamas war"
            found = _hyphen_pair(text, actors, m.start(), sent.start)
            if found:
                return found, "pair"
        elif role == "last_two":  # "the two allies"
            found = _last_two_states(env, m.start())
            if found:
                return found, "pair"
        elif role == "pair":
            before = group_before(text, actors, m.start(), floor=sent.start)
            if len(before) >= 2:
                found = before
            elif _TWO_SIDES.search(text[sent.start:m.start()]):
                found = _last_two_states(env, sent.start)
            else:
                cue = re.search(r"\b(?:between|among)\s+", text[m.start():min(sent.end, m.end() + 20)])
                if cue:
                    after = group_after(text, actors, m.start() + cue.end(), ceiling=sent.end, max_gap=6)
                    found = after if len(after) >= 2 else []
        elif role == "place":
            place = next((p for p in env.places if 0 <= p.start - m.end() <= 6
                          and re.fullmatch(r"\s*(?:the\s+)?", text[m.end():p.start])), None)
            if place is not None:
                loc = place_ref(place.place)
                ref = ref_for_id(loc.country, env.pool) if loc.country else None
                return [(ref, loc)], "in"
        elif role == "in":
            hit = _in_target(env, m, actors, place_ref)
            if hit is not None:
                return [hit], "in"
        elif role == "igo_after":  # "a member of the EU and NATO": each IGO of the list
            igos = [a for a in actors if a.actor.kind == "igo"]
            found = group_after(text, igos, m.end(), ceiling=sent.end, max_gap=30)
            if not found and _IGO_ANAPHOR_AFTER.match(text, m.end()):
                found = _recent_igo(env, m.start())
        elif role == "igo_before":
            found = [a for a in actors if a.end <= m.start() and a.actor.kind == "igo"
                     and _IGO_GAP.fullmatch(text[a.end:m.start()])][-1:]
            if not found and _IGO_ANAPHOR_BEFORE.search(text[max(sent.start, m.start() - 40):m.start()]):
                found = _recent_igo(env, m.start())
        elif role == "none":
            return [], "none"
        if found:
            return found, role
    return [], ""


def _geo_ref(place: Any) -> Any:
    from dyad.geo import to_ref  # the gazetteer module, imported only when a place is read

    return to_ref(place)


def _possessive(text: str, actor: Any, offset: int) -> bool:
    """"Sweden's bid to join", "Japan's closest ally", "Sweden's NATO membership"."""
    return re.fullmatch(r"['’]s?\s+(?:[\w-]+\s+){0,3}", text[actor.end:offset]) is not None


def _dep_subject(env: _Sentence, m: re.Match[str], actors: Sequence[Any]) -> list[Any]:
    """The actors of the grammatical subject of a verb trigger (``spans.subject_actors``)."""
    return subject_actors(env.parsed, token_at(env.parsed, m.start(), m.end()), actors)


def _recent_igo(env: _Sentence, before: int) -> list[Any]:
    """"the alliance", "the bloc", "its": the IGO named last before ``before``, else the
    first one named after its sentence."""
    igos = [a for a in env.pool if a.actor.kind == "igo"]
    earlier = [a for a in igos if a.end <= before]
    # "Finland joined the alliance in 2023. NATO welcomed it.": named only later
    return earlier[-1:] or [a for a in igos if a.start >= env.sent.end][:1]


def _hyphen_pair(text: str, actors: Sequence[Any], before: int, floor: int) -> list[Any]:
    """Two actors joined by a hyphen or slash right before ``before``, with at most a few
    lower-case words between ("the US-Japan security alliance")."""
    cands = [a for a in actors if floor <= a.start and a.end <= before]
    for a, b in zip(cands[-2::-1], cands[::-1]):
        if re.fullmatch(r"\s*[-–/]\s*", text[a.end:b.start]) and \
                re.fullmatch(r"(?:\s+[a-z][\w-]*){0,3}\s*", text[b.end:before]):
            return [a, b]
        break
    return []


def _sentence_start(env: _Sentence, back: int) -> int:
    """The start of the sentence ``back`` sentences before this one."""
    return env.parsed.sentences[max(0, env.sent.i - back)].start


def _previous_subject(env: _Sentence) -> list[Any]:
    """The first state named in the previous sentence: what "It" opening this one stands
    for ("Croatia joined the EU in 2013. It has been a NATO member since 2009.")."""
    if env.sent.i == 0:
        return []
    prev = env.parsed.sentences[env.sent.i - 1]
    return [a for a in env.pool if prev.start <= a.start < prev.end and a.actor.kind == "state"][:1]


def _last_two_states(env: _Sentence, before: int) -> list[Any]:
    """"The two countries": the last two distinct states named before ``before``."""
    out: list[Any] = []
    for a in sorted(env.pool, key=lambda a: a.start, reverse=True):
        if a.end > before or a.actor.kind != "state" or not a.actor.country:
            continue
        if all(o.actor.country != a.actor.country for o in out):
            out.append(a)
        if len(out) == 2:
            return out[::-1]
    return []


def _in_target(env: _Sentence, m: re.Match[str], actors: Sequence[Any], place_ref: Callable):
    """(country ref or None, LocationRef or None) of what follows "in"/"at"/"on": the first
    cue whose name is a known place or actor ("bases at Akrotiri and Dhekelia in Cyprus"
    reads past the unknown Akrotiri)."""
    text, sent = env.parsed.text, env.sent
    for cue in re.finditer(r"\b(?:in|at|on|near|inside|to)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?(?=[A-Z])",
                           text[m.end():min(sent.end, m.end() + ROLE_WINDOW)]):
        at = m.end() + cue.end()
        place = next((p for p in env.places if p.start == at or at <= p.start <= at + 4), None)
        actor = next((a for a in actors if at <= a.start <= at + 4), None)
        if place is not None:
            loc = place_ref(place.place)
            country = actor.actor if actor is not None and actor.start == place.start \
                and actor.actor.kind in {"state", "igo"} else None
            ref = country_ref(country, env.pool) if country is not None else \
                ref_for_id(loc.country, env.pool) if loc.country else None
            return ref, loc
        if actor is not None and (actor.actor.kind in {"state", "igo"} or actor.actor.country):
            return country_ref(actor.actor, env.pool), None
        if actor is not None:
            return None  # "at Tartus" read as a company: no host rather than a wrong one
    return None


def _commodity(text: str, m: re.Match[str], sent: Sentence,
               lexicon: RelationLexicon) -> tuple[str, str] | None:
    """The commodity inside or after the trigger (else before it), with its relation type."""
    inside = lexicon.commodity_pattern.search(text, m.start(), m.end())
    hit = inside or lexicon.commodity_pattern.search(text, m.end(), min(sent.end, m.end() + ROLE_WINDOW))
    if hit is None:
        before = list(lexicon.commodity_pattern.finditer(text, max(sent.start, m.start() - 30), m.start()))
        hit = before[-1] if before else None
    if hit is None:
        return None
    word = hit.group(0).lower()
    kind = next(t for w, t in lexicon.commodities if w.lower() == word)
    return hit.group(0), kind


def _attributes(env: _Sentence, m: re.Match[str], dates: Sequence[Any], quantities: Sequence[Any],
                commodity: tuple[str, str] | None, location: Any) -> dict:
    text, sent = env.parsed.text, env.sent
    attrs: dict[str, Any] = {}
    qs = [q for q in quantities if q.start is not None and sent.start <= q.start and q.end <= sent.end]
    money = [q for q in qs if re.fullmatch(r"[A-Z]{3}", q.unit)]
    if money:
        q = next((q for q in money if q.unit == "USD"), money[0])
        if q.unit == "USD":
            attrs["value_usd"] = q.value
        else:
            attrs["value"], attrs["currency"] = q.value, q.unit
    km = [q for q in qs if q.unit == "km"]
    if km:
        attrs["distance_km"] = km[0].value
    ds = [d for d in dates if sent.start <= d.start and d.end <= sent.end and d.value]
    since = next((d for d in ds if d.kind == "range_start" or
                  text[max(sent.start, d.start - 6):d.start].lower().strip().endswith("since")), None)
    if since is not None:
        attrs["since"] = since.value
    elif ds:
        attrs["year"] = ds[0].value[:4] if ds[0].value[:1].isdigit() else ds[0].value
    if commodity is not None:
        attrs["commodity"] = commodity[0].lower() if commodity[0].islower() else commodity[0]
    if location is not None:
        attrs["location"] = location.model_dump(mode="json")
    rank = re.search(r"\b(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                     r"tenth|\d+(?:st|nd|rd|th))?[- ]?(?P<sup>largest|biggest|main|top|leading)\b",
                     text[max(sent.start, m.start() - 30):m.end()], re.IGNORECASE)
    if rank:
        word = (rank.group("ord") or "").lower()
        attrs["rank"] = ORDINALS.get(word) or (int(word[:-2]) if word[:-2].isdigit() else 1)
    return attrs


def _inferred_ranks(env: _Sentence, m: re.Match[str], rtype: str, target: ActorRef | None,
                    attrs: dict, mod: str) -> list[Relation]:
    """'the third largest arms supplier after the United States and France': the ones
    named after "after" are larger suppliers, ranked in the order given."""
    text, sent = env.parsed.text, env.sent
    cue = re.search(r"\b(?:after|behind)\s+(?:the\s+)?", text[m.end():min(sent.end, m.end() + 40)])
    if cue is None:
        return []
    larger = group_after(text, env.actors, m.end() + cue.end(), ceiling=sent.end, max_gap=6)
    out = []
    for rank, a in enumerate(larger, start=1):
        if rank >= attrs["rank"]:
            break
        inferred = {k: v for k, v in attrs.items() if k not in {"value_usd", "value", "currency"}}
        inferred.update(rank=rank, inferred=True, inferred_from="rank")
        out.append(_relation(env, rtype, country_ref(a.actor, env.pool), target, inferred, mod,
                             extra="inferred"))
    return out
