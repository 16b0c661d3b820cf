"""What the SQLite and PostgreSQL stores share: every query of chibo.dashboard.store.Store, written once
with `?` placeholders, and the runner of the versioned migrations (chibo/dashboard/store/migrations.py).
A backend supplies the connection (`_db`), the placeholder, how a value is passed and read, and
how it takes the migration lock."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from chibo.dashboard.store import AuditEntry, Exists, Job, KeptAnswer, Session, User, utcnow
from chibo.dashboard.store.migrations import MIGRATIONS

_USER_FIELDS = ("role", "provinces", "orgs", "password_hash", "password_changed_at",
                "last_login_at")
_JOB_FIELDS = ("step", "state", "rc", "accept_valid", "host", "pid")
_USER_COLUMNS = "name, role, provinces, orgs, last_login_at"
_KEPT_COLUMNS = "key, generation, scope, role, lang, viewer, asked"


def to_db(value):
    """Python → database: tuples as JSON text, booleans as 0/1 (times: the backend's `_param`)."""
    if isinstance(value, tuple | list):
        return json.dumps(sorted(set(value)), ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def from_time(value) -> dt.datetime | None:
    """A stored time (ISO text or a timestamp); zone-less values were local time."""
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.astimezone(dt.UTC)


class SqlStore:
    """chibo.dashboard.store.Store over a DB-API connection; see the module docstring."""

    backend = ""  # the key of this backend's SQL in MIGRATIONS
    integrity_error: type[Exception] = Exception

    def _db(self):
        raise NotImplementedError

    def _param(self, value):
        return to_db(value)

    def _sql(self, sql: str) -> str:
        return sql

    def _run(self, sql: str, params=()):
        return self._db().execute(self._sql(sql), [self._param(p) for p in params])

    # ------------------------------------------------------------------ schema
    def _apply_migrations(self, run, where: str) -> None:
        """Inside the caller's transaction (holding the migration lock): apply what is missing."""
        run("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT "
            "NOT NULL, applied_at TEXT NOT NULL)")
        done = {r[0] for r in run("SELECT version FROM schema_migrations").fetchall()}
        newest = max(m.version for m in MIGRATIONS)
        if done and max(done) > newest:
            raise RuntimeError(f"{where}: schema {max(done)} is newer than this program's "
                               f"({newest})")
        for m in MIGRATIONS:
            if m.version in done:
                continue
            for statement in getattr(m, self.backend).split(";"):
                if statement.strip():
                    run(statement)
            run("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                (m.version, m.name, utcnow().isoformat()))

    def schema_version(self) -> int:
        return self._run("SELECT max(version) FROM schema_migrations").fetchone()[0]

    def ping(self) -> None:
        self._run("SELECT count(*) FROM schema_migrations").fetchone()

    # ------------------------------------------------------------------ users
    @staticmethod
    def _user(row) -> User:
        return User(row[0], row[1], tuple(json.loads(row[2])), tuple(json.loads(row[3])),
                    from_time(row[4]))

    def add_user(self, user, password_hash, at) -> None:
        try:
            self._run("INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                      (user.name, user.role, user.provinces, user.orgs, password_hash, at, at))
        except self.integrity_error:
            raise Exists(user.name) from None

    def get_user(self, name) -> User | None:
        row = self._run(f"SELECT {_USER_COLUMNS} FROM users WHERE name = ?", (name,)).fetchone()
        return self._user(row) if row else None

    def list_users(self) -> list[User]:
        return [self._user(r) for r in
                self._run(f"SELECT {_USER_COLUMNS} FROM users ORDER BY name").fetchall()]

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
        return Session(row[0], row[1], from_time(row[2]), from_time(row[3]), row[4]) if row else None

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
        return [(from_time(r[0]), r[1]) for r in self._run(sql + " ORDER BY at", params).fetchall()]

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
                         " ORDER BY id DESC LIMIT ?", (int(limit),)).fetchall()
        return [AuditEntry(from_time(r[0]), *r[1:]) for r in rows]

    # ------------------------------------------------------------------ upload jobs
    @staticmethod
    def _job(r) -> Job:
        return Job(r[0], r[1], tuple(json.loads(r[2])), r[3], from_time(r[4]), from_time(r[5]),
                   r[6], r[7], r[8], bool(r[9]), r[10], r[11])

    def add_job(self, job) -> None:
        row = dataclasses.astuple(job)
        try:
            self._run("INSERT INTO jobs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (*row[:2], json.dumps(list(job.files), ensure_ascii=False), *row[3:]))
        except self.integrity_error:
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

    def claim_job(self, job_id, step, host, accept_valid=False, stale_before=None) -> bool:
        sql = ("UPDATE jobs SET step = ?, state = 'running', rc = NULL, accept_valid = ?, "
               "host = ?, pid = NULL, updated_at = ? WHERE id = ? AND (state <> 'running'")
        params = [step, accept_valid, host, utcnow(), job_id]
        if stale_before is not None:
            sql, params = sql + " OR updated_at < ?", [*params, stale_before]
        return self._run(sql + ")", params).rowcount == 1

    def interrupt_job(self, job_id, host, pid) -> bool:
        sql = ("UPDATE jobs SET state = 'interrupted', updated_at = ? WHERE id = ? "
               "AND state = 'running' AND COALESCE(host, '') = ? AND COALESCE(pid, -1) = ?")
        params = (utcnow(), job_id, host or "", -1 if pid is None else pid)
        return self._run(sql, params).rowcount == 1

    def jobs(self, limit=100) -> list[Job]:
        rows = self._run("SELECT * FROM jobs ORDER BY created_at DESC, id LIMIT ?",
                         (int(limit),)).fetchall()
        return [self._job(r) for r in rows]

    # ------------------------------------------------------------------ kept answers
    def kept_answer(self, key) -> KeptAnswer | None:
        row = self._run(f"SELECT {_KEPT_COLUMNS}, body, content_type, asks FROM kept_answers "
                        "WHERE key = ?", (key,)).fetchone()
        return KeptAnswer(*row[:7], bytes(row[7]), *row[8:]) if row else None

    def keep_answer(self, answer, at, budget) -> None:
        self._run(f"INSERT INTO kept_answers ({_KEPT_COLUMNS}, body, content_type, bytes, asks, "
                  "kept_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO "
                  "UPDATE SET generation = excluded.generation, scope = excluded.scope, "
                  "role = excluded.role, lang = excluded.lang, viewer = excluded.viewer, "
                  "asked = excluded.asked, body = excluded.body, content_type = "
                  "excluded.content_type, bytes = excluded.bytes, kept_at = excluded.kept_at",
                  (*dataclasses.astuple(answer)[:9], len(answer.body), answer.asks, at))
        over = self._run("SELECT coalesce(sum(bytes), 0) FROM kept_answers").fetchone()[0] - budget
        if over <= 0:
            return
        oldest = self._run("SELECT key, bytes FROM kept_answers ORDER BY kept_at, key "
                           "LIMIT 1000").fetchall()
        for key, size in oldest:
            self._run("DELETE FROM kept_answers WHERE key = ?", (key,))
            over -= size
            if over <= 0:
                break

    def count_asks(self, asks) -> None:
        for key, n in asks.items():
            self._run("UPDATE kept_answers SET asks = asks + ? WHERE key = ?", (int(n), key))

    def most_asked(self, other_than, limit) -> list[KeptAnswer]:
        rows = self._run(f"SELECT {_KEPT_COLUMNS}, content_type, asks FROM kept_answers WHERE "
                         "generation <> ? ORDER BY asks DESC, kept_at DESC, key LIMIT ?",
                         (other_than, int(limit))).fetchall()
        return [KeptAnswer(*r[:7], b"", *r[7:]) for r in rows]

    def drop_answers(self, other_than) -> None:
        self._run("DELETE FROM kept_answers WHERE generation <> ?", (other_than,))

    def claim_fill(self, generation, host, at) -> bool:
        try:
            self._run("INSERT INTO kept_fills VALUES (?, ?, ?)", (generation, host, at))
        except self.integrity_error:
            return False
        return True
