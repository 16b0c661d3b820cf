"""Atomic publication: build the next generation in a new file beside the warehouse (the published
core and meta tables carried over, the batch applied, marts rebuilt), check it, checkpoint and
close it, then swap it in with os.replace; the previous generation is kept.

One writer at a time (an exclusive lock file). A load killed at any moment leaves the published
warehouse untouched; its half-built file is removed by the next load.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from etl.warehouse import build_marts, ensure_schema, run_checks

BUILDING_SUFFIX = ".building"


def previous_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.stem + ".previous" + warehouse.suffix)


class Publication:
    """`with Publication(path) as pub:` work on `pub.con`, then `pub.publish()`.

    Leaving the block without publishing discards the new file.
    """

    def __init__(self, warehouse: Path, on_wait: Callable[[], None] | None = None):
        self.warehouse = warehouse
        self.on_wait = on_wait
        self.building = warehouse.with_name(f".{warehouse.name}.{os.getpid()}{BUILDING_SUFFIX}")
        self.scratch = Path(f"{self.building}.work")
        self.con: duckdb.DuckDBPyConnection | None = None
        self.generation: int | None = None
        self._lock = None

    def __enter__(self) -> Publication:
        self.warehouse.parent.mkdir(parents=True, exist_ok=True)
        self._lock = open(lock_path(self.warehouse), "w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if self.on_wait:
                self.on_wait()
            fcntl.flock(self._lock, fcntl.LOCK_EX)
        for stale in self.warehouse.parent.glob(f".{self.warehouse.name}.*{BUILDING_SUFFIX}*"):
            stale.unlink(missing_ok=True)  # left by a killed load; we hold the lock
        self.con = duckdb.connect(str(self.building))
        self.con.execute("SET preserve_insertion_order = false")
        # Batch work tables live in a scratch file: disk-backed at any size, never published.
        self.con.execute("ATTACH ? AS work", [str(self.scratch)])
        ensure_schema(self.con)
        if self.warehouse.exists():
            _carry_over(self.con, self.warehouse)
        return self

    def current_generation(self) -> int:
        return self.con.execute("SELECT coalesce(max(generation), 0) FROM meta.generation").fetchone()[0]

    def publish(self, note: str = "", progress=None, before_swap: Callable[[], None] | None = None) -> int:
        """Rebuild marts, run checks, then swap the new file in. Returns the new generation."""
        con = self.con
        con.execute("DETACH work")
        build_marts(con, progress)
        run_checks(con)
        self.generation = self.current_generation() + 1
        con.execute("INSERT INTO meta.generation VALUES (?, ?, ?)",
                    [self.generation, time.strftime("%Y-%m-%d %H:%M:%S"), note])
        con.execute("CHECKPOINT")
        con.close()
        self.con = None
        _fsync(self.building)
        if before_swap:
            before_swap()
        swap_in(self.building, self.warehouse)
        return self.generation

    def __exit__(self, *exc) -> None:
        if self.con is not None:
            self.con.close()
        for leftover in (self.building, self.scratch, Path(f"{self.building}.wal"), Path(f"{self.scratch}.wal")):
            leftover.unlink(missing_ok=True)
        if self._lock:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()


def swap_in(new: Path, warehouse: Path) -> None:
    """Make `new` the published warehouse atomically; the old one becomes the previous generation."""
    if warehouse.exists():
        keep = previous_path(warehouse)
        link = keep.with_name(keep.name + ".tmp")
        link.unlink(missing_ok=True)
        os.link(warehouse, link)  # same inode: the old generation, untouched by the swap
        os.replace(link, keep)
    os.replace(new, warehouse)
    _fsync_dir(warehouse.parent)


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".lock")


def _carry_over(con: duckdb.DuckDBPyConnection, published: Path) -> None:
    """Copy the accepted rows (core) and the bookkeeping (meta) of the published generation into
    the new file; marts are rebuilt. Writing a fresh file keeps it compact; a table that gained
    columns since is filled by name, and a column dropped since is left behind."""
    con.execute("ATTACH ? AS published (READ_ONLY)", [str(published)])
    try:
        tables = con.execute("""SELECT schema_name, table_name FROM duckdb_tables()
            WHERE database_name = 'published' AND schema_name IN ('core', 'meta')""").fetchall()
        for schema, table in tables:
            columns = ", ".join(f'"{c}"' for (c,) in con.execute(
                """SELECT o.column_name FROM duckdb_columns() o JOIN duckdb_columns() n
                   USING (schema_name, table_name, column_name)
                   WHERE o.database_name = 'published' AND n.database_name = current_database()
                     AND schema_name = ? AND table_name = ? ORDER BY o.column_index""",
                [schema, table]).fetchall())
            con.execute(f'INSERT INTO {schema}."{table}" BY NAME SELECT {columns} '
                        f'FROM published.{schema}."{table}"')
    finally:
        con.execute("DETACH published")


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
