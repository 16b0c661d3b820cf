"""Accessibility in a real browser: axe-core (bundled by axe-playwright-python, served from the
test process, no network) finds no WCAG 2 A/AA violation, text contrast included, on the main
pages in light and dark themes and in presentation mode; <html lang> is the page's language;
each page has one h1; keyboard focus is visible; every chart card carries a text alternative
naming the chart, the scope shown and its key number."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser
PAGES = {"overview": "/", "members": "/dang-vien", "quality": "/chat-luong",
         "regions": "/vung-mien", "data": "/du-lieu"}
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"]}


def wait_ready(pg):
    """Charts drawn, tables scrolled into view once (ag-grid renders its header cells and
    rows only when seen)."""
    pg.wait_for_selector(".chart-card .js-plotly-plot .main-svg, .ag-row", timeout=60000)
    pg.wait_for_load_state("networkidle")
    for table in pg.locator(".table-card").all():
        table.scroll_into_view_if_needed()
        pg.wait_for_timeout(200)
    pg.evaluate("window.scrollTo(0, 0)")
    pg.wait_for_timeout(500)


def violations(pg, context=None) -> list[str]:
    """'rule: target (summary)' for each node axe finds failing."""
    found = Axe().run(pg, context=context, options=WCAG).response["violations"]
    return [f"{v['id']}: {n['target']} {n.get('failureSummary', '')[:160]}"
            for v in found for n in v["nodes"]]


@pytest.mark.parametrize("name", PAGES)
def test_pages_pass_axe_in_light_and_dark(page, name):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(page.base + PAGES[name])
    wait_ready(page)
    found = violations(page)
    assert found == [], "\n".join(found)
    assert page.locator("h1").count() == 1
    page.locator("#theme-button").click(force=True)
    page.wait_for_function("document.documentElement.dataset.mantineColorScheme === 'dark'")
    page.wait_for_timeout(800)
    found = violations(page)
    assert found == [], "dark:\n" + "\n".join(found)
    shot(page, f"a11y-{name}-dark")


def test_presentation_mode_passes_axe(page):
    page.goto(page.base + "/trinh-chieu?deck=overview-trend,quality-attendance")
    page.wait_for_selector(".slides-root .js-plotly-plot .main-svg", timeout=60000)
    page.wait_for_load_state("networkidle")
    assert violations(page, ".slides-root") == []


def test_language_focus_and_text_alternatives(page):
    """lang follows the switch; Tab reaches a link whose focus ring is drawn; each chart card's
    figure is named by its title, scope and key number."""
    page.goto(page.base + "/dang-vien")
    wait_ready(page)
    assert page.evaluate("document.documentElement.lang") == "vi"
    caption = page.locator(".chart-card figcaption").first
    page.wait_for_function("document.querySelector('.chart-card figcaption').innerText"
                           ".includes('Toàn quốc')")
    text = caption.inner_text()
    assert text.startswith("Đảng viên") and any(c.isdigit() for c in text.split(":")[-1])
    for _ in range(12):
        page.keyboard.press("Tab")
        ring = page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
            return [e.tagName, s.outlineStyle, s.outlineWidth, s.boxShadow]; }""")
        if ring[0] == "A":
            break
    assert ring[0] == "A" and (ring[1] != "none" and ring[2] != "0px" or ring[3] != "none"), ring
    page.get_by_role("button", name="English").click()
    page.wait_for_function("document.documentElement.lang === 'en'")
    print(json.dumps(text, ensure_ascii=False))
