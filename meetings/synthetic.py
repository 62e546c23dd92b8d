"""A synthetic archive at a region's scale, for benchmarks: bodies, people, meetings, attendance,
paragraphs, decisions and presenters, written with PostgreSQL's COPY.

The text is Swedish: the domain's words, set phrases ("psykisk hälsa", "informationen antecknas")
and compounds ("kompetensförsörjning") ranked by a Zipf distribution among invented words, so a
common word matches about half the archive and a rare one a handful of paragraphs, as in real
protocols. Two stress cases are always there: one body with about 10,000 meetings and one person
with about 5,000 attendances. A few *planted* paragraphs are the known best answers to a query
(:data:`PLANTED`): a benchmark checks that search keeps them in the top three at every size.

Everything generated belongs to organisations whose slug starts with ``syntetisk-`` and to people
whose slug starts with ``synt-``; :func:`archive_remove` deletes exactly that, so a second run
replaces the first instead of adding to it.
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from .archive_version import archive_changed
from .cases import case_number_key

ORGANISATION_PREFIX = "syntetisk-"
PERSON_PREFIX = "synt-"
STRESS_BODY_SLUG = "syntetisk-kommunstyrelsen"
STRESS_PERSON_SLUG = "synt-stina-stressberg"
PLANT_CASE_PREFIX = "SYNT-PLANT-"

FIRST_DATE = datetime.date(1996, 1, 1)
LAST_DATE = datetime.date(2025, 12, 31)

# Per 1,000,000 paragraphs, as a region's twenty to thirty years of protocols hold them.
PARAGRAPHS_PER_MEETING = 12
BODIES_PER_MILLION = 120
PEOPLE_PER_MILLION = 20_000
STRESS_BODY_MEETINGS = 10_000
STRESS_PERSON_ATTENDANCES = 5_000
ROSTER_SIZE = 15  # members and substitutes listed in a meeting of an ordinary body
# Half the paragraphs carry a case number (diarienummer); a third of those name a case already
# handled in the organisation (a referral, then the decision, then a report back).
CASE_SHARE = 0.5
CASE_RECURS = 0.35
CASES_KEPT_OPEN = 200  # the organisation's newest cases, from which a recurring number is drawn

MUNICIPALITIES = [
    "Ale", "Alingsås", "Bengtsfors", "Borås", "Dals-Ed", "Essunga", "Falköping", "Färgelanda",
    "Grästorp", "Gullspång", "Göteborg", "Götene", "Herrljunga", "Hjo", "Härryda", "Karlsborg",
    "Kungälv", "Lerum", "Lidköping", "Lilla Edet", "Lysekil", "Mariestad", "Mark", "Mellerud",
    "Munkedal", "Mölndal", "Orust", "Partille", "Skara", "Skövde", "Sotenäs", "Stenungsund",
    "Strömstad", "Svenljunga", "Tanum", "Tibro", "Tidaholm", "Tjörn", "Tranemo", "Trollhättan",
    "Töreboda", "Uddevalla", "Ulricehamn", "Vara", "Vårgårda", "Vänersborg", "Åmål", "Öckerö",
]  # fmt: skip
BODY_NAMES = [
    ("Kommunstyrelsen", "board"), ("Socialnämnden", "committee"), ("Barn- och utbildningsnämnden", "committee"),
    ("Vård- och omsorgsnämnden", "committee"), ("Kommunfullmäktige", "council"),
    ("Styrgruppen för social välfärd", "steering_group"), ("Socialchefsnätverket", "network"),
    ("Arbetsutskottet", "subcommittee"), ("Samrådsorganet för vård och omsorg", "joint_council"),
    ("Ledningsgruppen", "management_group"),
]  # fmt: skip
PARTIES = ["M", "S", "SD", "MP", "L", "C", "V", "KD"]
FIRST_NAMES = [
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin", "Ingrid", "Malin", "Emma", "Johanna",
    "Linnea", "Ulla", "Camilla", "Helena", "Åsa", "Birgitta", "Elin", "Sofia", "Annika", "Lars", "Erik",
    "Anders", "Per", "Johan", "Karl", "Mikael", "Jan", "Peter", "Nils", "Ove", "Kent", "Patrik", "Magnus",
    "Stefan", "Björn", "Mats", "Göran", "Håkan", "Jonas", "Fredrik", "Daniel", "Olof", "Gunnar",
]  # fmt: skip
SURNAMES = [
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
    "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson",
    "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindqvist", "Lindgren", "Berg",
    "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Mattsson", "Berglund", "Fredriksson",
    "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Danielsson", "Håkansson",
    "Holmlund", "Lagrell", "Nordenhielm", "Isaksson", "Dröscher", "Påsse", "Alsin", "Linde",
]  # fmt: skip
TITLES = ["avdelningschef", "utvecklingsledare", "förvaltningschef", "projektledare", "nämndsekreterare"]

STOPWORDS = ["och", "att", "i", "för", "som", "med", "på", "av", "till", "en", "det", "är", "om", "de"]
# The domain's words and set phrases, most frequent first; they are spread over the Zipf ranks.
DOMAIN_TERMS = [
    "informationen antecknas", "styrgruppen", "kommunerna", "vård", "samverkan", "uppdrag",
    "rapport", "förbundsstyrelsen", "omsorg", "socialtjänst", "barn", "unga", "budget",
    "uppföljning", "digitalisering", "psykisk hälsa", "äldreomsorg", "nätverket", "analys",
    "region", "kompetensförsörjning", "kompetensutveckling", "medarbetare", "upphandling",
    "förstudie", "implementering", "välfärdsteknik", "missbruk", "beroende", "primärvård",
    "hemlöshet", "funktionshinder", "lärplattform", "undersköterska", "karriärväg",
    "utförarregister", "verksamhetsplan", "ekonomiskt bistånd", "vård och omsorg",
    "kunskapsbaserad socialtjänst", "barnahus", "socialsekreterare", "ensamkommande",
    "våld i nära relationer", "suicidprevention", "hemsjukvård", "trygghetslarm",
]  # fmt: skip
COMPOUND_HEADS = ["kompetens", "vård", "social", "barn", "äldre", "verksamhets", "besluts", "samverkans"]
COMPOUND_TAILS = ["plan", "stöd", "frågor", "arbete", "insatser", "uppdrag", "ärenden", "modell", "råd"]
SYLLABLES = ["an", "be", "da", "ek", "fo", "gra", "hus", "in", "ka", "lo", "mo", "na", "or", "pa", "ri", "sa", "ti"]  # fmt: skip
DECISION_TEXTS = [
    ("noted", "Informationen antecknas."),
    ("noted", "Styrgruppen noterar informationen."),
    ("adopted", "Dagordningen fastställs."),
    ("adopted", "Styrgruppen ställer sig bakom förslaget."),
    ("proposal", "Att föreslå förbundsstyrelsen besluta enligt förslaget."),
    ("assignment", "Styrgruppen ger GR i uppdrag att återkomma med en analys."),
    ("elected", "Justerare väljs."),
]


@dataclass(frozen=True)
class Plant:
    """A paragraph that is the best answer to ``query``: its words in the title and the decision."""

    query: str
    title: str
    summary: str
    decision: str

    def in_top_three(self) -> bool:
        """Whether search by relevance puts the planted paragraph among its first three results."""
        from .models import AgendaItem
        from .search import build_tsquery
        from .selectors import Sort, search_result_ids, searchable_items

        compiled = build_tsquery(self.query)
        ids = search_result_ids(items=searchable_items(), compiled=compiled, sort=Sort.RELEVANCE)
        planted = AgendaItem.objects.filter(case_number__startswith=PLANT_CASE_PREFIX, title=self.title)
        return planted.filter(pk__in=ids[0:3]).exists()


PLANTED = [
    Plant(
        "kompetensförsörjning undersköterskor äldreomsorgen",
        "Kompetensförsörjning av undersköterskor i äldreomsorgen",
        "Undersköterskor saknas i äldreomsorgen; kompetensförsörjning genom karriärvägar.",
        "Styrgruppen ger GR i uppdrag att ta fram en plan för kompetensförsörjning av undersköterskor.",
    ),
    Plant(
        '"psykisk hälsa" unga vuxna',
        "Psykisk hälsa hos unga vuxna",
        "Psykisk hälsa hos unga vuxna: kartläggning av insatser för unga vuxna.",
        "Informationen om psykisk hälsa hos unga vuxna antecknas.",
    ),
    Plant(
        "Mini-Maria mottagning",
        "Utvecklingen av Mini-Maria mottagningar",
        "Mini-Maria mottagning för unga med missbruk och beroende.",
        "Styrgruppen ställer sig bakom förslaget om Mini-Maria mottagning.",
    ),
    Plant(
        "hemlöshet vräkningsförebyggande",
        "Vräkningsförebyggande arbete mot hemlöshet",
        "Vräkningsförebyggande arbete minskar hemlöshet bland barnfamiljer.",
        "Att föreslå förbundsstyrelsen besluta om vräkningsförebyggande arbete mot hemlöshet.",
    ),
    Plant(
        "trygghetslarm upphandling digitala",
        "Upphandling av digitala trygghetslarm",
        "Gemensam upphandling av digitala trygghetslarm för kommunerna.",
        "Upphandlingen av digitala trygghetslarm genomförs.",
    ),
]


# ---------------------------------------------------------------------------------------------------
# Text


class Vocabulary:
    """Words and set phrases with Zipf-distributed frequencies, and a pool of sentences drawn from them."""

    def __init__(self, rng: random.Random, *, invented: int = 8000, pool: int = 40_000):
        words: list[str] = list(STOPWORDS)
        made: set[str] = set()
        while len(made) < invented:
            made.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        filler = sorted(made)
        rng.shuffle(filler)
        words.extend(filler)
        compounds = [head + tail for head in COMPOUND_HEADS for tail in COMPOUND_TAILS]
        for index, term in enumerate(DOMAIN_TERMS):
            # Ranks from about 15 (half of all paragraphs) to about 2,000 (a few hundred in a million).
            words.insert(len(STOPWORDS) + 1 + int(index**1.9), term)
        for index, term in enumerate(compounds):
            words.insert(len(STOPWORDS) + 40 + index * 60, term)
        weights = [1 / rank**1.05 for rank in range(1, len(words) + 1)]
        self.words = words
        self._cumulative = list(_accumulate(weights))
        self.sentences = [self._sentence(rng, rng.randint(6, 16)) for _ in range(pool)]
        self.titles = [self._sentence(rng, rng.randint(3, 7), end="") for _ in range(pool // 4)]

    def _sentence(self, rng: random.Random, length: int, end: str = ".") -> str:
        text = " ".join(rng.choices(self.words, cum_weights=self._cumulative, k=length))
        return text[:1].upper() + text[1:] + end


def _accumulate(values):
    total = 0.0
    for value in values:
        total += value
        yield total


# ---------------------------------------------------------------------------------------------------
# Writing


class Progress:
    """One line on a terminal, rewritten in place: what is being written, how far, and for how long."""

    def __init__(self, write: Callable[[str], None] | None, total: int, label: str):
        self.write, self.total, self.label = write, total, label
        self.started = self.shown = time.monotonic()
        self.done = 0

    def advance(self, count: int = 1, *, force: bool = False) -> None:
        self.done += count
        now = time.monotonic()
        if self.write and (force or now - self.shown > 0.5):
            self.shown = now
            share = self.done / self.total if self.total else 1
            bar = "#" * int(share * 30)
            self.write(
                f"\r{self.label:<12} [{bar:<30}] {self.done:>10,}/{self.total:,} {now - self.started:6.1f} s"
            )

    def close(self) -> None:
        if self.write:
            self.advance(0, force=True)
            self.write("\n")


def _reserve_ids(cursor, table: str, count: int) -> int:
    """The first of ``count`` consecutive ids taken from the table's sequence (the table is locked)."""
    cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
    cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
    sequence = cursor.fetchone()[0]
    cursor.execute(
        "SELECT setval(%s, GREATEST((SELECT COALESCE(MAX(id), 0) FROM " + table + "), "
        "(SELECT last_value FROM " + sequence + ")) + %s)",
        [sequence, count],
    )
    return cursor.fetchone()[0] - count + 1


