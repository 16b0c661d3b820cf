"""Paragraphs and sentences of cleaned document text, blocks (a paragraph ending with ":", or a
heading in capitals, and the list items after it read as one), and the title line."""
import re

from .columns import COUNT_CELL, column_label, count_cell, period_columns, row_head, with_title_year
from .dates import is_date_line
from .infolines import spread
from .letterhead import as_party_body
from .sumrows import summed
from .tallies import tallied

_ABBREV = re.compile(r"(?:\bTP|\bTp|\bTS|\bThS|\bPGS|\bGS|\bBS|\bSt|\bNxb|\bv\.v|\bĐ/c|\bđ/c)\.$")
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”)]?\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])")
_CAPTION_LINE = re.compile(r"\s*\(?\s*(?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Hình|Photo)\s*[:.]", re.IGNORECASE)
_DATE_LINE = re.compile(r"^[\d\s/:|'.,-]+(?:[AP]M)?$|^Ngày đăng|^Người đăng")


def paragraphs(text: str) -> list[str]:
    """Non-empty lines of cleaned text (each line is a paragraph); a table row "label | N" reads
    as the label "label : N"."""
    return [_as_label(line) for line in _lines(text)]


def _as_label(line: str) -> str:
    """"| Tổng số đảng viên | 5.120 |" → "Tổng số đảng viên : 5.120" (other lines as they are)."""
    label = _TABLE_ROW_RE.sub(r"\g<label>:", line)
    return label.strip(" |") if label != line else line


def _lines(text: str) -> list[str]:
    """Non-empty lines; a line that goes on a sentence wrapped in a pasted PDF ("… hiện có" then
    "2.117 đảng viên, …") is joined to the one before it."""
    out: list[str] = []
    joinable = counted = False
    for raw in _without_page_numbers(text.split("\n")):
        line = raw.strip()
        if not line.strip("|").strip():
            joinable = False
            continue
        if (joinable and (line[0].islower() or _GOES_ON_RE.match(line)) or counted
                and _COUNTER_RE.match(line) or out and _RANGE_OPEN_RE.search(out[-1]) and _YEAR_START_RE.match(line)) \
                and "|" not in line:
            out[-1] += " " + line
        else:
            out.append(line)
        joinable = (line[-1].islower() or line[-1] in ",;") and "|" not in line  # "… 48 đảng viên;"
        counted = bool(_ENDS_WITH_COUNT_RE.search(out[-1]))  # "… kết nạp 231" then "đảng viên."
    return out


# A sentence's last word a number (not a page number's line "- 8 -"), its counter on the next line.
_ENDS_WITH_COUNT_RE = re.compile(r"[^\W\d][\w]*\s+\d{1,3}(?:\.\d{3})*$")
_COUNTER_RE = re.compile(r"(?:đảng viên|đồng chí|chi bộ|tổ chức|đảng bộ|người)(?![\wđ])")
# A range of years wrapped after its dash ("nhiệm kỳ 2015 -" / "2020, toàn Đảng bộ …").
_RANGE_OPEN_RE = re.compile(r"(?<![\d/])(?:19|20)\d\d\s*[-–]$")
_YEAR_START_RE = re.compile(r"(?:19|20)\d\d(?!\d)")
_GOES_ON_RE = re.compile(r"\d[\d.,]*\s+(?:đảng viên|chi bộ|đồng chí|tổ chức|người)(?![\wđ])")


# A table row of a label and its number ("Tổng số đảng viên | 5.120", "| Đảng viên nữ | 2.004 |").
_TABLE_ROW_RE = re.compile(r"^\|?(?P<label>\s*(?:[-+•–]\s*)?[^\W\d][^|]{2,80}?\s*)\|(?=\s*" + COUNT_CELL
                           + r"[\d.,]*(?: \d{3})*(?:\s+(?:nghìn|vạn|triệu))?\s*(?:\||$))", re.IGNORECASE)


_ITEM = re.compile(r"^\s*(?:[-+•*–]|[a-eđ]\)|\d{1,2}[.)])\s+")  # also lettered, numbered items
# A heading in capitals introducing a list ("SỐ LIỆU ĐẢNG VIÊN ĐẾN NGÀY 31/12/2019"): its date
# frames the items as a paragraph ending with ":" does.
_GLOSS_LINE = re.compile(r"^\([^()]{4,60}\)$")
_NAV_LINE = re.compile(r"^[^|>»\d]{1,25}(?:\s[|>»]\s[^|>»\d]{1,25}){2,}$")  # a menu or breadcrumb: no headline
_TABLE_TITLE_RE = re.compile(r"^(?:Bảng|Biểu|Phụ lục)(?:\s+(?:số\s+)?[\dIVX]+)?\s*[:.]", re.IGNORECASE)


