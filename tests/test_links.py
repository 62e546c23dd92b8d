"""Links of agenda items are web addresses only, and nothing else is ever rendered as a clickable href."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings.models import AgendaItemLink
from meetings.templatetags.archive import web_url
from tests.factories import AgendaItemFactory, AgendaItemLinkFactory, MeetingFactory

NOT_WEB = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.org/protokoll.pdf",
    "file:///etc/passwd",
    "//example.org/utan-schema",
]


@pytest.mark.parametrize("url", NOT_WEB)
def test_validation_refuses_other_schemes(db, url):
    link = AgendaItemLink(agenda_item=AgendaItemFactory(), url=url, label="Rapport")
    with pytest.raises(ValidationError) as error:
        link.full_clean()
    assert "url" in error.value.message_dict or "__all__" in error.value.message_dict


@pytest.mark.parametrize("url", NOT_WEB)
def test_the_database_refuses_other_schemes_written_through_the_orm(db, url):
    item = AgendaItemFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItemLink.objects.create(agenda_item=item, url=url)
    link = AgendaItemLinkFactory(agenda_item=item)
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItemLink.objects.filter(pk=link.pk).update(url=url)


@pytest.mark.parametrize("url", ["https://example.org/rapport", "HTTP://example.org/a?b=c"])
def test_web_addresses_are_kept(db, url):
    link = AgendaItemLinkFactory(url=url)
    link.full_clean()
    assert web_url(url) == url


@pytest.mark.parametrize("url", [*NOT_WEB, "java\tscript:alert(1)", " javascript:alert(1)", ""])
def test_templates_never_make_other_schemes_clickable(url):
    assert web_url(url) == ""


def test_a_link_is_clickable_on_the_meeting_page(client, db):
    item = AgendaItemFactory(meeting=MeetingFactory(published=True))
    AgendaItemLinkFactory(agenda_item=item, url="https://example.org/rapport", label="Rapporten")
    html = client.get(item.meeting.get_absolute_url()).content.decode()
    assert '<a href="https://example.org/rapport" rel="noopener">Rapporten</a>' in html
