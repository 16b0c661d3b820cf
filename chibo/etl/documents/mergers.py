"""The 2025 merger of provinces in a page's words: the day before it, and the province it was merged
with (not the scope of what the sentence counts).

| written | read as |
|---|---|
| "Trước ngày sắp xếp (1/7/2025)," "trước khi hợp nhất vào Hà Nội (1/8/2008),", "trước khi chia tách (12/8/1991)," (a day in brackets after words) | "Tính đến ngày 30/6/2025," (the day before, a cut-off: a "hiện" after it is the page's day) |
| "Khi hợp nhất vào tỉnh Phú Thọ," "Lúc sáp nhập với tỉnh Bình Định," (also with the merger's day "(1/7/2025)") opening a sentence, in a page dated after 1 July 2025, with no year of its own | "Tính đến ngày 30/6/2025, khi hợp nhất vào tỉnh Phú Thọ," (the stocks the old province took into it) |

A province after "trước / sau / khi hợp nhất với (vào)" ("Đến thời điểm trước hợp nhất với tỉnh Phú Yên
(30/6/2025), con số này là 82.915") says what the counted province was merged with: it is no mention
of a scope (`merger_partner`).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

_MERGE = r"(?:hợp nhất|sáp nhập|sắp xếp|chia tách|tách tỉnh)"  # (the words after it up to the bracket are free)
_BEFORE_NAMED_DAY_RE = re.compile(r"(?<![\wđ])([Tt])rước (?:ngày|thời điểm|khi) " + _MERGE
                                  + r"[^\d(),.;]{0,40}?\s*\((?:ngày\s+)?(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\)(?=\s*,)")
_AT_MERGER_RE = re.compile(r"(?:^|(?<=[.–-] )|(?<=\n))(?P<clause>(?:[Kk]hi|[Ll]úc|[Tt]hời điểm) (?:được )?(?:hợp nhất|sáp nhập)"
                           r" (?:vào|với) (?:tỉnh|thành phố) [^\d,.;()]{2,40}?)(?:\s*\((?:ngày )?0?1/0?7/2025\))?(?=,)")
_MERGER_PAGE_RE = re.compile(r"(?<!\d)\d{1,2}\s*/\s*\d{1,2}\s*/\s*(2025|2026|2027)(?!\d)")
_PARTNER_RE = re.compile(r"(?<![\wđ])(?:trước|sau|khi|lúc)(?: khi)? (?:hợp nhất|sáp nhập) (?:với|vào) $",
                         re.IGNORECASE)


def day_before(m: re.Match, words: str) -> str:
    """"words d/m/y" for the day before the one m's groups 2-4 give (day, month, year), with the capital
    of m's group 1; m's text when that day does not exist."""
    try:
        day = date(int(m[4]), int(m[3]), int(m[2])) - timedelta(days=1)
    except ValueError:
        return m.group(0)
    return f"{words[0].upper() if m[1].isupper() else words[0]}{words[1:]} {day.day}/{day.month}/{day.year}"


def _after_merger(text: str) -> bool:
    """A page dated after the merger: its first date (the dateline) is of July 2025 or later."""
    m = _MERGER_PAGE_RE.search(text)
    if m is None:
        return False
    month = int(re.findall(r"\d{1,2}", m.group(0))[1])
    return int(m[1]) > 2025 or month >= 7


def merger_eves(text: str) -> str:
    """text with the merger's days of the module docstring written as dates."""
    text = _BEFORE_NAMED_DAY_RE.sub(lambda m: day_before(m, "tính đến ngày"), text)
    if _after_merger(text):
        text = _AT_MERGER_RE.sub(lambda m: f"Tính đến ngày 30/6/2025, {m['clause'][0].lower()}{m['clause'][1:]}", text)
    return text


def merger_partner(text: str, start: int) -> bool:
    """The mention at start names the province the counted one was merged with."""
    return bool(_PARTNER_RE.search(text, max(0, start - 40), start))
