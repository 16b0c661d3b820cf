"""The app shell: header (burger, title, language and theme switches), navigation from
page_registry (a side bar from 992 px up; below, on tablets and phones, a menu the burger opens
and closes), the shared filter bar, and the router that renders the current page for path and
language (or a 404 page); the browser tab's title and `<html lang>` follow page and language."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import dash
import dash_mantine_components as dmc
from dash import ALL, Input, Output, State, callback, clientside_callback, dcc, html, no_update

from chibo.dashboard import data, responses, urlstate
from chibo.dashboard.auth import access, response_cache
from chibo.dashboard.auth import ui as auth_ui
from chibo.dashboard.components import filter_bar as fb
from chibo.dashboard.components import warehouse_banner
from chibo.dashboard.components.chart_card import THEME
from chibo.dashboard.i18n import t

PROVIDER, CONTENT, LANG_BUTTON, THEME_BUTTON = "provider", "page-content", "lang-button", "theme-button"
TITLE, BURGER, SHELL, DOC = "app-title", "nav-burger", "app-shell", "doc-meta"
NAV = {"type": "nav-link", "path": ALL}
NAVBAR = {"width": 210, "breakpoint": "md"}  # md = 62em (992 px): below it the burger menu


def _pages() -> list[dict]:
    return sorted(dash.page_registry.values(), key=lambda p: (p.get("order", 99), p["path"]))


def layout() -> dmc.MantineProvider:
    """The whole page frame; page content arrives through the router callback."""
    nav = [dmc.NavLink(id={"type": "nav-link", "path": p["path"]}, href=dash.get_relative_path(p["path"]),
                       label=p["name"], className="nav-link") for p in _pages()
           if access.page_allowed(p)]
    header = dmc.Group(justify="space-between", h="100%", px="md", wrap="nowrap", children=[
        dmc.Group(gap="xs", wrap="nowrap", className="app-brand", children=[
            dmc.Burger(id=BURGER, hiddenFrom="md", size="sm", opened=False,
                       **{"aria-label": "Menu", "aria-controls": "app-navbar"}),
            dmc.Text(t("app.title"), id=TITLE, fw=700, size="lg", className="app-title"),
        ]),
        dmc.Group(gap="xs", wrap="nowrap", className="app-tools", children=[
            auth_ui.header_slot(),
            dmc.Button(t("app.lang_switch"), id=LANG_BUTTON, variant="light", size="compact-md"),
            dmc.Switch(id=THEME_BUTTON, label=t("app.theme"), size="md", checked=False,
                       className="theme-switch"),
        ]),
    ])
    return dmc.MantineProvider(id=PROVIDER, forceColorScheme="light", children=dmc.DatesProvider(
        id="dates-provider", settings={"locale": "vi", "firstDayOfWeek": 1},
        children=dmc.AppShell(
            id=SHELL, header={"height": 56}, padding="md",
            navbar={**NAVBAR, "collapsed": {"mobile": True}},
            children=[
                dmc.AppShellHeader(header),
                dmc.AppShellNavbar(p="xs", children=nav, id="app-navbar"),
                dmc.AppShellMain([
                    *fb.stores(), dcc.Store(id=THEME, storage_type="local"), dcc.Store(id=DOC),
                    auth_ui.banner_slot(), warehouse_banner.slot(), html.Div(id=fb.NOTICE),
                    fb.filter_bar(), html.Div(id=CONTENT),
                    html.Div(id="ag-theme-sink", hidden=True), html.Div(id="doc-sink", hidden=True),
                ]),
            ])))


def page_for(path: str | None) -> dict | None:
    """The registered page at a path of the app ('/du-lieu/' is '/du-lieu'); None for an unknown
    path."""
    path = (path or "/").rstrip("/") or "/"
    return next((p for p in _pages() if p["path"] == path), None)


def app_path(pathname: str | None) -> str | None:
    """The app's path of the browser's ('/chibo/du-lieu' under CHIBO_URL_PREFIX=/chibo/ is
    '/du-lieu'); None for a path outside the prefix."""
    try:
        return "/" + (dash.strip_relative_path(pathname or "/") or "")
    except dash.exceptions.UnsupportedRelativePath:
        return None


def not_found(lang: str, search: str | None = None) -> html.Div:
    """The 404 page: what happened and a way back (the overview, keeping the filters)."""
    return html.Div(id="page-not-found", children=[
        html.H1(t("app.not_found", lang), className="page-heading"),
        dmc.Text(t("app.not_found_text", lang), mb="md"),
        dmc.Anchor(t("app.back_home", lang), href=dash.get_relative_path("/") + (search or ""),
                   id="back-home"),
    ])


def install_not_found(server) -> None:
    """An unknown path answers 404 (the page still loads and shows `not_found`), not the
    overview with 200; Dash serves its index for every path through one catch-all rule."""
    import flask

    @server.after_request
    def _status(response):
        rule = flask.request.url_rule
        if (rule is not None and rule.rule.endswith("<path:path>") and response.status_code == 200
                and page_for(flask.request.path) is None):
            response.status_code = 404
        return response


def doc_title(pathname: str | None, lang: str) -> str:
    """The browser tab's title: '<page> · chibo' ('Không tìm thấy trang · chibo')."""
    page = page_for(app_path(pathname))
    name = (t(page["nav_key"], lang) if page and page.get("nav_key")
            else page["name"] if page else t("app.not_found", lang))
    return f"{name} · chibo"


