"""Readable labels for the codes the warehouse stores (rule, severity, rating, age band, kind, …)
and for data column names, so tables, charts and CSV/XLSX files never show a raw code."""

from __future__ import annotations

import pandas as pd

from chibo.dashboard.i18n import codes, has, register, t

register({
    "rule.cell_few_full_members": ("Chi bộ dưới 3 đảng viên chính thức",
                                   "Cell with fewer than 3 full members"),
    "rule.base_cell_30_plus": ("Chi bộ cơ sở từ 30 đảng viên trở lên",
                               "Base cell with 30 or more members"),
    "rule.probation_overdue": ("Quá 12 tháng dự bị chưa công nhận chính thức",
                               "Probation past 12 months"),
    "rule.admission_age": ("Tuổi kết nạp ngoài khoảng 18–60", "Admission age outside 18–60"),
    "rule.missed_regular_meeting": ("Tháng không sinh hoạt thường kỳ",
                                    "Month without a regular meeting"),
    "rule.excellent_share": ("Đảng viên xuất sắc vượt 20% số hoàn thành tốt",
                             "Excellent members over 20% of good ones"),
    "rule.cell_without_members": ("Chi bộ chưa có đảng viên nào trong dữ liệu",
                                  "Cell with no member on record"),
    "rule.quality_score_mismatch": ("Mức chất lượng trái với điểm của buổi sinh hoạt",
                                    "Quality level contradicting the meeting's score"),
    "severity.warning": ("Cảnh báo", "Warning"),
    "severity.error": ("Lỗi", "Error"),
    "rating.4": ("Hoàn thành xuất sắc nhiệm vụ", "Excellent"),
    "rating.3": ("Hoàn thành tốt nhiệm vụ", "Good"),
    "rating.2": ("Hoàn thành nhiệm vụ", "Completed"),
    "rating.1": ("Không hoàn thành nhiệm vụ", "Not completed"),
    "entity.organisations": ("Tổ chức đảng", "Organisations"),
    "entity.members": ("Đảng viên", "Members"),
    "entity.meetings": ("Sinh hoạt chi bộ", "Meetings"),
    "entity.assessments": ("Đánh giá, xếp loại", "Assessments"),
    "entity.document": ("Văn bản công bố", "Published document"),
    "result.loaded": ("Đã nạp", "Loaded"), "result.partial": ("Nạp một phần", "Partly loaded"),
    "result.rejected": ("Từ chối", "Rejected"), "result.unchanged": ("Không đổi", "Unchanged"),
    "result.loaded_with_rejects": ("Đã nạp, có dòng bị từ chối", "Loaded with rejected rows"),
    "detail.official": ("Đảng viên chính thức", "Full members"),
    "detail.members": ("Đảng viên", "Members"), "detail.age": ("Tuổi", "Age"),
    "detail.admitted_on": ("Ngày kết nạp", "Admitted on"),
    "detail.regular_held": ("Buổi thường kỳ", "Regular meetings"),
    "detail.excellent": ("Xuất sắc", "Excellent"), "detail.good": ("Hoàn thành tốt", "Good"),
    "detail.meeting": ("Buổi sinh hoạt", "Meeting"), "detail.score": ("Điểm", "Score"),
    "detail.quality": ("Mức ghi", "Level recorded"),
    "detail.score_quality": ("Mức theo điểm", "Level by score"),
})
_CSV = {  # data column → (vi, en) header in chart CSV files
    "month": ("Tháng", "Month"), "period": ("Kỳ", "Period"), "year": ("Năm", "Year"),
    "months": ("Số tháng có số liệu", "Months with data"),
    "official": ("Chính thức", "Full members"), "probationary": ("Dự bị", "Probationary"),
    "members": ("Đảng viên", "Members"), "members_start": ("Đảng viên đầu kỳ", "Members at start"),
    "admitted": ("Kết nạp", "Admitted"), "left": ("Ra khỏi chi bộ", "Left"),
    "left_death": ("Từ trần", "Died"),
    "left_struck_off": ("Xóa tên", "Struck off"), "left_expelled": ("Khai trừ", "Expelled"),
    "left_resigned": ("Xin ra khỏi Đảng", "Resigned"), "left_other": ("Lý do khác", "Other"),
    "first": ("Từ ngày", "From"), "last": ("Đến ngày", "To"),
    "full": ("Trọn kỳ", "Whole period"), "members_before": ("Đảng viên ngày trước kỳ",
                                                          "Members on the day before"),
    "gender": ("Giới tính", "Gender"), "age_band": ("Nhóm tuổi", "Age band"),
    "rate": ("Tỷ lệ kết nạp", "Admission rate"), "grp": ("Nhóm", "Group"), "n": ("Số", "Count"),
    "org_id": ("Mã tổ chức", "Organisation id"), "parent_id": ("Mã cấp trên", "Parent id"),
    "name": ("Tên", "Name"), "kind": ("Loại", "Kind"), "sector": ("Loại hình", "Sector"),
    "province_code": ("Mã tỉnh", "Province code"), "region": ("Vùng", "Region"),
    "name_vi": ("Tên vùng", "Region (Vietnamese)"), "name_en": ("Tên vùng (tiếng Anh)", "Region"),
    "seat_lat": ("Vĩ độ", "Latitude"), "seat_lon": ("Kinh độ", "Longitude"),
    "cells": ("Chi bộ", "Cells"), "members_per_cell": ("Đảng viên / chi bộ", "Members per cell"),
    "admission_rate": ("Tỷ lệ kết nạp", "Admission rate"),
    "good_share": ("Tỷ lệ buổi tốt", "Share good"), "attendance": ("Tỷ lệ dự", "Attendance"),
    "regular_held": ("Buổi thường kỳ", "Regular meetings"),
    "thematic_held": ("Buổi chuyên đề", "Thematic meetings"),
    "online_held": ("Buổi trực tuyến", "Online meetings"),
    "hybrid_held": ("Buổi kết hợp", "Hybrid meetings"), "expected": ("Phải dự", "Expected"),
    "present": ("Có mặt", "Present"), "good": ("Tốt", "Good"), "fair": ("Khá", "Fair"),
    "average": ("Trung bình", "Average"), "poor": ("Kém", "Poor"),
    "score_sum": ("Tổng điểm", "Score sum"), "scored": ("Buổi có điểm", "Scored meetings"),
    "meetings": ("Số buổi", "Meetings"), "rated": ("Buổi được xếp loại", "Rated meetings"),
    "mean_score": ("Điểm bình quân", "Mean score"),
    "online_share": ("Tỷ lệ trực tuyến, kết hợp", "Online or hybrid share"),
    "good_fair_share": ("Tỷ lệ tốt, khá", "Share good or fair"),
}
register({f"csv.{k}": v for k, v in _CSV.items()})
_PREFIX = {"rule": "rule", "severity": "severity", "gender": "gender",
           "kind": "kind", "sector": "sector", "entity": "entity", "result": "result",
           "leave_reason": "reason"}


