"""Shared by the served-dashboard benchmarks (bench_load.py, bench_first_page.py): users of
several scopes in a temporary users database, `gunicorn` (gthread, as deployed) on 127.0.0.1,
logins, the workers' resident memory, and a Playwright chromium that records the pages' real
callback payloads."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import duckdb
from servers import form_login, free_port, request

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "mat-khau-dai-12"
PAGES = ("/", "/dang-vien", "/to-chuc", "/chat-luong", "/vung-mien", "/so-lieu-cong-bo",
         "/du-lieu")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def viewers(warehouse: str) -> list[dict]:
    """Users of different scopes: a leader (everything), an admin, an analyst of the province
    with the most cells, an analyst of one provincial committee's subtree (its succession)."""
    with duckdb.connect(warehouse, read_only=True) as con:
        prov = con.execute("""SELECT province_code_current FROM marts.dim_org
            WHERE province_code_current IS NOT NULL GROUP BY 1
            ORDER BY count(*) FILTER (WHERE kind = 'cell') DESC, 1 LIMIT 1""").fetchone()[0]
        org = con.execute("""SELECT org_id FROM marts.dim_org WHERE kind = 'province_committee'
            ORDER BY valid_to IS NULL DESC, org_id LIMIT 1""").fetchone()[0]
    return [{"name": "lanhdao", "role": "leader", "args": [], "scope": {}},
            {"name": "quantri", "role": "admin", "args": [], "scope": {}},
            {"name": "phantich_tinh", "role": "analyst", "args": ["--province", prov],
             "scope": {"provinces": prov}},
            {"name": "phantich_to_chuc", "role": "analyst", "args": ["--org", org],
             "scope": {"org_roots": org}}]


def environment(warehouse: str, tmp: Path, **settings) -> dict:
    """The app's environment: this warehouse, a temporary users database, extra CHIBO_* values."""
    env = {**os.environ, "CHIBO_WAREHOUSE": str(Path(warehouse).resolve()),
           "CHIBO_USERS_DB": str(tmp / "users.sqlite3")}
    env.update({f"CHIBO_{k.upper()}": str(v) for k, v in settings.items()})
    return env


def add_users(env: dict, users: list[dict], root: Path = ROOT) -> None:
    """The users, made by `root`'s chibo (its users database's schema)."""
    for u in users:
        subprocess.run([sys.executable, "-m", "chibo.dashboard", "users", "add", u["name"], "--role",
                        u["role"], *u["args"], "--password-stdin"], input=PASSWORD + "\n",
                       text=True, env=env, cwd=root, check=True, capture_output=True)


def add_mode_options(p, default: str) -> None:
    """--modes, --base and --variant: what the servers of one run differ in (see `modes`)."""
    p.add_argument("--modes", default=default)
    p.add_argument("--base", type=Path, help="another commit's source tree (git archive BASE | "
                   "tar -x -C DIR): mode `base` runs its chibo with its gunicorn settings")
    p.add_argument("--variant", action="append", default=[], metavar="NAME:VAR=VALUE,…",
                   help="a mode NAME: the cached mode with these CHIBO_* values (repeatable)")


def modes(args) -> dict[str, tuple[dict, Path]]:
    """Each mode asked for: (CHIBO_* values, the source tree run). `cached`: as deployed;
    `answers`: query answers cached, whole responses not; `off`: no cache at all; `plain`:
    gunicorn without the deployed settings; `base`: --base's tree."""
    known = {"cached": {}, "answers": {"CHIBO_RESPONSE_CACHE_MB": "0"},
             "off": {"CHIBO_ANSWER_CACHE_MB": "0", "CHIBO_RESPONSE_CACHE_MB": "0"},
             "plain": {}, "base": {}}
    for v in args.variant:
        name, _, pairs = v.partition(":")
        known[name] = dict(pair.split("=", 1) for pair in pairs.split(",") if pair)
    return {m: (known[m], args.base.resolve() if m == "base" else ROOT)
            for m in args.modes.split(",")}


CONFIG = "python:chibo.dashboard.gunicorn_conf"  # the deployed settings (shared libraries, trims)


