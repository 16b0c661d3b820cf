"""Institutions named without a party prefix: after "của / thuộc" ("38 sinh viên của Trường Đại học Cần
Thơ"), or opening a sentence or a heading whose next words say what body it belongs to or what the
page reports of it ("Công ty Than Núi Béo - Vinacomin, trực thuộc Đảng bộ Than Quảng Ninh, có …",
"Tập đoàn Dầu khí Quốc gia Việt Nam - kết quả công tác đảng năm 2024 (…):", "Ở Bệnh viện Nhi Đồng 1, …");
sources such as "Sở Nội vụ" are not among them."""
from __future__ import annotations

import re

from .orgnames import org_name

KINDS = r"(?:Trường|Học viện|Bệnh viện|Tổng công ty|Công ty|Tập đoàn|Ngân hàng)"
INSTITUTION_RE = re.compile(r"(?<![\wđ])(?:của|thuộc) (?P<name>(?:Trường|Học viện|Bệnh viện|"
                            r"Tổng công ty|Công ty|Tập đoàn) [A-ZĐ])")
_OPENING_RE = re.compile(r"(?:^|(?<=[.;!?]\s))(?P<name>" + KINDS + r" [A-ZĐ])")
# A sentence opening at the institution it speaks of: "Ở Bệnh viện Nhi Đồng 1, trong 318 đảng viên …".
_AT_OPENING_RE = re.compile(r"(?:^|(?<=[.;!?]\s))(?:Ở|Tại) (?P<name>" + KINDS + r" [A-ZĐ])")
# After the name: the body it belongs to, or the heading's topic after a dash or a colon.
_BELONGS_OR_HEADS_RE = re.compile(r"\s*(?:,\s*(?:trực\s+)?thuộc\s|[-–:]\s)")


def institutions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each institution so named in text (module docstring)."""
    out = []
    for m in INSTITUTION_RE.finditer(text):
        name = org_name(text, m.start("name"))
        if len(name.split()) > 2:
            out.append((m.start("name"), m.start("name") + len(name), name))
    for m in _OPENING_RE.finditer(text):
        name = org_name(text, m.start("name"))
        end = m.start("name") + len(name)
        if len(name.split()) > 2 and _BELONGS_OR_HEADS_RE.match(text, end):
            out.append((m.start("name"), end, name))
    for m in _AT_OPENING_RE.finditer(text):
        name = org_name(text, m.start("name"), numbers=True)
        end = m.start("name") + len(name)
        if len(name.split()) > 2 and text.startswith(",", end):
            out.append((m.start("name"), end, name))
    return out
