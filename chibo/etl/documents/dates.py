"""The publication date of a page: datelines ("24/08/2018 | 16:30 PM", "9:24' 31/3/2018",
"Thứ Năm, 09/03/2017 - 08:15", "Cập nhật lúc 16:45, 22/07/2020", "Đăng lúc: 08:15 - 20/10/2022",
"Cập nhật lúc 09:12, Thứ Sáu, 24/05/2024",
"Cập nhật 12:40 GMT+7, Thứ Hai 05/06/2023", "(ĐCSVN) - 12/01/2024 07:00", "| Thứ Ba, 18/04/2006 - 08:00" left by a dropped counter),
"29/08/2025 10:12 (GMT+07:00)", a date element of pasted HTML ('<div class="date">…</div>'),
"Ngày đăng: 10:49 | 07/10" with the year from the body, a place line "Hà Giang, 25/12/2023" (after a report's number: "Số 12-BC/CB Quỳnh Phụ, ngày …"), a
lead "Ngày 11/10/2023, …", "Sáng 22/6/2020, …" (also after an agency tag: "QĐND - Ngày 20/7/2020,
…") and a
source line "(Nguồn: Báo Hà Tĩnh, 12/03/2024)", the time line of meeting minutes ("I. Thời gian, địa
điểm: 14 giờ 00 ngày 06/11/2023"); searched at the head of the page, then its tail.
Else any line near the head or the foot that gives a day and nothing else countable ("TP.HCM | 23/07/2025
12:05", "(Cập nhật 09:20, 08/04/2024)", "15 tháng 11, 2025 · 🌏").
Dates inside sentences are periods.py's. Footnotes that date figures ("(1), (2) Số liệu …, tính
đến ngày 31/3/2024" under "264 tổ chức cơ sở đảng(1)") are written after the figures they mark.
"""
import re
from datetime import date, timedelta

from .vocabulary import fold
from .wordsdates import dates_in_digits  # noqa: F401 (extract.py rewrites a page's dates in words first)

FULL_RE = re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*"
                     r"(?P<y>\d{4})(?![\d/])")
_TIME = r"\d{1,2}(?::|h)\d{2}(?::\d{2})?'?(?:\s*[AP]M)?"
_SEP = r"\s*(?:,|\||-|–|lúc)?\s*"
_DATE = r"(?P<d>\d{1,2})([/.-])(?P<m>\d{1,2})\2(?P<y>\d{4})"
_LEAD = (r"(?:Cập nhật(?: lúc| ngày)?|Đăng lúc|Đăng ngày|Ngày đăng|Ngày cập nhật|Ngày xuất bản|"
         r"Xuất bản|Thứ \w+|Chủ nhật|Ngày)")
_WEEKDAY = r"(?:(?:ngày|Thứ \w+|Chủ nhật)\s*,?\s*)?"
# After the time: a zone ("GMT+7", "(GMT+7)") and what a page prints beside its date
# ("| Nguồn: Báo Đắk Lắk", "| Lượt xem: 968", "| Tác giả: …").
_ZONE = r"(?:\s*\(?\s*GMT\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)?)?"
_TRAILER = r"(?:\s*\|\s*[^|\n]{0,60})*"
# Before the date: a byline or the paper ending in "|" ("Tác giả: Minh Anh | 12/10/2023 15:30",
# "Báo Quảng Ninh | 22/04/2024 08:10").
_BYLINE = r"(?:(?:Tác giả|Nguồn|Theo|Bài và ảnh|Bài, ảnh|Báo|Tạp chí|Đài)\s*:?[^|\n]{1,60}\|\s*)?"
# "Quận Hai Bà Trưng", "TP. Hồ Chí Minh", "Thành phố Vinh", "Mát-xcơ-va"
_PLACE = r"[A-ZĐ][\w.-]*(?:\s+(?:phố|xã|trấn|[A-ZĐ][\w-]*)){0,4}"
# A report's number in the same header line: "Số 12-BC/CB   Quỳnh Phụ, ngày 18 tháng 12 năm 2024".
_DOC_NUMBER = r"(?:Số\s*:?\s*\d+[-/][^\s|]*\s*\|?\s*)?"
# Pasted HTML around a date element: '<div class="date">Thứ Sáu, 26/12/2025 - 10:20</div>'.
_OPEN_TAGS = r"(?:<[a-z][^<>\n]{0,80}>\s*)*"
_CLOSE_TAGS = r"(?:\s*</[a-z][a-z0-9]{0,9}>)*"
# What a broadcast or a programme line says of itself.
_ON_AIR = r"(?:phát sóng|lên sóng|phát lúc|phát ngày)"  # said only of a broadcast: anywhere in its line
_MEDIA = (r"(?:" + _ON_AIR + r"|truyền hình|phát thanh|PT-TH|PTTH|chương trình|chuyên mục|bản tin|phóng sự|"
          r"thời sự|tiếng nói|kênh|VTV\d?|VOV\d?|tạp chí[^\n]{0,60}\bsố)")
