"""The store in one SQLite file (owner-only, beside the warehouse by default): WAL, one connection
per thread, every write one transaction, the schema brought up to date by the migrations of
chibo/dashboard/store/migrations.py on first use. The queries are chibo/dashboard/store/sql.py's."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from pathlib import Path

from chibo.dashboard.store.sql import SqlStore, to_db


class SqliteStore(SqlStore):
    """chibo.dashboard.store.Store in one SQLite file."""

    backend = "sqlite"
    integrity_error = sqlite3.IntegrityError

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        self._migrated = False
        self._lock = threading.Lock()

    def describe(self) -> str:
        return str(self.path)

    def _param(self, value):
        """Times as ISO text in UTC (so they compare as text), the rest as sql.to_db."""
        if isinstance(value, dt.datetime):
            return value.astimezone(dt.UTC).isoformat()
        return to_db(value)

    def _db(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            if not self.path.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            os.chmod(self.path, 0o600)
            con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=NORMAL")  # WAL: safe when a process dies
            self._local.con = con
            with self._lock:
                if not self._migrated:
                    self._migrate(con)
                    self._migrated = True
        return con

    def _migrate(self, con: sqlite3.Connection) -> None:
        con.execute("BEGIN IMMEDIATE")  # the migration lock: one writer at a time
        try:
            self._apply_migrations(lambda sql, params=(): con.execute(sql, params), str(self.path))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
