"""Days of a merger, written around a clause rather than as a date of the figure, rewritten to the
forms periods.py reads before the page is read (as timewords.py does):

| written | read as |
|---|---|
| "Trước khi hợp nhất với tỉnh Thái Nguyên," "Trước khi sáp nhập vào tỉnh Quảng Ngãi," (a province named, on its own or with its level) | "Tính đến ngày 30/6/2025," (the day before the provinces merged: a cut-off, not the day of an event the paragraph reports) |
| "trước ngày hợp nhất với Đồng Nai (1/7/2025)," (the merger's day in brackets) | "tính đến ngày 30/6/2025," (the day before it) |
| "Trước khi sáp nhập, Đảng bộ tỉnh Hà Giang có …", "Trước hợp nhất, tỉnh …", "Trước thời điểm hợp nhất, riêng (toàn) Đảng bộ tỉnh …" (no object, a province of 30 June 2025 named right after, maybe after a word or two); "Tại (Vào) thời điểm hợp nhất, …", "Khi (Lúc) sáp nhập, …" before a province that ended with the merger | "Tính đến ngày 30/6/2025, Đảng bộ tỉnh Hà Giang có …" |
| "Sau khi hợp nhất với Bộ Thông tin và Truyền thông (từ ngày 1/3/2025)," | "Sau khi hợp nhất với Bộ Thông tin và Truyền thông," (the bracket is the day of the merger, not of the figure, which the paragraph's event or the page's day dates) |

The old province keeps its code on that day (scope.province_on), so "Đảng bộ tỉnh Bắc Kạn" before
the merger is 06, not the merged province's. A merger of other bodies ("Trước khi hợp nhất với Bộ
…,", "Trước khi sáp nhập, Đảng bộ xã …") or of a province gone before 2025 ("Trước khi sáp nhập,
Đảng bộ tỉnh Hà Tây …") without its day says nothing of the day counted: left as written.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .scope import province_row, resolve_province

MERGER_EVE = date(2025, 6, 30)  # the provinces merged on 1 July 2025
_NAME = r"[A-ZĐ][\w]*(?:(?: | - | – )[A-ZĐ][\w]*)*"
_BEFORE_RE = re.compile(r"(?<![\wđ])(?P<t>[Tt])rước (?:khi |ngày )(?:được )?(?:hợp nhất|sáp nhập)(?: (?:với|vào) (?P<level>"
                        r"(?:tỉnh|thành phố) )?(?P<name>" + _NAME + r"))?(?:\s*\((?:ngày )?(?P<d>\d{1,2})/(?P<m>\d{1,2})/"
                        r"(?P<y>(?:19|20)\d{2})\))?(?=\s*,)")
_BARE_BEFORE_RE = re.compile(r"(?<![\wđ])(?:(?P<t>[Tt])rước (?:khi |thời điểm )?|(?P<at>(?:[TtVv]ại|[Vv]ào|Ở|ở) thời điểm |[Kk]hi |[Ll]úc ))"
                             r"(?:hợp nhất|sáp nhập)(?=\s*,\s*(?:(?!Đảng)[^\W\d]+ ){0,2}"
                             r"(?:(?:các )?(?:Đảng bộ|Đảng ủy|Đảng uỷ) )?(?:tỉnh|thành phố) (?P<name>" + _NAME + r"))")
_AFTER_RE = re.compile(r"(?<![\wđ])(?P<clause>[Ss]au (?:khi )?(?:hợp nhất|sáp nhập)(?: (?:với|vào) [^,.;()\n]{1,80}?)?)"
                       r"\s*\((?:từ |kể từ )?(?:ngày )?\d{1,2}/\d{1,2}/(?:19|20)\d{2}\)(?=\s*,)")


def _eve(m: re.Match) -> str:
    """The day before the merger of the clause, or the clause as written."""
    if m["d"]:
        try:
            day = date(int(m["y"]), int(m["m"]), int(m["d"])) - timedelta(days=1)
        except ValueError:
            return m.group(0)
    elif m["name"] and (m["level"] or resolve_province(m["name"], MERGER_EVE)):
        day = MERGER_EVE
    else:
        return m.group(0)
    return f"{m['t']}ính đến ngày {day.day}/{day.month}/{day.year}"  # a cut-off, not an event (dating.py)


def _bare_eve(m: re.Match) -> str:
    """"Trước khi sáp nhập," before a province of the eve of the merger: that day."""
    if not resolve_province(m["name"], MERGER_EVE) or m["at"] and not _ended_at_merger(m["name"]):
        return m.group(0)
    return f"{m['t'] or m['at'][0].isupper() and 'T' or 't'}ính đến ngày {MERGER_EVE.day}/{MERGER_EVE.month}/{MERGER_EVE.year}"


def _ended_at_merger(name: str) -> bool:
    """A province that ended with the merger (its last day 30/6/2025): "Tại thời điểm hợp nhất, riêng Đảng
    bộ tỉnh Kon Tum …" counts on that day; the merged province ("… tỉnh Quảng Ngãi (mới)") goes on."""
    code = resolve_province(name, MERGER_EVE + timedelta(days=1))
    return bool(code and province_row(code).get("valid_to") == MERGER_EVE)


def merger_days(text: str) -> str:
    """text with the clauses of the module docstring rewritten."""
    text = _BARE_BEFORE_RE.sub(_bare_eve, _BEFORE_RE.sub(_eve, text))
    return _AFTER_RE.sub(lambda m: m["clause"], text)
