"""Shared paths and warehouses for the document tests: `seeded_demo` is the session's small demo
warehouse copied and given the five seeds through the real `python -m chibo.etl documents` (built
once per run, shared by xdist workers under a file lock; read it only); `tiny_warehouse` is the
hand-checkable one of tiny_warehouse.py."""
import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .tiny_warehouse import build

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
SEEDS = ROOT / "chibo" / "etl" / "demo" / "seeds"  # the five seed reports, shipped with the demo


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def fixtures_dir() -> Path:
    return HERE / "fixtures"


def run_etl(*args: str) -> subprocess.CompletedProcess:
    """`python -m chibo.etl …` as a user runs it (wide console so the summary is not cut)."""
    env = dict(os.environ, COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "chibo.etl", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def copy_warehouse(source: Path, target_dir: Path) -> Path:
    """A private copy of a warehouse with its raw store (`<stem>.raw/`)."""
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / source.name
    shutil.copyfile(source, target)
    raw = source.with_name(f"{source.stem}.raw")
    if raw.exists():
        shutil.copytree(raw, target.with_name(f"{target.stem}.raw"))
    return target


@pytest.fixture(scope="session")
def seeded_demo(demo_warehouse, tmp_path_factory) -> tuple[Path, str]:
    """(warehouse, output of the documents command): the demo plus the five seed documents."""
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "demo-seeded"
    shared.mkdir(exist_ok=True)
    warehouse, log = shared / "wh" / "warehouse.duckdb", shared / "documents.log"
    with open(shared / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not log.exists():
            shutil.rmtree(shared / "wh", ignore_errors=True)
            copy_warehouse(demo_warehouse, shared / "wh")
            result = run_etl("documents", str(SEEDS), "--warehouse", str(warehouse))
            assert result.returncode == 0, result.stdout + result.stderr
            log.write_text(result.stdout, encoding="utf-8")
    return warehouse, log.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tiny_warehouse(tmp_path_factory) -> Path:
    """The hand-made warehouse, loaded through `load` (no documents yet)."""
    return build(tmp_path_factory.mktemp("tiny") / "warehouse.duckdb")
