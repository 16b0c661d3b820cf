"""What the dashboard knows of the warehouse file's catalog: which marts and columns it has (read
once per generation by binding the table, never by a scan of DuckDB's catalog functions) and,
for a file built before a macro the dashboard calls, a clear bilingual message naming
`etl rebuild` instead of a chart error or a traceback (a file without a subtree rollup is named
at start too)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from chibo.dashboard import data, runtime
from chibo.dashboard import outdated as outdated_check
from chibo.dashboard.charts import registry
from chibo.dashboard.charts.catalogue.members import MEMBERS_FLOWS
from chibo.dashboard.charts.plain import as_figure
from chibo.dashboard.data import Scope
from chibo.dashboard.errors import WarehouseOutdated, WarehouseUnavailable
from chibo.dashboard.gateway import tracing
from chibo.dashboard.queries import lookup
from tests.helpers import runtime_for

ALL = Scope.everything()
ROOT = Path(__file__).resolve().parents[2]


def _copy(fixture_warehouse, folder, name: str = "warehouse.duckdb", *statements: str):
    """A copy of the fixture warehouse with `statements` run on it."""
    path = folder / name
    shutil.copy(fixture_warehouse, path)
    with duckdb.connect(str(path)) as con:
        for sql in statements:
            con.execute(sql)
    return path


def test_catalog_checks_bind_each_table_once_per_generation(fixture_warehouse, tmp_path):
    """Tables and columns present and absent are told apart; each table is asked once per
    generation (a cleared answer cache, as after a filter change, does not ask again), and no
    statement scans duckdb_tables() or duckdb_columns() (110–150 ms of CPU at national scale)."""
    path = _copy(fixture_warehouse, tmp_path)
    with runtime.bound(runtime_for(path)):
        data.clear_caches()
        with tracing() as seen:
            for _ in range(2):
                assert data.table_exists(ALL, "cell_quality_trend")
                assert not data.table_exists(ALL, "no_such_mart")
                assert lookup.column_exists(ALL, "dim_org.name")
                assert not lookup.column_exists(ALL, "dim_org.no_such_column")
                assert not lookup.column_exists(ALL, "no_such_mart.name")
                data.clear_caches()
        assert len(seen) == 3, [s.sql for s in seen]  # cell_quality_trend, no_such_mart, dim_org
        assert not any("duckdb_tables" in s.sql or "duckdb_columns" in s.sql for s in seen)
        # a new generation swapped in (as the ETL publishes: os.replace) is asked anew
        newer = _copy(fixture_warehouse, tmp_path, "newer.duckdb",
                      "DROP TABLE marts.cell_quality_trend")
        os.replace(newer, path)
        assert not data.table_exists(ALL, "cell_quality_trend")
        assert lookup.column_exists(ALL, "dim_org.name")


@pytest.fixture
def outdated(fixture_warehouse, tmp_path):
    """A real warehouse file built before stop 23: without marts.flow_parts_over and
    marts.stock_parts_on_days (the many-day macros the series charts read)."""
    path = _copy(fixture_warehouse, tmp_path, "warehouse.duckdb",
                 "DROP MACRO TABLE marts.flow_parts_over",
                 "DROP MACRO TABLE marts.stock_parts_on_days")
    with runtime.bound(runtime_for(path)):
        data.clear_caches()
        yield path


def test_a_missing_macro_says_rebuild_in_both_languages(outdated, caplog):
    """The gateway names the missing macro and `etl rebuild`, in Vietnamese and English, as a
    WarehouseUnavailable (the app's callback error handler shows it instead of an error), and
    logs it for the IT office."""
    with caplog.at_level(logging.ERROR, "chibo.dashboard.sql"), \
            pytest.raises(WarehouseOutdated) as raised:
        data.query("SELECT * FROM marts.flow_parts_over([DATE '2025-01-01'],"
                   " [DATE '2025-12-31'])")
    text = str(raised.value)
    assert isinstance(raised.value, WarehouseUnavailable) and raised.value.name == "flow_parts_over"
    assert "phiên bản cũ" in text and "older version" in text
    assert text.count("python -m chibo.etl rebuild") == 2
    assert any("marts.flow_parts_over" in r.getMessage() and "rebuild" in r.getMessage()
               for r in caplog.records)
    with pytest.raises(duckdb.Error):  # any other catalog error stays what it is
        data.query("SELECT * FROM marts.no_such_mart")


@pytest.mark.parametrize("lang, words", [("vi", "quản trị viên cần chạy python -m chibo.etl rebuild"),
                                         ("en", "an administrator must run python -m chibo.etl")])
def test_a_series_chart_on_an_outdated_warehouse_says_what_to_do(outdated, state2025, lang, words,
                                                                 caplog):
    """The members flows chart reads the many-day macros: on a file without them the viewer sees
    that the warehouse must be rebuilt (in the chosen language), not "could not load the chart";
    the log has a warning, not a traceback."""
    with caplog.at_level(logging.WARNING):
        fig = as_figure(registry.build_figure(MEMBERS_FLOWS, {**state2025, "lang": lang}, "light", ALL))
    shown = " ".join(a.text for a in fig.layout.annotations)
    assert words in shown and "marts." in shown
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"


def test_an_outdated_warehouse_is_named_at_start(outdated, caplog):
    """The start check lists the macros the file lacks and logs, in both languages, that
    `etl rebuild` makes them; a file of today's contract lacks none."""
    with caplog.at_level(logging.ERROR, "chibo.dashboard.warehouse"):
        assert outdated_check.check() == ["flow_parts_over", "stock_parts_on_days"]
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "marts.flow_parts_over, marts.stock_parts_on_days" in logged
    assert "phiên bản cũ" in logged and "older version" in logged
    assert logged.count("python -m chibo.etl rebuild") == 2


def test_a_current_warehouse_lacks_no_macro():
    assert outdated_check.missing_macros() == []
    assert outdated_check.missing_rollups() == []


def test_a_warehouse_without_a_subtree_rollup_is_named_at_start(fixture_warehouse, tmp_path,
                                                                 caplog):
    """A file built before marts.agg_subtree_structure serves a picked organisation's structure
    from the cells (no macro is missing), and the start check warns, in both languages, that
    `etl rebuild` makes the rollup."""
    path = _copy(fixture_warehouse, tmp_path, "warehouse.duckdb",
                 "DROP TABLE marts.agg_subtree_structure")
    with runtime.bound(runtime_for(path)), \
            caplog.at_level(logging.WARNING, "chibo.dashboard.warehouse"):
        data.clear_caches()
        assert outdated_check.check() == []
        assert outdated_check.missing_rollups() == ["agg_subtree_structure"]
    logged = " ".join(r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    assert "marts.agg_subtree_structure" in logged and "marts.agg_subtree_monthly" not in logged
    assert "phiên bản cũ" in logged and "older version" in logged
    assert logged.count("python -m chibo.etl rebuild") == 2


def test_a_warehouse_without_the_base_organisations_rollup_serves_the_table(fixture_warehouse,
                                                                           tmp_path):
    """A file built before marts.agg_base_org_members shows the same table of organisations,
    summed over the cells, and the start check names the rollup."""
    from chibo.dashboard.data import Filters
    from chibo.dashboard.queries import orgs

    f = Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31), as_of=dt.date(2025, 12, 31))
    with runtime.bound(runtime_for(fixture_warehouse)), tracing() as seen:
        data.clear_caches()
        rolled = orgs.org_table(Scope.everything(), f)
    assert "marts.agg_base_org_members_by_key" in seen[-1].sql and len(rolled) > 0
    path = _copy(fixture_warehouse, tmp_path, "warehouse.duckdb",
                 "DROP VIEW marts.agg_base_org_members", "DROP TABLE marts.agg_base_org_members_by_key")
    with runtime.bound(runtime_for(path)), tracing() as seen:
        data.clear_caches()
        assert outdated_check.missing_rollups() == ["agg_base_org_members_by_key"]
        cells = orgs.org_table(Scope.everything(), f)
    assert "agg_base_org_members" not in seen[-1].sql
    pd.testing.assert_frame_equal(cells, rolled)


