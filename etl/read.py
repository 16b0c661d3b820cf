"""Input files → sheets of text cells with their source row numbers.

CSV (UTF-8, UTF-8 with BOM, Windows-1258; comma or semicolon), XLSX (python-calamine; header row
found among the first rows, merged header cells handled) and Parquet. Every cell arrives as text
(NFC-normalised later, in validation); numbers from typed sources are written unambiguously.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
from python_calamine import CalamineWorkbook

from etl.normalize import detect_legacy_encoding
from etl.problems import Problem
from etl.schema import Entity, detect_entity, match_headers

HEADER_SCAN_ROWS = 12
SUFFIXES = {".csv", ".txt", ".xlsx", ".xlsm", ".xls", ".parquet"}


@dataclass
class Sheet:
    """One table of one input file, recognised as one entity.

    Cells are held as an Arrow table of text (`_row` = source row number, the header row counts),
    or, for Parquet, read by DuckDB straight from the file so large files never pass through Python.
    """

    path: Path
    sheet: str | None
    entity: Entity
    table: pa.Table | None  # canonical columns as text, plus _row
    parquet_columns: dict[str, tuple[str, str]] | None = None  # canonical → (source name, type)
    n_rows: int = 0
    ignored_headers: list[str] = field(default_factory=list)

    def create_table(self, con: duckdb.DuckDBPyConnection, name: str) -> None:
        """Create table `name` (_row BIGINT, one VARCHAR per entity column) in `con`."""
        if self.table is not None:
            con.register("_sheet_input", self.table)
            con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM _sheet_input")
            con.unregister("_sheet_input")
            return
        selects = ["file_row_number + 1 AS _row"]
        for col in self.entity.columns:
            source = (self.parquet_columns or {}).get(col.name)
            selects.append(f"{_parquet_text(*source) if source else 'NULL::VARCHAR'} AS {col.name}")
        con.execute(
            f"CREATE OR REPLACE TABLE {name} AS SELECT {', '.join(selects)} "
            "FROM read_parquet(?, file_row_number = true)", [str(self.path)])


def _parquet_text(source: str, type_: str) -> str:
    """SQL turning a typed Parquet column into the same text a CSV would carry."""
    quoted = '"' + source.replace('"', '""') + '"'
    upper = type_.upper()
    if upper.startswith(("DOUBLE", "FLOAT", "DECIMAL", "REAL")):
        return (f"CASE WHEN {quoted} = trunc({quoted}) THEN CAST(CAST({quoted} AS BIGINT) AS VARCHAR)"
                f" ELSE replace(CAST({quoted} AS VARCHAR), '.', ',') END")
    if upper == "DATE" or upper.startswith("TIMESTAMP"):
        return f"strftime(CAST({quoted} AS DATE), '%Y-%m-%d')"
    if upper == "BOOLEAN":
        return f"CASE WHEN {quoted} THEN '1' WHEN NOT {quoted} THEN '0' END"
    return f"CAST({quoted} AS VARCHAR)"


def _arrow_sheet(path: Path, sheet: str | None, entity: Entity, columns: dict[str, list],
                 rows: list[int], ignored: list[str]) -> Sheet:
    data = {"_row": pa.array(rows, pa.int64())}
    for col in entity.columns:
        data[col.name] = pa.array(columns.get(col.name, [None] * len(rows)), pa.string())
    return Sheet(path, sheet, entity, pa.table(data), n_rows=len(rows), ignored_headers=ignored)


@dataclass
class ReadResult:
    """Sheets read from one file, and the problems that reject the whole file."""

    path: Path
    sheets: list[Sheet]
    problems: list[Problem]
    warnings: list[Problem] = field(default_factory=list)  # reported, never rejecting


def read_file(path: Path) -> ReadResult:
    """Read one input file; never raises for bad content (problems are returned)."""
    suffix = path.suffix.lower()
    try:
        if suffix in {".csv", ".txt"}:
            return _read_csv(path)
        if suffix in {".xlsx", ".xlsm", ".xls"}:
            return _read_xlsx(path)
        if suffix == ".parquet":
            return _read_parquet(path)
    except (OSError, ValueError, pa.ArrowException, Exception) as exc:
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        return ReadResult(path, [], [Problem.for_file(
            path, None, f"Không đọc được tệp: {exc}", f"The file cannot be read: {exc}")])
    return ReadResult(path, [], [Problem.for_file(
        path, None, f"Định dạng tệp không được hỗ trợ ({suffix}); dùng CSV, XLSX hoặc Parquet",
        f"Unsupported file type ({suffix}); use CSV, XLSX or Parquet")])


def decode(raw: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding name): UTF-8 (with or without BOM), else Windows-1258."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1258", errors="replace"), "cp1258"


def _legacy_problem(path: Path, sheet: str | None, text: str) -> Problem | None:
    legacy = detect_legacy_encoding(text)
    if not legacy:
        return None
    return Problem.for_file(
        path, sheet,
        f"Văn bản có vẻ được gõ bằng bảng mã cũ {legacy}, không phải Unicode; hãy chuyển sang "
        f"Unicode (ví dụ bằng Unikey) rồi nạp lại",
        f"The text looks like the legacy {legacy} encoding, not Unicode; convert it to Unicode "
        f"(e.g. with Unikey's converter) and load again", value=legacy)


def _read_csv(path: Path) -> ReadResult:
    text, _encoding = decode(path.read_bytes())
    legacy = _legacy_problem(path, None, text[:200_000])
    if legacy:
        return ReadResult(path, [], [legacy])
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    rows: list[int] = []
    header: list[str] | None = None
    line = 1
    for record in reader:
        if header is None:
            if any(cell.strip() for cell in record):
                header = record
        elif any(cell.strip() for cell in record):
            records.append(record)
            rows.append(line)
        line = reader.line_num + 1
    if header is None:
        return ReadResult(path, [], [Problem.for_file(path, None, "Tệp rỗng", "The file is empty")])
    return _sheet_result(path, None, header, records, rows)


def _cell_text(value: object) -> str | None:
    """A typed cell as unambiguous text: integers plain, decimals with ',', dates ISO."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value).replace(".", ",")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, (dt.date, int)):
        return str(value) if isinstance(value, int) else value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


