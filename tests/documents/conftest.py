"""Shared paths and warehouses for the document tests: the seeds on the demo data are the session's
`demo_warehouse` (tests/conftest.py: `etl demo` loads the five seeds with its inputs; read it
only); `tiny_warehouse` is the hand-checkable one of tiny_warehouse.py."""
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
    """A private copy of a warehouse with its kept generations (each a served file and a core
    file; the served one hard-linked as the warehouse, as the ETL leaves it) and its raw store."""
    from chibo.etl.generations import GenerationFiles

    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / source.name
    for folder in ("generations", "raw"):
        kept = source.with_name(f"{source.stem}.{folder}")
        if kept.exists():
            shutil.copytree(kept, target.with_name(f"{target.stem}.{folder}"))
    served = GenerationFiles(source).served()
    if served is None:
        shutil.copyfile(source, target)
    else:
        os.link(GenerationFiles(target).path(served), target)
    return target


@pytest.fixture(scope="module")
def tiny_warehouse(tmp_path_factory) -> Path:
    """The hand-made warehouse, loaded through `load` (no documents yet)."""
    return build(tmp_path_factory.mktemp("tiny") / "warehouse.duckdb")