def _copy(cursor, table: str, columns: list[str], rows, progress: Progress | None = None) -> int:
    written = 0
    quoted = ", ".join(f'"{column}"' for column in columns)
    with cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            written += 1
            if progress is not None and written % 1000 == 0:
                progress.advance(1000)
    if progress is not None:
        progress.advance(written % 1000)
    return written


# The tables the generator writes, in that order.
GENERATED_TABLES = [
    "members_party",
    "members_organisation",
    "members_person",
    "meetings_body",
    "members_membership",
    "meetings_meeting",
    "meetings_attendance",
    "meetings_case",
    "meetings_agendaitem",
    "meetings_decision",
    "meetings_agendaitem_presenters",
]


@contextmanager
def _row_triggers_off(cursor, tables: list[str]) -> Iterator[bool]:
    """Row triggers off for the block, when the role may turn them off (a superuser, as on a
    developer's or a benchmark's own server); yields whether they are off.

    Row by row, the triggers cost more than the rows: each foreign key queues a check per row for
    the commit, and the copy of the meeting's facts (migration ``meetings/0016``) looks the meeting
    up per row. The generator writes those facts itself, the same values, and on leaving the block
    every foreign key from or to ``tables`` is checked at once (:func:`_check_foreign_keys`), so
    the rows that commit are the rows the triggers would have let through. Without the right the
    triggers stay on: slower, the same archive. On an error inside the block the transaction (or
    savepoint) is rolled back, and the setting with it.
    """
    if not _may_turn_off_triggers(cursor):
        yield False
        return
    cursor.execute("SELECT current_setting('session_replication_role')")
    before = cursor.fetchone()[0]
    cursor.execute("SET LOCAL session_replication_role = replica")
    yield True
    cursor.execute("SELECT set_config('session_replication_role', %s, true)", [before])
    _check_foreign_keys(cursor, tables)


