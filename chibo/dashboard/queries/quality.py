"""Queries for Chất lượng sinh hoạt (meeting quality): levels, score, attendance, kinds, online
share by period, the province × month heatmap, and three watch lists of cells.

Aggregates read the rollup marts.agg_meetings_province_monthly unless the scope or the filters
name organisation subtrees (then the facts); watch lists read marts.cell_quality_trend,
marts.cell_missed_regular and marts.cell_poor_12m (the facts in a file built before them).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from chibo.dashboard.data import (
    Filters,
    Scope,
    add_months,
    cached,
    data_bounds,
    month_floor,
    org_condition,
    province_column,
    query,
    table_exists,
    use_rollup,
)

MEETING_SUMS = ("regular_held", "thematic_held", "online_held", "hybrid_held", "expected",
                "present", "good", "fair", "average", "poor", "score_sum", "scored")
FALL_POINTS = 5.0  # a cell is "falling" when its last-6-month mean is this many points lower
POOR_MIN = 2  # poor meetings in the last 12 months that put a cell on the watch list
WATCH = "cell_poor_12m"  # the months cells with at least two poor meetings in 12 are listed


ROLLUP = "agg_meetings_province_monthly"
TREND = "cell_quality_trend"
MISSED = "cell_missed_regular"  # the cell-months without a regular meeting


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
            f" FROM marts.fct_meetings_monthly f JOIN marts.dim_org o USING (org_id) WHERE {cond}) a",
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


def _limit(f: Filters, p: dict) -> str:
    """`LIMIT $limit` when filters.extra holds the grid's `limit` (the first rows of the list,
    whose order ends on the unique org_id: a grid fetches only what it shows), else nothing."""
    limit = dict(f.extra).get("limit")
    if limit is None:
        return ""
    p["limit"] = int(limit)
    return "LIMIT $limit"


def window_end(scope: Scope, f: Filters) -> dt.date | None:
    """The last month of the period that has data (the period end, clamped to the last loaded)."""
    bounds = data_bounds(scope)
    if bounds is None:
        return None
    return max(min(month_floor(f.end), bounds[1]), bounds[0])


def _cells(scope: Scope, f: Filters, listed: str | None = None) -> tuple[str, dict]:
    """CTE `c`: the cells in scope with their name, base organisation and province names; only
    those of `listed` when given (a table or CTE with org_id, as text or coded: the few cells a
    watch list shows, named without naming every cell first)."""
    cond, p = org_condition(scope, f)
    col = province_column(f)
    among = f"AND o.org_id IN (SELECT CAST(org_id AS VARCHAR) FROM {listed})" if listed else ""
    return (f"""c AS (SELECT o.org_id, o.name,
                       CASE WHEN o.base_org_id <> o.org_id THEN b.name END AS base_org,
                       d.name AS province
                FROM marts.dim_org o LEFT JOIN marts.dim_org b ON b.org_id = o.base_org_id
                LEFT JOIN marts.dim_province d ON d.province_code = o.{col}
                WHERE {cond} AND o.kind IN ('base_cell', 'sub_cell') {among})""", p)


@cached
def missed_regular(scope: Scope, f: Filters, months: int = 3, counted: bool = False
                   ) -> pd.DataFrame:
    """Cells that report meetings but held no regular meeting in some of the last `months` months
    of the period: org_id, name, base_org, province, missed (months), months, last_regular
    (month of the last regular meeting on record), ordered by missed, worst first.

    The months are read from marts.cell_missed_regular (the cell-months without a regular
    meeting, precomputed) when the warehouse has it, else (or with `counted`: the path it is
    checked against) counted on the facts' coded ids (a cell-month with no regular meeting is an
    anti-join of two small windows of the facts); only the cells that missed one are then named:
    no hash table of every cell's names is built (at national scale that needed more than the
    dashboard's memory limit). At most filters.extra `limit` rows (the grid's first)."""
    end = window_end(scope, f)
    if end is None:
        return pd.DataFrame(columns=["org_id", "name", "base_org", "province", "missed",
                                     "months", "last_regular"])
    cells, p = _cells(scope, f, "missed")
    p.update(a=add_months(end, 1 - months), b=end, n=months)
    if end >= trend_as_of(scope):  # the mart knows each cell's last regular meeting
        last = "SELECT org_id, last_regular_month AS last_regular FROM marts.cell_quality_trend"
    else:
        last = ("SELECT m.org_id, max(m.month) AS last_regular FROM marts.fct_meetings_monthly m"
                " WHERE m.org_id IN (SELECT org_id FROM missed) AND m.regular_held > 0"
                " AND m.month <= $b GROUP BY m.org_id")
    return query(f"""
        WITH {_missed_months(scope, f, counted)},
        {cells},
        last_regular AS ({last})
        SELECT c.org_id, c.name, c.base_org, c.province, missed.missed, $n AS months,
               l.last_regular
        FROM missed JOIN c USING (org_id) LEFT JOIN last_regular l USING (org_id)
        ORDER BY missed.missed DESC, l.last_regular NULLS FIRST, c.name, c.org_id
        {_limit(f, p)}""", p)


def _missed_months(scope: Scope, f: Filters, counted: bool = False) -> str:
    """CTE `missed`: org_id (coded) and missed, the months in [$a, $b] a cell held no regular
    meeting, from marts.cell_missed_regular (every cell: `c` keeps those in scope) or, without
    it or with `counted`, counted on the facts of the cells in scope and filters."""
    if not counted and table_exists(scope, MISSED):
        return (f"missed AS (SELECT m.org_id, count(*) AS missed FROM marts.{MISSED} m"
                " WHERE m.month BETWEEN $a AND $b GROUP BY m.org_id)")
    cond, _same = org_condition(scope, f)  # the scope and filters, on ids only (no names)
    spans = "marts.cell_quality_trend" if table_exists(scope, TREND) else (
        "(SELECT org_id, min(month) AS first_month FROM marts.fct_meetings_monthly GROUP BY 1)")
    return f"""ids AS (SELECT o.org_id FROM marts.dim_org o
                     WHERE {cond} AND o.kind IN ('base_cell', 'sub_cell')),
        w AS (SELECT g.org_id, g.month FROM marts.fct_membership_monthly g
              JOIN ids USING (org_id) JOIN {spans} t USING (org_id)
              WHERE g.month BETWEEN $a AND $b AND g.month >= t.first_month AND g.cells = 1),
        held AS (SELECT org_id, month FROM marts.fct_meetings_monthly
                 WHERE month BETWEEN $a AND $b AND regular_held > 0),
        missed AS (SELECT w.org_id, count(*) AS missed FROM w
                   WHERE NOT EXISTS (SELECT 1 FROM held h WHERE h.org_id = w.org_id
                                     AND h.month = w.month) GROUP BY w.org_id)"""


@cached
def trend_as_of(scope: Scope) -> dt.date:
    """The month marts.cell_quality_trend is computed as of (far future when it is missing)."""
    if not table_exists(scope, TREND):
        return dt.date(2100, 1, 1)
    df = query("SELECT max(as_of_month) AS m FROM marts.cell_quality_trend")
    m = df["m"].iloc[0]
    return dt.date(2100, 1, 1) if pd.isna(m) else pd.Timestamp(m).date()


@cached
def falling_cells(scope: Scope, f: Filters) -> pd.DataFrame:
    """Cells whose mean score of the last 6 months is at least FALL_POINTS below the 6 before, as
    of the last loaded month: org_id, name, base_org, province, score_prev6, score_last6,
    score_change, slope_12m (points a month), as_of_month; steepest fall first."""
    cells, p = _cells(scope, f, f"marts.{TREND} WHERE score_change <= $fall")
    p["fall"] = -FALL_POINTS
    if not table_exists(scope, TREND):
        return pd.DataFrame(columns=["org_id", "name", "base_org", "province", "score_prev6",
                                     "score_last6", "score_change", "slope_12m", "as_of_month"])
    return query(f"""
        WITH {cells}
        SELECT c.org_id, c.name, c.base_org, c.province, round(t.score_prev6, 1) AS score_prev6,
               round(t.score_last6, 1) AS score_last6, round(t.score_change, 1) AS score_change,
               round(t.slope_12m, 2) AS slope_12m, t.as_of_month
        FROM marts.cell_quality_trend t JOIN c USING (org_id)
        WHERE t.score_change <= $fall ORDER BY t.score_change, c.name, c.org_id
        {_limit(f, p)}""", p)


@cached
def poor_cells(scope: Scope, f: Filters) -> pd.DataFrame:
    """Cells with at least POOR_MIN meetings rated poor in the 12 months up to the period end:
    org_id, name, base_org, province, poor, rated, last_poor (month); most poor first. Read from
    marts.cell_poor_12m (the months each cell is listed) when the warehouse has it."""
    end = window_end(scope, f)
    if end is None:
        return pd.DataFrame(columns=["org_id", "name", "base_org", "province", "poor", "rated",
                                     "last_poor"])
    listed = POOR_MIN >= 2 and table_exists(scope, WATCH)
    return (poor_listed if listed else poor_counted)(scope, f, end)


def poor_listed(scope: Scope, f: Filters, last: dt.date) -> pd.DataFrame:
    """poor_cells from marts.cell_poor_12m: the cells listed at the month `last`."""
    cells, p = _cells(scope, f, f"marts.{WATCH} WHERE month = $b AND poor >= $k")
    p.update(b=last, k=POOR_MIN)
    return query(f"""
        WITH {cells}
        SELECT c.org_id, c.name, c.base_org, c.province, w.poor, w.rated, w.last_poor
        FROM marts.{WATCH} w JOIN c USING (org_id)
        WHERE w.month = $b AND w.poor >= $k
        ORDER BY w.poor DESC, w.last_poor DESC, c.name, c.org_id {_limit(f, p)}""", p)


def poor_counted(scope: Scope, f: Filters, last: dt.date) -> pd.DataFrame:
    """poor_cells counted from the 12 months of marts.fct_meetings_monthly up to the month `last`."""
    cells, p = _cells(scope, f)
    p.update(a=add_months(last, -11), b=last, k=POOR_MIN)
    return query(f"""
        WITH {cells}
        SELECT c.org_id, any_value(c.name) AS name, any_value(c.base_org) AS base_org,
               any_value(c.province) AS province, CAST(sum(m.poor) AS INTEGER) AS poor,
               CAST(sum(m.good + m.fair + m.average + m.poor) AS INTEGER) AS rated,
               max(m.month) FILTER (WHERE m.poor > 0) AS last_poor
        FROM marts.fct_meetings_monthly m JOIN c USING (org_id)
        WHERE m.month BETWEEN $a AND $b GROUP BY c.org_id HAVING sum(m.poor) >= $k
        ORDER BY poor DESC, last_poor DESC, name, c.org_id {_limit(f, p)}""", p)
