"""Resolve the actor mentions of a parsed document to actors: country, sector, kind, id.

``resolve_actors`` is a pure function of the parse, the dictionary and the document date.
It walks each sentence once, turning entities, titles and generic bodies into items, then
joins items into mentions by a few patterns (see ``dyad.actors.compose``):

    [former] [the] COUNTRY|BODY ['s] [BODY] [TITLE...] [PERSON]   "Brazilian Foreign Minister Mauro Vieira"
    BODY|TITLE of [the] COUNTRY [, PERSON]                         "the parliament of Norway"
    PERSON , [the] [COUNTRY ['s]] TITLE                           "Kofi Annan, UN secretary-general"

Then states named by description ("the central African country", "the kingdom", "his
country") take the state they refer back to (see ``dyad.actors.descriptions``); "the
North" and "the South" of Korea are its states (``dyad.actors.halves``), and a closed group
("the Baltic states") each of its members (``dyad.actors.state_groups``). Blocs and
alliances named by a common noun ("the bloc", "the alliance") are left to the coders, which
read them against the clause in focus (``dyad.relations.igo_roles``).

Every mention carries the reason it was resolved the way it was: which dictionary rows,
titles and rules (``"countries.tsv:33 demonym 'Brazilian' + titles.tsv:23 title 'Foreign
Minister' -> BRA GOV"``).

Actor ids are deterministic and readable: states "FRA", a state's sector "FRA.GOV", IGOs
"IGO.NATO" (with a sector "IGO.UN.MIL"), groups "group.hamas", organisations
"org.reuters", people "person.mauro-vieira".
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Sequence

from dyad.actors.compose import Composer
from dyad.actors.descriptions import with_descriptions
from dyad.actors.dictionary import ActorDictionary, load_dictionary
from dyad.actors.halves import with_halves
from dyad.actors.items import ResolvedMention, names_unknown
from dyad.actors.state_groups import with_state_groups
from dyad.model import Actor, Mention
from dyad.nlp.parsed import ParsedDoc


def resolve_actors(parsed: ParsedDoc, dictionary: ActorDictionary, *,
                   doc_date: str | None) -> list[ResolvedMention]:
    """Every actor mention in ``parsed``, in text order.

    ``doc_date`` (ISO 8601, possibly partial) chooses office holders and dated
    institutions; without it the current holders and rows are used.
    """
    composer = Composer(parsed, dictionary, doc_date)
    mentions = composer.run()
    mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
    mentions = with_descriptions(parsed, mentions, dictionary)
    mentions = with_halves(parsed, mentions, dictionary)
    mentions = with_state_groups(parsed, mentions, dictionary)
    return _unify_people(mentions)


def without_places(mentions: Sequence[ResolvedMention],
                   place_spans: Iterable[tuple[int, int]]) -> tuple[ResolvedMention, ...]:
    """The mentions minus the model's unvouched guesses that the gazetteer reads as places
    ("Kherson" tagged PERSON, "Persian Gulf" read as a Persian organisation)."""
    spans = list(place_spans)
    return tuple(m for m in mentions
                 if not (names_unknown(m) and any(a <= m.start and m.end <= b for a, b in spans)))


def _unify_people(mentions: list[ResolvedMention]) -> list[ResolvedMention]:
    """A person is one actor per document: every mention takes the most informative
    resolution ("Vieira" later in the text gets the BRA GOV of "Foreign Minister Mauro
    Vieira")."""
    best: dict[str, ResolvedMention] = {}
    for m in mentions:
        if m.actor.kind != "person":
            continue
        have = best.get(m.actor.actor_id)
        if have is None or _information(m.actor) > _information(have.actor):
            best[m.actor.actor_id] = m
    out = []
    for m in mentions:
        chosen = best.get(m.actor.actor_id) if m.actor.kind == "person" else None
        if chosen is not None and chosen is not m and chosen.actor != m.actor:
            m = replace(m, actor=chosen.actor, code=chosen.code, role=m.role or chosen.role,
                        reason=f"{m.reason}; same person as '{chosen.text}' at {chosen.start}")
        out.append(m)
    return out


def _information(actor: Actor) -> int:
    return ((actor.country is not None or actor.affiliation is not None) * 2
            + (actor.sector is not None))


def collect_actors(mentions: Iterable[ResolvedMention], doc_id: str) -> list[Actor]:
    """The distinct actors of a document, each with its mentions and surface aliases."""
    order: dict[str, Actor] = {}
    found: dict[str, list[Mention]] = {}
    for m in mentions:
        order.setdefault(m.actor.actor_id, m.actor)
        found.setdefault(m.actor.actor_id, []).append(
            Mention(doc_id=doc_id, start=m.start, end=m.end, text=m.text, reason=m.reason))
    actors = []
    for actor_id, actor in order.items():
        texts = dict.fromkeys(x.text for x in found[actor_id] if x.text != actor.name)
        actors.append(actor.model_copy(update={"aliases": list(texts),
                                               "mentions": found[actor_id]}))
    return actors


def resolve_country_surface(text: str, dictionary: ActorDictionary | None = None) -> str | None:
    """The ISO3 code a country name, alias or demonym stands for ("Brazilian" -> "BRA",
    "Ivory Coast's" -> "CIV", "Transnistria" -> "MDA"), or None. Capitals and seats of
    power are not countries here; an ambiguous form gives its default, if it has one."""
    d = dictionary or load_dictionary()
    surface = text.strip()
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if surface.endswith(suffix):
            surface = surface[: -len(suffix)]
            break
    amb = d.ambiguity(surface)
    if amb is not None:
        if amb.default is None:
            return None
        entry = d.default_entry(amb, surface)
        return entry.country if entry is not None and entry.kind == "state" else None
    countries = {e.country for e in d.lookup(surface)
                 if e.kind == "state" and e.form in ("name", "demonym")}
    return countries.pop() if len(countries) == 1 else None
