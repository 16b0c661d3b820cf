"""Whether the warehouse file read was built before the macros the dashboard calls: a file
published by an older version (before the many-day macros, say) still serves every other view,
but the views that call a missing macro cannot be drawn, and the views of a rollup it lacks read
the facts instead, slowly. Checked when the dashboard starts, so the IT office reads in the log,
in Vietnamese and English, that `python -m chibo.etl rebuild` brings the file to today's
contract; a view calling a missing macro then says the same to its viewer
(chibo/dashboard/errors.py WarehouseOutdated, raised by the gateway).
"""

from __future__ import annotations

import logging

from chibo.dashboard import data
from chibo.dashboard.data import Scope

log = logging.getLogger("chibo.dashboard.warehouse")

# The table and scalar macros (created by the ETL, README "Exact days") the dashboard's queries call.
MACROS = ("admission_structure_between_by_key", "admission_structure_long_between",
          "cell_flow_parts_over_by_key", "cell_flows_between_by_key",
          "cell_stock_changes_on_days_by_key", "cell_stocks_on_by_key", "flow_parts_over",
          "flows_between", "org_on", "rollup_month", "stock_parts_on_days", "stocks_on",
          "structure_long_on", "structure_on_by_key", "subtree_flow_parts_over",
          "subtree_stock_parts_on_days")

# The rollups a picked organisation's views, the table of organisations and the list of cells that
# missed regular meetings read when the file has them (the facts of the cells otherwise: the same
# numbers, slower at national scale).
ROLLUPS = ("agg_base_org_members_by_key", "agg_subtree_monthly", "agg_subtree_structure",
           "cell_missed_regular_by_key")


def missing_macros() -> list[str]:
    """The MACROS the file read now lacks (one read of its catalog's functions)."""
    have = set(data.query("SELECT DISTINCT function_name FROM duckdb_functions()"
                          " WHERE database_name = 'wh' AND schema_name = 'marts'")["function_name"])
    return [name for name in MACROS if name not in have]


def missing_rollups() -> list[str]:
    """The ROLLUPS the file read now lacks (each table bound once per generation)."""
    return [name for name in ROLLUPS if not data.table_exists(Scope.everything(), name)]


def check() -> list[str]:
    """At start: log which macros (error) and rollups (warning) the file lacks and that
    `etl rebuild` makes them; returns the missing macros."""
    _name(logging.WARNING, missing_rollups(),
          "nên chậm hơn khi chọn một tổ chức, ở bảng tổ chức và danh sách chi bộ không sinh hoạt"
          " thường kỳ", "so views of a picked organisation, the table of organisations and the"
          " list of cells that missed regular meetings are slower")
    missing = missing_macros()
    _name(logging.ERROR, missing, "", "")
    return missing


def _name(level: int, missing: list[str], vi: str, en: str) -> None:
    """Log at `level`, in Vietnamese and English, that the file lacks `missing` (and `vi`/`en`:
    what that costs) and that `etl rebuild` builds it to today's contract."""
    if missing:
        names = ", ".join(f"marts.{m}" for m in missing)
        log.log(level, "Kho dữ liệu được dựng bằng phiên bản cũ, thiếu %s%s: chạy python -m "
                "chibo.etl rebuild để dựng lại theo hợp đồng hiện tại / the warehouse was built "
                "by an older version and lacks %s%s: run python -m chibo.etl rebuild to build it "
                "to today's contract", names, f" {vi}" if vi else "", names,
                f", {en}" if en else "")