_AGENCY = r"(?:\([A-ZĐ]{2,8}\)\s*[-–]\s*)?"  # "(ĐCSVN) - 12/01/2024 07:00"

# Publication-date lines of common Vietnamese news pages, tried in this order.
PUBLICATION_RES = [
    re.compile(r"Ngày đăng\s*:?\s*(?:\d{1,2}:\d{2}\s*\|?\s*)?(?P<d>\d{1,2})/(?P<m>\d{1,2})"
               r"(?:/(?P<y>\d{4}))?", re.IGNORECASE),
    re.compile(r"^[ \t]*" + _DATE + r"\s*\|\s*\d{1,2}:\d{2}.*$", re.MULTILINE),
    re.compile(r"^[ \t]*\d{1,2}:\d{2}'?\s+" + _DATE + r"\s*$", re.MULTILINE),
    re.compile(r"^[ \t|]*" + _OPEN_TAGS + _BYLINE + _AGENCY + r"(?:" + _LEAD + r"\s*:?,?\s*)?(?:" + _TIME + _ZONE + _SEP + r")?"
               + _WEEKDAY + _DATE
               + r"(?:" + _SEP + _TIME + r")?" + _ZONE + _TRAILER + _CLOSE_TAGS + r"[ \t|]*$",
               re.MULTILINE | re.IGNORECASE),
    re.compile(r"^[ \t]*" + _DOC_NUMBER + _PLACE + r"\s*,\s*(?:ngày\s+)?" + _DATE + r"[ \t]*$", re.MULTILINE),
    # a report's place-and-date line, or a date line in words: "Yên Lạc, ngày 15 tháng 12 năm
    # 2023", "Thứ Năm, ngày 12 tháng 10 năm 2023"
    re.compile(r"^[ \t]*" + _DOC_NUMBER + r"(?:" + _PLACE + r"\s*,\s*)?(?:(?:Thứ \w+|Chủ nhật)\s*,?\s*)?ngày\s+"
               r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})\s*\.?" + _TRAILER + r"[ \t]*$",
               re.MULTILINE | re.IGNORECASE),
    re.compile(r"^[ \t]*(?:\(?[A-ZĐ]{2,8}\)?\s*[-–]\s*)?(?:Ngày|Sáng|Chiều|Tối|Trưa)\s+(?P<d>\d{1,2})[/-](?P<m>\d{1,2})[/-](?P<y>\d{4})\s*,", re.MULTILINE),
    # the time line of meeting minutes: "I. Thời gian, địa điểm: 14 giờ 00 ngày 06/11/2023"
    re.compile(r"^[ \t]*(?:[IVX\d]+[.:)]\s*)?(?:Thời gian|Vào (?:hồi|lúc))[^\n]{0,60}?ngày\s+"
               + _DATE, re.MULTILINE | re.IGNORECASE),
    re.compile(r"^[ \t]*\(?(?:Nguồn\s*:\s*)?(?:Báo|Tạp chí|Cổng|Trang|Đài|Theo)\b[^()\n]{1,60},\s*"
               + _DATE + r"\s*\)?\.?[ \t]*$", re.MULTILINE),
    # a dateline opening the lead (also "Lai Châu, ngày 3/9/2025 - …"), its source in brackets: "Tokyo, 07/12/2023 (Tạp chí Xây dựng
    # Đảng) - Ngày 6/12, …", "Viêng Chăn, 16/5/2024 (TTXVN) - …"
    # (the place may be a body whose name has lower-case syllables: "Trường Đại học Vinh, 25/04/2025 - …")
    re.compile(r"^[ \t]*[A-ZĐ][^\n,;:()]{0,50}?\s*,\s*(?:ngày\s+)?" + _DATE + r"\s*(?:\([^()\n]{1,60}\)\s*)?[-–—]\s",
               re.MULTILINE),
    # a broadcast or programme line, at the head or the foot, in brackets or not: "[Bản tin Thời sự
    # tối - Đài PT-TH Lào Cai, phát sóng 19h00 ngày 22/8/2025]", "Truyền hình Bắc Kạn - Chương trình
    # Xây dựng Đảng, ngày 03/02/2025", "LOA PHÁT THANH THÔN BẢN - Thứ Bảy, ngày 14/9/2024"
    # (a whole line in brackets, one that ends with its date, or one saying it was aired)
    re.compile(r"^[ \t]*(?=[^\n]{0,120}?" + _MEDIA + r")(?![^\n]*(?:đảng viên|kết nạp))"
               r"(?=[\[(][^\n]*[\])]\.?[ \t]*$|[^\n]*\d{4}\.?[ \t]*$|[^\n]{0,120}?" + _ON_AIR + r")[\[(]?[^\n]{0,140}?" + _DATE
               + r"[^\n]{0,80}?[\])]?\.?[ \t]*$",
               re.MULTILINE | re.IGNORECASE),
    # the headline's bracket giving its day (not a count's cut-off, "(tính đến ngày …)"): "Đảng bộ
    # tỉnh Kon Tum … (Báo cáo tổng kết năm 2023, ngày 20/12/2023)", "… (Hội nghị ngày 27/12/2024)",
    # "… KẾT QUẢ NĂM 2024 (đăng ngày 26/12/2024)"
    re.compile(r"\A\s*(?![^\n]*(?:thành lập|kỷ niệm|ra đời))[^\n]{1,200}?\((?![^()\n]*(?:đến|tính|số liệu))(?:[^()\n]{0,80}?\s)?ngày\s*"
               + _DATE + r"\s*\)[ \t]*$", re.MULTILINE | re.IGNORECASE),
]


