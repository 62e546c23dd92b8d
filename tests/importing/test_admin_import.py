"""The importer in the admin: upload or paste → preview → confirm → a draft meeting."""

import datetime
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.models import Meeting
from members.models import Person
from tests.factories import BodyFactory, PersonFactory

from .conftest import DOCUMENTS

URL = reverse("admin:meetings_meeting_import")
SEED = "gr-styrgrupp-social-valfard-p171-183"


@pytest.fixture
def client_secretary(client, secretary):
    client.force_login(secretary)
    return client


def _upload(client, name=f"{SEED}.txt", **extra):
    data = (DOCUMENTS / name).read_bytes() if name else b""
    return client.post(URL, {"file": SimpleUploadedFile(name or "empty.txt", data), **extra})


def _confirm_data(response, **changes):
    """The preview's forms as a browser would post them back, with ``changes`` applied."""
    context = response.context
    data = {"token": context["token"]}
    meeting_form = context["meeting_form"]
    for field in meeting_form:
        value = field.value()
        data[field.html_name] = "" if value is None else value
    for formset in (context["attendee_formset"], context["item_formset"], context["signature_formset"]):
        management = formset.management_form
        for field in management:
            data[field.html_name] = field.value()
        for form in formset:
            for field in form:
                value = field.value()
                if isinstance(value, bool):
                    if value:
                        data[field.html_name] = "on"
                else:
                    data[field.html_name] = "" if value is None else value
    data.update(changes)
    return data


def test_changelist_offers_the_importer(client_secretary, db):
    """The meeting list has an "Import protocol" button for secretaries."""
    response = client_secretary.get(reverse("admin:meetings_meeting_changelist"))
    assert URL in response.content.decode()


def test_upload_preview_confirm_creates_a_draft(client_secretary, db):
    """A seed file goes through the preview, with the unknown date required, to a draft meeting."""
    body = BodyFactory(name="Styrgruppen för social välfärd")
    response = _upload(client_secretary)
    assert response.status_code == 200
    assert response.templates[0].name == "admin/meetings/meeting/import_preview.html"
    assert set(response.context["unknown"]) == {"body", "date"}
    assert Meeting.objects.count() == 0

    missing_date = client_secretary.post(URL, _confirm_data(response, body=body.pk))
    assert missing_date.status_code == 200 and missing_date.context["meeting_form"].errors["date"]
    assert Meeting.objects.count() == 0

    saved = client_secretary.post(URL, _confirm_data(response, body=body.pk, date="2022-04-22"))
    assert saved.status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.status, meeting.date, meeting.body) == ("draft", datetime.date(2022, 4, 22), body)
    assert meeting.items.count() == 13
    assert meeting.attendances.count() == 20
    assert meeting.chair.name == "Kent Lagrell"
    assert [p.name for p in meeting.adjusters.all()] == ["Patrik Linde"]
    partial = meeting.attendances.get(person__name="Nina Miskovsky")
    assert (partial.paragraph_from, partial.paragraph_to, partial.party.abbreviation) == (171, 176, "M")
    assert meeting.items.get(number=172).decisions.get().kind == "elected"


def test_edits_in_the_preview_are_saved(client_secretary, db):
    """A corrected title and a removed attendee are saved as corrected."""
    body = BodyFactory()
    response = _upload(client_secretary)
    data = _confirm_data(
        response,
        body=body.pk,
        date="2022-04-22",
        **{"items-0-title": "Mötet öppnas", "attendees-0-DELETE": "on"},
    )
    assert client_secretary.post(URL, data).status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.items.get(position=1).title == "Mötet öppnas"
    assert not meeting.attendances.filter(person__name="Kent Lagrell").exists()


def test_a_similar_name_must_be_confirmed_and_becomes_a_spelling(client_secretary, db):
    """ "Ove Dröscher" is proposed as the existing "Ove Dröschler"; confirmed, the spelling is recorded."""
    ove = PersonFactory(name="Ove Dröschler")
    body = BodyFactory()
    response = _upload(client_secretary)
    people = response.context["people_form"]
    field_name = next(field for name, _m, field in people.rows if name == "Ove Dröscher")
    assert field_name is not None
    assert str(ove.pk) in [value for value, _label in people.fields[field_name].choices]

    unconfirmed = client_secretary.post(URL, _confirm_data(response, body=body.pk, date="2022-04-22"))
    assert unconfirmed.status_code == 200
    assert unconfirmed.context["people_form"].errors[field_name]
    assert Meeting.objects.count() == 0

    data = _confirm_data(response, body=body.pk, date="2022-04-22", **{field_name: str(ove.pk)})
    assert client_secretary.post(URL, data).status_code == 302
    ove.refresh_from_db()
    assert ove.alternative_names == ["Ove Dröscher"]
    assert Person.objects.filter(name__startswith="Ove Dr").count() == 1
    assert Meeting.objects.get().attendances.filter(person=ove, present=False).exists()


