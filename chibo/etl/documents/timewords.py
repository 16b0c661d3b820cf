"""Periods written in other words than periods.py's, rewritten to the forms it reads before the page is
read (as wordsdates.py does for dates in words):

| written | read as |
|---|---|
| nửa đầu năm (2025), nửa cuối năm 2024 | 6 tháng đầu năm (2025), 6 tháng cuối năm 2024 |
| quý đầu (tiên của) năm (2025), quý cuối năm 2024 | quý I năm (2025), quý IV năm 2024 |
| Hai (Ba) quý đầu năm (2025 / nay); (quý) I và (quý) II/2025, quý I, II và III năm 2024 (the quarters from the first) | 6 (9) tháng đầu năm (2025 / nay), 6 tháng đầu năm 2025, 9 tháng đầu năm 2024 |
| tháng Giêng, Tháng Hai … tháng Chạp (a month's name with its capital; not "Cách mạng Tháng Tám") | tháng 1, Tháng 2 … tháng 12 |
| "Sau (hơn) nửa nhiệm kỳ,", "Nửa đầu nhiệm kỳ,", "Nửa nhiệm kỳ qua (2020 - 2025)," (the term's years in brackets, else the term named before, else after) | Từ đầu nhiệm kỳ 2020 - 2025 đến nay |
| đầu kỳ (báo cáo), cuối kỳ (báo cáo) in a report whose heading reviews a year ("BÁO CÁO TỔNG KẾT CÔNG TÁC ĐẢNG NĂM 2024") | đầu kỳ (1/1/2024), cuối kỳ (31/12/2024) |
| "Đầu năm 2024," "Đầu năm nay," before a stock (not "từ đầu năm", "tháng đầu năm") | Đầu năm 2024 (1/1/2024), Đầu năm nay (ngày 1/1) |
| từ khi (ngày) đặc khu (Vân Đồn) / xã mới / phường mới / chính quyền (địa phương) hai cấp (chính thức) đi vào hoạt động (vận hành) đến nay | the same, glossed "(1/7/2025)" before "đến nay" (the day the units of the 2025 reorganisation began) |
| (các) tháng 10, 11 và 12/2024, tháng 10, 11, 12 năm 2024 (months that follow each other, not counted "lần lượt") | từ tháng 10 đến tháng 12/2024 |
| "Kết nạp từ 01/01/2026" (a count's label giving its first day and no last) | Kết nạp từ 01/01/2026 đến nay |
| "nhiệm kỳ 2015 -" at a line's end, "2020, …" opening the next (a PDF's wrapped line) | nhiệm kỳ 2015 - 2020, … |
| "Trước ngày 1/7/2025," opening a clause of stocks | "Đến ngày 30/6/2025," (the day before) |
| "; 9 tháng kết nạp 21", "6 tháng đã kết nạp 17" (months counted right before the admissions) | 9 tháng đầu năm kết nạp 21 |
| (trong) học kỳ I (1) (của) năm học 2025 - 2026 | từ đầu năm học 2025 - 2026 đến nay (the first semester so far, from 1 September) |
| Đại hội lần thứ XX (2000), lần thứ XXI (2005) (a congress's number with its year) | … (năm 2000) |
| (trong) thập niên (thập kỷ) 2001 - 2010 | giai đoạn 2001 - 2010 |
| "Năm 2005, …. Mười năm sau, …", "Đến năm 1996, …; mười năm sau, …" (years after the last year the line names) | Năm 2015, …; năm 2006, … |
| Sau (gần, hơn) 3 (ba) tháng vận hành (hoạt động) (của) (mô hình) chính quyền (địa phương) hai cấp / chính quyền đặc khu / xã mới | Từ ngày 1/7/2025 đến nay (the months counted from that day) |
| "Từ đầu nhiệm kỳ 2020 - 2025 đến (hết, cuối) tháng 6/2024" (a term's start to a month before its end) | Từ năm 2020 đến (hết, cuối) tháng 6/2024 |
| "Từ ngày 1/7/2025 (ngày phường mới đi vào hoạt động) đến …" (a gloss after a range's first day) | Từ ngày 1/7/2025 đến … |
| "Năm 2025 (tính đến hết tháng 11)", "Năm 2025 (tính đến ngày 20/11)" (a year so far, to the bracket's month or day) | Từ đầu năm đến hết tháng 11/2025, Từ đầu năm đến ngày 20/11/2025 |
| "Nhân (Đúng) dịp … (19/5)", "Chào mừng … (26/3)", "Hướng tới … (2/9)" (an occasion's day and month in brackets) | … (ngày 19/5): the day the occasion's ceremony or meeting was held (an event, dating.py) |
"""
from __future__ import annotations