def test_the_start_check_knows_every_subtree_rollup_the_dashboard_reads():
    """ROLLUPS is exactly the agg_subtree_* marts, the base organisations' rollup
    (agg_base_org_members_by_key) and the missed meetings' months (cell_missed_regular_by_key) the dashboard's
    queries name, each in the warehouse contract."""
    named = {m for path in (ROOT / "chibo" / "dashboard" / "queries").rglob("*.py")
             for m in re.findall(r"agg_subtree_\w+|agg_base_org_members_by_key|cell_missed_regular_by_key",
                                 path.read_text(encoding="utf-8"))}
    contract = (ROOT / "chibo" / "etl" / "sql" / "contract.sql").read_text(encoding="utf-8")
    assert set(outdated_check.ROLLUPS) == named
    assert all(f"CREATE TABLE marts.{m} (" in contract for m in named)


def test_the_start_check_knows_every_macro_the_dashboard_calls():
    """MACROS is exactly the marts macros called in chibo/dashboard, each made by the ETL."""
    called = {m for path in (ROOT / "chibo" / "dashboard").rglob("*.py")
              for m in re.findall(r"marts\.(\w+)\(", path.read_text(encoding="utf-8"))}
    made = {m for path in (ROOT / "chibo" / "etl" / "sql" / "macros").glob("*.sql")
            for m in re.findall(r"MACRO marts\.(\w+)", path.read_text(encoding="utf-8"))}
    assert set(outdated_check.MACROS) == called and called <= made