def _may_turn_off_triggers(cursor) -> bool:
    cursor.execute("SELECT current_setting('is_superuser') = 'on'")
    return cursor.fetchone()[0]


def _check_foreign_keys(cursor, tables: list[str]) -> None:
    """Raises IntegrityError unless every foreign key from or to ``tables`` holds: one anti-join
    per key over the whole table, as PostgreSQL checks a key when it is added."""
    cursor.execute(
        """
        SELECT c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text,
               ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n),
               ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
                     JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n)
          FROM pg_constraint c
         WHERE c.contype = 'f' AND (c.conrelid = ANY(%s::regclass[]) OR c.confrelid = ANY(%s::regclass[]))
         ORDER BY c.conname
        """,
        [tables, tables],
    )
    quote = connection.ops.quote_name
    for name, child, parent, columns, keys in cursor.fetchall():
        # MATCH SIMPLE, PostgreSQL's default: a row with any of the columns empty is not checked.
        filled = " AND ".join(f"t.{quote(column)} IS NOT NULL" for column in columns)
        same = " AND ".join(
            f"p.{quote(key)} = t.{quote(column)}" for column, key in zip(columns, keys, strict=True)
        )
        cursor.execute(
            f"SELECT {', '.join('t.' + quote(column) for column in columns)} FROM {child} t "
            f"WHERE {filled} AND NOT EXISTS (SELECT FROM {parent} p WHERE {same}) LIMIT 1"
        )
        orphan = cursor.fetchone()
        if orphan is not None:
            raise IntegrityError(
                f"{child} ({', '.join(columns)}) = {orphan} has no row in {parent} (constraint {name})."
            )


