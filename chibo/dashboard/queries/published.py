"""Queries for the Số liệu công bố page: published figures with their reconciliation against the
warehouse (marts.reported_figures, marts.documents, marts.figure_reconciliation).

The figures are public text, shown to every viewer with a scope; the warehouse side (value,
difference, verdict) only where the viewer may see the whole scope it was counted over:
everything for the full scope, else a province or organisation figure inside the viewer's scope.
"""

from __future__ import annotations

import pandas as pd

from chibo.dashboard.data import Filters, Scope, cached, org_condition, query, table_exists

METRICS = ("members_total", "members_official", "members_probationary", "members_female",
           "new_admissions", "base_orgs_total", "base_party_committees",
           "base_committees_upper_powers", "base_cells", "sub_cells", "cells_total",
           "upper_committees", "partial_committees", "sub_committees", "bloc_committees",
           "province_committees", "province_bloc_committees", "fulltime_staff")
_RECONCILED = """r.as_of_used, r.resolved, r.resolution, r.resolved_how, r.metric_in_warehouse,
    CASE WHEN {v} THEN r.warehouse_value END AS warehouse_value,
    CASE WHEN {v} THEN r.difference END AS difference,
    CASE WHEN {v} THEN r.relative_difference END AS relative_difference,
    CASE WHEN {v} THEN r.agrees END AS agrees, ({v}) AS visible, r.not_compared,
    r.tolerance_low, r.tolerance_high, r.low_inclusive, r.high_inclusive, r.tolerance_text"""
_UNRECONCILED = """coalesce(f.as_of, make_date(f.year, 12, 31)) AS as_of_used,
    NULL::BOOLEAN AS resolved, NULL AS resolution, NULL AS resolved_how,
    NULL::BOOLEAN AS metric_in_warehouse, NULL::DOUBLE AS warehouse_value,
    NULL::DOUBLE AS difference, NULL::DOUBLE AS relative_difference, NULL::BOOLEAN AS agrees,
    FALSE AS visible, NULL AS not_compared, NULL::DOUBLE AS tolerance_low, NULL::DOUBLE AS tolerance_high,
    NULL::BOOLEAN AS low_inclusive, NULL::BOOLEAN AS high_inclusive, NULL AS tolerance_text"""


def _visible(scope: Scope) -> tuple[str, dict]:
    """SQL (on alias r) saying whether the viewer may see a figure's warehouse side."""
    if scope == Scope.everything():
        return "TRUE", {}
    cond, p = org_condition(scope)
    parts = [f"(r.resolution = 'organisation' AND r.scope_org_id IN"
             f" (SELECT o.org_id FROM marts.dim_org o WHERE {cond}))"]
    if scope.org_roots is None and scope.provinces is not None:
        parts.append("(r.resolution = 'province' AND list_contains($scope_prov, (SELECT CASE WHEN"
                     " p.is_current THEN p.province_code ELSE p.successor_code END FROM"
                     " marts.dim_province p WHERE p.province_code = r.scope_province_code)))")
    return "coalesce(" + " OR ".join(parts) + ", FALSE)", p


@cached
def figures(scope: Scope, f: Filters) -> pd.DataFrame:
    """Published figures with their reconciliation, filtered by f.extra (metric, year_from,
    year_to, scope_key, doc_id; 'all'/None = no filter). Columns: figure_id, doc_id, source_name,
    title, published_on, ordinal, metric, value, qualifier, number_text, sentence, span_start,
    span_end, scope_kind, scope_value, scope_text, sector, scope_key (kind:value[:sector]),
    as_of_source, year, period_from, part_of_figure_id, dimension, dimension_value, share,
    whole_text (the number phrase of the whole a part belongs to), as_of_used, resolved, resolution, resolved_how, metric_in_warehouse,
    warehouse_value, difference, relative_difference, agrees, visible, not_compared,
    tolerance_low, tolerance_high, low_inclusive, high_inclusive, tolerance_text."""
    if scope == Scope.nothing() or not table_exists(scope, "reported_figures"):
        return pd.DataFrame()
    extra = dict(f.extra)
    if table_exists(scope, "figure_reconciliation"):
        vis, p = _visible(scope)
        cols = _RECONCILED.format(v=vis)
        join = "LEFT JOIN marts.figure_reconciliation r ON r.figure_id = f.figure_id"
    else:
        cols, p, join = _UNRECONCILED, {}, ""
    conds = []
    for key, sql in (("metric", "metric = $metric"), ("doc_id", "doc_id = $doc_id"),
                     ("scope_key", "scope_key = $scope_key"),
                     ("year_from", "year(as_of_used) >= CAST($year_from AS INTEGER)"),
                     ("year_to", "year(as_of_used) <= CAST($year_to AS INTEGER)")):
        if extra.get(key) not in (None, "", "all"):
            conds.append(sql)
            p[key] = extra[key]
    return query(f"""
        WITH rows AS (
            SELECT f.figure_id, f.doc_id, f.source_name, d.title, f.published_on, f.ordinal,
                f.metric, f.value, f.qualifier, f.number_text, f.sentence, f.span_start,
                f.span_end, f.scope_kind, f.scope_value, f.scope_text, f.sector,
                f.scope_kind || ':' || coalesce(f.scope_value, '')
                    || coalesce(':' || f.sector, '') AS scope_key,
                f.as_of_source, f.year, f.period_from, f.part_of_figure_id, f.dimension,
                f.dimension_value, f.share, w.number_text AS whole_text, {cols}
            FROM marts.reported_figures f LEFT JOIN marts.documents d USING (doc_id)
            LEFT JOIN marts.reported_figures w ON w.figure_id = f.part_of_figure_id {join})
        SELECT * FROM rows WHERE {' AND '.join(conds) or 'TRUE'}
        ORDER BY as_of_used DESC NULLS LAST, source_name, ordinal""", p)


@cached
def choices(scope: Scope) -> dict[str, pd.DataFrame]:
    """Options for the page's filters: documents (doc_id, source_name, title, published_on,
    figures), scopes (scope_key, scope_kind, scope_value, sector, scope_text, figures), years
    (year)."""
    if scope == Scope.nothing() or not table_exists(scope, "reported_figures"):
        empty = pd.DataFrame()
        return {"documents": empty, "scopes": empty, "years": empty}
    docs = query("""SELECT d.doc_id, d.source_name, d.title, d.published_on, count(f.figure_id)
        AS figures FROM marts.documents d LEFT JOIN marts.reported_figures f USING (doc_id)
        GROUP BY ALL ORDER BY d.published_on DESC NULLS LAST, d.source_name""")
    scopes = query("""SELECT scope_kind || ':' || coalesce(scope_value, '')
        || coalesce(':' || sector, '') AS scope_key, scope_kind, scope_value, sector,
        min(scope_text) AS scope_text, count(*) AS figures
        FROM marts.reported_figures WHERE scope_kind IS NOT NULL GROUP BY ALL
        ORDER BY figures DESC, scope_key""")
    years = query("""SELECT DISTINCT coalesce(year(as_of), year) AS year FROM marts.reported_figures
        WHERE coalesce(year(as_of), year) IS NOT NULL ORDER BY year""")
    return {"documents": docs, "scopes": scopes, "years": years}
