"""Admin uploads: the files streamed in by the upload route (chibo/dashboard/admin/upload_route.py)
land in a private job folder; the ETL's own command line then runs on them as a subprocess
(`python -m chibo.etl load --dry-run` to validate, then the real load: the ETL's lock keeps it the
single writer). Jobs live in the runtime's store (any worker can poll them, a restart loses
none). A job is claimed by one host (the store's claim_job), whose thread keeps it alive while
the ETL runs (an update every BEAT); a job left "running" by a process that is gone (its ETL
subprocess no longer alive on this host, or another host silent for longer than STALE: it died)
reads as "interrupted", and can be run again by any host."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

from chibo.dashboard import data, runtime
from chibo.dashboard.settings import PROJECT_ROOT
from chibo.dashboard.store import Job, utcnow

ALLOWED = (".csv", ".xlsx", ".xlsm", ".parquet")
JOB_ID = re.compile(r"^[0-9a-f]{16}$")
MAX_PROBLEMS = 500
STARTING = dt.timedelta(minutes=2)  # a job "running" without a process this long was cut off
BEAT = 10  # seconds between two updates of a running job by its host
STALE = dt.timedelta(seconds=6 * BEAT)  # a job of another host not updated this long: it died


def etl_warehouse() -> Path:
    """Where the ETL publishes: the shared warehouse when several hosts follow one (each host
    then copies the new generation), else the warehouse this host serves."""
    return runtime.current().settings.shared_warehouse or data.warehouse_path()


def uploads_dir() -> Path:
    """Beside the warehouse the ETL publishes to (on the shared volume: any host can run a job)."""
    d = etl_warehouse().parent / "uploads"
    d.mkdir(mode=0o700, parents=True, exist_ok=True)
    return d


def safe_name(name: str) -> str | None:
    """A plain file name with an allowed extension (no folders, no hidden files), else None."""
    base = re.sub(r"[^\w.\- ()]", "_", Path(name.replace("\\", "/")).name).strip(" .")
    return base if base and base.lower().endswith(ALLOWED) else None


def open_job() -> tuple[str, Path]:
    """A new job id and its private folder (empty: the files are streamed into it)."""
    job = secrets.token_hex(8)
    folder = uploads_dir() / job
    folder.mkdir(mode=0o700)
    return job, folder


def keep_files(job: str, folder: Path, received: list[tuple[str, Path]], user: str
               ) -> tuple[str | None, list[str]]:
    """Name the files received into `folder` ((name the client gave, where it was written)):
    allowed ones under their safe name, the rest deleted; the job is recorded in the store when
    one file was kept, else its folder is removed. Returns (job id or None, refused names)."""
    refused, saved = [], []
    for name, written in received:
        safe = safe_name(name) if isinstance(name, str) else None
        if safe is None or safe in saved:
            refused.append(str(name)[:100])
            written.unlink(missing_ok=True)
            continue
        written.rename(folder / safe)
        saved.append(safe)
    if not saved:
        shutil.rmtree(folder, ignore_errors=True)
        return None, refused
    now = utcnow()
    runtime.current().store.add_job(Job(job, user, tuple(saved), str(folder), now, now))
    return job, refused


def folder_of(job: str | None) -> Path | None:
    st = _job(job)
    return Path(st.folder) if st else None


def _job(job: str | None) -> Job | None:
    if not job or not JOB_ID.match(job):
        return None
    return runtime.current().store.get_job(job)


def _alive(job: Job) -> bool:
    """Whether the process running `job` may still be at work (another host's: while that host
    keeps updating it)."""
    if job.pid is None:
        return utcnow() - job.updated_at < STARTING
    if job.host != socket.gethostname():
        return utcnow() - job.updated_at < STALE
    try:
        os.kill(job.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def status(job: str | None) -> dict | None:
    """files, user, step, state (new | running | done | interrupted), rc, accept_valid, log."""
    st = _job(job)
    if st is None:
        return None
    if st.state == "running" and not _alive(st):
        # only that run: one that just ended (its thread wrote "done" after the process was
        # reaped and before this check) must not read as interrupted
        runtime.current().store.interrupt_job(st.id, st.host, st.pid)
        st = _job(job)
    log = Path(st.folder) / f"{st.step}.log"
    return {"files": list(st.files), "user": st.user, "step": st.step, "state": st.state,
            "rc": st.rc, "accept_valid": st.accept_valid,
            "log": log.read_text(encoding="utf-8", errors="replace")[-20000:]
            if log.exists() else ""}


def start(job: str, step: str, accept_valid: bool = False, on_done=None) -> bool:
    """Run 'validate' (dry run) or 'load' in a thread; False if the job is unknown or busy."""
    folder, st = folder_of(job), status(job)
    if folder is None or st["state"] == "running" or step not in ("validate", "load"):
        return False
    rt = runtime.current()  # the job's thread reports through the same runtime
    if not rt.store.claim_job(job, step, socket.gethostname(), accept_valid,
                              stale_before=utcnow() - STALE):
        return False  # another worker or host took it first
    cmd = [sys.executable, "-m", "chibo.etl", "load", *[str(folder / f) for f in st["files"]],
           "--warehouse", str(etl_warehouse()), "--report", str(folder / f"{step}.report.csv")]
    if step == "validate":
        cmd.append("--dry-run")
    if accept_valid:
        cmd.append("--accept-valid")
    (folder / f"{step}.report.csv").unlink(missing_ok=True)

    def run():
        env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "110",
               "PYTHONIOENCODING": "utf-8"}
        with open(folder / f"{step}.log", "w", encoding="utf-8") as log:
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env,
                                    cwd=str(PROJECT_ROOT))
            rt.store.update_job(job, pid=proc.pid)
            while True:
                try:
                    rc = proc.wait(timeout=BEAT)
                    break
                except subprocess.TimeoutExpired:
                    rt.store.update_job(job)  # alive: updated_at follows
        rt.store.update_job(job, state="done", rc=rc)
        if on_done:
            with runtime.bound(rt):
                on_done({**{k: v for k, v in st.items() if k != "log"}, "step": step,
                         "state": "done", "rc": rc, "accept_valid": accept_valid})

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
