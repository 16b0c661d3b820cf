"""The single writer: the exclusive lock that every command changing the warehouse or the ledger
takes (load, documents, rebuild, rollback, demo --force), and what the holder does first: make
the ledger agree with the files after a kill, remove half-built files, import a warehouse made
before the ledger existed. Also the pruning of old generations."""

from __future__ import annotations

import fcntl
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb

from chibo.etl.faults import CouldNotComplete
from chibo.etl.generations import GenerationFiles, file_generation
from chibo.etl.ledger import RUNNING, FileRecord, Ledger
from chibo.etl.ledger_sqlite import now
from chibo.etl.shared import WriterLease, database_url, publish_pointer

BUILDING_SUFFIX = ".building"


class WriterBusy(CouldNotComplete):
    """Another process (on this host, or on any host sharing CHIBO_DATABASE_URL) holds the
    writer lock, and the caller would not wait."""

    def __init__(self, warehouse: str, holder: str | None = None):
        who = f" ({holder})" if holder else ""
        super().__init__(f"Một lần nạp khác đang chạy{who}; không nạp gì, hãy thử lại khi nó "
                         f"xong: {warehouse}",
                         f"Another load is running{who}; nothing was loaded, try again when it "
                         f"has finished: {warehouse}")
        self.warehouse = warehouse


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".lock")


class WriterLock:
    """`with WriterLock(warehouse):` one writer at a time (waits, or raises WriterBusy): a file
    lock on this host and, when CHIBO_DATABASE_URL names PostgreSQL, its advisory lock across
    hosts (chibo/etl/shared.py). `on_wait` is called once before waiting; it may raise to refuse."""

    def __init__(self, warehouse: Path, on_wait: Callable[[], None] | None = None,
                 wait: bool = True):
        self.warehouse, self.on_wait, self.wait = warehouse, on_wait, wait
        self._handle = None
        url = database_url()
        self._lease = WriterLease(url) if url else None

    def __enter__(self) -> WriterLock:
        self.warehouse.parent.mkdir(parents=True, exist_ok=True)
        self._handle = open(lock_path(self.warehouse), "w")
        try:
            waited = self._take(lambda: self._flock(fcntl.LOCK_NB), lambda: self._flock(0), None)
            if self._lease is not None:
                self._take(lambda: self._lease.acquire(wait=False),
                           lambda: self._lease.acquire(wait=True), self._lease.holder, waited)
        except BaseException:
            self.__exit__()
            raise
        return self

    def _flock(self, flags: int) -> bool:
        try:
            fcntl.flock(self._handle, fcntl.LOCK_EX | flags)
        except BlockingIOError:
            return False
        return True

    def _take(self, try_now, block, holder, waited: bool = False) -> bool:
        """Take one lock; True when it had to wait."""
        if try_now():
            return False
        if not self.wait:
            raise WriterBusy(str(self.warehouse), holder() if holder else None)
        if self.on_wait and not waited:
            self.on_wait()
        block()
        return True

    def __exit__(self, *exc) -> None:
        if self._lease is not None:
            self._lease.release()
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


