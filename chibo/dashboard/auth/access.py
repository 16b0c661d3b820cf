"""Who may see what: the viewer's Scope and role, always from the server-side session.

Admins and leaders see everything; an analyst sees the provinces and organisation subtrees of
their scope (none: nothing): a current (34) province is all of it, an old (63) one only the
organisations placed in it; outside a request, or without a live session, nothing. In open demo
mode (`python -m chibo.dashboard` on 127.0.0.1 without users) every viewer reads everything.
"""

from __future__ import annotations

from chibo.dashboard import data, runtime
from chibo.dashboard.auth.web import current_user
from chibo.dashboard.data import Scope

UPLOAD_ROLES = ("admin",)  # who may upload files and load them into the warehouse


def current_role() -> str | None:
    """'admin' | 'leader' | 'analyst', 'demo' in open mode, None when nobody is logged in."""
    if runtime.current().open_access:
        return "demo"
    user = current_user()
    return user.role if user else None


def current_scope() -> Scope:
    """The scope of the viewer of the current request."""
    if runtime.current().open_access:
        return Scope.everything()
    user = current_user()
    if user is None:
        return Scope.nothing()
    if user.role in ("admin", "leader"):
        return Scope.everything()
    if user.role != "analyst" or not (user.provinces or user.orgs):
        return Scope.nothing()
    current, old = (data.province_codes(tuple(sorted(user.provinces))) if user.provinces
                    else (frozenset(), frozenset()))
    scope = Scope(provinces=current or None, old_provinces=old or None,
                  org_roots=frozenset(user.orgs) if user.orgs else None)
    return Scope.nothing() if scope == Scope.everything() else scope  # codes no longer known


def is_admin() -> bool:
    return current_role() == "admin"


def may_upload() -> bool:
    return current_role() in UPLOAD_ROLES


def page_allowed(page: dict) -> bool:
    """Pages registered with `roles=(...)` are only for those roles; others for every reader."""
    roles = page.get("roles")
    return roles is None or current_role() in roles
