"""Dữ liệu (data): warehouse generation and freshness, load ledger, rejected rows, data-quality
warnings (the warnings follow the shared filters)."""

from __future__ import annotations

import datetime as dt

import dash
import dash_mantine_components as dmc
from dash import Input, Output, callback, html

from chibo.dashboard import data, i18n
from chibo.dashboard.auth import access
from chibo.dashboard.charts.catalogue.status import DATA_LEDGER, DATA_QUALITY, DATA_QUARANTINE
from chibo.dashboard.components import warehouse_banner
from chibo.dashboard.components.filter_bar import STATE
from chibo.dashboard.components.table_card import table_card
from chibo.dashboard.i18n import fmt_date, fmt_month, fmt_num, t

dash.register_page(__name__, path="/du-lieu", name="Dữ liệu", order=9, nav_key="nav.data")

DATA_INFO = "data-info"

i18n.register({
    "nav.data": ("Dữ liệu", "Data"),
    "data.heading": ("Dữ liệu", "Data"),
    "data.generation": ("Thế hệ đang dùng", "Generation served"),
    "data.fallback": ("dự phòng: tệp công bố (thế hệ {p}) không đọc được",
                      "fallback: the published file (generation {p}) cannot be read"),
    "data.published": ("Công bố lúc", "Published at"),
    "data.last_load": ("Lần nạp gần nhất", "Last load"),
    "data.months": ("Số liệu từ – đến", "Data from – to"),
    "data.size": ("Dung lượng tệp", "File size"),
    "data.freshness": ("Độ mới", "Freshness"),
    "data.months_behind": ("số liệu đến {month}, cách đây {n} tháng",
                           "data up to {month}, {n} months ago"),
    "data.months_behind.1": ("số liệu đến {month}, cách đây {n} tháng",
                             "data up to {month}, {n} month ago"),
    "data.current": ("số liệu đến tháng này ({month})", "data up to this month ({month})"),
})


def layout(lang: str = "vi", **_params):
    return html.Div([
        dmc.Title(t("data.heading", lang), order=1, size="h2", mb="sm"),
        dmc.SimpleGrid(id=DATA_INFO, cols={"base": 2, "md": 3, "xl": 6}, spacing="sm", mb="md"),
        dmc.Stack(gap="md", children=[table_card(DATA_QUALITY, lang),
                                      table_card(DATA_LEDGER, lang, 300),
                                      table_card(DATA_QUARANTINE, lang)]),
    ])


def info_cards(state: dict | None, today: dt.date | None = None) -> list:
    """Generation, publication, last load, data months, file size, freshness (plain function)."""
    if not state or data.signature() is None:
        return []
    lang = state.get("lang", "vi")
    info = data.warehouse_info(access.current_scope())
    today = today or dt.date.today()
    last = info["last_load"]
    items = [
        ("data.generation", fmt_num(info["generation"], lang)),
        ("data.published", f"{fmt_date(info['published_at'])} "
                           f"{info['published_at']:%H:%M}" if info["published_at"] else "–"),
        ("data.last_load", fmt_date(last) if last else "–"),
        ("data.months", f"{fmt_month(info['first_month'])} – {fmt_month(info['last_month'])}"),
        ("data.size", f"{fmt_num(info['file_bytes'] / 2**20, lang, 1)} MB"),
        ("data.freshness", freshness(info["last_month"], today, lang)),
    ]
    cards = [dmc.Paper(withBorder=True, p="sm", radius="md", children=[
        dmc.Text(t(k, lang), size="sm", c="dimmed"), dmc.Text(v, fw=700, size="lg")])
        for k, v in items]
    serving = data.gateway().serving()
    if serving.state == "fallback" and warehouse_banner.watching():  # admins only: no alarm
        cards[0].children.append(dmc.Text(t("data.fallback", lang, p=serving.published_generation),
                                          size="xs", c="orange", id="data-fallback"))
    return cards


def freshness(last_month, today: dt.date, lang: str) -> str:
    """How old the newest data are: counted from the last month of data, not from the load or
    the publication (a load today of last year's figures is not fresh data)."""
    if last_month is None:
        return "–"
    n = (today.year - last_month.year) * 12 + today.month - last_month.month
    month = fmt_month(last_month)
    if n <= 0:
        return t("data.current", lang, month=month)
    return t("data.months_behind", lang, month=month, n=n)


@callback(Output(DATA_INFO, "children"), Input(STATE, "data"))
def update_info(state):
    return info_cards(state)
