"""Charts of Vùng miền: one metric (members, members per cell, admission rate, good meetings,
attendance) on a map of the provinces (the user's GeoJSON when there is one, charts/geo.py, else
a tile grid), as a ranking of provinces, as a comparison of the regions, and as a monthly trend."""

from __future__ import annotations

import dataclasses
import functools

from chibo.dashboard import data, i18n, urlstate
from chibo.dashboard.charts import cartogram, figures, geo, spec
from chibo.dashboard.charts.registry import Chart, register
from chibo.dashboard.charts.theme import Drawing, FigContext, empty
from chibo.dashboard.i18n import fmt_num, t
from chibo.dashboard.queries import metrics
from chibo.dashboard.queries import regions as q

REGIONS_MAP = "regions-map"
REGIONS_RANKING = "regions-ranking"
REGIONS_COMPARE = "regions-compare"
REGIONS_TREND = "regions-trend"

urlstate.register_param("metric", q.METRICS, "members")
i18n.register({
    "regions.map": ("Bản đồ tỉnh, thành phố", "Map of provinces"),
    "regions.ranking": ("Xếp hạng tỉnh, thành phố", "Provinces ranked"),
    "regions.compare": ("So sánh các vùng", "Regions compared"),
    "regions.trend": ("Diễn biến theo tháng", "Monthly trend"),
    "regions.unplaced": ("Chưa xếp được vào tỉnh cũ (không có trên biểu đồ): {cells} chi bộ,"
                         " {base_orgs} tổ chức cơ sở đảng, {members} đảng viên",
                         "Not placed in an old province (not on the chart): {cells} cells,"
                         " {base_orgs} base organisations, {members} members"),
})


def metric_of(f) -> str:
    return dict(f.extra).get("metric", urlstate.param_default("metric"))


def _percent(metric: str) -> bool:
    return metric in q.PERCENT_METRICS


def _decimals(metric: str) -> int:
    return 1 if metric == "members_per_cell" else 0


def _fmt(metric: str) -> str:
    return ",.1%" if _percent(metric) else f",.{_decimals(metric)}f"


def _titled(ctx, scope, key: str, metric: str, note: bool = True) -> FigContext:
    """The chart title names the metric, the subtitle says how it is computed: both from the
    metric registry (marts.dim_metric)."""
    title = f"{t(key, ctx.lang)}: {metrics.label(scope, metric, ctx.lang)}"
    note = metrics.formula(scope, metric, ctx.lang) if note else ""
    subtitle = (f"{ctx.subtitle} · {note}" if ctx.subtitle else note) if note else ctx.subtitle
    return dataclasses.replace(ctx, title=title, subtitle=subtitle)


@functools.lru_cache(maxsize=8)
def tile_cells(points: tuple) -> dict:
    """Grid cells for ((code, lat, lon), ...), cached (the layout is pure and deterministic)."""
    return cartogram.grid_layout({c: (lat, lon) for c, lat, lon in points})


def cells_for(df) -> dict:
    """Tile cells for the provinces of `df` (province_code, seat_lat, seat_lon)."""
    seats = df.dropna(subset=["seat_lat", "seat_lon"])
    return tile_cells(tuple(zip(seats["province_code"], seats["seat_lat"], seats["seat_lon"])))


def map_shapes(df) -> dict:
    """{province_code: rings} from the user's GeoJSON for the provinces of `df`, or {} (no file,
    or none of these provinces in it: the tile map is drawn instead)."""
    if df is None or df.empty:
        return {}
    return geo.match(geo.load_features(), dict(zip(df["province_code"], df["name"])))


def _provinces_data(scope, f):
    """province_code, name, region, seat_lat, seat_lon, sums and the five metrics; in the old
    boundaries, attrs["unplaced"] counts what no old province holds (said in the subtitle)."""
    df = q.province_metrics(scope, f).copy()
    df.attrs["unplaced"] = q.unplaced(scope, f)
    return df


def _map_draw(df, ctx, f, scope):
    metric = metric_of(f)
    if df is None or df.empty:
        return Drawing(empty(ctx))
    df = df.assign(label=[cartogram.short_label(n) for n in df["name"]])
    shapes = map_shapes(df)
    if shapes:  # a true map from the user's GeoJSON
        return Drawing(cartogram.choropleth(df, shapes, "label", metric, ctx, fmt=_fmt(metric),
                                            selected=f.province))
    return Drawing(cartogram.tile_map(df, cells_for(df), "label", metric, ctx, fmt=_fmt(metric),
                                      selected=f.province))


def _ranking_draw(df, ctx, f, scope):
    metric = metric_of(f)
    shown = spec.ranking(df, "name", metric, percent=_percent(metric), decimals=_decimals(metric))
    return figures.plot(shown, ctx, selected=f.province)


def _compare_data(scope, f):
    """region, name_vi, name_en, sums and the five metrics."""
    return q.region_metrics(scope, f)


def _compare_draw(df, ctx, f, scope):
    metric = metric_of(f)
    if df is not None and not df.empty:
        df = df.assign(label=df["name_en" if ctx.lang == "en" else "name_vi"])
    selected = f.region
    if f.province:
        prov = q.provinces(scope, f.old_boundaries)
        hit = prov.loc[prov["province_code"] == f.province, "region"]
        selected = hit.iloc[0] if not hit.empty else selected
    shown = spec.ranking(df, "label", metric, percent=_percent(metric),
                         decimals=_decimals(metric), key="region")
    return figures.plot(shown, ctx, selected=selected)


def _trend_data(scope, f):
    """month and the five metrics for the whole selection (province filter included)."""
    return q.metric_trend(scope, f)


def _trend_caption(df, ctx, f, scope):
    return _titled(ctx, scope, "regions.trend", metric_of(f), note=False)


def _trend_draw(df, ctx, f, scope):
    """The metric for the selection, on an axis fitted to the data (spec.value_axis; a cut axis
    is marked on the chart)."""
    metric = metric_of(f)
    shown = spec.over_time(df, "month", [(metric, metrics.label(scope, metric, ctx.lang))],
                           percent=_percent(metric), decimals=_decimals(metric),
                           zero_based=False)
    return figures.plot(shown, ctx, events=data.events(scope))


def _caption(key: str):
    """Title and subtitle naming the metric; a notice of what the old boundaries cannot place."""
    def caption(df, ctx, f, scope):
        ctx = _titled(ctx, scope, key, metric_of(f))
        lost = (df.attrs.get("unplaced") if df is not None else None) or {}
        if any(lost.values()):
            notice = t("regions.unplaced", ctx.lang, **{k: fmt_num(v, ctx.lang)
                                                         for k, v in lost.items()})
            ctx = dataclasses.replace(ctx, subtitle=f"{ctx.subtitle} · {notice}")
        return ctx
    return caption


def _metrics(f) -> tuple[str, ...]:
    return (metric_of(f),)


register(Chart(REGIONS_MAP, "regions.map", _provinces_data, _map_draw, params=("metric",),
               caption=_caption("regions.map"), metrics=_metrics))
register(Chart(REGIONS_RANKING, "regions.ranking", _provinces_data, _ranking_draw,
               params=("metric",), caption=_caption("regions.ranking"), metrics=_metrics))
register(Chart(REGIONS_COMPARE, "regions.compare", _compare_data, _compare_draw,
               params=("metric",), caption=_caption("regions.compare"), metrics=_metrics))
register(Chart(REGIONS_TREND, "regions.trend", _trend_data, _trend_draw, params=("metric",),
               caption=_trend_caption, metrics=_metrics))
