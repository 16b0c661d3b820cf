"""Dữ liệu (data): warehouse generation and freshness, load ledger, rejected rows, data-quality
warnings (the warnings follow the shared filters)."""

from __future__ import annotations

import datetime as dt

import dash
import dash_mantine_components as dmc
from dash import Input, Output, callback, html

from dashboard import data, i18n
from dashboard.auth import access
from dashboard.components.filter_bar import STATE
from dashboard.components.table_card import Table, register, table_card
from dashboard.i18n import fmt_date, fmt_month, fmt_num, t
from dashboard.queries import meta

dash.register_page(__name__, path="/du-lieu", name="Dữ liệu", order=9, nav_key="nav.data")

DATA_INFO = "data-info"
DATA_LEDGER = "data-ledger"
DATA_QUARANTINE = "data-quarantine"
DATA_QUALITY = "data-quality"

i18n.register({
    "nav.data": ("Dữ liệu", "Data"),
    "data.heading": ("Dữ liệu", "Data"),
    "data.generation": ("Thế hệ kho dữ liệu", "Warehouse generation"),
    "data.published": ("Công bố lúc", "Published at"),
    "data.last_load": ("Lần nạp gần nhất", "Last load"),
    "data.months": ("Số liệu từ – đến", "Data from – to"),
    "data.size": ("Dung lượng tệp", "File size"),
    "data.freshness": ("Độ mới", "Freshness"),
    "data.days_ago": ("{n} ngày trước", "{n} days ago"),
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

register(Table(DATA_LEDGER, "data.ledger", lambda scope, f: meta.load_ledger(scope), (
    ("load_id", "col.load_id", "int"), ("loaded_at", "col.loaded_at", "datetime"),
    ("file_name", "col.file_name", "text"), ("entity", "col.entity", "text"),
    ("sheet", "col.sheet", "text"), ("rows_read", "col.rows_read", "int"),
    ("rows_loaded", "col.rows_loaded", "int"), ("rows_rejected", "col.rows_rejected", "int"),
    ("result", "col.result", "text"))))


def _quarantine(scope, f):
    df = meta.quarantine(scope)
    return df.assign(reason=df["reason_en"] if dict(f.extra).get("lang") == "en"
                     else df["reason_vi"])


register(Table(DATA_QUARANTINE, "meta.quarantine", _quarantine, (
    ("load_id", "col.load_id", "int"), ("file_name", "col.file_name", "text"),
    ("sheet", "col.sheet", "text"), ("row_number", "col.row_number", "int"),
    ("column_name", "col.column_name", "text"), ("value", "col.value", "text"),
    ("reason", "col.reason", "text"))))
register(Table(DATA_QUALITY, "data.quality", meta.data_quality, (
    ("rule", "col.rule", "text"), ("severity", "col.severity", "text"),
    ("org_id", "col.org_id", "text"), ("org_name", "col.org_name", "text"),
    ("member_id", "col.member_id", "text"), ("month", "col.month", "month"),
    ("detail", "col.detail", "text"))))


def layout(lang: str = "vi", **_params):
    return html.Div([
        dmc.Title(t("data.heading", lang), order=2, mb="sm"),
        dmc.SimpleGrid(id=DATA_INFO, cols={"base": 2, "md": 3, "xl": 6}, spacing="sm", mb="md"),
        dmc.Stack(gap="md", children=[table_card(DATA_QUALITY, lang),
                                      table_card(DATA_LEDGER, lang, 300),
                                      table_card(DATA_QUARANTINE, lang)]),
    ])


def info_cards(state: dict | None, today: dt.date | None = None) -> list:
    """Generation, publication, last load, data months, file size, freshness (plain function)."""
    if not state or data.signature() is None:
        return []
    lang = state.get("lang", "vi")
    info = data.warehouse_info(access.current_scope())
    today = today or dt.date.today()
    last = info["last_load"]
    age = (today - last.date()).days if last is not None else None
    items = [
        ("data.generation", fmt_num(info["generation"], lang)),
        ("data.published", f"{fmt_date(info['published_at'])} "
                           f"{info['published_at']:%H:%M}" if info["published_at"] else "–"),
        ("data.last_load", fmt_date(last) if last else "–"),
        ("data.months", f"{fmt_month(info['first_month'])} – {fmt_month(info['last_month'])}"),
        ("data.size", f"{fmt_num(info['file_bytes'] / 2**20, lang, 1)} MB"),
        ("data.freshness", t("data.days_ago", lang, n=fmt_num(age, lang)) if age is not None
         else "–"),
    ]
    return [dmc.Paper(withBorder=True, p="sm", radius="md", children=[
        dmc.Text(t(k, lang), size="sm", c="dimmed"), dmc.Text(v, fw=700, size="lg")])
        for k, v in items]


@callback(Output(DATA_INFO, "children"), Input(STATE, "data"))
def update_info(state):
    return info_cards(state)
