"""A full disk: a clear Vietnamese and English message, exit 3 ("could not complete", not 1
"input rejected"), no traceback, nothing half-written left, the served generation untouched,
the ledger saying the load failed or was interrupted. Once on a real small tmpfs (root only),
once through the fault-injection path."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid

import pytest

from tests.etl.helpers import INPUTS, ledger_loads, query, run_etl
from tests.etl.test_publication import big_members_file


def served(warehouse):
    return query(warehouse, "SELECT max(generation), (SELECT count(*) FROM core.members) "
                            "FROM meta.generation")[0]


def half_written(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.name.startswith(".") or p.name.endswith((".partial", ".body", ".tmp")))


def assert_clean_failure(result, warehouse, before):
    out = result.stdout + result.stderr
    assert result.returncode == 3, out
    assert "Hết chỗ trống trên đĩa" in out and "The disk is full" in out
    assert "Traceback" not in out
    assert served(warehouse) == before
    assert half_written(warehouse.parent) == []


def test_injected_disk_full_while_publishing(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    assert run_etl("load", str(INPUTS / "organisations.csv"), "--warehouse", str(warehouse)).returncode == 0
    before = served(warehouse)
    result = run_etl("load", str(INPUTS / "members.csv"), "--warehouse", str(warehouse),
                     env={**os.environ, "CHIBO_FAULT": "after_marts:enospc"})
    assert_clean_failure(result, warehouse, before)
    assert ledger_loads(warehouse)[0].state == "failed"
    assert run_etl("load", str(INPUTS / "members.csv"), "--warehouse", str(warehouse)).returncode == 0
    assert served(warehouse) == (2, 7)


@pytest.fixture
def small_tmpfs(tmp_path):
    """A 24 MB tmpfs mounted for this test (root only; skipped with the reason otherwise)."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root and mount(8)")
    mountpoint = tmp_path / f"tmpfs-{uuid.uuid4().hex[:8]}"
    mountpoint.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mountpoint)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mountpoint
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], check=False)


@pytest.mark.parametrize("rows", [300_000, 600_000], ids=["duckdb-checkpoint", "raw-copy"])
def test_real_disk_full_on_a_small_tmpfs(small_tmpfs, tmp_path, rows):
    """15 MB of members fill the disk while DuckDB checkpoints; 30 MB while the file is kept."""
    warehouse = small_tmpfs / "warehouse.duckdb"
    assert run_etl("load", str(INPUTS / "organisations.csv"), "--warehouse", str(warehouse)).returncode == 0
    before = served(warehouse)
    big = tmp_path / "big_members.csv"
    big_members_file(big, n=rows)
    result = run_etl("load", str(big), "--warehouse", str(warehouse))
    assert_clean_failure(result, warehouse, before)
    assert ledger_loads(warehouse)[0].state == "failed"
    assert sorted(p.name for p in (small_tmpfs / "warehouse.raw").iterdir()) == [
        "363b3771df524eaac84323c547823d98c59783c5d9e97577372507ea5fc375b0.csv", "ledger.sqlite3"]
    assert run_etl("load", str(INPUTS / "members.csv"), "--warehouse", str(warehouse)).returncode == 0
    assert served(warehouse)[1] == 7  # (a generation number the failed load took is not reused)
