"""Years counted on from a day, written with the year they reach in brackets: "Sau 20 năm (2006), số
đảng viên đã tăng lên hơn 3,1 triệu", "tròn 10 năm sau (2018) đã lên 8.105 đảng viên", "mười năm sau
đó (2018)": the bracket is the year of the count, read as "(năm 2006)" (periods.py's year), not the
year named before the interval. A bracket that is not a bare year ("Sau 5 năm (2020 - 2025)") is
left to periods.py.
"""
from __future__ import annotations

import re

_COUNT = r"(?:\d{1,3}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?: lăm)?|hai mươi|ba mươi|bốn mươi|năm mươi)"
_LATER_RE = re.compile(r"(?<![\wđ])(?:(?:[Ss]au|[Tt]rải qua)\s+(?:(?:tròn|đúng|gần|hơn)\s+)?" + _COUNT + r"\s+năm"
                       r"|" + _COUNT + r"\s+năm\s+sau(?:\s+đó)?)\s*\(\s*(?P<y>(?:19|20)\d{2})\s*\)")


def years_later(text: str) -> str:
    """text with the bracketed year after an interval written "(năm 2006)" (module docstring)."""
    return _LATER_RE.sub(lambda m: m.group(0)[:m.start("y") - m.start()] + "năm " + m.group(0)[m.start("y") - m.start():], text)