import re

from .frames import _YEAR_REVIEW_RE
from .meetingdays import meeting_days
from .mergerdays import merger_days
from .mergers import day_before, merger_eves
from .yearslater import years_later

_HALF_RE = re.compile(r"(?<![\wđ])([Nn])ửa (đầu|cuối) năm(?![\wđ])")
_QUARTER_RE = re.compile(r"(?<![\wđ])([Qq])uý (đầu|cuối)(?: tiên)?(?: của)? năm(?![\wđ])")
_MONTHS = {"Giêng": 1, "Hai": 2, "Ba": 3, "Tư": 4, "Năm": 5, "Sáu": 6, "Bảy": 7, "Tám": 8, "Chín": 9,
           "Mười Một": 11, "Mười Hai": 12, "Mười một": 11, "Mười hai": 12, "Mười": 10, "Chạp": 12}
_MONTH_RE = re.compile(r"(?<![\wđ])(?<!mạng )([Tt])háng (" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?![\wđ])")
_TERM_RE = re.compile(r"nhiệm kỳ (?P<y0>(?:19|20)\d{2}) ?[-–] ?(?P<y>(?:19|20)\d{2})")
_HALF_TERM_RE = re.compile(r"(?<![\wđ])(?:([Ss])au (?:hơn )?nửa|([Nn])ửa(?: đầu)?) nhiệm kỳ(?: (?:vừa )?qua)?(?:\s*\((?P<y0>(?:19|20)\d{2})"
                           r"\s*[-–]\s*(?P<y>(?:19|20)\d{2})\))?(?=\s*,)")
_SINCE_2025_RE = re.compile(r"(?<![\wđ])([Tt]ừ|[Kk]ể từ) (?:khi|ngày) (?:đặc khu(?: [A-ZĐ]\w*)*|xã mới|phường mới|"
                            r"chính quyền (?:địa phương )?(?:hai|2) cấp)"
                            r"(?: mới)?(?: chính thức)?(?: đi vào)? (?:hoạt động|vận hành)(?: chính thức)?(?= đến nay)")


_QUARTERS_RE = re.compile(r"(?<![\wđ])(?:(?P<n>[Hh]ai|[Bb]a|[23]) quý đầu(?: tiên)?(?: của)? năm|"
                          r"(?P<q>[Qq])uý I(?:,? (?:quý )?II)?(?:,? và (?:quý )?(?P<last>III|II))(?:\s*/\s*|\s+năm\s+)?"
                          r"(?P<y>(?:19|20)\d{2})?)(?![\wđ])")


def _quarters(m: re.Match) -> str:
    """"Hai quý đầu năm", "quý I và quý II/2025": the months of those quarters from 1 January."""
    count = 3 if (m["n"] or "").lower() in ("ba", "3") or m["last"] == "III" else 2
    if m["n"]:
        return f"{'6' if count == 2 else '9'} tháng đầu năm"
    return f"{3 * count} tháng đầu năm" + (f" {m['y']}" if m["y"] else "")

_AFTER_MONTHS_RE = re.compile(r"(?<![\wđ])([Ss])au (?:gần |hơn |khoảng )?(?:\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|"
                              r"mười) tháng (?:đi vào )?(?:vận hành|hoạt động)(?: chính thức)?(?: của)?(?: mô hình)? "
                              r"(?:chính quyền (?:địa phương )?(?:hai|2) cấp|chính quyền đặc khu|đặc khu|xã mới|phường mới)"
                              r"(?![\wđ])")

_LISTED_MONTHS_RE = re.compile(r"(?<![\wđ])(?P<t>(?:[Cc]ác )?[Tt])háng (?P<ms>\d{1,2}(?:, \d{1,2})*(?:,? và |, )\d{1,2})"
                               r"(?P<y>\s*/\s*(?:19|20)\d{2}| năm (?:19|20)\d{2})(?![^.;]*lần lượt)")


def _listed_months(m: re.Match) -> str:
    """"các tháng 10, 11 và 12/2024": one run of months, from the first to the last."""
    months = [int(x) for x in re.findall(r"\d{1,2}", m["ms"])]
    if months != list(range(months[0], months[0] + len(months))) or months[-1] > 12:
        return m.group(0)
    return f"{'T' if m['t'][0].isupper() else 't'}ừ tháng {months[0]} đến tháng {months[-1]}/{m['y'].strip(' /năm')}"


