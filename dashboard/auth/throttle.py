"""Hard limits on what one client can make the server do, checked before a request is read.

- Body size: `CHIBO_MAX_REQUEST_KB` for every request (Flask's `MAX_CONTENT_LENGTH`: 413 from the
  `Content-Length` header, before the body is parsed). Only a logged-in admin's Dash callbacks
  may carry up to `CHIBO_MAX_UPLOAD_MB` (uploads travel inside the upload page's callback).
  The nginx sample (deploy/nginx) sets the same upload limit as `client_max_body_size`.
- Callback rate: `CHIBO_CALLBACK_RATE_LIMIT` Dash callbacks per viewer (the user name; the
  client address without logins), counted in a moving window by the `limits` library in
  `CHIBO_RATE_LIMIT_STORAGE`; beyond it 429 with `Retry-After`, at once.
"""

from __future__ import annotations

import math
import time

import flask
import limits

from dashboard import runtime

CALLBACK_SUFFIX = "_dash-update-component"


def retry_after(who: str) -> int:
    """0 when `who` may send one more callback now (counting it), else the seconds to wait."""
    rt = runtime.current()
    waits = []
    for rate in limits.parse_many(rt.settings.callback_rate_limit):
        if not rt.rates.hit(rate, "callback", who):
            reset, _remaining = rt.rates.get_window_stats(rate, "callback", who)
            waits.append(max(1, math.ceil(reset - time.time())))
    return max(waits, default=0)


def install(server: flask.Flask) -> None:
    """Attach the limits (after the login gate, which knows the user)."""
    server.config["MAX_CONTENT_LENGTH"] = runtime.of(server).settings.max_request_kb * 1024
    server.before_request(_limit)


def _viewer() -> str:
    from dashboard.auth import web

    user = web.current_user()
    return f"user:{user.name}" if user else f"address:{web.address()}"


def _limit():
    req, settings = flask.request, runtime.current().settings
    req.max_content_length = settings.max_request_kb * 1024
    if not req.path.endswith(CALLBACK_SUFFIX):
        return None
    from dashboard.auth import access

    if access.is_admin():  # base64 inside JSON: a third larger than the files
        req.max_content_length = settings.max_upload_mb * 1024 * 1024 * 4 // 3 + 65536
    wait = retry_after(_viewer())
    if not wait:
        return None
    response = flask.jsonify({"error": "Quá nhiều yêu cầu, thử lại sau / too many requests, "
                              f"try again in {wait} s"})
    response.status_code = 429
    response.headers["Retry-After"] = str(wait)
    return response
