"""Atomic publication: build the next generation in two new files beside the warehouse, its core
file (the served generation's core rows carried over, the batch applied: chibo/etl/corefile.py)
and its served file (meta carried over, marts rebuilt from core), check them, checkpoint and close
them, keep them as generation N (core first), then serve the served file with os.replace; the
ledger records each step.

`with Publication(warehouse) as pub:` holds the writer lock for the whole block. A load killed
at any moment leaves the served warehouse untouched, and the next writer records it as
interrupted and removes its half-built file. Leaving the block without publishing discards the
new file (a rejected load publishes nothing).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from chibo.etl import corefile, validated
from chibo.etl.faults import CouldNotComplete, fault
from chibo.etl.generations import GenerationFiles, file_generation, fsync_dir, fsync_file
from chibo.etl.ledger import FileRecord, Ledger, generation, open_ledger, published_hashes
from chibo.etl.ledger_sqlite import now
from chibo.etl.rawstore import RawStore
from chibo.etl.settings import settings, size_bytes
from chibo.etl.warehouse import build_marts, ensure_schema, run_checks
from chibo.etl.writer import BUILDING_SUFFIX, WriterLock, import_legacy, prune, recover, remove_leftovers

# A WAL size never reached: the served file is checkpointed once, when its marts are built.
NO_AUTOMATIC_CHECKPOINT = "1TB"


class Publication:
    """`with Publication(path) as pub:` work on `pub.con`, then `pub.publish()`."""

    def __init__(self, warehouse: Path, on_wait: Callable[[], None] | None = None,
                 dry_run: bool = False, wait: bool = True):
        self.warehouse = warehouse
        self.dry_run = dry_run  # validate only: no ledger, nothing kept
        self.files = GenerationFiles(warehouse)
        self.store = RawStore(warehouse)
        self.building = warehouse.with_name(f".{warehouse.name}.{os.getpid()}{BUILDING_SUFFIX}")
        self.core_building = warehouse.with_name(
            f".{warehouse.name}.{os.getpid()}.core{BUILDING_SUFFIX}")
        self.scratch = Path(f"{self.building}.work")
        self.batch_bytes = 0  # what the batch's work tables may take, estimated (expect())
        self.ledger: Ledger | None = None
        self.loads: list[int] = []  # the loads this publication is for, until finished
        self.generation: int | None = None  # allocated while publishing, until served
        self._stored: list[Path] = []  # raw files copied in by this publication
        self._con: duckdb.DuckDBPyConnection | None = None
        self._lock = WriterLock(warehouse, on_wait, wait)  # wait=False: WriterBusy at once

    def __enter__(self) -> Publication:
        self._lock.__enter__()
        try:
            remove_leftovers(self.warehouse, self.store.root)
            if self.dry_run:
                return self
            self.ledger = open_ledger(self.store.root)
            import_legacy(self.warehouse, self.ledger, self.files, self.store.root)
            recover(self.warehouse, self.ledger, self.files)
        except BaseException:
            self._release()
            raise
        return self

    # --- the new file ------------------------------------------------------------------------
    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self.open()
        return self._con

    def open(self, carry_over: bool = True, core_copy: Path | None = None) -> duckdb.DuckDBPyConnection:
        """Create the new files (the core file attached as `core`); with carry_over, the served
        generation's core and meta in them (its core file copied byte for byte, or its core
        rows copied out of a served file made before core files); with core_copy, the new core
        file starts as a byte copy of that (closed, checkpointed) core file."""
        cfg = settings()
        core = self._served_core() if carry_over else None
        if core is not None and core.path != self.warehouse and corefile.holds_only(
                core.path, ensure_schema):
            core_copy = core.path
        if core_copy is not None:
            corefile.copy(core_copy, self.core_building)
        self._con = con = duckdb.connect(str(self.building), config={
            **self._config(), "temp_directory": f"{self.building}.tmp"})
        con.execute("SET preserve_insertion_order = false")
        corefile.attach(con, self.core_building)
        # Batch work tables, never published: a compressed in-memory database while the batch is
        # small beside the memory limit (no disk writes), a scratch file beyond it (a national
        # batch spilled from memory filled 31 GB of temporary space; on disk it is compressed).
        if self.batch_bytes * 2 <= size_bytes(cfg.memory_limit):
            con.execute("ATTACH ':memory:' AS work (COMPRESS)")
        else:
            con.execute("ATTACH ? AS work", [str(self.scratch)])
        ensure_schema(con)
        if core is not None:
            corefile.carry_over(con, self.warehouse, core, rows=core_copy is None)
        return con

    @staticmethod
    def _config() -> dict:
        cfg = settings()
        return {"memory_limit": cfg.memory_limit, "threads": cfg.threads}

    def _served_core(self) -> corefile.Source | None:
        """Where the served generation's core rows are; a served warehouse without them is never
        built on (its accepted rows would be lost): `rebuild` makes them again from the raw store."""
        if not self.warehouse.exists():
            return None
        found = corefile.served_source(self.files)
        number = None if found else self.files.served() or file_generation(self.warehouse)
        if number is not None:
            name = self.files.core_path(number).name
            raise CouldNotComplete(
                f"Thiếu tệp dữ liệu gốc của thế hệ đang dùng ({name}): không nạp gì; chạy "
                "`rebuild` để dựng lại từ các tệp đã nhận",
                f"The served generation's core file is missing ({name}): nothing was loaded; "
                "run `rebuild` to make it again from the stored inputs")
        return found

    def expect(self, paths: list[Path]) -> None:
        """Size the work space for a batch of `paths` before the new file opens: rows as read
        take about a CSV's bytes, and about four times a Parquet's or an XLSX's."""
        self.batch_bytes = sum(p.stat().st_size * (1 if p.suffix.lower() in (".csv", ".txt") else 4)
                               for p in paths)

    # --- the ledger ----------------------------------------------------------------------------
    def already_loaded(self, hashes: list[str], kind: str) -> bool:
        """Every file is held by the served generation (checked under the lock)."""
        return bool(hashes) and set(hashes) <= published_hashes(self.ledger, kind)

    @property
    def load_id(self) -> int | None:
        """The load begun last and not finished."""
        return self.loads[-1] if self.loads else None

    def begin(self, kind: str, files: list[FileRecord], options: dict) -> int:
        """Record a load as started in the ledger; returns its new id. Several loads may be
        begun in one publication (`etl demo`: inputs and documents): one generation holds all."""
        self.loads.append(self.ledger.begin_load(kind, files, options))
        return self.loads[-1]

    def finish(self, state: str, **fields) -> None:
        """End the last load without publishing (rejected, or failed with a detail)."""
        self.ledger.update_load(self.loads.pop(), state=state, finished_at=now(), **fields)

    def store_files(self, paths: list[Path], records: list[FileRecord]) -> list[FileRecord]:
        """Keep the files in the raw store (removed again if nothing is published)."""
        stored = []
        for path, record in zip(paths, records):
            target, new = self.store.put(path, record.hash)
            if new:
                self._stored.append(target)
            stored.append(FileRecord(record.name, record.hash, path.stat().st_size, target.name))
        return stored

    def served_loads(self) -> list[int]:
        held = generation(self.ledger, self.ledger.current())
        return list(held.loads) if held else []

    # --- publishing ----------------------------------------------------------------------------
    def publish(self, note: str = "", progress=None, loads: list[int] | None = None,
                made_by: str = "writer") -> int:
        """Rebuild marts, run checks, keep and serve the new file. The new generation holds the
        served one's loads plus this load, or exactly `loads` (rebuild). Returns its number."""
        con = self.con
        con.execute("DETACH work")
        # No checkpoint until the marts are built: each one rewrites the catalog and leaves the
        # copy before it as free blocks inside the served file.
        con.execute(f"SET checkpoint_threshold = '{NO_AUTOMATIC_CHECKPOINT}'")
        build_marts(con, progress)
        fault("after_marts")
        run_checks(con)
        con.execute("DROP SCHEMA IF EXISTS ref CASCADE")  # only the marts read it
        held = loads if loads is not None else self.served_loads() + self.loads
        self.generation = gen = self.ledger.allocate_generation(
            made_by, self.loads[0] if self.loads else None, held, note)  # the first load it is for
        con.execute("INSERT INTO meta.generation BY NAME SELECT ? AS generation, ? AS published_at, "
                    "? AS note, ? AS duckdb_version",
                    [gen, time.strftime("%Y-%m-%d %H:%M:%S"), note, duckdb.__version__])
        con.execute(f"INSERT INTO {corefile.ALIAS}.{corefile.STAMP} VALUES (?)", [gen])
        validated.record(con, [(ld.load_id, ld.kind, [f.hash for f in ld.files])
                               for ld in self.ledger.loads() if ld.load_id in self.loads])
        con.execute(f"CHECKPOINT {corefile.ALIAS}")
        worn = corefile.free_share(con) * 100 >= settings().core_compact_percent
        con.execute(f"DETACH {corefile.ALIAS}")
        con.execute("CHECKPOINT")
        con.close()
        self._con = None
        if worn:  # the replaced rows of the loads since the last rewrite left too much free space
            corefile.compact(self.core_building, self._config())
        fsync_file(self.core_building)
        fsync_file(self.building)
        for load_id in self.loads:
            self.ledger.update_load(load_id, state="publishing", generation=gen)
        fault("after_manifest")
        kept = self.files.keep(self.building, gen, self.core_building)
        self.core_building.unlink()  # kept under its generation's name
        fault("mid_swap")
        os.replace(self.building, self.warehouse)
        fsync_dir(self.warehouse.parent)
        fault("after_swap")
        self.ledger.update_generation(gen, state="kept", file=kept.name, bytes=kept.stat().st_size)
        self.ledger.set_current(gen)
        self.loads, self._stored, self.generation = [], [], None  # done: nothing to undo
        prune(self.ledger, self.files, settings().keep_generations)
        return gen

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if self._con is not None:
                self._con.close()
                self._con = None
            remove_leftovers(self.warehouse, self.store.root)  # first: frees a full disk
            if self.ledger is not None:
                self._abandon(exc)
        finally:
            self._release()

    def _abandon(self, exc: BaseException | None) -> None:
        """A load or generation left unfinished (an error, or a rejected batch): say so in the
        ledger and drop what it kept. Best effort: on a full disk the next writer's recovery
        records it instead."""
        try:
            if self.generation is not None and self.files.served() == self.generation:
                recover(self.warehouse, self.ledger, self.files)  # served: finish the record
                return
            for path in self._stored:
                path.unlink(missing_ok=True)
            detail = f"{type(exc).__name__}: {exc}" if exc else "không công bố / not published"
            while self.loads:
                self.finish("failed", detail=detail[:2000])
            if self.generation is not None:
                held = generation(self.ledger, self.generation)
                if held is not None and held.state == "building":
                    self.files.remove(self.generation)
                    self.ledger.update_generation(self.generation, state="abandoned")
        except Exception:  # noqa: BLE001 - recovery by the next writer covers it
            pass

    def _release(self) -> None:
        if self.ledger is not None:
            self.ledger.close()
            self.ledger = None
        self._lock.__exit__(None, None, None)
