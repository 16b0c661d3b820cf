"""Fixtures shared by every test folder. `demo_warehouse`: the small demo warehouse with the five
seed reports, built once per test run by the real `python -m chibo.etl demo` (shared by the xdist
workers under a file lock; read it only, copy it to change it); `demo_output`: what that command
printed. `chromium`: Debian's chromium through Playwright, one per session (per xdist worker),
for every browser test."""

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
    """The one demo build of the test run: `etl demo --scale small` loads the inputs and the
    seed reports in one publication, so the document tests need no build of their own."""
    shared = _demo_folder(tmp_path_factory)
    warehouse, log = shared / "warehouse.duckdb", shared / "demo.log"
    with open(shared / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not log.exists():  # written last: a build cut short is made again
            result = subprocess.run(
                [sys.executable, "-m", "chibo.etl", "demo", "--scale", "small", "--force",
                 "--warehouse", str(warehouse)], cwd=ROOT, capture_output=True, text=True,
                env=dict(os.environ, COLUMNS="200"),  # wide: the summary tables are not cut
                timeout=2400)  # generous: a busy machine
            assert result.returncode == 0, result.stdout + result.stderr
            log.write_text(result.stdout, encoding="utf-8")
    return warehouse


@pytest.fixture(scope="session")
def demo_output(demo_warehouse, tmp_path_factory) -> str:
    """What `etl demo` printed while building `demo_warehouse` (its load and documents summary)."""
    return (_demo_folder(tmp_path_factory) / "demo.log").read_text(encoding="utf-8")


def _demo_folder(tmp_path_factory) -> Path:
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "demo-small"
    shared.mkdir(exist_ok=True)
    return shared


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
