#!/usr/bin/env python
"""The archive at scale: search and page latency through gunicorn on synthetic archives.

    python bench/archive.py                  # 10,000 and 100,000 paragraphs
    BENCH_FULL=1 python bench/archive.py     # … and 1,000,000 (1.5–4 minutes to generate)
    python bench/archive.py --sizes 1m --reuse --runs 50 --note "idle machine"

For each size: a database ``bench_<size>`` on the PostgreSQL server of ``BENCH_DATABASE_URL``
(default: the local server, ``postgres://postgres@127.0.0.1:5432/``; without one, the embedded
server under var/) is made anew, migrated and filled by ``manage.py generate_archive`` (kept
with --reuse when it already holds an archive of that size). Then gunicorn (2 workers, DEBUG off) serves it
on port 8210 (``BENCH_PORT`` to change it) and this script measures, each with its own requests:

* p50/p95 per search class and per page, through the server;
* the same searches done naively (ILIKE over the texts, exact COUNT, no index), as the baseline;
* requests per second of a meeting page and of a static file, with 4 concurrent clients;
* queries per page, counted in-process;
* whether each planted paragraph (meetings.synthetic.PLANTED) stays in the top three;
* with --explain (the default for the largest size): EXPLAIN (ANALYZE, BUFFERS) of the slow
  queries before (the former queries, stock settings: JIT on, 4 MB work_mem) and after.

The tables are printed and written into bench/RESULTS.md between the markers, with the
machine's description; the rest of that file is left as it is.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8210"))
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
RESULTS = BASE_DIR / "bench" / "RESULTS.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
TARGET_MS = 50


# ---------------------------------------------------------------------------------------------------
# The orchestrator: databases, archives, gunicorn (no Django in this process)


def server_url() -> str:
    """The PostgreSQL server to create the benchmark databases on, ending in '/'."""
    url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/")
    parsed = urllib.parse.urlsplit(url)
    try:
        socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 5432), timeout=1).close()
        return url if url.endswith("/") else url + "/"
    except OSError:
        sys.path.insert(0, str(BASE_DIR))
        from minutes.embedded_db import database_settings

        settings = database_settings()
        host = urllib.parse.quote(settings["HOST"], safe="")
        print(f"No PostgreSQL server at {parsed.hostname}:{parsed.port}; using the embedded one.")
        return f"postgres://{settings['USER']}@{host}:{settings['PORT']}/"


def ensure_database(base: str, name: str, *, fresh: bool = False) -> str:
    """The URL of database ``name``, created when missing; with ``fresh``, made anew.

    An archive is generated into a new database: replaced in place, the previous one's rows stay
    in the tables' files as free space, and the naive baseline, which reads every page, would read
    twice as many (5.5–6 s instead of 2.6–2.8 s at 1,000,000 paragraphs)."""
    import psycopg

    admin = base + "postgres"
    with psycopg.connect(_libpq(admin), autocommit=True) as connection:
        if fresh:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return base + name


def _libpq(url: str) -> str:
    """A URL psycopg accepts (a socket directory as the host is given as a parameter)."""
    parsed = urllib.parse.urlsplit(url)
    if parsed.hostname and parsed.hostname.startswith("%2f"):
        host = urllib.parse.unquote(parsed.hostname)
        return f"postgresql://{parsed.username}@:{parsed.port}{parsed.path}?host={host}"
    return url


def manage(url: str, *args: str, debug: str = "1") -> None:
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": debug, "SECRET_KEY": "bench-only-secret-key"}
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def archive_changed(url: str) -> None:
    """Bumps the archive's revision (``meetings.archive_version``), as a change to the archive does."""
    import psycopg

    with psycopg.connect(_libpq(url), autocommit=True) as connection:
        connection.execute(
            "INSERT INTO meetings_archiverevision (id, number, changed_at) VALUES (1, 1, now()) "
            "ON CONFLICT (id) DO UPDATE SET number = meetings_archiverevision.number + 1, changed_at = now()"
        )


def paragraphs_in(url: str) -> int:
    import psycopg

    with psycopg.connect(_libpq(url)) as connection:
        try:
            row = connection.execute(
                "SELECT COUNT(*) FROM meetings_agendaitem i JOIN meetings_meeting m ON m.id = i.meeting_id "
                "JOIN meetings_body b ON b.id = m.body_id JOIN members_organisation o ON o.id = b.organisation_id "
                "WHERE o.slug LIKE 'syntetisk-%%'"
            ).fetchone()
        except psycopg.Error:
            return 0
    return row[0]


