"""Real faults on a real warehouse: generations published by the ETL's own command line (three
small loads: generations 1, 2 and 3, kept with their index), copied for each test with their hard
links, and the ways a file goes bad on disk: a header overwritten, one table's block overwritten
(the file still opens; reading that table fails its checksum), a header of another storage
format (a DuckDB that is newer than ours, checksum valid), a file swapped for junk."""

from __future__ import annotations

import hashlib
import os
import struct
import subprocess
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "tests" / "fixtures" / "inputs"
LOADS = ("organisations.csv", "members.csv", "meetings.csv")  # generation n holds LOADS[:n]
HEADERS = 3 * 4096  # the main header and the two database headers, then the blocks
VERSION_AT, LIBRARY_AT, CHECKSUM_MULTIPLIER = 12, 52, 0xBF58476D1CE4E5B9


def publish_generations(folder: Path) -> Path:
    """A warehouse in `folder` with generations 1..3 published by `python -m chibo.etl load`."""
    warehouse = folder / "warehouse.duckdb"
    for name in LOADS:
        done = subprocess.run([sys.executable, "-m", "chibo.etl", "load", str(INPUTS / name),
                               "--warehouse", str(warehouse)], cwd=ROOT, capture_output=True,
                              text=True, timeout=900)
        assert done.returncode == 0, done.stdout + done.stderr
    return warehouse


def clone(warehouse: Path, target: Path) -> Path:
    """A copy of the warehouse folder, hard links kept (the published file is a generation)."""
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(["cp", "-a", f"{warehouse.parent}/.", str(target)], check=True)
    return target / warehouse.name


def generation_file(warehouse: Path, generation: int) -> Path:
    return warehouse.parent / f"{warehouse.stem}.generations" / f"{generation:06d}.duckdb"


def generation_of(path: Path) -> int:
    """max(meta.generation) read straight from a file, as any reader would."""
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT max(generation) FROM meta.generation").fetchone()[0]


def rows(path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def corrupt_header(path: Path) -> None:
    """Overwrite the main header in place: the file no longer opens."""
    with open(path, "r+b") as handle:
        handle.write(b"\xa5" * 4096)


def corrupt_table(path: Path, table: str) -> None:
    """Overwrite the middle of the block holding `table`'s data, in place: the file opens and
    meta.generation reads, but reading `table` fails DuckDB's block checksum."""
    with duckdb.connect(str(path), read_only=True) as con:
        block_size = con.execute("SELECT block_size FROM pragma_database_size()").fetchone()[0]
        blocks = {b for (b,) in con.execute(
            f"SELECT DISTINCT block_id FROM pragma_storage_info('{table}') WHERE block_id >= 0")
            .fetchall()}
        meta = {b for (b,) in con.execute(
            "SELECT DISTINCT block_id FROM pragma_storage_info('meta.generation')").fetchall()}
    assert blocks and not blocks & meta, (table, blocks, meta)
    with open(path, "r+b") as handle:
        handle.seek(HEADERS + min(blocks) * block_size + 64)
        handle.write(os.urandom(512))


def forge_storage_version(path: Path, number: int, library: str) -> None:
    """Rewrite the main header as DuckDB `library` (e.g. "v9.1.0") writing storage version
    `number` would (the header checksum recomputed the way DuckDB computes it), in place."""
    with open(path, "r+b") as handle:
        header = bytearray(handle.read(4096))
        struct.pack_into("<Q", header, VERSION_AT, number)
        struct.pack_into("32s", header, LIBRARY_AT, library.encode("ascii"))
        checksum = 5381
        for (word,) in struct.iter_unpack("<Q", bytes(header[8:])):
            checksum ^= (word * CHECKSUM_MULTIPLIER) & 0xFFFFFFFFFFFFFFFF
        struct.pack_into("<Q", header, 0, checksum)
        handle.seek(0)
        handle.write(header)


def swap_in_junk(warehouse: Path) -> None:
    """Publish a file that is not a database, the way the ETL swaps files (os.replace)."""
    junk = warehouse.with_name(".junk")
    junk.write_bytes(b"not a warehouse " * 4096)
    os.replace(junk, warehouse)


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every file under `folder`: size, mtime and SHA-256 (to prove nothing was written)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            st = path.stat()
            out[str(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns,
                                                  hashlib.sha256(path.read_bytes()).hexdigest())
    return out
