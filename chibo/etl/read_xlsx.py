"""XLSX (and XLS) sheets → grids of cell texts, after chibo.etl.xlsx_guard has looked at the file.

Typed cells become unambiguous text (integers plain, decimals with ',', dates ISO); a numeric
cell formatted with zeros (`00000`) reads as displayed (`00123`); an integer that Excel can only
hold rounded (16 digits or more) is refused. Hidden sheets are skipped and reported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from python_calamine import CalamineWorkbook

from chibo.etl.settings import Limits
from chibo.etl.xlsx_guard import SheetScan, inspect_xlsx

EXACT_DIGITS = 15  # a double holds every integer of up to 15 digits exactly


@dataclass
class Grid:
    name: str
    cells: list[list[str | None]]
    rounded: list[tuple[int, int, str]] = field(default_factory=list)  # (row0, col0, text)


@dataclass
class Workbook:
    grids: list[Grid]
    hidden: list[str]


def read_workbook(path: Path, limits: Limits) -> Workbook:
    """Every visible sheet's grid; raises xlsx_guard.Refused when over a limit."""
    scans: dict[str, SheetScan] = {}
    if path.suffix.lower() != ".xls":
        scans = inspect_xlsx(path, limits)
    workbook = CalamineWorkbook.from_path(str(path))
    visible = {m.name: str(m.visible).endswith("Visible") for m in workbook.sheets_metadata}
    grids, hidden = [], []
    for name in workbook.sheet_names:
        if not visible.get(name, True):
            hidden.append(name)
            continue
        scan = scans.get(name)
        sheet = workbook.get_sheet_by_name(name)
        padded = scan.padded if scan else {}
        grid = Grid(name, [])
        for r, row in enumerate(sheet.to_python(skip_empty_area=False)):
            grid.cells.append([_cell_text(v, padded.get((r, c)), grid, r, c) for c, v in enumerate(row)])
        grids.append(grid)
    return Workbook(grids, hidden)


def _cell_text(value: object, width: int | None, grid: Grid, r: int, c: int) -> str | None:
    """A typed cell as unambiguous text: integers plain, decimals with ',', dates ISO."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if value.is_integer():
            text = str(int(value))
            if len(text.lstrip("-")) > EXACT_DIGITS:
                grid.rounded.append((r, c, text))
            return text.zfill(width) if width else text
        return repr(value).replace(".", ",")
    if isinstance(value, int):
        return str(value).zfill(width) if width else str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
