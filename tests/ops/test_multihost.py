"""Several hosts with real components (benchmarks/multihost.py): Debian's PostgreSQL and nginx,
three gunicorn hosts in network namespaces sharing the store, the session key and the published
generations. One login is served by all three; a host killed while a client keeps requesting
costs no request; one `etl load` is served by every host; and the machine's own network does not
change meanwhile (a browser test running alongside would abort its requests). Skipped only where
the postgresql or nginx package is missing (./scripts/test installs both)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from benchmarks import servers

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.multihost,
              pytest.mark.skipif(servers.missing() is not None, reason=str(servers.missing()))]


def _addresses() -> str:
    return subprocess.run(["ip", "-o", "addr", "show"], capture_output=True, text=True,
                          timeout=60).stdout


def test_three_hosts_one_session_a_kill_without_failures_and_one_generation_everywhere():
    watching = shutil.which("ip") is not None
    before, seen, done = _addresses() if watching else "", set(), threading.Event()

    def watch() -> None:
        while watching and not done.wait(0.2):
            seen.add(_addresses())

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        r = subprocess.run([sys.executable, "benchmarks/multihost.py", "--json"], cwd=ROOT,
                           capture_output=True, text=True, timeout=900)
    finally:
        done.set()
        watcher.join(timeout=60)
    assert seen <= {before}, "the machine's network changed while the hosts ran"
    assert r.returncode == 0, r.stdout + r.stderr
    result = json.loads(r.stdout.strip().splitlines()[-1])
    print(r.stdout)
    assert result["problems"] == []
    assert len(result["before_kill"]["served_by"]) == 3  # one session, every host
    kill = result["kill_window"]
    assert kill["failed"] == 0 and kill["after_kill"] > 0
    assert result["killed"] not in kill["after_kill_served_by"]
    assert set(result["seconds_until_served"]) == set(result["hosts"])  # generation 2 everywhere
    assert result["after_reload"]["failed"] == 0
