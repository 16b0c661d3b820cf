"""Counts whose noun is left out because the count before them in the sentence gave it: a
coordination that only changes the place or the time of what is counted.

| phrasing | read as |
|---|---|
| "Đảng bộ Thành phố có 276.000 đảng viên, tỉnh Bình Dương hơn 68.000 và tỉnh Bà Rịa - Vũng Tàu gần 58.000" | members of each province |
| "Năm qua, phường kết nạp 98 đảng viên (năm 2024: 81)" | admissions of 2024 |
| "năm kia kết nạp được 2 đồng chí, năm ngoái 3 đồng chí" | admissions of last year |

The count takes the metric (and the dimension, for a part) of the count before it, when the clause
before the number is only a place (a level word and a capitalised name) or a time (a year, a term, a
quarter, a month, "năm ngoái" …), the number closes its clause (a counter noun may follow it), and
nothing between the two opens a breakdown ("trong đó", "gồm", "riêng": a count after those is a
part, links.py's). One more item of a list of parts, its label opening with the same word as the part
before it ("người Tày 641, người Nùng 503, người Kinh 248"), is a part no dimension names. Any other
bare number stays no figure.
"""
from __future__ import annotations

import re

_OPENS_PARTS_RE = re.compile(r"(?<![\wđ])(?:trong đó|trong số đó|gồm|chia ra|cụ thể|riêng|chiếm)(?![\wđ])",
                             re.IGNORECASE)
_SEP_RE = re.compile(r"[,;(]|\s(?:và|còn)\s")
_LEAD_RE = re.compile(r"\s*(?:và|còn|,)?\s*(?:của\s+|ở\s+|tại\s+)?", re.IGNORECASE)
_TAIL_RE = re.compile(r"\s*(?:là|có|đạt|được|với|:)?\s*$", re.IGNORECASE)
_TIME_RE = re.compile(r"(?:năm|nhiệm kỳ|giai đoạn|quý|tháng|đợt)\s+(?:\d{1,2}/)?(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?"
                      r"|(?:năm|quý)\s+(?:ngoái|kia|nay|trước|qua|[IV]+)|(?:19|20)\d\d", re.IGNORECASE)
_PLACE_RE = re.compile(r"(?i:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+"
                       r"(?P<name>\w[\w'’]*(?:(?:\s*-\s*|\s+)\w[\w'’]*){0,4})")
_ENDS_RE = re.compile(r"(?:\s+(?:đồng chí|người|đ/c)(?![\wđ]))?(?=\s*(?:[,;.)]|và\s|$))", re.IGNORECASE)


def elided(sentence: str, start: int, end: int, before: list) -> tuple[str | None, tuple | None, int]:
    """(metric, dimension (kind, value, end) or None, noun end) of a count at sentence[start:end] whose
    noun the count before it gave (module docstring); (None, None, end) for any other count."""
    if not before or before[-1].metric in ("_same", "_candidates") or not (close := _ENDS_RE.match(sentence, end)):
        return None, None, end
    prev = before[-1]
    seps = [m.end() for m in _SEP_RE.finditer(sentence, prev.noun_end, start)]
    if not seps or _OPENS_PARTS_RE.search(sentence, prev.noun_end, start):
        return None, None, end
    text = sentence[seps[-1]:start]
    text = text[_LEAD_RE.match(text).end():]
    text = text[:_TAIL_RE.search(text).start()].strip()
    place = _PLACE_RE.fullmatch(text)
    if not text or not (_TIME_RE.fullmatch(text) or place and all(
            w[0].isupper() for w in re.split(r"[\s-]+", place["name"]) if w)):
        if text and prev.dimension and prev.dimension != "sector" and _parallel(sentence, prev, text):
            return "_part", ("other", None, close.end()), close.end()  # "người Tày 641, …, người Kinh 248"
        return None, None, end
    dim = (prev.dimension, prev.dimension_value, close.end()) if prev.dimension else None
    return prev.metric, dim, close.end()


def _parallel(sentence: str, prev, label: str) -> bool:
    """A short label opening with the same word as the label of the part before it: one more item
    of the same list ("người Mường 871 đồng chí; người Kinh 181 đồng chí"), a part no dimension names."""
    head = re.split(r"[,;:(]", sentence[:prev.start])[-1].split()
    words = label.split()
    return bool(head) and 2 <= len(words) <= 4 and not any(c.isdigit() for c in label) and \
        words[0].lower() == head[0].lower() and len(head) <= 5
