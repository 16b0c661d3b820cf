"""Denial of service and hard limits: failed logins answered at once (never a sleeping worker),
lockout by (address, user name), request body size, callback rate, exact public routes, the
Origin check and a CSP of fixed hashes — through a real HTTP server or Flask's test client."""

from __future__ import annotations

import concurrent.futures
import http.client
import re
import threading
import time
import urllib.parse

import pytest
from werkzeug.serving import make_server

from tests.auth.conftest import PASSWORD
from tests.helpers import runtime_for, serving


def _client(app, address: str):
    client = app.server.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def _try(client, name: str, password: str):
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    return client.post("/login", data={"csrf": token, "name": name, "password": password,
                                       "next": "/"})


@pytest.fixture
def fresh_logins(users_db, dash_app, fixture_warehouse, tmp_path):
    """Logins on a users database of this test only (its failures start at zero)."""
    import sqlite3
    from contextlib import closing

    db = tmp_path / "users.sqlite3"
    with closing(sqlite3.connect(users_db)) as src, closing(sqlite3.connect(db)) as dst:
        src.backup(dst)
    rt = runtime_for(fixture_warehouse, open_access=False, users_db=db,
                     callback_rate_limit="100000 per 10 seconds")
    with serving(dash_app, rt):
        dash_app.server.test_client().get("/login")
        yield dash_app


def test_an_attacker_cannot_lock_someone_elses_account(fresh_logins):
    """Thirty wrong passwords for `lead` from one address lock `lead` for that address only
    (429 with Retry-After, the password not even checked); the owner's correct password from
    their own address still logs in. The old lockout locked the name for everybody."""
    attacker, owner = _client(fresh_logins, "203.0.113.9"), _client(fresh_logins, "198.51.100.4")
    answers = [_try(attacker, "lead", "wrong-password") for _ in range(30)]
    assert [r.status_code for r in answers[:5]] == [401] * 5
    assert all(r.status_code == 429 and int(r.headers["Retry-After"]) > 0 for r in answers[5:])
    assert _try(attacker, "lead", PASSWORD).status_code == 429  # locked for this address
    assert _try(owner, "lead", PASSWORD).status_code == 302


def test_one_address_guessing_many_names_is_refused(fresh_logins):
    """Failures from one address over many names add up: past the per-address limit every
    name is refused from there, at once; other addresses are untouched."""
    from chibo.dashboard import runtime

    limit = runtime.current().settings.login_max_failures_per_address
    attacker = _client(fresh_logins, "203.0.113.10")
    codes = [_try(attacker, f"guess{i}", "wrong-password").status_code for i in range(limit + 3)]
    assert codes[:limit] == [401] * limit and codes[limit:] == [429] * 3
    assert _try(attacker, "boss", PASSWORD).status_code == 429
    assert _try(_client(fresh_logins, "198.51.100.5"), "boss", PASSWORD).status_code == 302


class _Server:
    """The app on a real HTTP server with one worker thread (a sync gunicorn worker)."""

    def __init__(self, app):
        self.httpd = make_server("127.0.0.1", 0, app.server, threaded=False)
        self.port = self.httpd.server_port
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def request(self, method: str, path: str, body: dict | None = None, cookie: str = "",
                timeout: float = 120) -> tuple[int, dict, str]:
        con = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        headers = {"Cookie": cookie}
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        con.request(method, path, data, headers)
        r = con.getresponse()
        text = r.read().decode("utf-8", "replace")
        con.close()
        return r.status, dict(r.getheaders()), text

    def wrong_login(self, name: str) -> int:
        status, headers, page = self.request("GET", "/login")
        cookie = headers["Set-Cookie"].split(";")[0]
        token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        return self.request("POST", "/login", {"csrf": token, "name": name,
                                               "password": "wrong-password"}, cookie)[0]

    def close(self):
        self.httpd.shutdown()


def test_wrong_logins_fired_at_once_do_not_hold_the_worker(fresh_logins):
    """Twenty wrong logins (four names, five each) fired from eight threads at a server with a
    single worker thread, while a visitor asks for the login page: the visitor is answered and
    every wrong login is answered 401 or 429. The old code slept in the worker after each failure
    (1, 2, 4, 8, 8 s per name: 92 s for these twenty), so the visitor, queued behind them, waited
    past the generous limit of the visitor's request (60 s); now nothing waits."""
    server = _Server(fresh_logins)
    try:
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            attack = [pool.submit(server.wrong_login, f"target{i % 4}") for i in range(20)]
            first = next(concurrent.futures.as_completed(attack))  # the attack is under way
            assert first.result() in (401, 429)
            visitor = server.request("GET", "/login", timeout=60)
            codes = [f.result() for f in attack]
        assert visitor[0] == 200 and "csrf" in visitor[2]
        assert sorted(set(codes)) in ([401], [401, 429])
    finally:
        server.close()


