"""The warehouse banner: when the published warehouse file cannot be read and the gateway serves
an earlier generation (or nothing), admins see which generation is read, why and what to do. The
other roles see the data without alarm. Filled on every navigation, language or filter change,
from the gateway's `serving()`.

When no generation can be read at all, pages show `unavailable_page` (in both languages) and a
callback that meets the fault halfway answers through `on_callback_error` with the same notice
instead of an error (the app's `on_error`).
"""

from __future__ import annotations

import datetime as dt
import logging

import dash
import dash_mantine_components as dmc
from dash import Input, Output, callback, html

from chibo.dashboard import data, i18n
from chibo.dashboard.auth import access
from chibo.dashboard.components import filter_bar as fb
from chibo.dashboard.errors import (
    QueryTimeout,
    QueryTooBig,
    WarehouseOutdated,
    WarehouseUnavailable,
)
from chibo.dashboard.i18n import fmt_date, t

SLOT, BANNER, UNAVAILABLE = "warehouse-banner", "warehouse-fallback-banner", "warehouse-unavailable"
TOO_BIG = "query-refused"  # the notice of a query stopped (time or memory)
log = logging.getLogger("chibo.dashboard.warehouse")

i18n.register({
    "warehouse.fallback.title": ("Đang dùng thế hệ dự phòng {g} của kho dữ liệu",
                                 "Serving fallback generation {g} of the warehouse"),
    "warehouse.fallback": ("Tệp công bố (thế hệ {p}) không đọc được từ {since}: người xem đang "
                           "thấy số liệu của thế hệ {g}, không có cảnh báo.",
                           "The published file (generation {p}) cannot be read since {since}: "
                           "viewers see the figures of generation {g}, without a warning."),
    "warehouse.unreadable.title": ("Không đọc được kho dữ liệu", "The warehouse cannot be read"),
    "warehouse.unreadable": ("Tệp công bố và mọi thế hệ được giữ đều không đọc được từ {since}.",
                             "The published file and every kept generation are unreadable "
                             "since {since}."),
    "warehouse.reason": ("Lý do", "Reason"),
    "warehouse.todo": ("Xem: python -m chibo.etl status. Khắc phục: python -m chibo.etl rebuild (dựng lại "
                       "từ dữ liệu gốc) hoặc python -m chibo.etl rollback; một lần công bố mới tự "
                       "đưa bảng điều khiển về tệp công bố.",
                       "See: python -m chibo.etl status. Fix: python -m chibo.etl rebuild (from the raw "
                       "inputs) or python -m chibo.etl rollback; a new publication brings the "
                       "dashboard back to the published file by itself."),
})


def slot() -> html.Div:
    """Where the shell shows the banner."""
    return html.Div(id=SLOT)


def unavailable_page(lang: str, error: WarehouseUnavailable | None = None) -> dmc.Alert:
    """What a page shows instead of data (none published yet, none readable, or one built by an
    older version that a view cannot read: `error`): in the viewer's language, then in the other
    one."""
    key, other = data.unavailable_key(), "en" if lang == "vi" else "vi"
    words = {}
    if isinstance(error, WarehouseOutdated):
        key, words = "app.outdated", {"name": error.name}
    return dmc.Alert(id=UNAVAILABLE, color="red", title=t(key, lang, **words),
                     children=dmc.Text(t(key, other, **words), size="sm"))


def on_callback_error(error: Exception):
    """The app's callback error handler: a callback that finds no readable warehouse, or whose
    query ran too long or needed more memory than allowed, leaves its outputs as they are and the
    page shows the notice (to that viewer: such an answer is never kept); any other error stays
    an error."""
    refused = isinstance(error, QueryTimeout | QueryTooBig)
    if not refused and not isinstance(error, WarehouseUnavailable):
        raise error
    log.warning("callback answered without data: %s", error)
    dash.set_props(fb.NOTICE, {"children": dmc.Alert(str(error), id=TOO_BIG, color="orange")
                               if refused else unavailable_page(_language(), error)})
    return None


def _language() -> str:
    """The viewer's language as the failed callback was given it (its language or state store)."""
    given = {**(dash.ctx.inputs or {}), **(dash.ctx.states or {})}
    state = given.get(f"{fb.STATE}.data")
    lang = given.get(f"{fb.LANG}.data") or (state.get("lang") if isinstance(state, dict) else None)
    return "en" if lang == "en" else "vi"


def watching() -> bool:
    """Whether the current viewer is told about fallbacks: admins only."""
    return access.current_role() == "admin"


def banner(lang: str):
    """The alert for the current viewer, or None."""
    serving = data.gateway().serving()
    if not serving.fallback or not watching():
        return None
    since = _when(serving.since, lang)
    if serving.state == "fallback":
        title = t("warehouse.fallback.title", lang, g=serving.generation)
        text = t("warehouse.fallback", lang, p=serving.published_generation or "?",
                 g=serving.generation, since=since)
    else:
        title = t("warehouse.unreadable.title", lang)
        text = t("warehouse.unreadable", lang, since=since)
    return dmc.Alert(title=title, color="orange" if serving.state == "fallback" else "red",
                     id=BANNER, mb="sm", children=[
                         dmc.Text(text, size="sm"),
                         dmc.Text(f"{t('warehouse.reason', lang)}: {serving.reason}", size="sm",
                                  ff="monospace"),
                         dmc.Text(t("warehouse.todo", lang), size="sm")])


def _when(iso: str | None, lang: str) -> str:
    if not iso:
        return "–"
    moment = dt.datetime.fromisoformat(iso)
    return f"{fmt_date(moment.date(), lang)} {moment:%H:%M}"


@callback(Output(SLOT, "children"), Input(fb.URL, "pathname"), Input(fb.LANG, "data"),
          Input(fb.STATE, "data"), prevent_initial_call=True)
def fill(_pathname, lang, _state):
    return banner(lang or "vi")
