"""Every Dash callback request is checked on the server before Dash dispatches it: the body's
shape, and each input's and state's value against what its property can hold (clicks are whole
numbers, a path is text, the shared `state` store is the filter state with its typed fields …).
A request that does not fit is answered 400 at once, naming the first bad value — never handed
to a callback that would fail on it with a 500."""

from __future__ import annotations

import datetime as dt

import dash
import flask

CALLBACK_SUFFIX = "_dash-update-component"
SCALAR = (str, int, float, bool, type(None))
COUNTS = ("n_clicks", "n_intervals", "n_submit", "n_blur", "n_clicks_timestamp")
TEXTS = ("search", "hash", "href", "searchValue")
PLOTLY_EVENTS = ("clickData", "hoverData", "selectedData", "relayoutData", "restyleData")
TEXT_STORES = ("lang", "theme", "upload-job")  # dcc.Store ids whose data is text
STATE_TEXT = ("lang", "period", "region", "province", "sector", "org")
STATE_DATES = ("start", "end", "as_of")


class Invalid(ValueError):
    """One bad part of a callback request (its message names it)."""


def install(server: flask.Flask) -> None:
    server.before_request(_check)


def _check():
    req = flask.request
    if req.method != "POST" or not req.path.endswith(CALLBACK_SUFFIX):
        return None
    body = req.get_json(silent=True)
    try:
        check_body(body)
    except Invalid as e:
        return flask.jsonify({"error": f"Yêu cầu không hợp lệ / invalid request: {e}"[:300]}), 400
    if body["output"] not in dash.get_app().callback_map:
        return flask.jsonify({"error": "Không có callback này / no such callback"}), 404
    return None


def check_body(body) -> None:
    """Raise Invalid unless `body` is a well-formed callback request with plausible values."""
    if not isinstance(body, dict) or not isinstance(body.get("output"), str):
        raise Invalid("body")
    if not isinstance(body.get("outputs"), dict | list):
        raise Invalid("outputs")
    for part in ("inputs", "state"):
        entries = body.get(part, [])
        if not isinstance(entries, list):
            raise Invalid(part)
        for entry in entries:
            for e in entry if isinstance(entry, list) else [entry]:
                _entry(e)
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        raise Invalid("changedPropIds")


def _entry(e) -> None:
    if not isinstance(e, dict) or not isinstance(e.get("property"), str) \
            or not isinstance(e.get("id"), str | dict):
        raise Invalid("entry")
    ident, prop, value = e["id"], e["property"], e.get("value")
    name = f"{ident}.{prop}" if isinstance(ident, str) else prop
    if prop == "id":
        ok = value == ident
    elif prop in COUNTS:
        ok = value is None or (isinstance(value, int | float) and not isinstance(value, bool))
    elif prop in TEXTS or (prop == "data" and ident in TEXT_STORES):
        ok = value is None or isinstance(value, str)
    elif prop == "pathname":
        ok = value is None or (isinstance(value, str) and value.startswith("/"))
    elif prop == "checked":
        ok = value is None or isinstance(value, bool)
    elif prop == "data" and ident == "state":
        ok = valid_state(value)
    elif prop in PLOTLY_EVENTS:
        ok = value is None or isinstance(value, dict)
    elif prop == "getRowsRequest":
        ok = value is None or _rows_request(value)
    elif prop == "selectedRows":
        ok = value is None or (isinstance(value, list) and all(isinstance(v, dict) for v in value))
    elif prop in ("contents", "filename") or (prop == "value" and str(ident).startswith("filter-")):
        ok = _texts(value)
    elif prop == "value":
        ok = isinstance(value, SCALAR) or (isinstance(value, list)
                                           and all(isinstance(v, SCALAR) for v in value))
    else:
        ok = True
    if not ok:
        raise Invalid(name)


def _rows_request(value) -> bool:
    """ag-grid's request for a block of rows: whole row numbers, a list of sorts and a dict of
    filters (their columns and kinds are checked against the table's own by the table's
    callback, charts/grid_view.page_of)."""
    if not isinstance(value, dict):
        return False
    rows = (value.get("startRow"), value.get("endRow"))
    sorts, filters = value.get("sortModel"), value.get("filterModel")
    return (all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in rows)
            and (sorts is None or (isinstance(sorts, list)
                                   and all(isinstance(s, dict) for s in sorts)))
            and (filters is None or isinstance(filters, dict)))


def _texts(value) -> bool:
    """None, a text, or a list of texts."""
    return value is None or isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(v, str) for v in value))


def valid_state(state) -> bool:
    """The filter state (chibo/dashboard/urlstate.py) with the right type in every field."""
    if state is None:
        return True
    if not isinstance(state, dict):
        return False
    if any(state.get(k) is not None and not isinstance(state[k], str) for k in STATE_TEXT):
        return False
    if state.get("old") is not None and not isinstance(state["old"], bool):
        return False
    for k in STATE_DATES:  # every state carries its dates
        if not isinstance(state.get(k), str):
            return False
        try:
            dt.date.fromisoformat(state[k])
        except ValueError:
            return False
    params = state.get("params")
    return params is None or (isinstance(params, dict)
                              and all(isinstance(v, SCALAR) for v in params.values()))
