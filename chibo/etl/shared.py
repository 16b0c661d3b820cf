"""Several hosts: the ETL's side of the PostgreSQL database they share (CHIBO_DATABASE_URL).

- `WriterLease`: the writer lock across hosts, a session advisory lock held on a connection of
  its own for the whole write (released when the writer ends or dies: the connection closes).
- `publish_pointer`: after a generation is served (publish, rollback, rebuild), one row says
  which generation every host must serve, where its file is (relative to the folder of the
  warehouse the ETL writes, on the volume the hosts share), its size and SHA-256. Hosts poll it,
  copy the file to their own disk, check it and swap it in.

The table (the contract between the ETL and the dashboard hosts; README "Several hosts"):

    chibo_served_generation (id boolean PRIMARY KEY = true, generation integer, file text,
                             bytes bigint, sha256 text, published_at timestamptz, published_by text)
"""

from __future__ import annotations

import hashlib
import os
import socket
from pathlib import Path

WRITER_LOCK = 0x636869626F02  # pg advisory lock key of the warehouse writer ("chibo" 2)
POINTER_TABLE = "chibo_served_generation"
CREATE_POINTER = f"""CREATE TABLE IF NOT EXISTS {POINTER_TABLE} (
    id BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id), generation INTEGER NOT NULL,
    file TEXT NOT NULL, bytes BIGINT NOT NULL, sha256 TEXT NOT NULL,
    published_at TIMESTAMPTZ NOT NULL DEFAULT now(), published_by TEXT NOT NULL)"""


def database_url() -> str | None:
    """CHIBO_DATABASE_URL when it names a PostgreSQL database (the dashboard validates it)."""
    url = os.environ.get("CHIBO_DATABASE_URL", "").strip()
    return url if url.split("://", 1)[0] in ("postgresql", "postgres") else None


def _connect(url: str):
    import psycopg  # only where several hosts are configured

    return psycopg.connect(url, autocommit=True, connect_timeout=10,
                           application_name=f"chibo-etl {socket.gethostname()} {os.getpid()}")


class WriterLease:
    """The advisory lock: `acquire(wait)` returns False when another writer holds it and
    `wait` is False; with `wait` it blocks until the holder ends."""

    def __init__(self, url: str):
        self.url = url
        self._con = None

    def acquire(self, wait: bool) -> bool:
        self._con = _connect(self.url)
        if self._con.execute("SELECT pg_try_advisory_lock(%s)", (WRITER_LOCK,)).fetchone()[0]:
            return True
        if not wait:
            self.release()
            return False
        self._con.execute("SELECT pg_advisory_lock(%s)", (WRITER_LOCK,))
        return True

    def holder(self) -> str | None:
        """Which ETL process holds the lock ("chibo-etl <host> <pid>"), when it can be told."""
        with _connect(self.url) as con:
            row = con.execute(
                "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
                "WHERE l.locktype = 'advisory' AND l.granted AND "
                "(l.classid::bigint << 32 | l.objid::bigint) = %s", (WRITER_LOCK,)).fetchone()
        return row[0] if row else None

    def release(self) -> None:
        if self._con is not None:
            self._con.close()  # the session's advisory lock goes with it
            self._con = None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def publish_pointer(warehouse: Path, generation: int, file: Path) -> None:
    """Tell every host to serve `generation` (its kept file `file`); nothing without a database."""
    url = database_url()
    if url is None or generation is None:
        return
    relative = file.resolve().relative_to(warehouse.parent.resolve()).as_posix()
    with _connect(url) as con:
        con.execute(CREATE_POINTER)
        con.execute(
            f"INSERT INTO {POINTER_TABLE} (id, generation, file, bytes, sha256, published_by) "
            "VALUES (true, %s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET "
            "generation = excluded.generation, file = excluded.file, bytes = excluded.bytes, "
            "sha256 = excluded.sha256, published_at = now(), published_by = excluded.published_by",
            (generation, relative, file.stat().st_size, sha256_of(file), socket.gethostname()))
