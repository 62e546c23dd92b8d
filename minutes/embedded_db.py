"""Embedded PostgreSQL for machines without a database server.

When ``DATABASE_URL`` is unset, settings call :func:`database_settings`, which starts (or joins) a
PostgreSQL 16 server from the ``pgserver`` package with its data under ``var/pgdata``. Every Python
process that uses it — ``runserver`` and its autoreloader child, a test run, a management command —
registers its pid in the data directory; the last one to exit stops the server. A process that was
killed cannot unregister, so dead pids are dropped before each start and before each exit:
otherwise the server would outlive everyone for good.

``python -m minutes.embedded_db stop`` stops the server whatever is registered.
"""

from __future__ import annotations

import atexit
import json
import os
import signal
import sys
import threading
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PGDATA = BASE_DIR / "var" / "pgdata"
DATABASE_NAME = "postgres"
DATABASE_USER = "postgres"


def _pgserver():
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI) and falls back to /tmp.
        warnings.simplefilter("ignore")
        import pgserver
        from pgserver import postgres_server, utils
    return pgserver, postgres_server, utils


def _forget_dead_processes(pgdata: Path) -> None:
    _, postgres_server, utils = _pgserver()
    handles = pgdata / ".handle_pids.json"
    with postgres_server.PostgresServer._lock:
        if not handles.exists():
            return
        try:
            pids = json.loads(handles.read_text())
        except ValueError:
            pids = []
        alive = [pid for pid in pids if utils.process_is_running(pid)]
        if alive != pids:
            handles.write_text(json.dumps(alive))


def _exit(signum, frame):
    sys.exit(128 + signum)


def _release_on_termination() -> None:
    """Turns SIGTERM and SIGHUP into a normal exit, so this process unregisters (atexit) and the
    last one out stops the server. Python's default for them ends the process without atexit."""
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) is signal.SIG_DFL:
            signal.signal(signum, _exit)


def database_settings(pgdata: Path = PGDATA) -> dict:
    """Starts or joins the embedded server and returns a ``DATABASES["default"]`` entry for it."""
    pgserver, _, _ = _pgserver()
    _release_on_termination()
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    if pgdata.exists():
        _forget_dead_processes(pgdata)
    server = pgserver.get_server(pgdata, cleanup_mode="stop")
    # atexit runs handlers last-in first-out: this runs just before pgserver's own cleanup, which
    # stops the server only when this process is the last registered. Django's autoreloader kills
    # its child with SIGKILL on Ctrl-C, so the child's pid would otherwise stay registered.
    atexit.register(_forget_dead_processes, pgdata)
    info = server.get_postmaster_info()
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": DATABASE_USER,
        "HOST": str(info.socket_dir),
        "PORT": str(info.port or ""),
    }


def stop(pgdata: Path = PGDATA) -> bool:
    """Stops the embedded server if it runs; returns whether one was running."""
    _, postgres_server, utils = _pgserver()
    from pgserver._commands import pg_ctl

    info = utils.PostmasterInfo.read_from_pgdata(pgdata)
    if info is None or not info.is_running():
        return False
    # pgserver runs the server as the system user "pgserver" when started by root.
    system_user = "pgserver" if os.name == "posix" and os.geteuid() == 0 else None
    with postgres_server.PostgresServer._lock:
        pg_ctl(["-w", "stop"], pgdata=pgdata, user=system_user)
        (pgdata / ".handle_pids.json").unlink(missing_ok=True)
    return True


if __name__ == "__main__":
    if sys.argv[1:] == ["stop"]:
        print("Embedded PostgreSQL stopped." if stop() else "Embedded PostgreSQL was not running.")
    else:
        sys.exit("usage: python -m minutes.embedded_db stop")
