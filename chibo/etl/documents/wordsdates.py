"""Dates written in words ("Ngày hai mươi tháng mười hai năm hai nghìn hai mươi tư", "Bắc Sơn, ngày mười
lăm tháng mười hai năm hai nghìn không trăm hai mươi tư") rewritten in digits ("ngày 20 tháng 12 năm
2024") before the page is read, as are dates in English ("Dec 18, 2025", "12 January 2025": 18/12/2025), so that datelines, place-and-date lines and the dates of sentences read
them as any other; periods in other words than periods.py reads are rewritten too (timewords.py)."""
from __future__ import annotations

import re

from .timewords import periods_in_words

_UNITS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
          "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "giêng": 1, "chạp": 12}
_WORD = r"(?:không|một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|linh|lẻ|giêng|chạp)"
_DATE_RE = re.compile(r"(?<![\wđ])(?P<ngay>[Nn]gày)\s+(?P<d>" + _WORD + r"(?:\s+" + _WORD + r"){0,2})\s+tháng\s+(?P<m>"
                      + _WORD + r"(?:\s+" + _WORD + r")?)\s+năm\s+(?P<y>" + _WORD + r"(?:\s+" + _WORD + r"){1,7})"
                      r"(?![\wđ])")


_EN_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_EN_MONTH = r"(?P<mon>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6})\.?"
_EN_DATE_RE = re.compile(r"(?<![\w/])(?:" + _EN_MONTH + r" (?P<d>\d{1,2}),? (?P<y>(?:19|20)\d{2})|(?P<d2>\d{1,2}) "
                         + _EN_MONTH.replace("mon", "mon2") + r",? (?P<y2>(?:19|20)\d{2}))(?![\w/])")
_EN_FULL = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "sept"}


def _english(m: re.Match) -> str:
    mon, d, y = (m["mon"], m["d"], m["y"]) if m["mon"] else (m["mon2"], m["d2"], m["y2"])
    if len(mon) > 3 and mon.lower() not in _EN_FULL:
        return m.group(0)  # "Marketing 5, 2025": no month
    return f"{int(d)}/{_EN_MONTHS.index(mon[:3].lower()) + 1}/{y}" if 1 <= int(d) <= 31 else m.group(0)


def number(words: str) -> int | None:
    """The number Vietnamese words say ("hai nghìn không trăm hai mươi lăm" → 2025), or None."""
    total = hundreds = tens = ones = 0
    for w in words.lower().split():
        if w in _UNITS:
            ones = _UNITS[w]
        elif w == "mươi":
            tens, ones = ones * 10, 0
        elif w == "mười":
            tens, ones = 10, 0
        elif w == "trăm":
            hundreds, tens, ones = ones * 100, 0, 0
        elif w in ("nghìn", "ngàn"):
            total, hundreds, tens, ones = total + (hundreds + tens + ones) * 1000, 0, 0, 0
        elif w not in ("linh", "lẻ"):
            return None
    return total + hundreds + tens + ones


def _digits(m: re.Match) -> str:
    d, mo, y = number(m["d"]), number(m["m"]), number(m["y"])
    if not (d and mo and y) or not (1 <= d <= 31 and 1 <= mo <= 12 and 1900 <= y <= 2100):
        return m.group(0)
    return f"{m['ngay']} {d} tháng {mo} năm {y}"


def dates_in_digits(text: str) -> str:
    """text with each date written in words rewritten in digits (module docstring)."""
    return periods_in_words(_EN_DATE_RE.sub(_english, _DATE_RE.sub(_digits, text)))
