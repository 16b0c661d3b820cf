"""Đảng viên (members): stock over time, admissions and departures, structure, admission rate."""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import html

from dashboard import i18n
from dashboard.charts.catalogue import members as charts
from dashboard.components.chart_card import chart_card
from dashboard.i18n import t

dash.register_page(__name__, path="/dang-vien", name="Đảng viên", order=1, nav_key="nav.members")

MEMBERS_GRAIN = {"type": "url-param", "name": "grain"}

i18n.register({
    "nav.members": ("Đảng viên", "Members"),
    "members.heading": ("Đảng viên", "Party members"),
    "members.grain.month": ("Theo tháng", "By month"),
    "members.grain.year": ("Theo năm", "By year"),
})


def layout(lang: str = "vi", grain: str = "month", **_params):
    grains = [{"value": g, "label": t(f"members.grain.{g}", lang)} for g in ("month", "year")]
    return html.Div([
        dmc.Group(justify="space-between", mb="sm", children=[
            dmc.Title(t("members.heading", lang), order=1, size="h2"),
            dmc.SegmentedControl(id=MEMBERS_GRAIN, data=grains, value=grain),
        ]),
        dmc.SimpleGrid(cols={"base": 1, "lg": 2}, spacing="md", children=[
            chart_card(charts.MEMBERS_STOCK, lang), chart_card(charts.MEMBERS_FLOWS, lang),
            chart_card(charts.MEMBERS_DEPARTURES, lang), chart_card(charts.MEMBERS_STRUCTURE, lang),
            chart_card(charts.MEMBERS_RATE, lang),
        ]),
    ])
