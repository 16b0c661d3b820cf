"""The body a named organisation belongs to: "Đảng bộ Ngân hàng TMCP Công Thương Việt Nam (VietinBank),
trực thuộc Đảng bộ Chính phủ, hiện có …", "Đảng bộ Bộ Tài chính là một trong những đảng bộ lớn trực thuộc
Đảng bộ Chính phủ, với …": the committee after "(trực) thuộc" says where the body named before it
stands, it is not the scope of what the sentence counts. Only between the two names, before any number:
"… có 58 đảng bộ trực thuộc Đảng ủy Khối" counts under the name after it.
"""
from __future__ import annotations

import re

# The words between the body and its parent: a short name in brackets, "là một trong những đảng bộ lớn".
_BELONGS_GAP_RE = re.compile(r"[^\d;.:]{0,80}?(?<![\wđ])(?:trực thuộc|thuộc)\s+", re.IGNORECASE)


def belongs_to(gap: str) -> bool:
    """The text between two named bodies makes the second the first's parent (module docstring)."""
    return bool(_BELONGS_GAP_RE.fullmatch(gap))
