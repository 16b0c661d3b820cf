"""The ETL's settings, read once from CHIBO_* environment variables (validated, with defaults).

| variable | default | meaning |
|---|---|---|
| CHIBO_KEEP_GENERATIONS | 3 | previous warehouse generations kept for rollback and fallback |
| CHIBO_ETL_MEMORY_LIMIT | 4GB, at most half the RAM | DuckDB memory_limit while loading (spills beyond); the process peaks ~0,6 GB above it (a national build: 4,6 GB) |
| CHIBO_ETL_THREADS | number of CPUs | DuckDB threads while loading |
| CHIBO_CORE_COMPACT_PERCENT | 25 | a load copies the served core file byte for byte and rewrites it compactly only when at least this share (%) of its blocks is free afterwards (0: after every load) |
| CHIBO_MAX_FILE_MB | 16384 | largest input file accepted |
| CHIBO_MAX_ROWS | 100000000 | most data rows in one file or sheet |
| CHIBO_MAX_COLUMNS | 256 | most columns in a header or sheet |
| CHIBO_MAX_SHEET_CELLS | 60000000 | most cells a spreadsheet sheet may span (rows x columns) |
| CHIBO_MAX_UNPACKED_MB | 8192 | most bytes an XLSX may unpack to, all parts together |
| CHIBO_MAX_PACK_RATIO | 200 | most an XLSX part may grow when unpacked (zip bombs) |
| CHIBO_DATABASE_URL | none | several hosts: the PostgreSQL database whose advisory lock makes one writer across hosts and where the served generation is announced (chibo/etl/shared.py) |
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%|[KMGT]i?B|B)?\s*$", re.IGNORECASE)


class SettingError(ValueError):
    """A CHIBO_* variable with a value that cannot be used."""


@dataclass(frozen=True)
class Limits:
    """What an input file may claim or hold before it is read."""

    max_file_bytes: int
    max_rows: int
    max_columns: int
    max_sheet_cells: int
    max_unpacked_bytes: int
    max_pack_ratio: int


@dataclass(frozen=True)
class EtlSettings:
    keep_generations: int
    memory_limit: str
    threads: int
    limits: Limits
    core_compact_percent: int = 25


def _int(name: str, default: int, minimum: int = 1) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingError(f"{name}={raw!r}: cần một số nguyên / expected a whole number") from None
    if value < minimum:
        raise SettingError(f"{name}={raw!r}: ít nhất / at least {minimum}")
    return value


def _percent(name: str, default: int) -> int:
    value = _int(name, default, minimum=0)
    if value > 100:
        raise SettingError(f"{name}={value}: nhiều nhất / at most 100")
    return value


def _memory_limit() -> str:
    raw = os.environ.get("CHIBO_ETL_MEMORY_LIMIT", "").strip()
    if raw:
        if not _SIZE.match(raw):
            raise SettingError(f"CHIBO_ETL_MEMORY_LIMIT={raw!r}: ví dụ / e.g. 6GB, 4096MB, 40%")
        return raw
    ram = _ram_bytes()
    return f"{min(4 << 30, ram // 2) >> 20}MB" if ram else "4GB"


def _ram_bytes() -> int | None:
    """The machine's memory, None where the system does not say."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):
        return None


def size_bytes(text: str) -> int:
    """A DuckDB size setting ("4GB", "4096MB", "40%" of the RAM) in bytes."""
    number, unit = _SIZE.match(text).groups()
    unit = (unit or "B").upper()
    if unit == "%":  # of the RAM; unknown: taken as 8 GB, twice the 4 GB default
        return int((_ram_bytes() or 8 << 30) * float(number) / 100)
    power = "BKMGT".index(unit[0])
    return int(float(number) * (1024 if "I" in unit else 1000) ** power)


@cache
def settings() -> EtlSettings:
    """The settings of this process (environment read on first use)."""
    mb = 1 << 20
    return EtlSettings(
        keep_generations=_int("CHIBO_KEEP_GENERATIONS", 3, minimum=0),
        memory_limit=_memory_limit(),
        threads=_int("CHIBO_ETL_THREADS", os.cpu_count() or 1),
        limits=Limits(
            max_file_bytes=_int("CHIBO_MAX_FILE_MB", 16384) * mb,
            max_rows=_int("CHIBO_MAX_ROWS", 100_000_000),
            max_columns=_int("CHIBO_MAX_COLUMNS", 256),
            max_sheet_cells=_int("CHIBO_MAX_SHEET_CELLS", 60_000_000),
            max_unpacked_bytes=_int("CHIBO_MAX_UNPACKED_MB", 8192) * mb,
            max_pack_ratio=_int("CHIBO_MAX_PACK_RATIO", 200),
        ),
        core_compact_percent=_percent("CHIBO_CORE_COMPACT_PERCENT", 25),
    )
