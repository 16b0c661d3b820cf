"""The day rollups against what they replace, on the demo warehouse (real ETL): the precomputed
organisation tree (marts.agg_org_tree) shows the rows of the tree walked over the lineage bridge,
and the member structure of marts.agg_member_structure (and of a picked organisation's subtree,
marts.agg_subtree_structure) on the last loaded day the counts of marts.structure_long_on(D);
each is what the dashboard reads on the days it holds."""

from __future__ import annotations

import dataclasses

import pytest

from chibo.dashboard import runtime
from chibo.dashboard.data import Filters, Scope, org_condition, query
from chibo.dashboard.gateway import tracing
from chibo.dashboard.queries import exact, orgs, structure
from tests.dashboard.test_subtree_rollup import _picks as _levels
from tests.helpers import runtime_for

ALL = Scope.everything()


@pytest.fixture
def demo_runtime(demo_warehouse):
    """The demo warehouse, answers not cached (the two ways are each run)."""
    with runtime.bound(runtime_for(demo_warehouse, answer_cache_mb=0)) as rt:
        yield rt


def _views(day):
    """No filter, the largest current province, the largest sector, an old province."""
    def top(column):
        return query(f"SELECT {column} AS v FROM marts.dim_org WHERE {column} IS NOT NULL"
                     f" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")["v"][0]
    f = Filters(as_of=day)
    return [f, dataclasses.replace(f, province=top("province_code_current")),
            dataclasses.replace(f, sector=top("sector")),
            dataclasses.replace(f, old_boundaries=True, province=top("province_code_old"))]


def _picks(day):
    """No organisation, the largest existing one at each of the first three depths, one
    dissolved before the day, an unknown id."""
    tree = query("SELECT org_id, depth FROM marts.agg_org_tree WHERE day = $d"
                 " ORDER BY members DESC, org_id", {"d": day})
    picks = [None] + [tree[tree["depth"] == k]["org_id"].iloc[0] for k in (0, 1, 2)]
    dead = query("SELECT org_id FROM marts.dim_org WHERE valid_to <= $d ORDER BY depth, org_id"
                 " LIMIT 1", {"d": day})["org_id"].tolist()
    return picks + dead + ["NO-SUCH-ORG"]


@pytest.mark.parametrize("which", ["last", "year_end"])
def test_precomputed_tree_shows_the_walked_rows(demo_runtime, which):
    """On the last loaded day and on 31-12 of the year before it, every view (filters × picked
    organisation, two or three levels) shows exactly the rows of the tree walked over the bridge,
    read from marts.agg_org_tree without touching the bridge for the whole tree."""
    days = sorted(query("SELECT DISTINCT day FROM marts.agg_org_tree")["day"].dt.date)
    assert len(days) >= 2
    day = days[-1] if which == "last" else days[-2]
    assert exact.clamp_day(ALL, day) == day
    shown = 0
    for f in _views(day):
        for org in _picks(day):
            g = dataclasses.replace(f, org=org)
            levels = 3 if org else 2
            with tracing() as seen:
                precomputed = orgs.hierarchy_rows(ALL, g, levels, 12, walk=False)
            walked = orgs.hierarchy_rows(ALL, g, levels, 12, walk=True)
            assert precomputed.equals(walked), (day, f, org)
            assert "agg_org_tree" in seen[-1].sql and "cell_stocks_on" not in seen[-1].sql
            shown += len(precomputed)
    assert shown > 100  # the views are not all empty


def test_other_days_and_narrow_viewers_walk_the_bridge(demo_runtime):
    """A day the mart does not hold, or a viewer limited to a province, walks the bridge (the
    mart counts every cell, which a narrow viewer must not see)."""
    days = sorted(query("SELECT DISTINCT day FROM marts.agg_org_tree")["day"].dt.date)
    mid_year = days[-2].replace(month=6, day=30)
    province = query("SELECT province_code_current AS p FROM marts.dim_org"
                     " WHERE province_code_current IS NOT NULL LIMIT 1")["p"][0]
    for scope, day in ((ALL, mid_year), (Scope(provinces=frozenset({province})), days[-1])):
        with tracing() as seen:
            rows = orgs.hierarchy(scope, Filters(as_of=day), levels=2, top=12)
        assert "agg_org_tree" not in seen[-1].sql and not rows.empty


