"""A sum said after its parts: "31 đảng viên chính thức và 3 đảng viên dự bị, vị chi 34 đảng viên",
"…, tổng cộng 34", "…, cả thảy 34". A count right after a word of summing ("vị chi", "tổng cộng",
"cộng lại", "cả thảy", "tất cả là", "tổng số là") is the whole of the counts of members before it in
its sentence that have no whole yet, when it equals their sum: each becomes its part (with the
members' metric of its dimension; a group no dimension names, "9 đồng chí nam", a part without one). A sum that is not theirs ("… 3 dự bị; tổng cộng 40 người dự lễ") is left as it is.
"""
from __future__ import annotations

import re

from .parts import part_metric

_SUM_TEXT_RE = re.compile(r"vị chi\s", re.IGNORECASE)
_PEOPLE = ("members_total", "members_female", "members_official", "members_probationary")
_SUMMING_RE = re.compile(r"(?:vị chi|tổng cộng|cộng lại|cộng|cả thảy|tất cả là|tất cả|tổng số là|tổng số|"
                         r"tổng)\s*(?:là\s+|có\s+)?$", re.IGNORECASE)


def _is_sum(sentence: str, start: int, text: str) -> bool:
    """A count said as a sum: after a word of summing, or with it ("vị chi 34")."""
    return bool(_SUMMING_RE.search(sentence[max(0, start - 20):start]) or _SUM_TEXT_RE.match(text))


def later_parts(sentence: str, candidates: list) -> list:
    """Parts named by their dimension alone before a sum said after them ("31 đ/c chính thức và 3 đ/c
    dự bị, vị chi 34"): they count what the sum counts (later_sums makes them its parts)."""
    sums = [c for c in candidates if c.dimension is None and c.value and _is_sum(sentence, c.start, c.text)]
    for c in candidates:
        if c.metric == "_part" and c.dimension and (whole := next((w for w in sums if w.start > c.end), None)):
            c.metric = part_metric(whole.metric, c.dimension, c.dimension_value)
    return candidates


def later_sums(figures: list[dict]) -> None:
    """Make the parts before a sum said after them parts of it (module docstring)."""
    for whole in figures:
        if whole["dimension"] or whole.get("_parent") or not whole["value"] or not _is_sum(
                whole["sentence"], whole["span_start"], whole["number_text"]):
            continue
        parts = [f for f in figures if f is not whole and f["sentence"] == whole["sentence"]
                 and f["span_end"] <= whole["span_start"] and not f.get("_parent") and f["value"]
                 and f["metric"] in _PEOPLE]
        if len(parts) >= 2 and sum(p["value"] for p in parts) == whole["value"]:
            for p in parts:
                p["_parent"] = whole
                p["metric"] = part_metric(whole["metric"], p["dimension"], p["dimension_value"])

