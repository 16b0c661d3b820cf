"""The first answer of a page load carries its view: the app's layout (`_dash-layout`) is drawn
for the address the browser opened, with the filter state, the controls and their options, the
navigation, the user menu and the page itself filled in. The page's own cards and charts are
then the first callbacks the browser asks for: one round before the first draw instead of three
(address → filter state → page → cards).

The address is the layout request's `Referer`: the app's `Referrer-Policy: same-origin` has the
browser send the page's full address with it. Without one (a browser told never to send it), or
with no readable warehouse, the layout comes empty as before and the shell's callbacks fill it:
`dcc.Location` sets its path and query when it mounts, which sets off the filter sync, the router
and the rest (they never run on the first load otherwise: `prevent_initial_call`). The values
come from the very functions those callbacks run.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import dash
import flask
from dash import NoUpdate
from dash.dependencies import Wildcard

from chibo.dashboard import data, urlstate
from chibo.dashboard.auth import access
from chibo.dashboard.auth import ui as auth_ui
from chibo.dashboard.components import filter_bar as fb
from chibo.dashboard.components import shell, warehouse_banner

LAYOUT_ROUTE = "_dash-layout"


def layout():
    """The shell (components/shell.py), filled in for the address the browser opened."""
    frame = shell.layout()
    view = requested()
    if view is not None:
        values = first_values(*view, nav_ids(frame))
        if values is not None:
            fill(frame, values)
    return frame


def requested() -> tuple[str, str] | None:
    """(path, query string as `location.search` has it) of the page whose layout this request
    asks for, or None (not the layout request, or no Referer)."""
    if not flask.has_request_context() or not flask.request.path.endswith(LAYOUT_ROUTE):
        return None
    referrer = flask.request.referrer
    if not referrer:
        return None
    parts = urlsplit(referrer)
    return parts.path or "/", f"?{parts.query}" if parts.query else ""


def nav_ids(frame) -> list[dict]:
    return [c.id for c in frame._traverse() if isinstance(getattr(c, "id", None), dict)
            and c.id.get("type") == shell.NAV["type"]]


def first_values(pathname: str, search: str, ids: list[dict]) -> dict | None:
    """{(component id, property): value} of the first view, as the shell's callbacks would set
    them; None when they must set them (a path outside the app, no readable warehouse)."""
    if shell.app_path(pathname) is None or data.signature() is None:
        return None
    state, bad = urlstate.parse(search, urlstate.choices_for(access.current_scope()))
    lang = state["lang"]
    values = {(fb.URL, "pathname"): pathname, (fb.URL, "search"): search,
              (fb.STATE, "data"): state, (fb.LANG, "data"): lang,
              (fb.NOTICE, "children"): fb.ignored_notice(bad, lang),
              (shell.CONTENT, "children"): shell.content(pathname, lang, search)}
    values.update({(i, prop): state[key] for i, prop, key in fb.CONTROLS})
    for callback, *args in ((fb.translate_labels, lang), (fb.fill_options, lang, state),
                            (fb.search_orgs, None, state["org"]),
                            (shell.navigation, pathname, search, lang, ids),
                            (auth_ui.fill, lang), (warehouse_banner.fill, pathname, lang, state)):
        values.update(answer(callback, *args))
    # the label the box shows (Mantine sets it when it mounts: the org search would run again)
    values[(fb.ORG, "searchValue")] = next((o["label"] for o in values[(fb.ORG, "data")]
                                            if o["value"] == state["org"]), "")
    return values


def answer(callback, *args) -> dict:
    """{(component id, property): value} a shell callback answers for `args`: its function
    (Dash's `@callback` returns it as it is) and the outputs Dash registered for it. A pattern
    id (the nav links, `ALL`) is keyed by its fixed parts and takes a list, one value per
    matching component. An output it leaves as it is (`no_update`) is left out."""
    entry = next(e for e in dash.get_app().callback_map.values()
                 if getattr(e.get("callback"), "__wrapped__", None) is callback)
    outputs = entry["output"] if isinstance(entry["output"], list) else [entry["output"]]
    result = callback(*args)
    result = result if isinstance(entry["output"], list) else [result]
    return {(_key(o.component_id), o.component_property): v for o, v in zip(outputs, result)
            if not isinstance(v, NoUpdate)}


def _key(cid):
    """A plain id as it is; a pattern id as the tuple of its fixed (key, value) pairs."""
    if isinstance(cid, str):
        return cid
    return tuple(sorted((k, v) for k, v in cid.items() if not isinstance(v, Wildcard)))


def fill(frame, values: dict) -> None:
    """Set each value on its component; a pattern's list goes to the components its id matches,
    one each, in the order of the layout (as Dash gives them to the callback)."""
    taken: dict[tuple, int] = {}
    for c in frame._traverse():
        cid = getattr(c, "id", None)
        for (key, prop), v in values.items():
            if isinstance(key, str):
                if key == cid:
                    setattr(c, prop, v)
            elif isinstance(cid, dict) and all(cid.get(k) == w for k, w in key):
                n = taken.get((key, prop), 0)
                setattr(c, prop, v[n])
                taken[(key, prop)] = n + 1