def _read_xlsx(path: Path) -> ReadResult:
    workbook = CalamineWorkbook.from_path(str(path))
    sheets: list[Sheet] = []
    problems: list[Problem] = []
    warnings: list[Problem] = []
    for name in workbook.sheet_names:
        table = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        grid = [[_cell_text(v) for v in row] for row in table]
        if not any(any(c for c in row) for row in grid):
            continue
        sample = " ".join(c for row in grid[:500] for c in row if c)
        legacy = _legacy_problem(path, name, sample)
        if legacy:
            problems.append(legacy)
            continue
        header_at, header = _find_header(grid, name)
        if header is None:
            warnings.append(Problem.for_file(path, name, "Bỏ qua trang tính không nhận ra",
                                             "Sheet not recognised, skipped"))
            continue
        records, rows = [], []
        for index in range(header_at + 1, len(grid)):
            record = grid[index]
            if any(c for c in record):
                records.append([c or "" for c in record])
                rows.append(index + 1)
        result = _sheet_result(path, name, [h or "" for h in header], records, rows)
        sheets.extend(result.sheets)
        problems.extend(result.problems)
    if not sheets and not problems:
        problems.append(Problem.for_file(path, None, "Không tìm thấy trang tính nào khớp mẫu",
                                     "No sheet matches a template"))
    return ReadResult(path, sheets, problems, warnings)


def _find_header(grid: list[list[str | None]], sheet: str) -> tuple[int, list[str | None] | None]:
    """The header row among the first rows, merging cells left empty by merged headers.

    A vertically merged header leaves its text in the row above; a horizontally merged group label
    spans columns whose own label sits in the row below.
    """
    best, best_at, best_count = None, -1, 0
    for at in range(min(HEADER_SCAN_ROWS, len(grid))):
        row = list(grid[at])
        above = grid[at - 1] if at else []
        merged = [cell or (above[i] if i < len(above) else None) for i, cell in enumerate(row)]
        entity = detect_entity([c or "" for c in merged], sheet)
        if entity is None:
            continue
        count = len(match_headers([c or "" for c in merged], entity))
        if count > best_count:
            best, best_at, best_count = merged, at, count
    return best_at, best


def _read_parquet(path: Path) -> ReadResult:
    schema = pq.read_schema(path)
    header = list(schema.names)
    entity = detect_entity(header)
    if entity is None:
        return ReadResult(path, [], [_unrecognised(path, None, header)])
    first = next(pq.ParquetFile(path).iter_batches(batch_size=2000), None)
    if first is not None:
        sample = " ".join(str(v) for col in first.columns if pa.types.is_string(col.type)
                          for v in col.to_pylist() if v)
        legacy = _legacy_problem(path, None, sample)
        if legacy:
            return ReadResult(path, [], [legacy])
    mapping = match_headers(header, entity)
    types = {name: str(schema.field(name).type) for name in header}
    duck_types = {name: _duck_type(types[name]) for name in header}
    columns = {canon: (header[pos], duck_types[header[pos]]) for pos, canon in mapping.items()}
    ignored = [h for i, h in enumerate(header) if i not in mapping]
    n_rows = pq.ParquetFile(path).metadata.num_rows
    return ReadResult(path, [Sheet(path, None, entity, None, columns, n_rows, ignored)], [])


def _duck_type(arrow_type: str) -> str:
    if arrow_type.startswith(("double", "float", "halffloat", "decimal")):
        return "DOUBLE"
    if arrow_type.startswith(("date", "timestamp")):
        return "DATE"
    if arrow_type == "bool":
        return "BOOLEAN"
    return "VARCHAR"


def _unrecognised(path: Path, sheet: str | None, header: list[str]) -> Problem:
    shown = ", ".join(h for h in header if h)[:300]
    return Problem.for_file(
        path, sheet,
        "Không nhận ra loại dữ liệu từ dòng tiêu đề (thiếu cột bắt buộc); xem mẫu: python -m etl template",
        "Cannot tell which input this is from its header row (required columns missing); see the "
        "templates: python -m etl template", value=shown)


def _sheet_result(path: Path, sheet: str | None, header: list[str],
                  records: list[list[str]], rows: list[int]) -> ReadResult:
    entity = detect_entity(header, sheet)
    if entity is None:
        return ReadResult(path, [], [_unrecognised(path, sheet, header)])
    mapping = match_headers(header, entity)
    missing = [c.name for c in entity.columns if c.required and c.name not in mapping.values()]
    if missing:
        return ReadResult(path, [], [Problem.for_file(
            path, sheet, f"Thiếu cột bắt buộc: {', '.join(missing)}",
            f"Required columns missing: {', '.join(missing)}", value=", ".join(missing))])
    columns = {name: [(r[pos] if pos < len(r) else "") or None for r in records]
               for pos, name in mapping.items()}
    ignored = [h for i, h in enumerate(header) if i not in mapping and h]
    return ReadResult(path, [_arrow_sheet(path, sheet, entity, columns, rows, ignored)], [])
