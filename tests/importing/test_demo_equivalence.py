"""An imported seed equals the meeting entered by hand in the demo archive."""

import datetime
from pathlib import Path

import pytest

from meetings.importing.extract import text_extract
from meetings.importing.parse import protocol_parse
from meetings.importing.save import meeting_import, text_fingerprint
from meetings.models import Meeting

from .conftest import DOCUMENTS

CASES = [
    ("gr-styrgrupp-social-valfard-p102-112", "styrgruppen-for-social-valfard", "2021-04-09"),
    ("gr-styrgrupp-social-valfard-p171-183", "styrgruppen-for-social-valfard", "2022-04-22"),
    ("gr-socialchefsnatverket-anteckningar", "socialchefsnatverket", "2021-12-10"),
]


def _import(seed, demo):
    text = text_extract(data=(DOCUMENTS / f"{seed}.txt").read_bytes(), filename=f"{seed}.txt")
    # The demo meeting holds the date; the import goes to the next day of the same body.
    return meeting_import(
        data=protocol_parse(text).as_dict(full=True),
        body=demo.body,
        date=demo.date + datetime.timedelta(days=1),
        fingerprint=text_fingerprint(text),
    )


def _flat(text):
    # Where hard-wrapped text is reflowed, paragraph breaks are a judgement; the words must agree.
    return " ".join(text.split())


def _items(meeting):
    return [
        (
            item.number,
            item.position,
            item.title,
            sorted(p.name for p in item.presenters.all()),
            [(d.kind, _flat(d.text)) for d in item.decisions.order_by("position")],
            _flat(item.summary),
        )
        for item in meeting.items.order_by("position")
    ]


def _attendance(meeting):
    return [
        (
            a.person.name if a.person else None,
            a.group,
            a.present,
            a.role,
            a.party.abbreviation if a.party else None,
            a.organisation.name if a.organisation else None,
            a.title,
            a.paragraph_from,
            a.paragraph_to,
        )
        for a in meeting.attendances.order_by("-present", "position")
    ]


@pytest.mark.parametrize(("seed", "slug", "date"), CASES)
def test_imported_seed_equals_the_demo_meeting(demo_archive, seed, slug, date):
    """Importing a seed gives the same agenda items and attendance as the hand-entered demo meeting."""
    demo = Meeting.objects.get(body__slug=slug, date=date)
    imported = _import(seed, demo)
    assert imported.status == "draft"
    assert _attendance(imported) == _attendance(demo)
    assert _items(imported) == _items(demo)
    assert (imported.chair, imported.secretary) == (demo.chair, demo.secretary)
    assert set(imported.adjusters.all()) == set(demo.adjusters.all())


@pytest.mark.parametrize(("seed", "slug", "date"), CASES)
def test_importing_a_seed_through_the_admin_equals_the_demo_meeting(
    demo_archive, client, secretary, seed, slug, date
):
    """A secretary uploads a seed, confirms the preview, and gets a draft equal to the demo meeting."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from .test_admin_import import _confirm_data

    demo = Meeting.objects.get(body__slug=slug, date=date)
    client.force_login(secretary)
    url = reverse("admin:meetings_meeting_import")
    preview = client.post(
        url, {"file": SimpleUploadedFile(f"{seed}.txt", (DOCUMENTS / f"{seed}.txt").read_bytes())}
    )
    assert preview.status_code == 200
    assert not any(field for _name, _match, field in preview.context["people_form"].rows)
    day_after = (demo.date + datetime.timedelta(days=1)).isoformat()
    response = client.post(url, _confirm_data(preview, body=demo.body.pk, date=day_after))
    assert response.status_code == 302
    imported = Meeting.objects.get(body=demo.body, date=day_after)
    assert imported.status == "draft"
    assert _attendance(imported) == _attendance(demo)
    assert _items(imported) == _items(demo)


def test_the_demo_sources_are_the_seed_documents_the_importer_is_tested_on():
    """The demo's source texts in fixtures/sources/ are the seed documents of the importer's tests."""
    sources = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
    names = sorted(p.name for p in sources.glob("*.txt"))
    assert len(names) == 5
    for name in names:
        assert (sources / name).read_bytes() == (DOCUMENTS / name).read_bytes(), name
