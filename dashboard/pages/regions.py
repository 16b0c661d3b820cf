"""Vùng miền (regions): an offline map of the provinces coloured by a metric (the user's GeoJSON
when there is one, dashboard/geo.py, else a tile grid), ranking bars, a comparison of the
regions, and the metric's trend for the selection. Clicking a tile, a shape or a bar
cross-filters the page (writes the province or region to the filter patch store)."""

from __future__ import annotations

import dataclasses
import functools

import dash
import dash_mantine_components as dmc
from dash import Input, Output, State, callback, html, no_update

from dashboard import cartogram, data, figures, geo, i18n, urlstate
from dashboard.auth import access
from dashboard.components.chart_card import GRAPH, Chart, chart_card, register
from dashboard.components.filter_bar import PATCH, STATE
from dashboard.i18n import t
from dashboard.queries import regions as q

dash.register_page(__name__, path="/vung-mien", name="Vùng miền", order=4, nav_key="nav.regions")

REGIONS_MAP = "regions-map"
REGIONS_RANKING = "regions-ranking"
REGIONS_COMPARE = "regions-compare"
REGIONS_TREND = "regions-trend"
REGIONS_METRIC = {"type": "url-param", "name": "metric"}

urlstate.register_param("metric", q.METRICS, "members")
i18n.register({
    "nav.regions": ("Vùng miền", "Regions"),
    "regions.heading": ("Vùng miền", "Regions and provinces"),
    "regions.hint": ("Bấm vào một tỉnh trên bản đồ hoặc biểu đồ xếp hạng để lọc theo tỉnh đó.",
                     "Click a province on the map or in the ranking to filter by it."),
    "regions.metric.members": ("Đảng viên", "Members"),
    "regions.metric.members_per_cell": ("Đảng viên / chi bộ", "Members per cell"),
    "regions.metric.admission_rate": ("Tỷ lệ kết nạp", "Admission rate"),
    "regions.metric.good_share": ("Tỷ lệ buổi sinh hoạt tốt", "Share of good meetings"),
    "regions.metric.attendance": ("Tỷ lệ dự sinh hoạt", "Attendance"),
    "regions.map": ("Bản đồ tỉnh, thành phố", "Map of provinces"),
    "regions.ranking": ("Xếp hạng tỉnh, thành phố", "Provinces ranked"),
    "regions.compare": ("So sánh các vùng", "Regions compared"),
    "regions.trend": ("Diễn biến theo tháng", "Monthly trend"),
    "regions.note.members": ("số đảng viên tại tháng của ngày số liệu",
                             "members at the as-of month"),
    "regions.note.members_per_cell": ("bình quân đảng viên mỗi chi bộ", "mean members per cell"),
    "regions.note.admission_rate": ("kết nạp trong kỳ / đảng viên đầu kỳ",
                                    "admissions in the period / members at its start"),
    "regions.note.good_share": ("buổi xếp loại tốt / buổi được xếp loại",
                                "meetings rated good / rated meetings"),
    "regions.note.attendance": ("có mặt / phải dự", "present / expected"),
})
_FMT = {"members": ",.0f", "members_per_cell": ",.1f"}


def metric_of(f) -> str:
    return dict(f.extra).get("metric", urlstate.param_default("metric"))


def _fmt(metric: str) -> str:
    return ",.1%" if metric in q.PERCENT_METRICS else _FMT[metric]


def _title(ctx, key: str, metric: str, note: bool = True):
    """The chart title names the metric; the subtitle says how it is computed."""
    name = t(f"regions.metric.{metric}", ctx.lang)
    note = t(f"regions.note.{metric}", ctx.lang) if note else ""
    if not note:
        return figures.FigContext(ctx.lang, ctx.theme, f"{t(key, ctx.lang)}: {name}",
                                  ctx.subtitle, ctx.footnote)
    return figures.FigContext(ctx.lang, ctx.theme, f"{t(key, ctx.lang)}: {name}",
                              f"{ctx.subtitle} · {note}" if ctx.subtitle else note, ctx.footnote)


@functools.lru_cache(maxsize=8)
def tile_cells(points: tuple) -> dict:
    """Grid cells for ((code, lat, lon), ...), cached (the layout is pure and deterministic)."""
    return cartogram.grid_layout({c: (lat, lon) for c, lat, lon in points})


def _provinces_data(scope, f):
    """province_code, name, region, seat_lat, seat_lon, sums and the five metrics."""
    return q.province_metrics(scope, f)


def cells_for(df) -> dict:
    """Tile cells for the provinces of `df` (province_code, seat_lat, seat_lon)."""
    seats = df.dropna(subset=["seat_lat", "seat_lon"])
    return tile_cells(tuple(zip(seats["province_code"], seats["seat_lat"], seats["seat_lon"])))


def province_at(old: bool, col, row) -> str | None:
    """The province drawn at tile (col, row) of the map (heatmap clicks carry no customdata)."""
    cells = cells_for(q.provinces(access.current_scope(), old))
    return next((c for c, cell in cells.items() if cell == (col, row)), None)


def province_of_fill(old: bool, curve: int) -> str | None:
    """The province whose filled shape is trace `curve` of the GeoJSON map (a click inside a
    fill carries only its trace number)."""
    prov = q.provinces(access.current_scope(), old)
    order = cartogram.map_order(prov["province_code"], map_shapes(prov))
    return order[curve] if 0 <= curve < len(order) else None


