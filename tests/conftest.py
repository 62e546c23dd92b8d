import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Messages outside a request are asserted in the source language; a request (the language
    middleware) activates its own language, and that must not leak into the next test."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True, scope="session")
def _plain_http():
    """The test client and the live server speak plain HTTP, so production's redirect to HTTPS is
    off (tests/test_security.py turns it on to test it). Session-scoped and autouse, so it is set
    before the live server loads its middleware."""
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    """Tests render pages without running collectstatic, so no hashed-name manifest exists."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def demo_archive(db):
    """The demo archive from fixtures/: the three seed protocols entered completely."""
    from meetings.services import agenda_items_refresh_all_search_documents

    call_command("loaddata", "demo", verbosity=0)
    agenda_items_refresh_all_search_documents()


def _assigned_to_every_body(user):
    """Assigns ``user`` to every body, those a test creates later included (until the test ends)."""
    from django.db.models.signals import post_save

    from meetings.models import Body

    user.assigned_bodies.set(Body.objects.all())

    def assign(sender, instance, created, **kwargs):
        if created:
            instance.secretaries.add(user)

    post_save.connect(assign, sender=Body, weak=False, dispatch_uid=f"assign-{user.pk}")
    return lambda: post_save.disconnect(sender=Body, dispatch_uid=f"assign-{user.pk}")


@pytest.fixture
def secretary(db):
    """A staff user in the secretaries group (not a superuser), working on every body of the test.

    The boundary between bodies is tested with secretaries of their own (tests/test_access.py)."""
    from django.contrib.auth import get_user_model

    from meetings.services import secretaries_group_ensure

    user = get_user_model().objects.create_user("sekr", password="x-secret-pass", is_staff=True)
    user.groups.add(secretaries_group_ensure())
    release = _assigned_to_every_body(user)
    yield user
    release()


@pytest.fixture
def officer(db):
    """A secretary who may also adjust and post protocols and approve and publish notes."""
    from django.contrib.auth import get_user_model

    from meetings.services import officers_group_ensure, secretaries_group_ensure

    user = get_user_model().objects.create_user("registrator", password="x-secret-pass", is_staff=True)
    user.groups.add(secretaries_group_ensure(), officers_group_ensure())
    release = _assigned_to_every_body(user)
    yield user
    release()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rendered pages are cached per process (local memory): each test starts without them."""
    from django.core.cache import cache

    cache.clear()
    yield
