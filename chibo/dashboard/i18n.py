"""Vietnamese (default) and English strings, and number/date formatting for both languages.

Keys are dotted, prefixed by where they are used ('filter.', 'nav.', 'overview.'); a page module
adds its own keys with `register({...})` at import time, so pages never edit this file.
"""

from __future__ import annotations

import datetime as dt
import math

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"

_STRINGS: dict[str, tuple[str, str]] = {
    "app.title": ("Thống kê tổ chức và đảng viên", "Party organisation and membership statistics"),
    "app.lang_switch": ("English", "Tiếng Việt"),
    "app.theme": ("Giao diện tối", "Dark theme"),
    "app.not_found": ("Không tìm thấy trang", "Page not found"),
    "app.not_found_text": ("Địa chỉ này không có trong chibo.", "This address is not part of chibo."),
    "app.back_home": ("Về trang Tổng quan", "Back to the overview"),
    "app.no_warehouse": ("Chưa có kho dữ liệu. Chạy: python -m chibo.etl demo --scale small",
                         "No warehouse yet. Run: python -m chibo.etl demo --scale small"),
    "app.unreadable": ("Kho dữ liệu tạm thời không đọc được; quản trị viên đã được cảnh báo.",
                       "The warehouse cannot be read at the moment; the administrators have "
                       "been alerted."),
    "app.outdated": ("Kho dữ liệu được dựng bằng phiên bản cũ (thiếu marts.{name}) nên chưa vẽ "
                     "được mục này: quản trị viên cần chạy python -m chibo.etl rebuild.",
                     "The warehouse was built by an older version (it lacks marts.{name}), so "
                     "this cannot be drawn yet: an administrator must run python -m chibo.etl "
                     "rebuild."),
    "filter.period": ("Thời kỳ", "Period"),
    "filter.preset.this_quarter": ("Quý này", "This quarter"),
    "filter.preset.last_quarter": ("Quý trước", "Last quarter"),
    "filter.preset.this_year": ("Năm nay", "This year"),
    "filter.preset.last_year": ("Năm trước", "Last year"),
    "filter.quarter": ("Quý {q}/{year}", "Q{q} {year}"),
    "filter.year": ("Năm {year}", "Year {year}"),
    "filter.presets": ("Khoảng thời gian", "Ranges"),
    "filter.quarters": ("Quý gần đây", "Recent quarters"),
    "filter.years": ("Từng năm", "Single years"),
    "filter.preset.12m": ("12 tháng qua", "Last 12 months"),
    "filter.preset.5y": ("5 năm qua", "Last 5 years"),
    "filter.preset.all": ("Toàn bộ", "All"),
    "filter.preset.custom": ("Tùy chọn", "Custom"),
    "filter.from": ("Từ ngày", "From"),
    "filter.to": ("Đến ngày", "To"),
    "filter.as_of": ("Số liệu tại ngày", "Stock as of"),
    "filter.region": ("Vùng", "Region"),
    "filter.province": ("Tỉnh, thành phố", "Province"),
    "filter.old": ("63 tỉnh cũ (trước 7/2025)", "63 old provinces (before July 2025)"),
    "filter.sector": ("Loại hình", "Sector"),
    "filter.org": ("Tổ chức đảng", "Party organisation"),
    "filter.org_search": ("Gõ để tìm tổ chức…", "Type to search…"),
    "filter.all": ("Tất cả", "All"),
    "filter.reset": ("Xóa bộ lọc", "Clear filters"),
    "filter.toggle": ("Bộ lọc", "Filters"),
    "notice.ignored": ("Đã bỏ qua giá trị không hợp lệ trong địa chỉ", "Ignored invalid link values"),
    "chart.csv": ("Tải dữ liệu CSV", "Download data (CSV)"),
    "chart.empty": ("Không có dữ liệu trong thời kỳ và phạm vi này",
                    "No data for this period and scope"),
    "chart.empty_for": ("Không có dữ liệu cho {scope}, {start}–{end}",
                        "No data for {scope}, {start}–{end}"),
    "chart.as_of": ("Số liệu đến", "Data as of"),
    "chart.source": ("Nguồn: kho dữ liệu chibo, thế hệ", "Source: chibo warehouse, generation"),
    "chart.national": ("Toàn quốc", "Whole country"),
    "chart.no_scope": ("Ngoài phạm vi được xem", "Outside the scope you may see"),
    "chart.and_more": ("{names} và {n} nơi khác", "{names} and {n} more"),
    "chart.period": ("Thời kỳ", "Period"),
    "chart.error": ("Không tải được biểu đồ", "Could not load the chart"),
    "chart.months": ("{n} tháng", "{n} months"),
    "chart.months.1": ("{n} tháng", "{n} month"),
    "chart.y_not_zero": ("trục tung không bắt đầu từ 0", "y axis does not start at 0"),
    "sector.commune": ("Xã, phường, thị trấn", "Commune / ward"),
    "sector.residential": ("Thôn, tổ dân phố", "Residential"),
    "sector.agency": ("Cơ quan hành chính", "Administrative agency"),
    "sector.public_service": ("Đơn vị sự nghiệp", "Public service unit"),
    "sector.state_enterprise": ("Doanh nghiệp nhà nước", "State enterprise"),
    "sector.private_enterprise": ("Doanh nghiệp ngoài nhà nước", "Private enterprise"),
    "sector.mass_association": ("Cơ quan hội quần chúng", "Mass association"),
    "sector.armed_forces": ("Lực lượng vũ trang", "Armed forces"),
    "sector.other": ("Khác", "Other"),
    "kind.province_committee": ("Đảng bộ tỉnh, thành phố", "Provincial committee"),
    "kind.central_committee": ("Đảng bộ trực thuộc Trung ương", "Central committee"),
    "kind.bloc_committee": ("Đảng ủy khối", "Bloc committee"),
    "kind.upper_committee": ("Đảng bộ cấp trên cơ sở", "Upper-level committee"),
    "kind.partial_committee": ("Đảng bộ bộ phận", "Partial committee"),
    "kind.base_committee": ("Đảng bộ cơ sở", "Base party committee"),
    "kind.base_cell": ("Chi bộ cơ sở", "Base cell"),
    "kind.sub_cell": ("Chi bộ trực thuộc", "Sub-cell"),
    "reason.death": ("Từ trần", "Died"),
    "reason.struck_off": ("Xóa tên", "Struck off"),
    "reason.expelled": ("Khai trừ", "Expelled"),
    "reason.resigned": ("Xin ra khỏi Đảng", "Resigned"),
    "reason.other": ("Lý do khác", "Other"),
    "gender.male": ("Nam", "Male"),
    "gender.female": ("Nữ", "Female"),
}


