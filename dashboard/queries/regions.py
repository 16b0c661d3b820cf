"""Queries for Vùng miền (regions): five metrics per province, per region and per month.

Metrics: members (stock at the as-of month), members_per_cell (same month), admission_rate
(admissions in the period / members in its first month), good_share (meetings rated good / rated
meetings in the period), attendance (present / expected in the period). Rollups
(agg_members_monthly, agg_meetings_province_monthly) unless an organisation subtree is
involved (then the facts).
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from dashboard.data import (
    Filters,
    Scope,
    cached,
    data_bounds,
    month_floor,
    org_condition,
    province_column,
    query,
    use_rollup,
)
from dashboard.queries.quality import meetings_source

METRICS = ("members", "members_per_cell", "admission_rate", "good_share", "attendance")
PERCENT_METRICS = ("admission_rate", "good_share", "attendance")
_MEM_SUMS = ("cells", "members", "admitted")


def membership_source(scope: Scope, f: Filters) -> tuple[str, str, dict]:
    """(FROM clause aliased `a`, condition, params): province × month membership sums with
    month, province_code, province_code_current, region, sector, cells, members, admitted; from
    the rollup marts.agg_members_monthly unless an organisation subtree is involved."""
    if use_rollup(scope, f, "agg_members_monthly"):
        cond, p = org_condition(scope, f, alias="a")
        return ("(SELECT month, province_code, province_code_current, region, sector, cells,"
                " official + probationary AS members, admitted FROM marts.agg_members_monthly) a",
                cond, p)
    cond, p = org_condition(scope, f)
    return ("(SELECT f.month, o.province_code, o.province_code_current, o.region, o.sector,"
            " 1 AS cells, f.official + f.probationary AS members, f.admitted"
            " FROM marts.fct_membership_monthly f JOIN marts.dim_org o USING (org_id)"
            f" WHERE {cond}) a", "TRUE", p)


def stock_month(scope: Scope, f: Filters):
    """The as-of month, clamped to the loaded months (None when the scope has no data)."""
    bounds = data_bounds(scope)
    if bounds is None:
        return None
    return max(min(month_floor(f.as_of), bounds[1]), bounds[0])


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
    """Sums per value of `key` (a column of the sources): k, members, cells, members_start,
    admitted, good, rated, present, expected."""
    m = stock_month(scope, f)
    if m is None:
        return pd.DataFrame(columns=["k", "members", "cells", "members_start", "admitted", "good",
                                     "rated", "present", "expected"])
    msrc, mcond, p = membership_source(scope, f)
    qsrc, qcond, p2 = meetings_source(scope, f)
    p.update(p2, a=month_floor(f.start), b=f.end, m=m)
    df = query(f"""
        WITH mem AS (
            SELECT a.{key} AS k, sum(members) FILTER (WHERE month = $m) AS members,
                   sum(cells) FILTER (WHERE month = $m) AS cells,
                   sum(members) FILTER (WHERE month = $a) AS members_start,
                   sum(admitted) FILTER (WHERE month BETWEEN $a AND $b) AS admitted
            FROM {msrc} WHERE {mcond} AND (month BETWEEN $a AND $b OR month = $m) GROUP BY 1),
        mt AS (
            SELECT a.{key} AS k, sum(good) AS good, sum(good + fair + average + poor) AS rated,
                   sum(present) AS present, sum(expected) AS expected
            FROM {qsrc} WHERE {qcond} AND month BETWEEN $a AND $b GROUP BY 1)
        SELECT coalesce(mem.k, mt.k) AS k, mem.* EXCLUDE (k), mt.* EXCLUDE (k)
        FROM mem FULL JOIN mt ON mem.k = mt.k WHERE coalesce(mem.k, mt.k) IS NOT NULL""", p)
    return df


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
    """Per month of the period, for the whole selection: month, members, cells, admitted, good,
    rated, present, expected and METRICS (admission_rate = admissions in the month / members)."""
    msrc, mcond, p = membership_source(scope, f)
    qsrc, qcond, p2 = meetings_source(scope, f)
    p.update(p2, a=month_floor(f.start), b=f.end)
    df = query(f"""
        WITH mem AS (SELECT month, sum(members) AS members, sum(cells) AS cells,
                            sum(admitted) AS admitted
                     FROM {msrc} WHERE {mcond} AND month BETWEEN $a AND $b GROUP BY 1),
        mt AS (SELECT month, sum(good) AS good, sum(good + fair + average + poor) AS rated,
                      sum(present) AS present, sum(expected) AS expected
               FROM {qsrc} WHERE {qcond} AND month BETWEEN $a AND $b GROUP BY 1)
        SELECT mem.month, mem.members, mem.cells, mem.admitted, mt.good, mt.rated, mt.present,
               mt.expected
        FROM mem LEFT JOIN mt USING (month) ORDER BY mem.month""", p)
    return add_metrics(df.assign(members_start=df["members"]))
