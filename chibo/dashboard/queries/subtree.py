"""Organisation filters resolved once: the ids of the organisations a viewer's scope and the
filters select (an organisation's subtree over the lineage, a province, a sector…), read from
marts.dim_org as one small set that the facts are filtered by, instead of joining dim_org to every
fact row. The big facts store org_id dictionary-coded (marts.org_code): the set is made of codes
there, so no fact row's id is decoded to text to be compared."""

from __future__ import annotations

from chibo.dashboard.data import Scope, cached, org_condition, query_row

CELLS = ("base_cell", "sub_cell")


@cached
def has_codes(scope: Scope) -> bool:
    """Whether the warehouse has marts.org_code (a file from before the coded ids has not)."""
    return bool(query_row("SELECT count(*) FROM duckdb_types() WHERE database_name = 'wh'"
                          " AND schema_name = 'marts' AND type_name = 'org_code'")[0])


def ids_in(scope: Scope, f, column: str, kinds: tuple[str, ...] = (),
           coded: bool = False) -> tuple[str, dict]:
    """(SQL condition, params): `column` (an org_id) is one of the organisations of dim_org in the
    scope and filters `f` (of `kinds` when given); with `coded`, `column` is a marts.org_code
    column and is compared as codes. TRUE when nothing narrows the organisations."""
    cond, p = org_condition(scope, f)
    if kinds:
        cond = f"{cond} AND o.kind IN ({', '.join(repr(k) for k in kinds)})"
    elif cond == "TRUE":
        return "TRUE", p
    ids = "CAST(o.org_id AS marts.org_code)" if coded and has_codes(scope) else "o.org_id"
    return f"{column} IN (SELECT {ids} FROM marts.dim_org o WHERE {cond})", p
