"""Queries for Tổng quan and Đảng viên: month-end indicators, the KPIs on the as-of day, flows by
period, the admission rate, structure.

Stocks are exact on a day and flows exact over dates (chibo/dashboard/queries/exact.py: the warehouse's
exact-day macros); month-end series read the monthly marts, whose stocks are those of each
month's last day. SQL runs through the gateway (chibo.dashboard.data); every function takes the
viewer's Scope first.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from chibo.dashboard.data import (
    Filters,
    Scope,
    add_months,
    cached,
    month_floor,
    org_condition,
    query,
    use_rollup,
)
from chibo.dashboard.queries import exact, subtree

PARTY_REASONS = exact.PARTY_REASONS
MEMBERS_ROLLUP, MEETINGS_ROLLUP = "agg_members_monthly", "agg_meetings_province_monthly"


def _membership_source(scope: Scope, f: Filters, rolled: bool = True
                       ) -> tuple[str, str, str, dict]:
    """(FROM clause with the dim_org columns as alias o, base organisations on the month's last
    day, condition, params): the province × sector rollup's own column, a picked organisation's
    rows of its subtree rollup (subtree.rolled_up; not without `rolled`), or dim_org's validity
    on the facts' path."""
    cond, p = org_condition(scope, f)
    if use_rollup(scope, f, MEMBERS_ROLLUP):
        return f"marts.{MEMBERS_ROLLUP} o", "sum(base_orgs)", cond, p
    picked = subtree.rolled_up(scope, f) if rolled else None
    if picked is not None:
        return (f"marts.{subtree.ROLLUP} o", "sum(base_orgs)", f"{picked[0]} AND o.org_id = $org",
                picked[1])
    return ("marts.fct_membership_monthly_by_key JOIN marts.dim_org o USING (org_key)", "NULL", cond, p)


def _meetings_source(scope: Scope, f: Filters) -> str:
    if use_rollup(scope, f, MEETINGS_ROLLUP):
        return f"marts.{MEETINGS_ROLLUP} o"
    return "marts.fct_meetings_monthly_by_key JOIN marts.dim_org o USING (org_key)"


@cached
def monthly_indicators(scope: Scope, f: Filters, first: dt.date, last: dt.date,
                       rolled: bool = True) -> pd.DataFrame:
    """One row per month in [first, last] (stocks on each month's last day, flows within it):
    month, base_orgs, cells, members, official, probationary, admitted, transferred_in,
    transferred_out, left_party, cells_lt3, good_fair, rated, present, expected. A picked
    organisation's membership is read from its subtree rollup (not without `rolled`: the path
    it is checked against), its meetings from the cells' facts."""
    cond, p = org_condition(scope, f)
    p.update(a=month_floor(first), b=month_floor(last))
    mem_src, base, mem_cond, mem_p = _membership_source(scope, f, rolled)
    p.update(mem_p)
    base_cte = ""
    if base == "NULL":  # the facts' path: base organisations existing on each month's last day
        base_cte = f""", bo AS (SELECT d.month, count(*) AS base_orgs FROM marts.dim_month d
                   JOIN marts.dim_org o ON coalesce(o.valid_from, DATE '1900-01-01') <= d.month_end
                    AND coalesce(o.valid_to, DATE '9999-12-31') > d.month_end
                   WHERE {cond} AND o.kind IN ('base_cell', 'base_committee')
                     AND d.month BETWEEN $a AND $b GROUP BY 1)"""
    return query(f"""
        WITH months AS (SELECT unnest(generate_series($a::DATE, $b::DATE, INTERVAL 1 MONTH))::DATE
                   AS month),
        mem AS (SELECT month, {base} AS base_orgs, sum(cells) AS cells,
                       sum(official + probationary) AS members, sum(official) AS official,
                       sum(probationary) AS probationary, sum(admitted) AS admitted,
                       sum(transferred_in) AS transferred_in,
                       sum(transferred_out) AS transferred_out, sum(left_party) AS left_party,
                       sum(cells_lt3) AS cells_lt3
                FROM {mem_src} WHERE {mem_cond} AND month BETWEEN $a AND $b
                GROUP BY month){base_cte},
        mt AS (SELECT month, sum(good + fair) AS good_fair, sum(good + fair + average + poor)
                      AS rated, sum(present) AS present, sum(expected) AS expected
               FROM {_meetings_source(scope, f)} WHERE {cond} AND month BETWEEN $a AND $b
               GROUP BY month)
        SELECT m.month, coalesce({'bo.base_orgs' if base_cte else 'mem.base_orgs'}, 0)
                   AS base_orgs, coalesce(mem.cells, 0) AS cells, mem.members, mem.official,
               mem.probationary, coalesce(mem.admitted, 0) AS admitted,
               coalesce(mem.transferred_in, 0) AS transferred_in,
               coalesce(mem.transferred_out, 0) AS transferred_out,
               coalesce(mem.left_party, 0) AS left_party, mem.cells_lt3, mt.good_fair, mt.rated,
               mt.present, mt.expected
        FROM months m LEFT JOIN mem USING (month) {'LEFT JOIN bo USING (month)' if base_cte else ''}
        LEFT JOIN mt USING (month) ORDER BY m.month""", p)


KPI_KEYS = ("base_orgs", "cells", "members", "admitted", "good_fair_share", "attendance",
            "cells_lt3")
