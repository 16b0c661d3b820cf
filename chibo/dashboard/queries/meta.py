"""Queries for the Dữ liệu page: load ledger, rejected rows, data-quality warnings.

The ledger and quarantine are warehouse-wide: a viewer with a narrower scope sees them empty.
"""

from __future__ import annotations

import pandas as pd

from chibo.dashboard.data import Filters, Scope, cached, grid_page, org_condition, query, query_row
from chibo.dashboard.queries import paging


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
    org_name, member_id, month, detail; the newest first. Paged in SQL (queries/paging.py): the
    block a grid asks for (filters.extra `page`) is cut before its organisations are named,
    unless the grid sorts or filters by the organisation's name.

    In the table's own order and unfiltered, only the newest months that hold the block are
    sorted: the month from which on there are enough warnings is counted first (one group by
    month, which also gives the count), then only the warnings from that month on are read and
    ordered (a million warnings at national scale)."""
    cond, p = org_condition(scope, f)
    within = "TRUE" if cond == "TRUE" else (
        f"q.org_id IN (SELECT o.org_id FROM marts.dim_org o WHERE {cond})")
    page = grid_page(f)
    newest, total = "TRUE", None
    if page.limit is not None and not page.order and not page.where:
        p["upto"] = page.offset + page.limit
        cut, total = query_row(f"""
            SELECT max(month) FILTER (WHERE month IS NOT NULL AND n >= $upto), sum(c)
            FROM (SELECT month, c, sum(c) OVER (ORDER BY month DESC NULLS LAST) AS n
                  FROM (SELECT q.month, count(*) AS c FROM marts.data_quality q
                        WHERE {within} GROUP BY q.month))""", p)
        if cut is not None:  # at least offset + limit warnings from that month on
            p["cut"], newest = cut, "q.month >= $cut"
        del p["upto"]
    sql = paging.block(
        page, ctes="", p=p, lang=dict(f.extra).get("lang", "vi"),
        keys=f"""SELECT q.rule, q.severity, CAST(q.org_id AS VARCHAR) AS org_id, q.member_id,
                        q.month, q.detail
                 FROM marts.data_quality q WHERE {within} AND {newest}""",
        names=lambda listed: f"""c AS (SELECT o.org_id, o.name AS org_name FROM marts.dim_org o
            WHERE o.org_id IN (SELECT org_id FROM {listed}))""",
        named=("org_name",), default=("month DESC NULLS LAST", "rule", "org_id", "member_id",
                                      "detail"),
        columns="rule, severity, org_id, org_name, member_id, month, detail",
        total=None if total is None else int(total))
    return paging.run(scope, sql, p, page)
