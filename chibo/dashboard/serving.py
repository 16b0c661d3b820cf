"""Which warehouse file the dashboard reads: the published one (`warehouse.duckdb`) when it is
good, else the newest good kept generation, as the ETL lists them on disk (README, "Generations
on disk"): `<stem>.generations/index.json` beside the warehouse names the served generation
first, then the order to fall back in, each with its file and size in bytes.

A file is good when its size is the size the index gives, it opens read-only and the largest
`meta.generation` it records is its number. The published file is matched to its index entry by
inode (the ETL hard-links the two), so right after a publication, before the index is rewritten,
it is checked by opening alone. The gateway supplies the opening (`probe`): this module never
opens DuckDB.

`Chooser.current()` decides again whenever the published file changes (a publication, a
rollback, anything that touches it: its identity includes size, mtime and ctime), and
`condemn()` when a query on the chosen file fails for a storage reason. A file found bad stays
bad until it changes. An episode of fallback is logged once as it begins (an ERROR on
`dashboard.warehouse`, CRITICAL when nothing is readable, with the fields as JSON and in
`extra["chibo"]`), when what is served changes, and once (a WARNING) as it ends.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("chibo.dashboard.warehouse")

PUBLISHED, FALLBACK, UNREADABLE, MISSING = "published", "fallback", "unreadable", "missing"


class Unreadable(Exception):
    """A warehouse file cannot be read; the message says why (DuckDB's words or ours)."""


@dataclass(frozen=True)
class Candidate:
    """A file that may be served: the published one or a kept generation of the index."""

    path: Path
    generation: int | None  # the number the index gives it (None: not in the index)
    bytes: int | None
    published: bool = False


@dataclass(frozen=True)
class Serving:
    """What the dashboard reads now. state: published (the published file), fallback (an
    earlier generation because the published file is bad), unreadable (no good file at all),
    missing (no warehouse yet). `reason` says why the published file is not read."""

    state: str
    path: Path | None = None
    signature: tuple | None = None  # (path, inode, mtime, size) of `path`: the cache key
    generation: int | None = None
    published_generation: int | None = None
    reason: str | None = None
    since: str | None = None  # when this episode of fallback began (ISO, local time)
    published_key: tuple | None = None  # identity of the published file when this was decided

    @property
    def fallback(self) -> bool:
        return self.state in (FALLBACK, UNREADABLE)

    def as_dict(self) -> dict:
        """The plain fields (for a log line or a status endpoint)."""
        return {"state": self.state, "generation": self.generation,
                "published_generation": self.published_generation,
                "file": None if self.path is None else self.path.name,
                "reason": self.reason, "since": self.since}


def file_key(path: Path) -> tuple | None:
    """The identity of a file's current content: device, inode, size, mtime, ctime."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def signature_of(path: Path, key: tuple | None = None) -> tuple | None:
    """The signature a Serving gives the file at `path` (path, inode, mtime, size), from its
    file_key `key` when the caller read it already, else read now."""
    key = key or file_key(path)
    return key and (str(path), key[1], key[3], key[2])


def read_index(warehouse: Path) -> dict:
    """index.json of the warehouse's generations ({} when there is none or it is unreadable)."""
    try:
        doc = json.loads((generations_dir(warehouse) / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return doc if isinstance(doc, dict) else {}


def generations_dir(warehouse: Path) -> Path:
    return warehouse.parent / f"{warehouse.stem}.generations"


def candidates(warehouse: Path, index: dict) -> list[Candidate]:
    """The published file, then the index's generations in its order (the published file's own
    entry, which is the same file, is not tried twice; files outside the folder are ignored)."""
    folder = generations_dir(warehouse).resolve()
    kept = []
    for entry in index.get("generations") or ():
        try:
            path = (warehouse.parent / str(entry["file"])).resolve()
            number, size = int(entry["generation"]), int(entry["bytes"])
        except (KeyError, TypeError, ValueError):
            continue
        if path.parent == folder:
            kept.append(Candidate(path, number, size))
    published = file_key(warehouse)
    same = next((c for c in kept if published and file_key(c.path) and
                 file_key(c.path)[:2] == published[:2]), None)
    first = Candidate(warehouse, same and same.generation, same and same.bytes, published=True)
    return [first, *(c for c in kept if c is not same)]


def _size_problem(c: Candidate, key: tuple) -> str | None:
    if c.bytes is not None and key[2] != c.bytes:
        return (f"kích thước {key[2]} byte, chỉ mục ghi {c.bytes} / size {key[2]} bytes, "
                f"the index says {c.bytes}")
    return None


class Chooser:
    """The decision shared by every thread of a gateway (see the module docstring)."""

    def __init__(self, warehouse: Path, probe: Callable[[Path], int | None]):
        self.warehouse = warehouse
        self._probe = probe  # max(meta.generation) of a file, or Unreadable
        self._lock = threading.Lock()
        self._serving: Serving | None = None
        self._bad: dict[tuple, str] = {}  # file identity -> why it is not read

    def current(self) -> Serving:
        """What to read now: the last decision while the published file is unchanged."""
        chosen = self._serving
        if chosen is not None and chosen.published_key == file_key(self.warehouse):
            return chosen
        with self._lock:
            chosen = self._serving
            if chosen is not None and chosen.published_key == file_key(self.warehouse):
                return chosen
            return self._choose()

    def condemn(self, failed: Serving, reason: str) -> Serving:
        """A query on `failed` failed for a storage reason: never read that file again while
        it is unchanged, and decide again (unless another thread already has)."""
        with self._lock:
            key = file_key(failed.path) if failed.path else None
            if key is not None:
                self._bad[key] = reason
            if self._serving is None or self._serving.signature == failed.signature:
                return self._choose()
            return self._serving

    def _choose(self) -> Serving:
        published_key = file_key(self.warehouse)
        index = read_index(self.warehouse)
        if published_key is None and not index.get("generations"):
            return self._settle(Serving(MISSING))
        tried: dict[tuple, str] = {}
        reason, published_generation = None, index.get("current")
        for c in candidates(self.warehouse, index):
            key = file_key(c.path)
            if c.published:
                published_generation = c.generation or published_generation
            problem = ("không tìm thấy tệp / file not found" if key is None
                       else self._bad.get(key) or _size_problem(c, key))
            number = None
            if problem is None:
                try:
                    number = self._probe(c.path)
                    if number is None or (c.generation is not None and number != c.generation):
                        raise Unreadable(f"meta.generation = {number}, chỉ mục ghi {c.generation}"
                                         f" / the index says {c.generation}")
                except Unreadable as e:
                    problem = str(e)
            if key is not None and problem is not None:
                tried[key] = problem
            if problem is None:
                self._bad = tried
                state = PUBLISHED if c.published else FALLBACK
                sig = signature_of(c.path, key)
                return self._settle(Serving(
                    state, c.path, sig, number,
                    number if c.published else published_generation, reason,
                    published_key=published_key))
            if c.published:
                reason = problem
        self._bad = tried
        return self._settle(Serving(UNREADABLE, reason=reason,
                                    published_generation=published_generation,
                                    published_key=published_key))

    def _settle(self, new: Serving) -> Serving:
        """Keep the decision; log the start, a change and the end of an episode of fallback."""
        old = self._serving
        was = old is not None and old.fallback
        if new.fallback:
            since = old.since if was else dt.datetime.now().isoformat(timespec="seconds")
            new = dataclasses.replace(new, since=since)
            level = logging.CRITICAL if new.state == UNREADABLE else logging.ERROR
            if not was:
                _event(level, f"warehouse_{new.state}", self.warehouse, new)
            elif (old.state, old.generation) != (new.state, new.generation):
                _event(level, f"warehouse_{new.state}_changed", self.warehouse, new)
        elif was:
            _event(logging.WARNING, "warehouse_restored", self.warehouse, new)
        self._serving = new
        return new


def _event(level: int, event: str, warehouse: Path, serving: Serving) -> None:
    fields = {"event": event, "warehouse": str(warehouse), **serving.as_dict()}
    log.log(level, "%s %s", event, json.dumps(fields, ensure_ascii=False),
            extra={"chibo": fields})
