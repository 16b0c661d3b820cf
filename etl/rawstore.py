"""The raw store: every accepted input file kept unchanged, named by its content hash, with a
manifest of loads (one JSON line per load) from which `rebuild` replays the warehouse."""

from __future__ import annotations

import hashlib
import json
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
    """`<warehouse stem>.raw/` beside the warehouse: `<sha256><suffix>` files and manifest.jsonl."""

    def __init__(self, warehouse: Path):
        self.root = warehouse.parent / f"{warehouse.stem}.raw"
        self.manifest_path = self.root / "manifest.jsonl"

    def stored_path(self, digest: str, suffix: str) -> Path:
        return self.root / f"{digest}{suffix.lower()}"

    def put(self, path: Path, digest: str) -> Path:
        """Copy the file in (once); the copy is written beside and renamed, so never partial."""
        target = self.stored_path(digest, path.suffix)
        if not target.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".partial")
            shutil.copyfile(path, partial)
            os.replace(partial, target)
        return target

    def loads(self) -> list[dict]:
        """Manifest entries in load order."""
        if not self.manifest_path.exists():
            return []
        with self.manifest_path.open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]

    def append(self, entry: dict) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        with self.manifest_path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def prune(self, published_load_ids: set[int]) -> None:
        """Drop manifest entries of loads that never reached a published warehouse (killed
        between writing the manifest and the swap)."""
        entries = self.loads()
        kept = [e for e in entries if e["load_id"] in published_load_ids]
        if len(kept) != len(entries):
            partial = self.manifest_path.with_name("manifest.jsonl.partial")
            partial.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in kept),
                               encoding="utf-8")
            os.replace(partial, self.manifest_path)

    def known_hashes(self, kind: str) -> set[str]:
        return {f["hash"] for e in self.loads() if e.get("kind", "inputs") == kind
                for f in e["files"]}