def remove_leftovers(warehouse: Path, raw_root: Path) -> None:
    """Half-built files of killed writers (only ever called by the lock holder)."""
    for stale in warehouse.parent.glob(f".{warehouse.name}.*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)
    for partial in raw_root.glob("*.partial") if raw_root.is_dir() else ():
        partial.unlink(missing_ok=True)


def recover(warehouse: Path, ledger: Ledger, files: GenerationFiles) -> list[str]:
    """Make the ledger say what the files show: the served generation is the truth. A load caught
    while publishing is published when its generation is served, else interrupted; so is any
    load that was still running. Returns what was corrected, in words."""
    fixed = []
    served = files.served()
    if served is None and warehouse.exists():
        served = file_generation(warehouse)
    for load in ledger.loads(states=RUNNING):
        if load.state == "publishing" and load.generation == served:
            continue
        ledger.update_load(load.load_id, state="interrupted", finished_at=now(),
                           detail="dừng giữa chừng / stopped before it finished")
        fixed.append(f"load {load.load_id}: interrupted")
    for gen in ledger.generations(states=("building",)):
        if gen.generation == served:
            ledger.update_generation(gen.generation, state="kept", file=files.path(served).name,
                                     bytes=files.path(served).stat().st_size)
        else:
            files.remove(gen.generation)
            ledger.update_generation(gen.generation, state="abandoned")
    known = {g.generation for g in ledger.generations(states=("kept",))}
    if served is not None and served in known and ledger.current() != served:
        ledger.set_current(served)
        fixed.append(f"generation {served}: served")
    return fixed


def import_legacy(warehouse: Path, ledger: Ledger, files: GenerationFiles, raw_root: Path) -> bool:
    """A warehouse published before the ledger existed: record its loads (from meta.load_ledger
    and manifest.jsonl) and keep it, and warehouse.previous.duckdb, as generations."""
    if ledger.generations() or ledger.loads() or not warehouse.exists():
        return False
    manifest = raw_root / "manifest.jsonl"
    entries = {}
    if manifest.exists():
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                entries[entry["load_id"]] = entry
    previous = warehouse.with_name(warehouse.stem + ".previous" + warehouse.suffix)
    held_by_file = {}
    for path in (p for p in (previous, warehouse) if p.exists()):
        con = duckdb.connect(str(path), read_only=True)
        try:
            number = con.execute("SELECT max(generation) FROM meta.generation").fetchone()[0]
            rows = con.execute("SELECT load_id, min(loaded_at), list(DISTINCT file_name), "
                               "list(DISTINCT file_hash), bool_and(result = 'rejected'), "
                               "bool_or(entity = 'document') FROM meta.load_ledger "
                               "GROUP BY load_id ORDER BY load_id").fetchall()
        finally:
            con.close()
        held_by_file[path] = (number, rows)
    seen = set()
    for _number, rows in held_by_file.values():
        for load_id, _at, names, hashes, rejected, document in rows:
            if load_id in seen:
                continue
            seen.add(load_id)
            entry = entries.get(load_id, {})
            records = [FileRecord(f["name"], f["hash"], None, f.get("stored_as"))
                       for f in entry.get("files", ())] or [
                FileRecord(n, h, None, next((p.name for p in raw_root.glob(f"{h}.*")), None))
                for n, h in zip(names, hashes)]
            options = {k: entry[k] for k in ("accept_valid", "thresholds") if k in entry}
            ledger.begin_load("documents" if document else "inputs", records, options,
                              load_id=load_id, state="rejected" if rejected else "publishing")
    for path, (number, rows) in held_by_file.items():
        if number is None:
            continue
        held = [load_id for load_id, *_x, rejected, _d in rows if not rejected]
        ledger.allocate_generation("import", None, held, note=f"imported {path.name}",
                                   generation=number)
        files.keep(path, number)
        ledger.update_generation(number, state="kept", file=files.path(number).name,
                                 bytes=path.stat().st_size)
        ledger.set_current(number)
    previous.unlink(missing_ok=True)
    if manifest.exists():
        manifest.rename(manifest.with_name("manifest.jsonl.imported"))
    return True


def prune(ledger: Ledger, files: GenerationFiles, keep: int) -> None:
    """Keep the served generation and the `keep` others served most recently; remove the rest."""
    current = ledger.current()
    kept = [g for g in ledger.generations(states=("kept",)) if g.generation != current]
    kept.sort(key=lambda g: (-(g.served_seq or 0), -g.generation))
    for gen in kept[keep:]:
        files.remove(gen.generation)
        ledger.update_generation(gen.generation, state="removed")
    files.write_index(ledger.generations(), current)
    if current is not None:
        publish_pointer(files.warehouse, current, files.path(current))  # several hosts
