"""The nginx sample in front of gunicorn, as a server would run them (HTTP here; the sample adds
TLS): Debian's nginx with deploy/nginx/chibo-locations.conf, gunicorn with gthread workers and
CHIBO_PROXY_HOPS=1. Checks the body limits (nginx's for uploads, the app's below it), the
client address the app records (nginx's, never a forged X-Forwarded-For) and /healthz."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from contextlib import closing
from pathlib import Path

import pytest

from benchmarks import servers

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CLIENT = "127.0.0.3"  # the test's client connects from here; nginx listens on 127.0.0.1

pytestmark = pytest.mark.skipif(not os.path.exists(NGINX),
                                reason="nginx is installed by ./scripts/test")


def _free_port() -> int:
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, proc: subprocess.Popen, what: str) -> None:
    for _ in range(600):  # a generous cap on a busy machine
        if proc.poll() is not None:
            raise AssertionError(f"{what} stopped: {proc.stdout.read() if proc.stdout else ''}")
        try:
            with closing(socket.create_connection(("127.0.0.1", port), timeout=1)):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{what} did not start")


def _nginx_conf(tmp: Path, port: int, app_port: int) -> Path:
    return servers.nginx_conf(tmp, f"127.0.0.1:{port}", [f"127.0.0.1:{app_port}"],
                              ROOT / "deploy" / "nginx" / "chibo-locations.conf")


@pytest.fixture(scope="module")
def proxied(tmp_path_factory, fixture_warehouse):
    """(nginx port, users database): gunicorn (gthread) behind nginx on a copy of the fixture
    warehouse, with one user."""
    tmp = tmp_path_factory.mktemp("nginx")
    warehouse = tmp / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, warehouse)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")},
           "CHIBO_WAREHOUSE": str(warehouse), "CHIBO_PROXY_HOPS": "1"}
    subprocess.run([sys.executable, "-m", "chibo.dashboard", "users", "add", "lead", "--role", "leader",
                    "--password-stdin"], input="mat-khau-dai-12\n", text=True, env=env,
                   cwd=ROOT, check=True, timeout=120)
    app_port, port = _free_port(), _free_port()
    app = subprocess.Popen([sys.executable, "-m", "gunicorn", "chibo.dashboard.app:server", "--bind",
                            f"127.0.0.1:{app_port}", "--worker-class", "gthread", "--workers", "1",
                            "--threads", "4"], env=env, cwd=tmp, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    nginx = subprocess.Popen([NGINX, "-p", str(tmp), "-c", str(_nginx_conf(tmp, port, app_port)),
                              "-g", "daemon off;"], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for(app_port, app, "gunicorn")
        _wait_for(port, nginx, "nginx")
        yield port, tmp / "users.sqlite3"
    finally:
        for proc in (nginx, app):
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def _request(port: int, method: str, path: str, body: bytes | None = None,
             headers: dict | None = None):
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=120,
                                     source_address=(CLIENT, 0))
    con.request(method, path, body, headers or {})
    r = con.getresponse()
    data = r.read()
    con.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, data


def test_healthz_and_static_assets_through_nginx(proxied):
    """/healthz answers through the proxy; static assets come with a cache lifetime."""
    port, _db = proxied
    status, _h, body = _request(port, "GET", "/healthz")
    assert status == 200 and b'"users_db":"ok"' in body.replace(b" ", b"")
    status, headers, _ = _request(port, "GET", "/assets/chibo.css")
    assert status == 200 and "max-age=3600" in headers["cache-control"]


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
    status, headers, page = _request(port, "GET", "/login")
    cookie = headers["set-cookie"].split(";")[0]
    token = re.search(rb'name="csrf" value="([^"]+)"', page).group(1).decode()
    form = urllib.parse.urlencode({"csrf": token, "name": "lead", "password": "wrong-password"})
    status, _h, _b = _request(port, "POST", "/login", form.encode(), {
        "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": "6.6.6.6"})
    assert status == 401
    with closing(sqlite3.connect(db)) as con:
        rows = con.execute("SELECT address FROM audit WHERE action = 'login_failed'").fetchall()
    assert rows == [(CLIENT,)]
