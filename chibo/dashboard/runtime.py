"""The running dashboard: its settings, its warehouse gateway, its state store (users, sessions,
audit, jobs) and its access mode, built once by
`create_app` and hung on the Flask app. Code finds it with `current()`: the runtime a test or a
command bound with `bound()`, else the one of the app serving the request.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from dataclasses import dataclass, field

import flask
import limits.storage
import limits.strategies

from chibo.dashboard import responses
from chibo.dashboard.gateway import Gateway
from chibo.dashboard.settings import Settings
from chibo.dashboard.store import Store, open_store

_KEY = "chibo"
_BOUND: contextvars.ContextVar[Runtime | None] = contextvars.ContextVar("chibo_runtime",
                                                                       default=None)


@dataclass(frozen=True)
class Runtime:
    """settings: validated at start; gateway, store and rates (the moving-window counter of
    request rates, in CHIBO_RATE_LIMIT_STORAGE): built from them; open_access: demo mode
    without logins (only `python -m chibo.dashboard` on 127.0.0.1 turns it on, never a variable)."""

    settings: Settings
    gateway: Gateway
    store: Store
    open_access: bool = False
    rates: limits.strategies.RateLimiter = field(default=None, compare=False)

    @classmethod
    def build(cls, settings: Settings, open_access: bool = False) -> Runtime:
        uri = settings.rate_limit_storage
        rates = limits.strategies.MovingWindowRateLimiter(
            _Memory() if uri == "memory://" else limits.storage.storage_from_string(uri))
        return cls(settings, Gateway.from_settings(settings), open_store(settings), open_access,
                   rates)


class _Memory(limits.storage.MemoryStorage):
    """limits' memory storage with its expired counts dropped inline, at most once a second,
    rather than by a new timer thread each time the last one ended (one thread every few
    requests under load: a tenth of the CPU of a kept answer). The counts decide alone."""

    _due = 0.0

    def _MemoryStorage__schedule_expiry(self) -> None:
        now = time.monotonic()
        if now >= self._due:
            self._due = now + 1.0
            self._MemoryStorage__expire_events()


def current() -> Runtime:
    """The runtime of this context: bound here, else the serving app's."""
    rt = _BOUND.get()
    if rt is None and flask.has_app_context():
        rt = flask.current_app.extensions.get(_KEY)
    if rt is None:
        raise RuntimeError("no dashboard runtime here: build the app with create_app(settings) "
                           "or bind one with runtime.bound(Runtime.build(settings))")
    return rt


@contextlib.contextmanager
def bound(rt: Runtime):
    """Use `rt` in this context (the command line, a test, a worker thread)."""
    token = _BOUND.set(rt)
    try:
        yield rt
    finally:
        _BOUND.reset(token)


def install(server: flask.Flask, rt: Runtime) -> Runtime | None:
    """Make `rt` the runtime of the app (returns the one it replaces); the responses kept for
    the one before are forgotten (its settings may have drawn them otherwise)."""
    before = server.extensions.get(_KEY)
    server.extensions[_KEY] = rt
    if before is not None and before is not rt:
        responses.RESPONSES.clear()
    return before


def of(server: flask.Flask) -> Runtime:
    return server.extensions[_KEY]
