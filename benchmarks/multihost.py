"""Several hosts, proven with real components: Debian's PostgreSQL and nginx in front of three
gunicorn hosts (each in its own network namespace, all inside one private to this run so the
machine's own network never changes; on distinct ports of 127.0.0.1 where
namespaces cannot be made, and the output says so), all sharing one PostgreSQL and one folder
the ETL publishes to.

    .venv/bin/python benchmarks/multihost.py [--inputs tests/fixtures/inputs] [--no-namespaces] [--json]

It loads the small fixture inputs (generation 1), logs in through nginx, is served by all three
hosts with that one session, kills one host (SIGKILL) while a client keeps requesting (nginx
passes a request the dead host cannot take to the next: proxy_next_upstream), starts it again,
runs one `etl load` (generation 2) and times until every host serves it. Prints hosts, requests,
failures during the kill and those seconds; exit 0 when every check held, 1 when one did not,
2 when PostgreSQL or nginx is missing.
"""

from __future__ import annotations

import argparse
import collections
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks import servers  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "mat-khau-dai-12"
FIRST = ("organisations.csv", "members.csv", "meetings.csv")  # generation 1
SECOND = ("assessments.csv",)  # generation 2, after the kill


class Host:
    """One gunicorn (one gthread worker) in its namespace, with its own data folder."""

    def __init__(self, i: int, net: servers.Namespaces, env: dict, tmp: Path):
        self.i, self.net = i, net
        self.address = net.addresses[i]
        self.port = 8000 if net.isolated else servers.free_port()
        self.env = {**env, "CHIBO_WAREHOUSE": str(tmp / f"host{i + 1}" / "warehouse.duckdb")}
        self.log = tmp / f"host{i + 1}.log"
        self.proc: subprocess.Popen | None = None

    @property
    def name(self) -> str:
        return f"{self.address}:{self.port}"

    def start(self) -> None:
        cmd = [*self.net.run_in(self.i), sys.executable, "-m", "gunicorn",
               "-c", "python:chibo.dashboard.gunicorn_conf", "chibo.dashboard.app:server",
               "--bind", self.name, "--worker-class", "gthread", "--workers", "1",
               "--threads", "4", "--timeout", "120"]
        self.proc = servers.spawn(cmd, self.log, env=self.env, cwd=ROOT, start_new_session=True)

    def generation(self) -> int | None:
        try:
            _s, _h, body = servers.request(self.port, "GET", "/healthz", host=self.address,
                                               timeout=5)
            return (json.loads(body).get("warehouse") or {}).get("generation")
        except (OSError, ValueError, http.client.HTTPException):
            return None

    def wait_for(self, generation: int, seconds: float = 180) -> float:
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            if self.proc.poll() is not None:
                raise RuntimeError(f"host {self.name} stopped: {self.log.read_text()[-2000:]}")
            if self.generation() == generation:
                return time.monotonic() - started
            time.sleep(0.05)
        raise RuntimeError(f"host {self.name} did not serve generation {generation}")

    def kill(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=60)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


def run(cmd: list[str], env: dict) -> None:
    r = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600,
                       input=PASSWORD + "\n")
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[2:5])}: exit {r.returncode}\n{r.stdout}{r.stderr}")


def login(port: int) -> str:
    """The session cookie of a login through nginx (the real form, with its CSRF token)."""
    status, _h, cookie = servers.form_login(port, "lead", PASSWORD, nxt="/", timeout=60)
    if status != 302:
        raise RuntimeError(f"login through nginx answered {status}")
    return cookie


def viewer(port: int, cookie: str):
    """One request of a logged-in viewer through nginx: (status, the host that answered)."""
    try:
        status, headers, _b = servers.request(port, "GET", "/_dash-layout",
                                              headers={"Cookie": cookie}, timeout=30)
        return status, headers.get("x-chibo-upstream", "").split(",")[-1].strip() \
            if status == 200 else headers.get("x-chibo-upstream", "")
    except (OSError, http.client.HTTPException) as e:
        return type(e).__name__, ""


