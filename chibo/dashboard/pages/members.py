"""Đảng viên (members): stock over time, admissions and departures, age and gender, admission
rate, then the member structure section (components/structure_section.py)."""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import Input, Output, State, callback, dcc, html, no_update

from chibo.dashboard import data, i18n, urlstate
from chibo.dashboard.auth import access
from chibo.dashboard.charts.catalogue import members as charts
from chibo.dashboard.components import structure_section
from chibo.dashboard.components.chart_card import chart_card
from chibo.dashboard.components.filter_bar import STATE
from chibo.dashboard.components.structure_section import REPORT_BUTTON, REPORT_DOWNLOAD, REPORT_ERROR
from chibo.dashboard.exports import statbook
from chibo.dashboard.i18n import t

dash.register_page(__name__, path="/dang-vien", name="Đảng viên", order=1, nav_key="nav.members")

MEMBERS_GRAIN = {"type": "url-param", "name": "grain"}

i18n.register({
    "nav.members": ("Đảng viên", "Members"),
    "members.heading": ("Đảng viên", "Party members"),
    "members.grain.month": ("Theo tháng", "By month"),
    "members.grain.year": ("Theo năm", "By year"),
})


def layout(lang: str = "vi", grain: str = "month", sdim: str = "gender", **_params):
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
        structure_section.section(lang, sdim),
    ])


def report(state: dict | None) -> tuple[dict | None, str]:
    """(the download of the year-end workbook for the viewer's scope and filters, an error text)."""
    if not state or data.signature() is None:
        return None, ""
    lang = state.get("lang", "vi")
    try:
        content, name = statbook.workbook_bytes(access.current_scope(),
                                                urlstate.to_filters(state), lang)
    except (statbook.ReportFailed, OSError) as exc:
        return None, f"{t('structure.report_failed', lang)}: {exc}"
    return dcc.send_bytes(content, name), ""


@callback(Output(REPORT_DOWNLOAD, "data"), Output(REPORT_ERROR, "children"),
          Input(REPORT_BUTTON, "n_clicks"), State(STATE, "data"), prevent_initial_call=True)
def download_report(_clicks, state):
    content, error = report(state)
    return (content if content is not None else no_update), error