@contextlib.contextmanager
def gunicorn(env: dict, workers: int = 2, threads: int = 4, config: bool = True,
             root: Path = ROOT, log=None):
    """`gunicorn [-c CONFIG] -k gthread -w N --threads T chibo.dashboard.app:server` on a free port:
    (port, pid). Without `config`, gunicorn's own defaults (how it ran before the settings).
    `root`: the source tree whose chibo it runs (another commit's checkout, as a baseline);
    `log`: an open file for its output (the app's JSON log lines)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "chibo.dashboard.app:server",
                             *(["-c", CONFIG] if config else []), "-k", "gthread", "-w",
                             str(workers), "--threads", str(threads), "-b",
                             f"127.0.0.1:{port}"], env=env, cwd=root,
                            stderr=log or subprocess.DEVNULL)
    try:
        for _ in range(1500):
            try:
                request(port, "GET", "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        while len(worker_pids(proc.pid)) < workers:
            time.sleep(0.2)
        yield port, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def login(port: int, name: str) -> str:
    """The session cookie ('name=value') of a fresh login."""
    status, _h, cookie = form_login(port, name, PASSWORD)
    if status not in (302, 303):
        raise RuntimeError(f"login of {name} answered {status}")
    return cookie


def worker_pids(master: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{master}/task/{master}/children").read_text().split()]
    except OSError:
        return []


def cpu_seconds(master: int) -> float:
    """CPU seconds (user + system) the master's workers used so far: the live ones' own and,
    through the master's children times, those of the workers it recycled and reaped."""
    tick = os.sysconf("SC_CLK_TCK")

    def fields(pid: int) -> list[str]:
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return []

    own = fields(master)
    total = (int(own[13]) + int(own[14])) if own else 0  # cutime, cstime: reaped workers
    for w in worker_pids(master):
        f = fields(w)
        total += int(f[11]) + int(f[12]) if f else 0  # utime, stime
    return total / tick


def memory_mib(pid: int) -> dict[str, float]:
    """A process's memory (MiB) from /proc/PID/smaps_rollup: rss (resident, shared pages counted
    whole), pss (shared pages divided among the processes sharing them) and uss (its own pages
    alone: what ending it would free)."""
    kb = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            name, value = line.split(":", 1)
            kb[name] = int(value.split()[0])
    except (OSError, ValueError):
        return {"rss": 0.0, "pss": 0.0, "uss": 0.0}
    return {"rss": kb.get("Rss", 0) / 1024, "pss": kb.get("Pss", 0) / 1024,
            "uss": (kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)) / 1024}


@contextlib.contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def logged_in_page(b, port: int, cookie: str):
    name, value = cookie.split("=", 1)
    ctx = b.new_context(viewport={"width": 1600, "height": 1000})
    ctx.add_cookies([{"name": name, "value": value, "url": f"http://127.0.0.1:{port}"}])
    return ctx.new_page()


def wait_quiet(page, pending: set, started, quiet: float = 1.5, limit: float = 120.0) -> None:
    """Until callbacks `started()` and none has been in flight for `quiet` seconds (or `limit`
    passed)."""
    end, calm_since = time.monotonic() + limit, None
    while time.monotonic() < end:
        page.wait_for_timeout(100)
        if pending or not started():
            calm_since = None
        elif calm_since is None:
            calm_since = time.monotonic()
        elif time.monotonic() - calm_since >= quiet:
            return


def record_payloads(port: int, cookie: str) -> list[dict]:
    """The bodies of every Dash callback the pages send while they load, deduplicated."""
    seen: dict[str, dict] = {}
    pending: set = set()
    sent_on: dict[str, int] = {}
    with browser() as b:
        page = logged_in_page(b, port, cookie)

        def sent(r):
            if r.method == "POST" and "/_dash-update-component" in r.url:
                pending.add(r)
                url = urllib.parse.urlsplit(r.url)
                sent_on[current[0]] = sent_on.get(current[0], 0) + 1
                seen.setdefault(r.post_data, {"page": current[0], "path": url.path + (
                    "?" + url.query if url.query else ""), **json.loads(r.post_data)})
        current = [""]
        page.on("request", sent)
        page.on("requestfinished", lambda r: pending.discard(r))
        page.on("requestfailed", lambda r: pending.discard(r))
        for path in PAGES:
            current[0] = path
            page.goto(f"http://127.0.0.1:{port}{path}")
            wait_quiet(page, pending, lambda p=path: sent_on.get(p))
    return list(seen.values())
