"""The year-end statistics workbook laid out like the official statistics tables: per sheet a
title block (the reporting committee, the table's number and name, "số liệu tính đến"), a header
with units and numbered columns (A, B, C, 1, 2 …), numbered rows with totals in bold and details
in italics, a notes row and a signature block (người lập biểu / thủ trưởng), printable on A4
landscape. Every text is written as a string (never a formula) and numbers as numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlsxwriter

from chibo.etl.report.tables import PERCENT, Table

WORDS = {
    "party": ("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIET NAM"),
    "as_of": ("Số liệu tính đến ngày {day}", "Figures as of {day}"),
    "no": ("STT", "No."),
    "item": ("Chỉ tiêu", "Item"),
    "unit": ("Đơn vị tính", "Unit"),
    "notes": ("Ghi chú: ", "Notes: "),
    "maker": ("NGƯỜI LẬP BIỂU", "PREPARED BY"),
    "head": ("T/M {committee}", "FOR {committee}"),
    "sign": ("(Ký, ghi rõ họ tên)", "(Signature and full name)"),
    "place": ("…………, ngày …… tháng …… năm ……", "…………, date ……………………"),
    "of_which": ("Trong đó: ", "Of which: "),
}


def _w(key: str, lang: str) -> str:
    return WORDS[key][1 if lang == "en" else 0]


def _formats(wb):
    base = {"font_name": "Times New Roman", "font_size": 12, "valign": "vcenter"}

    def f(**more):
        return wb.add_format({**base, **more})
    cell = {"border": 1}
    return {
        "party": f(bold=True, align="center"), "committee": f(bold=True, align="center"),
        "title": f(bold=True, font_size=14, align="center"), "sub": f(italic=True, align="center"),
        "head": f(bold=True, align="center", text_wrap=True, **cell, bg_color="#F2F2F2"),
        "num": f(italic=True, align="center", **cell),
        "text0": f(bold=True, text_wrap=True, **cell), "text1": f(text_wrap=True, indent=1, **cell),
        "text2": f(italic=True, text_wrap=True, indent=2, **cell),
        "no": f(align="center", **cell), "unit": f(align="center", **cell),
        "int0": f(bold=True, num_format="#,##0", **cell), "int1": f(num_format="#,##0", **cell),
        "int2": f(italic=True, num_format="#,##0", **cell),
        "pct0": f(bold=True, num_format="0.0%", **cell), "pct1": f(num_format="0.0%", **cell),
        "pct2": f(italic=True, num_format="0.0%", **cell), "blank": f(**cell),
        "note": f(italic=True, text_wrap=True, valign="top"), "sign": f(bold=True, align="center"),
        "hint": f(italic=True, align="center"),
    }


def _unit(unit: str, lang: str) -> str:
    vi, _, en = unit.partition("/")
    return (en or vi) if lang == "en" else vi


def write_sheet(wb, fmt, table: Table, committee: str, day: dt.date, lang: str) -> None:
    ws = wb.add_worksheet(table.key)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.5, right=0.4, top=0.6, bottom=0.6)
    ncol = 3 + len(table.columns)
    last = ncol - 1
    ws.set_column(0, 0, 6)
    ws.set_column(1, 1, 52)
    ws.set_column(2, 2, 14)
    ws.set_column(3, last, 18)
    half = max(1, ncol // 2)
    ws.merge_range(0, 0, 0, half - 1, committee.upper(), fmt["committee"])
    ws.merge_range(0, half, 0, last, _w("party", lang), fmt["party"])
    title = table.title_en if lang == "en" else table.title_vi
    ws.merge_range(2, 0, 2, last, f"{table.key.split('.')[0]}. {title.upper()}", fmt["title"])
    ws.merge_range(3, 0, 3, last, _w("as_of", lang).format(day=f"{day:%d/%m/%Y}"), fmt["sub"])
    ws.set_row(5, 48)
    heads = [_w("no", lang), _w("item", lang), _w("unit", lang)]
    heads += [c[1] if lang == "en" else c[0] for c in table.columns]
    for c, text in enumerate(heads):
        ws.write_string(5, c, text, fmt["head"])
    for c, text in enumerate(["A", "B", "C", *(str(i + 1) for i in range(len(table.columns)))]):
        ws.write_string(6, c, text, fmt["num"])
    number, part = 0, 0
    for i, row in enumerate(table.rows):
        r = 7 + i
        if row.level == 0:
            number, part = number + 1, 0
            no = str(number)
        elif row.level == 1:
            part += 1
            no = f"{number}.{part}"
        else:
            no = "-"
        label = row.label_en if lang == "en" else row.label_vi
        if row.level == 2 and not label.startswith(("Trong đó", "Of which")):
            label = _w("of_which", lang) + label[0].lower() + label[1:]
        ws.write_string(r, 0, no, fmt["no"])
        ws.write_string(r, 1, label, fmt[f"text{row.level}"])
        ws.write_string(r, 2, _unit(row.unit or table.columns[0][2], lang), fmt["unit"])
        for c, value in enumerate(row.values):
            percent = table.columns[c][2] == PERCENT
            if value is None:
                ws.write_blank(r, 3 + c, None, fmt["blank"])
            else:
                ws.write_number(r, 3 + c, value, fmt[f"{'pct' if percent else 'int'}{row.level}"])
    end = 7 + len(table.rows)
    note = table.note_en if lang == "en" else table.note_vi
    ws.merge_range(end + 1, 0, end + 1, last, _w("notes", lang) + note, fmt["note"])
    ws.set_row(end + 1, 36)
    ws.merge_range(end + 3, half, end + 3, last, _w("place", lang), fmt["hint"])
    ws.merge_range(end + 4, 0, end + 4, half - 1, _w("maker", lang), fmt["sign"])
    ws.merge_range(end + 4, half, end + 4, last, _w("head", lang).format(
        committee=committee.upper()), fmt["sign"])
    ws.merge_range(end + 5, 0, end + 5, half - 1, _w("sign", lang), fmt["hint"])
    ws.merge_range(end + 5, half, end + 5, last, _w("sign", lang), fmt["hint"])
    ws.repeat_rows(5, 6)
    ws.print_area(0, 0, end + 9, last)


def write(path: Path, tables: list[Table], committee: str, day: dt.date, lang: str = "vi") -> Path:
    """The workbook at `path` (written whole; text never read as a formula)."""
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    wb.set_properties({"title": "Báo cáo thống kê" if lang != "en" else "Statistics report",
                       "subject": committee})
    fmt = _formats(wb)
    for table in tables:
        write_sheet(wb, fmt, table, committee, day, lang)
    wb.close()
    return path
