"""Exact days for every page: stocks on a day and flows over exact dates, read through the
warehouse's own table macros (README "Exact days": `marts.stocks_on(D)`, `marts.flows_between(A,
B)` over the province × sector rollups; per cell their twins by key `marts.cell_stocks_on_by_key(D)`
and `marts.cell_flows_between_by_key(A, B)`, joined to dim_org by org_key for organisation
subtrees), never restated here. Every function takes the viewer's Scope first and applies it with
the filters (data.org_condition).

A day is clamped to the history: the first day of the first month with a cell and the last day
of the last loaded month (`clamp_day`). A year earlier is the same day one year before
(`year_before`; 29/02 → 28/02). Periods of a series (`periods`) are months or years cut to the
chosen dates, so the first and last may be partial; every figure of a period is exact for it. A
series (`by_period`) asks for all its days and periods at once through the many-day macros
(`marts.stock_parts_on_days`, `marts.flow_parts_over`, per cell by key
`marts.cell_stock_changes_on_days_by_key`, `marts.cell_flow_parts_over_by_key`), one pass over
the marts whatever the number of periods. A picked organisation whose subtree the warehouse
rolled up (marts.agg_subtree_monthly, see subtree.rolled_up) is read from that rollup and its
cells' days (`marts.subtree_stock_parts_on_days`, `marts.subtree_flow_parts_over`) instead of the
facts of all its cells, with the same results.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from chibo.dashboard.data import Filters, Scope, cached, data_bounds, org_condition, query, use_rollup
from chibo.dashboard.queries import subtree

STOCKS = ("members", "official", "probationary", "female", "cells", "cells_lt3", "base_orgs")
FLOWS = ("admitted", "transferred_in", "transferred_out", "left_party", "left_death",
         "left_struck_off", "left_expelled", "left_resigned", "left_other")
PARTY_REASONS = ("death", "struck_off", "expelled", "resigned", "other")
KEYS = ("province_code", "province_code_old", "province_code_current", "region", "sector")
ROLLUP = "agg_members_monthly"
_BASE = "o.kind IN ('base_cell', 'base_committee')"


def month_end(d: dt.date) -> dt.date:
    nxt = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def year_before(d: dt.date) -> dt.date:
    """The same day one year earlier (28/02 for 29/02)."""
    return d.replace(year=d.year - 1, day=min(d.day, 28 if d.month == 2 else d.day))


def history(scope: Scope) -> tuple[dt.date, dt.date] | None:
    """(first day, last loaded day) of the membership history visible in the scope, or None."""
    bounds = data_bounds(scope)
    return None if bounds is None else (bounds[0], month_end(bounds[1]))


def clamp_day(scope: Scope, d: dt.date) -> dt.date | None:
    """`d` moved into the history (None when the scope has no data)."""
    h = history(scope)
    return None if h is None else max(min(d, h[1]), h[0])


@cached
def rollup_days(scope: Scope) -> frozenset[dt.date]:
    """The days the day rollups hold (marts.agg_member_structure, marts.agg_org_tree): the last
    days of the warehouse's months that marts.rollup_month picks, whatever the scope."""
    rows = query("SELECT month_end FROM marts.dim_month WHERE marts.rollup_month(month)")
    return frozenset(d for d in pd.to_datetime(rows["month_end"]).dt.date if not pd.isna(d))


def clamp_range(scope: Scope, a: dt.date, b: dt.date) -> tuple[dt.date, dt.date] | None:
    """[a, b] cut to the history (None when nothing of it is inside)."""
    h = history(scope)
    if h is None or b < h[0] or a > h[1]:
        return None
    return max(a, h[0]), min(b, h[1])


# ---------------------------------------------------------------- row sources (SQL text)


