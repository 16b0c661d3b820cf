"""Several hosts: this host serves the generation the ETL announced in PostgreSQL.

The ETL (chibo/etl/shared.py) writes one row, `chibo_served_generation` (generation, file relative to
the folder of CHIBO_SHARED_WAREHOUSE, bytes, sha256), each time it serves a generation. A thread
of every dashboard process polls it every CHIBO_FOLLOW_SECONDS; when it names a generation this
host does not serve, the file is copied from the shared volume into this host's generations
folder (checked against its size and SHA-256 before it is used), hard-linked over the local
warehouse with os.replace, and the local index.json rewritten: the gateway's Chooser
(chibo/dashboard/serving.py) then sees the published file change and serves it, falling back to the
kept ones as it always does. Workers of one host copy once (a file lock); a rollback to a
generation still on this host's disk copies nothing.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from chibo.dashboard import serving
from chibo.dashboard.settings import Settings

log = logging.getLogger("chibo.dashboard.follow")
POINTER_TABLE = "chibo_served_generation"  # written by the ETL: README "Several hosts"
KEEP = 2  # earlier generations kept on this host (to fall back to)


@dataclass(frozen=True)
class Announced:
    generation: int
    file: str
    bytes: int
    sha256: str


def announced(con) -> Announced | None:
    """The generation the ETL last served (None before the first publication)."""
    import psycopg

    try:
        row = con.execute(f"SELECT generation, file, bytes, sha256 FROM {POINTER_TABLE}"
                          " WHERE id").fetchone()
    except psycopg.errors.UndefinedTable:
        return None
    return Announced(*row) if row else None


def local_generation(warehouse: Path) -> int | None:
    """The generation this host serves, as its index says (None: none yet)."""
    return serving.read_index(warehouse).get("current") if warehouse.exists() else None


def _copy(source: Path, target: Path, expected: Announced) -> None:
    """Copy, hashing on the way; the file appears under `target` only when it checks out."""
    partial = target.with_name(target.name + ".partial")
    digest = hashlib.sha256()
    with open(source, "rb") as src, open(partial, "wb") as out:
        while chunk := src.read(1 << 20):
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    size = partial.stat().st_size
    if size != expected.bytes or digest.hexdigest() != expected.sha256:
        partial.unlink(missing_ok=True)
        raise ValueError(f"{source}: {size} bytes, sha256 {digest.hexdigest()[:12]}…; announced "
                         f"{expected.bytes} bytes, {expected.sha256[:12]}…")
    os.replace(partial, target)


def sync(warehouse: Path, shared: Path, wanted: Announced) -> bool:
    """Make this host serve `wanted` (copied from the folder of `shared`); True when it changed."""
    folder = serving.generations_dir(warehouse)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".follow.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one copier per host; the others find it done
        if local_generation(warehouse) == wanted.generation:
            return False
        source = (shared.parent / wanted.file).resolve()
        if shared.parent.resolve() not in source.parents:
            raise ValueError(f"announced file outside the shared folder: {wanted.file}")
        target = folder / f"{wanted.generation:06d}{warehouse.suffix}"
        if not (target.exists() and target.stat().st_size == wanted.bytes):
            _copy(source, target, wanted)
        link = warehouse.with_name(f".{warehouse.name}.following")
        link.unlink(missing_ok=True)
        os.link(target, link)
        os.replace(link, warehouse)
        _write_index(warehouse, folder, wanted.generation)
        return True


def _write_index(warehouse: Path, folder: Path, current: int) -> None:
    """index.json as serving.py reads it: the served generation, then the newest others (KEEP of
    them; older files are removed)."""
    on_disk = sorted((int(p.stem) for p in folder.glob(f"*{warehouse.suffix}") if p.stem.isdigit()),
                     reverse=True)
    kept = [current, *[g for g in on_disk if g != current][:KEEP]]
    for g in set(on_disk) - set(kept):
        (folder / f"{g:06d}{warehouse.suffix}").unlink(missing_ok=True)
    doc = {"format": 1, "warehouse": warehouse.name, "current": current, "generations": [
        {"generation": g, "served": g == current, "file": f"{folder.name}/{g:06d}{warehouse.suffix}",
         "bytes": (folder / f"{g:06d}{warehouse.suffix}").stat().st_size} for g in kept]}
    tmp = folder / "index.json.partial"
    tmp.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    os.replace(tmp, folder / "index.json")


class Follower:
    """The polling thread of one dashboard process (`start`), and one step of it (`step`)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._con = None

    def step(self) -> bool:
        import psycopg

        if self._con is None or self._con.closed or self._con.broken:
            self._con = psycopg.connect(self.settings.database_url, autocommit=True,
                                        connect_timeout=10, application_name="chibo-follow")
        wanted = announced(self._con)
        if wanted is None or wanted.generation == local_generation(self.settings.warehouse):
            return False
        started = time.monotonic()
        changed = sync(self.settings.warehouse, self.settings.shared_warehouse, wanted)
        if changed:
            log.info("generation_followed %s", json.dumps(
                {"generation": wanted.generation, "bytes": wanted.bytes,
                 "seconds": round(time.monotonic() - started, 2)}))
        return changed

    def _loop(self) -> None:
        while True:
            try:
                self.step()
            except Exception as e:  # noqa: BLE001 - keep serving what we have; try again
                log.warning("following the served generation failed: %s", e)
                self._con = None
            time.sleep(self.settings.follow_seconds)

    def start(self) -> Follower:
        """One step now (a new host serves the current generation from its first request), then
        the thread."""
        try:
            self.step()
        except Exception as e:  # noqa: BLE001 - the thread tries again
            log.warning("following the served generation failed: %s", e)
            self._con = None
        threading.Thread(target=self._loop, name="chibo-follow", daemon=True).start()
        return self


def enabled(settings: Settings) -> bool:
    return bool(settings.database_url and settings.shared_warehouse)
