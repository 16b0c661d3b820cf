"""Input files → sheets of text cells with their source row numbers.

CSV and "Unicode text" (chibo.etl.read_csv), XLSX/XLS (chibo.etl.read_xlsx: header row found among the first
rows, merged header cells handled) and Parquet. Every cell arrives as text (NFC-normalised later,
in validation); numbers from typed sources are written unambiguously. Limits are checked before
reading; a header matching one column twice, a missing required column and a header without
rows are reported; cells are checked by chibo.etl.cells. Never raises for bad content. (Parquet
integer and date columns feeding whole-number, number and date inputs stay typed: chibo.etl.sheet.)
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from chibo.etl.cells import legacy_problem
from chibo.etl.legacy import detect_legacy_encoding
from chibo.etl.normalize import fold
from chibo.etl.problems import Problem
from chibo.etl.read_csv import CsvSource, sniff
from chibo.etl.read_xlsx import EXACT_DIGITS, HEAD_ROWS, Grid, read_workbook
from chibo.etl.schema import ENTITIES, Entity, detect_entity, header_index, match_headers
from chibo.etl.settings import settings
from chibo.etl.sheet import Sheet, arrow_sheet  # noqa: F401 - Sheet belongs to this module's interface
from chibo.etl.xlsx_guard import Refused, column_letters

SUFFIXES = {".csv", ".txt", ".xlsx", ".xlsm", ".xls", ".parquet"}


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
    limits = settings().limits
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            return ReadResult(path, [], [Problem.for_file(
                path, None, f"Tệp quá lớn: {size:,} byte, giới hạn {limits.max_file_bytes:,}".replace(",", "."),
                f"File too large: {size:,} bytes, the limit is {limits.max_file_bytes:,}")])
        if suffix in {".csv", ".txt"}:
            return _read_csv(path)
        if suffix in {".xlsx", ".xlsm", ".xls"}:
            return _read_xlsx(path)
        if suffix == ".parquet":
            return _read_parquet(path)
    except Refused as exc:
        return ReadResult(path, [], [Problem.for_file(path, None, exc.vi, exc.en, exc.value)])
    except Exception as exc:  # noqa: BLE001 - a hostile file must never stop the process
        return ReadResult(path, [], [Problem.for_file(
            path, None, f"Không đọc được tệp: {exc}", f"The file cannot be read: {exc}")])
    return ReadResult(path, [], [Problem.for_file(
        path, None, f"Định dạng tệp không được hỗ trợ ({suffix}); dùng CSV, XLSX hoặc Parquet",
        f"Unsupported file type ({suffix}); use CSV, XLSX or Parquet")])


def _read_csv(path: Path) -> ReadResult:
    source = sniff(path)
    if isinstance(source, Problem):
        return ReadResult(path, [], [source])
    if len(source.header) > settings().limits.max_columns:
        return ReadResult(path, [], [Problem.for_file(
            path, None, f"Quá nhiều cột: hơn {settings().limits.max_columns}",
            f"Too many columns: more than {settings().limits.max_columns}", str(len(source.header)))])
    entity = detect_entity(source.header)
    problem = _header_problem(path, None, source.header, entity)
    if problem:
        return ReadResult(path, [], [problem])
    mapping = match_headers(source.header, entity)
    if not _has_records(source):
        return ReadResult(path, [], [_header_only(path, None)])
    ignored = [h for i, h in enumerate(source.header) if i not in mapping and h]
    return ReadResult(path, [Sheet(path, None, entity, None, ignored_headers=ignored, csv=source,
                                   csv_columns={name: pos for pos, name in mapping.items()})], [])


def _has_records(source: CsvSource) -> bool:
    """Anything but blanks after the header line (looked at in the first megabyte)."""
    with open(source.path, "rb") as handle:
        head = handle.read(1 << 20)
    text = codecs.getincrementaldecoder(source.encoding)(errors="replace").decode(head)
    rest = text.split("\n")[source.header_line:]
    return any(line.strip().strip(",;\t").strip() for line in rest) or len(head) == (1 << 20)


def _header_only(path: Path, sheet: str | None) -> Problem:
    return Problem.for_file(path, sheet, "Chỉ có dòng tiêu đề, không có dòng dữ liệu nào: không nạp gì",
                            "A header but no data rows: nothing to load")


def _read_xlsx(path: Path) -> ReadResult:
    book = read_workbook(path, settings().limits)
    sheets: list[Sheet] = []
    problems: list[Problem] = []
    warnings = [Problem.for_file(path, name, "Bỏ qua trang tính ẩn", "Hidden sheet skipped")
                for name in book.hidden]
    for grid in book.grids:
        if grid.empty():
            continue
        header_at, header = _find_header(grid.cells, grid.name)
        if header is None:
            warnings.append(Problem.for_file(path, grid.name, "Bỏ qua trang tính không nhận ra",
                                             "Sheet not recognised, skipped"))
            continue
        header = [h or "" for h in header]
        result = _sheet_result(path, grid.name, header, grid, header_at)
        result.problems.extend(_rounded(path, grid.name, grid.rounded, header_at))
        sheets.extend(result.sheets)
        problems.extend(result.problems)
        warnings.extend(result.warnings)
    if not sheets and not problems:
        problems.append(Problem.for_file(path, None, "Không tìm thấy trang tính nào khớp mẫu",
                                         "No sheet matches a template"))
    return ReadResult(path, sheets, problems, warnings)


def _rounded(path: Path, sheet: str, cells: list[tuple[int, int, str]], header_at: int) -> list[Problem]:
    return [Problem(path.name, sheet, r + 1, None, f"{column_letters(c + 1)}{r + 1}: {text}",
                    f"Số có hơn {EXACT_DIGITS} chữ số được lưu dạng số: Excel đã làm tròn; định "
                    "dạng ô là Text rồi nhập lại",
                    f"A number of more than {EXACT_DIGITS} digits stored as a number: Excel has "
                    "rounded it; format the cell as Text and enter it again")
            for r, c, text in cells if r > header_at]


def _find_header(grid: list[list[str | None]], sheet: str) -> tuple[int, list[str | None] | None]:
    """The header row among the first rows, merging cells left empty by merged headers.

    A vertically merged header leaves its text in the row above; a horizontally merged group label
    spans columns whose own label sits in the row below.
    """
    best, best_at, best_count = None, -1, 0
    for at in range(min(HEAD_ROWS, len(grid))):
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
    problem = _header_problem(path, None, header, entity)
    if problem:
        return ReadResult(path, [], [problem])
    first = next(pq.ParquetFile(path).iter_batches(batch_size=2000), None)
    for column in first.columns if first is not None else ():
        if not pa.types.is_string(column.type):
            continue
        for value in set(column.to_pylist()) - {None}:
            legacy = detect_legacy_encoding(value)
            if legacy:
                return ReadResult(path, [], [legacy_problem(path, None, legacy, value=value)])
    mapping = match_headers(header, entity)
    types = {name: str(schema.field(name).type) for name in header}
    duck_types = {name: _duck_type(types[name]) for name in header}
    columns = {canon: (header[pos], duck_types[header[pos]]) for pos, canon in mapping.items()}
    ignored = [h for i, h in enumerate(header) if i not in mapping]
    n_rows = pq.ParquetFile(path).metadata.num_rows
    return ReadResult(path, [Sheet(path, None, entity, None, columns, n_rows, ignored)], [])


def _duck_type(arrow_type: str) -> str:
    if arrow_type in ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32"):
        return "BIGINT"
    if arrow_type.startswith(("double", "float", "halffloat", "decimal")):
        return "DOUBLE"
    if arrow_type.startswith(("date", "timestamp")):
        return "DATE"
    if arrow_type == "bool":
        return "BOOLEAN"
    return "VARCHAR"


def _header_problem(path: Path, sheet: str | None, header: list[str],
                    entity: Entity | None) -> Problem | None:
    """What is wrong with a header row, if anything: no input recognised (the closest one's
    missing columns named), one column matched twice, a required column missing."""
    if entity is None:
        return _unrecognised(path, sheet, header)
    index = header_index(entity)
    positions: dict[str, list[int]] = {}
    for pos, text in enumerate(header):
        name = index.get(fold(text or ""))
        if name:
            positions.setdefault(name, []).append(pos)
    for name, found in positions.items():
        if len(found) > 1:
            shown = " và / and ".join(f"'{header[i]}' ({column_letters(i + 1)})" for i in found)
            return Problem.for_file(
                path, sheet, f"Nhiều cột cùng là cột '{name}': {shown}; xoá hoặc đổi tên cho chỉ còn một",
                f"Several columns are column '{name}': {shown}; delete or rename all but one",
                value=name)
    missing = [c for c in entity.columns if c.required and c.name not in positions]
    if missing:
        names = ", ".join(f"{c.name} ({c.label_vi})" for c in missing)
        return Problem.for_file(path, sheet, f"Thiếu cột bắt buộc của tệp {entity.label_vi}: {names}",
                                f"Required columns of the {entity.name} input missing: {names}",
                                value=", ".join(c.name for c in missing))
    return None


def _unrecognised(path: Path, sheet: str | None, header: list[str]) -> Problem:
    """No input has all its required columns: name what the closest one lacks, if any is close."""
    matched = {e.name: set(match_headers(header, e).values()) for e in ENTITIES}
    closest = max(ENTITIES, key=lambda e: len(matched[e.name]))
    if len(matched[closest.name]) >= 2:
        return _header_problem(path, sheet, header, closest)
    shown = ", ".join(h for h in header if h)[:300]
    return Problem.for_file(
        path, sheet,
        "Không nhận ra loại dữ liệu từ dòng tiêu đề (thiếu cột bắt buộc); xem mẫu: python -m chibo.etl template",
        "Cannot tell which input this is from its header row (required columns missing); see the "
        "templates: python -m chibo.etl template", value=shown)


def _sheet_result(path: Path, sheet: str, header: list[str], grid: Grid,
                  header_at: int) -> ReadResult:
    entity = detect_entity(header, sheet)
    problem = _header_problem(path, sheet, header, entity)
    if problem:
        return ReadResult(path, [], [problem])
    mapping = match_headers(header, entity)
    arrays, rows = grid.columns(header_at + 1, max(mapping) + 1)
    if not len(rows):
        return ReadResult(path, [], [_header_only(path, sheet)])
    columns = {name: arrays[pos] for pos, name in mapping.items()}
    ignored = [h for i, h in enumerate(header) if i not in mapping and h]
    return ReadResult(path, [arrow_sheet(path, sheet, entity, columns, rows, ignored)], [])
