"""Flask glue: the session cookie (key file made on first run), the login gate in front of every
page and Dash endpoint, /login and /logout, security headers, and the audit of exports."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import secrets
import time
from pathlib import Path

import flask
from flask.sessions import SecureCookieSessionInterface

from dashboard import runtime
from dashboard.auth import users
from dashboard.auth.login_page import render_login
from dashboard.settings import Settings

PUBLIC_PREFIXES = ("/login", "/_dash-component-suites/", "/assets/", "/_favicon.ico")
STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/", "/_favicon.ico")
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>",
                            re.S | re.I)
_IE_COMMENT = re.compile(r"<!--\[if IE\]>.*?<!\[endif\]-->", re.S)
CSP = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
       "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")


def secret_key_path() -> Path:
    return users.users_db_path().with_name("secret_key")


def load_secret_key(path: Path | None = None) -> bytes:
    """The session signing key, created on first run (32 random bytes, mode 600)."""
    path = Path(path or secret_key_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as out:
        out.write(secrets.token_hex(32).encode())
    return path.read_bytes().strip()


class _Sessions(SecureCookieSessionInterface):
    """Loads the key on the first request (the warehouse folder is known only then)."""

    def open_session(self, app, request):
        if not app.secret_key:
            app.secret_key = load_secret_key()
        return super().open_session(app, request)


def install(server: flask.Flask, settings: Settings) -> None:
    """Attach sessions, the login gate, the routes and the headers to the Flask server."""
    server.session_interface = _Sessions()
    server.config.update(SESSION_COOKIE_NAME="chibo_session", SESSION_COOKIE_HTTPONLY=True,
                         SESSION_COOKIE_SAMESITE="Lax",
                         SESSION_COOKIE_SECURE=settings.secure_cookies)
    server.before_request(_gate)
    server.after_request(_after)
    server.add_url_rule("/login", "chibo_login", login, methods=["GET", "POST"])
    server.add_url_rule("/logout", "chibo_logout", logout, methods=["POST"])


def address() -> str | None:
    return flask.request.remote_addr


def current_user() -> users.User | None:
    """The logged-in user of this request (resolved once from the server-side session)."""
    if not flask.has_request_context():
        return None
    if "chibo_user" not in flask.g:
        flask.g.chibo_user = users.session_user(flask.session.get("sid"))
    return flask.g.chibo_user


def csrf_token() -> str:
    if "csrf" not in flask.session:
        flask.session["csrf"] = secrets.token_urlsafe(24)
    return flask.session["csrf"]


def _csrf_ok() -> bool:
    """The form carries this session's token (and the session has one)."""
    expected = flask.session.get("csrf")
    return bool(expected) and secrets.compare_digest(flask.request.form.get("csrf", ""), expected)


def _gate():
    """Every request but the login page and static files needs a live session (unless open)."""
    if runtime.current().open_access or flask.request.path.startswith(PUBLIC_PREFIXES):
        return None
    if current_user() is not None:
        return None
    if flask.request.method == "GET" and not flask.request.path.startswith("/_"):
        target = flask.request.full_path.rstrip("?")
        return flask.redirect("/login?" + _urlencode({"next": target}))
    return flask.jsonify({"error": "Cần đăng nhập / login required"}), 401


def _urlencode(d: dict) -> str:
    from urllib.parse import urlencode

    return urlencode(d)


def _safe_next(target: str | None) -> str:
    """Only same-site paths, never '//host' or a scheme."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def login():
    req = flask.request
    nxt = _safe_next(req.values.get("next"))
    if req.method == "GET":
        if runtime.current().open_access or current_user() is not None:
            return flask.redirect(nxt)
        return _page(nxt, expired=req.args.get("expired") == "1")
    if not _csrf_ok():
        return _page(nxt, error="csrf"), 400
    name = (req.form.get("name") or "").strip().lower()[:64]
    password = req.form.get("password") or ""
    if users.is_locked(name):
        users.audit("login_locked", actor=name, address=address())
        return _page(nxt, error="locked"), 429
    user = users.authenticate(name, password) if name and password else None
    if user is None:
        failures = users.record_failure(name, address())
        users.audit("login_failed", actor=name, address=address())
        settings = runtime.current().settings
        if failures >= settings.login_max_failures:
            users.audit("locked", actor=name, detail={"failures": failures}, address=address())
        time.sleep(failure_delay(failures, settings.login_failure_delay))
        return _page(nxt, error="failed"), 401
    users.clear_failures(name)
    old = flask.session.get("sid")
    users.end_session(old)
    flask.session.clear()  # a fresh session id: no fixation
    flask.session["sid"] = users.start_session(user.name, address())
    csrf_token()  # a new token for the logout form
    users.audit("login", actor=user.name, address=address())
    return flask.redirect(nxt)


def failure_delay(failures: int, base: float) -> float:
    """Seconds to wait after the n-th consecutive failed login (1, 2, 4, 8, 8 … × the base)."""
    return base * min(2 ** max(failures - 1, 0), 8)


def logout():
    if not _csrf_ok():
        return flask.redirect("/")
    user = current_user()
    users.end_session(flask.session.get("sid"))
    if user is not None:
        users.audit("logout", actor=user.name, address=address())
    flask.session.clear()
    return flask.redirect("/login")


def _page(nxt: str, error: str | None = None, expired: bool = False) -> flask.Response:
    html = render_login(csrf_token(), nxt, error=error, expired=expired,
                        no_users=users.count_users() == 0)
    return flask.Response(html, mimetype="text/html")


def _after(response: flask.Response) -> flask.Response:
    """Security headers everywhere; no caching of anything but static files; export audit."""
    path = flask.request.path
    h = response.headers
    h["X-Content-Type-Options"] = "nosniff"
    h["X-Frame-Options"] = "DENY"
    h["Referrer-Policy"] = "same-origin"
    h["Cross-Origin-Opener-Policy"] = "same-origin"
    h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()"
    if not path.startswith(STATIC_PREFIXES):
        h["Cache-Control"] = "no-store"
        h["Pragma"] = "no-cache"
    if response.mimetype == "text/html" and not response.direct_passthrough:
        body = _IE_COMMENT.sub("", response.get_data(as_text=True))
        hashes = " ".join(
            "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
            for s in _INLINE_SCRIPT.findall(body))
        h["Content-Security-Policy"] = CSP.format(hashes=hashes)
    else:
        h["Content-Security-Policy"] = CSP.format(hashes="")
    if path.endswith("/_dash-update-component") and response.status_code == 200:
        _audit_export()
    return response


def _audit_export() -> None:
    """A callback that filled a download (dcc.Download `data`) is an export: log who and what."""
    body = flask.request.get_json(silent=True) or {}
    output = str(body.get("output", ""))
    if "download" not in output.lower() or not output.endswith(".data"):
        return
    state = next((i.get("value") for i in body.get("state", []) + body.get("inputs", [])
                  if isinstance(i, dict) and i.get("id") == "state"), None) or {}
    user = current_user()
    users.audit("export", actor=user.name if user else "(demo)", target=output[:200],
                detail=json.dumps({k: state.get(k) for k in
                                   ("start", "end", "region", "province", "sector", "org")},
                                  ensure_ascii=False) if isinstance(state, dict) else None,
                address=address())
