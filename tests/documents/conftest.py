"""Shared paths for the document-extraction tests."""
from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.fixture
def seeds_dir() -> Path:
    return HERE / "seeds"


@pytest.fixture
def fixtures_dir() -> Path:
    return HERE / "fixtures"
