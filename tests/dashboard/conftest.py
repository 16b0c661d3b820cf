"""Dashboard test helpers: a state dict for the fixture's year 2025, the full scope."""

from __future__ import annotations

import pytest


@pytest.fixture
def state2025(dash_app) -> dict:
    """The validated state for the fixture with period 2025 (custom range), Vietnamese."""
    from dashboard import access, urlstate

    state, bad = urlstate.parse("?from=2025-01-01&to=2025-12-31",
                                urlstate.choices_for(access.current_scope()))
    assert bad == []
    return state


@pytest.fixture(autouse=True)
def _gateway_on_fixture(fixture_warehouse):
    """Every dashboard test starts with the gateway on the fixture (some tests repoint it)."""
    from dashboard import data

    data.configure(fixture_warehouse)
