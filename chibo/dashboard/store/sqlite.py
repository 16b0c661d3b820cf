"""The store in one SQLite file (owner-only, beside the warehouse by default): WAL, one connection
per thread, every write one transaction, the schema brought up to date by the migrations of
chibo/dashboard/store/migrations.py on first use."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sqlite3
import threading
from pathlib import Path

from chibo.dashboard.store import AuditEntry, Exists, Job, Session, User, utcnow
from chibo.dashboard.store.migrations import MIGRATIONS

_USER_FIELDS = ("role", "provinces", "orgs", "password_hash", "password_changed_at",
                "last_login_at")
_JOB_FIELDS = ("step", "state", "rc", "accept_valid", "host", "pid")
_USER_COLUMNS = "name, role, provinces, orgs, last_login_at"


def _text(value):
    """Python → SQLite: times as ISO text in UTC, tuples as JSON, booleans as 0/1."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, tuple | list):
        return json.dumps(sorted(set(value)), ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def _time(text: str | None) -> dt.datetime | None:
    """A stored time; zone-less values (written before migration 2) were local time."""
    return None if text is None else dt.datetime.fromisoformat(text).astimezone(dt.UTC)


class SqliteStore:
    """chibo.dashboard.store.Store in one SQLite file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        self._migrated = False
        self._lock = threading.Lock()

    def describe(self) -> str:
        return str(self.path)

    # ------------------------------------------------------------------ connection, schema
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
        con.execute("BEGIN IMMEDIATE")
        try:
            con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY "
                        "KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            done = {r[0] for r in con.execute("SELECT version FROM schema_migrations")}
            newest = max(v for v, _n, _s in MIGRATIONS)
            if done and max(done) > newest:
                raise RuntimeError(f"{self.path}: schema {max(done)} is newer than this "
                                   f"program's ({newest})")
            for version, name, sql in MIGRATIONS:
                if version in done:
                    continue
                for statement in sql.split(";"):
                    if statement.strip():
                        con.execute(statement)
                con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                            (version, name, _text(utcnow())))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def schema_version(self) -> int:
        return self._db().execute("SELECT max(version) FROM schema_migrations").fetchone()[0]

    def _run(self, sql: str, params=()) -> sqlite3.Cursor:
        return self._db().execute(sql, [_text(p) for p in params])

    def ping(self) -> None:
        self._run("SELECT count(*) FROM schema_migrations").fetchone()

    # ------------------------------------------------------------------ users
    @staticmethod
    def _user(row) -> User:
        return User(row[0], row[1], tuple(json.loads(row[2])), tuple(json.loads(row[3])),
                    _time(row[4]))

    def add_user(self, user, password_hash, at) -> None:
        try:
            self._run("INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                      (user.name, user.role, user.provinces, user.orgs, password_hash, at, at))
        except sqlite3.IntegrityError:
            raise Exists(user.name) from None

    def get_user(self, name) -> User | None:
        row = self._run(f"SELECT {_USER_COLUMNS} FROM users WHERE name = ?", (name,)).fetchone()
        return self._user(row) if row else None

    def list_users(self) -> list[User]:
        return [self._user(r) for r in self._run(f"SELECT {_USER_COLUMNS} FROM users ORDER BY name")]

    def count_users(self) -> int:
        return self._run("SELECT count(*) FROM users").fetchone()[0]

    def update_user(self, name, **fields) -> bool:
        unknown = set(fields) - set(_USER_FIELDS)
        if unknown:
            raise TypeError(f"unknown user fields {unknown}")
        sets = ", ".join(f"{k} = ?" for k in fields)
        return self._run(f"UPDATE users SET {sets} WHERE name = ?",
                         (*fields.values(), name)).rowcount > 0

    def password_hash(self, name) -> str | None:
        row = self._run("SELECT password_hash FROM users WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def remove_user(self, name) -> bool:
        return self._run("DELETE FROM users WHERE name = ?", (name,)).rowcount > 0

    # ------------------------------------------------------------------ sessions
    def add_session(self, session) -> None:
        self._run("INSERT INTO sessions VALUES (?, ?, ?, ?, ?)", dataclasses.astuple(session))

    def get_session(self, token_hash) -> Session | None:
        row = self._run("SELECT token_hash, name, created_at, last_seen_at, address FROM sessions"
                        " WHERE token_hash = ?", (token_hash,)).fetchone()
        return Session(row[0], row[1], _time(row[2]), _time(row[3]), row[4]) if row else None

    def touch_session(self, token_hash, at) -> None:
        self._run("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", (at, token_hash))

    def end_session(self, token_hash) -> None:
        self._run("DELETE FROM sessions WHERE token_hash = ?", (token_hash,))

    def end_sessions(self, name) -> None:
        self._run("DELETE FROM sessions WHERE name = ?", (name,))

    # ------------------------------------------------------------------ failed logins
    def add_failure(self, name, address, at) -> None:
        self._run("INSERT INTO failures VALUES (?, ?, ?)", (name, address, at))

    def failures(self, since, name=None, address=None) -> list[tuple[dt.datetime, str]]:
        sql, params = "SELECT at, address FROM failures WHERE at >= ?", [since]
        if name is not None:
            sql, params = sql + " AND name = ?", [*params, name]
        if address is not None:
            sql, params = sql + " AND address = ?", [*params, address]
        return [(_time(r[0]), r[1]) for r in self._run(sql + " ORDER BY at", params)]

    def clear_failures(self, name, address=None) -> None:
        if address is None:
            self._run("DELETE FROM failures WHERE name = ?", (name,))
        else:
            self._run("DELETE FROM failures WHERE name = ? AND address = ?", (name, address))

    # ------------------------------------------------------------------ audit log
    def add_audit(self, entry) -> None:
        self._run("INSERT INTO audit (at, actor, action, target, detail, address, page)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?)",
                  (entry.at, entry.actor, entry.action, entry.target, entry.detail,
                   entry.address, entry.page))

    def audit(self, limit=500) -> list[AuditEntry]:
        rows = self._run("SELECT at, action, actor, target, detail, address, page, id FROM audit"
                         " ORDER BY id DESC LIMIT ?", (int(limit),))
        return [AuditEntry(_time(r[0]), *r[1:]) for r in rows]

    # ------------------------------------------------------------------ upload jobs
    @staticmethod
    def _job(r) -> Job:
        return Job(r[0], r[1], tuple(json.loads(r[2])), r[3], _time(r[4]), _time(r[5]), r[6],
                   r[7], r[8], bool(r[9]), r[10], r[11])

    def add_job(self, job) -> None:
        row = dataclasses.astuple(job)
        try:
            self._run("INSERT INTO jobs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (*row[:2], json.dumps(list(job.files), ensure_ascii=False), *row[3:]))
        except sqlite3.IntegrityError:
            raise Exists(job.id) from None

    def get_job(self, job_id) -> Job | None:
        row = self._run("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return self._job(row) if row else None

    def update_job(self, job_id, **fields) -> None:
        unknown = set(fields) - set(_JOB_FIELDS)
        if unknown:
            raise TypeError(f"unknown job fields {unknown}")
        fields["updated_at"] = utcnow()
        sets = ", ".join(f"{k} = ?" for k in fields)
        self._run(f"UPDATE jobs SET {sets} WHERE id = ?", (*fields.values(), job_id))

    def jobs(self, limit=100) -> list[Job]:
        rows = self._run("SELECT * FROM jobs ORDER BY created_at DESC, id LIMIT ?", (int(limit),))
        return [self._job(r) for r in rows]
