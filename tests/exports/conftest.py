"""Export test helpers: the fixture warehouse's year 2025 as a query string and as a state."""

from __future__ import annotations

import pytest

YEAR = "from=2025-01-01&to=2025-12-31"


@pytest.fixture(autouse=True)
def _on_fixture(fixture_runtime):
    """Every export test reads the fixture warehouse in open access."""
    from chibo.dashboard import runtime

    with runtime.bound(fixture_runtime):
        yield


@pytest.fixture
def client(dash_app):
    return dash_app.server.test_client()


def state_for(search: str) -> dict:
    """The validated state for a query string (whole scope, as in open demo access)."""
    from chibo.dashboard import urlstate
    from chibo.dashboard.auth import access

    state, bad = urlstate.parse(search, urlstate.choices_for(access.current_scope()))
    assert bad == [], bad
    return state
