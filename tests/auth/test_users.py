"""Users, passwords, sessions, lockout and audit: the users CLI, argon2 hashes, idle expiry,
failed-login lockout, the secret key file, security headers and the login form."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.auth.conftest import PASSWORD, login
from tests.helpers import runtime_for, serving

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chibo.dashboard", "users", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_users_cli_manages_users_in_an_owner_only_database(tmp_path, fixture_warehouse):
    """add/list/set-role/set-scope/reset-password/remove work; the file is mode 600; every change
    is audited; the password is never stored in clear; an unknown province code is refused."""
    w = str(tmp_path / "w.duckdb")
    shutil.copy(fixture_warehouse, w)
    assert "python -m chibo.dashboard users add --role admin" in run_cli("list", "--warehouse", w).stdout
    bad = run_cli("add", "an", "--role", "analyst", "--province", "99", "--warehouse", w,
                  "--password-stdin", stdin="motdepasse-dai\n")
    assert bad.returncode == 1 and "unknown province code: 99" in bad.stderr
    assert run_cli("add", "an", "--role", "analyst", "--province", "01", "--warehouse", w,
                   "--password-stdin", stdin="motdepasse-dai\n").returncode == 0
    assert run_cli("add", "x", "--role", "admin", "--warehouse", w, "--password-stdin",
                   stdin="short\n").returncode == 1  # too short
    assert run_cli("set-role", "an", "leader", "--warehouse", w).returncode == 0
    assert run_cli("set-scope", "an", "--org", "C1", "--warehouse", w).returncode == 0
    assert run_cli("reset-password", "an", "--warehouse", w, "--password-stdin",
                   stdin="mot-khau-moi-123\n").returncode == 0
    listing = run_cli("list", "--warehouse", w).stdout
    assert re.search(r"an\s+leader", listing)
    db = tmp_path / "users.sqlite3"
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600
    with sqlite3.connect(db) as con:
        (digest,) = con.execute("SELECT password_hash FROM users WHERE name = 'an'").fetchone()
        actions = [r[0] for r in con.execute("SELECT action FROM audit ORDER BY id")]
    assert digest.startswith("$argon2id$") and "mot-khau-moi" not in digest
    assert actions == ["user_add", "user_set_role", "user_set_scope", "user_reset_password"]
    assert run_cli("remove", "an", "--warehouse", w).returncode == 0
    assert run_cli("remove", "an", "--warehouse", w).returncode == 1


def test_secret_key_is_created_once_owner_only(tmp_path):
    """The session key survives restarts and nobody else can read it."""
    from chibo.dashboard.auth.web import load_secret_key

    key = load_secret_key(tmp_path / "secret_key")
    assert len(key) == 64 and load_secret_key(tmp_path / "secret_key") == key
    assert stat.S_IMODE(os.stat(tmp_path / "secret_key").st_mode) == 0o600


def test_login_sets_httponly_samesite_cookie_and_logout_ends_the_session(logins):
    """The cookie is HttpOnly and SameSite; after logout the same cookie opens nothing."""
    client = logins.server.test_client()
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").get_data(as_text=True))[1]
    r = client.post("/login", data={"csrf": token, "name": "lead", "password": PASSWORD})
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert client.get("/_dash-layout").status_code == 200
    stolen = client.get_cookie("chibo_session").value
    assert client.get("/login?next=/").status_code == 302  # logged in: sent past the form
    assert client.post("/logout", data={"csrf": "forged"}).status_code == 302
    assert client.get("/_dash-layout").status_code == 200  # a forged logout does nothing
    client.post("/logout", data={"csrf": _session_csrf(client, logins)})
    other = logins.server.test_client()
    other.set_cookie("chibo_session", stolen)
    assert other.get("/_dash-layout").status_code == 401


def _session_csrf(client, app) -> str:
    from flask.sessions import SecureCookieSessionInterface

    s = SecureCookieSessionInterface().get_signing_serializer(app.server)
    return s.loads(client.get_cookie("chibo_session").value)["csrf"]


def test_login_rejects_a_missing_csrf_token(logins):
    """A login form posted from another site (no token) is refused."""
    client = logins.server.test_client()
    r = client.post("/login", data={"name": "lead", "password": PASSWORD})
    assert r.status_code == 400 and client.get("/_dash-layout").status_code == 401


def test_idle_session_expires(logins, users_db):
    """A session idle for longer than the timeout is gone; the next request needs a login."""
    client = login(logins, "lead")
    assert client.get("/_dash-layout").status_code == 200
    old = (dt.datetime.now() - dt.timedelta(minutes=31)).isoformat(" ", "seconds")
    with sqlite3.connect(users_db) as con:
        con.execute("UPDATE sessions SET last_seen_at = ? WHERE name = 'lead'", (old,))
    assert client.get("/_dash-layout").status_code == 401
    assert client.get("/").headers["Location"].startswith("/login")


def test_repeated_failures_lock_the_name_for_that_address(logins, users_db):
    """Five wrong passwords from one address lock the name there (429 with Retry-After, even
    with the right password next), answered at once; audited; a password reset lifts it."""
    from chibo.dashboard.auth import users

    users.add_user("victim", "leader", PASSWORD)
    for _ in range(5):
        assert login(logins, "victim", "wrong-password").login_status == 401
    locked = login(logins, "victim")
    assert locked.login_status == 429 and locked.get("/_dash-layout").status_code == 401
    actions = [e["action"] for e in users.audit_log(50) if e["actor"] == "victim"]
    assert actions.count("login_failed") == 5 and "locked" in actions
    users.set_password("victim", PASSWORD)  # what reset-password does
    assert login(logins, "victim").login_status == 302


def test_unknown_user_and_wrong_password_look_the_same(logins):
    """No user enumeration: same status and message for both."""
    a = login(logins, "no-such-user")
    b = login(logins, "lead", "wrong-password")
    assert a.login_status == b.login_status == 401


@pytest.mark.parametrize("path", ["/login", "/", "/_dash-layout"])
def test_security_headers(logins, path):
    """CSP (no inline script but the hashed Dash ones, no framing), nosniff, no caching."""
    client = login(logins, "lead") if path != "/login" else logins.server.test_client()
    h = client.get(path).headers
    csp = h["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "'unsafe-eval'" not in csp
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert h["X-Content-Type-Options"] == "nosniff" and h["X-Frame-Options"] == "DENY"
    assert h["Cache-Control"] == "no-store"


def test_login_page_says_how_to_create_the_first_admin(tmp_path, dash_app, fixture_warehouse):
    """With no users the login form names the command; there is no default password."""
    rt = runtime_for(fixture_warehouse, open_access=False, users_db=tmp_path / "empty.sqlite3")
    with serving(dash_app, rt):
        page = dash_app.server.test_client().get("/login").get_data(as_text=True)
    assert "python -m chibo.dashboard users add --role admin" in page


def test_next_parameter_cannot_redirect_off_site(logins):
    """After login only same-site paths are followed."""
    client = logins.server.test_client()
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").get_data(as_text=True))[1]
    r = client.post("/login", data={"csrf": token, "name": "lead", "password": PASSWORD,
                                    "next": "//evil.example/x"})
    assert r.headers["Location"] == "/"


def test_debug_is_refused_once_users_exist(tmp_path, fixture_warehouse):
    """`--debug` (Dash's dev tools) is for a demo warehouse only: once a users database has a
    user (real data behind logins) it stops before serving anything."""
    w = str(tmp_path / "w.duckdb")
    shutil.copy(fixture_warehouse, w)
    assert run_cli("add", "boss", "--role", "admin", "--warehouse", w, "--password-stdin",
                   stdin="motdepasse-dai\n").returncode == 0
    r = subprocess.run([sys.executable, "-m", "chibo.dashboard", "--debug", "--warehouse", w],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 2 and "--debug is refused once users exist" in r.stderr
