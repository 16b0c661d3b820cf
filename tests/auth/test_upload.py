"""The admin upload page with logins on: files posted to the streamed upload route (as the page's
script does) and the page driven through forged Dash requests: validation by the ETL's dry run
(same messages), confirm, the real load as a subprocess, the new generation served without a
restart; non-admins can do none of it. The route itself: it streams (a body far larger than the
memory it takes), refuses an oversized body from its header alone (413, nothing read), and
answers anonymous, wrong-role and cross-site requests with 401 and 403."""

from __future__ import annotations

import io
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
    """Post the files to the upload route as the page's script does; the job id (or None)."""
    r = _post(client, named)
    return r.get_json()["job"] if r.status_code == 200 else None


def _post(client, named: dict[str, bytes], **kwargs):
    files = [(io.BytesIO(blob), name) for name, blob in named.items()]
    return client.post("/upload", data={"files": files}, content_type="multipart/form-data",
                       **kwargs)


def _wait(job: str) -> dict:
    from chibo.dashboard.admin import uploads

    deadline = time.monotonic() + 600  # a generous cap: the subprocess runs the ETL
    while time.monotonic() < deadline:
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
    r = _post(client, {f: (INPUTS / f).read_bytes() for f in FILES})
    assert r.status_code == 403 and r.get_json()["error"]
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


class _Body(io.RawIOBase):
    """A multipart body of one file of `size` bytes, made as it is read (the test holds none of
    it); `read_bytes` counts what the server read."""

    def __init__(self, name: str, size: int):
        self.boundary = "chibo-test-boundary"
        self.head = (f"--{self.boundary}\r\nContent-Disposition: form-data; name=\"files\"; "
                     f"filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\na,b\n").encode()
        self.tail = f"\r\n--{self.boundary}--\r\n".encode()
        self.size, self.read_bytes, self.pos = len(self.head) + size + len(self.tail), 0, 0

    def readable(self):
        return True

    def seekable(self):  # the test client measures the body by seeking to its end and back
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        self.pos = offset + (self.size if whence == 2 else self.pos if whence == 1 else 0)
        return self.pos

    def tell(self) -> int:
        return self.pos

    def readinto(self, buffer) -> int:
        """Head, then rows of "1,2\\n", then the closing boundary; at most 64 KB at a time."""
        pos, tail_at = self.pos, self.size - len(self.tail)
        want = min(len(buffer), self.size - pos, 1 << 16)
        if pos < len(self.head):
            piece = self.head[pos:pos + want]
        elif pos < tail_at:
            k = (pos - len(self.head)) % 4
            piece = ROWS[k:k + min(want, tail_at - pos)]
        else:
            piece = self.tail[pos - tail_at:pos - tail_at + want]
        buffer[:len(piece)] = piece
        self.pos += len(piece)
        self.read_bytes += len(piece)
        return len(piece)


ROWS = b"1,2\n" * (1 << 14 + 1)


def _stream(client, body: _Body, **headers):
    return client.post("/upload", input_stream=body, headers={
        "Content-Length": str(body.size), **headers},
        content_type=f"multipart/form-data; boundary={body.boundary}")


@pytest.fixture
def small_limit(logins, tmp_path, users_db):
    """Logins on, an upload limit of 20 MB, a warehouse that does not exist yet."""
    rt = runtime_for(tmp_path / "w.duckdb", open_access=False, users_db=users_db,
                     max_upload_mb=20)
    with serving(logins, rt):
        yield logins


def test_a_large_upload_is_streamed_to_the_job_folder(small_limit):
    """An 18 MB file under the 20 MB limit is accepted whole into the job's folder while the
    request allocates a small part of it (the body is written as it is parsed, never held)."""
    import tracemalloc

    from chibo.dashboard.admin import uploads

    client = login(small_limit, "boss")
    body = _Body("big.csv", 18 * 1024 * 1024)
    tracemalloc.start()
    try:
        r = _stream(client, body)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert r.status_code == 200, r.get_data(as_text=True)
    job = r.get_json()["job"]
    saved = uploads.folder_of(job) / "big.csv"
    assert saved.stat().st_size == body.size - len(body.head) - len(body.tail) + len(b"a,b\n")
    assert peak < 4 * 1024 * 1024, peak  # an 18 MB body, never more than a few MB in memory
    _wait(job)  # the dry run (it refuses the unknown file) ends before the folder goes


def test_an_upload_over_the_limit_is_refused_before_it_is_read(small_limit):
    """413 from the Content-Length alone: not a byte read, no job folder made."""
    from chibo.dashboard.admin import uploads

    client = login(small_limit, "boss")
    before = set(uploads.uploads_dir().iterdir())
    body = _Body("big.csv", 21 * 1024 * 1024)
    r = _stream(client, body)
    assert r.status_code == 413 and body.read_bytes == 0
    assert set(uploads.uploads_dir().iterdir()) == before


def test_the_upload_route_refuses_anonymous_and_cross_site_posts(logins, empty_warehouse):
    """No session: 401 (never a job); the admin's own session from another site's page: 403."""
    from chibo.dashboard.admin import uploads

    before = set(uploads.uploads_dir().iterdir())
    named = {"members.csv": (INPUTS / "members.csv").read_bytes()}
    assert _post(logins.server.test_client(), named).status_code == 401
    boss = login(logins, "boss")
    assert _post(boss, named, headers={"Origin": "https://evil.example"}).status_code == 403
    assert set(uploads.uploads_dir().iterdir()) == before
