"""XLSX (and XLS) sheets → grids of cell texts, after chibo.etl.xlsx_guard has looked at the file.

Typed cells become unambiguous text (integers plain, decimals with ',', dates ISO); a numeric
cell formatted with zeros (`00000`) reads as displayed (`00123`); an integer that Excel can only
hold rounded (16 digits or more) is refused. Hidden sheets are skipped and reported. Rows are
streamed in batches and converted a column at a time into Arrow text arrays.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from python_calamine import CalamineWorkbook

from chibo.etl.settings import Limits
from chibo.etl.xlsx_guard import SheetScan, inspect_xlsx

EXACT_DIGITS = 15  # a double holds every integer of up to 15 digits exactly


HEAD_ROWS = 12  # the header is looked for among the first rows
BATCH_ROWS = 65_536  # rows converted at a time: memory stays flat whatever the sheet's size


@dataclass
class Grid:
    """One visible sheet: its first rows as text (`cells`, where the header is looked for); the
    rest is streamed by `columns`, so a large sheet never sits in Python lists."""

    name: str
    cells: list[list[str | None]]
    rounded: list[tuple[int, int, str]] = field(default_factory=list)  # (row0, col0, text)
    sheet: object = None  # the calamine sheet
    padded: dict[tuple[int, int], int] = field(default_factory=dict)

    def empty(self) -> bool:
        return not any(any(row) for row in self.cells) and not any(
            any(v not in (None, "") for v in row) for row in self.rows(len(self.cells)))

    def rows(self, start: int):
        """Rows from row0 `start`, each from column A (calamine's iter_rows starts each row at
        the sheet's first used column)."""
        if self.sheet is None or self.sheet.start is None:
            return
        pad = [None] * self.sheet.start[1]
        for r, row in enumerate(self.sheet.iter_rows()):
            if r >= start:
                yield pad + row if pad else row

    def columns(self, start: int, width: int) -> tuple[list[pa.Array], pa.Array]:
        """The rows from row0 `start` on, blank rows left out, as `width` text columns (cells
        converted as `_cell_text` does), and their 1-based row numbers."""
        parts: list[list[pa.Array]] = [[] for _ in range(width)]
        numbers: list[pa.Array] = []
        batch: list[list] = []
        r0 = start
        for row in self.rows(start):
            batch.append(row)
            if len(batch) == BATCH_ROWS:
                self._convert(batch, r0, width, parts, numbers)
                r0 += len(batch)
                batch = []
        self._convert(batch, r0, width, parts, numbers)
        return ([pa.concat_arrays(p) if p else pa.array([], pa.string()) for p in parts],
                pa.concat_arrays(numbers) if numbers else pa.array([], pa.int64()))

    def _convert(self, batch: list[list], r0: int, width: int, parts, numbers) -> None:
        if not batch:
            return  # below: per row and per column in C (list.count, zip), not per cell
        filled = [k for k, row in enumerate(batch) if row.count(None) + row.count("") < len(row)]
        if not filled:
            return
        rows = [batch[k] for k in filled] if len(filled) < len(batch) else batch
        numbers.append(pa.array(np.asarray(filled, np.int64) + r0 + 1))
        longest = max(map(len, rows))
        if longest < width or any(len(row) != longest for row in rows):
            rows = [row + [None] * (max(longest, width) - len(row)) for row in rows]
        columns = list(zip(*rows))
        numbered = [r0 + k for k in filled]
        for c in range(width):
            parts[c].append(self._column_text(columns[c], numbered, c))

    def _column_text(self, values, rows: list[int], c: int) -> pa.Array:
        """Text of one column: whole-column conversions where the cells allow it (all text,
        or whole numbers Excel holds exactly), else cell by cell."""
        if not any(col == c for _r, col in self.padded):
            try:
                arr = pa.array(values)
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                arr = None
            if arr is not None and (pa.types.is_string(arr.type) or pa.types.is_null(arr.type)):
                text = arr.cast(pa.string())
                return pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)
            if arr is not None and pa.types.is_integer(arr.type):
                return pc.cast(arr, pa.string())
            if arr is not None and pa.types.is_floating(arr.type):
                numbers = arr.to_numpy(zero_copy_only=False)
                finite = numbers[~np.isnan(numbers)]
                if (finite == np.floor(finite)).all() and (np.abs(finite) < 10.0 ** EXACT_DIGITS).all():
                    return pc.cast(pc.cast(arr, pa.int64()), pa.string())
        return pa.array([_cell_text(v, self.padded.get((r, c)), self, r, c)
                         for v, r in zip(values, rows)], pa.string())


@dataclass
class Workbook:
    grids: list[Grid]
    hidden: list[str]


def read_workbook(path: Path, limits: Limits) -> Workbook:
    """Every visible sheet (its first rows read); raises xlsx_guard.Refused when over a limit."""
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
        grid = Grid(name, [], sheet=workbook.get_sheet_by_name(name),
                    padded=scan.padded if scan else {})
        for r, row in enumerate(grid.rows(0)):
            if r == HEAD_ROWS:
                break
            grid.cells.append([_cell_text(v, grid.padded.get((r, c)), grid, r, c)
                               for c, v in enumerate(row)])
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
