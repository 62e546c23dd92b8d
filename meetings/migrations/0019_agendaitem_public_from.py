"""The first day a meeting is public copied onto its agenda items as well, by the triggers of
migration 0016 extended: the public rule of an item is then read from the item's own row
(``meetings.querysets.meeting_public_from_q``), where a search joined each of its thousands of
matches to its meeting only to ask whether the meeting is public.

The copy is written as on attendance: on every insert, on every update that names ``meeting_id``
or a copied column, and again whenever the meeting's date, status or posting date changes.
"""

from django.db import migrations, models

PUBLIC_FROM = "CASE WHEN {m}.status = 'published' THEN coalesce({m}.posted_on, DATE '0001-01-01') END"

ITEM_COPY = f"""
CREATE OR REPLACE FUNCTION meetings_agendaitem_copy_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT m.date, {PUBLIC_FROM.format(m="m")}
      INTO NEW.meeting_date, NEW.meeting_public_from
      FROM meetings_meeting m WHERE m.id = NEW.meeting_id;
    RETURN NEW;
END
$$;

DROP TRIGGER agendaitem_copy_meeting ON meetings_agendaitem;
CREATE TRIGGER agendaitem_copy_meeting
    BEFORE INSERT OR UPDATE OF meeting_id, meeting_date, meeting_public_from ON meetings_agendaitem
    FOR EACH ROW EXECUTE FUNCTION meetings_agendaitem_copy_meeting();
"""

RECOPY = f"""
-- The children copy again (their BEFORE triggers do it); only the rows whose copy differs are written.
CREATE OR REPLACE FUNCTION meetings_meeting_recopy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE meetings_agendaitem SET meeting_date = NEW.date
     WHERE meeting_id = NEW.id
       AND (meeting_date, meeting_public_from) IS DISTINCT FROM (NEW.date, {PUBLIC_FROM.format(m="NEW")});
    UPDATE meetings_attendance SET meeting_date = NEW.date
     WHERE meeting_id = NEW.id
       AND (meeting_date, meeting_body_id, meeting_public_from) IS DISTINCT FROM (
           NEW.date, NEW.body_id, {PUBLIC_FROM.format(m="NEW")});
    RETURN NULL;
END
$$;
"""

BACKFILL = f"""
-- The rows already there, in one statement (the trigger would fire once per row).
ALTER TABLE meetings_agendaitem DISABLE TRIGGER agendaitem_copy_meeting;
UPDATE meetings_agendaitem a
   SET meeting_public_from = {PUBLIC_FROM.format(m="m")}
  FROM meetings_meeting m WHERE m.id = a.meeting_id AND m.status = 'published';
ALTER TABLE meetings_agendaitem ENABLE TRIGGER agendaitem_copy_meeting;
"""

# Migration 0016's functions and trigger, as they were.
BACKWARD = """
CREATE OR REPLACE FUNCTION meetings_agendaitem_copy_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT m.date INTO NEW.meeting_date FROM meetings_meeting m WHERE m.id = NEW.meeting_id;
    RETURN NEW;
END
$$;

DROP TRIGGER agendaitem_copy_meeting ON meetings_agendaitem;
CREATE TRIGGER agendaitem_copy_meeting
    BEFORE INSERT OR UPDATE OF meeting_id, meeting_date ON meetings_agendaitem
    FOR EACH ROW EXECUTE FUNCTION meetings_agendaitem_copy_meeting();

CREATE OR REPLACE FUNCTION meetings_meeting_recopy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE meetings_agendaitem SET meeting_date = NEW.date
     WHERE meeting_id = NEW.id AND meeting_date IS DISTINCT FROM NEW.date;
    UPDATE meetings_attendance SET meeting_date = NEW.date
     WHERE meeting_id = NEW.id
       AND (meeting_date, meeting_body_id, meeting_public_from) IS DISTINCT FROM (
           NEW.date,
           NEW.body_id,
           CASE WHEN NEW.status = 'published' THEN coalesce(NEW.posted_on, DATE '0001-01-01') END);
    RETURN NULL;
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0018_notice_board_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="agendaitem",
            name="meeting_public_from",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="public from"),
        ),
        migrations.RunSQL(ITEM_COPY + RECOPY + BACKFILL, BACKWARD),
    ]
