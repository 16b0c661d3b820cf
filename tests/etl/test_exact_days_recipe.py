"""The exact-day recipe is written once (chibo/etl/sql/macros/exact_days.sql): each single-day
macro is its many-day macro over one day or one period, reading no mart of its own; each per-cell
macro by id is its macro by key (org_key) with the id read from dim_org, nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

MACROS = Path(__file__).resolve().parents[2] / "chibo" / "etl" / "sql" / "macros" / "exact_days.sql"
SINGLE = {"cell_stocks_on_by_key": "cell_stock_parts_on_days_by_key",
          "stocks_on": "stock_parts_on_days",
          "cell_flows_between_by_key": "cell_flow_parts_over_by_key",
          "flows_between": "flow_parts_over"}
BY_ID = ("cell_stocks_on", "cell_flows_between", "cell_stock_parts_on_days",
         "cell_stock_changes_on_days", "cell_flow_parts_over")


def _bodies() -> dict[str, str]:
    text = re.sub(r"--[^\n]*", "", MACROS.read_text(encoding="utf-8"))
    parts = re.split(r"CREATE OR REPLACE MACRO marts\.(\w+)\(", text)[1:]
    return dict(zip(parts[::2], parts[1::2]))


@pytest.mark.parametrize("single, many", SINGLE.items())
def test_a_single_day_macro_reads_only_its_many_day_macro(single, many):
    read = set(re.findall(r"FROM\s+marts\.(\w+)", _bodies()[single]))
    assert read == {many}, f"marts.{single} reads {sorted(read)}, not only marts.{many}"


@pytest.mark.parametrize("name", BY_ID)
def test_a_macro_by_id_is_its_macro_by_key_named_from_dim_org(name):
    body = _bodies()[name]
    assert set(re.findall(r"FROM\s+marts\.(\w+)", body)) == {f"{name}_by_key"}
    assert set(re.findall(r"JOIN\s+marts\.(\w+)", body)) == {"dim_org"}
