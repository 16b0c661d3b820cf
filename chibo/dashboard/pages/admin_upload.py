"""Tải dữ liệu lên (admins only): drop CSV/XLSX files (assets/chibo-upload.js posts them to the
streamed upload route, chibo/dashboard/admin/upload_route.py, with a progress bar, and hands the job id
to the page), read the ETL's validation report (a dry run of `python -m chibo.etl load`), confirm, and
follow the real load; the dashboard keeps serving and shows the new generation as soon as it is
published."""

from __future__ import annotations

import dash
import dash_ag_grid as dag
import dash_mantine_components as dmc
import flask
from dash import Input, Output, State, callback, dcc, html, no_update

from chibo.dashboard import data, i18n, runtime
from chibo.dashboard.admin import upload_route, uploads
from chibo.dashboard.auth import access, users
from chibo.dashboard.i18n import t

dash.register_page(__name__, path="/quan-tri/tai-len", name="Tải dữ liệu lên", order=20,
                   nav_key="nav.admin_upload", roles=access.UPLOAD_ROLES, without_warehouse=True)

UPLOAD_DROP, UPLOAD_JOB, UPLOAD_POLL = "upload-drop", "upload-job", "upload-poll"
UPLOAD_PROGRESS, UPLOAD_NOTE = "upload-progress", "upload-note"
UPLOAD_STATUS, UPLOAD_LOG, UPLOAD_PROBLEMS = "upload-status", "upload-log", "upload-problems"
UPLOAD_CONFIRM, UPLOAD_ACCEPT = "upload-confirm", "upload-accept-valid"

i18n.register({
    "nav.admin_upload": ("Tải dữ liệu lên", "Upload data"),
    "upload.heading": ("Tải dữ liệu lên", "Upload data"),
    "upload.drop": ("Kéo thả tệp CSV/XLSX vào đây hoặc bấm để chọn",
                    "Drop CSV/XLSX files here or click to choose"),
    "upload.refused": ("Bỏ qua (không phải CSV/XLSX/Parquet)", "Ignored (not CSV/XLSX/Parquet)"),
    "upload.sending": ("Đang gửi tệp…", "Sending the files…"),
    "upload.too_large": ("Quá lớn: tối đa {mb} MB cho một lần tải lên.",
                         "Too large: at most {mb} MB per upload."),
    "upload.failed": ("Gửi tệp không thành công (HTTP {status}).",
                      "Sending the files failed (HTTP {status})."),
    "upload.validating": ("Đang kiểm tra…", "Validating…"),
    "upload.valid": ("Hợp lệ: có thể nạp.", "Valid: ready to load."),
    "upload.invalid": ("Có lỗi: xem báo cáo bên dưới. Mặc định không nạp gì.",
                       "Problems found: see the report below. By default nothing loads."),
    "upload.loading": ("Đang nạp và công bố… trang vẫn dùng được.",
                       "Loading and publishing… the dashboard keeps working."),
    "upload.loaded": ("Đã nạp. Thế hệ kho dữ liệu hiện tại: {g}.",
                      "Loaded. Current warehouse generation: {g}."),
    "upload.load_failed": ("Nạp không thành công (mã {rc}); xem nhật ký.",
                           "The load failed (exit {rc}); see the log."),
    "upload.interrupted": ("Bị ngắt giữa chừng (tiến trình dừng); bấm Xác nhận để chạy lại.",
                           "Interrupted (its process stopped); press Confirm to run it again."),
    "upload.confirm": ("Xác nhận nạp", "Confirm and load"),
    "upload.accept_valid": ("Nạp các dòng hợp lệ, giữ lại dòng lỗi (--accept-valid)",
                            "Load the valid rows, quarantine the rest (--accept-valid)"),
    "upload.files": ("Tệp", "Files"),
})
PROBLEM_COLUMNS = (("file", "Tệp / file"), ("sheet", "Trang / sheet"), ("row", "Dòng / row"),
                   ("column", "Cột / column"), ("value", "Giá trị / value"),
                   ("reason_vi", "Lý do"), ("reason_en", "Reason"))


def layout(lang="vi", **_):
    if not access.may_upload():
        return dmc.Alert(t("auth.forbidden", lang), color="red", id="page-forbidden")
    return dmc.Stack(gap="sm", children=[
        dmc.Title(t("upload.heading", lang), order=1, size="h3"),
        drop_zone(lang),
        dmc.Progress(id=UPLOAD_PROGRESS, value=0, size="lg", animated=True,
                     style={"display": "none"}),
        html.Div(id=UPLOAD_NOTE, role="status"),
        dcc.Store(id=UPLOAD_JOB),
        dcc.Interval(id=UPLOAD_POLL, interval=1000, disabled=True),
        html.Div(id=UPLOAD_STATUS),
        dmc.Group(children=[
            dmc.Checkbox(id=UPLOAD_ACCEPT, label=t("upload.accept_valid", lang)),
            dmc.Button(t("upload.confirm", lang), id=UPLOAD_CONFIRM, disabled=True, color="red"),
        ]),
        dag.AgGrid(id=UPLOAD_PROBLEMS, rowData=[], style={"height": "320px"},
                   columnDefs=[{"field": f, "headerName": h} for f, h in PROBLEM_COLUMNS],
                   defaultColDef={"resizable": True, "flex": 1, "filter": True}),
        html.Pre(id=UPLOAD_LOG, style={"maxHeight": "320px", "overflow": "auto",
                                       "fontSize": "12px", "whiteSpace": "pre-wrap"}),
    ])


