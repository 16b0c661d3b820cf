"""Trình chiếu (presentation mode): full-screen slides, one chart each, for a projector.

`?deck=builtin:tong-quan` or `?deck=members-stock,quality-levels` plus the usual filters; without
a deck, a chooser. Keys (arrows, space, Page Up/Down, Home/End, Esc, F), clicks and the
auto-advance timer's ticks change the slide in assets/slides.js (one place, in the order they
come); the callbacks here only draw the slide the index store names.
"""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, dcc, html

from chibo.dashboard import data, i18n, urlstate
from chibo.dashboard.components.filter_bar import STATE
from chibo.dashboard.exports import deck as decks
from chibo.dashboard.i18n import t

dash.register_page(__name__, path="/trinh-chieu", name="Trình chiếu", order=8,
                   nav_key="nav.slides")

SLIDES_ROOT, SLIDES_CHOOSER = "slides-root", "slides-chooser"
SLIDES_DATA, SLIDES_INDEX, SLIDES_TIMER = "slides-data", "slides-index", "slides-timer"
SLIDES_PREV, SLIDES_NEXT, SLIDES_EXIT = "slides-prev", "slides-next", "slides-exit"
SLIDES_FULL, SLIDES_PPTX = "slides-fullscreen", "slides-pptx"
SLIDES_TITLE, SLIDES_CONTEXT, SLIDES_SOURCE = "slides-title", "slides-context", "slides-source"
SLIDES_KEY_VALUE, SLIDES_KEY_LABEL = "slides-key-value", "slides-key-label"
SLIDES_GRAPH, SLIDES_COUNTER = "slides-graph", "slides-counter"
SLIDES_MINE, SLIDES_MINE_CLEAR = "slides-mine", "slides-mine-clear"
SLIDES_AUTO = {"type": "url-param", "name": "auto"}

i18n.register({
    "nav.slides": ("Trình chiếu", "Presentation"),
    "slides.heading": ("Trình chiếu", "Presentation mode"),
    "slides.intro": ("Mỗi biểu đồ một trang, toàn màn hình, cho máy chiếu. Điều khiển: → hoặc "
                     "phím cách, Page Down: trang sau; ←, Page Up: trang trước; F: toàn màn "
                     "hình; Esc: thoát. Bộ lọc hiện tại được giữ nguyên trong đường dẫn.",
                     "One chart per full-screen slide, for a projector. Keys: → or Space, Page "
                     "Down: next; ←, Page Up: previous; F: full screen; Esc: leave. The current "
                     "filters stay in the link."),
    "slides.builtin": ("Bộ trình chiếu có sẵn", "Built-in decks"),
    "slides.mine": ("Bộ trình chiếu của tôi", "My deck"),
    "slides.mine_hint": ("Thêm biểu đồ bằng nút “+ Trình chiếu” trên mỗi biểu đồ.",
                         "Add charts with the “+ Slides” button on any chart."),
    "slides.mine_clear": ("Xóa bộ của tôi", "Clear my deck"),
    "slides.present": ("Trình chiếu", "Present"),
    "slides.charts": ("biểu đồ", "charts"),
    "slides.auto": ("Tự chuyển trang", "Auto-advance"),
    "slides.auto.0": ("Tắt", "Off"), "slides.auto.10": ("10 giây", "10 s"),
    "slides.auto.20": ("20 giây", "20 s"), "slides.auto.30": ("30 giây", "30 s"),
    "slides.auto.60": ("60 giây", "60 s"),
    "slides.prev": ("‹ Trước", "‹ Previous"), "slides.next": ("Sau ›", "Next ›"),
    "slides.exit": ("Thoát (Esc)", "Leave (Esc)"), "slides.fullscreen": ("Toàn màn hình (F)",
                                                                         "Full screen (F)"),
    "slides.pptx": ("Tải PowerPoint", "Download PowerPoint"),
    "slides.pdf": ("Tải PDF", "Download PDF"),
})


def _search(state: dict, **params) -> str:
    """The state's query string with page params replaced (None drops one)."""
    st = {**state, "params": {**state.get("params", {}), **params}}
    return urlstate.to_search(st)


def _chooser(state: dict) -> list:
    lang = state.get("lang", "vi")
    rows = []
    for name, deck in decks.BUILTIN.items():
        q = _search(state, deck=f"builtin:{name}")
        rows.append(dmc.Group(justify="space-between", className="slides-deck-row", children=[
            dmc.Stack(gap=0, children=[
                dmc.Text(t(deck.title, lang), fw=700, size="lg"),
                dmc.Text(f"{len(deck.keys)} {t('slides.charts', lang)}", size="sm", c="dimmed")]),
            dmc.Group(gap="xs", children=[
                html.A(t("slides.present", lang), href=dash.get_relative_path("/trinh-chieu") + q,
                       className="slides-open", id=f"slides-open-{name}"),
                html.A(t("slides.pptx", lang), href=dash.get_relative_path("/export/deck.pptx") + q,
                       className="slides-download"),
                html.A(t("slides.pdf", lang), href=dash.get_relative_path("/export/deck.pdf") + q,
                       className="slides-download")])]))
    return [
        dmc.Title(t("slides.heading", lang), order=1, size="h2", mb="xs"),
        dmc.Text(t("slides.intro", lang), mb="md", maw=900),
        dmc.Select(id=SLIDES_AUTO, label=t("slides.auto", lang), w=200, mb="md",
                   allowDeselect=False, value=state["params"].get("auto", "0"),
                   data=[{"value": v, "label": t(f"slides.auto.{v}", lang)}
                         for v in decks.AUTO_CHOICES]),
        dmc.Title(t("slides.builtin", lang), order=3, mb="xs"),
        dmc.Paper(withBorder=True, p="md", mb="lg", maw=900, children=dmc.Stack(rows)),
        dmc.Title(t("slides.mine", lang), order=3, mb="xs"),
        dmc.Paper(withBorder=True, p="md", maw=900, children=dmc.Group(
            justify="space-between", children=[
                html.A(t("slides.present", lang), id=SLIDES_MINE, href=dash.get_relative_path("/trinh-chieu"),
                       title=t("slides.mine", lang), className="slides-open"),
                dmc.Text(t("slides.mine_hint", lang), size="sm", c="dimmed"),
                dmc.Button(t("slides.mine_clear", lang), id=SLIDES_MINE_CLEAR, variant="subtle",
                           size="compact-sm")])),
    ]


