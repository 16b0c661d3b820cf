"""Admissions a clause states without the verb "kết nạp": new members over a span ("Hơn 1,8 triệu
đảng viên mới trong hai nhiệm kỳ"), a running total after admissions ("lũy kế từ đầu năm 23 ĐV"),
new members added ("đã bổ sung 45 đảng viên mới"), and admissions of another period after
admissions ("…; riêng năm 2024 là 278 đồng chí", "…, nâng tổng số cả năm lên 102 đảng viên").
clauses.py and figures.py read them.
"""
from __future__ import annotations

from . import vocabulary as voc

# "Hơn 1,8 triệu đảng viên mới trong hai nhiệm kỳ": new members over a span are its admissions.
_NEW_IN_PERIOD_RE = voc.folded(r"(?<=đảng viên mới)\s+(?:trong|sau)\s+(?:\d+|một|hai|ba|bốn|năm|mười)"
                               r"\s+(?:năm|nhiệm kỳ|tháng)(?![\wđ])|(?<=đảng viên mới)\s+(?:trong\s+)?năm\s+\d{4}")
# "Hai thập kỷ, gần 3,4 triệu đảng viên mới", "5 năm qua: hơn 9.000 đảng viên mới": the span first.
_SPAN_FIRST_RE = voc.folded(r"(?:^|[.:;]\s*)(?:trong\s+)?(?:\d+|một|hai|ba|bốn|năm|mười)\s+(?:năm|thập kỷ|"
                            r"thập niên|nhiệm kỳ)(?:\s+qua)?\s*[,:]\s*(?:(?:có|với|thêm)\s+)?$")


def new_in_period(folded: str, noun_end: int, start: int = 0) -> bool:
    """New members counted over a span named right after them (_NEW_IN_PERIOD_RE), or heading
    their clause ("Hai thập kỷ, gần 3,4 triệu đảng viên mới")."""
    return bool(_NEW_IN_PERIOD_RE.match(folded, noun_end)) or bool(
        _SPAN_FIRST_RE.search(folded, 0, start)) and folded[:noun_end].endswith("dang vien moi")


_CUMULATIVE_RE = voc.folded(r"(?<![\wđ])(?:(?:lũy kế|luỹ kế|cộng dồn)(?![\wđ])[^,;.]*|(?:(?:nhiều|cao) nhất|"
                            r"dẫn đầu|đứng đầu) là\s[^,;.]*\svới\s*)$")  # "…, nhiều nhất là xã A với 31 …"


def cumulated(folded: str, floor: int, start: int, before: list) -> bool:
    """Admissions after admissions: a running total ("lũy kế từ đầu năm 23 ĐV"), the place leading
    them, or the same admissions over another period ("…, nâng tổng số cả năm lên 102 đảng viên")."""
    return bool(_CUMULATIVE_RE.search(folded, floor, start)) and any(
        c.metric == "new_admissions" for c in before) or bool(before) and before[-1].metric == \
        "new_admissions" and other_period(folded, before[-1].noun_end, start)


# "đã bổ sung 45 đảng viên mới": new members added are admissions (not "bổ sung 40 đảng viên cho
# các chi bộ thôn", members moved).
_ADDED_RE = voc.folded(r"(?<![\w])bổ sung(?: thêm)?(?: được)?\s+$")
_NEW_MEMBERS_RE = voc.folded(r"\S+\s+(?:đảng viên mới|tân đảng viên)(?![\w])")


def added_new(folded: str, clause_start: int, start: int, noun_end: int) -> bool:
    """"bổ sung 45 đảng viên mới": new members added to the body are its admissions."""
    return bool(_ADDED_RE.search(folded, clause_start, start) and _NEW_MEMBERS_RE.match(
        folded, start, noun_end + 4))


# After admissions, a counter of another period: one singled out of a range ("…; riêng năm 2024 là
# 278 đồng chí") or a total over a longer one ("…, nâng tổng số cả năm lên 102 đảng viên"): the
# same admissions, not members (links.py keeps a singled-out period no part).
_PERIOD = (r"(?:năm \d{4}|quý [IV\d]+(?:/\d{4})?|tháng \d{1,2}(?:/\d{4})?|(?:\d+|sáu|chín) tháng (?:đầu|cuối) năm"
           r"(?: \d{4})?|cả năm|trong năm|từ đầu năm(?: đến nay)?|cả nhiệm kỳ|cả giai đoạn)")
_OTHER_PERIOD_RE = voc.folded(r"\s*[,;]\s*(?:(?:riêng|trong đó|tính riêng)\s+(?:trong\s+)?" + _PERIOD
                              + r"\s*,?\s*(?:là|có|đạt|được)?|(?:nâng|đưa)\s+tổng\s+(?:số\s+)?(?:kết nạp\s+)?"
                              + _PERIOD + r"\s+lên)\s*$")


def other_period(folded: str, start: int, end: int) -> bool:
    """Between admissions and a counter, another period of them (_OTHER_PERIOD_RE)."""
    return bool(_OTHER_PERIOD_RE.match(folded[start:end]))
