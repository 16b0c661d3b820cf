"""Organisation look-ups every page shares: the accent-insensitive search of the filter bar, an
organisation's name and path, whether it is in a viewer's scope; `fold`, the SQL folding of a
name the search compares (the ETL folds dim_org.search_name the same way), and `column_exists`
for a marts column an older warehouse file may lack."""

from __future__ import annotations

import pandas as pd

from chibo.dashboard.data import Scope, cached, gateway, org_condition, query, query_row


def fold(sql: str) -> str:
    """SQL folding a text for the organisation search: lower case, no diacritics, đ as d (the
    ETL folds every name the same way into marts.dim_org.search_name)."""
    return f"replace(strip_accents(lower({sql})), 'đ', 'd')"


def column_exists(scope: Scope, name: str) -> bool:
    """Whether marts has the column `name` ('table.column'; a warehouse file from before it was
    added may not), read as table_exists."""
    table, _dot, column = name.partition(".")
    return column in (gateway().columns(f"marts.{table}") or ())


@cached
def search_orgs(scope: Scope, text: str = "", limit: int = 50) -> pd.DataFrame:
    """Organisations matching `text` (name or id, accent-insensitive): org_id, name, kind, path
    ('Province › Committee › Base › Cell'), ordered by depth then name. Names are matched on
    their folded copy (dim_org.search_name), only the text typed is folded per search."""
    cond, p = org_condition(scope)
    p.update(text=f"%{text.strip()}%", limit=limit)
    folded = "o.search_name" if column_exists(scope, "dim_org.search_name") else fold("o.name")
    return query(f"""
        WITH hits AS (
            SELECT org_id, name, kind, depth FROM marts.dim_org o
            WHERE {cond} AND ({folded} LIKE {fold("$text")} OR lower(org_id) LIKE lower($text))
            ORDER BY depth, name LIMIT $limit)
        SELECT h.org_id, h.name, h.kind, string_agg(a.name, ' › ' ORDER BY b.depth DESC) AS path
        FROM hits h JOIN marts.bridge_org_ancestor b ON b.org_id = h.org_id
        JOIN marts.dim_org a ON a.org_id = b.ancestor_id
        GROUP BY h.org_id, h.name, h.kind, h.depth ORDER BY h.depth, h.name""", p)


@cached
def org_label(scope: Scope, org_id: str) -> tuple[str, str] | None:
    """(name, path 'Province › … › Cell') of one organisation in the scope, or None."""
    cond, p = org_condition(scope)
    p["id"] = org_id
    return query_row(f"""
        SELECT any_value(o.name), string_agg(a.name, ' › ' ORDER BY b.depth DESC)
        FROM marts.dim_org o JOIN marts.bridge_org_ancestor b ON b.org_id = o.org_id
        JOIN marts.dim_org a ON a.org_id = b.ancestor_id
        WHERE {cond} AND o.org_id = $id HAVING count(*) > 0""", p)


@cached
def org_exists(scope: Scope, org_id: str) -> bool:
    cond, p = org_condition(scope)
    p["id"] = org_id
    return bool(query_row(f"SELECT count(*) FROM marts.dim_org o WHERE {cond} AND o.org_id = $id",
                          p)[0])
