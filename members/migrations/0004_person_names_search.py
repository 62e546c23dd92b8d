import django.contrib.postgres.indexes
from django.db import migrations

import members.querysets

# The name and every alternative spelling as one text, for the index of name suggestions. An index
# may only use immutable functions; array_to_string is declared stable (the output of some element
# types depends on settings), never so for the text of varchar elements, so this wrapper is
# immutable. Both PostgreSQL 15 and 16 without extensions.
CREATE_FUNCTION = """
CREATE OR REPLACE FUNCTION person_names_text(varchar, varchar[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT $1 || ' ' || array_to_string($2, ' ') $$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_history"),
    ]

    operations = [
        migrations.RunSQL(CREATE_FUNCTION, "DROP FUNCTION person_names_text(varchar, varchar[]);"),
        migrations.AddIndex(
            model_name="person",
            index=django.contrib.postgres.indexes.GinIndex(
                members.querysets.NamesVector(), name="person_names_search_idx"
            ),
        ),
    ]
