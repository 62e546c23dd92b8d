#!/usr/bin/env python
"""The protocol editor at the size of a full council: 101 attendance lines, 80 paragraphs, 160 decisions.

    python bench/editor.py [--repeat 3]

Prints the median time of: opening the editor, saving it back untouched, saving it with every
paragraph's summary changed, and entering the same council as a new meeting in one post. Runs in a
transaction that is rolled back: the database is left as it was.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutes.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from meetings.models import AgendaItem, Attendance, Body, Decision, Meeting  # noqa: E402
from members.models import Membership, Organisation, Party, Person  # noqa: E402
from tests.forms import RenderedForm  # noqa: E402

ATTENDEES, ITEMS, DECISIONS_PER_ITEM = 101, 80, 2


class Rollback(Exception):
    pass


def council() -> Meeting:
    organisation = Organisation.objects.create(name="Bänkkommun", slug="bankkommun")
    body = Body.objects.create(
        organisation=organisation, name="Bänkfullmäktige", slug="bankfullmaktige", kind="council"
    )
    party = Party.objects.get_or_create(abbreviation="BÄNK")[0]
    people = Person.objects.bulk_create(
        [Person(name=f"Bänkledamot {n:03}", slug=f"bankledamot-{n:03}") for n in range(ATTENDEES)]
    )
    Membership.objects.bulk_create(
        [Membership(person=p, body=body, party=party, organisation=organisation) for p in people]
    )
    meeting = Meeting.objects.create(body=body, date="2024-06-13")
    Attendance.objects.bulk_create(
        [Attendance(meeting=meeting, person=p, party=party, position=n + 1) for n, p in enumerate(people)]
    )
    items = AgendaItem.objects.bulk_create(
        [
            AgendaItem(
                meeting=meeting, number=n + 1, position=n + 1, title=f"Ärende {n + 1}", summary="Text. " * 60
            )
            for n in range(ITEMS)
        ]
    )
    Decision.objects.bulk_create(
        [
            Decision(agenda_item=item, position=k + 1, text=f"Fullmäktige beslutar {k + 1}.")
            for item in items
            for k in range(DECISIONS_PER_ITEM)
        ]
    )
    return meeting


def timed(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def post(client, url, form):
    response = client.post(
        url, urlencode(form.data(), doseq=True), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 302, response.status_code


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    # The development database (the embedded one on a fresh machine) may not be set up yet.
    call_command("migrate", interactive=False, verbosity=0)
    try:
        with transaction.atomic():
            meeting = council()
            user = get_user_model().objects.create_superuser("bench-editor", password="x")
            client = Client()
            client.force_login(user)
            url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
            page = client.get(url).content.decode()
            fields = len(RenderedForm(page).fields)
            print(
                f"Council: {ATTENDEES} attendance lines, {ITEMS} paragraphs, {ITEMS * DECISIONS_PER_ITEM} decisions; {fields} fields, {len(page) // 1024} KiB of HTML"
            )
            print(
                f"  open the editor            {timed(lambda: client.get(url), args.repeat) * 1000:7.0f} ms"
            )
            print(
                f"  save it back untouched     {timed(lambda: post(client, url, RenderedForm(client.get(url).content.decode())), args.repeat) * 1000:7.0f} ms (with the GET)"
            )

            def change_all():
                form = RenderedForm(client.get(url).content.decode())
                for n in range(ITEMS):
                    form.set(f"items-{n}-summary", f"Ändrad {time.perf_counter()}")
                post(client, url, form)

            print(
                f"  save 80 changed summaries  {timed(change_all, args.repeat) * 1000:7.0f} ms (with the GET)"
            )

            def enter_new():
                with transaction.atomic():
                    body = meeting.body
                    add = (
                        reverse("admin:meetings_meeting_add")
                        + f"?body={body.pk}&date=2024-09-12&start=roster"
                    )
                    form = RenderedForm(client.get(add).content.decode())
                    form.set("items-TOTAL_FORMS", 0)
                    for n in range(ITEMS):
                        index = form.add_row(
                            "items",
                            {
                                "number": 200 + n,
                                "title": f"Nytt ärende {n}",
                                "decisions-TOTAL_FORMS": 0,
                                "decisions-INITIAL_FORMS": 0,
                            },
                        )
                        for k in range(DECISIONS_PER_ITEM):
                            form.add_row(
                                f"items-{index}-decisions",
                                {"kind": "noted", "text": "Antecknas.", "position": k + 1},
                            )
                    post(client, add, form)
                    Meeting.objects.filter(body=body, date="2024-09-12").delete()

            print(
                f"  enter it as a new meeting  {timed(enter_new, args.repeat) * 1000:7.0f} ms (with the GET)"
            )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
