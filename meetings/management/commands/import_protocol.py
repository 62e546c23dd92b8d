import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from meetings.importing import ImportProblem
from meetings.importing.extract import MAX_FILE_SIZE, text_extract
from meetings.importing.parse import protocol_parse
from meetings.importing.save import (
    body_guess,
    meeting_duplicate_message,
    meeting_find_imported,
    meeting_import,
    text_fingerprint,
)
from meetings.models import Body


class Command(BaseCommand):
    help = (
        "Imports one protocol or set of notes (.txt, .pdf, .docx) as a draft meeting. With --dry-run "
        "it only shows what it understood (--json: as JSON) and writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The document: a text, PDF or Word (.docx) file.")
        parser.add_argument("--body", help="Slug of the body the meeting belongs to.")
        parser.add_argument("--date", help="Meeting date YYYY-MM-DD, when the document does not say.")
        parser.add_argument("--dry-run", action="store_true", help="Parse and show; write nothing.")
        parser.add_argument("--json", action="store_true", help="Print the parse result as JSON.")

    def handle(self, *args, file, body=None, date=None, dry_run=False, json=False, **options):
        path = Path(file)
        shown = file if len(file) <= 120 else f"{file[:60]}…{file[-40:]}"
        try:
            if not path.is_file():
                raise CommandError(_("No such file: %(file)s") % {"file": shown})
            size = path.stat().st_size
            if size > MAX_FILE_SIZE:
                raise CommandError(
                    _("%(file)s is %(size)d MB; the importer reads files up to %(limit)d MB.")
                    % {"file": shown, "size": size // (1024 * 1024), "limit": MAX_FILE_SIZE // (1024 * 1024)}
                )
            data = path.read_bytes()
        except OSError as error:
            # A name longer than the file system allows, a directory without permission, a device.
            raise CommandError(
                _("%(file)s cannot be read: %(reason)s") % {"file": shown, "reason": error.strerror or error}
            ) from error
        try:
            text = text_extract(data=data, filename=path.name)
            result = protocol_parse(text)
        except ImportProblem as problem:
            raise CommandError(f"{shown}: {problem}") from problem

        meeting_date = result.date
        if date:
            try:
                meeting_date = datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(_("--date must be YYYY-MM-DD, not %(date)s.") % {"date": date}) from error

        if dry_run:
            if json:
                self.stdout.write(_json(result.as_dict()))
            else:
                self._summary(result)
            return

        target = None
        if body:
            target = Body.objects.filter(slug=body).first()
            if target is None:
                raise CommandError(
                    _("No body has the slug %(slug)s. Bodies: %(slugs)s") % {"slug": body, "slugs": _slugs()}
                )
        else:
            target = body_guess(result.body)
        if target is None:
            raise CommandError(
                _(
                    "The document does not name a body the archive knows. Give one with --body SLUG (bodies: %(slugs)s)."
                )
                % {"slugs": _slugs()}
            )
        if meeting_date is None:
            raise CommandError(_("The document gives no meeting date. Give it with --date YYYY-MM-DD."))
        fingerprint = text_fingerprint(text)
        duplicate = meeting_find_imported(fingerprint=fingerprint, body=target, date=meeting_date)
        if duplicate is not None:
            raise CommandError(meeting_duplicate_message(duplicate))
        try:
            meeting = meeting_import(
                data=result.as_dict(full=True), body=target, date=meeting_date, fingerprint=fingerprint
            )
        except ImportProblem as problem:
            advice = _("Use the importer in the admin to confirm them.")
            raise CommandError(f"{problem} {advice}") from problem
        if json:
            self.stdout.write(_json({"meeting": meeting.pk, **result.as_dict()}))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported {meeting} as a draft (meeting {meeting.pk}): {meeting.items.count()} items, "
                    f"{meeting.attendances.count()} attendance lines."
                )
            )

    def _summary(self, result):
        data = result.as_dict()
        self.stdout.write(
            f"Body: {data['body'] or '?'}   Date: {data['date'] or '?'}   Kind: {data['record_kind']}"
        )
        self.stdout.write(f"Attendees: {len(data['attendees'])}   Items: {len(data['items'])}")
        for problem in data["problems"]:
            self.stdout.write(self.style.WARNING(f"! {problem}"))
        for item in data["items"]:
            number = f"§ {item['number']}" if item["number"] is not None else f"{item['position']}."
            self.stdout.write(f"  {number} {item['title']}")


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _slugs() -> str:
    return ", ".join(Body.objects.values_list("slug", flat=True)[:30]) or str(_("none yet"))
