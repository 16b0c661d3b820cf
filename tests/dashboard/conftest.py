"""Dashboard test helpers: a state dict for the fixture's year 2025, the fixture runtime bound."""

from __future__ import annotations

import pytest


@pytest.fixture
def state2025(dash_app) -> dict:
    """The validated state for the fixture with period 2025 (custom range), Vietnamese."""
    from chibo.dashboard import urlstate
    from chibo.dashboard.auth import access

    state, bad = urlstate.parse("?from=2025-01-01&to=2025-12-31",
                                urlstate.choices_for(access.current_scope()))
    assert bad == []
    return state


@pytest.fixture(autouse=True)
def _on_fixture(fixture_runtime):
    """Every dashboard test starts on the fixture warehouse (some bind another runtime)."""
    from chibo.dashboard import runtime

    with runtime.bound(fixture_runtime):
        yield
