"""Users with role and scope, passwords, server-side sessions and the audit log, on the runtime's
store (chibo/dashboard/store: SQLite beside the warehouse by default). Names are normalised here,
scopes checked against the warehouse, and logged values capped."""

from __future__ import annotations

import hashlib
import json
import secrets

from chibo.dashboard import runtime
from chibo.dashboard.auth import passwords
from chibo.dashboard.auth.scopes import check_scope
from chibo.dashboard.store import AuditEntry, Exists, Session, Store, User, utcnow

__all__ = ["ROLES", "User"]
ROLES = ("admin", "leader", "analyst")
MAX_LOGGED = 200      # characters of one logged value (target, actor, page, address)
MAX_DETAIL = 2000     # characters of an audit entry's detail


def store() -> Store:
    """The store of the current runtime."""
    return runtime.current().store


def normalise_name(name: str) -> str:
    name = name.strip().lower()
    if not name or len(name) > 64 or not all(c.isalnum() or c in "._-@" for c in name):
        raise ValueError("Tên đăng nhập không hợp lệ (chữ, số, . _ - @) / invalid user name")
    return name


def _key(name: str) -> str:
    return name.strip().lower()


def get_user(name: str) -> User | None:
    return store().get_user(_key(name))


def list_users() -> list[User]:
    return store().list_users()


def count_users() -> int:
    return store().count_users()


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"Vai trò không hợp lệ / unknown role {role!r} (admin, leader, analyst)")


def add_user(name: str, role: str, password: str, provinces=(), orgs=()) -> User:
    """A new user; ValueError (bilingual) for a taken name, a bad role, password or scope."""
    name = normalise_name(name)
    _check_role(role)
    digest = passwords.hash_password(password)
    provinces, orgs = check_scope(provinces, orgs)
    try:
        store().add_user(User(name, role, provinces, orgs), digest, utcnow())
    except Exists:
        raise ValueError(f"Người dùng đã có / user already exists: {name}") from None
    return get_user(name)


def _update(name: str, **fields) -> None:
    if not store().update_user(_key(name), **fields):
        raise KeyError(f"Không có người dùng / no such user: {name}")


def set_role(name: str, role: str) -> None:
    _check_role(role)
    _update(name, role=role)
    end_sessions(name)


def set_scope(name: str, provinces=(), orgs=()) -> None:
    provinces, orgs = check_scope(provinces, orgs)
    _update(name, provinces=provinces, orgs=orgs)


def set_password(name: str, password: str) -> None:
    _update(name, password_hash=passwords.hash_password(password),
            password_changed_at=utcnow())
    end_sessions(name)
    store().clear_failures(_key(name))


def remove_user(name: str) -> None:
    if not store().remove_user(_key(name)):
        raise KeyError(f"Không có người dùng / no such user: {name}")
    end_sessions(name)


def authenticate(name: str, password: str) -> User | None:
    """The user when name and password match (a hash is verified even for unknown names)."""
    key = _key(name)
    stored = store().password_hash(key)
    if not passwords.verify(stored, password):
        return None
    if passwords.needs_rehash(stored):
        set_password(key, password)
    return get_user(key)


# ---------------------------------------------------------------- sessions (server side)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(name: str, address: str | None) -> str:
    """A new random session token (only its hash is stored)."""
    token, at = secrets.token_urlsafe(32), utcnow()
    store().add_session(Session(_token_hash(token), name, at, at, _cap(address)))
    store().update_user(name, last_login_at=at)
    return token


def session_user(token: str | None) -> User | None:
    """The user of a live session (touching it), or None when unknown, idle or too old."""
    if not token:
        return None
    h, t = _token_hash(token), utcnow()
    settings = runtime.current().settings
    found = store().get_session(h)
    if found is None:
        return None
    if (t - found.last_seen_at).total_seconds() > settings.session_idle_minutes * 60 or \
            (t - found.created_at).total_seconds() > settings.session_max_hours * 3600:
        store().end_session(h)
        return None
    if (t - found.last_seen_at).total_seconds() >= 30:
        store().touch_session(h, t)
    return store().get_user(found.name)


def end_session(token: str | None) -> None:
    if token:
        store().end_session(_token_hash(token))


def end_sessions(name: str) -> None:
    store().end_sessions(_key(name))


# ---------------------------------------------------------------- audit log


def _cap(value, limit: int = MAX_LOGGED) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def audit(action: str, actor: str | None = None, target: str | None = None, detail=None,
          address: str | None = None, page: str | None = None) -> None:
    """Append one entry: login, login_failed, locked, logout, read, export, upload_*, user_*.
    Every value is capped (a forged filter cannot fill the log)."""
    if detail is not None and not isinstance(detail, str):
        detail = json.dumps(detail, ensure_ascii=False, default=str)
    store().add_audit(AuditEntry(utcnow(), _cap(action), _cap(actor), _cap(target),
                                 _cap(detail, MAX_DETAIL), _cap(address), _cap(page)))


def audit_log(limit: int = 500) -> list[dict]:
    """The newest entries first: id, at (ISO 8601, UTC with its zone), actor, action, page,
    target, detail, address."""
    return [{"id": e.id, "at": e.at.isoformat(), "actor": e.actor, "action": e.action,
             "page": e.page, "target": e.target, "detail": e.detail, "address": e.address}
            for e in store().audit(limit)]
