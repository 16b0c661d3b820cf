"""Marts built in slices (chibo/etl/warehouse.py): a mart whose SQL names `-- slices: <table> by
<column>` is built a few whole years of that table at a time, each slice holding at most a budget
of rows, and comes out with exactly the rows it has when built from every row at once."""

from __future__ import annotations

import duckdb
import pytest

from chibo.etl.generations import GenerationFiles
from chibo.etl.warehouse import SLICES, SQL_DIR, build_mart, slice_ranges

MEETINGS = SQL_DIR / "marts" / "fct_meetings_monthly_by_key.sql"


@pytest.fixture
def years():
    """core.t with 3, 2, 4 and 1 rows in 2010, 2011, 2012 and 2014 (none in 2013)."""
    con = duckdb.connect()
    con.execute("CREATE SCHEMA core")
    con.execute("CREATE TABLE core.t AS SELECT d FROM (VALUES (DATE '2010-01-01'), "
                "(DATE '2010-06-30'), (DATE '2010-12-31'), (DATE '2011-01-01'), (DATE '2011-12-31'), "
                "(DATE '2012-02-29'), (DATE '2012-03-01'), (DATE '2012-07-01'), (DATE '2012-12-31'), "
                "(DATE '2014-05-05')) v(d)")
    yield con
    con.close()


def test_slices_pack_whole_years_up_to_the_budget(years):
    assert slice_ranges(years, "core.t", "d", 5) == [(2010, 2012), (2012, 2015)]
    # one row fewer: 2010 + 2011 no longer fit together, nor 2012 + 2014
    assert slice_ranges(years, "core.t", "d", 4) == [(2010, 2011), (2011, 2012), (2012, 2013),
                                                     (2014, 2015)]
    # a year holding more than the budget is a slice of its own, never cut
    assert slice_ranges(years, "core.t", "d", 2) == [(2010, 2011), (2011, 2012), (2012, 2013),
                                                     (2014, 2015)]
    assert slice_ranges(years, "core.t", "d", 10) == [(2010, 2015)]


def test_the_default_budget_follows_the_memory_limit():
    """600 000 rows in each of 2010 and 2011: one slice under a limit of 500 MB (a budget of
    1 250 000 rows), two under 400 MB (1 000 000)."""
    with duckdb.connect() as con:
        con.execute("CREATE SCHEMA core")
        con.execute("CREATE TABLE core.t AS SELECT DATE '2010-01-01' + CAST(i % 730 AS INTEGER) AS d "
                    "FROM range(1200000) r(i)")
        con.execute("SET memory_limit = '500MB'")
        assert slice_ranges(con, "core.t", "d") == [(2010, 2012)]
        con.execute("SET memory_limit = '400MB'")
        assert slice_ranges(con, "core.t", "d") == [(2010, 2011), (2011, 2012)]


def test_a_mart_built_in_slices_has_the_rows_built_whole(demo_warehouse, tmp_path):
    """fct_meetings_monthly_by_key built a year at a time holds the rows of the published one (built
    whole at this scale), with no row lost or counted twice at a slice's edge."""
    sql = MEETINGS.read_text(encoding="utf-8").strip().rstrip(";")
    assert SLICES.search(sql).groups() == ("core.meetings", "held_on")
    files = GenerationFiles(demo_warehouse)
    con = duckdb.connect(str(tmp_path / "sliced.duckdb"))
    con.execute("ATTACH ? AS core (READ_ONLY)", [str(files.core_path(files.served()))])
    con.execute("ATTACH ? AS published (READ_ONLY)", [str(demo_warehouse)])
    con.execute("CREATE SCHEMA marts")
    con.execute("CREATE TABLE marts.dim_org AS SELECT * FROM published.marts.dim_org")
    assert len(slice_ranges(con, "core.meetings", "held_on", 1)) >= 3  # several years of meetings
    build_mart(con, "fct_meetings_monthly_by_key", sql, budget=1)
    rows = "SELECT * FROM {}.marts.fct_meetings_monthly_by_key"
    mine, theirs = rows.format("sliced"), rows.format("published")
    assert con.execute(f"SELECT count(*) FROM ({mine})").fetchone()[0] == \
        con.execute(f"SELECT count(*) FROM ({theirs})").fetchone()[0] > 0
    assert con.execute(f"SELECT count(*) FROM ({mine} EXCEPT ALL {theirs})").fetchone()[0] == 0
    assert con.execute(f"SELECT count(*) FROM ({theirs} EXCEPT ALL {mine})").fetchone()[0] == 0
    con.close()
