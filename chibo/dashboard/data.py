"""The data layer the pages and exports use: the viewer's Scope and the shared Filters, the SQL
condition that applies them, the query functions every module shares, and `query`/`cached`
running on the current gateway (chibo/dashboard/gateway.py, found through chibo/dashboard/runtime.py).

Page queries live in chibo/dashboard/queries/ and run through `query`/`cached`/`org_condition`. Every
query function takes a `Scope` first and applies it.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from chibo.dashboard import answers, runtime
from chibo.dashboard.gateway import Gateway


@dataclass(frozen=True)
class Scope:
    """What a viewer may see: current (34) province codes, old (63) province codes and
    organisation subtrees (None = no limit of that kind). An old province is the organisations
    placed in it (`dim_org.province_code`, the recorded old code), never its whole successor. When several are
    given the viewer sees their union; nothing() sees nothing."""

    provinces: frozenset | None = None
    org_roots: frozenset | None = None
    old_provinces: frozenset | None = None

    @classmethod
    def everything(cls) -> Scope:
        return cls(None, None)

    @classmethod
    def nothing(cls) -> Scope:
        return cls(frozenset(), frozenset())


@dataclass(frozen=True)
class Filters:
    """The shared filter state, validated (see chibo/dashboard/urlstate.py); dates are datetime.date."""

    start: dt.date = dt.date(2000, 1, 1)
    end: dt.date = dt.date(2100, 12, 31)
    as_of: dt.date = dt.date(2100, 12, 31)
    region: str | None = None
    province: str | None = None
    old_boundaries: bool = False
    sector: str | None = None
    org: str | None = None
    extra: tuple = field(default=())  # page-specific hashable extras, e.g. (("grain", "year"),)


@dataclass(frozen=True)
class Page:
    """One block of a grid's rows, checked against the table's own columns before it gets here
    (charts/grid_view.py): `offset`, `limit` (None: every row), `order` ((column, descending),
    …) before the table's own order, and `where` ((column, 'AND'|'OR', ((filter type, type,
    value, value to), …)), …): ag-grid's text and number filters."""

    offset: int = 0
    limit: int | None = None
    order: tuple = ()
    where: tuple = ()


def grid_page(f: Filters) -> Page:
    """The block of rows a grid asks for (filters.extra `page`); every row when none is asked."""
    page = dict(f.extra).get("page")
    return page if isinstance(page, Page) else Page()


# ---------------------------------------------------------------- the current gateway


def gateway() -> Gateway:
    """The gateway of the current runtime (the serving app's, or one bound by a test)."""
    return runtime.current().gateway


def warehouse_path() -> Path:
    return gateway().path


def signature() -> tuple | None:
    """(path, inode, mtime, size) of the file read now (the published one or a fallback
    generation), or None when there is none or none can be read."""
    return gateway().signature()


def unavailable_key() -> str:
    """The i18n key of why there is no data to show: none published yet, or none readable."""
    return "app.unreadable" if gateway().serving().state == "unreadable" else "app.no_warehouse"


def query(sql: str, params: dict | None = None) -> pd.DataFrame:
    """Run one parameterised SELECT through the gateway; a small DataFrame back."""
    return gateway().query(sql, params)


def query_row(sql: str, params: dict | None = None) -> tuple | None:
    """Run one parameterised SELECT through the gateway and return its first row (or None)."""
    return gateway().query_row(sql, params)


def clear_caches() -> None:
    """Forget every cached answer (benchmarks measure cold queries with this)."""
    answers.ANSWERS.clear()


