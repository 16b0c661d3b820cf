"""The audit of data reads: every answered Dash callback that filled a chart (`figure`), a table
(`rowData`; `getRowsResponse`, a block of a paged grid) or a download (`dcc.Download.data`, an
export) is logged with the user, the page, the chart or table, and the filters of the state it
was answered for. Values are capped in chibo/dashboard/auth/users.audit; times are UTC with the
zone (chibo/dashboard/store). The questions a new generation draws again before anyone asks
(chibo/dashboard/auth/fill.py) are nobody's read: not logged."""

from __future__ import annotations

import logging

import flask

from chibo.dashboard import runtime
from chibo.dashboard.auth import fill, users, web

log = logging.getLogger(__name__)
READ_PROPS = ("figure", "rowData", "data", "children")
FILTER_KEYS = ("start", "end", "as_of", "old", "region", "province", "sector", "org")


def install(server: flask.Flask) -> None:
    server.after_request(_audit)


def _outputs(output: str) -> list[str]:
    return output[2:-2].split("...") if output.startswith("..") else [output]


def _value(items, ident: str, prop: str):
    for i in items if isinstance(items, list) else []:
        if isinstance(i, dict) and i.get("id") == ident and i.get("property") == prop:
            return i.get("value")
    return None


def classify(outputs: list[str]) -> tuple[str, list[str]] | None:
    """("export" | "read", the outputs that carry data) or None for a callback reading nothing."""
    downloads = [o for o in outputs if "download" in o.lower() and o.endswith(".data")]
    if downloads:
        return "export", downloads
    reads = [o for o in outputs
             if o.rpartition(".")[2] in ("figure", "rowData", "getRowsResponse")]
    return ("read", reads) if reads else None


def _audit(response: flask.Response) -> flask.Response:
    req = flask.request
    if (response.status_code != 200 or not req.path.endswith("_dash-update-component")
            or runtime.current().open_access or fill.is_filling()):
        return response
    try:
        body = req.get_json(silent=True) or {}
        kind = classify(_outputs(str(body.get("output", ""))))
        if kind is None:
            return response
        values = (body.get("inputs") or []) + (body.get("state") or [])
        state = _value(values, "state", "data")
        filters = ({k: state.get(k) for k in FILTER_KEYS if state.get(k) not in (None, False)}
                   if isinstance(state, dict) else None)
        page = _value(values, "url", "pathname") or _referer_path()
        users.audit(kind[0], actor=web.actor(), target=", ".join(kind[1]), detail=filters,
                    address=web.address(), page=page)
    except Exception:  # auditing must never break an answer
        log.exception("read audit failed")
    return response


def _referer_path() -> str | None:
    ref = flask.request.referrer
    if not ref:
        return None
    return "/" + ref.split("://", 1)[-1].partition("/")[2].partition("?")[0]
