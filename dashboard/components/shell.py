"""The app shell: header (title, language and theme switches), navigation from page_registry,
the shared filter bar, and the router that renders the current page for path and language."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import dash
import dash_mantine_components as dmc
from dash import ALL, Input, Output, State, callback, clientside_callback, dcc, html, no_update

from dashboard import data, urlstate
from dashboard.auth import access
from dashboard.auth import ui as auth_ui
from dashboard.components import filter_bar as fb
from dashboard.components import warehouse_banner
from dashboard.components.chart_card import THEME
from dashboard.i18n import t

PROVIDER, CONTENT, LANG_BUTTON, THEME_BUTTON = "provider", "page-content", "lang-button", "theme-button"
TITLE = "app-title"
NAV = {"type": "nav-link", "path": ALL}


def _pages() -> list[dict]:
    return sorted(dash.page_registry.values(), key=lambda p: (p.get("order", 99), p["path"]))


def layout() -> dmc.MantineProvider:
    """The whole page frame; page content arrives through the router callback."""
    nav = [dmc.NavLink(id={"type": "nav-link", "path": p["path"]}, href=p["path"],
                       label=p["name"], className="nav-link") for p in _pages()
           if access.page_allowed(p)]
    header = dmc.Group(justify="space-between", h="100%", px="md", children=[
        dmc.Title(t("app.title"), id=TITLE, order=3),
        dmc.Group(gap="xs", children=[
            auth_ui.header_slot(),
            dmc.Button(t("app.lang_switch"), id=LANG_BUTTON, variant="light", size="compact-md"),
            dmc.Switch(id=THEME_BUTTON, label=t("app.theme"), size="md"),
        ]),
    ])
    return dmc.MantineProvider(id=PROVIDER, forceColorScheme="light", children=dmc.DatesProvider(
        id="dates-provider", settings={"locale": "vi", "firstDayOfWeek": 1},
        children=dmc.AppShell(
            header={"height": 56}, navbar={"width": 210, "breakpoint": "sm"}, padding="md",
            children=[
                dmc.AppShellHeader(header),
                dmc.AppShellNavbar(p="xs", children=nav),
                dmc.AppShellMain([
                    *fb.stores(), dcc.Store(id=THEME, storage_type="local"),
                    auth_ui.banner_slot(), warehouse_banner.slot(), html.Div(id=fb.NOTICE),
                    fb.filter_bar(), html.Div(id=CONTENT),
                    html.Div(id="ag-theme-sink", hidden=True),
                ]),
            ])))


@callback(Output(CONTENT, "children"), Input(fb.URL, "pathname"), Input(fb.LANG, "data"),
          State(fb.URL, "search"))
def route(pathname, lang, search):
    """Render the page for the path, in the language, with its validated URL params."""
    if lang is None:
        return no_update
    if data.signature() is None:
        return warehouse_banner.unavailable_page(lang)
    state, _bad = urlstate.parse(search, urlstate.choices_for(access.current_scope()))
    path = (pathname or "/").rstrip("/") or "/"
    page = next((p for p in _pages() if p["path"] == path), None) or _pages()[0]
    if not access.page_allowed(page):
        return dmc.Alert(t("auth.forbidden", lang), color="red", id="page-forbidden")
    return page["layout"](lang=lang, **state["params"])


@callback(Output(NAV, "label"), Output(NAV, "href"), Output(NAV, "active"), Output(TITLE, "children"),
          Output(LANG_BUTTON, "children"), Output(THEME_BUTTON, "label"),
          Output("dates-provider", "settings"),
          Input(fb.URL, "pathname"), Input(fb.URL, "search"), Input(fb.LANG, "data"),
          State(NAV, "id"))
def navigation(pathname, search, lang, ids):
    """Nav labels in the language; links keep the query string so filters survive navigation."""
    lang = lang or "vi"
    by_path = {p["path"]: p for p in _pages()}
    labels = [t(by_path[i["path"]].get("nav_key", ""), lang) if by_path[i["path"]].get("nav_key")
              else by_path[i["path"]]["name"] for i in ids]
    path = (pathname or "/").rstrip("/") or "/"
    return (labels, [i["path"] + (search or "") for i in ids], [i["path"] == path for i in ids],
            t("app.title", lang), t("app.lang_switch", lang), t("app.theme", lang),
            {"locale": lang, "firstDayOfWeek": 1})


@callback(Output(fb.URL, "search", allow_duplicate=True), Input(LANG_BUTTON, "n_clicks"),
          State(fb.URL, "search"), prevent_initial_call=True)
def toggle_language(_n, search):
    """Flip `lang` in the query string; the URL sync does the rest."""
    q = dict(parse_qsl((search or "").lstrip("?"), keep_blank_values=True))
    if q.pop("lang", "vi") != "en":
        q["lang"] = "en"
    return ("?" + urlencode(q)) if q else ""


clientside_callback(  # ag-grid follows the colour scheme through this attribute
    "function(scheme) { document.body.dataset.agThemeMode = scheme || 'light'; return ''; }",
    Output("ag-theme-sink", "children"), Input(PROVIDER, "forceColorScheme"))


@callback(Output(PROVIDER, "forceColorScheme"), Output(THEME_BUTTON, "checked"),
          Output(THEME, "data"), Input(THEME_BUTTON, "checked"), State(THEME, "data"))
def theme(checked, stored):
    """Light or dark, remembered in the browser (a preference, not part of the shared view)."""
    if checked is None or dash.ctx.triggered_id is None:
        scheme = stored if stored in ("light", "dark") else "light"
        return scheme, scheme == "dark", no_update
    scheme = "dark" if checked else "light"
    return scheme, checked, scheme
