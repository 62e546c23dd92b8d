from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from meetings import synthetic


class Command(BaseCommand):
    help = (
        "Writes a synthetic archive of N paragraphs (bodies, people, meetings, attendance, decisions) "
        "for benchmarks, replacing one written before. The same seed gives the same archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("--paragraphs", type=int, metavar="N", help="how many paragraphs, e.g. 1000000")
        parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
        parser.add_argument(
            "--remove", action="store_true", help="only remove the synthetic archive written before"
        )

    def handle(self, *args, paragraphs, seed, remove, **options):
        def write(text: str) -> None:
            self.stderr.write(text, ending="")
            self.stderr.flush()

        if not remove and (paragraphs is None or not 1 <= paragraphs <= 20_000_000):
            raise CommandError("--paragraphs must be between 1 and 20,000,000.")
        try:
            if remove:
                removed = synthetic.archive_remove(write=write)
                self.stdout.write(self.style.SUCCESS(f"Removed {removed:,} synthetic meetings."))
                return
            summary = synthetic.archive_generate(paragraphs=paragraphs, seed=seed, write=write)
        except IntegrityError as error:
            # The synthetic rows are referred to by rows of the archive's own (a synthetic person
            # added to a real meeting): nothing was removed or written.
            raise CommandError(f"Nothing was changed: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {summary.paragraphs:,} paragraphs in {summary.meetings:,} meetings of "
                f"{summary.bodies} bodies, {summary.decisions:,} decisions, {summary.attendances:,} "
                f"attendance rows, {summary.people:,} people, {summary.cases:,} cases in "
                f"{summary.seconds:.1f} s."
            )
        )
