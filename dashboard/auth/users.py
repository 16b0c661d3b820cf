"""The users database (SQLite, owner-only file beside the warehouse): users with role and scope,
server-side sessions, failed logins, and the audit log. Only the standard library."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from dashboard import runtime
from dashboard.auth import passwords

ROLES = ("admin", "leader", "analyst")

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY, role TEXT NOT NULL, provinces TEXT NOT NULL DEFAULT '[]',
    orgs TEXT NOT NULL DEFAULT '[]', password_hash TEXT NOT NULL, created_at TEXT NOT NULL,
    password_changed_at TEXT NOT NULL, last_login_at TEXT);
CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL, address TEXT);
CREATE TABLE IF NOT EXISTS failures (name TEXT NOT NULL, address TEXT, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT, action TEXT NOT NULL,
    target TEXT, detail TEXT, address TEXT);
"""


@dataclass(frozen=True)
class User:
    name: str
    role: str
    provinces: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    last_login_at: str | None = None


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _ts(t: dt.datetime | None = None) -> str:
    return (t or now()).isoformat(" ")


def connect(path: Path | None = None) -> sqlite3.Connection:
    """Open (creating with mode 600 when missing) the users database."""
    path = Path(path or users_db_path())
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)
    con = sqlite3.connect(path, timeout=10, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.executescript(SCHEMA)
    return con


def users_db_path() -> Path:
    """The users database of the current runtime (beside the warehouse unless set)."""
    return runtime.current().settings.users_db_path()


def _user(row) -> User:
    return User(row[0], row[1], tuple(json.loads(row[2])), tuple(json.loads(row[3])), row[4])


def normalise_name(name: str) -> str:
    name = name.strip().lower()
    if not name or len(name) > 64 or not all(c.isalnum() or c in "._-@" for c in name):
        raise ValueError("Tên đăng nhập không hợp lệ (chữ, số, . _ - @) / invalid user name")
    return name


def get_user(name: str, path: Path | None = None) -> User | None:
    with closing(connect(path)) as con:
        row = con.execute("SELECT name, role, provinces, orgs, last_login_at FROM users"
                          " WHERE name = ?", (name.strip().lower(),)).fetchone()
    return _user(row) if row else None


def list_users(path: Path | None = None) -> list[User]:
    with closing(connect(path)) as con:
        rows = con.execute("SELECT name, role, provinces, orgs, last_login_at FROM users"
                           " ORDER BY name").fetchall()
    return [_user(r) for r in rows]


def count_users(path: Path | None = None) -> int:
    path = Path(path or users_db_path())
    if not path.exists():
        return 0
    with closing(connect(path)) as con:
        return con.execute("SELECT count(*) FROM users").fetchone()[0]


def add_user(name: str, role: str, password: str, provinces=(), orgs=(),
             path: Path | None = None) -> User:
    name = normalise_name(name)
    _check_role(role)
    digest = passwords.hash_password(password)
    with closing(connect(path)) as con:
        try:
            con.execute("INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                        (name, role, json.dumps(sorted(set(provinces))),
                         json.dumps(sorted(set(orgs))), digest, _ts(), _ts()))
        except sqlite3.IntegrityError:
            raise ValueError(f"Người dùng đã có / user already exists: {name}") from None
    return get_user(name, path)


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"Vai trò không hợp lệ / unknown role {role!r} (admin, leader, analyst)")


def _update(name: str, sql: str, params: tuple, path: Path | None) -> None:
    with closing(connect(path)) as con:
        cur = con.execute(f"UPDATE users SET {sql} WHERE name = ?", (*params, name.strip().lower()))
        if cur.rowcount == 0:
            raise KeyError(f"Không có người dùng / no such user: {name}")


def set_role(name: str, role: str, path: Path | None = None) -> None:
    _check_role(role)
    _update(name, "role = ?", (role,), path)
    end_sessions(name, path)


def set_scope(name: str, provinces=(), orgs=(), path: Path | None = None) -> None:
    _update(name, "provinces = ?, orgs = ?",
            (json.dumps(sorted(set(provinces))), json.dumps(sorted(set(orgs)))), path)


def set_password(name: str, password: str, path: Path | None = None) -> None:
    _update(name, "password_hash = ?, password_changed_at = ?",
            (passwords.hash_password(password), _ts()), path)
    end_sessions(name, path)
    clear_failures(name, path)


