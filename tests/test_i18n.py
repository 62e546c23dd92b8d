"""Swedish by default, English with the language switch."""

from django.urls import reverse

from .factories import MeetingFactory


def test_admin_is_swedish_by_default(admin_client):
    meeting = MeetingFactory()
    response = admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    content = response.content.decode()
    assert '<html lang="sv"' in content
    assert "Tjänstgör för" in content
    assert "Kommande möten" in content


def test_django_keeps_its_own_swedish_and_the_language_switch_its_own_word(admin_client):
    """Django's "Change" links say "Ändra"; only the language switch's button says "Byt"."""
    content = admin_client.get(reverse("admin:index")).content.decode()
    assert ">Ändra</a>" in content
    assert ">Byt</button>" in content
    assert ">Byt</a>" not in content


def test_language_switch_changes_admin_to_english(admin_client):
    url = reverse("admin:meetings_meeting_change", args=[MeetingFactory().pk])
    page = admin_client.get(url).content.decode()
    assert 'action="/i18n/setlang/"' in page
    assert 'name="csrfmiddlewaretoken"' in page.split('action="/i18n/setlang/"')[1][:400]

    response = admin_client.post(reverse("set_language"), {"language": "en", "next": url})
    assert response.status_code == 302 and response.url == url
    content = admin_client.get(url).content.decode()
    assert '<html lang="en"' in content
    assert "Serving for" in content

    admin_client.post(reverse("set_language"), {"language": "sv", "next": url})
    assert "Tjänstgör för" in admin_client.get(url).content.decode()


def test_language_switch_is_on_the_login_page(client):
    content = client.get(reverse("admin:login")).content.decode()
    assert 'action="/i18n/setlang/"' in content
    assert "Språk" in content


def test_every_message_has_a_swedish_translation():
    """No untranslated or fuzzy entries in the Swedish catalogue."""
    from pathlib import Path

    from django.conf import settings

    catalogue = Path(settings.BASE_DIR, "locale", "sv", "LC_MESSAGES", "django.po").read_text()
    entries = catalogue.split("\n\n")[1:]
    untranslated = [e for e in entries if e.rstrip().endswith('msgstr ""') and "msgid_plural" not in e]
    fuzzy = [e for e in entries if "#, fuzzy" in e]
    assert untranslated == [] and fuzzy == []


def test_browser_language_does_not_override_swedish(admin_client):
    """An English browser still gets Swedish until the visitor switches language."""
    response = admin_client.get(reverse("admin:index"), headers={"accept-language": "en-US,en;q=0.9"})
    assert response.headers["Content-Language"] == "sv"
    assert ">Personer</a>" in response.content.decode()


def test_unknown_language_cookie_falls_back_to_swedish(admin_client):
    admin_client.cookies["django_language"] = "xx"
    response = admin_client.get(reverse("admin:index"))
    assert response.headers["Content-Language"] == "sv"
