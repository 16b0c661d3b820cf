"""Faster periods in a real browser: quarter and year presets and named quarters and years in
the period menu, dates typed as dd/mm/yyyy, and period links (named, custom) that work."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def wait_ready(pg):
    pg.wait_for_selector(".chart-card .js-plotly-plot .main-svg", timeout=60000)
    pg.wait_for_load_state("networkidle")


def test_last_quarter_preset_and_a_named_year(page):
    """The fixture's data end 12/2025: 'Quý trước' is Q3/2025; 'Năm 2024' is all of 2024."""
    page.goto(page.base + "/")
    wait_ready(page)
    page.get_by_role("textbox", name="Thời kỳ", exact=True).click()
    page.get_by_role("option", name="Quý trước").click()
    page.wait_for_url(re.compile(r"period=last_quarter"))
    page.wait_for_function("document.querySelector('#filter-from').value === '01/07/2025'")
    assert page.locator("#filter-to").input_value() == "30/09/2025"
    page.get_by_role("textbox", name="Thời kỳ", exact=True).click()
    page.get_by_role("option", name="Năm 2024").click()
    page.wait_for_url(re.compile(r"period=2024"))
    page.wait_for_function("document.querySelector('#filter-to').value === '31/12/2024'")


def test_typed_dates_make_a_custom_period(page):
    """Typing 01/03/2025 in 'Từ ngày' (and leaving the field) sets from=2025-03-01."""
    page.goto(page.base + "/?from=2025-01-01&to=2025-12-31")
    wait_ready(page)
    field = page.locator("#filter-from")
    field.fill("01/03/2025")
    field.press("Enter")
    field.blur()
    page.wait_for_url(re.compile(r"from=2025-03-01&to=2025-12-31"))


def test_period_links_work(page):
    """A named quarter and a 'period=custom' link open with their dates and no notice."""
    page.goto(page.base + "/?period=2025-Q2")
    wait_ready(page)
    page.wait_for_function("document.querySelector('#filter-from').value === '01/04/2025'")
    assert page.locator("#filter-to").input_value() == "30/06/2025"
    page.goto(page.base + "/?period=custom&from=2025-02-01&to=2025-05-31")
    wait_ready(page)
    page.wait_for_function("document.querySelector('#filter-to').value === '31/05/2025'")
    assert page.locator("#filter-notice").inner_text() == ""
