"""The raw store: every accepted input file kept unchanged, named by its content hash, beside the
load ledger (`ledger.sqlite3`, chibo.etl.ledger) from which `rebuild` replays the warehouse."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class RawStore:
    """`<warehouse stem>.raw/` beside the warehouse: `<sha256><suffix>` files and the ledger."""

    def __init__(self, warehouse: Path):
        self.root = warehouse.parent / f"{warehouse.stem}.raw"

    def stored_path(self, digest: str, suffix: str) -> Path:
        return self.root / f"{digest}{suffix.lower()}"

    def put(self, path: Path, digest: str) -> tuple[Path, bool]:
        """Copy the file in (once; True when copied now); written beside and renamed, so never
        partial."""
        target = self.stored_path(digest, path.suffix)
        if target.exists():
            return target, False
        self.root.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        try:
            shutil.copyfile(path, partial)
            with open(partial, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        return target, True
