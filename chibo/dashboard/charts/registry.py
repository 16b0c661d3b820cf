"""The chart registry: every chart the dashboard can show, by key, and how one is drawn for a
state and a viewer's scope. Chart cards, slides, PowerPoint, PNG/SVG and CSV all go through here.

A chart is defined (and registered) in charts/catalogue/; a page shows it with its key.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

import pandas as pd

from chibo.dashboard import data, labels, urlstate
from chibo.dashboard.charts import plain, spreadsheets
from chibo.dashboard.charts.captions import describe, empty_text, file_stem, footnote
from chibo.dashboard.charts.headline import text_alternative
from chibo.dashboard.charts.theme import Drawing, FigContext, align_footnote, empty
from chibo.dashboard.data import Scope
from chibo.dashboard.errors import WarehouseOutdated
from chibo.dashboard.i18n import t
from chibo.dashboard.queries import metrics

log = logging.getLogger(__name__)
CHARTS: dict[str, Chart] = {}


@dataclass(frozen=True)
class Chart:
    """key: unique, prefixed by the page ('members-stock'); title: i18n key;
    data(scope, filters) -> DataFrame (also the CSV);
    draw(df, FigContext, filters, scope) -> Drawing (the Plotly figure and the spec it shows;
    the scope for reference data such as events);
    params: names of registered URL params passed to `data` via filters.extra;
    caption(df, FigContext, filters, scope) -> FigContext: the chart's own title or subtitle
    (optional);
    csv_columns(df, lang) -> df for the CSV (default labels.readable);
    metrics: the registry metrics it shows (marts.dim_metric: the "ⓘ" definitions and the slides'
    notes), or metrics(filters) -> them for a chart whose metric is chosen."""

    key: str
    title: str
    data: Callable
    draw: Callable
    params: tuple[str, ...] = ()
    caption: Callable | None = None
    csv_columns: Callable | None = None
    metrics: tuple[str, ...] | Callable = ()


def register(chart: Chart) -> Chart:
    if chart.key in CHARTS and CHARTS[chart.key] != chart:
        raise KeyError(f"chart key registered twice: {chart.key}")
    CHARTS[chart.key] = chart
    return chart


def file_name(title_key: str, lang: str) -> str:
    """A Vietnamese (or English) file name from the chart title, e.g. 'Đảng viên theo tháng'."""
    return t(title_key, lang).replace("/", "-")


def export_name(key: str, state: dict, scope: Scope, ext: str) -> str:
    """An export's file name: title, the scope shown and the period's end
    ('Đảng viên chính thức và dự bị - Hà Nội - 31-12-2025.png')."""
    lang = state.get("lang", "vi")
    return f"{file_stem(t(CHARTS[key].title, lang), state, lang, scope)}.{ext}"


def chart_filters(chart: Chart, state: dict):
    params = state.get("params") or {}
    return urlstate.to_filters(state, **{p: params.get(p, urlstate.param_default(p))
                                         for p in chart.params})


def chart_metrics(key: str, state: dict | None) -> tuple[str, ...]:
    """The registry metrics chart `key` shows under `state`."""
    chart = CHARTS[key]
    if callable(chart.metrics):
        return tuple(chart.metrics(chart_filters(chart, state))) if state else ()
    return chart.metrics


def rated(ctx: FigContext, key: str, state: dict, scope: Scope) -> FigContext:
    """The subtitle ends with how the chart's rates are computed, from the metric registry
    ('… · kết nạp trong kỳ / đảng viên ngày trước kỳ')."""
    shown = [metrics.formula(scope, m, ctx.lang) for m in chart_metrics(key, state)
             if metrics.registry(scope).get(m, {}).get("kind") == "rate"]
    shown = [s for s in shown if s]
    return replace(ctx, subtitle=" · ".join([ctx.subtitle, *shown])) if shown else ctx


def draw(key: str, state: dict, scope: Scope, theme: str = "light",
         with_footnote: bool = True) -> tuple[FigContext, Drawing]:
    """Chart `key` under `state` for `scope`: (its texts, its drawing). A chart that fails
    draws its error message, never a traceback."""
    chart = CHARTS[key]
    lang = state.get("lang", "vi")
    ctx = FigContext(lang=lang, theme=theme, title=t(chart.title, lang),
                     subtitle=describe(state, lang, scope),
                     footnote=footnote(state, lang, scope) if with_footnote else "",
                     nodata=empty_text(state, lang, scope))
    try:
        f = chart_filters(chart, state)
        df = chart.data(scope, f)
        ctx = chart.caption(df, ctx, f, scope) if chart.caption else rated(ctx, key, state, scope)
        drawing = chart.draw(df, ctx, f, scope)
    except WarehouseOutdated as e:  # built before a macro the chart reads: say what to do
        log.warning("chart %s not drawn: %s", key, e)
        drawing = Drawing(empty(ctx, t("app.outdated", lang, name=e.name)))
    except Exception:
        log.exception("chart %s failed", key)
        drawing = Drawing(empty(ctx, t("chart.error", lang)))
    align_footnote(drawing.figure)  # builders may have changed the left margin
    return ctx, drawing


def build_figure(key: str, state: dict | None, theme: str | None, scope: Scope) -> dict:
    """The card's figure for chart `key` (a message when there is no state or no warehouse), a
    plain figure (charts/plain.py)."""
    return build_card(key, state, theme, scope)[0]


def build_card(key: str, state: dict | None, theme: str | None,
               scope: Scope) -> tuple[dict, str]:
    """(figure, text alternative) of chart `key`'s card: the text names the chart, the scope and
    period shown and its key number ('…: Đảng viên · 12/2025 45'), for screen readers."""
    lang = (state or {}).get("lang", "vi")
    title = t(CHARTS[key].title, lang)
    if not state or data.signature() is None:
        ctx = FigContext(lang=lang, theme=theme or "light", title=title)
        return empty(ctx, t(data.unavailable_key(), lang)), title
    try:
        ctx, drawing = draw(key, state, scope, theme or "light")
        return drawing.figure, text_alternative(f"{ctx.title} ({ctx.subtitle})", drawing.spec,
                                                lang)
    except Exception:  # even the captions failed (a broken warehouse)
        log.exception("chart %s failed", key)
        ctx = FigContext(lang=lang, theme=theme or "light", title=title)
        return empty(ctx, t("chart.error", lang)), title


def card_answer(key: str, state: dict | None, theme: str | None,
                scope: Scope) -> tuple[dict, str]:
    """`build_card` through the answer cache (by warehouse generation, scope, chart, filter
    state and theme), so a view many viewers open is drawn once per process. A chart that
    failed is drawn anew next time."""
    if not state or data.signature() is None:
        return build_card(key, state, theme, scope)
    try:
        return _card(scope, key, json.dumps(state, sort_keys=True, default=str), theme)
    except _Uncached as failed:
        return failed.args[0], failed.args[1]


@data.cached
def _card(scope: Scope, key: str, state_json: str, theme: str | None) -> tuple[dict, str]:
    state = json.loads(state_json)
    fig, alt = build_card(key, state, theme, scope)
    error = t("chart.error", state.get("lang", "vi"))
    if any(a.get("text") == error for a in plain.annotations(fig)):
        raise _Uncached(fig, alt)
    return fig, alt


class _Uncached(Exception):
    """A failed chart's drawing, kept out of the cache."""


def csv_bytes(key: str, state: dict, scope: Scope) -> tuple[bytes, str]:
    """(UTF-8 CSV with BOM so Excel keeps the diacritics, file name) for chart `key`."""
    chart = CHARTS[key]
    lang = state.get("lang", "vi")
    df: pd.DataFrame = chart.data(scope, chart_filters(chart, state))
    df = df.convert_dtypes()  # whole numbers as integers (SQL sums come back as floats)
    if chart.csv_columns is not None:  # the chart names its own columns
        df = chart.csv_columns(df, lang)
    else:  # a metric's column is headed by its registry label, the rest made readable
        registered = metrics.registry(scope)
        df = labels.readable(df.rename(columns={c: metrics.label(scope, c, lang)
                                                for c in df.columns if c in registered}), lang)
    return spreadsheets.csv_bytes(df), export_name(key, state, scope, "csv")
