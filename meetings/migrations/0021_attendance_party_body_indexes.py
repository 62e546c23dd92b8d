"""The people of a party or a body read from the attendance of that party or body alone, for the
people index's filters (``selectors.people_index``); the party's index leads with the party, so
it replaces the foreign key's own."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0020_case_published_summary"),
        ("members", "0004_person_names_search"),
    ]

    operations = [
        migrations.AlterField(
            model_name="attendance",
            name="party",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                to="members.party",
                verbose_name="party",
            ),
        ),
        migrations.AddIndex(
            model_name="attendance",
            index=models.Index(
                condition=models.Q(("party__isnull", False)),
                fields=["party", "person"],
                include=("meeting_public_from",),
                name="attendance_party_person_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="attendance",
            index=models.Index(
                fields=["meeting_body", "person"],
                include=("meeting_public_from",),
                name="attendance_body_person_idx",
            ),
        ),
    ]
