"""Hard limits on what one client can make the server do, checked before a request is read.

- Body size: `CHIBO_MAX_REQUEST_KB` for every request (Flask's `MAX_CONTENT_LENGTH`: 413 from the
  `Content-Length` header, before the body is parsed). Only the upload route, for a user who may
  upload, takes up to `CHIBO_MAX_UPLOAD_MB` (chibo/dashboard/admin/upload_route.py); the nginx sample
  (deploy/nginx) sets the same figure as `client_max_body_size`. The
  refused body is discarded unparsed (up to DRAIN_LIMIT, else the connection is closed on it), so
  a proxy sending it reads the 413 instead of a reset connection (a 502 for the client).
- Callback rate: `CHIBO_CALLBACK_RATE_LIMIT` Dash callbacks per viewer (the user name; the
  client address without logins), counted in a moving window by the `limits` library in
  `CHIBO_RATE_LIMIT_STORAGE`; beyond it 429 with `Retry-After`, at once.
"""

from __future__ import annotations

import math
import time

import flask
import limits

from chibo.dashboard import runtime

CALLBACK_SUFFIX = "_dash-update-component"
UPLOAD_ENDPOINT = "chibo_upload"  # chibo/dashboard/admin/upload_route.py (auth never imports admin)
DRAIN_LIMIT = 16 * 1024 * 1024  # bytes of a refused body read and dropped so the 413 arrives


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
    server.register_error_handler(413, _too_large)


def _too_large(_error):
    """413, bilingual, after dropping what of the body is already on its way (never parsed)."""
    req = flask.request
    stream, left = req.environ.get("wsgi.input"), req.content_length or 0
    if stream is not None and left <= DRAIN_LIMIT:
        while left > 0 and (chunk := stream.read(min(65536, left))):
            left -= len(chunk)
    return ("Yêu cầu quá lớn / request too large", 413, {"Connection": "close"})


def _viewer() -> str:
    from chibo.dashboard.auth import web

    user = web.current_user()
    return f"user:{user.name}" if user else f"address:{web.address()}"


def _limit():
    req, settings = flask.request, runtime.current().settings
    req.max_content_length = settings.max_request_kb * 1024
    if req.endpoint == UPLOAD_ENDPOINT:
        from chibo.dashboard.auth import access

        if access.may_upload():
            req.max_content_length = settings.max_upload_mb * 1024 * 1024
        return None
    if not req.path.endswith(CALLBACK_SUFFIX):
        return None
    wait = retry_after(_viewer())
    if not wait:
        return None
    response = flask.jsonify({"error": "Quá nhiều yêu cầu, thử lại sau / too many requests, "
                              f"try again in {wait} s"})
    response.status_code = 429
    response.headers["Retry-After"] = str(wait)
    return response