def map_shapes(df) -> dict:
    """{province_code: rings} from the user's GeoJSON for the provinces of `df`, or {} (no file,
    or none of these provinces in it: the tile map is drawn instead)."""
    if df is None or df.empty:
        return {}
    return geo.match(geo.load_features(), dict(zip(df["province_code"], df["name"])))


def _map_figure(df, ctx, f):
    metric = metric_of(f)
    ctx = _title(ctx, "regions.map", metric)
    if df is None or df.empty:
        return figures.empty(ctx)
    df = df.assign(label=[cartogram.short_label(n) for n in df["name"]])
    shapes = map_shapes(df)
    if shapes:  # a true map from the user's GeoJSON
        return cartogram.choropleth(df, shapes, "label", metric, ctx, fmt=_fmt(metric),
                                    selected=f.province)
    return cartogram.tile_map(df, cells_for(df), "label", metric, ctx, fmt=_fmt(metric),
                              selected=f.province)


def _ranking_figure(df, ctx, f):
    metric = metric_of(f)
    return figures.ranking_bars(df, "name", metric, _title(ctx, "regions.ranking", metric),
                                fmt=_fmt(metric), percent=metric in q.PERCENT_METRICS,
                                selected=f.province)


def _compare_data(scope, f):
    """region, name_vi, name_en, sums and the five metrics."""
    return q.region_metrics(scope, f)


def _compare_figure(df, ctx, f):
    metric = metric_of(f)
    if df is not None and not df.empty:
        df = df.assign(label=df["name_en" if ctx.lang == "en" else "name_vi"])
    selected = f.region
    if f.province:
        prov = q.provinces(access.current_scope(), f.old_boundaries)
        hit = prov.loc[prov["province_code"] == f.province, "region"]
        selected = hit.iloc[0] if not hit.empty else selected
    return figures.ranking_bars(df, "label", metric, _title(ctx, "regions.compare", metric),
                                fmt=_fmt(metric), percent=metric in q.PERCENT_METRICS,
                                selected=selected, key="region")


def _trend_data(scope, f):
    """month and the five metrics for the whole selection (province filter included)."""
    return q.metric_trend(scope, f)


def _trend_figure(df, ctx, f):
    metric = metric_of(f)
    ctx = _title(ctx, "regions.trend", metric, note=False)
    ctx = dataclasses.replace(ctx, subtitle=" · ".join(
        p for p in (ctx.subtitle, t("chart.y_not_zero", ctx.lang)) if p))
    fig = figures.time_series(df, "month", [(metric, t(f"regions.metric.{metric}", ctx.lang))],
                              ctx, percent=metric in q.PERCENT_METRICS,
                              events=data.events(access.current_scope()))
    if df is not None and not df.empty:  # a line: follow the data (said in the subtitle)
        figures.fit_y_axis(fig, df[metric], integer=metric not in q.PERCENT_METRICS
                           and metric != "members_per_cell")
    if metric == "members_per_cell":
        fig.update_yaxes(tickformat=",.1f")
    return fig


register(Chart(REGIONS_MAP, "regions.map", _provinces_data, _map_figure, params=("metric",)))
register(Chart(REGIONS_RANKING, "regions.ranking", _provinces_data, _ranking_figure,
               params=("metric",)))
register(Chart(REGIONS_COMPARE, "regions.compare", _compare_data, _compare_figure,
               params=("metric",)))
register(Chart(REGIONS_TREND, "regions.trend", _trend_data, _trend_figure, params=("metric",)))


def layout(lang: str = "vi", metric: str = "members", **_params):
    metrics = [{"value": m, "label": t(f"regions.metric.{m}", lang)} for m in q.METRICS]
    return html.Div([
        dmc.Group(justify="space-between", mb="xs", children=[
            dmc.Title(t("regions.heading", lang), order=2),
            dmc.SegmentedControl(id=REGIONS_METRIC, data=metrics, value=metric, size="sm"),
        ]),
        dmc.Text(t("regions.hint", lang), size="sm", c="dimmed", mb="sm"),
        dmc.SimpleGrid(cols={"base": 1, "lg": 2}, spacing="md", mb="md", children=[
            chart_card(REGIONS_MAP, lang, height=820), chart_card(REGIONS_RANKING, lang, height=820),
        ]),
        dmc.SimpleGrid(cols={"base": 1, "lg": 2}, spacing="md", children=[
            chart_card(REGIONS_COMPARE, lang), chart_card(REGIONS_TREND, lang),
        ]),
    ])


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
          Input({"type": GRAPH, "key": REGIONS_MAP}, "clickData"),
          Input({"type": GRAPH, "key": REGIONS_RANKING}, "clickData"),
          Input({"type": GRAPH, "key": REGIONS_COMPARE}, "clickData"),
          State(STATE, "data"), prevent_initial_call=True)
def cross_filter(map_click, ranking_click, compare_click, state):
    click = {REGIONS_MAP: map_click, REGIONS_RANKING: ranking_click,
             REGIONS_COMPARE: compare_click}.get((dash.ctx.triggered_id or {}).get("key"))
    patch = patch_from_click(click, state)
    return no_update if patch is None else patch
