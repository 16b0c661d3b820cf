"""The one gateway to the warehouse: read-only, thread-local, scoped, parameterised, cached.

Every query function takes a `Scope` (what the viewer may see) and returns a small DataFrame or dict
of aggregated rows. A newly published warehouse file (os.replace by the ETL) is noticed per call.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

REPO = Path(__file__).resolve().parent.parent
BASE_KINDS = ("base_cell", "base_committee")
CELL_KINDS = ("base_cell", "sub_cell")
COMMITTEE_KINDS = ("province_committee", "central_committee", "bloc_committee", "upper_committee",
                   "partial_committee", "base_committee")
LEAVE_REASONS = ("transfer_out", "death", "struck_off", "expelled", "resigned", "other")


@dataclass(frozen=True)
class Scope:
    """What a viewer may see: current province codes and organisation subtrees (None = all)."""

    provinces: frozenset | None = None
    org_roots: frozenset | None = None

    @classmethod
    def everything(cls) -> "Scope":
        return cls(None, None)

    @classmethod
    def nothing(cls) -> "Scope":
        return cls(frozenset(), frozenset())


@dataclass(frozen=True)
class Filters:
    """The shared filter state, validated (see dashboard/urlstate.py); dates are datetime.date."""

    start: dt.date = dt.date(2000, 1, 1)
    end: dt.date = dt.date(2100, 12, 31)
    as_of: dt.date = dt.date(2100, 12, 31)
    region: str | None = None
    province: str | None = None
    old_boundaries: bool = False
    sector: str | None = None
    org: str | None = None
    extra: tuple = field(default=())  # page-specific hashable extras, e.g. (("grain", "year"),)


# ---------------------------------------------------------------- connection and cache

_path: Path = Path(os.environ.get("CHIBO_WAREHOUSE", REPO / "data" / "warehouse.duckdb"))
_local = threading.local()


def configure(path: str | Path | None) -> Path:
    """Point the gateway at a warehouse file (None keeps the default) and return the path."""
    global _path
    if path is not None:
        _path = Path(path).resolve()
    return _path


def warehouse_path() -> Path:
    return _path


def signature() -> tuple | None:
    """(inode, mtime, size) of the warehouse file, or None when it does not exist."""
    try:
        st = os.stat(_path)
    except FileNotFoundError:
        return None
    return (str(_path), st.st_ino, st.st_mtime_ns, st.st_size)


def _connection():
    """This thread's read-only connection, reopened when a new generation was swapped in.

    ATTACH into a private in-memory instance: duckdb.connect(path) would reuse a cached instance
    that still points at the replaced file.
    """
    sig = signature()
    if sig is None:
        raise FileNotFoundError(f"Không tìm thấy kho dữ liệu / warehouse not found: {_path}")
    cached = getattr(_local, "con", None)
    if cached is not None and cached[0] == sig:
        return cached[1]
    if cached is not None:
        cached[1].close()
    con = duckdb.connect(":memory:", config={"threads": int(os.environ.get("CHIBO_THREADS", 1))})
    con.execute(f"ATTACH '{str(_path).replace(chr(39), chr(39) * 2)}' AS wh (READ_ONLY)")
    con.execute("USE wh")
    _local.con = (sig, con)
    return con


def _query(sql: str, params: dict | None = None) -> pd.DataFrame:
    return _connection().execute(sql, params or {}).fetch_df()


def cached(fn):
    """Cache a query function by warehouse generation and its (hashable) arguments."""
    inner = functools.lru_cache(maxsize=512)(lambda sig, *a, **k: fn(*a, **k))

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return inner(signature(), *args, **kwargs)

    wrapper.cache_clear = inner.cache_clear
    return wrapper


def org_condition(scope: Scope, f: Filters | None = None, alias: str = "o") -> tuple[str, dict]:
    """SQL condition on marts.dim_org (as `alias`) for the scope and filters, with its params."""
    conds, params = [], {}
    sub = "{a}.org_id IN (SELECT org_id FROM marts.bridge_org_ancestor WHERE {c})"
    if scope.provinces is not None:
        conds.append(f"list_contains($scope_prov, {alias}.province_code_current)")
        params["scope_prov"] = sorted(scope.provinces)
    if scope.org_roots is not None:
        conds.append(sub.format(a=alias, c="list_contains($scope_roots, ancestor_id)"))
        params["scope_roots"] = sorted(scope.org_roots)
    if f is not None:
        if f.region:
            conds.append(f"{alias}.region = $region")
            params["region"] = f.region
        if f.province:
            col = "province_code" if f.old_boundaries else "province_code_current"
            conds.append(f"{alias}.{col} = $province")
            params["province"] = f.province
        if f.sector:
            conds.append(f"{alias}.sector = $sector")
            params["sector"] = f.sector
        if f.org:
            conds.append(sub.format(a=alias, c="ancestor_id = $org"))
            params["org"] = f.org
    return (" AND ".join(conds) or "TRUE"), params


def month_floor(d: dt.date) -> dt.date:
    return dt.date(d.year, d.month, 1)


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return dt.date(y, m + 1, 1)


# ---------------------------------------------------------------- shared reference queries


@cached
def data_bounds(scope: Scope) -> tuple[dt.date, dt.date] | None:
    """(first month, last month) of membership data visible in the scope, or None if empty."""
    cond, p = org_condition(scope)
    row = _connection().execute(
        "SELECT min(month), max(month) FROM marts.fct_membership_monthly f"
        f" JOIN marts.dim_org o USING (org_id) WHERE {cond}", p).fetchone()
    return None if row[0] is None else (row[0], row[1])


@cached
def filter_choices(scope: Scope) -> dict[str, pd.DataFrame]:
    """Options for the filter bar: regions (region, name_vi, name_en), provinces (province_code,
    name, is_current, region), sectors (sector) — only those with organisations in the scope."""
    cond, p = org_condition(scope)
    regions = _query("SELECT region, name_vi, name_en FROM marts.dim_region ORDER BY sort_order")
    provinces = _query(
        "SELECT province_code, name, is_current, region FROM marts.dim_province p"
        f" WHERE EXISTS (SELECT 1 FROM marts.dim_org o WHERE {cond} AND (o.province_code ="
        " p.province_code OR o.province_code_current = p.province_code)) ORDER BY name", p)
    sectors = _query(f"SELECT DISTINCT sector FROM marts.dim_org o WHERE {cond}"
                     " AND sector IS NOT NULL ORDER BY sector", p)
    return {"regions": regions, "provinces": provinces, "sectors": sectors}


@cached
def search_orgs(scope: Scope, text: str = "", limit: int = 50) -> pd.DataFrame:
    """Organisations matching `text` (name or id, accent-insensitive): org_id, name, kind, path
    ('Province › Committee › Base › Cell'), ordered by depth then name."""
    cond, p = org_condition(scope)
    p.update(text=f"%{text.strip()}%", limit=limit)
    return _query(f"""
        WITH hits AS (
            SELECT org_id, name, kind, depth FROM marts.dim_org o
            WHERE {cond} AND (strip_accents(lower(name)) LIKE strip_accents(lower($text))
                              OR lower(org_id) LIKE lower($text))
            ORDER BY depth, name LIMIT $limit)
        SELECT h.org_id, h.name, h.kind, string_agg(a.name, ' › ' ORDER BY b.depth DESC) AS path
        FROM hits h JOIN marts.bridge_org_ancestor b ON b.org_id = h.org_id
        JOIN marts.dim_org a ON a.org_id = b.ancestor_id
        GROUP BY h.org_id, h.name, h.kind, h.depth ORDER BY h.depth, h.name""", p)


@cached
def org_exists(scope: Scope, org_id: str) -> bool:
    cond, p = org_condition(scope)
    p["id"] = org_id
    return bool(_connection().execute(
        f"SELECT count(*) FROM marts.dim_org o WHERE {cond} AND o.org_id = $id", p).fetchone()[0])


@cached
def events(scope: Scope) -> pd.DataFrame:
    """Reference events for time-series annotations: event_on, code, label_vi, label_en."""
    return _query("SELECT event_on, code, label_vi, label_en FROM marts.ref_events ORDER BY 1")


# ---------------------------------------------------------------- Tổng quan / Đảng viên


@cached
def monthly_indicators(scope: Scope, f: Filters, first: dt.date, last: dt.date) -> pd.DataFrame:
    """One row per month in [first, last]: month, base_orgs, cells, members, official,
    probationary, admitted, left, cells_lt3, good_fair, rated, present, expected."""
    cond, p = org_condition(scope, f)
    p.update(a=month_floor(first), b=month_floor(last))
    return _query(f"""
        WITH o AS (SELECT org_id, kind, valid_from, valid_to FROM marts.dim_org o WHERE {cond}),
        months AS (SELECT unnest(generate_series($a::DATE, $b::DATE, INTERVAL 1 MONTH))::DATE
                   AS month),
        mem AS (SELECT month, sum(official + probationary) AS members, sum(official) AS official,
                       sum(probationary) AS probationary, sum(admitted) AS admitted,
                       sum("left") AS "left", count(*) FILTER (WHERE official < 3) AS cells_lt3
                FROM marts.fct_membership_monthly JOIN o USING (org_id)
                WHERE month BETWEEN $a AND $b GROUP BY month),
        mt AS (SELECT month, sum(good + fair) AS good_fair, sum(good + fair + average + poor)
                      AS rated, sum(present) AS present, sum(expected) AS expected
               FROM marts.fct_meetings_monthly JOIN o USING (org_id)
               WHERE month BETWEEN $a AND $b GROUP BY month),
        orgs AS (SELECT m.month,
                   count(*) FILTER (WHERE kind IN ('base_cell', 'base_committee')) AS base_orgs,
                   count(*) FILTER (WHERE kind IN ('base_cell', 'sub_cell')) AS cells
                 FROM months m JOIN o ON o.valid_from <= last_day(m.month)
                      AND (o.valid_to IS NULL OR o.valid_to > last_day(m.month))
                 GROUP BY m.month)
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
    """Admissions and departures by period in [start, end]: period (DATE, first day), admitted,
    left, and left_<reason> for each of LEAVE_REASONS; grain 'month' or 'year'."""
    cond, p = org_condition(scope, f)
    p.update(a=month_floor(f.start), b=f.end)
    unit = "year" if grain == "year" else "month"
    reasons = ", ".join(f"sum(left_{r}) AS left_{r}" for r in LEAVE_REASONS)
    return _query(f"""
        SELECT date_trunc('{unit}', month)::DATE AS period, sum(admitted) AS admitted,
               sum("left") AS "left", {reasons}
        FROM marts.fct_membership_monthly f JOIN marts.dim_org o USING (org_id)
        WHERE {cond} AND month BETWEEN $a AND $b GROUP BY 1 ORDER BY 1""", p)


