"""Chart cards: a registry of charts (data + figure builder) and two generic callbacks.

A page registers `Chart(key, title, data, figure)` at import time and puts `chart_card(key, lang)`
in its layout; rendering on every filter change and the CSV download are handled here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import dash_mantine_components as dmc
import pandas as pd
from dash import (
    MATCH,
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    dcc,
    html,
    no_update,
)

from dashboard import data, figures, labels, urlstate
from dashboard.auth import access
from dashboard.components.filter_bar import STATE, describe, footnote
from dashboard.exports import tables
from dashboard.i18n import fmt_date, t

log = logging.getLogger(__name__)
THEME = "theme"
GRAPH, CSV_BUTTON, DOWNLOAD = "chart-graph", "chart-csv", "chart-download"
ADD_SLIDE, OPEN_SLIDES, PNG_LINK, SVG_LINK = ("chart-add-slide", "chart-open-slides",
                                              "chart-png", "chart-svg")
CHARTS: dict[str, Chart] = {}


@dataclass(frozen=True)
class Chart:
    """key: unique, prefixed by the page ('members-stock'); title: i18n key;
    data(scope, filters) -> DataFrame (also the CSV); figure(df, FigContext, filters) -> Figure;
    params: names of registered URL params passed to `data` via filters.extra."""

    key: str
    title: str
    data: Callable
    figure: Callable
    params: tuple[str, ...] = ()
    csv_columns: Callable | None = None  # (df, lang) -> df for the CSV; default labels.readable


def register(chart: Chart) -> Chart:
    if chart.key in CHARTS and CHARTS[chart.key] != chart:
        raise KeyError(f"chart key registered twice: {chart.key}")
    CHARTS[chart.key] = chart
    return chart


def file_name(title_key: str, lang: str) -> str:
    """A Vietnamese (or English) file name from the chart title, e.g. 'Đảng viên theo tháng'."""
    return t(title_key, lang).replace("/", "-")


def chart_card(key: str, lang: str = "vi", height: int = 420) -> dmc.Paper:
    """A card with the chart and a CSV button; the figure is filled in by `render`."""
    chart = CHARTS[key]
    return dmc.Paper(withBorder=True, radius="md", p="xs", className="chart-card", children=[
        dcc.Loading(dcc.Graph(id={"type": GRAPH, "key": key}, style={"height": f"{height}px"},
                              config=figures.graph_config(file_name(chart.title, lang), lang),
                              figure=figures.empty(figures.FigContext(lang=lang, title=t(
                                  chart.title, lang)), " ")), type="dot", delay_show=400),
        dmc.Group(justify="flex-end", gap=4, children=[
            html.A(t("slides.open", lang), id={"type": OPEN_SLIDES, "key": key},
                   className="chart-link", style={"display": "none"}),
            dmc.Button(t("slides.add", lang), id={"type": ADD_SLIDE, "key": key},
                       variant="subtle", size="compact-sm"),
            html.A(t("chart.png", lang), id={"type": PNG_LINK, "key": key}, className="chart-link",
                   title=t("chart.png_hint", lang)),
            html.A(t("chart.svg", lang), id={"type": SVG_LINK, "key": key}, className="chart-link",
                   title=t("chart.svg_hint", lang)),
            dmc.Button(t("chart.csv", lang), id={"type": CSV_BUTTON, "key": key},
                       variant="subtle", size="compact-sm", className="csv-button")]),
        dcc.Download(id={"type": DOWNLOAD, "key": key}),
    ])


def chart_filters(chart: Chart, state: dict):
    params = state.get("params") or {}
    return urlstate.to_filters(state, **{p: params.get(p, urlstate.param_default(p))
                                         for p in chart.params})


def build_figure(key: str, state: dict | None, theme: str | None):
    """The figure for chart `key` under `state` (a plain function: tests call it directly)."""
    chart = CHARTS[key]
    lang = (state or {}).get("lang", "vi")
    ctx = figures.FigContext(lang=lang, theme=theme or "light", title=t(chart.title, lang))
    if not state or data.signature() is None:
        return figures.empty(ctx, t("app.no_warehouse", lang))
    try:
        ctx = figures.FigContext(lang=lang, theme=theme or "light", title=t(chart.title, lang),
                                 subtitle=describe(state, lang), footnote=footnote(state, lang))
        f = chart_filters(chart, state)
        fig = chart.figure(chart.data(access.current_scope(), f), ctx, f)
        return figures.align_footnote(fig)  # builders may have changed the left margin
    except Exception:  # a broken chart shows a message, never a traceback
        log.exception("chart %s failed", key)
        return figures.empty(ctx, t("chart.error", lang))


def csv_bytes(key: str, state: dict) -> tuple[bytes, str]:
    """(UTF-8 CSV with BOM so Excel keeps the diacritics, file name) for chart `key`."""
    chart = CHARTS[key]
    lang = state.get("lang", "vi")
    df: pd.DataFrame = chart.data(access.current_scope(), chart_filters(chart, state))
    df = df.convert_dtypes()  # whole numbers as integers (SQL sums come back as floats)
    # readable headers and values in the viewer's language (codes never reach the file)
    df = chart.csv_columns(df, lang) if chart.csv_columns is not None else labels.readable(df, lang)
    name = f"{file_name(chart.title, lang)} {fmt_date(state['end']).replace('/', '-')}.csv"
    return tables.csv_bytes(df), name  # formula-safe, UTF-8 with BOM


@callback(Output({"type": GRAPH, "key": MATCH}, "figure"), Input(STATE, "data"),
          Input(THEME, "data"), State({"type": GRAPH, "key": MATCH}, "id"))
def render(state, theme, graph_id):
    return build_figure(graph_id["key"], state, theme)


@callback(Output({"type": DOWNLOAD, "key": MATCH}, "data"),
          Input({"type": CSV_BUTTON, "key": MATCH}, "n_clicks"), State(STATE, "data"),
          State({"type": CSV_BUTTON, "key": MATCH}, "id"), prevent_initial_call=True)
def download(n_clicks, state, button_id):
    if not n_clicks or not state:
        return no_update
    content, name = csv_bytes(button_id["key"], state)
    return dcc.send_bytes(content, name)


clientside_callback(  # server PNG/SVG links with the filters; "+ Trình chiếu" (assets/slides.js)
    ClientsideFunction("slides", "card"),
    Output({"type": PNG_LINK, "key": MATCH}, "href"), Output({"type": SVG_LINK, "key": MATCH}, "href"),
    Output({"type": OPEN_SLIDES, "key": MATCH}, "href"),
    Output({"type": OPEN_SLIDES, "key": MATCH}, "children"),
    Output({"type": OPEN_SLIDES, "key": MATCH}, "style"),
    Input({"type": ADD_SLIDE, "key": MATCH}, "n_clicks"), Input("url", "search"),
    State({"type": ADD_SLIDE, "key": MATCH}, "id"),
    State({"type": OPEN_SLIDES, "key": MATCH}, "children"))
