from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from meetings.models import Body, Meeting
from meetings.services import agenda_items_refresh_all_search_documents, demo_secretary_ensure
from members.models import Organisation, Person


class Command(BaseCommand):
    help = (
        "Loads the demo archive from fixtures/ into an empty archive. With the embedded database it "
        "also creates a demo secretary account and prints its login."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-account", action="store_true", help="Do not create or print the demo secretary account."
        )

    def handle(self, *args, no_account=False, **options):
        if any(model.objects.exists() for model in (Meeting, Body, Person, Organisation)):
            # The fixture has fixed primary keys: loading it would overwrite rows of a live archive.
            self.stdout.write("The archive already holds data; demo archive not loaded.")
        else:
            self.stdout.write("Loading the demo archive…")
            call_command("loaddata", "demo", verbosity=options["verbosity"])
            agenda_items_refresh_all_search_documents()
            self.stdout.write(self.style.SUCCESS(f"Loaded {Meeting.objects.count()} meetings."))

        if no_account or not settings.EMBEDDED_DATABASE:
            # Against a real server, accounts are created by people (createsuperuser), never by a default.
            return
        username, password = demo_secretary_ensure()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login: http://127.0.0.1:8000/admin/  user: {username}  password: {password}"
            )
        )
