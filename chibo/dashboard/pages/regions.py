"""Vùng miền (regions): a map of the provinces coloured by a metric, ranking bars, a comparison
of the regions, and the metric's trend for the selection (charts in charts/catalogue/regions.py).
Clicking a tile, a shape or a bar cross-filters the page (writes the province or region to the
filter patch store)."""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import Input, Output, State, callback, html, no_update

from chibo.dashboard import data, i18n
from chibo.dashboard.auth import access
from chibo.dashboard.charts import cartogram
from chibo.dashboard.charts.catalogue import regions as charts
from chibo.dashboard.components.chart_card import GRAPH, chart_card
from chibo.dashboard.components.filter_bar import PATCH, STATE
from chibo.dashboard.i18n import t
from chibo.dashboard.queries import metrics
from chibo.dashboard.queries import regions as q

dash.register_page(__name__, path="/vung-mien", name="Vùng miền", order=4, nav_key="nav.regions")

REGIONS_METRIC = {"type": "url-param", "name": "metric"}

i18n.register({
    "nav.regions": ("Vùng miền", "Regions"),
    "regions.heading": ("Vùng miền", "Regions and provinces"),
    "regions.hint": ("Bấm vào một tỉnh trên bản đồ hoặc biểu đồ xếp hạng để lọc theo tỉnh đó.",
                     "Click a province on the map or in the ranking to filter by it."),
})


def layout(lang: str = "vi", metric: str = "members", **_params):
    scope = access.current_scope()
    choices = [{"value": m, "label": metrics.label(scope, m, lang)} for m in q.METRICS]
    return html.Div([
        dmc.Group(justify="space-between", mb="xs", children=[
            dmc.Title(t("regions.heading", lang), order=1, size="h2"),
            dmc.SegmentedControl(id=REGIONS_METRIC, data=choices, value=metric, size="sm"),
        ]),
        dmc.Text(t("regions.hint", lang), size="sm", c="dimmed", mb="sm"),
        dmc.SimpleGrid(cols={"base": 1, "lg": 2}, spacing="md", mb="md", children=[
            chart_card(charts.REGIONS_MAP, lang, height=820), chart_card(charts.REGIONS_RANKING, lang, height=820),
        ]),
        dmc.SimpleGrid(cols={"base": 1, "lg": 2}, spacing="md", children=[
            chart_card(charts.REGIONS_COMPARE, lang), chart_card(charts.REGIONS_TREND, lang),
        ]),
    ])


def province_at(old: bool, col, row) -> str | None:
    """The province drawn at tile (col, row) of the map (heatmap clicks carry no customdata)."""
    cells = charts.cells_for(q.provinces(access.current_scope(), old))
    return next((c for c, cell in cells.items() if cell == (col, row)), None)


def province_of_fill(old: bool, curve: int) -> str | None:
    """The province whose filled shape is trace `curve` of the GeoJSON map (a click inside a
    fill carries only its trace number)."""
    prov = q.provinces(access.current_scope(), old)
    order = cartogram.map_order(prov["province_code"], charts.map_shapes(prov))
    return order[curve] if 0 <= curve < len(order) else None


def patch_from_click(click: dict | None, state: dict | None) -> dict | None:
    """The filter patch for a click on a tile (x, y) or a bar (customdata), as a plain function:
    {'province': code}
    (and region cleared when the province lies outside the region filter); a click on the
    selected province clears it; a region bar gives {'region': r, 'province': None}."""
    if not click or not click.get("points") or not state:
        return None
    point = click["points"][0]
    code = point.get("customdata")
    if isinstance(code, list):
        code = code[0] if code else None
    if code is None and isinstance(point.get("x"), int) and isinstance(point.get("y"), int):
        code = province_at(bool(state.get("old")), point["x"], point["y"])  # a map tile
    elif code is None and point.get("pointNumber") is None and isinstance(
            point.get("curveNumber"), int):
        code = province_of_fill(bool(state.get("old")), point["curveNumber"])  # a GeoJSON shape
    if not code:
        return None
    regions = set(data.filter_choices(access.current_scope())["regions"]["region"])
    if code in regions:
        return {"region": None if state.get("region") == code else code, "province": None}
    if code == state.get("province"):
        return {"province": None}
    prov = q.provinces(access.current_scope(), bool(state.get("old")))
    hit = prov.loc[prov["province_code"] == code, "region"]
    if hit.empty:
        return None
    patch = {"province": code}
    if state.get("region") and state["region"] != hit.iloc[0]:
        patch["region"] = None
    return patch


@callback(Output(PATCH, "data", allow_duplicate=True),
          Input({"type": GRAPH, "key": charts.REGIONS_MAP}, "clickData"),
          Input({"type": GRAPH, "key": charts.REGIONS_RANKING}, "clickData"),
          Input({"type": GRAPH, "key": charts.REGIONS_COMPARE}, "clickData"),
          State(STATE, "data"), prevent_initial_call=True)
def cross_filter(map_click, ranking_click, compare_click, state):
    click = {charts.REGIONS_MAP: map_click, charts.REGIONS_RANKING: ranking_click,
             charts.REGIONS_COMPARE: compare_click}.get((dash.ctx.triggered_id or {}).get("key"))
    patch = patch_from_click(click, state)
    return no_update if patch is None else patch
