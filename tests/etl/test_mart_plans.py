"""How the costly marts and the publication's data checks are computed, read from DuckDB's plans
of them on the demo warehouse and from their SQL (chibo/etl/sql/marts, chibo/etl/integrity.py):
at national scale (50 M cell-months) a range join of every run of a cell with the months, a
window over every cell-month, or a view that joins dim_org to every fact row cost much of a
rebuild's time. Their rows are the reference recomputation's (tests/reference)."""

from __future__ import annotations

import re

import duckdb
import pytest

from chibo.etl.generations import GenerationFiles
from chibo.etl.warehouse import CHECKS, SQL_DIR

# the joins DuckDB plans for a condition that is not an equality (a range join)
RANGE_JOINS = ("PIECEWISE_MERGE_JOIN", "IE_JOIN", "NESTED_LOOP_JOIN", "BLOCKWISE_NL_JOIN")
# the views of the cell facts stored by key: each joins dim_org to every row (chibo/etl/contract.py)
FACT_VIEWS = re.compile(r"\bmarts\.(fct_membership_monthly|fct_meetings_monthly|fct_membership_daily)\b")


@pytest.fixture(scope="module")
def served(demo_warehouse):
    """The demo's served file with its core file, both read-only, `marts` naming its marts."""
    files = GenerationFiles(demo_warehouse)
    con = duckdb.connect()
    con.execute("ATTACH ? AS served (READ_ONLY)", [str(demo_warehouse)])
    con.execute("ATTACH ? AS core (READ_ONLY)", [str(files.core_path(files.served()))])
    con.execute("USE served")
    yield con
    con.close()


def operators(con: duckdb.DuckDBPyConnection, mart: str) -> str:
    """The physical plan of a mart's SELECT, operator names upper case with underscores."""
    sql = (SQL_DIR / "marts" / f"{mart}.sql").read_text(encoding="utf-8").strip().rstrip(";")
    text = "\n".join(row[1] for row in con.execute(f"EXPLAIN {sql}").fetchall())
    return re.sub(r"(?<=[A-Za-z]) (?=[A-Za-z])", "_", text).upper()


def test_the_months_of_a_run_are_made_not_range_joined(served):
    """A run of a cell's stocks is spread over its months by an unnest of a range of month
    numbers, never by comparing every run with every month."""
    plan = operators(served, "fct_membership_monthly_by_key")
    assert "UNNEST" in plan and "HASH_GROUP_BY" in plan  # the plan is the one read
    assert [op for op in RANGE_JOINS if op in plan] == []


def test_a_range_join_is_seen_where_there_is_one(served):
    """Near miss: cell_poor_12m joins each poor month with the 12 months it opens (a range)."""
    assert [op for op in RANGE_JOINS if op in operators(served, "cell_poor_12m")]


def test_missed_meetings_are_found_without_a_window(served):
    """data_quality's members at a month's start are its members less its net flows, not a lag()
    over every cell-month."""
    plan = operators(served, "data_quality")
    assert "HASH_JOIN" in plan and "WINDOW" not in plan


def _code(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


def test_the_checks_and_the_warnings_read_the_cell_facts_by_key():
    """The data checks, data_quality and the rollups of the cell facts read them stored by key and
    join dim_org where they need an id: the views (id over key) join it to every fact row."""
    assert FACT_VIEWS.search("FROM marts.fct_meetings_monthly f")  # near misses
    assert not FACT_VIEWS.search("FROM marts.fct_meetings_monthly_by_key f")
    assert not FACT_VIEWS.search(_code("-- marts.fct_membership_monthly, in a comment"))
    marts = ("data_quality", "cell_poor_12m", "agg_meetings_province_monthly", "agg_org_tree_by_key")
    sources = {name: (SQL_DIR / "marts" / f"{name}.sql").read_text(encoding="utf-8")
               for name in marts}
    sources.update({f"check: {name}": sql for name, sql in CHECKS.items()})
    assert sorted(name for name, sql in sources.items() if FACT_VIEWS.search(_code(sql))) == []
