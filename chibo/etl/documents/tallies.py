"""A tally of "Label: N" lines closed by its sum ("Xã, phường: 103 … Lực lượng vũ trang: 96 /
Tổng cộng: 707") under a heading that names what is counted ("SỐ LIỆU TỔ CHỨC CƠ SỞ ĐẢNG … THEO
LOẠI HÌNH", "SỐ LƯỢNG ĐẢNG VIÊN … THEO KHỐI"): read as the total first ("Tổng số tổ chức cơ sở
đảng: 707") and the labelled lines as its items, so that each is a part of it. Only when the sum
line equals the sum of the lines above it, and at least two lines are summed.
"""
from __future__ import annotations

import re

from .vocabulary import fold

_LINE_RE = re.compile(r"^\s*(?:[-+•]\s*)?(?P<label>[^\W\d][^:\d]{1,60}?)\s*:\s*(?P<n>\d{1,3}(?:\.\d{3})+|\d+)\s*$")
_SUM_RE = re.compile(r"^\s*(?:Tổng cộng|Tổng số|Tổng|Cộng)\s*:\s*(?P<n>\d{1,3}(?:\.\d{3})+|\d+)\s*$",
                     re.IGNORECASE)
# What the heading counts (folded, lower case), and how the total's label names it.
_NOUNS = (("to chuc co so dang", "tổ chức cơ sở đảng"), ("dang vien", "đảng viên"), ("chi bo", "chi bộ"))


def _value(text: str) -> int:
    return int(text.replace(".", ""))


def _noun(lines: list[str]) -> str | None:
    """What the nearest heading above the tally (three lines at most) counts."""
    for line in reversed(lines[-3:]):
        folded = fold(line).lower()
        found = next((noun for key, noun in _NOUNS if key in folded), None)
        if found:
            return found
    return None


def tallied(lines: list[str]) -> list[str]:
    """The lines with each tally rewritten as its total then its items (module docstring)."""
    out: list[str] = []
    run: list[str] = []
    for line in lines:
        total = _SUM_RE.match(line)
        if total and len(run) >= 2 and sum(_value(_LINE_RE.match(x)["n"]) for x in run) == _value(
                total["n"]) and (noun := _noun(out[:len(out) - len(run)])):
            del out[len(out) - len(run):]
            out.append(f"Tổng số {noun}: {total['n']}")
            out.extend("- " + _LINE_RE.match(x)["label"].lstrip("-+• ") + ": " + _LINE_RE.match(x)["n"]
                       for x in run)
            run = []
            continue
        run = run + [line] if _LINE_RE.match(line) and not _SUM_RE.match(line) else []
        out.append(line)
    return out
