"""A dashboard process's memory (chibo/dashboard/memory.py, chibo/dashboard/gunicorn_conf.py): the
deployed gunicorn settings load, glibc takes the arena limit, and a built app holds no export
writer until an export runs."""

from __future__ import annotations

import gc
import importlib
import subprocess
import sys
from pathlib import Path

from chibo.dashboard import memory

ROOT = Path(__file__).resolve().parents[2]


def test_the_gunicorn_settings_share_the_libraries_and_trim_after_requests():
    conf = importlib.import_module("chibo.dashboard.gunicorn_conf")
    try:
        assert (conf.worker_class, conf.workers, conf.threads) == ("gthread", 2, 4)
        assert gc.get_freeze_count() > 0  # imported in the master, out of the collector's way
        assert all(name in sys.modules for name in memory.LIBRARIES)
        conf.post_request(None, None, {}, None)  # trims (glibc) without an error
    finally:
        gc.unfreeze()


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
