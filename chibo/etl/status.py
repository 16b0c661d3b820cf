"""`status`: the served generation, the kept ones, the last loads and anything interrupted or
failed, from the ledger. When no writer is running, the ledger is first made to agree with the
files (a killed load is then shown as interrupted, not as running)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from chibo.etl.generations import GenerationFiles
from chibo.etl.ledger import GenerationRecord, LoadRecord, open_ledger
from chibo.etl.publish import Publication
from chibo.etl.rawstore import RawStore
from chibo.etl.writer import WriterBusy, WriterLock

STATE_WORDS = {
    "started": "đang chạy / running", "publishing": "đang công bố / publishing",
    "published": "đã công bố / published", "rejected": "bị từ chối / rejected",
    "failed": "không hoàn thành / failed", "interrupted": "bị dừng / interrupted",
    "rolled_back": "đã quay lui / rolled back",
}


@dataclass
class Status:
    writer_running: bool
    current: GenerationRecord | None
    kept: list[GenerationRecord] = field(default_factory=list)
    loads: list[LoadRecord] = field(default_factory=list)
    attention: list[LoadRecord] = field(default_factory=list)  # interrupted or failed


def read_status(warehouse: Path, last: int = 10) -> Status:
    running = False
    try:
        with WriterLock(warehouse, wait=False):
            pass
    except WriterBusy:
        running = True
    if not running and (warehouse.exists() or RawStore(warehouse).root.exists()):
        try:
            with Publication(warehouse):  # takes the lock and recovers; builds nothing
                pass
        except WriterBusy:
            running = True
    root = RawStore(warehouse).root
    if not (root / "ledger.sqlite3").exists():
        return Status(running, None)
    ledger = open_ledger(root)
    try:
        current = ledger.current()
        gens = ledger.generations(states=("kept",))
        files = GenerationFiles(warehouse)
        return Status(running,
                      next((g for g in gens if g.generation == current), None),
                      [g for g in gens if files.path(g.generation).exists()],
                      ledger.loads(limit=last),
                      ledger.loads(states=("interrupted", "failed"), limit=last))
    finally:
        ledger.close()


def print_status(console: Console, status: Status, warehouse: Path) -> None:
    if status.current is None:
        console.print(f"Chưa có thế hệ nào được công bố / nothing published yet: {warehouse}")
    else:
        g = status.current
        console.print(f"[bold]Thế hệ đang dùng / served generation {g.generation}[/bold] "
                      f"({g.published_at}, {len(g.loads)} lần nạp / loads, "
                      f"{_mb(g.bytes)}) — {warehouse}")
    if status.writer_running:
        console.print("Đang có một lần ghi chạy / a writer is running now")
    gens = Table("thế hệ / generation", "công bố / published", "lần nạp / loads", "cỡ / size",
                 "dữ liệu gốc / core", "tệp / file", title="Các thế hệ đang giữ / kept generations")
    files = GenerationFiles(warehouse)
    for g in status.kept:
        mark = " *" if status.current and g.generation == status.current.generation else ""
        core = files.core_path(g.generation)
        gens.add_row(f"{g.generation}{mark}", g.published_at or "", _ids(g.loads), _mb(g.bytes),
                     _mb(core.stat().st_size) if core.exists() else "", g.file or "")
    if status.kept:
        console.print(gens)
    loads = Table("lần nạp / load", "loại / kind", "trạng thái / state", "thế hệ / generation",
                  "bắt đầu / started", "tệp / files", title="Các lần nạp gần nhất / last loads")
    for ld in status.loads:
        loads.add_row(str(ld.load_id), ld.kind, STATE_WORDS.get(ld.state, ld.state),
                      str(ld.generation or ""), ld.started_at,
                      ", ".join(f.name for f in ld.files)[:60])
    if status.loads:
        console.print(loads)
    for ld in status.attention:
        console.print(f"[red]Lần nạp / load {ld.load_id} {STATE_WORDS[ld.state]}[/red]: "
                      f"{', '.join(f.name for f in ld.files)[:80]} — {ld.detail or ''}"
                      " — nạp lại tệp để thử lại / load the files again to retry")


def _mb(size: int | None) -> str:
    return "" if size is None else f"{size / 1e6:,.1f} MB".replace(",", " ").replace(".", ",")


def _ids(ids: tuple[int, ...]) -> str:
    shown = ", ".join(str(i) for i in ids[-6:])
    return ("…, " if len(ids) > 6 else "") + shown
