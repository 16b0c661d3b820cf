"""Admin uploads: save the dropped files into a private job folder, then run the ETL's own
command line on them as a subprocess (`python -m etl load --dry-run` to validate, then the real
load: the ETL's lock keeps it the single writer). State lives in files, so any worker can poll."""

from __future__ import annotations

import base64
import csv
import json
import os
import re
import secrets
import subprocess
import sys
import threading
from pathlib import Path

from dashboard import data, runtime
from dashboard.settings import PROJECT_ROOT

ALLOWED = (".csv", ".xlsx", ".xlsm", ".parquet")
JOB_ID = re.compile(r"^[0-9a-f]{16}$")
MAX_PROBLEMS = 500


def uploads_dir() -> Path:
    d = data.warehouse_path().parent / "uploads"
    d.mkdir(mode=0o700, parents=True, exist_ok=True)
    return d


def safe_name(name: str) -> str | None:
    """A plain file name with an allowed extension (no folders, no hidden files), else None."""
    base = re.sub(r"[^\w.\- ()]", "_", Path(name.replace("\\", "/")).name).strip(" .")
    return base if base and base.lower().endswith(ALLOWED) else None


def new_job(files: list[tuple[str, str]], user: str) -> tuple[str | None, list[str]]:
    """Save (file name, data URL) pairs; returns (job id, refused names)."""
    refused, saved = [], []
    job = secrets.token_hex(8)
    folder = uploads_dir() / job
    folder.mkdir(mode=0o700)
    for name, content in files:
        safe = safe_name(name or "")
        if safe is None or not content or "," not in content or safe in saved:
            refused.append(name)
            continue
        (folder / safe).write_bytes(base64.b64decode(content.split(",", 1)[1]))
        saved.append(safe)
    if not saved:
        return None, refused
    _write(folder, {"files": saved, "user": user, "step": None, "state": "new", "rc": None})
    return job, refused


def folder_of(job: str | None) -> Path | None:
    if not job or not JOB_ID.match(job):
        return None
    folder = uploads_dir() / job
    return folder if (folder / "job.json").exists() else None


def status(job: str | None) -> dict | None:
    folder = folder_of(job)
    if folder is None:
        return None
    st = json.loads((folder / "job.json").read_text(encoding="utf-8"))
    log = folder / f"{st['step']}.log"
    st["log"] = log.read_text(encoding="utf-8", errors="replace")[-20000:] if log.exists() else ""
    return st


def _write(folder: Path, st: dict) -> None:
    tmp = folder / "job.json.tmp"
    tmp.write_text(json.dumps(st, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, folder / "job.json")


def start(job: str, step: str, accept_valid: bool = False, on_done=None) -> bool:
    """Run 'validate' (dry run) or 'load' in a thread; False if the job is unknown or busy."""
    folder = folder_of(job)
    st = status(job)
    if folder is None or st["state"] == "running" or step not in ("validate", "load"):
        return False
    cmd = [sys.executable, "-m", "etl", "load", *[str(folder / f) for f in st["files"]],
           "--warehouse", str(data.warehouse_path()), "--report", str(folder / f"{step}.report.csv")]
    if step == "validate":
        cmd.append("--dry-run")
    if accept_valid:
        cmd.append("--accept-valid")
    (folder / f"{step}.report.csv").unlink(missing_ok=True)
    st.pop("log", None)
    _write(folder, {**st, "step": step, "state": "running", "rc": None,
                    "accept_valid": accept_valid})

    rt = runtime.current()  # the job's thread reports through the same runtime

    def run():
        env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "110",
               "PYTHONIOENCODING": "utf-8"}
        with open(folder / f"{step}.log", "w", encoding="utf-8") as log:
            rc = subprocess.call(cmd, stdout=log, stderr=subprocess.STDOUT, env=env,
                                 cwd=str(PROJECT_ROOT))
        done = {**st, "step": step, "state": "done", "rc": rc, "accept_valid": accept_valid}
        _write(folder, done)
        if on_done:
            with runtime.bound(rt):
                on_done(done)

    threading.Thread(target=run, daemon=True).start()
    return True


def problems(job: str | None, step: str = "validate") -> list[dict]:
    """The first MAX_PROBLEMS rows of the ETL's CSV report (file, sheet, row, column, value,
    reason_vi, reason_en)."""
    folder = folder_of(job)
    report = folder / f"{step}.report.csv" if folder else None
    if report is None or not report.exists():
        return []
    with report.open(encoding="utf-8-sig", newline="") as fh:
        return [row for _, row in zip(range(MAX_PROBLEMS), csv.DictReader(fh))]
