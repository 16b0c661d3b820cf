"""Queries for Vùng miền (regions): five metrics per province, per region and per month.

Metrics: members (stock on the as-of day, exact), members_per_cell (members / cells, both on that
day: the cell count of the overview), admission_rate (admissions over exactly the chosen dates /
members on the day before they start), good_share (meetings rated good / rated meetings in the
period's months), attendance (present / expected in the period's months). Stocks and flows come
from chibo.dashboard/queries/exact.py (the warehouse's exact-day macros); meetings from the monthly
meeting rollup unless an organisation subtree is involved (then the facts).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pandas as pd

from chibo.dashboard.data import (
    Filters,
    Scope,
    cached,
    month_floor,
    org_condition,
    province_column,
    query,
)
from chibo.dashboard.queries import exact
from chibo.dashboard.queries.quality import meetings_source

METRICS = ("members", "members_per_cell", "admission_rate", "good_share", "attendance")
PERCENT_METRICS = ("admission_rate", "good_share", "attendance")
SUMS = ("members", "cells", "members_start", "admitted", "good", "rated", "present", "expected")


def add_metrics(df: pd.DataFrame) -> pd.DataFrame:
    """The five METRICS from the sums members, cells, members_start, admitted, good, rated,
    present, expected (NaN where a denominator is zero or missing)."""
    def ratio(num, den):
        return num.astype("float64") / den.astype("float64").where(den > 0)

    return df.assign(members_per_cell=ratio(df["members"], df["cells"]),
                     admission_rate=ratio(df["admitted"], df["members_start"]),
                     good_share=ratio(df["good"], df["rated"]),
                     attendance=ratio(df["present"], df["expected"]))


def _grouped(scope: Scope, f: Filters, key: str) -> pd.DataFrame:
    """Sums per value of `key` (a column of exact.KEYS): k and SUMS; stocks on the as-of day,
    members_start on the day before the chosen dates, admissions over them (all clamped to the
    history) and the meetings of their months: the row sources of chibo/dashboard/queries/exact.py
    and the meetings' sums joined by key in one statement (one round trip, not four frames merged
    in pandas)."""
    day, rng = exact.clamp_day(scope, f.as_of), exact.clamp_range(scope, f.start, f.end)
    if day is None:
        return pd.DataFrame(columns=["k", *SUMS])
    rows, p = exact.stock_rows(scope, f)
    p["d"] = day
    parts = [f"now AS (SELECT {key} AS k, sum(members)::BIGINT AS members,"
             f" sum(cells)::BIGINT AS cells FROM ({rows}) GROUP BY 1)"]
    columns = ["now.members", "now.cells"]
    if rng is not None:
        p.update(d0=rng[0] - dt.timedelta(days=1), a=rng[0], b=rng[1], ma=month_floor(rng[0]))
        flows, fp = exact.flow_rows(scope, f)
        qsrc, qcond, qp = meetings_source(scope, f)
        p.update(fp, **qp)
        before = re.sub(r"[$]d\b", "$d0", rows)  # the same rows on the day before the dates
        parts += [f"start AS (SELECT {key} AS k, sum(members)::BIGINT AS members_start"
                  f" FROM ({before}) GROUP BY 1)",
                  f"fl AS (SELECT {key} AS k, sum(admitted)::BIGINT AS admitted FROM ({flows})"
                  " GROUP BY 1)",
                  f"mt AS (SELECT a.{key} AS k, sum(good) AS good,"
                  " sum(good + fair + average + poor) AS rated, sum(present) AS present,"
                  f" sum(expected) AS expected FROM {qsrc} WHERE {qcond}"
                  " AND month BETWEEN $ma AND $b GROUP BY 1)"]
        columns += ["start.members_start", "fl.admitted", "mt.good", "mt.rated", "mt.present",
                    "mt.expected"]
    joined = " ".join(f"FULL JOIN {part.split()[0]} USING (k)" for part in parts[1:])
    df = query(f"WITH {', '.join(parts)} SELECT k, {', '.join(columns)} FROM now {joined}"
               " WHERE k IS NOT NULL", p)
    for c in df.columns:  # a sum of no rows at all comes as a nullable integer: NaN, as merged
        if isinstance(df[c].dtype, pd.Int64Dtype):
            df[c] = df[c].astype("float64" if df[c].isna().any() else "int64")
    return df.reindex(columns=["k", *SUMS])


@cached
def provinces(scope: Scope, old: bool = False) -> pd.DataFrame:
    """The provinces of one set (63 old or 34 current) visible in the scope: province_code, name,
    region, seat_lat, seat_lon."""
    p = {"cur": not old}
    cond = "TRUE"
    if scope != Scope.everything():  # only provinces holding organisations of the scope
        org_cond, p2 = org_condition(scope)
        p.update(p2)
        cond = (f"EXISTS (SELECT 1 FROM marts.dim_org o WHERE {org_cond} AND (o.province_code ="
                " d.province_code OR o.province_code_current = d.province_code))")
    return query("SELECT province_code, name, region, seat_lat, seat_lon FROM marts.dim_province d"
                 f" WHERE is_current = $cur AND {cond} ORDER BY province_code", p)


@cached
def province_metrics(scope: Scope, f: Filters) -> pd.DataFrame:
    """One row per province of the chosen set (f.old_boundaries): province_code, name, region,
    seat_lat, seat_lon, the sums and METRICS (NaN where the filters leave no data). The province
    filter itself is ignored so that the map can show (and pick) every province."""
    f = dataclasses.replace(f, province=None)
    key = province_column(f)
    sums = _grouped(scope, f, key).rename(columns={"k": "province_code"})
    df = provinces(scope, f.old_boundaries).merge(sums, on="province_code", how="left")
    return add_metrics(df)


def unplaced(scope: Scope, f: Filters) -> dict:
    """In the old (63) boundaries, what a province holds today but no old province can (dim_org
    province_code_old NULL, province_code_current set: e.g. founded after 1 July 2025 in a new
    province continuing several old ones; organisations under no province at all, such as the
    central blocs, are in neither view): {cells, base_orgs, members} on the as-of day within the
    scope and the filters other than the province. All 0 with the current boundaries or when
    everything is placed."""
    day = exact.clamp_day(scope, f.as_of)
    none = {"cells": 0, "base_orgs": 0, "members": 0}
    if not f.old_boundaries or day is None:
        return none
    df = exact.stocks_by(scope, dataclasses.replace(f, province=None), day,
                         ("province_code_old", "province_code_current"))
    rows = df[df["province_code_old"].isna() & df["province_code_current"].notna()]
    return {k: int(rows[k].fillna(0).sum()) for k in none}


@cached
def region_metrics(scope: Scope, f: Filters) -> pd.DataFrame:
    """One row per region with data (six regions and 'central'), in the regions' order: region,
    name_vi, name_en, the sums and METRICS. Region and province filters are ignored (every region
    is compared); sector and organisation filters apply."""
    f = dataclasses.replace(f, province=None, region=None)
    sums = _grouped(scope, f, "region").rename(columns={"k": "region"})
    regions = query("SELECT region, name_vi, name_en FROM marts.dim_region ORDER BY sort_order")
    return add_metrics(regions.merge(sums, on="region", how="inner"))


@cached
def metric_trend(scope: Scope, f: Filters) -> pd.DataFrame:
    """Per month of the chosen dates (cut to them), for the whole selection: month, members,
    cells (on the month's last chosen day), members_start (on the day before its first),
    admitted (over its days), good, rated, present, expected and METRICS."""
    per = exact.by_period(scope, f, "month")
    if per.empty:
        return add_metrics(pd.DataFrame(columns=["month", *SUMS]))
    qsrc, qcond, p = meetings_source(scope, f)
    p.update(a=month_floor(f.start), b=f.end)
    mt = query(f"""
        SELECT month, sum(good) AS good, sum(good + fair + average + poor) AS rated,
               sum(present) AS present, sum(expected) AS expected
        FROM {qsrc} WHERE {qcond} AND month BETWEEN $a AND $b GROUP BY 1""", p)
    mt["month"] = pd.to_datetime(mt["month"]).dt.date
    df = per.rename(columns={"period": "month", "members_before": "members_start"})[
        ["month", "members", "cells", "members_start", "admitted"]].merge(mt, on="month",
                                                                         how="left")
    return add_metrics(df.assign(month=pd.to_datetime(df["month"])))
