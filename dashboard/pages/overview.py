"""Tổng quan (overview): seven KPI cards with year-on-year change and sparklines, one headline trend."""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import Input, Output, callback, html

from dashboard import access, data, figures, i18n, urlstate
from dashboard.components.chart_card import THEME, Chart, chart_card, register
from dashboard.components.filter_bar import STATE
from dashboard.components.kpi_card import kpi_card
from dashboard.i18n import t
from dashboard.queries import members as q

dash.register_page(__name__, path="/", name="Tổng quan", order=0, nav_key="nav.overview")

OVERVIEW_KPIS = "overview-kpis"
OVERVIEW_TREND = "overview-trend"

i18n.register({
    "nav.overview": ("Tổng quan", "Overview"),
    "overview.heading": ("Tổng quan", "Overview"),
    "kpi.base_orgs": ("Tổ chức cơ sở đảng", "Base party organisations"),
    "kpi.cells": ("Chi bộ", "Party cells"),
    "kpi.members": ("Đảng viên", "Party members"),
    "kpi.admitted": ("Kết nạp trong kỳ", "Admissions in the period"),
    "kpi.good_fair_share": ("Buổi sinh hoạt tốt, khá", "Meetings rated good or fair"),
    "kpi.attendance": ("Tỷ lệ dự sinh hoạt", "Attendance rate"),
    "kpi.cells_lt3": ("Chi bộ dưới 3 đảng viên chính thức", "Cells with < 3 full members"),
    "kpi.vs_year": ("so với cùng kỳ năm trước", "vs a year earlier"),
    "kpi.no_previous": ("Chưa có số liệu năm trước", "No year-earlier data"),
    "kpi.points": ("điểm %", "pp"),
    "overview.trend": ("Số đảng viên theo tháng", "Party members by month"),
    "overview.members": ("Đảng viên", "Members"),
})
_PERCENT = {"good_fair_share", "attendance"}
_LOWER_IS_BETTER = {"cells_lt3"}


def _trend_data(scope, f):
    """month, members over the period (the headline trend)."""
    df = q.monthly_indicators(scope, f, f.start, f.end)
    return df[["month", "members", "official", "probationary"]].dropna(subset=["members"])


def _trend_figure(df, ctx, f):
    return figures.time_series(df, "month", [("members", t("overview.members", ctx.lang))], ctx,
                               events=data.events(access.current_scope()))


register(Chart(OVERVIEW_TREND, "overview.trend", _trend_data, _trend_figure))


def layout(lang: str = "vi", **_params):
    return html.Div([
        dmc.Title(t("overview.heading", lang), order=2, mb="sm"),
        dmc.SimpleGrid(id=OVERVIEW_KPIS, cols={"base": 1, "sm": 2, "lg": 4, "xl": 7},
                       spacing="sm", mb="md"),
        chart_card(OVERVIEW_TREND, lang, height=460),
    ])


def kpi_cards(state: dict | None, theme: str | None) -> list:
    """The KPI cards for a state (plain function; the callback below only wires it)."""
    if not state or data.signature() is None:
        return []
    lang = state.get("lang", "vi")
    kpis = q.overview_kpis(access.current_scope(), urlstate.to_filters(state))
    if kpis is None:
        return [dmc.Alert(t("chart.empty", lang), color="gray")]
    return [kpi_card(k, t(f"kpi.{k}", lang), kpis[k]["value"], kpis[k]["previous"],
                     kpis[k]["spark"], lang, theme or "light", percent=k in _PERCENT,
                     higher_is_better=k not in _LOWER_IS_BETTER) for k in q.KPI_KEYS]


@callback(Output(OVERVIEW_KPIS, "children"), Input(STATE, "data"), Input(THEME, "data"))
def update_kpis(state, theme):
    return kpi_cards(state, theme)
