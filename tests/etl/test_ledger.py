"""The ledger is the one authority for what is loaded: a load killed at each named point leaves
the old or the new generation served, the ledger says which, the retry loads the file, and
rebuild and rollback agree with the ledger. The races of issue 11 run for real."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from chibo.etl.faults import POINTS
from chibo.etl.writer import WriterBusy, WriterLock
from tests.etl.helpers import INPUTS, ROOT, assert_pairs, ledger_loads, query, run_etl


def served(warehouse):
    return query(warehouse, "SELECT max(generation) FROM meta.generation")[0][0]


def members(warehouse):
    return query(warehouse, "SELECT count(*) FROM core.members")[0][0]


def states(warehouse):
    return {ld.load_id: (ld.state, ld.generation) for ld in ledger_loads(warehouse)}


def load(warehouse, *names, env=None):
    result = run_etl("load", *[str(INPUTS / n) for n in names], "--warehouse", str(warehouse),
                     env=env)
    return result


def leftovers(warehouse):
    return sorted(p.name for p in warehouse.parent.glob(f".{warehouse.name}.*"))


@pytest.mark.parametrize("point", POINTS)
def test_kill_at_each_point(point, tmp_path):
    """kill -9 at `point` while loading members.csv over a warehouse holding organisations
    (core_kept: the new core file kept, its served file not yet; mid_compact: the new core file
    rewritten beside itself): the recovery leaves the served pair, nothing accepted is lost."""
    warehouse = tmp_path / "warehouse.duckdb"
    assert load(warehouse, "organisations.csv").returncode == 0
    compact = {"CHIBO_CORE_COMPACT_PERCENT": "0"} if point == "mid_compact" else {}  # reach it
    killed = load(warehouse, "members.csv", env={**os.environ, "CHIBO_FAULT": point, **compact})
    assert killed.returncode == -9, killed.stdout + killed.stderr
    new = point == "after_swap"  # only then was the new file served before the kill
    assert (served(warehouse), members(warehouse)) == ((2, 7) if new else (1, 0))
    assert run_etl("status", "--warehouse", str(warehouse)).returncode == 0  # recovers
    assert {i: state for i, (state, _) in states(warehouse).items()} == {
        1: "published", 2: "published" if new else "interrupted"}
    assert leftovers(warehouse) == []
    assert_pairs(warehouse)  # the served pair, and no half of an unserved one
    retry = load(warehouse, "members.csv")
    assert retry.returncode == 0, retry.stdout
    assert ("already loaded" in retry.stdout) is new
    assert members(warehouse) == 7
    published = [i for i, (state, _) in states(warehouse).items() if state == "published"]
    assert published == ([2, 1] if new else [3, 1])  # a new id: ids are never reused
    rebuilt = run_etl("rebuild", "--warehouse", str(warehouse))
    assert rebuilt.returncode == 0, rebuilt.stdout
    assert members(warehouse) == 7
    assert sorted(query(warehouse, "SELECT DISTINCT load_id FROM meta.load_ledger")) == sorted(
        (i,) for i in published)
    back = run_etl("rollback", "--warehouse", str(warehouse), "--to", "1")
    assert back.returncode == 0, back.stdout
    assert (served(warehouse), members(warehouse)) == (1, 0)
    assert states(warehouse)[max(published)][0] == "rolled_back"


def test_rejected_file_records_and_publishes_nothing(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    load(warehouse, "organisations.csv")
    bad = tmp_path / "members.csv"
    bad.write_text("member_id,org_id,admitted_on\nZ1,NOWHERE,01/01/2020\n", encoding="utf-8")
    result = run_etl("load", str(bad), "--warehouse", str(warehouse))
    assert result.returncode == 1
    assert states(warehouse) == {1: ("published", 1), 2: ("rejected", None)}
    assert sorted(p.name for p in (tmp_path / "warehouse.generations").glob("*.duckdb")) == [
        "000001.core.duckdb", "000001.duckdb"]  # no generation made, none pushed out
    assert served(warehouse) == 1


def test_rollback_then_reload_loads_again_and_rebuild_agrees(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    load(warehouse, "organisations.csv")
    load(warehouse, "members.csv")
    assert run_etl("rollback", "--warehouse", str(warehouse)).returncode == 0
    assert (served(warehouse), members(warehouse)) == (1, 0)
    assert states(warehouse)[2] == ("rolled_back", 2)
    rebuilt = run_etl("rebuild", "--warehouse", str(warehouse))  # must not re-apply load 2
    assert rebuilt.returncode == 0 and members(warehouse) == 0
    assert served(warehouse) == 3  # numbers only grow
    again = load(warehouse, "members.csv")
    assert again.returncode == 0 and "already loaded" not in again.stdout
    assert members(warehouse) == 7 and served(warehouse) == 4
    assert states(warehouse)[3] == ("published", 4)


def test_two_identical_loads_at_once_load_once(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    load(warehouse, "organisations.csv")
    cmd = [sys.executable, "-m", "chibo.etl", "load", str(INPUTS / "members.csv"), "--warehouse",
           str(warehouse)]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert sorted("already loaded" in out for out in outputs) == [False, True]
    assert members(warehouse) == 7
    assert [s for s, _ in states(warehouse).values()] == ["published", "published"]


def wait_until_locked(warehouse, proc, limit=120):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with WriterLock(warehouse, wait=False):
                pass
        except WriterBusy:
            return True
        time.sleep(0.02)
    return False


def test_load_during_rebuild_waits_and_is_kept(tmp_path):
    """Rebuild holds the lock for its whole run: a load started meanwhile waits, then publishes
    a later generation on top of the rebuilt one."""
    warehouse = tmp_path / "warehouse.duckdb"
    load(warehouse, "organisations.csv")
    load(warehouse, "members.csv")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    base = [sys.executable, "-m", "chibo.etl"]
    rebuild = subprocess.Popen([*base, "rebuild", "--warehouse", str(warehouse)], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True, env=env)
    assert wait_until_locked(warehouse, rebuild)
    loader = subprocess.Popen([*base, "load", str(INPUTS / "meetings.csv"), "--warehouse",
                               str(warehouse)], cwd=ROOT, stdout=subprocess.PIPE, text=True, env=env)
    rebuild_out = rebuild.communicate(timeout=300)[0]
    load_out = loader.communicate(timeout=300)[0]
    assert rebuild.returncode == 0 and loader.returncode == 0, rebuild_out + load_out
    assert "waiting for another load" in load_out
    assert served(warehouse) == 4  # 3 = the rebuild, 4 = the load on top of it
    assert query(warehouse, "SELECT count(*) FROM core.meetings") == [(5,)] and members(warehouse) == 7
    assert states(warehouse)[3] == ("published", 4)


def test_demo_force_waits_for_the_writer_lock(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    load(warehouse, "organisations.csv")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with WriterLock(warehouse):
        demo = subprocess.Popen([sys.executable, "-m", "chibo.etl", "demo", "--force", "--warehouse",
                                 str(warehouse)], cwd=ROOT, stdout=subprocess.PIPE, text=True, env=env)
        first = demo.stdout.readline()
        assert "waiting for another load" in first
        assert served(warehouse) == 1  # nothing removed while another writer holds the lock
        demo.terminate()
        demo.wait(timeout=60)


def test_warehouse_from_before_the_ledger_is_imported(tmp_path):
    """A warehouse published by the old code (no ledger, no generations folder; loads listed in
    meta.load_ledger and manifest.jsonl) is taken over as it is."""
    warehouse = tmp_path / "warehouse.duckdb"
    load(warehouse, "organisations.csv")
    load(warehouse, "members.csv")
    raw = tmp_path / "warehouse.raw"
    (raw / "ledger.sqlite3").unlink()
    for path in (tmp_path / "warehouse.generations").iterdir():
        path.unlink()
    (tmp_path / "warehouse.generations").rmdir()
    assert run_etl("status", "--warehouse", str(warehouse)).returncode == 0
    assert states(warehouse) == {1: ("published", 2), 2: ("published", 2)}
    assert "already loaded" in load(warehouse, "members.csv").stdout
    assert run_etl("rebuild", "--warehouse", str(warehouse)).returncode == 0
    assert members(warehouse) == 7 and served(warehouse) == 3
