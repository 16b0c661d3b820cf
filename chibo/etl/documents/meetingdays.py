"""Days of a meeting written around it rather than as the one date of its lead, rewritten to the forms
periods.py reads before the page is read (as timewords.py does):

| written | read as |
|---|---|
| "Ngày 15/4/2025, … khai mạc Đại hội …. Đại hội làm việc đến hết ngày 17/4." (also "diễn ra", "kéo dài" "đến (hết) ngày …", "bế mạc (vào) ngày …", "kết thúc (vào) ngày …", in the lead's paragraph) | "Từ ngày 15/4/2025 đến ngày 17/4/2025, … khai mạc Đại hội …" (a congress over several days is dated by its last day: corpus README) |
| "Thứ Sáu tuần trước (28/11)," "Chủ nhật vừa qua (30/11)," "Thứ Năm, 4/12," (a weekday with its day, without a time of day) | "Ngày 28/11," |
| "Chiều thứ Sáu tuần trước (28/11)," | "Chiều thứ Sáu (28/11)," |

A closing day before the lead's, or more than a week after it, is no day of the same meeting, and a span
restated in full ("Đại hội làm việc từ ngày 19 đến 23/1/2026" after "Sáng 19/1, … khai mạc") dates the
session the lead reports (dating.py): both left as written.
"""
from __future__ import annotations

import re
from datetime import date

_LEAD_RE = re.compile(r"(?:^|(?<= - )|(?<=\. ))(?:Ngày|Sáng|Chiều|Trưa|Tối)(?: ngày)? (?P<d>\d{1,2})/(?P<m>\d{1,2})"
                      r"(?:/(?P<y>(?:19|20)\d{2}))?(?![\d/])(?=[^\n]*?\b[Đđ]ại hội)")
_CLOSE_RE = re.compile(r"(?<![\wđ])(?:Đại hội|Hội nghị)[^.;\n]{0,60}?(?:(?:làm việc|diễn ra|kéo dài|tiếp tục)[^.;\n]{0,20}?"
                       r"(?:đến|tới) (?:hết )?|(?:bế mạc|kết thúc) (?:vào )?)(?:ngày )?(?P<d>\d{1,2})/(?P<m>\d{1,2})"
                       r"(?:/(?P<y>(?:19|20)\d{2}))?(?![\d/])")
_WEEKDAY = r"[Tt]hứ (?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ [Nn]hật"
_WEEKDAY_RE = re.compile(r"(?<![\wđ])(?P<tod>(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm) )?(?P<wd>" + _WEEKDAY
                         + r")(?: tuần (?:trước|qua|rồi)| vừa qua)?(?:\s*\((?P<dm>\d{1,2}/\d{1,2})\)|,\s*(?P<dm2>\d{1,2}/"
                         r"\d{1,2})(?![\d/])(?=\s*,))")


def _weekday(m: re.Match) -> str:
    dm = m["dm"] or m["dm2"]
    if m["tod"]:
        return f"{m['tod']}{m['wd']} ({dm})"
    return f"{'N' if m['wd'][0].isupper() else 'n'}gày {dm}"


def _closing(line: str) -> str:
    """The line with its congress lead's day made a span to the day the congress closed."""
    lead = _LEAD_RE.search(line)
    close = _CLOSE_RE.search(line, lead.end()) if lead else None
    if close is None or " từ " in close.group(0):  # "Đại hội làm việc từ ngày 19 đến 23/1": a span
        return line  # around the session reported (dating.py), whose figures are that session's
    year = int(lead["y"] or close["y"] or 2000)  # a leap year when none is written
    try:
        first = date(year, int(lead["m"]), int(lead["d"]))
        last = date(year + (int(close["m"]) < first.month), int(close["m"]), int(close["d"]))
    except ValueError:
        return line
    if not 0 < (last - first).days <= 7:
        return line
    end = f"{last.day}/{last.month}" + (f"/{last.year}" if lead["y"] or close["y"] else "")
    return f"{line[:lead.start()]}Từ ngày {lead['d']}/{lead['m']}{'/' + lead['y'] if lead['y'] else ''} đến ngày {end}" \
           f"{line[lead.end():]}"


def meeting_days(text: str) -> str:
    """text with the days of the module docstring rewritten."""
    text = _WEEKDAY_RE.sub(_weekday, text)
    return "\n".join(_closing(line) if "ại hội" in line else line for line in text.split("\n"))