def _heading(line: str) -> bool:
    return line.isupper() and 8 <= len(line) <= 120 and not re.search(r"[.!?;]", line)



# A column header naming what its cells count: "| Đại hội | Thời gian | Số đảng viên |".
_COLUMN_LABEL_RE = re.compile(r"(?:Tổng )?[Ss]ố (?:lượng )?(?:đảng viên(?: mới)?(?: được)? kết nạp(?: mới)?(?: trong năm)?|"
                              r"đảng viên|chi bộ|tổ chức cơ sở đảng)|Kết nạp(?: đảng viên)?(?: mới)?(?: trong năm)?|"
                              r"Đảng viên|Chi bộ|Tổ chức cơ sở đảng")  # or its noun alone


# A printed page's number alone on its line ("5", "- 5 -", "Trang 5") inside a sentence wrapped over
# the page break ("… với 61.417" / "5" / "đảng viên; …"): not part of the text.
_PAGE_NUMBER_RE = re.compile(r"^\s*(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*-)?\s*$", re.IGNORECASE)


def _without_page_numbers(lines: list[str]) -> list[str]:
    """The lines without a page number between a line going on and the line that goes on with it."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    drop = {i for k, i in enumerate(filled[1:-1], 1) if _PAGE_NUMBER_RE.match(lines[i])
            and re.search(r"[\w,]$", lines[filled[k - 1]].rstrip()) and lines[filled[k + 1]].strip()[0].islower()}
    return [line for i, line in enumerate(lines) if i not in drop and not (drop and not line.strip() and any(
        abs(i - d) <= 2 for d in drop))]


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _as_column_row(line: str, header: list[str] | None, title: str = "") -> str | None:
    """"| VIII | 6/1996 | hơn 2,1 triệu |" under "| Đại hội | Thời gian | Số đảng viên |" →
    "Đại hội VIII, 6/1996, Số đảng viên: hơn 2,1 triệu"; every column whose header names its
    count, not only the last ("| 2005 | 3.100.512 | 49.125 |" under "| Năm | Số đảng viên | Số tổ
    chức cơ sở đảng |"); None for other rows."""
    cells = _cells(line)
    if not header or len(cells) != len(header) or len(cells) < 2:
        return None
    if period_columns(header) and not count_cell(cells[0]):  # "Đảng viên | 1.102 | 1.137" under
        return "; ".join(f"{h}, {cells[0]}: {c}" for h, c in zip(header[1:], cells[1:])  # "Chỉ tiêu |
                         if count_cell(c)) or None                                      # Năm 2024 | Năm 2025"
    labels = [column_label(h) or (h if _COLUMN_LABEL_RE.fullmatch(h) else None) for h in header]
    counted = {i for i, c in enumerate(cells) if i and labels[i] and count_cell(c)}
    if not counted:
        return None
    first = row_head(header[0], with_title_year(cells[0], title))
    rest = [f"{labels[i]}: {c}" if i in counted else f"{h.lower()} {c}" if h.lower() == "năm" else c
            for i, (h, c) in enumerate(zip(header, cells)) if i]
    return ", ".join([first] + rest)  # "Đại hội III, năm 1960, …"


# A bare total in a list ("+ Tổng số: 3.874 đồng chí") under a paragraph naming what the list counts
# ("Cơ cấu đội ngũ đảng viên … tính đến ngày 31/12/2025:"): the total of that noun.
_BARE_TOTAL_RE = re.compile(r"(?<=^[-+•*–] )\s*(?:Tổng số|Tổng cộng|Tổng)\s*:", re.IGNORECASE)
_TOTAL_OF_RE = re.compile(r"đảng viên|tổ chức cơ sở đảng|chi bộ", re.IGNORECASE)


def blocks(text: str) -> list[list[str]]:
    """Paragraphs grouped so that list items stay with the paragraph introducing them, and a
    table's rows with its header (a row under a header naming its last column's count is read
    as that count: "Đại hội VIII, 6/1996, Số đảng viên: hơn 2,1 triệu")."""
    out: list[list[str]] = []
    table = False  # the previous line was a table's row (or its header)
    header: list[str] | None = None
    for line in tallied(summed(_lines("\n".join(spread(text.split("\n")))))):
        header = (header if table else _cells(line)) if "|" in line else None
        para = _as_column_row(line, header, out[-1][0] if out else "") if table else None
        para = para or _as_label(line)
        row = "|" in line and (table or bool(out) and (_heading(out[-1][0]) or bool(
            _GLOSS_LINE.match(out[-1][-1]) or _TABLE_TITLE_RE.match(out[-1][-1]))))
        # under a heading, "(Số liệu tính đến …)" or "Bảng 1: …" too
        table = "|" in line
        if out and _ITEM.match(para) and (noun := _TOTAL_OF_RE.search(out[-1][0])):
            para = _BARE_TOTAL_RE.sub(lambda m: f"{m[0][:-1].rstrip()} {noun[0]}:", para)
        if out and (row or _ITEM.match(para) and (out[-1][-1].endswith(":") or _ITEM.match(
                out[-1][-1]) or _heading(out[-1][0]))):
            out[-1].append(para)  # list items, or a table's rows
        elif out and len(out[-1]) == 1 and _heading(out[-1][0]) and _GLOSS_LINE.match(para):
            out[-1].append(para)  # "ĐẢNG BỘ HUYỆN …" then "(tính đến ngày 31/12/2023)"
        else:
            out.append([para])
    if out and len(out[0]) == 1:
        out[0][0] = as_party_body(out[0][0])  # a letterhead: "TẬP ĐOÀN …" alone on the first line
    return out


def sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph; "TP. Hồ Chí Minh" and similar abbreviations do not end one."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        piece = paragraph[start:m.start()]
        if _ABBREV.search(piece.rstrip("\"”)")):
            continue
        out.append(paragraph[start:m.end()].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


_CAPS_COUNT_RE = re.compile(r"\d[\d.,]*\s+(?:ĐẢNG VIÊN|CHI BỘ|TỔ CHỨC CƠ SỞ ĐẢNG|ĐỒNG CHÍ)")  # "… KẾT NẠP 41 ĐẢNG VIÊN …"


def title(text: str) -> str | None:
    """The headline: the first line of six or more words that is not all capitals (unless the
    dateline follows it: "NGHỆ AN: ĐẢNG BỘ TỈNH CÓ HƠN 20 VẠN ĐẢNG VIÊN"), a date or a photo
    caption ("Ảnh: Lễ kết nạp đảng viên tại …"), a list item, a table row or a line in brackets."""
    lines = _lines(text)[:15]
    for i, line in enumerate(lines):
        dated = i + 1 < len(lines) and is_date_line(lines[i + 1]) or i == 0 and _CAPS_COUNT_RE.search(line)
        if len(line.split()) >= 6 and (not line.isupper() or dated) and not _DATE_LINE.search(
                line) and not _CAPTION_LINE.match(line) and not _ITEM.match(line) \
                and not _GLOSS_LINE.match(line) and not _NAV_LINE.match(line) and not line.startswith("|") \
                and not _TABLE_ROW_RE.match(line):
            return line
    return None


# A list of counts by date under a headline naming what they count: "Số đảng viên Đảng bộ tỉnh …
# qua các năm" over "- Năm 2005: 52.304", "- Ngày 1/1/1997 (tái lập tỉnh): 39.876"; "Số đảng viên
# qua một số kỳ Đại hội:" over "- Đại hội VI (tháng 12/1986): hơn 2,1 triệu;".
OVER_TIME_RE = re.compile(r"^Số (?:lượng )?(?P<noun>đảng viên|chi bộ|tổ chức cơ sở đảng|đảng viên mới được kết nạp)"
                           r"(?![\wđ]).*?(?:qua|tại) (?:các |một số |những )?(?:kỳ |lần )?(?:năm|thời kỳ|giai đoạn|"
                           r"nhiệm kỳ|đại hội)(?![\wđ])", re.IGNORECASE)
DATED_ITEM_RE = re.compile(r"\s*[-+•*–]\s+(?:(?:[Nn]ăm|[Cc]uối năm|[Nn]gày|[Tt]háng) [\d/]{4,10}|Đại hội (?:lần thứ )?"
                           r"[IVXLC]+)(?:\s*\([^()]{1,30}\))?\s*:\s*(?:khoảng |gần |hơn |trên |ngót |xấp xỉ )?"
                           r"\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?(?: (?:triệu|vạn|nghìn))?[.;]?")


def with_noun(item: str, noun: str) -> str:
    """A dated item's count followed by the noun its heading names, before its closing mark."""
    end = len(item.rstrip(" .;"))
    return item[:end] + noun + item[end:]
