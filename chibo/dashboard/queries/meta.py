"""Queries for the Dữ liệu page: load ledger, rejected rows, data-quality warnings.

The ledger and quarantine are warehouse-wide: a viewer with a narrower scope sees them empty.
"""

from __future__ import annotations

import pandas as pd

from chibo.dashboard.data import Filters, Scope, cached, org_condition, query, query_row


@cached
def load_ledger(scope: Scope) -> pd.DataFrame:
    """The load ledger, newest first (all columns of meta.load_ledger); empty for a narrow scope."""
    if scope != Scope.everything():
        return query("SELECT * FROM meta.load_ledger WHERE FALSE")
    # a document is named by its title and date, not by the (hash) name of the file it came in
    return query("""
        SELECT l.* REPLACE (CASE WHEN d.title IS NOT NULL THEN d.title
                   || coalesce(' (' || strftime(d.published_on, '%d/%m/%Y') || ')', '')
                   ELSE l.file_name END AS file_name)
        FROM meta.load_ledger l
        LEFT JOIN marts.documents d ON l.entity = 'document' AND d.doc_id = l.file_hash
        ORDER BY l.loaded_at DESC, l.load_id DESC""")


@cached
def quarantine(scope: Scope) -> pd.DataFrame:
    """Rejected rows (all columns of meta.quarantine); empty for a narrow scope."""
    if scope != Scope.everything():
        return query("SELECT * FROM meta.quarantine WHERE FALSE")
    return query("SELECT * FROM meta.quarantine ORDER BY load_id DESC, file_name, row_number")


@cached
def data_quality(scope: Scope, f: Filters) -> pd.DataFrame:
    """Data-quality warnings for organisations in scope and filters: rule, severity, org_id,
    org_name, member_id, month, detail; the newest first, at most filters.extra `limit` rows (the
    warnings of the organisations selected are cut to the limit before they are named).

    With a limit, only the newest months that hold it are sorted: the month from which on there
    are at least `limit` warnings is counted first (one group by month), then only the warnings
    from that month on are read and ordered (a million warnings at national scale)."""
    cond, p = org_condition(scope, f)
    within = "TRUE" if cond == "TRUE" else (
        f"q.org_id IN (SELECT o.org_id FROM marts.dim_org o WHERE {cond})")
    limit = dict(f.extra).get("limit")
    newest = "TRUE"
    if limit is not None:
        p["limit"] = int(limit)
        cut = query_row(f"""
            SELECT max(month) FROM (SELECT month, sum(n) OVER (ORDER BY month DESC) AS n
                FROM (SELECT q.month, count(*) AS n FROM marts.data_quality q
                      WHERE {within} AND q.month IS NOT NULL GROUP BY q.month))
            WHERE n >= $limit""", p)[0]
        if cut is not None:  # at least `limit` warnings from that month on
            p["cut"], newest = cut, "q.month >= $cut"
    order = "q.month DESC NULLS LAST, q.rule, q.org_id, q.member_id, q.detail"
    return query(f"""
        WITH q AS (SELECT * FROM marts.data_quality q WHERE {within} AND {newest}
                   ORDER BY {order} {"LIMIT $limit" if limit is not None else ""})
        SELECT q.rule, q.severity, q.org_id, o.name AS org_name, q.member_id, q.month, q.detail
        FROM q JOIN marts.dim_org o USING (org_id) ORDER BY {order}""", p)