def stock_rows(scope: Scope, f: Filters) -> tuple[str, dict]:
    """A SELECT of rows whose sums are the STOCKS per KEYS on the day $d, the scope and filters
    applied."""
    keys = ", ".join(f"{{a}}.{k}" for k in KEYS)
    if use_rollup(scope, f, ROLLUP):
        cond, p = org_condition(scope, f, alias="a")
        cols = ", ".join(f"a.{c}" for c in STOCKS)
        return f"SELECT {keys.format(a='a')}, {cols} FROM marts.stocks_on($d) a WHERE {cond}", p
    cond, p = org_condition(scope, f)
    zeros = ", ".join("0" for c in STOCKS if c != "base_orgs")
    cols = ", ".join(f"x.{c}" for c in STOCKS if c != "base_orgs")
    rows = (f"SELECT {keys.format(a='o')}, {cols}, 0 AS base_orgs FROM"
            f" marts.cell_stocks_on_by_key($d) x JOIN marts.dim_org o USING (org_key) WHERE {cond}")
    return (f"{rows} UNION ALL SELECT {keys.format(a='o')}, {zeros}, 1 FROM marts.dim_org o"
            f" WHERE {cond} AND {_BASE} AND {_EXISTS.format(day='$d')}", p)


# dim_org's row o exists on {day} (the warehouse's one definition; a range join for many days)
_EXISTS = "marts.org_on(o.valid_from, o.valid_to, {day})"


def flow_rows(scope: Scope, f: Filters) -> tuple[str, dict]:
    """A SELECT of rows whose sums are the FLOWS per KEYS over the days [$a, $b], the scope and
    filters applied."""
    cols = ", ".join(f"x.{c}" for c in FLOWS)
    if use_rollup(scope, f, ROLLUP):
        cond, p = org_condition(scope, f, alias="x")
        keys = ", ".join(f"x.{k}" for k in KEYS)
        return f"SELECT {keys}, {cols} FROM marts.flows_between($a, $b) x WHERE {cond}", p
    cond, p = org_condition(scope, f)
    keys = ", ".join(f"o.{k}" for k in KEYS)
    return (f"SELECT {keys}, {cols} FROM marts.cell_flows_between_by_key($a, $b) x"
            f" JOIN marts.dim_org o USING (org_key) WHERE {cond}", p)


def series_rows(scope: Scope, f: Filters, rolled: bool = True) -> tuple[str, str, str, dict]:
    """(CTEs, stock rows, flow rows, params) of a series, the scope and filters applied once:
    rows whose sums per day are the STOCKS on each day of $days (column day), rows whose sums
    per period are the FLOWS over [$firsts[i], $lasts[i]] (columns first_day, last_day). Read
    from the province × sector rollups, else the picked organisation's subtree rollup
    (subtree.rolled_up; not without `rolled`), else the cells of the selection (the CTE o: the
    selected organisations of dim_org made once, the cells' rows picked by their org_key)."""
    stocks = ", ".join(STOCKS)
    flows = ", ".join(FLOWS)
    if use_rollup(scope, f, ROLLUP):
        cond, p = org_condition(scope, f, alias="a")
        return ("", f"SELECT day, {stocks} FROM marts.stock_parts_on_days($days::DATE[]) a"
                f" WHERE {cond}", f"SELECT first_day, last_day, {flows} FROM"
                f" marts.flow_parts_over($firsts::DATE[], $lasts::DATE[]) a WHERE {cond}", p)
    rollup = subtree.rolled_up(scope, f) if rolled else None
    if rollup is not None:
        cond, p = rollup
        return ("", f"SELECT day, {stocks} FROM marts.subtree_stock_parts_on_days($days::DATE[],"
                f" $org) WHERE {cond}", f"SELECT first_day, last_day, {flows} FROM"
                f" marts.subtree_flow_parts_over($firsts::DATE[], $lasts::DATE[], $org)"
                f" WHERE {cond}", p)
    cond, p = org_condition(scope, f)
    cte = (f"o AS MATERIALIZED (SELECT o.org_key, o.kind, o.valid_from, o.valid_to"
           f" FROM marts.dim_org o WHERE {cond}),")
    cells = [c for c in STOCKS if c != "base_orgs"]
    zeros = ", ".join("0" for _ in cells)
    # the changes of the selected cells, accumulated over the days
    facts = (f"SELECT x.day, count(*) AS n, {', '.join(f'sum(x.{c}) AS {c}' for c in cells)}"
             f" FROM marts.cell_stock_changes_on_days_by_key($days::DATE[]) x"
             f" WHERE x.org_key IN (SELECT org_key FROM o) GROUP BY x.day")
    run = ", ".join(f"sum(coalesce(t.{c}, 0)) OVER w AS {c}" for c in cells)
    rows = (f"SELECT * FROM (SELECT p.day, {run}, 0 AS base_orgs FROM (SELECT DISTINCT"
            f" unnest($days::DATE[]) AS day) p LEFT JOIN ({facts}) t USING (day)"
            f" WINDOW w AS (ORDER BY p.day) QUALIFY sum(coalesce(t.n, 0)) OVER w > 0)")
    base = (f"SELECT p.day, {zeros}, 1 FROM (SELECT unnest($days::DATE[]) AS day) p, o"
            f" WHERE {_BASE} AND {_EXISTS.format(day='p.day')}")
    cols = ", ".join(f"x.{c}" for c in FLOWS)
    flow = (f"SELECT x.first_day, x.last_day, {cols} FROM marts.cell_flow_parts_over_by_key("
            f"$firsts::DATE[], $lasts::DATE[]) x WHERE x.org_key IN (SELECT org_key FROM o)")
    return cte, f"{rows} UNION ALL {base}", flow, p


