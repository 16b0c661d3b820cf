"""The built wheel, installed into a fresh virtual environment and run from an empty folder (no
source tree in sight): the console scripts exist, the default data folder is the working
folder's `data/`, and gunicorn serves the packaged assets and /healthz. The dependencies come
from the project's own environment (a .pth line), so the test needs no network."""

from __future__ import annotations

import http.client
import os
import shutil
import site
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from benchmarks import servers

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv holding only the chibo wheel (its dependencies read from ours)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"  # a clean copy: no build/ left over from another build
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".git", ".venv", "data", "build", "*.egg-info", "__pycache__", ".*_cache",
        ".hypothesis", "test-artifacts"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(tmp / "dist"), str(src)],
                   check=True, timeout=600, cwd=tmp)
    (wheel,) = (tmp / "dist").glob("chibo-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    subprocess.run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, timeout=600)
    purelib = subprocess.run([venv / "bin" / "python", "-c",
                              "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    (Path(purelib) / "chibo_test_deps.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n")
    return venv


def _run(venv: Path, *args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")}
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd,
                          env={**clean, **(env or {})}, timeout=300)


def test_the_wheel_runs_from_an_empty_folder(installed, tmp_path):
    """The installed package is the wheel's (not the source tree), its console scripts answer,
    and the data folder of both the dashboard and the ETL is the working folder's data/. Stray
    `etl.py` and `dashboard.py` files in the working folder are never what runs (the packages are
    chibo.etl and chibo.dashboard)."""
    work = tmp_path / "work"
    work.mkdir()
    for stray in ("chibo.etl.py", "chibo.dashboard.py"):
        (work / stray).write_text("raise SystemExit('a stray module ran')\n", encoding="utf-8")
    where = _run(installed, installed / "bin" / "python", "-c",
                 "import chibo.dashboard, chibo.etl; from chibo.dashboard import settings; "
                 "print(chibo.dashboard.__file__); print(chibo.etl.__file__); "
                 "print(settings.load().warehouse)", cwd=work)
    assert where.returncode == 0, where.stderr
    dash_file, etl_file, warehouse = where.stdout.split()
    assert str(installed) in dash_file and str(installed) in etl_file
    assert warehouse == str(work / "data" / "warehouse.duckdb")
    table = _run(installed, installed / "bin" / "chibo-dashboard", "settings", cwd=work)
    assert table.returncode == 0 and "CHIBO_WAREHOUSE" in table.stdout
    etl_help = _run(installed, installed / "bin" / "chibo-etl", "--help", cwd=work)
    assert etl_help.returncode == 0 and "load" in etl_help.stdout
    module = _run(installed, installed / "bin" / "python", "-m", "chibo.etl", "--help", cwd=work)
    assert module.returncode == 0 and "load" in module.stdout, module.stderr
    status = _run(installed, installed / "bin" / "chibo-etl", "status", cwd=work)
    assert str(work / "data" / "warehouse.duckdb") in status.stdout.replace("\n", "")


def test_gunicorn_serves_the_packaged_assets_and_healthz(installed, tmp_path, fixture_warehouse):
    work = tmp_path / "work"
    (work / "data").mkdir(parents=True)
    shutil.copy(fixture_warehouse, work / "data" / "warehouse.duckdb")
    port = servers.free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")}
    log = tmp_path / "gunicorn.log"
    app = servers.spawn([installed / "bin" / "python", "-m", "gunicorn", "chibo.dashboard.app:server",
                         "--bind", f"127.0.0.1:{port}", "--worker-class", "gthread", "--threads", "2"],
                        log, cwd=work, env=clean)
    try:
        servers.wait_for_port("127.0.0.1", port, app, "gunicorn", log=log)
        for path, expected in (("/assets/slides.js", b"keydown"), ("/healthz", b'"users_db"')):
            with closing(http.client.HTTPConnection("127.0.0.1", port, timeout=120)) as con:
                con.request("GET", path)
                r = con.getresponse()
                body = r.read()
            assert r.status == 200 and expected in body, (path, r.status)
    finally:
        app.terminate()
        app.wait(timeout=60)
