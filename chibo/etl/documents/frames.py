"""What frames a page's or a list's figures that do not date themselves: a statistics heading or a
report's note of its day ("SỐ LIỆU ĐẾN 31/12/2024 - …", "(Thời điểm báo cáo: 30/6/2025)", "… – TÌNH HÌNH
ĐẢNG VIÊN (đến 31/10/2025)"), a headline or heading reporting the year's results or its first months
("… - KẾT QUẢ NĂM 2024", "SƠ KẾT 6 THÁNG ĐẦU NĂM 2024 - HUYỆN ỦY …", "… XÃ PHÚ LỘC – 9 THÁNG NĂM 2025", "BÁO CÁO …
THÁNG 10/2025"), and a list's intro ("… nhiệm kỳ 2020 -
2025:", "Kết quả công tác xây dựng Đảng năm 2024 (Hội nghị ngày 27/12/2024):")."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from . import periods
from .periods import When
from .vocabulary import fold

# A heading's bracket giving the day its figures are counted to, also after its source's day: "… –
# TÌNH HÌNH ĐẢNG VIÊN (đến 31/10/2025)", "(Nguồn: Ban Tổ chức Thành ủy, ngày 08/01/2026; số liệu đến 31/12/2025)".
_HEADING_CUT_OFF_RE = re.compile(r"\((?:[^()\n]{0,80}?;\s*)?(?P<cut>(?:số liệu\s+)?(?:tính\s+)?(?:đến|tới)\s+"
                                 r"(?:hết\s+)?(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4})\)\s*$", re.IGNORECASE)
_STATS_HEADING_RE = re.compile(r"(?-i:SỐ LIỆU|THỐNG KÊ)\b[^a-zđ]*(?-i:ĐẾN|TÍNH ĐẾN) ")
_REPORT_NOTE_RE = re.compile(r"^\((?:số liệu|thời điểm báo cáo|tính)[^()\n]{0,25}?\d{1,2}[/-](?:\d{1,2}[/-])?"
                             r"\d{4}\)$", re.IGNORECASE | re.MULTILINE)  # a day or a month: "(… đến tháng 5/2024)"


# A headline reporting a year's results or review ("… - KẾT QUẢ NĂM 2024", "… tổng kết năm 2024", "Kết quả
# công tác phát triển đảng viên năm 2025 - Đảng bộ xã Hòa Bình"),
# not a school year's ("năm học 2023 - 2024"), a congress's ("Kết quả Đại hội … năm 2025") nor a part
# of the year's ("Sơ kết 6 tháng đầu năm 2024").
_YEAR_REVIEW_RE = re.compile(r"^(?![^\n]*(?:đại hội|tháng|quý))[^\n]*?(?:kết quả|tổng kết|sơ kết|báo cáo)(?![\wđ])[^\n()]{0,60}?(?<![\wđ])năm\s+"
                             r"(?P<y>(?:19|20)\d{2})(?!\s*[-–]\s*(?:19|20)?\d{2})", re.IGNORECASE)  # not "năm 2024 - 2025"


def list_frame(sentence: str, whens: list[When]) -> When:
    """What a list's intro frames its items by: its last time expression ("… nhiệm kỳ 2020 - 2025:"),
    but the year whose results it reports before a meeting's day ("Kết quả công tác xây dựng Đảng năm
    2024 (Hội nghị ngày 27/12/2024):"): the items' admissions count from 1 January to that day."""
    review = _YEAR_REVIEW_RE.search(sentence)
    return next((w for w in whens if review and w.kind == "year" and w.y == int(review["y"])), whens[-1])


# A heading reporting the year's first months or one month, with no day of its own (a review's day dates
# its stocks), in a review's words or after the body's name and a dash ("SƠ KẾT 6 THÁNG ĐẦU NĂM 2024", "Tình
# hình … 10 tháng năm 2024", "… XÃ PHÚ LỘC – 9 THÁNG NĂM 2025", "BÁO CÁO CÔNG TÁC … THÁNG 10/2025").
_REVIEW_WORDS = r"^(?![^\n]*\d{1,2}/\d{1,2}/\d{4})[^\n]*?(?:sơ kết|kết quả|báo cáo|tình hình|(?<= )[-–](?= ))(?![\wđ])[^\n()]{0,"
_MONTHS_REVIEW_RE = re.compile(_REVIEW_WORDS + r"40}?(?<![\wđ])(?P<n>\d{1,2}|sáu|chín|ba)\s+tháng\s+(?:đầu\s+)?năm\s+"
                               r"(?P<y>(?:19|20)\d{2})", re.IGNORECASE)
_MONTH_REVIEW_RE = re.compile(_REVIEW_WORDS + r"60}?(?<![\wđ])tháng\s+(?P<m>\d{1,2})\s*/\s*(?P<y>(?:19|20)\d{2})\s*$",
                              re.IGNORECASE)


