"""Checks on the cells of one sheet, column by column, before validation: text typed in a legacy
encoding (cell by cell, so a few legacy rows under a Unicode header are caught), NUL characters,
identifiers that Excel turned into scientific notation, and canonical keys for identifiers and
names (tone placement, look-alike letters, reported as a warning). Each distinct value is looked
at once."""

from __future__ import annotations

import re
from pathlib import Path

from etl.canonical import canonical, look_alike, look_alike_reason
from etl.legacy import detect_legacy_encoding
from etl.problems import Problem
from etl.schema import Entity

SCIENTIFIC = re.compile(r"^\s*[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+\s*$")
CANONICAL_TYPES = ("id", "text")
TEXT_TYPES = ("id", "text", "enum", "province")


def legacy_problem(path: Path, sheet: str | None, encoding: str, where: str = "",
                   value: str | None = None) -> Problem:
    return Problem.for_file(
        path, sheet,
        f"Văn bản có vẻ được gõ bằng bảng mã cũ {encoding}, không phải Unicode{where}; hãy "
        "chuyển sang Unicode (ví dụ bằng Unikey) rồi nạp lại",
        f"The text looks like the legacy {encoding} encoding, not Unicode{where}; convert it to "
        "Unicode (e.g. with Unikey's converter) and load again", value=value or encoding)


def check_columns(path: Path, sheet: str | None, entity: Entity, columns: dict[str, list],
                  rows: list[int]) -> tuple[list[Problem], list[Problem]]:
    """Check and canonicalise `columns` (canonical name → cell texts, in place).
    Returns (problems, warnings)."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    for name, values in columns.items():
        kind = entity.column(name).type
        seen: dict[str, str | None] = {}  # value → its canonical form (legacy checked once)
        first_look_alike = None
        look_alikes = 0
        for i, value in enumerate(values):
            if value is None:
                continue
            if "\x00" in value:
                problems.append(Problem(path.name, sheet, rows[i], name, value.replace("\x00", "\\0"),
                                        "Có ký tự NUL (mã 0) trong ô", "NUL character (code 0) in the cell"))
                continue
            if kind == "id" and SCIENTIFIC.match(value):
                problems.append(Problem(
                    path.name, sheet, rows[i], name, value,
                    "Mã ở dạng số mũ: Excel đã đổi mã thành số và làm mất chữ số; định dạng cột "
                    "là Text rồi nhập lại mã",
                    "Identifier in scientific notation: Excel turned it into a number and lost "
                    "digits; format the column as Text and enter the identifiers again"))
                continue
            if value.isascii():
                continue
            if value not in seen:
                encoding = detect_legacy_encoding(value) if kind in TEXT_TYPES else None
                if encoding:
                    return [legacy_problem(path, sheet, encoding,
                                           f" (dòng/row {rows[i]}, cột/column {name})", value)], []
                seen[value] = canonical(value) if kind in CANONICAL_TYPES else None
            if look_alike(value):
                look_alikes += 1
                first_look_alike = first_look_alike or (rows[i], value)
            if seen[value] is not None:
                values[i] = seen[value]
        if first_look_alike:
            row, value = first_look_alike
            vi, en = look_alike_reason(look_alike(value))
            more = f" ({look_alikes} ô / cells)" if look_alikes > 1 else ""
            warnings.append(Problem(path.name, sheet, row, name, value, vi + more, en + more))
    return problems, warnings
