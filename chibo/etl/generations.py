"""Warehouse generations on disk. Each published generation N is a pair of files:
`<stem>.generations/<N:06d>.duckdb` (e.g. data/warehouse.generations/000042.duckdb), the served
file (marts and meta: what the dashboard reads), and `<N:06d>.core.duckdb`, its core file (the
accepted rows the marts are built from: chibo/etl/corefile.py), never served. The served one is
also `warehouse.duckdb`, a hard link to the same file, swapped with os.replace. Which generation
is served is told by the inode, so it survives a kill at any moment. The core file is kept
before the served file, so a served file on disk always has its core file beside it.

`index.json` in that folder lists the served generation first, then the others from the most
recently served: the order a reader falls back in when a file cannot be opened. A generation's
file is good when it opens read-only and `max(generation)` of its meta.generation is N.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb

from chibo.etl.faults import fault
from chibo.etl.ledger import GenerationRecord

INDEX_FORMAT = 1


class GenerationFiles:
    def __init__(self, warehouse: Path):
        self.warehouse = warehouse
        self.dir = warehouse.parent / f"{warehouse.stem}.generations"

    def path(self, generation: int) -> Path:
        return self.dir / f"{generation:06d}{self.warehouse.suffix}"

    def core_path(self, generation: int) -> Path:
        return self.dir / f"{generation:06d}.core{self.warehouse.suffix}"

    def keep(self, building: Path, generation: int, core: Path | None = None) -> Path:
        """Keep the finished files of `generation` (hard links: no copy), the core file first."""
        self.dir.mkdir(parents=True, exist_ok=True)
        if core is not None:
            _link(core, self.core_path(generation))
            fault("core_kept")
        return _link(building, self.path(generation))

    def serve(self, generation: int) -> None:
        """Make the kept `generation` the served warehouse, atomically."""
        link = self.warehouse.with_name(f".{self.warehouse.name}.serving")
        link.unlink(missing_ok=True)
        os.link(self.path(generation), link)
        os.replace(link, self.warehouse)
        fsync_dir(self.warehouse.parent)

    def served(self) -> int | None:
        """The generation whose file is the served warehouse (same inode), else None."""
        try:
            inode = os.stat(self.warehouse).st_ino
        except FileNotFoundError:
            return None
        return next((n for n in self.on_disk() if os.stat(self.path(n)).st_ino == inode), None)

    def on_disk(self) -> list[int]:
        if not self.dir.is_dir():
            return []
        return sorted(int(p.stem) for p in self.dir.glob(f"*{self.warehouse.suffix}")
                      if p.stem.isdigit())

    def remove(self, generation: int) -> None:
        """Remove both files of a generation (the served file first: never one without core)."""
        for path in (self.path(generation), self.core_path(generation)):
            for leftover in (path, Path(f"{path}.wal")):
                leftover.unlink(missing_ok=True)

    def write_index(self, generations: list[GenerationRecord], current: int | None) -> None:
        """index.json: what a reader needs to fall back to the newest good generation."""
        kept = [g for g in generations if g.state == "kept" and self.path(g.generation).exists()]
        kept.sort(key=lambda g: (g.generation != current, -(g.served_seq or 0), -g.generation))
        doc = {"format": INDEX_FORMAT, "warehouse": self.warehouse.name, "current": current,
               "duckdb_version": duckdb.__version__,
               "generations": [{"generation": g.generation, "served": g.generation == current,
                                "file": f"{self.dir.name}/{self.path(g.generation).name}",
                                "bytes": g.bytes, "published_at": g.published_at,
                                "loads": list(g.loads)} for g in kept]}
        self.dir.mkdir(parents=True, exist_ok=True)
        tmp = self.dir / "index.json.partial"
        tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.dir / "index.json")


def file_generation(path: Path, table: str = "meta.generation") -> int | None:
    """max(generation) in a warehouse file's meta.generation (a core file's `generation`), or
    None when it cannot be read."""
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        return con.execute(f"SELECT max(generation) FROM {table}").fetchone()[0]
    except duckdb.Error:
        return None
    finally:
        con.close()


def _link(source: Path, target: Path) -> Path:
    target.unlink(missing_ok=True)
    os.link(source, target)
    fsync_dir(target.parent)
    return target


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
