"""Whether a paragraph has a decision of a kind (the search's and the decisions view's kind filter)
is answered from an index on (paragraph, kind) alone; it leads with the paragraph, so it replaces
the foreign key's own. The new index is built before the old one is dropped."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0022_person_public_day"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="decision",
            index=models.Index(fields=["agenda_item", "kind"], name="decision_item_kind_idx"),
        ),
        migrations.AlterField(
            model_name="decision",
            name="agenda_item",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="decisions",
                to="meetings.agendaitem",
                verbose_name="agenda item",
            ),
        ),
    ]
