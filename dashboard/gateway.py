"""The one gateway to the warehouse file: read-only, one connection per thread, a time limit on
every statement and a trace of every statement. The only module of the dashboard that imports
duckdb; queries reach it through dashboard/data.py, which applies the viewer's scope.

A newly published warehouse file (os.replace by the ETL) is noticed on every call.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

log = logging.getLogger("dashboard.sql")
_TRACES: contextvars.ContextVar[list | None] = contextvars.ContextVar("chibo_sql_trace",
                                                                     default=None)


class QueryTimeout(RuntimeError):
    """A statement ran past the gateway's time limit and was stopped."""


@dataclass(frozen=True)
class Statement:
    """One traced statement: its SQL, its parameters and how long it took (seconds)."""

    sql: str
    params: dict
    seconds: float


class _Watchdog:
    """One thread per gateway that interrupts the statements running past their deadline (a
    timer thread per statement would cost more than a dashboard query)."""

    TICK = 0.2  # seconds between looks: the time limit is kept to within this

    def __init__(self):
        self._running: dict[int, tuple[float, duckdb.DuckDBPyConnection]] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def watch(self, token: int, con, limit: float) -> None:
        with self._lock:
            self._running[token] = (time.monotonic() + limit, con)
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, daemon=True,
                                                name="chibo-query-watchdog")
                self._thread.start()

    def release(self, token: int) -> None:
        with self._lock:
            self._running.pop(token, None)

    def _loop(self) -> None:
        while True:
            time.sleep(self.TICK)
            self._interrupt_late()

    def _interrupt_late(self) -> None:
        now = time.monotonic()
        with self._lock:
            late = [con for deadline, con in self._running.values() if deadline <= now]
        for con in late:
            con.interrupt()


class Gateway:
    """A read-only view of one warehouse file. `time_limit` (seconds) stops a statement that
    runs longer; every statement is logged on `dashboard.sql` and added to active `tracing()`."""

    def __init__(self, path: str | Path, *, threads: int = 1, time_limit: float = 60.0):
        self.path = Path(path).resolve()
        self.threads = threads
        self.time_limit = time_limit
        self._local = threading.local()
        self._watchdog = _Watchdog()

    @classmethod
    def from_settings(cls, settings) -> Gateway:
        return cls(settings.warehouse, threads=settings.threads,
                   time_limit=settings.query_timeout_seconds)

    def signature(self) -> tuple | None:
        """(path, inode, mtime, size) of the warehouse file, or None when it does not exist."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (str(self.path), st.st_ino, st.st_mtime_ns, st.st_size)

    def file_bytes(self) -> int:
        return os.stat(self.path).st_size

    def _connection(self) -> duckdb.DuckDBPyConnection:
        """This thread's read-only connection, reopened when a new generation was swapped in.

        ATTACH into a private in-memory instance: duckdb.connect(path) would reuse a cached
        instance that still points at the replaced file.
        """
        sig = self.signature()
        if sig is None:
            raise FileNotFoundError(f"Không tìm thấy kho dữ liệu / warehouse not found: {self.path}")
        cached = getattr(self._local, "con", None)
        if cached is not None and cached[0] == sig:
            return cached[1]
        if cached is not None:
            cached[1].close()
        con = duckdb.connect(":memory:", config={"threads": self.threads})
        con.execute(f"ATTACH '{str(self.path).replace(chr(39), chr(39) * 2)}' AS wh (READ_ONLY)")
        con.execute("USE wh")
        self._local.con = (sig, con)
        return con

    def _run(self, sql: str, params: dict | None, fetch):
        params = params or {}
        con = self._connection()
        token = threading.get_ident()
        start = time.perf_counter()
        self._watchdog.watch(token, con, self.time_limit)
        try:
            result = fetch(con.execute(sql, params))
        except duckdb.InterruptException:
            raise QueryTimeout(f"Truy vấn quá {self.time_limit:g} giây / query stopped after "
                               f"{self.time_limit:g} s") from None
        finally:
            self._watchdog.release(token)
            seconds = time.perf_counter() - start
            log.debug("%.1f ms %s %s", seconds * 1000, " ".join(sql.split()), params)
            trace = _TRACES.get()
            if trace is not None:
                trace.append(Statement(sql, dict(params), seconds))
        return result

    def query(self, sql: str, params: dict | None = None) -> pd.DataFrame:
        """Run one parameterised SELECT on this thread's connection; a small DataFrame back."""
        return self._run(sql, params, lambda cur: cur.fetch_df())

    def query_row(self, sql: str, params: dict | None = None) -> tuple | None:
        """Run one parameterised SELECT and return its first row (or None)."""
        return self._run(sql, params, lambda cur: cur.fetchone())


@contextlib.contextmanager
def tracing():
    """Collect every statement any gateway runs in this context: `with tracing() as seen:`."""
    seen: list[Statement] = []
    token = _TRACES.set(seen)
    try:
        yield seen
    finally:
        _TRACES.reset(token)
