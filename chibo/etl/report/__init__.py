"""The year-end statistics workbook ("Báo cáo thống kê", issue 15): `python -m chibo.etl report --year
YYYY --scope country|province:N01|org:ID OUT.xlsx` writes one XLSX for the scope as of 31/12 of
the year (or the last loaded day, when the year is not over in the data), one sheet per table:
organisations, members and their structure, admissions, movements, meetings, assessments.

The numbers come from the marts and their macros (chibo/etl/report/tables.py, activity.py), the same
definitions the dashboard reads; the layout is chibo/etl/report/workbook.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from chibo.etl.report import activity, tables, workbook
from chibo.etl.report.tables import Scope, Table

__all__ = ["Scope", "build_tables", "committee_name", "report_day", "write_report"]


class UnknownScope(ValueError):
    """The scope names a province or organisation the warehouse does not hold."""


def report_day(con, year: int) -> dt.date:
    """31/12 of the year, or the last loaded day when that comes first."""
    last = con.execute("SELECT max(month_end) FROM marts.dim_month").fetchone()[0]
    return min(dt.date(year, 12, 31), last) if last else dt.date(year, 12, 31)


NAMES = {  # the name of a scope part: SQL returning one text, or None for the country
    "province": "SELECT 'Đảng bộ ' || name FROM marts.dim_province WHERE province_code = ?",
    "old_province": "SELECT 'Đảng bộ ' || name FROM marts.dim_province WHERE province_code = ?",
    "region": "SELECT name_vi FROM marts.dim_region WHERE region = ?",
    "sector": "SELECT DISTINCT 'Loại hình ' || sector FROM marts.dim_org WHERE sector = ?",
    "org": "SELECT name FROM marts.dim_org WHERE org_id = ?",
}


def _part_name(con, kind: str, value: str | None, lang: str) -> str:
    if kind == "country":
        return "Toàn quốc" if lang != "en" else "Whole country"
    row = con.execute(NAMES[kind], [value]).fetchone()
    if row is None:
        raise UnknownScope(f"Không có {kind} {value!r} trong kho dữ liệu / "
                           f"no {kind} {value!r} in the warehouse")
    return row[0]


def committee_name(con, scope: Scope, lang: str = "vi") -> str:
    """The reporting committee: the narrowest organisation or province asked for, else the
    scope's parts (every part is checked to exist)."""
    names = [_part_name(con, k, v, lang) for k, v in scope.parts]
    narrowed = {k: _part_name(con, k, v, lang) for k, v in scope.narrow}
    for kind in ("org", "province", "old_province"):
        if kind in narrowed:
            return narrowed[kind]
    return "; ".join(names)


def build_tables(con, scope: Scope, year: int) -> list[Table]:
    day = report_day(con, year)
    return [tables.organisations(con, scope, day, year),
            tables.people(con, scope, day, year, admissions=False),
            tables.people(con, scope, day, year, admissions=True),
            activity.movements(con, scope, day, year), activity.meetings(con, scope, day, year),
            activity.assessments(con, scope, day, year)]


def write_report(warehouse: Path, year: int, scope: Scope, out: Path, lang: str = "vi") -> Path:
    """Write the workbook for `scope` and `year` from the warehouse file (read-only)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        committee = committee_name(con, scope, lang)
        made = build_tables(con, scope, year)
        day = report_day(con, year)
    finally:
        con.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    workbook.write(partial, made, committee, day, lang)
    partial.replace(out)  # never a half-written workbook under the asked name
    return out
