"""Fixtures for ETL tests: a private copy of the fixture inputs and a warehouse path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.etl.helpers import INPUTS


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A private copy of the fixture inputs (tests may edit them)."""
    target = tmp_path / "inputs"
    shutil.copytree(INPUTS, target)
    return target


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    return tmp_path / "wh" / "warehouse.duckdb"