def remove_user(name: str, path: Path | None = None) -> None:
    with closing(connect(path)) as con:
        if con.execute("DELETE FROM users WHERE name = ?", (name.strip().lower(),)).rowcount == 0:
            raise KeyError(f"Không có người dùng / no such user: {name}")
    end_sessions(name, path)


# ---------------------------------------------------------------- logins and lockout


def recent_failures(name: str, path: Path | None = None) -> int:
    """Failed logins for `name` within the lockout window."""
    since = _ts(now() - dt.timedelta(minutes=runtime.current().settings.lockout_minutes))
    with closing(connect(path)) as con:
        return con.execute("SELECT count(*) FROM failures WHERE name = ? AND at >= ?",
                           (name.strip().lower(), since)).fetchone()[0]


def is_locked(name: str, path: Path | None = None) -> bool:
    return recent_failures(name, path) >= runtime.current().settings.login_max_failures


def record_failure(name: str, address: str | None, path: Path | None = None) -> int:
    with closing(connect(path)) as con:
        con.execute("INSERT INTO failures VALUES (?, ?, ?)", (name.strip().lower(), address, _ts()))
    return recent_failures(name, path)


def clear_failures(name: str, path: Path | None = None) -> None:
    with closing(connect(path)) as con:
        con.execute("DELETE FROM failures WHERE name = ?", (name.strip().lower(),))


def authenticate(name: str, password: str, path: Path | None = None) -> User | None:
    """The user when name and password match (a hash is verified even for unknown names)."""
    key = name.strip().lower()
    with closing(connect(path)) as con:
        row = con.execute("SELECT password_hash FROM users WHERE name = ?", (key,)).fetchone()
    if not passwords.verify(row[0] if row else None, password):
        return None
    if passwords.needs_rehash(row[0]):
        set_password(key, password, path)
    return get_user(key, path)


# ---------------------------------------------------------------- sessions (server side)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(name: str, address: str | None, path: Path | None = None) -> str:
    """A new random session token (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    with closing(connect(path)) as con:
        con.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, ?)",
                    (_token_hash(token), name, _ts(), _ts(), address))
        con.execute("UPDATE users SET last_login_at = ? WHERE name = ?", (_ts(), name))
    return token


def session_user(token: str | None, path: Path | None = None) -> User | None:
    """The user of a live session (touching it), or None when unknown, idle or too old."""
    if not token:
        return None
    h, t = _token_hash(token), now()
    settings = runtime.current().settings
    with closing(connect(path)) as con:
        row = con.execute("SELECT name, created_at, last_seen_at FROM sessions WHERE token_hash = ?",
                          (h,)).fetchone()
        if row is None:
            return None
        created, seen = dt.datetime.fromisoformat(row[1]), dt.datetime.fromisoformat(row[2])
        if (t - seen > dt.timedelta(minutes=settings.session_idle_minutes)
                or t - created > dt.timedelta(hours=settings.session_max_hours)):
            con.execute("DELETE FROM sessions WHERE token_hash = ?", (h,))
            return None
        if (t - seen).total_seconds() >= 30:
            con.execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", (_ts(t), h))
        user = con.execute("SELECT name, role, provinces, orgs, last_login_at FROM users"
                           " WHERE name = ?", (row[0],)).fetchone()
    return _user(user) if user else None


def end_session(token: str | None, path: Path | None = None) -> None:
    if token:
        with closing(connect(path)) as con:
            con.execute("DELETE FROM sessions WHERE token_hash = ?", (_token_hash(token),))


def end_sessions(name: str, path: Path | None = None) -> None:
    with closing(connect(path)) as con:
        con.execute("DELETE FROM sessions WHERE name = ?", (name.strip().lower(),))


# ---------------------------------------------------------------- audit log


def audit(action: str, actor: str | None = None, target: str | None = None, detail=None,
          address: str | None = None, path: Path | None = None) -> None:
    """Append one entry: login, login_failed, locked, logout, export, upload_*, user_*."""
    if detail is not None and not isinstance(detail, str):
        detail = json.dumps(detail, ensure_ascii=False, default=str)
    with closing(connect(path)) as con:
        con.execute("INSERT INTO audit (at, actor, action, target, detail, address)"
                    " VALUES (?, ?, ?, ?, ?, ?)", (_ts(), actor, action, target, detail, address))


def audit_log(limit: int = 500, path: Path | None = None) -> list[dict]:
    """The newest entries first: id, at, actor, action, target, detail, address."""
    with closing(connect(path)) as con:
        con.row_factory = sqlite3.Row
        rows = con.execute("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
    return [dict(r) for r in rows]
