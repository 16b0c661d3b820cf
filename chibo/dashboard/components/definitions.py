"""The "ⓘ" button on every KPI card and chart card: a disclosure with the definition of each metric
shown, read from the metric registry (chibo/dashboard/queries/metrics.py, marts.dim_metric), and the
callback that fills a chart card's popover for the current filters and language."""

from __future__ import annotations

import dash_mantine_components as dmc
from dash import MATCH, Input, Output, State, callback, html

from chibo.dashboard import data, i18n, responses
from chibo.dashboard.auth import access
from chibo.dashboard.charts import registry
from chibo.dashboard.components.filter_bar import STATE
from chibo.dashboard.i18n import t
from chibo.dashboard.queries import metrics

INFO = "metric-info"

i18n.register({
    "info.button": ("Định nghĩa chỉ tiêu", "Definition of the figures"),
    "info.none": ("Chưa có định nghĩa trong kho dữ liệu.", "No definition in the warehouse."),
})


def definition_list(items: list[tuple[str, str]], lang: str) -> list:
    """One block per (label, definition)."""
    if not items:
        return [dmc.Text(t("info.none", lang), size="sm", c="dimmed")]
    return [dmc.Stack(gap=0, mb=6, className="metric-definition", children=[
        dmc.Text(label, size="sm", fw=600), dmc.Text(text, size="sm")]) for label, text in items]


def info_popover(dropdown_id, lang: str, items: list[tuple[str, str]] | None = None) -> html.Details:
    """The "ⓘ" button and its definitions (filled now with `items`, or later by a callback): a
    native disclosure, so keyboard and screen readers open it without any ARIA of ours."""
    return html.Details(className="metric-info-details", children=[
        html.Summary("ⓘ", className="metric-info-button", title=t("info.button", lang),
                     **{"aria-label": t("info.button", lang)}),
        html.Div(id=dropdown_id, className="metric-info",
                 children=definition_list(items or [], lang) if items is not None else []),
    ])


@callback(Output({"type": INFO, "key": MATCH}, "children"), Input(STATE, "data"),
          State({"type": INFO, "key": MATCH}, "id"))
@responses.cacheable
def fill(state, info_id):
    """A chart card's definitions for its metrics under the current filters and language."""
    lang = (state or {}).get("lang", "vi")
    if not state or data.signature() is None:
        return definition_list([], lang)
    scope = access.current_scope()
    shown = registry.chart_metrics(info_id["key"], state)
    return definition_list(metrics.definitions(scope, shown, lang), lang)