@cached
def admission_rate(scope: Scope, f: Filters) -> pd.DataFrame:
    """Per year in the period: year, admitted, members (stock in the year's first loaded month),
    rate (admitted / members, a fraction)."""
    cond, p = org_condition(scope, f)
    p.update(a=month_floor(f.start), b=f.end)
    return _query(f"""
        WITH m AS (SELECT month, sum(admitted) AS admitted, sum(official + probationary) AS members
                   FROM marts.fct_membership_monthly f JOIN marts.dim_org o USING (org_id)
                   WHERE {cond} AND month BETWEEN $a AND $b GROUP BY month)
        SELECT year(month) AS year, sum(admitted) AS admitted, arg_min(members, month) AS members,
               sum(admitted) / nullif(arg_min(members, month), 0) AS rate
        FROM m GROUP BY 1 ORDER BY 1""", p)


@cached
def structure(scope: Scope, f: Filters) -> pd.DataFrame:
    """Age and gender structure for the year of the as-of date: gender, age_band, members."""
    cond, p = org_condition(scope, f)
    p["y"] = f.as_of.year
    return _query(f"""
        WITH y AS (SELECT max(year) AS year FROM marts.fct_member_structure_yearly
                   WHERE year <= $y)
        SELECT gender, age_band, sum(members) AS members
        FROM marts.fct_member_structure_yearly s JOIN marts.dim_org o USING (org_id)
        WHERE {cond} AND s.year = (SELECT year FROM y) GROUP BY 1, 2 ORDER BY 2, 1""", p)


