#!/usr/bin/env python
"""Search latency on the current database: p50 and p95 of /sok/ for a set of queries.

    python bench/search.py                    # measure the archive as it is
    python bench/search.py --generate 2000    # first add 2000 synthetic published meetings
    python bench/search.py --clear            # remove the synthetic meetings again

Synthetic meetings belong to the organisation "Syntetisk region" (slug syntetisk-region) so they can
be told apart and removed. Each has 12 paragraphs of text drawn from a Zipf-distributed vocabulary of the
domain's words among invented ones, and a decision per paragraph; they are written with bulk_create and the search text
service, as an importer would.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutes.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from meetings.models import AgendaItem, Body, Decision, Meeting  # noqa: E402
from meetings.services import agenda_items_refresh_search_document  # noqa: E402
from members.models import Organisation  # noqa: E402

SYNTHETIC_ORGANISATION = "syntetisk-region"
QUERIES = [
    "kompetens",
    "Mini-Maria",
    "kompetensförsörjning vård",
    '"psykisk hälsa"',
    "digitalisering or välfärdsteknik",
    "barn -unga",
    "samverkan",
    "äldreomsorg",
    "informationen antecknas",
    "§ 175",
    "zzzzzz",
]
# Words of the domain, placed at ranks of a Zipf distribution among invented words, so that a query
# matches a realistic share of the archive: common words many paragraphs, specific words few.
DOMAIN_WORDS = [
    "informationen",
    "antecknas",
    "styrgruppen",
    "kommunerna",
    "samverkan",
    "uppdrag",
    "rapport",
    "förbundsstyrelsen",
    "vård",
    "omsorg",
    "socialtjänst",
    "digitalisering",
    "barn",
    "unga",
    "budget",
    "uppföljning",
    "äldreomsorg",
    "psykisk",
    "hälsa",
    "nätverket",
    "analys",
    "förstudie",
    "region",
    "kompetensförsörjning",
    "kompetensutveckling",
    "medarbetare",
    "upphandling",
    "implementering",
    "välfärdsteknik",
    "missbruk",
    "beroende",
    "hemlöshet",
    "funktionshinder",
    "primärvård",
    "lärplattform",
    "undersköterska",
    "karriärväg",
    "utförarregister",
    "verksamhetsplan",
    "ekonomiskt",
    "bistånd",
]
STOPWORDS = ["och", "att", "i", "för", "som", "med", "på", "av", "till", "en", "det", "är"]
SYLLABLES = [
    "an",
    "be",
    "da",
    "ek",
    "fo",
    "gra",
    "hus",
    "in",
    "ka",
    "lo",
    "mo",
    "na",
    "or",
    "pa",
    "ri",
    "sa",
    "ti",
]


def vocabulary(rng: random.Random, size: int = 6000) -> tuple[list[str], list[float]]:
    words = list(STOPWORDS)
    invented = set()
    while len(invented) < size:
        invented.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    words.extend(sorted(invented))
    for index, word in enumerate(DOMAIN_WORDS):
        words.insert(len(STOPWORDS) + 5 + index * 40, word)  # ranks ~17 to ~1600
    cumulative, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1 / (rank**1.05)
        cumulative.append(total)
    return words, cumulative


def sentence(rng: random.Random, length: int, words, cumulative) -> str:
    return " ".join(rng.choices(words, cum_weights=cumulative, k=length)).capitalize() + "."


@transaction.atomic
def generate(count: int, seed: int = 42) -> None:
    rng = random.Random(seed)
    words, weights = vocabulary(rng)
    organisation, _ = Organisation.objects.get_or_create(
        slug=SYNTHETIC_ORGANISATION, defaults={"name": "Syntetisk region", "kind": Organisation.Kind.REGION}
    )
    bodies = [
        Body.objects.get_or_create(
            slug=f"syntetiskt-organ-{n}",
            defaults={
                "organisation": organisation,
                "name": f"Syntetiskt organ {n}",
                "kind": Body.Kind.COMMITTEE,
            },
        )[0]
        for n in range(1, 11)
    ]
    existing = set(Meeting.objects.filter(body__in=bodies).values_list("body_id", "date"))
    start = datetime.date(2000, 1, 3)
    meetings = []
    day = 0
    while len(meetings) < count:
        body = bodies[len(meetings) % len(bodies)]
        date = start + datetime.timedelta(days=day)
        day += 1 if len(meetings) % len(bodies) == len(bodies) - 1 else 0
        if (body.pk, date) in existing:
            continue
        existing.add((body.pk, date))
        meetings.append(
            Meeting(
                body=body,
                date=date,
                status=Meeting.Status.PUBLISHED,
                adjusted_on=date + datetime.timedelta(days=7),
                posted_on=date + datetime.timedelta(days=8),
            )
        )
    meetings = Meeting.objects.bulk_create(meetings, batch_size=1000)
    items = []
    for meeting in meetings:
        for position in range(1, 13):
            items.append(
                AgendaItem(
                    meeting=meeting,
                    number=position,
                    position=position,
                    title=sentence(rng, 5, words, weights),
                    summary=" ".join(sentence(rng, 15, words, weights) for _ in range(4)),
                    discussion="\n".join("- " + sentence(rng, 12, words, weights) for _ in range(3)),
                )
            )
    items = AgendaItem.objects.bulk_create(items, batch_size=2000)
    Decision.objects.bulk_create(
        [
            Decision(agenda_item=item, kind=Decision.Kind.NOTED, text=sentence(rng, 8, words, weights))
            for item in items
        ],
        batch_size=2000,
    )
    ids = [item.pk for item in items]
    for offset in range(0, len(ids), 5000):
        agenda_items_refresh_search_document(item_ids=ids[offset : offset + 5000])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE meetings_agendaitem")
    print(f"Generated {len(meetings)} meetings with {len(items)} paragraphs.")


@transaction.atomic
def clear() -> None:
    bodies = Body.objects.filter(organisation__slug=SYNTHETIC_ORGANISATION)
    Meeting.objects.filter(body__in=bodies).delete()
    bodies.delete()
    Organisation.objects.filter(slug=SYNTHETIC_ORGANISATION).delete()
    print("Removed the synthetic meetings.")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(runs: int) -> None:
    client = Client(HTTP_HOST="localhost")
    paragraphs = AgendaItem.objects.public().count()
    print(f"Search latency over {paragraphs} public paragraphs, {runs} runs per query (whole /sok/ page):")
    client.get("/sok/", {"q": "uppvärmning"})  # warm connections and caches
    everything = []
    print(f"{'query':34} {'p50 ms':>8} {'p95 ms':>8}  status")
    for query in QUERIES:
        timings = []
        status = None
        for _ in range(runs):
            began = time.perf_counter()
            response = client.get("/sok/", {"q": query})
            timings.append((time.perf_counter() - began) * 1000)
            status = response.status_code
        everything.extend(timings)
        print(f"{query:34} {statistics.median(timings):8.1f} {percentile(timings, 0.95):8.1f}  {status}")
    print(f"{'all queries':34} {statistics.median(everything):8.1f} {percentile(everything, 0.95):8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--generate", type=int, metavar="N", help="first add N synthetic published meetings")
    parser.add_argument("--clear", action="store_true", help="remove the synthetic meetings and stop")
    parser.add_argument("--runs", type=int, default=20, help="runs per query (default 20)")
    args = parser.parse_args()
    if args.clear:
        clear()
        return
    if args.generate:
        generate(args.generate)
    measure(args.runs)


if __name__ == "__main__":
    main()
