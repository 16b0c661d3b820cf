"""A problem found in input: where (file, sheet, row, column), the value, and why, in two languages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One rejected cell, row or file. `row` and `column` are None when the whole file is at fault."""

    file: str
    sheet: str | None
    row: int | None
    column: str | None
    value: str | None
    reason_vi: str
    reason_en: str

    @classmethod
    def for_file(cls, path: Path, sheet: str | None, reason_vi: str, reason_en: str,
             value: str | None = None) -> Problem:
        return cls(path.name, sheet, None, None, value, reason_vi, reason_en)

    def where(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"[{self.sheet}]")
        if self.row is not None:
            parts.append(f"dòng/row {self.row}")
        if self.column:
            parts.append(f"cột/column {self.column}")
        return " ".join(parts)
