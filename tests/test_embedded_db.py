"""The embedded PostgreSQL stops when the last process using it exits, however it exits."""

import json
import signal
import subprocess
import sys
import time

import pytest

from minutes import embedded_db

SCRIPT = """
import sys, time
from pathlib import Path
from minutes.embedded_db import database_settings
database_settings(Path(sys.argv[1]))
print("ready", flush=True)
time.sleep(float(sys.argv[2]))
"""


def start(pgdata, seconds: float) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(pgdata), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "ready"
    return process


def running(pgdata) -> bool:
    return (pgdata / "postmaster.pid").exists()


def registered(pgdata) -> list[int]:
    return json.loads((pgdata / ".handle_pids.json").read_text())


@pytest.fixture
def pgdata(tmp_path):
    path = tmp_path / "pgdata"
    yield path
    embedded_db.stop(path)


def test_last_process_out_stops_the_server(pgdata):
    first = start(pgdata, 60)
    second = start(pgdata, 0)
    assert second.wait(timeout=30) == 0
    assert running(pgdata), "the first process still uses the server"
    first.send_signal(signal.SIGTERM)
    first.wait(timeout=30)
    assert not running(pgdata)
    assert registered(pgdata) == []


def test_a_killed_process_does_not_keep_the_server_alive(pgdata):
    """Django's autoreloader kills its child with SIGKILL on Ctrl-C; the parent must still stop it."""
    killed = start(pgdata, 60)
    survivor = start(pgdata, 1)
    killed.kill()
    killed.wait(timeout=10)
    assert killed.pid in registered(pgdata)
    assert survivor.wait(timeout=30) == 0
    deadline = time.monotonic() + 10
    while running(pgdata) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not running(pgdata)


def test_stop_command_stops_a_left_over_server(pgdata):
    process = start(pgdata, 60)
    process.kill()
    process.wait(timeout=10)
    assert running(pgdata)
    assert embedded_db.stop(pgdata) is True
    assert not running(pgdata)
    assert embedded_db.stop(pgdata) is False