def test_a_large_body_is_refused_before_it_is_read(fresh_logins):
    """A body over CHIBO_MAX_REQUEST_KB gets 413 from its Content-Length, from anybody: to the
    login form and to the callback endpoint alike (only the upload route takes more, from an
    admin: tests/auth/test_upload.py)."""
    from chibo.dashboard import runtime

    limit = runtime.current().settings.max_request_kb * 1024
    client = fresh_logins.server.test_client()
    big = b"x" * (limit + 1)
    assert client.post("/login", data=big, content_type="application/x-www-form-urlencoded"
                       ).status_code == 413
    from tests.auth.conftest import login

    analyst = login(fresh_logins, "ana")
    r = analyst.post("/_dash-update-component", data=big, content_type="application/json")
    assert r.status_code == 413
    ok = analyst.post("/_dash-update-component", data=b"{}", content_type="application/json")
    assert ok.status_code != 413


def test_callbacks_beyond_the_rate_limit_get_429_for_that_viewer_only(users_db, dash_app,
                                                                      fixture_warehouse, tmp_path):
    """A viewer sending more callbacks than CHIBO_CALLBACK_RATE_LIMIT gets 429 with Retry-After
    for the rest; another viewer's callbacks are still served."""
    from tests.auth.conftest import login

    rt = runtime_for(fixture_warehouse, open_access=False, users_db=users_db,
                     callback_rate_limit="20 per 1 minute")
    body = {"output": "nothing.children", "outputs": {"id": "nothing", "property": "children"},
            "inputs": [], "changedPropIds": []}
    with serving(dash_app, rt):
        greedy, other = login(dash_app, "ana"), login(dash_app, "lead")
        codes = [greedy.post("/_dash-update-component", json=body) for _ in range(150)]
        assert all(r.status_code != 429 for r in codes[:20])
        refused = [r for r in codes[20:] if r.status_code == 429]
        assert len(refused) == 130 and all(int(r.headers["Retry-After"]) >= 1 for r in refused)
        assert other.post("/_dash-update-component", json=body).status_code != 429


def test_counting_callbacks_starts_no_thread(fixture_warehouse, users_db):
    """The rate limit's memory counts (the default storage) expire without a timer thread per
    few requests, and still decide: a viewer past the limit is refused."""
    import limits

    rt = runtime_for(fixture_warehouse, open_access=False, users_db=users_db)
    limit = limits.parse("20 per 1 minute")
    passed, timers = [rt.rates.hit(limit, "callback", "user:x") for _ in range(60)], []
    for _ in range(3):
        time.sleep(0.02)  # limits' own timer (10 ms) has ended: a hit would start another
        passed.append(rt.rates.hit(limit, "callback", "user:x"))
        timers.append(rt.rates.storage.timer.is_alive())  # the storage's own timer
    assert timers == [False] * 3
    assert passed == [True] * 20 + [False] * 43
    assert rt.rates.hit(limit, "callback", "user:y")


@pytest.mark.parametrize("path", ["/login/../_dash-layout", "/login/x", "/assets/../_dash-layout",
                                  "/_dash-component-suites/../_dash-layout", "/healthz/x"])
def test_public_routes_match_exactly(fresh_logins, path):
    """Only the exact public routes skip the login gate: a path that merely starts with one
    serves nothing of the app."""
    r = fresh_logins.server.test_client().get(path)
    assert r.status_code in (302, 401, 404)
    assert "_dash-config" not in r.get_data(as_text=True) and b'"props"' not in r.data


def test_cross_site_posts_are_refused(fresh_logins):
    """A POST whose Origin is another site is refused (403) before any work; the same site's
    own Origin passes."""
    client = fresh_logins.server.test_client()
    r = client.post("/login", data={"name": "lead", "password": PASSWORD},
                    headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    same = client.post("/login", data={"name": "lead", "password": PASSWORD},
                       headers={"Origin": "http://localhost"})
    assert same.status_code == 400  # past the Origin check: refused for its missing CSRF token


def test_csp_allows_only_the_scripts_dash_renders(fresh_logins):
    """The CSP lists exactly Dash's fixed hashes (app.csp_hashes()), whatever the response holds:
    a page carrying another inline script does not get it allowed."""
    from tests.auth.conftest import login

    client = login(fresh_logins, "lead")
    csp = client.get("/").headers["Content-Security-Policy"]
    script_src = csp.split("script-src")[1].split(";")[0]
    allowed = set(re.findall(r"'(sha256-[^']+)'", script_src))
    assert allowed and allowed == {h.strip("'") for h in fresh_logins.csp_hashes()}
    assert client.get("/login").headers["Content-Security-Policy"] == csp


def test_healthz_is_public_and_holds_no_data(fresh_logins, users_db, dash_app, tmp_path):
    """/healthz answers without a login: the warehouse generation and age and the users
    database's state, nothing else; 503 when the warehouse is missing."""
    r = fresh_logins.server.test_client().get("/healthz")
    body = r.get_json()
    assert r.status_code == 200 and body["status"] == "ok" and body["users_db"] == "ok"
    assert set(body) == {"status", "warehouse", "users_db"}
    assert set(body["warehouse"]) == {"generation", "age_seconds"}
    assert body["warehouse"]["age_seconds"] >= 0
    rt = runtime_for(tmp_path / "missing.duckdb", open_access=False, users_db=users_db)
    with serving(dash_app, rt):
        r = dash_app.server.test_client().get("/healthz")
    assert r.status_code == 503 and r.get_json()["warehouse"] is None
