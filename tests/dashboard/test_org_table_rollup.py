"""The table of base organisations (Tổ chức) read from marts.agg_base_org_members against the
per-cell path it replaces, on the demo warehouse (real ETL): with and without a picked
organisation, under every filter and for limited viewers, in full and cut to the grid's first
rows, the same rows; the rollup is read exactly on the day rollups' days over whole months."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from chibo.dashboard import runtime
from chibo.dashboard.data import Filters, Page, Scope, query
from chibo.dashboard.gateway import tracing
from chibo.dashboard.queries import exact, org_table, orgs
from tests.dashboard.test_day_rollups import _views
from tests.dashboard.test_subtree_rollup import _picks
from tests.helpers import runtime_for

ALL = Scope.everything()
ROLLUP = "marts.agg_base_org_members"


@pytest.fixture
def demo_runtime(demo_warehouse):
    """The demo warehouse, answers not cached (the two ways are each run)."""
    with runtime.bound(runtime_for(demo_warehouse, answer_cache_mb=0)) as rt:
        yield rt


def _same(scope: Scope, f: Filters, read: bool) -> int:
    """The table under `f` equals the per-cell path's, in full and cut to 5 rows (its first 5),
    and reads the rollup exactly when `read`; returns its number of rows."""
    full = None
    for limit in (None, 5):
        g = dataclasses.replace(f, extra=(("page", Page(limit=limit)),)) if limit else f
        with tracing() as seen:
            got = org_table.table_rows(scope, g)
        assert (ROLLUP in seen[-1].sql) == read, (scope, f, limit)
        with tracing() as seen:
            want = org_table.table_rows(scope, g, rolled=False)
        assert not any(ROLLUP in s.sql for s in seen)
        pd.testing.assert_frame_equal(got, want)
        if full is None:
            full = got
        else:
            pd.testing.assert_frame_equal(got, full.head(limit))
    return len(full)


def test_the_table_on_the_rollup_days_equals_the_cells_path(demo_runtime):
    """On the last loaded day over whole months (a year, the history and dates beyond it) and
    on 31-12 before it over its year, every view (no filter, a province, a sector, old
    boundaries) with and without an organisation picked at each level shows the per-cell rows,
    read from the rollup."""
    days = sorted(exact.rollup_days(ALL))
    first = exact.history(ALL)[0]
    last, year_end = days[-1], days[-2]
    shown = 0
    for day, ranges in ((last, ((dt.date(last.year, 1, 1), last), (first, last),
                                (dt.date(2000, 1, 15), dt.date(2100, 12, 31)))),
                        (year_end, ((dt.date(year_end.year, 1, 1), year_end),))):
        for start, end in ranges:
            for f in _views(day):
                for org in (None, *_picks().values()):
                    g = dataclasses.replace(f, start=start, end=end, org=org)
                    shown += _same(ALL, g, read=True)
    assert shown > 0


def test_other_days_and_dates_cutting_a_month_read_the_cells(demo_runtime):
    """A day the rollup does not hold, dates starting or ending inside a month of the history,
    and a last loaded day shown for a later as-of year (whose ratings the rollup lacks) are
    summed over the cells: the same rows either way."""
    days = sorted(exact.rollup_days(ALL))
    year_end, last = days[-2], days[-1]
    org = _picks()["province_committee"]
    for f in (Filters(start=dt.date(year_end.year, 1, 1), end=year_end,
                      as_of=year_end.replace(month=6, day=30)),
              Filters(start=dt.date(year_end.year, 1, 2), end=year_end, as_of=year_end),
              Filters(start=dt.date(year_end.year, 1, 1), end=year_end.replace(day=30),
                      as_of=year_end),
              Filters(start=dt.date(last.year, 1, 1), end=last, as_of=dt.date(2100, 12, 31))):
        for g in (f, dataclasses.replace(f, org=org)):
            assert _same(ALL, g, read=False) > 0


def test_a_limited_viewer_reads_the_rollup_for_their_base_organisations_only(demo_runtime):
    """A viewer limited to a province committee's subtree, or to a province, sees the same rows
    as the per-cell path (only their base organisations), with and without a pick."""
    day = max(exact.rollup_days(ALL))
    root = _picks()["province_committee"]
    province = query("SELECT province_code_current AS p FROM marts.dim_org WHERE org_id = $o",
                     {"o": root})["p"][0]
    for scope in (Scope(org_roots=frozenset({root})), Scope(provinces=frozenset({province}))):
        f = Filters(start=dt.date(day.year, 1, 1), end=day, as_of=day)
        everyone = _same(ALL, f, read=True)
        assert 0 < _same(scope, f, read=True) < everyone
        assert _same(scope, dataclasses.replace(f, org=root), read=True) > 0


def test_the_page_table_is_the_rollup_read(demo_runtime):
    """orgs.org_table (what the page's grid shows) is the table read from the rollup."""
    day = max(exact.rollup_days(ALL))
    f = Filters(start=dt.date(day.year, 1, 1), end=day, as_of=day)
    with tracing() as seen:
        got = orgs.org_table(ALL, f)
    assert any(ROLLUP in s.sql for s in seen)
    pd.testing.assert_frame_equal(got, org_table.table_rows(ALL, f, rolled=False))
