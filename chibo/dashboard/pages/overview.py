"""Tổng quan (overview): seven KPI cards with year-on-year change and sparklines, and one
headline trend: members over the last 5 years, whatever the period preset."""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import Input, Output, callback, html

from chibo.dashboard import data, i18n, responses, urlstate
from chibo.dashboard.auth import access
from chibo.dashboard.charts.catalogue.overview import KPIS, OVERVIEW_TREND
from chibo.dashboard.components.chart_card import THEME, chart_card
from chibo.dashboard.components.filter_bar import STATE
from chibo.dashboard.components.kpi_card import kpi_card
from chibo.dashboard.i18n import t
from chibo.dashboard.queries import members as q
from chibo.dashboard.queries import metrics

dash.register_page(__name__, path="/", name="Tổng quan", order=0, nav_key="nav.overview")

OVERVIEW_KPIS = "overview-kpis"

i18n.register({
    "nav.overview": ("Tổng quan", "Overview"),
    "overview.heading": ("Tổng quan", "Overview"),
})


def layout(lang: str = "vi", **_params):
    return html.Div([
        dmc.Title(t("overview.heading", lang), order=1, size="h2", mb="sm"),
        dmc.SimpleGrid(id=OVERVIEW_KPIS, cols={"base": 1, "sm": 2, "lg": 4, "xl": 7},
                       spacing="sm", mb="md"),
        chart_card(OVERVIEW_TREND, lang, height=460),
    ])


def kpi_cards(state: dict | None, theme: str | None) -> list:
    """The KPI cards for a state (plain function; the callback below only wires it)."""
    if not state or data.signature() is None:
        return []
    lang = state.get("lang", "vi")
    scope = access.current_scope()
    kpis = q.overview_kpis(scope, urlstate.to_filters(state))
    if kpis is None:
        return [dmc.Alert(t("chart.empty", lang), color="gray")]
    return [kpi_card(k.key, metrics.label(scope, k.key, lang, t(f"kpi.{k.key}", lang)),
                     kpis[k.key]["value"], kpis[k.key]["previous"], kpis[k.key]["spark"], lang,
                     theme or "light", percent=k.percent, higher_is_better=k.higher_is_better,
                     definition=metrics.definition(scope, k.key, lang)) for k in KPIS]


@callback(Output(OVERVIEW_KPIS, "children"), Input(STATE, "data"), Input(THEME, "data"))
@responses.cacheable
def update_kpis(state, theme):
    return kpi_cards(state, theme)
