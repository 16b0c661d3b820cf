"""Who may see what: the viewer's Scope. Everything for now; access control slots in here only."""

from __future__ import annotations

from dashboard.data import Scope


def current_scope() -> Scope:
    """The scope of the viewer of the current request (later: from the login session)."""
    return Scope.everything()
