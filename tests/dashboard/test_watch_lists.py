"""The national-scale paths of the tables and KPI cards against the paths they replace, on the
demo warehouse (real ETL): the cells that missed regular meetings read from
marts.cell_missed_regular equal the months counted on the facts (every view, limited viewers,
ends at the first months of history and in the past); the watch lists and the data-quality
warnings cut to the grid in SQL are the first rows of the whole lists, whatever the limit (one
less, exactly, one more than a month's warnings or the list); the grid's rows are what pandas'
records give; the member-structure KPI cards compare two days of the day rollups and count both
periods' admissions at once; a picked organisation's months read its subtree rollup."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil

import duckdb
import numpy as np
import pandas as pd
import pytest

from chibo.dashboard import data, runtime
from chibo.dashboard.charts import tables
from chibo.dashboard.data import Filters, Page, Scope, query
from chibo.dashboard.gateway import tracing
from chibo.dashboard.queries import exact, meta, structure
from chibo.dashboard.queries import watch_lists as watch
from tests.helpers import runtime_for

ALL = Scope.everything()


@pytest.fixture
def demo_runtime(demo_warehouse):
    """The demo warehouse, answers not cached (the two ways are each run)."""
    with runtime.bound(runtime_for(demo_warehouse, answer_cache_mb=0)) as rt:
        yield rt


def _top(column: str) -> str:
    return query(f"SELECT {column} AS v FROM marts.dim_org WHERE {column} IS NOT NULL"
                 f" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")["v"][0]


def _views(end: dt.date) -> list[tuple[Scope, Filters]]:
    """Views ending at `end`: no filter, a province, a sector, an old province, a picked
    provincial committee; a viewer limited to a province and one limited to a subtree."""
    f = Filters(start=data.add_months(end, -11), end=end, as_of=end)
    committee = query("SELECT org_id FROM marts.dim_org WHERE kind = 'province_committee'"
                      " AND valid_to IS NULL ORDER BY org_id LIMIT 1")["org_id"][0]
    province = _top("province_code_current")
    return [(ALL, f), (ALL, dataclasses.replace(f, province=province)),
            (ALL, dataclasses.replace(f, sector=_top("sector"))),
            (ALL, dataclasses.replace(f, old_boundaries=True, province=_top("province_code_old"))),
            (ALL, dataclasses.replace(f, org=committee)),
            (Scope(provinces=frozenset({province})), f),
            (Scope(org_roots=frozenset({committee})), f)]


def test_missed_meetings_from_the_mart_equal_the_months_counted_on_the_facts(demo_runtime):
    """At the last loaded month, seven months and two years before it and a year after the
    history starts, over 3, 6 and 12 months, every view lists the same cells with the same
    months missed and last regular meetings, read from marts.cell_missed_regular; the facts'
    path never reads it."""
    first, last = data.data_bounds(ALL)
    sizes = []
    for end in (last, data.add_months(last, -7), data.add_months(last, -24),
                data.add_months(first, 12)):
        for scope, f in _views(end):
            for months in (3, 6, 12):
                with tracing() as seen:
                    mart = watch.missed_regular(scope, f, months)
                assert "marts.cell_missed_regular" in _block(seen).sql
                with tracing() as seen:
                    facts = watch.missed_regular(scope, f, months, counted=True)
                assert "cell_missed_regular" not in _block(seen).sql
                pd.testing.assert_frame_equal(mart, facts, check_dtype=False)
                sizes.append(len(mart))
    assert max(sizes) > 100 and min(sizes) < max(sizes)  # lists of every length, not all empty


def test_missed_months_differ_with_the_window(demo_runtime):
    """Near miss: a window one month longer counts more months for some cell (the months are
    those of the view, not the cell's whole history)."""
    _first, last = data.data_bounds(ALL)
    f = Filters(start=data.add_months(last, -11), end=last, as_of=last)
    three, four = (watch.missed_regular(ALL, f, n).set_index("org_id")["missed"] for n in (3, 4))
    assert (three <= 3).all() and (four <= 4).all()
    assert (four.reindex(three.index) >= three).all() and four.sum() > three.sum()


def _block(seen: list):
    """The statement of a list's block: the last one before its cells are named (the statement
    binding their ids as `listed`)."""
    return next(s for s in reversed(seen) if "listed" not in s.params)


def _rows(df: pd.DataFrame) -> list[list]:
    """The values row by row, any missing value None (a column the cut leaves all missing is
    read as objects, not text)."""
    return [list(df.columns)] + df.astype(object).where(df.notna(), None).values.tolist()


def _warnings_per_month(scope: Scope, f: Filters) -> list[int]:
    full = meta.data_quality(scope, f)
    return full.groupby(full["month"].fillna(pd.Timestamp("1900-01-01")), sort=True).size(
        ).sort_index(ascending=False).tolist()


def test_data_quality_cut_to_the_grid_is_the_head_of_the_whole_list(demo_runtime):
    """With a limit one less, exactly and one more than the newest month's warnings (and those of
    the two newest months), one row, the whole list and more, the rows are the first rows of
    the list without a limit, for every view and limited viewers."""
    _first, last = data.data_bounds(ALL)
    checked, newest = 0, 0
    for scope, f in _views(last):
        full = meta.data_quality(scope, f)
        if full.empty:
            continue
        per = _warnings_per_month(scope, f)
        newest = max(newest, per[0])
        limits = {1, len(full) - 1, len(full), len(full) + 1}
        for n in (per[0], per[0] + per[1] if len(per) > 1 else per[0]):
            limits |= {n - 1, n, n + 1}
        for limit in sorted(k for k in limits if k > 0):
            cut = meta.data_quality(scope, dataclasses.replace(f, extra=(("page", Page(limit=limit)),)))
            assert _rows(cut) == _rows(full.head(limit)), (scope, f, limit)
            checked += 1
    assert checked > 30 and newest > 1
    per = _warnings_per_month(ALL, _views(last)[0][1])
    with tracing() as seen:  # only the newest month is read and sorted for its own warnings
        meta.data_quality(ALL, dataclasses.replace(_views(last)[0][1], extra=(("page", Page(limit=per[0])),)))
    newest_month = meta.data_quality(ALL, _views(last)[0][1])["month"].max()
    assert pd.Timestamp(_block(seen).params["cut"]) == newest_month


def test_grid_rows_are_the_records_pandas_gives():
    """Missing values of every kind are None, timestamps text (naive and zoned), numbers Python
    numbers of the same type, text unchanged, in the rows' and columns' order."""
    df = pd.DataFrame({
        "text": pd.Series(["a", None, "c"], dtype="str"),
        "obj": ["x", None, 3],
        "int": np.array([1, 2, 3], dtype="int64"),
        "nullable": pd.array([1, None, 3], dtype="Int64"),
        "dec": [1.5, float("nan"), 2.0],
        "month": pd.to_datetime(["2026-10-01", None, "2025-01-31 12:30:05"], format="ISO8601"),
        "zoned": pd.to_datetime(["2026-10-01 08:00", "2026-10-02 09:00", None]).tz_localize("UTC"),
        "day": [dt.date(2026, 1, 2), None, dt.date(2026, 3, 4)],
    })
    old = df.copy()
    for col in old.columns:
        if pd.api.types.is_datetime64_any_dtype(old[col]):
            old[col] = old[col].dt.strftime("%Y-%m-%dT%H:%M:%S")
    want = old.astype(object).where(old.notna(), None).to_dict("records")
    got = tables.records(df)
    assert got == want
    assert [[type(v) for v in r.values()] for r in got] == [[type(v) for v in r.values()]
                                                             for r in want]
    assert got[1]["month"] is None and got[2]["month"] == "2025-01-31T12:30:05"


def test_structure_kpis_compare_two_days_of_the_rollups(demo_runtime):
    """On the last loaded day the KPI cards' "a year earlier" (the end of the same month a year
    before) is a day of the day rollups, so both shares are read from
    marts.agg_member_structure, equal to the macro's count; the day after it is not one (near
    miss: it is counted on the member rows)."""
    last = max(exact.rollup_days(ALL))
    before = exact.year_before(last)
    assert before in exact.rollup_days(ALL)
    assert before + dt.timedelta(days=1) not in exact.rollup_days(ALL)
    f = Filters(start=last.replace(month=1, day=1), end=last, as_of=last)
    with tracing() as seen:
        kpis = structure.kpis(ALL, f)
    shares = [s for s in seen if s.params.get("dim") in ("gender", "ethnicity")]
    assert len(shares) == 4 and all("agg_member_structure" in s.sql for s in shares)
    for day in (before, before + dt.timedelta(days=1)):
        rows = query("SELECT count(*) FILTER (WHERE gender = 'female') / count(*) AS share"
                     " FROM marts.structure_on($d::DATE) WHERE gender IS NOT NULL", {"d": day})
        g = dataclasses.replace(f, as_of=day)
        with tracing() as seen:
            got = structure.share(structure.members_by(ALL, g, "gender"), "female")
        assert ("agg_member_structure" in seen[-1].sql) == (day == before)
        assert got == pytest.approx(float(rows["share"][0]), abs=1e-12)
    assert kpis["female_share"]["previous"] == pytest.approx(
        structure.share(structure.members_by(ALL, dataclasses.replace(f, as_of=before),
                                             "gender"), "female"))


def test_monthly_indicators_of_a_picked_organisation_read_its_subtree_rollup(demo_runtime):
    """The overview's months (KPI sparklines, the 5-year trend) of an organisation picked at
    each level, merged-away province included, over the whole history: the membership read from
    marts.agg_subtree_monthly equals the cells' facts month by month; a base cell, a pick
    narrowed by a sector and a viewer limited to a province read the facts (near misses)."""
    from chibo.dashboard.queries import members
    from tests.dashboard.test_subtree_rollup import _picks

    first, last = data.data_bounds(ALL)
    f = Filters(start=first, end=last, as_of=last)
    province = _top("province_code_current")
    shown = 0
    for level, org in _picks().items():
        g = dataclasses.replace(f, org=org)
        views = [(ALL, g, level != "base_cell"), (ALL, dataclasses.replace(g, sector=_top(
            "sector")), False), (Scope(provinces=frozenset({province})), g, False)]
        for scope, h, read in views:
            with tracing() as seen:
                rolled = members.monthly_indicators(scope, h, first, last)
            assert ("agg_subtree_monthly o" in seen[-1].sql) == read, (level, h)
            cells = members.monthly_indicators(scope, h, first, last, rolled=False)
            pd.testing.assert_frame_equal(rolled, cells, check_dtype=False)
            shown += int(rolled["members"].fillna(0).sum())
    assert shown > 0


def test_young_admission_shares_of_both_periods_counted_at_once_equal_each_period(demo_runtime):
    """The KPI card's share of admissions aged 30 or younger, now and a year earlier, counted in
    one pass, equals the share of each period's own admissions by age band: this year, the whole
    history (its year earlier starts before the data), a period of a few days, every view and
    limited viewers; an empty period has no share."""
    first, last = data.data_bounds(ALL)
    end = exact.month_end(last)
    day = dt.timedelta(days=1)
    periods = [(end.replace(month=1, day=1), end), (first, end), (end - 9 * day, end - 3 * day),
               (end, end - day)]
    shares = []
    for scope, f in _views(end):
        for a, b in periods:
            g = dataclasses.replace(f, start=a, end=b)
            before = dataclasses.replace(g, start=exact.year_before(a), end=exact.year_before(b))
            got = structure.admission_shares(scope, g, before, "age_band", "18_30")
            want = tuple(structure.share(structure.admissions_by(scope, h, "age_band"), "18_30")
                         for h in (g, before))
            assert got == want, (scope, g)
            shares += [s for s in got if s is not None]
    assert shares and 0 < min(shares) < max(shares) < 1
    assert structure.admission_shares(ALL, dataclasses.replace(_views(end)[0][1], start=end,
                                      end=end - dt.timedelta(days=1)), _views(end)[0][1],
                                      "age_band", "18_30")[0] is None


def test_watch_lists_cut_to_the_grid_are_the_head_of_the_whole_lists(demo_runtime):
    """With the grid's limit (1, a middle one, one less, exactly and one more than the list) the
    three watch lists fetch only their first rows, in every view and for limited viewers."""
    _first, last = data.data_bounds(ALL)
    lists = (lambda s, g: watch.missed_regular(s, g, 3), lambda s, g: watch.missed_regular(s, g, 12),
             watch.falling_cells, watch.poor_cells, lambda s, g: watch.poor_counted(s, g, last))
    cut_somewhere = False
    for scope, f in _views(exact.month_end(last)):
        for fn in lists:
            full = fn(scope, f)
            for limit in sorted({1, max(len(full) // 2, 1), len(full) - 1, len(full),
                                 len(full) + 1} - {0}):
                with tracing() as seen:
                    cut = fn(scope, dataclasses.replace(f, extra=(("page", Page(limit=limit)),)))
                assert _block(seen).params["page_limit"] == limit
                assert _rows(cut) == _rows(full.head(limit)), (scope, f, limit)
                cut_somewhere |= 1 < limit < len(full)
    assert cut_somewhere


def test_cells_are_named_alike_in_a_file_built_before_the_base_organisations_name(
        demo_warehouse, tmp_path):
    """The watch lists name each cell's base organisation from dim_org.base_org_name; a file
    built before that column names them the same by joining dim_org with itself."""
    older = tmp_path / "older.duckdb"
    shutil.copy(demo_warehouse, older)
    with duckdb.connect(str(older)) as con:
        con.execute("ALTER TABLE marts.dim_org DROP COLUMN base_org_name")
    got, joined = [], []
    for path in (demo_warehouse, older):
        with runtime.bound(runtime_for(path, answer_cache_mb=0)):
            _first, last = data.data_bounds(ALL)
            f = Filters(start=data.add_months(last, -11), end=last, as_of=last,
                        extra=(("page", Page(limit=50)),))
            with tracing() as seen:
                got.append([_rows(fn(ALL, f)) for fn in (
                    lambda s, g: watch.missed_regular(s, g, 12), watch.falling_cells,
                    watch.poor_cells)])
            joined.append(any("JOIN marts.dim_org b" in s.sql for s in seen))
    assert got[0] == got[1] and joined == [False, True]
    named = [r[2] for rows in got[0] for r in rows[1:]]  # base_org: the third column
    assert any(named)  # the cells of base committees

