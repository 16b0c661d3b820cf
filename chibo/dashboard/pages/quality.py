"""Chất lượng sinh hoạt (meeting quality): quality levels, score, attendance, meeting kinds,
online share, a province × month heatmap, and watch lists of cells."""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import html

from chibo.dashboard import i18n
from chibo.dashboard.charts.catalogue import quality as charts
from chibo.dashboard.components.chart_card import chart_card
from chibo.dashboard.components.table_card import table_card
from chibo.dashboard.i18n import t

dash.register_page(__name__, path="/chat-luong", name="Chất lượng sinh hoạt", order=3,
                   nav_key="nav.quality")

QUALITY_GRAIN = {"type": "url-param", "name": "qgrain"}
QUALITY_HEAT = {"type": "url-param", "name": "heat"}
QUALITY_WINDOW = {"type": "url-param", "name": "missed"}

i18n.register({
    "nav.quality": ("Chất lượng sinh hoạt", "Meeting quality"),
    "quality.heading": ("Chất lượng sinh hoạt chi bộ", "Quality of cell meetings"),
    "quality.grain.month": ("Theo tháng", "By month"),
    "quality.grain.quarter": ("Theo quý", "By quarter"),
    "quality.heat.good_fair": ("Tỷ lệ tốt, khá", "Share good or fair"),
    "quality.heat.score": ("Điểm bình quân", "Mean score"),
    "quality.watch": ("Chi bộ cần chú ý", "Cells to watch"),
    "quality.missed_window": ("Trong", "In the last"),
    "quality.missed.3": ("3 tháng cuối kỳ", "3 months of the period"),
    "quality.missed.6": ("6 tháng cuối kỳ", "6 months of the period"),
    "quality.missed.12": ("12 tháng cuối kỳ", "12 months of the period"),
})


def _segmented(id_, prefix: str, values, value: str, lang: str):
    return dmc.SegmentedControl(id=id_, value=value, size="sm", data=[
        {"value": v, "label": t(f"{prefix}.{v}", lang)} for v in values])


def layout(lang: str = "vi", qgrain: str = "month", heat: str = "good_fair", missed: str = "3",
           **_params):
    return html.Div([
        dmc.Group(justify="space-between", mb="sm", children=[
            dmc.Title(t("quality.heading", lang), order=1, size="h2"),
            _segmented(QUALITY_GRAIN, "quality.grain", ("month", "quarter"), qgrain, lang),
        ]),
        dmc.SimpleGrid(cols={"base": 1, "lg": 2}, spacing="md", mb="md", children=[
            chart_card(charts.QUALITY_LEVELS, lang), chart_card(charts.QUALITY_SCORE, lang),
            chart_card(charts.QUALITY_ATTENDANCE, lang), chart_card(charts.QUALITY_KINDS, lang),
            chart_card(charts.QUALITY_ONLINE, lang),
        ]),
        dmc.Group(justify="flex-end", mb="xs", children=[
            _segmented(QUALITY_HEAT, "quality.heat", ("good_fair", "score"), heat, lang)]),
        html.Div(chart_card(charts.QUALITY_HEATMAP, lang, height=900), className="quality-heatmap"),
        dmc.Group(justify="space-between", mt="lg", mb="xs", children=[
            dmc.Title(t("quality.watch", lang), order=3),
            dmc.Group(gap="xs", children=[
                dmc.Text(t("quality.missed_window", lang), size="sm"),
                _segmented(QUALITY_WINDOW, "quality.missed", ("3", "6", "12"), missed, lang)]),
        ]),
        dmc.Stack(gap="md", children=[
            table_card(charts.QUALITY_MISSED, lang, height=360),
            table_card(charts.QUALITY_FALLING, lang, height=360),
            table_card(charts.QUALITY_POOR, lang, height=360),
        ]),
    ])
