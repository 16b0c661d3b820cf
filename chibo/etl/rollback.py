"""`rollback [--to N]`: serve a kept generation again (by default the newest one older than the
served one; repeated, it goes further back; --to a newer kept one rolls forward). Under the
writer lock: both files of the generation are checked (the served file and its core file, which
the next load builds on), the served file is swapped in atomically, and the
ledger marks the loads the target does not hold as rolled back (a later load of the same file
loads it again). Generation numbers only grow: the next load builds on the rolled-back-to
generation and gets a new number."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chibo.etl.corefile import require_pair
from chibo.etl.faults import CouldNotComplete
from chibo.etl.generations import file_generation
from chibo.etl.ledger import GenerationRecord
from chibo.etl.publish import Publication
from chibo.etl.settings import settings
from chibo.etl.writer import prune


@dataclass
class RollbackOutcome:
    previous: int | None
    current: int
    rolled_back: list[int]  # load ids no longer served


def rollback(warehouse: Path, to: int | None = None, on_wait=None) -> RollbackOutcome:
    with Publication(warehouse, on_wait=on_wait) as pub:
        current = pub.ledger.current()
        kept = {g.generation: g for g in pub.ledger.generations(states=("kept",))
                if pub.files.path(g.generation).exists()}
        target = _target(kept, current, to)
        path = pub.files.path(target.generation)
        if file_generation(path) != target.generation:
            raise CouldNotComplete(
                f"Tệp của thế hệ {target.generation} không đọc được ({path.name})",
                f"The file of generation {target.generation} cannot be read ({path.name})")
        require_pair(pub.files, target.generation)
        before = set(kept[current].loads) if current in kept else set()
        pub.files.serve(target.generation)
        pub.ledger.set_current(target.generation)
        prune(pub.ledger, pub.files, settings().keep_generations)
        return RollbackOutcome(current, target.generation, sorted(before - set(target.loads)))


def _target(kept: dict[int, GenerationRecord], current: int | None, to: int | None
            ) -> GenerationRecord:
    if to is not None:
        if to == current:
            raise CouldNotComplete(f"Thế hệ {to} đang được dùng", f"Generation {to} is already served")
        if to not in kept:
            have = ", ".join(str(g) for g in sorted(kept)) or "—"
            raise CouldNotComplete(f"Không còn giữ thế hệ {to} (đang giữ: {have})",
                                   f"Generation {to} is not kept (kept: {have})")
        return kept[to]
    older = [n for n in kept if current is None or n < current]
    if not older:
        raise CouldNotComplete("Không còn thế hệ nào trước đó để quay lại",
                               "No earlier generation is kept to roll back to")
    return kept[max(older)]
