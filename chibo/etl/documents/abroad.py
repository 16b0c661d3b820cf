"""Figures of another country's party, which the warehouse does not count (issue 14: passages
that must yield nothing): "Đảng Nhân dân Cách mạng Lào hiện có hơn 348.000 đảng viên", "Đảng
Cộng sản Trung Quốc có hơn 100 triệu đảng viên", told by a visiting delegation or a news agency.
A count after such a party's name in its sentence is dropped, unless a body of ours is named
between them ("… Đảng Cộng sản Cuba; Đảng bộ tỉnh có 1.200 đảng viên"). The Party of Viet Nam
under its former names ("Đảng Lao động Việt Nam", "Đảng Cộng sản Đông Dương") is ours.
"""
from __future__ import annotations

import re

_FOREIGN_PARTY_RE = re.compile(
    r"(?<![\wđ])(?-i:Đảng) (?:Nhân dân Cách mạng Lào|Nhân dân Campuchia|Lao động Triều Tiên|"
    r"Cộng sản (?!Việt Nam|Đông Dương)(?-i:[A-ZĐ])[\w-]*)", re.IGNORECASE)
# A body of ours between the party named and the count: the count is ours.
_OURS_RE = re.compile(r"(?<![\wđ])(?:Đảng bộ|Chi bộ|Đảng ủy|Đảng uỷ|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ta|"
                      r"Đảng Cộng sản Việt Nam|nước ta|cả nước|toàn quốc)(?![\wđ])", re.IGNORECASE)


def foreign_count(sentence: str, start: int) -> bool:
    """Whether the count at start is one of another country's party (module docstring)."""
    named = list(_FOREIGN_PARTY_RE.finditer(sentence, 0, start))
    return bool(named) and not _OURS_RE.search(sentence, named[-1].end(), start)
