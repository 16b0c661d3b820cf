"""Series by period in one pass (exact.by_period over the warehouse's many-day macros) against the
day-by-day macros, on the demo warehouse (real ETL): for every month or year of the chosen dates,
the stocks on its last day, the members on the day before its first day and the flows over its
days equal marts.stocks_on / cell_stocks_on and flows_between / cell_flows_between asked for those
days one at a time; views: the whole country, a province, a sector, a picked organisation's
subtree; ranges: partial first and last periods, one starting before the history, one ending on
the last loaded day, one on 29/02. The demo's data tells a period's days from the next day's (the
comparison would fail for periods cut one day off)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from chibo.dashboard import runtime
from chibo.dashboard.data import Filters, Scope, query
from chibo.dashboard.queries import exact
from tests.helpers import runtime_for

ALL = Scope.everything()
DAY = dt.timedelta(days=1)


@pytest.fixture
def demo_runtime(demo_warehouse):
    """The demo warehouse, answers not cached (each day is asked once anyway)."""
    with runtime.bound(runtime_for(demo_warehouse, answer_cache_mb=0)) as rt:
        yield rt


def _views() -> dict[str, dict]:
    def top(column):
        return query(f"SELECT {column} AS v FROM marts.dim_org WHERE {column} IS NOT NULL"
                     f" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")["v"][0]
    org = query("SELECT org_id FROM marts.dim_org WHERE kind = 'province_committee'"
                " AND valid_to IS NULL ORDER BY org_id LIMIT 1")["org_id"][0]
    return {"country": {}, "province": {"province": top("province_code_current")},
            "sector": {"sector": top("sector")}, "org": {"org": org}}


def _ranges(last: dt.date) -> dict[str, tuple]:
    return {"before history": (dt.date(2000, 1, 1), dt.date(2011, 2, 14), "month"),
            "partial ends": (dt.date(2018, 3, 15), dt.date(2019, 2, 10), "month"),
            "29/02": (dt.date(2016, 2, 29), dt.date(2020, 2, 29), "year"),
            "to the last day": (dt.date(last.year - 2, 7, 9), last, "year"),
            "last months": (dt.date(last.year - 1, 11, 30), last, "month")}


def _day_by_day(f: Filters, row) -> dict:
    """What the period's row should hold, asked of the single-day macros."""
    out = exact.stocks_on(ALL, f, row.last)
    out["members_before"] = exact.stocks_on(ALL, f, row.first - DAY)["members"]
    out.update(exact.flows_between(ALL, f, row.first, row.last))
    return out


def test_series_equal_the_day_by_day_macros(demo_runtime):
    first, last = exact.history(ALL)
    ranges = _ranges(last)
    shifted = 0  # periods whose figures differ one day off: the comparison can see such a slip
    for view, kw in _views().items():
        for name, (a, b, unit) in ranges.items():
            f = Filters(start=a, end=b, as_of=b, **kw)
            df = exact.by_period(ALL, f, unit)
            assert len(df) >= 2, (view, name)
            assert df["first"].iloc[0] == max(a, first) and df["last"].iloc[-1] == min(b, last)
            for row in df.itertuples():
                expected = _day_by_day(f, row)
                got = {k: getattr(row, k) for k in expected}
                assert got == expected, (view, name, row.first, row.last)
                if row.first > first:  # the opening stocks come in on the first day, no flows
                    assert row.net_change == row.members - row.members_before, (view, name)
                late = SimpleNamespace(first=row.first + DAY, last=row.last + DAY)
                shifted += _day_by_day(f, late) != expected
    assert shifted > 20


def test_days_after_the_history_and_29_february(demo_runtime):
    """Months ending on 29/02, and months past the last loaded day: the series is cut to the
    history and its last period ends on the last loaded day."""
    _, last = exact.history(ALL)
    f = Filters(start=dt.date(2020, 1, 1), end=dt.date(2020, 2, 29), as_of=dt.date(2020, 2, 29))
    df = exact.by_period(ALL, f, "month")
    assert list(df["last"]) == [dt.date(2020, 1, 31), dt.date(2020, 2, 29)]
    assert df["members"].iloc[-1] == exact.stocks_on(ALL, f, dt.date(2020, 2, 29))["members"]
    f = Filters(start=last - dt.timedelta(days=40), end=last + dt.timedelta(days=400))
    df = exact.by_period(ALL, f, "month")
    assert df["last"].iloc[-1] == last
    assert df["members"].iloc[-1] == exact.stocks_on(ALL, f, last)["members"]
