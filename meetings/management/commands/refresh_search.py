from django.core.management.base import BaseCommand

from meetings.services import agenda_items_refresh_all_search_documents


class Command(BaseCommand):
    help = "Rewrites the search text (decisions, presenters) of every agenda item, e.g. after raw SQL writes."

    def handle(self, *args, **options):
        count = agenda_items_refresh_all_search_documents()
        self.stdout.write(self.style.SUCCESS(f"Refreshed the search text of {count} agenda items."))
