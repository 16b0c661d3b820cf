"""The occasion a figure was said at, when it is not the page's day: a quote's occasion named after the quote
("“… hiện có 3.120 đảng viên”, đồng chí Bí thư … thông tin tại buổi làm việc … sáng 5/3/2026"), and the year so
far said in the paragraph of an event held before the page ("Sáng 19/5, … lễ kết nạp …. Như vậy, từ đầu năm đến
nay, …": up to that event's day, the README's convention of 2026-12-07, as "hiện" beside an event).
"""
from __future__ import annotations

import re
from datetime import date

from .periods import When, day_of
from .vocabulary import fold

# A quote's figures said at an occasion named after it: "“… hiện có 3.120 đảng viên”, đồng chí Bí thư … thông
# tin tại buổi làm việc … sáng 5/3/2026", "…, đồng chí … cho biết tại hội nghị ngày 15/1/2026".
_SAID_AT_RE = re.compile(r"[”\"»]\s*,[^.;”\"]{0,90}?(?:cho biết|phát biểu|thông tin|nhấn mạnh|khẳng định|chia sẻ|báo cáo)"
                         r"\s+tại\s+[^.;”\"]{0,80}?(?:ngày|sáng|chiều|tối|trưa)\s+$", re.IGNORECASE)


def said_at(sentence: str, whens: list[When], end: int) -> date | None:
    """The day of the occasion a quote holding the figure (ending at end) was said at (above), or None."""
    return next((day_of(w) for w in whens if w.start > end and w.kind == "date" and _SAID_AT_RE.search(
        sentence, end, w.start)), None)


# "từ đầu năm đến nay", "từ đầu năm học 2025 - 2026 đến nay" (folded).
_SO_FAR_RE = re.compile(r"tu dau nam(?: hoc [^.;]*)? (?:den|toi) nay")


def so_far(text: str) -> bool:
    """The time expression's text counts the year (the school year) so far."""
    return bool(_SO_FAR_RE.match(fold(text)))
