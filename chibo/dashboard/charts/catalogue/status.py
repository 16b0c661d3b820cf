"""Tables of Dữ liệu: the load ledger and rejected rows (warehouse-wide: only the full scope sees
them) and the data-quality warnings, which follow the shared filters."""

from __future__ import annotations

from chibo.dashboard import i18n
from chibo.dashboard.charts.tables import Table, register
from chibo.dashboard.queries import meta

DATA_LEDGER = "data-ledger"
DATA_QUARANTINE = "data-quarantine"
DATA_QUALITY = "data-quality"

i18n.register({
    "data.ledger": ("Nhật ký nạp dữ liệu", "Load ledger"),
    "meta.quarantine": ("Dòng bị từ chối", "Rejected rows"),
    "data.quality": ("Cảnh báo chất lượng dữ liệu", "Data-quality warnings"),
    "col.load_id": ("Lần nạp", "Load"), "col.loaded_at": ("Thời điểm nạp", "Loaded at"),
    "col.file_name": ("Tệp", "File"), "col.entity": ("Loại dữ liệu", "Entity"),
    "col.sheet": ("Trang tính", "Sheet"), "col.rows_read": ("Dòng đọc", "Rows read"),
    "col.rows_loaded": ("Dòng nạp", "Rows loaded"),
    "col.rows_rejected": ("Dòng từ chối", "Rows rejected"), "col.result": ("Kết quả", "Result"),
    "col.row_number": ("Dòng số", "Row"), "col.column_name": ("Cột", "Column"),
    "col.value": ("Giá trị", "Value"), "col.reason": ("Lý do", "Reason"),
    "col.rule": ("Quy tắc", "Rule"), "col.severity": ("Mức độ", "Severity"),
    "col.org_id": ("Mã tổ chức", "Organisation id"), "col.org_name": ("Tổ chức", "Organisation"),
    "col.member_id": ("Mã đảng viên", "Member id"), "col.month": ("Tháng", "Month"),
    "col.detail": ("Chi tiết", "Detail"),
})


def _ledger(scope, f):
    return meta.load_ledger(scope)


def _quarantine(scope, f):
    df = meta.quarantine(scope)
    return df.assign(reason=df["reason_en"] if dict(f.extra).get("lang") == "en"
                     else df["reason_vi"])


register(Table(DATA_LEDGER, "data.ledger", _ledger, (
    ("load_id", "col.load_id", "int"), ("loaded_at", "col.loaded_at", "datetime"),
    ("file_name", "col.file_name", "text"), ("entity", "col.entity", "text"),
    ("sheet", "col.sheet", "text"), ("rows_read", "col.rows_read", "int"),
    ("rows_loaded", "col.rows_loaded", "int"), ("rows_rejected", "col.rows_rejected", "int"),
    ("result", "col.result", "text"))))
register(Table(DATA_QUARANTINE, "meta.quarantine", _quarantine, (
    ("load_id", "col.load_id", "int"), ("file_name", "col.file_name", "text"),
    ("sheet", "col.sheet", "text"), ("row_number", "col.row_number", "int"),
    ("column_name", "col.column_name", "text"), ("value", "col.value", "text"),
    ("reason", "col.reason", "text"))))
register(Table(DATA_QUALITY, "data.quality", meta.data_quality, (
    ("rule", "col.rule", "text"), ("severity", "col.severity", "text"),
    ("org_id", "col.org_id", "text"), ("org_name", "col.org_name", "text"),
    ("member_id", "col.member_id", "text"), ("month", "col.month", "month"),
    ("detail", "col.detail", "text")), paged=True))
