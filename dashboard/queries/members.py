"""Queries for Tổng quan and Đảng viên: monthly indicators, KPIs, flows, structure, admission rate.

SQL runs through the gateway (dashboard.data); every function takes the viewer's Scope first.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.data import (
    Filters,
    Scope,
    add_months,
    cached,
    data_bounds,
    month_floor,
    org_condition,
    query,
    use_rollup,
)

LEAVE_REASONS = ("transfer_out", "death", "struck_off", "expelled", "resigned", "other")



MEMBERS_ROLLUP, MEETINGS_ROLLUP = "agg_members_monthly", "agg_meetings_province_monthly"


def _membership_source(scope: Scope, f: Filters) -> tuple[str, str]:
    """(FROM clause with dim_org columns as alias o, expression for cells with < 3 full members)."""
    if use_rollup(scope, f, MEMBERS_ROLLUP):
        return f"marts.{MEMBERS_ROLLUP} o", "sum(cells_lt3)"
    return ("marts.fct_membership_monthly JOIN marts.dim_org o USING (org_id)",
            "sum(cells_lt3)")


def _meetings_source(scope: Scope, f: Filters) -> str:
    if use_rollup(scope, f, MEETINGS_ROLLUP):
        return f"marts.{MEETINGS_ROLLUP} o"
    return "marts.fct_meetings_monthly JOIN marts.dim_org o USING (org_id)"


@cached
def monthly_indicators(scope: Scope, f: Filters, first: dt.date, last: dt.date) -> pd.DataFrame:
    """One row per month in [first, last]: month, base_orgs, cells, members, official,
    probationary, admitted, left, cells_lt3, good_fair, rated, present, expected."""
    cond, p = org_condition(scope, f)
    p.update(a=month_floor(first), b=month_floor(last))
    mem_src, lt3 = _membership_source(scope, f)
    return query(f"""
        WITH o AS (SELECT kind, valid_from, valid_to FROM marts.dim_org o
                   WHERE {cond} AND kind IN ('base_cell', 'base_committee', 'sub_cell')),
        months AS (SELECT unnest(generate_series($a::DATE, $b::DATE, INTERVAL 1 MONTH))::DATE
                   AS month),
        ev AS (SELECT date_trunc('month', coalesce(valid_from, DATE '1900-01-01'))::DATE AS month,
                      1 AS d, kind FROM o
               UNION ALL
               SELECT date_trunc('month', valid_to)::DATE, -1, kind FROM o
               WHERE valid_to IS NOT NULL),
        deltas AS (SELECT month,
                     sum(d) FILTER (WHERE kind IN ('base_cell', 'base_committee')) AS base_d,
                     sum(d) FILTER (WHERE kind IN ('base_cell', 'sub_cell')) AS cell_d
                   FROM ev GROUP BY month),
        orgs AS (SELECT month, sum(coalesce(base_d, 0)) OVER w AS base_orgs,
                        sum(coalesce(cell_d, 0)) OVER w AS cells
                 FROM (SELECT month FROM months UNION SELECT month FROM deltas)
                 LEFT JOIN deltas USING (month)
                 WINDOW w AS (ORDER BY month ROWS UNBOUNDED PRECEDING)),
        mem AS (SELECT month, sum(official + probationary) AS members, sum(official) AS official,
                       sum(probationary) AS probationary, sum(admitted) AS admitted,
                       sum("left") AS "left", {lt3} AS cells_lt3
                FROM {mem_src} WHERE {cond} AND month BETWEEN $a AND $b GROUP BY month),
        mt AS (SELECT month, sum(good + fair) AS good_fair, sum(good + fair + average + poor)
                      AS rated, sum(present) AS present, sum(expected) AS expected
               FROM {_meetings_source(scope, f)} WHERE {cond} AND month BETWEEN $a AND $b
               GROUP BY month)
        SELECT m.month, coalesce(orgs.base_orgs, 0) AS base_orgs, coalesce(orgs.cells, 0) AS cells,
               mem.members, mem.official, mem.probationary, coalesce(mem.admitted, 0) AS admitted,
               coalesce(mem."left", 0) AS "left", mem.cells_lt3, mt.good_fair, mt.rated,
               mt.present, mt.expected
        FROM months m LEFT JOIN orgs USING (month) LEFT JOIN mem USING (month)
        LEFT JOIN mt USING (month) ORDER BY m.month""", p)


KPI_KEYS = ("base_orgs", "cells", "members", "admitted", "good_fair_share", "attendance",
            "cells_lt3")
_STOCKS = ("base_orgs", "cells", "members", "cells_lt3")


def overview_kpis(scope: Scope, f: Filters) -> dict | None:
    """KPI values: {key: {value, previous, spark: DataFrame(month, value)}} for KPI_KEYS, or None
    when the scope has no data. Stocks are at the as-of month (clamped to the last loaded month)
    against 12 months earlier; flows and rates cover the period against the period a year before."""
    bounds = data_bounds(scope)
    if bounds is None:
        return None
    m = max(min(month_floor(f.as_of), bounds[1]), bounds[0])
    a, b = month_floor(f.start), month_floor(f.end)
    df = monthly_indicators(scope, f, min(add_months(a, -12), add_months(m, -23)), max(b, m))
    df = df.assign(month=pd.to_datetime(df["month"]).dt.date)

    def window(lo, hi):
        return df[(df["month"] >= lo) & (df["month"] <= hi)]

    def ratio(part, num, den):
        d = part[den].sum()
        return float(part[num].sum() / d) if d else None

    def stock(month, col):
        row = df.loc[df["month"] == month, col]
        return None if row.empty or pd.isna(row.iloc[0]) else float(row.iloc[0])

    now, before = window(a, b), window(add_months(a, -12), add_months(b, -12))
    spark = window(add_months(m, -23), m)
    out = {}
    for key in KPI_KEYS:
        if key in _STOCKS:
            value, prev = stock(m, key), stock(add_months(m, -12), key)
            series = spark[key]
        elif key == "admitted":
            value = float(now["admitted"].sum()) if not now.empty else None
            prev = float(before["admitted"].sum()) if not before.empty else None
            series = spark["admitted"]
        else:
            num, den = ("good_fair", "rated") if key == "good_fair_share" else ("present",
                                                                                "expected")
            value, prev = ratio(now, num, den), ratio(before, num, den)
            series = spark[num] / spark[den].where(spark[den] > 0)
        out[key] = {"value": value, "previous": prev,
                    "spark": pd.DataFrame({"month": spark["month"], "value": series.values})}
    out["_month"] = m
    return out


@cached
def flows(scope: Scope, f: Filters, grain: str = "month") -> pd.DataFrame:
    """Admissions and departures by period in [start, end]: period (DATE, first day), months (with
    data, inside the period), admitted, left, and left_<reason> for each of LEAVE_REASONS; grain
    'month' or 'year'."""
    cond, p = org_condition(scope, f)
    p.update(a=month_floor(f.start), b=f.end)
    unit = "year" if grain == "year" else "month"
    reasons = ", ".join(f"sum(left_{r}) AS left_{r}" for r in LEAVE_REASONS)
    return query(f"""
        SELECT date_trunc('{unit}', month)::DATE AS period, count(DISTINCT month) AS months,
               sum(admitted) AS admitted, sum("left") AS "left", {reasons}
        FROM {_membership_source(scope, f)[0]}
        WHERE {cond} AND month BETWEEN $a AND $b GROUP BY 1 ORDER BY 1""", p)


@cached
def admission_rate(scope: Scope, f: Filters) -> pd.DataFrame:
    """Per year in the period: year, admitted, members (stock in the year's first loaded month),
    rate (admitted / members, a fraction), months (months of the year inside the period)."""
    cond, p = org_condition(scope, f)
    p.update(a=month_floor(f.start), b=f.end)
    return query(f"""
        WITH m AS (SELECT month, sum(admitted) AS admitted, sum(official + probationary) AS members
                   FROM {_membership_source(scope, f)[0]}
                   WHERE {cond} AND month BETWEEN $a AND $b GROUP BY month)
        SELECT year(month) AS year, sum(admitted) AS admitted, arg_min(members, month) AS members,
               sum(admitted) / nullif(arg_min(members, month), 0) AS rate, count(*) AS months
        FROM m GROUP BY 1 ORDER BY 1""", p)


@cached
def structure(scope: Scope, f: Filters) -> pd.DataFrame:
    """Age and gender structure for the year of the as-of date: gender, age_band, members."""
    cond, p = org_condition(scope, f)
    p["y"] = f.as_of.year
    return query(f"""
        WITH y AS (SELECT max(year) AS year FROM marts.fct_member_structure_yearly
                   WHERE year <= $y)
        SELECT gender, age_band, sum(members) AS members
        FROM marts.fct_member_structure_yearly s JOIN marts.dim_org o USING (org_id)
        WHERE {cond} AND s.year = (SELECT year FROM y) GROUP BY 1, 2 ORDER BY 2, 1""", p)
