"""Words for published figures, shared by the Số liệu công bố page: metric names, readable
scopes, how a scope was resolved, the accepted interval and the verdict of a reconciliation, a
part's relation to its whole, a document's label."""

from __future__ import annotations

import re

from chibo.dashboard import i18n
from chibo.dashboard.i18n import fmt_date, fmt_num, fmt_pct, t

i18n.register({
    "nav.published": ("Số liệu công bố", "Published figures"),
    "published.heading": ("Số liệu công bố", "Published figures"),
    "published.intro": ("Số liệu đọc từ bài báo, báo cáo (python -m chibo.etl documents), đối chiếu với "
                        "kho dữ liệu cùng phạm vi, cùng ngày. Bộ lọc chung phía trên không áp "
                        "dụng cho trang này.",
                        "Figures read from news and reports (python -m chibo.etl documents), compared "
                        "with the warehouse for the same scope and date. The shared filters above "
                        "do not apply to this page."),
    "published.metric": ("Chỉ tiêu", "Metric"), "published.scope": ("Phạm vi", "Scope"),
    "published.from": ("Từ năm", "From year"), "published.to": ("Đến năm", "To year"),
    "published.document": ("Văn bản", "Document"), "published.all": ("Tất cả", "All"),
    "published.summary": ("{n} số liệu · {agree} khớp, {differ} lệch, {other} không đối chiếu được",
                          "{n} figures · {agree} agree, {differ} differ, {other} not comparable"),
    "published.timeline": ("Diễn biến số liệu công bố: {metric}", "Published over time: {metric}"),
    "published.timeline_sub": ("Thanh sai số: khoảng chấp nhận theo từ chỉ mức; hình thoi: kho "
                               "dữ liệu", "Error bars: accepted interval for the qualifier; "
                               "diamonds: warehouse"),
    "published.warehouse": ("Kho dữ liệu", "Warehouse"),
    "published.pick_row": ("Chọn một dòng trong bảng để xem câu gốc.",
                           "Select a row to see its source sentence."),
    "published.no_data": ("Chưa có số liệu công bố. Chạy: python -m chibo.etl documents THƯ_MỤC",
                          "No published figures yet. Run: python -m chibo.etl documents FOLDER"),
    "published.error": ("Không tải được số liệu công bố", "Could not load the published figures"),
    "published.hidden": ("ngoài phạm vi được xem", "outside your scope"),
    "published.not_kept": ("kho không theo dõi chỉ tiêu này", "not kept in the warehouse"),
    "published.unresolved": ("không xác định được phạm vi", "scope not resolved"),
    "published.target": ("chỉ tiêu, kế hoạch: không đối chiếu", "a target: not compared"),
    "published.group.agency_blocs": ("Các đảng bộ khối cơ quan", "Agency bloc committees"),
    "published.group.enterprise_blocs": ("Các đảng bộ khối doanh nghiệp",
                                         "Enterprise bloc committees"),
    "published.country": ("Cả nước", "Whole country"),
    "published.how.country": ("Cả nước: mọi tổ chức", "Whole country: every organisation"),
    "published.how.sector": ("Loại hình “{what}”", "Sector “{what}”"),
    "published.how.province": ("Tỉnh, thành phố {what}", "Province {what}"),
    "published.how.country_sector": ("Cả nước: các tổ chức loại hình “{sector}”",
                                     "Whole country: organisations of sector “{sector}”"),
    "published.how.province_sector": ("Tỉnh, thành phố {what}: các tổ chức loại hình “{sector}”",
                                      "Province {what}: organisations of sector “{sector}”"),
    "published.how.group": ("{what}: {n} tổ chức và các tổ chức bên dưới",
                            "{what}: {n} organisations and those below them"),
    "published.how.organisation": ("“{what}” và các tổ chức bên dưới", "“{what}” and those below it"),
    "published.how.no_match": ("Không tìm thấy tổ chức tên “{what}”", "No organisation named “{what}”"),
    "published.how.ambiguous": ("Nhiều tổ chức cùng khớp “{what}”",
                                "Several organisations match “{what}”"),
    "published.how.unknown_province": ("Không rõ tỉnh “{what}”", "Unknown province “{what}”"),
    "published.how.no_scope": ("Văn bản không nêu phạm vi", "The text states no scope"),
    "published.how.no_date": ("Không xác định được ngày số liệu", "No date for the figure"),
    "published.no_scope": ("Không rõ phạm vi", "Scope not stated"),
    "col.as_of": ("Ngày số liệu", "As of"), "col.document": ("Văn bản", "Document"),
    "col.metric": ("Chỉ tiêu", "Metric"), "col.scope": ("Phạm vi", "Scope"),
    "col.written": ("Số công bố", "As published"), "col.published": ("Giá trị", "Value"),
    "col.warehouse": ("Kho dữ liệu", "Warehouse"), "col.difference": ("Chênh lệch", "Difference"),
    "col.verdict": ("Khớp?", "Agrees?"), "col.resolved_how": ("Cách xác định phạm vi", "Scope as resolved"),
    "col.part": ("Phần của", "Part of"),
    "published.of": ("của", "of"), "published.part_of": ("Là phần của", "Part of"),
    "published.not_compared.part_dimension": (
        "phần theo {what}: kho dữ liệu không tính phần này",
        "a part by {what}: the warehouse does not count this part"),
    "published.not_compared.not_recorded": (
        "phần theo {what}: hồ sơ đảng viên trong phạm vi không ghi {what}",
        "a part by {what}: the member files in scope do not record the {what}"),
    "published.not_compared.share_only": ("chỉ có tỷ lệ, không có số lượng",
                                          "a share only, no count"),
    "published.not_compared.period_unknown": ("văn bản không nêu thời kỳ kết nạp",
                                              "the text states no period of admission"),
    "published.not_compared.before_history": (
        "thời kỳ kết nạp bắt đầu trước số liệu của kho (từ 01/2010)",
        "the period of admission starts before the warehouse's history (from 01/2010)"),
    **{f"published.dim.{k}": v for k, v in {
        "gender": ("giới tính", "gender"), "status": ("tình trạng", "status"),
        "ethnicity": ("dân tộc", "ethnicity"), "religion": ("tôn giáo", "religion"),
        "age_band": ("độ tuổi", "age"), "education": ("trình độ học vấn", "education"),
        "political_theory": ("lý luận chính trị", "political theory"),
        "occupation": ("nghề nghiệp", "occupation"), "youth_union": ("đoàn viên", "Youth Union"),
        "activity": ("hoạt động", "activity"), "sector": ("loại hình", "sector"),
        "other": ("đặc điểm chưa rõ", "an unstated trait")}.items()},
    **{f"published.dimval.{k}": v for k, v in {
        "female": ("nữ", "women"), "male": ("nam", "men"), "official": ("chính thức", "full"),
        "probationary": ("dự bị", "probationary"),
        "minority": ("dân tộc thiểu số", "ethnic minorities"),
        "religious": ("có đạo", "religious"), "catholic": ("Công giáo", "Catholic"),
        "buddhist": ("Phật giáo", "Buddhist"),
        "university_plus": ("đại học trở lên", "university or higher"),
        "university": ("đại học", "university"), "postgraduate": ("sau đại học", "postgraduate"),
        "college": ("cao đẳng", "college"), "advanced": ("cao cấp", "advanced"),
        "intermediate": ("trung cấp", "intermediate"), "elementary": ("sơ cấp", "elementary"),
        "student": ("học sinh, sinh viên", "students"), "worker": ("công nhân", "workers"),
        "farmer": ("nông dân", "farmers"), "retired": ("hưu trí", "retired"),
        "business_owner": ("chủ doanh nghiệp", "business owners"),
        "member": ("đoàn viên thanh niên", "Youth Union members"),
        "admitted_members": ("đã kết nạp được đảng viên", "admitted members"),
        "no_admissions": ("chưa kết nạp được đảng viên", "admitted none")}.items()},
    "published.age": ("{a}–{b} tuổi", "aged {a}–{b}"),
    "published.age_plus": ("từ {a} tuổi", "aged {a}+"),
    **{f"published.metric.{k}": v for k, v in {
        "members_total": ("Đảng viên", "Members"),
        "members_official": ("Đảng viên chính thức", "Full members"),
        "members_probationary": ("Đảng viên dự bị", "Probationary members"),
        "members_female": ("Đảng viên nữ", "Female members"),
        "new_admissions": ("Kết nạp đảng viên mới", "New admissions"),
        "base_orgs_total": ("Tổ chức cơ sở đảng", "Base party organisations"),
        "base_party_committees": ("Đảng bộ cơ sở", "Base party committees"),
        "base_committees_upper_powers": ("Đảng bộ cơ sở được giao quyền cấp trên cơ sở",
                                         "Base committees with upper-level powers"),
        "base_cells": ("Chi bộ cơ sở", "Base cells"), "sub_cells": ("Chi bộ trực thuộc", "Sub-cells"),
        "cells_total": ("Chi bộ", "Cells"), "upper_committees": ("Đảng bộ cấp trên cơ sở",
                                                                 "Upper-level committees"),
        "partial_committees": ("Đảng bộ bộ phận", "Partial committees"),
        "sub_committees": ("Đảng bộ trực thuộc", "Committees directly under"),
        "bloc_committees": ("Đảng ủy khối", "Bloc committees"),
        "province_committees": ("Đảng bộ tỉnh, thành phố", "Provincial committees"),
        "province_bloc_committees": ("Đảng ủy khối các cơ quan tỉnh, thành phố",
                                     "Provincial agency bloc committees"),
        "fulltime_staff": ("Cán bộ chuyên trách", "Full-time party staff")}.items()},
})


