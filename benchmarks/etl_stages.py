"""Per-stage and per-table figures for bench_etl.py: a progress sink that clocks every step of a
load (reading, validating, the upsert, each mart, checks + checkpoint + publishing) with its wall
time, CPU time, peak memory and how much the new served file's write-ahead log grew, and the size
of every table of a warehouse file. DuckDB writes a big insert's rows compressed straight into the
file, the log holding only where they are, except into a table with a large ENUM column: there
every row is also written to the log, uncompressed (7,2 GB of log for a 0,9 GB national served
file while org_id was an ENUM of 307 000 ids); the WAL column shows which mart does that."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from chibo.etl.progress import Steps
from chibo.etl.warehouse import mart_files

MARTS_TASK = "building marts"  # the label of publish_with_marts' task contains these words


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_gb() -> float:
    """The process's peak resident memory since the last reset (Linux), else since it started."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / (1 << 20)
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1 << 20)


def _reset_peak() -> None:
    try:  # "5" resets VmHWM to the current RSS (Linux >= 4.0); elsewhere the peak stays global
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        pass


def wal_mb(warehouse: Path) -> float:
    """The size of the write-ahead logs of the served files being built beside `warehouse` (a
    writer builds `.<name>.<pid>.building`, chibo/etl/publish.py), in MB."""
    return sum(p.stat().st_size for p in warehouse.parent.glob(f".{warehouse.name}.*.building.wal")
               if ".core." not in p.name) / 1e6


class StageClock(Steps):
    """Silent Steps that record (stage, wall s, CPU s, peak GB, WAL MB): one row per task
    (reading, validating...), one per mart inside the marts task, and one for the time between
    tasks (after validating: the upsert into core). WAL MB is how much the served file's
    write-ahead log grew in the stage (with `warehouse` given; else 0)."""

    def __init__(self, warehouse: Path | None = None) -> None:
        super().__init__(None)
        self.rows: list[tuple[str, float, float, float, float]] = []
        self._wal = (lambda: wal_mb(warehouse)) if warehouse is not None else (lambda: 0.0)
        self._mark = (time.perf_counter(), _cpu(), self._wal())
        _reset_peak()

    def lap(self, stage: str) -> None:
        wall, cpu, wal = time.perf_counter(), _cpu(), self._wal()
        self.rows.append((stage, wall - self._mark[0], cpu - self._mark[1], _peak_gb(),
                          max(wal - self._mark[2], 0.0)))
        self._mark = (wall, cpu, wal)
        _reset_peak()

    @property
    def peak_gb(self) -> float:
        """The peak over every stage so far (resetting the peak per stage resets the process's)."""
        return max([_peak_gb(), *(row[3] for row in self.rows)])

    @contextmanager
    def task(self, label: str, total: int) -> Iterator[Callable[[], None]]:
        name = label.split(" / ")[-1]
        previous = self.rows[-1][0] if self.rows else ""
        self.lap("upsert into core, record the load" if previous == "validating" else f"(before {name})")
        if MARTS_TASK not in name:
            yield lambda *_: None
            self.lap(name)
            return
        marts = [p.stem for p in mart_files()]
        done = [0]

        def advance(*_) -> None:
            i = done[0]
            self.lap(f"mart {marts[i]}" if i < len(marts) else "checks, checkpoint, publish")
            done[0] += 1
        yield advance


def print_stages(clock: StageClock, baseline: dict[str, float] | None = None) -> None:
    """The stages, slowest marts included, beside a baseline figure where one is known."""
    print(f"{'stage':44} {'wall s':>8} {'CPU s':>8} {'peak GB':>8} {'WAL MB':>8}")
    for stage, wall, cpu, peak, wal in clock.rows:
        if wall < 0.05 and stage.startswith("(before"):
            continue
        ref = (baseline or {}).get(stage)
        note = f"   baseline {ref:8.1f} s" if ref is not None else ""
        print(f"{stage[:44]:44} {wall:8.1f} {cpu:8.1f} {peak:8.2f} {wal:8.1f}{note}")


def table_sizes(path: Path) -> list[tuple[str, int, float]]:
    """(schema.table, rows, MB) for every table, largest first. MB counts the storage blocks
    holding the table's column segments: blocks shared by small tables count for each of them,
    so small tables are overstated, large ones nearly exact."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        block = con.execute("SELECT block_size FROM pragma_database_size()").fetchone()[0]
        out = []
        for schema, table, rows in con.execute(
                "SELECT schema_name, table_name, estimated_size FROM duckdb_tables() "
                "WHERE database_name = current_database()").fetchall():
            blocks = con.execute(
                "SELECT count(DISTINCT b) FROM (SELECT block_id AS b FROM pragma_storage_info(?) "
                "WHERE persistent AND block_id >= 0 UNION ALL SELECT unnest(additional_block_ids) "
                "FROM pragma_storage_info(?) WHERE persistent)",
                [f"{schema}.{table}"] * 2).fetchone()[0]
            out.append((f"{schema}.{table}", rows, blocks * block / 1e6))
        return sorted(out, key=lambda r: -r[2])
    finally:
        con.close()


def print_sizes(path: Path, baseline: dict[str, float] | None = None, top: int = 25) -> None:
    """The largest tables of a warehouse file, beside a baseline size (MB) where one is known."""
    sizes = table_sizes(path)
    print(f"{'table':44} {'rows':>13} {'MB':>9}")
    for name, rows, mb in sizes[:top]:
        ref = (baseline or {}).get(name)
        note = f"   baseline {ref:9.1f} MB" if ref is not None else ""
        print(f"{name:44} {rows:>13,} {mb:9.1f}{note}")
    rest = sizes[top:]
    if rest:
        print(f"{'(' + str(len(rest)) + ' smaller tables)':44} {sum(r[1] for r in rest):>13,} "
              f"{sum(r[2] for r in rest):9.1f}")
    print(f"{'file':44} {'':>13} {path.stat().st_size / 1e6:9.1f}")
