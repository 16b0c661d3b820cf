"""Flask glue for logins: the session cookie (signed with CHIBO_SECRET_KEY or the key in
CHIBO_SECRET_KEY_FILE, the same on every host; else a key file made on first run beside the users
database, for one host), the login gate in
front of every route but an exact list of public ones, /login (limits answered at once with 429
and Retry-After: chibo/dashboard/auth/lockout.py) and /logout."""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path
from urllib.parse import urlencode

import flask
from flask.sessions import SecureCookieSessionInterface

from chibo.dashboard import runtime
from chibo.dashboard.auth import lockout, users
from chibo.dashboard.auth.login_page import render_login
from chibo.dashboard.settings import Settings

log = logging.getLogger("chibo.dashboard.auth")
# routes anybody may reach, by endpoint (never by path prefix: /login/../x is not /login)
PUBLIC_ENDPOINTS = {"chibo_login", "chibo_healthz", "_dash_assets.static"}
PUBLIC_DASH_ROUTES = ("_dash-component-suites/<string:package_name>/<path:fingerprinted_path>",
                      "_favicon.ico")


def secret_key_path() -> Path:
    return runtime.current().settings.users_db_path().with_name("secret_key")


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


def shared_secret_key(settings: Settings) -> bytes | None:
    """The key several hosts share, from the settings (None: the local key file's)."""
    if settings.secret_key:
        return settings.secret_key.encode()
    if settings.secret_key_file:
        try:
            key = settings.secret_key_file.read_bytes().strip()
        except OSError as e:
            raise RuntimeError(f"CHIBO_SECRET_KEY_FILE={settings.secret_key_file}: không đọc "
                               f"được khóa phiên / cannot read the session key: {e.strerror}"
                               ) from None
        if len(key) < 32:
            raise RuntimeError(f"CHIBO_SECRET_KEY_FILE={settings.secret_key_file}: khóa phiên "
                               "cần ít nhất 32 ký tự / the session key needs at least 32 "
                               "characters")
        return key
    return None


class _Sessions(SecureCookieSessionInterface):
    """Loads the key on the first request (the warehouse folder is known only then)."""

    def open_session(self, app, request):
        if not app.secret_key:
            app.secret_key = load_secret_key()
        return super().open_session(app, request)


def install(server: flask.Flask, settings: Settings, dash_prefix: str = "/") -> None:
    """Attach sessions, the login gate and the login routes to the Flask server."""
    server.session_interface = _Sessions()
    server.secret_key = shared_secret_key(settings)  # checked at start; None: on first request
    server.config.update(SESSION_COOKIE_NAME="chibo_session", SESSION_COOKIE_HTTPONLY=True,
                         SESSION_COOKIE_SAMESITE="Lax",
                         SESSION_COOKIE_SECURE=settings.secure_cookies,
                         SESSION_COOKIE_PATH=settings.url_prefix, APPLICATION_ROOT=settings.url_prefix)
    server.config["chibo_public_endpoints"] = PUBLIC_ENDPOINTS | {dash_prefix + r for r in PUBLIC_DASH_ROUTES}
    server.before_request(_gate)
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


def actor() -> str | None:
    """Who is asking, for the logs: the user's name, "(demo)" in open access, else None."""
    if runtime.current().open_access:
        return "(demo)"
    user = current_user()
    return user.name if user else None


def csrf_token() -> str:
    if "csrf" not in flask.session:
        flask.session["csrf"] = secrets.token_urlsafe(24)
    return flask.session["csrf"]


def _csrf_ok() -> bool:
    """The form carries this session's token (and the session has one)."""
    expected = flask.session.get("csrf")
    return bool(expected) and secrets.compare_digest(flask.request.form.get("csrf", ""), expected)


def is_public() -> bool:
    return flask.request.endpoint in flask.current_app.config["chibo_public_endpoints"]


def _gate():
    """Every request but the exact public routes needs a live session (unless open access)."""
    if runtime.current().open_access or is_public():
        return None
    if current_user() is not None:
        return None
    req = flask.request
    if req.method == "GET" and req.endpoint in ("/", "/<path:path>") or \
            req.endpoint in ("export_deck", "export_chart"):
        target = req.script_root + req.full_path.rstrip("?")  # the path the browser asked for
        return flask.redirect(flask.url_for("chibo_login") + "?" + urlencode({"next": target}))
    return flask.jsonify({"error": "Cần đăng nhập / login required"}), 401


def _safe_next(target: str | None) -> str:
    """Only paths of this app (under its prefix), never '//host' or a scheme."""
    root = flask.request.script_root + "/"
    if not target or not target.startswith(root) or target.startswith("//") or "\\" in target:
        return flask.request.script_root + "/"
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
    wait = lockout.wait_seconds(name, address())
    if wait:
        log.warning("login refused", extra={"user": name, "address": address(), "wait": wait})
        response = _page(nxt, error="locked", minutes=-(-wait // 60))
        response.status_code = 429
        response.headers["Retry-After"] = str(wait)
        return response
    user = users.authenticate(name, password) if name and password else None
    if user is None:
        if lockout.record_failure(name, address()):
            users.audit("locked", actor=name, address=address())
        users.audit("login_failed", actor=name, address=address())
        return _page(nxt, error="failed"), 401
    lockout.clear(name, address())
    users.end_session(flask.session.get("sid"))
    flask.session.clear()  # a fresh session id: no fixation
    flask.session["sid"] = users.start_session(user.name, address())
    csrf_token()  # a new token for the logout form
    users.audit("login", actor=user.name, address=address())
    return flask.redirect(nxt)


def logout():
    if not _csrf_ok():
        return flask.redirect(flask.request.script_root + "/")
    user = current_user()
    users.end_session(flask.session.get("sid"))
    if user is not None:
        users.audit("logout", actor=user.name, address=address())
    flask.session.clear()
    return flask.redirect(flask.url_for("chibo_login"))


def _page(nxt: str, error: str | None = None, expired: bool = False,
          minutes: int | None = None) -> flask.Response:
    html = render_login(csrf_token(), nxt, flask.url_for("chibo_login"), error=error,
                        expired=expired, no_users=users.count_users() == 0, minutes=minutes)
    return flask.Response(html, mimetype="text/html")
