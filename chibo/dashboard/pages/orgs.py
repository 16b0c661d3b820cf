"""Tổ chức (organisations): counts over time by kind or sector, the hierarchy (click to drill),
the table of base organisations with export, and the picked organisation's detail."""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import Input, Output, callback, html, no_update

from chibo.dashboard import i18n
from chibo.dashboard.charts.catalogue import orgs as charts
from chibo.dashboard.charts.catalogue.members import MEMBERS_STOCK
from chibo.dashboard.charts.catalogue.status import DATA_QUALITY
from chibo.dashboard.components.chart_card import GRAPH, chart_card
from chibo.dashboard.components.filter_bar import PATCH
from chibo.dashboard.components.table_card import table_card
from chibo.dashboard.i18n import t

dash.register_page(__name__, path="/to-chuc", name="Tổ chức", order=2, nav_key="nav.orgs")

ORGS_BY = {"type": "url-param", "name": "by"}

i18n.register({
    "nav.orgs": ("Tổ chức", "Organisations"),
    "orgs.heading": ("Tổ chức đảng", "Party organisations"),
    "orgs.by.kind": ("Theo loại tổ chức", "By kind"),
    "orgs.by.sector": ("Theo loại hình", "By sector"),
    "orgs.detail": ("Chi tiết tổ chức đã chọn", "Picked organisation"),
    "orgs.detail_hint": ("Theo tổ chức chọn ở ô “Tổ chức đảng” phía trên; chưa chọn: đảng viên "
                         "và cảnh báo của toàn bộ phạm vi, sinh hoạt và xếp loại để trống.",
                         "For the organisation picked in the filter above; none picked: members "
                         "and warnings of the whole scope, meetings and ratings left empty."),
})


def layout(lang: str = "vi", by: str = "kind", **_params):
    choices = [{"value": b, "label": t(f"orgs.by.{b}", lang)} for b in ("kind", "sector")]
    return html.Div([
        dmc.Group(justify="space-between", mb="sm", children=[
            dmc.Title(t("orgs.heading", lang), order=1, size="h2"),
            dmc.SegmentedControl(id=ORGS_BY, data=choices, value=by),
        ]),
        dmc.SimpleGrid(cols={"base": 1, "lg": 2}, spacing="md", mb="md", children=[
            chart_card(charts.ORGS_COUNTS, lang), chart_card(charts.ORGS_HIERARCHY, lang)]),
        table_card(charts.ORGS_TABLE, lang, 480),
        dmc.Title(t("orgs.detail", lang), order=3, mt="lg"),
        dmc.Text(t("orgs.detail_hint", lang), c="dimmed", size="sm", mb="sm"),
        dmc.SimpleGrid(cols={"base": 1, "lg": 2}, spacing="md", mb="md", children=[
            chart_card(MEMBERS_STOCK, lang), chart_card(charts.ORGS_MEETINGS, lang)]),
        dmc.SimpleGrid(cols={"base": 1, "lg": 2}, spacing="md", children=[
            table_card(charts.ORGS_RATINGS, lang, 320), table_card(DATA_QUALITY, lang, 320)]),
    ])


def drill_patch(click: dict | None) -> dict | None:
    """A click on the hierarchy picks that organisation (the whole view follows, Back undoes)."""
    points = (click or {}).get("points") or []
    org = points[0].get("id") if points else None
    return {"org": org} if org else None


@callback(Output(PATCH, "data", allow_duplicate=True),
          Input({"type": GRAPH, "key": charts.ORGS_HIERARCHY}, "clickData"),
          prevent_initial_call=True)
def drill(click):
    return drill_patch(click) or no_update