@callback(Output(CONTENT, "children"), Input(fb.URL, "pathname"), Input(fb.LANG, "data"),
          State(fb.URL, "search"), prevent_initial_call=True)
@responses.cacheable
def route(pathname, lang, search):
    """Render the page for the path, in the language, with its validated URL params (the first
    page comes with the layout: components/first_view.py)."""
    if lang is None:
        return no_update
    return content(pathname, lang, search)


def content(pathname: str | None, lang: str, search: str | None):
    """The page at a path in a language, with the query string's params (or the 404 page, the
    refusal of a page the viewer may not see, the notice of an unreadable warehouse)."""
    page = page_for(app_path(pathname))
    if page is not None and page.get("roles"):  # an admin's page is drawn afresh every time
        response_cache.dont_keep()
    if page is not None and not access.page_allowed(page):
        return dmc.Alert(t("auth.forbidden", lang), color="red", id="page-forbidden")
    if page is not None and page.get("without_warehouse"):  # the upload page loads the first one
        return page["layout"](lang=lang)
    if data.signature() is None:
        return warehouse_banner.unavailable_page(lang)
    state, _bad = urlstate.parse(search, urlstate.choices_for(access.current_scope()))
    if page is None:
        return not_found(lang, search)
    return page["layout"](lang=lang, **state["params"])


@callback(Output(NAV, "label"), Output(NAV, "href"), Output(NAV, "active"), Output(TITLE, "children"),
          Output(LANG_BUTTON, "children"), Output(THEME_BUTTON, "label"),
          Output("dates-provider", "settings"), Output(DOC, "data"),
          Input(fb.URL, "pathname"), Input(fb.URL, "search"), Input(fb.LANG, "data"),
          State(NAV, "id"), prevent_initial_call=True)
@responses.cacheable
def navigation(pathname, search, lang, ids):
    """Nav labels in the language; links keep the query string so filters survive navigation."""
    lang = lang or "vi"
    by_path = {p["path"]: p for p in _pages()}
    labels = [t(by_path[i["path"]].get("nav_key", ""), lang) if by_path[i["path"]].get("nav_key")
              else by_path[i["path"]]["name"] for i in ids]
    path = (app_path(pathname) or "/").rstrip("/") or "/"
    return (labels, [dash.get_relative_path(i["path"]) + (search or "") for i in ids],
            [i["path"] == path for i in ids],
            t("app.title", lang), t("app.lang_switch", lang), t("app.theme", lang),
            {"locale": lang, "firstDayOfWeek": 1},
            {"title": doc_title(pathname, lang), "lang": lang})


clientside_callback(  # the tab's title and <html lang> (screen readers pick their voice by it)
    """function(doc) { if (doc) { document.title = doc.title;
        document.documentElement.lang = doc.lang; } return ''; }""",
    Output("doc-sink", "children"), Input(DOC, "data"))

clientside_callback(  # the burger opens and closes the menu below 992 px
    """function(opened, navbar) { return Object.assign({}, navbar,
        {collapsed: {mobile: !opened}}); }""",
    Output(SHELL, "navbar"), Input(BURGER, "opened"), State(SHELL, "navbar"))

clientside_callback(  # following a link closes the menu
    "function(path) { return false; }",
    Output(BURGER, "opened"), Input(fb.URL, "pathname"), prevent_initial_call=True)


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


clientside_callback(  # light or dark, remembered in the browser (a preference, not the view);
    # on the first load nothing is set when the remembered scheme is the one drawn (the light one
    # of the layout): setting the provider draws the whole page again before the charts are asked
    """function(checked, stored, drawn) {
        const fired = (window.dash_clientside.callback_context.triggered || [])
            .filter(t => t.prop_id && t.prop_id !== '.');
        const keep = window.dash_clientside.no_update;
        if (checked === null || checked === undefined || !fired.length) {
            const scheme = (stored === 'light' || stored === 'dark') ? stored : 'light';
            if (scheme === drawn && checked === (scheme === 'dark')) { return [keep, keep, keep]; }
            return [scheme, scheme === 'dark', keep];
        }
        const scheme = checked ? 'dark' : 'light';
        return [scheme, checked, scheme];
    }""",
    Output(PROVIDER, "forceColorScheme"), Output(THEME_BUTTON, "checked"), Output(THEME, "data"),
    Input(THEME_BUTTON, "checked"), State(THEME, "data"), State(PROVIDER, "forceColorScheme"))
