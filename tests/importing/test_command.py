"""The import_protocol management command."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from meetings.models import Meeting
from tests.factories import BodyFactory

from .conftest import DOCUMENTS, EXPECTED, SEEDS


def _run(*args):
    out = StringIO()
    call_command("import_protocol", *map(str, args), stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("seed", SEEDS)
def test_dry_run_json_is_the_expected_result_and_writes_nothing(db, seed):
    """--dry-run --json prints the expected JSON for each seed and saves nothing."""
    printed = json.loads(_run(DOCUMENTS / f"{seed}.txt", "--dry-run", "--json"))
    assert printed == json.loads((EXPECTED / f"{seed}.json").read_text())
    assert Meeting.objects.count() == 0


def test_saves_a_draft_with_body_and_date(db):
    """Without --dry-run the protocol becomes a draft meeting of the given body on the given date."""
    body = BodyFactory(slug="styrgruppen-social-valfard")
    _run(DOCUMENTS / "gr-socialchefsnatverket-anteckningar.txt", "--body", body.slug, "--date", "2021-12-10")
    meeting = Meeting.objects.get()
    assert (meeting.status, meeting.record_kind, meeting.date) == (
        "draft",
        "notes",
        datetime.date(2021, 12, 10),
    )
    assert meeting.secretary.name == "Cecilia Axelsson"
    assert meeting.secretary_title == "planeringsledare"
    assert [i.number for i in meeting.items.all()] == [None] * 8
    assert meeting.items.get(position=6).decisions.get().kind == "assignment"
    official = meeting.attendances.get(person__name="Lena Holmlund")
    assert (official.group, official.organisation.name) == ("official", "Göteborgsregionen")
    member = meeting.attendances.get(person__name="Ebba Gierow")
    assert (member.group, member.organisation.name, member.organisation.kind) == (
        "member",
        "Ale",
        "municipality",
    )


def test_signatures_are_saved(db):
    """BankID signatures are saved with signer, capacity, time and reference."""
    body = BodyFactory()
    _run(DOCUMENTS / "gr-styrgrupp-social-valfard-p102-112.txt", "--body", body.slug, "--date", "2021-04-09")
    meeting = Meeting.objects.get()
    signatures = list(meeting.signatures.order_by("signed_at"))
    assert [s.person.name for s in signatures] == ["Kent Lagrell", "Patrik Linde"]
    assert signatures[0].reference == "52c4d8d4-9c0a-4173-87b5-9e00c81e91cb"
    assert signatures[0].method == "bankid"
    vacant = meeting.attendances.get(person=None)
    assert (vacant.present, vacant.organisation.name) == (False, "Lilla Edet")


def test_the_date_in_the_document_is_used(db):
    """A document with its date needs only the body."""
    body = BodyFactory()
    _run(DOCUMENTS / "kf-formal-header.txt", "--body", body.slug)
    assert Meeting.objects.get().date == datetime.date(2002, 11, 28)


def test_missing_body_or_date_is_a_clear_error(db):
    """Without a body or a date the command says what to add and writes nothing."""
    body = BodyFactory()
    with pytest.raises(CommandError, match="--body"):
        _run(DOCUMENTS / f"{SEEDS[0]}.txt", "--date", "2021-04-09")
    with pytest.raises(CommandError, match="--date"):
        _run(DOCUMENTS / f"{SEEDS[0]}.txt", "--body", body.slug)
    with pytest.raises(CommandError, match="No body"):
        _run(DOCUMENTS / f"{SEEDS[0]}.txt", "--body", "no-such-body", "--date", "2021-04-09")
    assert Meeting.objects.count() == 0


def test_importing_twice_names_the_meeting(db):
    """The same document twice: the second run names the meeting that holds it."""
    body = BodyFactory()
    _run(DOCUMENTS / "kf-formal-header.txt", "--body", body.slug)
    meeting = Meeting.objects.get()
    with pytest.raises(CommandError, match=f"meeting {meeting.pk}"):
        _run(DOCUMENTS / "kf-formal-header.txt", "--body", body.slug, "--date", "2002-12-01")
    assert Meeting.objects.count() == 1


def test_uncertain_names_are_not_merged_by_the_command(db):
    """The command refuses rather than guess when a name only resembles an existing person."""
    from tests.factories import PersonFactory

    PersonFactory(name="Ove Dröschler")
    body = BodyFactory()
    with pytest.raises(CommandError, match="Ove Dröscher"):
        _run(DOCUMENTS / f"{SEEDS[1]}.txt", "--body", body.slug, "--date", "2022-04-22")
    assert Meeting.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (bytes(range(256)) * 10, "binary"), (b"Hej hej\nVi ses", "protocol")],
)
def test_bad_files_are_refused(tmp_path, db, content, message):
    """Empty, binary and non-protocol files give a CommandError that says why."""
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        _run(path, "--dry-run", "--json")


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    """A path that does not exist is named in the error."""
    with pytest.raises(CommandError, match="No such file"):
        _run(tmp_path / "nope.txt", "--dry-run")
