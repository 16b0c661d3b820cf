"""Organisation filters resolved once: the ids of the organisations a viewer's scope and the
filters select (an organisation's subtree over the lineage, a province, a sector…), read from
marts.dim_org as one small set that the facts are filtered by before anything is summed, instead
of joining dim_org to every fact row; and whether the warehouse rolled the selection up
(marts.agg_subtree_monthly holds the picked organisation's subtree).

The big facts store dim_org.org_key (marts.<name>_by_key): filtered by the keys of the selection
(`keys_in`) they are read without a join; their views (marts.<name>, the ids shown) are filtered
by ids (`ids_in`)."""

from __future__ import annotations

from chibo.dashboard.data import Filters, Scope, cached, lineage, org_condition, query_row, table_exists

ROLLUP = "agg_subtree_monthly"


def ids_in(scope: Scope, f, column: str, by: str = "org_id") -> tuple[str, dict]:
    """(SQL condition, params): `column` (an org_id; with `by="org_key"` a key of dim_org) is one
    of the organisations of dim_org in the scope and filters `f`; TRUE when nothing narrows them."""
    cond, p = org_condition(scope, f)
    if cond == "TRUE":
        return "TRUE", p
    return f"{column} IN (SELECT o.{by} FROM marts.dim_org o WHERE {cond})", p


def keys_in(scope: Scope, f, column: str) -> tuple[str, dict]:
    """As ids_in, for a column of dim_org.org_key (a table stored by key)."""
    return ids_in(scope, f, column, by="org_key")


def rolled_up(scope: Scope, f: Filters) -> tuple[str, dict] | None:
    """(SQL condition, params) when the selection is exactly the picked organisation's subtree
    and marts.agg_subtree_monthly holds it, else None. Exactly: no region, province or sector
    filter and no province scope narrow it, and a viewer limited to organisation subtrees has the
    picked organisation inside one of them (their subtrees then hold all of its subtree). The
    condition binds the viewer's scope again ($scope_roots): TRUE only for such a pick."""
    return _inside(scope, f.org) if _holds(scope, f) else None


def _inside(scope: Scope, org: str) -> tuple[str, dict]:
    """(SQL condition, params): `org` is inside the viewer's organisation subtrees (if limited)."""
    if scope.org_roots is None:
        return "TRUE", {"org": org}
    return (f"$org IN (SELECT org_id FROM marts.{lineage(scope)}"
            f" WHERE list_contains($scope_roots::VARCHAR[], ancestor_id))",
            {"org": org, "scope_roots": sorted(scope.org_roots)})


@cached
def _holds(scope: Scope, f: Filters) -> bool:
    """Whether the selection is the picked organisation's subtree (as rolled_up says), the
    viewer sees all of it and marts.agg_subtree_monthly holds it (a warehouse may predate it)."""
    if (not f.org or f.region or f.province or f.sector or scope.provinces is not None
            or scope.old_provinces is not None or not table_exists(scope, ROLLUP)):
        return False
    cond, p = _inside(scope, f.org)
    return bool(query_row(f"SELECT {cond} AND EXISTS (SELECT 1 FROM marts.{ROLLUP}"
                          f" WHERE org_id = $org)", p)[0])