def _sums(columns) -> str:
    return ", ".join(f"sum({c})::BIGINT AS {c}" for c in columns)


# ---------------------------------------------------------------- figures


@cached
def stocks_by(scope: Scope, f: Filters, day: dt.date, key: str | tuple | None = None
              ) -> pd.DataFrame:
    """STOCKS on `day` (exact), one row per value of `key` (a column of KEYS, as column k), per
    combination of several keys (a tuple of KEYS, as columns of their names) or one row for the
    whole selection (no key)."""
    if key is None and subtree.rolled_up(scope, f) is not None:
        _, rows, _, p = series_rows(scope, f)
        return query(f"SELECT {_sums(STOCKS)} FROM ({rows})", {**p, "days": [day]})
    rows, p = stock_rows(scope, f)
    p["d"] = day
    if key is None:
        return query(f"SELECT {_sums(STOCKS)} FROM ({rows})", p)
    keys = (key,) if isinstance(key, str) else tuple(key)
    assert set(keys) <= set(KEYS)
    cols = f"{key} AS k" if isinstance(key, str) else ", ".join(keys)
    return query(f"SELECT {cols}, {_sums(STOCKS)} FROM ({rows}) GROUP BY ALL", p)


@cached
def flows_by(scope: Scope, f: Filters, a: dt.date, b: dt.date,
             key: str | None = None) -> pd.DataFrame:
    """FLOWS over the days [a, b] (exact), per value of `key` (column k) or in one row."""
    if key is None and subtree.rolled_up(scope, f) is not None:
        _, _, rows, p = series_rows(scope, f)
        return query(f"SELECT {_sums(FLOWS)} FROM ({rows})", {**p, "firsts": [a], "lasts": [b]})
    rows, p = flow_rows(scope, f)
    p.update(a=a, b=b)
    if key is None:
        return query(f"SELECT {_sums(FLOWS)} FROM ({rows})", p)
    assert key in KEYS
    return query(f"SELECT {key} AS k, {_sums(FLOWS)} FROM ({rows}) GROUP BY 1", p)


def stocks_on(scope: Scope, f: Filters, day: dt.date) -> dict:
    """{stock: value} on `day` for the whole selection (0 where nothing exists)."""
    row = stocks_by(scope, f, day).iloc[0]
    return {c: (0 if pd.isna(row[c]) else int(row[c])) for c in STOCKS}


def flows_between(scope: Scope, f: Filters, a: dt.date, b: dt.date) -> dict:
    """{flow: count} over [a, b] for the whole selection, with left (transfers out + departures
    from the Party) and net_change (admitted + transferred_in − transferred_out − left_party)."""
    row = flows_by(scope, f, a, b).iloc[0]
    out = {c: (0 if pd.isna(row[c]) else int(row[c])) for c in FLOWS}
    out["left"] = out["transferred_out"] + out["left_party"]
    out["net_change"] = (out["admitted"] + out["transferred_in"] - out["transferred_out"]
                         - out["left_party"])
    return out