def test_member_structure_on_the_last_loaded_day_reads_the_rollup(demo_runtime):
    """The default view (as of the last loaded day), whole country and one province: every
    dimension read from marts.agg_member_structure equals marts.structure_long_on(D) per cell."""
    last = max(exact.rollup_days(ALL))
    province = query("SELECT province_code_current AS p FROM marts.dim_org"
                     " WHERE province_code_current IS NOT NULL ORDER BY 1 LIMIT 1")["p"][0]
    for f in (Filters(as_of=last), Filters(as_of=last, province=province)):
        for dimension in structure.DIMENSIONS:
            with tracing() as seen:
                rows = structure.members_by(ALL, f, dimension)
            assert "agg_member_structure" in seen[-1].sql
            cond, p = org_condition(ALL, f)
            p.update(d=last, dim=dimension)
            counted = query("SELECT s.value, sum(s.members) AS members"
                            " FROM marts.structure_long_on($d::DATE) s JOIN marts.dim_org o"
                            f" USING (org_id) WHERE {cond} AND s.dimension = $dim GROUP BY 1", p)
            assert (dict(zip(rows["value"], rows["members"].astype(int)))
                    == dict(zip(counted["value"], counted["members"].astype(int)))), dimension
            assert rows["members"].sum() > 0


def _counted_in_subtree(org: str, day, dimension: str) -> dict:
    """marts.structure_long_on(D) of the cells in `org`'s subtree (the lineage), by value."""
    rows = query("SELECT value, sum(members) AS members FROM marts.structure_long_on($d::DATE)"
                 " WHERE dimension = $dim AND org_id IN (SELECT org_id FROM"
                 " marts.bridge_org_lineage WHERE ancestor_id = $org) GROUP BY 1",
                 {"d": day, "dim": dimension, "org": org})
    return dict(zip(rows["value"], rows["members"].astype(int)))


def test_member_structure_of_a_picked_organisation_reads_its_subtree_rollup(demo_runtime):
    """On the last loaded day and 31-12 before it, an organisation above the cells picked in the
    filter (a current and a merged-away province committee, an upper and a base committee) is
    read from its rows of marts.agg_subtree_structure, equal to marts.structure_long_on(D) of
    its subtree's cells, for every dimension; a base cell picked, a day the rollup does not hold
    and a pick narrowed by a sector count the cells' rows (the same numbers)."""
    days = sorted(exact.rollup_days(ALL))
    picks = _levels()
    sector = query("SELECT sector FROM marts.dim_org WHERE sector IS NOT NULL GROUP BY 1"
                   " ORDER BY count(*) DESC LIMIT 1")["sector"][0]
    shown = 0
    for level, org in picks.items():
        rolled = level != "base_cell"
        for f, read in ((Filters(as_of=days[-1], org=org), rolled),
                        (Filters(as_of=days[-2], org=org), rolled),
                        (Filters(as_of=days[-2].replace(month=6, day=30), org=org), False),
                        (Filters(as_of=days[-1], org=org, sector=sector), False)):
            for dimension in structure.DIMENSIONS:
                with tracing() as seen:
                    rows = structure.members_by(ALL, f, dimension)
                assert ("agg_subtree_structure" in seen[-1].sql) == read, (level, f, dimension)
                got = dict(zip(rows["value"], rows["members"].astype(int)))
                if f.sector is None:
                    assert got == _counted_in_subtree(org, f.as_of, dimension), (level, f, dimension)
                shown += sum(got.values())
    assert shown > 0


def test_a_limited_viewer_reads_the_subtree_structure_only_inside_their_subtrees(demo_runtime):
    """A viewer limited to a province committee's subtree reads the rollup for a pick inside it
    (the statement binds their subtree), not for one outside; a viewer limited to a province
    never (the rollup counts every cell of the subtree)."""
    day = max(exact.rollup_days(ALL))
    picks = _levels()
    root = picks["province_committee"]
    inside = query("SELECT min(org_id) AS o FROM marts.dim_org WHERE kind = 'base_committee'"
                   " AND org_id IN (SELECT org_id FROM marts.bridge_org_lineage"
                   " WHERE ancestor_id = $r)", {"r": root})["o"][0]
    outside = query("SELECT min(org_id) AS o FROM marts.dim_org WHERE kind = 'base_committee'"
                    " AND org_id NOT IN (SELECT org_id FROM marts.bridge_org_lineage"
                    " WHERE ancestor_id = $r)", {"r": root})["o"][0]
    province = query("SELECT province_code_current AS p FROM marts.dim_org WHERE org_id = $o",
                     {"o": inside})["p"][0]
    for scope, org, read in ((Scope(org_roots=frozenset({root})), inside, True),
                             (Scope(org_roots=frozenset({root})), outside, False),
                             (Scope(provinces=frozenset({province})), inside, False)):
        with tracing() as seen:
            rows = structure.members_by(scope, Filters(as_of=day, org=org), "gender")
        assert ("agg_subtree_structure" in seen[-1].sql) == read, (scope, org)
        if read:
            assert seen[-1].params["scope_roots"] == [root]
            assert (dict(zip(rows["value"], rows["members"].astype(int)))
                    == _counted_in_subtree(org, day, "gender"))
