"""WSGI entry point (gunicorn, uwsgi, mod_wsgi)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutes.settings")

application = get_wsgi_application()

# The objects loaded so far (Django, the apps, their models and settings) live as long as the
# process: moved out of the collector's reach, a full collection no longer walks them. Without
# this, every few requests of a page with many rows paused for a full collection of 30–40 ms
# (bench/RESULTS.md); with it, such a collection walks only what requests made since.
gc.freeze()