def scope_label(kind, value, lang: str, sector=None) -> str:
    """A readable scope: country, a sector, a province name, a group or an organisation, with
    the sector that narrows it ('Cả nước · Doanh nghiệp ngoài nhà nước')."""
    if kind is None:
        return t("published.no_scope", lang)
    if kind == "sector":
        return t(f"sector.{value}", lang)
    if kind == "country":
        label = t("published.country", lang)
    elif kind == "organisation" and i18n.has(f"published.group.{value}"):
        label = t(f"published.group.{value}", lang)
    else:
        label = str(value)
    return f"{label} · {t(f'sector.{sector}', lang)}" if sector else label


def resolution_text(row: dict, lang: str) -> str:
    """How the figure's scope was resolved, in words ('Loại hình “Cơ quan hội quần chúng”'); the
    warehouse's own `resolved_how` (English, for SQL users) when the resolution is unknown here."""
    how, res = row.get("resolved_how") or "", row.get("resolution")
    if not res or not i18n.has(f"published.how.{res}"):
        return how
    what = scope_label(row.get("scope_kind"), row.get("scope_value"), lang)
    if res in ("country", "province") and row.get("sector"):
        return t(f"published.how.{res}_sector", lang, what=what,
                 sector=t(f"sector.{row['sector']}", lang))
    if res == "organisation":
        named = re.search(r'"(.+)"', how)
        what = named.group(1) if named else what
    n = re.search(r"subtrees of (\d+)", how)
    return t(f"published.how.{res}", lang, what=what, n=n.group(1) if n else "?")


