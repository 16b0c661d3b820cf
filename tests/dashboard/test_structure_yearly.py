"""The age × gender structure of the Đảng viên page on the demo warehouse (real ETL): read from
marts.fct_member_structure_yearly, whose org_id is dictionary-coded, it equals
marts.structure_on(D) counted on the year's day (31-12, the last loaded day for the latest year)
for the whole country, a province, a sector and a picked organisation; the rows of the year are
filtered by the selected ids, never joined to dim_org (none at all when nothing narrows them)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from chibo.dashboard import runtime
from chibo.dashboard.data import Filters, Scope, query
from chibo.dashboard.gateway import tracing
from chibo.dashboard.queries import members, subtree
from tests.helpers import runtime_for

ALL = Scope.everything()


@pytest.fixture
def demo_runtime(demo_warehouse):
    with runtime.bound(runtime_for(demo_warehouse, answer_cache_mb=0)) as rt:
        yield rt


def _counted(f: Filters, day: dt.date) -> dict:
    """structure_on(day) of the selected organisations, by (gender, age band)."""
    cond, p = subtree.ids_in(ALL, f, "s.org_id")
    p["d"] = day
    rows = query("SELECT gender, age_band, count(*) AS members FROM marts.structure_on($d::DATE) s"
                 f" WHERE {cond} GROUP BY ALL", p)
    return {(g, a): int(n) for g, a, n in rows.itertuples(index=False)}


def _views(day: dt.date) -> list[Filters]:
    def top(column):
        return query(f"SELECT {column} AS v FROM marts.dim_org WHERE {column} IS NOT NULL"
                     f" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")["v"][0]
    picked = query("SELECT org_id FROM marts.dim_org WHERE kind NOT IN ('base_cell', 'sub_cell')"
                   " AND depth = 1 ORDER BY org_id LIMIT 1")["org_id"][0]
    f = Filters(as_of=day)
    return [f, dataclasses.replace(f, province=top("province_code_current")),
            dataclasses.replace(f, sector=top("sector")), dataclasses.replace(f, org=picked)]


def test_age_and_gender_of_a_year_equal_the_members_counted_on_its_day(demo_runtime):
    years = query("SELECT DISTINCT year FROM marts.fct_member_structure_yearly ORDER BY 1")["year"]
    last = query("SELECT max(month_end) AS d FROM marts.dim_month")["d"][0].date()
    for year in (int(years.iloc[-2]), int(years.iloc[-1])):
        day = min(dt.date(year, 12, 31), last)
        for f in _views(day):
            rows = members.structure(ALL, f)
            got = {(g, a): int(n) for g, a, n in rows.itertuples(index=False)}
            assert got == _counted(f, day) and sum(got.values()) > 0, (year, f)


def test_the_year_rows_are_filtered_by_keys_never_joined_to_dim_org(demo_runtime):
    """Nothing narrowing: the rows of the year alone; a province: the org_key of the year's rows
    is compared with the province's keys (one small set), not joined row by row."""
    day = query("SELECT max(month_end) AS d FROM marts.dim_month")["d"][0].date()
    whole, province = _views(day)[:2]
    with tracing() as seen:
        members.structure(ALL, whole)
    assert "dim_org" not in seen[-1].sql
    with tracing() as seen:
        members.structure(ALL, province)
    assert "s.org_key IN (SELECT o.org_key FROM marts.dim_org o WHERE" in seen[-1].sql
    assert "JOIN marts.dim_org" not in seen[-1].sql
