"""`POST /upload`: the upload page's files, streamed to the job's folder as they arrive (a
multipart body parsed part by part into files, never held whole in memory), then the upload job
is recorded in the store and its dry run started; answers JSON `{"job", "refused"}`.

Behind the login gate (anonymous: 401) and the Origin check (chibo/dashboard/auth/headers.py); only
the roles in `access.UPLOAD_ROLES` (others: 403). The body may be `CHIBO_MAX_UPLOAD_MB` (all files
of one drop with the multipart framing, the same figure as nginx's `client_max_body_size` in
deploy/nginx/chibo-locations.conf); a larger `Content-Length` gets 413 before a byte is read.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import flask
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.formparser import FormDataParser

from chibo.dashboard import runtime
from chibo.dashboard.admin import uploads
from chibo.dashboard.auth import access, users
from chibo.dashboard.auth.web import address, current_user

ENDPOINT = "chibo_upload"
FIELD = "files"  # the multipart field every file is sent under
MAX_PARTS = 200  # files (and fields) in one drop
FIELDS_BYTES = 1024 * 1024  # the parser's buffer (it reads 64 KB at a time); no field is kept


def limit_bytes() -> int:
    """The largest body the upload route takes (CHIBO_MAX_UPLOAD_MB)."""
    return runtime.current().settings.max_upload_mb * 1024 * 1024


def register(server: flask.Flask) -> None:
    server.add_url_rule("/upload", ENDPOINT, upload, methods=["POST"])


def _refuse(status: int, vi: str, en: str):
    return flask.jsonify({"error": f"{vi} / {en}"}), status


def upload():
    req = flask.request
    if not access.may_upload():
        return _refuse(403, "Không có quyền tải lên", "not allowed to upload")
    if req.content_length is None:
        return _refuse(411, "Thiếu Content-Length", "Content-Length required")
    if req.content_length > limit_bytes():
        raise RequestEntityTooLarge()  # answered (and the body dropped) by auth/throttle.py
    if req.mimetype != "multipart/form-data":
        return _refuse(415, "Cần multipart/form-data", "multipart/form-data expected")
    job, folder = uploads.open_job()
    received = _receive(folder)
    if received is None:
        shutil.rmtree(folder, ignore_errors=True)
        return _refuse(400, "Nội dung gửi lên không đọc được", "the upload could not be read")
    user = current_user()
    job, refused = uploads.keep_files(job, folder, received, user.name if user else "?")
    if job is None:
        return flask.jsonify({"job": None, "refused": refused}), 400
    uploads.start(job, "validate", on_done=lambda st: users.audit(
        "upload_validated", actor=st["user"], target=job, detail={"files": st["files"],
                                                                  "rc": st["rc"]}))
    audit("upload", {"job": job, "files": uploads.status(job)["files"], "refused": refused})
    return flask.jsonify({"job": job, "refused": refused})


def _receive(folder: Path) -> list[tuple[str, Path]] | None:
    """Parse the body part by part, each file written straight into `folder` under a
    temporary name: [(the client's file name, where it was written)], None when unreadable."""
    written: list = []

    def into_folder(*_args, **_kwargs):
        written.append(open(folder / f".part-{len(written)}", "wb+"))  # noqa: SIM115 - closed below
        return written[-1]

    parser = FormDataParser(stream_factory=into_folder, max_form_memory_size=FIELDS_BYTES,
                            max_content_length=limit_bytes(), silent=False,
                            max_form_parts=MAX_PARTS)
    req = flask.request
    try:
        _stream, _form, files = parser.parse(req.stream, req.mimetype, req.content_length,
                                             req.mimetype_params)
    except (ValueError, HTTPException):
        return None
    finally:
        for handle in written:
            handle.close()
    kept = {Path(f.stream.name) for f in files.getlist(FIELD)}
    for handle in written:  # parts under another field name
        if Path(handle.name) not in kept:
            Path(handle.name).unlink(missing_ok=True)
    return [(f.filename or "", Path(f.stream.name)) for f in files.getlist(FIELD)]


def audit(action: str, detail) -> None:
    """An upload step in the audit log, by the requesting user from their address."""
    user = current_user()
    users.audit(action, actor=user.name if user else None, detail=detail, address=address())
