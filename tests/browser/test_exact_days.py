"""The overview on the demo data in a real browser: the cards read the exact stocks of the as-of
day, not the month end (issue figures: 10.579 members of the mass-association sector on
11/10/2023, the day a published report counts, where the 31/10 stock differs; 640 base
organisations)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import shot
from tests.helpers import runtime_for, serving

pytestmark = pytest.mark.browser
URL = "/?sector=mass_association&asof=2023-10-11&period=custom&from=2023-01-01&to=2023-10-11"


@pytest.fixture
def on_demo(demo_warehouse, dash_app):
    """The app serves the demo for this test, then the fixture warehouse again."""
    with serving(dash_app, runtime_for(demo_warehouse)):
        yield


def card(key: str) -> str:
    return f"document.querySelector('#kpi-{key} .kpi-value')"


def test_overview_cards_read_the_as_of_day(page, on_demo):
    page.goto(page.base + URL)
    page.wait_for_function(f"{card('members')} && {card('members')}.innerText === '10.579'",
                           timeout=60000)
    assert page.locator("#kpi-base_orgs .kpi-value").inner_text() == "640"
    # a custom range is not an ignored value
    assert "period=custom" not in page.locator("body").inner_text()
    page.wait_for_selector("text=5 năm đến 11/10/2023", timeout=60000)  # the trend ends that day
    shot(page, "overview-exact-day")


def test_the_definition_of_a_card_opens_from_the_keyboard(page, on_demo):
    """The "ⓘ" of the members card: focused and opened with Enter, it shows the registry's
    definition of the figure (what it counts, on which day)."""
    page.goto(page.base + URL)
    page.wait_for_function(f"{card('members')} && {card('members')}.innerText === '10.579'",
                           timeout=60000)
    button = page.locator("#kpi-members .metric-info-button")
    definition = page.locator("#kpi-members .metric-info")
    assert not definition.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    definition.wait_for(state="visible", timeout=60000)
    assert "ngày được chọn" in definition.inner_text()
    page.keyboard.press("Enter")
    definition.wait_for(state="hidden", timeout=60000)