class Gunicorn:
    """gunicorn serving the app on the benchmark port, stopped on exit (by its own process id)."""

    def __init__(self, url: str, workers: int = 2):
        self.env = {
            **os.environ,
            "DATABASE_URL": url,
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-secret-key",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_COOKIES": "0",
            "LOG_LEVEL": "ERROR",
        }
        self.workers = workers

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "minutes.wsgi:application",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                str(self.workers),
                "--log-level",
                "error",
            ],
            cwd=BASE_DIR,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _ = request("/static/css/site.css")
                if status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        self.process.terminate()
        raise RuntimeError(f"gunicorn did not answer on port {PORT}")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def request(path: str, headers: dict | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    try:
        connection.request("GET", path, headers={"Host": "localhost", **(headers or {})})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def timed(path: str, runs: int) -> dict:
    for _ in range(2):
        request(path)  # warm the workers' connections and caches
    timings, status, size = [], None, 0
    for _ in range(runs):
        began = time.perf_counter()
        status, body = request(path)
        timings.append((time.perf_counter() - began) * 1000)
        size = len(body)
    return {
        "p50": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "status": status,
        "bytes": size,
    }


def throughput(path: str, seconds: float = 5.0, clients: int = 4) -> float:
    stop = time.monotonic() + seconds
    counts = [0] * clients

    def client(index: int) -> None:
        while time.monotonic() < stop:
            request(path)
            counts[index] += 1

    threads = [threading.Thread(target=client, args=(index,)) for index in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / seconds


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def measure_size(label: str, url: str, runs: int, explain: bool) -> dict:
    """In-process measurements (plans, queries, relevance, baseline) in a child process for this database."""
    # Plain HTTP, as gunicorn serves it here: without SECURE_COOKIES=0 every request would be
    # redirected to HTTPS and run no query.
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key",
        "SECURE_COOKIES": "0",
    }
    args = [PYTHON, __file__, "--inside", label] + (["--explain"] if explain else [])
    output = subprocess.run(args, cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True).stdout
    inside = json.loads(output)
    print(f"  {label}: timing pages and searches through gunicorn ({runs} runs each)…", flush=True)
    with Gunicorn(url):
        http_results = {}
        for name, path in inside["paths"].items():
            http_results[name] = timed(path, runs)
        # First views of pages not seen before: rendering, not the cache. Pages cached per version
        # of the archive are asked right after a change (the revision bumped, as a secretary's
        # save does), so that what they keep per version is computed again as well.
        for name, fresh_paths in inside["first_views"].items():
            cold = []
            for path in fresh_paths:
                if name in inside["after_a_change"]:
                    archive_changed(url)
                began = time.perf_counter()
                request(path)
                cold.append((time.perf_counter() - began) * 1000)
            http_results[name] = {
                "p50": statistics.median(cold),
                "p95": percentile(cold, 0.95),
                "status": 200,
                "bytes": 0,
            }
        rps = {
            "meeting": throughput(inside["paths"]["meeting"]),
            "static": throughput("/static/css/site.css"),
        }
    return {**inside, "http": http_results, "rps": rps}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(
            int(line.split()[1]) // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        memory = 0
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?", "?", "?")
    return (
        f"{platform.node()}: {os.cpu_count()} cores ({cpu}), {memory:,} MB RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}; load average at start "
        f"{load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}"
    )


def report(results: dict, started: str, description: str, note: str) -> str:
    lines = [
        f"Run of {started} (UTC) — `python bench/archive.py` — {description}.",
        "",
    ]
    if note:
        lines += [f"Conditions: {note}", ""]
    for label, result in results.items():
        lines += [
            f"### {result['paragraphs']:,} paragraphs ({label})",
            "",
            f"{result['summary']} PostgreSQL: {result['server']}.",
            "",
            "| class | p50 ms | p95 ms | naive p50 ms | × naive | queries | status | target p95 ≤ 50 ms |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for name, timing in result["http"].items():
            naive = result["baseline"].get(name)
            speedup = f"{naive / timing['p50']:,.0f}×" if naive else "–"
            naive_text = f"{naive:,.0f}" if naive else "–"
            queries = result["queries"].get(name, "–")
            verdict = "yes" if timing["p95"] <= TARGET_MS else "**no**"
            lines.append(
                f"| {name} | {timing['p50']:.1f} | {timing['p95']:.1f} | {naive_text} | {speedup} | "
                f"{queries} | {timing['status']} | {verdict} |"
            )
        rps = result["rps"]
        lines += [
            "",
            f"Requests/s with 4 concurrent clients: meeting page {rps['meeting']:,.0f}, static file "
            f"{rps['static']:,.0f} — {rps['meeting'] / rps['static']:.2f} of the static file.",
            "",
            "Planted best answers in the top 3: "
            + ", ".join(
                f"“{query}” {'yes' if ok else '**no**'}" for query, ok in result["relevance"].items()
            ),
            "",
        ]
        if result.get("plans"):
            lines += ["#### Plans (EXPLAIN (ANALYZE, BUFFERS))", ""]
            for title, plan in result["plans"]:
                lines += [f"<details><summary>{title}</summary>", "", "```", plan, "```", "</details>", ""]
    return "\n".join(lines)


def write_results(text: str) -> None:
    current = RESULTS.read_text() if RESULTS.exists() else f"# Benchmark results\n\n{BEGIN}\n{END}\n"
    if BEGIN not in current:
        current += f"\n{BEGIN}\n{END}\n"
    head, rest = current.split(BEGIN, 1)
    tail = rest.split(END, 1)[1] if END in rest else ""
    RESULTS.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", help="comma-separated: 10k,100k,1m (default 10k,100k; 1m with BENCH_FULL=1)"
    )
    parser.add_argument("--runs", type=int, default=30, help="requests per class (default 30)")
    parser.add_argument(
        "--reuse", action="store_true", help="keep an archive of the right size already there"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--note", default="", help="the conditions of the run, for RESULTS.md")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md")
    parser.add_argument("--inside", help=argparse.SUPPRESS)
    parser.add_argument("--explain", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        print(json.dumps(inside_measurements(args.inside, explain=args.explain), default=str))
        return

    labels = (args.sizes or ("10k,100k,1m" if os.environ.get("BENCH_FULL") else "10k,100k")).split(",")
    unknown = [label for label in labels if label not in SIZES]
    if unknown:
        parser.error(f"unknown size {unknown[0]!r}: use {', '.join(SIZES)}")
    started = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
    description = machine()
    print(description)
    base = server_url()
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "bench-only-secret-key"}
    # gunicorn runs with DEBUG off: static files from the manifest that collectstatic writes.
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True
    )
    results = {}
    for label in labels:
        paragraphs = SIZES[label]
        url = ensure_database(base, f"bench_{label}")
        print(f"== {paragraphs:,} paragraphs (database bench_{label})", flush=True)
        if not (args.reuse and paragraphs_in(url) == paragraphs):
            url = ensure_database(base, f"bench_{label}", fresh=True)
            manage(url, "migrate", "--noinput", "-v0")
            manage(url, "generate_archive", "--paragraphs", str(paragraphs), "--seed", str(args.seed))
        else:
            manage(url, "migrate", "--noinput", "-v0")
        results[label] = measure_size(label, url, args.runs, explain=label == labels[-1])
        print(report({label: {**results[label], "plans": []}}, started, description, args.note))
    if not args.no_write:
        write_results(report(results, started, description, args.note))
        print(f"Written to {RESULTS.relative_to(BASE_DIR)}.")


# ---------------------------------------------------------------------------------------------------
# Inside: Django configured for one benchmark database


def inside_measurements(label: str, *, explain: bool) -> dict:
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutes.settings")
    import django

    django.setup()

    from django.contrib.postgres.search import SearchRank
    from django.db import connection
    from django.db.models import Count, Exists, F, OuterRef
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from meetings import synthetic
    from meetings.models import AgendaItem, Attendance, Body, Case, Meeting
    from meetings.search import build_tsquery
    from members.models import Person

    body = Body.objects.get(slug=synthetic.STRESS_BODY_SLUG)
    person = Person.objects.get(slug=synthetic.STRESS_PERSON_SLUG)
    meetings = Meeting.objects.public().filter(body=body).order_by("-date")
    meeting = meetings.first()
    item = AgendaItem.objects.filter(meeting=meeting, number__isnull=False).order_by("position").first()
    if item is None:  # a record of notes: take the newest protocol of the body
        item = (
            AgendaItem.objects.filter(meeting__in=meetings, number__isnull=False)
            .order_by("-meeting__date")
            .first()
        )
        meeting = item.meeting
    reference = f"§ {item.number} {meeting.date.year} {body.slug}"

    def search(**params) -> str:
        return "/sok/?" + urllib.parse.urlencode(params)

    searches = {
        "search: common word (vård)": ({"q": "vård"}, "vård"),
        "search: rare word (trygghetslarm)": ({"q": "trygghetslarm"}, "trygghetslarm"),
        'search: phrase ("psykisk hälsa")': ({"q": '"psykisk hälsa"'}, "psykisk hälsa"),
        "search: prefix/compound (kompetens)": ({"q": "kompetens"}, "kompetens"),
        "search: § reference": ({"q": reference}, None),
        "search: filtered (vård, body, year)": (
            {"q": "vård", "body": body.slug, "year": meeting.date.year - 1},
            "vård",
        ),
        "search: no hits (zyxwvuq)": ({"q": "zyxwvuq"}, "zyxwvuq"),
        "search: page 50 (vård)": ({"q": "vård", "page": 50}, "vård"),
        "search: filters only (person)": ({"person": person.slug}, None),
        "search: filters only (kind)": ({"kind": "assignment"}, None),
        "person suggestions (JSON)": (None, None),
    }
    paths = {name: search(**params) for name, (params, _word) in searches.items() if params is not None}
    paths["person suggestions (JSON)"] = "/sok/personer/?q=stina"
    paths.update(
        {
            "home": "/",
            "body (stress body)": body.get_absolute_url(),
            "body, page 100": body.get_absolute_url() + "?page=100",
            "meeting": meeting.get_absolute_url(),
            "paragraph": item.get_absolute_url(),
            "person (stress person)": person.get_absolute_url(),
            "people index": "/personer/",
            "people index, page 100": "/personer/?page=100",
            "notice board": "/anslagstavla/",
        }
    )
    # The region's case index (the stress body's tens of thousands of cases) and its longest case.
    region = body.organisation
    case = Case.objects.filter(organisation=region).annotate(n=Count("items")).order_by("-n", "pk").first()
    if case is not None:  # an archive generated before the generator wrote case numbers has none
        paths["case index (region)"] = f"/arenden/{region.slug}/"
        paths["case"] = f"/arenden/{region.slug}/{case.slug}/"
    # Pages cached per version are also measured at their first view: 30 meetings picked at random;
    # the stress person's and body's pages and the region's case index at addresses not asked
    # before (a parameter the pages ignore makes a new cache key), each right after a change of
    # the archive, so each is rendered from the database.
    first_views = {
        "meeting (first view)": [m.get_absolute_url() for m in Meeting.objects.public().order_by("?")[:30]],
        "body (stress body, first view)": [f"{body.get_absolute_url()}?first={n}" for n in range(30)],
        "person (stress person, first view)": [f"{person.get_absolute_url()}?first={n}" for n in range(30)],
        "notice board (first view)": [f"/anslagstavla/?first={n}" for n in range(30)],
    }
    if case is not None:
        first_views["case index (region, first view)"] = [
            f"/arenden/{region.slug}/?first={n}" for n in range(30)
        ]

    # Queries per page, in-process (the same code as the server runs).
    client = Client(HTTP_HOST="localhost")
    queries = {}
    for name, path in paths.items():
        client.get(path)
        with CaptureQueriesContext(connection) as context:
            client.get(path)
        queries[name] = len(context.captured_queries)
    for name, fresh_paths in first_views.items():  # a first view: not cached yet
        with CaptureQueriesContext(connection) as context:
            client.get(fresh_paths[0])
        queries[name] = len(context.captured_queries)

    # The naive baseline: ILIKE over every text column, an exact count, newest first.
    baseline = {}
    naive_sql = (
        "SELECT i.id FROM meetings_agendaitem i JOIN meetings_meeting m ON m.id = i.meeting_id "
        "WHERE m.status = 'published' AND NOT i.confidential AND {where} "
        "ORDER BY m.date DESC, i.position LIMIT 20 OFFSET {offset}"
    )
    count_sql = (
        "SELECT COUNT(*) FROM meetings_agendaitem i JOIN meetings_meeting m ON m.id = i.meeting_id "
        "WHERE m.status = 'published' AND NOT i.confidential AND {where}"
    )
    text = "(i.title || ' ' || i.summary || ' ' || i.discussion || ' ' || i.search_document) ILIKE %s"
    with connection.cursor() as cursor:
        for name, (params, word) in searches.items():
            if not word:
                continue
            where, values = text, [f"%{word}%"]
            if "body" in (params or {}):
                where += " AND m.body_id = %s AND EXTRACT(year FROM m.date) = %s"
                values += [body.pk, params["year"]]
            offset = 20 * (int(params.get("page", 1)) - 1)
            timings = []
            for _ in range(3):
                began = time.perf_counter()
                cursor.execute(count_sql.format(where=where), values)
                cursor.execute(naive_sql.format(where=where, offset=offset), values)
                cursor.fetchall()
                timings.append((time.perf_counter() - began) * 1000)
            baseline[name] = statistics.median(timings)

    # Planted best answers.
    relevance = {plant.query: plant.in_top_three() for plant in synthetic.PLANTED}

    plans = []
    if explain:
        plans = explain_plans(
            connection,
            client,
            paths,
            before={
                "vård": build_tsquery("vård"),
                "kompetens": build_tsquery("kompetens"),
                '"psykisk hälsa"': build_tsquery('"psykisk hälsa"'),
            },
            models=(AgendaItem, Attendance, Meeting, Person, SearchRank, F, Count, Exists, OuterRef),
        )

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        server = cursor.fetchone()[0].split(" on ")[0]
    counts = {
        "meetings": Meeting.objects.count(),
        "paragraphs": AgendaItem.objects.count(),
        "attendance rows": Attendance.objects.count(),
        "people": Person.objects.count(),
        "bodies": Body.objects.count(),
    }
    summary = ", ".join(f"{value:,} {name}" for name, value in counts.items()) + "."
    return {
        "paragraphs": SIZES[label],
        "summary": summary,
        "server": server,
        "paths": paths,
        "first_views": first_views,
        "after_a_change": [name for name in first_views if name != "meeting (first view)"],
        "queries": queries,
        "baseline": baseline,
        "relevance": relevance,
        "plans": plans,
    }


def explain_plans(connection, client, paths, *, before, models) -> list[tuple[str, str]]:
    """Plans of the former slow queries under stock settings, then of today's under the app's."""
    from django.core.cache import cache
    from django.test.utils import CaptureQueriesContext

    AgendaItem, Attendance, Meeting, Person, SearchRank, F, Count, Exists, OuterRef = models
    plans = []

    def plan(sql: str, params=None) -> str:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            return "\n".join(row[0] for row in cursor.fetchall())

    with connection.cursor() as cursor:
        cursor.execute(
            "SET jit = on; SET work_mem = '4MB'; SET random_page_cost = 4; SET max_parallel_workers_per_gather = 2"
        )
    try:
        for text, compiled in before.items():
            query = compiled.search_query()
            matches = AgendaItem.objects.searchable().filter(search_vector=query)
            sql, params = matches.order_by().values("pk").query.sql_with_params()
            plans.append(
                (
                    f"Before: the pager's exact count for {text}",
                    plan(f"SELECT COUNT(*) FROM ({sql}) c", params),
                )
            )
            ranked = (
                matches.annotate(rank=SearchRank(F("search_vector"), query))
                .order_by("-rank", "-meeting__date", "position")
                .values_list("pk", flat=True)[:20]
            )
            sql, params = ranked.query.sql_with_params()
            plans.append((f"Before: ranking every match of {text}", plan(sql, params)))
        home = (
            Meeting.objects.public()
            .select_related("body__organisation")
            .annotate(item_count=Count("items"))
            .order_by("-date", "body__name")[:8]
        )
        sql, params = home.query.sql_with_params()
        plans.append(("Before: home, latest meetings counting items of all", plan(sql, params)))
        people = Person.objects.filter(
            Exists(Attendance.objects.filter(person=OuterRef("pk"), meeting__in=Meeting.objects.public()))
            | Exists(AgendaItem.objects.public().filter(presenters=OuterRef("pk")))
        ).order_by("name")
        sql, params = people.query.sql_with_params()
        plans.append(("Before: the person drop-down of the search form", plan(sql, params)))
    finally:
        with connection.cursor() as cursor:
            # Back to the app's connection options (minutes.settings.DATABASE_SESSION_OPTIONS).
            cursor.execute(
                f"SET jit = off; SET work_mem = '{os.environ.get('DATABASE_WORK_MEM', '32MB')}'; "
                f"SET random_page_cost = {os.environ.get('DATABASE_RANDOM_PAGE_COST', '1.1')}; "
                "SET max_parallel_workers_per_gather = 0"
            )

    for name in [
        "search: common word (vård)",
        "search: prefix/compound (kompetens)",
        'search: phrase ("psykisk hälsa")',
        "search: rare word (trygghetslarm)",
        "search: page 50 (vård)",
        "search: filters only (person)",
        "search: filters only (kind)",
        "home",
        "body (stress body)",
        "person (stress person)",
        "people index",
        "notice board",
    ]:
        cache.clear()  # the pages cached per version run their queries again
        with CaptureQueriesContext(connection) as context:
            client.get(paths[name])
        slowest = sorted(context.captured_queries, key=lambda q: float(q["time"]), reverse=True)[:2]
        for captured in slowest:
            if float(captured["time"]) >= 0.002:
                plans.append(
                    (f"After: {name} ({float(captured['time']) * 1000:.0f} ms)", plan(captured["sql"]))
                )
    return plans


if __name__ == "__main__":
    main()
