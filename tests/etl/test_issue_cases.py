"""Each case observed in issue 9, on a hand-checkable fixture (tests/fixtures/issue9) loaded through
the real load path, with the numbers worked out by hand in the docstrings.

The fixture: old province Hà Giang (02) with base committee B and its cell A (11 members, dissolved
on 01/07/2025: M01-M10 handed over that day to AN of the successor BN in Tuyên Quang (N08), M11 died
that day); residential base cells C (K1-K3 full since 2016; K6 admitted 15/01/2023, K5 05/03/2023,
K4 20/10/2023) and D (D1, D2, handed over to C when D was dissolved on 20/10/2023); E, a live cell
with no member; X (N08) and H (N01), new cells founded on 01/09/2025 with no predecessor.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from chibo.etl import corefile
from chibo.etl.generations import GenerationFiles
from chibo.etl.load import load_files
from chibo.etl.warehouse import CheckFailed, build_marts, run_checks
from tests.etl.helpers import query

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "issue9"
MAY, JUNE, JULY = dt.date(2025, 5, 1), dt.date(2025, 6, 1), dt.date(2025, 7, 1)
STOCKS = "members, official, probationary, cells, cells_lt3, base_orgs"


@pytest.fixture(scope="module")
def wh(tmp_path_factory) -> Path:
    warehouse = tmp_path_factory.mktemp("issue9") / "warehouse.duckdb"
    outcome = load_files([FIXTURE / "organisations.csv", FIXTURE / "members.csv"], warehouse)
    assert outcome.result == "loaded", outcome.sample
    return warehouse


def test_hand_over_on_the_dissolution_day_keeps_month_end_stocks_continuous(wh):
    """A + AN: 11 at the end of May and June (A lives through 30/06), 10 at the end of July
    (M11 died on 01/07); on main this read 11, 0, 10."""
    rows = query(wh, """SELECT month, sum(official + probationary) FROM marts.fct_membership_monthly
                        WHERE org_id IN ('A', 'AN') AND month BETWEEN ? AND ? GROUP BY 1 ORDER BY 1""",
                 [MAY, JULY])
    assert rows == [(MAY, 11), (JUNE, 11), (JULY, 10)]


def test_departures_on_the_dissolution_day_stay_in_the_flows(wh):
    """July 2025: A hands 10 over and loses M11 (death); AN takes 10 in; nobody is admitted."""
    rows = query(wh, """SELECT org_id, official + probationary, cells, admitted, transferred_in,
                               transferred_out, left_party, left_death
                        FROM marts.fct_membership_monthly WHERE month = ? ORDER BY org_id""", [JULY])
    assert [r for r in rows if r[0] in ("A", "AN")] == [
        ("A", 0, 0, 0, 0, 10, 1, 1), ("AN", 10, 1, 0, 10, 0, 0, 0)]


def test_old_province_view_continues_through_the_merger(wh):
    """Hà Giang (02) in the old boundaries: A, C, E before; AN, C, E after (AN placed through its
    predecessor): 11 + 8 = 19 at the end of May and June, 10 + 8 = 18 at the end of July."""
    rows = query(wh, """SELECT month, sum(official + probationary) FROM marts.agg_members_monthly
                        WHERE province_code_old = '02' AND month BETWEEN ? AND ? GROUP BY 1
                        ORDER BY 1""", [MAY, JULY])
    assert rows == [(MAY, 19), (JUNE, 19), (JULY, 18)]


def test_organisations_after_the_merger_are_placed_or_marked(wh):
    rows = query(wh, """SELECT org_id, province_code, province_code_current, province_code_old,
                               old_province_how FROM marts.dim_org
                        WHERE org_id IN ('A', 'AN', 'BN', 'H', 'X') ORDER BY org_id""")
    assert rows == [("A", "02", "N08", "02", "recorded"), ("AN", "N08", "N08", "02", "predecessor"),
                    ("BN", "N08", "N08", "02", "predecessor"), ("H", "N01", "N01", "01", "crosswalk"),
                    ("X", "N08", "N08", None, "unplaced")]


@pytest.mark.parametrize("source", ["marts.stocks_on(DATE '{d}') WHERE province_code_old = '02'",
                                    "marts.cell_stocks_on(DATE '{d}') s JOIN marts.dim_org o "
                                    "USING (org_id) WHERE o.province_code_old = '02'"])
def test_stocks_are_exact_on_any_day(wh, source):
    """11/10/2023: A 11, C 5 (K1-K3 full, K5, K6 probationary), D 2, E empty = 18 members, 16
    full, 2 probationary, 4 cells (A, C, D, E), 1 with fewer than 3 full members (D; E is empty, not counted),
    4 base organisations (B, C, D, E). 31/10/2023: D is gone, C holds 8 = 19 (16 full, K4-K6
    probationary); 3 cells, none
    below 3 full members, 3 base organisations. (On main the card read the 31/10 figure for 11/10.)"""
    def stocks(d):
        base = (", (SELECT count(*) FROM marts.dim_org WHERE province_code_old = '02' AND kind IN "
                f"('base_cell', 'base_committee') AND valid_from <= DATE '{d}' AND "
                f"(valid_to IS NULL OR valid_to > DATE '{d}'))") if "cell_stocks_on" in source else (
                    ", sum(base_orgs)")
        return query(wh, "SELECT sum(members), sum(official), sum(probationary), sum(cells), "
                         f"sum(cells_lt3){base} FROM {source.format(d=d)}")[0]
    assert stocks("2023-10-11") == (18, 16, 2, 4, 1, 4)
    assert stocks("2023-10-31") == (19, 16, 3, 3, 0, 3)


@pytest.mark.parametrize("source", ["marts.flows_between", "marts.cell_flows_between"])
def test_flows_cover_exactly_the_chosen_dates(wh, source):
    """Admissions 01/01-11/10/2023: K6 and K5 = 2 (K4 came on 20/10); to 31/10: 3. October 2023:
    2 transfers out of D and 2 in to C, no departure from the Party; net +1 = 19 - 18."""
    def flows(a, b):
        join = " s JOIN marts.dim_org o USING (org_id)" if "cell" in source else ""
        return query(wh, f"""SELECT sum(admitted), sum(transferred_in), sum(transferred_out),
                                    sum(left_party) FROM {source}(DATE '{a}', DATE '{b}'){join}
                             WHERE province_code_old = '02'""")[0]
    assert flows("2023-01-01", "2023-10-11") == (2, 0, 0, 0)
    assert flows("2023-01-01", "2023-10-31") == (3, 2, 2, 0)
    assert flows("2023-10-01", "2023-10-31") == (1, 2, 2, 0)


def test_admission_rate_divides_by_the_stock_at_the_start_of_the_year(wh):
    """2023: 3 admissions over 16 members on 31/12/2022 (A 11, C 3, D 2) = 18,75 %; the end of
    January (17, with K6) was the denominator on main."""
    members = query(wh, "SELECT sum(members) FROM marts.stocks_on(DATE '2022-12-31') "
                        "WHERE province_code_old = '02'")[0][0]
    admitted = query(wh, "SELECT sum(admitted) FROM marts.flows_between(DATE '2023-01-01', "
                         "DATE '2023-12-31') WHERE province_code_old = '02'")[0][0]
    assert (admitted, members, admitted / members) == (3, 16, 0.1875)


def test_cells_are_counted_at_month_end(wh):
    """D (dissolved 20/10/2023) exists at the end of September, not at the end of October."""
    rows = query(wh, """SELECT month, cells FROM marts.fct_membership_monthly WHERE org_id = 'D'
                        AND month >= DATE '2023-09-01' ORDER BY month""")
    assert rows == [(dt.date(2023, 9, 1), 1), (dt.date(2023, 10, 1), 0)]


def test_empty_cells_are_a_warning_of_their_own(wh):
    """At the end of the last month (September 2025) E, X and H exist with no member."""
    rows = query(wh, "SELECT rule, org_id FROM marts.data_quality WHERE rule LIKE 'cell_%' "
                     "ORDER BY org_id")
    assert rows == [("cell_without_members", "E"), ("cell_without_members", "H"),
                    ("cell_without_members", "X")]


def test_a_warehouse_breaking_the_identity_is_refused(wh, tmp_path):
    """A member row placed in a cell before its founding (as an older warehouse could hold) breaks
    the stock-flow identity of the marts: the data checks refuse the generation."""
    copy, core = tmp_path / "copy.duckdb", tmp_path / "copy.core.duckdb"
    files = GenerationFiles(wh)
    copy.write_bytes(wh.read_bytes())
    core.write_bytes(files.core_path(files.served()).read_bytes())
    con = duckdb.connect(str(copy))
    corefile.attach(con, core)
    con.execute("""INSERT INTO core.members (member_id, org_id, gender, admitted_on, joined_on,
                   source_file, load_id) VALUES ('Z1', 'E', 'nam', DATE '2015-01-01',
                   DATE '2015-01-01', 'x.csv', 9)""")
    build_marts(con)
    with pytest.raises(CheckFailed, match="identity|inside its cell"):
        run_checks(con)
    con.close()


def test_the_metric_registry_is_published_and_names_real_columns(wh):
    """marts.dim_metric holds every row of chibo/etl/reference/metrics.csv; each definition is one
    sentence in each language; every table.column its sources name exists in the marts."""
    import re

    rows = query(wh, "SELECT metric, label_vi, definition_vi, definition_en, kind, source "
                     "FROM marts.dim_metric ORDER BY sort_order")
    with open(FIXTURE.parents[2] / "chibo" / "etl" / "reference" / "metrics.csv", encoding="utf-8") as fh:
        assert len(rows) == sum(1 for _ in fh) - 1
    columns = {(t, c) for t, c in query(wh, "SELECT table_name, column_name FROM "
                                            "information_schema.columns WHERE table_schema = 'marts'")}
    for metric, label_vi, vi, en, kind, source in rows:
        assert kind in ("stock", "flow", "rate") and label_vi
        assert vi.endswith(".") and en.endswith(".") and vi.count(". ") == en.count(". ") == 0, metric
        for table, column in re.findall(r"\b((?:fct|agg|dim)_\w+)\.(\w+)", source):
            assert (table, column) in columns, (metric, table, column)


def test_a_day_after_the_last_loaded_month_keeps_the_last_stocks(wh):
    """Nothing changes after the last loaded day (30/09/2025): a later day reads the same stocks."""
    def members(d):
        return query(wh, f"SELECT sum(members), sum(cells) FROM marts.stocks_on(DATE '{d}')")[0]
    assert members("2026-06-30") == members("2025-09-30")