def drop_zone(lang: str):
    """The drop zone, a button that opens the file picker; assets/chibo-upload.js sends what is
    chosen or dropped to the upload route (its address, limit and messages are data attributes:
    the script knows no language)."""
    mb = runtime.current().settings.max_upload_mb
    messages = {f"data-{k.replace('_', '-')}": t(f"upload.{k}", lang, mb=mb, status="{status}")
                for k in ("sending", "too_large", "failed", "refused")}
    return html.Button(t("upload.drop", lang), id=UPLOAD_DROP, className="upload-drop",
                       type="button", **messages, **{
                           "data-url": flask.url_for(upload_route.ENDPOINT),
                           "data-accept": ",".join(uploads.ALLOWED),
                           "data-max-bytes": str(mb * 1024 * 1024)})


def view(job: str | None, lang: str) -> tuple:
    """(status children, log text, problem rows, confirm disabled, polling disabled)."""
    st = uploads.status(job) if access.may_upload() else None
    if st is None:
        return None, "", [], True, True
    files = f"{t('upload.files', lang)}: {', '.join(st['files'])}"
    running = st["state"] == "running"
    if st["state"] == "interrupted":
        status = dmc.Alert([html.Div(t("upload.interrupted", lang)), html.Div(files)],
                           color="orange", id="upload-state")
        return status, st["log"], [], False, True
    if st["step"] == "validate":
        if running:
            msg, color = t("upload.validating", lang), "blue"
        elif st["rc"] == 0:
            msg, color = t("upload.valid", lang), "green"
        else:
            msg, color = t("upload.invalid", lang), "red"
        rows = [] if running else uploads.problems(job, "validate")
        confirm_off = running or st["rc"] not in (0, 1)
    else:
        if running:
            msg, color = t("upload.loading", lang), "blue"
        elif st["rc"] == 0:
            gen = data.warehouse_info(access.current_scope())["generation"]
            msg, color = t("upload.loaded", lang, g=gen), "green"
        else:
            msg, color = t("upload.load_failed", lang, rc=st["rc"]), "red"
        rows, confirm_off = uploads.problems(job, "load"), True
    status = dmc.Alert([html.Div(msg), html.Div(files)], color=color, id="upload-state")
    return status, st["log"], rows, confirm_off, not running


@callback(Output(UPLOAD_STATUS, "children"), Output(UPLOAD_LOG, "children"),
          Output(UPLOAD_PROBLEMS, "rowData"), Output(UPLOAD_CONFIRM, "disabled"),
          Output(UPLOAD_POLL, "disabled", allow_duplicate=True),
          Input(UPLOAD_POLL, "n_intervals"), Input(UPLOAD_JOB, "data"), State("lang", "data"),
          prevent_initial_call=True)
def poll(_n, job, lang):
    return view(job, lang or "vi")


def confirm_load(job: str | None, accept_valid: bool) -> bool:
    """Start the real load of a validated job (admins only; valid, or --accept-valid)."""
    st = uploads.status(job) if access.may_upload() else None
    if st is not None and st["state"] == "interrupted":  # run the cut-off step again
        step = st["step"]
        return uploads.start(job, step, accept_valid=st["accept_valid"], on_done=lambda s: users.audit(
            f"upload_{'validated' if step == 'validate' else 'loaded'}", actor=s["user"],
            target=job, detail={"files": s["files"], "rc": s["rc"], "rerun": True}))
    if (st is None or st["step"] != "validate" or st["state"] != "done"
            or not (st["rc"] == 0 or (st["rc"] == 1 and accept_valid))):
        return False
    started = uploads.start(job, "load", accept_valid=bool(accept_valid), on_done=lambda s: users.audit(
        "upload_loaded", actor=s["user"], target=job, detail={"files": s["files"], "rc": s["rc"],
                                                              "accept_valid": s["accept_valid"]}))
    if started:
        upload_route.audit("upload_confirmed", {"job": job, "accept_valid": bool(accept_valid)})
    return started


@callback(Output(UPLOAD_POLL, "disabled", allow_duplicate=True),
          Output(UPLOAD_CONFIRM, "disabled", allow_duplicate=True),
          Input(UPLOAD_CONFIRM, "n_clicks"), State(UPLOAD_JOB, "data"),
          State(UPLOAD_ACCEPT, "checked"), prevent_initial_call=True)
def on_confirm(n, job, accept_valid):
    if not n or not confirm_load(job, accept_valid):
        return no_update, no_update
    return False, True