def _num(x: float, lang: str) -> str:
    """10579 → '10.579', 8.73 → '8,73' (vi): up to two decimals, trailing zeros dropped."""
    text, mark = fmt_num(x, lang, 2), "." if lang == "en" else ","
    return text.rstrip("0").rstrip(mark)


def interval(row: dict, lang: str) -> str:
    """The warehouse values accepted for a figure: '= 640', '25.500 < x ≤ 26.775'."""
    low, high = row.get("tolerance_low"), row.get("tolerance_high")
    if low is None or high is None:
        return t("published.target", lang) if row.get("qualifier") == "target" else ""
    if low == high:
        return f"= {_num(low, lang)}"
    return (f"{_num(low, lang)} {'≤' if row.get('low_inclusive') else '<'} x "
            f"{'≤' if row.get('high_inclusive') else '<'} {_num(high, lang)}")


def dimension_value(dimension, value, lang: str) -> str:
    """'nữ', 'dân tộc thiểu số', '18–30 tuổi', 'Doanh nghiệp ngoài nhà nước' …"""
    if dimension == "sector":
        return t(f"sector.{value}", lang)
    if dimension == "age_band" and value:
        a, _, b = str(value).partition("_")
        return t("published.age_plus", lang, a=a) if b == "plus" else t("published.age", lang,
                                                                         a=a, b=b)
    key = f"published.dimval.{value}"
    return t(key, lang) if i18n.has(key) else str(value or t(f"published.dim.{dimension}", lang))


def part_text(row: dict, lang: str) -> str:
    """A part's relation: 'nữ (43,5%) · của 2.345'; '' for a total."""
    if not row.get("dimension") and not row.get("part_of_figure_id"):
        return ""
    what = dimension_value(row.get("dimension"), row.get("dimension_value"), lang) if row.get(
        "dimension") else t(f"published.metric.{row.get('metric')}", lang)
    share = row.get("share")
    if share is not None and share == share:
        pct = round(share * 100, 2)
        what += f" ({fmt_pct(share, lang, next(d for d in (0, 1, 2) if round(pct, d) == pct))})"
    whole = row.get("whole_text")
    return f"{what} · {t('published.of', lang)} {whole}" if whole else what


def document_label(title, source_name, published_on, lang: str) -> str:
    """A document by its headline (else its file name) and date: 'Đại hội … (25/01/2021)'."""
    name = title if isinstance(title, str) and title else str(source_name or "")
    name = name if len(name) <= 80 else name[:79] + "…"
    when = fmt_date(published_on, lang) if published_on is not None and published_on == \
        published_on else "–"
    return f"{name} ({when})"


def verdict(row: dict, lang: str) -> str:
    """'✓ 291.000 ≤ x ≤ 300.000', '✗ = 640', or '–' with the reason nothing was compared."""
    if row.get("agrees") is not None:
        return f"{'✓' if row['agrees'] else '✗'} {interval(row, lang)}".strip()
    if row.get("not_compared"):
        return "– " + t(f"published.not_compared.{row['not_compared']}", lang, what=t(
            f"published.dim.{row.get('dimension')}", lang))
    if row.get("metric_in_warehouse") is False:
        return f"– {t('published.not_kept', lang)}"
    if row.get("resolved") and not row.get("visible"):
        return f"– {t('published.hidden', lang)}"
    if row.get("resolved") is False:
        return f"– {t('published.unresolved', lang)}"
    return f"– {interval(row, lang)}".strip()
