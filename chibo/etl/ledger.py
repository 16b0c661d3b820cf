"""The load ledger: the one authority for what is loaded. Every load's state, every generation's
content, and which generation is served, kept outside the generations and written only under
the writer lock.

A load is started → rejected | failed | interrupted | publishing → published (in generation N)
→ rolled_back (and back to published when a rollback returns to a generation holding it). A
generation is building → kept (its file is on disk) → removed, or abandoned when it was never
served. Load ids and generation numbers are never reused.

`Ledger` is the storage interface (SQLite beside the raw files today: chibo.etl.ledger_sqlite; a shared
database for several hosts later); everything else here is derived from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

LOAD_STATES = ("started", "rejected", "failed", "interrupted", "publishing", "published",
               "rolled_back")
RUNNING = ("started", "publishing")
GENERATION_STATES = ("building", "kept", "removed", "abandoned")


@dataclass(frozen=True)
class FileRecord:
    name: str
    hash: str
    bytes: int | None = None
    stored_as: str | None = None


@dataclass(frozen=True)
class LoadRecord:
    load_id: int
    kind: str  # inputs | documents
    state: str
    started_at: str
    finished_at: str | None = None
    generation: int | None = None  # the generation that published it (or was being built for it)
    options: dict = field(default_factory=dict)
    result: str | None = None  # loaded | partial | rejected: what validation said
    problems: int | None = None
    report: str | None = None
    detail: str | None = None
    files: tuple[FileRecord, ...] = ()


@dataclass(frozen=True)
class GenerationRecord:
    generation: int
    state: str
    made_by: str  # inputs | documents | rebuild | import | writer
    created_at: str
    load_id: int | None = None
    published_at: str | None = None
    file: str | None = None
    bytes: int | None = None
    served_seq: int | None = None  # larger = served more recently
    note: str | None = None
    loads: tuple[int, ...] = ()  # the loads whose data it holds


class Ledger(Protocol):
    """What the ledger's storage must do. Writes happen under the writer lock only."""

    def begin_load(self, kind: str, files: list[FileRecord], options: dict,
                   load_id: int | None = None, state: str = "started") -> int:
        """Record a new load; returns its id (a new one unless given, when importing)."""

    def update_load(self, load_id: int, **fields) -> None:
        """Set fields of LoadRecord (state, generation, result, problems, report, detail,
        finished_at) and, with files=[...], the files' stored_as."""

    def loads(self, states: tuple[str, ...] | None = None, limit: int | None = None
              ) -> list[LoadRecord]:
        """Loads, newest first."""

    def allocate_generation(self, made_by: str, load_id: int | None, loads: list[int],
                            note: str = "", generation: int | None = None) -> int:
        """Reserve the next generation number (state building) with its content."""

    def update_generation(self, generation: int, **fields) -> None:
        """Set fields of GenerationRecord (state, file, bytes, published_at)."""

    def generations(self, states: tuple[str, ...] | None = None) -> list[GenerationRecord]:
        """Generations, newest number first."""

    def current(self) -> int | None:
        """The generation served now, as last recorded."""

    def set_current(self, generation: int) -> None:
        """Serve `generation`: in one transaction, the pointer moves, the loads it holds are
        published and the published loads it does not hold are rolled back."""

    def close(self) -> None: ...


def open_ledger(raw_root: Path) -> Ledger:
    """The ledger of the warehouse whose raw store is `raw_root` (created on first use)."""
    from chibo.etl.ledger_sqlite import SqliteLedger

    return SqliteLedger(raw_root / "ledger.sqlite3")


def generation(ledger: Ledger, number: int | None) -> GenerationRecord | None:
    return next((g for g in ledger.generations() if g.generation == number), None)


def published_loads(ledger: Ledger) -> list[LoadRecord]:
    """The loads held by the served generation, in load order."""
    current = generation(ledger, ledger.current())
    if current is None:
        return []
    held = set(current.loads)
    return sorted((ld for ld in ledger.loads() if ld.load_id in held), key=lambda ld: ld.load_id)


def published_hashes(ledger: Ledger, kind: str) -> set[str]:
    """Content hashes of the files the served generation holds: "already loaded" means this."""
    return {f.hash for ld in published_loads(ledger) if ld.kind == kind for f in ld.files}
