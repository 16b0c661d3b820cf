"""The metric registry as the warehouse publishes it (marts.dim_metric, from the ETL's
chibo/etl/reference/metrics.csv): each metric's label and one-sentence definition in Vietnamese and
English, its unit and kind. Labels of KPI cards, chart series, CSV headers, the "ⓘ" definitions
and the slides' notes read them here, so a metric is named and defined once.

Every function takes the viewer's Scope first, like every query (the registry is the same for
every viewer). A warehouse without the registry yields an empty one (callers fall back to their
own words).
"""

from __future__ import annotations

import pandas as pd

from chibo.dashboard.data import Scope, cached, query, table_exists

COLUMNS = ("metric", "label_vi", "label_en", "definition_vi", "definition_en", "formula_vi",
           "formula_en", "unit", "kind")


@cached
def registry(scope: Scope) -> dict[str, dict]:
    """{metric: {label_vi, label_en, definition_vi, definition_en, formula_vi, formula_en, unit,
    kind}}, in the registry's order (a column an older warehouse lacks reads as None)."""
    if not table_exists(scope, "dim_metric"):
        return {}
    df: pd.DataFrame = query("SELECT * FROM marts.dim_metric ORDER BY sort_order, metric")
    return {r["metric"]: {c: r.get(c) for c in COLUMNS[1:]} for r in df.to_dict("records")}


def label(scope: Scope, metric: str, lang: str, default: str | None = None) -> str:
    """The metric's label in `lang` (`default`, else the metric's name, when not registered)."""
    row = registry(scope).get(metric)
    return row[f"label_{'en' if lang == 'en' else 'vi'}"] if row else (default or metric)


def definition(scope: Scope, metric: str, lang: str) -> str | None:
    """The metric's one-sentence definition in `lang` (None when not registered)."""
    row = registry(scope).get(metric)
    return row[f"definition_{'en' if lang == 'en' else 'vi'}"] if row else None


def formula(scope: Scope, metric: str, lang: str) -> str:
    """How the metric is computed, in a few words, for a chart's subtitle ('' when the registry
    gives none)."""
    row = registry(scope).get(metric)
    return (row[f"formula_{'en' if lang == 'en' else 'vi'}"] or "") if row else ""


def definitions(scope: Scope, metrics, lang: str) -> list[tuple[str, str]]:
    """[(label, definition)] for the registered ones of `metrics`, in that order."""
    return [(label(scope, m, lang), definition(scope, m, lang)) for m in metrics
            if m in registry(scope)]