def _button(id_: str, key: str, lang: str):
    return html.Button(t(key, lang), id=id_, className="slides-button", tabIndex="-1")


def layout(lang: str = "vi", **_params):
    return html.Div([
        html.Div(id=SLIDES_CHOOSER),
        dcc.Store(id=SLIDES_DATA), dcc.Store(id=SLIDES_INDEX, data=0),
        dcc.Interval(id=SLIDES_TIMER, disabled=True, interval=20_000),
        html.Div(id=SLIDES_ROOT, className="slides-root projector", hidden=True, lang=lang,
                 children=[
            html.Div(className="slide-head", children=[
                html.Div(className="slide-heading", children=[
                    html.H2(id=SLIDES_TITLE, className="slide-title"),
                    html.Div(id=SLIDES_CONTEXT, className="slide-context")]),
                html.Div(className="slide-key", children=[
                    html.Div(id=SLIDES_KEY_VALUE, className="slide-key-value"),
                    html.Div(id=SLIDES_KEY_LABEL, className="slide-key-label")])]),
            html.Div(className="slide-stage", children=dcc.Graph(
                id=SLIDES_GRAPH, className="slide-graph", responsive=True,
                config={"staticPlot": True, "displayModeBar": False})),
            html.Div(className="slide-foot", children=[
                html.Span(id=SLIDES_SOURCE), html.Span(id=SLIDES_COUNTER,
                                                       className="slide-counter")]),
            html.Div(className="slides-controls", children=[
                _button(SLIDES_PREV, "slides.prev", lang), _button(SLIDES_NEXT, "slides.next", lang),
                _button(SLIDES_FULL, "slides.fullscreen", lang),
                html.A(t("slides.pptx", lang), id=SLIDES_PPTX, className="slides-button",
                       tabIndex="-1"),
                html.A(t("slides.exit", lang), id=SLIDES_EXIT, className="slides-button",
                       href=dash.get_relative_path("/"), tabIndex="-1")]),
        ]),
    ])


def payload(state: dict | None) -> dict:
    """Everything the page shows for a state (plain function): the slides as JSON-able dicts,
    whether to present or to show the chooser, the auto-advance timer, the exit/pptx links."""
    if not state or data.signature() is None:
        return {"slides": [], "present": False, "chooser": [], "auto": 0, "exit": dash.get_relative_path("/"),
                "pptx": ""}
    deck = decks.parse_deck(state["params"].get("deck"))
    auto = int(state["params"].get("auto", "0") or 0)
    exit_href = dash.get_relative_path("/") + _search(state, deck="", auto="0")
    if deck is None:
        return {"slides": [], "present": False, "chooser": _chooser(state), "auto": 0,
                "exit": exit_href, "pptx": ""}
    slides = [{"key": s.key, "title": s.title, "context": s.context, "source": s.source,
               "key_value": s.key_value, "key_label": s.key_label,
               "figure": s.figure}
              for s in decks.build_slides(deck, state)]
    return {"slides": slides, "present": True, "chooser": [], "auto": auto, "exit": exit_href,
            "pptx": dash.get_relative_path("/export/deck.pptx") + urlstate.to_search(state)}


@callback(Output(SLIDES_DATA, "data"), Output(SLIDES_ROOT, "hidden"),
          Output(SLIDES_CHOOSER, "children"), Output(SLIDES_TIMER, "disabled"),
          Output(SLIDES_TIMER, "interval"), Output(SLIDES_EXIT, "href"),
          Output(SLIDES_PPTX, "href"), Input(STATE, "data"))
def render(state):
    p = payload(state)
    return (p["slides"], not p["present"], p["chooser"], p["auto"] <= 0,
            max(p["auto"], 1) * 1000, p["exit"], p["pptx"])


clientside_callback(ClientsideFunction("slides", "tick"), Input(SLIDES_TIMER, "n_intervals"),
                    prevent_initial_call=True)
clientside_callback(ClientsideFunction("slides", "show"),
                    Output(SLIDES_TITLE, "children"), Output(SLIDES_CONTEXT, "children"),
                    Output(SLIDES_KEY_VALUE, "children"), Output(SLIDES_KEY_LABEL, "children"),
                    Output(SLIDES_GRAPH, "figure"), Output(SLIDES_SOURCE, "children"),
                    Output(SLIDES_COUNTER, "children"),
                    Input(SLIDES_INDEX, "data"), Input(SLIDES_DATA, "data"))
clientside_callback(ClientsideFunction("slides", "fullscreen"), Output(SLIDES_FULL, "title"),
                    Input(SLIDES_FULL, "n_clicks"), prevent_initial_call=True)
clientside_callback(ClientsideFunction("slides", "mine"), Output(SLIDES_MINE, "href"),
                    Output(SLIDES_MINE, "children"), Input(SLIDES_MINE_CLEAR, "n_clicks"),
                    State("url", "search"), State(SLIDES_MINE, "children"))