def test_a_similar_name_can_be_a_new_person(client_secretary, db):
    """Choosing "a new person" creates one; nobody is merged silently."""
    PersonFactory(name="Ove Dröschler")
    body = BodyFactory()
    response = _upload(client_secretary)
    field_name = next(
        field for name, _m, field in response.context["people_form"].rows if name == "Ove Dröscher"
    )
    data = _confirm_data(response, body=body.pk, date="2022-04-22", **{field_name: "new"})
    assert client_secretary.post(URL, data).status_code == 302
    assert set(Person.objects.filter(name__startswith="Ove Dr").values_list("name", flat=True)) == {
        "Ove Dröschler",
        "Ove Dröscher",
    }


def test_exact_spellings_match_without_asking(client_secretary, db):
    """A name that is a recorded spelling of one person is that person, with no question."""
    kent = PersonFactory(name="Kent Lagrell")
    body = BodyFactory()
    response = _upload(client_secretary)
    rows = {name: field for name, _m, field in response.context["people_form"].rows}
    assert rows["Kent Lagrell"] is None
    client_secretary.post(URL, _confirm_data(response, body=body.pk, date="2022-04-22"))
    assert Meeting.objects.get().chair == kent
    assert Person.objects.filter(name="Kent Lagrell").count() == 1


def test_the_same_document_twice_names_the_meeting_that_holds_it(client_secretary, db):
    """A second import of a document says which meeting already holds it and saves nothing."""
    body = BodyFactory()
    response = _upload(client_secretary)
    client_secretary.post(URL, _confirm_data(response, body=body.pk, date="2022-04-22"))
    meeting = Meeting.objects.get()
    again = _upload(client_secretary)
    assert again.status_code == 200
    assert str(meeting.pk) in " ".join(again.context["form"].non_field_errors())
    assert Meeting.objects.count() == 1


def test_same_body_and_date_is_refused_at_confirmation(client_secretary, db):
    """Another document for a body and date already in the archive is refused with the meeting named."""
    body = BodyFactory()
    existing = Meeting.objects.create(body=body, date=datetime.date(2022, 4, 22))
    response = _upload(client_secretary)
    again = client_secretary.post(URL, _confirm_data(response, body=body.pk, date="2022-04-22"))
    assert again.status_code == 200
    assert str(existing.pk) in " ".join(again.context["meeting_form"].non_field_errors())
    assert Meeting.objects.count() == 1