def periods(scope: Scope, f: Filters, unit: str = "month") -> pd.DataFrame:
    """The months or years of the chosen dates cut to them and to the history: period (first
    day of the month or year), first, last (the days the period covers), full (it covers the
    whole month or year), months (the months it touches). Empty when nothing of the dates has
    data."""
    cols = ["period", "first", "last", "full", "months"]
    rng = clamp_range(scope, f.start, f.end)
    if rng is None:
        return pd.DataFrame(columns=cols)
    rows, start = [], (dt.date(rng[0].year, 1, 1) if unit == "year" else rng[0].replace(day=1))
    while start <= rng[1]:
        end = dt.date(start.year, 12, 31) if unit == "year" else month_end(start)
        a, b = max(start, rng[0]), min(end, rng[1])
        rows.append((start, a, b, start >= rng[0] and end <= rng[1],
                     (b.year - a.year) * 12 + b.month - a.month + 1))
        start = end + dt.timedelta(days=1)
    return pd.DataFrame(rows, columns=cols)


def by_period_empty(per: pd.DataFrame) -> pd.DataFrame:
    return per.assign(**{c: pd.Series(dtype="int64") for c in
                         (*STOCKS, "members_before", *FLOWS, "left", "net_change")})


@cached
def by_period(scope: Scope, f: Filters, unit: str = "month") -> pd.DataFrame:
    """Per period of `periods` (period, first, last, full, months): STOCKS on its last day, members_before
    (members on the day before its first day), FLOWS over [first, last], left and net_change.
    Net change = members − members_before (the stock-flow identity) for every period but one that
    starts on the first day of history: its members_before is 0 and its members also count the
    members who joined before the history (the opening stock, not admissions). One pass over the
    marts for all periods (the warehouse's many-day macros, series_rows)."""
    return period_rows(scope, f, unit)


def period_rows(scope: Scope, f: Filters, unit: str = "month", rolled: bool = True
                ) -> pd.DataFrame:
    """The rows of `by_period`; without `rolled` never read from the subtree rollup (the path it
    is checked against)."""
    per = periods(scope, f, unit)
    if per.empty:
        return by_period_empty(per)
    cells, stocks, flows, p = series_rows(scope, f, rolled)
    befores = [d - dt.timedelta(days=1) for d in per["first"]]
    p.update(firsts=list(per["first"]), lasts=list(per["last"]),
             days=sorted({*per["last"], *befores}))
    df = query(f"""
        WITH {cells} spans AS (SELECT unnest($firsts::DATE[]) AS a, unnest($lasts::DATE[]) AS b),
        s AS MATERIALIZED (SELECT day, count(*) AS n, {_sums(STOCKS)} FROM ({stocks}) GROUP BY day),
        fl AS (SELECT first_day AS a, last_day AS b, {_sums(FLOWS)} FROM ({flows}) GROUP BY ALL)
        SELECT spans.a AS first, s.* EXCLUDE (day), sb.members AS members_before,
               fl.* EXCLUDE (a, b)
        FROM spans LEFT JOIN s ON s.day = spans.b
        LEFT JOIN s sb ON sb.day = CAST(spans.a - INTERVAL 1 DAY AS DATE)
        LEFT JOIN fl ON fl.a = spans.a AND fl.b = spans.b
        ORDER BY spans.a""", p)
    if df["n"].isna().all():  # nothing of the selection exists in these dates
        return by_period_empty(per.iloc[0:0])
    df = df.drop(columns="n")
    df["first"] = pd.to_datetime(df["first"]).dt.date
    cols = [*STOCKS, "members_before", *FLOWS]
    df[cols] = df[cols].fillna(0).astype("int64")
    df["left"] = df["transferred_out"] + df["left_party"]
    df["net_change"] = df["admitted"] + df["transferred_in"] - df["transferred_out"] - df["left_party"]
    return per.merge(df, on="first", how="left")
