"""The warehouse file's storage format as a reader sees it: the DuckDB main header (the magic
"DUCK", the storage version number and, in files of DuckDB 1.2 and later, the version of the
library that wrote it), and the message the dashboard stops with at start when its DuckDB cannot
read the file (in Vietnamese and English, with what to do).

Read without DuckDB (the gateway is the only module that opens files with it), so the message
can name the writer even when DuckDB refuses the file.
"""

from __future__ import annotations

import logging
import struct
from dataclasses import dataclass
from pathlib import Path

from chibo.dashboard import serving

# Main header: checksum (8 bytes), "DUCK" (4), storage version (uint64), 4 flags (uint64 each),
# the writing library's version (32 bytes, NUL padded) and source id (32).
MAGIC, VERSION_AT, LIBRARY_AT, LIBRARY_SIZE = (8, 12), 12, 52, 32
log = logging.getLogger("chibo.dashboard.warehouse")


@dataclass(frozen=True)
class Header:
    duckdb: bool  # the file starts like a DuckDB database
    storage_version: int | None = None
    library: str | None = None  # e.g. "v2.0.0"


def read_header(path: Path) -> Header:
    try:
        with open(path, "rb") as handle:
            head = handle.read(LIBRARY_AT + LIBRARY_SIZE)
    except OSError:
        return Header(False)
    if len(head) < VERSION_AT + 8 or head[MAGIC[0]:MAGIC[0] + 4] != b"DUCK":
        return Header(False)
    library = head[LIBRARY_AT:].split(b"\0", 1)[0].decode("ascii", "replace").strip()
    return Header(True, struct.unpack_from("<Q", head, VERSION_AT)[0], library or None)


def is_format_problem(reason: str) -> bool:
    """DuckDB refused the file for its storage version (written by another DuckDB)."""
    return "storage version" in reason.lower()


def note_versions(path: Path, writer: str | None, reader: str) -> None:
    """Log at start which DuckDB wrote the served file (meta.generation.duckdb_version) and which
    reads it; a WARNING when they differ (it opens, but the ETL and the dashboard should match)."""
    header = read_header(path)
    level = logging.INFO if writer == reader else logging.WARNING
    log.log(level, "warehouse %s: written by DuckDB %s (storage version number %s), read by "
            "DuckDB %s", path.name, writer or "?", header.storage_version, reader)


def refusal(warehouse: Path, reason: str, reader: str) -> str:
    """Why the dashboard does not start on `warehouse`, and what to do (several lines)."""
    header = read_header(warehouse) if warehouse.exists() else Header(False)
    writer = header.library or serving.read_index(warehouse).get("duckdb_version") or "?"
    lines = [f"Không mở được kho dữ liệu / cannot open the warehouse: {warehouse}"]
    if is_format_problem(reason):
        lines += [
            f"  Tệp do DuckDB {writer} ghi (định dạng lưu trữ số {header.storage_version}); "
            f"bảng điều khiển chạy DuckDB {reader}, không đọc được định dạng này.",
            f"  The file was written by DuckDB {writer} (storage version number "
            f"{header.storage_version}); this dashboard runs DuckDB {reader}, which cannot read "
            "that format.",
            "  Cài cùng một phiên bản DuckDB cho ETL và bảng điều khiển (pyproject.toml), hoặc "
            "dựng lại kho bằng phiên bản này: python -m chibo.etl rebuild.",
            "  Install the same DuckDB version for the ETL and the dashboard (pyproject.toml), or "
            "rebuild the warehouse with this one: python -m chibo.etl rebuild.",
        ]
    else:
        lines += [
            "  Tệp công bố và mọi thế hệ được giữ đều hỏng hoặc không đọc được; xem "
            "python -m chibo.etl status, rồi python -m chibo.etl rebuild (dựng lại từ dữ liệu gốc).",
            "  The published file and every kept generation are corrupt or unreadable; see "
            "python -m chibo.etl status, then python -m chibo.etl rebuild (rebuilds from the raw inputs).",
        ]
    return "\n".join([*lines, f"  DuckDB {reader}: {reason}"])
