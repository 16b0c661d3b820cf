"""The one gateway to the warehouse file: read-only, one DuckDB instance per process (its memory
limit and cached blocks shared) with a cursor per thread, a time limit on every statement and a
trace of every statement. The only module of the dashboard that imports
duckdb; queries reach it through chibo/dashboard/data.py, which applies the viewer's scope.

Which file it reads is decided by chibo/dashboard/serving.py: the published file, noticed anew on
every call after the ETL swaps it in (os.replace), or, when that file is corrupt or unreadable,
the newest good kept generation. A statement that fails for a storage reason (a bad checksum, a
short read) condemns the file and runs again on the next good one, so a viewer gets an answer,
never an error. `serving()` says what is read (for the admin banner and the data page);
`check_start()` refuses a warehouse this DuckDB cannot read, with the reason.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import pandas as pd

from chibo.dashboard import serving, storage
from chibo.dashboard.errors import (
    QueryTimeout,
    QueryTooBig,
    StartRefused,
    WarehouseMissing,
    WarehouseOutdated,
    WarehouseUnreadable,
)
from chibo.dashboard.instances import (  # noqa: F401  (tracing: the gateway's, for callers)
    TRACES,
    Gate,
    Instance,
    Spare,
    Statement,
    Watchdog,
    tracing,
)

log = logging.getLogger("chibo.dashboard.sql")
SPILL = os.path.join(tempfile.gettempdir(), "chibo-duckdb")  # where a query past the memory limit spills
TOO_BIG = ("Truy vấn cần nhiều bộ nhớ hơn mức cho phép: hãy thu hẹp bộ lọc / the query needs "
           "more memory than allowed: narrow the filters")


class _Storage(Exception):
    """A statement failed because of the file it read, not because of the statement."""

    def __init__(self, chosen: serving.Serving, reason: str):
        super().__init__(reason)
        self.chosen, self.reason = chosen, reason


class Gateway:
    """A read-only view of one warehouse file. `time_limit` (seconds) stops a statement that
    runs longer; every statement is logged on `dashboard.sql` and added to active `tracing()`."""

    def __init__(self, path: str | Path, *, threads: int = 1, time_limit: float = 60.0,
                 memory_mb: int = 0):
        self.path = Path(path).resolve()
        self.threads, self.memory_mb = threads, memory_mb
        self.time_limit = time_limit
        self._chooser = serving.Chooser(self.path, self._probe)
        self._columns: dict[tuple, frozenset | None] = {}  # (signature, table): see columns()
        self._after_fork()

    def _after_fork(self) -> None:
        """Per-process state: the shared instance, each thread's cursor, the watchdog thread (a
        forked worker inherits none of them usable: they are dropped, never closed, there)."""
        self._pid = os.getpid()
        self._local = threading.local()
        self._watchdog = Watchdog()
        self._gate = Gate()
        self._shared: Instance | None = None
        self._shared_lock = threading.Lock()
        self._spare = Spare()  # the instance the last probe opened (instances.py)

    @classmethod
    def from_settings(cls, settings) -> Gateway:
        return cls(settings.warehouse, threads=settings.threads, memory_mb=settings.memory_mb,
                   time_limit=settings.query_timeout_seconds)

    def serving(self) -> serving.Serving:
        """What is read now: state (published, fallback, unreadable, missing), the generation
        read and the published one, the reason and since when (`.as_dict()` for JSON)."""
        return self._chooser.current()

    def signature(self) -> tuple | None:
        """(path, inode, mtime, size) of the file read now, or None when none can be read."""
        return self._chooser.current().signature

    def file_bytes(self) -> int:
        return os.stat(self._readable().path).st_size

    def check_start(self) -> serving.Serving:
        """At start: StartRefused (the reason in Vietnamese and English) when the published file
        is in a storage format this DuckDB cannot read, or when no generation can be read."""
        if self.path.exists():
            try:
                self._probe(self.path)
            except serving.Unreadable as e:
                if storage.is_format_problem(str(e)):
                    raise StartRefused(storage.refusal(self.path, str(e), duckdb.__version__)) from None
        chosen = self.serving()
        if chosen.state == serving.UNREADABLE:
            raise StartRefused(storage.refusal(self.path, chosen.reason or "", duckdb.__version__))
        if chosen.path is not None:
            writer = self.query_row("SELECT duckdb_version FROM meta.generation "
                                    "ORDER BY generation DESC LIMIT 1")
            storage.note_versions(chosen.path, writer and writer[0], duckdb.__version__)
        return chosen

    def _probe(self, path: Path) -> int | None:
        """max(meta.generation) of a file opened read-only (kept: instances.Spare), or Unreadable."""
        if self._pid != os.getpid():
            self._after_fork()
        signature = serving.signature_of(path)
        try:
            con = self._spare.take(signature) or _attach(path, self.threads, self.memory_mb)
        except duckdb.Error as e:
            raise serving.Unreadable(_words(e)) from None
        try:
            number = con.execute("SELECT max(generation) FROM meta.generation").fetchone()[0]
        except duckdb.Error as e:
            con.close()
            raise serving.Unreadable(_words(e)) from None
        with self._shared_lock:  # the file served already: no second instance kept
            served = self._shared is not None and self._shared.signature == signature
        if served:
            con.close()
        else:
            self._spare.put(signature, con)
        return number

    def _readable(self) -> serving.Serving:
        """The file chosen now, or WarehouseMissing / WarehouseUnreadable."""
        chosen = self._chooser.current()
        if chosen.path is None:
            if chosen.state == serving.MISSING:
                raise WarehouseMissing(f"Không tìm thấy kho dữ liệu / warehouse not found: "
                                       f"{self.path}")
            raise _unreadable(chosen.reason)
        return chosen

    def _connection(self) -> tuple[serving.Serving, duckdb.DuckDBPyConnection]:
        """This thread's cursor of the process's instance on the file chosen now (a new instance
        after a swap; the old one is closed once no thread uses it)."""
        if self._pid != os.getpid():
            self._after_fork()
        chosen = self._readable()
        cached = getattr(self._local, "con", None)
        if cached is not None and cached[0].signature == chosen.signature:
            return chosen, cached[1]
        self._close()
        with self._shared_lock:
            instance = self._shared
            if instance is None or instance.signature != chosen.signature:
                try:
                    con = (self._spare.take(chosen.signature)
                           or _attach(chosen.path, self.threads, self.memory_mb))
                except duckdb.Error as e:  # the file went bad (or away) since it was chosen
                    raise _Storage(chosen, _words(e)) from None
                if instance is not None:
                    instance.retire()
                instance = self._shared = Instance(chosen.signature, con)
            cursor = instance.take()
        self._local.con = (instance, cursor)
        return chosen, cursor

    def _close(self) -> None:
        cached = getattr(self._local, "con", None)
        self._local.con = None
        if cached is not None:
            with self._shared_lock:
                cached[0].give_back(cached[1])

    def _run(self, sql: str, params: dict | None, fetch):
        """Run on the chosen file; after a storage failure, condemn it and run on the next."""
        params = params or {}
        failed: set = set()
        gate = self._gate.together
        while True:
            try:
                with gate():
                    return self._run_once(sql, params, fetch)
            except duckdb.OutOfMemoryException:  # beside other statements, perhaps: again alone
                if gate == self._gate.alone:
                    log.warning("too big for %s MB: %s", self.memory_mb, " ".join(sql.split()))
                    raise QueryTooBig(TOO_BIG) from None
                gate = self._gate.alone
            except _Storage as e:
                self._close()
                failed.add(e.chosen.signature)
                if self._chooser.condemn(e.chosen, e.reason).signature in failed:
                    raise _unreadable(e.reason) from None

    def _run_once(self, sql: str, params: dict, fetch):
        chosen, con = self._connection()
        token = threading.get_ident()
        start = time.perf_counter()
        self._watchdog.watch(token, con, self.time_limit)
        try:
            return fetch(con.execute(sql, params))
        except duckdb.CatalogException as e:
            raise WarehouseOutdated.of(str(e), sql) or e from None
        except duckdb.InterruptException:
            raise QueryTimeout(f"Truy vấn quá {self.time_limit:g} giây / query stopped after "
                               f"{self.time_limit:g} s") from None
        except duckdb.Error as e:
            if _is_storage_error(e, chosen.path):
                raise _Storage(chosen, _words(e)) from None
            raise
        finally:
            self._watchdog.release(token)
            seconds = time.perf_counter() - start
            log.debug("%.1f ms %s %s", seconds * 1000, " ".join(sql.split()), params)
            trace = TRACES.get()
            if trace is not None:
                trace.append(Statement(sql, dict(params), seconds))

    def query(self, sql: str, params: dict | None = None) -> pd.DataFrame:
        """Run one parameterised SELECT on this thread's connection; a small DataFrame back."""
        return self._run(sql, params, lambda cur: _frame(cur, sql, params))

    def query_row(self, sql: str, params: dict | None = None) -> tuple | None:
        """Run one parameterised SELECT and return its first row (or None)."""
        return self._run(sql, params, lambda cur: cur.fetchone())

    def columns(self, table: str) -> frozenset | None:
        """The columns of `table` ('marts.dim_org') in the file read now, None when it has no
        such table: read by binding the table (pragma_table_info, under a millisecond, where
        duckdb_tables() or duckdb_columns() visit every table's storage: 110–150 ms of CPU at
        national scale) once per generation of the file."""
        key = (self.signature(), table)
        if key not in self._columns:
            try:
                rows = self._run("SELECT name FROM pragma_table_info($t)", {"t": table},
                                 lambda cur: cur.fetchall())
            except duckdb.CatalogException:
                rows = None
            if len(self._columns) > 1000:  # names of files no longer read
                self._columns.clear()
            self._columns[key] = None if rows is None else frozenset(r[0] for r in rows)
        return self._columns[key]


