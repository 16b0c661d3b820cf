"""Tổ chức (organisations): counts over time by kind or sector, the hierarchy (click to drill),
the table of base organisations with export, and the picked organisation's detail."""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import Input, Output, callback, html, no_update

from dashboard import figures, figures_orgs, i18n, urlstate
from dashboard.components.chart_card import GRAPH, Chart, chart_card, register
from dashboard.components.filter_bar import PATCH
from dashboard.components.table_card import Table, table_card
from dashboard.components.table_card import register as register_table
from dashboard.i18n import t
from dashboard.pages.members import MEMBERS_STOCK
from dashboard.queries import orgs as q

dash.register_page(__name__, path="/to-chuc", name="Tổ chức", order=2, nav_key="nav.orgs")

ORGS_BY = {"type": "url-param", "name": "by"}
ORGS_COUNTS = "orgs-counts"
ORGS_HIERARCHY = "orgs-hierarchy"
ORGS_TABLE = "orgs-table"
ORGS_MEETINGS = "orgs-meetings"
ORGS_RATINGS = "orgs-ratings"

urlstate.register_param("by", ("kind", "sector"), "kind")
i18n.register({
    "nav.orgs": ("Tổ chức", "Organisations"),
    "orgs.heading": ("Tổ chức đảng", "Party organisations"),
    "orgs.by.kind": ("Theo loại tổ chức", "By kind"),
    "orgs.by.sector": ("Theo loại hình", "By sector"),
    "orgs.counts": ("Số tổ chức đảng theo thời gian", "Party organisations over time"),
    "orgs.hierarchy": ("Cây tổ chức (nhấn vào một tổ chức để chọn)",
                       "Hierarchy (click an organisation to pick it)"),
    "orgs.members": ("Đảng viên", "Members"),
    "orgs.table": ("Tổ chức cơ sở đảng và chỉ số", "Base organisations and their metrics"),
    "orgs.detail": ("Chi tiết tổ chức đã chọn", "Picked organisation"),
    "orgs.detail_hint": ("Theo tổ chức chọn ở ô “Tổ chức đảng” phía trên; chưa chọn: đảng viên "
                         "và cảnh báo của toàn bộ phạm vi, sinh hoạt và xếp loại để trống.",
                         "For the organisation picked in the filter above; none picked: members "
                         "and warnings of the whole scope, meetings and ratings left empty."),
    "orgs.pick_first": ("Chọn một tổ chức đảng ở bộ lọc phía trên",
                        "Pick a party organisation in the filters above"),
    "orgs.meetings": ("Chất lượng sinh hoạt của tổ chức", "Meeting quality of the organisation"),
    "orgs.ratings": ("Xếp loại hằng năm", "Annual ratings"),
    "quality.level.4": ("Tốt", "Good"), "quality.level.3": ("Khá", "Fair"),
    "quality.level.2": ("Trung bình", "Average"), "quality.level.1": ("Kém", "Poor"),
    "col.name": ("Tên", "Name"), "col.kind": ("Loại", "Kind"), "col.sector": ("Loại hình", "Sector"),
    "col.province": ("Tỉnh, thành phố", "Province"), "col.cells": ("Chi bộ", "Cells"),
    "col.members": ("Đảng viên", "Members"), "col.official": ("Chính thức", "Full"),
    "col.admitted": ("Kết nạp trong kỳ", "Admitted"),
    "col.good_fair_share": ("Sinh hoạt tốt, khá", "Good/fair meetings"),
    "col.attendance": ("Tỷ lệ dự họp", "Attendance"), "col.rating": ("Xếp loại", "Rating"),
    "col.year": ("Năm", "Year"),
})
_LEVELS = (("good", 4), ("fair", 3), ("average", 2), ("poor", 1))


def _by(f) -> str:
    return dict(f.extra).get("by", "kind")


def _counts_figure(df, ctx, f):
    by = _by(f)
    wide = df.pivot(index="month", columns="grp", values="n").reset_index() if not df.empty else df
    prefix = "kind" if by == "kind" else "sector"
    series = [(g, t(f"{prefix}.{g}", ctx.lang)) for g in wide.columns if g != "month"]
    return figures.time_series(wide, "month", series, ctx)


