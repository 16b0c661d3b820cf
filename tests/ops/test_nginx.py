"""The nginx sample in front of gunicorn, as a server would run them (HTTP here; the sample adds
TLS): Debian's nginx with deploy/nginx/chibo-locations.conf, gunicorn with gthread workers and
CHIBO_PROXY_HOPS=1. Checks the body limits (nginx's for uploads, the app's below it), the
client address the app records (nginx's, never a forged X-Forwarded-For) and /healthz."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import urllib.parse
from contextlib import closing
from pathlib import Path

import pytest

from benchmarks import servers
from chibo.dashboard import app as app_module
from chibo.dashboard import bundles

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PASSWORD = "mat-khau-dai-12"
CLIENT = "127.0.0.3"  # the test's client connects from here; nginx listens on 127.0.0.1

pytestmark = pytest.mark.skipif(not os.path.exists(NGINX),
                                reason="nginx is installed by ./scripts/test")


def _nginx_conf(tmp: Path, port: int, app_port: int, locations: str) -> Path:
    return servers.nginx_conf(tmp, f"127.0.0.1:{port}", [f"127.0.0.1:{app_port}"],
                              ROOT / "deploy" / "nginx" / locations)


@contextlib.contextmanager
def _behind_nginx(tmp: Path, fixture_warehouse: Path, locations: str, **settings):
    """(nginx port, users database): gunicorn (gthread) behind nginx with the sample
    `locations`, on a copy of the fixture warehouse, with one user (leader `lead`)."""
    warehouse = tmp / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, warehouse)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")},
           "CHIBO_WAREHOUSE": str(warehouse), "CHIBO_PROXY_HOPS": "1",
           **{f"CHIBO_{k.upper()}": v for k, v in settings.items()}}
    subprocess.run([sys.executable, "-m", "chibo.dashboard", "users", "add", "lead", "--role", "leader",
                    "--password-stdin"], input=PASSWORD + "\n", text=True, env=env,
                   cwd=ROOT, check=True, timeout=120)
    app_port, port = servers.free_port(), servers.free_port()
    app_log, nginx_log = tmp / "gunicorn.log", tmp / "nginx.log"
    app = servers.spawn([sys.executable, "-m", "gunicorn", "-c", "python:chibo.dashboard.gunicorn_conf",
                         "chibo.dashboard.app:server", "--bind",
                         f"127.0.0.1:{app_port}", "--worker-class", "gthread", "--workers", "1",
                         "--threads", "4", "--timeout", "120"], app_log, env=env, cwd=tmp)
    nginx = servers.spawn([NGINX, "-p", str(tmp), "-c", str(_nginx_conf(tmp, port, app_port, locations)),
                           "-g", "daemon off;"], nginx_log)
    try:
        servers.wait_for_port("127.0.0.1", app_port, app, "gunicorn", log=app_log)
        servers.wait_for_port("127.0.0.1", port, nginx, "nginx", log=nginx_log)
        yield port, tmp / "users.sqlite3"
    finally:
        for proc in (nginx, app):
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="module")
def proxied(tmp_path_factory, fixture_warehouse):
    """The app at the root of a site (deploy/nginx/chibo-locations.conf)."""
    with _behind_nginx(tmp_path_factory.mktemp("nginx"), fixture_warehouse,
                       "chibo-locations.conf") as served:
        yield served


@pytest.fixture(scope="module")
def proxied_subpath(tmp_path_factory, fixture_warehouse):
    """The app under /chibo/ (deploy/nginx/chibo-subpath-locations.conf, CHIBO_URL_PREFIX)."""
    with _behind_nginx(tmp_path_factory.mktemp("nginx-subpath"), fixture_warehouse,
                       "chibo-subpath-locations.conf", url_prefix="/chibo/") as served:
        yield served


def _request(port: int, method: str, path: str, body: bytes | None = None,
             headers: dict | None = None):
    return servers.request(port, method, path, body, headers, timeout=120, source=CLIENT)


PLOTLY = bundles.versioned(app_module.ASSETS, bundles.PLOTLY, "/")


def test_healthz_and_static_assets_through_nginx(proxied):
    """/healthz answers through the proxy; static assets keep the app's cache lifetimes (a year
    for an address with its version, revalidated otherwise)."""
    port, _db = proxied
    status, _h, body = _request(port, "GET", "/healthz")
    assert status == 200 and b'"users_db":"ok"' in body.replace(b" ", b"")
    status, headers, _ = _request(port, "GET", "/assets/chibo.css")
    assert status == 200 and headers["cache-control"] == "no-cache"
    status, headers, _ = _request(port, "GET", PLOTLY)
    assert status == 200 and headers["cache-control"] == bundles.YEAR


def test_bundles_come_compressed_pages_do_not(proxied):
    """Scripts and styles come compressed (plotly.js: 1,3 MB) to a client that accepts gzip,
    never a page (the login form holds a token: BREACH) or a plain client's copy."""
    port, _db = proxied
    plotly = PLOTLY
    status, headers, body = _request(port, "GET", plotly, headers={"Accept-Encoding": "gzip"})
    _s, _h, plain = _request(port, "GET", plotly)
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert gzip.decompress(body) == plain and len(body) < len(plain) / 2
    status, headers, _b = _request(port, "GET", "/assets/chibo.css",
                                   headers={"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("content-encoding") == "gzip"
    status, headers, page = _request(port, "GET", "/login", headers={"Accept-Encoding": "gzip"})
    assert status == 200 and "content-encoding" not in headers and b'name="csrf"' in page


def test_body_limits_nginx_above_the_app_below(proxied):
    """A body over the sample's client_max_body_size is refused by nginx from its header; one
    under it but over CHIBO_MAX_REQUEST_KB is refused by the app (413) before it is read."""
    port, _db = proxied
    with closing(socket.create_connection(("127.0.0.1", port), timeout=120)) as s:
        s.sendall(b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 400000000\r\n\r\n")
        head = s.recv(4096).decode("latin-1")
    assert head.startswith("HTTP/1.1 413")
    status, _h, _b = _request(port, "POST", "/login", b"x" * (2 * 1024 * 1024),
                              {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413


def test_the_app_records_the_client_address_nginx_saw(proxied):
    """A failed login through nginx is logged with the client's address (forwarded by nginx),
    not nginx's own and not the one a client forges in X-Forwarded-For."""
    port, db = proxied
    status, _h, _c = servers.form_login(port, "lead", "wrong-password",
                                        post_headers={"X-Forwarded-For": "6.6.6.6"},
                                        timeout=120, source=CLIENT)
    assert status == 401
    with closing(sqlite3.connect(db)) as con:
        rows = con.execute("SELECT address FROM audit WHERE action = 'login_failed'").fetchall()
    assert rows == [(CLIENT,)]


def _log_in(port: int, prefix: str, nxt: str) -> tuple[int, dict]:
    """Log `lead` in through the form under `prefix`: (status, headers) of the answer."""
    status, headers, _c = servers.form_login(port, "lead", PASSWORD, prefix=prefix, nxt=nxt,
                                             timeout=120, source=CLIENT)
    return status, headers


def test_the_app_under_a_sub_path_behind_nginx(proxied_subpath):
    """CHIBO_URL_PREFIX=/chibo/ with the sub-path sample: the login gate sends to /chibo/login
    and back, the cookie is scoped to /chibo/, pages, Dash routes, assets and /healthz answer
    under /chibo/ (Dash told to request them there), and nothing of the app is at the root."""
    port, _db = proxied_subpath
    assert _request(port, "GET", "/chibo/healthz")[0] == 200
    status, headers, _b = _request(port, "GET", "/chibo/assets/chibo.css")
    assert status == 200 and headers["cache-control"] == "no-cache"
    status, headers, _b = _request(port, "GET", "/chibo")
    assert status == 308 and headers["location"].endswith("/chibo/")
    status, headers, _b = _request(port, "GET", "/chibo/dang-vien?lang=en")
    assert status == 302
    assert headers["location"] == "/chibo/login?" + urllib.parse.urlencode(
        {"next": "/chibo/dang-vien?lang=en"})
    status, headers = _log_in(port, "/chibo/", "/chibo/dang-vien")
    assert status == 302 and headers["location"] == "/chibo/dang-vien"
    assert "Path=/chibo/" in headers["set-cookie"]
    cookie = {"Cookie": headers["set-cookie"].split(";")[0]}
    status, _h, page = _request(port, "GET", "/chibo/dang-vien", headers=cookie)
    config = re.search(rb'id="_dash-config" type="application/json">(.*?)</script>', page)
    assert status == 200 and json.loads(config.group(1))["requests_pathname_prefix"] == "/chibo/"
    assert b'src="/chibo/_dash-component-suites/' in page
    assert _request(port, "GET", "/chibo/_dash-layout", headers=cookie)[0] == 200
    status, headers = _log_in(port, "/chibo/", "https://evil.example/")
    assert status == 302 and headers["location"] == "/chibo/"  # never off the app
    assert _request(port, "GET", "/healthz")[0] == 404


@pytest.mark.browser
def test_a_browser_uses_the_app_under_a_sub_path(proxied_subpath, chromium):
    """In chromium through nginx: log in under /chibo/ (the form's POST passes the Origin check
    through the proxy), the members page draws its charts, the navigation links stay under
    /chibo/; every request went to /chibo/…, none failed."""
    port, db = proxied_subpath
    base = f"http://127.0.0.1:{port}"
    page = chromium.new_page()
    try:
        requested, failed, errors = [], [], []
        page.on("request", lambda r: requested.append(r.url))
        page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "/chibo/dang-vien")
        page.wait_for_selector("#login-submit")
        page.fill("#name", "lead")
        page.fill("#password", PASSWORD)
        page.click("#login-submit")
        page.wait_for_selector("#auth-user-name", timeout=60000)
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60000)
        assert page.url == base + "/chibo/dang-vien"
        hrefs = page.locator("a.nav-link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    finally:
        page.close()  # its own context
    assert hrefs and all(h.startswith("/chibo/") for h in hrefs), hrefs
    assert all(u.startswith(base + "/chibo/") for u in requested), [
        u for u in requested if not u.startswith(base + "/chibo/")]
    assert failed == [] and errors == [], (failed, errors, _logs(db.parent))


def _logs(folder: Path) -> str:
    """The end of nginx's error log and of gunicorn's output: why a request failed."""
    return "\n".join(f"--- {name}\n" + "\n".join(
        (folder / name).read_text(errors="replace").splitlines()[-20:])
        for name in ("error.log", "gunicorn.log") if (folder / name).exists())
