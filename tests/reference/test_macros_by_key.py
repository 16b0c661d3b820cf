"""The macros by key (marts.*_by_key: the cells by dim_org.org_key, what the dashboard filters by the
keys of its selection) count what the facts by id count: on the demo warehouse, each macro's rows
named from dim_org equal a recomputation over the contract's views (ids), for days inside a month,
month ends and periods cutting months (another day or a shorter period differs); each macro by id
is its macro by key with the ids (`con`: the demo warehouse, tests/reference/conftest.py)."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(scope="module")
def days(con) -> list[dt.date]:
    """A day inside the last loaded month, the month end before it, a day inside a month a year
    and a half earlier."""
    last = con.execute("SELECT max(month) FROM marts.dim_month").fetchone()[0]
    earlier = dt.date(last.year - 1 if last.month > 6 else last.year - 2, (last.month + 5) % 12 + 1,
                      17)
    return [last.replace(day=14), last - dt.timedelta(days=1), earlier]


def _rows(con, sql: str, params=None) -> list[tuple]:
    return sorted(con.execute(sql, params or []).fetchall(), key=repr)


def _stocks_by_id(con, d: dt.date) -> str:
    """Per cell (org_id) official, probationary, female, cells, cells_lt3 on day `d` over the views:
    the month-end row of the month before + the daily changes of d's month up to d."""
    m = (d.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    return f"""
        SELECT org_id, sum(official), sum(probationary), sum(female), sum(cells), sum(cells_lt3)
        FROM (SELECT org_id, official, probationary, female, cells, cells_lt3
              FROM marts.fct_membership_monthly WHERE month = DATE '{m}'
              UNION ALL
              SELECT org_id, d_official, d_probationary, d_female, d_cells, d_cells_lt3
              FROM marts.fct_membership_daily
              WHERE day BETWEEN DATE '{d.replace(day=1)}' AND DATE '{d}')
        GROUP BY org_id HAVING count(*) > 0"""


def _named(by_key: str, columns: str) -> str:
    return (f"SELECT o.org_id, {columns} FROM {by_key} x JOIN marts.dim_org o USING (org_key)"
            " GROUP BY o.org_id")


def test_cell_stocks_by_key_are_the_stocks_by_id(con, days):
    stocks = ("sum(x.official), sum(x.probationary), sum(x.female), sum(x.cells),"
              " sum(x.cells_lt3)")
    for d in days:
        want = _rows(con, _stocks_by_id(con, d))
        assert want, d
        assert _rows(con, _named(f"marts.cell_stocks_on_by_key(DATE '{d}')", stocks)) == want
        many = _rows(con, _named(f"(SELECT * FROM marts.cell_stock_parts_on_days_by_key("
                                 f"[DATE '{d}', DATE '{days[2]}']) WHERE day = DATE '{d}')", stocks))
        assert many == want
    assert _rows(con, _stocks_by_id(con, days[2])) != _rows(
        con, _named(f"marts.cell_stocks_on_by_key(DATE '{days[0]}')", stocks))


def test_cell_stock_changes_by_key_accumulate_to_the_stocks_by_id(con, days):
    asked = sorted(days)
    sums = {}
    for day, org_id, official, members in _rows(con, f"""
            SELECT x.day, o.org_id, x.official, x.members
            FROM marts.cell_stock_changes_on_days_by_key([{', '.join(f"DATE '{d}'" for d in asked)}])
                 x JOIN marts.dim_org o USING (org_key)"""):
        for d in asked:
            if d >= day:
                sums.setdefault((d, org_id), [0, 0])
                sums[d, org_id][0] += official
                sums[d, org_id][1] += members
    for d in asked:
        want = {(org_id,): (off, off + prob)
                for org_id, off, prob, *_ in _rows(con, _stocks_by_id(con, d))}
        got = {(org_id,): tuple(v) for (day, org_id), v in sums.items() if day == d}
        assert {k: v for k, v in got.items() if v != (0, 0)} == {
            k: v for k, v in want.items() if v != (0, 0)}


def test_cell_flows_by_key_are_the_flows_by_id(con, days):
    a, b = days[2], days[0]
    want = _rows(con, f"""
        SELECT org_id, sum(admitted), sum(transferred_in), sum(transferred_out), sum(left_party)
        FROM marts.fct_membership_daily WHERE day BETWEEN DATE '{a}' AND DATE '{b}'
        GROUP BY org_id HAVING sum(admitted + transferred_in + transferred_out + left_party) > 0""")
    assert want
    flows = "sum(x.admitted), sum(x.transferred_in), sum(x.transferred_out), sum(x.left_party)"
    assert _rows(con, _named(f"marts.cell_flows_between_by_key(DATE '{a}', DATE '{b}')",
                             flows)) == want
    assert _rows(con, _named(f"(SELECT * FROM marts.cell_flow_parts_over_by_key([DATE '{a}'],"
                             f" [DATE '{b}']))", flows)) == want
    assert _rows(con, _named(f"marts.cell_flows_between_by_key(DATE '{a}', DATE"
                             f" '{a + (b - a) / 2}')", flows)) != want


def test_member_structure_by_key_is_the_structure_by_id(con, days):
    for d in days:
        want = _rows(con, f"""
            SELECT org_id, gender, count(*) FROM marts.fct_member_structure
            WHERE joined_on <= DATE '{d}' AND coalesce(left_on, DATE '9999-12-31') > DATE '{d}'
            GROUP BY ALL""")
        assert want
        assert _rows(con, f"""SELECT o.org_id, x.gender, count(*)
            FROM marts.structure_on_by_key(DATE '{d}') x JOIN marts.dim_org o USING (org_key)
            GROUP BY ALL""") == want
    a, b = days[2], days[0]
    want = _rows(con, f"""SELECT org_id, joined_on, count(*) FROM marts.fct_member_structure
        WHERE admission AND joined_on BETWEEN DATE '{a}' AND DATE '{b}' GROUP BY ALL""")
    assert want
    assert _rows(con, f"""SELECT o.org_id, x.admitted_on, count(*)
        FROM marts.admission_structure_between_by_key(DATE '{a}', DATE '{b}') x
        JOIN marts.dim_org o USING (org_key) GROUP BY ALL""") == want


@pytest.mark.parametrize("name, args", [
    ("cell_stocks_on", "(DATE '{d}')"), ("cell_flows_between", "(DATE '{a}', DATE '{d}')"),
    ("cell_stock_parts_on_days", "([DATE '{a}', DATE '{d}'])"),
    ("cell_stock_changes_on_days", "([DATE '{a}', DATE '{d}'])"),
    ("cell_flow_parts_over", "([DATE '{a}'], [DATE '{d}'])"),
    ("structure_on", "(DATE '{d}')"), ("admission_structure_between", "(DATE '{a}', DATE '{d}')")])
def test_a_macro_by_id_is_its_macro_by_key_with_the_ids(con, days, name, args):
    """Readers by id (the ETL's marts, the report, the reconciliation) see the same rows, in the
    same columns, as before the macros read the keys."""
    call = args.format(a=days[2], d=days[0])
    by_id = con.execute(f"SELECT * FROM marts.{name}{call} LIMIT 0").description
    by_key = con.execute(f"SELECT * FROM marts.{name}_by_key{call} LIMIT 0").description
    assert [c[0] for c in by_id] == [("org_id" if c[0] == "org_key" else c[0]) for c in by_key]
    assert _rows(con, f"SELECT * FROM marts.{name}{call}") == _rows(
        con, f"SELECT x.* REPLACE (o.org_id AS org_key) FROM marts.{name}_by_key{call} x"
             " JOIN marts.dim_org o USING (org_key)")