def age_band(code) -> str:
    """'18_30' → '18–30', '61_plus' → '61+'."""
    return str(code).replace("_plus", "+").replace("_", "–").replace("-", "–")


def rating(value, lang: str = "vi") -> str:
    """1..4 → the rating words ('Hoàn thành tốt nhiệm vụ' / 'Good'); missing → ''."""
    if value is None or pd.isna(value):
        return ""
    key = f"rating.{int(value)}"
    return t(key, lang) if has(key) else str(value)


def code(prefix: str, value, lang: str = "vi") -> str:
    """The label of `prefix.value` when registered, else the value unchanged (never a crash)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    key = f"{prefix}.{value}"
    return t(key, lang) if has(key) else str(value)


def detail(text, lang: str = "vi") -> str:
    """'excellent=116;good=565' → 'Xuất sắc: 116; Hoàn thành tốt: 565'."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    parts = []
    for item in str(text).split(";"):
        key, sep, value = item.partition("=")
        parts.append(f"{code('detail', key.strip(), lang)}: {value}" if sep else item)
    return "; ".join(parts)


def translate_values(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """A copy of `df` with code columns (rule, severity, rating, gender, age_band, kind, sector,
    entity, result, detail, grp) replaced by their labels in `lang`."""
    if df is None or df.empty:
        return df
    out = {}
    for col in df.columns:
        if col in _PREFIX:
            out[col] = _each(df[col], lambda v, p=_PREFIX[col]: code(p, v, lang))
        elif col == "rating":
            out[col] = _each(df[col], lambda v: rating(v, lang))
        elif col == "age_band":
            out[col] = _each(df[col], age_band)
        elif col == "detail":
            out[col] = _each(df[col], lambda v: detail(v, lang))
        elif col == "grp":
            out[col] = _each(df[col], lambda v: code("kind", v, lang) if has(f"kind.{v}")
                             else code("sector", v, lang))
    return df.assign(**out) if out else df


def vocabulary(column: str, lang: str = "vi") -> dict | None:
    """{code: label} of a code column `translate_values` words one code at a time (rule,
    severity, kind, sector, rating, …), so a grid paged in SQL sorts and filters by the words it
    shows; None for any other column."""
    if column == "rating":
        return {int(c): rating(int(c), lang) for c in codes("rating") if c.isdigit()}
    if column in _PREFIX:
        return {c: code(_PREFIX[column], c, lang) for c in codes(_PREFIX[column])}
    return None


def _each(values: pd.Series, label) -> list[str]:
    """label(v) for every value, each distinct value labelled once (a table of thousands of base
    organisations has a handful of kinds and sectors)."""
    done: dict = {}
    return [done[v] if v in done else done.setdefault(v, label(v)) for v in values.tolist()]


def csv_header(column: str, lang: str = "vi") -> str:
    """A readable CSV header for a data column (unknown columns keep their name)."""
    return t(f"csv.{column}", lang) if has(f"csv.{column}") else column


def readable(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """Values and headers in `lang`: what a chart's CSV download contains."""
    df = translate_values(df, lang)
    return df.rename(columns={c: csv_header(c, lang) for c in df.columns})
