"""Chart cards: a chart of the registry (chibo/dashboard/charts/registry.py) with its CSV, PNG, SVG and
slide buttons, re-drawn on every filter change by one generic callback.

A page puts `chart_card(key, lang)` in its layout; the chart itself is defined in charts/catalogue/.
"""

from __future__ import annotations

import dash_mantine_components as dmc
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

from chibo.dashboard import i18n, responses
from chibo.dashboard.auth import access
from chibo.dashboard.charts import registry, theme
from chibo.dashboard.components.definitions import INFO, info_popover
from chibo.dashboard.components.filter_bar import STATE
from chibo.dashboard.i18n import t

THEME = "theme"
GRAPH, CSV_BUTTON, DOWNLOAD, ALT = "chart-graph", "chart-csv", "chart-download", "chart-alt"
ADD_SLIDE, OPEN_SLIDES, PNG_LINK, SVG_LINK = ("chart-add-slide", "chart-open-slides",
                                              "chart-png", "chart-svg")

i18n.register({  # the card's buttons
    "slides.add": ("+ Trình chiếu", "+ Slides"),
    "slides.open": ("Mở trình chiếu", "Open slides"),
    "chart.png": ("PNG", "PNG"),
    "chart.png_hint": ("Ảnh PNG 1920×1080 cho máy chiếu", "PNG image, 1920×1080, for a projector"),
    "chart.svg": ("SVG", "SVG"),
    "chart.svg_hint": ("Ảnh vector SVG", "SVG vector image"),
})


def chart_card(key: str, lang: str = "vi", height: int = 420) -> dmc.Paper:
    """A card with the chart and a CSV button; the figure is filled in by `render`."""
    chart = registry.CHARTS[key]
    return dmc.Paper(withBorder=True, radius="md", p="xs", className="chart-card", children=[
        html.Figure(className="chart-figure", children=[
            dcc.Loading(dcc.Graph(id={"type": GRAPH, "key": key}, style={"height": f"{height}px"},
                                  config=theme.graph_config(registry.file_name(chart.title, lang),
                                                            lang),
                                  figure=theme.empty(theme.FigContext(lang=lang, title=t(
                                      chart.title, lang)), " ")), type="dot", delay_show=400),
            # the text alternative: the figure's accessible name, read instead of the drawing
            html.Figcaption(t(chart.title, lang), id={"type": ALT, "key": key},
                            className="visually-hidden")]),
        dmc.Group(justify="flex-end", gap=4, children=[
            info_popover({"type": INFO, "key": key}, lang),
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


@callback(Output({"type": GRAPH, "key": MATCH}, "figure"), Output({"type": ALT, "key": MATCH}, "children"),
          Input(STATE, "data"), Input(THEME, "data"), State({"type": GRAPH, "key": MATCH}, "id"))
@responses.cacheable
def render(state, theme_name, graph_id):
    return registry.card_answer(graph_id["key"], state, theme_name, access.current_scope())


@callback(Output({"type": DOWNLOAD, "key": MATCH}, "data"),
          Input({"type": CSV_BUTTON, "key": MATCH}, "n_clicks"), State(STATE, "data"),
          State({"type": CSV_BUTTON, "key": MATCH}, "id"), prevent_initial_call=True)
def download(n_clicks, state, button_id):
    if not n_clicks or not state:
        return no_update
    content, name = registry.csv_bytes(button_id["key"], state, access.current_scope())
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