def register(strings: dict[str, tuple[str, str]]) -> None:
    """Add a page's strings: {'key': ('tiếng Việt', 'English')}. Duplicate keys are an error."""
    clash = set(strings) & set(_STRINGS)
    if clash and any(_STRINGS[k] != strings[k] for k in clash):
        raise KeyError(f"i18n keys registered twice: {sorted(clash)}")
    _STRINGS.update(strings)


def t(key: str, lang: str = DEFAULT_LANG, **fmt) -> str:
    """The string for `key` in `lang`; unknown keys come back as the key (visible, not a crash).
    With n=1 the singular `key.1` is used when there is one ('1 month', not '1 months')."""
    if str(fmt.get("n", "")) == "1" and f"{key}.1" in _STRINGS:
        key = f"{key}.1"
    pair = _STRINGS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**fmt) if fmt else text


def has(key: str) -> bool:
    return key in _STRINGS


def codes(prefix: str) -> list[str]:
    """The codes registered under `prefix` ('kind' → ['base_cell', …] from 'kind.base_cell', …)."""
    return sorted(k[len(prefix) + 1:] for k in _STRINGS if k.startswith(f"{prefix}."))


def fmt_num(x, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """10579 → '10.579' (vi) or '10,579' (en); 12.5 → '12,5' (vi); None/NaN → '–'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    s = f"{x:,.{decimals}f}"
    if lang == "en":
        return s
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def fmt_pct(x, lang: str = DEFAULT_LANG, decimals: int = 1, signed: bool = False) -> str:
    """0.125 → '12,5%' (vi); signed adds '+' for positive values."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    s = fmt_num(x * 100, lang, decimals) + "%"
    return ("+" + s) if signed and x > 0 else s


def fmt_date(d, lang: str = DEFAULT_LANG) -> str:
    """Dates are dd/mm/yyyy in both languages."""
    if d is None:
        return "–"
    if isinstance(d, str):
        d = dt.date.fromisoformat(d[:10])
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def fmt_month(d, lang: str = DEFAULT_LANG) -> str:
    """A month as mm/yyyy in both languages (2025-07-01 → '07/2025')."""
    return "–" if d is None else fmt_date(d, lang)[3:]


def plotly_separators(lang: str = DEFAULT_LANG) -> str:
    """Plotly layout.separators: decimal mark then thousands mark."""
    return ".," if lang == "en" else ",."