_ADMITTED_FROM_RE = re.compile(r"(?<![\wđ])[Kk]ết nạp(?: mới)?(?: đảng viên)? từ (?:ngày )?\d{1,2}/\d{1,2}/(?:19|20)\d{2}"
                               r"(?!\s*(?:đến|tới|[-–/]|\d))")
_WRAPPED_TERM_RE = re.compile(r"(?<![\wđ])((?:nhiệm kỳ|giai đoạn|[Nn]ăm học) (?:19|20)\d{2}) ?([-–])[ \t]*\n[ \t]*((?:19|20)\d{2})"
                              r"(?!\d)")
_BEFORE_DAY_RE = re.compile(r"(?<![\wđ])([Tt])rước (?:ngày )?(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?=\s*,)")


def _half(m: re.Match) -> str:
    return ("6" if m[1] == "N" else "sáu") + f" tháng {m[2]} năm"


def _quarter(m: re.Match) -> str:
    return f"{m[1]}uý {'I' if m[2] == 'đầu' else 'IV'} năm"


def _half_term(text: str):
    def sub(m: re.Match) -> str:
        term = m if m["y0"] else None  # "Nửa nhiệm kỳ qua (2020 - 2025), …"
        for t in [] if term else _TERM_RE.finditer(text, 0, m.start()):
            term = t
        term = term or _TERM_RE.search(text, m.end())  # else the term the text names after it
        if term is None:
            return m.group(0)
        opening = "T" if (m[1] or m[2]).isupper() else "t"
        return f"{opening}ừ đầu nhiệm kỳ {term['y0']} - {term['y']} đến nay"
    return sub


_TERM_ENDS_RE = re.compile(r"(?<![\wđ])(đầu|cuối) kỳ( báo cáo)?(?![\wđ])(?!\s*\()")


def _report_ends(text: str) -> str:
    """"Số đảng viên đầu kỳ: 58" in a report of a year: its opening and closing days."""
    head = [line.strip() for line in text.split("\n")[:4] if 0 < len(line.strip()) <= 90]
    review = next(filter(None, map(_YEAR_REVIEW_RE.search, head)), None)
    if review is None:
        return text
    y = review["y"]
    return _TERM_ENDS_RE.sub(lambda m: f"{m[0]} ({'1/1' if m[1] == 'đầu' else '31/12'}/{y})", text)


# "Đầu năm 2024, Đảng bộ xã có 612 đảng viên": the year's first day (not "từ đầu năm 2024 đến …", "6
# tháng đầu năm 2024", nor admissions "Đầu năm 2024, … kết nạp …").
_YEAR_START_RE = re.compile(r"(?<![\wđ])(?<!từ )(?<!tháng )(?<!quý )(?<!ửa )([Đđ]ầu năm (?:(?P<y>(?:19|20)\d{2})|nay))"
                            r"(?=\s*,[^.;\n]{0,80}?\s(?:có|còn|gồm)\s)")  # before a stock: "…, Đảng bộ xã có 612 …"


# Months counted right before the admissions of a review ("…; 9 tháng kết nạp 21 đảng viên"): the year's first.
_MONTHS_ADMITTED_RE = re.compile(r"(?:(?<=[;:,] )|(?<=^))(\d{1,2}|sáu|chín|ba) tháng(?= (?:đã )?kết nạp )", re.MULTILINE)
_SEMESTER_RE = re.compile(r"(?<![\wđ])(?:([Tt])rong )?([Hh])ọc kỳ (?:I|1) (?:của )?năm học ((?:19|20)\d{2} ?[-–] ?(?:19|20)\d{2})")
_CONGRESS_YEAR_RE = re.compile(r"((?:Đại hội|lần thứ) [IVXLC]{1,6} \()((?:19|20)\d{2})(?=\))")
_DECADE_RE = re.compile(r"(?<![\wđ])([Tt])hập (?:niên|kỷ) (?=(?:19|20)\d{2} ?[-–] ?(?:19|20)\d{2})")


_LATER_COUNTS = {"mười": 10, "hai mươi": 20, "ba mươi": 30, "hai": 2, "ba": 3, "bốn": 4, "năm": 5}
_YEARS_LATER_RE = re.compile(r"(?<![\wđ])(?P<n>\d{1,2}|" + "|".join(_LATER_COUNTS) + r") năm sau(?=\s*,)", re.IGNORECASE)
_NAMED_YEAR_RE = re.compile(r"(?<![\wđ/])[Nn]ăm ((?:19|20)\d{2})(?![\d/])")


