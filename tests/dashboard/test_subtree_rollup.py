"""A picked organisation's series read from its subtree rollup (marts.agg_subtree_monthly through
marts.subtree_stock_parts_on_days / subtree_flow_parts_over) against the facts of the subtree's
cells (the path taken without the rollup), on the demo warehouse (real ETL): organisations of
every level the mart holds (a current province committee holding merged provinces, a province
committee merged away, an upper committee, a base committee, a bloc when the demo has one),
months and years over partial, whole, early and latest dates and ending on the day a base
organisation of the subtree is founded or dissolved, for a viewer who sees everything
and for one limited to a subtree that holds the pick. The single-day stocks and flows of the pick
(exact.stocks_on / flows_between, also read from the rollup) equal the periods' rows. A base cell
(no rollup), a pick outside a limited viewer's subtrees and a pick narrowed by another filter
take the facts' path."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from chibo.dashboard.data import Filters, Scope, query
from chibo.dashboard.queries import exact, subtree
from tests.dashboard.test_periods import demo_runtime  # noqa: F401 (the fixture)

pytestmark = pytest.mark.usefixtures("demo_runtime")
ALL = Scope.everything()
DAY = dt.timedelta(days=1)


def _picks() -> dict[str, str]:
    """One organisation of each level, the biggest subtree of its kind."""
    rows = query("""
        SELECT o.kind, o.valid_to IS NULL AS current, arg_max(o.org_id, (n, o.org_id)) AS org_id
        FROM marts.dim_org o JOIN (SELECT ancestor_id AS org_id, count(*) AS n
                                   FROM marts.bridge_org_lineage GROUP BY 1) b USING (org_id)
        GROUP BY ALL""")
    picks = {f"{k}{'' if c else ' (gone)'}": o for k, c, o in rows.itertuples(index=False)
             if (c or k == "province_committee") and k != "sub_cell"}
    assert {"province_committee", "province_committee (gone)", "upper_committee",
            "base_committee", "base_cell"} <= set(picks), picks
    return picks


def _ranges(first: dt.date, last: dt.date) -> list[tuple]:
    return [(first, last, "year"), (first - 40 * DAY, dt.date(first.year + 1, 3, 14), "month"),
            (dt.date(2018, 3, 15), dt.date(2019, 2, 10), "month"),
            (dt.date(2016, 2, 29), dt.date(2020, 2, 29), "year"),
            (dt.date(last.year - 1, 11, 30), last, "month")]


def _founded_or_dissolved(org: str, first: dt.date) -> list[tuple]:
    """Months ending on the day a base organisation of `org`'s subtree is founded or dissolved
    (not a first of a month, in the history), and on the day before."""
    day = query("""SELECT min(d) FROM (SELECT unnest([valid_from, valid_to]) AS d FROM marts.dim_org
        WHERE kind IN ('base_cell', 'base_committee') AND org_id IN (SELECT org_id FROM
        marts.bridge_org_lineage WHERE ancestor_id = $org)) WHERE day(d) > 1 AND d > $first""",
                {"org": org, "first": first}).iloc[0, 0]
    if pd.isna(day):
        return []
    day = pd.Timestamp(day).date()
    return [(day - 70 * DAY, day, "month"), (day - 70 * DAY, day - DAY, "month")]


def _same(rolled: pd.DataFrame, facts: pd.DataFrame, what: str) -> None:
    assert facts["members"].sum() > 0, what  # the picks hold members in every range
    pd.testing.assert_frame_equal(rolled.reset_index(drop=True), facts.reset_index(drop=True),
                                  obj=what)


def test_series_of_a_rolled_up_subtree_equal_its_cells():
    first, last = exact.history(ALL)
    picks = _picks()
    for level, org in picks.items():
        holds = subtree.rolled_up(ALL, Filters(org=org)) is not None
        assert holds == (level != "base_cell"), level
        for a, b, unit in _ranges(first, last) + _founded_or_dissolved(org, first):
            f = Filters(start=a, end=b, org=org)
            rolled = exact.period_rows(ALL, f, unit)
            _same(rolled, exact.period_rows(ALL, f, unit, rolled=False),
                  f"{level} {org} {a}..{b} by {unit}")
            for row in rolled.itertuples():  # the single-day path reads the rollup too
                stocks = exact.stocks_on(ALL, f, row.last)
                flows = exact.flows_between(ALL, f, row.first, row.last)
                assert {k: getattr(row, k) for k in (*exact.STOCKS, *exact.FLOWS)} == \
                    {**{k: stocks[k] for k in exact.STOCKS}, **{k: flows[k] for k in exact.FLOWS}}


def test_a_limited_viewer_reads_the_rollup_only_inside_their_subtrees():
    first, last = exact.history(ALL)
    picks = _picks()
    root, inside = picks["province_committee"], None
    below = query("SELECT org_id FROM marts.bridge_org_lineage WHERE ancestor_id = $r",
                  {"r": root})["org_id"]
    for level in ("upper_committee", "base_committee"):  # a pick under the viewer's committee
        inside = query("""SELECT arg_max(o.org_id, (n, o.org_id)) FROM marts.dim_org o JOIN
            (SELECT ancestor_id AS org_id, count(*) AS n FROM marts.bridge_org_lineage GROUP BY 1)
            USING (org_id) WHERE o.kind = $k AND list_contains($ids, o.org_id)""",
                       {"k": level, "ids": list(below)}).iloc[0, 0]
        if inside:
            break
    outside = query("""SELECT min(org_id) FROM marts.dim_org WHERE kind = 'province_committee'
        AND valid_to IS NULL AND NOT list_contains($ids, org_id)""", {"ids": list(below)}).iloc[0, 0]
    viewer = Scope(org_roots=frozenset({root}))
    f = Filters(start=first, end=last)
    assert subtree.rolled_up(viewer, dataclasses.replace(f, org=inside)) is not None
    assert subtree.rolled_up(viewer, dataclasses.replace(f, org=outside)) is None
    assert subtree.rolled_up(ALL, dataclasses.replace(f, org=inside, sector="x")) is None
    for org in (inside, root):
        g = dataclasses.replace(f, org=org)
        for unit in ("month", "year"):
            _same(exact.period_rows(viewer, g, unit), exact.period_rows(viewer, g, unit, rolled=False),
                  f"viewer {root}, pick {org} by {unit}")
