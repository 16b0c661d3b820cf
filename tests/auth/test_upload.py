"""The admin upload page, driven through forged Dash requests with logins on: validation by the
ETL's dry run (same messages), confirm, the real load as a subprocess, the new generation served
without a restart; non-admins can do none of it."""

from __future__ import annotations

import base64
import json
import sys
import time
from pathlib import Path

import pytest

from tests.auth import forge
from tests.auth.conftest import login
from tests.helpers import runtime_for, serving

INPUTS = Path(__file__).resolve().parents[1] / "fixtures" / "inputs"
FILES = ["organisations.csv", "members.csv", "meetings.csv", "assessments.csv"]


def _key(app, fragment: str) -> str:
    return next(k for k in app.callback_map if fragment in k)


def _drop(app, client, named: dict[str, bytes]):
    key = _key(app, "upload-job.data")
    urls = [f"data:text/csv;base64,{base64.b64encode(b).decode()}" for b in named.values()]
    body = {"output": key, "outputs": [{"id": "upload-job", "property": "data"},
                                       {"id": "upload-poll", "property": "disabled"},
                                       {"id": "upload-status", "property": "children"}],
            "inputs": [{"id": "upload-drop", "property": "contents", "value": urls}],
            "state": [{"id": "upload-drop", "property": "filename", "value": list(named)},
                      {"id": "lang", "property": "data", "value": "en"}],
            "changedPropIds": ["upload-drop.contents"]}
    r = forge.post(client, body)
    return json.loads(r.get_data(as_text=True))["response"]["upload-job"]["data"] \
        if r.status_code == 200 else None


def _wait(job: str) -> dict:
    from chibo.dashboard.admin import uploads

    for _ in range(1200):  # a generous cap: the subprocess runs the ETL
        st = uploads.status(job)
        if st["state"] == "done":
            return st
        time.sleep(0.1)
    raise AssertionError("the ETL subprocess did not finish")


def _poll(app, client, job: str) -> str:
    key = _key(app, "upload-log.children")
    body = {"output": key, "outputs": [{"id": i, "property": p} for i, p in (
        ("upload-status", "children"), ("upload-log", "children"), ("upload-problems", "rowData"),
        ("upload-confirm", "disabled"), ("upload-poll", "disabled"))],
        "inputs": [{"id": "upload-poll", "property": "n_intervals", "value": 1},
                   {"id": "upload-job", "property": "data", "value": job}],
        "state": [{"id": "lang", "property": "data", "value": "en"}],
        "changedPropIds": ["upload-poll.n_intervals"]}
    return forge.response_text(forge.post(client, body))


def _confirm(app, client, job: str, accept_valid=False):
    key = next(k for k, cb in app.callback_map.items()
               if cb["inputs"] == [{"id": "upload-confirm", "property": "n_clicks"}])
    body = {"output": key, "outputs": [{"id": "upload-poll", "property": "disabled"},
                                       {"id": "upload-confirm", "property": "disabled"}],
            "inputs": [{"id": "upload-confirm", "property": "n_clicks", "value": 1}],
            "state": [{"id": "upload-job", "property": "data", "value": job},
                      {"id": "upload-accept-valid", "property": "checked", "value": accept_valid}],
            "changedPropIds": ["upload-confirm.n_clicks"]}
    return forge.post(client, body)


@pytest.fixture
def empty_warehouse(logins, tmp_path, users_db):
    """Logins on, on a warehouse that does not exist yet."""
    rt = runtime_for(tmp_path / "w.duckdb", open_access=False, users_db=users_db)
    with serving(logins, rt):
        yield tmp_path / "w.duckdb"


def test_admin_uploads_validates_confirms_and_the_new_generation_is_served(logins, empty_warehouse):
    """Valid files: the dry run says so and publishes nothing; confirm loads them through the ETL;
    the dashboard serves generation 1 at once; every step is audited."""
    from chibo.dashboard import data
    from chibo.dashboard.auth import access, users

    app, client = logins, login(logins, "boss")
    job = _drop(app, client, {f: (INPUTS / f).read_bytes() for f in FILES})
    assert _wait(job)["rc"] == 0
    assert "Valid: ready to load." in _poll(app, client, job)
    assert not empty_warehouse.exists()  # validation published nothing
    assert _confirm(app, client, job).status_code == 200
    assert _wait(job)["rc"] == 0
    assert "Loaded. Current warehouse generation: 1." in _poll(app, client, job)
    assert data.signature() is not None
    with app.server.test_request_context():
        assert data.warehouse_info(access.current_scope())["generation"] == 1
    actions = {e["action"] for e in users.audit_log(200) if e["actor"] == "boss"}
    assert {"upload", "upload_validated", "upload_confirmed", "upload_loaded"} <= actions


def test_a_job_cut_off_by_a_restart_is_interrupted_and_runs_again(logins, empty_warehouse,
                                                                  users_db):
    """A worker killed during a load leaves its job "running" with its ETL process gone: after
    the restart (a fresh runtime and store connection) the job reads as interrupted — never
    "running" forever — and Confirm runs the load again to the end."""
    import subprocess

    from chibo.dashboard import runtime

    app, client = logins, login(logins, "boss")
    job = _drop(app, client, {f: (INPUTS / f).read_bytes() for f in FILES})
    assert _wait(job)["rc"] == 0
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    runtime.current().store.update_job(job, step="load", state="running", rc=None, pid=gone.pid)
    restarted = runtime_for(empty_warehouse, open_access=False, users_db=users_db)
    with serving(app, restarted):
        assert "Interrupted" in _poll(app, client, job)
        assert _confirm(app, client, job).status_code == 200
        st = _wait(job)
        assert st["step"] == "load" and st["rc"] == 0 and empty_warehouse.exists()


def test_invalid_upload_shows_the_etl_report_and_cannot_be_loaded(logins, empty_warehouse):
    """The same rule and message as `python -m chibo.etl load`; confirming loads nothing."""
    app, client = logins, login(logins, "boss")
    bad = b"member_id,org_id,admitted_on\nZ1,NOWHERE,01/01/2020\n"
    job = _drop(app, client, {"members.csv": bad, "notes.exe": b"x"})
    assert _wait(job)["rc"] == 1
    text = _poll(app, client, job)
    assert "Cell not found" in text and "NOWHERE" in text
    assert "Problems found" in text
    _confirm(app, client, job)
    from chibo.dashboard.admin import uploads

    assert uploads.status(job)["step"] == "validate" and not empty_warehouse.exists()


@pytest.mark.parametrize("name", ["lead", "ana"])
def test_non_admins_cannot_upload_or_load(logins, empty_warehouse, name):
    """A forged drop or confirm from a leader or analyst creates and loads nothing."""
    from chibo.dashboard.admin import uploads

    app, client = logins, login(logins, name)
    before = set(uploads.uploads_dir().iterdir())
    assert _drop(app, client, {f: (INPUTS / f).read_bytes() for f in FILES}) is None
    assert set(uploads.uploads_dir().iterdir()) == before
    for job in before:
        _confirm(app, client, job.name)
    assert not empty_warehouse.exists()


def test_uploaded_file_names_cannot_escape_the_job_folder():
    """Only plain names with a data extension are kept."""
    from chibo.dashboard.admin.uploads import safe_name

    assert safe_name("../../etc/passwd.csv") == "passwd.csv"
    assert safe_name("..\\..\\x.xlsx") == "x.xlsx"
    assert safe_name("run.sh") is None and safe_name(".csv") is None