def test_pasted_text_is_imported_too(client_secretary, db):
    """Pasting the text works like uploading the file."""
    text = (DOCUMENTS / "natverk-numbered-notes.txt").read_text()
    response = client_secretary.post(URL, {"text": text})
    assert response.status_code == 200
    assert response.context["meeting_form"].initial["record_kind"] == "notes"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200),
        ("binary.txt", bytes(range(256)) * 20),
        ("shopping.txt", "Mjölk\nBröd\nÄgg".encode()),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf"),
        ("broken.docx", b"PK\x03\x04 not a zip"),
        ("old.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 100),
    ],
)
def test_bad_input_gets_a_message_and_writes_nothing(client_secretary, db, name, content):
    """Empty, image, binary, non-protocol and broken files are refused with a message, never a 500."""
    response = client_secretary.post(URL, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() or response.context["form"].errors
    assert Meeting.objects.count() == 0


def test_a_file_over_the_size_limit_is_refused(client_secretary, db):
    """A 20 MB file is refused before it is read."""
    big = SimpleUploadedFile("big.txt", b"a" * (20 * 1024 * 1024))
    response = client_secretary.post(URL, {"file": big})
    assert response.status_code == 200
    assert "10 MB" in str(response.context["form"].errors["file"])


def test_an_expired_preview_starts_again(client_secretary, db):
    """Confirming a preview the session no longer holds sends the secretary back to the upload."""
    response = client_secretary.post(URL, {"token": "gone"})
    assert response.status_code == 302 and response.url == URL


def test_people_without_permission_cannot_import(client, db):
    """Staff without the right to add meetings get no importer."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("guest", password="x-secret-pass", is_staff=True)
    client.force_login(user)
    assert client.get(URL).status_code == 403


def test_links_and_discussion_survive_the_preview(client_secretary, db):
    """Web addresses printed in an item become its links; the preview carries them to the draft."""
    body = BodyFactory()
    response = _upload(client_secretary, name="gr-socialchefsnatverket-anteckningar.txt")
    data = _confirm_data(response, body=body.pk, date="2021-12-10", **{"items-1-discussion": "- En punkt."})
    assert client_secretary.post(URL, data).status_code == 302
    meeting = Meeting.objects.get()
    urls = list(meeting.items.get(position=4).links.values_list("url", flat=True))
    assert urls[0].startswith("https://goteborgsregionen.se/kunskapsbank/")
    assert len(urls) == len(set(urls)) == 7
    assert meeting.items.get(position=2).discussion == "- En punkt."


def test_signatures_are_editable_in_the_preview(client_secretary, db):
    """The BankID signatures are shown for checking and saved as corrected."""
    body = BodyFactory()
    response = _upload(client_secretary, name="gr-styrgrupp-social-valfard-p102-112.txt")
    assert (
        response.context["signature_formset"].initial[0]["reference"]
        == "7526ae83-2300-4120-b0b4-967ecde62376"
    )
    data = _confirm_data(response, body=body.pk, date="2021-04-09", **{"signatures-1-reference": "rättad"})
    assert client_secretary.post(URL, data).status_code == 302
    signatures = Meeting.objects.get().signatures.order_by("signed_at")
    assert [s.reference for s in signatures] == ["rättad", "7526ae83-2300-4120-b0b4-967ecde62376"]
    assert [s.person.name for s in signatures] == ["Kent Lagrell", "Patrik Linde"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=2000).filter(lambda t: t.strip()))
def test_pasting_any_text_never_gives_an_error_page(client_secretary, text):
    """Whatever is pasted, the importer answers with the form or a preview, never a server error."""
    response = client_secretary.post(URL, {"text": text})
    assert response.status_code == 200


def test_same_body_and_date_is_refused_at_upload_with_a_link(client_secretary, db):
    """The body's meeting on the document's date is named at upload, with a link to open it."""
    body = BodyFactory()
    existing = Meeting.objects.create(body=body, date=datetime.date(2022, 4, 22))
    response = _upload(client_secretary, body=body.pk, date="2022-04-22")
    assert response.status_code == 200
    html = response.content.decode()
    link = reverse("admin:meetings_meeting_change", args=[existing.pk])
    assert f'<a href="{link}">{existing}</a>' in html
    assert "token" not in response.context


def test_upload_page_shows_no_error_before_anything_is_sent(client_secretary):
    assert "errornote" not in client_secretary.get(URL).content.decode()


def test_confirm_step_of_a_council_is_not_refused_for_its_size(client_secretary, db):
    """The preview of a large protocol posts back more than 1,000 fields, and that is accepted."""
    body = BodyFactory()
    first = ["Anna", "Erik", "Maria", "Lars", "Karin", "Per", "Eva", "Johan", "Lena", "Anders"]
    last = [
        "Andersson",
        "Berg",
        "Carlsson",
        "Dahl",
        "Ek",
        "Falk",
        "Holm",
        "Lind",
        "Nyberg",
        "Ström",
        "Sjöberg",
    ]
    members = "\n".join(f"{first[n % 10]} {last[n // 10]} (S), Kommun" for n in range(101))
    items = "\n\n".join(f"§ {100 + n}. Ärende {n}\nInformationen antecknas." for n in range(70))
    text = f"Protokoll\nNÄRVARANDE\n\nLedamöter\n\n{members}\n\nPARAGRAFER 100 - 169\n\n{items}\n"
    response = client_secretary.post(URL, {"text": text, "body": body.pk, "date": "2022-04-22"})
    assert response.status_code == 200
    data = _confirm_data(response)
    assert sum(len(v) if isinstance(v, list) else 1 for v in data.values()) > 1000
    confirmed = client_secretary.post(
        URL, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded"
    )
    assert confirmed.status_code == 302
    assert Meeting.objects.get(body=body).items.count() == 70
