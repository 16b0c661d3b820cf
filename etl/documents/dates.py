"""Dates in news text: the publication date of a page ("24/08/2018 | 16:30 PM", "9:24' 31/3/2018",
"Ngày đăng: 10:49 | 07/10" with the year from the body, "Ngày 11/10/2023, …") and the explicit
as-of date or year stated in a sentence before a figure ("tính đến ngày 10-9-2018", "năm 2022").
"""
import calendar
import re
from datetime import date

_D = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})"
FULL_RE = re.compile(r"(?<![\d/.-])" + _D + r"\s*[/.-]\s*(?P<y>\d{4})(?![\d/])")
WORDED_RE = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})",
                       re.IGNORECASE)
MONTH_RE = re.compile(r"tháng\s+(?P<m>\d{1,2})\s*(?:/|-|năm)\s*(?P<y>\d{4})", re.IGNORECASE)
YEAR_END_RE = re.compile(r"(?:cuối|hết)\s+năm\s+(?P<y>\d{4})", re.IGNORECASE)
YEAR_RE = re.compile(r"(?<!kỳ )năm\s+(?P<y>(?:19|20)\d{2})(?!\s*[-–]\s*\d)", re.IGNORECASE)
NO_YEAR_RE = re.compile(r"(?:ngày|Ngày)\s+(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})(?![\d/.-])")
# A date right after a document reference is the document's date, not an as-of date.
DOC_BEFORE_RE = re.compile(
    r"(?:\d+-[A-ZĐ]+/[A-ZĐ]+|Quyết định|Quy định|Nghị quyết|Chỉ thị|Kết luận|Hướng dẫn|"
    r"Thông tri|Công văn|ban hành)[^.;]{0,40}$")
CARRY_RE = re.compile(r"tính (?:đến|tới)|đến (?:ngày|hết|cuối)|tại thời điểm", re.IGNORECASE)

# Publication-date lines of common Vietnamese news pages, tried in this order.
PUBLICATION_RES = [
    re.compile(r"Ngày đăng\s*:?\s*(?:\d{1,2}:\d{2}\s*\|?\s*)?(?P<d>\d{1,2})/(?P<m>\d{1,2})"
               r"(?:/(?P<y>\d{4}))?", re.IGNORECASE),
    re.compile(r"^[ \t]*(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\s*\|\s*\d{1,2}:\d{2}.*$", re.MULTILINE),
    re.compile(r"^[ \t]*\d{1,2}:\d{2}'?\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\s*$", re.MULTILINE),
    re.compile(r"^[ \t]*(?:(?:Cập nhật|Đăng lúc|Đăng ngày|Thứ \w+|Chủ nhật)\s*:?,?\s*)?"
               r"(?:\d{1,2}:\d{2}\s*(?:,|\|)?\s*)?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
               r"(?:\s*(?:\||-|,)?\s*\d{1,2}:\d{2}(?:\s*[AP]M)?)?[ \t]*$", re.MULTILINE | re.IGNORECASE),
    re.compile(r"^[ \t]*Ngày\s+(?P<d>\d{1,2})[/-](?P<m>\d{1,2})[/-](?P<y>\d{4})\s*,", re.MULTILINE),
]


def _mk(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_from_body(text: str, d: int, m: int) -> int | None:
    """The year of a day/month without one: a full date in the text with that day and month."""
    for full in FULL_RE.finditer(text):
        if int(full["d"]) == d and int(full["m"]) == m:
            return int(full["y"])
    return None


def find_publication_date(text: str) -> tuple[date | None, str | None]:
    """Publication date of a page and the text it was read from, or (None, None)."""
    head = text[:3000]
    for pattern in PUBLICATION_RES:
        found = pattern.search(head)
        if not found:
            continue
        d, m = int(found["d"]), int(found["m"])
        y = int(found["y"]) if found["y"] else _year_from_body(text, d, m)
        if y is None:
            continue
        when = _mk(y, m, d)
        if when:
            return when, found.group(0).strip()
    return None, None


def explicit_as_of(prefix: str, published: date | None = None
                   ) -> tuple[date | None, int | None, str | None]:
    """Nearest as-of date (or year alone) stated in the text before a figure: (date, year, text)."""
    best: tuple[tuple[int, int], date | None, int | None, str] | None = None

    def offer(found: re.Match, rank: int, when: date | None, year: int | None) -> None:
        nonlocal best
        if DOC_BEFORE_RE.search(prefix[max(0, found.start() - 60):found.start()]):
            return
        key = (found.end(), rank)
        if best is None or key > best[0]:
            best = (key, when, year, found.group(0))

    for found in YEAR_RE.finditer(prefix):
        offer(found, 1, None, int(found["y"]))
    for found in YEAR_END_RE.finditer(prefix):
        y = int(found["y"])
        offer(found, 2, date(y, 12, 31), y)
    for found in MONTH_RE.finditer(prefix):
        y, m = int(found["y"]), int(found["m"])
        if 1 <= m <= 12:
            offer(found, 2, date(y, m, calendar.monthrange(y, m)[1]), y)
    for found in NO_YEAR_RE.finditer(prefix):
        if published is None:
            continue
        when = _mk(published.year, int(found["m"]), int(found["d"]))
        if when and when > published:
            when = _mk(published.year - 1, int(found["m"]), int(found["d"]))
        if when:
            offer(found, 3, when, when.year)
    for pattern in (FULL_RE, WORDED_RE):
        for found in pattern.finditer(prefix):
            when = _mk(int(found["y"]), int(found["m"]), int(found["d"]))
            if when:
                offer(found, 3, when, when.year)
    if best is None:
        return None, None, None
    return best[1], best[2], best[3]


def carries_as_of(sentence: str) -> bool:
    """True when a sentence sets an as-of date for the next one ("Tính đến ngày 31-12-2022, …")."""
    return bool(CARRY_RE.search(sentence))