def cached(fn):
    """Cache a query function by warehouse file generation and its (hashable) arguments, in the
    process's memory-bounded answer cache (chibo/dashboard/answers.py; CHIBO_ANSWER_CACHE_MB)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        budget = runtime.current().settings.answer_cache_mb * 1024 * 1024
        if budget <= 0:
            return fn(*args, **kwargs)
        key = (fn, signature(), args, tuple(sorted(kwargs.items())))
        value = answers.ANSWERS.get(key)
        if value is answers.MISSING:
            value = fn(*args, **kwargs)
            answers.ANSWERS.put(key, value, budget)
        return value

    wrapper.cache_clear = lambda: answers.ANSWERS.clear(fn)
    return wrapper


def province_column(f: Filters | None) -> str:
    """The dim_org column a province filter or breakdown uses: with `old_boundaries` the old (63)
    province each organisation is placed in (province_code_old: recorded, or through the
    crosswalk, its predecessors or ancestors; NULL when it cannot be placed, which the views
    count and say), else the current (34) one."""
    return "province_code_old" if f is not None and f.old_boundaries else "province_code_current"


def lineage(scope: Scope) -> str:
    """The bridge that organisation subtrees follow: the hierarchy and the succession
    (marts.bridge_org_lineage: the new provincial committee holds the cells of the old provinces
    merged into it, history included); the hierarchy alone in a warehouse built before that mart."""
    return "bridge_org_lineage" if table_exists(scope, "bridge_org_lineage") else "bridge_org_ancestor"


def org_condition(scope: Scope, f: Filters | None = None, alias: str = "o") -> tuple[str, dict]:
    """SQL condition on marts.dim_org (as `alias`) for the scope and filters, with its params."""
    conds, params = [], {}

    def subtree(cond: str) -> str:
        return f"{alias}.org_id IN (SELECT org_id FROM marts.{lineage(scope)} WHERE {cond})"

    limits = []  # the viewer's scope: the union of their provinces and subtrees
    if scope.provinces is not None:
        limits.append(f"list_contains($scope_prov::VARCHAR[], {alias}.province_code_current)")
        params["scope_prov"] = sorted(scope.provinces)
    if scope.old_provinces is not None:
        limits.append(f"list_contains($scope_old::VARCHAR[], {alias}.province_code)")
        params["scope_old"] = sorted(scope.old_provinces)
    if scope.org_roots is not None:
        limits.append(subtree("list_contains($scope_roots::VARCHAR[], ancestor_id)"))
        params["scope_roots"] = sorted(scope.org_roots)
    if limits:
        conds.append("(" + " OR ".join(limits) + ")")
    if f is not None:
        if f.region:
            conds.append(f"{alias}.region = $region")
            params["region"] = f.region
        if f.province:
            conds.append(f"{alias}.{province_column(f)} = $province")
            params["province"] = f.province
        if f.sector:
            conds.append(f"{alias}.sector = $sector")
            params["sector"] = f.sector
        if f.org:
            conds.append(subtree("ancestor_id = $org"))
            params["org"] = f.org
    return (" AND ".join(conds) or "TRUE"), params


def month_floor(d: dt.date) -> dt.date:
    return dt.date(d.year, d.month, 1)


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return dt.date(y, m + 1, 1)


# ---------------------------------------------------------------- shared reference queries


def table_exists(scope: Scope, name: str) -> bool:
    """Whether marts.<name> exists (rollups may be missing from older warehouse files); the
    gateway reads it once per generation, by binding the table, not by a catalog scan."""
    return gateway().columns(f"marts.{name}") is not None


def has_column(scope: Scope, table: str, column: str) -> bool:
    """Whether marts.<table> has `column` (a file built before the column lacks it); read once
    per generation, as table_exists."""
    return column in (gateway().columns(f"marts.{table}") or ())


def use_rollup(scope: Scope, f: Filters | None, table: str) -> bool:
    """Province × sector rollups serve a query unless it is narrowed to organisation subtrees."""
    return (scope.org_roots is None and (f is None or not f.org)
            and table_exists(scope, table))


@cached
def data_bounds(scope: Scope) -> tuple[dt.date, dt.date] | None:
    """(first month, last month) of membership data visible in the scope, or None if empty."""
    cond, p = org_condition(scope)
    src = ("marts.agg_members_monthly o" if use_rollup(scope, None, "agg_members_monthly") else
           "marts.fct_membership_monthly_by_key f JOIN marts.dim_org o USING (org_key)")
    # the first month with a cell (rollup rows of base organisations alone do not count)
    row = query_row(f"SELECT min(month) FILTER (WHERE cells > 0), max(month) FROM {src}"
                    f" WHERE {cond}", p)
    return None if row[0] is None else (row[0], row[1])


@cached
def filter_choices(scope: Scope) -> dict[str, pd.DataFrame]:
    """Options for the filter bar: regions (region, name_vi, name_en), provinces (province_code,
    name, is_current, region), sectors (sector) — only those with organisations in the scope."""
    cond, p = org_condition(scope)
    regions = query("SELECT region, name_vi, name_en FROM marts.dim_region r WHERE EXISTS (SELECT 1"
                    f" FROM marts.dim_org o WHERE {cond} AND o.region = r.region) ORDER BY sort_order",
                    p)
    provinces = query(
        "SELECT province_code, name, is_current, region FROM marts.dim_province p"
        f" WHERE EXISTS (SELECT 1 FROM marts.dim_org o WHERE {cond} AND (o.province_code ="
        " p.province_code OR o.province_code_current = p.province_code)) ORDER BY name", p)
    sectors = query(f"SELECT DISTINCT sector FROM marts.dim_org o WHERE {cond}"
                     " AND sector IS NOT NULL ORDER BY sector", p)
    return {"regions": regions, "provinces": provinces, "sectors": sectors}


@cached
def province_codes(codes: tuple[str, ...]) -> tuple[frozenset, frozenset]:
    """(current codes, old codes) among `codes`, as the warehouse's dim_province knows them;
    unknown codes are dropped (so a mistyped scope shows nothing, never everything)."""
    df = query("SELECT province_code, is_current FROM marts.dim_province"
               " WHERE list_contains($codes::VARCHAR[], province_code)", {"codes": list(codes)})
    known = dict(zip(df["province_code"], df["is_current"]))
    return (frozenset(c for c, cur in known.items() if cur),
            frozenset(c for c, cur in known.items() if not cur))


@cached
def events(scope: Scope) -> pd.DataFrame:
    """Reference events for time-series annotations: event_on, code, label_vi, label_en."""
    return query("SELECT event_on, code, label_vi, label_en FROM marts.ref_events ORDER BY 1")


@cached
def warehouse_info(scope: Scope) -> dict:
    """generation, published_at, last_load (timestamp), first_month, last_month, file_bytes."""
    gen = query_row("SELECT generation, published_at FROM meta.generation"
                    " ORDER BY generation DESC LIMIT 1") or (None, None)
    last_load = query_row("SELECT max(loaded_at) FROM meta.load_ledger")[0]
    bounds = data_bounds(scope) or (None, None)
    return {"generation": gen[0], "published_at": gen[1], "last_load": last_load,
            "first_month": bounds[0], "last_month": bounds[1],
            "file_bytes": gateway().file_bytes(), "path": str(warehouse_path())}
