"""The table of base organisations (Tổ chức): their cells, members and official members on the
as-of day, admissions over the chosen dates, meetings over the period's months and latest rating.

Stocks, ratings and admissions are read from marts.agg_base_org_members (per base organisation:
the stocks and latest rating on the day rollups' days, the admissions per month) when the as-of
day is one of those days and the chosen dates cover whole months of the history; otherwise they
are summed over the cells of the selected base organisations from marts.cell_stocks_on and
marts.cell_flows_between, the ratings read from fct_assessment_yearly. Both give the same numbers.
The grid asks for one block of rows (filters.extra `page`, queries/paging.py): those rows are
chosen first (largest first, or in the grid's order of a stock column) and only theirs are summed
further."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from chibo.dashboard.data import Filters, Scope, grid_page, month_floor, org_condition, table_exists
from chibo.dashboard.queries import exact, paging

ROLLUP = "agg_base_org_members_by_key"


def table_rows(scope: Scope, f: Filters, rolled: bool = True) -> pd.DataFrame:
    """Base organisations in scope and filters: org_id, name, kind, sector, province, cells,
    members and official (exact on the as-of day), admitted (exactly over the chosen dates),
    good_fair_share and attendance (the period's months, fractions; the rollup
    marts.agg_base_org_monthly), rating (latest annual rating up to the as-of year), largest
    first. Without `rolled` never read from marts.agg_base_org_members (the path it is checked
    against). When the scope or filters narrow the organisations (a picked organisation's
    subtree, a province…), the base organisations are resolved first and only their rows are
    summed."""
    d = exact.clamp_day(scope, f.as_of)
    cond, p = org_condition(scope, f)
    p.update(a=month_floor(f.start), b=f.end)
    page, lang = grid_page(f), dict(f.extra).get("lang", "vi")

    def of_bo(column: str, by: str = "org_id") -> str:  # TRUE when nothing narrows them
        return f"{column} IN (SELECT {by} FROM bo)" if cond != "TRUE" else "TRUE"

    months = _whole_months(scope, f, d) if rolled else None
    if months is not None:
        p.update(m0=months[0], m1=months[1], dm=month_floor(d))
        stock = f"""
        stock AS (SELECT base_org_key AS org_key, CAST(cells AS HUGEINT) AS cells,
                         CAST(members AS HUGEINT) AS members,
                         CAST(official AS HUGEINT) AS official, rating  -- the types of sums
                  FROM marts.{ROLLUP} WHERE month = $dm AND cells > 0
                       AND {of_bo('base_org_key', 'org_key')}),"""
        adm = f"""
        adm AS (SELECT base_org_key AS org_key, sum(admitted) AS admitted
                FROM marts.{ROLLUP} WHERE month >= $m0 AND month < $m1
                     AND base_org_key IN (SELECT org_key FROM shown) GROUP BY 1),"""
        rating = "rating AS (SELECT org_id, rating FROM shown)"
        key = "org_key"  # the rollups' rows of the shown ones picked by dim_org's key
    else:
        p.update(d=d, a0=f.start, b0=f.end, y=f.as_of.year)
        stock = f"""
        cells AS (SELECT c.org_key, c.base_org_id FROM marts.dim_org c
                  WHERE c.kind IN ('base_cell', 'sub_cell') AND {of_bo('c.base_org_id')}),
        stock AS (SELECT c.base_org_id AS org_id, sum(x.cells) AS cells,
                         sum(x.official + x.probationary) AS members, sum(x.official) AS official
                  FROM marts.cell_stocks_on_by_key($d) x JOIN cells c USING (org_key)
                  GROUP BY 1 HAVING sum(x.cells) > 0),"""
        adm = f"""
        adm AS (SELECT c.base_org_id AS org_id, sum(x.admitted) AS admitted
                FROM marts.cell_flows_between_by_key($a0, $b0) x JOIN cells c USING (org_key)
                WHERE {_SHOWN.format('c.base_org_id')} GROUP BY 1),"""
        rating = f"""rating AS (SELECT org_id, arg_max(rating, year) AS rating
                   FROM marts.fct_assessment_yearly
                   WHERE year <= $y AND {_SHOWN.format('org_id')} GROUP BY 1)"""
        key = "org_id"
    # the rows shown are chosen first (largest first, the grid's block), then only theirs are
    # summed; a page sorted or filtered by a summed column sums every row before the cut
    late = paging.needs(page, LATE)
    order = paging.order_by(page, ("members DESC", "name", "org_id"), p, lang)
    cut = (f"WHERE {paging.where(page, p, lang)} ORDER BY {order} {paging.window(page, p)}",
           f"ORDER BY {order}")  # (the cut, the order alone)
    return paging.run(scope, f"""
        WITH bo AS (SELECT o.org_id, o.org_key, o.name, o.kind, o.sector, o.province_code_current
                    FROM marts.dim_org o
                    WHERE {cond} AND o.kind IN ('base_cell', 'base_committee')),
        {stock}
        shown AS MATERIALIZED (
            SELECT *, count(*) OVER () AS {paging.TOTAL}
            FROM (SELECT bo.*, stock.* EXCLUDE ({key}), p.name AS province
                  FROM bo JOIN stock USING ({key})
                  LEFT JOIN marts.dim_province p ON p.province_code = bo.province_code_current)
            {'' if late else cut[0]}),
        {adm}
        period AS (SELECT base_org_key AS org_key,
                          sum(good_fair) / nullif(sum(rated), 0) AS good_fair_share,
                          sum(present) / nullif(sum(expected), 0) AS attendance
                   FROM marts.agg_base_org_monthly_by_key
                   WHERE month BETWEEN $a AND $b AND base_org_key IN (SELECT org_key FROM shown)
                   GROUP BY 1),
        {rating},
        listed AS (SELECT s.org_id, s.name, s.kind, s.sector, s.province, s.cells, s.members,
                        s.official, coalesce(adm.admitted, 0) AS admitted,
                        period.good_fair_share, period.attendance, rating.rating,
                        s.{paging.TOTAL}
                 FROM shown s LEFT JOIN adm USING ({key})
                 LEFT JOIN period USING (org_key)
                 LEFT JOIN rating USING (org_id))
        SELECT * {f"REPLACE (count(*) OVER () AS {paging.TOTAL})" if late else ""}
        FROM listed {cut[0] if late else cut[1]}""", p, page)


LATE = ("admitted", "good_fair_share", "attendance", "rating")  # summed for the rows shown
_SHOWN = "{} IN (SELECT org_id FROM shown)"


def _whole_months(scope: Scope, f: Filters, d: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """(first month, month after the last) of admissions marts.agg_base_org_members answers for,
    or None when it cannot: it is missing, the as-of day `d` is not a day of the day rollups (or
    not in the as-of year, whose ratings the table shows), or the chosen dates cut a month of the
    history (its days are only in the daily marts). A date outside the history cuts nothing: no
    cell has facts there."""
    h = exact.history(scope)
    if d is None or h is None or d not in exact.rollup_days(scope) or d.year != f.as_of.year:
        return None
    a0, b0 = f.start, f.end
    whole_start = a0.day == 1 or a0 <= h[0]
    whole_end = b0 == exact.month_end(b0) or b0 >= h[1]
    if not (whole_start and whole_end and table_exists(scope, ROLLUP)):
        return None
    # the whole months of [a0, b0]: first_full(a0) <= month < after_full(b0) (exact_days.sql)
    first = a0 if a0.day == 1 else exact.month_end(a0) + dt.timedelta(days=1)
    return first, month_floor(b0 + dt.timedelta(days=1))
