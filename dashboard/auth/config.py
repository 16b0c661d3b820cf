"""Access-control settings of this process: open demo access or logins, timeouts, lockout.

Production (gunicorn `dashboard.app:server`) always requires logins; only `python -m dashboard`
on 127.0.0.1 may switch to open demo access (see dashboard/__main__.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROLES = ("admin", "leader", "analyst")
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass
class Settings:
    open_access: bool = False          # demo: no logins, every viewer reads everything
    users_db: Path | None = None       # None: <warehouse dir>/users.sqlite3 (or $CHIBO_USERS_DB)
    idle_minutes: float = float(os.environ.get("CHIBO_SESSION_IDLE_MINUTES", "30"))
    max_session_hours: float = 12.0
    max_failures: int = 5              # consecutive failed logins before a lockout
    lockout_minutes: float = 15.0
    failure_delay: float = 1.0         # seconds a failed login waits, doubled per failure (max 8)
    secure_cookies: bool = os.environ.get("CHIBO_SECURE_COOKIES", "") == "1"  # behind HTTPS


SETTINGS = Settings()


def configure(**changes) -> Settings:
    """Change settings (tests, the command line); unknown names raise."""
    for key, value in changes.items():
        if not hasattr(SETTINGS, key):
            raise AttributeError(key)
        setattr(SETTINGS, key, value)
    return SETTINGS


def users_db_path() -> Path:
    """The users database: next to the warehouse, so rebuilding the warehouse never loses it."""
    if SETTINGS.users_db is not None:
        return Path(SETTINGS.users_db)
    if os.environ.get("CHIBO_USERS_DB"):
        return Path(os.environ["CHIBO_USERS_DB"])
    from dashboard import data

    return data.warehouse_path().parent / "users.sqlite3"


def failure_delay(failures: int) -> float:
    """Seconds to wait after the n-th consecutive failed login (1, 2, 4, 8, 8 … × the base)."""
    return SETTINGS.failure_delay * min(2 ** max(failures - 1, 0), 8)