def scenario(args, tmp: Path, stack: ExitStack) -> dict:
    phases, mark = {}, [time.monotonic()]

    def phase(name: str) -> None:
        phases[name] = round(time.monotonic() - mark[0], 1)
        mark[0] = time.monotonic()

    net = stack.enter_context(servers.Namespaces(3, enabled=not args.no_namespaces))
    listen = f"{net.gateway},127.0.0.1" if net.isolated else "127.0.0.1"
    pg = stack.enter_context(servers.PgCluster(listen=listen))
    shared = tmp / "shared" / "warehouse.duckdb"
    (tmp / "secret_key").write_text(os.urandom(32).hex())
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")},
           "CHIBO_DATABASE_URL": pg.database("chibo"), "CHIBO_SHARED_WAREHOUSE": str(shared),
           "CHIBO_SECRET_KEY_FILE": str(tmp / "secret_key"), "CHIBO_PROXY_HOPS": "1",
           "CHIBO_FOLLOW_SECONDS": "0.5", "CHIBO_CALLBACK_RATE_LIMIT": "100000 per 10 seconds"}
    etl = [sys.executable, "-m", "chibo.etl", "load", "--warehouse", str(shared)]
    phase("postgresql")
    run([*etl, *(str(args.inputs / f) for f in FIRST)], env)
    phase("first_load")
    run([sys.executable, "-m", "chibo.dashboard", "users", "add", "lead", "--role", "leader",
         "--password-stdin"], {**env, "CHIBO_WAREHOUSE": str(shared)})
    hosts = [Host(i, net, env, tmp) for i in range(3)]
    for h in hosts:
        h.start()
        stack.callback(h.stop)
    for h in hosts:
        h.wait_for(1)
    phase("hosts_start")
    port = servers.free_port()
    conf = servers.nginx_conf(tmp / "nginx", f"127.0.0.1:{port}", [h.name for h in hosts],
                              ROOT / "deploy" / "nginx" / "chibo-locations.conf")
    nginx = subprocess.Popen([servers.NGINX, "-p", str(tmp / "nginx"), "-c", str(conf), "-g",
                              "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    stack.callback(nginx.terminate)
    servers.wait_for_port("127.0.0.1", port, nginx, "nginx")
    cookie = login(port)
    before = [viewer(port, cookie) for _ in range(30)]
    # a client keeps requesting while one host is killed
    window: list[tuple] = []
    stop = threading.Event()

    def client():
        while not stop.is_set():
            window.append((time.monotonic(), *viewer(port, cookie)))

    thread = threading.Thread(target=client)
    thread.start()
    time.sleep(1.5)
    victim = hosts[1]
    killed_at = time.monotonic()
    victim.kill()
    time.sleep(args.after_kill)
    stop.set()
    thread.join()
    after = [w for w in window if w[0] >= killed_at]
    phase("kill")
    victim.start()  # back: it serves the current generation from its start
    victim.wait_for(1)
    phase("restart")
    published = time.monotonic()
    run([*etl, *(str(args.inputs / f) for f in SECOND)], env)
    loaded = time.monotonic()
    per_host = {}
    for h in hosts:
        h.wait_for(2)
        per_host[h.name] = round(time.monotonic() - loaded, 2)
    final, deadline = [], time.monotonic() + 300  # nginx tries the restarted host again soon
    while len({u for s, u in final if s == 200}) < 3 and time.monotonic() < deadline:
        final.append(viewer(port, cookie))
    phase("second_load")
    return {
        "isolation": "network namespaces" if net.isolated else f"ports on 127.0.0.1 ({net.why})",
        "hosts": [h.name for h in hosts], "killed": victim.name,
        "before_kill": {"requests": len(before), "failed": sum(s != 200 for s, _ in before),
                        "served_by": dict(collections.Counter(u for _, u in before))},
        "kill_window": {"requests": len(window), "failed": sum(s != 200 for _, s, _u in window),
                        "after_kill": len(after),
                        "after_kill_served_by": dict(collections.Counter(u for *_x, u in after)),
                        "seconds": round(window[-1][0] - window[0][0], 2) if window else 0,
                        "failures": [f"{s} from {u or '?'} at +{t - killed_at:.2f} s"
                                     for t, s, u in window if s != 200]},
        "etl_load_seconds": round(loaded - published, 2),
        "seconds_until_served": per_host,
        "all_hosts_seconds": max(per_host.values()),
        "after_reload": {"requests": len(final), "failed": sum(s != 200 for s, _ in final),
                         "served_by": dict(collections.Counter(u for _, u in final))},
        "phase_seconds": phases,
    }


def verdict(r: dict) -> list[str]:
    """The checks that did not hold (empty: all held)."""
    problems = []
    if len(r["before_kill"]["served_by"]) != 3 or r["before_kill"]["failed"]:
        problems.append("one session was not served by all three hosts")
    if r["kill_window"]["failed"] or not r["kill_window"]["after_kill"]:
        problems.append("requests failed while a host was killed")
    if r["killed"] in r["kill_window"]["after_kill_served_by"]:
        problems.append("the killed host answered after its death")
    if r["after_reload"]["failed"] or len(r["after_reload"]["served_by"]) != 3:
        problems.append("the session was not served by all hosts after the new generation")
    return problems


def report(r: dict) -> str:
    k = r["kill_window"]
    lines = [
        f"hosts: {len(r['hosts'])} gunicorn ({r['isolation']}): {', '.join(r['hosts'])}",
        "one login through nginx; requests with that session: "
        f"{r['before_kill']['requests']}, failed {r['before_kill']['failed']}, served by "
        + ", ".join(f"{h} {n}" for h, n in sorted(r["before_kill"]["served_by"].items())),
        f"killed {r['killed']} (SIGKILL) while a client kept requesting: {k['requests']} requests"
        f" in {k['seconds']} s, {k['after_kill']} after the kill, failed {k['failed']}"
        + (f" ({'; '.join(k['failures'])})" if k["failures"] else ""),
        f"one etl load: generation 2 published in {r['etl_load_seconds']} s; every host served "
        f"it {r['all_hosts_seconds']} s later ("
        + ", ".join(f"{h} {s} s" for h, s in r["seconds_until_served"].items()) + ")",
        f"after: {r['after_reload']['requests']} requests, failed {r['after_reload']['failed']},"
        f" hosts answering {len(r['after_reload']['served_by'])}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--inputs", type=Path, default=ROOT / "tests" / "fixtures" / "inputs")
    p.add_argument("--after-kill", type=float, default=3.0, metavar="SECONDS",
                   help="how long the client keeps requesting after the kill")
    p.add_argument("--no-namespaces", action="store_true",
                   help="every host on 127.0.0.1 (distinct ports) instead of network namespaces")
    p.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = p.parse_args(argv)
    why = servers.missing()
    if why:
        print(why, file=sys.stderr)
        return 2
    if not args.no_namespaces:
        servers.enter_private_network()
    tmp = Path(tempfile.mkdtemp(prefix="chibo-multihost-"))
    try:
        with ExitStack() as stack:
            result = scenario(args, tmp, stack)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(report(result))
    problems = verdict(result)
    print("ok: every check held" if not problems else "FAILED: " + "; ".join(problems))
    if args.json:
        print(json.dumps({**result, "problems": problems}, ensure_ascii=False))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
