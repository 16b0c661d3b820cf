"""CSV and "Unicode text" files, read by DuckDB's own CSV reader straight into the batch's work
database (strict: a record with more or fewer fields than the header, or a broken quote, is a
reject); the line each record starts on comes from one vectorised pass over the bytes.

Encodings: UTF-8 (with or without BOM) is read as it is; UTF-16 (Excel's "Unicode text": BOM,
or found by its zero bytes) and Windows-1258 are first rewritten as UTF-8 into DuckDB's
temporary folder. Only the first megabyte is looked at beforehand: bytes that are not UTF-8, or
lines ending both in CRLF and LF, found by DuckDB further on make the file read again, rewritten
(Windows-1258 for the bytes). Separator: comma, semicolon or tab, whichever the header uses most.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np

from chibo.etl.problems import Problem

DELIMITERS = (",", ";", "\t")
BLOCK = 1 << 24


@dataclass
class CsvSource:
    """Where a CSV's table is and how to read it (found from its first bytes)."""

    path: Path
    encoding: str  # utf-8 | utf-8-sig | utf-16 | utf-16-le | utf-16-be | cp1258
    delimiter: str
    header: list[str]
    header_line: int  # lines up to and including the header
    rewrite: bool = False  # not UTF-8, or mixed line ends: read a UTF-8, LF-only copy

    def load(self, con, data: str, width: int) -> tuple[np.ndarray | None, list[Problem]]:
        """Read every record into table `data` (c0 … c{width-1}, VARCHAR, in file order).
        Returns the line each row starts on (None when it cannot be told: the caller falls back)
        and the rejected records as problems."""
        source, made = self._utf8(con)
        rejects = f"rejects_{uuid.uuid4().hex[:12]}"
        try:
            con.execute("SET preserve_insertion_order = true")  # rowid = order in the file
            rejected = self._read(con, data, width, source, rejects)
            if rejected is None or (not self.rewrite and any(r[1] == "INVALID ENCODING" for r in rejected)):
                # CRLF and LF mixed, or bytes that are not UTF-8, after the first megabyte
                self.encoding = self.encoding if rejected is None else "cp1258"
                self.rewrite = True
                source, made = self._utf8(con)
                rejected = self._read(con, data, width, source, rejects)
            n = con.execute(f"SELECT count(*) FROM {data}").fetchall()[0][0]
            if not rejected and line_count(source) == self.header_line + n:
                return np.arange(self.header_line + 1, self.header_line + 1 + n), []  # a row a line
            starts = record_lines(source, self.header_line)
        finally:
            con.execute("SET preserve_insertion_order = false")
            for table in (f"{rejects}_e", f"{rejects}_s"):
                con.execute(f"DROP TABLE IF EXISTS {table}")
            if made:
                source.unlink(missing_ok=True)
        problems, skipped = [], []
        for line, kind, text in rejected:
            k = line - self.header_line  # DuckDB counts records; starts[k - 1] is its line
            skipped.append(k - 1)
            if (text or "").strip():
                where = int(starts[k - 1]) if 0 < k <= len(starts) else line
                problems.append(_reject_problem(self.path, where, kind, text, width, self.delimiter))
            # a line of blanks is skipped, like an empty one
        keep = starts > 0
        gone = np.array([k for k in skipped if 0 <= k < len(starts)], dtype=np.int64)
        keep[gone] = False
        rows = starts[keep]
        return (rows if len(rows) == n else None), problems

    def _read(self, con, data: str, width: int, source: Path, rejects: str) -> list[tuple] | None:
        """DuckDB's strict reader into `data`; the rejected (line, error type, text), or None when
        it refused the file as it is (line ends it cannot follow: read a rewritten copy)."""
        columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width))
        for table in (f"{rejects}_e", f"{rejects}_s"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
        try:
            con.execute(
                f"CREATE OR REPLACE TABLE {data} AS SELECT * FROM read_csv(?, header = false, "
                f"skip = {self.header_line}, delim = ?, quote = '\"', escape = '\"', "
                f"columns = {{{columns}}}, auto_detect = false, strict_mode = true, "
                f"null_padding = false, store_rejects = true, rejects_table = '{rejects}_e', "
                f"rejects_scan = '{rejects}_s', max_line_size = 16777216)", [str(source), self.delimiter])
        except duckdb.InvalidInputException:
            if self.rewrite:
                raise
            return None
        return con.execute(f"SELECT DISTINCT ON (line) line, error_type, csv_line FROM "
                           f"{rejects}_e ORDER BY line").fetchall()

    def _utf8(self, con) -> tuple[Path, bool]:
        """The file as UTF-8 with LF line ends: itself, or a copy in DuckDB's temporary folder."""
        if not self.rewrite:
            return self.path, False
        folder = con.execute("SELECT current_setting('temp_directory')").fetchall()[0][0] or None
        if folder:
            os.makedirs(folder, exist_ok=True)
        fd, name = tempfile.mkstemp(suffix=".csv", dir=folder)
        try:
            with open(self.path, "rb") as src, os.fdopen(fd, "wb") as out:
                _rewrite(src, out, self.encoding)
        except UnicodeDecodeError:  # UTF-8 only in its first megabyte
            self.encoding = "cp1258"
            with open(self.path, "rb") as src, open(name, "wb") as out:
                _rewrite(src, out, self.encoding)
        return Path(name), True


def _rewrite(src, out, encoding: str) -> None:
    """Decode `src`, write it as UTF-8 with LF line ends (UTF-8 strictly, the others replaced)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict" if encoding.startswith("utf-8")
                                                      else "replace")
    held = ""
    while block := src.read(BLOCK):
        text = held + decoder.decode(block)
        text, held = (text[:-1], "\r") if text.endswith("\r") else (text, "")
        out.write(text.replace("\r\n", "\n").encode("utf-8"))
    out.write((held + decoder.decode(b"", final=True)).replace("\r\n", "\n").encode("utf-8"))


def sniff(path: Path) -> CsvSource | Problem:
    """Encoding, separator and header of a CSV, from its bytes; a Problem when unreadable."""
    encoding, rewrite = _encoding(path)
    with open(path, "rb") as handle:
        head = handle.read(1 << 20)
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head)
    lines = text.split("\n")
    for i, line in enumerate(lines[:-1] if len(head) == (1 << 20) else lines):
        if line.strip().strip(",;\t").strip():
            delimiter = max(DELIMITERS, key=line.count)
            header = next(csv.reader(io.StringIO(line.rstrip("\r")), delimiter=delimiter))
            return CsvSource(path, encoding, delimiter, header, i + 1, rewrite)
    return Problem.for_file(path, None, "Tệp rỗng", "The file is empty")


def _encoding(path: Path) -> tuple[str, bool]:
    """(encoding, whether UTF-8 lines end in both CRLF and LF: DuckDB's strict reader needs one),
    from the first megabyte; CsvSource.load finds the same further on."""
    with open(path, "rb") as handle:
        head = handle.read(1 << 20)
        whole = not handle.read(1)
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16", True
    utf16 = _utf16_without_bom(head[:4096])
    if utf16:
        return utf16, True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=whole)
    except UnicodeDecodeError:
        return "cp1258", True
    lf, crlf = head.count(b"\n"), head.count(b"\r\n") if b"\r" in head else 0
    return ("utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"), 0 < crlf < lf


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


def line_count(path: Path) -> int:
    """Lines in the file (a last line without a newline counts)."""
    count, last = 0, b"\n"
    with open(path, "rb") as handle:
        while block := handle.read(BLOCK):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def record_lines(path: Path, skip: int) -> np.ndarray:
    """For each record after the first `skip` lines, in order, the line it starts on, or 0 for
    an empty record (DuckDB skips those). A newline inside quotes does not end a record."""
    raw = np.fromfile(path, dtype=np.uint8)
    newlines = np.flatnonzero(raw == 10)
    quotes = np.flatnonzero(raw == 34)
    ends = newlines[np.searchsorted(quotes, newlines) % 2 == 0] if quotes.size else newlines
    if raw.size and raw[-1] != 10:
        ends = np.append(ends, raw.size)
    starts = np.concatenate(([0], ends[:-1] + 1)) if ends.size else np.zeros(0, np.int64)
    lines = np.searchsorted(newlines, starts) + 1
    first = np.searchsorted(lines, skip + 1)
    starts, ends, lines = starts[first:], ends[first:], lines[first:]
    length = ends - starts
    crlf = (length == 1) & (raw[np.minimum(starts, raw.size - 1)] == 13)
    empty = (length == 0) | crlf
    del raw
    return np.where(empty, 0, lines)


def _reject_problem(path: Path, line: int, kind: str, text: str, width: int,
                    delimiter: str) -> Problem:
    if kind == "UNQUOTED VALUE":
        if "\n" in text.rstrip("\r\n"):
            vi, en = "Dấu ngoặc kép mở ở dòng này không được đóng", "A quote opened on this row is never closed"
        else:
            vi, en = ("Dấu ngoặc kép đặt sai (sau dấu đóng ngoặc phải là dấu phân cách)",
                      "Misplaced quote (a closing quote must be followed by the separator)")
        return Problem(path.name, None, None, None, f"dòng/row {line}", f"{vi} (dòng {line})",
                       f"{en} (row {line})")
    if kind in ("TOO MANY COLUMNS", "MISSING COLUMNS"):
        fields = len(next(csv.reader(io.StringIO(text), delimiter=delimiter), [])) if text else 0
        return Problem(
            path.name, None, line, None, f"{fields}/{width}",
            f"Dòng có {fields} trường nhưng dòng tiêu đề có {width}: thừa hay thiếu dấu phân "
            "cách, dữ liệu không được dời cột",
            f"The row has {fields} fields but the header has {width}: a separator too many or "
            "too few; the values are not shifted into other columns")
    return Problem(path.name, None, line, None, (text or "")[:80],
                   f"Không đọc được dòng này ({kind})", f"This row cannot be read ({kind})")
