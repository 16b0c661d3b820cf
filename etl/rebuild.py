"""`rebuild`: replay every load of the raw-store manifest, in order, into a new file, then swap it
in. The marts come out the same as those of the warehouse built load by load."""

from __future__ import annotations

import fcntl
from pathlib import Path

from etl.load import LoadOutcome, load_files
from etl.progress import Steps
from etl.publish import lock_path, previous_path, swap_in
from etl.rawstore import RawStore


def rebuild(warehouse: Path, steps: Steps) -> list[tuple[int, LoadOutcome]]:
    store = RawStore(warehouse)
    entries = store.loads()
    if not entries:
        return []
    scratch = warehouse.with_name(f".{warehouse.stem}.rebuild{warehouse.suffix}")
    _remove(scratch)
    outcomes = []
    for entry in entries:
        paths = [store.root / f["stored_as"] for f in entry["files"]]
        names = [f["name"] for f in entry["files"]]
        if entry.get("kind") == "documents":
            from etl.documents.load import load_documents
            load_documents(paths, scratch, steps, names=names, store_raw=False)
            outcomes.append((entry["load_id"], LoadOutcome("loaded")))
            continue
        outcome = load_files(paths, scratch, accept_valid=entry.get("accept_valid", False),
                             thresholds=tuple(entry.get("thresholds", (90, 70, 50))),
                             steps=steps, names=names, store_raw=False)
        outcomes.append((entry["load_id"], outcome))
    with open(lock_path(warehouse), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        swap_in(scratch, warehouse)
    _remove(scratch)
    return outcomes


def _remove(scratch: Path) -> None:
    for leftover in (scratch, previous_path(scratch), lock_path(scratch)):
        leftover.unlink(missing_ok=True)
