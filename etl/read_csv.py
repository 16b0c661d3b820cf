"""CSV and "Unicode text" files → header and records with their source line numbers.

Encodings: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text": BOM, or detected by its
zero bytes), else Windows-1258. Separator: comma, semicolon or tab, whichever the header uses
most. Strict: a record with more or fewer fields than the header is reported (and kept for the
quarantine), an unbalanced quote stops the file with the line it starts on.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from etl.problems import Problem
from etl.settings import Limits

DELIMITERS = (",", ";", "\t")


@dataclass
class Table:
    header: list[str] | None
    records: list[list[str]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # line number where each record starts
    problems: list[Problem] = field(default_factory=list)
    encoding: str = "utf-8"


def decode(raw: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding name). Raises UnicodeDecodeError for broken UTF-16."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "utf-16"
    utf16 = _utf16_without_bom(raw[:4096])
    if utf16:
        return raw.decode(utf16), utf16
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1258", errors="replace"), "cp1258"


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of mostly ASCII characters has a zero in every other byte."""
    if len(head) < 16:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def read_table(path: Path, limits: Limits) -> Table:
    raw = path.read_bytes()
    try:
        text, encoding = decode(raw)
    except UnicodeDecodeError as exc:
        return Table(None, problems=[Problem.for_file(
            path, None, f"Tệp UTF-16 (\"Unicode text\") bị hỏng ở byte {exc.start}",
            f"Broken UTF-16 (\"Unicode text\") file at byte {exc.start}")])
    del raw
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    table = Table(None, encoding=encoding)
    line = 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                if table.header is None:
                    table.header = record
                    if len(record) > limits.max_columns:
                        table.problems.append(_too_many(path, "cột / columns", len(record),
                                                        limits.max_columns))
                        return table
                else:
                    _add(table, path, record, line)
                    if len(table.records) > limits.max_rows:
                        table.problems.append(_too_many(path, "dòng / rows", len(table.records),
                                                        limits.max_rows))
                        return table
            line = reader.line_num + 1
    except csv.Error as exc:
        table.problems.append(_quote_problem(path, line, str(exc)))
    return table


def _add(table: Table, path: Path, record: list[str], line: int) -> None:
    width = len(table.header)
    if len(record) != width:
        table.problems.append(Problem(
            path.name, None, line, None, f"{len(record)}/{width}",
            f"Dòng có {len(record)} trường nhưng dòng tiêu đề có {width}: thừa hay thiếu dấu "
            "phân cách, dữ liệu không được dời cột",
            f"The row has {len(record)} fields but the header has {width}: a separator too many "
            "or too few; the values are not shifted into other columns"))
        record = (record + [""] * width)[:width]
    table.records.append(record)
    table.rows.append(line)


def _quote_problem(path: Path, line: int, message: str) -> Problem:
    if "end of data" in message:
        vi, en = "Dấu ngoặc kép mở ở dòng này không được đóng", "A quote opened on this row is never closed"
    else:
        vi, en = "Dấu ngoặc kép đặt sai (sau dấu đóng ngoặc phải là dấu phân cách)", \
            "Misplaced quote (a closing quote must be followed by the separator)"
    return Problem(path.name, None, None, None, f"dòng/row {line}", f"{vi} (dòng {line})",
                   f"{en} (row {line})")


def _too_many(path: Path, what: str, found: int, limit: int) -> Problem:
    return Problem.for_file(path, None, f"Quá nhiều {what.split(' / ')[0]}: hơn {limit:,}".replace(",", "."),
                            f"Too many {what.split(' / ')[1]}: more than {limit:,}", value=str(found))
