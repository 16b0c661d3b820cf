"""The three watch lists of cells on Chất lượng sinh hoạt: cells that missed regular meetings,
cells whose meeting score is falling, cells with poor meetings.

They read marts.cell_missed_regular, marts.cell_quality_trend and marts.cell_poor_12m (the facts
in a file built before them). Each list is paged in SQL (queries/paging.py): its rows are listed
by cell id, in the viewer's scope and the filters, and only the block a grid asks for is named
(cell, base organisation, province) unless the grid sorts or filters by one of those names.
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
    grid_page,
    has_column,
    month_floor,
    org_condition,
    province_column,
    query,
    table_exists,
)
from chibo.dashboard.queries import paging

FALL_POINTS = 5.0  # a cell is "falling" when its last-6-month mean is this many points lower
POOR_MIN = 2  # poor meetings in the last 12 months that put a cell on the watch list
WATCH = "cell_poor_12m"  # the months cells with at least two poor meetings in 12 are listed
TREND = "cell_quality_trend"
MISSED = "cell_missed_regular_by_key"  # the cell-months without a regular meeting
NAMED = ("name", "base_org", "province")  # the columns named from marts.dim_org


def window_end(scope: Scope, f: Filters) -> dt.date | None:
    """The last month of the period that has data (the period end, clamped to the last loaded)."""
    bounds = data_bounds(scope)
    if bounds is None:
        return None
    return max(min(month_floor(f.end), bounds[1]), bounds[0])


def _cells(scope: Scope, f: Filters, listed: str) -> tuple[str, dict]:
    """CTE `c`: the cells of `listed` (a table or CTE with org_id as text, or paging.LISTED) in
    scope, with their name, base organisation and province names: only the cells a list shows
    are named, never every cell. The base organisation's name is read on the cell's own row
    (dim_org.base_org_name); a file built before that column joins dim_org with itself (a hash
    table of every organisation's name, whatever the few cells named)."""
    cond, p = org_condition(scope, f)
    col = province_column(f)
    own = has_column(scope, "dim_org", "base_org_name")
    base, join = (("o.base_org_name", "") if own else
                  ("b.name", "LEFT JOIN marts.dim_org b ON b.org_id = o.base_org_id"))
    return (f"""c AS (SELECT o.org_id, o.name,
                       CASE WHEN o.base_org_id <> o.org_id THEN {base} END AS base_org,
                       d.name AS province
                FROM marts.dim_org o {join}
                LEFT JOIN marts.dim_province d ON d.province_code = o.{col}
                WHERE {cond} AND o.kind IN ('base_cell', 'sub_cell')
                      AND {paging.among(listed, 'o.org_id')})""", p)


def _in_scope(scope: Scope, f: Filters, column: str, by: str = "org_id") -> tuple[str, dict]:
    """Condition keeping the rows whose `column` (an org_id; with `by="org_key"` a key of
    dim_org) is a cell in scope and filters, on ids or keys only (TRUE when neither narrows
    anything), with its params."""
    cond, p = org_condition(scope, f)
    if cond == "TRUE":
        return "TRUE", p
    return (f"{column} IN (SELECT o.{by} FROM marts.dim_org o WHERE {cond}"
            " AND o.kind IN ('base_cell', 'sub_cell'))", p)


def _block(scope: Scope, f: Filters, p: dict, *, ctes: str = "", keys: str, default: tuple,
           columns: str) -> str:
    """The SQL of the block of a watch list the grid asks for (every row without one): `keys`
    lists the cells (org_id and the unnamed columns), `default` its order, `columns` its columns."""
    return paging.block(grid_page(f), ctes=ctes, keys=keys, p=p, named=NAMED, default=default,
                        names=lambda listed: _cells(scope, f, listed)[0], columns=columns,
                        lang=dict(f.extra).get("lang", "vi"), apart=True)


@cached
def missed_regular(scope: Scope, f: Filters, months: int = 3, counted: bool = False
                   ) -> pd.DataFrame:
    """Cells that report meetings but held no regular meeting in some of the last `months` months
    of the period: org_id, name, base_org, province, missed (months), months, last_regular
    (month of the last regular meeting on record), ordered by missed, worst first.

    The months are read from marts.cell_missed_regular (the cell-months without a regular
    meeting, precomputed) when the warehouse has it, else (or with `counted`: the path it is
    checked against) counted on the facts' coded ids (a cell-month with no regular meeting is an
    anti-join of two small windows of the facts); only the cells of the block shown are then
    named: no hash table of every cell's names is built (at national scale that needed more than
    the dashboard's memory limit)."""
    end = window_end(scope, f)
    if end is None:
        return pd.DataFrame(columns=["org_id", "name", "base_org", "province", "missed",
                                     "months", "last_regular"])
    within, p = _in_scope(scope, f, "m.org_key", by="org_key")
    p.update(a=add_months(end, 1 - months), b=end, n=months)
    if end >= trend_as_of(scope):  # the mart knows each cell's last regular meeting
        last = "SELECT org_id, last_regular_month AS last_regular FROM marts.cell_quality_trend"
    else:
        last = ("SELECT o.org_id, m.last_regular FROM (SELECT org_key, max(month) AS last_regular"
                " FROM marts.fct_meetings_monthly_by_key WHERE org_key IN (SELECT org_key FROM"
                " missed) AND regular_held > 0 AND month <= $b GROUP BY org_key) m"
                " JOIN marts.dim_org o USING (org_key)")
    return paging.run(scope, _block(
        scope, f, p, ctes=f"{_missed_months(scope, f, counted)}, last_regular AS ({last})",
        keys=f"""SELECT CAST(m.org_id AS VARCHAR) AS org_id, m.missed, $n AS months,
                        l.last_regular
                 FROM missed m LEFT JOIN last_regular l ON l.org_id = m.org_id WHERE {within}""",
        default=("missed DESC", "last_regular ASC NULLS FIRST", "org_id"),
        columns="org_id, name, base_org, province, missed, months, last_regular"), p, grid_page(f))


def _missed_months(scope: Scope, f: Filters, counted: bool = False) -> str:
    """CTE `missed`: org_id, org_key and missed, the months in [$a, $b] a cell held no regular
    meeting, from marts.cell_missed_regular (every cell: the keys keep those in scope) or,
    without it or with `counted`, counted on the facts of the cells in scope and filters."""
    if not counted and table_exists(scope, MISSED):
        return (f"missed AS (SELECT o.org_id, o.org_key, m.missed FROM (SELECT org_key,"
                f" count(*) AS missed FROM marts.{MISSED} WHERE month BETWEEN $a AND $b"
                " GROUP BY org_key) m"
                " JOIN marts.dim_org o USING (org_key))")
    cond, _same = org_condition(scope, f)  # the scope and filters, on ids only (no names)
    spans = "marts.cell_quality_trend" if table_exists(scope, TREND) else (
        "(SELECT o.org_id, min(m.month) AS first_month FROM marts.fct_meetings_monthly_by_key m"
        " JOIN marts.dim_org o USING (org_key) GROUP BY 1)")
    return f"""ids AS (SELECT o.org_id, o.org_key FROM marts.dim_org o
                     WHERE {cond} AND o.kind IN ('base_cell', 'sub_cell')),
        w AS (SELECT ids.org_id, g.org_key, g.month FROM marts.fct_membership_monthly_by_key g
              JOIN ids USING (org_key) JOIN {spans} t ON t.org_id = ids.org_id
              WHERE g.month BETWEEN $a AND $b AND g.month >= t.first_month AND g.cells = 1),
        held AS (SELECT org_key, month FROM marts.fct_meetings_monthly_by_key
                 WHERE month BETWEEN $a AND $b AND regular_held > 0),
        missed AS (SELECT w.org_id, w.org_key, count(*) AS missed FROM w
                   WHERE NOT EXISTS (SELECT 1 FROM held h WHERE h.org_key = w.org_key
                                     AND h.month = w.month) GROUP BY w.org_id, w.org_key)"""


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
    if not table_exists(scope, TREND):
        return pd.DataFrame(columns=["org_id", "name", "base_org", "province", "score_prev6",
                                     "score_last6", "score_change", "slope_12m", "as_of_month"])
    within, p = _in_scope(scope, f, "t.org_id")
    p["fall"] = -FALL_POINTS
    return paging.run(scope, _block(
        scope, f, p,
        keys=f"""SELECT CAST(t.org_id AS VARCHAR) AS org_id, round(t.score_prev6, 1) AS score_prev6,
                        round(t.score_last6, 1) AS score_last6,
                        round(t.score_change, 1) AS score_change,
                        round(t.slope_12m, 2) AS slope_12m, t.as_of_month,
                        t.score_change AS change_exact
                 FROM marts.cell_quality_trend t WHERE t.score_change <= $fall AND {within}""",
        default=("change_exact ASC", "org_id"),
        columns="org_id, name, base_org, province, score_prev6, score_last6, score_change,"
                " slope_12m, as_of_month"), p, grid_page(f))


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


_POOR = dict(default=("poor DESC", "last_poor DESC NULLS LAST", "org_id"),
             columns="org_id, name, base_org, province, poor, rated, last_poor")


def poor_listed(scope: Scope, f: Filters, last: dt.date) -> pd.DataFrame:
    """poor_cells from marts.cell_poor_12m: the cells listed at the month `last`."""
    within, p = _in_scope(scope, f, "w.org_id")
    p.update(b=last, k=POOR_MIN)
    return paging.run(scope, _block(scope, f, p, keys=f"""
        SELECT CAST(w.org_id AS VARCHAR) AS org_id, w.poor, w.rated, w.last_poor
        FROM marts.{WATCH} w WHERE w.month = $b AND w.poor >= $k AND {within}""", **_POOR),
        p, grid_page(f))


def poor_counted(scope: Scope, f: Filters, last: dt.date) -> pd.DataFrame:
    """poor_cells counted from the 12 months of marts.fct_meetings_monthly up to the month `last`."""
    within, p = _in_scope(scope, f, "m.org_key", by="org_key")
    p.update(a=add_months(last, -11), b=last, k=POOR_MIN)
    return paging.run(scope, _block(scope, f, p, keys=f"""
        SELECT o.org_id, m.poor, m.rated, m.last_poor
        FROM (SELECT org_key, CAST(sum(poor) AS INTEGER) AS poor,
                     CAST(sum(good + fair + average + poor) AS INTEGER) AS rated,
                     max(month) FILTER (WHERE poor > 0) AS last_poor
              FROM marts.fct_meetings_monthly_by_key WHERE month BETWEEN $a AND $b
              GROUP BY org_key HAVING sum(poor) >= $k) m JOIN marts.dim_org o USING (org_key)
        WHERE {within}""", **_POOR), p, grid_page(f))