@dataclass
class Summary:
    bodies: int = 0
    people: int = 0
    meetings: int = 0
    paragraphs: int = 0
    decisions: int = 0
    attendances: int = 0
    presenters: int = 0
    memberships: int = 0
    cases: int = 0
    seconds: float = 0.0


def _case_numbers(meetings, counts, organisation_of_body, planted_at, first_item, seed) -> tuple[list, list]:
    """Case numbers for the paragraphs, in the order they are written: the cases as (organisation
    id, number), and per paragraph the index of its case or None. About half the paragraphs carry
    one (:data:`CASE_SHARE`); some name a case the organisation handled lately, in any of its
    bodies (:data:`CASE_RECURS`), so that a case has a history. Numbered as registries do: "KS
    2019/0456", counting from 1 each year in each organisation; a planted paragraph's number is
    its marker (:data:`PLANT_CASE_PREFIX` and its id). Drawn from a random source of its own, so
    that the rest of the archive is the same as without case numbers."""
    rng = random.Random(seed * 7919 + 17)
    cases: list[tuple[int, str]] = []
    of_item: list[int | None] = []
    open_cases: dict[int, list[int]] = {}
    serials: dict[tuple[int, int], int] = {}
    for meeting_index, (meeting, count) in enumerate(zip(meetings, counts, strict=True)):
        _meeting_pk, body_pk, date, *_rest = meeting
        organisation = organisation_of_body[body_pk]
        handled = open_cases.setdefault(organisation, [])
        for position in range(1, count + 1):
            if meeting_index in planted_at and position == 1:
                cases.append((organisation, f"{PLANT_CASE_PREFIX}{first_item + len(of_item)}"))
                of_item.append(len(cases) - 1)
                continue
            if rng.random() >= CASE_SHARE:
                of_item.append(None)
                continue
            if handled and rng.random() < CASE_RECURS:
                of_item.append(rng.choice(handled))
                continue
            serial = serials.get((organisation, date.year), 0) + 1
            serials[(organisation, date.year)] = serial
            cases.append((organisation, f"KS {date.year}/{serial:04d}"))
            of_item.append(len(cases) - 1)
            handled.append(len(cases) - 1)
            if len(handled) > CASES_KEPT_OPEN:
                del handled[0]
    return cases, of_item


