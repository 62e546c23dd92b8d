"""The meeting's body copied onto its agenda items as well, by the triggers of migrations 0016 and
0019 extended, with an index (body, date): the search's body filter then reads a body's paragraphs
newest first, or a body's range of dates as a bitmap combined with the search index's, from the
paragraph's own row, where it joined each of thousands of matches to its meeting ("psykisk hälsa"
in a body of 10,000 meetings read all 30,000 paragraphs holding "psykisk" in the archive).

The copy is written as the date's: on every insert, on every update that names ``meeting_id`` or a
copied column, and again whenever the meeting's date, body, status or posting date changes.
"""

from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models

_0019 = import_module("meetings.migrations.0019_agendaitem_public_from")
PUBLIC_FROM = _0019.PUBLIC_FROM

ITEM_COPY = f"""
CREATE OR REPLACE FUNCTION meetings_agendaitem_copy_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT m.date, m.body_id, {PUBLIC_FROM.format(m="m")}
      INTO NEW.meeting_date, NEW.meeting_body_id, NEW.meeting_public_from
      FROM meetings_meeting m WHERE m.id = NEW.meeting_id;
    RETURN NEW;
END
$$;

DROP TRIGGER agendaitem_copy_meeting ON meetings_agendaitem;
CREATE TRIGGER agendaitem_copy_meeting
    BEFORE INSERT OR UPDATE OF meeting_id, meeting_date, meeting_body_id, meeting_public_from
    ON meetings_agendaitem
    FOR EACH ROW EXECUTE FUNCTION meetings_agendaitem_copy_meeting();
"""

RECOPY = f"""
-- The children copy again (their BEFORE triggers do it); only the rows whose copy differs are written.
CREATE OR REPLACE FUNCTION meetings_meeting_recopy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE meetings_agendaitem SET meeting_date = NEW.date
     WHERE meeting_id = NEW.id
       AND (meeting_date, meeting_body_id, meeting_public_from) IS DISTINCT FROM (
           NEW.date, NEW.body_id, {PUBLIC_FROM.format(m="NEW")});
    UPDATE meetings_attendance SET meeting_date = NEW.date
     WHERE meeting_id = NEW.id
       AND (meeting_date, meeting_body_id, meeting_public_from) IS DISTINCT FROM (
           NEW.date, NEW.body_id, {PUBLIC_FROM.format(m="NEW")});
    RETURN NULL;
END
$$;
"""

BACKFILL = """
-- The rows already there, in one statement (the trigger would fire once per row), and the
-- planner's statistics of the new column.
ALTER TABLE meetings_agendaitem DISABLE TRIGGER agendaitem_copy_meeting;
UPDATE meetings_agendaitem a SET meeting_body_id = m.body_id FROM meetings_meeting m WHERE m.id = a.meeting_id;
ALTER TABLE meetings_agendaitem ENABLE TRIGGER agendaitem_copy_meeting;
ANALYZE meetings_agendaitem;
"""

# Migration 0019's function, trigger and recopy, as they were.
BACKWARD = _0019.ITEM_COPY + _0019.RECOPY


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0024_notice_board_index_covers_public_rule"),
        ("members", "0004_person_names_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="agendaitem",
            name="meeting_body",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="meetings.body",
                verbose_name="body",
            ),
        ),
        migrations.RunSQL(ITEM_COPY + RECOPY + BACKFILL, BACKWARD),
        migrations.AddIndex(
            model_name="agendaitem",
            index=models.Index(fields=["meeting_body", "meeting_date"], name="agendaitem_body_date_idx"),
        ),
    ]
