"""Fixtures shared by every test folder. `demo_warehouse`: the small demo warehouse without the
seed documents (tests/documents adds them itself), built once per test run through the real CLI
(shared by the xdist workers under a file lock). `chromium`: Debian's chromium through
Playwright, one per session (per xdist worker), for every browser test."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import runtime_for

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium():
    """One chromium for the session: Playwright's sync API runs one instance per thread, so a
    test folder starting its own beside another's fails on whichever xdist worker runs both."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory) -> Path:
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "demo-small"
    shared.mkdir(exist_ok=True)
    warehouse = shared / "warehouse.duckdb"
    with open(shared / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not warehouse.exists():
            result = subprocess.run(
                [sys.executable, "-m", "chibo.etl", "demo", "--scale", "small", "--no-documents",
                 "--warehouse", str(warehouse)],
                cwd=ROOT, capture_output=True, text=True, timeout=2400)  # generous: a busy machine
            assert result.returncode == 0, result.stdout + result.stderr
    return warehouse


@pytest.fixture(scope="session")
def published_generations(tmp_path_factory) -> Path:
    """A warehouse with generations 1, 2, 3 published by the ETL (tests/warehouse_faults.py);
    tests break copies of it (`clone`), never this one."""
    from tests.warehouse_faults import publish_generations

    return publish_generations(tmp_path_factory.mktemp("generations"))


# ---- dashboard fixtures (owned by the dashboard helper) ----


@pytest.fixture(scope="session")
def fixture_warehouse(tmp_path_factory) -> Path:
    """The tiny hand-computed warehouse of tests/dashboard/fixture_warehouse.py."""
    from tests.dashboard.fixture_warehouse import build

    return build(tmp_path_factory.mktemp("fixture") / "warehouse.duckdb")


@pytest.fixture(scope="session")
def fixture_runtime(fixture_warehouse):
    """Open access on the fixture warehouse: what tests of the open pages bind."""
    return runtime_for(fixture_warehouse)


@pytest.fixture(scope="session")
def dash_app(fixture_warehouse):
    """The one Dash app of the test process, on the fixture warehouse in open access."""
    from chibo.dashboard import settings
    from chibo.dashboard.app import create_app

    return create_app(settings.load(warehouse=fixture_warehouse), open_access=True)


# ---- PostgreSQL (several hosts) ----


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster of Debian's binaries for this test process (skipped only
    where the postgresql package is missing; ./scripts/test installs it)."""
    from benchmarks.servers import PgCluster, pg_bin

    if pg_bin() is None:
        pytest.skip("Debian's postgresql is not installed (./scripts/test installs it)")
    with PgCluster() as cluster:
        yield cluster


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """The URL of a new, empty database of the session's cluster."""
    return pg_cluster.database()
