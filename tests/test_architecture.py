"""The shape of docs/architecture.md, enforced: etl and dashboard never import each other (read
in the source, importlib and __import__ included, and checked at run time in a fresh
interpreter); only the gateway touches DuckDB; the dashboard's inner layers; every query
function takes the viewer's Scope and binds it into its SQL; small documented modules."""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 300
WEB = ("chibo.dashboard", "dash", "dash_mantine_components", "dash_ag_grid", "flask", "plotly")
UI = ("dash", "dash_mantine_components", "dash_ag_grid")
LOWER = ("chibo.dashboard.components", "chibo.dashboard.pages", "chibo.dashboard.exports", "chibo.dashboard.admin")
# what each part of the dashboard may never import (a part is a module or a package)
NEVER = {
    "chibo.dashboard.charts": (*LOWER, *UI, "chibo.dashboard.auth", "flask"),
    "chibo.dashboard.queries": (*LOWER, *UI, "chibo.dashboard.charts", "chibo.dashboard.auth", "plotly"),
    "chibo.dashboard.exports": ("chibo.dashboard.components", "chibo.dashboard.pages", *UI),
    "chibo.dashboard.components": ("chibo.dashboard.pages", "chibo.dashboard.exports"),
    "chibo.dashboard.auth": ("chibo.dashboard.components", "chibo.dashboard.pages", "chibo.dashboard.exports",
                       "chibo.dashboard.charts"),
    **{f"chibo.dashboard.{base}": (*LOWER, *UI, "chibo.dashboard.charts", "chibo.dashboard.auth")
       for base in ("data", "gateway", "serving", "storage", "runtime", "settings", "i18n", "labels",
                 "urlstate")},
}
# what may query without a viewer's scope, and why that is right
UNSCOPED = {
    "chibo.dashboard.data.province_codes": "sorts the public province codes of a user's scope into "
                                     "current and old ones: it builds the Scope itself",
    "chibo.dashboard.queries.paging.run": "runs the block its caller built over keys bound to the "
                                          "viewer's scope; each caller is checked here itself",
}
UNSCOPED_SQL = {
    "SELECT max(as_of_month) AS m FROM marts.cell_quality_trend": "the one date the trend mart "
                                                                   "was computed as of",
}
PER_ORG = ("marts.dim_org", "marts.fct_", "marts.agg_", "marts.bridge_", "marts.cell_",
           "marts.data_quality", "marts.figure_reconciliation")


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def name_of(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every module `path` imports: import statements (relative ones resolved) and the constant
    names given to importlib.import_module or __import__."""
    package = name_of(path) if path.name == "__init__.py" else name_of(path).rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join([*up, *([base] if base else [])])
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                names.add(node.args[0].value)
    return names


def reaches(names: set[str], forbidden) -> set[str]:
    return {n for n in names for f in forbidden if n == f or n.startswith(f + ".")}


@pytest.mark.parametrize("path", modules("chibo/etl"), ids=lambda p: str(p.relative_to(ROOT)))
def test_etl_never_imports_the_dashboard(path):
    """The ETL must run on a machine without the web stack."""
    assert not reaches(imported(path), WEB)


@pytest.mark.parametrize("path", modules("chibo/dashboard"), ids=lambda p: str(p.relative_to(ROOT)))
def test_dashboard_never_imports_etl(path):
    """The two sides meet only through the warehouse file and its contract."""
    assert not reaches(imported(path), ("chibo.etl",))


@pytest.mark.parametrize("path", modules("chibo/dashboard"), ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_gateway_touches_duckdb(path):
    """Every statement goes through chibo/dashboard/gateway.py: one connection policy, time limit, trace."""
    if path != ROOT / "chibo" / "dashboard" / "gateway.py":
        assert not reaches(imported(path), ("duckdb",))


@pytest.mark.parametrize("path", modules("chibo/dashboard"), ids=lambda p: str(p.relative_to(ROOT)))
def test_dashboard_layers(path):
    """charts and queries never import UI; exports read charts, never components; pages never
    import pages; the base modules import nothing above them."""
    name = name_of(path)
    for part, forbidden in NEVER.items():
        if name == part or name.startswith(part + "."):
            assert not reaches(imported(path), forbidden), f"{name} imports {forbidden}"
    if name.startswith("chibo.dashboard.pages."):
        assert not reaches(imported(path), ("chibo.dashboard.pages",)) - {name}, f"{name}: a page"


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


IMPORT_ALL = """
import importlib, pkgutil, sys
def load(package, skip=()):
    pkg = importlib.import_module(package)
    for m in pkgutil.walk_packages(pkg.__path__, package + "."):
        if not m.name.startswith(skip):
            importlib.import_module(m.name)
def absent(*names):
    found = sorted(m for m in sys.modules for n in names if m == n or m.startswith(n + "."))
    print(" ".join(found))
"""


@pytest.mark.parametrize("package, forbidden", [
    ("chibo.etl", WEB),
    ("chibo.dashboard.charts", (*LOWER, *UI, "chibo.dashboard.auth")),
    ("chibo.dashboard.queries", (*LOWER, *UI, "plotly", "chibo.dashboard.charts", "chibo.dashboard.auth")),
    ("chibo.dashboard.exports", ("chibo.dashboard.components", "chibo.dashboard.pages", *UI)),
], ids=("etl", "charts", "queries", "exports"))
def test_import_hygiene_at_run_time(package, forbidden):
    """Imported in a fresh interpreter (every module of the package), a part loads nothing it
    must not know, however the import is written."""
    result = _run(IMPORT_ALL + f"load({package!r}); absent(*{forbidden!r})")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []


def test_the_running_dashboard_never_loads_etl(fixture_warehouse):
    """The whole app built (every page), then every other module: no etl module is loaded."""
    code = IMPORT_ALL + f"""
from chibo.dashboard import settings
from chibo.dashboard.app import create_app
create_app(settings.load(warehouse={str(fixture_warehouse)!r}))
load("chibo.dashboard", skip=("chibo.dashboard.pages", "chibo.dashboard.__main__")); absent("chibo.etl")"""
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []


def query_functions() -> list:
    """Every function of chibo/dashboard/data.py and chibo/dashboard/queries/ that runs SQL (calls query,
    query_row or paging.run)."""
    import importlib

    found = []
    for path in [ROOT / "chibo" / "dashboard" / "data.py", *modules("chibo/dashboard/queries")]:
        module = importlib.import_module(name_of(path))
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.FunctionDef) or node.name in ("query", "query_row"):
                continue
            calls = {getattr(c.func, "id", getattr(c.func, "attr", "")) for c in ast.walk(node)
                     if isinstance(c, ast.Call)}
            if calls & {"query", "query_row", "run"}:  # run: queries/paging.run
                found.append(getattr(module, node.name))
    return found


def _qualified(fn) -> str:
    return f"{fn.__module__}.{fn.__name__}"


@pytest.mark.parametrize("fn", query_functions(), ids=_qualified)
def test_every_query_function_takes_the_scope_first(fn):
    """The viewer's scope is the first argument of anything that runs SQL."""
    if _qualified(fn) in UNSCOPED:
        return
    first = next(iter(inspect.signature(fn).parameters.values()))
    assert (first.name, first.annotation) == ("scope", "Scope"), _qualified(fn)


ARGS = {"first": dt.date(2025, 1, 1), "last": dt.date(2025, 12, 31), "org_id": "S1",
        "name": "dim_org", "text": "chi", "codes": ("01",), "key": "region",
        "day": dt.date(2025, 12, 31), "a": dt.date(2025, 1, 1), "b": dt.date(2025, 12, 31)}


def _arguments(fn, scope, org: str | None) -> list:
    from chibo.dashboard.data import Filters

    f = Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31), as_of=dt.date(2025, 12, 31),
                org=org)
    args = []
    for p in list(inspect.signature(fn).parameters.values()):
        if p.name == "scope":
            args.append(scope)
        elif p.annotation == "Filters" or p.name == "f":
            args.append(f)
        elif p.name in ARGS:
            args.append(ARGS[p.name])
        else:
            assert p.default is not inspect.Parameter.empty, f"add {p.name} to ARGS"
            args.append(p.default)
    return args


