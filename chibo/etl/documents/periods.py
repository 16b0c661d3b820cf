"""Time expressions in a sentence and what they make of a figure: the day it counts (as_of) and,
for admissions, the first day counted (period_from).

| written | kind | as_of | period_from (admissions) |
|---|---|---|---|
| 31/12/2022, ngày 10 tháng 9 năm 2018, "Chiều 21/6", "Sáng 5-1", "Hôm qua (17/10)", "Sáng qua", "Chiều hôm qua" (the day before the document), "Sáng hôm kia" (two days before), "Sáng nay" (the document's day) (not a round: "đợt 2/9/2019") | date | that day (day and month resolved against the document's date: never after it) | — |
| tháng 6/2023, cuối tháng 11/2024; "tháng 6 vừa qua" (the last June up to the reference day) | month | last day of the month | first day of the month |
| quý I/2023 | quarter | last day of the quarter | first day of the quarter |
| 6 (9) tháng đầu năm (2024), chín tháng năm 2025 | months | last day of the 6th (9th) month | 1 January |
| năm 2006, trong năm 2021 | year | 31/12 (the reference day when it falls inside that year, for all but targets) | 1 January |
| cuối năm 2024, hết năm 2022; cuối năm (nay) | year_end | 31/12 (of the reference day's year) | — |
| năm học 2022 - 2023 | school_year | 31/8 of the last year | 1/9 of the first |
| trong năm học, năm học qua (dating.py: of the school year named before, else the reference day's) | school_ytd | the reference day (31/8 when past) | 1/9 |
| từ (năm) 2011 đến (hết) năm 2017, giai đoạn 2016 - 2020, nhiệm kỳ 2015 - 2020, (2021 - 2023), ba năm 2021 - 2023 | range | 31/12 of the last year (the reference day when inside it) | 1 January of the first year |
| trong 5 năm qua, 5 năm gần đây | back | the reference day | 1 January five years before its year |
| từ đầu năm đến hết tháng 9/2024, (tính) đến hết tháng 5/2024, đến hết quý II/2024 | months | last day of that month | 1 January |
| Tháng Tám năm 1945 | month | last day of the month | first day of the month |
| từ đầu năm (từ ngày 1/1) đến (ngày) 31/8 | to_day | that day | 1 January of its year |
| từ ngày 15/3/2023 đến ngày 15/3/2024, "Từ ngày thành lập (1/7/2025) đến hết năm 2025" | day_range | the last day | the first day |
| từ năm 2015 đến nay, từ ngày 1/7/2025 đến nay, "Từ khi thành lập (tháng 2/2025) đến nay", "Từ đầu nhiệm kỳ 2020 - 2025 đến nay" | since | the document's date | 1 January of that year |
| từ đầu năm (đến nay), trong năm, năm qua, năm nay; năm ngoái | ytd | the reference day (in a January review, "trong năm"/"năm qua" is the year before, as "năm ngoái" always: its 31/12); a target's: its year's 31/12 | 1 January of its year |
| hiện, hiện nay, hiện tại | now | the reference day | — |
| đến nay, tính đến nay, hôm nay (of a speech), "Sau hợp nhất," | today | the document's date | — |
| nhiệm kỳ qua, những năm qua, thời gian qua | vague | the reference day | unknown |
| khi (mới) thành lập, khi ra đời (of the Party: the country's figures only) | founding | 3/2/1930 | — |
| những năm 1980, thập niên 1990 (a decade) | unknown | none | — |

The reference day is the nearest date before in the sentence, else the date of the event the paragraph
reports ("Sáng 15/10, Đại hội …"), else the document's date. A term named with its congress ("Đại hội …
nhiệm kỳ 2025 - 2030") or ending after the document's year is a name, not a period.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from .vocabulary import fold, folded
from .when import When, day_of
from .when import mk as _mk
from .when import month_end as _month_end

_Y = r"(?P<y>(?:19|20)\d{2})"
_DM = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})"
_MONTH_COUNT = r"hai|ba|bốn|sáu|bảy|tám|chín|mười một|mười"
MONTH_COUNTS = _MONTH_COUNTS = {"hai": 2, "ba": 3, "bon": 4, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# (kind, pattern) in order of precedence at the same end position.
PATTERNS: list[tuple[str, str]] = [
    ("range", r"(?:từ\s+)?năm\s+(?P<y0>(?:19|20)\d{2})\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?"
     + _Y),
    ("range", r"từ\s+(?P<y0>(?:19|20)\d{2})\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?" + _Y),
    ("range", r"(?:giai đoạn|nhiệm kỳ|thời kỳ|trong)\s+(?P<y0>(?:19|20)\d{2})\s*[-–]\s*" + _Y),
    ("range", r"\(\s*(?P<y0>(?:19|20)\d{2})\s*[-–]\s*" + _Y + r"\s*\)"),
    # years joined by "và" framing a clause ("Năm 2023 và 2024, … kết nạp tổng cộng 887", "Trong hai
    # năm 2023 và 2024, …"): from the first to the last (a list counted "lần lượt" is each year's)
    ("range", r"năm\s+(?P<y0>(?:19|20)\d{2})\s*(?:,\s*(?:năm\s+)?(?:19|20)\d{2}\s*)*\s+và\s+(?:năm\s+)?" + _Y
     + r"\s*,(?![^.;]*lần lượt)"),
    ("range", r"(?<![\w])(?:\d{1,2}|hai|ba|bốn|năm|mười)\s+năm\s+(?P<y0>(?:19|20)\d{2})\s*[-–]\s*"
     + _Y),  # "ba năm 2021 - 2023": years counted, then the range
    ("since", r"từ\s+(?:ngày\s+)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m0>\d{1,2})(?:\s*[/.-]\s*" + _Y
     + r")?\s*,?\s*(?:đến|tới)\s+nay"),  # from a day: "Từ ngày 1/7/2025 đến nay", "từ ngày 1/7 đến nay"
    ("since", r"từ\s+(?:tháng\s+(?P<m0>\d{1,2})\s*[/-]\s*|năm\s+)?" + _Y + r"\s+(?:đến|tới)\s+nay"),
    ("since", r"từ\s+tháng\s+(?P<m0>\d{1,2})(?!\s*[/-]\s*\d)\s*,?\s+(?:đến|tới)\s+nay"),  # "Từ tháng 7 đến nay"
    # from an event glossed by its day or month, or from the start of a term: "Từ khi đi vào
    # hoạt động (1/7/2025) đến nay", "Từ khi thành lập (tháng 2/2025) đến nay", "Từ đầu nhiệm kỳ
    # 2020 - 2025 đến nay"
    ("since", r"từ\s+[^.;()]{0,60}?\(\s*(?:ngày\s+)?(?:(?P<d>\d{1,2})\s*[/.-]\s*|tháng\s+)"
     r"(?P<m0>\d{1,2})\s*[/.-]\s*" + _Y + r"\s*\)\s*(?:đến|tới)\s+nay"),
    ("since", r"từ\s+đầu\s+(?:nhiệm kỳ|(?P<school>năm học))\s+" + _Y + r"\s*[-–]\s*(?:19|20)\d{2}\s*,?\s*(?:đến|tới)\s+nay"),
    # a range opening at a month, maybe named by its event: "Kể từ Đại hội … (tháng 10/2020) đến
    # hết tháng 5/2025", "từ tháng 7/2021 đến tháng 6/2023", "từ năm 2021 đến tháng 6/2024"
    ("month_range", r"từ\s+(?:(?:[^.;]{0,90}?\(\s*)?tháng\s+(?P<m0>\d{1,2})\s*[/-]\s*|năm\s+)(?P<y0>(?:19|20)\d{2})"
     r"\s*\)?\s*,?\s*(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:tháng\s+(?P<m>\d{1,2})\s*[/-]\s*|năm\s+)"
     + _Y),  # "… (tháng 8/2020) đến hết năm 2022": to the end of that year
    # … to the end of a quarter: "từ đầu nhiệm kỳ (tháng 10/2025) đến hết quý I" (its year: the next one on)
    ("month_range", r"từ\s+(?:[^.;]{0,90}?\(\s*)?tháng\s+(?P<m0>\d{1,2})\s*[/-]\s*(?P<y0>(?:19|20)\d{2})\s*\)?\s*,?\s*"
     r"(?:đến|tới)\s+(?:hết\s+)?quý\s+(?P<q>IV|I{1,3}|[1-4])(?:(?:\s*/\s*|\s+năm\s+)(?P<y>(?:19|20)\d{2}))?"),
    ("month_range", r"(?P<late>\d|hai|ba|bốn|sáu)\s+tháng\s+cuối\s+năm\s+" + _Y),  # "6 (Hai) tháng cuối năm 2024"
    ("month_range", r"(?:từ\s+)?tháng\s+(?P<m0>\d{1,2})\s+(?:(?:đến|tới)\s+(?:hết\s+)?tháng|và(?:\s+tháng|(?=\s+\d{1,2}\s*(?:/|năm)\s*\d{4})))\s+(?P<m>\d{1,2})"
     r"(?:\s*(?:[/-]|năm)\s*" + _Y + r")?(?![\d/])"),  # also "tháng 7 và tháng 8/2025", "Từ tháng 1 đến hết tháng 5"
    ("back", r"(?:trong\s+)?(?P<n>\d{1,2}|hai|ba|bốn|năm|mười)\s+năm\s+(?:vừa\s+)?(?:qua|gần đây)"),
    ("span", r"(?:trong|tính chung|cả)\s+(?P<n>\d{1,2}|hai|ba|bốn|năm|mười)\s+năm(?=\s*,)"),  # "Trong 5 năm, …" of a review
    ("months", r"từ đầu năm\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?tháng\s+(?P<n>\d{1,2})"
     r"(?:\s*(?:/|-|năm)\s*" + _Y + r")?"),
    ("months", r"(?:tính\s+)?(?:đến|tới)\s+hết\s+tháng\s+(?P<n>\d{1,2})\s*(?:/|-|năm)\s*" + _Y),
    ("months", r"(?:tính\s+)?(?:(?:từ đầu năm\s+)?(?:đến|tới)\s+hết)\s+quý\s+(?P<q>I{1,3}|IV|[1-4])\s*(?:/|-|năm)\s*"
     + _Y),  # "Đến hết quý II/2024": from 1 January
    # from a day to a day: "Từ ngày 15/3/2023 đến ngày 15/3/2024", "từ 1/7/2023 đến 30/6/2024"
    # (also from an event glossed by its day: "Từ ngày thành lập (1/7/2025) đến hết năm 2025")
    ("day_range", r"từ\s+(?:[^.;()]{0,60}?\(\s*)?(?:ngày\s+)?(?P<d0>\d{1,2})\s*[/.-]\s*(?P<m0>\d{1,2})"
     r"(?:\s*[/.-]\s*(?P<y0>(?:19|20)\d{2}))?\s*\)?\s*,?\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:(?:ngày\s+)?"
     + _DM + r"\s*[/.-]\s*|năm\s+)" + _Y + r"(?![\d/])"),
    ("to_day", r"từ\s+(?:đầu năm|(?:ngày\s+)?0?1\s*[/.-]\s*0?1)(?:(?:\s+|\s*[/.-]\s*)(?P<y0>(?:19|20)\d{2}))?"
     r",?\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?" + _DM  # also "Từ ngày 1/1/2024 đến 30/6/2024"
     + r"(?:\s*[/.-]\s*" + _Y + r")?(?![\d/])"),
    ("ytd", r"từ đầu năm(?:\s+" + _Y + r")?(?:\s+(?:đến|tới) nay)?"),
    ("ytd", r"(?<![\w/])(?:(?:trong )?năm ngoái|trong năm|năm qua|năm nay|cả năm)(?!\s+(?:19|20)\d{2}|\s+học)(?![\w])"),
    ("school_ytd", r"(?<![\w/])(?:trong năm học|năm học qua|năm học này|cả năm học)(?!\s+(?:19|20)\d{2})(?![\w])"),
    ("date", r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+" + _Y),
    ("date", r"(?<![\d/.-])" + _DM + r"\s*[/.-]\s*" + _Y + r"(?![\d/])"),
    ("yesterday", r"(?<![\w])(?:(?:sáng|chiều|tối|trưa|đêm|hôm) qua|(?:(?:sáng|chiều|tối|trưa|đêm) )?hôm (?P<ago>kia)|(?:sáng|chiều|tối|trưa) (?P<today>nay))(?![\w])(?!\s*\()"),
    ("dm", r"(?:(?<![\w])(?:sáng|chiều|tối|trưa|đêm|ngày|hôm|đến)\s+(?:(?:qua|kia|thứ \w+|chủ nhật)?\s*\(\s*|(?:thứ \w+|chủ nhật),?\s*)?(?:ngày\s+)?"
     r"(?:\d{1,2}\s*(?:và|-|–)\s*)?)" + _DM  # "Trong hai ngày 1 và 2/3", "(24 - 25/7)": the last day
     + r"(?![\d/.-])"),
    ("months", r"(?P<n>\d{1,2}|" + _MONTH_COUNT + r")\s+tháng\s+đầu\s+năm(?:\s+" + _Y + r"|\s+nay)?"),
    ("months", r"(?P<n>\d{1,2}|" + _MONTH_COUNT + r")\s+tháng\s+năm\s+" + _Y),  # "Chín tháng năm 2023"
    # "Chín tháng qua" in a report of the year: its first nine months
    ("months", r"(?<![\w/])(?P<n>\d{1,2}|" + _MONTH_COUNT + r")\s+tháng\s+(?:vừa\s+)?qua"),
    # "Trong 9 tháng, …" opening a clause of a page on the year so far: its first nine months
    ("months", r"(?<![\w/])(?:trong\s+|(?<=:\s)|^)(?P<n>[2-9]|1[01]|" + _MONTH_COUNT + r")\s+tháng\s*,"),  # also "…: 6 tháng, …"
    # months summed after a quarter's figure ("lũy kế 9 tháng", "cộng dồn 9 tháng", "kết nạp 9 tháng
    # lên 71"): the year's first months, not the quarter's
    ("months", r"(?<![\w/])(?:lũy kế|luỹ kế|cộng dồn|tính chung|cộng chung|kết nạp)\s+(?:cả\s+)?(?P<n>[2-9]|1[01]|"
     + _MONTH_COUNT + r")\s+tháng(?!\s+(?:cuối|trước|tới|sau|\d))(?![\w/])"),
    ("month", r"tháng\s+(?P<m>\d{1,2})\s*(?:/|-|năm)\s*" + _Y),
    ("month", r"(?<![\w/.,-])(?P<m>0?[1-9]|1[0-2])\s*/\s*" + _Y + r"(?![\d/])"),  # "(12/1986)", "đến 6/2024"
    # a month without its year ("trong tháng 6 vừa qua", "đến cuối tháng 5"): the last one so named
    ("month", r"(?<![\w/])tháng\s+(?P<m>\d{1,2})(?!\s*(?:/|-|năm)\s*\d)(?![\d/])"),
    # a month in words; an event named by its month ("Cách mạng Tháng Tám năm 1945") is dated
    # at the end of that month
    ("month", r"tháng\s+(?P<mw>giêng|hai|ba|tư|năm|sáu|bảy|tám|chín|mười một|mười hai|mười|chạp)"
     r"\s+(?:năm\s+)?" + _Y),
    ("quarter", r"quý\s+(?P<q>I{1,3}|IV|[1-4])\s*(?:/|-|năm)\s*" + _Y),
    # a quarter without its year ("riêng quý III"): the last one so named
    ("quarter", r"quý\s+(?P<q>I{1,3}|IV|[1-4])(?![\w/])(?!\s*(?:/|-|năm)\s*\d)(?:\s+năm\s+nay)?"),
    ("year_end", r"(?:cuối|hết)\s+năm\s+" + _Y),
    ("year_end", r"(?:cuối|hết)\s+năm(?:\s+nay)?(?!\s*(?:\d|học|qua))"),
    ("school_year", r"năm học\s+(?P<y0>(?:19|20)\d{2})\s*[-–]\s*" + _Y),
    ("unknown", r"(?<![\w])(?:những năm|thập niên|thập kỷ)\s+(?:19|20)\d0(?![\d/]|\s*[-–])"),  # a decade ("Những năm 1990"): no day
    ("year", r"(?<!kỳ )năm\s+" + _Y + r"(?!\s*[-–]\s*\d)"),
    ("year", r"(?:(?<=\d{4}, )|(?<=\d{4} và ))" + _Y + r"(?![\d/]|\s*[-–]\s*\d)"),  # "năm 2023, 2024 và 2025"
    ("today", r"(?<![\w])(?:(?:tính\s+)?(?:đến|tới)\s+nay|hôm nay|[Ss]au (?:khi )?(?:hợp nhất|sáp nhập)(?=\s*,))(?![\w])(?!\s*\()"),
    # the Party's founding (3/2/1930), for the country's figures only (extract.py)
    ("founding", r"(?<![\w])(?<!năm )(?<!kỷ niệm )(?:khi|lúc|từ khi|ngày|những ngày)\s+(?:mới\s+|đầu\s+)?(?:thành lập|ra đời)"
     r"(?!\s*(?:\(|ngày|năm)\s*\d)(?![\w])"),
    ("now", r"(?<![\w])(?<!thực )(?<!xuất )(?<!phát )(?<!thể )(?<!biểu )hiện(?:\s+nay|\s+tại)?"
     r"(?!\s+(?:đại|tượng|thực|hành|diện|trạng|vật))(?![\w])"),
    ("vague", r"(?:nhiệm kỳ|những năm|thời gian|nhiều năm|các năm|giai đoạn)\s+(?:vừa\s+)?qua"
     r"|(?<![\w])dịp(?![\w])"),
]
# Matched on the text without diacritics (offsets unchanged), so that "nam 2022", "hien co" of a
# page that lost them in a few words still date a figure.
PATTERN_RES = [(k, folded(p)) for k, p in PATTERNS]
MONTH_WORDS = {fold(w): i for i, w in enumerate(("giêng", "hai", "ba", "tư", "năm", "sáu", "bảy",
                                                  "tám", "chín", "mười", "mười một", "mười hai"),
                                                 start=1)} | {"chap": 12}
_COUNT_WORDS = {"hai": 2, "ba": 3, "bon": 4, "nam": 5, "muoi": 10}
# A date right after a document reference is the document's date, not an as-of date.
DOC_BEFORE_RE = re.compile(
    r"(?:\d+-[A-ZĐ]+/[A-ZĐ]+|Quyết định|Quy định|Nghị quyết|Chỉ thị|Kết luận|Hướng dẫn|"
    r"Thông tri|Công văn|ban hành)[^.;]{0,40}$")
# A clause of time after the reference ("Thực hiện Nghị quyết …, trong 5 năm …", "Nghị quyết (từ 15/8/2024 …"): its own.
NEW_CLAUSE_RE = re.compile(r"[,(]\s*(?:trong|từ|sau|qua|giai đoạn)\s", re.IGNORECASE)
# A round named by its day ("Huy hiệu Đảng đợt 2/9/2019"): not a date the text reports.
ROUND_RE = re.compile(r"(?<![\w])dot\s+$")
# The congress that names a term: "Đại hội … lần thứ XX, nhiệm kỳ 2025 - 2030".
TERM_OF_RE = re.compile(r"nhiệm kỳ\s+Đại hội\s+(?:lần thứ\s+)?[\wIVXLC]+\s*\(?\s*$", re.IGNORECASE)  # a period
CONGRESS_BEFORE_RE = re.compile(r"(?:lần thứ [\wIVXLC]+|[Đđ]ại hội[^.;,:]{0,60}),?\s*$")
# Sentences whose date frames the sentences after it in the paragraph.
FRAME_RE = re.compile(r"\s*\(?\s*(?:(?:trong\s+)?năm\s+(?:19|20)\d{2}\s*,|tính (?:đến|tới)|"
                      r"(?:trong\s+)?(?:nhiệm kỳ|giai đoạn)\s+(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\s*,|"
                      r"(?:số liệu|thống kê)[^.]{0,30}(?:đến|tới|năm|tại thời điểm))", re.IGNORECASE)
SENTENCE_DATE_RE = re.compile(r"số liệu\s+(?:(?:tính\s+)?(?:đến|tới)\s+|năm\s+|tại thời điểm\s+)",
                              re.IGNORECASE)


def find(text: str, published: date | None) -> list[When]:
    """Every time expression of text, in order of their end (later kinds win ties)."""
    out: list[When] = []
    plain = fold(text)
    for kind, rx in PATTERN_RES:
        for m in rx.finditer(plain):
            doc = DOC_BEFORE_RE.search(before := text[max(0, m.start() - 60):m.start()])
            if doc and not NEW_CLAUSE_RE.search(before + text[m.start():m.start() + 12], doc.start()) or \
                    ROUND_RE.search(plain, 0, m.start()):
                continue
            g = m.groupdict()
            y = int(g["y"]) if g.get("y") else None
            y0 = int(g["y0"]) if g.get("y0") else (y if kind == "month_range" else None)
            if kind == "range" and (CONGRESS_BEFORE_RE.search(text[max(0, m.start() - 90):m.start()])
                                    and not TERM_OF_RE.search(text, 0, m.start())
                                    or (published and y > published.year)):
                continue  # the name of a term, not a period
            month = _ROMAN.get(g["q"].upper()) * 3 if g.get("q") else None
            if kind == "months" and g.get("n"):
                month = _MONTH_COUNTS.get(g["n"].lower()) or int(g["n"])
            if kind == "month_range" and not g.get("m"):
                month = month or 12
                y = y or y0 + (month < int(g["m0"]))  # a quarter after the first month
            if g.get("mw"):
                month = MONTH_WORDS[g["mw"]]
            n = (_COUNT_WORDS.get(g["n"]) or int(g["n"])) if kind in ("back", "span") else None
            w = When(kind, m.start(), m.end(), y, month or (int(g["m"]) if g.get("m") else None),
                     int(g["d"]) if g.get("d") else None, y0, text[m.start():m.end()], n,
                     int(g["m0"]) if g.get("m0") else (13 - (_MONTH_COUNTS.get(fold(g["late"])) or int(
                         g["late"])) if g.get("late") else 1 if kind == "month_range" else None),
                     int(g["d0"]) if g.get("d0") else None)
            if kind in ("since", "month_range") and w.y is None:  # a day or months without their year: the last
                if published is None:                             # ones up to the page
                    continue
                y = published.year - ((w.m0, w.d or 1) > (published.month, published.day))
                w = replace(w, y=y, y0=y if kind == "month_range" else w.y0)
            if g.get("school"):  # "từ đầu năm học 2024 - 2025 đến nay": from 1 September
                w = replace(w, m0=9)
            if kind == "to_day" and w.y is None:
                when = _mk(y0, w.m, w.d) if y0 else _day_month(w, published)
                w = When(kind, w.start, w.end, when.year, when.month, when.day, None, w.text) \
                    if when else w
            if kind == "day_range":  # "… đến hết năm 2025": 31/12; "Từ 1/7 đến 30/9/2025": of 2025
                w = replace(w, m=w.m if w.d else 12, d=w.d or 31)
                w = replace(w, y0=w.y0 or w.y - ((w.m0, w.d0) > (w.m, w.d)))
            if kind in ("dm", "yesterday"):
                back = 2 if g.get("ago") else 0 if g.get("today") else 1  # "hôm kia", "sáng nay", "hôm qua"
                when = _day_month(w, published) if kind == "dm" else published and published - timedelta(back)
                if when is None:
                    continue
                w = When("date", w.start, w.end, when.year, when.month, when.day, None, w.text)
            out.append(w)
    return sorted(out, key=lambda w: (w.end, w.start))


def _day_month(w: When, published: date | None) -> date | None:
    """A day and month without a year: in the document's year, never after it; a weekday's days ahead: none."""
    if published is None:
        return None
    when = _mk(published.year, w.m, w.d)
    if when and when > published and (when - published).days <= 7 and re.search(r"(?i)thứ|chủ nhật", w.text):
        return None  # a day to come: "Tối thứ 7 (8/11) chi bộ họp" posted on 5/11
    if when and when > published:
        when = _mk(published.year - 1, w.m, w.d)
    return when


def resolve(w: When, published: date | None, reference: date | None, target: bool = False
            ) -> tuple[date | None, int | None, date | None]:
    """(as_of, year, period_from) of a figure dated by w; reference: the reference day."""
    ref = reference or published
    if w.kind == "date":
        day = day_of(w)
        return day, day.year if day else None, None
    if w.kind in ("month", "quarter"):
        y = w.y or (ref.year - (w.m > ref.month) if ref else None)
        if y is None:
            return None, None, None
        end = _month_end(y, w.m)
        if end and w.y is None and ref and end > ref:
            end = ref  # "trong tháng 7" written in July: up to the day reported
        start = date(y, w.m if w.kind == "month" else w.m - 2, 1) if end else None
        return end, y, start
    if w.kind == "day_range":  # "từ ngày 15/3/2023 đến ngày 15/3/2024"
        day, first = _mk(w.y, w.m, w.d), _mk(w.y0, w.m0, w.d0)
        return (day, w.y, first) if day and first and first <= day else (None, None, None)
    if w.kind == "to_day":  # "từ đầu năm đến ngày 31/8": from 1 January to that day
        day = _mk(w.y, w.m, w.d) if w.y else None
        return (day, day.year, date(day.year, 1, 1)) if day else (None, None, None)
    if w.kind == "months":
        y = w.y or (ref.year if ref else None)
        return (_month_end(y, w.m), y, date(y, 1, 1)) if y else (None, None, None)
    if w.kind == "year_end" and w.y is None:  # "cuối năm (nay)": of the reference year; "đến cuối
        if not ref:                           # năm" in a January review: the year before
            return None, None, None
        year = ref.year - 1 if ref.month == 1 and "nay" not in fold(w.text) else ref.year
        return date(year, 12, 31), year, None
    if w.kind == "school_year":
        return date(w.y, 8, 31), w.y, date(w.y0, 9, 1)
    if w.kind in ("year", "year_end", "range"):
        end = date(w.y, 12, 31)
        if w.kind != "year_end" and not target and ref and ref.year == w.y and (
                published is None or ref <= published):
            end = ref  # a year not over: as of the day reported (the event's, else the page's)
        first = date(w.y0 or w.y, 1, 1) if w.kind != "year_end" else None
        return end, w.y, first
    if w.kind == "since":
        return published, published.year if published else w.y, date(w.y, w.m0 or 1, w.d or 1)
    if w.kind == "month_range":
        return _month_end(w.y, w.m), w.y, date(w.y0, w.m0, 1)
    if w.kind == "ytd":
        if "nay" in fold(w.text) and published:  # a target's "năm nay": to its 31/12
            return (date(published.year, 12, 31) if target and "dau" not in fold(w.text) else published), published.year, date(published.year, 1, 1)
        if w.y:
            return date(w.y, 12, 31), w.y, date(w.y, 1, 1)
        if ref and (ref.month == 1 and "nay" not in fold(w.text) or "ngoai" in fold(w.text)):  # "năm ngoái"
            return date(ref.year - 1, 12, 31), ref.year - 1, date(ref.year - 1, 1, 1)
        return (date(ref.year, 12, 31) if target else ref, ref.year, date(ref.year, 1, 1)) if ref else (None, None, None)
    if w.kind == "back":  # "trong 5 năm qua": from 1 January five years before the reference year
        return (ref, ref.year, date(ref.year - w.n, 1, 1)) if ref else (None, None, None)
    if w.kind == "span" and ref:  # the N years to the review (at a January review, the N before)
        end = date(ref.year - 1, 12, 31) if ref.month == 1 else ref
        return end, end.year, date(end.year - w.n + 1, 1, 1)
    if w.kind == "today":
        return published, published.year if published else None, None
    if w.kind == "founding":
        return date(1930, 2, 3), 1930, None
    return (None, None, None) if w.kind == "unknown" else (ref, ref.year if ref else None, None)  # now, vague


def frames(text: str) -> bool:
    """True when a sentence's date frames the next sentences ("Năm 2023, …", "Tính đến …")."""
    return bool(FRAME_RE.match(text))