def _hierarchy_figure(df, ctx, f):
    return figures_orgs.hierarchy_map(df, ctx, t("orgs.members", ctx.lang))


def _meetings_figure(df, ctx, f):
    if not f.org:  # nothing picked yet: say what to do rather than "no data"
        return figures.empty(ctx, t("orgs.pick_first", ctx.lang))
    series = [(c, t(f"quality.level.{n}", ctx.lang)) for c, n in _LEVELS]
    colors = [figures.QUALITY_COLORS[n] for _c, n in _LEVELS]
    return figures.time_series(df, "month", series, ctx, kind="bar", stacked=True, colors=colors)


register(Chart(ORGS_COUNTS, "orgs.counts", lambda s, f: q.org_counts(s, f, _by(f)),
               _counts_figure, params=("by",)))
def _hierarchy_data(scope, f):
    """Two levels from the top of the scope, three below a picked organisation."""
    return q.hierarchy(scope, f, levels=3 if f.org else 2, top=12)


register(Chart(ORGS_HIERARCHY, "orgs.hierarchy", _hierarchy_data, _hierarchy_figure))


def drill_patch(click: dict | None) -> dict | None:
    """A click on the hierarchy picks that organisation (the whole view follows, Back undoes)."""
    points = (click or {}).get("points") or []
    org = points[0].get("id") if points else None
    return {"org": org} if org else None


@callback(Output(PATCH, "data", allow_duplicate=True),
          Input({"type": GRAPH, "key": ORGS_HIERARCHY}, "clickData"), prevent_initial_call=True)
def drill(click):
    return drill_patch(click) or no_update
register(Chart(ORGS_MEETINGS, "orgs.meetings", q.meeting_levels, _meetings_figure))
register_table(Table(ORGS_TABLE, "orgs.table", q.org_table, (
    ("org_id", "col.org_id", "text"), ("name", "col.name", "text"), ("kind", "col.kind", "text"),
    ("sector", "col.sector", "text"), ("province", "col.province", "text"),
    ("cells", "col.cells", "int"), ("members", "col.members", "int"),
    ("official", "col.official", "int"), ("admitted", "col.admitted", "int"),
    ("good_fair_share", "col.good_fair_share", "pct"),
    ("attendance", "col.attendance", "pct"), ("rating", "col.rating", "text"))))
register_table(Table(ORGS_RATINGS, "orgs.ratings", q.ratings, (
    ("year", "col.year", "text"), ("org_id", "col.org_id", "text"),
    ("name", "col.name", "text"), ("rating", "col.rating", "text"))))


def layout(lang: str = "vi", by: str = "kind", **_params):
    choices = [{"value": b, "label": t(f"orgs.by.{b}", lang)} for b in ("kind", "sector")]
    return html.Div([
        dmc.Group(justify="space-between", mb="sm", children=[
            dmc.Title(t("orgs.heading", lang), order=2),
            dmc.SegmentedControl(id=ORGS_BY, data=choices, value=by),
        ]),
        dmc.SimpleGrid(cols={"base": 1, "lg": 2}, spacing="md", mb="md", children=[
            chart_card(ORGS_COUNTS, lang), chart_card(ORGS_HIERARCHY, lang)]),
        table_card(ORGS_TABLE, lang, 480),
        dmc.Title(t("orgs.detail", lang), order=3, mt="lg"),
        dmc.Text(t("orgs.detail_hint", lang), c="dimmed", size="sm", mb="sm"),
        dmc.SimpleGrid(cols={"base": 1, "lg": 2}, spacing="md", mb="md", children=[
            chart_card(MEMBERS_STOCK, lang), chart_card(ORGS_MEETINGS, lang)]),
        dmc.SimpleGrid(cols={"base": 1, "lg": 2}, spacing="md", children=[
            table_card(ORGS_RATINGS, lang, 320), table_card("data-quality", lang, 320)]),
    ])