# Also matched on the page without its diacritics (offsets unchanged): "Ngay 05/02/2020".
FOLDED_RES = [re.compile(fold(p.pattern, lower=False), p.flags) for p in PUBLICATION_RES]


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


# Any other line that gives a day and says nothing else countable is the page's date line, however
# a site, a post or a report prints it: "TP.HCM | 23/07/2025 12:05", "🔴 TIN ĐẢNG BỘ | 02/12/2025",
# "(Cập nhật 09:20, 08/04/2024)", "(Dang ngay 27/12/2024)", "BẢN TIN THỜI SỰ TỐI 15/03/2024 - ĐÀI
# PT-TH HÀ GIANG", "Trang 2 | Bản tin … số 11/2025 | Lưu hành nội bộ - ngày 25/11/2025", "*   Nga Sơn,
# ngày 26 tháng 12 năm 2025" beside a report's header, "15 tháng 11, 2025 · 🌏", "(trình bày tại
# buổi sinh hoạt chi bộ tháng 12, ngày 18/12/2025)", "(Đại hội họp từ ngày 14 đến ngày 16/10/2025)", a speech's
# note however long ("(Trích phát biểu của đồng chí … tại Hội nghị tổng kết năm 2025, ngày 22/12/2025)")
# (its last day). Not a line with a count ("… có 12 đảng viên"), a cut-off ("(tính đến ngày …)",
# "số liệu …"), a day of history ("ngày thành lập …", "kỷ niệm …") or a sentence of the body.
_ANY_DAY_RE = re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})(?![\d/])|"
                         r"(?<!\d)(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*(?:,|năm)\s*(?P<y2>\d{4})",
                         re.IGNORECASE)
