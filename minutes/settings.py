"""Settings for Protokollarkivet, read from the environment.

Development defaults just work: with no ``DATABASE_URL`` an embedded PostgreSQL starts under
``var/``. Production fails loudly when ``SECRET_KEY`` is missing and ``DEBUG`` is off.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY in the environment (or DEBUG=1 for development).")
    SECRET_KEY = "insecure-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "minutes.apps.ArchiveAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "axes",
    "csp",
    "simple_history",
    "members",
    "meetings",
]

# The history of every archive record (django-simple-history), shown in the admin. Reverting from
# it is off: it would bypass the life cycle's rule that adjusted records change only by correction.
SIMPLE_HISTORY_REVERT_DISABLED = True

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the database: pins a request to the primary when it may write.
    "minutes.routers.PrimaryPinMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "minutes.middleware.LanguageMiddleware",
    "minutes.middleware.ControlCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Records who made each change in the archive's history.
    "simple_history.middleware.HistoryRequestMiddleware",
    "minutes.middleware.ProtocolFormFieldLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it answers a locked-out login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "minutes.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "minutes.wsgi.application"

# Session settings for every connection, fitted to a site of short queries (see the README and
# bench/RESULTS.md for the plans): JIT compilation costs 100–200 ms and pays off only for long
# analytic queries; work_mem keeps the full-text index's bitmap for a common word exact (not lossy)
# and the sorts of search candidates in memory; parallel workers cost more to start than these
# queries take, and take the cores other requests need. random_page_cost: the archive's tables and
# indexes are read from memory (or SSD), where an index look-up costs little more than a
# sequential read; at the stock 4.0 the planner hashes all 83,000 meetings (30 ms) to join the few
# thousand paragraphs of a search instead of looking each meeting up (3 ms). Set
# DATABASE_RANDOM_PAGE_COST=4 for an archive on spinning disks larger than memory.
DATABASE_WORK_MEM = os.environ.get("DATABASE_WORK_MEM", "32MB")
DATABASE_RANDOM_PAGE_COST = os.environ.get("DATABASE_RANDOM_PAGE_COST", "1.1")
DATABASE_SESSION_OPTIONS = (
    f"-c jit=off -c work_mem={DATABASE_WORK_MEM} -c max_parallel_workers_per_gather=0"
    f" -c random_page_cost={DATABASE_RANDOM_PAGE_COST}"
)


def postgresql_url(name: str) -> dict:
    config = dj_database_url.parse(os.environ[name], conn_max_age=60)
    if not config["ENGINE"].endswith("postgresql"):
        raise ImproperlyConfigured(f"{name} must point to PostgreSQL (postgres://…).")
    return config


# True when the database is the embedded server under var/, i.e. a developer's own machine.
EMBEDDED_DATABASE = not os.environ.get("DATABASE_URL")
if EMBEDDED_DATABASE:
    from minutes.embedded_db import database_settings

    DATABASES = {"default": database_settings()}
else:
    DATABASES = {"default": postgresql_url("DATABASE_URL")}

# A read replica (streaming replication) for the public site; see minutes.routers.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = postgresql_url("DATABASE_REPLICA_URL")
    # Tests run against the primary's test database: a replica is a copy of it.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["minutes.routers.ReplicaRouter"]

for _database in DATABASES.values():
    _options = _database.setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} {DATABASE_SESSION_OPTIONS}".strip()
    # A kept connection is tested before a request uses it, so that after a restart of PostgreSQL
    # the first request reconnects instead of failing; while the server is down, requests answer
    # 503 (minutes.views.server_error).
    _database["CONN_HEALTH_CHECKS"] = True

# Local memory by default (one process); Redis through CACHE_URL, shared by several app servers.
if os.environ.get("CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["CACHE_URL"],
            "KEY_PREFIX": "protokoll",
            "TIMEOUT": 24 * 3600,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "TIMEOUT": 24 * 3600,
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # Refuses logins for a while after repeated failures (django-axes), then the usual check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After LOGIN_FAILURE_LIMIT wrong passwords for one user name from one address, logins with that
# name from that address are refused for LOGIN_COOLOFF_MINUTES, even with the right password.
# Counting name and address together throttles guessing without letting anyone lock a secretary
# out from elsewhere. Behind a reverse proxy every visitor has the proxy's address, and the
# throttle counts per user name.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "minutes.views.login_locked_out"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FIXTURE_DIRS = [BASE_DIR / "fixtures"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Scripts and styles from the site's own static files only: no inline <script>, style="" or <style>,
# so that text that got into a page can never run. The admin's own scripts are static files too.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

if env_bool("BEHIND_TLS_PROXY"):
    # A reverse proxy terminates HTTPS and says so in X-Forwarded-Proto; only set this when the
    # proxy always sets (or strips) that header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_CONTENT_TYPE_NOSNIFF = True
    # HTTPS only: plain HTTP is redirected, and browsers are told (HSTS) to use HTTPS for a year.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=SESSION_COOKIE_SECURE)
    SECURE_HSTS_SECONDS = int(
        os.environ.get("SECURE_HSTS_SECONDS", "31536000" if SECURE_SSL_REDIRECT else "0")
    )
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    # Allows submitting the host to the browsers' preload lists; it preloads nothing by itself.
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