_STOCKS = ("base_orgs", "cells", "members", "cells_lt3")


def kpi_dates(scope: Scope, f: Filters) -> dict | None:
    """The days the KPIs are for: as_of (the as-of day in the history), as_of_before (a year
    earlier, None before the history), first and last (the period in the history), first_before
    and last_before (a year earlier, None when it starts before the history); None when the
    scope has no data."""
    h = exact.history(scope)
    if h is None:
        return None
    d = exact.clamp_day(scope, f.as_of)
    a, b = exact.clamp_range(scope, f.start, f.end) or (d, d)
    a0, b0, d0 = exact.year_before(a), exact.year_before(b), exact.year_before(d)
    return {"as_of": d, "as_of_before": d0 if d0 >= h[0] else None, "first": a, "last": b,
            "first_before": a0 if a0 >= h[0] else None, "last_before": b0 if a0 >= h[0] else None}


def overview_kpis(scope: Scope, f: Filters) -> dict | None:
    """KPI values: {key: {value, previous, spark: DataFrame(month, value)}} for KPI_KEYS, and
    `_dates` (kpi_dates), or None when the scope has no data. Stocks are exact on the as-of day
    against the same day a year earlier; admissions cover exactly the period against the same
    dates a year earlier; meeting rates cover the period's months (the meeting marts are
    monthly) against the same months a year earlier. Sparklines: 24 month ends, the last point
    the as-of day."""
    days = kpi_dates(scope, f)
    if days is None:
        return None
    d, a, b = days["as_of"], days["first"], days["last"]
    now = exact.stocks_on(scope, f, d)
    before = exact.stocks_on(scope, f, days["as_of_before"]) if days["as_of_before"] else None
    admitted = exact.flows_between(scope, f, a, b)["admitted"]
    admitted_before = (exact.flows_between(scope, f, days["first_before"], days["last_before"])
                       ["admitted"] if days["first_before"] else None)
    m = month_floor(d)
    ma, mb = month_floor(a), month_floor(b)
    df = monthly_indicators(scope, f, min(add_months(ma, -12), add_months(m, -23)), max(mb, m))
    df = df.assign(month=pd.to_datetime(df["month"]).dt.date)

    def window(lo, hi):
        return df[(df["month"] >= lo) & (df["month"] <= hi)]

    def ratio(part, num, den):
        total = part[den].sum()
        return float(part[num].sum() / total) if total else None

    spark = window(add_months(m, -23), m).copy()
    meet_now, meet_before = window(ma, mb), window(add_months(ma, -12), add_months(mb, -12))
    out = {}
    for key in KPI_KEYS:
        if key in _STOCKS:
            value, prev = now[key], (before[key] if before else None)
            series = spark[key].astype("float64").where(spark["month"] < m, value)
        elif key == "admitted":
            value, prev, series = admitted, admitted_before, spark["admitted"]
        else:
            num, den = ("good_fair", "rated") if key == "good_fair_share" else ("present",
                                                                                "expected")
            value, prev = ratio(meet_now, num, den), ratio(meet_before, num, den)
            series = spark[num] / spark[den].where(spark[den] > 0)
        out[key] = {"value": value, "previous": prev,
                    "spark": pd.DataFrame({"month": spark["month"], "value": series.values})}
    out["_dates"] = days
    return out


def flows(scope: Scope, f: Filters, grain: str = "month") -> pd.DataFrame:
    """Stocks and flows by month or year of the chosen dates, each cut to them (exact.by_period):
    period, first, last, full, months (months the period touches), members_before, official,
    probationary, members (on its last day), admitted, transferred_in, transferred_out,
    left_party, left_<reason> for PARTY_REASONS, left, net_change (= members − members_before)."""
    df = exact.by_period(scope, f, "year" if grain == "year" else "month")
    return df[[
        "period", "first", "last", "full", "months", "members_before", "official",
        "probationary", "members", "admitted", "transferred_in", "transferred_out", "left_party",
        *(f"left_{r}" for r in PARTY_REASONS), "left", "net_change"]]


def admission_rate(scope: Scope, f: Filters) -> pd.DataFrame:
    """Per year of the chosen dates, cut to them: year (first day), first, last, full, months,
    admitted (over [first, last]), members_before (members on the day before first), rate (admitted /
    members_before; NaN when there is no stock before, e.g. at the start of the history)."""
    df = exact.by_period(scope, f, "year")
    out = df[["period", "first", "last", "full", "months", "admitted", "members_before"]].rename(
        columns={"period": "year"})
    return out.assign(rate=out["admitted"] / out["members_before"].where(
        out["members_before"] > 0).astype("float64"))


@cached
def structure(scope: Scope, f: Filters) -> pd.DataFrame:
    """Age and gender structure for the year of the as-of date: gender, age_band, members. The
    org_key of the year's rows is filtered by the selected keys (none when nothing narrows them),
    never joined to dim_org row by row."""
    cond, p = subtree.keys_in(scope, f, "s.org_key")
    p["y"] = f.as_of.year
    return query(f"""
        WITH y AS (SELECT max(year) AS year FROM marts.fct_member_structure_yearly_by_key
                   WHERE year <= $y)
        SELECT gender, age_band, sum(members) AS members
        FROM marts.fct_member_structure_yearly_by_key s
        WHERE {cond} AND s.year = (SELECT year FROM y) GROUP BY 1, 2 ORDER BY 2, 1""", p)
