"""Failed logins and the limits on them, counted in the store (so every worker, and every host
sharing the store, counts the same failures; a restart forgets none). Within the lockout window
(`CHIBO_LOCKOUT_MINUTES`, sliding):

- one address and one user name: `CHIBO_LOGIN_MAX_FAILURES` failures lock that name *for that
  address* only, so nobody can lock someone else's account by guessing from elsewhere;
- one address, any names: `CHIBO_LOGIN_MAX_FAILURES_PER_ADDRESS` failures refuse the address;
- one user name, all addresses: after `CHIBO_LOGIN_MAX_FAILURES_PER_USER` failures the name is
  tried only from addresses without a failure for it (the owner's correct password from their
  usual address still gets through; a crowd of addresses gets one guess each).

A refused attempt is answered at once (HTTP 429 with `Retry-After`): nothing waits in a worker.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter

from chibo.dashboard import runtime
from chibo.dashboard.store import utcnow

NO_ADDRESS = "-"


def _window() -> dt.timedelta:
    return dt.timedelta(minutes=runtime.current().settings.lockout_minutes)


def _free_in(failures: list[tuple[dt.datetime, str]], limit: int, now: dt.datetime) -> int:
    """Seconds until fewer than `limit` of the failures lie in the window (0: already)."""
    if len(failures) < limit:
        return 0
    oldest_counted = failures[len(failures) - limit][0]
    return max(1, math.ceil((oldest_counted + _window() - now).total_seconds()))


def wait_seconds(name: str, address: str | None) -> int:
    """0 when `name` may be tried from `address` now, else the seconds to wait."""
    settings = runtime.current().settings
    store = runtime.current().store
    now, address = utcnow(), address or NO_ADDRESS
    since = now - _window()
    pair = store.failures(since, name=name, address=address)
    waits = [_free_in(pair, settings.login_max_failures, now),
             _free_in(store.failures(since, address=address),
                      settings.login_max_failures_per_address, now)]
    if not pair:
        waits.append(0)  # an address without failures for this name is always heard
    else:
        waits.append(_free_in(store.failures(since, name=name),
                              settings.login_max_failures_per_user, now))
    return max(waits)


def record_failure(name: str, address: str | None) -> bool:
    """Count one failed login; True when it locked the name for this address."""
    store = runtime.current().store
    now, address = utcnow(), address or NO_ADDRESS
    store.add_failure(name, address, now)
    pair = store.failures(now - _window(), name=name, address=address)
    return len(pair) == runtime.current().settings.login_max_failures


def clear(name: str, address: str | None = None) -> None:
    """Forget the failures of `name` (from `address` only, when given)."""
    runtime.current().store.clear_failures(name, None if address is None
                                           else address or NO_ADDRESS)


def locked_addresses(name: str) -> list[str]:
    """The addresses locked out of `name` now (the admin page shows them)."""
    settings = runtime.current().settings
    per_address = Counter(a for _at, a in runtime.current().store.failures(
        utcnow() - _window(), name=name))
    return sorted(a for a, n in per_address.items() if n >= settings.login_max_failures)
