"""Đảng viên (members): stock over time, admissions and departures, structure, admission rate."""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
import pandas as pd
from dash import html

from dashboard import data, figures, i18n, urlstate
from dashboard.auth import access
from dashboard.components.chart_card import Chart, chart_card, register
from dashboard.i18n import t
from dashboard.queries import members as q

dash.register_page(__name__, path="/dang-vien", name="Đảng viên", order=1, nav_key="nav.members")

MEMBERS_STOCK = "members-stock"
MEMBERS_FLOWS = "members-flows"
MEMBERS_DEPARTURES = "members-departures"
MEMBERS_STRUCTURE = "members-structure"
MEMBERS_RATE = "members-rate"
MEMBERS_GRAIN = {"type": "url-param", "name": "grain"}
TARGET = (0.03, 0.04)  # admissions per year as a share of members

urlstate.register_param("grain", ("month", "year"), "month")
i18n.register({
    "nav.members": ("Đảng viên", "Members"),
    "members.heading": ("Đảng viên", "Party members"),
    "members.grain.month": ("Theo tháng", "By month"),
    "members.grain.year": ("Theo năm", "By year"),
    "members.stock": ("Đảng viên chính thức và dự bị", "Full and probationary members"),
    "members.official": ("Chính thức", "Full"),
    "members.probationary": ("Dự bị", "Probationary"),
    "members.flows": ("Kết nạp và ra khỏi Đảng", "Admissions and departures"),
    "members.admitted": ("Kết nạp", "Admitted"),
    "members.left": ("Ra khỏi chi bộ", "Left"),
    "members.departures": ("Đảng viên ra khỏi chi bộ theo lý do", "Departures by reason"),
    "members.structure": ("Cơ cấu theo tuổi và giới tính", "Age and gender structure"),
    "members.rate": ("Tỷ lệ kết nạp so với tổng số đảng viên", "Admissions as a share of members"),
    "members.rate_series": ("Kết nạp / đảng viên đầu năm", "Admissions / members at start of year"),
    "members.target": ("Mục tiêu 3–4%/năm", "Target 3–4% a year"),
})


def _grain(f) -> str:
    return dict(f.extra).get("grain", "month")


def _stock_data(scope, f):
    """month, official, probationary over the period."""
    df = q.monthly_indicators(scope, f, f.start, f.end)
    return df[["month", "official", "probationary"]].dropna(subset=["official"])


def _stock_figure(df, ctx, f):
    series = [("official", t("members.official", ctx.lang)),
              ("probationary", t("members.probationary", ctx.lang))]
    return figures.time_series(df, "month", series, ctx, kind="area",
                               events=data.events(access.current_scope()))


def _partial_years(fig, df, f, ctx):
    """By year, a year cut by the period is pale and says its months (not a fall in flows)."""
    if _grain(f) != "year" or df is None or df.empty or not fig.data:
        return fig
    return figures.mark_partial(fig, df["period"], df["months"], 12, ctx.lang)


def _flows_figure(df, ctx, f):
    series = [("admitted", t("members.admitted", ctx.lang)), ("left", t("members.left", ctx.lang))]
    return _partial_years(figures.time_series(df, "period", series, ctx, kind="bar",
                                              period=_grain(f),
                                              events=data.events(access.current_scope())),
                          df, f, ctx)


def _departures_figure(df, ctx, f):
    series = [(f"left_{r}", t(f"reason.{r}", ctx.lang)) for r in q.LEAVE_REASONS]
    series = [s for s in series if df is not None and not df.empty and df[s[0]].sum() > 0]
    return _partial_years(figures.time_series(df if series else None, "period", series, ctx,
                                              kind="bar", stacked=True, period=_grain(f)),
                          df, f, ctx)


def _structure_figure(df, ctx, f):
    return figures.pyramid(df, ctx)


def _rate_data(scope, f):
    df = q.admission_rate(scope, f)
    return df.assign(year=pd.to_datetime(df["year"].astype(str) + "-01-01"))


def _rate_figure(df, ctx, f):
    """Yearly rates; a year only partly inside the period is drawn pale and labelled with its
    number of months (a 2-month rate is not comparable with the 3–4% yearly target)."""
    lines = [(TARGET[0], t("members.target", ctx.lang)), (TARGET[1], "")]
    fig = figures.time_series(df, "year", [("rate", t("members.rate_series", ctx.lang))], ctx,
                              kind="bar", percent=True, ref_lines=lines, period="year")
    if df is None or df.empty or "months" not in df:
        return fig
    return figures.mark_partial(fig, df["year"], df["months"], 12, ctx.lang)


def _flows_data(scope, f):
    return q.flows(scope, f, _grain(f))


register(Chart(MEMBERS_STOCK, "members.stock", _stock_data, _stock_figure))
register(Chart(MEMBERS_FLOWS, "members.flows", _flows_data, _flows_figure, params=("grain",)))
register(Chart(MEMBERS_DEPARTURES, "members.departures", _flows_data, _departures_figure,
               params=("grain",)))
register(Chart(MEMBERS_STRUCTURE, "members.structure", q.structure, _structure_figure))
register(Chart(MEMBERS_RATE, "members.rate", _rate_data, _rate_figure))


def layout(lang: str = "vi", grain: str = "month", **_params):
    grains = [{"value": g, "label": t(f"members.grain.{g}", lang)} for g in ("month", "year")]
    return html.Div([
        dmc.Group(justify="space-between", mb="sm", children=[
            dmc.Title(t("members.heading", lang), order=2),
            dmc.SegmentedControl(id=MEMBERS_GRAIN, data=grains, value=grain),
        ]),
        dmc.SimpleGrid(cols={"base": 1, "lg": 2}, spacing="md", children=[
            chart_card(MEMBERS_STOCK, lang), chart_card(MEMBERS_FLOWS, lang),
            chart_card(MEMBERS_DEPARTURES, lang), chart_card(MEMBERS_STRUCTURE, lang),
            chart_card(MEMBERS_RATE, lang),
        ]),
    ])
