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
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from served import PASSWORD, add_users, environment, form_login, gunicorn, request


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
    env = environment(args.warehouse, tmp)
    add_users(env, [{"name": name, "role": "leader", "args": []} for name in ("viewer", "flooder")])
    with gunicorn(env) as (port, _pid):
        cookie = form_login(port, "viewer", PASSWORD)[2]
        flood_cookie = form_login(port, "flooder", PASSWORD)[2]
        viewer_times(port, cookie, 5)  # warm
        base = viewer_times(port, cookie, args.requests)
        names = iter(range(10**9))
        logins, login_answers = during(lambda: form_login(port, f"guess{next(names) % 7}", "wrong")[0],
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