def archive_remove(*, write: Callable[[str], None] | None = None) -> int:
    """Deletes a synthetic archive written before (and only that); returns the number of meetings removed."""
    bodies = (
        "SELECT b.id FROM meetings_body b JOIN members_organisation o ON o.id = b.organisation_id "
        "WHERE o.slug LIKE %(org)s"
    )
    meetings = f"SELECT id FROM meetings_meeting WHERE body_id IN ({bodies})"
    items = f"SELECT id FROM meetings_agendaitem WHERE meeting_id IN ({meetings})"
    people = "SELECT id FROM members_person WHERE slug LIKE %(person)s"
    statements = [
        f"DELETE FROM meetings_decision WHERE agenda_item_id IN ({items})",
        f"DELETE FROM meetings_agendaitem_presenters WHERE agendaitem_id IN ({items})",
        f"DELETE FROM meetings_agendaitemlink WHERE agenda_item_id IN ({items})",
        f"DELETE FROM meetings_agendaitem WHERE id IN ({items})",
        "DELETE FROM meetings_case WHERE organisation_id IN "
        "(SELECT id FROM members_organisation WHERE slug LIKE %(org)s)",
        f"DELETE FROM meetings_attendance WHERE meeting_id IN ({meetings})",
        f"DELETE FROM meetings_signature WHERE meeting_id IN ({meetings})",
        f"DELETE FROM meetings_meeting_adjusters WHERE meeting_id IN ({meetings})",
        f"DELETE FROM meetings_meeting WHERE id IN ({meetings})",
        f"DELETE FROM members_membership WHERE body_id IN ({bodies}) OR person_id IN ({people})",
        f"DELETE FROM meetings_body WHERE id IN ({bodies})",
        f"DELETE FROM meetings_personpublicday WHERE person_id IN ({people})",
        f"DELETE FROM members_person WHERE id IN ({people})",
        "DELETE FROM members_organisation WHERE slug LIKE %(org)s",
    ]
    params = {"org": ORGANISATION_PREFIX + "%", "person": PERSON_PREFIX + "%"}
    tables = [statement.split()[2] for statement in statements]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({meetings}) m", params)
        removed = cursor.fetchone()[0]
        if removed and write:
            write(f"Removing the synthetic archive written before ({removed:,} meetings)…\n")
        # A row of the archive's own that refers to a synthetic one (a person added to a real
        # meeting) fails the check at the end: nothing is removed then.
        with _row_triggers_off(cursor, tables):
            for statement in statements:
                cursor.execute(statement, params)
        archive_changed()
    return removed


