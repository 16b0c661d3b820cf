"""The store in PostgreSQL (psycopg 3), for several hosts sharing one state: chosen when
CHIBO_DATABASE_URL names a postgresql:// database. One autocommit connection per thread (every
method is one statement, so one transaction), opened again after the server went away; the
schema brought up to date by chibo/dashboard/store/migrations.py on first use, under an advisory lock
so hosts starting together migrate once. The queries are chibo/dashboard/store/sql.py's."""

from __future__ import annotations

import threading

import psycopg
from psycopg.conninfo import conninfo_to_dict

from chibo.dashboard.store.sql import SqlStore

MIGRATION_LOCK = 0x636869626F01  # pg_advisory_xact_lock key of the store's migrations ("chibo" 1)


def is_postgres_url(url: str | None) -> bool:
    return bool(url) and url.split("://", 1)[0] in ("postgresql", "postgres")


class PostgresStore(SqlStore):
    """chibo.dashboard.store.Store in a PostgreSQL database."""

    backend = "postgresql"
    integrity_error = psycopg.errors.UniqueViolation

    def __init__(self, url: str, connect_timeout: int = 10):
        self.url = url
        self.connect_timeout = connect_timeout
        self._local = threading.local()
        self._migrated = False
        self._lock = threading.Lock()

    def describe(self) -> str:
        """host:port/dbname as user (never the password)."""
        info = conninfo_to_dict(self.url)
        return (f"postgresql://{info.get('user', '')}@{info.get('host', '')}:"
                f"{info.get('port', 5432)}/{info.get('dbname', '')}")

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def _connect(self) -> psycopg.Connection:
        return psycopg.connect(self.url, autocommit=True, connect_timeout=self.connect_timeout,
                               application_name="chibo-dashboard")

    def _db(self) -> psycopg.Connection:
        con = getattr(self._local, "con", None)
        if con is None or con.closed or con.broken:
            con = self._local.con = self._connect()
            with self._lock:
                if not self._migrated:
                    self._migrate(con)
                    self._migrated = True
        return con

    def _run(self, sql: str, params=()):
        try:
            return super()._run(sql, params)
        except psycopg.OperationalError:
            con = getattr(self._local, "con", None)
            if con is None or not (con.closed or con.broken):
                raise
            return super()._run(sql, params)  # the server went away and came back: once more

    def _migrate(self, con: psycopg.Connection) -> None:
        with con.transaction():
            con.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            self._apply_migrations(
                lambda sql, params=(): con.execute(self._sql(sql), params), self.describe())
