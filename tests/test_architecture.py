"""The layering of architecture.md, enforced: etl and dashboard never import each other, only
dashboard/gateway.py and etl/ touch DuckDB, every module says what it is for, modules stay small."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 400


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", modules("etl"), ids=lambda p: str(p.relative_to(ROOT)))
def test_etl_never_imports_the_dashboard(path):
    """The ETL must run on a machine without the web stack."""
    assert not imported(path) & {"dashboard", "dash", "dash_mantine_components", "dash_ag_grid",
                                 "flask", "plotly"}


@pytest.mark.parametrize("path", modules("dashboard"), ids=lambda p: str(p.relative_to(ROOT)))
def test_dashboard_never_imports_etl(path):
    """The two sides meet only through the warehouse file and its marts."""
    assert "etl" not in imported(path)


@pytest.mark.parametrize("path", modules("dashboard"), ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_data_gateway_touches_duckdb(path):
    """Every query goes through the gateway (dashboard/gateway.py, reached through data.py)."""
    if path != ROOT / "dashboard" / "gateway.py":
        assert "duckdb" not in imported(path)


@pytest.mark.parametrize("path", modules("etl") + modules("dashboard"),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_every_module_has_a_docstring_and_stays_small(path):
    """A reader learns what a module is for from its first lines; big modules get split."""
    source = path.read_text(encoding="utf-8")
    assert ast.get_docstring(ast.parse(source)), f"{path} has no module docstring"
    assert len(source.splitlines()) <= MAX_LINES, f"{path} is longer than {MAX_LINES} lines"