_NOT_DATELINE_RE = re.compile(r"\d[\d.,]*\s+(?:đảng viên|chi bộ|tổ chức|đồng chí|đ/c|người|quần chúng)|"
                              r"tính (?:đến|tới)|số liệu|^(?:(?!\btừ\b).)*\b(?:đến|tới) (?:hết |ngày )?\d|"
                              r"thành lập|kỷ niệm|ra đời|giải phóng|chỉ tiêu|sinh (?:ngày|năm)|hạn chót|thời hạn|"
                              r"\d+-[A-ZĐ]{1,5}/|\bSố\s*:\s*\d|\bSố\s+\d+\s*[-/]|Quyết định|Nghị quyết|Chỉ thị|Nghị định|Thông tư|Công văn|Hướng dẫn",
                              re.IGNORECASE)
_NOT_DATELINE_PLAIN = re.compile(fold(_NOT_DATELINE_RE.pattern, lower=False), re.IGNORECASE)


def _date_line(part: str) -> re.Match | None:
    """The last day of the first line of part that is only a date line (see above), folded or not."""
    for line in part.split("\n"):
        days = list(_ANY_DAY_RE.finditer(line)) or list(_ANY_DAY_RE.finditer(fold(line, lower=False)))
        plain = fold(line, lower=False) == line  # a line without diacritics: "(So lieu tinh den …)"
        if not days or len(line) > 160 or (_NOT_DATELINE_PLAIN if plain else _NOT_DATELINE_RE).search(line):
            continue
        rest = _ANY_DAY_RE.sub(" ", line)
        words = len(re.findall(r"[^\W\d_]+", rest))
        bracket = re.fullmatch(r"\s*\([^()]*\)\s*", line)  # a heading's note in brackets: "(Trích phát biểu … tại
        if words > (32 if bracket else 16) or re.search(r"[.!?]\s+[A-ZĐ]", rest) or words >= 6 and line.rstrip(
                ).endswith("."):  # Hội nghị tổng kết năm 2025, ngày 22/12/2025)" names who spoke where
            continue  # a sentence of the body, not a line beside it
        return days[-1]
    return None


# A bracket closing a line of the body that gives a day and says nothing else countable: the source,
# update or place-and-date note a page or a speech prints after its last sentence ("… 35 đảng viên.
# (Cập nhật 14:20, 17/09/2024)", "(Báo Hải Phòng, 02/10/2025)", "(Hòa Bình, ngày 28/01/2025)").
# The bracket follows its line's last sentence ("… đảng viên. (…)"), not a headline's words
# ("Kỷ niệm ngày thành lập Đảng (ngày 3/2/1930)" is the day celebrated).
_CLOSING_BRACKET_RE = re.compile(r"(?:^|[.!?…][ \t]*)\((?P<note>[^()\n]{0,80})\)\s*\.?[ \t]*$", re.MULTILINE)


def _closing_bracket(text: str) -> re.Match | None:
    """The day of the first line-closing bracket of text that is only a date note (see above)."""
    for note in _CLOSING_BRACKET_RE.finditer(text):
        day = _date_line(note["note"])
        if day is not None and len(_ANY_DAY_RE.sub(" ", note["note"]).split()) <= 10:
            return day
    return None


# An issue of a month, at a page's head or foot, is dated by the month's last day: "BẢN TIN XÃ ĐỒNG
# VĂN – số tháng 10/2025", "TẠP CHÍ … - Số tháng 11/2025", "Nguồn: Bản tin …, số tháng 3/2025"; so is
# a source's month closing a line: "(Nguồn: Ban Tổ chức Tỉnh ủy, tháng 3/2024)".
_ISSUE_MONTH_RE = re.compile(r"^[^\n]{0,100}?\bsố\s+(?:ra\s+)?tháng\s+(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
                             r"[^\n\d]{0,40}$|\((?:Nguồn|Theo)\b[^()\n]{1,60},\s*tháng\s+(?P<m2>\d{1,2})\s*/\s*"
                             r"(?P<y2>\d{4})\s*\)\s*\.?[ \t]*$", re.MULTILINE | re.IGNORECASE)


