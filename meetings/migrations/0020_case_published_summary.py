"""Each case keeps the summary of its published paragraphs, written by the database: how many, the
latest meeting date, and the day the last of them becomes public.

The case index of a region listed 40,000 cases by aggregating their 60,000 public paragraphs at
each new version of the archive (170–230 ms at 1,000,000 paragraphs); with the summary it reads
the cases alone, from an index of their summaries (5–7 ms). A paragraph counts when its meeting is published (``meeting_public_from`` is set,
migration 0019) and neither it nor the item it is a sub-point of is confidential: the public rule
of ``AgendaItemQuerySet.searchable()`` but for the day, which the index checks against
``published_public_from`` when it reads the summary.

``meetings_case_summarise(ids)`` writes the summary of the given cases from their paragraphs.
Statement triggers on the paragraphs call it for the cases a statement touched (inserted,
deleted, or updated in a column the summary reads, the sub-points of an item whose
confidentiality changed included), once per statement: a meeting published with 80 paragraphs
summarises its cases in one go. The synthetic archive, written with the triggers off, calls it
itself.
"""

from django.db import migrations, models

SUMMARISE = """
CREATE FUNCTION meetings_case_summarise(case_ids bigint[]) RETURNS void LANGUAGE sql AS $$
    UPDATE meetings_case c
       SET published_paragraphs = s.paragraphs,
           published_latest = s.latest,
           published_public_from = s.public_from
      FROM (
          SELECT k.id, count(i.id) AS paragraphs, max(i.meeting_date) AS latest,
                 max(i.meeting_public_from) AS public_from
            FROM (SELECT DISTINCT unnest(case_ids) AS id) k
            LEFT JOIN meetings_agendaitem i
              ON i.case_id = k.id
             AND i.meeting_public_from IS NOT NULL
             AND NOT i.confidential
             AND NOT EXISTS (SELECT FROM meetings_agendaitem p WHERE p.id = i.parent_id AND p.confidential)
           GROUP BY k.id
      ) s
     WHERE c.id = s.id
       AND (c.published_paragraphs, c.published_latest, c.published_public_from)
           IS DISTINCT FROM (s.paragraphs, s.latest, s.public_from);
$$;

CREATE FUNCTION meetings_agendaitem_summarise_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM meetings_case_summarise(ARRAY(SELECT case_id FROM new_items WHERE case_id IS NOT NULL));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM meetings_case_summarise(ARRAY(SELECT case_id FROM old_items WHERE case_id IS NOT NULL));
    ELSE
        PERFORM meetings_case_summarise(ARRAY(
            WITH changed AS (
                SELECT o.id, o.case_id AS old_case, n.case_id AS new_case,
                       o.confidential IS DISTINCT FROM n.confidential AS secrecy_changed
                  FROM old_items o JOIN new_items n ON n.id = o.id
                 WHERE (o.case_id, o.meeting_public_from, o.meeting_date, o.confidential, o.parent_id)
                       IS DISTINCT FROM (n.case_id, n.meeting_public_from, n.meeting_date, n.confidential, n.parent_id)
            )
            SELECT old_case FROM changed WHERE old_case IS NOT NULL
             UNION SELECT new_case FROM changed WHERE new_case IS NOT NULL
             UNION SELECT child.case_id
                     FROM changed JOIN meetings_agendaitem child ON child.parent_id = changed.id
                    WHERE changed.secrecy_changed AND child.case_id IS NOT NULL
        ));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER agendaitem_summarise_cases_insert AFTER INSERT ON meetings_agendaitem
    REFERENCING NEW TABLE AS new_items
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_agendaitem_summarise_cases();
CREATE TRIGGER agendaitem_summarise_cases_update AFTER UPDATE ON meetings_agendaitem
    REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_agendaitem_summarise_cases();
CREATE TRIGGER agendaitem_summarise_cases_delete AFTER DELETE ON meetings_agendaitem
    REFERENCING OLD TABLE AS old_items
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_agendaitem_summarise_cases();

-- The cases already there.
SELECT meetings_case_summarise(ARRAY(SELECT id FROM meetings_case));
"""

BACKWARD = """
DROP TRIGGER agendaitem_summarise_cases_insert ON meetings_agendaitem;
DROP TRIGGER agendaitem_summarise_cases_update ON meetings_agendaitem;
DROP TRIGGER agendaitem_summarise_cases_delete ON meetings_agendaitem;
DROP FUNCTION meetings_agendaitem_summarise_cases();
DROP FUNCTION meetings_case_summarise(bigint[]);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0019_agendaitem_public_from"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="published_latest",
            field=models.DateField(editable=False, null=True, verbose_name="latest published paragraph"),
        ),
        migrations.AddField(
            model_name="case",
            name="published_paragraphs",
            field=models.PositiveIntegerField(db_default=0, editable=False, verbose_name="published paragraphs"),
        ),
        migrations.AddField(
            model_name="case",
            name="published_public_from",
            field=models.DateField(
                editable=False, null=True, verbose_name="all published paragraphs public from"
            ),
        ),
        migrations.RunSQL(SUMMARISE, BACKWARD),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                condition=models.Q(("published_paragraphs__gt", 0)),
                fields=["organisation", "-published_latest", "-id"],
                include=("published_paragraphs", "published_public_from"),
                name="case_index_idx",
            ),
        ),
    ]
