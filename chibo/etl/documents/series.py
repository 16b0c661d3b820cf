"""A series of one count over the years, each item a year and a number without its noun: "Số
đảng viên toàn Đảng: cuối năm 1991 khoảng 2,1 triệu; cuối năm 2001 khoảng 2,5 triệu; …", "Đảng có
gần 1,9 triệu đảng viên; năm 2016 là hơn 4,5 triệu và hôm nay là hơn 5,6 triệu đảng viên". The
number counts what the series names: the label before the colon ("Số đảng viên …:"), or the count
of the same sentence before it, or the noun right after the next item; a sentence of items in
thousands or millions alone ("Năm 2008 đã hơn 3,4 triệu; năm 2019 khoảng 5,2 triệu.") continues the
count of the sentence before ("Đảng có khoảng 2,1 triệu đảng viên."). Only totals: an item of a
part ("nữ chiếm …") is not a series item.
"""
from __future__ import annotations

import re

from . import vocabulary as voc
from .figures import Candidate
from .numbers import find_quantities

# The item's year opening its clause: "cuối năm 1991", "năm 2016 là", "đến năm 2020:", "2011:", a
# congress by its number and year ("; lần thứ XXI (2005): 4.105", "Đại hội XXII (2010) 4.986"), or a
# year with its count in brackets ("năm 1991 (khoảng 2,1 triệu)").
_ITEM_YEAR_RE = re.compile(
    r"(?:^|[;:,]|\svà)\s*(?:(?:đến |tới |vào )?(?:cuối |đầu |giữa )?(?:năm )?(?:19|20)\d\d|hôm nay|hiện nay"
    r"|nay|(?:Đại hội\s+)?(?:lần thứ\s+)?[IVXLC]+\s*\(\s*(?:tháng\s+\d{1,2}/|năm\s+)?(?:19|20)\d\d\s*\))\s*(?:đã\s+)?"
    r"(?:là|:|đạt|có|(?:tăng )?lên|(?:giảm )?còn)?\s*$|(?<![\wđ])năm (?:19|20)\d\d\s*\(\s*$", re.IGNORECASE)
# What may follow the number in an item: the next item, the sentence's end, a bracket's close.
_ITEM_END_RE = re.compile(r"\s*(?:[;,.)]|và(?![\wđ])|$)", re.IGNORECASE)
# A series headed by what it counts without a colon: "Số đảng viên … năm 2016 (khoảng 4,5 triệu)".
_HEAD_RE = re.compile(r"\s*(?:Tổng )?[Ss]ố (?:lượng )?")
# A number in thousands or more ("hơn 3,4 triệu", "vượt ba triệu sáu trăm nghìn").
_SCALE_RE = re.compile(r"(?<![\wđ])(?:nghìn|ngàn|vạn|triệu)(?![\wđ])", re.IGNORECASE)
# The series' label: "Số đảng viên toàn Đảng: …".
_LABEL_RE = re.compile(r"\s*(?:Tổng )?[Ss]ố (?:lượng )?(?P<noun>[^:;]{2,60}?):")


def _label_metric(sentence: str) -> str | None:
    m = _LABEL_RE.match(sentence) or _HEAD_RE.match(sentence)
    noun = voc.metric_at(voc.fold(sentence), m.start("noun") if "noun" in m.groupdict() else m.end()) if m else None
    return noun[0] if noun else None


def series_items(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """Add the items of a series the counted candidates left out (module docstring)."""
    label = _label_metric(sentence)
    taken = [(c.start, c.end) for c in out]
    added = []
    for q in find_quantities(sentence):
        if q.is_words and q.value < 1000 or \
                any(s <= q.start < e or q.start <= s < q.end for s, e in taken) or \
                not _ITEM_YEAR_RE.search(sentence, 0, q.start) or not _ITEM_END_RE.match(sentence, q.end):
            continue
        before = [c for c in out if c.end <= q.start and c.value and c.dimension is None]
        after = [c for c in out if c.start >= q.end and c.value and c.dimension is None]
        metric = label if label and not before else (before[-1].metric if before else None)
        if metric is None and after and _ITEM_YEAR_RE.search(sentence, 0, after[0].start):
            metric = after[0].metric  # "năm 2015 là 76.112, năm 2020 là 80.431, năm 2024 là 86.950 đồng chí"
        if metric is None and not out and _SCALE_RE.search(q.text):
            metric = "_same"  # "Năm 2008 đã hơn 3,4 triệu; …" after "Đảng có khoảng 2,1 triệu đảng viên."
        if metric is None or metric not in voc.MEMBERS | {"base_orgs_total", "cells_total", "_same"}:
            continue
        added.append(Candidate(q.start, q.end, q.text, float(q.value), q.qualifier, metric, q.end))
    return sorted(out + added, key=lambda c: c.start)
