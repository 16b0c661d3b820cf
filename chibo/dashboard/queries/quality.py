"""Queries for Chất lượng sinh hoạt (meeting quality): levels, score, attendance, kinds, online
share by period and the province × month heatmap (the watch lists of cells: watch_lists.py).

Aggregates read the rollup marts.agg_meetings_province_monthly unless the scope or the filters
name organisation subtrees (then the facts).
"""

from __future__ import annotations

import pandas as pd

from chibo.dashboard.data import (
    Filters,
    Scope,
    cached,
    month_floor,
    org_condition,
    province_column,
    query,
    use_rollup,
)

MEETING_SUMS = ("regular_held", "thematic_held", "online_held", "hybrid_held", "expected",
                "present", "good", "fair", "average", "poor", "score_sum", "scored")
ROLLUP = "agg_meetings_province_monthly"


def meetings_source(scope: Scope, f: Filters) -> tuple[str, str, dict]:
    """(FROM clause aliased `a`, condition, params) giving province × month meeting sums with the
    columns month, province_code, province_code_old, province_code_current, region, sector and
    MEETING_SUMS.
    The rollup serves unless an organisation subtree is involved (or the file predates it)."""
    if use_rollup(scope, f, ROLLUP):
        cond, p = org_condition(scope, f, alias="a")
        return "marts.agg_meetings_province_monthly a", cond, p
    cond, p = org_condition(scope, f)
    sums = ", ".join(f"f.{c}" for c in MEETING_SUMS)
    return (f"(SELECT f.month, o.province_code, o.province_code_old, o.province_code_current,"
            f" o.region, o.sector, {sums}"
            f" FROM marts.fct_meetings_monthly_by_key f JOIN marts.dim_org o USING (org_key) WHERE {cond}) a",
            "TRUE", p)


def add_rates(df: pd.DataFrame) -> pd.DataFrame:
    """Derived columns from the sums: meetings, rated, mean_score, attendance, online_share,
    good_fair_share (NaN where the denominator is zero)."""
    def ratio(num, den):
        return num / den.where(den > 0)

    meetings = df["regular_held"] + df["thematic_held"]
    rated = df["good"] + df["fair"] + df["average"] + df["poor"]
    return df.assign(meetings=meetings, rated=rated,
                     mean_score=ratio(df["score_sum"], df["scored"]),
                     attendance=ratio(df["present"], df["expected"]),
                     online_share=ratio(df["online_held"] + df["hybrid_held"], meetings),
                     good_fair_share=ratio(df["good"] + df["fair"], rated))


@cached
def by_period(scope: Scope, f: Filters, grain: str = "month") -> pd.DataFrame:
    """Per month or quarter in the period: period (DATE, first day), months (with data, inside the
    period), MEETING_SUMS, and the rates of `add_rates` (meetings, rated, mean_score, attendance,
    online_share, good_fair_share)."""
    src, cond, p = meetings_source(scope, f)
    p.update(a=month_floor(f.start), b=f.end)
    unit = "quarter" if grain == "quarter" else "month"
    sums = ", ".join(f"sum({c}) AS {c}" for c in MEETING_SUMS)
    df = query(f"SELECT date_trunc('{unit}', month)::DATE AS period,"
               f" count(DISTINCT month) AS months, {sums} FROM {src}"
               f" WHERE {cond} AND month BETWEEN $a AND $b GROUP BY 1 ORDER BY 1", p)
    df[list(MEETING_SUMS)] = df[list(MEETING_SUMS)].astype("float64")
    return add_rates(df)


def heat_unit(f: Filters) -> str:
    """Columns of the heatmap: months up to 3 years, quarters up to 8 years, then years."""
    months = (f.end.year - f.start.year) * 12 + f.end.month - f.start.month + 1
    return "month" if months <= 36 else ("quarter" if months <= 96 else "year")


@cached
def province_month(scope: Scope, f: Filters) -> pd.DataFrame:
    """Province × month (quarter or year for long periods, see `heat_unit`) in the period:
    province_code (old codes when f.old_boundaries, else current), name, month (first day of
    the column), the sums, and the rates of `add_rates`. Provinces without meetings are absent."""
    src, cond, p = meetings_source(scope, f)
    p.update(a=month_floor(f.start), b=f.end, cur=not f.old_boundaries)
    col = province_column(f)
    sums = ", ".join(f"sum(a.{c}) AS {c}" for c in MEETING_SUMS)
    df = query(f"""
        SELECT a.{col} AS province_code, any_value(d.name) AS name,
               date_trunc('{heat_unit(f)}', a.month)::DATE AS month, {sums}
        FROM {src} JOIN marts.dim_province d ON d.province_code = a.{col} AND d.is_current = $cur
        WHERE {cond} AND a.month BETWEEN $a AND $b GROUP BY 1, 3
        ORDER BY name, month""", p)
    df[list(MEETING_SUMS)] = df[list(MEETING_SUMS)].astype("float64")
    return add_rates(df)