def _years_later(line: str) -> str:
    """"Mười năm sau," counted from the last year the line names before it (the line as written)."""
    def sub(m: re.Match) -> str:
        anchor = list(_NAMED_YEAR_RE.finditer(line, 0, m.start()))
        if not anchor:
            return m.group(0)
        n = int(m["n"]) if m["n"].isdigit() else _LATER_COUNTS[m["n"].lower()]
        return f"{'N' if m['n'][0].isupper() else 'n'}ăm {int(anchor[-1][1]) + n}"
    return _YEARS_LATER_RE.sub(sub, line)


def _semester(m: re.Match) -> str:
    opening = m[1] or m[2]
    return f"{'T' if opening.isupper() else 't'}ừ đầu năm học {m[3]} đến nay"


_TERM_TO_MONTH_RE = re.compile(r"(?<![\wđ])([Tt])ừ đầu nhiệm kỳ ((?:19|20)\d{2}) ?[-–] ?(?:19|20)\d{2},? ((?:đến|tới) (?:hết |cuối )?tháng)")
_GLOSSED_FIRST_DAY_RE = re.compile(r"(?<![\wđ])([Tt]ừ (?:ngày )?\d{1,2}/\d{1,2}(?:/(?:19|20)\d{2})?)\s*\([^()\d]{3,80}\)(?=\s*,?\s*(?:đến|tới) )")
_YEAR_SO_FAR_RE = re.compile(r"(?<![\wđ/])([Nn])ăm ((?:19|20)\d{2})\s*\(\s*(?:tính )?(?:đến|tới) (hết tháng \d{1,2}|ngày \d{1,2}/\d{1,2})\s*\)")


OCCASION_RE = re.compile(r"(?<![\wđ])((?:[Dd]ịp|[Cc]hào mừng|[Hh]ướng tới)(?![\wđ])[^.;()\n]{3,90}?\()(\d{1,2}/\d{1,2}\))")


def _later_periods(text: str) -> str:
    """The last four rows of the module docstring's table."""
    text = OCCASION_RE.sub(r"\1ngày \2", _TERM_TO_MONTH_RE.sub(r"\1ừ năm \2 \3", text))
    text = _GLOSSED_FIRST_DAY_RE.sub(r"\1", text)
    return _YEAR_SO_FAR_RE.sub(lambda m: f"{'T' if m[1] == 'N' else 't'}ừ đầu năm đến {m[3]}/{m[2]}", text)


def periods_in_words(text: str) -> str:
    """text with the periods of the module docstring rewritten."""
    text = meeting_days(merger_days(_later_periods(_report_ends(text))))  # mergerdays.py, meetingdays.py
    text = _HALF_RE.sub(_half, text)
    text = _QUARTERS_RE.sub(_quarters, text)
    text = _QUARTER_RE.sub(_quarter, text)
    text = _MONTH_RE.sub(lambda m: f"{m[1]}háng {_MONTHS[m[2]]}", text)
    text = _LISTED_MONTHS_RE.sub(_listed_months, text)
    text = _WRAPPED_TERM_RE.sub(r"\1 \2 \3", text)
    text = _ADMITTED_FROM_RE.sub(lambda m: f"{m[0]} đến nay", text)
    text = _BEFORE_DAY_RE.sub(lambda m: day_before(m, "đến ngày"), merger_eves(years_later(text)))  # mergers.py, yearslater.py
    text = _AFTER_MONTHS_RE.sub(lambda m: f"{'T' if m[1] == 'S' else 't'}ừ ngày 1/7/2025 đến nay", text)
    text = _SINCE_2025_RE.sub(lambda m: f"{m[0]} (1/7/2025)", text)
    text = _HALF_TERM_RE.sub(_half_term(text), text)
    text = _MONTHS_ADMITTED_RE.sub(lambda m: f"{m[1]} tháng đầu năm", _SEMESTER_RE.sub(_semester, text))
    text = "\n".join(_years_later(line) if "năm sau" in line else line for line in text.split("\n"))
    text = _DECADE_RE.sub(lambda m: f"{'G' if m[1] == 'T' else 'g'}iai đoạn ", _CONGRESS_YEAR_RE.sub(r"\1năm \2", text))
    return _YEAR_START_RE.sub(lambda m: f"{m[1]} ({'1/1/' + m['y'] if m['y'] else 'ngày 1/1'})", text)
