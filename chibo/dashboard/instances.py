"""The gateway's per-process plumbing (chibo/dashboard/gateway.py opens the connections; this
module never imports DuckDB): the one instance a process holds on the file it serves, handing
out a cursor per thread, the instance a probe opened kept for serving (`Spare`), the watchdog
that stops statements past their time limit, the gate that lets a statement run alone after it
ran out of memory, and the trace of the statements run (`tracing()`)."""

from __future__ import annotations

import contextlib
import contextvars
import threading
import time
from dataclasses import dataclass

TRACES: contextvars.ContextVar[list | None] = contextvars.ContextVar("chibo_sql_trace",
                                                                    default=None)


@dataclass(frozen=True)
class Statement:
    """One traced statement: its SQL, its parameters and how long it took (seconds)."""

    sql: str
    params: dict
    seconds: float


@contextlib.contextmanager
def tracing():
    """Collect every statement any gateway runs in this context: `with tracing() as seen:`."""
    seen: list[Statement] = []
    token = TRACES.set(seen)
    try:
        yield seen
    finally:
        TRACES.reset(token)


class Watchdog:
    """One thread per gateway that interrupts the statements running past their deadline (a
    timer thread per statement would cost more than a dashboard query)."""

    TICK = 0.2  # seconds between looks: the time limit is kept to within this

    def __init__(self):
        self._running: dict[int, tuple[float, object]] = {}
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


class Instance:
    """One DuckDB instance on one file, shared by the threads of a process: each takes its own
    cursor, so the buffer pool, the memory limit and the file's cached blocks are the process's,
    not each thread's. Retired when another file is served; closed when its last cursor is given
    back (closing it closes its cursors). Callers hold the gateway's lock."""

    def __init__(self, signature: tuple | None, con):
        self.signature, self.con = signature, con
        self.users, self.retired = 0, False

    def take(self):
        cursor = self.con.cursor()
        cursor.execute("USE wh")  # the default database is each connection's own
        self.users += 1
        return cursor

    def give_back(self, cursor) -> None:
        cursor.close()
        self.users -= 1
        if self.retired and self.users == 0:
            self.con.close()

    def retire(self) -> None:
        self.retired = True
        if self.users == 0:
            self.con.close()


class Spare:
    """The instance the last probe opened on a file, kept for the gateway to serve that file
    from: opening a warehouse reads its whole catalogue (at national scale ~2 s of CPU and
    ~360 MiB, most of it the dictionaries of the coded org-id columns), and a worker's start
    probed the file twice before opening it a third time to serve it. One is kept at most; the
    one it replaces is closed."""

    def __init__(self):
        self._held: tuple | None = None  # (signature of the file, connection)
        self._lock = threading.Lock()

    def put(self, signature: tuple | None, con) -> None:
        with self._lock:
            old, self._held = self._held, (signature, con)
        if old is not None and old[1] is not con:
            old[1].close()

    def take(self, signature: tuple | None):
        """The kept connection if it was opened on this very file (same signature), else None;
        either way none is kept after."""
        with self._lock:
            held, self._held = self._held, None
        if held is not None and signature is not None and held[0] == signature:
            return held[1]
        if held is not None:
            held[1].close()
        return None


class Gate:
    """Statements of a process's serving threads run side by side (`together()`); one that ran
    out of the instance's memory among them runs again `alone()`: it waits for those running to
    end and holds new ones back, so it has the whole memory limit to itself."""

    def __init__(self):
        self._cond = threading.Condition()
        self._running = 0
        self._waiting = 0
        self._alone = False

    @contextlib.contextmanager
    def together(self):
        with self._cond:
            while self._alone or self._waiting:
                self._cond.wait()
            self._running += 1
        try:
            yield
        finally:
            with self._cond:
                self._running -= 1
                if not self._running:
                    self._cond.notify_all()

    @contextlib.contextmanager
    def alone(self):
        with self._cond:
            self._waiting += 1
            while self._alone or self._running:
                self._cond.wait()
            self._waiting -= 1
            self._alone = True
        try:
            yield
        finally:
            with self._cond:
                self._alone = False
                self._cond.notify_all()
