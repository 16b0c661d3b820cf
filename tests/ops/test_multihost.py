"""Several hosts with real components (benchmarks/multihost.py): Debian's PostgreSQL and nginx,
three gunicorn hosts in network namespaces sharing the store, the session key and the published
generations. One login is served by all three; a host killed while a client keeps requesting
costs no request; one `etl load` is served by every host. Skipped only where the postgresql or
nginx package is missing (./scripts/test installs both)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import servers

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.multihost,
              pytest.mark.skipif(servers.missing() is not None, reason=str(servers.missing()))]


def test_three_hosts_one_session_a_kill_without_failures_and_one_generation_everywhere():
    r = subprocess.run([sys.executable, "benchmarks/multihost.py", "--json"], cwd=ROOT,
                       capture_output=True, text=True, timeout=900)
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