def _frame(cur: duckdb.DuckDBPyConnection, sql: str, params: dict | None) -> pd.DataFrame:
    """The result as a DataFrame, a dictionary-coded id (ENUM, as files published before
    dim_org.org_key stored the big facts' org_id) as text: pandas would turn it into a Categorical of every id in the warehouse (300 000 at
    national scale, ~0,7 s a fetch), so such a statement is read again with the column cast."""
    coded = [d[0] for d in cur.description if str(d[1]).startswith("ENUM(")]
    if not coded:
        return cur.fetch_df()
    casts = ", ".join(f'CAST("{c}" AS VARCHAR) AS "{c}"' for c in coded)
    return cur.execute(f"SELECT * REPLACE ({casts}) FROM ({sql})", params).fetch_df()


def _attach(path: Path, threads: int, memory_mb: int = 0) -> duckdb.DuckDBPyConnection:
    """A private in-memory instance with the file attached read-only as `wh` (duckdb.connect(path)
    would reuse a cached instance that still points at a replaced file)."""
    limit = {"memory_limit": f"{memory_mb}MB"} if memory_mb else {}  # 0: DuckDB's default
    # DuckDB's common-subplan search costs more than it saves on the dashboard's statements over
    # the table macros (150 ms of planning for a 40 ms series of a picked organisation).
    # DuckDB's allocator (its own jemalloc) keeps the pages a statement freed until it allocates
    # again: after a burst a worker held its peak (~100 MiB more than it used) for good. Its
    # background threads give them back to the system within seconds (no CPU cost measured).
    con = duckdb.connect(":memory:", config={"threads": threads, "temp_directory": SPILL,
                                             "disabled_optimizers": "common_subplan",
                                             "allocator_background_threads": True, **limit})
    try:
        con.execute(f"ATTACH '{str(path).replace(chr(39), chr(39) * 2)}' AS wh (READ_ONLY)")
        con.execute("USE wh")
    except BaseException:
        con.close()
        raise
    return con


def _unreadable(reason: str | None) -> WarehouseUnreadable:
    return WarehouseUnreadable(f"Kho dữ liệu không đọc được / the warehouse cannot be read: "
                               f"{reason}")


def _is_storage_error(error: duckdb.Error, path: Path) -> bool:
    """The file failed, not the statement: a checksum that does not match ("Corrupt database
    file"), a short read of the file, a file that is not (or no longer) a readable database."""
    text = str(error)
    return (isinstance(error, duckdb.SerializationException) or "database file" in text.lower()
            or (isinstance(error, duckdb.IOException) and str(path) in text))


def _words(error: duckdb.Error) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
