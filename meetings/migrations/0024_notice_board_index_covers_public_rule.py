"""The notice board's index on the posting day also holds the status and the kind of record, so
the archive of notices is counted from the index alone (70,000 posted protocols at a million
paragraphs). An index's columns cannot be altered: it is dropped and built again, in the
migration's transaction."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0023_decision_item_kind_index"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="meeting",
            name="meeting_posted_on_idx",
        ),
        migrations.AddIndex(
            model_name="meeting",
            index=models.Index(
                condition=models.Q(("posted_on__isnull", False)),
                fields=["posted_on"],
                include=("status", "record_kind"),
                name="meeting_posted_on_idx",
            ),
        ),
    ]
