"""Queries for Tổ chức: organisation counts over time, the hierarchy with members, the table of
base organisations with their metrics, and one organisation's meetings and ratings."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from chibo.dashboard.data import (
    Filters,
    Scope,
    add_months,
    cached,
    lineage,
    month_floor,
    org_condition,
    query,
    query_row,
    table_exists,
)
from chibo.dashboard.queries import exact
from chibo.dashboard.queries import org_table as org_table_rows

COMMITTEES = ("province_committee", "central_committee", "bloc_committee", "upper_committee",
              "partial_committee")


def _as_of_day(scope: Scope, f: Filters) -> dt.date | None:
    """The as-of day moved into the history (exact.clamp_day)."""
    return exact.clamp_day(scope, f.as_of)


@cached
def org_counts(scope: Scope, f: Filters, by: str = "kind") -> pd.DataFrame:
    """Organisations existing at each month end of the period: month, grp (kind, or sector of base
    organisations and cells), n. Committees are counted by kind only."""
    cond, p = org_condition(scope, f)
    p.update(a=month_floor(f.start), b=month_floor(f.end))
    grp = "kind" if by == "kind" else "coalesce(sector, 'other')"
    kinds = "" if by == "kind" else "AND kind IN ('base_cell', 'base_committee', 'sub_cell')"
    return query(f"""
        WITH o AS (SELECT {grp} AS grp, valid_from, valid_to FROM marts.dim_org o
                   WHERE {cond} {kinds}),
        ev AS (SELECT grp, date_trunc('month', coalesce(valid_from, DATE '1900-01-01'))::DATE
                      AS month, 1 AS d FROM o
               UNION ALL SELECT grp, date_trunc('month', valid_to)::DATE, -1 FROM o
               WHERE valid_to IS NOT NULL),
        months AS (SELECT unnest(generate_series($a::DATE, $b::DATE, INTERVAL 1 MONTH))::DATE
                   AS month),
        grid AS (SELECT g.grp, m.month FROM (SELECT DISTINCT grp FROM o) g CROSS JOIN months m),
        d AS (SELECT grp, month, sum(d) AS d FROM ev GROUP BY ALL),
        c AS (SELECT grp, month, sum(coalesce(d, 0)) OVER (PARTITION BY grp ORDER BY month
                     ROWS UNBOUNDED PRECEDING) AS n
              FROM (SELECT grp, month FROM grid UNION SELECT grp, month FROM d)
              LEFT JOIN d USING (grp, month))
        SELECT month, grp, n FROM c WHERE month BETWEEN $a AND $b AND n > 0
        ORDER BY grp, month""", p)


@cached
def hierarchy(scope: Scope, f: Filters, levels: int = 3, top: int = 15) -> pd.DataFrame:
    """Treemap rows below the picked organisation (or the top of the scope) as the tree stands on
    the as-of day (members exact on that day): org_id, parent_id (NULL at the top), name, kind,
    members (in the subtree). Only organisations existing then are boxes, linked through the
    succession (marts.bridge_org_lineage): the cells of a merged province sit under the new
    provincial committee, and a level abolished without successor (districts) is skipped; the
    parent is the deepest existing ancestor (by depth, then org_id). At most `levels` levels (3 at
    most); each parent keeps its `top` largest children. Members are counted only in cells of the
    viewer's scope. A viewer who sees everything, on a day the warehouse precomputed the tree for
    (marts.agg_org_tree: 31-12 of every year, the last loaded day, the end of its month a year
    earlier), reads that tree; otherwise the tree is walked over the bridge here."""
    return hierarchy_rows(scope, f, levels, top, walk=False)


def hierarchy_rows(scope: Scope, f: Filters, levels: int = 3, top: int = 15,
                   walk: bool = False) -> pd.DataFrame:
    """The rows of `hierarchy`; with `walk` the tree is walked over the bridge whatever the
    warehouse precomputed (the reference the precomputed tree is checked against)."""
    d = _as_of_day(scope, f)
    cond, p = org_condition(scope, dataclasses.replace(f, org=None))
    p.update(d=d, levels=levels, top=top, root=f.org)
    bridge = f"marts.{lineage(scope)}"
    if not walk and _tree_precomputed(scope, d):
        nodes = _TREE_NODES.format(selected=_tree_keys(cond, bool(f.org), bridge))
        if not f.org:
            del p["root"]  # no subtree to read
        root = f.org and query_row("SELECT depth FROM marts.agg_org_tree_by_key WHERE day = $d AND"
                                   " org_key = (SELECT org_key FROM marts.dim_org WHERE org_id ="
                                   " $root)", {"d": d, "root": f.org})
        p["d0"] = (root[0] if root else None) if f.org else 0  # None: not a node, no rows
    else:
        seen, sp = org_condition(scope, None, alias="c")
        p.update(sp)
        nodes = _walked_nodes(scope, f, cond, seen, bridge)
    return query(f"""
        WITH {nodes},
        kept AS (SELECT * FROM nodes WHERE level = 0 OR rank <= $top)
        SELECT org_id, CASE WHEN level = 0 THEN NULL ELSE parent_id END AS parent_id, name, kind,
               CAST(members AS BIGINT) AS members
        FROM kept  -- the third level only below the second level's kept boxes
        WHERE level < 2 OR parent_id IN (SELECT org_id FROM kept WHERE level = 1)
        ORDER BY level, members DESC, org_id""", p)


def _tree_precomputed(scope: Scope, d: dt.date | None) -> bool:
    """Whether marts.agg_org_tree holds the whole tree on day `d` for this viewer (one who sees
    everything: the mart counts every cell)."""
    return (scope == Scope.everything() and d in exact.rollup_days(scope)
            and table_exists(scope, "agg_org_tree"))


# The precomputed tree's nodes are ranked on their keys (org_key is in org_id order: the same
# ties), and only the boxes kept (and their parents) are named from dim_org.
_TREE_NODES = """
        tree AS (SELECT t.org_key, t.parent_key, t.depth - $d0 AS level, t.members,
                        row_number() OVER (PARTITION BY t.parent_key
                                           ORDER BY t.members DESC, t.org_key) AS rank
                 FROM marts.agg_org_tree_by_key t
                 WHERE t.day = $d AND t.depth BETWEEN $d0 AND $d0 + $levels - 1 AND {selected}),
        few AS (SELECT * FROM tree WHERE level = 0 OR rank <= $top),
        named AS MATERIALIZED (SELECT o.org_key, o.org_id, o.name, o.kind FROM marts.dim_org o
                               WHERE o.org_key IN (SELECT org_key FROM few
                                                   UNION ALL SELECT parent_key FROM few)),
        nodes AS (SELECT n.org_id, u.org_id AS parent_id, n.name, n.kind, t.level, t.members,
                         t.rank
                  FROM few t JOIN named n USING (org_key)
                  LEFT JOIN named u ON u.org_key = t.parent_key)"""


def _tree_keys(cond: str, rooted: bool, bridge: str) -> str:
    """The condition on the precomputed tree's org_key (as t): an organisation of dim_org that
    `cond` selects and, for a picked organisation ($root), in its subtree over `bridge`."""
    if cond == "TRUE" and not rooted:
        return "TRUE"
    below = (f" AND o.org_id IN (SELECT org_id FROM {bridge} WHERE ancestor_id = $root)"
             if rooted else "")
    return f"t.org_key IN (SELECT o.org_key FROM marts.dim_org o WHERE {cond}{below})"


def _walked_nodes(scope: Scope, f: Filters, cond: str, seen: str, bridge: str) -> str:
    """The `nodes` of hierarchy walked over the bridge on any day, for any viewer. When the scope
    or a picked organisation narrows the tree, only the bridge rows of the organisations that can
    be boxes and of the cells counted are read (for the whole tree, a province or a sector across
    it, that step costs more than it saves)."""
    narrowed = bool(f.org or scope != Scope.everything())
    below = f"($root IS NULL OR {{}}.org_id IN (SELECT org_id FROM {bridge} WHERE ancestor_id = $root))"
    return f"""
        cellm AS (SELECT c.org_id, m.official + m.probationary AS members
                  FROM marts.cell_stocks_on_by_key($d) m JOIN marts.dim_org c USING (org_key)
                  WHERE {seen} AND {below.format("c")}),
        live AS (SELECT org_id, depth, marts.org_on(valid_from, valid_to, $d::DATE) AS alive
                 FROM marts.dim_org),
        wanted AS (SELECT org_id FROM marts.dim_org o WHERE {cond} AND {below.format("o")}
                   UNION SELECT org_id FROM cellm UNION SELECT $root WHERE $root IS NOT NULL),
        eff AS (SELECT b.org_id, b.ancestor_id, a.depth AS ancestor_depth
                FROM {bridge} b {"SEMI JOIN wanted w ON w.org_id = b.org_id" if narrowed else ""}
                JOIN live n ON n.org_id = b.org_id AND n.alive
                JOIN live a ON a.org_id = b.ancestor_id AND a.alive),
        sub AS (SELECT e.ancestor_id AS org_id, sum(c.members) AS members
                FROM eff e JOIN cellm c USING (org_id) GROUP BY 1),
        shape AS (SELECT org_id, count(*) FILTER (WHERE ancestor_id <> org_id) AS depth,
                         arg_max(ancestor_id, (ancestor_depth, ancestor_id))
                         FILTER (WHERE ancestor_id <> org_id) AS parent_id
                  FROM eff GROUP BY 1),
        base AS (SELECT coalesce((SELECT depth FROM shape WHERE org_id = $root), 0) AS d0),
        nodes AS (SELECT o.org_id, sh.parent_id, o.name, o.kind, sh.depth - base.d0 AS level,
                         sub.members,
                         row_number() OVER (PARTITION BY sh.parent_id ORDER BY sub.members DESC, o.org_id)
                         AS rank
                  FROM marts.dim_org o JOIN shape sh USING (org_id) JOIN sub USING (org_id), base
                  WHERE {cond} AND sh.depth - base.d0 BETWEEN 0 AND $levels - 1
                        AND sub.members > 0
                        AND ($root IS NULL OR o.org_id IN (SELECT org_id FROM eff
                                                           WHERE ancestor_id = $root)))"""


@cached
def org_table(scope: Scope, f: Filters) -> pd.DataFrame:
    """Base organisations in scope and filters with their cells, members, official members,
    admissions, meetings and latest rating (queries/org_table.py)."""
    return org_table_rows.table_rows(scope, f)


@cached
def meeting_levels(scope: Scope, f: Filters) -> pd.DataFrame:
    """Meetings of the picked organisation's cells per month: month, good, fair, average, poor,
    regular_held (empty when no organisation is picked)."""
    if not f.org:
        return pd.DataFrame(columns=["month", "good", "fair", "average", "poor", "regular_held"])
    cond, p = org_condition(scope, f)
    p.update(a=month_floor(f.start), b=f.end)
    return query(f"""
        SELECT month, sum(good) AS good, sum(fair) AS fair, sum(average) AS average,
               sum(poor) AS poor, sum(regular_held) AS regular_held
        FROM marts.fct_meetings_monthly_by_key JOIN marts.dim_org o USING (org_key)
        WHERE {cond} AND month BETWEEN $a AND $b GROUP BY month ORDER BY month""", p)


@cached
def ratings(scope: Scope, f: Filters) -> pd.DataFrame:
    """Annual ratings of the picked organisation and its sub-organisations: year, org_id, name,
    rating (empty when no organisation is picked)."""
    if not f.org:
        return pd.DataFrame(columns=["year", "org_id", "name", "rating"])
    cond, p = org_condition(scope, f)
    p.update(y0=add_months(month_floor(f.start), -48).year, y1=f.as_of.year)
    return query(f"""
        SELECT a.year, o.org_id, o.name, a.rating
        FROM marts.fct_assessment_yearly a JOIN marts.dim_org o USING (org_id)
        WHERE {cond} AND a.year BETWEEN $y0 AND $y1
        ORDER BY a.year DESC, o.depth, o.name LIMIT 2000""", p)
