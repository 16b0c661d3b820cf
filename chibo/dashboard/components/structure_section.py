"""The member structure section of the members page (Cơ cấu đảng viên): KPI cards for the shares
leaders quote (women, ethnic
minorities on the as-of day; new admissions aged 30 or younger in the period, each against a year
earlier), and members and admissions by one characteristic chosen in the URL (`sdim`), each chart
with its CSV, images and slide buttons, and the year-end statistics workbook ("Báo cáo thống
kê", whose download the members page wires: components never import exports). Scoped like every page: the queries take the viewer's Scope (chibo/dashboard/queries/structure.py)."""

from __future__ import annotations

import dash_mantine_components as dmc
import pandas as pd
from dash import Input, Output, callback, dcc, html

from chibo.dashboard import data, i18n, responses, urlstate
from chibo.dashboard.auth import access
from chibo.dashboard.charts.catalogue import structure as charts
from chibo.dashboard.components.chart_card import THEME, chart_card
from chibo.dashboard.components.filter_bar import STATE
from chibo.dashboard.components.kpi_card import kpi_card
from chibo.dashboard.i18n import t
from chibo.dashboard.queries import structure as q

STRUCTURE_DIM = {"type": "url-param", "name": "sdim"}
STRUCTURE_KPIS = "structure-kpis"
REPORT_BUTTON, REPORT_DOWNLOAD, REPORT_ERROR = ("structure-report", "structure-report-download",
                                                "structure-report-error")

i18n.register({
    "structure.heading": ("Cơ cấu đảng viên", "Member structure"),
    "structure.choose": ("Theo", "By"),
    "structure.report": ("Báo cáo thống kê", "Statistics report"),
    "structure.report_hint": ("Biểu thống kê cuối năm (XLSX, khổ A4 ngang) của phạm vi đang xem, số "
                              "liệu tính đến 31/12 của năm ngày xem", "The year-end statistics tables "
                              "(XLSX, A4 landscape) for the scope shown, as of 31/12 of the as-of year"),
    "structure.report_failed": ("Không tạo được báo cáo thống kê", "The statistics report failed"),
})


def section(lang: str = "vi", sdim: str = "gender") -> html.Div:
    """The section under the members page's charts (`sdim`: the characteristic shown)."""
    dims = [{"value": d, "label": t(f"structure.dim.{d}", lang).capitalize()} for d in q.DIMENSIONS]
    return html.Div(id="structure-section", className="structure-section", children=[
        dmc.Group(justify="space-between", mt="xl", mb="sm", children=[
            dmc.Title(t("structure.heading", lang), order=2),
            html.Div(title=t("structure.report_hint", lang), children=dmc.Button(
                t("structure.report", lang), id=REPORT_BUTTON, variant="light")),
        ]),
        dcc.Loading(dcc.Download(id=REPORT_DOWNLOAD), type="dot"),
        dmc.Text(id=REPORT_ERROR, c="red", size="sm"),
        dmc.SimpleGrid(id=STRUCTURE_KPIS, cols={"base": 1, "sm": 3}, spacing="sm", mb="md"),
        dmc.Group(gap="xs", mb="xs", children=[
            dmc.Text(t("structure.choose", lang), size="sm"),
            dmc.SegmentedControl(id=STRUCTURE_DIM, data=dims, value=sdim, size="sm",
                                 className="structure-dims"),
        ]),
        dmc.SimpleGrid(cols={"base": 1, "lg": 2}, spacing="md", children=[
            chart_card(charts.STRUCTURE_MEMBERS, lang, height=460),
            chart_card(charts.STRUCTURE_ADMISSIONS, lang, height=460),
        ]),
    ])


def kpi_cards(state: dict | None, theme: str | None) -> list:
    """The KPI cards for a state (plain function; the callback below only wires it)."""
    if not state or data.signature() is None:
        return []
    lang = state.get("lang", "vi")
    kpis = q.kpis(access.current_scope(), urlstate.to_filters(state))
    no_spark = pd.DataFrame({"month": [], "value": []})
    return [kpi_card(k.key, t(f"kpi.{k.key}", lang), kpis[k.key]["value"],
                     kpis[k.key]["previous"], no_spark, lang, theme or "light",
                     percent=k.percent, higher_is_better=k.higher_is_better) for k in charts.KPIS]


@callback(Output(STRUCTURE_KPIS, "children"), Input(STATE, "data"), Input(THEME, "data"))
@responses.cacheable
def update_kpis(state, theme):
    return kpi_cards(state, theme)