def archive_generate(*, paragraphs: int, seed: int, write: Callable[[str], None] | None = None) -> Summary:
    """Replaces the synthetic archive with one of ``paragraphs`` paragraphs, the same for the same seed.

    Writes with COPY in one transaction, then analyses the tables so the planner knows the new sizes.
    Search text (``search_document``) is written as ``agenda_items_refresh_search_document`` writes
    it; the search vector is a generated column and so computed by the database during the COPY.
    The row triggers are off where the role may turn them off (:func:`_row_triggers_off`): the
    meeting's date, body and public day are written onto attendance and paragraphs here, each
    case's summary of its published paragraphs is written by the function the triggers call, and
    the foreign keys are checked at once at the end.
    """
    began = time.monotonic()
    archive_remove(write=write)
    rng = random.Random(seed)
    vocabulary = Vocabulary(rng)
    summary = Summary()
    scale = paragraphs / 1_000_000
    meeting_count = max(1, paragraphs // PARAGRAPHS_PER_MEETING)
    body_count = max(len(BODY_NAMES), min(BODIES_PER_MILLION, round(BODIES_PER_MILLION * scale)))
    people_count = max(300, round(PEOPLE_PER_MILLION * scale))

    with (
        transaction.atomic(),
        connection.cursor() as cursor,
        _row_triggers_off(cursor, GENERATED_TABLES),
    ):
        # --- Organisations, parties, people -------------------------------------------------------
        cursor.execute(
            "INSERT INTO members_party (abbreviation, name) SELECT unnest(%s::text[]), '' "
            "ON CONFLICT (abbreviation) DO NOTHING",
            [PARTIES],
        )
        cursor.execute("SELECT id FROM members_party WHERE abbreviation = ANY(%s) ORDER BY id", [PARTIES])
        party_ids = [row[0] for row in cursor.fetchall()]

        organisation_names = ["Syntetiska regionen", *(f"{name} (syntetisk)" for name in MUNICIPALITIES)]
        first_org = _reserve_ids(cursor, "members_organisation", len(organisation_names))
        organisation_ids = list(range(first_org, first_org + len(organisation_names)))
        _copy(
            cursor,
            "members_organisation",
            ["id", "name", "short_name", "alternative_names", "slug", "kind"],
            (
                (
                    pk,
                    name,
                    "",
                    [],
                    ORGANISATION_PREFIX + slugify(name),
                    "region" if index == 0 else "municipality",
                )
                for index, (pk, name) in enumerate(zip(organisation_ids, organisation_names, strict=True))
            ),
        )
        region_id, municipality_ids = organisation_ids[0], organisation_ids[1:]

        first_person = _reserve_ids(cursor, "members_person", people_count)
        person_ids = list(range(first_person, first_person + people_count))
        names = []
        for index in range(people_count):
            if index == 0:
                names.append("Stina Stressberg")
            else:
                names.append(f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}")
        _copy(
            cursor,
            "members_person",
            ["id", "name", "alternative_names", "slug"],
            (
                (
                    pk,
                    name,
                    [],
                    STRESS_PERSON_SLUG if index == 0 else f"{PERSON_PREFIX}{slugify(name)}-{index}",
                )
                for index, (pk, name) in enumerate(zip(person_ids, names, strict=True))
            ),
        )
        summary.people = people_count
        stress_person = person_ids[0]
        person_party = {pk: rng.choice(party_ids) for pk in person_ids}
        person_municipality = {pk: rng.choice(municipality_ids) for pk in person_ids}

        # --- Bodies and their rosters ---------------------------------------------------------------
        first_body = _reserve_ids(cursor, "meetings_body", body_count)
        body_ids = list(range(first_body, first_body + body_count))
        bodies = []
        for index, pk in enumerate(body_ids):
            base, kind = BODY_NAMES[index % len(BODY_NAMES)]
            if index == 0:
                organisation, name, slug = region_id, "Kommunstyrelsen (syntetisk)", STRESS_BODY_SLUG
            else:
                organisation = municipality_ids[(index // len(BODY_NAMES)) % len(municipality_ids)]
                round_ = index // (len(BODY_NAMES) * len(municipality_ids))
                name = f"{base} {index}" if round_ else base
                slug = f"{ORGANISATION_PREFIX}{slugify(name)}-{index}"
            bodies.append((pk, organisation, name, "", kind, slug, "", ""))
        _copy(
            cursor,
            "meetings_body",
            [
                "id",
                "organisation_id",
                "name",
                "short_name",
                "kind",
                "slug",
                "description",
                "protocols_kept_at",
            ],
            bodies,
        )
        summary.bodies = body_count

        # People 1..: members of one body each while there are bodies to fill; the rest are
        # officials and presenters. The stress person sits in the stress body.
        rosters: dict[int, list[int]] = {}
        pool = person_ids[1:]
        rng.shuffle(pool)
        cursor_index = 0
        for pk in body_ids:
            rosters[pk] = pool[cursor_index : cursor_index + ROSTER_SIZE]
            cursor_index += ROSTER_SIZE
        rosters[body_ids[0]] = [stress_person, *rosters[body_ids[0]][1:]]
        officials = pool[cursor_index:] or pool
        memberships = []
        for body_pk, roster in rosters.items():
            for position, person in enumerate(roster):
                role = "chair" if position == 0 else ("vice_chair" if position == 1 else "member")
                if position >= 11:
                    role = "substitute"
                memberships.append(
                    (person, body_pk, role, person_party[person], person_municipality[person], None, None)
                )
        _copy(
            cursor,
            "members_membership",
            ["person_id", "body_id", "role", "party_id", "organisation_id", "start_date", "end_date"],
            memberships,
        )
        summary.memberships = len(memberships)

        # --- Meetings --------------------------------------------------------------------------------
        days = (LAST_DATE - FIRST_DATE).days + 1
        stress_meetings = min(STRESS_BODY_MEETINGS, max(1, meeting_count // 8), days)
        per_body: dict[int, int] = {body_ids[0]: stress_meetings}
        others = body_ids[1:] or body_ids
        rest = meeting_count - stress_meetings
        for index, pk in enumerate(others):
            per_body[pk] = (
                per_body.get(pk, 0) + rest // len(others) + (1 if index < rest % len(others) else 0)
            )
        meeting_rows = []
        for pk in body_ids:
            count = min(per_body.get(pk, 0), days)
            for offset in sorted(rng.sample(range(days), count)):
                meeting_rows.append((pk, FIRST_DATE + datetime.timedelta(days=offset)))
        # Newest meetings last, as they are entered: ids grow with time.
        meeting_rows.sort(key=lambda row: (row[1], row[0]))
        first_meeting = _reserve_ids(cursor, "meetings_meeting", len(meeting_rows))
        now = datetime.datetime.now(datetime.UTC)
        meetings = []
        progress = Progress(write, len(meeting_rows), "meetings")

        def meeting_values():
            for offset, (body_pk, date) in enumerate(meeting_rows):
                roster = rosters[body_pk]
                published = rng.random() >= 0.03  # a few drafts: the public rule must hold them back
                notes = rng.random() < 0.15
                posted_on = date + datetime.timedelta(days=8) if published and not notes else None
                # The first day it is public, as the database copies it onto attendance (0016).
                public_from = (posted_on or datetime.date.min) if published else None
                meetings.append((first_meeting + offset, body_pk, date, published, notes, public_from))
                yield (
                    first_meeting + offset,
                    body_pk,
                    date,
                    datetime.time(13, 0),
                    datetime.time(15, 0),
                    "Sammanträdesrummet",
                    "in_person",
                    "notes" if notes else "protocol",
                    "published" if published else "draft",
                    roster[0] if roster else None,
                    officials[offset % len(officials)],
                    "nämndsekreterare",
                    "",
                    date + datetime.timedelta(days=7) if published and not notes else None,
                    posted_on,
                    date + datetime.timedelta(days=30) if published and notes else None,
                    [],
                    "",
                    "",
                    now,
                    now,
                    "",
                )

        summary.meetings = _copy(
            cursor,
            "meetings_meeting",
            [
                "id",
                "body_id",
                "date",
                "start_time",
                "end_time",
                "location",
                "mode",
                "record_kind",
                "status",
                "chair_id",
                "secretary_id",
                "secretary_title",
                "adjustment_place",
                "adjusted_on",
                "posted_on",
                "approved_on",
                "next_meeting_dates",
                "next_meeting_note",
                "source_fingerprint",
                "created_at",
                "updated_at",
                "kept_at",
            ],
            meeting_values(),
            progress,
        )
        progress.close()

        # --- Attendance ------------------------------------------------------------------------------
        stress_share = min(1.0, STRESS_PERSON_ATTENDANCES / max(1, stress_meetings))
        progress = Progress(write, len(meetings), "attendance")

        def attendance_values():
            for done, (meeting_pk, body_pk, date, _published, _notes, public_from) in enumerate(meetings):
                roster = rosters[body_pk]
                facts = (date, body_pk, public_from)  # what the database would copy from the meeting
                position = 0
                for index, person in enumerate(roster):
                    if person == stress_person and rng.random() >= stress_share:
                        continue
                    position += 1
                    yield (
                        meeting_pk,
                        person,
                        "member" if index < 11 else "substitute",
                        rng.random() >= 0.1,
                        "chair" if index == 0 else ("vice_chair" if index == 1 else ""),
                        "",
                        person_party[person],
                        person_municipality[person],
                        "",
                        position,
                        *facts,
                    )
                secretary = officials[done % len(officials)]
                yield (
                    meeting_pk,
                    secretary,
                    "secretary",
                    True,
                    "",
                    "nämndsekreterare",
                    None,
                    region_id,
                    "",
                    1,
                    *facts,
                )
                for extra in rng.sample(officials, min(2, len(officials))):
                    if extra != secretary:
                        position += 1
                        yield (
                            meeting_pk,
                            extra,
                            "official",
                            True,
                            "",
                            rng.choice(TITLES),
                            None,
                            region_id,
                            "",
                            position,
                            *facts,
                        )
                if done % 100 == 99:
                    progress.advance(100)
            progress.advance(len(meetings) % 100)

        summary.attendances = _copy(
            cursor,
            "meetings_attendance",
            [
                "meeting_id",
                "person_id",
                "group",
                "present",
                "role",
                "title",
                "party_id",
                "organisation_id",
                "side",
                "position",
                "meeting_date",
                "meeting_body_id",
                "meeting_public_from",
            ],
            attendance_values(),
        )
        # What the attendance's statement triggers (migration meetings/0022) would have written.
        cursor.execute(
            "SELECT meetings_person_public_day(ARRAY(SELECT generate_series(%s::bigint, %s::bigint)))",
            [first_person, first_person + people_count - 1],
        )
        progress.close()

        # --- Paragraphs, decisions, presenters -------------------------------------------------------
        # Every meeting gets 6–18 paragraphs, and the total is exactly ``paragraphs``.
        counts = [PARAGRAPHS_PER_MEETING] * len(meetings)
        for index in range(len(counts)):
            counts[index] += rng.randint(-6, 6)
        difference = paragraphs - sum(counts)
        index = 0
        while difference:
            step = 1 if difference > 0 else -1
            if counts[index % len(counts)] + step >= 1:
                counts[index % len(counts)] += step
                difference -= step
            index += 1
        first_item = _reserve_ids(cursor, "meetings_agendaitem", paragraphs)
        # Planted paragraphs go to public meetings spread over the years.
        public_indexes = [index for index, meeting in enumerate(meetings) if meeting[3]]
        planted_at = {
            public_indexes[(n * 7919 + 1) * len(public_indexes) // (len(PLANTED) * 7919 + 3)]: plant
            for n, plant in enumerate(PLANTED)
        }
        organisation_of_body = {body[0]: body[1] for body in bodies}
        cases, case_of_item = _case_numbers(
            meetings, counts, organisation_of_body, planted_at, first_item, seed
        )
        first_case = _reserve_ids(cursor, "meetings_case", len(cases))
        now = timezone.now()
        summary.cases = _copy(
            cursor,
            "meetings_case",
            ["id", "organisation_id", "number", "slug", "created_at"],
            (
                (first_case + index, organisation, number, case_number_key(number), now)
                for index, (organisation, number) in enumerate(cases)
            ),
        )
        decisions: list[tuple] = []
        presenters: list[tuple] = []
        numbers: dict[tuple[int, int], int] = {}
        progress = Progress(write, paragraphs, "paragraphs")

        def item_values():
            pk = first_item
            for meeting_index, (
                (meeting_pk, body_pk, date, _published, notes, public_from),
                count,
            ) in enumerate(zip(meetings, counts, strict=True)):
                # Numbering runs on through the body's year, as protocols number their paragraphs.
                year_key = (body_pk, date.year)
                first_number = numbers.get(year_key, 0) + 1
                numbers[year_key] = first_number + count - 1
                plant = planted_at.get(meeting_index)
                for position in range(1, count + 1):
                    if plant is not None and position == 1:
                        title, summary_text = plant.title, plant.summary
                        decision_texts = [("assignment", plant.decision)]
                    else:
                        title = rng.choice(vocabulary.titles)
                        summary_text = " ".join(rng.choices(vocabulary.sentences, k=3))
                        decision_texts = [rng.choice(DECISION_TEXTS)]
                        if rng.random() < 0.35:
                            decision_texts.append(("other", rng.choice(vocabulary.sentences)))
                    case_index = case_of_item[pk - first_item]
                    case = "" if case_index is None else cases[case_index][1]
                    discussion = "\n".join("- " + s for s in rng.choices(vocabulary.sentences, k=2))
                    names = []
                    if rng.random() < 0.4:
                        presenter = officials[rng.randrange(len(officials))]
                        presenters.append((pk, presenter))
                        names.append(names_by_id[presenter])
                    for offset, (kind, text) in enumerate(decision_texts, start=1):
                        decisions.append((pk, kind, text, offset))
                    # As agenda_items_refresh_search_document() writes it: decisions, then presenters.
                    document = "\n".join(text for _kind, text in decision_texts) + "\n" + ", ".join(names)
                    yield (
                        pk,
                        meeting_pk,
                        None,
                        None if notes else first_number + position - 1,
                        "",
                        position,
                        title,
                        case,
                        summary_text,
                        discussion,
                        False,
                        "",
                        document,
                        date,
                        body_pk,
                        public_from,
                        None if case_index is None else first_case + case_index,
                    )
                    pk += 1
                progress.advance(count)

        names_by_id = dict(zip(person_ids, names, strict=True))
        summary.paragraphs = _copy(
            cursor,
            "meetings_agendaitem",
            [
                "id",
                "meeting_id",
                "parent_id",
                "number",
                "label",
                "position",
                "title",
                "case_number",
                "summary",
                "discussion",
                "confidential",
                "confidentiality_ground",
                "search_document",
                "meeting_date",
                "meeting_body_id",
                "meeting_public_from",
                "case_id",
            ],
            item_values(),
        )
        # What the paragraphs' statement triggers (migration meetings/0020) would have written.
        cursor.execute(
            "SELECT meetings_case_summarise(ARRAY(SELECT generate_series(%s::bigint, %s::bigint)))",
            [first_case, first_case + len(cases) - 1],
        )
        progress.close()
        progress = Progress(write, len(decisions) + len(presenters), "decisions")
        summary.decisions = _copy(
            cursor,
            "meetings_decision",
            ["agenda_item_id", "kind", "text", "position"],
            decisions,
            progress,
        )
        summary.presenters = _copy(
            cursor, "meetings_agendaitem_presenters", ["agendaitem_id", "person_id"], presenters, progress
        )
        progress.close()
        archive_changed()  # COPY sends no signals: what is cached per version of the archive is stale

    # Outside the transaction: fresh statistics for the planner and a visibility map for index-only scans.
    if write:
        write("Analysing the tables…\n")
    # VACUUM cannot run inside a transaction (a test's, for one); ANALYZE alone then.
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for table in [
            "members_person",
            "meetings_meeting",
            "meetings_attendance",
            "meetings_case",
            "meetings_agendaitem",
            "meetings_decision",
            "meetings_agendaitem_presenters",
        ]:
            cursor.execute(f"{command} {table}")
    summary.seconds = time.monotonic() - began
    return summary
