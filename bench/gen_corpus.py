"""Synthetic news-like articles for benchmarks and tests. SYNTHETIC: not real news.

Every article is assembled from templates: a wire dateline, a few sentences in which two
states act on each other (meetings, agreements, accusations, sanctions, deployments,
aid), and filler sentences with no actor (markets, weather, background), as real wire
copy mixes both. Names come from a small fixed list of states, capitals and offices.
Nothing in the output happened; it only has the shape and length of news, so that
throughput and memory can be measured on a corpus of any size. The same seed gives the
same corpus.

    .venv/bin/python bench/gen_corpus.py 20000 bench/data/corpus.jsonl.gz --seed 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

# (country, capital, demonym)
STATES = [
    ("France", "Paris", "French"), ("Greece", "Athens", "Greek"), ("Germany", "Berlin", "German"),
    ("Japan", "Tokyo", "Japanese"), ("South Korea", "Seoul", "South Korean"),
    ("China", "Beijing", "Chinese"), ("India", "New Delhi", "Indian"),
    ("Brazil", "Brasilia", "Brazilian"), ("Turkey", "Ankara", "Turkish"),
    ("Egypt", "Cairo", "Egyptian"), ("Kenya", "Nairobi", "Kenyan"),
    ("Mexico", "Mexico City", "Mexican"), ("Canada", "Ottawa", "Canadian"),
    ("Poland", "Warsaw", "Polish"), ("Ukraine", "Kyiv", "Ukrainian"),
    ("Russia", "Moscow", "Russian"), ("Iran", "Tehran", "Iranian"),
    ("Saudi Arabia", "Riyadh", "Saudi"), ("Indonesia", "Jakarta", "Indonesian"),
    ("Vietnam", "Hanoi", "Vietnamese"), ("Philippines", "Manila", "Philippine"),
    ("Nigeria", "Abuja", "Nigerian"), ("Argentina", "Buenos Aires", "Argentine"),
    ("Australia", "Canberra", "Australian"), ("Sweden", "Stockholm", "Swedish"),
    ("Armenia", "Yerevan", "Armenian"), ("Azerbaijan", "Baku", "Azerbaijani"),
    ("Ethiopia", "Addis Ababa", "Ethiopian"), ("Pakistan", "Islamabad", "Pakistani"),
    ("United States", "Washington", "U.S."),
]
OFFICES = ["foreign minister", "defence minister", "prime minister", "president",
           "trade minister", "energy minister"]
AGENCIES = ["AFP", "Reuters", "AP", "dyad-synthetic"]
AGREEMENTS = ["a defence cooperation agreement", "a free trade agreement",
              "a memorandum of understanding on energy", "a ceasefire agreement",
              "a framework agreement on migration", "an arms deal worth $2 billion"]
ACTIONS = [
    "{a} and {b} signed {agreement} in {city_a} on {weekday}.",
    "The {dem_a} {office} met {dem_b} counterpart in {city_b} to discuss border security.",
    "{a} accused {b} of violating the ceasefire along their shared border.",
    "{a} imposed sanctions on {b} over its nuclear programme, officials said.",
    "{a} deployed troops near the border with {b}, according to the defence ministry.",
    "{a} pledged $50 million in humanitarian aid to {b} after the floods.",
    "{a} recalled its ambassador from {b} in protest.",
    "{a} said it would host talks with {b} next month.",
    "The {dem_a} government condemned the missile strike, blaming {b}.",
    "{a} and {b} agreed to resume direct flights and expand trade.",
]
FILLER = [
    "Markets in the region were little changed on the day.",
    "Heavy rain was forecast for the weekend across much of the coast.",
    "The meeting lasted about two hours, according to people familiar with it.",
    "Analysts said the outcome would depend on negotiations later in the year.",
    "The statement gave no further details.",
    "Local media reported long queues at petrol stations in several towns.",
    "The central bank kept interest rates unchanged for a third consecutive meeting.",
    "Officials declined to comment on the record.",
    "Opposition lawmakers called for a parliamentary debate on the matter.",
    "The ministry said a fuller report would be published in the coming weeks.",
    "Unemployment edged down to 6.1 percent in the third quarter.",
    "A spokesperson said the schedule had not yet been finalised.",
    "Thousands of people attended the festival, organisers said.",
    "The talks were described by both sides as constructive.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct",
          "Nov", "Dec"]


def article(rng: random.Random, i: int, start: dt.date, days: int) -> dict:
    """One synthetic article: dateline, 2-5 actor sentences, filler, as a JSONL object."""
    date = start + dt.timedelta(days=rng.randrange(days))
    (a, city_a, dem_a), (b, city_b, dem_b) = rng.sample(STATES, 2)
    fill = {"a": a, "b": b, "city_a": city_a, "city_b": city_b, "dem_a": dem_a,
            "dem_b": dem_b, "office": rng.choice(OFFICES),
            "agreement": rng.choice(AGREEMENTS), "weekday": rng.choice(WEEKDAYS)}
    sentences = [rng.choice(ACTIONS).format(**fill) for _ in range(rng.randint(2, 5))]
    sentences += rng.choices(FILLER, k=rng.randint(14, 34))
    rest = sentences[1:]
    rng.shuffle(rest)  # the lead stays first, as in a news story
    sentences = [sentences[0], *rest]
    paragraphs, k = [], 0
    while k < len(sentences):
        step = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[k:k + step]))
        k += step
    dateline = f"{city_a.upper()}, {MONTHS[date.month - 1]} {date.day} ({rng.choice(AGENCIES)}) - "
    return {"id": f"synthetic-{i:08d}", "title": sentences[0][:80], "date": date.isoformat(),
            "source": "dyad synthetic corpus (not real news)",
            "text": dateline + "\n\n".join(paragraphs)}


def articles(n: int, *, seed: int = 1, start: dt.date = dt.date(2024, 1, 1),
             days: int = 366) -> Iterator[dict]:
    rng = random.Random(seed)
    for i in range(n):
        yield article(rng, i, start, days)


def write(n: int, path: Path, *, seed: int = 1) -> Path:
    """Write ``n`` articles as JSON Lines (gzipped when the name ends in .gz)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle: IO[str] = (gzip.open(path, "wt", encoding="utf-8", compresslevel=5)
                       if path.name.endswith(".gz") else path.open("w", encoding="utf-8"))
    with handle:
        for doc in articles(n, seed=seed):
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("path", type=Path, help="output .jsonl or .jsonl.gz")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    write(args.n, args.path, seed=args.seed)
    print(f"wrote {args.n} synthetic articles to {args.path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