# ---------------------------------------------------------------- Dữ liệu


@cached
def load_ledger(scope: Scope) -> pd.DataFrame:
    """The load ledger, newest first (all columns of meta.load_ledger); empty for a narrow scope."""
    if scope != Scope.everything():
        return _query("SELECT * FROM meta.load_ledger WHERE FALSE")
    return _query("SELECT * FROM meta.load_ledger ORDER BY loaded_at DESC, load_id DESC")


@cached
def quarantine(scope: Scope) -> pd.DataFrame:
    """Rejected rows (all columns of meta.quarantine); empty for a narrow scope."""
    if scope != Scope.everything():
        return _query("SELECT * FROM meta.quarantine WHERE FALSE")
    return _query("SELECT * FROM meta.quarantine ORDER BY load_id DESC, file_name, row_number")


@cached
def data_quality(scope: Scope, f: Filters) -> pd.DataFrame:
    """Data-quality warnings for organisations in scope and filters: rule, severity, org_id,
    org_name, member_id, month, detail."""
    cond, p = org_condition(scope, f)
    return _query(f"""
        SELECT q.rule, q.severity, q.org_id, o.name AS org_name, q.member_id, q.month, q.detail
        FROM marts.data_quality q JOIN marts.dim_org o USING (org_id) WHERE {cond}
        ORDER BY q.month DESC NULLS LAST, q.rule, q.org_id""", p)


@cached
def warehouse_info(scope: Scope) -> dict:
    """generation, published_at, last_load (timestamp), first_month, last_month, file_bytes."""
    con = _connection()
    gen = con.execute("SELECT generation, published_at FROM meta.generation"
                      " ORDER BY generation DESC LIMIT 1").fetchone() or (None, None)
    last_load = con.execute("SELECT max(loaded_at) FROM meta.load_ledger").fetchone()[0]
    bounds = data_bounds(scope) or (None, None)
    return {"generation": gen[0], "published_at": gen[1], "last_load": last_load,
            "first_month": bounds[0], "last_month": bounds[1],
            "file_bytes": os.stat(_path).st_size, "path": str(_path)}
