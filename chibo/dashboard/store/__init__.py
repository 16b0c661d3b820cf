"""The dashboard's own state behind one storage interface: users, sessions, failed logins (the
lockouts are counted from them), the audit log and upload jobs.

`Store` is the interface; `open_store(settings)` gives the one a runtime uses: SQLite beside the
warehouse by default (chibo/dashboard/store/sqlite.py), PostgreSQL when CHIBO_DATABASE_URL names one
(chibo/dashboard/store/postgres.py: several hosts share it); the queries are written once
(chibo/dashboard/store/sql.py), the schema by the same versioned migrations for both. Times cross the interface as aware UTC
datetimes; the records below are what every implementation returns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from chibo.dashboard.settings import Settings


def utcnow() -> dt.datetime:
    """Now, in UTC with its zone, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass(frozen=True)
class User:
    name: str
    role: str
    provinces: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    last_login_at: dt.datetime | None = None


@dataclass(frozen=True)
class Session:
    token_hash: str
    name: str
    created_at: dt.datetime
    last_seen_at: dt.datetime
    address: str | None = None


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log. `page` is the page path a read came from, `target` the chart,
    table, file or user it concerns, `detail` the filters or options (JSON text, capped)."""

    at: dt.datetime
    action: str
    actor: str | None = None
    target: str | None = None
    detail: str | None = None
    address: str | None = None
    page: str | None = None
    id: int | None = None


JOB_STATES = ("new", "running", "done", "interrupted")


@dataclass(frozen=True)
class Job:
    """An upload job: its files (in `folder`), the step run last (validate | load), its state,
    the exit code of the ETL, and the host and process running it."""

    id: str
    user: str
    files: tuple[str, ...]
    folder: str
    created_at: dt.datetime
    updated_at: dt.datetime
    step: str | None = None
    state: str = "new"
    rc: int | None = None
    accept_valid: bool = False
    host: str | None = None
    pid: int | None = None


@dataclass(frozen=True)
class KeptAnswer:
    """A whole callback response kept for every process and host (chibo/dashboard/kept.py):
    `key` is a digest of what it answers (generation, scope, role, language and the request),
    which the other fields repeat so a reader checks them; `viewer` the role and scope of who
    asked (JSON) and `asked` the request body, to draw it again for a new generation; `asks`
    how often it was asked."""

    key: str
    generation: str
    scope: str
    role: str
    lang: str
    viewer: str
    asked: str
    body: bytes
    content_type: str
    asks: int = 1


class Exists(ValueError):
    """The record is there already (a user name, a job id)."""


class Store(Protocol):
    """What the dashboard's state storage must do. Every method is one transaction."""

    # users --------------------------------------------------------------------------------
    def add_user(self, user: User, password_hash: str, at: dt.datetime) -> None:
        """Raises Exists when the name is taken."""

    def get_user(self, name: str) -> User | None: ...

    def list_users(self) -> list[User]:
        """By name."""

    def count_users(self) -> int: ...

    def update_user(self, name: str, **fields) -> bool:
        """Set role, provinces, orgs, password_hash, password_changed_at or last_login_at;
        False when there is no such user."""

    def password_hash(self, name: str) -> str | None: ...

    def remove_user(self, name: str) -> bool: ...

    # sessions (only the hash of a token is stored) ----------------------------------------
    def add_session(self, session: Session) -> None: ...

    def get_session(self, token_hash: str) -> Session | None: ...

    def touch_session(self, token_hash: str, at: dt.datetime) -> None: ...

    def end_session(self, token_hash: str) -> None: ...

    def end_sessions(self, name: str) -> None: ...

    # failed logins ------------------------------------------------------------------------
    def add_failure(self, name: str, address: str | None, at: dt.datetime) -> None: ...

    def failures(self, since: dt.datetime, name: str | None = None,
                 address: str | None = None) -> list[tuple[dt.datetime, str]]:
        """(when, address) of the failures since `since`, oldest first, for a name, an address
        or both (None: any)."""

    def clear_failures(self, name: str, address: str | None = None) -> None: ...

    # audit log ----------------------------------------------------------------------------
    def add_audit(self, entry: AuditEntry) -> None: ...

    def audit(self, limit: int = 500) -> list[AuditEntry]:
        """Newest first."""

    # upload jobs --------------------------------------------------------------------------
    def add_job(self, job: Job) -> None: ...

    def get_job(self, job_id: str) -> Job | None: ...

    def update_job(self, job_id: str, **fields) -> None:
        """Set step, state, rc, accept_valid, host, pid (updated_at follows)."""

    def claim_job(self, job_id: str, step: str, host: str, accept_valid: bool = False,
                  stale_before: dt.datetime | None = None) -> bool:
        """Mark the job running `step` on `host`, atomically: True for the one caller that gets
        it; False when it is running (last updated at or after `stale_before`, when given: a
        running job nobody updated since then was left by a host that died). A running job is
        kept alive by update_job(job_id) (updated_at follows)."""

    def interrupt_job(self, job_id: str, host: str | None, pid: int | None) -> bool:
        """Mark the job interrupted only while it is still the run seen dead (running, on
        `host`, process `pid`): True if so. A run that ended meanwhile (done) or was claimed
        again keeps its state."""

    def jobs(self, limit: int = 100) -> list[Job]:
        """Newest first."""

    # kept answers (whole callback responses, bounded) ------------------------------------
    def kept_answer(self, key: str) -> KeptAnswer | None: ...

    def keep_answer(self, answer: KeptAnswer, at: dt.datetime, budget: int) -> None:
        """Keep (or replace) it, then forget the oldest kept until the bodies take at most
        `budget` bytes."""

    def count_asks(self, asks: dict[str, int]) -> None:
        """Add to the times each kept answer (by key) was asked."""

    def most_asked(self, other_than: str, limit: int) -> list[KeptAnswer]:
        """The answers of generations other than `other_than` asked most (bodies left empty)."""

    def drop_answers(self, other_than: str) -> None:
        """Forget the answers of every generation but `other_than`."""

    def claim_fill(self, generation: str, host: str, at: dt.datetime) -> bool:
        """True for the one caller that gets to draw the most asked answers for `generation`."""

    # operations ---------------------------------------------------------------------------
    def ping(self) -> None:
        """Raise when the storage cannot be reached (the health check)."""

    def describe(self) -> str:
        """Where the state lives, for messages (a path or a database name; never a password)."""


def open_store(settings: Settings) -> Store:
    """The store a runtime built from `settings` uses (opened lazily: nothing is created until
    the first call)."""
    if settings.database_url:
        from chibo.dashboard.store.postgres import PostgresStore

        return PostgresStore(settings.database_url)
    from chibo.dashboard.store.sqlite import SqliteStore

    return SqliteStore(settings.users_db_path())
