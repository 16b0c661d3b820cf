"""Organisation filters resolved once: the ids of the organisations a viewer's scope and the
filters select (an organisation's subtree over the lineage, a province, a sector…), read from
marts.dim_org as one small set that the facts are filtered by before anything is summed, instead
of joining dim_org to every fact row. The set stays text: a cast to the facts' dictionary type
(marts.org_code) costs each statement time in proportion to the whole dictionary (150 ms with
the 307 000 ids of the national scale), more than the ids it would spare decoding."""

from __future__ import annotations

from chibo.dashboard.data import Scope, org_condition


def ids_in(scope: Scope, f, column: str) -> tuple[str, dict]:
    """(SQL condition, params): `column` (an org_id, as text or coded) is one of the
    organisations of dim_org in the scope and filters `f`; TRUE when nothing narrows them."""
    cond, p = org_condition(scope, f)
    if cond == "TRUE":
        return "TRUE", p
    return f"{column} IN (SELECT o.org_id FROM marts.dim_org o WHERE {cond})", p
