"""Security headers on every response, and the `Origin` check of state-changing requests.

The Content-Security-Policy allows scripts from this site and the inline scripts Dash itself
renders, by the fixed hashes Dash computes once (`app.csp_hashes()`), never by hashing whatever
a response happens to contain (which would allow an injected script). `style-src` keeps
'unsafe-inline': Mantine and Plotly insert style elements at run time, which no fixed hash
covers; styles cannot run code.

A POST (Dash callbacks, login, logout, uploads) whose `Origin` names another site is refused
with 403 before any work: browsers send `Origin` on every cross-site POST.
"""

from __future__ import annotations

import flask

CSP = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
       "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")
STATIC_ENDPOINTS = ("_dash_assets.static", "/_dash-component-suites/<string:package_name>"
                    "/<path:fingerprinted_path>", "/_favicon.ico")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def install(app) -> None:
    """Attach the Origin check and the headers to the Dash app's server."""
    server = app.server
    policy: list[str] = []

    def csp() -> str:
        if not policy:  # after the first request: Dash has set up every clientside callback
            policy.append(CSP.format(hashes=" ".join(app.csp_hashes())))
        return policy[0]

    def headers(response: flask.Response) -> flask.Response:
        h = response.headers
        h["X-Content-Type-Options"] = "nosniff"
        h["X-Frame-Options"] = "DENY"
        h["Referrer-Policy"] = "same-origin"
        h["Cross-Origin-Opener-Policy"] = "same-origin"
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()"
        h["Content-Security-Policy"] = csp()
        if not (flask.request.endpoint or "").endswith(STATIC_ENDPOINTS):
            h["Cache-Control"] = "no-store"
            h["Pragma"] = "no-cache"
        return response

    server.before_request(check_origin)
    server.after_request(headers)


def check_origin():
    """403 for a state-changing request sent by a page of another site (scheme and host as the
    client sees them: behind nginx, from the trusted X-Forwarded-* headers)."""
    req = flask.request
    origin = req.headers.get("Origin")
    if req.method in SAFE_METHODS or origin is None or origin == f"{req.scheme}://{req.host}":
        return None
    return flask.jsonify({"error": "Nguồn yêu cầu không hợp lệ / cross-site request refused"}), 403