def _heading_lines(headline: str | None, text: str) -> list[str]:
    """The headline and the page's first lines that are headings (short, no sentence): a report's
    heading under the body it is of."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][:4]
    return ([headline] if headline else []) + [line for line in lines if len(line) <= 90 and not line.endswith(".")]


# A report stating its opening and closing stocks ("Số đảng viên đầu kỳ: 58 …; cuối kỳ: 62").
_PERIOD_ENDS_RE = re.compile(r"(?<![\wđ])(?:đầu|cuối) kỳ(?![\wđ])", re.IGNORECASE)


def _reports_the_year_before(review: re.Match, published: date, text: str) -> bool:
    """A report of the year before written in January with its opening and closing stocks (heldout18
    y02), or one dating its stock at that year's end ("Tổng số đảng viên (31/12/2025)", heldout22 n03):
    its admissions are that year's; a results list posted then ("KẾT QUẢ NĂM 2024 (đăng ngày
    10/01/2025)") is framed by nothing (heldout12)."""
    return published.month == 1 and int(review["y"]) == published.year - 1 and bool(
        _PERIOD_ENDS_RE.search(text) or re.search(r"\(\s*(?:ngày\s+)?31\s*/\s*12\s*/\s*" + review["y"] + r"\s*\)", text))


def _unless_before_end(w: When, published: date | None) -> tuple[When | None, None]:
    """A period's heading frames nothing on a page dated before the period's end ("Kết quả … 6 tháng đầu
    năm 2025" dated 28/6/2025): the page's day dates its stocks."""
    end = periods.resolve(w, None, None)[0]
    return (None if published and end and published < end else w), None


def stats_frame(headline: str | None, published: date | None, text: str = ""
                ) -> tuple[When | None, str | None]:
    """"SỐ LIỆU ĐẾN 31/12/2024 - ĐẢNG BỘ TỈNH …": a statistics page's heading dates every
    paragraph of the page that does not date itself; so does a report's note of its reporting
    day under its heading ("(số liệu đến ngày 31-01-2024)", "(Thời điểm báo cáo: 30/6/2025)"),
    for the paragraphs from it on (the note is returned with the day), and a heading's bracket with
    its cut-off; a headline reporting the results of the page's year frames what the page does not
    date: that year, to the page's day (admissions since 1 January; an undated page or a report of the
    year before written in January: to 31/12), and
    one reporting its first months, with no day of its own: to the months' end."""
    if headline and _STATS_HEADING_RE.match(headline) and periods.frames(headline):
        note, line = headline, None
    elif cut := next(filter(None, map(_HEADING_CUT_OFF_RE.search, _heading_lines(headline, text))), None):
        note, line = cut["cut"], None  # "… – TÌNH HÌNH ĐẢNG VIÊN (đến 31/10/2025)": the page's cut-off
    elif (found := _REPORT_NOTE_RE.search(text, 0, 800)) is not None:
        note = line = found.group(0)
    elif (review := next(filter(None, map(_YEAR_REVIEW_RE.search, _heading_lines(headline, text))), None)) and (
            published is None or int(review["y"]) == published.year or _reports_the_year_before(review, published, text)):
        # (an undated page: that year, to 31/12; a January report of the year before: its admissions)
        # "KẾT QUẢ NĂM 2024 (đăng ngày 26/12/2024)", also under the body's name ("CHI BỘ KHU PHỐ 3 -
        # PHƯỜNG AN KHÁNH / BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM 2025"): the year so far
        return periods.When("year", 0, 0, y=int(review["y"]), text=review.group(0), admissions_only=bool(
            published and int(review["y"]) < published.year)), None
    elif months := next(filter(None, map(_MONTHS_REVIEW_RE.search, _heading_lines(headline, text))), None):
        # "SƠ KẾT 6 THÁNG ĐẦU NĂM 2024 - HUYỆN ỦY BẢO LÂM": stocks at the months' end, admissions since January
        n = periods.MONTH_COUNTS.get(fold(months["n"])) or int(months["n"])
        return _unless_before_end(periods.When("months", 0, 0, y=int(months["y"]), m=n, text=months.group(0)), published)
    elif month := next(filter(None, map(_MONTH_REVIEW_RE.search, _heading_lines(headline, text))), None):
        # "BÁO CÁO CÔNG TÁC XÂY DỰNG ĐẢNG THÁNG 10/2025": stocks at the month's end, admissions in the month
        w = periods.When("month", 0, 0, y=int(month["y"]), m=int(month["m"]), text=month.group(0))
        return _unless_before_end(w, published)
    else:
        return None, None
    day = next((w for w in periods.find(note, published) if w.kind in ("date", "month")), None)
    return (replace(day, start=-1, end=-1) if day and line else day), line  # a note's day: no place in a sentence