def _issue_month(text: str) -> tuple[date | None, str | None]:
    """The last day of the month of an issue line (see above) without a count, or (None, None)."""
    for part in (text[:600], text[-600:]):
        for m in _ISSUE_MONTH_RE.finditer(part):
            y, mo = int(m["y"] or m["y2"]), int(m["m"] or m["m2"])
            if (m["m2"] or not _NOT_DATELINE_RE.search(m.group(0))) and 1 <= mo <= 12:
                return date(y + mo // 12, mo % 12 + 1, 1) - timedelta(days=1), m.group(0).strip()
    return None, None


def is_date_line(line: str) -> bool:
    """Whether a line is a page's date line, in a format of PUBLICATION_RES or any line that gives a
    day and nothing else countable ("An Giang | 30/10/2025 10:20" under a headline in capitals)."""
    return any(p.match(line) for p in PUBLICATION_RES) or _date_line(line) is not None


def find_publication_date(text: str) -> tuple[date | None, str | None]:
    """Publication date of a page and the text it was read from, or (None, None)."""
    found = _find_dateline(text)
    if found[0] is not None:
        return found
    parts = (text[:3000], text[-1500:] if len(text) > 3000 else "")
    for look, part in [(_date_line, p) for p in parts] + [(_closing_bracket, p) for p in parts]:
        if (day := look(part)) is not None:
            when = _mk(int(day["y"] or day["y2"]), int(day["m"] or day["m2"]), int(day["d"] or day["d2"]))
            if when:
                return when, day.group(0)
    return _issue_month(text)


def _find_dateline(text: str) -> tuple[date | None, str | None]:
    """The date of a page's dateline in one of the formats of PUBLICATION_RES."""
    for part in (text[:3000], text[-1500:] if len(text) > 3000 else ""):
        for pattern, plain in zip(PUBLICATION_RES, FOLDED_RES):
            found = pattern.search(part) or plain.search(fold(part, lower=False))
            if not found:
                continue
            d, m = int(found["d"]), int(found["m"])
            y = int(found["y"]) if found["y"] else _year_from_body(text, d, m)
            if y is None:
                continue
            when = _mk(y, m, d)
            if when:
                return when, part[found.start():found.end()].strip()
    return None, None


# A footnote at the foot of a page: its markers, then its text ("(1), (2) Số liệu của Ban Tổ chức
# Tỉnh ủy, tính đến ngày 31/3/2024", "[3] …", "(*) Số liệu đến hết tháng 5/2024").
_SUPERSCRIPT = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_MARK = r"(?:\(\d{1,2}\)|\[\d{1,2}\]|\(\*{1,3}\)|[" + _SUPERSCRIPT + r"]{1,2})"
_FOOTNOTE_RE = re.compile(r"^[ \t]*(?P<marks>" + _MARK + r"(?:\s*(?:,|và|-)?\s*" + _MARK + r")*)"
                          r"[ \t]*(?P<note>\S[^\n]*)$", re.MULTILINE)
# What dates the figures in a footnote's text: the day or month they are counted to.
_NOTE_DAY_RE = re.compile(r"(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:ngày\s+)?(?:\d{1,2}\s*[/.-]\s*"
                          r"\d{1,2}\s*[/.-]\s*\d{4}|tháng\s+\d{1,2}\s*/\s*\d{4}|năm\s+\d{4})", re.IGNORECASE)


def inline_footnotes(text: str) -> str:
    """The page with each footnote marker that follows a word ("26.714 đảng viên(2)", "đảng viên²")
    replaced by the day its footnote counts the figures to ("26.714 đảng viên (tính đến ngày
    31/3/2024)"); footnotes that date nothing, and markers that open a line ("(1) Tổng số …"), stay
    (superscript marks glued to a word are dropped: no word holds them)."""
    days = {}
    notes = [m for m in _FOOTNOTE_RE.finditer(text) if _NOTE_DAY_RE.search(m["note"])]
    for note in notes:
        for mark in re.findall(_MARK, note["marks"]):
            days.setdefault(mark, _NOTE_DAY_RE.search(note["note"]).group(0))
    body, foot = (text[:notes[0].start()], text[notes[0].start():]) if notes else (text, "")
    if days:
        marks = "|".join(re.escape(m) for m in sorted(days, key=len, reverse=True))
        body = re.sub(r"(?<=[\w%])\s?(" + marks + r")", lambda m: " (" + days[m.group(1)] + ")", body)
    return re.sub(r"(?<=[^\W\d_])[" + _SUPERSCRIPT + r"]+", "", body) + foot  # "đảng viên²": a mark
