"""A pasted table whose one row sums the others (its first cell "Tổng cộng", "Tổng số", "Cộng", "Toàn
Đảng bộ", "Toàn tỉnh" …, first or last): the other rows are parts of it, column by column, whatever
they are (kinds of cell, blocs, groups of new members). The table is read as its sum row first,
then the other rows as the items of a breakdown, each count with its column's noun:

| pasted | read as |
|---|---|
| "Loại chi bộ \\| Số chi bộ \\| Số đảng viên" / "Tổ dân phố \\| 32 \\| 1.904" / … / "Tổng cộng \\| 58 \\| 2.545" | "Tổng cộng: 58 chi bộ, 2.545 đảng viên. Trong đó:" / "- Tổ dân phố: 32 chi bộ với 1.904 đảng viên;" … |

So a row names its part as a sentence does ("Tổ dân phố" residential, "Đoàn viên thanh niên" youth
union; a group the vocabulary does not know is a part without dimension), and no row is read as a
total beside the sum. Only when every column after the first counts something (columns.py) and no
row's count is above the sum's. A table of bodies ("Phường Hòa An", "Xã Đạ Ploa", then "Toàn quận")
is left as it is: each row is its body's own total.
"""
from __future__ import annotations

import re

from .columns import column_label

_SUM_HEAD_RE = re.compile(r"(?:Tổng cộng|Tổng số|Tổng|Cộng|Chung|Toàn (?:Đảng bộ|tỉnh|thành phố|huyện|quận|thị xã|"
                          r"xã|phường|khối|ngành|đơn vị|công ty|tổng công ty|trường|cơ quan))(?:\s*\([^()]*\))?",
                          re.IGNORECASE)
# A row's first cell naming a body: its counts are its own totals, not parts of the sum.
_BODY_HEAD_RE = re.compile(r"(?:Phường|Xã|Thị trấn|Thị xã|Huyện|Quận|Thành phố|TP\.?|Tỉnh|Đảng bộ|Đảng ủy|"
                           r"Chi bộ|Công ty|Tổng công ty|Trường|Bệnh viện|Sở|Cục|Ban|Ủy ban|Đặc khu)\s+[A-ZĐÀ-Ỹ\d]")
_SEPARATOR_RE = re.compile(r"^[\s|:-]+$")
_COUNT_RE = re.compile(r"^(?P<n>\d{1,3}(?:\.\d{3})+|\d+)$")
# How each column's count is said in a sentence.
_NOUNS = {"Số đảng viên kết nạp": "đảng viên mới", "Số tổ chức cơ sở đảng": "tổ chức cơ sở đảng",
          "Số đảng viên": "đảng viên", "Số chi bộ trực thuộc": "chi bộ trực thuộc", "Số chi bộ": "chi bộ"}


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _value(cell: str) -> int | None:
    m = _COUNT_RE.match(cell)
    return int(m["n"].replace(".", "")) if m else None


def _read(header: list[str], rows: list[list[str]]) -> list[str] | None:
    """The table as its sum row then its items, or None when it is not a table of parts and a sum."""
    nouns = [_NOUNS.get(column_label(h) or "") for h in header[1:]]
    sums = [r for r in rows if _SUM_HEAD_RE.fullmatch(r[0])]
    parts = [r for r in rows if r not in sums]
    if not all(nouns) or len(sums) != 1 or not parts or any(_BODY_HEAD_RE.match(r[0]) for r in parts):
        return None
    total = [_value(c) for c in sums[0][1:]]
    if None in total or any(v is None or v > t for r in parts for v, t in zip(map(_value, r[1:]), total)):
        return None
    said = lambda row: [f"{c} {noun}" for c, noun in zip(row[1:], nouns)]  # noqa: E731
    items = [f"- {r[0]}: {' với '.join(said(r))};" for r in parts]
    return [f"{sums[0][0]}: {', '.join(said(sums[0]))}. Trong đó:"] + items[:-1] + [items[-1][:-1] + "."]


def summed(lines: list[str]) -> list[str]:
    """The lines with each table of parts and their sum rewritten (module docstring)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        header = _cells(lines[i]) if "|" in lines[i] else []
        j, rows = i + 1, []
        while len(header) >= 2 and j < len(lines) and "|" in lines[j]:
            if not _SEPARATOR_RE.match(lines[j]):
                if len(_cells(lines[j])) != len(header):
                    break
                rows.append(_cells(lines[j]))
            j += 1
        read = _read(header, rows) if len(header) >= 2 and rows else None
        if read:
            out.extend(read)
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out
