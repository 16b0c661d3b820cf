"""Generations published once, picked up by every host: `etl load` with CHIBO_DATABASE_URL
announces the served generation in PostgreSQL; each host's follower copies it from the shared
folder, checks it and serves it (a rollback too), never copying a core file; a load from another host while one runs waits,
or with --no-wait is refused in Vietnamese and English (the advisory lock)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from tests.helpers import runtime_for

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ROOT / "tests" / "fixtures" / "inputs"


def _etl(url: str, *args, **popen) -> subprocess.CompletedProcess | subprocess.Popen:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")},
           "CHIBO_DATABASE_URL": url}
    cmd = [sys.executable, "-m", "chibo.etl", *args]
    if popen:
        return subprocess.Popen(cmd, cwd=ROOT, env=env, text=True, **popen)
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def _host(tmp_path: Path, name: str, url: str, shared: Path):
    from chibo.dashboard import follow, settings

    config = settings.load(warehouse=tmp_path / name / "warehouse.duckdb", database_url=url,
                           shared_warehouse=shared)
    return config, follow.Follower(config)


@pytest.fixture
def published(tmp_path, pg_url):
    """The shared warehouse with organisations (generation 1) loaded by the ETL."""
    shared = tmp_path / "shared" / "warehouse.duckdb"
    r = _etl(pg_url, "load", str(INPUTS / "organisations.csv"), "--warehouse", str(shared))
    assert r.returncode == 0, r.stdout + r.stderr
    return shared


def test_each_host_copies_checks_and_serves_the_announced_generation(tmp_path, pg_url, published):
    with psycopg.connect(pg_url) as con:
        row = con.execute("SELECT generation, file, bytes, sha256 FROM chibo_served_generation"
                          ).fetchone()
    kept = published.parent / row[1]
    assert row[0] == 1 and kept.stat().st_size == row[2]
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == row[3]
    hosts = [_host(tmp_path, n, pg_url, published) for n in ("a", "b")]
    for config, follower in hosts:
        assert follower.step() and not follower.step()  # copied once, then nothing to do
        assert runtime_for(config.warehouse).gateway.serving().generation == 1
        assert config.warehouse.stat().st_ino != kept.stat().st_ino  # a copy on this host
    r = _etl(pg_url, "load", str(INPUTS / "members.csv"), "--warehouse", str(published))
    assert r.returncode == 0, r.stdout + r.stderr
    for config, follower in hosts:
        assert follower.step()
        chosen = runtime_for(config.warehouse).gateway.serving()
        assert chosen.generation == 2 and chosen.state == "published"
    r = _etl(pg_url, "rollback", "--warehouse", str(published))
    assert r.returncode == 0, r.stdout + r.stderr
    config, follower = hosts[0]
    assert follower.step()  # generation 1 is still on this host's disk: swapped back
    assert runtime_for(config.warehouse).gateway.serving().generation == 1
    for config, _ in hosts:  # hosts serve the served file alone: core files stay on the shared volume
        assert not list(config.warehouse.parent.rglob("*.core.duckdb"))
    assert len(list(published.parent.rglob("*.core.duckdb"))) == 2  # the writer keeps 1 and 2's


def test_a_file_that_does_not_match_the_announcement_is_never_served(tmp_path, pg_url, published):
    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute("UPDATE chibo_served_generation SET sha256 = repeat('0', 64)")
    config, follower = _host(tmp_path, "a", pg_url, published)
    with pytest.raises(ValueError, match="announced"):
        follower.step()
    assert not config.warehouse.exists()
    assert not list(config.warehouse.parent.rglob("*.duckdb*"))


def test_a_second_load_from_another_host_waits_or_is_refused(tmp_path, pg_url, published):
    """Another host's writer (here: the lease held by this process) holds the advisory lock:
    `load --no-wait` on a different warehouse folder is refused at once, in both languages,
    naming the holder; `load` waits and publishes once the holder ends."""
    from chibo.etl.shared import WriterLease

    lease = WriterLease(pg_url)
    assert lease.acquire(wait=False)
    try:
        other = tmp_path / "other-host" / "warehouse.duckdb"  # its own file lock is free
        r = _etl(pg_url, "load", str(INPUTS / "members.csv"), "--no-wait", "--warehouse",
                 str(published))
        assert r.returncode == 3
        assert "Một lần nạp khác đang chạy (chibo-etl" in r.stdout
        assert "Another load is running (chibo-etl" in r.stdout
        waiting = _etl(pg_url, "load", str(INPUTS / "organisations.csv"), "--warehouse",
                       str(other), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not _waiting_on(pg_url):
            time.sleep(0.1)
        assert _waiting_on(pg_url) and waiting.poll() is None
    finally:
        lease.release()
    out = waiting.communicate(timeout=300)[0]
    assert waiting.returncode == 0 and "waiting for another load to finish" in out


def _waiting_on(url: str) -> bool:
    """A session waits for the writer's advisory lock."""
    with psycopg.connect(url) as con:
        return con.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT "
                           "granted").fetchone()[0] > 0
