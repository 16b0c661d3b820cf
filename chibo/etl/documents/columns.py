"""Columns of pasted tables: the header that names what a column counts, said the short way a
spreadsheet or a report's table says it, and the cells that hold a count.

| header (a unit in brackets and a time word after it are dropped) | read as |
|---|---|
| "Kết nạp", "Số kết nạp (đồng chí)", "Kết nạp mới", "Đảng viên mới", "Số ĐV kết nạp" | Số đảng viên kết nạp |
| "Số TCCSĐ", "TCCSĐ", "Tổ chức cơ sở đảng (tổ chức)" | Số tổ chức cơ sở đảng |
| "Tổng số đảng viên cuối năm", "Số ĐV", "Đảng viên (người)", "Số đảng viên hiện có" | Số đảng viên |
| "Số chi bộ", "Chi bộ trực thuộc" | Số chi bộ (trực thuộc) |
| any of these with its own time: "Kết nạp năm 2024", "Số đảng viên (2025)", "Kết nạp 6 tháng" | the label, then "năm 2024", "6 tháng đầu năm" |

A header of periods ("Chỉ tiêu | Năm 2024 | Năm 2025", "| Nhiệm kỳ 2020 - 2025 | Nhiệm kỳ 2015 - 2020")
dates each column: a row's label counts its cells, one per period ("Đảng viên | 1.102 | 1.137").

A count cell is a number, after a qualifier if any ("~ 1,73 triệu", "khoảng gần 230.000",
"ngót nghét 3.000"), as numbers.py reads qualifiers.
"""
import re

from .numbers import QUALIFIER_WORDS

_UNIT = r"(?:\s*\((?:đồng chí|người|đảng viên|tổ chức|chi bộ|đv|đ/c)\))?"
_WHEN = r"(?:\s+(?:cuối năm|cuối kỳ|trong năm|hiện có|năm|cuối quý))?"
COLUMN_LABELS: list[tuple[re.Pattern, str]] = [(re.compile(f"(?:{p}){_WHEN}{_UNIT}{_WHEN}", re.IGNORECASE), label)
                                             for p, label in [
    (r"(?:Tổng )?(?:Số )?(?:(?:đảng viên|ĐV) (?:được )?)?[Kk]ết nạp(?: (?:đảng viên|ĐV))?(?: mới)?|"
     r"(?:Số )?(?:đảng viên|ĐV) mới", "Số đảng viên kết nạp"),
    (r"(?:Tổng )?(?:Số )?(?:TCCSĐ|TCCS đảng|tổ chức cơ sở đảng)", "Số tổ chức cơ sở đảng"),
    (r"(?:Tổng )?(?:Số )?(?:đảng viên|ĐV)", "Số đảng viên"),
    (r"(?:Tổng )?(?:Số )?chi bộ trực thuộc", "Số chi bộ trực thuộc"),
    (r"(?:Tổng )?(?:Số )?chi bộ", "Số chi bộ"),
]]
_QUALIFIERS = "|".join(re.escape(q) for q, _ in sorted(QUALIFIER_WORDS, key=lambda w: -len(w[0])))
COUNT_CELL = r"(?:(?:" + _QUALIFIERS + r")\s*)?\d"
_COUNT_CELL_RE = re.compile(COUNT_CELL, re.IGNORECASE)


# A header's own time after what it counts: "Kết nạp năm 2024", "Số đảng viên (2025)", "Kết nạp quý I".
_HEADER_TIME_RE = re.compile(r"\s+\(?(?P<time>(?:năm|quý|tháng)\s+[\dIV]+(?:/\d{4})?|\d{4}|\d{1,2} tháng(?= đầu năm|\)?$))"
                             r"(?: đầu năm)?\)?$", re.IGNORECASE)  # "Kết nạp 6 tháng": the months from January


def column_label(header: str) -> str | None:
    """What a column counts, as a label the figure reader knows, with the header's own time if any
    ("Kết nạp năm 2024" → "Số đảng viên kết nạp năm 2024"); None for other columns."""
    header = header.strip()
    timed = _HEADER_TIME_RE.search(header)
    for rx, label in COLUMN_LABELS:
        if rx.fullmatch(header):
            return label
        if timed and rx.fullmatch(header[:timed.start()]):
            time = timed["time"]
            return f"{label} {time + ' đầu năm' if time.endswith('tháng') else time if not time.isdigit() else 'năm ' + time}"
    return None


def count_cell(cell: str) -> bool:
    """A table cell holding a count ("742", "~ 1,73 triệu", "khoảng gần 230.000")."""
    return bool(_COUNT_CELL_RE.match(cell))


# A first column's header that only says what kind of row it is ("Thời gian", "Đơn vị", "Nội dung"):
# the row's own first cell is read alone ("Kế hoạch năm 2025, …": a plan; "Huyện Cao Lộc, …": a body).
_GENERIC_HEAD_RE = re.compile(r"(?:Thời gian|Thời điểm|Kỳ báo cáo|Kỳ|Giai đoạn|Tên đơn vị|Đơn vị|Địa phương|"
                              r"Nội dung|Chỉ tiêu|Danh mục)(?: báo cáo)?", re.IGNORECASE)


def row_head(header: str, cell: str) -> str:
    """A row's first cell as the reader meets it: after its column's header ("Đại hội VIII", "Năm
    2005") unless it names it already or the header is generic."""
    if cell.lower().startswith(header.lower()) or _GENERIC_HEAD_RE.fullmatch(header.strip()):
        return cell
    return f"{header} {cell}"


# A row's quarter or month without its year ("Quý I", "Tháng 10") under a title that states one
# ("KẾT QUẢ KẾT NẠP ĐẢNG VIÊN 9 THÁNG NĂM 2025 - …"): that year's.
_YEARLESS_HEAD_RE = re.compile(r"^(?:Quý [IV]+|Tháng \d{1,2})(?![\w/.-])(?!\s*(?:năm|/)\s*\d)", re.IGNORECASE)
_TITLE_YEAR_RE = re.compile(r"(?<![\w/.-])(?:năm|NĂM)\s+(\d{4})(?![\w/.-])")


def with_title_year(head: str, title: str) -> str:
    """"Quý I" → "Quý I năm 2025" when the table's title states the one year 2025."""
    m = _YEARLESS_HEAD_RE.match(head)
    years = {y for y in _TITLE_YEAR_RE.findall(title)}
    return f"{m.group(0)} năm {years.pop()}{head[m.end():]}" if m and len(years) == 1 else head


# A column header that is only a time: "Năm 2024", "2025", "Nhiệm kỳ 2020 - 2025", "Quý I/2025",
# "Tháng 10/2025", "Đến 31/12/2024", "Cuối năm 2023".
_PERIOD_HEAD_RE = re.compile(r"(?:(?:năm|nhiệm kỳ|giai đoạn|cuối năm|(?:tính )?đến(?: ngày| hết)?|quý [IV]+|"
                             r"tháng \d{1,2})\s*/?\s*)?(?:\d{1,2}/)?(?:\d{1,2}/)?(?:19|20)\d\d"
                             r"(?:\s*[-–]\s*(?:19|20)\d\d)?", re.IGNORECASE)


def period_columns(header: list[str]) -> bool:
    """Every column after the first headed by a time alone (two or more of them)."""
    return len(header) >= 3 and all(_PERIOD_HEAD_RE.fullmatch(h.strip()) for h in header[1:])
