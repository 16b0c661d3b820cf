"""Tổng quan (overview): seven KPI cards with year-on-year change and sparklines, and one
headline trend: members over the last 5 years, whatever the period preset."""

from __future__ import annotations

from dataclasses import replace

import dash
import dash_mantine_components as dmc
from dash import Input, Output, callback, html

from dashboard import data, figures, i18n, urlstate
from dashboard.auth import access
from dashboard.components.chart_card import THEME, Chart, chart_card, register
from dashboard.components.filter_bar import STATE
from dashboard.components.kpi_card import kpi_card
from dashboard.i18n import fmt_month, fmt_num, fmt_pct, t
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
    "overview.trend": ("Số đảng viên trong 5 năm gần nhất", "Party members over the last 5 years"),
    "overview.members": ("Đảng viên", "Members"),
    "overview.window": ("5 năm đến {end} (không phụ thuộc thời kỳ đã chọn)",
                        "5 years to {end} (whatever the period chosen)"),
    "overview.change": ("{delta} ({pct}) so với {start}", "{delta} ({pct}) since {start}"),
})
_PERCENT = {"good_fair_share", "attendance"}
_LOWER_IS_BETTER = {"cells_lt3"}


def _trend_data(scope, f):
    """month, members, official, probationary, admitted, left over the 5 years ending with the
    period's last month (the headline: a long enough window for the trend to be visible)."""
    last = data.month_floor(f.end)
    df = q.monthly_indicators(scope, f, data.add_months(last, -59), last)
    return df[["month", "members", "official", "probationary", "admitted", "left"]].dropna(
        subset=["members"])


def _trend_figure(df, ctx, f):
    """Members on a y axis fitted to the data (said in the subtitle), the change over the window
    written at the last point, reference events marked."""
    if df is not None and not df.empty:
        window = t("overview.window", ctx.lang, end=fmt_month(df["month"].max()))
        rest = ctx.subtitle.split(" · ")[1:]
        ctx = replace(ctx, subtitle=" · ".join([window, *rest, t("chart.y_not_zero", ctx.lang)]))
    fig = figures.time_series(df, "month", [("members", t("overview.members", ctx.lang))], ctx,
                              events=data.events(access.current_scope()))
    if df is None or df.empty or len(df) < 2:
        return fig
    first, last = df.iloc[0], df.iloc[-1]
    delta = float(last["members"] - first["members"])
    text = t("overview.change", ctx.lang, start=fmt_month(first["month"]),
             delta=("+" if delta > 0 else "") + fmt_num(delta, ctx.lang),
             pct=fmt_pct(delta / first["members"], ctx.lang, signed=True)
             if first["members"] else "–")
    figures.fit_y_axis(fig, df["members"])
    fig.add_annotation(x=last["month"], y=last["members"], text=f"<b>{text}</b>",
                       showarrow=False, xanchor="right", yanchor="bottom", yshift=8,
                       font={"size": 13, "color": figures.COLORS[0]},
                       bgcolor=figures.THEMES.get(ctx.theme, figures.THEMES["light"])["veil"])
    return fig


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
