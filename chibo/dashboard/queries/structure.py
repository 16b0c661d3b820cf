"""Queries for Cơ cấu đảng viên (member structure): members on the as-of day and admissions in the
period by one characteristic (gender, age band, ethnicity, religion, education, professional
level, political theory, status), and the shares leaders quote (women, ethnic minorities, new
admissions aged 30 or younger).

Counts come from the warehouse's one definition: on the days the day rollups hold (31-12 of every
loaded year, the last loaded day and the end of its month a year earlier, the KPI cards' "a year
earlier") the rollup marts.agg_member_structure for province, region and
sector filters and marts.agg_subtree_structure for a picked organisation above the cells (its
subtree), else the macros' rows marts.structure_on_by_key(D) and
marts.admission_structure_between_by_key(A, B) (those of structure_on and
admission_structure_between, the cells by dim_org.org_key) of the organisations selected (their keys
resolved once from dim_org), counted by one dimension. SQL runs
through the gateway (chibo.dashboard.data); every function takes the viewer's Scope first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from chibo.dashboard.data import (
    Filters,
    Scope,
    cached,
    data_bounds,
    org_condition,
    query,
    query_row,
    table_exists,
    use_rollup,
)
from chibo.dashboard.queries import subtree
from chibo.dashboard.queries.exact import rollup_days

DIMENSIONS = ("gender", "age_band", "ethnicity", "religion", "professional_level",
              "political_theory", "education", "status")
ADMISSION_DIMENSIONS = tuple(d for d in DIMENSIONS if d != "status")
ROLLUP = "agg_member_structure"
SUBTREE_ROLLUP = "agg_subtree_structure"
ADMISSIONS_ROLLUP = "agg_admissions_age_monthly"  # admissions by month and age band


def as_of_day(scope: Scope, f: Filters) -> dt.date | None:
    """The day counted: the as-of date, no later than the last loaded day (None: no data)."""
    bounds = data_bounds(scope)
    if bounds is None:
        return None
    last = (pd.Timestamp(bounds[1]) + pd.offsets.MonthEnd(0)).date()
    return max(min(f.as_of, last), bounds[0])


@cached
def members_by(scope: Scope, f: Filters, dimension: str = "gender") -> pd.DataFrame:
    """Members on the as-of day by value of `dimension`: value, label_vi, label_en, members,
    share (of all members of the selection), day (the day counted: the as-of date, no later than
    the last loaded day), in display order; 'unknown' = not recorded."""
    if dimension not in DIMENSIONS:
        raise ValueError(dimension)
    day = as_of_day(scope, f)
    if day is None:
        return empty()
    if day in rollup_days(scope):  # 31-12, the last loaded day, a year before it
        rolled = _rolled_up(scope, f)
        if rolled is not None:
            table, cond, p = rolled
            p.update(d=day, dim=dimension, day=day)
            return query(_labelled(f"SELECT s.value, sum(s.members) AS members FROM marts.{table} s"
                                   f" WHERE {cond} AND s.day = $d AND s.dimension = $dim"
                                   " GROUP BY 1"), p)
    cond, p = subtree.keys_in(scope, f, "s.org_key")
    p.update(d=day, dim=dimension, day=day)
    return query(_labelled(_counted("marts.structure_on_by_key($d::DATE)", dimension, cond)), p)


@cached
def admissions_by(scope: Scope, f: Filters, dimension: str = "gender") -> pd.DataFrame:
    """Admissions from the period's start to its end by value of `dimension` (age in the year of
    admission), in the shape of members_by (day = the period's end)."""
    if dimension not in ADMISSION_DIMENSIONS:
        raise ValueError(dimension)
    cond, p = subtree.keys_in(scope, f, "s.org_key")
    p.update(a=f.start, b=f.end, dim=dimension, day=f.end)
    return query(_labelled(_counted("marts.admission_structure_between_by_key($a::DATE, $b::DATE)",
                                    dimension, cond)), p)


def _rolled_up(scope: Scope, f: Filters) -> tuple[str, str, dict] | None:
    """(day rollup, SQL condition on it as `s`, params) when one holds the selection: the province
    × sector rollup marts.agg_member_structure when no organisation subtree narrows it, the
    picked organisation's rows of marts.agg_subtree_structure when it holds its whole subtree
    (subtree.rolled_up: an organisation above the cells, no other filter); else None."""
    if use_rollup(scope, f, ROLLUP):
        return (ROLLUP, *org_condition(scope, f, alias="s"))
    picked = subtree.rolled_up(scope, f)
    if picked is None or not table_exists(scope, SUBTREE_ROLLUP):
        return None
    cond, p = picked
    return SUBTREE_ROLLUP, f"{cond} AND s.org_id = $org", p


def _counted(rows: str, dimension: str, cond: str) -> str:
    """Members of the macro's `rows` (one per member: marts.structure_on_by_key(D) or
    marts.admission_structure_between_by_key(A, B)) in the organisations `cond` selects (by
    their keys), by value of `dimension` (a column of the rows): what marts.structure_long_on(D)
    and marts.admission_structure_long_between(A, B) count for one dimension, reading only its
    column and the rows of those organisations (the lineage subtree is resolved first)."""
    return (f"SELECT s.{dimension} AS value, count(*) AS members FROM {rows} s"
            f" WHERE {cond} AND s.{dimension} IS NOT NULL GROUP BY 1")


def _labelled(sql: str) -> str:
    """The counts of `sql` (value, members) with their words, shares and the day, in order."""
    return (f"""WITH c AS ({sql})
        SELECT c.value, d.label_vi, d.label_en, CAST(c.members AS BIGINT) AS members,
               c.members / sum(c.members) OVER () AS share, $day::DATE AS day
        FROM c LEFT JOIN marts.dim_structure d ON d.dimension = $dim AND d.value = c.value
        ORDER BY coalesce(d.sort_order, 998), c.value""")


def empty() -> pd.DataFrame:
    return pd.DataFrame({"value": [], "label_vi": [], "label_en": [], "members": [], "share": [],
                         "day": []})


def share(df: pd.DataFrame, value: str) -> float | None:
    """The share of `value` in a members_by/admissions_by frame (None when it counts nobody)."""
    total = df["members"].sum() if not df.empty else 0
    return float(df.loc[df["value"] == value, "members"].sum() / total) if total else None


def kpis(scope: Scope, f: Filters) -> dict[str, dict]:
    """{key: {value, previous}} for female_share, minority_share (on the as-of day and a year
    earlier) and young_admission_share (in the period and the same dates a year earlier)."""
    def year_before(d: dt.date) -> dt.date:
        return d.replace(year=d.year - 1, day=28 if (d.month, d.day) == (2, 29) else d.day)

    before = dataclasses.replace(f, as_of=year_before(f.as_of), start=year_before(f.start),
                                 end=year_before(f.end))
    out = {}
    for key, dim, value in (("female_share", "gender", "female"),
                            ("minority_share", "ethnicity", "minority")):
        out[key] = {"value": share(members_by(scope, f, dim), value),
                    "previous": share(members_by(scope, before, dim), value)}
    now, previous = admission_shares(scope, f, before, "age_band", "18_30")
    out["young_admission_share"] = {"value": now, "previous": previous}
    return out


@cached
def admission_shares(scope: Scope, f: Filters, g: Filters, dimension: str = "age_band",
                     value: str = "18_30") -> tuple[float | None, float | None]:
    """share(admissions_by(scope, f, dimension), value) and the same under `g` (the same
    filters over other dates: a year earlier), counted in one pass over the admissions of both
    periods rather than one per period: by age band over whole months from the monthly rollup
    marts.agg_admissions_age_monthly when no organisation subtree narrows the selection (its
    rows hold those months' admissions), else from the macro's admissions."""
    if dimension not in ADMISSION_DIMENSIONS or (f.org, f.region, f.province, f.sector,
                                                 f.old_boundaries) != (
            g.org, g.region, g.province, g.sector, g.old_boundaries):
        raise ValueError(dimension)
    if dimension == "age_band" and use_rollup(scope, f, ADMISSIONS_ROLLUP) and all(
            _whole_months(d) for d in (f, g)):
        cond, p = org_condition(scope, f, alias="s")
        p.update(a=f.start, b=f.end, a0=g.start, b0=g.end, v=value)
        row = query_row(f"""
            SELECT sum(s.admitted) FILTER (WHERE s.month BETWEEN $a AND $b),
                   sum(s.admitted) FILTER (WHERE s.month BETWEEN $a AND $b AND s.age_band = $v),
                   sum(s.admitted) FILTER (WHERE s.month BETWEEN $a0 AND $b0),
                   sum(s.admitted) FILTER (WHERE s.month BETWEEN $a0 AND $b0
                                           AND s.age_band = $v)
            FROM marts.{ADMISSIONS_ROLLUP} s
            WHERE {cond} AND s.month BETWEEN least($a::DATE, $a0::DATE)
                                         AND greatest($b::DATE, $b0::DATE)""", p)
        return tuple(float(k / n) if n else None for n, k in (row[:2], row[2:]))
    cond, p = subtree.keys_in(scope, f, "s.org_key")
    p.update(a=f.start, b=f.end, a0=g.start, b0=g.end, v=value)
    row = query_row(f"""
        SELECT count(*) FILTER (WHERE s.admitted_on BETWEEN $a AND $b),
               count(*) FILTER (WHERE s.admitted_on BETWEEN $a AND $b AND s.{dimension} = $v),
               count(*) FILTER (WHERE s.admitted_on BETWEEN $a0 AND $b0),
               count(*) FILTER (WHERE s.admitted_on BETWEEN $a0 AND $b0 AND s.{dimension} = $v)
        FROM marts.admission_structure_between_by_key(least($a::DATE, $a0::DATE),
                                               greatest($b::DATE, $b0::DATE)) s
        WHERE {cond} AND s.{dimension} IS NOT NULL""", p)
    return tuple(float(k / n) if n else None for n, k in (row[:2], row[2:]))


def _whole_months(f: Filters) -> bool:
    """Whether the dates of `f` are whole months (the first day of one to the last of one):
    the months of the monthly admissions rollup then hold exactly its admissions."""
    return f.start.day == 1 and (f.end + dt.timedelta(days=1)).day == 1 and f.start <= f.end
