"""Each person's first day of public attendance, kept by the database.

The people index lists the public people A–Ö. Public attendance is the public rule's first and
most common ground, and asking each of 20,000 people's attendance for it took 64 ms at 1,000,000
paragraphs, at each new version of the archive. The table ``meetings_personpublicday`` holds, for
each person with attendance at a published meeting, the first day one of those is public: the
minimum of ``meeting_public_from`` (migration 0016) over the person's attendance. A person
without such attendance has no row.

``meetings_person_public_day(ids)`` writes the rows of the given people from their attendance.
Statement triggers on attendance call it for the people a statement touched: rows inserted or
deleted at a published meeting, and rows whose person or public day changed, which includes
the updates the meeting triggers make when a meeting is published, unpublished or moved. The
synthetic archive, written with the triggers off, calls it itself.
"""

import django.db.models.deletion
from django.db import migrations, models

PUBLIC_DAY = """
CREATE FUNCTION meetings_person_public_day(person_ids bigint[]) RETURNS void LANGUAGE sql AS $$
    WITH days AS (
        SELECT k.id,
               (SELECT min(a.meeting_public_from) FROM meetings_attendance a WHERE a.person_id = k.id) AS first
          FROM (SELECT DISTINCT unnest(person_ids) AS id) k
         WHERE EXISTS (SELECT FROM members_person p WHERE p.id = k.id)
    ), removed AS (
        DELETE FROM meetings_personpublicday d
         USING days
         WHERE d.person_id = days.id AND days.first IS NULL
    )
    INSERT INTO meetings_personpublicday (person_id, first_public_from)
    SELECT id, first FROM days WHERE first IS NOT NULL
        ON CONFLICT (person_id) DO UPDATE SET first_public_from = EXCLUDED.first_public_from
     WHERE meetings_personpublicday.first_public_from IS DISTINCT FROM EXCLUDED.first_public_from;
$$;

CREATE FUNCTION meetings_attendance_person_public_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A row of an unpublished meeting (no public day) changes no one's first public day.
    IF TG_OP = 'INSERT' THEN
        PERFORM meetings_person_public_day(ARRAY(
            SELECT person_id FROM new_rows WHERE person_id IS NOT NULL AND meeting_public_from IS NOT NULL
        ));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM meetings_person_public_day(ARRAY(
            SELECT person_id FROM old_rows WHERE person_id IS NOT NULL AND meeting_public_from IS NOT NULL
        ));
    ELSE
        PERFORM meetings_person_public_day(ARRAY(
            WITH changed AS (
                SELECT o.person_id AS old_person, n.person_id AS new_person
                  FROM old_rows o JOIN new_rows n ON n.id = o.id
                 WHERE (o.person_id, o.meeting_public_from) IS DISTINCT FROM (n.person_id, n.meeting_public_from)
            )
            SELECT old_person FROM changed WHERE old_person IS NOT NULL
             UNION SELECT new_person FROM changed WHERE new_person IS NOT NULL
        ));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER attendance_person_public_day_insert AFTER INSERT ON meetings_attendance
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_attendance_person_public_day();
CREATE TRIGGER attendance_person_public_day_update AFTER UPDATE ON meetings_attendance
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_attendance_person_public_day();
CREATE TRIGGER attendance_person_public_day_delete AFTER DELETE ON meetings_attendance
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_attendance_person_public_day();

-- The people already there.
SELECT meetings_person_public_day(ARRAY(SELECT DISTINCT person_id FROM meetings_attendance
                                         WHERE person_id IS NOT NULL AND meeting_public_from IS NOT NULL));
"""

BACKWARD = """
DROP TRIGGER attendance_person_public_day_insert ON meetings_attendance;
DROP TRIGGER attendance_person_public_day_update ON meetings_attendance;
DROP TRIGGER attendance_person_public_day_delete ON meetings_attendance;
DROP FUNCTION meetings_attendance_person_public_day();
DROP FUNCTION meetings_person_public_day(bigint[]);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0021_attendance_party_body_indexes"),
        ("members", "0004_person_names_search"),
    ]

    operations = [
        migrations.CreateModel(
            name="PersonPublicDay",
            fields=[
                (
                    "person",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="public_day",
                        serialize=False,
                        to="members.person",
                        verbose_name="person",
                    ),
                ),
                ("first_public_from", models.DateField(verbose_name="first public attendance")),
            ],
            options={
                "verbose_name": "first public attendance",
                "verbose_name_plural": "first public attendances",
            },
        ),
        migrations.RunSQL(PUBLIC_DAY, BACKWARD),
    ]
