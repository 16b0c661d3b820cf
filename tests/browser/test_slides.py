"""Presentation mode in a real browser: the keys a presentation clicker sends, Esc to leave,
and "+ Trình chiếu" on a chart card building my deck (no outside request, no console error)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser
YEAR = "from=2025-01-01&to=2025-12-31"


def test_keyboard_navigation(page):
    """→, Space, Page Down go forward (stopping at the end); ←, Page Up go back; End and Home
    jump to the last and the first slide; Esc leaves."""
    page.goto(f"{page.base}/trinh-chieu?{YEAR}&deck=overview-trend,members-stock,quality-levels")
    counter, title = page.locator("#slides-counter"), page.locator("#slides-title")
    counter.filter(has_text="1 / 3").wait_for(timeout=20_000)
    assert title.inner_text() == "Số đảng viên trong 5 năm gần nhất"
    assert page.locator("#slides-key-value").inner_text() == "45"
    for key, expected in (("ArrowRight", "2 / 3"), ("Space", "3 / 3"), ("PageDown", "3 / 3"),
                          ("ArrowLeft", "2 / 3"), ("PageUp", "1 / 3"), ("End", "3 / 3"),
                          ("Home", "1 / 3"), ("PageDown", "2 / 3")):
        page.keyboard.press(key)
        counter.filter(has_text=expected).wait_for(timeout=20_000)  # generous: a busy machine
    assert title.inner_text() == "Đảng viên chính thức và dự bị"
    page.locator("#slides-graph .main-svg").first.wait_for()
    shot(page, "slides-members-stock")
    page.keyboard.press("Escape")
    page.wait_for_url(f"{page.base}/?{YEAR}", timeout=10_000)


# keydown events sent in one task: keys that come faster than Dash runs a callback (a clicker
# pressed twice while the slide is still drawn), the same every run
PRESS_AT_ONCE = """keys => keys.forEach(key => document.dispatchEvent(
    new KeyboardEvent("keydown", {key: key, bubbles: true, cancelable: true})))"""


def test_quick_presses_each_count_in_order(page):
    """Keys pressed before the last one is drawn each count, in order (Dash merged them into
    one callback call, where → won over ← and two → moved one slide); the on-screen buttons
    and a click on the slide go the same way."""
    page.goto(f"{page.base}/trinh-chieu?{YEAR}&deck=overview-trend,members-stock,quality-levels")
    counter = page.locator("#slides-counter")
    counter.filter(has_text="1 / 3").wait_for(timeout=20_000)
    for keys, expected in ((["ArrowRight", "ArrowRight"], "3 / 3"),
                           (["PageDown", "ArrowLeft"], "2 / 3"),
                           (["End", "ArrowLeft", "ArrowLeft"], "1 / 3"),
                           (["Home", "Space", "PageUp", "ArrowRight"], "2 / 3")):
        page.evaluate(PRESS_AT_ONCE, keys)
        counter.filter(has_text=expected).wait_for(timeout=20_000)
    page.mouse.move(800, 2)  # the controls slide in from the top edge
    page.locator("#slides-prev").click()
    counter.filter(has_text="1 / 3").wait_for(timeout=20_000)
    page.locator("#slides-next").click()
    counter.filter(has_text="2 / 3").wait_for(timeout=20_000)
    page.locator("#slides-title").click()  # the right three quarters: next
    counter.filter(has_text="3 / 3").wait_for(timeout=20_000)
    page.locator("#slides-title").click(position={"x": 5, "y": 5})  # its left end: previous
    counter.filter(has_text="2 / 3").wait_for(timeout=20_000)


def test_auto_advance(page):
    """With auto-advance each tick of its timer shows the next slide, the last one the first;
    a key pressed between ticks counts from the slide it moved to."""
    page.clock.install()  # the page's timers run on this clock; fast_forward fires them
    page.goto(f"{page.base}/trinh-chieu?{YEAR}&deck=overview-trend,members-stock&auto=10")
    counter = page.locator("#slides-counter")
    counter.filter(has_text="1 / 2").wait_for(timeout=20_000)
    for expected in ("2 / 2", "1 / 2"):
        page.clock.fast_forward(10_000)
        counter.filter(has_text=expected).wait_for(timeout=20_000)
    page.keyboard.press("End")
    counter.filter(has_text="2 / 2").wait_for(timeout=20_000)
    page.clock.fast_forward(10_000)
    counter.filter(has_text="1 / 2").wait_for(timeout=20_000)


def test_add_to_presentation_from_a_chart_card(page):
    """The card's button appends the chart to my deck; its link opens the slides with it."""
    page.goto(f"{page.base}/?{YEAR}")
    png = page.locator("a[id*='chart-png'][id*='overview-trend']")
    png.wait_for(timeout=20_000)
    page.wait_for_function("a => a.getAttribute('href')", arg=png.element_handle(),
                           timeout=10_000)  # the card's callbacks are wired
    assert png.get_attribute("href") == f"/export/chart/overview-trend.png?{YEAR}"
    page.locator("[id*='chart-add-slide'][id*='overview-trend']").click()
    link = page.locator("a[id*='chart-open-slides'][id*='overview-trend']")
    link.wait_for(state="visible", timeout=5_000)
    assert "deck=overview-trend" in link.get_attribute("href")
    link.click()
    page.locator("#slides-counter").filter(has_text="1 / 1").wait_for(timeout=20_000)
    assert "/trinh-chieu?" in page.url and "from=2025-01-01" in page.url
