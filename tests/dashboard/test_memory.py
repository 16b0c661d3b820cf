"""A dashboard process's memory (chibo/dashboard/memory.py, chibo/dashboard/gunicorn_conf.py): the
deployed gunicorn settings load, glibc takes the arena limit, a worker is replaced after its
requests and the new one serves, a built app holds no export writer until an export runs, and
memory DuckDB freed goes back to the system once its statement is done."""

from __future__ import annotations

import gc
import importlib
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import servers
from chibo.dashboard import memory

ROOT = Path(__file__).resolve().parents[2]


def test_the_gunicorn_settings_share_the_libraries_and_trim_after_requests():
    conf = importlib.import_module("chibo.dashboard.gunicorn_conf")
    try:
        assert (conf.worker_class, conf.workers, conf.threads) == ("gthread", 2, 4)
        assert 0 < conf.max_requests_jitter < conf.max_requests  # replaced, not together
        assert gc.get_freeze_count() > 0  # imported in the master, out of the collector's way
        assert all(name in sys.modules for name in memory.LIBRARIES)
        conf.post_request(None, None, {}, None)  # trims (glibc) without an error
    finally:
        gc.unfreeze()


def _workers(master: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{master}/task/{master}/children").read_text().split()]
    except OSError:
        return []


def test_a_worker_is_replaced_after_its_requests_and_the_new_one_serves(fixture_warehouse,
                                                                         tmp_path):
    """With the deployed settings and max_requests lowered to 3: the worker serving the
    requests ends after three, gunicorn starts another, and it answers (its app built, the
    warehouse opened again)."""
    port = servers.free_port()
    env = {**os.environ, "CHIBO_WAREHOUSE": str(fixture_warehouse),
           "CHIBO_USERS_DB": str(tmp_path / "users.sqlite3")}
    proc = servers.spawn([sys.executable, "-m", "gunicorn", "chibo.dashboard.app:server", "-c",
                          "python:chibo.dashboard.gunicorn_conf", "-w", "1", "--max-requests", "3",
                          "--max-requests-jitter", "0", "-b", f"127.0.0.1:{port}"],
                         tmp_path / "gunicorn.log", env=env, cwd=ROOT)
    try:
        servers.wait_for_port("127.0.0.1", port, proc, "gunicorn", log=tmp_path / "gunicorn.log")
        deadline = time.monotonic() + 300
        while not (first := _workers(proc.pid)) and time.monotonic() < deadline:
            time.sleep(0.1)  # the master listens before it forks its worker
        answers = [servers.request(port, "GET", "/healthz")[0] for _ in range(3)]
        while _workers(proc.pid) in ([], first) and time.monotonic() < deadline:
            time.sleep(0.1)
        second = _workers(proc.pid)
        assert len(first) == 1 and len(second) == 1 and second != first
        assert answers + [servers.request(port, "GET", "/healthz")[0]] == [200] * 4
        assert _workers(proc.pid) == second  # one request: not replaced again
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def test_glibc_takes_the_arena_limit():
    assert memory.limit_arenas()


def test_a_built_app_holds_no_export_writer(fixture_warehouse, tmp_path):
    """python-pptx (with lxml and XlsxWriter) comes with the first export, not with the app."""
    code = ("import sys; from chibo.dashboard import app; app.server; "
            "print(sorted(m for m in ('pptx', 'lxml', 'xlsxwriter', 'openpyxl') if m in sys.modules))")
    env = {"PATH": "/usr/bin:/bin", "CHIBO_WAREHOUSE": str(fixture_warehouse),
           "CHIBO_USERS_DB": str(tmp_path / "users.sqlite3")}
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True,
                         text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"


RETURNED = """
import sys, time
from chibo.dashboard.gateway import Gateway

def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024

gateway = Gateway(sys.argv[1], memory_mb=512)
gateway.query_row("SELECT 1")
before = rss()
gateway.query_row("SELECT count(DISTINCT i) FROM range(4000000) t(i)")  # a hash table of ~150 MiB
after = rss()
deadline = time.monotonic() + 60
while rss() > before + (after - before) // 2 and time.monotonic() < deadline:
    time.sleep(0.2)
print(before, after, rss())
"""


def test_memory_a_statement_freed_goes_back_to_the_system(fixture_warehouse):
    """A worker does not keep its peak: the pages of a statement's hash table return to the
    system after it (DuckDB's allocator background threads), without another statement."""
    out = subprocess.run([sys.executable, "-c", RETURNED, str(fixture_warehouse)], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    before, after, rested = map(int, out.stdout.split())
    assert after - before > 50  # the statement did hold memory
    assert rested <= before + (after - before) // 2, (before, after, rested)
