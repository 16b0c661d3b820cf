"""`template`: one CSV and one XLSX per input, with the Vietnamese headers, one example row and
(in the workbook) a guide sheet listing every accepted alias."""

from __future__ import annotations

import csv
from pathlib import Path

import xlsxwriter

from chibo.etl.schema import ENTITIES, Entity

GUIDE_HEADER = ("Cột / column", "Tiêu đề / header", "Tên khác được chấp nhận / accepted aliases",
                "Kiểu / type", "Bắt buộc / required", "Giá trị / allowed values")


def _headers(entity: Entity) -> list[str]:
    return [c.label_vi or c.name for c in entity.columns]


def _example(entity: Entity) -> list[str]:
    return [c.example for c in entity.columns]


def write_templates(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for entity in ENTITIES:
        path = directory / f"{entity.name}.csv"
        with path.open("w", newline="", encoding="utf-8-sig") as out:
            writer = csv.writer(out)
            writer.writerow(_headers(entity))
            writer.writerow(_example(entity))
        written.append(path)
        path = directory / f"{entity.name}.xlsx"
        book = xlsxwriter.Workbook(str(path))
        bold = book.add_format({"bold": True, "bg_color": "#FDE9D9", "border": 1})
        sheet = book.add_worksheet(entity.sheet_aliases[0])
        sheet.write_row(0, 0, _headers(entity), bold)
        sheet.write_row(1, 0, _example(entity))
        sheet.set_column(0, len(entity.columns) - 1, 22)
        guide = book.add_worksheet("huong_dan")
        guide.write_row(0, 0, GUIDE_HEADER, bold)
        for i, col in enumerate(entity.columns, start=1):
            guide.write_row(i, 0, (col.name, col.label_vi, "; ".join(col.aliases), col.type,
                                   "có / yes" if col.required else "", ", ".join(col.choices)))
        guide.set_column(0, 5, 30)
        book.close()
        written.append(path)
    return written
