"""What an attacker costs other users: a logged-in viewer's request times (median, p95) on gunicorn
(gthread) alone, then during a burst of wrong logins, then during another viewer's callback flood,
with the answers the attacker got, all from the same run.

    .venv/bin/python benchmarks/bench_limits.py --warehouse data/warehouse.duckdb [--requests 60]

A copy of nothing: the warehouse is opened read-only; users live in a temporary database.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "mat-khau-dai-12"


def request(port, method, path, body=None, headers=None):
    with closing(http.client.HTTPConnection("127.0.0.1", port, timeout=300)) as con:
        con.request(method, path, body, headers or {})
        r = con.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()


def login(port, name, password):
    _s, h, page = request(port, "GET", "/login")
    cookie = h["set-cookie"].split(";")[0]
    token = re.search(rb'name="csrf" value="([^"]+)"', page).group(1).decode()
    form = urllib.parse.urlencode({"csrf": token, "name": name, "password": password})
    status, h2, _ = request(port, "POST", "/login", form, {
        "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    return status, (h2.get("set-cookie", cookie).split(";")[0])


def viewer_times(port, cookie, n) -> list[float]:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        status, _h, _b = request(port, "GET", "/_dash-layout", headers={"Cookie": cookie})
        assert status == 200, status
        times.append(time.perf_counter() - t)
    return times


def summary(times) -> str:
    q = statistics.quantiles(times, n=20)
    return f"median {statistics.median(times) * 1000:7.1f} ms   p95 {q[18] * 1000:7.1f} ms"


def during(attack, port, cookie, n):
    """The viewer's times while `attack()` runs in 8 threads; the attack's answers."""
    stop, answers = threading.Event(), collections.Counter()

    def loop():
        while not stop.is_set():
            answers[attack()] += 1
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for _ in range(8):
            pool.submit(loop)
        time.sleep(1)
        times = viewer_times(port, cookie, n)
        stop.set()
    return times, answers


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--warehouse", required=True)
    p.add_argument("--requests", type=int, default=60)
    args = p.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-limits-"))
    env = {**os.environ, "CHIBO_WAREHOUSE": str(Path(args.warehouse).resolve()),
           "CHIBO_USERS_DB": str(tmp / "users.sqlite3")}
    for name in ("viewer", "flooder"):
        subprocess.run([sys.executable, "-m", "chibo.dashboard", "users", "add", name, "--role",
                        "leader", "--password-stdin"], input=PASSWORD + "\n", text=True,
                       env=env, cwd=ROOT, check=True, capture_output=True)
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "chibo.dashboard.app:server", "-k",
                               "gthread", "-w", "2", "--threads", "4", "-b", f"127.0.0.1:{port}"],
                              env=env, cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                request(port, "GET", "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        _s, cookie = login(port, "viewer", PASSWORD)
        _s, flood_cookie = login(port, "flooder", PASSWORD)
        viewer_times(port, cookie, 5)  # warm
        base = viewer_times(port, cookie, args.requests)
        names = iter(range(10**9))
        logins, login_answers = during(lambda: login(port, f"guess{next(names) % 7}", "wrong")[0],
                                       port, cookie, args.requests)
        body = json.dumps({"output": "theme.data", "outputs": {"id": "theme", "property": "data"},
                           "inputs": [], "changedPropIds": []})
        floods, flood_answers = during(lambda: request(port, "POST", "/_dash-update-component",
                                                       body, {"Cookie": flood_cookie,
                                                              "Content-Type": "application/json"})[0],
                                       port, cookie, args.requests)
        print(f"viewer alone                  {summary(base)}")
        print(f"viewer during wrong logins    {summary(logins)}   attacker got {dict(login_answers)}")
        print(f"viewer during callback flood  {summary(floods)}   flooder got {dict(flood_answers)}")
    finally:
        server.terminate()
        server.wait(timeout=60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