@pytest.mark.parametrize("fn", query_functions(), ids=_qualified)
@pytest.mark.parametrize("scope", ["provinces", "old_provinces", "org_roots"])
def test_every_query_function_applies_the_scope(fn, scope, fixture_runtime):
    """Called for a narrow viewer (with and without an organisation picked), every statement
    that reads per-organisation data binds the viewer's provinces or organisations
    (org_condition's $scope_prov / $scope_old / $scope_roots)."""
    from chibo.dashboard import data, runtime
    from chibo.dashboard.data import Scope
    from chibo.dashboard.gateway import tracing

    if _qualified(fn) in UNSCOPED:
        return
    narrow = {"provinces": Scope(provinces=frozenset({"N25"})),
              "old_provinces": Scope(old_provinces=frozenset({"26"})),
              "org_roots": Scope(org_roots=frozenset({"C1"}))}[scope]
    with runtime.bound(fixture_runtime), tracing() as statements:
        for org in (None, "S1"):  # with and without an organisation picked in the filters
            data.clear_caches()
            fn(*_arguments(fn, narrow, org))
    bound = {"provinces": "scope_prov", "old_provinces": "scope_old", "org_roots": "scope_roots"}[scope]
    for s in statements:
        if any(table in s.sql for table in PER_ORG) and s.sql not in UNSCOPED_SQL:
            assert bound in s.params, f"{_qualified(fn)} reads without the scope:\n{s.sql}"


@pytest.mark.parametrize("path", modules("chibo/etl") + modules("chibo/dashboard"),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_every_module_has_a_docstring_and_stays_small(path):
    """A reader learns what a module is for from its first lines; big modules get split."""
    source = path.read_text(encoding="utf-8")
    assert ast.get_docstring(ast.parse(source)), f"{path} has no module docstring"
    assert len(source.splitlines()) <= MAX_LINES, f"{path} is longer than {MAX_LINES} lines"
